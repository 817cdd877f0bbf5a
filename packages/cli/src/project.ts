/**
 * Project mode, as tsc and TypeScriptToLua do it: `check`, `build`, `run` and `watch` read the
 * project's tsconfig.json (`-p <file|dir>`; by default the nearest one upward from the entry that
 * contains it, or from the working directory when no entry is given) and compile with the user's
 * compilerOptions — the program an editor builds from the same file. Without a tsconfig.json the
 * options are the ones `bpyts init` writes (`initTsconfig`), with the typings picked by Blender
 * version as root files.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { runtimeTypes } from "@bpyts/runner";
import { CompileFailed, assertEntry, type Compiled } from "./compile.js";
import {
  loadCompiler,
  type CompileResult,
  type CompilerApi,
  type Diagnostic,
  type Project,
  type ProjectConfig,
} from "./compiler.js";
import { CliError, type CliErrorCode } from "./errors.js";
import { resolveTarget } from "./target.js";
import { majorMinor, typingsFor } from "./typings.js";

/**
 * The tsconfig.json `bpyts init` writes. The typings package and `bpyts/types` (the compiler's
 * globals and the `bpyts/runtime` module) enter through `types`, so an editor needs nothing but
 * this file to see the program `bpyts check` sees.
 */
export function initTsconfig(typingsPkg: string): Record<string, unknown> & {
  compilerOptions: Record<string, unknown>;
} {
  return {
    compilerOptions: {
      target: "ES2022",
      // No DOM (the script runs in Blender's Python); esnext.disposable: `using` and the typings'
      // ContextManager<T> = T & Disposable.
      lib: ["ES2023", "ESNext.Disposable"],
      // The compiler bundles a script and its imports into one .py: bundler resolution
      // (extensionless and .js imports both work).
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      // `bpyts build` writes src/a/b.ts to dist/a/b.py
      rootDir: "src",
      outDir: "dist",
      types: [typingsPkg, "bpyts/types"],
    },
    // bpyts-operators.d.ts: the project's own operators for bpy.ops, kept by every bpyts command
    include: ["src", "bpyts-operators.d.ts"],
  };
}

/** The options without a tsconfig.json: init's, minus what names the project's files. */
export function defaultCompilerOptions(): Record<string, unknown> {
  const {
    types: _types,
    rootDir: _rootDir,
    outDir: _outDir,
    ...rest
  } = initTsconfig("").compilerOptions;
  return { ...rest, types: [] };
}

export interface ProjectOptions {
  /** -p: a tsconfig.json or the folder holding one */
  project?: string;
  /** --target: typings of this Blender version instead of the tsconfig's */
  target?: string;
  /** --blender (check/build): its version picks the typings, as --target */
  blender?: string;
}

const TYPINGS = /^@bpyts\/blender-(\d+\.\d+)$/;

function fail(
  code: CliErrorCode,
  message: string,
  at?: { file: string; line: number; column: number },
) {
  return new CliError(code, message, at?.file, at?.line, at?.column);
}

function configPath(path: string): string {
  const file = resolve(path);
  return existsSync(file) && statSync(file).isDirectory() ? join(file, "tsconfig.json") : file;
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/**
 * The project for an entry (the nearest tsconfig.json upward whose files hold it, looking into a
 * solution-style config's `references`, as an editor does) or for the working directory.
 */
export function findProject(
  api: CompilerApi,
  entry: string | undefined,
  project: string | undefined,
  cwd = process.cwd(),
): ProjectConfig | undefined {
  if (project) {
    const file = configPath(project);
    if (!existsSync(file)) throw fail("BPY0020", `no tsconfig.json at ${project} (-p)`);
    return api.readProjectConfig(file);
  }
  const holds = (c: ProjectConfig) => !!entry && c.fileNames.some((f) => samePath(f, entry));
  let dir = entry ? dirname(resolve(entry)) : resolve(cwd);
  for (;;) {
    const file = join(dir, "tsconfig.json");
    if (existsSync(file)) {
      const config = api.readProjectConfig(file);
      // A config that fails to parse is reported (it may be the entry's); one with no inputs
      // (TS18002/TS18003) holds nothing, so the search goes on.
      const broken = config.errors.some((e) => e.code !== "TS18002" && e.code !== "TS18003");
      if (!entry || broken || holds(config)) return config;
      const refs = Array.isArray(config.raw["references"]) ? config.raw["references"] : [];
      for (const ref of refs as { path?: unknown }[]) {
        if (typeof ref?.path !== "string") continue;
        const refFile = configPath(resolve(dir, ref.path));
        if (!existsSync(refFile)) continue;
        const c = api.readProjectConfig(refFile);
        if (!c.errors.length && holds(c)) return c;
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Errors in tsconfig.json itself stop everything: nothing is checked or written. */
function assertConfig(api: CompilerApi, config: ProjectConfig): void {
  if (config.errors.length)
    throw new CompileFailed(
      config.errors.map((d) => api.formatDiagnostic(d)),
      [],
    );
}

/** The Blender version of the typings listed in the tsconfig's `types`, if any. */
export function typingsVersionOf(config: ProjectConfig): string | undefined {
  for (const t of config.options.types ?? []) {
    const m = TYPINGS.exec(t);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * `--target` / `--blender` on the command line override the tsconfig's typings (as tsc's flags
 * override tsconfig.json): the `@bpyts/blender-*` entry leaves `types`, that version's typings
 * become a root file.
 */
async function withTarget(
  api: CompilerApi,
  config: ProjectConfig,
  options: ProjectOptions,
): Promise<{ config: ProjectConfig; extraRoots: string[]; version?: string }> {
  if (!options.target && !options.blender)
    return { config, extraRoots: [], version: typingsVersionOf(config) };
  const version = majorMinor(await resolveTarget(options.target, options.blender));
  const types = (config.options.types ?? []).filter((t) => !TYPINGS.test(t));
  const overridden = api.readProjectConfig(config.configFile ?? join(config.dir, "tsconfig.json"), {
    types,
  });
  return { config: overridden, extraRoots: [typingsFor(version, config.dir)], version };
}

/** An entry must lie under rootDir (tsc's default: the tsconfig's folder): its .py goes there. */
function assertUnderRootDir(config: ProjectConfig, entry: string): void {
  if (!config.configFile) return;
  const root = resolve(config.dir, config.options.rootDir ?? ".");
  const rel = relative(root, entry);
  if (rel.startsWith("..") || isAbsolute(rel))
    throw fail(
      "BPY0021",
      `${relative(process.cwd(), entry) || entry} is outside rootDir (${relative(process.cwd(), root) || "."}): move it under rootDir, or widen "rootDir" in ${relative(process.cwd(), config.configFile)}`,
      config.locate(["compilerOptions", "rootDir"]),
    );
}

function toCompiled(api: CompilerApi, result: CompileResult): Compiled {
  const errors = result.diagnostics.filter((d) => d.category === "error");
  const warnings = result.diagnostics
    .filter((d) => d.category !== "error")
    .map((d) => api.formatDiagnostic(d));
  if (errors.length || result.python === undefined || !result.sourceMap)
    throw new CompileFailed(
      errors.map((d) => api.formatDiagnostic(d)),
      warnings,
    );
  return { python: result.python, sourceMap: result.sourceMap, warnings };
}

export interface CompileContext extends ProjectOptions {
  /** run/watch: the version of the Blender that runs the script (no project: picks the typings) */
  version?: string;
}

/**
 * Compile one entry in its project (or with the defaults when there is none); prints nothing,
 * throws formatted errors. `version` is the Blender version of the typings it was checked with.
 */
export async function compileInProject(
  entry: string,
  context: CompileContext,
): Promise<Compiled & { version?: string }> {
  const file = assertEntry(entry);
  const api = await loadCompiler();
  const found = findProject(api, file, context.project);
  if (!found) {
    const version = context.version ?? (await resolveTarget(context.target, context.blender));
    const typings = typingsFor(version, dirname(file));
    const config = api.defaultProjectConfig(defaultCompilerOptions(), dirname(file), [
      file,
      api.globalsDeclarationFile,
      typings,
      runtimeTypes,
    ]);
    assertConfig(api, config);
    const compiled = toCompiled(api, api.createProject(config).compile(file));
    return { ...compiled, version };
  }
  assertConfig(api, found);
  // run/watch: --target overrides; the running Blender's own version does not (the editor would
  // not know it), but a mismatch is worth a warning.
  const { config, extraRoots, version } = await withTarget(api, found, {
    target: context.target,
    blender: context.version === undefined ? context.blender : undefined,
  });
  assertConfig(api, config);
  assertUnderRootDir(config, file);
  const compiled = toCompiled(api, api.createProject(config, [file, ...extraRoots]).compile(file));
  if (context.version && version && majorMinor(context.version) !== version)
    compiled.warnings.push(
      `warning: ${relative(process.cwd(), config.configFile ?? "") || "tsconfig.json"} types the script against Blender ${version}, but Blender ${majorMinor(context.version)} runs it (--target ${majorMinor(context.version)} to check against it)`,
    );
  return { ...compiled, version };
}

/**
 * The entries a tsconfig.json names: `"bpyts": { "entries": [...] }`, else its `files`;
 * undefined when it names none (then: every project file that no other project file imports).
 */
function configuredEntries(config: ProjectConfig): string[] | undefined {
  const field = config.raw["bpyts"];
  if (field !== undefined) {
    const list = (field as { entries?: unknown } | null)?.entries;
    if (!Array.isArray(list) || !list.every((e) => typeof e === "string"))
      throw fail(
        "BPY0023",
        `"bpyts": { "entries": [...] } must list entry files (paths relative to tsconfig.json)`,
        config.locate(["bpyts", "entries"]),
      );
    return (list as string[]).map((e, i) => {
      const f = resolve(config.dir, e);
      if (!existsSync(f))
        throw fail("BPY0001", `entry file not found: ${e}`, config.locate(["bpyts", "entries", i]));
      return f;
    });
  }
  if (Array.isArray(config.raw["files"]))
    return (config.raw["files"] as unknown[])
      .filter((f): f is string => typeof f === "string" && !/\.d\.[cm]?ts$/.test(f))
      .map((f) => resolve(config.dir, f));
  return undefined;
}

/**
 * The project for `check`/`build` without `-o` (-p, else tsconfig.json upward from the first
 * entry or cwd) and its entries: the arguments, else the ones the tsconfig names, else every
 * project file that no other project file imports. Entries outside the tsconfig's files join
 * the program as root files.
 */
async function openProject(
  options: ProjectOptions,
  args: string[],
): Promise<{ api: CompilerApi; config: ProjectConfig; project: Project; entries: string[] }> {
  const api = await loadCompiler();
  const found = findProject(api, args[0], options.project);
  if (!found)
    throw fail(
      "BPY0020",
      args.length
        ? `no tsconfig.json holds ${args[0]}: give -o <out.py> for one entry, or -p <tsconfig.json>`
        : `no tsconfig.json in ${process.cwd()} or a parent folder: give an entry file, or -p <tsconfig.json>`,
    );
  assertConfig(api, found);
  const { config, extraRoots } = await withTarget(api, found, options);
  assertConfig(api, config);
  const named = args.length ? args : configuredEntries(config);
  for (const f of named ?? []) assertUnderRootDir(config, f);
  const project = api.createProject(config, [...(named ?? []), ...extraRoots]);
  const entries = named ?? project.defaultEntries();
  if (!entries.length)
    throw fail(
      "BPY0023",
      `the project has no entry file: list them in "bpyts": { "entries": [...] }`,
      config.locate(["bpyts"]),
    );
  return { api, config, project, entries };
}

function dedupe(ds: Diagnostic[], api: CompilerApi): { errors: string[]; warnings: string[] } {
  const errors = new Set<string>();
  const warnings = new Set<string>();
  for (const d of ds) (d.category === "error" ? errors : warnings).add(api.formatDiagnostic(d));
  return { errors: [...errors], warnings: [...warnings] };
}

/**
 * `bpyts check` without an entry: every file of the project (tsc -p), then every entry compiled.
 * Throws the errors; returns the warnings (printed by the caller).
 */
export async function checkProject(options: ProjectOptions): Promise<string[]> {
  const { api, project, entries } = await openProject(options, []);
  const all: Diagnostic[] = project.check();
  if (!all.some((d) => d.category === "error"))
    for (const entry of entries) all.push(...project.compile(entry).diagnostics);
  const { errors, warnings } = dedupe(all, api);
  if (errors.length) throw new CompileFailed(errors, warnings);
  return warnings;
}

/**
 * `bpyts build [entries…]` of a project: every entry (the arguments, else the project's) to its
 * tsc output path under outDir (`--out-dir` overrides), as .py + .py.map. Everything is compiled
 * before anything is written: one error and nothing is written.
 */
export async function buildProject(
  entries: string[],
  options: ProjectOptions & { outDir?: string },
): Promise<{ file: string; compiled: Compiled }[]> {
  const files = entries.map((e) => assertEntry(e));
  const { api, config, project, entries: list } = await openProject(options, files);
  const outDir = options.outDir ?? config.options.outDir;
  if (!outDir)
    throw fail(
      "BPY0022",
      `a project build writes to outDir: set "outDir" in compilerOptions (or --out-dir), or build one entry with -o <out.py>`,
      config.locate(["compilerOptions"]),
    );
  const all: Diagnostic[] = [];
  const results: { file: string; result: CompileResult }[] = [];
  for (const f of list) {
    const result = project.compile(f);
    all.push(...result.diagnostics);
    results.push({ file: config.outputFile(f, options.outDir), result });
  }
  const { errors, warnings } = dedupe(all, api);
  if (errors.length) throw new CompileFailed(errors, warnings);
  for (const w of warnings) process.stderr.write(`${w}\n`);
  return results.map(({ file, result }) => ({ file, compiled: toCompiled(api, result) }));
}
