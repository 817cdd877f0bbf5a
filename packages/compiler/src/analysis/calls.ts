/**
 * Call-site facts, read from the program index's call sites: the values a parameter can take
 * (the arguments at every call of a non-exported function), and whether a parameter default
 * can be left to Python (no call passes `undefined` explicitly).
 */
import ts from "../ts.cjs";
import type { Ctx } from "../transform/context.js";
import type { FunctionLike } from "../transform/functions.js";
import * as T from "./types.js";

const K = ts.SyntaxKind;

/** The call-site facts of one program. */
export class CallFacts {
  /** the direct calls of a function declaration (null: it is also used otherwise) */
  readonly directCalls = new Map<ts.Symbol, ts.CallExpression[] | null>();
  /** neverPassedUndefined per function and parameter index */
  readonly neverUndefined = new Map<ts.Node, Map<number, boolean>>();
}

/**
 * The values a parameter of a function declaration can take: the arguments at every call site
 * (and its default). Undefined when the function is exported, used other than by direct calls,
 * or some call passes no value (or a spread).
 */
export function parameterSources(
  ctx: Ctx,
  p: ts.ParameterDeclaration,
): ts.Expression[] | undefined {
  const fn = p.parent;
  if (!ts.isFunctionDeclaration(fn) || !fn.name || !fn.body || p.dotDotDotToken) return undefined;
  if (fn.modifiers?.some((m) => m.kind === K.ExportKeyword || m.kind === K.DefaultKeyword))
    return undefined;
  const fnSym = ctx.checker.getSymbolAtLocation(fn.name);
  if (!fnSym) return undefined;
  const direct = ctx.analysis.calls.directCalls;
  let calls = direct.get(fnSym);
  if (calls === undefined) {
    const found: ts.CallExpression[] = [];
    let ok = true;
    // not exported: every reference is in its own file
    for (const n of ctx.analysis.index.namedIn(fn.getSourceFile(), fn.name.text)) {
      if (!ok) break;
      if (n !== fn.name && ctx.resolveSymbol(n) === fnSym) {
        const c = n.parent;
        if (ts.isCallExpression(c) && c.expression === n) found.push(c);
        else ok = false;
      }
    }
    calls = ok ? found : null;
    direct.set(fnSym, calls);
  }
  if (!calls) return undefined;
  const index = fn.parameters.indexOf(p);
  const out: ts.Expression[] = [];
  for (const c of calls) {
    if (c.arguments.slice(0, index + 1).some((a) => ts.isSpreadElement(a))) return undefined;
    const a = c.arguments[index];
    if (a) out.push(a);
    else if (p.initializer) out.push(p.initializer);
    else return undefined;
  }
  if (p.initializer) out.push(p.initializer);
  return out;
}

/** Can this argument be undefined (a Python default only applies to a missing argument)? */
function mayBeUndefined(ctx: Ctx, arg: ts.Expression): boolean {
  if (ts.isSpreadElement(arg)) return true;
  const t = ctx.checker.getTypeAtLocation(arg);
  return T.hasUndefined(t) || T.isAnyLike(t);
}

/**
 * JavaScript applies a parameter default to an explicit `undefined` argument too, Python only to
 * a missing one. `def f(a=5)` is kept when every reference to the function is a direct call
 * whose argument at `index` is missing or cannot be undefined; otherwise the parameter defaults
 * to None and is tested in the body.
 */
export function neverPassedUndefined(ctx: Ctx, fn: FunctionLike, index: number): boolean {
  const cache = ctx.analysis.calls.neverUndefined;
  let perFn = cache.get(fn);
  if (!perFn) cache.set(fn, (perFn = new Map()));
  const known = perFn.get(index);
  if (known !== undefined) return known;
  const r = neverPassedUndefinedUncached(ctx, fn, index);
  perFn.set(index, r);
  return r;
}

function neverPassedUndefinedUncached(ctx: Ctx, fn: FunctionLike, index: number): boolean {
  // the symbol and the name its references use
  let nameNode: ts.Node | undefined;
  let byName = false; // methods: every call of a property with that name (overrides, interfaces)
  if (ts.isFunctionDeclaration(fn)) nameNode = fn.name;
  else if (ts.isMethodDeclaration(fn)) {
    if (!ts.isIdentifier(fn.name)) return false;
    nameNode = fn.name;
    byName = true;
  } else if (ts.isConstructorDeclaration(fn)) nameNode = fn.parent.name;
  else if (
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
    ts.isVariableDeclaration(fn.parent) &&
    fn.parent.initializer === fn &&
    ts.isIdentifier(fn.parent.name) &&
    ts.getCombinedNodeFlags(fn.parent) & ts.NodeFlags.Const
  )
    nameNode = fn.parent.name;
  if (!nameNode || !ts.isIdentifier(nameNode)) return false;
  const sym = ctx.checker.getSymbolAtLocation(nameNode);
  if (!sym) return false;
  const isCtor = ts.isConstructorDeclaration(fn);
  const argOk = (args: readonly ts.Expression[] | undefined): boolean => {
    const a = args ?? [];
    for (let i = 0; i < Math.min(index + 1, a.length); i++) {
      if (ts.isSpreadElement(a[i]!)) return false;
    }
    return a.length <= index || !mayBeUndefined(ctx, a[index]!);
  };
  const sites = ctx.analysis.index.callSites();
  for (const n of sites.byName.get(nameNode.text) ?? []) {
    if (n === nameNode) continue;
    const p = n.parent;
    if (byName) {
      if (ts.isPropertyAccessExpression(p) && p.name === n) {
        const call = p.parent;
        if (!ts.isCallExpression(call) || call.expression !== p || !argOk(call.arguments))
          return false;
      } else if (!(
        (ts.isMethodDeclaration(p) ||
          ts.isMethodSignature(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isPropertySignature(p)) &&
        p.name === n
      ))
        return false; // destructured, passed around, a variable of the same name: be safe
    } else if (ctx.resolveSymbol(n) === sym) {
      // imports and exports name it; their uses resolve to it and are checked as they come
      if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p)) continue;
      // `ns.f(…)` through a namespace import
      const callee = ts.isPropertyAccessExpression(p) && p.name === n ? p : n;
      const cp = callee.parent;
      if (isCtor) {
        if (ts.isNewExpression(cp) && cp.expression === callee) {
          if (!argOk(cp.arguments)) return false;
        } else if (
          !ts.isTypeReferenceNode(p) &&
          !(ts.isPropertyAccessExpression(p) && p.expression === n) &&
          // `extends C`: checked below with the subclass's constructor
          !(ts.isExpressionWithTypeArguments(p) && ts.isHeritageClause(p.parent))
        )
          return false; // the class used as a value: constructed elsewhere
      } else if (!(ts.isCallExpression(cp) && cp.expression === callee && argOk(cp.arguments)))
        return false;
    }
  }
  if (isCtor) {
    // `new this()` in a static method constructs the class without naming it
    if (sites.newThis) return false;
    for (const { cls, base } of sites.subclasses) {
      if (ctx.resolveSymbol(base as ts.Identifier) !== sym) continue;
      // a subclass without a constructor passes its arguments on; with one, check its super(…)
      const ctor = cls.members.find(ts.isConstructorDeclaration);
      if (!ctor?.body) return false;
      let ok = true;
      const visit = (n: ts.Node): void => {
        if (!ok) return;
        if (
          ts.isCallExpression(n) &&
          n.expression.kind === ts.SyntaxKind.SuperKeyword &&
          !argOk(n.arguments)
        )
          ok = false;
        else if (!ts.isFunctionLike(n) || ts.isArrowFunction(n)) ts.forEachChild(n, visit);
      };
      visit(ctor.body);
      if (!ok) return false;
    }
  }
  return true;
}
