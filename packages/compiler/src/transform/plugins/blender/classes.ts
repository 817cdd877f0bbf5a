/**
 * Blender layer: classes extending a typings class (bpy.types.Operator, Panel, Menu, UIList,
 * PropertyGroup, AddonPreferences, …).
 *
 * - instance fields with initialisers become class attributes (`bl_idname = "..."`), fields
 *   initialised with a `bpy.props.*Property(...)` call become class annotations
 *   (`count: bpy.props.IntProperty(name="Count")`), fields without initialiser are type-only;
 * - static methods (`poll`, `description`, …) become `@classmethod def poll(cls, context)`;
 * - top-level classes whose base chain reaches `bpy.types` are registered by a generated
 *   `register()`/`unregister()` (dependency order: PointerProperty/CollectionProperty targets
 *   first; unregister reversed). A user function named `register`/`unregister` in the entry is
 *   kept, renamed `_user_register`/`_user_unregister`, and called by the generated one (after
 *   registering classes / before unregistering them). `if __name__ == "__main__": register()`
 *   runs it when the file is executed as a script (bpyts run), not when imported as an add-on.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../../ts.cjs";
import * as py from "../../../python/ast.js";
import type { Ctx, StateKey } from "../../context.js";
import { transformExpr } from "../../expressions/index.js";
import { memberName } from "../../expressions/access.js";
import { docComments, isPythonObjectType, isTypingsDecl } from "./markers.js";
import { blenderSetValue } from "./calls.js";
import { checkRegisteredItems } from "./items.js";
import { jsdocText } from "../../../addon/operators.js";

interface BlenderClassInfo {
  node: ts.ClassDeclaration;
  name: string;
  deps: Set<ts.Symbol>;
}
/** Per compile: the classes to register, the user's own hooks, the classes the user registers. */
const REGISTRATION: StateKey<{
  classes: BlenderClassInfo[];
  hooks: { register?: string; unregister?: string };
  byUser?: Set<ts.Symbol>;
}> = { create: () => ({ classes: [], hooks: {} }) };

function hasMod(n: ts.Node, k: ts.SyntaxKind): boolean {
  return !!(ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === k));
}

/** Does the class extend (directly or not) a class of the typings? */
export function isBlenderClass(ctx: Ctx, node: ts.ClassLikeDeclaration): boolean {
  const ext = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!ext) return false;
  return isPythonObjectType(ctx, ctx.checker.getTypeAtLocation(ext));
}

/** Does the base chain reach a class of the `bpy.types` module (registrable with Blender)? */
function reachesBpyTypes(ctx: Ctx, t: ts.Type, seen = new Set<ts.Type>()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  const s = t.getSymbol();
  for (const d of s?.declarations ?? []) {
    if (!isTypingsDecl(ctx, d)) continue;
    for (let p: ts.Node | undefined = d.parent; p; p = p.parent)
      if (ts.isModuleDeclaration(p) && ts.isStringLiteral(p.name) && p.name.text === "bpy.types")
        return true;
  }
  const target = (t as ts.TypeReference).target ?? t;
  if (target.isClassOrInterface())
    for (const b of ctx.checker.getBaseTypes(target))
      if (reachesBpyTypes(ctx, b, seen)) return true;
  return false;
}

function extendsNamed(ctx: Ctx, t: ts.Type, name: string, seen = new Set<ts.Type>()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  const s = t.getSymbol();
  if (s?.name === name && s.declarations?.some((d) => isTypingsDecl(ctx, d))) return true;
  const target = (t as ts.TypeReference).target ?? t;
  if (!target.isClassOrInterface()) return false;
  return ctx.checker.getBaseTypes(target).some((b) => extendsNamed(ctx, b, name, seen));
}

function isPropsCall(ctx: Ctx, e: ts.Expression): e is ts.CallExpression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return false;
  const d = ctx.checker.getResolvedSignature(e)?.declaration;
  if (!d || !isTypingsDecl(ctx, d)) return false;
  for (let p: ts.Node | undefined = d; p; p = p.parent)
    if (ts.isModuleDeclaration(p) && ts.isStringLiteral(p.name)) return p.name.text === "bpy.props";
  return false;
}

/** Classes referenced as `type:` of PointerProperty/CollectionProperty in the field initialisers. */
function propertyTypeDeps(ctx: Ctx, node: ts.ClassDeclaration): Set<ts.Symbol> {
  const deps = new Set<ts.Symbol>();
  for (const m of node.members) {
    if (!ts.isPropertyDeclaration(m) || !m.initializer || !isPropsCall(ctx, m.initializer))
      continue;
    const visit = (n: ts.Node): void => {
      if (
        ts.isPropertyAssignment(n) &&
        n.name.getText() === "type" &&
        ts.isIdentifier(n.initializer)
      ) {
        const s = ctx.resolveSymbol(n.initializer);
        if (s) deps.add(s);
      }
      ts.forEachChild(n, visit);
    };
    visit(m.initializer);
  }
  return deps;
}

/**
 * Class-level statements for the instance fields of a Blender class; returns the fields the core
 * should still initialise in `__init__` (none: all are class-level or type-only).
 */
export function blenderClassFields(
  ctx: Ctx,
  node: ts.ClassLikeDeclaration,
  fields: ts.PropertyDeclaration[],
): { stmts: py.Stmt[]; rest: ts.PropertyDeclaration[] } {
  const stmts: py.Stmt[] = [];
  checkRegisteredItems(ctx, node);
  for (const f of fields) {
    if (!f.initializer) continue;
    if (!ts.isIdentifier(f.name) && !ts.isStringLiteral(f.name)) {
      ctx.report(
        f.name,
        diag.addonClassMember({
          member: "a computed field name",
          reason: "fields become class attributes",
        }),
      );
      continue;
    }
    const target = py.name(memberName(f.name.text));
    const [v, pre] = ctx.collect(() =>
      blenderSetValue(ctx, f.initializer!, transformExpr(ctx, f.initializer!)),
    );
    stmts.push(...pre);
    if (isPropsCall(ctx, f.initializer))
      stmts.push({ kind: "AnnAssign", target, annotation: v, pos: ctx.pos(f) });
    else stmts.push(py.assign(target, v, ctx.pos(f)));
  }
  // the class's JSDoc is Python's docstring, which Blender uses as the tooltip (bl_description)
  const doc = jsdocText(node);
  const hasDescription = node.members.some((m) => m.name && m.name.getText() === "bl_description");
  const baseHasDescription = !!ctx.checker.getTypeAtLocation(node).getProperty("bl_description");
  if (doc && !hasDescription && baseHasDescription)
    stmts.unshift(py.assign(py.name("bl_description"), py.str(doc), ctx.pos(node)));
  // AddonPreferences.bl_idname must be the add-on's package name: `__package__` unless given
  const hasIdname = node.members.some((m) => m.name && m.name.getText() === "bl_idname");
  if (!hasIdname && extendsNamed(ctx, ctx.checker.getTypeAtLocation(node), "AddonPreferences"))
    stmts.unshift(py.assign(py.name("bl_idname"), py.name("__package__"), ctx.pos(node)));
  const ctor = node.members.find((m) => ts.isConstructorDeclaration(m) && m.body);
  if (ctor)
    ctx.report(
      ctor,
      diag.addonClassMember({ member: "a constructor", reason: "Blender creates the instances" }),
    );
  if (ts.isClassDeclaration(node) && node.parent && ts.isSourceFile(node.parent) && node.name) {
    if (
      !hasMod(node, ts.SyntaxKind.AbstractKeyword) &&
      reachesBpyTypes(ctx, ctx.checker.getTypeAtLocation(node))
    ) {
      ctx.state(REGISTRATION).classes.push({ node, name: "", deps: propertyTypeDeps(ctx, node) });
    }
  }
  return { stmts, rest: [] };
}

/** Record the Python name of a registered class once the core has declared it. */
export function noteBlenderClassName(ctx: Ctx, node: ts.ClassLikeDeclaration, name: string): void {
  const e = ctx.state(REGISTRATION).classes.find((c) => c.node === node);
  if (e) e.name = name;
}

/** `@classmethod def poll(cls, …)` from the core's `@staticmethod def poll(…)` of a static member. */
export function asClassMethod(def: py.DefStmt): py.DefStmt {
  const rename = (n: unknown): unknown => {
    if (!n || typeof n !== "object") return n;
    if (Array.isArray(n)) return n.map(rename);
    const o = n as Record<string, unknown>;
    if (o.kind === "Name" && o.id === "self") return { ...o, id: "cls" };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === "pos" ? v : rename(v);
    return out;
  };
  const body = rename(def.body) as py.Stmt[];
  return {
    ...def,
    params: [{ name: "cls" }, ...def.params.filter((p) => p.name !== "self" && p.name !== "cls")],
    body,
    decorators: [py.name("classmethod")],
  };
}

/** Pre-bind the entry's own `register`/`unregister` functions to `_user_register`/… */
export function prepareRegistration(ctx: Ctx, entry: ts.SourceFile): void {
  const has = [...ctx.files].some((f) =>
    f.statements.some(
      (s) =>
        ts.isClassDeclaration(s) &&
        isBlenderClass(ctx, s) &&
        !hasMod(s, ts.SyntaxKind.DeclareKeyword),
    ),
  );
  if (!has) return;
  // the generated register() calls the user's: a top-level call of it would run it twice
  const hooks = new Set<ts.Symbol>();
  for (const s of entry.statements) {
    if (!ts.isFunctionDeclaration(s) || !s.name) continue;
    if (s.name.text !== "register" && s.name.text !== "unregister") continue;
    const sym = ctx.checker.getSymbolAtLocation(s.name);
    if (!sym) continue;
    hooks.add(sym);
    const n = `_user_${s.name.text}`;
    ctx.symbolNames.set(sym, n);
    ctx.symbolScopes.set(sym, ctx.moduleScope);
    ctx.moduleScope.used.add(n);
    ctx.state(REGISTRATION).hooks[s.name.text as "register" | "unregister"] = n;
  }
  for (const st of entry.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isCallExpression(st.expression)) continue;
    const callee = st.expression.expression;
    if (!ts.isIdentifier(callee)) continue;
    const sym = ctx.checker.getSymbolAtLocation(callee);
    if (sym && hooks.has(sym)) ctx.report(st, diag.registrationCall({ name: callee.text }));
  }
  ctx.moduleScope.used.add("register");
  ctx.moduleScope.used.add("unregister");
  ctx.moduleScope.used.add("_classes");
  ctx.state(REGISTRATION).byUser = classesRegisteredByUser(ctx);
}

/**
 * Classes the program registers itself (`bpy.utils.register_class(X)` anywhere, as Blender's
 * templates do): the generated register() leaves them out — registering twice raises
 * "already registered as a subclass".
 */
function classesRegisteredByUser(ctx: Ctx): Set<ts.Symbol> {
  const out = new Set<ts.Symbol>();
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === "register_class" &&
      n.arguments.length === 1 &&
      ts.isIdentifier(n.arguments[0]!)
    ) {
      const s = ctx.resolveSymbol(n.arguments[0]);
      if (s && s.flags & ts.SymbolFlags.Class) out.add(s);
    }
    ts.forEachChild(n, visit);
  };
  for (const f of ctx.files) if (f.text.includes("register_class")) visit(f);
  return out;
}

/** The generated registration code appended to the module, or [] when there is no class. */
export function registrationCode(ctx: Ctx, pos: py.SrcPos): py.Stmt[] {
  const list = ctx.state(REGISTRATION).classes.filter((c) => c.name);
  if (!list.length) return [];
  // dependency order, stable on declaration order
  const bySym = new Map<ts.Symbol, BlenderClassInfo>();
  for (const c of list) {
    const s = ctx.checker.getSymbolAtLocation(c.node.name!);
    if (s) bySym.set(s, c);
  }
  const ordered: BlenderClassInfo[] = [];
  const state = new Map<BlenderClassInfo, number>();
  const visit = (c: BlenderClassInfo): void => {
    if (state.get(c)) return;
    state.set(c, 1);
    for (const d of c.deps) {
      const dc = bySym.get(d);
      if (dc) visit(dc);
    }
    ordered.push(c);
  };
  for (const c of list) visit(c);
  const own = ctx.state(REGISTRATION).byUser;
  const auto = ordered.filter((c) => {
    const s = ctx.checker.getSymbolAtLocation(c.node.name!);
    return !(s && own?.has(s));
  });
  const hooks = ctx.state(REGISTRATION).hooks;
  const cls = py.name("cls");
  const reg: py.Stmt[] = [
    {
      kind: "For",
      target: cls,
      iter: py.name("_classes"),
      body: [
        py.exprStmt(py.call(py.attr(py.attr(py.name("bpy"), "utils"), "register_class"), cls)),
      ],
      pos,
    },
  ];
  if (hooks.register) reg.push(py.exprStmt(py.call(hooks.register), pos));
  const unreg: py.Stmt[] = [];
  if (hooks.unregister) unreg.push(py.exprStmt(py.call(hooks.unregister), pos));
  unreg.push({
    kind: "For",
    target: cls,
    iter: py.call("reversed", py.name("_classes")),
    body: [
      py.exprStmt(py.call(py.attr(py.attr(py.name("bpy"), "utils"), "unregister_class"), cls)),
    ],
    pos,
  });
  return [
    py.assign(py.name("_classes"), py.tuple(auto.map((c) => py.name(c.name))), pos),
    { kind: "Def", name: "register", params: [], body: reg, decorators: [], pos },
    { kind: "Def", name: "unregister", params: [], body: unreg, decorators: [], pos },
    py.ifStmt(
      py.compare(py.name("__name__"), "==", py.str("__main__")),
      [py.exprStmt(py.call("register"), pos)],
      [],
      pos,
    ),
  ];
}

/**
 * The typings declaration of the registered callback (`execute`, `invoke`, `modal`, `draw`,
 * `poll`, …) a method of a Blender class defines, found on the base class.
 */
export function registeredCallback(
  ctx: Ctx,
  cls: ts.ClassLikeDeclaration,
  m: ts.MethodDeclaration,
): ts.SignatureDeclaration | undefined {
  const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!ext || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) return undefined;
  const isStatic = hasMod(m, ts.SyntaxKind.StaticKeyword);
  const base = isStatic
    ? ctx.checker.getTypeAtLocation(ext.expression)
    : ctx.checker.getTypeAtLocation(ext);
  const prop = base.getProperty(m.name.text);
  for (const d of prop?.declarations ?? []) {
    if (!(ts.isMethodDeclaration(d) || ts.isMethodSignature(d)) || !isTypingsDecl(ctx, d)) continue;
    if (docComments(d).some((c) => c.includes("Registered callback"))) return d;
  }
  return undefined;
}

/**
 * Blender calls a registered callback with a fixed number of arguments and checks the arity at
 * register_class ("expected Operator.invoke to have 3 args"): a method declaring fewer parameters
 * than the typings (`invoke(context)`, which TypeScript allows) gets the missing ones, unused;
 * more parameters or a rest parameter are refused at the method (BPY2009).
 */
export function blenderCallbackDef(
  ctx: Ctx,
  cls: ts.ClassLikeDeclaration,
  m: ts.MethodDeclaration,
  def: py.DefStmt,
): py.DefStmt {
  const decl = registeredCallback(ctx, cls, m);
  if (!decl) return def;
  const want = decl.parameters.length;
  const name = (m.name as ts.Identifier).text;
  if (m.parameters.length > want || m.parameters.some((p) => p.dotDotDotToken)) {
    const sig = decl.parameters.map((p) => p.name.getText()).join(", ");
    ctx.report(m.name, diag.callbackArity({ name, count: want, call: `${name}(${sig})` }));
    return def;
  }
  if (m.parameters.length === want) return def;
  const params = [...def.params];
  const taken = new Set(params.map((p) => p.name));
  for (const p of decl.parameters.slice(m.parameters.length)) {
    let n = `_${p.name.getText()}`;
    while (taken.has(n)) n += "_";
    taken.add(n);
    params.push({ name: n });
  }
  return { ...def, params };
}

/**
 * Where the generated registration goes in the module body: right after everything it needs —
 * the last class it registers and every top-level declaration the user's register()/unregister()
 * (and the functions they call) read — so that top-level code after the classes can call the
 * script's own operators. Returns the index to insert at (the end when nothing is found).
 */
export function registrationIndex(ctx: Ctx, body: py.Stmt[]): number {
  const list = ctx.state(REGISTRATION).classes.filter((c) => c.name);
  if (!list.length) return body.length;
  const needed: ts.Node[] = list.map((c) => c.node);
  const hooks = ctx.state(REGISTRATION).hooks;
  const hookNames = new Set([hooks.register, hooks.unregister].filter((n) => n !== undefined));
  // the user's hooks and the functions they call, transitively: their top-level reads
  const seen = new Set<ts.Node>();
  const work: ts.Node[] = [];
  for (const f of ctx.files)
    for (const s of f.statements)
      if (
        ts.isFunctionDeclaration(s) &&
        s.name &&
        (s.name.text === "register" || s.name.text === "unregister") &&
        hookNames.size
      )
        work.push(s);
  const topLevelOf = (d: ts.Node): ts.Statement | undefined => {
    let n: ts.Node = d;
    while (n.parent && !ts.isSourceFile(n.parent)) n = n.parent;
    return n.parent && ctx.files.has(n.parent as ts.SourceFile) ? (n as ts.Statement) : undefined;
  };
  while (work.length) {
    const fn = work.pop()!;
    if (seen.has(fn)) continue;
    seen.add(fn);
    needed.push(fn); // a function is defined where the compiler puts it, hoisted or not
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        const d = ctx.resolveSymbol(n)?.valueDeclaration;
        const top = d && topLevelOf(d);
        if (top && !seen.has(top)) {
          if (ts.isFunctionDeclaration(top)) work.push(top);
          else needed.push(top);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(fn);
  }
  const ranges = needed.map((n) => {
    const sf = n.getSourceFile();
    return {
      file: sf.fileName,
      from: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line,
      to: sf.getLineAndCharacterOfPosition(n.getEnd()).line,
    };
  });
  let last = -1;
  for (let i = 0; i < body.length; i++) {
    const p = body[i]!.pos;
    if (p && ranges.some((r) => r.file === p.file && p.line >= r.from && p.line <= r.to)) last = i;
  }
  return last < 0 ? body.length : last + 1;
}
