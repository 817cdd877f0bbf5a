/**
 * Blender layer: context managers. `using x = f()` where `f` returns `ContextManager<T>`
 * (bpy.data.libraries.load, bpy.data.temp_data, Context.temp_override, …) becomes
 * `with f() as x:` wrapping the rest of the enclosing block; consecutive `using` declarations
 * share one `with a as x, b as y:`, later ones nest.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../../ts.cjs";
import * as py from "../../../python/ast.js";
import type { Ctx } from "../../context.js";
import { typeOf } from "../../../analysis/types.js";
import { transformExpr } from "../../expressions/index.js";
import { isDisposableType, returnsContextManager } from "./markers.js";
import { skipParensAndNonNull } from "../../../analysis/effects.js";

export function isUsingStatement(s: ts.Statement): s is ts.VariableStatement {
  return ts.isVariableStatement(s) && !!(s.declarationList.flags & ts.NodeFlags.Using);
}

function isContextManagerInit(ctx: Ctx, e: ts.Expression): boolean {
  const x = skipParensAndNonNull(e);
  if (ts.isCallExpression(x) && returnsContextManager(ctx, ctx.checker.getResolvedSignature(x)))
    return true;
  return isDisposableType(typeOf(ctx, e));
}

/**
 * Translate `using` statements starting at `stmts[0]` together with everything after them in the
 * block (`rest` is translated by the callback so function hoisting etc. stay the core's).
 */
export function transformUsing(
  ctx: Ctx,
  stmts: readonly ts.Statement[],
  transformRest: (rest: readonly ts.Statement[]) => py.Stmt[],
): py.Stmt[] {
  let i = 0;
  const items: py.WithStmt["items"] = [];
  const pre: py.Stmt[] = [];
  const first = stmts[0]!;
  while (i < stmts.length && isUsingStatement(stmts[i]!)) {
    const st = stmts[i] as ts.VariableStatement;
    const list = st.declarationList;
    if ((list.flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing)
      ctx.report(st, diag.awaitUsing());
    for (const d of list.declarations) {
      if (!d.initializer) continue;
      if (!isContextManagerInit(ctx, d.initializer))
        ctx.report(
          d.initializer,
          diag.usingNotContextManager({
            type: ctx.checker.typeToString(typeOf(ctx, d.initializer)),
          }),
        );
      const [e, p] = ctx.collect(() => transformExpr(ctx, d.initializer!));
      pre.push(...p);
      const target = ts.isIdentifier(d.name) ? py.name(ctx.declare(d.name)) : undefined;
      items.push({ expr: e, target });
    }
    i++;
  }
  const body = transformRest(stmts.slice(i));
  return [
    ...pre,
    { kind: "With", items, body: body.length ? body : [py.pass()], pos: ctx.pos(first) },
  ];
}

/**
 * A call returning `ContextManager<T>` anywhere but a `using` initializer (`const [a, b] =
 * bpy.data.libraries.load(p)`, `temp_override(…)` called for effect): in Python the value is
 * only usable inside `with`, so it would fail at run time (`'bpy_lib' object is not iterable`).
 * `return f()` is left alone: the caller's `using` is checked where it binds the value.
 */
export function checkContextManagerUse(ctx: Ctx, node: ts.CallExpression): void {
  if (!returnsContextManager(ctx, ctx.checker.getResolvedSignature(node))) return;
  let at: ts.Node = node;
  while (
    ts.isParenthesizedExpression(at.parent) ||
    ts.isNonNullExpression(at.parent) ||
    ts.isAsExpression(at.parent) ||
    ts.isSatisfiesExpression(at.parent)
  )
    at = at.parent;
  const p = at.parent;
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === at)) return;
  if (
    ts.isVariableDeclaration(p) &&
    p.initializer === at &&
    ts.isVariableDeclarationList(p.parent) &&
    p.parent.flags & ts.NodeFlags.Using
  )
    return;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee)
    ? callee.getText().replace(/\s+/g, "")
    : callee.getText();
  ctx.report(node, diag.contextManagerWithoutUsing({ name: name }));
}
