/**
 * Project mode: a tsconfig.json read with TypeScript's own parser (`extends`, `include`, …), one
 * program for the whole project — the program an editor's language service builds from the same
 * tsconfig — and entries compiled from it. The compiler forces only `noEmit`; options that cannot
 * work for a script that runs in Blender are BPY19xx diagnostics located in tsconfig.json.
 */
import ts from "./ts.cjs";
import path from "node:path";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import {
  OPERATOR_DECLARATIONS_FILE,
  isGeneratedOperatorFile,
  operatorDeclarations,
} from "./addon/operators.js";
import type { BpyDiagnostic, CompileResult } from "./index.js";
import { diag, type Diagnostic } from "@bpyts/diagnostics";
import { createHost, emitEntry, fromTs, tsErrors } from "./host.js";

export interface Location {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

export interface ProjectConfig {
  /** absolute path of tsconfig.json; undefined for the defaults used without one */
  configFile?: string;
  /** folder of tsconfig.json (of the entry without one) */
  dir: string;
  /** the user's compilerOptions, as TypeScript parsed them */
  options: ts.CompilerOptions;
  /** the project's files (`files`/`include`/`exclude`), absolute */
  fileNames: string[];
  /** the tsconfig JSON itself (for fields TypeScript ignores, e.g. "bpyts") */
  raw: Record<string, unknown>;
  /** errors in tsconfig.json itself (syntax, unknown option, missing `extends`): fatal */
  errors: BpyDiagnostic[];
  /** where a JSON path (["compilerOptions", "rootDir"]) is in tsconfig.json; the nearest parent */
  locate(jsonPath: readonly (string | number)[]): Location;
  /** the .py a project build writes for an entry: tsc's .js path under outDir, as .py */
  outputFile(entry: string, outDir?: string): string;
}

const parseHost: ts.ParseConfigHost = {
  useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
  readDirectory: ts.sys.readDirectory,
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
};

function positionOf(sf: ts.SourceFile, pos: number): Location {
  const lc = sf.getLineAndCharacterOfPosition(pos);
  return { file: sf.fileName, line: lc.line + 1, column: lc.character + 1 };
}

/** The JSON node at `jsonPath` in a tsconfig source file, or its nearest existing parent. */
function findJson(sf: ts.TsConfigSourceFile, jsonPath: readonly (string | number)[]): ts.Node {
  let node: ts.Node | undefined = sf.statements[0]?.expression;
  if (!node) return sf;
  for (const key of jsonPath) {
    let next: ts.Node | undefined;
    if (typeof key === "number" && ts.isArrayLiteralExpression(node)) next = node.elements[key];
    else if (ts.isObjectLiteralExpression(node)) {
      for (const p of node.properties) {
        if (ts.isPropertyAssignment(p) && p.name.getText(sf).replace(/^"|"$/g, "") === key)
          next = p.initializer;
      }
    }
    if (!next) break;
    node = next;
  }
  return node;
}

/**
 * Read tsconfig.json (`extends` resolved by TypeScript). `overrides` are command-line options
 * applied on top, as `tsc -p … --target …` does.
 */
export function readProjectConfig(
  configFile: string,
  overrides?: ts.CompilerOptions,
): ProjectConfig {
  const file = path.resolve(configFile);
  const dir = path.dirname(file);
  const sf = ts.readJsonConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonSourceFileConfigFileContent(sf, parseHost, dir, overrides, file);
  const locate = (jsonPath: readonly (string | number)[]): Location => {
    const node = findJson(sf, jsonPath);
    return node === sf ? { file, line: 1, column: 1 } : positionOf(sf, node.getStart(sf));
  };
  const seen = new Set<string>();
  const errors: BpyDiagnostic[] = [];
  // parseDiagnostics (syntax errors) is not in the public typings, but tsc reads it the same way.
  const syntax = (sf as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  for (const d of [...syntax, ...parsed.errors]) {
    const key = `${d.code}:${d.start}:${ts.flattenDiagnosticMessageText(d.messageText, "")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const bd = fromTs(d);
    // TypeScript leaves some config errors without a place (a relative `extends` that does not
    // exist: TS5083); point at the property they concern, else at the top of the file.
    if (!bd.file) Object.assign(bd, locate(d.code === 5083 ? ["extends"] : []));
    errors.push(bd);
  }
  return {
    configFile: file,
    dir,
    options: parsed.options,
    fileNames: parsed.fileNames.map((f) => path.resolve(f)),
    raw: (parsed.raw ?? {}) as Record<string, unknown>,
    errors,
    locate,
    outputFile: (entry, outDir) => outputFile(parsed, entry, outDir),
  };
}

/**
 * A project without tsconfig.json: `compilerOptions` JSON (the tsconfig `bpyts init` writes) and
 * explicit root files (the entry, the typings, the runtime and globals declarations).
 */
export function defaultProjectConfig(
  compilerOptions: Record<string, unknown>,
  dir: string,
  fileNames: string[],
): ProjectConfig {
  const parsed = ts.parseJsonConfigFileContent(
    { compilerOptions, files: fileNames },
    parseHost,
    dir,
  );
  return {
    dir,
    options: parsed.options,
    fileNames: parsed.fileNames.map((f) => path.resolve(f)),
    raw: {},
    errors: tsErrors(parsed.errors),
    locate: (_p) => ({ file: path.join(dir, "tsconfig.json"), line: 1, column: 1 }),
    outputFile: (entry, outDir) => outputFile(parsed, entry, outDir),
  };
}

function outputFile(parsed: ts.ParsedCommandLine, entry: string, outDir?: string): string {
  const options = { ...parsed.options, noEmit: false, declaration: false, sourceMap: false };
  if (outDir) options.outDir = path.resolve(outDir);
  const js = ts
    .getOutputFileNames(
      // an entry may be outside the tsconfig's files (named on the command line or excluded)
      { ...parsed, options, fileNames: [...parsed.fileNames, entry] },
      entry,
      !ts.sys.useCaseSensitiveFileNames,
    )
    .find((f) => /\.[cm]?jsx?$/.test(f));
  return path.resolve((js ?? entry).replace(/\.[cm]?[jt]sx?$/, "") + ".py");
}

/** A project diagnostic at its place in tsconfig.json (or the file that caused it). */
function located(at: Location, d: Diagnostic): BpyDiagnostic {
  return { ...at, ...d };
}

const DOM_LIB = /^lib\.(dom|webworker|scripthost)[.a-z0-9]*\.d\.ts$/;

/** Options that cannot work for a script that runs in Blender (BPY1901, 1902, 1904, 1905). */
function checkOptions(config: ProjectConfig): BpyDiagnostic[] {
  const o = config.options;
  const out: BpyDiagnostic[] = [];
  // Where an option is written: here, else the `extends` that brought it, else compilerOptions.
  const at = (name: string, index?: number): Location => {
    const own = config.raw["compilerOptions"] as Record<string, unknown> | undefined;
    if (own && name in own)
      return config.locate(["compilerOptions", name, ...(index === undefined ? [] : [index])]);
    if (config.raw["extends"] !== undefined) return config.locate(["extends"]);
    return config.locate(["compilerOptions"]);
  };
  if (!o.noLib) {
    if (o.lib) {
      o.lib.forEach((l, i) => {
        const name = path.basename(l);
        if (DOM_LIB.test(name)) {
          const short = name.replace(/^lib\.|\.d\.ts$/g, "");
          out.push(located(at("lib", i), diag.domLib({ option: `"lib" includes "${short}"` })));
        }
      });
    } else {
      out.push(
        located(
          at("lib"),
          diag.domLib({
            option: `no "lib" is set, so TypeScript's default for the target (${ts.getDefaultLibFileName(o)}) includes the DOM`,
          }),
        ),
      );
    }
  }
  // TypeScript 6's default is strict: on.
  if (!(o.strictNullChecks ?? o.strict ?? true)) {
    const own = config.raw["compilerOptions"] as Record<string, unknown> | undefined;
    const name = own && "strictNullChecks" in own ? "strictNullChecks" : "strict";
    out.push(located(at(name), diag.nullChecks({ option: `"${name}": false` })));
  }
  if (o.target !== undefined && o.target < ts.ScriptTarget.ES2022)
    out.push(
      located(
        at("target"),
        diag.lowTarget({ target: ts.ScriptTarget[o.target] ?? String(o.target) }),
      ),
    );
  if (o.module !== undefined && o.module <= ts.ModuleKind.System)
    out.push(
      located(at("module"), diag.moduleKind({ option: `"module": "${ts.ModuleKind[o.module]}"` })),
    );
  if (
    o.moduleResolution === ts.ModuleResolutionKind.Classic ||
    o.moduleResolution === ts.ModuleResolutionKind.Node10
  ) {
    const name = ts.ModuleResolutionKind[o.moduleResolution];
    out.push(
      located(at("moduleResolution"), diag.moduleKind({ option: `"moduleResolution": "${name}"` })),
    );
  }
  return out;
}

export interface Project {
  config: ProjectConfig;
  program: ts.Program;
  /**
   * Diagnostics as tsc reports them for the given entries and the files they import (every file
   * of the program when `entries` is undefined): the options', then each file's syntactic and
   * semantic ones, plus the BPY19xx option checks.
   */
  check(entries?: string[]): BpyDiagnostic[];
  /** Check the entry (as `check([entry])`) and, without errors, compile it to Python. */
  compile(entry: string): CompileResult;
  /** Project files that no other project file imports: the scripts a project build writes. */
  defaultEntries(): string[];
}

/**
 * Keep `bpyts-operators.d.ts` beside tsconfig.json in step with the project's operator classes
 * (written atomically; removed when no operator is left; a file of that name bpyts did not write
 * is left alone). It joins `rootNames` when the tsconfig includes it (what `bpyts init` writes),
 * so the CLI sees what the editor sees. Returns whether the program must be rebuilt.
 */
function syncOperatorDeclarations(
  config: ProjectConfig,
  program: ts.Program,
  rootNames: string[],
): boolean {
  if (!config.configFile) return false;
  const file = path.join(config.dir, OPERATOR_DECLARATIONS_FILE);
  const listed = (key: string) =>
    Array.isArray(config.raw[key]) &&
    (config.raw[key] as unknown[]).some(
      (f) => typeof f === "string" && path.resolve(config.dir, f) === file,
    );
  const included = config.fileNames.includes(file) || listed("include") || listed("files");
  const current = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (current !== null && !isGeneratedOperatorFile(current)) return false;
  const text = operatorDeclarations(program, file);
  let changed = false;
  if (text !== current) {
    if (text === null) rmSync(file, { force: true });
    else {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    }
    changed = true;
  }
  const i = rootNames.indexOf(file);
  if (text !== null && included && i < 0) {
    rootNames.push(file);
    return true;
  }
  if (text === null && i >= 0) {
    rootNames.splice(i, 1);
    return true;
  }
  return changed && included;
}

function isJs(fileName: string): boolean {
  return /\.[cm]?jsx?$/.test(fileName);
}

/**
 * One program for the project: the tsconfig's files (plus `extraRoots`, e.g. an entry given on
 * the command line), the user's options with `noEmit` forced.
 */
export function createProject(config: ProjectConfig, extraRoots: string[] = []): Project {
  const options: ts.CompilerOptions = { ...config.options, noEmit: true };
  const rootNames = [...new Set([...config.fileNames, ...extraRoots.map((f) => path.resolve(f))])];
  const create = () =>
    ts.createProgram({ rootNames, options, host: createHost(options, new Map()) });
  let program = create();
  // Blender layer: the project's operators declared for bpy.ops (addon/operators.ts), written
  // before anything is checked; the program is rebuilt when the file changed.
  if (syncOperatorDeclarations(config, program, rootNames)) program = create();
  const inNodeModules = (f: string) => /[\\/]node_modules[\\/]/.test(f);
  const userFiles = () =>
    program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !inNodeModules(sf.fileName));

  const checker = program.getTypeChecker();
  /** The source files a file imports (import, export … from, import = require). */
  const importedFiles = (sf: ts.SourceFile): ts.SourceFile[] => {
    const out: ts.SourceFile[] = [];
    const add = (spec: ts.Expression | undefined): void => {
      if (!spec || !ts.isStringLiteralLike(spec)) return;
      const sym = checker.getSymbolAtLocation(spec);
      const d = sym?.valueDeclaration ?? sym?.declarations?.[0];
      if (d && ts.isSourceFile(d)) out.push(d);
    };
    for (const st of sf.statements) {
      if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) add(st.moduleSpecifier);
      else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference))
        add(st.moduleReference.expression);
    }
    return out;
  };

  /** The user's files an entry's program text depends on (imports, `/// <reference path>`). */
  const closure = (entries: string[]): ts.SourceFile[] => {
    const out = new Set<ts.SourceFile>();
    const visit = (sf: ts.SourceFile | undefined): void => {
      if (!sf || out.has(sf) || inNodeModules(sf.fileName)) return;
      out.add(sf);
      for (const f of importedFiles(sf)) visit(f);
      for (const ref of sf.referencedFiles)
        visit(program.getSourceFile(path.resolve(path.dirname(sf.fileName), ref.fileName)));
    };
    for (const e of entries) visit(program.getSourceFile(e));
    // The project's own declaration files are ambient: they concern every entry.
    for (const f of rootNames) {
      const sf = program.getSourceFile(f);
      if (sf?.isDeclarationFile) visit(sf);
    }
    return [...out];
  };

  /** Option/global diagnostics have no file: place them in tsconfig.json. */
  const placed = (ds: readonly ts.Diagnostic[]): BpyDiagnostic[] =>
    tsErrors(ds).map((d) =>
      d.file
        ? d
        : {
            ...d,
            ...config.locate(d.message.includes("'rootDir'") ? ["compilerOptions", "rootDir"] : []),
          },
    );

  const check = (entries?: string[]): BpyDiagnostic[] => {
    const files = entries ? closure(entries) : [...program.getSourceFiles()];
    const out: BpyDiagnostic[] = [
      ...checkOptions(config),
      ...placed(program.getOptionsDiagnostics()),
      ...placed(program.getGlobalDiagnostics()),
    ];
    const at = (sf: ts.SourceFile, pos: number): Location => positionOf(sf, pos);
    for (const sf of files) {
      out.push(...tsErrors(program.getSyntacticDiagnostics(sf)));
      out.push(...tsErrors(program.getSemanticDiagnostics(sf)));
      if (sf.isDeclarationFile || inNodeModules(sf.fileName)) continue;
      if (isJs(sf.fileName))
        out.push(
          located(
            config.locate(["compilerOptions", "allowJs"]),
            diag.javaScriptFile({ file: path.relative(config.dir, sf.fileName) }),
          ),
        );
      for (const lib of sf.libReferenceDirectives)
        if (DOM_LIB.test(`lib.${lib.fileName.toLowerCase()}.d.ts`))
          out.push(
            located(
              at(sf, lib.pos),
              diag.domLib({ option: `/// <reference lib="${lib.fileName}" />` }),
            ),
          );
    }
    return out;
  };

  const defaultEntries = (): string[] => {
    const roots = new Set(
      rootNames
        .map((f) => program.getSourceFile(f))
        .filter((sf): sf is ts.SourceFile => !!sf && !sf.isDeclarationFile),
    );
    for (const sf of userFiles()) {
      for (const f of importedFiles(sf)) if (f !== sf) roots.delete(f);
    }
    return [...roots].map((sf) => path.resolve(sf.fileName));
  };

  return {
    config,
    program,
    check,
    compile: (entry) => emitEntry(program, path.resolve(entry), check([path.resolve(entry)])),
    defaultEntries,
  };
}
