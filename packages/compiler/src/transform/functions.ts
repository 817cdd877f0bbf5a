/** Functions: declarations, arrows (lambda or nested def), parameters, generators. */
import { diag } from "@bpyts/diagnostics";
import ts from "../ts.cjs";
import * as py from "../python/ast.js";
import type { Ctx, Scope } from "./context.js";
import { transformExpr } from "./expressions/index.js";
import { transformStatements } from "./statements/index.js";
import { destructureTo } from "./statements/destructuring.js";
import * as T from "../analysis/types.js";
import { neverPassedUndefined } from "../analysis/calls.js";

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
  /** the name of that first parameter (`cls` for class methods); `self` unless set */
  selfName?: string;
  /** name `this` maps to (e.g. the class name in static members) */
  thisName?: string;
  decorators?: py.Expr[];
  /** statements to run at the start of the body (after parameter defaults) */
  prologue?: (ctx: Ctx) => py.Stmt[];
  /** replaces the body translation */
  body?: (ctx: Ctx) => py.Stmt[];
  /** accept (and ignore) extra positional arguments: `*_args` */
  varargs?: boolean;
  /** a callback handed over takes exactly this many positional parameters (a layer's arity) */
  arity?: number;
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

function isNullishLiteral(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

interface Params {
  params: py.Param[];
  prelude: py.Stmt[];
}

function transformParams(ctx: Ctx, node: FunctionLike): Params {
  const params: py.Param[] = [];
  const prelude: py.Stmt[] = [];
  // `function f(a = 1, b: number)`: Python refuses a parameter without default after one with a
  // default, and every call passes `a` anyway (TypeScript requires it), so the parameters before
  // the last required one take no Python default; their JavaScript default is applied in the body.
  let lastRequired = -1;
  node.parameters.forEach((p, i) => {
    if (!p.initializer && !p.questionToken && !p.dotDotDotToken) lastRequired = i;
  });
  for (const [index, p] of node.parameters.entries()) {
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
      if (
        index > lastRequired &&
        isConstDefault(p.initializer) &&
        (isNullishLiteral(p.initializer) ||
          neverPassedUndefined(ctx, node, node.parameters.indexOf(p)))
      )
        params.push({ name: n, default: transformExpr(ctx, p.initializer) });
      else {
        params.push(index < lastRequired ? { name: n } : { name: n, default: py.NONE });
        // a caller may pass null, which JavaScript keeps and the None test replaces
        if (T.hasNull(ctx.checker.getTypeAtLocation(p.name)))
          ctx.report(p.initializer, diag.defaultReplacesNull({ name: p.name.getText() }));
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
  for (const [sym, name] of captured) {
    if (assigned.has(sym)) continue;
    // declared after the closure in the iteration: no value to bind yet (Python: NameError)
    const decl = sym.valueDeclaration!;
    const declaredAfter = decl.getSourceFile() === node.getSourceFile() && decl.pos >= node.end;
    if (declaredAfter || writtenAfter(ctx, sym, node)) {
      ctx.report(node, diag.loopClosureWrite({ variable: sym.name }));
      continue;
    }
    out.add(name);
  }
  return [...out].sort();
}

/**
 * Can `sym` (a per-iteration variable captured by `closure`) change after the closure is created
 * and bound it by value: a write after the closure in the source, in another function, or in a
 * loop around the closure inside the variable's scope. The incrementor of the `for` declaring it
 * does not count (it updates the next iteration's copy).
 */
function writtenAfter(ctx: Ctx, sym: ts.Symbol, closure: ts.Node): boolean {
  const decl = sym.valueDeclaration!;
  let scope: ts.Node | undefined = decl.parent;
  while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  if (!scope) return false;
  const forOf = ts.findAncestor(decl, (n) => ts.isForStatement(n) || ts.isBlock(n));
  const incrementor = forOf && ts.isForStatement(forOf) ? forOf.incrementor : undefined;
  let found = false;
  const isWrite = (n: ts.Identifier): boolean => {
    const p = n.parent;
    return (
      (ts.isBinaryExpression(p) &&
        p.left === n &&
        p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
      ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) &&
        (p.operator === ts.SyntaxKind.PlusPlusToken ||
          p.operator === ts.SyntaxKind.MinusMinusToken)) ||
      ts.isArrayLiteralExpression(p) ||
      ts.isShorthandPropertyAssignment(p) ||
      (ts.isPropertyAssignment(p) && p.initializer === n) ||
      ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === n)
    );
  };
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === sym.name && isWrite(n) && ctx.resolveSymbol(n) === sym) {
      if (incrementor && isInsideNode(n, incrementor)) return;
      // destructuring targets: only when the literal is the left side of an assignment
      if (
        (ts.isArrayLiteralExpression(n.parent) || ts.isObjectLiteralElementLike(n.parent)) &&
        !isAssignmentPattern(n.parent)
      )
        return;
      if (isInsideNode(n, closure)) return; // the closure's own writes make it nonlocal
      let inOtherFn = false;
      for (let p: ts.Node | undefined = n.parent; p && p !== scope; p = p.parent)
        if (ts.isFunctionLike(p) && !ctx.inlinedCallbacks.has(p) && !ctx.inlineReturns.has(p))
          inOtherFn = true;
      if (inOtherFn || n.getStart() > closure.getEnd()) found = true;
      else {
        // before the closure, but in a loop (inside the variable's scope) around both
        for (let p: ts.Node | undefined = n.parent; p && p !== scope; p = p.parent) {
          if (isInsideNode(decl, p)) break;
          if (
            (ts.isIterationStatement(p, false) || ctx.inlineReturns.has(p)) &&
            isInsideNode(closure, p)
          )
            found = true;
        }
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}

function isAssignmentPattern(n: ts.Node): boolean {
  let c: ts.Node = n;
  while (
    ts.isArrayLiteralExpression(c.parent) ||
    ts.isObjectLiteralExpression(c.parent) ||
    ts.isPropertyAssignment(c.parent) ||
    ts.isShorthandPropertyAssignment(c.parent) ||
    ts.isSpreadElement(c.parent) ||
    ts.isParenthesizedExpression(c.parent)
  )
    c = c.parent;
  const p = c.parent;
  return (
    (ts.isBinaryExpression(p) &&
      p.left === c &&
      p.operatorToken.kind === ts.SyntaxKind.EqualsToken) ||
    ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === c)
  );
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
    ctx.report(node, diag.asyncAwait());
  const pos = ctx.pos(node);
  const parentThis = ctx.scope.thisName;
  const captures = opts.self ? [] : loopCaptures(ctx, node);
  return ctx.withScope(
    "function",
    node,
    (s) => {
      const selfParam: py.Param[] = [];
      if (opts.self) {
        const selfName = opts.selfName ?? "self";
        s.used.add(selfName);
        selfParam.push({ name: selfName });
      }
      const { params, prelude } = transformParams(ctx, node);
      let body: py.Stmt[];
      if (opts.body) body = opts.body(ctx);
      else if (!node.body) body = [];
      else if (ts.isBlock(node.body)) body = transformStatements(ctx, node.body.statements);
      else {
        const b = node.body;
        // a callback's result handed over (to Blender: sets, enum item tuples)
        const [e, pre] = ctx.collect(() => ctx.layers.valueOut(ctx, b, transformExpr(ctx, b)));
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
      const allParams = withCaptures(
        [
          ...selfParam,
          ...params,
          ...(opts.arity !== undefined
            ? padParams(params, opts.arity)
            : opts.varargs
              ? [ignoredArgs(params)]
              : []),
        ],
        captures,
      );
      if ((node as ts.FunctionDeclaration).asteriskToken && prelude.length) {
        // JavaScript binds a generator's parameters (defaults, destructuring) when it is
        // called, a Python generator at its first next(): the parameters are bound by a plain
        // function that returns the generator of the body
        // the parameters and what the prelude binds (destructured names), so the body may
        // assign them as its own locals
        const names = allParams.filter((p) => p.name !== "*").map((p) => p.name);
        const bind = (t: py.Expr): void => {
          if (
            t.kind === "Name" &&
            !names.includes(t.id) &&
            !s.globals.has(t.id) &&
            !s.nonlocals.has(t.id)
          )
            names.push(t.id);
          else if (t.kind === "Tuple" || t.kind === "List") t.elts.forEach(bind);
        };
        const walk = (st: py.Stmt): void => {
          if (st.kind === "Assign") st.targets.forEach(bind);
          else if (st.kind === "If") [...st.body, ...st.orelse].forEach(walk);
        };
        [...prelude, ...prologue].forEach(walk);
        const inner = ctx.fresh(`_${name.replace(/^_+/, "")}_body`);
        const decls = scopeDecls(s, pos);
        return {
          kind: "Def" as const,
          name,
          params: allParams,
          body: [
            ...decls,
            ...prelude,
            ...prologue,
            {
              kind: "Def" as const,
              name: inner,
              params: names.map((n) => ({ name: n })),
              body: [...decls, ...body],
              decorators: [],
              pos,
            },
            py.ret(py.call(inner, ...names.map((n) => py.name(n))), pos),
          ],
          decorators: opts.decorators ?? [],
          pos,
        };
      }
      return {
        kind: "Def" as const,
        name,
        params: allParams,
        body: [...scopeDecls(s, pos), ...prelude, ...prologue, ...body],
        decorators: opts.decorators ?? [],
        pos,
        ...(s.nullNames ? { nullNames: [...s.nullNames].sort() } : {}),
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
  const name = node.name ? ctx.declare(node.name) : ctx.declareDefaultExport(node);
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

/**
 * The parameters after `params`: Blender's arity for a callback handed to Blender (it checks
 * the count: `items`, `update`, `get`, `set`, `poll` of bpy.props), else `*_args` when the
 * caller may pass more arguments than declared.
 */
function extraParams(
  ctx: Ctx,
  node: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration,
  params: py.Param[],
): py.Param[] {
  const n = ctx.layers.callbackArity(ctx, node);
  if (n !== undefined) return padParams(params, n);
  return needsVarargs(ctx, node) ? [ignoredArgs(params)] : [];
}

/** Unused positional parameters up to `n` in all. */
function padParams(params: py.Param[], n: number): py.Param[] {
  const out: py.Param[] = [];
  for (let i = params.length; i < n; i++) {
    let name = `_arg${i}`;
    while (params.some((p) => p.name === name)) name = "_" + name;
    out.push({ name });
  }
  return out;
}

/** `*_args` after `params` (`_args` unless a parameter already has that name). */
function ignoredArgs(params: py.Param[]): py.Param {
  let name = "_args";
  while (params.some((p) => p.name === name)) name = "_" + name;
  return { name, star: "*" };
}

/**
 * JavaScript ignores extra arguments, Python raises: a function expression passed where its
 * caller may give it more arguments than it declares (`apply(() => 5)` with
 * `apply(f: (a: number, b: number) => number)`, `sort(() => 0)`) also takes `*_args`. The array
 * methods whose callbacks the compiler calls with as many arguments as they declare (map,
 * filter, …) do not need it.
 */
function needsVarargs(
  ctx: Ctx,
  node: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration,
): boolean {
  if (node.parameters.some((p) => p.dotDotDotToken)) return false;
  const declared = node.parameters.filter(
    (p) => !(ts.isIdentifier(p.name) && p.name.text === "this"),
  ).length;
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  const ct = ctx.checker.getContextualType(node);
  if (!ct) return false;
  let expected = 0;
  for (const t of ct.isUnion() ? ct.types : [ct]) {
    for (const sig of t.getCallSignatures()) {
      const d = sig.getDeclaration() as ts.SignatureDeclaration | undefined;
      const n = d
        ? d.parameters.some((p) => p.dotDotDotToken)
          ? Infinity
          : d.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === "this")).length
        : sig.parameters.length;
      expected = Math.max(expected, n);
    }
  }
  if (expected <= declared) return false;
  // callbacks of the built-in array/Map/Set methods: called with the declared arity, except the
  // comparator of sort(), which the runtime calls with two
  const sym = ct.aliasSymbol ?? ct.getSymbol();
  const sig0 = ct.getCallSignatures()[0]?.getDeclaration();
  const fromLib =
    (sym && T.isLibSymbol(ctx, sym)) || (sig0 && T.isLibFile(sig0.getSourceFile().fileName));
  if (fromLib) {
    const call = node.parent;
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
    // (and a replacement function, which the runtime calls with the groups, offset, string)
    return ["sort", "toSorted", "replace", "replaceAll"].includes(call.expression.name.text);
  }
  return true;
}

/** An arrow or function expression used as a value: a lambda when possible, else a nested def. */
export function transformFunctionExpression(
  ctx: Ctx,
  node: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration,
): py.Expr {
  if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword))
    ctx.report(node, diag.asyncAwait());
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
          const body = ctx.layers.valueOut(ctx, bodyExpr, transformExpr(ctx, bodyExpr));
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
      const params = [...res.params, ...extraParams(ctx, node, res.params)];
      return py.lambda(withCaptures(params, loopCaptures(ctx, node)), res.body);
    }
    ctx.dropSymbolNamesSince(mark);
  }
  let name: string;
  if (named && node.name) name = ctx.declare(node.name);
  else name = ctx.fresh(nameHint(node));
  const def = buildDef(ctx, node, name, {
    varargs: needsVarargs(ctx, node),
    arity: ctx.layers.callbackArity(ctx, node),
  });
  def.pos = ctx.pos(node);
  ctx.addPre(def);
  return py.name(name);
}
