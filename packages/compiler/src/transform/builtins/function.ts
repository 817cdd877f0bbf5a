/**
 * `f.call(thisArg, …args)`, `f.apply(thisArg, args)`, `f.bind(thisArg, …args)` on functions.
 *
 * A translated function has no `this` of its own to set: functions that read `this` are class
 * methods (a function declaration using `this` is BPY1009), and arrows take theirs from where
 * they were written. So the `this` argument only matters when it is a method that is called this
 * way, which is refused; otherwise it is evaluated (it must be free of effects) and dropped.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { BuiltinCall } from "../expressions/call.js";
import { spreadItems, transformExpr } from "../expressions/index.js";
import { isPureExpr, skipParensAndNonNull } from "../../analysis/effects.js";
import * as T from "../../analysis/types.js";

const METHODS = new Set(["call", "apply", "bind"]);

/** Whether `b` is call/apply/bind of the standard library on a function value. */
export function isFunctionMethod(b: BuiltinCall): boolean {
  if (!METHODS.has(b.name)) return false;
  if (!T.nonNullParts(b.objType).some((p) => p.getCallSignatures().length > 0)) return false;
  const prop = b.ctx.checker.getPropertyOfType(b.objType, b.name);
  return !!prop && T.isLibSymbol(b.ctx, prop);
}

export function functionMethod(b: BuiltinCall): py.Expr {
  const { ctx, node, name } = b;
  const target = skipParensAndNonNull(b.objNode);
  // obj.method.call(other, …): the method would run with another object as self
  if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    const s = ctx.checker.getSymbolAtLocation(
      ts.isPropertyAccessExpression(target) ? target.name : target.argumentExpression,
    );
    if (s && s.flags & ts.SymbolFlags.Method) {
      ctx.report(node, diag.functionThisArgument({ method: name }));
      return py.NONE;
    }
  }
  const [thisArg, ...rest] = node.arguments;
  if (thisArg && !isPureExpr(ctx, thisArg)) {
    ctx.report(thisArg, diag.functionThisEffects({ method: name }));
    return py.NONE;
  }
  const args = (list: readonly ts.Expression[]): py.Expr[] =>
    list.map((a) =>
      ts.isSpreadElement(a) ? py.starred(spreadItems(ctx, a.expression)) : transformExpr(ctx, a),
    );
  if (name === "call") return py.call(b.obj, ...args(rest));
  if (name === "bind")
    return py.call(py.attr(ctx.useModule("functools"), "partial"), b.obj, ...args(rest));
  // apply: the arguments come from an array (or array-like of the typings); none when omitted
  const list = rest[0];
  if (!list) return py.call(b.obj);
  const items = spreadItems(ctx, list);
  const t = T.typeOf(ctx, list);
  return py.call(b.obj, py.starred(T.hasNullish(t) ? py.boolOp("or", items, py.list([])) : items));
}
