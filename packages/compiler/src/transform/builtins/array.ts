/** Array.prototype methods. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr, spreadItems } from "../expressions/index.js";
import type { BuiltinCall } from "../expressions/call.js";
import { callbackLoop, callbackArity, inlinableFn } from "./callbacks.js";
import { isIntExpr } from "../../analysis/integers.js";
import { iteratorValue } from "./mapset.js";

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

/**
 * The length of `new Array(n)`: a literal or a `.length` as is, else checked (RangeError unless
 * 0 ≤ n < 2^32 integral; an int may be negative, and `[None] * -1` is silently empty).
 */
export function arrayLength(ctx: Ctx, node: ts.Expression): py.Expr {
  const e = transformExpr(ctx, node);
  let n = node;
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  const known =
    (ts.isNumericLiteral(n) && Number.isInteger(Number(n.text)) && Number(n.text) <= 0xffffffff) ||
    (ts.isPropertyAccessExpression(n) && n.name.text === "length" && isIntExpr(ctx, n));
  return known ? e : ctx.callHelper("_js_array_length", e);
}

/** `new Array(n)` / `Array(n)` with one numeric argument: an array of `[None] * n`. */
export function arrayConstruct(ctx: Ctx, node: ts.NewExpression | ts.CallExpression): py.Expr {
  const args = node.arguments ?? [];
  if (args.length === 1 && T.isNumber(ctx, T.typeOf(ctx, args[0]!)))
    return py.bin("*", py.list([py.NONE]), arrayLength(ctx, args[0]!));
  return py.list(
    args.map((a) =>
      ts.isSpreadElement(a) ? py.starred(spreadItems(ctx, a.expression)) : transformExpr(ctx, a),
    ),
  );
}

/**
 * The length argument of `new Array(n)` / `Array(n)` (the built-in, one numeric argument that is
 * not the literal 0): JavaScript makes n holes, which Python lists cannot have (`[None] * n`).
 */
export function holeyArrayLength(ctx: Ctx, node: ts.Expression): ts.Expression | undefined {
  let e = node;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isNewExpression(e) && !ts.isCallExpression(e)) return undefined;
  if (!ts.isIdentifier(e.expression) || e.expression.text !== "Array") return undefined;
  const s = ctx.resolveSymbol(e.expression);
  if (!s || !T.isLibSymbol(ctx, s)) return undefined;
  const a = e.arguments?.length === 1 ? e.arguments[0]! : undefined;
  if (!a || ts.isSpreadElement(a) || !T.isNumber(ctx, T.typeOf(ctx, a))) return undefined;
  if (ts.isNumericLiteral(a) && Number(a.text) === 0) return undefined;
  return a;
}

/** The array methods that skip holes (a Python list would pass `None` for each). */
const SKIPS_HOLES = new Set([
  "forEach",
  "map",
  "filter",
  "reduce",
  "reduceRight",
  "some",
  "every",
  "flat",
  "flatMap",
  "indexOf",
  "lastIndexOf",
]);

/** Uses of an array variable that leave its holes in place. */
const KEEPS_HOLES = new Set([
  ...SKIPS_HOLES,
  "length",
  "join",
  "toString",
  "push",
  "includes",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "at",
  "slice",
  "concat",
  "keys",
  "values",
  "entries",
]);

/** `new Array(n)`, `Array(n)` or an array literal with an elision (`[1, , 3]`). */
function makesHoles(ctx: Ctx, e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isArrayLiteralExpression(e)) return e.elements.some(ts.isOmittedExpression);
  return !!holeyArrayLength(ctx, e);
}

/**
 * Whether `node` is certainly an array with holes: `new Array(n)` or `[1, , 3]` itself, or a
 * variable initialised with one whose every use leaves the holes in place (no element write, no
 * fill, no length change, not passed anywhere). An array whose elements may have been written is
 * not reported.
 */
function certainlyHoley(ctx: Ctx, node: ts.Expression): boolean {
  let e = node;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  if (makesHoles(ctx, e)) return true;
  if (!ts.isIdentifier(e)) return false;
  const sym = ctx.resolveSymbol(e);
  const decl = sym?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return false;
  if (!decl.initializer || !makesHoles(ctx, decl.initializer)) return false;
  const stmt = decl.parent.parent;
  if (
    ts.isVariableStatement(stmt) &&
    stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  )
    return false;
  for (const id of ctx.analysis.index.identifiersIn(decl.getSourceFile())) {
    if (id === decl.name || id.text !== e.text || ctx.resolveSymbol(id) !== sym) continue;
    const p = id.parent;
    if (!ts.isPropertyAccessExpression(p) || p.expression !== id) return false;
    if (!KEEPS_HOLES.has(p.name.text)) return false;
    const up = p.parent;
    if (
      p.name.text === "length" &&
      ((ts.isBinaryExpression(up) &&
        up.left === p &&
        up.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        up.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
        ts.isPrefixUnaryExpression(up) ||
        ts.isPostfixUnaryExpression(up))
    )
      return false;
  }
  return true;
}

/**
 * A hole-skipping method (`forEach`, `map`, `indexOf`, …) called on an array that certainly has
 * holes is BPY1041: it would visit each hole as undefined. True when reported.
 */
export function reportHoles(
  ctx: Ctx,
  node: ts.CallExpression,
  objNode: ts.Expression,
  name: string,
): boolean {
  if (!SKIPS_HOLES.has(name) || !certainlyHoley(ctx, objNode)) return false;
  ctx.report(node, diag.arrayHoles({ method: name }));
  return true;
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
  if (reportHoles(ctx, node, b.objNode, name)) return py.NONE;
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
      if (!inlinableFn(cb) && callbackArity(ctx, cb) === 1)
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
      // new Array(n).fill(v) / Array(n).fill(v): no holes are left
      const len = args.length === 1 ? holeyArrayLength(ctx, objNode) : undefined;
      if (len) return py.bin("*", py.list([A(0)!]), arrayLength(ctx, len));
      return ctx.callHelper("_js_fill", obj, ...all());
    }
    case "at":
      return ctx.callHelper("_js_at", obj, A(0)!);
    case "keys":
      return iteratorValue(node, py.call("range", py.call("len", obj)));
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
