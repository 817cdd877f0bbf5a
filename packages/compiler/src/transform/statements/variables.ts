/** let/const/var declarations. */
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "../expressions/index.js";
import { buildDef } from "../functions.js";
import { destructureTo } from "./destructuring.js";

export function transformVariableStatement(ctx: Ctx, node: ts.VariableStatement): py.Stmt[] {
  if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return [];
  return transformDeclarationList(ctx, node.declarationList);
}

export function transformDeclarationList(ctx: Ctx, list: ts.VariableDeclarationList): py.Stmt[] {
  const out: py.Stmt[] = [];
  for (const d of list.declarations) {
    const pos = ctx.pos(d);
    let init = d.initializer;
    while (
      init &&
      (ts.isParenthesizedExpression(init) ||
        ts.isAsExpression(init) ||
        ts.isSatisfiesExpression(init))
    )
      init = init.expression;
    if (ts.isIdentifier(d.name)) {
      if (init && (ts.isArrowFunction(init) || (ts.isFunctionExpression(init) && !init.name))) {
        const name = ctx.declare(d.name);
        const def = buildDef(ctx, init, name);
        def.pos = pos;
        out.push(def);
        continue;
      }
      const value = d.initializer ? transformExpr(ctx, d.initializer) : py.NONE;
      const name = ctx.declare(d.name);
      out.push(py.assign(py.name(name), value, pos));
    } else {
      const value = d.initializer ? transformExpr(ctx, d.initializer) : py.NONE;
      out.push(
        ...destructureTo(
          ctx,
          d.name,
          value,
          pos,
          d.initializer ? T.typeOf(ctx, d.initializer) : undefined,
        ),
      );
    }
  }
  return out;
}
