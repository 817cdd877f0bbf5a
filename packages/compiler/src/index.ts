/**
 * @bpyts/compiler: TypeScript → readable Python for Blender.
 *
 * TypeScript's own diagnostics come first; when there are none the program is transformed into a
 * Python AST (type-directed, see src/transform) and printed with a v3 source map.
 */
import ts from "./ts.cjs";
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { diagnostics as table, formatMessage, type DiagnosticKey } from "./diagnostics.js";
import {
  checkBrackets,
  checkPythonLimits,
  PY_LIMITS,
  type LimitViolation,
} from "./python/limits.js";
import {
  deepBracket,
  deepestNode,
  isStackOverflow,
  tooDeepNode,
  tooIndented,
  TS_DEPTH_LIMIT,
} from "./transform/depth.js";
import { printModule, type SourceMapV3 } from "./python/printer.js";
import { transformProgram } from "./transform/program.js";

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

/** The diagnostics table, keyed by code ("BPY1001", …). */
export const diagnostics: Record<
  string,
  { code: string; message: string; suggestion?: string; category?: "error" | "warning" }
> = Object.fromEntries(Object.values(table).map((d) => [d.code, { ...d }]));

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

// Declaration files (the lib, the typings) are parsed once per process.
const declCache = new Map<string, { mtime: number; sf: ts.SourceFile }>();

function createHost(options: ts.CompilerOptions, virtual: Map<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const origGet = host.getSourceFile.bind(host);
  const origExists = host.fileExists.bind(host);
  const origRead = host.readFile.bind(host);
  host.fileExists = (f) => virtual.has(path.resolve(f)) || origExists(f);
  host.readFile = (f) => virtual.get(path.resolve(f)) ?? origRead(f);
  host.getSourceFile = (fileName, langOrOptions, onError, shouldCreate) => {
    // JSDoc is parsed in the user's files only (a class's JSDoc becomes its docstring).
    // Declaration files skip it, as tsc does: it is most of the Blender typings' text and the
    // checker does not need it; the few tags the transform reads are read from the comment text.
    const lang: ts.CreateSourceFileOptions = {
      ...(typeof langOrOptions === "object" ? langOrOptions : { languageVersion: langOrOptions }),
      jsDocParsingMode: fileName.endsWith(".d.ts")
        ? ts.JSDocParsingMode.ParseForTypeErrors
        : ts.JSDocParsingMode.ParseAll,
    };
    const v = virtual.get(path.resolve(fileName));
    if (v !== undefined) return ts.createSourceFile(fileName, v, lang, true);
    if (fileName.endsWith(".d.ts")) {
      let mtime = 0;
      try {
        mtime = fs.statSync(fileName).mtimeMs;
      } catch {
        return origGet(fileName, lang, onError, shouldCreate);
      }
      const key = `${fileName}\0${JSON.stringify(lang)}`;
      const hit = declCache.get(key);
      if (hit && hit.mtime === mtime) return hit.sf;
      const sf = origGet(fileName, lang, onError, shouldCreate);
      if (sf) declCache.set(key, { mtime, sf });
      return sf;
    }
    return origGet(fileName, lang, onError, shouldCreate);
  };
  return host;
}

function fromTs(d: ts.Diagnostic): BpyDiagnostic {
  let file = "";
  let line = 1;
  let column = 1;
  if (d.file && d.start !== undefined) {
    const lc = d.file.getLineAndCharacterOfPosition(d.start);
    file = d.file.fileName;
    line = lc.line + 1;
    column = lc.character + 1;
  }
  return {
    file,
    line,
    column,
    code: `TS${d.code}`,
    category: d.category === ts.DiagnosticCategory.Error ? "error" : "warning",
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  };
}

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
    tsDiags = ts
      .getPreEmitDiagnostics(program)
      .filter(
        (d) =>
          d.category === ts.DiagnosticCategory.Error ||
          d.category === ts.DiagnosticCategory.Warning,
      )
      .map(fromTs);
  } catch (e) {
    // TypeScript's recursive parser and checker overflow the stack on very deep nesting
    if (!isStackOverflow(e)) throw e;
    return { diagnostics: [overflowInText(entry, virtual)] };
  }
  if (tsDiags.some((d) => d.category === "error")) return { diagnostics: tsDiags };
  // nesting the (recursive) transform cannot take: refused before it starts
  const deep: BpyDiagnostic[] = [];
  for (const f of program.getSourceFiles()) {
    if (f.isDeclarationFile || f.fileName.includes("/node_modules/")) continue;
    // nested statements: Python's indentation limit, located at the TS statement
    const ind = tooIndented(f, PY_LIMITS.indent);
    if (ind) {
      const { line, character } = f.getLineAndCharacterOfPosition(ind.node.getStart(f));
      const v = { what: "indentation levels", found: ind.depth, limit: PY_LIMITS.indent };
      deep.push(
        limitDiagnostic({ ...v, pos: { file: f.fileName, line, column: character } }, entry),
      );
      continue;
    }
    const d = tooDeepNode(f);
    if (d) deep.push(tooDeepDiagnostic(d.node, d.depth));
  }
  if (deep.length) return { diagnostics: [...tsDiags, ...deep] };
  const sf = program.getSourceFile(entry);
  if (!sf) {
    return {
      diagnostics: [
        {
          file: entry,
          line: 1,
          column: 1,
          code: "BPY1000",
          category: "error",
          message: `cannot read ${entry}`,
        },
      ],
    };
  }
  const internal = (e: unknown): CompileResult => ({
    diagnostics: [
      ...tsDiags,
      {
        file: entry,
        line: 1,
        column: 1,
        code: "BPY1999",
        category: "error",
        message: `internal compiler error: ${(e as Error).stack ?? e}`,
      },
    ],
  });
  let result;
  try {
    result = transformProgram(program, sf);
  } catch (e) {
    if (!isStackOverflow(e)) return internal(e);
    const d = deepestNode(sf);
    return { diagnostics: [...tsDiags, tooDeepDiagnostic(d.node, d.depth)] };
  }
  const all = [...tsDiags, ...result.ctx.diagnostics];
  all.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0));
  if (all.some((d) => d.category === "error")) return { diagnostics: all };
  // Python's nesting limits: a program that compiles also loads
  const over = checkPythonLimits(result.module);
  if (over) return { diagnostics: [...all, limitDiagnostic(over, entry)] };
  const sources = new Map(result.files.map((f) => [f.fileName, f.text]));
  const pyName = path.basename(entry).replace(/\.[cm]?tsx?$/, "") + ".py";
  let printed;
  try {
    printed = printModule(result.module, {
      file: pyName,
      fallback: { file: sf.fileName, line: 0, column: 0 },
      sources,
    });
  } catch (e) {
    // the printer refuses a name that is not a Python identifier rather than print it
    return internal(e);
  }
  const brackets = checkBrackets(printed.lines);
  if (brackets) return { diagnostics: [...all, limitDiagnostic(brackets, entry)] };
  return { python: printed.code, sourceMap: printed.map, diagnostics: all };
}

function diagnosticAt(
  file: string,
  line: number,
  column: number,
  key: DiagnosticKey,
  ...args: string[]
): BpyDiagnostic {
  const info = table[key] as { code: string; message: string; suggestion?: string };
  return {
    file,
    line,
    column,
    code: info.code,
    category: "error",
    message: formatMessage(info.message, args),
    suggestion: info.suggestion,
  };
}

function tooDeepDiagnostic(node: ts.Node, depth: number): BpyDiagnostic {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const what = ts.isExpression(node) ? "this expression is" : "this code is";
  return diagnosticAt(
    sf.fileName,
    line + 1,
    character + 1,
    "tooDeep",
    what,
    String(depth),
    String(TS_DEPTH_LIMIT),
  );
}

/** TypeScript overflowed the stack: locate the deepest brackets of the entry by a token scan. */
function overflowInText(entry: string, virtual: Map<string, string>): BpyDiagnostic {
  let text = virtual.get(entry);
  if (text === undefined) {
    try {
      text = fs.readFileSync(entry, "utf8");
    } catch {
      text = "";
    }
  }
  const at = deepBracket(text);
  if (!at)
    return diagnosticAt(
      entry,
      1,
      1,
      "tooDeep",
      "the program is",
      "too many",
      String(TS_DEPTH_LIMIT),
    );
  const before = text.slice(0, at.pos).split(/\r\n|\r|\n|\u2028|\u2029/);
  return diagnosticAt(
    entry,
    before.length,
    before[before.length - 1]!.length + 1,
    "tooDeep",
    "these brackets are",
    String(at.depth),
    String(TS_DEPTH_LIMIT),
  );
}

function limitDiagnostic(v: LimitViolation, entry: string): BpyDiagnostic {
  return diagnosticAt(
    v.pos?.file ?? entry,
    (v.pos?.line ?? 0) + 1,
    (v.pos?.column ?? 0) + 1,
    "pythonLimit",
    v.what,
    String(v.found),
    String(v.limit),
  );
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
