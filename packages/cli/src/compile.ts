import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { runtimeTypes } from "@bpyts/runner";
import { loadCompiler, type SourceMapV3 } from "./compiler.js";
import { CliError } from "./errors.js";
import { writeOutputs } from "./output.js";

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
 * Write `out` and `out.map` as one set through the safe writer (./output.ts): atomic, never over
 * a special file, a link or a source of the program (BPY0025/BPY0026), no temp left behind.
 */
export async function writeOutput(out: string, compiled: Compiled): Promise<void> {
  const file = resolve(out);
  const map = { ...compiled.sourceMap, file: basename(file) };
  const python = `${compiled.python}${compiled.python.endsWith("\n") ? "" : "\n"}`;
  await writeOutputs(
    [
      { path: file, data: python },
      { path: `${file}.map`, data: JSON.stringify(map) },
    ],
    { inputs: programInputs(compiled, file), label: out },
  );
}

/** The program's source files (the map's `sources`, relative to the map as in source map v3). */
export function programInputs(compiled: Compiled, out: string): string[] {
  const root = resolve(dirname(out), compiled.sourceMap.sourceRoot ?? "");
  return compiled.sourceMap.sources.filter((s): s is string => !!s).map((s) => resolve(root, s));
}
