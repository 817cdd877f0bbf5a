/** `const t = x; x = y; y = t;` → `x, y = y, x` (the temporary is used nowhere else). */
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "../expressions/index.js";
import { assignmentTarget } from "../expressions/access.js";
import { isPureExpr, skipParensAndNonNull as strip } from "../../analysis/effects.js";

const K = ts.SyntaxKind;

function assignment(s: ts.Statement | undefined): ts.BinaryExpression | undefined {
  if (!s || !ts.isExpressionStatement(s)) return undefined;
  const e = s.expression;
  return ts.isBinaryExpression(e) && e.operatorToken.kind === K.EqualsToken ? e : undefined;
}

/** An index without element reads (a write cannot change it) and without effects. */
function plainIndex(ctx: Ctx, e: ts.Expression): boolean {
  let ok = isPureExpr(ctx, e);
  const visit = (n: ts.Node): void => {
    if (ts.isElementAccessExpression(n) || ts.isPropertyAccessExpression(n)) ok = false;
    else ts.forEachChild(n, visit);
  };
  if (ok) visit(e);
  return ok;
}

/** A local variable, or an element of a list held in one, with a plain index. */
function swappable(ctx: Ctx, e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) {
    const s = ctx.resolveSymbol(e);
    return !!s && !!(s.flags & ts.SymbolFlags.Variable) && !(s.flags & ts.SymbolFlags.Property);
  }
  if (!ts.isElementAccessExpression(e) || e.questionDotToken) return false;
  const obj = strip(e.expression);
  const t = T.typeOf(ctx, obj);
  return (
    ts.isIdentifier(obj) &&
    T.isArray(ctx, t) &&
    !T.isTuple(ctx, t) &&
    plainIndex(ctx, e.argumentExpression)
  );
}

function same(ctx: Ctx, a: ts.Expression, b: ts.Expression): boolean {
  a = strip(a);
  b = strip(b);
  if (ts.isIdentifier(a) && ts.isIdentifier(b)) {
    const s = ctx.resolveSymbol(a);
    return !!s && s === ctx.resolveSymbol(b);
  }
  if (ts.isElementAccessExpression(a) && ts.isElementAccessExpression(b))
    return (
      same(ctx, a.expression, b.expression) &&
      a.argumentExpression.getText() === b.argumentExpression.getText()
    );
  return false;
}

/**
 * The three statements at `i` swap two variables or list elements through a temporary that is
 * not used elsewhere: one tuple assignment. Python reads both values, then assigns left to right,
 * like the JavaScript (the reads and indices are free of effects).
 */
export function swapStatement(
  ctx: Ctx,
  stmts: readonly ts.Statement[],
  i: number,
): py.Stmt[] | undefined {
  const s0 = stmts[i]!;
  if (!ts.isVariableStatement(s0)) return undefined;
  const list = s0.declarationList;
  if (!(list.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let)) || list.flags & ts.NodeFlags.Using)
    return undefined;
  if (list.declarations.length !== 1 || s0.modifiers?.length) return undefined;
  const d = list.declarations[0]!;
  if (!ts.isIdentifier(d.name) || !d.initializer || d.type) return undefined;
  const a1 = assignment(stmts[i + 1]);
  const a2 = assignment(stmts[i + 2]);
  if (!a1 || !a2) return undefined;
  const x = strip(d.initializer);
  const y = strip(a1.right);
  if (!swappable(ctx, x) || !swappable(ctx, y)) return undefined;
  if (!same(ctx, a1.left, x) || !same(ctx, a2.left, y)) return undefined;
  const tmp = ctx.checker.getSymbolAtLocation(d.name);
  const r = strip(a2.right);
  if (!tmp || !ts.isIdentifier(r) || ctx.resolveSymbol(r) !== tmp) return undefined;
  // the temporary is read only by the third statement
  let uses = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n !== d.name && ctx.resolveSymbol(n) === tmp) uses++;
    ts.forEachChild(n, visit);
  };
  visit(s0.parent);
  if (uses !== 1) return undefined;
  const yValue = transformExpr(ctx, a1.right);
  const xValue = transformExpr(ctx, d.initializer);
  const xt = assignmentTarget(ctx, a1.left);
  const yt = assignmentTarget(ctx, a2.left);
  if (xt.kind !== "expr" || yt.kind !== "expr") return undefined;
  return [
    {
      kind: "Assign",
      targets: [py.tuple([xt.expr, yt.expr])],
      value: py.tuple([yValue, xValue]),
      pos: ctx.pos(s0),
    },
  ];
}
