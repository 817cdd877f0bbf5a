/** Imports: Python modules from ambient `declare module` typings, project files inlined. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import { transformExpr } from "../expressions/index.js";

export interface PyImports {
  /** `import a.b as c` */
  modules: { module: string; asname?: string; pos: py.SrcPos }[];
  /** `from a import b as c` */
  from: Map<string, { names: { name: string; asname?: string }[]; pos: py.SrcPos }>;
}

export function pythonModuleName(_ctx: Ctx, _sym: ts.Symbol): string | undefined {
  return undefined;
}

function isAmbientModule(sym: ts.Symbol | undefined): boolean {
  const d = sym?.declarations?.[0];
  return !!d && ts.isModuleDeclaration(d) && ts.isStringLiteral(d.name);
}

/** Register the Python imports of one file; returns false for relative (project) imports. */
export function collectImports(ctx: Ctx, sf: ts.SourceFile, imports: PyImports): void {
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    if (spec.startsWith(".") || spec.startsWith("/")) continue;
    const pos = ctx.pos(st);
    const modSym = ctx.checker.getSymbolAtLocation(st.moduleSpecifier);
    if (!isAmbientModule(modSym)) {
      ctx.report(
        st.moduleSpecifier,
        diag.importForm({
          form: `'${spec}' is neither a relative path nor a module declared by the typings`,
        }),
      );
      continue;
    }
    const pyMod = spec.replace(/\//g, ".");
    if (!pyMod.split(".").every(py.isPyIdentifier)) {
      ctx.report(
        st.moduleSpecifier,
        diag.importForm({ form: `'${spec}', which is not a Python module path` }),
      );
      continue;
    }
    const clause = st.importClause;
    if (!clause) {
      imports.modules.push({ module: pyMod, pos });
      continue;
    }
    if (clause.isTypeOnly) continue;
    if (clause.name) {
      ctx.report(
        clause.name,
        diag.importForm({
          form: `default import from '${spec}' (Python modules have no default export)`,
        }),
      );
    }
    const nb = clause.namedBindings;
    if (!nb) continue;
    if (ts.isNamespaceImport(nb)) {
      const local = importLocal(ctx, nb.name.text);
      const last = pyMod.split(".").pop()!;
      const sym = modSym!;
      if (!ctx.symbolNames.has(sym)) {
        ctx.symbolNames.set(sym, local);
        ctx.symbolScopes.set(sym, ctx.moduleScope);
      }
      ctx.moduleScope.used.add(local);
      if (!imports.modules.some((m) => m.module === pyMod && (m.asname ?? last) === local))
        imports.modules.push({ module: pyMod, asname: local === pyMod ? undefined : local, pos });
    } else {
      for (const el of nb.elements) {
        if (el.isTypeOnly) continue;
        const local = importLocal(ctx, el.name.text);
        let imported = (el.propertyName ?? el.name).text;
        let target = ctx.checker.getSymbolAtLocation(el.name);
        if (target && target.flags & ts.SymbolFlags.Alias)
          target = ctx.checker.getAliasedSymbol(target);
        imported = ctx.layers.importedName(ctx, target) ?? imported; // a layer's name (@pyName)
        if (target && !(target.flags & ts.SymbolFlags.Value)) continue;
        if (!py.isPyIdentifier(imported)) {
          ctx.report(el, diag.importForm({ form: `'${imported}', which is not a Python name` }));
          continue;
        }
        if (target && !ctx.symbolNames.has(target)) {
          ctx.symbolNames.set(target, local);
          ctx.symbolScopes.set(target, ctx.moduleScope);
        }
        ctx.moduleScope.used.add(local);
        let entry = imports.from.get(pyMod);
        if (!entry) imports.from.set(pyMod, (entry = { names: [], pos }));
        if (!entry.names.some((n) => (n.asname ?? n.name) === local))
          entry.names.push({ name: imported, asname: local === imported ? undefined : local });
      }
    }
  }
}

/** `export default <expression>` */
export function transformExportAssignment(ctx: Ctx, node: ts.ExportAssignment): py.Stmt[] {
  if (node.isExportEquals) {
    ctx.report(node, diag.importForm({ form: "export =" }));
    return [];
  }
  if (ts.isIdentifier(node.expression)) return [];
  const sf = node.getSourceFile();
  const fileSym = ctx.checker.getSymbolAtLocation(sf);
  const def = fileSym
    ? ctx.checker.getExportsOfModule(fileSym).find((s) => s.escapedName === "default")
    : undefined;
  const base = sf.fileName.replace(/^.*[\\/]/, "").replace(/\.[cm]?tsx?$/, "");
  const name = ctx.fresh(`${base}_default`);
  if (def) {
    ctx.symbolNames.set(def, name);
    ctx.symbolScopes.set(def, ctx.moduleScope);
  }
  return [py.assign(py.name(name), transformExpr(ctx, node.expression), ctx.pos(node))];
}

/** The Python name of an imported binding: its own name when Python reads it as that name. */
function importLocal(ctx: Ctx, text: string): string {
  if (py.isPyIdentifier(text) && !/^__.*__$/.test(text)) return text;
  return ctx.fresh(text);
}
