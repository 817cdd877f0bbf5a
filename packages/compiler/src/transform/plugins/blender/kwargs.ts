/**
 * Blender layer: keyword arguments. A parameter typed `KwArgs<{ … }>` (the typings' marker) takes
 * an options object that becomes Python keyword arguments: `bpy.ops.mesh.primitive_cube_add({
 * size: 2 })` → `bpy.ops.mesh.primitive_cube_add(size=2)`.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../../ts.cjs";
import * as py from "../../../python/ast.js";
import { PY_HARD_KEYWORDS, type Ctx } from "../../context.js";
import * as T from "../../../analysis/types.js";
import { transformExpr } from "../../expressions/index.js";
import { markerOf } from "./markers.js";

function skipParens(n: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n))
    n = n.expression;
  return n;
}

/** Is this parameter declared with the `KwArgs<…>` type alias of the typings? */
export function isKwArgsParam(ctx: Ctx, p: ts.ParameterDeclaration): boolean {
  const check = (t: ts.TypeNode | undefined): boolean => {
    if (!t) return false;
    if (ts.isTypeReferenceNode(t)) return markerOf(ctx, t) === "KwArgs";
    if (ts.isUnionTypeNode(t)) return t.types.some(check);
    if (ts.isParenthesizedTypeNode(t)) return check(t.type);
    return false;
  };
  return check(p.type);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An argument for a `KwArgs<{ … }>` parameter: the object literal's properties as Python keyword
 * arguments (`f({ a: 1 })` → `f(a=1)`), a dict value as `**options`.
 */
export function kwArgs(ctx: Ctx, arg: ts.Expression): py.Arg[] {
  arg = skipParens(arg);
  const out: py.Arg[] = [];
  if (ts.isObjectLiteralExpression(arg)) {
    for (const p of arg.properties) {
      if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) {
        const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
        const valueNode = ts.isPropertyAssignment(p) ? p.initializer : p.name;
        const value = ctx.layers.valueOut(ctx, valueNode, transformExpr(ctx, valueNode));
        if (key === undefined) {
          ctx.report(p, diag.kwargs());
          continue;
        }
        if (IDENT.test(key) && !PY_HARD_KEYWORDS.has(key)) {
          out.push({ kind: "kw", name: key, value });
        } else
          out.push({
            kind: "dstar",
            value: { kind: "Dict", entries: [{ key: py.str(key), value }] },
          });
      } else if (ts.isSpreadAssignment(p)) {
        const t = T.typeOf(ctx, p.expression);
        if (!T.isDictLike(ctx, t)) ctx.report(p, diag.kwargs());
        else {
          // JS spreads `undefined`/`null` as nothing; `**None` raises, so `**(x or {})`.
          const value = transformExpr(ctx, p.expression);
          out.push({
            kind: "dstar",
            value: T.hasNullish(t) ? py.boolOp("or", value, { kind: "Dict", entries: [] }) : value,
          });
        }
      } else ctx.report(p, diag.kwargs());
    }
    return out;
  }
  // no options: `op(undefined, "INVOKE_DEFAULT")`
  if (ts.isIdentifier(arg) && arg.text === "undefined") return out;
  const t = T.typeOf(ctx, arg);
  if (T.isDictLike(ctx, t)) {
    const value = transformExpr(ctx, arg);
    // like a spread: `undefined`/`null` options are none, `**None` would raise
    return [
      {
        kind: "dstar",
        value: T.hasNullish(t) ? py.boolOp("or", value, { kind: "Dict", entries: [] }) : value,
      },
    ];
  }
  ctx.report(arg, diag.kwargs());
  return out;
}
