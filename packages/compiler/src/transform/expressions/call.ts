/** Calls, `new`, spreads and super calls. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr, spreadItems } from "./index.js";
import { nonNullType, optionalWrap, memberName } from "./access.js";
import { globalFunctionCall, mapOrSetInside, staticLibCall } from "../builtins/globals.js";
import { arrayConstruct, arrayMethod } from "../builtins/array.js";
import { stringMethod } from "../builtins/string.js";
import { newRegExp, regexpMethod } from "../builtins/regexp.js";
import { newTypedArray, typedArrayMethod } from "../builtins/typedarray.js";
import { mapMethod, setMethod } from "../builtins/mapset.js";
import { numberMethod } from "../builtins/number.js";
import { functionMethod, isFunctionMethod } from "../builtins/function.js";

function skipParens(n: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n))
    n = n.expression;
  return n;
}

/** Arguments of a call, with spreads (and a layer's keyword arguments). */
export function callArguments(ctx: Ctx, node: ts.CallExpression | ts.NewExpression): py.Arg[] {
  const args = node.arguments ?? ts.factory.createNodeArray();
  const sig = ctx.checker.getResolvedSignature(node);
  const decl = sig?.declaration;
  const params = decl && !ts.isJSDocSignature(decl) ? decl.parameters : undefined;
  const out: py.Arg[] = [];
  args.forEach((a, i) => {
    const p = params ? params[Math.min(i, params.length - 1)] : undefined;
    // an argument a layer translates (KwArgs options → Python keyword arguments)
    if (p && i < (params?.length ?? 0) && !ts.isSpreadElement(a)) {
      const layered = ctx.layers.argument(ctx, a, p);
      if (layered) {
        out.push(...layered);
        return;
      }
    }
    if (ts.isSpreadElement(a)) out.push({ kind: "star", value: spreadItems(ctx, a.expression) });
    else out.push({ kind: "pos", value: ctx.layers.valueOut(ctx, a, transformExpr(ctx, a)) });
  });
  return out;
}

export function positional(args: py.Arg[]): py.Expr[] {
  return args.map((a) => (a.kind === "star" ? py.starred(a.value) : a.value));
}

export interface BuiltinCall {
  ctx: Ctx;
  node: ts.CallExpression;
  objNode: ts.Expression;
  obj: py.Expr;
  objType: ts.Type;
  name: string;
  args: readonly ts.Expression[];
  discard: boolean;
}

/** `undefined` (the global, not a local of that name) or `void <literal>`. */
function isUndefinedLiteral(ctx: Ctx, e: ts.Expression): boolean {
  e = skipParens(e);
  if (ts.isVoidExpression(e)) return ts.isLiteralExpression(skipParens(e.expression));
  if (!ts.isIdentifier(e) || e.text !== "undefined") return false;
  const s = ctx.checker.getSymbolAtLocation(e);
  return !s || !s.declarations?.length;
}

/**
 * The arguments of a built-in method call as its handler sees them: trailing explicit
 * `undefined`s passed for optional parameters are dropped. The built-ins treat such an argument
 * as missing (`s.startsWith("a", undefined)`, `xs.join(undefined)`, `s.slice(1, undefined)`),
 * which the handlers' missing-argument forms compute; a Python call would receive None instead.
 * Not for a rest parameter (`xs.push(undefined)` pushes it) and not for the methods that count
 * their arguments (`xs.splice(0, undefined)` deletes nothing, `xs.splice(0)` everything).
 */
/** Built-ins whose result depends on the argument count: `String(undefined)` is "undefined". */
const COUNTS_ARGUMENTS = new Set([
  "splice",
  "reduce",
  "reduceRight",
  "String",
  "Number",
  "Array",
  "Date",
]);

export function builtinArgs(
  ctx: Ctx,
  node: ts.CallExpression,
  array: boolean,
  name: string,
): readonly ts.Expression[] {
  const args = node.arguments;
  let n = args.length;
  if (n === 0 || !isUndefinedLiteral(ctx, args[n - 1]!)) return args;
  if (COUNTS_ARGUMENTS.has(name) || (array && name === "lastIndexOf")) return args;
  const decl = ctx.checker.getResolvedSignature(node)?.getDeclaration();
  if (!decl) return args;
  const params = decl.parameters.filter(
    (p) => !(ts.isIdentifier(p.name) && p.name.text === "this"),
  );
  while (n > 0 && isUndefinedLiteral(ctx, args[n - 1]!)) {
    const p = params[n - 1];
    if (!p || p.dotDotDotToken || !(p.questionToken || p.initializer)) break;
    n--;
  }
  return n === args.length ? args : args.slice(0, n);
}

/**
 * `node` as the static and global built-in handlers (which read `node.arguments`) should see it:
 * the same node, or a view of it whose `arguments` are the `builtinArgs` (position, parent and
 * checker identity stay the original's, read through the prototype).
 */
function withBuiltinArgs(ctx: Ctx, node: ts.CallExpression, name: string): ts.CallExpression {
  const args = builtinArgs(ctx, node, false, name);
  if (args === node.arguments) return node;
  const view = ts.factory.createNodeArray(args);
  return Object.create(node, { arguments: { value: view } }) as ts.CallExpression;
}

/** `super()`, or `super(Class, self)` inside nested functions and comprehensions. */
export function superCall(ctx: Ctx): py.Expr {
  const n = ctx.scope.node;
  const direct =
    !!n && (ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isAccessor(n));
  if (direct || !ctx.currentClass) return py.call("super");
  return py.call("super", py.name(ctx.currentClass.name), py.name(ctx.scope.thisName ?? "self"));
}

/**
 * A built-in called with fewer arguments than its declaration requires: only possible with the
 * type error suppressed (`// @ts-expect-error`). Its handlers assume the required arguments, and
 * JavaScript would pass `undefined` (searching for "undefined", or a TypeError for a missing
 * callback): refused rather than guessed.
 */
export function missingBuiltinArgument(
  ctx: Ctx,
  node: ts.CallExpression,
): { required: number } | undefined {
  if (node.arguments.some(ts.isSpreadElement)) return undefined;
  const decl = ctx.checker.getResolvedSignature(node)?.getDeclaration();
  if (!decl || !ctx.program.isSourceFileDefaultLibrary(decl.getSourceFile())) return undefined;
  const params = decl.parameters.filter(
    (p) => !(ts.isIdentifier(p.name) && p.name.text === "this"),
  );
  let required = 0;
  params.forEach((p, i) => {
    if (!p.questionToken && !p.initializer && !p.dotDotDotToken) required = i + 1;
  });
  return node.arguments.length < required ? { required } : undefined;
}

export function transformCall(ctx: Ctx, node: ts.CallExpression, discard: boolean): py.Expr {
  const missing = missingBuiltinArgument(ctx, node);
  if (missing) {
    const c = skipParens(node.expression);
    const what = ts.isPropertyAccessExpression(c) ? `.${c.name.text}()` : `${c.getText()}()`;
    ctx.report(
      node,
      diag.missingBuiltinArgument({
        builtin: what,
        required: String(missing.required),
        given: String(node.arguments.length),
      }),
    );
    return py.NONE;
  }
  const layered = ctx.layers.visit(ts.SyntaxKind.CallExpression, ctx, node);
  if (layered) return layered;
  const callee = skipParens(node.expression);
  if (callee.kind === ts.SyntaxKind.SuperKeyword) {
    return py.callArgs(py.attr(py.call("super"), "__init__"), callArguments(ctx, node));
  }
  if (callee.kind === ts.SyntaxKind.ImportKeyword) {
    ctx.report(node, diag.importForm({ form: "dynamic import()" }));
    return py.NONE;
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    const objNode = callee.expression;
    if (objNode.kind === ts.SyntaxKind.SuperKeyword) {
      return py.callArgs(py.attr(superCall(ctx), memberName(name)), callArguments(ctx, node));
    }
    if (ts.isIdentifier(objNode)) {
      const s = ctx.resolveSymbol(objNode);
      if (s && T.isLibSymbol(ctx, s)) {
        const r = staticLibCall(ctx, s.name, name, withBuiltinArgs(ctx, node, name), discard);
        if (r) return r;
      }
    }
    const ot = nonNullType(ctx, objNode);
    const build = (obj: py.Expr): py.Expr | undefined => {
      const b: BuiltinCall = {
        ctx,
        node,
        objNode,
        obj,
        objType: ot,
        name,
        args: builtinArgs(ctx, node, T.isArray(ctx, ot), name),
        discard,
      };
      if (isFunctionMethod(b)) return functionMethod(b);
      if (T.isString(ctx, ot)) return stringMethod(b);
      if (T.isArray(ctx, ot)) return arrayMethod(b);
      const matchArray = T.libTypeName(ctx, ot);
      if (matchArray === "RegExpMatchArray" || matchArray === "RegExpExecArray")
        return arrayMethod(b); // _JsMatch is a list
      if (T.isMap(ctx, ot)) return mapMethod(b);
      if (T.isSet(ctx, ot)) return setMethod(b);
      if (T.isNumber(ctx, ot)) return numberMethod(b);
      const lib = T.libTypeName(ctx, ot);
      if (lib === "RegExp") return regexpMethod(b);
      if (lib === "Float32Array" || lib === "Float64Array") return typedArrayMethod(b);
      if (
        lib === "Generator" ||
        lib === "IterableIterator" ||
        lib === "Iterator" ||
        lib === "IteratorObject" ||
        lib === "ArrayIterator" ||
        lib === "MapIterator" ||
        lib === "SetIterator"
      ) {
        // driven by hand: an iterator result { value, done } (a dict), as JavaScript gives (the
        // iterators of arrays, Maps and Sets are Python iterators once kept: iteratorValue)
        const a = b.args.map((x) => transformExpr(ctx, x));
        if (name === "next") return ctx.callHelper("_js_gen_next", obj, ...a.slice(0, 1));
        if (lib === "Generator" && name === "return")
          return ctx.callHelper("_js_gen_return", obj, ...a.slice(0, 1));
        if (lib === "Generator" && name === "throw" && a.length)
          return ctx.callHelper("_js_gen_throw", obj, a[0]!);
        ctx.report(node, diag.generatorMethod({ method: name }));
        return py.NONE;
      }
      if (lib === "Object" || (lib && (name === "toString" || name === "hasOwnProperty"))) {
        if (name === "toString") return ctx.callHelper("_js_str", obj);
      }
      if (
        T.isDictLike(ctx, ot) &&
        name === "hasOwnProperty" &&
        !ot
          .getProperty("hasOwnProperty")
          ?.declarations?.some((d) => !d.getSourceFile().isDeclarationFile)
      ) {
        return py.compare(transformExpr(ctx, node.arguments[0]!), "in", obj);
      }
      return undefined;
    };
    if (!node.questionDotToken) {
      let special: py.Expr | undefined;
      const e = optionalWrap(ctx, callee, (obj) => {
        special = build(obj);
        return special ?? py.NONE;
      });
      if (special) return e;
    }
  }
  if (ts.isIdentifier(callee)) {
    const s = ctx.resolveSymbol(callee);
    // Array(n) is new Array(n)
    if (s && T.isLibSymbol(ctx, s) && callee.text === "Array") return arrayConstruct(ctx, node);
    if (!s || T.isLibSymbol(ctx, s)) {
      const r = globalFunctionCall(ctx, callee.text, withBuiltinArgs(ctx, node, callee.text));
      if (r) return r;
    }
    // setResult sends JSON: a Map or Set (a Python dict here) is refused as by JSON.stringify.
    const a0 = node.arguments[0];
    if (s && a0 && isRuntimeSetResult(s)) {
      const t = T.typeOf(ctx, a0);
      const inside = mapOrSetInside(ctx, t);
      if (inside !== undefined)
        ctx.report(
          node,
          diag.mapJson({ operation: "setResult", where: inside ? ` (at ${inside})` : "" }),
        );
    }
  }
  let args = callArguments(ctx, node);
  // `input<T | null>()`: the type allows "no input", so the runtime returns None instead of raising
  if (!node.arguments.length && isRuntimeInputCall(ctx, callee)) {
    const t = T.typeOf(ctx, node);
    if ((t.isUnion() ? t.types : [t]).some((p) => p.flags & NULLISH))
      args = [{ kind: "pos", value: py.NONE }];
  }
  if (node.questionDotToken) {
    const f = transformExpr(ctx, callee);
    if (py.isSimple(f))
      return {
        kind: "IfExp",
        test: py.compare(f, "is", py.NONE),
        body: py.NONE,
        orelse: py.callArgs(f, args),
        optionalChain: true,
      };
    const tmp = ctx.temp();
    return {
      kind: "IfExp",
      test: py.compare(py.walrus(tmp, f), "is", py.NONE),
      body: py.NONE,
      orelse: py.callArgs(py.name(tmp), args),
      optionalChain: true,
    };
  }
  const f = transformExpr(ctx, callee);
  if (f.kind === "IfExp" && f.optionalChain && node.flags & ts.NodeFlags.OptionalChain) {
    return { ...f, orelse: py.callArgs(f.orelse, args) };
  }
  return py.callArgs(f, ctx.layers.callArgs(ctx, node, args));
}

/** `name` exported by the `bpyts/runtime` module (runner/runtime/bpyts-runtime.d.ts). */
function isRuntimeExport(s: ts.Symbol, name: string): boolean {
  return (
    s.name === name &&
    (s.declarations ?? []).some((d) => {
      const m = d.parent?.parent;
      return !!m && ts.isModuleDeclaration(m) && m.name.text === "bpyts/runtime";
    })
  );
}

const isRuntimeSetResult = (s: ts.Symbol) => isRuntimeExport(s, "setResult");
const NULLISH = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;

/** `input(…)` or `rt.input(…)` of `bpyts/runtime`. */
function isRuntimeInputCall(ctx: Ctx, callee: ts.Expression): boolean {
  const at = ts.isIdentifier(callee)
    ? callee
    : ts.isPropertyAccessExpression(callee)
      ? callee.name
      : undefined;
  if (!at || at.text !== "input") return false;
  const s = ctx.resolveSymbol(at);
  return !!s && isRuntimeExport(s, "input");
}

function checkHashable(ctx: Ctx, node: ts.NewExpression): void {
  const t = T.typeOf(ctx, node);
  const key =
    (t as ts.TypeReference).typeArguments?.[0] ??
    ctx.checker.getTypeArguments(t as ts.TypeReference)[0];
  if (
    key &&
    (T.isDictLike(ctx, key) || T.isArray(ctx, key) || T.isMap(ctx, key) || T.isSet(ctx, key))
  )
    ctx.report(node, diag.unhashableKey());
  // 1 and true are two keys in JavaScript, one in Python
  const parts = key ? (key.isUnion() ? key.types : [key]) : [];
  if (
    parts.some((p) => p.flags & ts.TypeFlags.NumberLike) &&
    parts.some((p) => p.flags & ts.TypeFlags.BooleanLike)
  )
    ctx.report(node, diag.mixedKeys());
}

export function transformNew(ctx: Ctx, node: ts.NewExpression): py.Expr {
  const layered = ctx.layers.visit(ts.SyntaxKind.NewExpression, ctx, node);
  if (layered) return layered;
  const callee = skipParens(node.expression);
  const args = node.arguments ?? [];
  if (ts.isIdentifier(callee)) {
    const s = ctx.resolveSymbol(callee);
    if (s && T.isLibSymbol(ctx, s)) {
      switch (callee.text) {
        case "Map":
        case "Set":
          checkHashable(ctx, node);
      }
      switch (callee.text) {
        case "Map":
          if (args.length === 0) return { kind: "Dict", entries: [] };
          return py.call("dict", spreadItems(ctx, args[0]!));
        case "Set":
          if (args.length === 0) return { kind: "Dict", entries: [] };
          return py.method(py.name("dict"), "fromkeys", transformExpr(ctx, args[0]!));
        case "Array":
          return arrayConstruct(ctx, node);
        case "Error":
        case "TypeError":
        case "RangeError":
        case "SyntaxError":
        case "ReferenceError":
          return py.callArgs(transformExpr(ctx, callee), callArguments(ctx, node).slice(0, 1));
        case "Object":
          return { kind: "Dict", entries: [] };
        case "RegExp":
          return newRegExp(ctx, node);
        case "Float32Array":
        case "Float64Array":
          return newTypedArray(ctx, callee.text, args[0]);
        case "String":
        case "Number":
        case "Boolean":
          ctx.report(node, diag.unsupportedMember({ member: `new ${callee.text}()` }));
          return py.NONE;
        default:
          ctx.report(node, diag.unsupportedMember({ member: `new ${callee.text}()` }));
          return py.NONE;
      }
    }
  }
  return py.callArgs(transformExpr(ctx, callee), callArguments(ctx, node));
}
