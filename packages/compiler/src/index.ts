/**
 * @bpyts/compiler: TypeScript → readable Python for Blender.
 *
 * TypeScript's own diagnostics come first; when there are none the program is transformed into a
 * Python AST (type-directed, see src/transform) and printed with a v3 source map.
 */
import ts from "./ts.cjs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { byCode } from "@bpyts/diagnostics";
import { createHost, emitEntry, tsErrors } from "./host.js";
import { overflowInText } from "./limits-diagnostics.js";
import { isStackOverflow } from "./transform/depth.js";

export { recordFileSystem, type RecordedInput } from "./host.js";

import type { SourceMapV3 } from "./python/printer.js";

export type { SourceMapV3 } from "./python/printer.js";

export interface CompileOptions {
  /** path of the entry .ts file */
  entry: string;
  /** extra .d.ts files added as program root files (the Blender typings) */
  typeRoots?: string[];
  /** overrides of the default compiler options */
  compilerOptions?: ts.CompilerOptions;
}

export interface BpyDiagnostic {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** "BPY1001" … or "TS2322" for TypeScript's own */
  code: string;
  category: "error" | "warning";
  message: string;
  suggestion?: string;
}

export interface CompileResult {
  /** undefined when there is any error */
  python?: string;
  /** v3 source map: "sources" are the TS files, "file" the .py name */
  sourceMap?: SourceMapV3;
  diagnostics: BpyDiagnostic[];
}

/** The compiler's codes (BPY1xxx, BPY19xx, BPY2xxx) keyed by code; all codes: @bpyts/diagnostics. */
export const diagnostics: Record<
  string,
  { code: string; message: string; suggestion?: string; category?: "error" | "warning" }
> = Object.fromEntries(
  [...byCode.values()]
    .filter((d) => d.phase === "compiler" || d.phase === "project" || d.phase === "blender")
    .map((d) => [
      d.code,
      {
        code: d.code,
        message: d.message,
        ...(d.suggestion !== undefined && { suggestion: d.suggestion }),
        ...(d.category !== undefined && { category: d.category }),
      },
    ]),
);

/** The ambient declarations of the globals the compiler supports (console, …). */
export const globalsDeclarationFile: string = fileURLToPath(
  new URL("../lib/bpyts-globals.d.ts", import.meta.url),
);

export const defaultCompilerOptions: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noEmit: true,
  // esnext.disposable: `using` and the typings' ContextManager<T> = T & Disposable (Blender layer)
  lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
  types: [],
  skipLibCheck: true,
};

function compile(
  entry: string,
  typeRoots: string[],
  overrides: ts.CompilerOptions | undefined,
  virtual: Map<string, string>,
): CompileResult {
  const options: ts.CompilerOptions = { ...defaultCompilerOptions, ...overrides, noEmit: true };
  const rootNames = [entry, globalsDeclarationFile, ...typeRoots.map((t) => path.resolve(t))];
  let program: ts.Program;
  let tsDiags: BpyDiagnostic[];
  try {
    program = ts.createProgram({ rootNames, options, host: createHost(options, virtual) });
    tsDiags = tsErrors(ts.getPreEmitDiagnostics(program));
  } catch (e) {
    // TypeScript's recursive parser and checker overflow the stack on very deep nesting
    if (!isStackOverflow(e)) throw e;
    return { diagnostics: [overflowInText(entry, virtual)] };
  }
  return emitEntry(program, entry, tsDiags);
}

export function compileFile(options: CompileOptions): CompileResult {
  return compile(
    path.resolve(options.entry),
    options.typeRoots ?? [],
    options.compilerOptions,
    new Map(),
  );
}

/** Compile source text held in memory (tests). Relative imports still resolve on disk. */
export function compileSource(
  source: string,
  options: { fileName?: string; typeRoots?: string[] } = {},
): CompileResult {
  const fileName = path.resolve(options.fileName ?? "input.ts");
  return compile(fileName, options.typeRoots ?? [], undefined, new Map([[fileName, source]]));
}

/** `<file>:<line>:<col> - error BPY1001: <message>` (+ `\n  suggestion: …`), file relative to cwd. */
export function formatDiagnostic(d: BpyDiagnostic, cwd: string = process.cwd()): string {
  const file = d.file ? path.relative(cwd, d.file) || d.file : "<unknown>";
  let s = `${file}:${d.line}:${d.column} - ${d.category} ${d.code}: ${d.message}`;
  if (d.suggestion) s += `\n  suggestion: ${d.suggestion}`;
  return s;
}

// Blender layer: add-on packaging (bpyts build --addon)
export * as addon from "./addon/index.js";

// Project mode: tsconfig.json, one program per project (src/project.ts)
export {
  createProject,
  defaultProjectConfig,
  readProjectConfig,
  type Location,
  type Project,
  type ProjectConfig,
} from "./project.js";
