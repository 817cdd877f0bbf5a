/**
 * Integer proofs: is an expression always a Python int (below 2^53 with `safe`), always ≥ 0?
 * From literals, `.length`, bitwise operators, loop counters the lowering registered
 * (`IntegerFacts`), guards (`if (i >= 0)`), and variables every value of which is proven
 * (initializer, assignments, the arguments at every call site of a parameter's function).
 */
import ts from "../ts.cjs";
import type { Ctx } from "../transform/context.js";
import * as T from "./types.js";
import { constNumber } from "./effects.js";
import { parameterSources } from "./calls.js";
import { assignedInClosure, writeAssigns, writesOf } from "./writes.js";

const K = ts.SyntaxKind;

export type VarKind = "int" | "safeInt" | "nonNeg";

export /** The integer facts of one program: loop counters registered by the lowering, proven variables. */
class IntegerFacts {
  /** loop counters known to be non-negative integers */
  readonly nonNegCounters = new Set<ts.Symbol>();
  /** loop counters known to be integers ≥ 1 inside their loop body */
  readonly positiveCounters = new Set<ts.Symbol>();
  /** loop counters known to be integers */
  readonly intCounters = new Set<ts.Symbol>();
  /** index symbol → arrays it is known to be a valid index of (range(len(a)) loops) */
  readonly safeIndex = new Map<ts.Symbol, Set<ts.Symbol>>();
  /** proven facts per variable and kind (a `false` cut off by a depth limit is never stored) */
  readonly variables = new Map<ts.Symbol, Map<VarKind, boolean>>();
  /** variables being proven, per kind (assumed to hold while being checked) */
  readonly inProgress: Record<VarKind, Set<ts.Symbol>> = {
    int: new Set(),
    safeInt: new Set(),
    nonNeg: new Set(),
  };
  /** how many proofs a depth limit cut off so far */
  limitHits = 0;
  /** variables being proven inside one another */
  chainDepth = 0;
}

/**
 * Is the expression always an integer (a Python int)? With `safe`, also below 2^53, so that
 * `str()` prints it exactly like JavaScript (no `*`, no Math.floor of huge values).
 */
export function isIntExpr(ctx: Ctx, node: ts.Expression, depth = 0, safe = false): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (depth > 8) return depthLimit(ctx);
  if (ts.isNumericLiteral(node))
    return (
      Number.isInteger(Number(node.text)) && Math.abs(Number(node.text)) <= Number.MAX_SAFE_INTEGER
    );
  if (ts.isPropertyAccessExpression(node) && node.name.text === "length") {
    const t = T.typeOf(ctx, node.expression);
    return T.isArray(ctx, t) || T.isString(ctx, t);
  }
  // -0 is the float -0.0 (a Python int cannot be -0)
  if (ts.isPrefixUnaryExpression(node) && node.operator === K.MinusToken)
    return isIntExpr(ctx, node.operand, depth + 1, safe) && constNumber(ctx, node.operand) !== 0;
  // bitwise operators always give 32-bit integers
  if (ts.isPrefixUnaryExpression(node) && node.operator === K.TildeToken) return true;
  if (
    ts.isBinaryExpression(node) &&
    [
      K.AmpersandToken,
      K.BarToken,
      K.CaretToken,
      K.LessThanLessThanToken,
      K.GreaterThanGreaterThanToken,
      K.GreaterThanGreaterThanGreaterThanToken,
    ].includes(node.operatorToken.kind)
  )
    return true;
  // x % k with a non-zero literal k
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === K.PercentToken &&
    ts.isNumericLiteral(node.right) &&
    Number(node.right.text) !== 0 &&
    Number.isInteger(Number(node.right.text))
  )
    return isIntExpr(ctx, node.left, depth + 1, safe);
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ["indexOf", "lastIndexOf", "findIndex", "findLastIndex", "push", "unshift"].includes(
      node.expression.name.text,
    ) &&
    (T.isArray(ctx, T.typeOf(ctx, node.expression.expression)) ||
      T.isString(ctx, T.typeOf(ctx, node.expression.expression)))
  )
    return true;
  const ops = safe ? [K.PlusToken, K.MinusToken] : [K.PlusToken, K.MinusToken, K.AsteriskToken];
  if (ts.isBinaryExpression(node) && ops.includes(node.operatorToken.kind)) {
    return (
      isIntExpr(ctx, node.left, depth + 1, safe) && isIntExpr(ctx, node.right, depth + 1, safe)
    );
  }
  // Math.floor/ceil/trunc raise for NaN and ±Infinity; Math.round (_js_round) returns them
  if (
    !safe &&
    ts.isCallExpression(node) &&
    /^Math\.(floor|ceil|round|trunc)$/.test(node.expression.getText())
  )
    return node.expression.getText() !== "Math.round" || finiteArg(ctx, node.arguments[0], depth);
  // i++ / ++i / i-- / --i on an integer variable
  if (
    (ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) &&
    (node.operator === K.PlusPlusToken || node.operator === K.MinusMinusToken)
  )
    return isIntExpr(ctx, node.operand, depth + 1, safe);
  if (ts.isIdentifier(node)) {
    const s = ctx.resolveSymbol(node);
    if (!s) return false;
    const facts = ctx.analysis.ints;
    if (facts.nonNegCounters.has(s) || facts.intCounters.has(s)) return true;
    return variableIs(ctx, s, safe ? "safeInt" : "int", depth);
  }
  return false;
}

/**
 * `Math.round`'s argument is never NaN or ±Infinity (`_js_round` returns them): an integer, or one
 * divided by a literal ≥ 1.
 */
function finiteArg(ctx: Ctx, a: ts.Expression | undefined, depth: number): boolean {
  while (a && ts.isParenthesizedExpression(a)) a = a.expression;
  if (!a) return false;
  if (isIntExpr(ctx, a, depth + 1)) return true;
  return (
    ts.isBinaryExpression(a) &&
    a.operatorToken.kind === K.SlashToken &&
    ts.isNumericLiteral(a.right) &&
    Math.abs(Number(a.right.text)) >= 1 &&
    isIntExpr(ctx, a.left, depth + 1)
  );
}

/**
 * Is the expression always a non-negative integer (a Python int ≥ 0)? Used to subscript lists
 * directly and to use Python's `%`.
 */
export function isNonNegIntExpr(ctx: Ctx, node: ts.Expression, depth = 0): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (depth > 8) return depthLimit(ctx);
  if (ts.isNumericLiteral(node))
    return Number.isInteger(Number(node.text)) && Number(node.text) <= Number.MAX_SAFE_INTEGER;
  if (ts.isPropertyAccessExpression(node) && node.name.text === "length") {
    const t = T.typeOf(ctx, node.expression);
    return T.isArray(ctx, t) || T.isString(ctx, t);
  }
  // the value of i++ / i-- is the old value; ++i is one more
  if (
    ts.isPostfixUnaryExpression(node) ||
    (ts.isPrefixUnaryExpression(node) && node.operator === K.PlusPlusToken)
  )
    return isNonNegIntExpr(ctx, node.operand, depth + 1);
  if (ts.isBinaryExpression(node)) {
    const k = node.operatorToken.kind;
    if (k === K.PlusToken || k === K.AsteriskToken)
      return (
        isNonNegIntExpr(ctx, node.left, depth + 1) && isNonNegIntExpr(ctx, node.right, depth + 1)
      );
    if (k === K.GreaterThanGreaterThanGreaterThanToken) return true;
    if (
      k === K.PercentToken &&
      ts.isNumericLiteral(node.right) &&
      Number.isInteger(Number(node.right.text)) &&
      Number(node.right.text) > 0
    )
      return isNonNegIntExpr(ctx, node.left, depth + 1);
  }
  if (ts.isIdentifier(node)) {
    const s = ctx.resolveSymbol(node);
    if (!s) return false;
    const facts = ctx.analysis.ints;
    if (facts.nonNegCounters.has(s) || facts.positiveCounters.has(s)) return true;
    return variableIs(ctx, s, "nonNeg", depth) || guardedNonNeg(ctx, node, s, depth);
  }
  return false;
}

/** `s >= e`, `s > e`, `e <= s`, `e < s` with e ≥ 0 (or `s > -1`): s ≥ 0 when it holds. */
function provesNonNeg(ctx: Ctx, cond: ts.Expression, s: ts.Symbol, depth: number): boolean {
  while (ts.isParenthesizedExpression(cond)) cond = cond.expression;
  if (!ts.isBinaryExpression(cond)) return false;
  const k = cond.operatorToken.kind;
  if (k === K.AmpersandAmpersandToken)
    return provesNonNeg(ctx, cond.left, s, depth) || provesNonNeg(ctx, cond.right, s, depth);
  const isS = (e: ts.Expression): boolean => {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    return ts.isIdentifier(e) && ctx.resolveSymbol(e) === s;
  };
  let other: ts.Expression;
  let strict: boolean;
  if ((k === K.GreaterThanEqualsToken || k === K.GreaterThanToken) && isS(cond.left))
    [other, strict] = [cond.right, k === K.GreaterThanToken];
  else if ((k === K.LessThanEqualsToken || k === K.LessThanToken) && isS(cond.right))
    [other, strict] = [cond.left, k === K.LessThanToken];
  else return false;
  let o = other;
  while (ts.isParenthesizedExpression(o)) o = o.expression;
  // s > -1 (s an integer)
  if (
    strict &&
    ts.isPrefixUnaryExpression(o) &&
    o.operator === K.MinusToken &&
    ts.isNumericLiteral(o.operand) &&
    Number(o.operand.text) === 1
  )
    return true;
  return isNonNegIntExpr(ctx, other, depth + 1);
}

/**
 * An integer variable read where a condition proved it ≥ 0 and nothing can have written it
 * since: in the body of `if`/`while`/`for` or the right of `&&` or the `?` branch of a condition
 * with `s >= e` (e ≥ 0 proven), no write in the condition, none earlier in the guarded region and
 * none in a loop of the region around the read; no closure assigns it.
 */
function guardedNonNeg(ctx: Ctx, node: ts.Identifier, s: ts.Symbol, depth: number): boolean {
  if (depth > 6) return depthLimit(ctx);
  let child: ts.Node = node;
  for (let p: ts.Node | undefined = node.parent; p; child = p, p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassLike(p) || ts.isSourceFile(p)) return false;
    let cond: ts.Expression | undefined;
    if (ts.isIfStatement(p) && child === p.thenStatement) cond = p.expression;
    else if (ts.isWhileStatement(p) && child === p.statement) cond = p.expression;
    else if (ts.isForStatement(p) && child === p.statement) cond = p.condition;
    else if (ts.isConditionalExpression(p) && child === p.whenTrue) cond = p.condition;
    else if (
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === K.AmpersandAmpersandToken &&
      child === p.right
    )
      cond = p.left;
    if (!cond || !provesNonNeg(ctx, cond, s, depth)) continue;
    if (writesOf(ctx, cond, s).length) continue;
    const region = child;
    const writes = writesOf(ctx, region, s);
    const start = node.getStart();
    if (writes.some((w) => w.end <= start)) continue;
    // a loop around the read that also writes: the next iteration reads after the write
    let loopWrites = false;
    for (let q: ts.Node = node.parent; q !== region.parent; q = q.parent) {
      if (ts.isIterationStatement(q, false) && writes.some((w) => w.pos >= q.pos && w.end <= q.end))
        loopWrites = true;
    }
    if (loopWrites) continue;
    if (!isIntExpr(ctx, node, depth + 1) || assignedInClosure(ctx, s)) return false;
    return true;
  }
  return false;
}

function exprIs(ctx: Ctx, e: ts.Expression, kind: VarKind, depth: number): boolean {
  if (kind === "nonNeg") return isNonNegIntExpr(ctx, e, depth + 1);
  return isIntExpr(ctx, e, depth + 1, kind === "safeInt");
}

/**
 * Proof depth limits answer "not proven" (false) without knowing; such an answer must not be
 * cached, or the Python emitted for a line would depend on which unrelated line asked first.
 * `limitHits` counts the cut-offs, so a caller can tell a definite false from a truncated one.
 */
function depthLimit(ctx: Ctx): false {
  ctx.analysis.ints.limitHits++;
  return false;
}
/** How deep variables may be proven inside one another (`let c2 = c1 + 1` asks about c1, …). */
const MAX_CHAIN = 200;

/**
 * A `const`, a `let` or a parameter of a (non-exported) function declaration whose every value
 * — initializer, arguments at every call site, every assignment — is of `kind` (integer, integer
 * below 2^53, non-negative integer). Recursive dependencies are assumed to hold while being
 * checked (a value can only leave the kind through a source that is checked); a `true` found under
 * such an assumption is not cached, a `false` always is.
 */
function variableIs(ctx: Ctx, sym: ts.Symbol, kind: VarKind, depth: number): boolean {
  const facts = ctx.analysis.ints;
  const cached = facts.variables.get(sym)?.get(kind);
  if (cached !== undefined) return cached;
  const busy = facts.inProgress[kind];
  if (busy.has(sym)) return true;
  const d = sym.valueDeclaration;
  if (!d || !ts.isIdentifier((d as ts.NamedDeclaration).name ?? d)) return false;
  let sources: ts.Expression[] | undefined;
  let isConst = false;
  if (ts.isVariableDeclaration(d)) {
    const list = d.parent;
    if (
      !ts.isVariableDeclarationList(list) ||
      ts.isForOfStatement(list.parent) ||
      ts.isForInStatement(list.parent) ||
      !d.initializer
    )
      return false;
    sources = [d.initializer];
    isConst = !!(list.flags & ts.NodeFlags.Const);
  } else if (ts.isParameter(d)) {
    sources = parameterSources(ctx, d);
  }
  if (!sources) return false;
  if (facts.chainDepth >= MAX_CHAIN) return depthLimit(ctx);
  const topLevel = busy.size === 0;
  const hitsBefore = facts.limitHits;
  busy.add(sym);
  facts.chainDepth++;
  // A variable's sources are judged on their own (expression depth from 0), whatever expression
  // asked about the variable: its fact is then the same for every line that reads it.
  depth = -1;
  let ok = true;
  try {
    for (const e of sources) if (ok) ok = exprIs(ctx, e, kind, depth);
    if (ok && !isConst) {
      for (const n of ctx.analysis.index.writesIn(d.getSourceFile())) {
        if (!ok) break;
        if (
          ts.isBinaryExpression(n) &&
          n.operatorToken.kind >= K.FirstAssignment &&
          n.operatorToken.kind <= K.LastAssignment
        ) {
          const left = n.left;
          if (ts.isIdentifier(left) && ctx.resolveSymbol(left) === sym) {
            const k = n.operatorToken.kind;
            if (
              k === K.EqualsToken ||
              k === K.PlusEqualsToken ||
              (kind !== "nonNeg" && k === K.MinusEqualsToken) ||
              (kind !== "safeInt" && k === K.AsteriskEqualsToken)
            )
              ok = exprIs(ctx, n.right, kind, depth);
            else ok = false;
          } else if (ts.isArrayLiteralExpression(left) || ts.isObjectLiteralExpression(left)) {
            const check = (t: ts.Node): void => {
              if (ts.isIdentifier(t) && ctx.resolveSymbol(t) === sym) ok = false;
              ts.forEachChild(t, check);
            };
            check(left);
          }
        } else if (ts.isForOfStatement(n) || ts.isForInStatement(n)) {
          // `for (x of xs)` assigns the elements (any number)
          if (writeAssigns(ctx, n, sym)) ok = false;
        } else if (
          kind === "nonNeg" &&
          (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
          n.operator === K.MinusMinusToken &&
          ts.isIdentifier(n.operand) &&
          ctx.resolveSymbol(n.operand) === sym
        )
          ok = false;
      }
    }
  } finally {
    busy.delete(sym);
    facts.chainDepth--;
  }
  if ((!ok && facts.limitHits === hitsBefore) || (ok && topLevel)) {
    let m = facts.variables.get(sym);
    if (!m) facts.variables.set(sym, (m = new Map()));
    m.set(kind, ok);
  }
  return ok;
}
