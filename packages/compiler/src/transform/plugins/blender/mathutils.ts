/**
 * Blender layer: mathutils operator overloading. Methods tagged `@pyOperator <token>` in the
 * typings are macros for Python operators: `a.add(b)` → `a + b`, `m.matmul(v)` → `m @ v`,
 * `v.neg()` → `-v`, `a.eq(b)` → `a == b`, `a.len()` → `len(a)`, `a.contains(b)` → `b in a`,
 * and the in-place forms (`a.iadd(b);` → `a += b`) as statements only. Parenthesisation comes
 * from the printer's precedence table, so `a.add(b).mul(c)` prints `(a + b) * c`.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../../ts.cjs";
import * as py from "../../../python/ast.js";
import type { Ctx } from "../../context.js";
import { transformExpr } from "../../expressions/index.js";
import { assignmentTarget } from "../../expressions/access.js";
import { pyOperatorOf } from "./markers.js";
import { skipParensAndNonNull as skip } from "../../../analysis/effects.js";

const BINARY: Record<string, py.BinOpExpr["op"]> = {
  "+": "+",
  "-": "-",
  "*": "*",
  "/": "/",
  "@": "@",
  "//": "//",
  "%": "%",
  "**": "**",
};
const COMPARE: Record<string, py.CmpOp> = {
  "==": "==",
  "!=": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};
const UNARY: Record<string, py.UnaryExpr["op"]> = {
  "unary-": "-",
  "unary+": "+",
  "unary~": "~",
};
const INPLACE: Record<string, py.BinOpExpr["op"]> = {
  "+=": "+",
  "-=": "-",
  "*=": "*",
  "/=": "/",
  "@=": "@",
};

/** The `@pyOperator` token of the method this call resolves to. */
export function operatorToken(ctx: Ctx, node: ts.CallExpression): string | undefined {
  const callee = skip(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const sig = ctx.checker.getResolvedSignature(node);
  let tok = pyOperatorOf(ctx, sig?.declaration);
  if (!tok) {
    const sym = ctx.checker.getSymbolAtLocation(callee.name);
    for (const d of sym?.declarations ?? []) tok ??= pyOperatorOf(ctx, d);
  }
  return tok;
}

/** `a.add(b)` and friends as an expression; undefined when the callee is no operator macro. */
export function mathutilsOperatorCall(ctx: Ctx, node: ts.CallExpression): py.Expr | undefined {
  const tok = operatorToken(ctx, node);
  if (!tok) return undefined;
  const callee = skip(node.expression) as ts.PropertyAccessExpression;
  if (node.questionDotToken || callee.questionDotToken) {
    ctx.report(node, diag.optionalOperatorMacro({ method: callee.name.text }));
    return py.NONE;
  }
  if (INPLACE[tok]) {
    ctx.report(node, diag.inplaceOperatorExpression({ method: callee.name.text, operator: tok }));
    return py.NONE;
  }
  const self = transformExpr(ctx, callee.expression);
  const arg = node.arguments[0] ? transformExpr(ctx, node.arguments[0]) : undefined;
  if (BINARY[tok] && arg) return py.bin(BINARY[tok], self, arg);
  if (COMPARE[tok] && arg) return py.compare(self, COMPARE[tok], arg);
  if (UNARY[tok]) return py.unary(UNARY[tok], self);
  if (tok === "len") return py.call("len", self);
  if (tok === "[]" && arg) return py.sub(self, arg); // bmesh `elem[layer]`
  if (tok === "in" && arg) return py.compare(arg, "in", self);
  return undefined;
}

/** `a.iadd(b);` as a statement → `a += b`. */
export function mathutilsOperatorStatement(
  ctx: Ctx,
  node: ts.CallExpression,
): py.Stmt[] | undefined {
  const tok = operatorToken(ctx, node);
  if (!tok || !INPLACE[tok]) return undefined;
  const callee = skip(node.expression) as ts.PropertyAccessExpression;
  const target = assignmentTarget(ctx, callee.expression);
  if (target.kind !== "expr" || !node.arguments[0]) return undefined;
  return [
    {
      kind: "AugAssign",
      target: target.expr,
      op: INPLACE[tok],
      value: transformExpr(ctx, node.arguments[0]),
      pos: ctx.pos(node),
    },
  ];
}
