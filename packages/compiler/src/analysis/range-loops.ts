/**
 * Loop shapes: a C-style `for` that is a Python `range` loop (an integer counter, a fixed step, a
 * bound the loop cannot change), one that only reads `a[i]` (a loop over the list's elements), a
 * counter that stays ≥ 1.
 */
import ts from "../ts.cjs";
import type { Ctx } from "../transform/context.js";
import * as T from "./types.js";
import { runsNoUserCode } from "./effects.js";
import { isIntExpr, isNonNegIntExpr } from "./integers.js";
import { assignedInClosure, assignsSymbol, mutatesArrays, writesVariable } from "./writes.js";

const K = ts.SyntaxKind;

export interface RangeLoop {
  sym: ts.Symbol;
  decl: ts.VariableDeclaration;
  start: ts.Expression;
  stop: ts.Expression;
  inclusive: boolean;
  step: number;
  /** a variable step (a positive loop-invariant counter of an enclosing loop) */
  stepVar?: ts.Identifier;
  /** the bound may be a float (or NaN/Infinity): `range` gets `_js_loop_stop(bound)` */
  floatBound?: boolean;
}

/** The one `let` declaration of a `for (let i = …; …)` header, if that is its shape. */
function letCounter(node: ts.ForStatement): ts.VariableDeclaration | undefined {
  const init = node.initializer;
  if (
    !init ||
    !ts.isVariableDeclarationList(init) ||
    !(init.flags & ts.NodeFlags.Let) ||
    init.declarations.length !== 1
  )
    return undefined;
  return init.declarations[0];
}

export function rangeLoop(ctx: Ctx, node: ts.ForStatement): RangeLoop | undefined {
  const decl = letCounter(node);
  if (!decl) return undefined;
  if (!ts.isIdentifier(decl.name) || !decl.initializer || !isIntExpr(ctx, decl.initializer))
    return undefined;
  const sym = ctx.checker.getSymbolAtLocation(decl.name);
  if (!sym) return undefined;
  const cond = node.condition;
  if (
    !cond ||
    !ts.isBinaryExpression(cond) ||
    !ts.isIdentifier(cond.left) ||
    ctx.resolveSymbol(cond.left) !== sym
  )
    return undefined;
  const op = cond.operatorToken.kind;
  const inc = node.incrementor;
  if (!inc) return undefined;
  let step = 0;
  let stepVar: ts.Identifier | undefined;
  if (
    (ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) &&
    ts.isIdentifier(inc.operand) &&
    ctx.resolveSymbol(inc.operand) === sym
  ) {
    step = inc.operator === K.PlusPlusToken ? 1 : inc.operator === K.MinusMinusToken ? -1 : 0;
  } else if (
    ts.isBinaryExpression(inc) &&
    inc.operatorToken.kind === K.PlusEqualsToken &&
    ts.isIdentifier(inc.left) &&
    ctx.resolveSymbol(inc.left) === sym &&
    ts.isIdentifier(inc.right)
  ) {
    // `j += i` with i a counter ≥ 1 that the loop does not assign
    const stepSym = ctx.resolveSymbol(inc.right);
    if (
      stepSym &&
      ctx.analysis.ints.positiveCounters.has(stepSym) &&
      !assignsSymbol(ctx, node.statement, stepSym)
    ) {
      step = 1;
      stepVar = inc.right;
    }
  } else if (
    ts.isBinaryExpression(inc) &&
    ts.isIdentifier(inc.left) &&
    ctx.resolveSymbol(inc.left) === sym &&
    ts.isNumericLiteral(inc.right)
  ) {
    const k = Number(inc.right.text);
    if (Number.isInteger(k) && k > 0)
      step =
        inc.operatorToken.kind === K.PlusEqualsToken
          ? k
          : inc.operatorToken.kind === K.MinusEqualsToken
            ? -k
            : 0;
  }
  if (step === 0) return undefined;
  const up = op === K.LessThanToken || op === K.LessThanEqualsToken;
  const down = op === K.GreaterThanToken || op === K.GreaterThanEqualsToken;
  if (!(up && step > 0) && !(down && step < 0)) return undefined;
  if (assignsSymbol(ctx, node.statement, sym)) return undefined;
  const bound = cond.right;
  let floatBound = false;
  if (!isIntExpr(ctx, bound)) {
    // a number variable that may be a float: ascending loops only (NaN must give no iteration)
    let b = bound;
    while (ts.isParenthesizedExpression(b)) b = b.expression;
    if (step < 0 || !ts.isIdentifier(b) || !T.isNumber(ctx, T.typeOf(ctx, bound))) return undefined;
    floatBound = true;
  }
  // the bound must not change while looping
  let stable = true;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const s = ctx.resolveSymbol(n);
      if (s && (assignsSymbol(ctx, node.statement, s) || assignedInClosure(ctx, s))) stable = false;
    }
    if (ts.isCallExpression(n)) stable = false;
    ts.forEachChild(n, visit);
  };
  visit(bound);
  if (ts.isPropertyAccessExpression(bound) && mutatesArrays(ctx, node.statement)) stable = false;
  if (!stable) return undefined;
  return {
    sym,
    decl,
    start: decl.initializer,
    stop: bound,
    inclusive: op === K.LessThanEqualsToken || op === K.GreaterThanEqualsToken,
    step,
    stepVar,
    floatBound,
  };
}

/**
 * `for (let i = 0; i < a.length; i++)` whose body uses `i` only to read `a[i]`, writes no element
 * of any list, runs no user code and does not assign `a`: every `a[i]` is the element Python's
 * list iterator yields, so the loop becomes `for a_i in a`. Returns `a`.
 */
export function elementLoop(
  ctx: Ctx,
  node: ts.ForStatement,
  r: RangeLoop,
): ts.Identifier | undefined {
  if (r.step !== 1 || r.stepVar || r.inclusive || r.floatBound) return undefined;
  if (!ts.isNumericLiteral(r.start) || Number(r.start.text) !== 0) return undefined;
  const stop = r.stop;
  if (!ts.isPropertyAccessExpression(stop) || !ts.isIdentifier(stop.expression)) return undefined;
  const arrNode = stop.expression;
  const arr = ctx.resolveSymbol(arrNode);
  const t = T.typeOf(ctx, arrNode);
  if (!arr || !(T.isArray(ctx, t) || T.isString(ctx, t))) return undefined;
  const body = node.statement;
  if (writesVariable(ctx, body, arr) || !runsNoUserCode(ctx, body)) return undefined;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(n) && ctx.resolveSymbol(n) === r.sym) {
      const p = n.parent;
      ok =
        ts.isElementAccessExpression(p) &&
        p.argumentExpression === n &&
        ts.isIdentifier(p.expression) &&
        ctx.resolveSymbol(p.expression) === arr;
      return;
    }
    // an element write would make a later a[i] differ from the element read at the start
    const target =
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= K.FirstAssignment &&
      n.operatorToken.kind <= K.LastAssignment
        ? n.left
        : (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
            (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken)
          ? n.operand
          : undefined;
    if (target) {
      const hasElement = (e: ts.Node): boolean =>
        ts.isElementAccessExpression(e) || !!ts.forEachChild(e, (c) => hasElement(c) || undefined);
      if (hasElement(target)) {
        ok = false;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return ok ? arrNode : undefined;
}

/** `for (let i = k; …; i++)` (k ≥ 1 an integer literal, i not assigned in the body): i ≥ 1. */
export function positiveCounter(ctx: Ctx, node: ts.ForStatement): ts.Symbol | undefined {
  const d = letCounter(node);
  if (!d) return undefined;
  if (
    !ts.isIdentifier(d.name) ||
    !d.initializer ||
    !ts.isNumericLiteral(d.initializer) ||
    !Number.isInteger(Number(d.initializer.text)) ||
    Number(d.initializer.text) < 1
  )
    return undefined;
  const sym = ctx.checker.getSymbolAtLocation(d.name);
  const inc = node.incrementor;
  if (!sym || !inc) return undefined;
  const isSym = (e: ts.Expression): boolean => ts.isIdentifier(e) && ctx.resolveSymbol(e) === sym;
  const ok =
    ((ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) &&
      inc.operator === K.PlusPlusToken &&
      isSym(inc.operand)) ||
    (ts.isBinaryExpression(inc) &&
      inc.operatorToken.kind === K.PlusEqualsToken &&
      isSym(inc.left) &&
      isNonNegIntExpr(ctx, inc.right));
  if (!ok || assignsSymbol(ctx, node.statement, sym)) return undefined;
  if (node.condition && assignsSymbol(ctx, node.condition, sym)) return undefined;
  return sym;
}
