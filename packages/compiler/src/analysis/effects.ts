/**
 * Effect questions asked by optimisations that move or reorder work: can evaluating some code run
 * user code (calls, getters/setters, constructors, implicit toString, iterators) or change the
 * length of a list?
 */
import ts from "../ts.cjs";
import type { Ctx } from "../transform/context.js";
import * as T from "./types.js";

const K = ts.SyntaxKind;

/** number, string, boolean, null, undefined (or a union of them): nothing user-defined runs. */
export function isPrimitiveOrNullish(t: ts.Type): boolean {
  const ps = t.isUnion() ? t.types : [t];
  return ps.every(
    (p) =>
      !!(
        p.flags &
        (ts.TypeFlags.NumberLike |
          ts.TypeFlags.StringLike |
          ts.TypeFlags.BooleanLike |
          ts.TypeFlags.Null |
          ts.TypeFlags.Undefined |
          ts.TypeFlags.Void)
      ),
  );
}

/** Array methods that neither resize the list nor call back (with primitive arguments). */
const LIST_READERS = new Set(["at", "includes", "indexOf", "lastIndexOf", "slice"]);

/** Skips parentheses and `!` only (`skipErased` in expressions/access.ts also skips `as`/`satisfies`). */
export function skipParensAndNonNull(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** A library function or method (Math.*, string methods, list readers) with primitive arguments. */
function isLibCall(ctx: Ctx, n: ts.CallExpression | ts.NewExpression): boolean {
  const args = n.arguments ?? [];
  if (args.some((a) => ts.isSpreadElement(a) || !isPrimitiveOrNullish(T.typeOf(ctx, a))))
    return false;
  const callee = skipParensAndNonNull(n.expression);
  let symNode: ts.Node;
  if (ts.isPropertyAccessExpression(callee)) {
    if (T.isArray(ctx, T.typeOf(ctx, callee.expression), true)) {
      if (!LIST_READERS.has(callee.name.text)) return false;
    }
    symNode = callee.name;
  } else if (ts.isIdentifier(callee)) symNode = callee;
  else return false;
  const s = ctx.checker.getSymbolAtLocation(symNode);
  return !!s && T.isLibSymbol(ctx, s);
}

function isAccessor(ctx: Ctx, name: ts.Node): boolean {
  const s = ctx.checker.getSymbolAtLocation(name);
  return (
    !!s &&
    !!(s.flags & (ts.SymbolFlags.GetAccessor | ts.SymbolFlags.SetAccessor)) &&
    !T.isLibSymbol(ctx, s)
  );
}

/** Iterating a value of this type runs no user code (no generator, no custom iterable). */
function plainIterable(ctx: Ctx, t: ts.Type): boolean {
  return (
    T.isArray(ctx, t) || T.isString(ctx, t) || T.isMap(ctx, t) || T.isSet(ctx, t) || isDict(ctx, t)
  );
}

function isDict(ctx: Ctx, t: ts.Type): boolean {
  return T.isDictLike(ctx, t);
}

function isLengthOf(e: ts.Expression): boolean {
  e = skipParensAndNonNull(e);
  return ts.isPropertyAccessExpression(e) && e.name.text === "length";
}

/** The effect facts of one program (source files, and so nodes, may be shared between programs). */
export class EffectFacts {
  /** runsNoUserCode per node */
  readonly noUserCode = new Map<ts.Node, boolean>();
}

/**
 * Can evaluating `node` neither run user code nor resize a list? Then the length of every list
 * it does not assign by name is the same before and after it. Function and class definitions
 * count as user code (their bodies may run later with other values).
 */
export function runsNoUserCode(ctx: Ctx, node: ts.Node): boolean {
  const cache = ctx.analysis.effects.noUserCode;
  const known = cache.get(node);
  if (known !== undefined) return known;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (
      ts.isFunctionLike(n) ||
      ts.isClassLike(n) ||
      ts.isYieldExpression(n) ||
      ts.isAwaitExpression(n) ||
      ts.isTaggedTemplateExpression(n) ||
      ts.isDeleteExpression(n) ||
      n.kind === K.SuperKeyword
    ) {
      ok = false;
      return;
    }
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && !isLibCall(ctx, n)) ok = false;
    else if (ts.isPropertyAccessExpression(n)) {
      if (isAccessor(ctx, n.name)) ok = false;
    } else if (ts.isElementAccessExpression(n)) {
      // getattr() on an instance may reach a getter
      if (T.isClassInstance(ctx, T.typeOf(ctx, n.expression))) ok = false;
    } else if (ts.isTemplateSpan(n)) {
      if (!isPrimitiveOrNullish(T.typeOf(ctx, n.expression))) ok = false;
    } else if (ts.isForOfStatement(n) || ts.isSpreadElement(n)) {
      if (!plainIterable(ctx, T.typeOf(ctx, n.expression))) ok = false;
    } else if (ts.isSpreadAssignment(n)) {
      if (!isDict(ctx, T.typeOf(ctx, n.expression))) ok = false;
    } else if (ts.isVariableDeclarationList(n)) {
      if (n.flags & ts.NodeFlags.Using || n.flags & ts.NodeFlags.AwaitUsing) ok = false;
    } else if (ts.isVariableDeclaration(n) || ts.isBindingElement(n)) {
      const init = n.initializer;
      if (ts.isArrayBindingPattern(n.name) && init && !plainIterable(ctx, T.typeOf(ctx, init)))
        ok = false;
      // destructuring an instance reads its attributes, which may be getters
      if (ts.isObjectBindingPattern(n.name) && !isDict(ctx, T.typeOf(ctx, n.name))) ok = false;
    } else if (ts.isBinaryExpression(n)) {
      const k = n.operatorToken.kind;
      if (k >= K.FirstAssignment && k <= K.LastAssignment) {
        const target = skipParensAndNonNull(n.left);
        // `a.length = n` and `a[a.length] = v` resize a list
        if (isLengthOf(target)) ok = false;
        if (ts.isElementAccessExpression(target) && isLengthOf(target.argumentExpression))
          ok = false;
        if (ts.isArrayLiteralExpression(target) && !plainIterable(ctx, T.typeOf(ctx, n.right)))
          ok = false;
        if (ts.isObjectLiteralExpression(target) && !isDict(ctx, T.typeOf(ctx, n.right)))
          ok = false;
      }
      if (k === K.PlusToken || k === K.PlusEqualsToken) {
        // string + object calls toString
        const lt = T.typeOf(ctx, n.left);
        const rt = T.typeOf(ctx, n.right);
        if (!isPrimitiveOrNullish(lt) || !isPrimitiveOrNullish(rt)) ok = false;
      }
      if (k === K.InKeyword) {
        // `in` on an instance is hasattr(), which runs getters
        if (!isDict(ctx, T.typeOf(ctx, n.right))) ok = false;
      }
    }
    if (ok) ts.forEachChild(n, visit);
  };
  visit(node);
  cache.set(node, ok);
  return ok;
}

/**
 * No side effects and no user code: evaluating it earlier or later than JavaScript would (next to
 * another pure expression) gives the same value.
 */
export function isPureExpr(ctx: Ctx, node: ts.Expression): boolean {
  if (!runsNoUserCode(ctx, node)) return false;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (
      (ts.isBinaryExpression(n) &&
        n.operatorToken.kind >= K.FirstAssignment &&
        n.operatorToken.kind <= K.LastAssignment) ||
      ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
        (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken)) ||
      ts.isCallExpression(n) ||
      ts.isNewExpression(n)
    ) {
      // lib calls are allowed by runsNoUserCode; only Math's functions are free of effects
      if (ts.isCallExpression(n) && isMathCall(ctx, n)) {
        ts.forEachChild(n, visit);
        return;
      }
      ok = false;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return ok;
}

function isMathCall(ctx: Ctx, n: ts.CallExpression): boolean {
  const c = skipParensAndNonNull(n.expression);
  if (!ts.isPropertyAccessExpression(c) || !ts.isIdentifier(c.expression)) return false;
  if (c.expression.text !== "Math" || c.name.text === "random") return false;
  const s = ctx.resolveSymbol(c.expression);
  return !!s && T.isLibSymbol(ctx, s);
}

function binaryConst(k: ts.SyntaxKind, a: number, b: number): number | undefined {
  switch (k) {
    case K.PlusToken:
      return a + b;
    case K.MinusToken:
      return a - b;
    case K.AsteriskToken:
      return a * b;
    case K.SlashToken:
      return a / b;
    case K.AsteriskAsteriskToken:
      return a ** b;
  }
  return undefined;
}

/**
 * The value of a numeric constant expression: literals, `const`s initialized with one, Math's
 * constants and arithmetic on them (evaluated with JavaScript's doubles).
 */
export function constNumber(ctx: Ctx, node: ts.Expression, depth = 0): number | undefined {
  node = skipParensAndNonNull(node);
  if (depth > 8) return undefined;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node)) {
    const v = constNumber(ctx, node.operand, depth + 1);
    if (v === undefined) return undefined;
    if (node.operator === K.MinusToken) return -v;
    if (node.operator === K.PlusToken) return v;
    return undefined;
  }
  if (ts.isBinaryExpression(node)) {
    const a = constNumber(ctx, node.left, depth + 1);
    const b = a === undefined ? undefined : constNumber(ctx, node.right, depth + 1);
    if (a === undefined || b === undefined) return undefined;
    const v = binaryConst(node.operatorToken.kind, a, b);
    // Python computes integers exactly: beyond 2^53 the two may differ
    return v !== undefined && Number.isInteger(v) && !Number.isSafeInteger(v) ? undefined : v;
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    if (node.expression.text !== "Math") return undefined;
    const s = ctx.resolveSymbol(node.expression);
    const v = (Math as unknown as Record<string, unknown>)[node.name.text];
    return s && T.isLibSymbol(ctx, s) && typeof v === "number" ? v : undefined;
  }
  if (ts.isIdentifier(node)) {
    const s = ctx.resolveSymbol(node);
    const d = s?.valueDeclaration;
    if (
      !d ||
      !ts.isVariableDeclaration(d) ||
      !d.initializer ||
      !ts.isIdentifier(d.name) ||
      !(ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const)
    )
      return undefined;
    return constNumber(ctx, d.initializer, depth + 1);
  }
  return undefined;
}

/**
 * Does the `this` (with `orSuper`, also `super`) of the function owning `body` occur in it? Arrow
 * functions share it; nested functions, methods and classes have their own.
 */
export function usesThis(body: ts.Node, orSuper = false): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword || (orSuper && n.kind === ts.SyntaxKind.SuperKeyword))
      found = true;
    else if ((ts.isFunctionLike(n) && !ts.isArrowFunction(n)) || ts.isClassLike(n)) return;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}
