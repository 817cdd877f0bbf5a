/** Whole-program transform: project files in dependency order into one Python module. */
import ts from "../ts.cjs";
import fs from "node:fs";
import path from "node:path";
import * as py from "../python/ast.js";
import { Ctx } from "./context.js";
import { collectImports, type PyImports } from "./statements/imports.js";
import { transformStatements } from "./statements/index.js";
import { resolveHelpers, type HelperName } from "../runtime/helpers.js";
import type { Layer } from "./layers.js";
import { defaultLayers } from "./plugins/index.js";

const STD_MODULES = ["decimal", "functools", "json", "math", "random", "re", "sys", "time"];

function dependencyOrder(checker: ts.TypeChecker, entry: ts.SourceFile): ts.SourceFile[] {
  const out: ts.SourceFile[] = [];
  const seen = new Set<ts.SourceFile>();
  const visit = (sf: ts.SourceFile): void => {
    if (seen.has(sf)) return;
    seen.add(sf);
    for (const st of sf.statements) {
      const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier;
      if (
        !spec ||
        !ts.isStringLiteral(spec) ||
        !(spec.text.startsWith(".") || spec.text.startsWith("/"))
      )
        continue;
      if (ts.isImportDeclaration(st) && st.importClause?.isTypeOnly) continue;
      const sym = checker.getSymbolAtLocation(spec);
      const d = sym?.valueDeclaration;
      if (d && ts.isSourceFile(d) && !d.isDeclarationFile) visit(d);
    }
    out.push(sf);
  };
  visit(entry);
  return out;
}

/** Python names used in the tree (only objects and arrays are walked; `pos` is skipped). */
function usedNames(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const n: unknown = node[i];
      if (n !== null && typeof n === "object") usedNames(n, out);
    }
    return;
  }
  const o = node as Record<string, unknown>;
  if (o.kind === "Name" && typeof o.id === "string") out.add(o.id);
  for (const k in o) {
    if (k === "pos") continue;
    const v = o[k];
    if (v !== null && typeof v === "object") usedNames(v, out);
  }
}

const RUNTIME = "bpyts.runtime";
const STANDALONE = fs
  .readFileSync(new URL("../../lib/bpyts_standalone.py", import.meta.url), "utf8")
  .trimEnd()
  .split("\n");

/**
 * `bpyts/runtime` in a built script that runs without bpyts (`blender -b --python out.py -- …`,
 * Blender's Text Editor): the import falls back to the same API read from the command line
 * (lib/bpyts_standalone.py). Under bpyts the real module is always importable.
 */
function standaloneFallback(importStmt: py.Stmt, bound: [name: string, attr: string][]): py.Stmt {
  const indent = (l: string) => (l ? `    ${l}` : l);
  const lines = [
    "try:",
    `    ${printStatementLine(importStmt)}`,
    "except ImportError:  # no bpyts here: the same API from the command line (after --)",
    ...STANDALONE.map(indent),
    "",
    "    _bpyts_rt = _bpyts_runtime()",
    ...bound.map(([name, attr]) => `    ${name} = _bpyts_rt${attr}`),
  ];
  return { kind: "Raw", lines, pos: importStmt.pos };
}

function printStatementLine(st: py.Stmt): string {
  if (st.kind === "Import") return `import ${st.module}${st.asname ? ` as ${st.asname}` : ""}`;
  if (st.kind === "ImportFrom")
    return `from ${st.module} import ${st.names.map((n) => (n.asname ? `${n.name} as ${n.asname}` : n.name)).join(", ")}`;
  throw new Error("an import statement was expected");
}

export interface TransformResult {
  module: py.Module;
  ctx: Ctx;
  files: ts.SourceFile[];
}

export function transformProgram(
  program: ts.Program,
  entry: ts.SourceFile,
  layers: readonly Layer[] = defaultLayers,
): TransformResult {
  const checker = program.getTypeChecker();
  const ctx = new Ctx(program, checker, layers);
  const files = dependencyOrder(checker, entry);
  for (const f of files) ctx.files.add(f);
  const imports: PyImports = { modules: [], from: new Map() };
  for (const f of files) collectImports(ctx, f, imports);
  ctx.layers.prepare(ctx, entry);
  const body: py.Stmt[] = [];
  const root = path.dirname(entry.fileName);
  for (const f of files) {
    const stmts = transformStatements(ctx, f.statements);
    if (files.length > 1) {
      const rel = path.relative(root, f.fileName).split(path.sep).join("/");
      body.push({
        kind: "Comment",
        text: `--- ${rel} ---`,
        pos: { file: f.fileName, line: 0, column: 0 },
      });
    }
    for (const st of stmts) body.push(st); // a spread of 100k statements overflows the stack
  }

  ctx.layers.finish(ctx, entry, body, imports); // e.g. the generated register()

  // header: standard modules, the other modules (a layer's first: bpy), then runtime helpers
  const header: py.Stmt[] = [];
  const { code, imports: helperImports } = resolveHelpers(
    [...ctx.helpers].filter((h): h is HelperName => !h.startsWith("@")),
  );
  const names = new Set<string>();
  usedNames(body, names);
  const std = new Set(helperImports);
  for (const h of ctx.helpers) if (h.startsWith("@")) std.add(h.slice(1));
  for (const m of STD_MODULES) if (names.has(m)) std.add(m);
  const fallback = { file: entry.fileName, line: 0, column: 0 };
  for (const m of [...std].sort()) header.push({ kind: "Import", module: m, pos: fallback });
  // the modules a layer ranks first (`import bpy`, `from bpy.types import …`) come before the
  // others, rank 0 first of all; within each group `import` lines come before `from` lines
  const rank = (m: string): number => ctx.layers.importRank(m);
  const isFirst = (m: string): boolean => rank(m) <= 1;
  const modules = [...imports.modules].sort((a, b) =>
    rank(a.module) === 0 ? -1 : rank(b.module) === 0 ? 1 : 0,
  );
  const froms = [...imports.from].sort(([a], [b]) => (rank(a) === 0 ? -1 : rank(b) === 0 ? 1 : 0));
  for (const first of [true, false]) {
    for (const m of modules)
      if (isFirst(m.module) === first) {
        const st: py.Stmt = { kind: "Import", module: m.module, asname: m.asname, pos: m.pos };
        header.push(
          m.module === RUNTIME ? standaloneFallback(st, m.asname ? [[m.asname, ""]] : []) : st,
        );
      }
    for (const [m, e] of froms)
      if (isFirst(m) === first) {
        const st: py.Stmt = { kind: "ImportFrom", module: m, names: e.names, pos: e.pos };
        const bound = e.names.map((n): [string, string] => [n.asname ?? n.name, `.${n.name}`]);
        header.push(m === RUNTIME ? standaloneFallback(st, bound) : st);
      }
  }
  if (code.length)
    header.push({
      kind: "Raw",
      lines: ["", "", "# --- bpyts runtime: JavaScript semantics used by this script ---"],
      pos: fallback,
    });
  code.forEach((h, i) =>
    header.push({
      kind: "Raw",
      lines: [...(i ? ["", ""] : []), ...h.code.split("\n")],
      pos: fallback,
    }),
  );
  const nullNames = ctx.moduleScope.nullNames;
  return {
    module: { header, body, ...(nullNames ? { nullNames: [...nullNames].sort() } : {}) },
    ctx,
    files,
  };
}
