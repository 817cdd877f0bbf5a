/** if / else if / else */
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import { condition } from "../expressions/convert.js";
import { transformStatement, transformStatements } from "./index.js";

function body(ctx: Ctx, s: ts.Statement): py.Stmt[] {
  return ts.isBlock(s) ? transformStatements(ctx, s.statements) : transformStatements(ctx, [s]);
}

export function transformIf(ctx: Ctx, node: ts.IfStatement): py.Stmt[] {
  const test = condition(ctx, node.expression);
  const then = body(ctx, node.thenStatement);
  let orelse: py.Stmt[] = [];
  if (node.elseStatement) {
    if (ts.isIfStatement(node.elseStatement)) {
      const [r, pre] = ctx.collect(() => transformStatement(ctx, node.elseStatement!));
      orelse = [...pre, ...r];
    } else orelse = body(ctx, node.elseStatement);
  }
  if (test === py.TRUE) return then;
  if (test === py.FALSE) return orelse;
  return [py.ifStmt(test, then, orelse, ctx.pos(node))];
}
