/**
 * Assignment targets whose object or key must be evaluated once: `o[k] op= v`, `o.p++`, … read
 * and write the target, so its sub-expressions would otherwise be translated (and run) twice, or
 * after the right-hand side. JavaScript's order: object, key, read, right-hand side, write.
 */
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import { constNumber, isPureExpr } from "../../analysis/effects.js";
import { assignedInClosure, assignsSymbol } from "../../analysis/writes.js";
import { transformExpr } from "./index.js";
import { skipErased } from "./access.js";

export interface Temp {
  name: string;
  value: py.Expr;
}

/** The object (and key) of a property or element access target, in evaluation order. */
function targetParts(target: ts.Expression): ts.Expression[] {
  const t = skipErased(target);
  if (ts.isPropertyAccessExpression(t)) return [t.expression];
  if (ts.isElementAccessExpression(t)) return [t.expression, t.argumentExpression];
  return [];
}

/**
 * `e` is free of effects and gives the same value when evaluated again after `later` ran: the
 * later code is free of effects too, or `e` reads only constants and variables that the later
 * code does not assign (directly or through a closure).
 */
function stableAfter(ctx: Ctx, e: ts.Expression, later: readonly ts.Expression[]): boolean {
  const inner = skipErased(e);
  if (inner.kind === ts.SyntaxKind.ThisKeyword || inner.kind === ts.SyntaxKind.SuperKeyword)
    return true;
  if (!isPureExpr(ctx, e)) return false;
  if (later.every((l) => isPureExpr(ctx, l))) return true;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (ts.isExpression(n) && constNumber(ctx, n) !== undefined) return;
    if (ts.isIdentifier(n)) {
      const s = ctx.resolveSymbol(n);
      if (!s || !(s.flags & ts.SymbolFlags.Variable)) return;
      const d = s.valueDeclaration;
      if (d && ts.isVariableDeclaration(d) && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const)
        return;
      if (assignedInClosure(ctx, s) || later.some((l) => assignsSymbol(ctx, l, s))) ok = false;
      return;
    }
    // a property or element may be changed by any code that runs
    if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
      ok = false;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(e);
  return ok;
}

/**
 * Run `fn` with the object and key of each target evaluated into a temporary where needed:
 * where they have effects, or may change before they are evaluated again (after the later parts
 * and `later`). `simpleObject`: also when the object does not translate to a plain name or
 * attribute chain (the `_js_assign_item`-style helpers take it as an argument). transformExpr
 * gives the temporary for those parts while `fn` runs; `fn` gets them in evaluation order, to
 * assign before the statement or to bind with `bindTemps`.
 */
/** Would an object or key of the targets need a temporary (see withEvaluatedTargets)? */
export function needsTemps(
  ctx: Ctx,
  targets: readonly ts.Expression[],
  later: readonly ts.Expression[],
): boolean {
  const parts = targets.flatMap(targetParts);
  return parts.some((p, i) => !stableAfter(ctx, p, [...parts.slice(i + 1), ...later]));
}

export function withEvaluatedTargets<R>(
  ctx: Ctx,
  targets: readonly ts.Expression[],
  later: readonly ts.Expression[],
  simpleObject: boolean,
  fn: (temps: Temp[]) => R,
): R {
  const parts: { node: ts.Expression; object: boolean }[] = [];
  for (const t of targets)
    targetParts(t).forEach((node, i) => parts.push({ node, object: i === 0 }));
  const temps: Temp[] = [];
  const installed: ts.Node[] = [];
  try {
    parts.forEach(({ node, object }, i) => {
      const rest = [...parts.slice(i + 1).map((p) => p.node), ...later];
      const stable = stableAfter(ctx, node, rest);
      if (stable && !(simpleObject && object)) return;
      const value = transformExpr(ctx, node);
      let e = value;
      if (!stable || !py.isSimple(value)) {
        const name = ctx.temp();
        temps.push({ name, value });
        e = py.name(name);
      }
      ctx.exprOverrides.set(node, e);
      installed.push(node);
    });
    return fn(temps);
  } finally {
    for (const n of installed) ctx.exprOverrides.delete(n);
  }
}

/** `_t = value` statements for temporaries evaluated before a statement. */
export function tempAssignments(temps: readonly Temp[]): py.Stmt[] {
  return temps.map((t) => py.assign(py.name(t.name), t.value));
}

/**
 * Bind each temporary with a walrus `(_t := value)` at its first use in evaluation order, in the
 * order of `temps`. Undefined when a use comes first in a part evaluated only conditionally or
 * later (a branch, a lambda), or a temporary is not used at all.
 */
export function bindTemps(e: py.Expr, temps: readonly Temp[]): py.Expr | undefined {
  if (temps.length === 0) return e;
  let next = 0;
  let failed = false;
  const walk = (x: py.Expr, eager: boolean): py.Expr => {
    if (failed) return x;
    const w = (y: py.Expr, first = eager): py.Expr => walk(y, first);
    const opt = (y: py.Expr | undefined): py.Expr | undefined => (y ? w(y) : undefined);
    switch (x.kind) {
      case "Name": {
        const i = temps.findIndex((t) => t.name === x.id);
        if (i < 0 || i < next) return x;
        if (i > next || !eager) {
          failed = true;
          return x;
        }
        next++;
        return py.walrus(x.id, temps[i]!.value);
      }
      case "Const":
        return x;
      case "Attr":
        return { ...x, value: w(x.value) };
      case "Sub": {
        const value = w(x.value);
        return { ...x, value, index: w(x.index) };
      }
      case "Slice": {
        const lower = opt(x.lower);
        const upper = opt(x.upper);
        return { ...x, lower, upper, step: opt(x.step) };
      }
      case "Call": {
        const func = w(x.func);
        return { ...x, func, args: x.args.map((a) => ({ ...a, value: w(a.value) })) };
      }
      case "BinOp": {
        const left = w(x.left);
        return { ...x, left, right: w(x.right) };
      }
      case "Unary":
        return { ...x, operand: w(x.operand) };
      case "BoolOp":
        return { ...x, values: x.values.map((v, i) => w(v, eager && i === 0)) };
      case "Compare": {
        const left = w(x.left);
        return { ...x, left, comparators: x.comparators.map((c, i) => w(c, eager && i === 0)) };
      }
      case "IfExp": {
        const test = w(x.test);
        return { ...x, test, body: w(x.body, false), orelse: w(x.orelse, false) };
      }
      case "Lambda":
        return { ...x, body: w(x.body, false) };
      case "List":
      case "Tuple":
      case "Set":
        return { ...x, elts: x.elts.map((v) => w(v)) } as py.Expr;
      case "Dict":
        return {
          ...x,
          entries: x.entries.map((en) =>
            "spread" in en
              ? { spread: w(en.spread) }
              : (() => {
                  const key = w(en.key);
                  return { key, value: w(en.value) };
                })(),
          ),
        };
      case "Starred":
        return { ...x, value: w(x.value) };
      case "Walrus":
        return { ...x, value: w(x.value) };
      case "Yield":
        return { ...x, value: opt(x.value) };
      case "Comp":
        return {
          ...x,
          elt: w(x.elt, false),
          value: x.value && w(x.value, false),
          fors: x.fors.map((f, i) => ({
            target: f.target,
            iter: w(f.iter, eager && i === 0),
            conds: f.conds.map((c) => w(c, false)),
          })),
        };
      case "FString":
        return { ...x, parts: x.parts.map((p) => (typeof p === "string" ? p : w(p))) };
    }
  };
  const out = walk(e, true);
  return failed || next < temps.length ? undefined : out;
}
