/** String.prototype methods. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "../expressions/index.js";
import { toStr } from "../expressions/convert.js";
import { isNonNegInt } from "../expressions/binary.js";
import type { BuiltinCall } from "../expressions/call.js";
import type { Ctx } from "../context.js";
import { intArg, sliceOf } from "./array.js";
import { isIntExpr } from "../../analysis/integers.js";
import { stringRegexpMethod } from "./regexp.js";

function strLit(e: py.Expr | undefined): string | undefined {
  return e && e.kind === "Const" ? e.str : undefined;
}

/**
 * A position argument clamped at 0 (`max(0, …)`); `whenUndefined` when the argument may be
 * undefined at run time and is (the built-in then takes the missing argument's default).
 */
function clampedPos(ctx: Ctx, node: ts.Expression, whenUndefined: py.Expr): py.Expr {
  const clamp = (v: py.Expr): py.Expr =>
    isNonNegInt(ctx, node)
      ? v
      : py.call("max", py.num(0), isIntExpr(ctx, node) ? v : ctx.callHelper("_js_slice_index", v));
  const t = T.typeOf(ctx, node);
  let v = transformExpr(ctx, node);
  if (!T.hasUndefined(t) && !T.isAnyLike(t)) return clamp(v);
  let test: py.Expr;
  if (py.isSimple(v)) test = py.compare(v, "is", py.NONE);
  else {
    const tmp = ctx.temp();
    test = py.compare(py.walrus(tmp, v), "is", py.NONE);
    v = py.name(tmp);
  }
  return py.ifExp(test, whenUndefined, clamp(v));
}

export function stringMethod(b: BuiltinCall): py.Expr | undefined {
  const { ctx, node, obj, name, args } = b;
  for (const a of args) {
    if (T.libTypeName(ctx, T.typeOf(ctx, a)) === "RegExp") return stringRegexpMethod(b);
  }
  const A = (i: number): py.Expr | undefined => (args[i] ? transformExpr(ctx, args[i]) : undefined);
  switch (name) {
    case "toUpperCase":
    case "toLocaleUpperCase":
      return py.method(obj, "upper");
    case "toLowerCase":
    case "toLocaleLowerCase":
      return py.method(obj, "lower");
    // JavaScript's whitespace is not Python's (\ufeff is, \x1c-\x1f and \x85 are not)
    case "trim":
      return py.method(obj, "strip", ctx.helper("_JS_WHITESPACE"));
    case "trimStart":
      return py.method(obj, "lstrip", ctx.helper("_JS_WHITESPACE"));
    case "trimEnd":
      return py.method(obj, "rstrip", ctx.helper("_JS_WHITESPACE"));
    case "includes": {
      const needle = A(0)!;
      if (!args[1]) return py.compare(needle, "in", obj);
      // a negative position searches from 0 (a Python slice would count it from the end)
      return py.compare(needle, "in", sliceOf(obj, clampedPos(ctx, args[1], py.num(0))));
    }
    case "startsWith": {
      if (args.length < 2 || (ts.isIdentifier(args[1]!) && args[1].text === "undefined"))
        return py.method(obj, "startswith", A(0)!);
      const prefix = A(0)!;
      const pos = clampedPos(ctx, args[1]!, py.num(0));
      // Python's startswith is false for a start past the end, even for "" (JS clamps it)
      const lit = strLit(prefix);
      if (lit !== undefined && lit !== "") return py.method(obj, "startswith", prefix, pos);
      return py.method(sliceOf(obj, pos), "startswith", prefix);
    }
    case "endsWith":
      return args.length > 1
        ? py.method(sliceOf(obj, undefined, clampedPos(ctx, args[1]!, py.NONE)), "endswith", A(0)!)
        : py.method(obj, "endswith", A(0)!);
    case "indexOf":
      if (args.length > 1) return ctx.callHelper("_js_str_index_of", obj, A(0)!, A(1)!);
      return py.method(obj, "find", A(0)!);
    case "lastIndexOf":
      // a position that may be a float (NaN searches the whole string)
      if (args.length > 1 && !isIntExpr(ctx, args[1]!))
        return ctx.callHelper("_js_str_last_index_of", obj, A(0)!, A(1)!);
      if (args.length > 1) {
        const sub = A(0)!;
        return py.method(
          obj,
          "rfind",
          sub,
          py.num(0),
          py.bin("+", py.call("max", py.num(0), A(1)!), py.call("len", sub)),
        );
      }
      return py.method(obj, "rfind", A(0)!);
    case "slice":
      if (args.length === 0) return obj;
      return sliceOf(obj, intArg(ctx, args[0]), intArg(ctx, args[1]));
    case "substring": {
      const a0 = args[0];
      const a1 = args[1];
      if (a0 && isNonNegInt(ctx, a0) && !a1) return sliceOf(obj, A(0));
      if (
        a0 &&
        a1 &&
        ts.isNumericLiteral(a0) &&
        ts.isNumericLiteral(a1) &&
        Number.isInteger(Number(a0.text)) &&
        Number.isInteger(Number(a1.text)) &&
        Number(a0.text) <= Number(a1.text)
      )
        return sliceOf(obj, A(0), A(1));
      return ctx.callHelper("_js_substring", obj, ...args.map((a) => transformExpr(ctx, a)));
    }
    case "split": {
      if (args.length === 0) return py.list([obj]);
      const sep = A(0)!;
      if (args.length > 1) return ctx.callHelper("_js_split", obj, sep, A(1)!);
      const lit = strLit(sep);
      if (lit === "") return py.call("list", obj);
      if (lit !== undefined) return py.method(obj, "split", sep);
      return ctx.callHelper("_js_split", obj, sep);
    }
    case "replace":
    case "replaceAll": {
      const pat = A(0)!;
      const repNode = args[1]!;
      const rt = T.typeOf(ctx, repNode);
      // a replacement function: called with (match, offset, string) like JavaScript
      if (!T.isString(ctx, rt))
        return ctx.callHelper("_js_re_replace", obj, A(0)!, A(1)!, py.bool(name === "replaceAll"));
      const rep = A(1)!;
      const lit = strLit(rep);
      if (lit !== undefined && !lit.includes("$")) {
        return name === "replace"
          ? py.method(obj, "replace", pat, rep, py.num(1))
          : py.method(obj, "replace", pat, rep);
      }
      return name === "replace"
        ? ctx.callHelper("_js_replace", obj, pat, rep)
        : ctx.callHelper("_js_replace", obj, pat, rep, py.TRUE);
    }
    case "padStart":
    case "padEnd": {
      const fill = A(1);
      const f = fill === undefined ? " " : strLit(fill);
      // rjust/ljust take an int; JavaScript truncates a float length (NaN is 0)
      if (f !== undefined && f.length === 1 && isIntExpr(ctx, args[0]!)) {
        const m = py.method(obj, name === "padStart" ? "rjust" : "ljust", A(0)!);
        if (f !== " ") m.args.push({ kind: "pos", value: py.str(f) });
        return m;
      }
      return ctx.callHelper(
        "_js_pad",
        obj,
        A(0)!,
        fill ?? py.str(" "),
        py.bool(name === "padStart"),
      );
    }
    case "repeat":
      // a float count is truncated; a negative or infinite one throws a RangeError
      if (isNonNegInt(ctx, args[0]!)) return py.bin("*", obj, A(0)!);
      return ctx.callHelper("_js_repeat", obj, A(0)!);
    case "at":
      return ctx.callHelper("_js_at", obj, A(0)!);
    case "charAt": {
      const i = args[0];
      if (!i) return sliceOf(obj, py.num(0), py.num(1));
      if (ts.isNumericLiteral(i) && Number.isInteger(Number(i.text)))
        return sliceOf(obj, A(0), py.num(Number(i.text) + 1));
      if (isNonNegInt(ctx, i) && ts.isIdentifier(i)) {
        const e = A(0)!;
        return sliceOf(obj, e, py.bin("+", e, py.num(1)));
      }
      return ctx.callHelper("_js_char_at", obj, A(0)!);
    }
    case "charCodeAt":
      return ctx.callHelper("_js_char_code_at", obj, ...(args[0] ? [A(0)!] : []));
    case "codePointAt":
      // undefined (not NaN) out of range
      return ctx.callHelper("_js_code_point_at", obj, ...(args[0] ? [A(0)!] : []));
    case "concat": {
      let e = obj;
      for (const a of args) e = py.bin("+", e, toStr(ctx, T.typeOf(ctx, a), transformExpr(ctx, a)));
      return e;
    }
    case "toString":
    case "valueOf":
      return obj;
  }
  ctx.report(node, diag.unsupportedMember({ member: `String.${name}` }));
  return py.NONE;
}
