/** try/catch/finally and throw. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "../expressions/index.js";
import { transformStatements } from "./index.js";
import { destructureTo } from "./destructuring.js";

export function transformTry(ctx: Ctx, node: ts.TryStatement): py.Stmt[] {
  const body = transformStatements(ctx, node.tryBlock.statements);
  const handlers: py.Handler[] = [];
  if (node.catchClause) {
    const c = node.catchClause;
    let name: string | undefined;
    const pre: py.Stmt[] = [];
    if (c.variableDeclaration) {
      const n = c.variableDeclaration.name;
      if (ts.isIdentifier(n)) name = ctx.declare(n);
      else {
        name = ctx.fresh("_error");
        pre.push(...destructureTo(ctx, n, py.name(name), ctx.pos(c)));
      }
    }
    handlers.push({
      type: py.name("Exception"),
      name,
      body: [...pre, ...transformStatements(ctx, c.block.statements)],
      pos: ctx.pos(c),
    });
  }
  const finalbody = node.finallyBlock ? transformStatements(ctx, node.finallyBlock.statements) : [];
  if (node.finallyBlock && finalbody.length === 0) finalbody.push(py.pass());
  return [{ kind: "Try", body, handlers, orelse: [], finalbody, pos: ctx.pos(node) }];
}

function isErrorType(ctx: Ctx, t: ts.Type): boolean {
  if (T.isAnyLike(t)) return true;
  // `throw undefined` / a possibly-undefined error: Python's `raise None` is a TypeError
  const parts = T.nonNullParts(t);
  if (parts.length === 0 || T.hasNullish(t)) return false;
  return parts.every((p) => {
    const s = p.getSymbol();
    if (s && s.name.endsWith("Error") && T.isLibSymbol(ctx, s)) return true;
    if (p.isClass()) return ctx.checker.getBaseTypes(p).some((b) => isErrorType(ctx, b));
    return false;
  });
}

export function transformThrow(ctx: Ctx, node: ts.ThrowStatement): py.Stmt[] {
  const t = T.typeOf(ctx, node.expression);
  if (!isErrorType(ctx, t)) ctx.report(node.expression, diag.throwNonError());
  return [{ kind: "Raise", exc: transformExpr(ctx, node.expression), pos: ctx.pos(node) }];
}
