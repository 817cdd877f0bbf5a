import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CompileCache, cacheDirFor, fingerprint, type CacheInput } from "./cache.js";
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

/**
 * A compile through the compile cache (./cache.ts): keyed by everything that is not a file
 * (`key`), valid while every file-system answer the compiler got still holds. A hit loads
 * neither the compiler nor TypeScript; its warnings are replayed by the caller as on a miss.
 */
export async function cachedCompile<T extends Compiled>(
  entry: string,
  key: Record<string, unknown>,
  compile: () => Promise<T>,
): Promise<Compiled> {
  const file = assertEntry(entry);
  const cache = new CompileCache(cacheDirFor(file));
  const id = CompileCache.key({
    ...key,
    entry: file,
    cwd: process.cwd(),
    node: process.version,
    bpyts: compilerStamp(),
  });
  const hit = cache.lookup(id);
  if (hit) return { ...hit, sourceMap: hit.sourceMap as SourceMapV3 };
  const recorder = (await loadCompiler()).recordFileSystem(fingerprint);
  let compiled: T;
  let inputs: CacheInput[];
  try {
    compiled = await compile();
  } finally {
    inputs = recorder.stop();
  }
  const { python, sourceMap, warnings } = compiled;
  cache.store(id, inputs, { python, sourceMap, warnings });
  return { python, sourceMap, warnings };
}

/**
 * The compiler's build (size + mtime of every file of @bpyts/compiler, TypeScript's version):
 * a rebuilt or upgraded compiler misses every entry. Stats only: no file is read.
 */
function compilerStamp(): string {
  const require = createRequire(import.meta.url);
  const stamps: string[] = [];
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        stamps.push(`${p}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  try {
    walk(dirname(require.resolve("@bpyts/compiler")));
    walk(dirname(fileURLToPath(import.meta.url))); // the CLI's own build (project lookup, warnings)
    stamps.push(
      `typescript:${(require("typescript/package.json") as { version: string }).version}`,
    );
  } catch (e) {
    stamps.push(`unknown:${(e as Error).message}`);
  }
  return createHash("sha256").update(stamps.join("\n")).digest("hex");
}
