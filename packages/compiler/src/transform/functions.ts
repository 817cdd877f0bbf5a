/** Functions: declarations, arrows (lambda or nested def), parameters, generators. */
import ts from "../ts.cjs";
import * as py from "../python/ast.js";
import type { Ctx, Scope } from "./context.js";
import { transformExpr } from "./expressions/index.js";
import { transformStatements } from "./statements/index.js";
import { destructureTo } from "./statements/destructuring.js";

export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

export interface DefOptions {
  /** methods get `self` first */
  self?: boolean;
  /** name `this` maps to (e.g. the class name in static members) */
  thisName?: string;
  decorators?: py.Expr[];
  /** statements to run at the start of the body (after parameter defaults) */
  prologue?: (ctx: Ctx) => py.Stmt[];
  /** replaces the body translation */
  body?: (ctx: Ctx) => py.Stmt[];
}

function isConstDefault(init: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  if (
    ts.isNumericLiteral(init) ||
    ts.isStringLiteral(init) ||
    ts.isNoSubstitutionTemplateLiteral(init)
  )
    return true;
  if (
    init.kind === ts.SyntaxKind.TrueKeyword ||
    init.kind === ts.SyntaxKind.FalseKeyword ||
    init.kind === ts.SyntaxKind.NullKeyword
  )
    return true;
  if (ts.isIdentifier(init) && init.text === "undefined") return true;
  if (
    ts.isPrefixUnaryExpression(init) &&
    init.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(init.operand)
  )
    return true;
  return false;
}

interface Params {
  params: py.Param[];
  prelude: py.Stmt[];
}

function transformParams(ctx: Ctx, node: FunctionLike): Params {
  const params: py.Param[] = [];
  const prelude: py.Stmt[] = [];
  for (const p of node.parameters) {
    if (ts.isIdentifier(p.name) && p.name.text === "this") continue;
    const pos = ctx.pos(p);
    if (p.dotDotDotToken) {
      if (ts.isIdentifier(p.name)) {
        const n = ctx.declare(p.name);
        params.push({ name: n, star: "*" });
        prelude.push(py.assign(py.name(n), py.call("list", py.name(n)), pos));
      } else {
        const n = ctx.fresh("_rest");
        params.push({ name: n, star: "*" });
        prelude.push(...destructureTo(ctx, p.name, py.call("list", py.name(n)), pos));
      }
      continue;
    }
    let n: string;
    if (ts.isIdentifier(p.name)) n = ctx.declare(p.name);
    else n = ctx.fresh(ts.isArrayBindingPattern(p.name) ? "_items" : "_options");
    if (p.initializer) {
      if (isConstDefault(p.initializer))
        params.push({ name: n, default: transformExpr(ctx, p.initializer) });
      else {
        params.push({ name: n, default: py.NONE });
        const [init, pre] = ctx.collect(() => transformExpr(ctx, p.initializer!));
        prelude.push(
          ...pre,
          py.ifStmt(
            py.compare(py.name(n), "is", py.NONE),
            [py.assign(py.name(n), init, pos)],
            [],
            pos,
          ),
        );
      }
    } else if (p.questionToken) params.push({ name: n, default: py.NONE });
    else params.push({ name: n });
    if (!ts.isIdentifier(p.name)) prelude.push(...destructureTo(ctx, p.name, py.name(n), pos));
  }
  return { params, prelude };
}

/**
 * Variables a closure captures from the loop iteration it is created in (let/const in a loop,
 * parameters of an inlined forEach callback). JavaScript gives each iteration its own binding;
 * Python closures see the last value, so they are bound as keyword-only defaults (`*, i=i`).
 */
export function loopCaptures(ctx: Ctx, node: ts.Node): string[] {
  // a per-iteration binding needs a loop or an inlined callback around the closure (isPerIteration)
  if (!inIterationScope(ctx, node)) return [];
  const out = new Set<string>();
  const assigned = new Set<ts.Symbol>();
  const captured = new Map<ts.Symbol, string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const sym = ctx.resolveSymbol(n);
      const decl = sym?.valueDeclaration;
      if (sym && decl && !isInsideNode(decl, node) && isPerIteration(ctx, decl, node)) {
        const name = ctx.symbolNames.get(sym);
        if (name) captured.set(sym, name);
        const p = n.parent;
        if (
          (ts.isBinaryExpression(p) &&
            p.left === n &&
            p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
            p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
          ts.isPrefixUnaryExpression(p) ||
          ts.isPostfixUnaryExpression(p)
        )
          assigned.add(sym);
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
  for (const [sym, name] of captured) if (!assigned.has(sym)) out.add(name);
  return [...out].sort();
}

function inIterationScope(ctx: Ctx, node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node; p; p = p.parent) {
    if (
      ts.isIterationStatement(p, false) ||
      ctx.inlineReturns.has(p) ||
      ctx.inlinedCallbacks.has(p)
    )
      return true;
  }
  return false;
}

function isInsideNode(n: ts.Node, container: ts.Node): boolean {
  for (let p: ts.Node | undefined = n; p; p = p.parent) if (p === container) return true;
  return false;
}

function isPerIteration(ctx: Ctx, decl: ts.Node, closure: ts.Node): boolean {
  const blockScoped =
    (ts.isVariableDeclaration(decl) &&
      ts.isVariableDeclarationList(decl.parent) &&
      (decl.parent.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0) ||
    ts.isParameter(decl) ||
    ts.isBindingElement(decl);
  if (!blockScoped) return false;
  // find the function the declaration belongs to
  let fn: ts.Node | undefined = decl.parent;
  while (fn && !ts.isFunctionLike(fn) && !ts.isSourceFile(fn)) fn = fn.parent;
  if (ts.isParameter(decl)) {
    // parameters of an inlined forEach callback behave like loop variables
    return (
      !!fn &&
      (ctx.inlineReturns.has(fn) || ctx.inlinedCallbacks.has(fn)) &&
      isInsideNode(closure, fn)
    );
  }
  for (let p: ts.Node | undefined = decl.parent; p && p !== fn; p = p.parent) {
    if (ts.isIterationStatement(p, false) && isInsideNode(closure, p)) return true;
    if (ctx.inlineReturns.has(p) && isInsideNode(closure, p)) return true;
  }
  if (fn && ctx.inlineReturns.has(fn) && isInsideNode(closure, fn)) return true;
  return false;
}

function withCaptures(params: py.Param[], captures: string[]): py.Param[] {
  if (captures.length === 0) return params;
  const out = [...params];
  if (!out.some((p) => p.star === "*")) out.push({ name: "*" });
  for (const c of captures) out.push({ name: c, default: py.name(c) });
  return out;
}

function scopeDecls(s: Scope, pos?: py.SrcPos): py.Stmt[] {
  const out: py.Stmt[] = [];
  if (s.globals.size) out.push({ kind: "Global", names: [...s.globals].sort(), pos });
  if (s.nonlocals.size) out.push({ kind: "Nonlocal", names: [...s.nonlocals].sort(), pos });
  return out;
}

function containsYield(body: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isYieldExpression(n)) found = true;
    else if (!ts.isFunctionLike(n) && !ts.isClassLike(n)) ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** Build `def name(...)` for any function-like node. */
export function buildDef(
  ctx: Ctx,
  node: FunctionLike,
  name: string,
  opts: DefOptions = {},
): py.DefStmt {
  if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword))
    ctx.report(node, "asyncAwait");
  const pos = ctx.pos(node);
  const parentThis = ctx.scope.thisName;
  const captures = opts.self ? [] : loopCaptures(ctx, node);
  return ctx.withScope(
    "function",
    node,
    (s) => {
      const selfParam: py.Param[] = [];
      if (opts.self) {
        s.used.add("self");
        selfParam.push({ name: "self" });
      }
      const { params, prelude } = transformParams(ctx, node);
      let body: py.Stmt[];
      if (opts.body) body = opts.body(ctx);
      else if (!node.body) body = [];
      else if (ts.isBlock(node.body)) body = transformStatements(ctx, node.body.statements);
      else {
        const [e, pre] = ctx.collect(() => transformExpr(ctx, node.body as ts.Expression));
        body = [...pre, py.ret(e, ctx.pos(node.body))];
      }
      const prologue = opts.prologue ? opts.prologue(ctx) : [];
      if (
        (node as ts.FunctionDeclaration).asteriskToken &&
        node.body &&
        !containsYield(node.body)
      ) {
        body.push({ kind: "Expr", value: { kind: "Yield", value: py.tuple([]), from: true } });
      }
      return {
        kind: "Def" as const,
        name,
        params: withCaptures([...selfParam, ...params], captures),
        body: [...scopeDecls(s, pos), ...prelude, ...prologue, ...body],
        decorators: opts.decorators ?? [],
        pos,
      };
    },
    (s) => {
      s.thisName = ts.isArrowFunction(node) ? parentThis : opts.thisName;
      s.isGenerator = !!(node as ts.FunctionDeclaration).asteriskToken;
    },
  );
}

export function transformFunctionDeclaration(ctx: Ctx, node: ts.FunctionDeclaration): py.Stmt[] {
  if (!node.body) return [];
  const name = node.name ? ctx.declare(node.name) : ctx.fresh("_default");
  return [buildDef(ctx, node, name)];
}

function nameHint(node: ts.Node): string {
  const p = node.parent;
  if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return "_" + p.name.text;
  if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name)) return "_" + node.name.text;
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression))
    return `_${p.expression.name.text}_fn`;
  if ((ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) && node.name)
    return node.name.text;
  return "_fn";
}

/** An arrow or function expression used as a value: a lambda when possible, else a nested def. */
export function transformFunctionExpression(
  ctx: Ctx,
  node: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration,
): py.Expr {
  if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword))
    ctx.report(node, "asyncAwait");
  let bodyExpr: ts.Expression | undefined;
  if (node.body && !ts.isBlock(node.body)) bodyExpr = node.body;
  else if (node.body && ts.isBlock(node.body) && node.body.statements.length === 1) {
    const s = node.body.statements[0]!;
    if (ts.isReturnStatement(s) && s.expression) bodyExpr = s.expression;
  }
  const simpleParams = node.parameters.every(
    (p) =>
      ts.isIdentifier(p.name) &&
      !p.dotDotDotToken &&
      (!p.initializer || isConstDefault(p.initializer)),
  );
  const named = ts.isFunctionExpression(node) && node.name;
  if (bodyExpr && simpleParams && !node.asteriskToken && !named) {
    const mark = ctx.symbolNamesMark();
    const parentThis = ctx.scope.thisName;
    const [res, pre] = ctx.collect(() =>
      ctx.withScope(
        "function",
        node,
        (s) => {
          const { params, prelude } = transformParams(ctx, node);
          const body = transformExpr(ctx, bodyExpr);
          return { params, prelude, body, s };
        },
        (s) => {
          s.thisName = ts.isArrowFunction(node) ? parentThis : undefined;
        },
      ),
    );
    if (
      pre.length === 0 &&
      res.prelude.length === 0 &&
      res.s.globals.size === 0 &&
      res.s.nonlocals.size === 0
    ) {
      return py.lambda(withCaptures(res.params, loopCaptures(ctx, node)), res.body);
    }
    ctx.dropSymbolNamesSince(mark);
  }
  let name: string;
  if (named && node.name) name = ctx.declare(node.name);
  else name = ctx.fresh(nameHint(node));
  const def = buildDef(ctx, node, name);
  def.pos = ctx.pos(node);
  ctx.addPre(def);
  return py.name(name);
}
