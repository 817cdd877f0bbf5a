/** Global objects and functions: Math, Number, Object, JSON, Array, String, console, parseInt… */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import type { HelperName } from "../../runtime/helpers.js";
import * as T from "../../analysis/types.js";
import { transformExpr, spreadItems } from "../expressions/index.js";
import { asBool, condition, toNumber, toStr } from "../expressions/convert.js";
import { arith, reuse } from "../expressions/binary.js";
import { callbackLoop } from "./callbacks.js";
import { typedArrayStatic } from "./typedarray.js";
import { isIntExpr, isNonNegIntExpr } from "../../analysis/integers.js";
import { constNumber, isPureExpr } from "../../analysis/effects.js";

const MATH_CONST: Record<string, number> = {
  LN2: Math.LN2,
  LN10: Math.LN10,
  LOG2E: Math.LOG2E,
  LOG10E: Math.LOG10E,
  SQRT2: Math.SQRT2,
  SQRT1_2: Math.SQRT1_2,
};

export function staticLibProperty(
  ctx: Ctx,
  lib: string,
  name: string,
  node: ts.Node,
): py.Expr | undefined {
  if (lib === "Math") {
    if (name === "PI") return ctx.mathAttr("pi");
    if (name === "E") return ctx.mathAttr("e");
    if (name in MATH_CONST) return py.num(MATH_CONST[name]!);
    // Math functions used as values (xs.map(Math.round))
    const p = node.parent;
    const called = ts.isCallExpression(p) && p.expression === node;
    if (!called) {
      if (name in MATH_FN) {
        const fn = MATH_FN[name]!;
        const domain: [HelperName, string | undefined] | undefined =
          fn === "floor" || fn === "ceil" || fn === "trunc"
            ? ["_js_trunc", "trunc"]
            : MATH_DOMAIN[name];
        if (!domain) return ctx.mathAttr(fn);
        // the helper itself, or one bound to the math function (xs.map(Math.log2))
        if (domain[1] === undefined || domain[1] === fn) return ctx.helper(domain[0]);
        return py.callArgs(py.attr(ctx.useModule("functools"), "partial"), [
          { kind: "pos", value: ctx.helper(domain[0]) },
          { kind: "kw", name: "fn", value: ctx.mathAttr(fn) },
        ]);
      }
      const helpers: Record<string, HelperName> = {
        round: "_js_round",
        sign: "_js_sign",
        cbrt: "_js_cbrt",
        max: "_js_max",
        min: "_js_min",
        imul: "_js_imul",
        fround: "_js_fround",
        clz32: "_js_clz32",
      };
      if (name in helpers) return ctx.helper(helpers[name]!);
      if (name === "abs") return py.name("abs");
    }
    return undefined;
  }
  if (lib === "Number") {
    const v = (Number as unknown as Record<string, unknown>)[name];
    if (typeof v === "number") {
      if (!Number.isFinite(v)) ctx.helpers.add("@math");
      return py.num(v);
    }
  }
  return undefined;
}

function arg(ctx: Ctx, node: ts.CallExpression, i: number): py.Expr {
  const a = node.arguments[i];
  return a ? transformExpr(ctx, a) : py.NONE;
}
function args(ctx: Ctx, node: ts.CallExpression): py.Expr[] {
  return node.arguments.map((a) =>
    ts.isSpreadElement(a) ? py.starred(spreadItems(ctx, a.expression)) : transformExpr(ctx, a),
  );
}

const MATH_FN: Record<string, string> = {
  sqrt: "sqrt",
  exp: "exp",
  log: "log",
  log2: "log2",
  log10: "log10",
  log1p: "log1p",
  expm1: "expm1",
  sin: "sin",
  cos: "cos",
  tan: "tan",
  asin: "asin",
  acos: "acos",
  atan: "atan",
  atan2: "atan2",
  sinh: "sinh",
  cosh: "cosh",
  tanh: "tanh",
  asinh: "asinh",
  acosh: "acosh",
  atanh: "atanh",
  hypot: "hypot",
  floor: "floor",
  ceil: "ceil",
  trunc: "trunc",
};

/**
 * `Math.floor(x / k)` (`ceil`, `trunc` for x ≥ 0) with x an integer below 2^53 and k a positive
 * integer literal: `x // k` (`-(-x // k)`). The rounded quotient never crosses an integer for
 * such operands, so flooring it gives the exact floor division.
 */
/**
 * Math functions that Python's math raises on (ValueError, OverflowError) where JavaScript
 * returns NaN or ±Infinity: the runtime helper that keeps JavaScript's value, and the math
 * function it calls by default (others are passed: `_js_log(x, math.log2)`).
 */
const MATH_DOMAIN: Record<string, [HelperName, string | undefined]> = {
  sqrt: ["_js_sqrt", undefined],
  log: ["_js_log", "log"],
  log2: ["_js_log", "log"],
  log10: ["_js_log", "log"],
  log1p: ["_js_log1p", undefined],
  exp: ["_js_exp", "exp"],
  expm1: ["_js_exp", "exp"],
  sinh: ["_js_exp", "exp"],
  cosh: ["_js_exp", "exp"],
  sin: ["_js_trig", "sin"],
  cos: ["_js_trig", "sin"],
  tan: ["_js_trig", "sin"],
  asin: ["_js_asin", "asin"],
  acos: ["_js_asin", "asin"],
  acosh: ["_js_acosh", undefined],
  atanh: ["_js_atanh", undefined],
};

/**
 * Whether a number expression can never be negative (NaN and Infinity allowed: math.sqrt takes
 * them): squares (`x * x` of one pure operand, `x ** 2`), Math.abs/sqrt, non-negative literals
 * and integers, and sums, products and quotients of such, also through a `const`
 * (`const d2 = dx * dx + dy * dy; Math.sqrt(d2)` stays `math.sqrt(d2)`).
 */
function notNegative(ctx: Ctx, e: ts.Expression, depth = 0): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (depth > 4) return false;
  if (ts.isNumericLiteral(e)) return true;
  if (isNonNegIntExpr(ctx, e)) return true;
  if (ts.isBinaryExpression(e)) {
    const k = e.operatorToken.kind;
    const K = ts.SyntaxKind;
    if (k === K.AsteriskToken && e.left.getText() === e.right.getText() && isPureExpr(ctx, e.left))
      return true;
    if (k === K.AsteriskAsteriskToken) {
      const n = constNumber(ctx, e.right);
      if (n !== undefined && Number.isInteger(n) && n % 2 === 0) return true;
    }
    if (k === K.PlusToken || k === K.AsteriskToken || k === K.SlashToken)
      return (
        T.isNumber(ctx, T.typeOf(ctx, e)) &&
        notNegative(ctx, e.left, depth + 1) &&
        notNegative(ctx, e.right, depth + 1)
      );
    return false;
  }
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    const c = e.expression;
    if (ts.isIdentifier(c.expression) && c.expression.text === "Math") {
      const s = ctx.resolveSymbol(c.expression);
      return !!s && T.isLibSymbol(ctx, s) && (c.name.text === "abs" || c.name.text === "sqrt");
    }
    return false;
  }
  if (ts.isIdentifier(e)) {
    const s = ctx.resolveSymbol(e);
    const d = s?.valueDeclaration;
    if (
      d &&
      ts.isVariableDeclaration(d) &&
      d.initializer &&
      ts.isVariableDeclarationList(d.parent) &&
      d.parent.flags & ts.NodeFlags.Const
    )
      return notNegative(ctx, d.initializer, depth + 1);
  }
  return false;
}

function mathDomain(
  ctx: Ctx,
  helper: HelperName,
  fn: string,
  defaultFn: string | undefined,
  xs: py.Expr[],
): py.Expr {
  const extra = defaultFn !== undefined && fn !== defaultFn ? [ctx.mathAttr(fn)] : [];
  return ctx.callHelper(helper, ...xs, ...extra);
}

function intQuotient(ctx: Ctx, fn: string, a: ts.Expression): py.Expr | undefined {
  while (ts.isParenthesizedExpression(a)) a = a.expression;
  if (!ts.isBinaryExpression(a) || a.operatorToken.kind !== ts.SyntaxKind.SlashToken)
    return undefined;
  let k = a.right;
  while (ts.isParenthesizedExpression(k)) k = k.expression;
  if (!ts.isNumericLiteral(k)) return undefined;
  const kv = Number(k.text);
  if (!Number.isInteger(kv) || kv <= 0 || kv > Number.MAX_SAFE_INTEGER) return undefined;
  if (!isIntExpr(ctx, a.left, 0, true)) return undefined;
  // ceil/trunc of a quotient in (-1, 0) is -0
  if (fn !== "floor" && !isNonNegIntExpr(ctx, a.left)) return undefined;
  const x = transformExpr(ctx, a.left);
  if (fn === "ceil") return py.unary("-", py.bin("//", py.unary("-", x), py.num(kv)));
  return py.bin("//", x, py.num(kv));
}

/** console.log argument: strings raw, numbers JS-style, arrays/objects as JSON. */
export function logArg(ctx: Ctx, a: ts.Expression): py.Expr {
  const t = T.typeOf(ctx, a);
  const e = transformExpr(ctx, a);
  if (T.isString(ctx, t) || T.isNumber(ctx, t) || T.isBoolean(ctx, t) || T.isNullishOnly(t)) {
    const s = toStr(ctx, t, e, a);
    // print() writes an int exactly like str() does
    if (s.kind === "Call" && s.func.kind === "Name" && s.func.id === "str" && s.args.length === 1)
      return e;
    return s;
  }
  if (T.isString(ctx, t, true) || T.isNumber(ctx, t, true) || T.isBoolean(ctx, t, true))
    return toStr(ctx, t, e);
  const d = inspectDesc(ctx, t, 0);
  return d && informative(d)
    ? ctx.callHelper("_js_inspect", e, d)
    : ctx.callHelper("_js_inspect", e);
}

/**
 * What `_js_inspect` cannot tell from a Python value, from the static type: whether a dict is a
 * plain object, a Map or a Set, and whether None is null or undefined. A Python literal:
 * `"n"` (None is null), `("a", element, n)`, `("m", key, value, n)`, `("s", element, n)`,
 * `("o", {property: d}, indexSignature, n)` with n True when None is null; None: unknown.
 */
function inspectDesc(ctx: Ctx, t: ts.Type, depth: number): py.Expr {
  if (depth > 4) return py.NONE;
  const parts = t.isUnion() ? t.types : [t];
  const hasNull = parts.some((p) => p.flags & ts.TypeFlags.Null);
  const hasUndef = parts.some((p) => p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
  const n = hasNull && !hasUndef ? py.TRUE : py.FALSE;
  const objs = T.nonNullParts(t).filter(
    (p) =>
      !(p.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike)),
  );
  if (objs.length !== 1) return hasNull && !hasUndef ? py.str("n") : py.NONE;
  const o = objs[0]!;
  const sub = (x: ts.Type | undefined): py.Expr => (x ? inspectDesc(ctx, x, depth + 1) : py.NONE);
  const args = (x: ts.Type): readonly ts.Type[] =>
    ctx.checker.getTypeArguments(x as ts.TypeReference);
  if (ctx.checker.isArrayType(o)) return py.tuple([py.str("a"), sub(args(o)[0]), n]);
  if (ctx.checker.isTupleType(o)) {
    const els = args(o);
    // one descriptor for all elements: only when they share one type
    const u = els.length && els.every((e) => e === els[0]) ? els[0] : undefined;
    return py.tuple([py.str("a"), sub(u), n]);
  }
  if (T.isMap(ctx, o)) {
    const [k, v] = args(o);
    return py.tuple([py.str("m"), sub(k), sub(v), n]);
  }
  if (T.isSet(ctx, o)) return py.tuple([py.str("s"), sub(args(o)[0]), n]);
  if (T.isDictLike(ctx, o) || T.isClassInstance(ctx, o)) {
    const entries: { key: py.Expr; value: py.Expr }[] = [];
    for (const p of o.getProperties()) {
      if (!(p.flags & ts.SymbolFlags.Property)) continue;
      const pd = sub(ctx.checker.getTypeOfSymbol(p));
      if (informative(pd)) entries.push({ key: py.str(p.name), value: pd });
    }
    const rest = sub(o.getStringIndexType() ?? o.getNumberIndexType());
    return py.tuple([py.str("o"), { kind: "Dict", entries }, rest, n]);
  }
  return hasNull && !hasUndef ? py.str("n") : py.NONE;
}

/** Does the descriptor say more than the runtime sees (a Map, a Set, a null)? */
function informative(d: py.Expr): boolean {
  if (d.kind === "Const") return d.text !== "None";
  if (d.kind === "Tuple") {
    const [k, ...rest] = d.elts;
    if (k?.kind === "Const" && (k.text === '"m"' || k.text === '"s"')) return true;
    return rest.some((x) =>
      x.kind === "Const" ? x.text === "True" || x.text === '"n"' : informative(x),
    );
  }
  if (d.kind === "Dict") return d.entries.length > 0;
  return false;
}

export function staticLibCall(
  ctx: Ctx,
  lib: string,
  name: string,
  node: ts.CallExpression,
  discard: boolean,
): py.Expr | undefined {
  const a0 = node.arguments[0];
  switch (lib) {
    case "console": {
      const items = node.arguments.map((a) =>
        ts.isSpreadElement(a)
          ? py.starred(py.call("map", ctx.helper("_js_inspect"), transformExpr(ctx, a.expression)))
          : logArg(ctx, a),
      );
      const call = py.call("print", ...items);
      if (name === "error" || name === "warn")
        call.args.push({
          kind: "kw",
          name: "file",
          value: py.attr(ctx.useModule("sys"), "stderr"),
        });
      else if (!["log", "info", "debug"].includes(name)) return undefined;
      return call;
    }
    case "Math": {
      if (name in MATH_FN) {
        const fn = MATH_FN[name]!;
        if (fn === "floor" || fn === "ceil" || fn === "trunc") {
          const q = a0 && intQuotient(ctx, fn, a0);
          if (q) return q;
          const x = arg(ctx, node, 0);
          // an integer is never NaN or ±Infinity, which math.floor/ceil/trunc raise on
          if (a0 && (isIntExpr(ctx, a0) || Number.isFinite(constNumber(ctx, a0))))
            return py.call(ctx.mathAttr(fn), x);
          return mathDomain(ctx, "_js_trunc", fn, "trunc", [x]);
        }
        const domain = MATH_DOMAIN[name];
        // a non-negative integer is in the domain of these (sqrt(i * i) stays math.sqrt)
        const safe =
          a0 !== undefined &&
          !ts.isSpreadElement(a0) &&
          ((["sqrt", "log1p", "sin", "cos", "tan"].includes(name) && isNonNegIntExpr(ctx, a0)) ||
            (name === "sqrt" && notNegative(ctx, a0)));
        if (domain && !safe) return mathDomain(ctx, domain[0], fn, domain[1], args(ctx, node));
        return py.call(ctx.mathAttr(fn), ...args(ctx, node));
      }
      switch (name) {
        case "abs":
          return py.call("abs", arg(ctx, node, 0));
        case "round":
          return ctx.callHelper("_js_round", arg(ctx, node, 0));
        case "sign":
          return ctx.callHelper("_js_sign", arg(ctx, node, 0));
        case "cbrt":
          return ctx.callHelper("_js_cbrt", arg(ctx, node, 0));
        case "pow":
          return arith(
            ctx,
            "**",
            T.typeOf(ctx, node.arguments[0]!),
            T.typeOf(ctx, node.arguments[1]!),
            arg(ctx, node, 0),
            arg(ctx, node, 1),
            node,
          );
        case "max":
        case "min": {
          const xs = args(ctx, node);
          // Python's max/min agree with JavaScript unless NaN is involved: only for integers
          const ints = node.arguments.every((a) => !ts.isSpreadElement(a) && isIntExpr(ctx, a));
          if (xs.length >= 2 && ints) return py.call(name, ...xs);
          return ctx.callHelper(name === "max" ? "_js_max" : "_js_min", ...xs);
        }
        case "random":
          return py.call(py.attr(ctx.useModule("random"), "random"));
        case "imul":
          return ctx.callHelper("_js_imul", arg(ctx, node, 0), arg(ctx, node, 1));
        case "fround":
          return ctx.callHelper("_js_fround", arg(ctx, node, 0));
        case "clz32":
          return ctx.callHelper("_js_clz32", arg(ctx, node, 0));
      }
      ctx.report(node, diag.unsupportedMember({ member: `Math.${name}` }));
      return py.NONE;
    }
    case "Number":
    case "NumberConstructor":
      switch (name) {
        case "isInteger":
          return ctx.callHelper("_js_is_integer", arg(ctx, node, 0));
        case "isSafeInteger": {
          const x = arg(ctx, node, 0);
          // the argument is read twice: evaluated once into a temporary unless reading is free
          const [first, again] = py.isSimple(x) ? [x, x] : reuse(ctx, x);
          return py.boolOp(
            "and",
            ctx.callHelper("_js_is_integer", first),
            py.compare(py.call("abs", again), "<=", py.num(Number.MAX_SAFE_INTEGER)),
          );
        }
        case "isFinite":
        case "isNaN": {
          const t = a0 ? T.typeOf(ctx, a0) : undefined;
          const x = arg(ctx, node, 0);
          const test = py.call(ctx.mathAttr(name === "isNaN" ? "isnan" : "isfinite"), x);
          if (t && T.isNumber(ctx, t)) return test;
          return py.boolOp(
            "and",
            py.call("isinstance", x, py.tuple([py.name("int"), py.name("float")])),
            test,
          );
        }
        case "parseFloat":
        case "parseInt":
          return globalFunctionCall(ctx, name, node);
      }
      break;
    case "Object":
    case "ObjectConstructor": {
      const t = a0 ? T.typeOf(ctx, a0) : undefined;
      const x = arg(ctx, node, 0);
      const dict = t && T.isDictLike(ctx, t);
      // an enum object has its members and the reverse mappings of the numeric ones
      const enumObj = !!t && ((t.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Enum) !== 0;
      const fields = (): py.Expr => ctx.callHelper(enumObj ? "_js_enum_fields" : "_js_fields", x);
      // JavaScript enumerates array-index keys first: a dict that may hold some is read in
      // that order, one whose keys are all known words as it is
      const ordered = dict && T.mayHaveIndexKeys(ctx, t);
      switch (name) {
        case "keys":
          return ordered
            ? ctx.callHelper("_js_own_keys", x)
            : dict
              ? py.call("list", x)
              : enumObj
                ? py.call("list", fields())
                : ctx.callHelper("_js_keys", x);
        case "values":
          return ordered
            ? ctx.callHelper("_js_own_values", x)
            : dict
              ? py.call("list", py.method(x, "values"))
              : py.call("list", py.method(fields(), "values"));
        case "entries":
          return ordered
            ? ctx.callHelper("_js_own_entries", x)
            : dict
              ? py.call("list", py.method(x, "items"))
              : py.call("list", py.method(fields(), "items"));
        case "assign": {
          if (discard && node.arguments.length === 2)
            return py.method(x, "update", arg(ctx, node, 1));
          return ctx.callHelper("_js_assign", ...args(ctx, node));
        }
        case "fromEntries":
          return py.call("dict", a0 ? spreadItems(ctx, a0) : py.NONE);
        case "freeze":
        case "seal":
          return x;
      }
      break;
    }
    case "JSON":
    case "JSONConstructor":
      if (name === "stringify") {
        const t = a0 ? T.typeOf(ctx, a0) : undefined;
        const inside = t && mapOrSetInside(ctx, t);
        if (inside !== undefined)
          ctx.report(
            node,
            diag.mapJson({ operation: "JSON.stringify", where: inside ? ` (at ${inside})` : "" }),
          );
        const none = t ? noneMeaning(ctx, t) : undefined;
        if (none?.ambiguous) ctx.report(node, diag.jsonUndefined({ key: none.ambiguous }));
        const xs = args(ctx, node);
        const rep = node.arguments[1];
        if (
          rep &&
          rep.kind !== ts.SyntaxKind.NullKeyword &&
          !(ts.isIdentifier(rep) && rep.text === "undefined")
        )
          ctx.report(rep, diag.unsupportedMember({ member: "JSON.stringify replacer" }));
        // JavaScript leaves undefined out where Python's None could also be null: the keys
        // whose None the static type says is undefined
        const rest: py.Expr[] = [];
        if (xs.length > 2) rest.push(py.NONE, xs[2]!);
        if (none && (none.keys || none.top)) {
          while (rest.length < 2) rest.push(py.NONE);
          rest.push(
            none.keys === true
              ? py.TRUE
              : none.keys
                ? py.call("frozenset", py.list([...none.keys].sort().map((k) => py.str(k))))
                : py.NONE,
          );
          if (none.top) rest.push(py.TRUE);
        }
        return ctx.callHelper("_js_json_stringify", xs[0] ?? py.NONE, ...rest);
      }
      if (name === "parse") {
        if (node.arguments.length > 1)
          ctx.report(node.arguments[1]!, diag.unsupportedMember({ member: "JSON.parse reviver" }));
        // json.loads, except that NaN/Infinity are not JSON
        return ctx.callHelper("_js_json_parse", arg(ctx, node, 0));
      }
      break;
    case "Float32Array":
    case "Float64Array":
      return typedArrayStatic(ctx, lib, name, node);
    case "Array":
    case "ArrayConstructor":
      switch (name) {
        case "isArray":
          return py.call("isinstance", arg(ctx, node, 0), py.name("list"));
        case "of":
          return py.list(args(ctx, node));
        case "from": {
          const src = node.arguments[0]!;
          const fn = node.arguments[1];
          if (ts.isObjectLiteralExpression(src) && src.properties.length === 1) {
            const p = src.properties[0]!;
            if (
              (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
              p.name.getText() === "length"
            ) {
              const lenNode = ts.isPropertyAssignment(p) ? p.initializer : p.name;
              const len = transformExpr(ctx, lenNode);
              // ToLength: a float is truncated, NaN and negatives are 0
              const n = isIntExpr(ctx, lenNode) ? len : ctx.callHelper("_js_from_length", len);
              if (!fn) return py.bin("*", py.list([py.NONE]), n);
              const loop = callbackLoop(ctx, py.bin("*", py.list([py.NONE]), n), fn, "value", {
                rangeOf: n,
              });
              return { kind: "Comp", type: "list", elt: loop.body, fors: loop.fors };
            }
          }
          const it = spreadItems(ctx, src);
          if (!fn) return py.call("list", it);
          const loop = callbackLoop(
            ctx,
            T.isString(ctx, T.typeOf(ctx, src)) || T.isArray(ctx, T.typeOf(ctx, src))
              ? it
              : py.call("list", it),
            fn,
            "value",
            {},
          );
          return { kind: "Comp", type: "list", elt: loop.body, fors: loop.fors };
        }
      }
      break;
    case "DateConstructor":
    case "Date":
      if (name === "now") {
        // milliseconds since the epoch, as an int like Date.now()
        const ms = py.bin("*", py.call(py.attr(ctx.useModule("time"), "time")), py.num(1000));
        return py.call("int", ms);
      }
      break;
    case "String":
    case "StringConstructor":
      if (name === "fromCharCode") {
        // chr() takes an int: JavaScript truncates a float modulo 2^16 (NaN is 0)
        const xs = node.arguments.map((a) =>
          ts.isSpreadElement(a)
            ? py.starred(spreadItems(ctx, a.expression))
            : isIntExpr(ctx, a)
              ? ts.isNumericLiteral(a) && Number(a.text) <= 0xffff
                ? transformExpr(ctx, a)
                : // an int code unit wraps modulo 2^16 too (Python's & is two's complement)
                  py.bin("&", transformExpr(ctx, a), py.num(0xffff))
              : ctx.callHelper("_js_uint16", transformExpr(ctx, a)),
        );
        if (xs.length === 1 && xs[0]!.kind !== "Starred") return py.call("chr", xs[0]!);
        if (xs.every((x) => x.kind !== "Starred"))
          return { kind: "FString", parts: ["", ...xs.flatMap((x) => [py.call("chr", x), ""])] };
        const items = xs.map((x) =>
          x.kind === "Starred" ? py.starred(py.call("map", ctx.helper("_js_uint16"), x.value)) : x,
        );
        const seq = items.length === 1 ? (items[0] as py.StarredExpr).value : py.list(items);
        return py.method(py.str(""), "join", py.call("map", py.name("chr"), seq));
      }
      break;
  }
  void condition;
  ctx.report(node, diag.unsupportedMember({ member: `${lib}.${name}` }));
  return py.NONE;
}

/** The first object property (path) whose type allows undefined, for JSON.stringify. */
/**
 * Where a Map or Set sits in a value JSON will write (`""` for the value itself, else a property
 * path): JavaScript writes `{}` for it, and a Map is a Python dict here, which the writer cannot
 * tell from a plain object — so JSON.stringify/setResult of one is refused at compile time.
 */
export function mapOrSetInside(
  ctx: Ctx,
  t: ts.Type,
  depth = 0,
  seen = new Set<ts.Type>(),
): string | undefined {
  if (depth > 4 || seen.has(t)) return undefined;
  seen.add(t);
  for (const p of T.nonNullParts(t)) {
    if (T.isMap(ctx, p) || T.isSet(ctx, p)) return "";
    if (T.isArray(ctx, p)) {
      for (const a of ctx.checker.getTypeArguments(p as ts.TypeReference)) {
        const r = mapOrSetInside(ctx, a, depth + 1, seen);
        if (r !== undefined) return r ? `[…].${r}` : "[…]";
      }
      continue;
    }
    if (!T.isDictLike(ctx, p)) continue;
    for (const prop of p.getProperties()) {
      const r = mapOrSetInside(ctx, ctx.checker.getTypeOfSymbol(prop), depth + 1, seen);
      if (r !== undefined) return r ? `${prop.name}.${r}` : prop.name;
    }
  }
  return undefined;
}

/**
 * What a None means inside a value of type `t` written by JSON.stringify: the property names
 * whose None is `undefined` (left out of the object; `true`: every property, an index
 * signature), whether a None value itself is `undefined` (no JSON), and the first property whose
 * None may be either (written as null: BPY1030).
 */
function noneMeaning(
  ctx: Ctx,
  t: ts.Type,
): { keys?: Set<string> | true; top: boolean; ambiguous?: string } {
  const undef = new Set<string>();
  const nul = new Set<string>();
  let undefAll = false;
  let nulAll = false;
  const seen = new Set<ts.Type>();
  const visit = (t: ts.Type, depth: number): void => {
    if (depth > 6 || seen.has(t)) return;
    seen.add(t);
    for (const p of T.nonNullParts(t)) {
      if (T.isArray(ctx, p) || ctx.checker.isTupleType(p)) {
        for (const a of ctx.checker.getTypeArguments(p as ts.TypeReference)) visit(a, depth + 1);
        continue;
      }
      const inst = T.isClassInstance(ctx, p);
      if (!inst && !T.isDictLike(ctx, p)) continue;
      // a finished generator's further results are { value: undefined, done: true }, whatever
      // its return type says
      if (p.getSymbol()?.name === "IteratorReturnResult") undef.add("value");
      for (const prop of p.getProperties()) {
        // methods and accessors are not own enumerable data; #private names are never written
        if (prop.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Accessor)) continue;
        if (prop.name.startsWith("#") || prop.name.startsWith("__#")) continue;
        const pt = ctx.checker.getTypeOfSymbol(prop);
        if (prop.flags & ts.SymbolFlags.Optional || T.hasUndefined(pt)) undef.add(prop.name);
        if (T.hasNull(pt)) nul.add(prop.name);
        visit(pt, depth + 1);
      }
      for (const info of ctx.checker.getIndexInfosOfType(p)) {
        if (T.hasUndefined(info.type)) undefAll = true;
        if (T.hasNull(info.type)) nulAll = true;
        visit(info.type, depth + 1);
      }
    }
  };
  visit(t, 0);
  let ambiguous: string | undefined;
  for (const k of undef) if (nul.has(k) || nulAll) ambiguous ??= k;
  if (undefAll) for (const k of nul) ambiguous ??= k;
  if (undefAll && nulAll) ambiguous ??= "[key: string]";
  const keys: Set<string> | true | undefined =
    undefAll && !nulAll && nul.size === 0
      ? true
      : undef.size
        ? new Set([...undef].filter((k) => !nul.has(k) && !nulAll))
        : undefined;
  return {
    keys: keys === true || keys?.size ? keys : undefined,
    top: T.hasUndefined(t) && !T.hasNull(t),
    ambiguous,
  };
}

export function globalFunctionCall(
  ctx: Ctx,
  name: string,
  node: ts.CallExpression,
): py.Expr | undefined {
  const a0 = node.arguments[0];
  const t = a0 ? T.typeOf(ctx, a0) : undefined;
  switch (name) {
    case "parseInt":
      return node.arguments.length > 1
        ? ctx.callHelper("_js_parse_int", arg(ctx, node, 0), arg(ctx, node, 1))
        : ctx.callHelper("_js_parse_int", arg(ctx, node, 0));
    case "parseFloat":
      return ctx.callHelper("_js_parse_float", arg(ctx, node, 0));
    case "String":
      if (!a0) return py.str("");
      return toStr(ctx, t!, transformExpr(ctx, a0));
    case "Number": {
      if (!a0) return py.num(0);
      return toNumber(ctx, t!, transformExpr(ctx, a0));
    }
    case "Boolean":
      if (!a0) return py.FALSE;
      return asBool(ctx, a0);
    case "isNaN":
    case "isFinite": {
      const x = transformExpr(ctx, a0!);
      const n = T.isNumber(ctx, t!) ? x : ctx.callHelper("_js_to_number", x);
      return py.call(ctx.mathAttr(name === "isNaN" ? "isnan" : "isfinite"), n);
    }
  }
  return undefined;
}
