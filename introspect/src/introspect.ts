import { mkdtemp, readFile, rm, writeFile, rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { blenderArgv, findBlender, OutputTail, spawnProcess } from "@bpyts/runner";
import type { Schema } from "./schema.js";
import { parseSchema } from "./load.js";

export interface IntrospectOptions {
  /** Blender executable (else `findBlender()`: $BLENDER, PATH, usual places). */
  blender?: string;
  /** A Python interpreter that can `import bpy` (the bpy module); wins over `blender`. */
  python?: string;
  /** Also write the validated schema here (`.json`, or `.json.gz` gzipped with mtime 0). */
  output?: string;
  /** Add-on modules to enable before the dump. */
  addons?: string[];
  /** Kill the dump after this long (default 5 minutes). */
  timeoutMs?: number;
}

/** The dump failed inside Blender/Python (message includes the tail of its output). */
export class IntrospectError extends Error {
  override name = "IntrospectError";
}

/** Directory of the Python dumper (`introspect/python`), shipped with the package. */
export const PYTHON_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "python");
/** The dumper script run inside Blender. */
export const DUMPER_SCRIPT = join(PYTHON_DIR, "bpyts_introspect.py");

/**
 * Command line that dumps the API of `blender` into `output` (exported for tests/--verbose): the
 * runner's one Blender command line (`blenderArgv`: background, factory settings, autoexec off).
 */
export function introspectArgs(output: string, addons: readonly string[] = []): string[] {
  const args = ["--output", output];
  if (addons.length) args.push("--addons", addons.join(","));
  return blenderArgv({ script: DUMPER_SCRIPT, args });
}

const PY_ENTRY =
  "import sys, bpy; sys.path.insert(0, sys.argv[1]); import bpyts_introspect; " +
  "bpyts_introspect.dump(sys.argv[2], [a for a in sys.argv[3].split(',') if a])";

function tail(text: string, lines = 30): string {
  return text.split("\n").slice(-lines).join("\n").trim();
}

/**
 * Dump the Python API of a Blender (or a Python with the `bpy` module), validate it, and
 * optionally write it to `output`. Rejects with IntrospectError (dump failed, e.g. a context
 * member missing from the type map) or SchemaValidationError (the dump is not a valid schema).
 */
export async function introspect(options: IntrospectOptions = {}): Promise<Schema> {
  const addons = [...new Set(options.addons ?? [])].filter(Boolean).sort();
  for (const a of addons) {
    if (a.includes(",")) throw new IntrospectError(`invalid add-on name ${JSON.stringify(a)}`);
  }
  const dir = await mkdtemp(join(tmpdir(), "bpyts-introspect-"));
  try {
    const dumpPath = join(dir, "schema.json");
    let file: string;
    let args: string[];
    if (options.python) {
      file = options.python;
      args = ["-c", PY_ENTRY, PYTHON_DIR, dumpPath, addons.join(",")];
    } else {
      file = await findBlender(options.blender !== undefined ? { blender: options.blender } : {});
      args = introspectArgs(dumpPath, addons);
    }
    // Its own process group, killed whole on timeout or when we die (@bpyts/runner's spawnProcess).
    const all = new OutputTail();
    const result = await spawnProcess(file, args, {
      timeoutMs: options.timeoutMs ?? 300_000,
      killGraceMs: 0,
      onStdout: (c) => all.push(c),
      onStderr: (c) => all.push(c),
    });
    if (result.spawnError) {
      throw new IntrospectError(`cannot start ${file}: ${result.spawnError.message}`);
    }
    if (result.timedOut) {
      throw new IntrospectError(
        `introspection with ${file} timed out after ${options.timeoutMs ?? 300_000} ms`,
      );
    }
    if (result.exitCode !== 0) {
      const out = all.toString();
      const ours = out.split("\n").filter((l) => l.includes("bpyts:"));
      throw new IntrospectError(
        `introspection with ${file} failed (exit ${result.exitCode ?? result.signal ?? "?"})` +
          (ours.length ? `: ${ours.join("; ")}` : "") +
          `\n${tail(out)}`,
      );
    }
    const bytes = await readFile(dumpPath).catch(() => {
      throw new IntrospectError(
        `introspection with ${file} wrote no schema\n${tail(all.toString())}`,
      );
    });
    const schema = parseSchema(bytes, `(dump of ${file})`);
    if (options.output) {
      const data = options.output.endsWith(".gz") ? gzipSync(bytes, { level: 9 }) : bytes;
      const tmp = `${options.output}.tmp-${process.pid}`;
      await writeFile(tmp, data);
      await rename(tmp, options.output);
    }
    return schema;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
