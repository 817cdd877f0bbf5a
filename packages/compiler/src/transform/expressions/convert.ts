/** Type-directed conversions: to string, to a Python condition, strict equality. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "./index.js";
import { isIntExpr } from "../../analysis/integers.js";

/** JS `String(x)` of an already translated expression whose TS type is `t`. */
export function toStr(ctx: Ctx, t: ts.Type, e: py.Expr, node?: ts.Expression): py.Expr {
  // an int prints the same in Python and JavaScript
  if (node && T.isNumber(ctx, t) && e.kind !== "Const" && isIntExpr(ctx, node, 0, true))
    return py.call("str", e);
  if (e.kind === "Const" && e.str !== undefined) return e;
  if (e.kind === "Const" && e.num !== undefined) return py.str(String(e.num));
  if (e.kind === "FString") return e;
  // len() is an int: str() prints it exactly like JavaScript
  if (e.kind === "Call" && e.func.kind === "Name" && e.func.id === "len") return py.call("str", e);
  if (T.isString(ctx, t)) return e;
  // A value known to be null/undefined prints as a constant — but only a value with nothing to
  // evaluate folds: `String(f())` of a void f still calls f (see `truthy`).
  if (T.isNullishOnly(t) && py.isSimple(e)) {
    return py.str(T.hasNull(t) && !T.hasUndefined(t) ? "null" : "undefined");
  }
  if (T.isString(ctx, t, true) || T.isNumber(ctx, t, true) || T.isBoolean(ctx, t, true) || true) {
    if (T.hasNull(t) && !T.hasUndefined(t)) {
      if (py.isSimple(e))
        return py.ifExp(py.compare(e, "is", py.NONE), py.str("null"), ctx.callHelper("_js_str", e));
      const tmp = ctx.temp();
      return py.ifExp(
        py.compare(py.walrus(tmp, e), "is", py.NONE),
        py.str("null"),
        ctx.callHelper("_js_str", py.name(tmp)),
      );
    }
  }
  return ctx.callHelper("_js_str", e);
}

/** JS `Number(x)` / `+x` of an already translated expression whose TS type is `t`. */
export function toNumber(ctx: Ctx, t: ts.Type, e: py.Expr): py.Expr {
  if (T.isNumber(ctx, t)) return e;
  if (T.isBoolean(ctx, t)) return py.call("int", e);
  // None is null (0) when the type has no undefined (NaN)
  if (T.hasNull(t) && !T.hasUndefined(t)) return ctx.callHelper("_js_to_number", e, py.num(0));
  return ctx.callHelper("_js_to_number", e);
}

export function exprToStr(ctx: Ctx, node: ts.Expression): py.Expr {
  return toStr(ctx, T.typeOf(ctx, node), transformExpr(ctx, node), node);
}

/** Does Python's truthiness of values of this type match JavaScript's? */
export function pythonTruthinessMatches(ctx: Ctx, t: ts.Type): boolean {
  if (T.isAnyLike(t)) return false;
  const ps = T.nonNullParts(t);
  return ps.every(
    (p) =>
      !!(p.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.StringLike)) ||
      T.isClassInstance(ctx, p) ||
      T.isFunctionType(p),
  );
}

/** A Python expression that is true exactly when the JS value is truthy. */
export function truthy(ctx: Ctx, t: ts.Type, e: py.Expr): py.Expr {
  if (T.isAnyLike(t)) return ctx.callHelper("_js_truthy", e);
  if (T.isNullishOnly(t)) {
    // Always falsy — yet a call (a void callback, a function returning null) must still run, and
    // a `void` function value may return anything at run time.
    if (py.isSimple(e)) return py.FALSE;
    return ctx.callHelper("_js_truthy", e);
  }
  const ps = T.nonNullParts(t);
  if (ps.every((p) => p.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.StringLike))) return e;
  const objectish = ps.every(
    (p) =>
      !(
        p.flags &
        (ts.TypeFlags.NumberLike |
          ts.TypeFlags.BooleanLike |
          ts.TypeFlags.StringLike |
          ts.TypeFlags.TypeParameter |
          ts.TypeFlags.Unknown |
          ts.TypeFlags.Any)
      ) && (p.flags & ts.TypeFlags.Object) !== 0,
  );
  if (objectish) {
    if (T.hasNullish(t)) return py.compare(e, "is not", py.NONE);
    return py.isSimple(e) ? py.TRUE : ctx.callHelper("_js_truthy", e);
  }
  return ctx.callHelper("_js_truthy", e);
}

/** Translate a TS expression used as a condition (if/while/?:/!/&&/||). */
export function condition(ctx: Ctx, node: ts.Expression): py.Expr {
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node)
  )
    node = node.expression;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    return py.not(condition(ctx, node.operand));
  }
  if (ts.isBinaryExpression(node)) {
    const k = node.operatorToken.kind;
    if (k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken) {
      const op = k === ts.SyntaxKind.AmpersandAmpersandToken ? "and" : "or";
      const left = condition(ctx, node.left);
      const right = condition(ctx, node.right);
      const vals: py.Expr[] = [];
      for (const v of [left, right]) {
        if (v.kind === "BoolOp" && v.op === op) vals.push(...v.values);
        else vals.push(v);
      }
      return py.boolOp(op, ...vals);
    }
  }
  const t = T.typeOf(ctx, node);
  // an int (never NaN) has the same truthiness in Python
  if (T.isNumber(ctx, t) && isIntExpr(ctx, node, 0, true)) return transformExpr(ctx, node);
  return truthy(ctx, t, transformExpr(ctx, node));
}

/** A Python bool with the JS truthiness of the expression (`!!x`, `Boolean(x)`). */
export function asBool(ctx: Ctx, node: ts.Expression): py.Expr {
  const c = condition(ctx, node);
  if (T.isBoolean(ctx, T.typeOf(ctx, node))) return c;
  if (
    c.kind === "Compare" ||
    (c.kind === "Unary" && c.op === "not") ||
    c === py.TRUE ||
    c === py.FALSE
  )
    return c;
  if (
    c.kind === "Call" &&
    c.func.kind === "Name" &&
    ["_js_truthy", "isinstance", "callable", "hasattr", "bool"].includes(c.func.id)
  )
    return c;
  return py.call("bool", c);
}

export function isNullLiteral(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return (
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(node) && node.text === "undefined") ||
    ts.isVoidExpression(node)
  );
}

/** JS `a === b` by the operand types. */
export function strictEquals(
  ctx: Ctx,
  lt: ts.Type,
  rt: ts.Type,
  l: py.Expr,
  r: py.Expr,
  node: ts.Node,
): py.Expr {
  const lNull = T.isNullishOnly(lt);
  const rNull = T.isNullishOnly(rt);
  if (lNull || rNull) {
    const other = lNull ? rt : lt;
    const nullType = lNull ? lt : rt;
    if (!T.isAnyLike(other) && T.hasNull(other) && T.hasUndefined(other)) {
      const isNull = T.hasNull(nullType) && !T.hasUndefined(nullType);
      ctx.report(
        node,
        diag.nullAndUndefined({
          compared: isNull ? "null" : "undefined",
          other: isNull ? "undefined" : "null",
        }),
      );
    }
    // The side known to be null/undefined is only dropped when evaluating it does nothing.
    const dropped = lNull ? l : r;
    if (!py.isSimple(dropped)) return py.compare(l, "is", r);
    if (lNull && rNull && py.isSimple(lNull ? r : l)) return py.TRUE;
    return py.compare(lNull ? r : l, "is", py.NONE);
  }
  const prim = (t: ts.Type): boolean => T.isNumber(ctx, t, true) || T.isString(ctx, t, true);
  if (prim(lt) && prim(rt)) return py.compare(l, "==", r);
  if (T.isBoolean(ctx, lt, true) && T.isBoolean(ctx, rt, true)) {
    if (l === py.TRUE || l === py.FALSE || r === py.TRUE || r === py.FALSE)
      return py.compare(l, "is", r);
    return py.compare(l, "==", r);
  }
  const objectType = (t: ts.Type): boolean =>
    !T.isAnyLike(t) &&
    T.nonNullParts(t).every(
      (p) =>
        !(
          p.flags &
          (ts.TypeFlags.NumberLike |
            ts.TypeFlags.StringLike |
            ts.TypeFlags.BooleanLike |
            ts.TypeFlags.TypeParameter)
        ),
    );
  if (objectType(lt) && objectType(rt)) {
    // Blender wrappers are new Python objects on every access: compare them with ==
    if (T.isAmbientType(ctx, lt) || T.isAmbientType(ctx, rt)) return py.compare(l, "==", r);
    return py.compare(l, "is", r);
  }
  return ctx.callHelper("_js_strict_eq", l, r);
}
