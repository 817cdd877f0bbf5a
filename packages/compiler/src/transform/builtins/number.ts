/** Number.prototype methods. */
import { diag } from "@bpyts/diagnostics";
import * as py from "../../python/ast.js";
import { transformExpr } from "../expressions/index.js";
import type { BuiltinCall } from "../expressions/call.js";

export function numberMethod(b: BuiltinCall): py.Expr | undefined {
  const { ctx, node, obj, name, args } = b;
  switch (name) {
    case "toFixed":
      return ctx.callHelper("_js_to_fixed", obj, ...(args[0] ? [transformExpr(ctx, args[0])] : []));
    case "toString":
      if (args.length === 0) return ctx.callHelper("_js_str", obj);
      return ctx.callHelper("_js_int_to_radix", obj, transformExpr(ctx, args[0]!));
    case "valueOf":
      return obj;
  }
  ctx.report(
    node,
    diag.unsupportedMember({ member: `Number.${name}${name === "toString" ? "(radix)" : ""}` }),
  );
  return py.NONE;
}
