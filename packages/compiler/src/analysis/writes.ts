/**
 * Write analysis: which nodes assign a variable (directly, by destructuring, as a `for…of`
 * target), whether a closure assigns it, whether code can resize a list or change a Map/Set.
 */
import ts from "../ts.cjs";
import type { Ctx } from "../transform/context.js";
import * as T from "./types.js";

const K = ts.SyntaxKind;

/** The write facts of one program. */
export class WriteFacts {
  /** assignedInClosure per variable */
  readonly closureAssigned = new Map<ts.Symbol, boolean>();
}

/** Does `node` (a loop) write the variable: assignments, `++`, `for (x of …)` targets? */
export function writesVariable(ctx: Ctx, node: ts.Node, sym: ts.Symbol): boolean {
  if (assignsSymbol(ctx, node, sym)) return true;
  return ctx.analysis.index.writesIn(node).some((n) => {
    if (!(ts.isForOfStatement(n) || ts.isForInStatement(n))) return false;
    const t = n.initializer;
    return ts.isIdentifier(t) && ctx.resolveSymbol(t) === sym;
  });
}

export function assignsSymbol(ctx: Ctx, body: ts.Node, sym: ts.Symbol): boolean {
  return ctx.analysis.index.writesIn(body).some((n) => writeAssigns(ctx, n, sym));
}

/**
 * The target an assignment (`=`, `op=`), `++`/`--` or a `for…of`/`for…in` over an existing
 * variable (`for (x of xs)`) writes, if `n` is one.
 */
export function assignedTarget(n: ts.Node): ts.Expression | undefined {
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
export function writeAssigns(ctx: Ctx, n: ts.Node, sym: ts.Symbol): boolean {
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

/** Is the variable assigned inside a function other than the one declaring it (a closure)? */
export function assignedInClosure(ctx: Ctx, sym: ts.Symbol): boolean {
  const closureAssigned = ctx.analysis.writes.closureAssigned;
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
  const found = ctx.analysis.index
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

export function mutatesArrays(ctx: Ctx, body: ts.Node): boolean {
  let found = false;
  const isLib = (name: ts.Node): boolean => {
    const s = ctx.checker.getSymbolAtLocation(name);
    return !!s && T.isLibSymbol(ctx, s);
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
      if (s && s.flags & ts.SymbolFlags.Accessor && !T.isLibSymbol(ctx, s)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** Nodes in `region` that write the variable (assignments, ++/--, for…of/in targets). */
export function writesOf(ctx: Ctx, region: ts.Node, s: ts.Symbol): ts.Node[] {
  const out: ts.Node[] = [];
  for (const n of ctx.analysis.index.writesIn(region)) {
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
