/** Map and Set: both become insertion-ordered dicts (a Set maps each value to None). */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import { transformExpr } from "../expressions/index.js";
import type { BuiltinCall } from "../expressions/call.js";
import { callbackLoop } from "./callbacks.js";

/**
 * keys()/values()/entries() as a value: JavaScript's iterator is used up once iterated (a second
 * spread is empty, `next()` advances it), Python's view or range is iterated afresh each time,
 * so a kept one is `iter(…)`. Consumed where it is made (for…of, spread, Array.from, new Map/Set),
 * the view itself.
 */
export function iteratorValue(node: ts.Node, e: py.Expr): py.Expr {
  let n = node;
  let p = n.parent;
  while (ts.isParenthesizedExpression(p)) {
    n = p;
    p = p.parent;
  }
  if ((ts.isForOfStatement(p) && p.expression === n) || ts.isSpreadElement(p)) return e;
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.[0] === n) {
    const callee = p.expression.getText();
    if (callee === "Array.from" || callee === "Map" || callee === "Set") return e;
  }
  return py.call("iter", e);
}

export function mapMethod(b: BuiltinCall): py.Expr | undefined {
  const { ctx, node, obj, name, args } = b;
  const A = (i: number): py.Expr => (args[i] ? transformExpr(ctx, args[i]) : py.NONE);
  switch (name) {
    case "get":
      return py.method(obj, "get", A(0));
    case "set":
      return ctx.callHelper("_js_map_set", obj, A(0), A(1));
    case "has":
      return py.compare(A(0), "in", obj);
    case "delete":
      return ctx.callHelper("_js_delete", obj, A(0));
    case "clear":
      return py.method(obj, "clear");
    case "keys":
      return iteratorValue(node, py.method(obj, "keys"));
    case "values":
      return iteratorValue(node, py.method(obj, "values"));
    case "entries":
      return iteratorValue(node, py.method(obj, "items"));
    case "forEach":
      break;
  }
  ctx.report(
    node,
    diag.unsupportedMember({
      member: `Map.${name}${name === "forEach" ? " used as a value" : ""}`,
    }),
  );
  return py.NONE;
}

export function setMethod(b: BuiltinCall): py.Expr | undefined {
  const { ctx, node, obj, name, args } = b;
  const A = (i: number): py.Expr => (args[i] ? transformExpr(ctx, args[i]) : py.NONE);
  switch (name) {
    case "add":
      return ctx.callHelper("_js_set_add", obj, A(0));
    case "has":
      return py.compare(A(0), "in", obj);
    case "delete":
      return ctx.callHelper("_js_delete", obj, A(0));
    case "clear":
      return py.method(obj, "clear");
    case "keys":
    case "values":
      return iteratorValue(node, py.method(obj, "keys"));
    case "entries": {
      const v = ctx.fresh("_v");
      return iteratorValue(node, {
        kind: "Comp",
        type: "list",
        elt: py.tuple([py.name(v), py.name(v)]),
        fors: [{ target: py.name(v), iter: obj, conds: [] }],
      });
    }
  }
  void callbackLoop;
  ctx.report(
    node,
    diag.unsupportedMember({
      member: `Set.${name}${name === "forEach" ? " used as a value" : ""}`,
    }),
  );
  return py.NONE;
}
