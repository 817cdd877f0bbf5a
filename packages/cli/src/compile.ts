import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { runtimeTypes } from "@bpyts/runner";
import { loadCompiler, type SourceMapV3 } from "./compiler.js";
import { CliError } from "./errors.js";

export interface Compiled {
  python: string;
  sourceMap: SourceMapV3;
  warnings: string[];
}

/**
 * Compile an entry against one typings file plus the runtime module's declarations
 * (`declare module "bpyts/runtime"`); prints nothing, throws formatted errors.
 */
export async function compileEntry(entry: string, typings: string): Promise<Compiled> {
  const file = assertEntry(entry);
  const compiler = await loadCompiler();
  const result = compiler.compileFile({ entry: file, typeRoots: [typings, runtimeTypes] });
  const errors = result.diagnostics.filter((d) => d.category === "error");
  const warnings = result.diagnostics
    .filter((d) => d.category !== "error")
    .map((d) => compiler.formatDiagnostic(d));
  if (errors.length || result.python === undefined || !result.sourceMap) {
    throw new CompileFailed(
      errors.map((d) => compiler.formatDiagnostic(d)),
      warnings,
    );
  }
  return { python: result.python, sourceMap: result.sourceMap, warnings };
}

/** The entry's absolute path; a missing entry is BPY0001 (checked before anything else). */
export function assertEntry(entry: string): string {
  const file = resolve(entry);
  if (!existsSync(file)) throw new CliError("BPY0001", `entry file not found: ${entry}`, file);
  return file;
}

export class CompileFailed extends Error {
  constructor(
    readonly errors: string[],
    readonly warnings: string[],
  ) {
    super(errors.join("\n"));
  }
}

/**
 * Write `out` and `out.map` so that a reader never sees a half-written file and a failed
 * compile leaves any previous output untouched (write to a temp name, then rename).
 */
export async function writeOutput(out: string, compiled: Compiled): Promise<void> {
  const file = resolve(out);
  const map = { ...compiled.sourceMap, file: basename(file) };
  const python = `${compiled.python}${compiled.python.endsWith("\n") ? "" : "\n"}`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(`${file}.map.tmp`, JSON.stringify(map));
    await writeFile(`${file}.tmp`, python);
    await rename(`${file}.map.tmp`, `${file}.map`);
    await rename(`${file}.tmp`, file);
  } catch (e) {
    throw new CliError("BPY0002", `cannot write ${out}: ${(e as Error).message}`);
  }
}
