import type { CacheInput } from "./cache.js";
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
/** Project mode (packages/compiler/src/project.ts); compiler options stay opaque here. */
export interface Location {
  file: string;
  line: number;
  column: number;
}
export interface ProjectConfig {
  configFile?: string;
  dir: string;
  options: { rootDir?: string; outDir?: string; types?: string[] } & Record<string, unknown>;
  fileNames: string[];
  raw: Record<string, unknown>;
  errors: Diagnostic[];
  locate(jsonPath: readonly (string | number)[]): Location;
  outputFile(entry: string, outDir?: string): string;
}
export interface Project {
  config: ProjectConfig;
  check(entries?: string[]): Diagnostic[];
  compile(entry: string): CompileResult;
  defaultEntries(): string[];
}
export interface CompilerApi {
  readProjectConfig(configFile: string, overrides?: Record<string, unknown>): ProjectConfig;
  defaultProjectConfig(
    compilerOptions: Record<string, unknown>,
    dir: string,
    fileNames: string[],
  ): ProjectConfig;
  createProject(config: ProjectConfig, extraRoots?: string[]): Project;
  globalsDeclarationFile: string;
  compileFile(options: {
    entry: string;
    typeRoots?: string[];
    compilerOptions?: unknown;
  }): CompileResult;
  formatDiagnostic(d: Diagnostic, cwd?: string): string;
  /** The compile cache's recorder (../cache.ts): every file-system answer until stop(). */
  recordFileSystem(fingerprint: (file: string) => string | undefined): {
    stop(): CacheInput[];
  };
}

let loaded: Promise<CompilerApi> | undefined;

/**
 * The compiler already in this process (the compile server's start-up snapshot bundles it:
 * ./compile-server/snapshot.ts), so `loadCompiler` needs no module loading.
 */
export function provideCompiler(api: CompilerApi): void {
  loaded = Promise.resolve(api);
}

/**
 * Load @bpyts/compiler lazily: commands that do not compile (`--help`, `init`, running a built
 * .py) work even while the compiler package is not built.
 */
export function loadCompiler(): Promise<CompilerApi> {
  // Test hook: proves a cached run never loads the compiler (test/cache-run.test.ts).
  if (process.env["BPYTS_TEST_FORBID_COMPILER"])
    return Promise.reject(new Error("BPYTS_TEST_FORBID_COMPILER: the compiler was loaded"));
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
