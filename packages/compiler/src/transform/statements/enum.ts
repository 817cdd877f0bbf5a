/** enum and const enum: a class with one attribute per member. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import { transformExpr } from "../expressions/index.js";
import { memberName, staticPropertyName } from "../expressions/access.js";

export function transformEnum(ctx: Ctx, node: ts.EnumDeclaration): py.Stmt[] {
  if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return [];
  const name = ctx.declare(node.name);
  const sym = ctx.checker.getSymbolAtLocation(node.name);
  // a later declaration of a merged enum adds its members to the class
  const first = sym?.declarations?.find(ts.isEnumDeclaration);
  const target = first && first !== node ? py.name(name) : undefined;
  const body: py.Stmt[] = [];
  for (const m of node.members) {
    const v = ctx.checker.getConstantValue(m);
    let value: py.Expr;
    // tsc writes a -0 member as the literal 0
    if (typeof v === "number") value = py.num(v === 0 ? 0 : v);
    else if (typeof v === "string") value = py.str(v);
    else value = m.initializer ? transformExpr(ctx, m.initializer) : py.NONE;
    // identifiers, string literals and literal computed names (`["a b"]`): TypeScript refuses
    // any other enum member name
    const key = staticPropertyName(m.name);
    if (key === undefined) {
      ctx.report(m.name, diag.unsupportedSyntax({ construct: "computed enum member names" }));
      continue;
    }
    const k = memberName(key);
    body.push(py.assign(target ? py.attr(target, k) : py.name(k), value, ctx.pos(m)));
  }
  if (target) return body;
  return [{ kind: "Class", name, bases: [], body, decorators: [], pos: ctx.pos(node) }];
}
