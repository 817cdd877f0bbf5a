import { CliError } from "./errors.js";

/** The slice of @bpyts/compiler's public API the CLI uses (see packages/compiler/src/index.ts). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  category: "error" | "warning";
  message: string;
  suggestion?: string;
}
export interface SourceMapV3 {
  version: 3;
  file?: string;
  sourceRoot?: string;
  sources: (string | null)[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}
export interface CompileResult {
  python?: string;
  sourceMap?: SourceMapV3;
  diagnostics: Diagnostic[];
}
export interface CompilerApi {
  compileFile(options: {
    entry: string;
    typeRoots?: string[];
    compilerOptions?: unknown;
  }): CompileResult;
  formatDiagnostic(d: Diagnostic, cwd?: string): string;
}

let loaded: Promise<CompilerApi> | undefined;

/**
 * Load @bpyts/compiler lazily: commands that do not compile (`--help`, `init`, running a built
 * .py) work even while the compiler package is not built.
 */
export function loadCompiler(): Promise<CompilerApi> {
  const specifier = "@bpyts/compiler";
  loaded ??= (import(specifier) as Promise<CompilerApi>).then(
    (m) => {
      if (typeof m.compileFile !== "function") throw new Error("compileFile is not exported");
      return m;
    },
    (e: unknown) => {
      loaded = undefined;
      throw new CliError(
        "BPY0006",
        `cannot load the compiler (@bpyts/compiler): ${(e as Error).message}`,
      );
    },
  );
  return loaded;
}
