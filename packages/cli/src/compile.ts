import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { CompileCache, cacheDirFor, commandStamp, fingerprint, type CacheInput } from "./cache.js";
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

/** A compile's output and, when it was recorded, the file-system answers it got. */
export interface RecordedCompile<T extends Compiled = Compiled> {
  compiled: T;
  inputs?: CacheInput[];
}

/** Run an in-process compile under the compile cache's recorder (see ./cache.ts). */
export async function recorded<T>(
  compile: () => Promise<T>,
): Promise<{ compiled: T; inputs: CacheInput[] }> {
  const recorder = (await loadCompiler()).recordFileSystem(fingerprint);
  let compiled: T;
  try {
    compiled = await compile();
  } catch (e) {
    recorder.stop();
    throw e;
  }
  return { compiled, inputs: recorder.stop() };
}

/**
 * A compile through the compile cache (./cache.ts): keyed by everything that is not a file
 * (`key`), valid while every file-system answer the compiler got still holds. A hit loads
 * neither the compiler nor TypeScript; its warnings are replayed by the caller as on a miss.
 * `compile(true)` must return the inputs it recorded (in this process or the compile server).
 */
export async function cachedCompile<T extends Compiled>(
  entry: string,
  key: Record<string, unknown>,
  compile: (record: boolean) => Promise<RecordedCompile<T>>,
): Promise<Compiled> {
  const file = assertEntry(entry);
  const cache = new CompileCache(cacheDirFor(file));
  const id = CompileCache.key({
    ...key,
    entry: file,
    cwd: process.cwd(),
    node: process.version,
    bpyts: commandStamp(),
  });
  const hit = cache.lookup(id);
  if (hit) return { ...hit, sourceMap: hit.sourceMap as SourceMapV3 };
  const { compiled, inputs } = await compile(true);
  const { python, sourceMap, warnings } = compiled;
  // No inputs, no entry: an entry that cannot be invalidated would be served stale.
  if (inputs?.length) cache.store(id, inputs, { python, sourceMap, warnings });
  return { python, sourceMap, warnings };
}
