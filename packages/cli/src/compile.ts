import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { compileFile, formatDiagnostic, type CompileResult } from "@bpyts/compiler";
import { CliError } from "./errors.js";

export interface Compiled {
  python: string;
  sourceMap: NonNullable<CompileResult["sourceMap"]>;
  warnings: string[];
}

/** Compile an entry against one typings file; prints nothing, throws a list of formatted errors. */
export function compileEntry(entry: string, typings: string): Compiled {
  const file = resolve(entry);
  if (!existsSync(file)) throw new CliError("BPY0001", `entry file not found: ${entry}`, file);
  const result = compileFile({ entry: file, typeRoots: [typings] });
  const errors = result.diagnostics.filter((d) => d.category === "error");
  const warnings = result.diagnostics.filter((d) => d.category !== "error").map((d) => formatDiagnostic(d));
  if (errors.length || result.python === undefined || !result.sourceMap) {
    throw new CompileFailed(errors.map((d) => formatDiagnostic(d)), warnings);
  }
  return { python: result.python, sourceMap: result.sourceMap, warnings };
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
