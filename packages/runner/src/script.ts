import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { RunnerError } from "./errors.js";
import { runtimeTypes } from "./paths.js";
import { loadSiblingMap, type ScriptMap, type SourceMapV3 } from "./traceback.js";

/** Compiled Python plus its source map (what `compileFile` returns). */
export interface CompiledScript {
  python: string;
  sourceMap?: SourceMapV3;
  /** Name for the .py file written for the run (default `script.py`). */
  fileName?: string;
  /** Folder that relative `sources` in the map are resolved against (default: cwd). */
  sourceMapDir?: string;
}

/** What can be run: a .py file (its `.py.map` is used when present), a .ts entry, or compiled code. */
export type Runnable = string | CompiledScript;

/** Compile a .ts entry (the default loads `@bpyts/compiler`). */
export type CompileHook = (
  entry: string,
  typeRoots: string[],
) => Promise<{ python: string; sourceMap?: SourceMapV3 }>;

/** Raised when a .ts entry does not compile; `errors` are formatted diagnostics. */
export class CompileError extends Error {
  override name = "CompileError";
  constructor(readonly errors: string[]) {
    super(errors.join("\n"));
  }
}

interface CompilerModule {
  compileFile(o: { entry: string; typeRoots?: string[] }): {
    python?: string;
    sourceMap?: SourceMapV3;
    diagnostics: { category: string }[];
  };
  formatDiagnostic(d: unknown, cwd?: string): string;
}

/** `@bpyts/blender-X.Y/index.d.ts` for a Blender version, from the entry's project or ours. */
export function blenderTypings(version: string, fromDir: string): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return undefined;
  const pkg = `@bpyts/blender-${m[1]}.${m[2]}/package.json`;
  for (const base of [fromDir, import.meta.dirname]) {
    try {
      const index = join(dirname(createRequire(join(base, "noop.js")).resolve(pkg)), "index.d.ts");
      if (existsSync(index)) return index;
    } catch {
      // not installed there
    }
  }
  return undefined;
}

export const defaultCompile: CompileHook = async (entry, typeRoots) => {
  const specifier = "@bpyts/compiler";
  let compiler: CompilerModule;
  try {
    compiler = (await import(specifier)) as CompilerModule;
  } catch (e) {
    throw new RunnerError(
      "BPY0006",
      `cannot load @bpyts/compiler to compile ${entry}: ${(e as Error).message}`,
    );
  }
  const result = compiler.compileFile({ entry, typeRoots: [runtimeTypes, ...typeRoots] });
  const errors = result.diagnostics.filter((d) => d.category === "error");
  if (errors.length || result.python === undefined) {
    throw new CompileError(errors.map((d) => compiler.formatDiagnostic(d)));
  }
  return { python: result.python, sourceMap: result.sourceMap };
};

/** A script ready to run: its absolute path, its map, and how to clean up. */
export interface PreparedScript {
  script: string;
  scriptMap?: ScriptMap;
  cleanup: () => Promise<void>;
}

/** The name of the .py a runnable is written as (in `keepDir`, or a temp folder). */
export function scriptFileName(runnable: Runnable): string {
  if (typeof runnable !== "string") return runnable.fileName ?? "script.py";
  const name = basename(runnable);
  return extname(name) === ".py" ? name : name.replace(/\.[cm]?tsx?$/, "") + ".py";
}

/**
 * Materialise a runnable as a .py file on disk. Compiled code goes to `keepDir` (left there, with
 * its `.py.map`) or to a temp folder removed by `cleanup`.
 */
export async function prepareScript(
  runnable: Runnable,
  options: {
    keepDir?: string;
    compile?: CompileHook;
    typeRoots?: string[];
    blenderVersion?: string;
    /** Detects the version when a .ts entry needs typings and `blenderVersion` is not given. */
    detectVersion?: () => Promise<string | undefined>;
  },
): Promise<PreparedScript> {
  let compiled: CompiledScript;
  if (typeof runnable === "string") {
    const file = resolve(runnable);
    if (!existsSync(file)) throw new RunnerError("BPY0107", `script not found: ${runnable}`);
    if (extname(file) === ".py" && !options.keepDir) {
      return { script: file, scriptMap: loadSiblingMap(file), cleanup: async () => {} };
    }
    if (extname(file) === ".py") {
      const { readFile } = await import("node:fs/promises");
      const map = loadSiblingMap(file);
      compiled = {
        python: await readFile(file, "utf8"),
        sourceMap: map?.map,
        fileName: scriptFileName(file),
        sourceMapDir: dirname(file),
      };
    } else {
      const typeRoots = [...(options.typeRoots ?? [])];
      const version = options.typeRoots
        ? undefined
        : (options.blenderVersion ?? (await options.detectVersion?.().catch(() => undefined)));
      if (version) {
        const typings = blenderTypings(version, dirname(file));
        if (typings) typeRoots.push(typings);
      }
      const out = await (options.compile ?? defaultCompile)(file, typeRoots);
      compiled = {
        ...out,
        fileName: scriptFileName(file),
        sourceMapDir: process.cwd(),
      };
    }
  } else {
    compiled = runnable;
  }
  const dir = options.keepDir
    ? resolve(options.keepDir)
    : await mkdtemp(join(tmpdir(), "bpyts-job-"));
  await mkdir(dir, { recursive: true });
  const script = join(dir, scriptFileName(compiled));
  await writeFile(
    script,
    compiled.python.endsWith("\n") ? compiled.python : `${compiled.python}\n`,
  );
  let scriptMap: ScriptMap | undefined;
  if (compiled.sourceMap) {
    const baseDir = resolve(compiled.sourceMapDir ?? process.cwd());
    // Written with absolute sources so the .py.map stays valid wherever the .py is.
    const map: SourceMapV3 = {
      ...compiled.sourceMap,
      file: basename(script),
      sourceRoot: undefined,
      sources: compiled.sourceMap.sources.map((s) =>
        s === null
          ? null
          : s.startsWith("file://")
            ? s
            : resolve(baseDir, compiled.sourceMap?.sourceRoot ?? "", s),
      ),
    };
    await writeFile(`${script}.map`, JSON.stringify(map));
    scriptMap = { script, map, baseDir };
  }
  return {
    script,
    scriptMap,
    cleanup: options.keepDir ? async () => {} : () => rm(dir, { recursive: true, force: true }),
  };
}

/** JSON-encode a job's input, or fail with a clear error. */
export function encodeInput(input: unknown): unknown {
  if (input === undefined) return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch (e) {
    throw new RunnerError("BPY0105", `input is not JSON-serialisable: ${(e as Error).message}`);
  }
  if (text === undefined)
    throw new RunnerError("BPY0105", `input is not JSON-serialisable: ${typeof input}`);
  return JSON.parse(text) as unknown;
}
