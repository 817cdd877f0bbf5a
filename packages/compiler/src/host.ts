/** The TS program plumbing shared by single-file compiles and projects (src/project.ts). */
import { diag } from "@bpyts/diagnostics";
import ts from "./ts.cjs";
import path from "node:path";
import fs from "node:fs";
import type { BpyDiagnostic, CompileResult } from "./index.js";
import { limitDiagnostic, tooDeepDiagnostic } from "./limits-diagnostics.js";
import { checkBrackets, checkPythonLimits, PY_LIMITS } from "./python/limits.js";
import { printModule } from "./python/printer.js";
import { deepestNode, isStackOverflow, tooDeepNode, tooIndented } from "./transform/depth.js";
import { transformProgram } from "./transform/program.js";

// Declaration files (the lib, the typings) are parsed once per process.
const declCache = new Map<string, { mtime: number; sf: ts.SourceFile }>();
/**
 * Told of each declaration file served from `declCache` (read without ts.sys): the recorder
 * below must still count it as an input, or a long-lived process (the CLI's compile server)
 * would cache a compile whose typings it never saw change.
 */
let onDeclReuse: ((file: string) => void) | undefined;

export function createHost(
  options: ts.CompilerOptions,
  virtual: Map<string, string>,
): ts.CompilerHost {
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
      if (hit && hit.mtime === mtime) {
        onDeclReuse?.(fileName);
        return hit.sf;
      }
      const sf = origGet(fileName, lang, onError, shouldCreate);
      if (sf) declCache.set(key, { mtime, sf });
      return sf;
    }
    return origGet(fileName, lang, onError, shouldCreate);
  };
  return host;
}

export function fromTs(d: ts.Diagnostic): BpyDiagnostic {
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

/** TypeScript's diagnostics, keeping errors and warnings (not suggestions/messages). */
export function tsErrors(ds: readonly ts.Diagnostic[]): BpyDiagnostic[] {
  return ds
    .filter(
      (d) =>
        d.category === ts.DiagnosticCategory.Error || d.category === ts.DiagnosticCategory.Warning,
    )
    .map(fromTs);
}

/**
 * Transform and print one entry of a program whose TypeScript diagnostics (`tsDiags`) were
 * collected by the caller; nothing is transformed when they hold an error.
 */
export function emitEntry(
  program: ts.Program,
  entry: string,
  tsDiags: BpyDiagnostic[],
): CompileResult {
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
      diagnostics: [{ file: entry, line: 1, column: 1, ...diag.unreadableEntry({ file: entry }) }],
    };
  }
  const internal = (e: unknown): CompileResult => ({
    diagnostics: [
      ...tsDiags,
      {
        file: entry,
        line: 1,
        column: 1,
        ...diag.internalError({ detail: (e as Error).stack ?? String(e) }),
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

/** One answer the file system gave the compiler (mirrors the CLI's compile cache inputs). */
export type RecordedInput =
  | { path: string; kind: "file"; hash: string }
  | { path: string; kind: "missing" }
  | { path: string; kind: "dir"; exists: boolean };

/**
 * Record every file-system answer the compiler gets (tsconfig reading, module resolution, source
 * files: all of it goes through ts.sys) until `stop()`, except TypeScript's own lib files (the
 * compiler's version covers them). A file is fingerprinted BEFORE it is read, so an edit racing
 * the compile leaves an old fingerprint: the next run misses instead of reusing stale output.
 */
export function recordFileSystem(fingerprint: (file: string) => string | undefined): {
  stop(): RecordedInput[];
} {
  const sys = ts.sys;
  const libDir = path.dirname(ts.getDefaultLibFilePath({}));
  const seen = new Map<string, RecordedInput>();
  const note = (p: string, make: () => RecordedInput) => {
    const abs = path.resolve(p);
    if (path.dirname(abs) === libDir) return;
    const input = make();
    const key = `${abs}\0${input.kind === "dir" ? "dir" : "file"}`;
    if (!seen.has(key)) seen.set(key, { ...input, path: abs });
  };
  const orig = {
    readFile: sys.readFile,
    fileExists: sys.fileExists,
    directoryExists: sys.directoryExists,
    realpath: sys.realpath,
  };
  const fileOrMissing = (f: string): RecordedInput => {
    const hash = fingerprint(path.resolve(f));
    return hash === undefined ? { path: f, kind: "missing" } : { path: f, kind: "file", hash };
  };
  sys.readFile = (f, enc) => {
    note(f, () => fileOrMissing(f));
    return orig.readFile.call(sys, f, enc);
  };
  sys.fileExists = (f) => {
    note(f, () => fileOrMissing(f));
    return orig.fileExists.call(sys, f);
  };
  sys.directoryExists = (d) => {
    const exists = orig.directoryExists.call(sys, d);
    note(d, () => ({ path: d, kind: "dir", exists }));
    return exists;
  };
  onDeclReuse = (f) => note(f, () => fileOrMissing(f));
  if (orig.realpath)
    sys.realpath = (p) => {
      // A symlink that changes target changes the answer: record the path's own content.
      note(p, () => fileOrMissing(p));
      return orig.realpath!.call(sys, p);
    };
  return {
    stop() {
      Object.assign(sys, orig);
      onDeclReuse = undefined;
      return [...seen.values()];
    },
  };
}
