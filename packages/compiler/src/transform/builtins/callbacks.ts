/**
 * Callbacks of array methods. An arrow with an expression body is inlined into a comprehension
 * (`[x * 2 for x in xs]`); other functions are called with as many arguments (value, index,
 * array) as they declare.
 */
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "../expressions/index.js";
import { condition, truthy } from "../expressions/convert.js";

export type InlineFn = (ts.ArrowFunction | ts.FunctionExpression) & {
  params: ts.Identifier[];
  expr: ts.Expression;
};

export function inlinableFn(cb: ts.Expression, maxParams = 3): InlineFn | undefined {
  while (ts.isParenthesizedExpression(cb)) cb = cb.expression;
  if (!ts.isArrowFunction(cb) && !ts.isFunctionExpression(cb)) return undefined;
  if (cb.asteriskToken || cb.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword))
    return undefined;
  if (cb.parameters.length > maxParams) return undefined;
  const params: ts.Identifier[] = [];
  for (const p of cb.parameters) {
    if (!ts.isIdentifier(p.name) || p.initializer || p.dotDotDotToken) return undefined;
    if (p.name.text === "this") return undefined;
    params.push(p.name);
  }
  let expr: ts.Expression | undefined;
  if (ts.isBlock(cb.body)) {
    const s = cb.body.statements;
    if (s.length === 1 && ts.isReturnStatement(s[0]!) && s[0].expression) expr = s[0].expression;
  } else expr = cb.body;
  if (!expr) return undefined;
  return Object.assign(cb, { params, expr });
}

export function callbackArity(ctx: Ctx, cb: ts.Expression): number {
  while (ts.isParenthesizedExpression(cb)) cb = cb.expression;
  if (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) {
    if (cb.parameters.some((p) => p.dotDotDotToken)) return 3;
    return cb.parameters.length;
  }
  const sigs = T.typeOf(ctx, cb).getCallSignatures();
  const sig = sigs[0];
  if (!sig) return 1;
  const decl = sig.getDeclaration();
  if (decl && decl.parameters.some((p) => p.dotDotDotToken)) return restTupleArity(ctx, sig) ?? 3;
  return sig.parameters.length;
}

/**
 * A rest parameter typed as a fixed tuple takes exactly that many arguments (`f.bind(null, 1)`
 * has the type `(...args: [b: number]) => number`, and is a `functools.partial` of a function
 * that takes exactly one more); undefined when the rest is open-ended.
 */
function restTupleArity(ctx: Ctx, sig: ts.Signature): number | undefined {
  const n = sig.parameters.length;
  const rest = sig.parameters[n - 1];
  if (!rest) return undefined;
  const t = ctx.checker.getTypeOfSymbol(rest);
  if (!ctx.checker.isTupleType(t)) return undefined;
  const target = (t as ts.TupleTypeReference).target;
  if (target.hasRestElement) return undefined;
  return n - 1 + target.fixedLength;
}

export interface CallbackLoop {
  fors: py.CompFor[];
  body: py.Expr;
  elem: py.Expr;
  index?: py.Expr;
  /** python parameter names when the callback was inlined */
  params?: string[];
}

export interface LoopOptions {
  /** Array.from({ length: n }, cb): elements are undefined */
  rangeOf?: py.Expr;
  needIndex?: boolean;
  reverse?: boolean;
}

/** Run `fn` in a comprehension scope for an inlined callback. */
export function inlineScope<T>(
  ctx: Ctx,
  fn: InlineFn,
  body: (names: string[]) => T,
): T | undefined {
  const mark = ctx.symbolNamesMark();
  const thisName = ctx.scope.thisName;
  ctx.inlinedCallbacks.add(fn);
  const [res, pre] = ctx.collect(() =>
    ctx.withScope(
      "comprehension",
      fn,
      () => {
        const idx = fn.params[1] && ctx.checker.getSymbolAtLocation(fn.params[1]);
        if (idx) ctx.analysis.ints.nonNegCounters.add(idx);
        return body(fn.params.map((p) => ctx.declare(p)));
      },
      (s) => {
        if (ts.isArrowFunction(fn)) s.thisName = thisName;
      },
    ),
  );
  if (pre.length === 0) return res;
  ctx.dropSymbolNamesSince(mark);
  return undefined;
}

export function callbackLoop(
  ctx: Ctx,
  iter: py.Expr,
  cb: ts.Expression,
  mode: "value" | "cond",
  opts: LoopOptions,
): CallbackLoop {
  const fn = inlinableFn(cb);
  if (fn) {
    const r = inlineScope(ctx, fn, (names) => {
      const body = mode === "cond" ? condition(ctx, fn.expr) : transformExpr(ctx, fn.expr);
      let idx = names[1];
      if (!idx && (opts.needIndex || opts.rangeOf)) idx = ctx.fresh("i");
      return { names, body, idx };
    });
    if (r) {
      const elem = r.names[0] ?? ctx.fresh("_");
      return {
        fors: buildFors(
          ctx,
          iter,
          py.name(elem),
          r.idx ? py.name(r.idx) : undefined,
          r.names[2],
          opts,
        ),
        body: r.body,
        elem: py.name(elem),
        index: r.idx ? py.name(r.idx) : undefined,
        params: r.names,
      };
    }
  }
  const f = transformExpr(ctx, cb);
  const arity = callbackArity(ctx, cb);
  const v = ctx.fresh("_v");
  const i = arity >= 2 || opts.needIndex || opts.rangeOf ? ctx.fresh("_i") : undefined;
  const a = arity >= 3 ? ctx.fresh("_a") : undefined;
  const callArgs = [py.name(v), ...(i ? [py.name(i)] : []), ...(a ? [py.name(a)] : [])].slice(
    0,
    Math.max(arity, 0),
  );
  let body: py.Expr = py.call(f, ...callArgs);
  if (mode === "cond") {
    const sig = T.typeOf(ctx, cb).getCallSignatures()[0];
    const rt = sig ? sig.getReturnType() : ctx.checker.getAnyType();
    body = truthy(ctx, rt, body);
  }
  return {
    fors: buildFors(ctx, iter, py.name(v), i ? py.name(i) : undefined, a, opts),
    body,
    elem: py.name(v),
    index: i ? py.name(i) : undefined,
  };
}

function buildFors(
  ctx: Ctx,
  iter: py.Expr,
  elem: py.Expr,
  idx: py.Expr | undefined,
  arrName: string | undefined,
  opts: LoopOptions,
): py.CompFor[] {
  const fors: py.CompFor[] = [];
  if (opts.rangeOf) {
    fors.push({ target: idx ?? py.name("_"), iter: py.call("range", opts.rangeOf), conds: [] });
    if (elem.kind === "Name" && !elem.id.startsWith("_"))
      fors.push({ target: elem, iter: py.list([py.NONE]), conds: [] });
    return fors;
  }
  if (arrName) {
    fors.push({ target: py.name(arrName), iter: py.list([iter]), conds: [] });
    iter = py.name(arrName);
  }
  if (idx) {
    let it: py.Expr = py.call("enumerate", iter);
    if (opts.reverse) it = py.call("reversed", py.call("list", it));
    fors.push({ target: py.tuple([idx, elem]), iter: it, conds: [] });
  } else {
    fors.push({ target: elem, iter: opts.reverse ? py.call("reversed", iter) : iter, conds: [] });
  }
  return fors;
}
