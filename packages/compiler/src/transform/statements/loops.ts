/** Loops, labels, break/continue (with flags for jumps across nested Python loops). */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx, JumpFrame } from "../context.js";
import * as T from "../types.js";
import { transformExpr } from "../expressions/index.js";
import { condition } from "../expressions/convert.js";
import { assignmentTarget } from "../expressions/access.js";
import { transformStatements, expressionStatement } from "./index.js";
import { transformDeclarationList } from "./variables.js";
import { destructureTo } from "./destructuring.js";
import { transformSwitch } from "./switch.js";
import { constNumber, runsNoUserCode } from "../effects.js";

const K = ts.SyntaxKind;

export function withFrame<T>(ctx: Ctx, frame: JumpFrame, fn: () => T): T {
  ctx.jumps.push(frame);
  try {
    return fn();
  } finally {
    ctx.jumps.pop();
  }
}

export function newFrame(
  kind: JumpFrame["kind"],
  node: ts.Node,
  labels: string[],
  pyLoop = true,
): JumpFrame {
  return { kind, node, labels, pyLoop, exitChecks: [] };
}

/** Wrap a finished loop with the flag resets/checks of jumps that pass through it. */
export function loopWithChecks(ctx: Ctx, frame: JumpFrame, loop: py.Stmt): py.Stmt[] {
  const flags = [...new Set(frame.exitChecks.map((c) => c.flag))];
  const before = flags.map((f) => py.assign(py.name(f), py.FALSE, loop.pos));
  const after: py.Stmt[] = [];
  for (const f of flags) {
    const c = frame.exitChecks.find((x) => x.flag === f)!;
    after.push(py.ifStmt(py.name(f), jumpTo(ctx, c.target, c.action, f), [], loop.pos));
  }
  return [...before, loop, ...after];
}

/** Statements that jump to `target` from the current position. */
export function jumpTo(
  ctx: Ctx,
  target: JumpFrame,
  action: "break" | "continue",
  existingFlag?: string,
): py.Stmt[] {
  const idx = ctx.jumps.indexOf(target);
  const between = ctx.jumps.slice(idx + 1).filter((f) => f.pyLoop);
  if (between.length === 0) {
    if (action === "continue") return [...(target.update ?? []), { kind: "Continue" }];
    return target.pyLoop ? [{ kind: "Break" }] : [];
  }
  let flag = existingFlag;
  if (!flag) {
    const key = `${action}`;
    const store = target as JumpFrame & { flags?: Record<string, string> };
    store.flags ??= {};
    flag = store.flags[key] ??= ctx.fresh(
      `_${action}_${target.labels[0] ?? (target.kind === "switch" ? "switch" : "loop")}`,
    );
  }
  for (const f of between)
    if (!f.exitChecks.some((c) => c.flag === flag)) f.exitChecks.push({ flag, target, action });
  return existingFlag
    ? [{ kind: "Break" }]
    : [py.assign(py.name(flag), py.TRUE), { kind: "Break" }];
}

export function transformJump(ctx: Ctx, node: ts.BreakOrContinueStatement): py.Stmt[] {
  const isBreak = node.kind === K.BreakStatement;
  let target: JumpFrame | undefined;
  for (let i = ctx.jumps.length - 1; i >= 0; i--) {
    const f = ctx.jumps[i]!;
    if (node.label ? f.labels.includes(node.label.text) : isBreak || f.kind === "loop") {
      target = f;
      break;
    }
  }
  if (!target) {
    ctx.report(node, diag.label());
    return [];
  }
  return jumpTo(ctx, target, isBreak ? "break" : "continue");
}

export function transformLabeled(ctx: Ctx, node: ts.LabeledStatement): py.Stmt[] {
  const labels = [node.label.text];
  let s = node.statement;
  while (ts.isLabeledStatement(s)) {
    labels.push(s.label.text);
    s = s.statement;
  }
  if (ts.isIterationStatement(s, false)) return transformLoop(ctx, s, labels);
  if (ts.isSwitchStatement(s)) return transformSwitch(ctx, s, labels);
  ctx.report(node, diag.label());
  return [];
}

function loopBody(ctx: Ctx, s: ts.Statement): py.Stmt[] {
  const body = transformStatements(ctx, ts.isBlock(s) ? s.statements : [s]);
  return [...deadZoneResets(ctx, s), ...body];
}

/**
 * A `let`/`const`/class of a loop body is a new binding each iteration, unset until its
 * declaration runs: a function made earlier in the iteration that reads it throws a
 * ReferenceError there. Python's variable keeps the previous iteration's value, so one that
 * such a function reads is deleted at the start of each iteration (reading it is then a
 * NameError, which `catch` sees as a ReferenceError).
 */
function deadZoneResets(ctx: Ctx, s: ts.Statement): py.Stmt[] {
  if (!ts.isBlock(s)) return [];
  const names: string[] = [];
  const hoisted = s.statements.filter(ts.isFunctionDeclaration);
  for (const st of s.statements) {
    const decls: ts.NamedDeclaration[] = ts.isVariableStatement(st)
      ? st.declarationList.flags & ts.NodeFlags.BlockScoped
        ? [...st.declarationList.declarations]
        : []
      : ts.isClassDeclaration(st)
        ? [st]
        : [];
    for (const d of decls) {
      if (!d.name || !ts.isIdentifier(d.name)) continue;
      const sym = ctx.checker.getSymbolAtLocation(d.name);
      const name = sym && ctx.symbolNames.get(sym);
      if (!name) continue;
      const text = d.name.text;
      // read before the declaration, or by a function declaration (hoisted to the block's top)
      const early = ctx
        .identifiersIn(s)
        .some(
          (id) =>
            id.text === text &&
            (id.end <= d.pos || hoisted.some((f) => f.pos <= id.pos && id.end <= f.end)) &&
            ctx.resolveSymbol(id) === sym,
        );
      if (early) names.push(name);
    }
  }
  return names.map((n) => ({
    kind: "Try",
    body: [{ kind: "Del", targets: [py.name(n)] }],
    handlers: [{ type: py.name("NameError"), body: [py.pass()] }],
    orelse: [],
    finalbody: [],
  }));
}

export function transformLoop(ctx: Ctx, node: ts.IterationStatement, labels: string[]): py.Stmt[] {
  let frames = lenFrames.get(ctx);
  if (!frames) lenFrames.set(ctx, (frames = []));
  const frame: LenFrame = { node, lens: new Map() };
  frames.push(frame);
  let out: py.Stmt[];
  try {
    out = transformLoopStatement(ctx, node, labels);
  } finally {
    frames.pop();
  }
  if (frame.lens.size === 0) return out;
  const pos = ctx.pos(node);
  const hoisted = [...frame.lens.values()].map((l) =>
    py.assign(py.name(l.name), py.call("len", l.obj), pos),
  );
  return [...hoisted, ...out];
}

interface LenFrame {
  node: ts.IterationStatement;
  /** the loop runs no user code and resizes no list (computed when first asked) */
  keepsLengths?: boolean;
  /** list/string symbol → the name holding its length, assigned before the loop */
  lens: Map<ts.Symbol, { name: string; obj: py.NameExpr }>;
}
const lenFrames = new WeakMap<Ctx, LenFrame[]>();

/** Does `node` (a loop) write the variable: assignments, `++`, `for (x of …)` targets? */
function writesVariable(ctx: Ctx, node: ts.Node, sym: ts.Symbol): boolean {
  if (assignsSymbol(ctx, node, sym)) return true;
  return ctx.writesIn(node).some((n) => {
    if (!(ts.isForOfStatement(n) || ts.isForInStatement(n))) return false;
    const t = n.initializer;
    return ts.isIdentifier(t) && ctx.resolveSymbol(t) === sym;
  });
}

/**
 * `len(a)` for a read `a[i]` inside loops: when an enclosing loop cannot change the length of
 * `a` — it does not assign `a`, `a` is declared before it, and for a list, the loop runs no user
 * code and resizes no list — the length is read once into a name assigned right before the
 * outermost such loop. Undefined when no enclosing loop qualifies.
 */
export function loopInvariantLen(
  ctx: Ctx,
  arr: ts.Identifier,
  obj: py.NameExpr,
  at: ts.Node,
): py.Expr | undefined {
  const frames = lenFrames.get(ctx);
  if (!frames?.length) return undefined;
  const sym = ctx.resolveSymbol(arr);
  if (!sym || !(sym.flags & ts.SymbolFlags.Variable) || !sym.declarations?.length) return undefined;
  const t = T.typeOf(ctx, arr);
  const isStr = T.isString(ctx, t);
  if (!isStr && !T.isArray(ctx, t)) return undefined;
  for (const f of frames) {
    // the read must be in the loop's own Python scope (no function in between)
    let inside = false;
    for (let p: ts.Node | undefined = at.parent; p; p = p.parent) {
      if (p === f.node) {
        inside = true;
        break;
      }
      if (ts.isFunctionLike(p) || ts.isClassLike(p)) break;
    }
    if (!inside) continue;
    const known = f.lens.get(sym);
    if (known) return py.name(known.name);
    const loopStart = f.node.getStart();
    if (
      sym.declarations.some(
        (d) => d.getSourceFile() !== f.node.getSourceFile() || d.end > loopStart,
      )
    )
      continue;
    if (writesVariable(ctx, f.node, sym)) continue;
    f.keepsLengths ??= runsNoUserCode(ctx, f.node);
    // a string is immutable: only a closure called in the loop could assign the variable
    if (!f.keepsLengths && !(isStr && !assignedInClosure(ctx, sym))) continue;
    const saved = ctx.scope;
    while (ctx.scope.kind === "comprehension" && ctx.scope.parent) ctx.scope = ctx.scope.parent;
    let name: string;
    try {
      name = ctx.fresh(`_${obj.id}_len`);
    } finally {
      ctx.scope = saved;
    }
    f.lens.set(sym, { name, obj });
    return py.name(name);
  }
  return undefined;
}

function transformLoopStatement(
  ctx: Ctx,
  node: ts.IterationStatement,
  labels: string[],
): py.Stmt[] {
  const pos = ctx.pos(node);
  switch (node.kind) {
    case K.WhileStatement: {
      const n = node as ts.WhileStatement;
      const test = condition(ctx, n.expression);
      const frame = newFrame("loop", node, labels);
      const body = withFrame(ctx, frame, () => loopBody(ctx, n.statement));
      return loopWithChecks(ctx, frame, { kind: "While", test, body, pos });
    }
    case K.DoStatement: {
      const n = node as ts.DoStatement;
      const frame = newFrame("loop", node, labels);
      if (hasContinue(n.statement, labels)) {
        const first = ctx.fresh("_first");
        const test = condition(ctx, n.expression);
        const body = withFrame(ctx, frame, () => loopBody(ctx, n.statement));
        return [
          py.assign(py.name(first), py.TRUE, pos),
          ...loopWithChecks(ctx, frame, {
            kind: "While",
            test: py.boolOp("or", py.name(first), test),
            body: [py.assign(py.name(first), py.FALSE, pos), ...body],
            pos,
          }),
        ];
      }
      const body = withFrame(ctx, frame, () => loopBody(ctx, n.statement));
      const [test, pre] = ctx.collect(() => condition(ctx, n.expression));
      body.push(...pre, py.ifStmt(py.not(test), [{ kind: "Break" }], [], ctx.pos(n.expression)));
      return loopWithChecks(ctx, frame, { kind: "While", test: py.TRUE, body, pos });
    }
    case K.ForStatement:
      return forStatement(ctx, node as ts.ForStatement, labels);
    case K.ForOfStatement:
      return forOf(ctx, node as ts.ForOfStatement, labels);
    case K.ForInStatement:
      return forIn(ctx, node as ts.ForInStatement, labels);
  }
  return [];
}

function hasContinue(body: ts.Node, labels: string[]): boolean {
  let found = false;
  const visit = (n: ts.Node, nested: boolean): void => {
    if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isContinueStatement(n)) {
      if (n.label ? labels.includes(n.label.text) : !nested) found = true;
      return;
    }
    const inner = nested || ts.isIterationStatement(n, false);
    ts.forEachChild(n, (c) => visit(c, inner));
  };
  visit(body, false);
  return found;
}

// ---- C-style for ------------------------------------------------------------------------------

export function assignsSymbol(ctx: Ctx, body: ts.Node, sym: ts.Symbol): boolean {
  return ctx.writesIn(body).some((n) => writeAssigns(ctx, n, sym));
}

/**
 * The target an assignment (`=`, `op=`), `++`/`--` or a `for…of`/`for…in` over an existing
 * variable (`for (x of xs)`) writes, if `n` is one.
 */
function assignedTarget(n: ts.Node): ts.Expression | undefined {
  if (
    (ts.isForOfStatement(n) || ts.isForInStatement(n)) &&
    !ts.isVariableDeclarationList(n.initializer)
  )
    return n.initializer;
  if (
    ts.isBinaryExpression(n) &&
    n.operatorToken.kind >= K.FirstAssignment &&
    n.operatorToken.kind <= K.LastAssignment
  )
    return n.left;
  if (
    (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
    (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken)
  )
    return n.operand;
  return undefined;
}

/** Does this assignment or `++`/`--` write the variable (directly or by destructuring)? */
function writeAssigns(ctx: Ctx, n: ts.Node, sym: ts.Symbol): boolean {
  const target = assignedTarget(n);
  if (!target) return false;
  let found = false;
  const check = (t: ts.Node): void => {
    if (ts.isIdentifier(t) && ctx.resolveSymbol(t) === sym) found = true;
    else if (
      ts.isArrayLiteralExpression(t) ||
      ts.isObjectLiteralExpression(t) ||
      ts.isShorthandPropertyAssignment(t) ||
      ts.isPropertyAssignment(t) ||
      ts.isSpreadElement(t) ||
      ts.isSpreadAssignment(t) ||
      ts.isParenthesizedExpression(t)
    )
      ts.forEachChild(t, check);
  };
  check(target);
  return found;
}

function functionOf(n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return p;
  return undefined;
}

const closureAssigned = new WeakMap<ts.Symbol, boolean>();

/** Is the variable assigned inside a function other than the one declaring it (a closure)? */
export function assignedInClosure(ctx: Ctx, sym: ts.Symbol): boolean {
  const cached = closureAssigned.get(sym);
  if (cached !== undefined) return cached;
  const d = sym.valueDeclaration;
  if (!d || !(ts.isVariableDeclaration(d) || ts.isParameter(d))) return false;
  const home = ts.isParameter(d) ? d.parent : functionOf(d);
  // an assignment with a function around it that does not hold the declaring one
  const inClosure = (w: ts.Node): boolean => {
    for (let p = w.parent; p; p = p.parent) {
      if (ts.isFunctionLike(p) && !(!!home && home.pos >= p.pos && home.end <= p.end)) return true;
    }
    return false;
  };
  const found = ctx
    .writesIn(d.getSourceFile())
    .some((w) => inClosure(w) && writeAssigns(ctx, w, sym));
  closureAssigned.set(sym, found);
  return found;
}

const MUTATORS = new Set([
  "push",
  "pop",
  "shift",
  "unshift",
  "splice",
  "length",
  "fill",
  "reverse",
  "sort",
  "copyWithin",
]);

function mutatesArrays(ctx: Ctx, body: ts.Node): boolean {
  let found = false;
  const isLib = (name: ts.Node): boolean => {
    const s = ctx.checker.getSymbolAtLocation(name);
    return !!s && T.isLibSymbol(s);
  };
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(n) && MUTATORS.has(n.name.text)) {
      const p = n.parent;
      if (n.name.text !== "length" || (ts.isBinaryExpression(p) && p.left === n)) found = true;
      // a[a.length] = v appends
      if (
        ts.isElementAccessExpression(p) &&
        p.argumentExpression === n &&
        ts.isBinaryExpression(p.parent) &&
        p.parent.left === p
      )
        found = true;
    }
    if (ts.isCallExpression(n) && !ts.isPropertyAccessExpression(n.expression)) {
      // calls to user functions could mutate the array: be conservative
      found = true;
    }
    // so could methods, constructors and accessors of user classes, and library functions
    // given a user function to call (inline arrows are visited like the body)
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      if (!isLib(n.expression.name)) found = true;
      for (const a of n.arguments) {
        let e = a;
        while (ts.isParenthesizedExpression(e)) e = e.expression;
        if (
          !ts.isArrowFunction(e) &&
          !ts.isFunctionExpression(e) &&
          T.nonNullParts(T.typeOf(ctx, e)).some((p) => p.getCallSignatures().length > 0)
        )
          found = true;
      }
    }
    if (ts.isNewExpression(n) && !isLib(n.expression)) found = true;
    if (ts.isTaggedTemplateExpression(n)) found = true;
    if (ts.isPropertyAccessExpression(n)) {
      const s = ctx.checker.getSymbolAtLocation(n.name);
      if (s && s.flags & ts.SymbolFlags.Accessor && !T.isLibSymbol(s)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * Is the expression always an integer (a Python int)? With `safe`, also below 2^53, so that
 * `str()` prints it exactly like JavaScript (no `*`, no Math.floor of huge values).
 */
export function isIntExpr(ctx: Ctx, node: ts.Expression, depth = 0, safe = false): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (depth > 8) return depthLimit();
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
    if (ctx.nonNegInts.has(s) || ctx.intSymbols.has(s)) return true;
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
  if (depth > 8) return depthLimit();
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
    if (ctx.nonNegInts.has(s) || ctx.positiveInts.has(s)) return true;
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

/** Nodes in `region` that write the variable (assignments, ++/--, for…of/in targets). */
function writesOf(ctx: Ctx, region: ts.Node, s: ts.Symbol): ts.Node[] {
  const out: ts.Node[] = [];
  for (const n of ctx.writesIn(region)) {
    const target: ts.Node | undefined =
      ts.isForOfStatement(n) || ts.isForInStatement(n) ? n.initializer : assignedTarget(n);
    if (target) {
      const hit = (t: ts.Node): boolean =>
        (ts.isIdentifier(t) && ctx.resolveSymbol(t) === s) ||
        (!ts.isElementAccessExpression(t) &&
          !ts.isPropertyAccessExpression(t) &&
          !!ts.forEachChild(t, (c) => hit(c) || undefined));
      if (hit(target)) out.push(n);
    }
  }
  return out;
}

/**
 * An integer variable read where a condition proved it ≥ 0 and nothing can have written it
 * since: in the body of `if`/`while`/`for` or the right of `&&` or the `?` branch of a condition
 * with `s >= e` (e ≥ 0 proven), no write in the condition, none earlier in the guarded region and
 * none in a loop of the region around the read; no closure assigns it.
 */
function guardedNonNeg(ctx: Ctx, node: ts.Identifier, s: ts.Symbol, depth: number): boolean {
  if (depth > 6) return depthLimit();
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

type VarKind = "int" | "safeInt" | "nonNeg";

function exprIs(ctx: Ctx, e: ts.Expression, kind: VarKind, depth: number): boolean {
  if (kind === "nonNeg") return isNonNegIntExpr(ctx, e, depth + 1);
  return isIntExpr(ctx, e, depth + 1, kind === "safeInt");
}

/**
 * Proof depth limits answer "not proven" (false) without knowing; such an answer must not be
 * cached, or the Python emitted for a line would depend on which unrelated line asked first.
 * `limitHits` counts the cut-offs, so a caller can tell a definite false from a truncated one.
 */
let limitHits = 0;
function depthLimit(): false {
  limitHits++;
  return false;
}
/** Variables being proven inside one another (`let c2 = c1 + 1` asks about c1, …). */
let chainDepth = 0;
const MAX_CHAIN = 200;

const varFacts = new WeakMap<ts.Symbol, Map<VarKind, boolean>>();
const inProgress: Record<VarKind, Set<ts.Symbol>> = {
  int: new Set(),
  safeInt: new Set(),
  nonNeg: new Set(),
};

/**
 * A `const`, a `let` or a parameter of a (non-exported) function declaration whose every value
 * — initializer, arguments at every call site, every assignment — is of `kind` (integer, integer
 * below 2^53, non-negative integer). Recursive dependencies are assumed to hold while being
 * checked (a value can only leave the kind through a source that is checked); a `true` found under
 * such an assumption is not cached, a `false` always is.
 */
function variableIs(ctx: Ctx, sym: ts.Symbol, kind: VarKind, depth: number): boolean {
  const cached = varFacts.get(sym)?.get(kind);
  if (cached !== undefined) return cached;
  const busy = inProgress[kind];
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
  if (chainDepth >= MAX_CHAIN) return depthLimit();
  const topLevel = busy.size === 0;
  const hitsBefore = limitHits;
  busy.add(sym);
  chainDepth++;
  // A variable's sources are judged on their own (expression depth from 0), whatever expression
  // asked about the variable: its fact is then the same for every line that reads it.
  depth = -1;
  let ok = true;
  try {
    for (const e of sources) if (ok) ok = exprIs(ctx, e, kind, depth);
    if (ok && !isConst) {
      for (const n of ctx.writesIn(d.getSourceFile())) {
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
    chainDepth--;
  }
  if ((!ok && limitHits === hitsBefore) || (ok && topLevel)) {
    let m = varFacts.get(sym);
    if (!m) varFacts.set(sym, (m = new Map()));
    m.set(kind, ok);
  }
  return ok;
}

const callSites = new WeakMap<ts.Symbol, ts.CallExpression[] | null>();

/**
 * The values a parameter of a function declaration can take: the arguments at every call site
 * (and its default). Undefined when the function is exported, used other than by direct calls,
 * or some call passes no value (or a spread).
 */
function parameterSources(ctx: Ctx, p: ts.ParameterDeclaration): ts.Expression[] | undefined {
  const fn = p.parent;
  if (!ts.isFunctionDeclaration(fn) || !fn.name || !fn.body || p.dotDotDotToken) return undefined;
  if (fn.modifiers?.some((m) => m.kind === K.ExportKeyword || m.kind === K.DefaultKeyword))
    return undefined;
  const fnSym = ctx.checker.getSymbolAtLocation(fn.name);
  if (!fnSym) return undefined;
  let calls = callSites.get(fnSym);
  if (calls === undefined) {
    const found: ts.CallExpression[] = [];
    let ok = true;
    const name = fn.name.text;
    for (const n of ctx.identifiersIn(fn.getSourceFile())) {
      if (!ok) break;
      if (n.text === name && n !== fn.name && ctx.resolveSymbol(n) === fnSym) {
        const c = n.parent;
        if (ts.isCallExpression(c) && c.expression === n) found.push(c);
        else ok = false;
      }
    }
    calls = ok ? found : null;
    callSites.set(fnSym, calls);
  }
  if (!calls) return undefined;
  const index = fn.parameters.indexOf(p);
  const out: ts.Expression[] = [];
  for (const c of calls) {
    if (c.arguments.slice(0, index + 1).some((a) => ts.isSpreadElement(a))) return undefined;
    const a = c.arguments[index];
    if (a) out.push(a);
    else if (p.initializer) out.push(p.initializer);
    else return undefined;
  }
  if (p.initializer) out.push(p.initializer);
  return out;
}

interface RangeLoop {
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

function rangeLoop(ctx: Ctx, node: ts.ForStatement): RangeLoop | undefined {
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
    if (stepSym && ctx.positiveInts.has(stepSym) && !assignsSymbol(ctx, node.statement, stepSym)) {
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

const elementNames = new WeakMap<Ctx, Map<ts.Symbol, { arr: ts.Symbol; name: string }>>();

/**
 * `for (let i = 0; i < a.length; i++)` whose body uses `i` only to read `a[i]`, writes no element
 * of any list, runs no user code and does not assign `a`: every `a[i]` is the element Python's
 * list iterator yields, so the loop becomes `for a_i in a`. Returns `a`.
 */
function elementLoop(ctx: Ctx, node: ts.ForStatement, r: RangeLoop): ts.Identifier | undefined {
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

/** Inside a loop made by elementLoop: the name holding `a[i]`. */
export function loopElement(ctx: Ctx, node: ts.ElementAccessExpression): py.Expr | undefined {
  const names = elementNames.get(ctx);
  if (!names || !ts.isIdentifier(node.argumentExpression) || !ts.isIdentifier(node.expression))
    return undefined;
  const i = ctx.resolveSymbol(node.argumentExpression);
  const e = i && names.get(i);
  return e && ctx.resolveSymbol(node.expression) === e.arr ? py.name(e.name) : undefined;
}

/** `for (let i = k; …; i++)` (k ≥ 1 an integer literal, i not assigned in the body): i ≥ 1. */
function positiveCounter(ctx: Ctx, node: ts.ForStatement): ts.Symbol | undefined {
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

function forStatement(ctx: Ctx, node: ts.ForStatement, labels: string[]): py.Stmt[] {
  const pos = ctx.pos(node);
  const r = rangeLoop(ctx, node);
  if (r) {
    const start = transformExpr(ctx, r.start);
    let stop = transformExpr(ctx, r.stop);
    if (r.floatBound)
      stop = r.inclusive
        ? ctx.callHelper("_js_loop_stop", stop, py.TRUE)
        : ctx.callHelper("_js_loop_stop", stop);
    else if (r.inclusive)
      stop =
        stop.kind === "Const" && stop.num !== undefined
          ? py.num(stop.num + (r.step > 0 ? 1 : -1))
          : py.bin(r.step > 0 ? "+" : "-", stop, py.num(1));
    const each = elementLoop(ctx, node, r);
    if (each) {
      const arr = transformExpr(ctx, each);
      const name = ctx.fresh(`${arr.kind === "Name" ? arr.id : "item"}_i`);
      let names = elementNames.get(ctx);
      if (!names) elementNames.set(ctx, (names = new Map()));
      names.set(r.sym, { arr: ctx.resolveSymbol(each)!, name });
      const frame = newFrame("loop", node, labels);
      const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
      return loopWithChecks(ctx, frame, {
        kind: "For",
        target: py.name(name),
        iter: arr,
        body,
        pos,
      });
    }
    const v = ctx.declare(r.decl.name as ts.Identifier);
    const args = r.stepVar
      ? [start, stop, transformExpr(ctx, r.stepVar)]
      : start.kind === "Const" && start.num === 0 && r.step === 1
        ? [stop]
        : r.step === 1
          ? [start, stop]
          : [start, stop, py.num(r.step)];
    const startNonNeg =
      (start.kind === "Const" && start.num !== undefined && start.num >= 0) ||
      isNonNegIntExpr(ctx, r.start);
    if (r.step > 0 && start.kind === "Const" && start.num !== undefined && start.num >= 1)
      ctx.positiveInts.add(r.sym);
    if (startNonNeg && r.step > 0) {
      ctx.nonNegInts.add(r.sym);
      if (
        ts.isPropertyAccessExpression(r.stop) &&
        ts.isIdentifier(r.stop.expression) &&
        !r.inclusive
      ) {
        const arr = ctx.resolveSymbol(r.stop.expression);
        if (
          arr &&
          !assignsSymbol(ctx, node.statement, arr) &&
          (T.isArray(ctx, T.typeOf(ctx, r.stop.expression)) ||
            T.isString(ctx, T.typeOf(ctx, r.stop.expression)))
        ) {
          let set = ctx.safeIndex.get(r.sym);
          if (!set) ctx.safeIndex.set(r.sym, (set = new Set()));
          set.add(arr);
        }
      }
    } else ctx.intSymbols.add(r.sym);
    const frame = newFrame("loop", node, labels);
    const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
    return loopWithChecks(ctx, frame, {
      kind: "For",
      target: py.name(v),
      iter: py.call("range", ...args),
      body,
      pos,
    });
  }
  const counter = positiveCounter(ctx, node);
  if (counter) ctx.positiveInts.add(counter);
  const init: py.Stmt[] = [];
  if (node.initializer) {
    if (ts.isVariableDeclarationList(node.initializer))
      init.push(...transformDeclarationList(ctx, node.initializer));
    else init.push(...expressionStatement(ctx, node.initializer));
  }
  const test = node.condition ? condition(ctx, node.condition) : py.TRUE;
  const frame = newFrame("loop", node, labels);
  frame.update = node.incrementor ? expressionStatement(ctx, node.incrementor) : [];
  const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
  const last = body[body.length - 1];
  const endsAbruptly =
    last &&
    (last.kind === "Continue" ||
      last.kind === "Break" ||
      last.kind === "Return" ||
      last.kind === "Raise");
  if (!endsAbruptly) body.push(...frame.update);
  return [...init, ...loopWithChecks(ctx, frame, { kind: "While", test, body, pos })];
}

// ---- for…of / for…in --------------------------------------------------------------------------

const COLLECTION_MUTATORS = new Set(["add", "delete", "set", "clear"]);

/**
 * Whether `body` calls add/delete/set/clear on the collection `coll` (the same variable, or the
 * same `this.x`/`a.b` path). Python raises RuntimeError when a dict changes size while a loop
 * reads it, so such loops read it through `_js_live`.
 */
export function mutatesCollection(ctx: Ctx, coll: ts.Expression, body: ts.Node): boolean {
  while (ts.isParenthesizedExpression(coll) || ts.isNonNullExpression(coll)) coll = coll.expression;
  const sym = ts.isIdentifier(coll) ? ctx.resolveSymbol(coll) : undefined;
  // a field (this.items): any read of the same declared property, in this body or another
  const prop = ts.isPropertyAccessExpression(coll)
    ? ctx.checker.getSymbolAtLocation(coll.name)
    : undefined;
  const text = coll.getText();
  let found = false;
  const same = (e: ts.Expression): boolean => {
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    if (sym) return ts.isIdentifier(e) && ctx.resolveSymbol(e) === sym;
    if (
      prop &&
      ts.isPropertyAccessExpression(e) &&
      ctx.checker.getSymbolAtLocation(e.name) === prop
    )
      return true;
    return e.getText() === text;
  };
  // the functions the body calls (and those they call) may change it too: a module-level or
  // captured collection by its symbol; one passed as an argument is taken as changed
  const visited = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      if (
        ts.isPropertyAccessExpression(n.expression) &&
        COLLECTION_MUTATORS.has(n.expression.name.text) &&
        same(n.expression.expression)
      ) {
        found = true;
        return;
      }
      const decl = ctx.checker.getResolvedSignature(n)?.getDeclaration();
      if (
        decl &&
        (ts.isFunctionDeclaration(decl) ||
          ts.isMethodDeclaration(decl) ||
          ts.isFunctionExpression(decl) ||
          ts.isArrowFunction(decl)) &&
        decl.body &&
        !decl.getSourceFile().isDeclarationFile &&
        !visited.has(decl)
      ) {
        if (n.arguments.some((a) => same(a))) {
          found = true;
          return;
        }
        visited.add(decl);
        if (sym || prop) visit(decl.body);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * A Set or Map read by a loop whose body changes it: `_js_live(o, mode)` (mode 0 keys, 1 entries,
 * 2 values) visits what JavaScript's iterator would; undefined when no such case applies.
 */
export function liveIterable(ctx: Ctx, expr: ts.Expression, body: ts.Node): py.Expr | undefined {
  let e = expr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  let coll = e;
  let mode: number | undefined;
  const t = T.typeOf(ctx, e);
  if (T.isMap(ctx, t)) mode = 1;
  else if (T.isSet(ctx, t)) mode = 0;
  else if (
    ts.isCallExpression(e) &&
    !e.arguments.length &&
    ts.isPropertyAccessExpression(e.expression) &&
    ["keys", "values", "entries"].includes(e.expression.name.text)
  ) {
    const ot = T.typeOf(ctx, e.expression.expression);
    const m = e.expression.name.text;
    if (T.isMap(ctx, ot)) mode = m === "keys" ? 0 : m === "entries" ? 1 : 2;
    else if (T.isSet(ctx, ot)) mode = m === "entries" ? 3 : 0;
    coll = e.expression.expression;
  }
  if (mode === undefined || mode === 3 || !mutatesCollection(ctx, coll, body)) return undefined;
  const o = transformExpr(ctx, coll);
  return ctx.callHelper("_js_live", ...(mode ? [o, py.num(mode)] : [o]));
}

function iterableOf(ctx: Ctx, expr: ts.Expression, body?: ts.Node): py.Expr {
  const live = body && liveIterable(ctx, expr, body);
  if (live) return live;
  let e = expr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.expression.getText() === "Object" &&
    e.arguments.length === 1
  ) {
    const t = T.typeOf(ctx, e.arguments[0]!);
    if (T.isDictLike(ctx, t)) {
      const m = e.expression.name.text;
      const o = transformExpr(ctx, e.arguments[0]!);
      if (m === "entries") return py.method(o, "items");
      if (m === "keys") return o;
      if (m === "values") return py.method(o, "values");
    }
  }
  const t = T.typeOf(ctx, expr);
  const v = transformExpr(ctx, expr);
  if (T.isMap(ctx, t)) return py.method(v, "items");
  if (
    v.kind === "Call" &&
    v.func.kind === "Name" &&
    v.func.id === "list" &&
    v.args.length === 1 &&
    v.args[0]!.kind === "pos"
  ) {
    const inner = (v.args[0] as { value: py.Expr }).value;
    if (
      inner.kind === "Call" &&
      inner.func.kind === "Attr" &&
      ["items", "values", "keys"].includes(inner.func.attr)
    )
      return inner;
  }
  return v;
}

function loopTarget(
  ctx: Ctx,
  init: ts.ForInitializer,
  elemType: ts.Type | undefined,
  pos: py.SrcPos,
): { target: py.Expr; prelude: py.Stmt[] } {
  if (ts.isVariableDeclarationList(init)) {
    const d = init.declarations[0]!;
    if (ts.isIdentifier(d.name)) return { target: py.name(ctx.declare(d.name)), prelude: [] };
    if (
      ts.isArrayBindingPattern(d.name) &&
      elemType &&
      T.tupleLength(ctx, elemType) === d.name.elements.length &&
      d.name.elements.every(
        (e) =>
          ts.isBindingElement(e) && ts.isIdentifier(e.name) && !e.initializer && !e.dotDotDotToken,
      )
    ) {
      return {
        target: py.tuple(
          d.name.elements.map((e) =>
            py.name(ctx.declare((e as ts.BindingElement).name as ts.Identifier)),
          ),
        ),
        prelude: [],
      };
    }
    const tmp = ctx.fresh(ts.isArrayBindingPattern(d.name) ? "_entry" : "_item");
    return {
      target: py.name(tmp),
      prelude: destructureTo(ctx, d.name, py.name(tmp), pos, elemType),
    };
  }
  const t = assignmentTarget(ctx, init);
  if (t.kind === "expr" && t.expr.kind === "Name") return { target: t.expr, prelude: [] };
  const tmp = ctx.fresh("_item");
  return {
    target: py.name(tmp),
    prelude:
      t.kind === "expr"
        ? [py.assign(t.expr, py.name(tmp), pos)]
        : [py.exprStmt(t.call(py.name(tmp)), pos)],
  };
}

function elementTypeOf(ctx: Ctx, node: ts.ForOfStatement): ts.Type | undefined {
  const init = node.initializer;
  if (ts.isVariableDeclarationList(init)) {
    const d = init.declarations[0]!;
    return ctx.checker.getTypeAtLocation(d.name);
  }
  return ctx.checker.getTypeAtLocation(init);
}

/** Iterator types whose value may be a generator (which a loop left early must close). */
const ITERATOR_TYPES = new Set(["Generator", "Iterator", "IterableIterator", "IteratorObject"]);

function forOf(ctx: Ctx, node: ts.ForOfStatement, labels: string[]): py.Stmt[] {
  if (node.awaitModifier) ctx.report(node, diag.asyncAwait());
  const pos = ctx.pos(node);
  let iter = iterableOf(ctx, node.expression, node.statement);
  // JavaScript closes the iterator of a loop left by break/return/throw (a generator's finally
  // runs, it is done afterwards). A generator made for the loop (`of gen()`) is closed by
  // CPython when the loop drops it; one kept in a variable or a field is closed here.
  let e = node.expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const lib = T.libTypeName(ctx, T.typeOf(ctx, node.expression));
  const closes = !!lib && ITERATOR_TYPES.has(lib) && !ts.isCallExpression(e);
  const before: py.Stmt[] = [];
  // held in a temporary: the body may assign the variable another iterator
  if (closes) {
    const tmp = ctx.fresh("_it");
    before.push(py.assign(py.name(tmp), iter, pos));
    iter = py.name(tmp);
  }
  const { target, prelude } = loopTarget(ctx, node.initializer, elementTypeOf(ctx, node), pos);
  const frame = newFrame("loop", node, labels);
  const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
  const loop = loopWithChecks(ctx, frame, {
    kind: "For",
    target,
    iter,
    body: [...prelude, ...body],
    pos,
  });
  if (!closes) return loop;
  const close =
    lib === "Generator" ? py.method(iter, "close") : ctx.callHelper("_js_iter_close", iter);
  return [
    ...before,
    {
      kind: "Try",
      body: loop,
      handlers: [],
      orelse: [],
      finalbody: [py.exprStmt(close, pos)],
      pos,
    },
  ];
}

function forIn(ctx: Ctx, node: ts.ForInStatement, labels: string[]): py.Stmt[] {
  const pos = ctx.pos(node);
  const t = T.typeOf(ctx, node.expression);
  const o = transformExpr(ctx, node.expression);
  const iter = T.isDictLike(ctx, t)
    ? T.mayHaveIndexKeys(ctx, t)
      ? ctx.callHelper("_js_own_keys", o) // array-index keys first, as JavaScript enumerates
      : o
    : (t.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Enum
      ? py.call("list", ctx.callHelper("_js_enum_fields", o))
      : ctx.callHelper("_js_keys", o);
  const { target, prelude } = loopTarget(ctx, node.initializer, undefined, pos);
  const frame = newFrame("loop", node, labels);
  const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
  return loopWithChecks(ctx, frame, {
    kind: "For",
    target,
    iter,
    body: [...prelude, ...body],
    pos,
  });
}

/** arr.forEach((x, i) => { … }) as a statement: the callback body becomes the loop body. */
export function inlineForEach(
  ctx: Ctx,
  cb: ts.ArrowFunction,
  makeLoop: (params: py.Expr[]) => { target: py.Expr; iter: py.Expr; before?: py.Stmt[] },
  pos: py.SrcPos,
): py.Stmt[] {
  ctx.scope.aliases.add(cb);
  const prelude: py.Stmt[] = [];
  const params = cb.parameters.map((p) => {
    if (ts.isIdentifier(p.name)) return py.name(ctx.declare(p.name));
    const tmp = ctx.fresh("_item");
    prelude.push(...destructureTo(ctx, p.name, py.name(tmp), pos));
    return py.name(tmp);
  });
  const idx = cb.parameters[1];
  const idxSym =
    idx && ts.isIdentifier(idx.name) ? ctx.checker.getSymbolAtLocation(idx.name) : undefined;
  const call = cb.parent;
  const onArray =
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    T.isArray(ctx, T.typeOf(ctx, call.expression.expression));
  if (idxSym && onArray) ctx.nonNegInts.add(idxSym);
  const loop = makeLoop(params);
  const frame = newFrame("loop", cb, []);
  ctx.inlineReturns.set(cb, frame);
  const body = withFrame(ctx, frame, () => {
    if (ts.isBlock(cb.body)) return transformStatements(ctx, cb.body.statements);
    return expressionStatement(ctx, cb.body);
  });
  return [
    ...(loop.before ?? []),
    ...loopWithChecks(ctx, frame, {
      kind: "For",
      target: loop.target,
      iter: loop.iter,
      body: [...prelude, ...body],
      pos,
    }),
  ];
}
