/** Array.prototype methods. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../types.js";
import { transformExpr, spreadItems } from "../expressions/index.js";
import type { BuiltinCall } from "../expressions/call.js";
import { callbackLoop, callbackArity, inlinableFn } from "./callbacks.js";
import { isIntExpr } from "../statements/loops.js";

export function elementType(ctx: Ctx, t: ts.Type): ts.Type | undefined {
  const p = T.nonNullParts(t)[0];
  if (!p) return undefined;
  if (ctx.checker.isArrayType(p)) return ctx.checker.getTypeArguments(p as ts.TypeReference)[0];
  const n = p.getNumberIndexType();
  return n;
}

/**
 * An integer argument of slice()/substring()/…: a Python slice needs an int, JS truncates a
 * float (NaN is 0, ±Infinity clamps): `_js_slice_index` unless the argument is a proven int.
 */
export function intArg(ctx: Ctx, node: ts.Expression | undefined): py.Expr | undefined {
  if (!node) return undefined;
  const e = transformExpr(ctx, node);
  if (ts.isIdentifier(node) && node.text === "undefined") return undefined;
  if (!isIntExpr(ctx, node)) return ctx.callHelper("_js_slice_index", e);
  return e;
}

/** The length of `new Array(n)`: an int, else checked (RangeError unless 0 ≤ n < 2^32 integral). */
export function arrayLength(ctx: Ctx, node: ts.Expression): py.Expr {
  const e = transformExpr(ctx, node);
  return isIntExpr(ctx, node) ? e : ctx.callHelper("_js_array_length", e);
}

export function sliceOf(obj: py.Expr, lower?: py.Expr, upper?: py.Expr): py.Expr {
  return py.sub(obj, { kind: "Slice", lower, upper });
}

function elemIsPrimitive(ctx: Ctx, t: ts.Type): boolean {
  const et = elementType(ctx, t);
  return !!et && (T.isString(ctx, et) || T.isNumber(ctx, et) || T.isBoolean(ctx, et));
}

/** `(a, b) => a - b` / `(a, b) => b - a` */
export function numericComparator(cb: ts.Expression): "asc" | "desc" | undefined {
  const fn = inlinableFn(cb, 2);
  if (!fn || fn.params.length !== 2) return undefined;
  let e = fn.expr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.MinusToken)
    return undefined;
  if (!ts.isIdentifier(e.left) || !ts.isIdentifier(e.right)) return undefined;
  const [a, b] = fn.params.map((p) => p.text);
  if (e.left.text === a && e.right.text === b) return "asc";
  if (e.left.text === b && e.right.text === a) return "desc";
  return undefined;
}

export function arrayMethod(b: BuiltinCall): py.Expr | undefined {
  const { ctx, node, obj, name, args, objType } = b;
  const A = (i: number): py.Expr | undefined => (args[i] ? transformExpr(ctx, args[i]) : undefined);
  const all = (): py.Expr[] =>
    args.map((a) =>
      ts.isSpreadElement(a) ? py.starred(spreadItems(ctx, a.expression)) : transformExpr(ctx, a),
    );
  const et = elementType(ctx, objType);
  switch (name) {
    case "push":
      return ctx.callHelper("_js_push", obj, ...all());
    case "pop":
      return py.isSimple(obj)
        ? py.ifExp(obj, py.method(obj, "pop"), py.NONE)
        : ctx.callHelper("_js_pop", obj);
    case "shift":
      return py.isSimple(obj)
        ? py.ifExp(obj, py.method(obj, "pop", py.num(0)), py.NONE)
        : ctx.callHelper("_js_shift", obj);
    case "unshift":
      return ctx.callHelper("_js_unshift", obj, ...all());
    case "slice":
      if (args.length === 0) return sliceOf(obj);
      return sliceOf(obj, intArg(ctx, args[0]), intArg(ctx, args[1]));
    case "splice":
      return ctx.callHelper("_js_splice", obj, ...all());
    case "concat": {
      const parts: py.Expr[] = [py.starred(obj)];
      let allArrays = true;
      for (const a of args) {
        const at = T.typeOf(ctx, a);
        if (T.isArray(ctx, at)) parts.push(py.starred(transformExpr(ctx, a)));
        else {
          allArrays = false;
          parts.push(transformExpr(ctx, a));
        }
      }
      if (allArrays && parts.length === 2)
        return py.bin("+", obj, (parts[1] as py.StarredExpr).value);
      return py.list(parts);
    }
    case "indexOf":
      return ctx.callHelper("_js_index_of", obj, ...all());
    case "lastIndexOf":
      return ctx.callHelper("_js_last_index_of", obj, ...all());
    case "includes": {
      const v = A(0)!;
      // fromIndex: a Python slice clamps and counts a negative one from the end like JavaScript
      const from = intArg(ctx, args[1]);
      if (from) {
        const tail = sliceOf(obj, from);
        return et && T.isString(ctx, et)
          ? py.compare(v, "in", tail)
          : ctx.callHelper("_js_includes", tail, v);
      }
      if (
        args.length === 1 &&
        et &&
        (T.isString(ctx, et) ||
          (T.isNumber(ctx, et) && !(v.kind === "Attr" && (v as py.AttrExpr).attr === "nan")))
      )
        return py.compare(v, "in", obj);
      return ctx.callHelper("_js_includes", obj, v);
    }
    case "join": {
      const sep = A(0) ?? py.str(",");
      if (et && T.isString(ctx, et)) return py.method(sep, "join", obj);
      return ctx.callHelper("_js_join", obj, sep);
    }
    case "reverse":
      return ctx.callHelper("_js_reverse", obj);
    case "toReversed":
      return py.sub(obj, { kind: "Slice", step: py.num(-1) });
    case "sort":
    case "toSorted": {
      const target = name === "toSorted" ? py.call("list", obj) : obj;
      if (args[0]) return ctx.callHelper("_js_sort", target, transformExpr(ctx, args[0]));
      if (name === "toSorted" && et && T.isString(ctx, et)) return py.call("sorted", obj);
      return ctx.callHelper("_js_sort", target);
    }
    case "map": {
      const cb = args[0]!;
      if (!inlinableFn(cb) && callbackArity(ctx, cb) <= 1)
        return py.call("list", py.call("map", transformExpr(ctx, cb), obj));
      const loop = callbackLoop(ctx, obj, cb, "value", {});
      return { kind: "Comp", type: "list", elt: loop.body, fors: loop.fors };
    }
    case "filter": {
      const loop = callbackLoop(ctx, obj, args[0]!, "cond", {});
      const fors = loop.fors.map((f, i) =>
        i === loop.fors.length - 1 ? { ...f, conds: [loop.body] } : f,
      );
      return { kind: "Comp", type: "list", elt: loop.elem, fors };
    }
    case "find":
    case "findLast":
    case "findIndex":
    case "findLastIndex": {
      const wantIndex = name.endsWith("Index");
      const loop = callbackLoop(ctx, obj, args[0]!, "cond", {
        needIndex: wantIndex,
        reverse: name.startsWith("findLast"),
      });
      const fors = loop.fors.map((f, i) =>
        i === loop.fors.length - 1 ? { ...f, conds: [loop.body] } : f,
      );
      const gen: py.CompExpr = {
        kind: "Comp",
        type: "gen",
        elt: wantIndex ? loop.index! : loop.elem,
        fors,
      };
      return py.call("next", gen, wantIndex ? py.num(-1) : py.NONE);
    }
    case "some":
    case "every": {
      const loop = callbackLoop(ctx, obj, args[0]!, "cond", {});
      return py.call(name === "some" ? "any" : "all", {
        kind: "Comp",
        type: "gen",
        elt: loop.body,
        fors: loop.fors,
      });
    }
    case "reduce":
    case "reduceRight": {
      const cb = args[0]!;
      const arity = callbackArity(ctx, cb);
      const fn = transformExpr(ctx, cb);
      const init = args.length > 1 ? [transformExpr(ctx, args[1]!)] : [];
      // functools.reduce passes exactly two arguments
      if (arity === 2) {
        const seq = name === "reduceRight" ? py.call("reversed", obj) : obj;
        return py.call(py.attr(ctx.useModule("functools"), "reduce"), fn, seq, ...init);
      }
      const call = ctx.callHelper("_js_reduce", obj, fn, py.num(arity), ...init);
      if (name === "reduceRight") call.args.push({ kind: "kw", name: "right", value: py.TRUE });
      return call;
    }
    case "flat":
      return ctx.callHelper("_js_flat", obj, ...all());
    case "flatMap": {
      const loop = callbackLoop(ctx, obj, args[0]!, "value", {});
      return ctx.callHelper("_js_flat", {
        kind: "Comp",
        type: "list",
        elt: loop.body,
        fors: loop.fors,
      });
    }
    case "fill": {
      const objNode = b.objNode;
      if (
        ts.isNewExpression(objNode) &&
        objNode.arguments?.length === 1 &&
        args.length === 1 &&
        objNode.expression.getText() === "Array"
      ) {
        return py.bin("*", py.list([A(0)!]), arrayLength(ctx, objNode.arguments[0]!));
      }
      return ctx.callHelper("_js_fill", obj, ...all());
    }
    case "at":
      return ctx.callHelper("_js_at", obj, A(0)!);
    case "keys":
      return py.call("range", py.call("len", obj));
    case "values":
      return py.call("iter", obj);
    case "entries":
      return py.call("enumerate", obj);
    case "toString":
      return ctx.callHelper("_js_str", obj);
    case "forEach": {
      ctx.report(node, diag.unsupportedSyntax({ construct: "forEach() used as a value" }));
      return py.NONE;
    }
  }
  if (elemIsPrimitive(ctx, objType)) void 0;
  ctx.report(node, diag.unsupportedMember({ member: `Array.${name}` }));
  return py.NONE;
}
