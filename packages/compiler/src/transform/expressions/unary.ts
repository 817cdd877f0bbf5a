/** Unary operators: ! - + ~ ++ -- typeof delete. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { asBool, condition } from "./convert.js";
import { transformExpr } from "./index.js";
import { assignmentTarget, nonNullType } from "./access.js";
import { toNumber, toStr } from "./convert.js";
import { bindTemps, withEvaluatedTargets } from "./compound.js";
import { isIntExpr } from "../../analysis/integers.js";

const K = ts.SyntaxKind;

export function transformPrefix(
  ctx: Ctx,
  node: ts.PrefixUnaryExpression,
  discard: boolean,
): py.Expr {
  const t = T.typeOf(ctx, node.operand);
  switch (node.operator) {
    case K.ExclamationToken: {
      let inner: ts.Expression = node.operand;
      while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
      if (ts.isPrefixUnaryExpression(inner) && inner.operator === K.ExclamationToken)
        return asBool(ctx, inner.operand);
      return py.not(condition(ctx, node.operand));
    }
    case K.MinusToken: {
      if (!T.isNumber(ctx, t))
        ctx.report(
          node,
          diag.anyType({ operation: "unary '-'", type: ctx.checker.typeToString(t) }),
        );
      const e = transformExpr(ctx, node.operand);
      if (e.kind === "Const" && e.num !== undefined) return py.num(-e.num);
      return py.unary("-", e);
    }
    case K.PlusToken: {
      return toNumber(ctx, t, transformExpr(ctx, node.operand));
    }
    case K.TildeToken: {
      const e = transformExpr(ctx, node.operand);
      if (
        e.kind === "Const" &&
        e.num !== undefined &&
        Number.isInteger(e.num) &&
        Math.abs(e.num) < 2 ** 31
      )
        return py.unary("~", e);
      return py.unary("~", ctx.callHelper("_js_i32", e));
    }
    case K.PlusPlusToken:
    case K.MinusMinusToken:
      return update(
        ctx,
        node,
        node.operand,
        node.operator === K.PlusPlusToken ? 1 : -1,
        true,
        discard,
      );
  }
  return py.NONE;
}

export function transformPostfix(
  ctx: Ctx,
  node: ts.PostfixUnaryExpression,
  discard: boolean,
): py.Expr {
  return update(
    ctx,
    node,
    node.operand,
    node.operator === K.PlusPlusToken ? 1 : -1,
    false,
    discard,
  );
}

function update(
  ctx: Ctx,
  node: ts.Node,
  operand: ts.Expression,
  delta: number,
  prefix: boolean,
  _discard: boolean,
): py.Expr {
  while (ts.isParenthesizedExpression(operand) || ts.isNonNullExpression(operand))
    operand = operand.expression;
  if (!ts.isIdentifier(operand)) {
    const target = operand;
    // the object and key are evaluated once (temporaries bound at their first use)
    const e = withEvaluatedTargets(ctx, [target], [], true, (temps) => {
      const tgt = assignmentTarget(ctx, target);
      let out: py.Expr | undefined;
      if (tgt.kind === "expr" && tgt.expr.kind === "Attr" && py.isSimple(tgt.expr.value))
        out = ctx.callHelper(
          "_js_update_attr",
          tgt.expr.value,
          ctx.attrString(tgt.expr.attr),
          py.num(delta),
          py.bool(prefix),
        );
      if (tgt.kind === "expr" && tgt.expr.kind === "Sub" && py.isSimple(tgt.expr.value))
        out = ctx.callHelper(
          "_js_update_item",
          tgt.expr.value,
          tgt.expr.index,
          py.num(delta),
          py.bool(prefix),
        );
      return out && bindTemps(out, temps);
    });
    if (e) return e;
    ctx.report(node, diag.complexUpdate());
    return py.NONE;
  }
  const target = transformExpr(ctx, operand) as py.NameExpr;
  ctx.noteAssignment(ctx.resolveSymbol(operand));
  const op = delta > 0 ? "+" : "-";
  if (prefix) return py.walrus(target.id, py.bin(op, target, py.num(1)));
  // the old value: `(x := x + 1) - 1` only for an integer (0.1 + 1 - 1 is 0.10000000000000009,
  // -0 + 1 - 1 is 0, 2^53 + 1 - 1 is 2^53 - 1 for a float)
  if (isIntExpr(ctx, operand))
    return py.bin(
      delta > 0 ? "-" : "+",
      py.walrus(target.id, py.bin(op, target, py.num(1))),
      py.num(1),
    );
  const old = ctx.temp();
  return py.sub(
    py.tuple([py.walrus(old, target), py.walrus(target.id, py.bin(op, py.name(old), py.num(1)))]),
    py.num(0),
  );
}

export function transformTypeof(ctx: Ctx, node: ts.TypeOfExpression): py.Expr {
  const t = T.typeOf(ctx, node.expression);
  const e = transformExpr(ctx, node.expression);
  // a hoisted var read before its declaration is undefined, whatever its type says; a let,
  // const or class declared later in the text may be read in its dead zone (a ReferenceError):
  // the value is read, not only its type
  const sym = ts.isIdentifier(node.expression) ? ctx.resolveSymbol(node.expression) : undefined;
  const decl = sym?.valueDeclaration;
  const later =
    !!decl &&
    decl.getSourceFile() === node.getSourceFile() &&
    decl.pos > node.pos &&
    (ts.isClassDeclaration(decl) ||
      (ts.isVariableDeclaration(decl) &&
        ts.isVariableDeclarationList(decl.parent) &&
        (decl.parent.flags & ts.NodeFlags.BlockScoped) !== 0));
  if (py.isSimple(e) && !later && !(sym && ctx.earlyVars.has(sym))) {
    if (T.isString(ctx, t)) return py.str("string");
    if (T.isNumber(ctx, t)) return py.str("number");
    if (T.isBoolean(ctx, t)) return py.str("boolean");
  }
  // null and undefined are both None: the static type tells which one a None is
  if (T.hasNull(t) && !T.hasUndefined(t)) return ctx.callHelper("_js_typeof", e, py.str("object"));
  return ctx.callHelper("_js_typeof", e);
}

export function transformDelete(ctx: Ctx, node: ts.DeleteExpression, discard: boolean): py.Expr {
  let target: ts.Expression = node.expression;
  while (ts.isParenthesizedExpression(target)) target = target.expression;
  if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    const ot = nonNullType(ctx, target.expression);
    if (T.isArray(ctx, ot)) {
      ctx.report(node, diag.arrayDelete());
      return py.NONE;
    }
    const obj = transformExpr(ctx, target.expression);
    let key: py.Expr;
    if (ts.isPropertyAccessExpression(target)) key = py.str(target.name.text);
    else {
      const kt = T.typeOf(ctx, target.argumentExpression);
      key = transformExpr(ctx, target.argumentExpression);
      if (T.isNumber(ctx, kt)) key = toStr(ctx, kt, key);
    }
    if (T.isDictLike(ctx, ot)) {
      const pop = py.method(obj, "pop", key, py.NONE);
      return discard ? pop : py.sub(py.tuple([pop, py.TRUE]), py.num(1));
    }
  }
  ctx.report(node, diag.unsupportedSyntax({ construct: "'delete' on this value" }));
  return py.NONE;
}
