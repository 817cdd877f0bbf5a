/**
 * Float32Array / Float64Array: Python `array.array("f")` / `array.array("d")`. A store rounds to
 * single precision as JavaScript does, and Blender's `foreach_get`/`foreach_set` read and write
 * the buffer directly. Only the members whose meaning is kept are translated (BPY1016 otherwise).
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import { transformExpr, spreadItems } from "../expressions/index.js";
import type { BuiltinCall } from "../expressions/call.js";

const CODE: Record<string, string> = { Float32Array: "f", Float64Array: "d" };

/** `new Float32Array(length | iterable)` */
export function newTypedArray(ctx: Ctx, cls: string, arg: ts.Expression | undefined): py.Expr {
  if (!arg) return ctx.callHelper("_js_typed_array", py.str(CODE[cls]!), py.num(0));
  if (ts.isSpreadElement(arg))
    return ctx.callHelper("_js_typed_array", py.str(CODE[cls]!), py.NONE);
  return ctx.callHelper("_js_typed_array", py.str(CODE[cls]!), transformExpr(ctx, arg));
}

/** `Float32Array.from(iterable)`, `Float32Array.of(...xs)` */
export function typedArrayStatic(
  ctx: Ctx,
  cls: string,
  name: string,
  node: ts.CallExpression,
): py.Expr | undefined {
  if (name === "from" && node.arguments.length === 1)
    return ctx.callHelper(
      "_js_typed_array",
      py.str(CODE[cls]!),
      py.call("list", transformExpr(ctx, node.arguments[0]!)),
    );
  if (name === "of")
    return ctx.callHelper(
      "_js_typed_array",
      py.str(CODE[cls]!),
      py.list(
        node.arguments.map((a) =>
          ts.isSpreadElement(a)
            ? py.starred(spreadItems(ctx, a.expression))
            : transformExpr(ctx, a),
        ),
      ),
    );
  ctx.report(node, diag.unsupportedMember({ member: `${cls}.${name}` }));
  return py.NONE;
}

export function typedArrayMethod(b: BuiltinCall): py.Expr | undefined {
  const { ctx, node, obj, name, args } = b;
  const A = (i: number): py.Expr => transformExpr(ctx, args[i]!);
  const all = (): py.Expr[] => args.map((_, i) => A(i));
  switch (name) {
    case "fill":
    case "set":
    case "slice":
    case "indexOf":
    case "join":
      return ctx.callHelper(`_js_typed_${name}`, obj, ...all());
    case "includes":
      return py.compare(A(0), "in", obj);
    case "map":
    case "filter":
    case "reduce":
    case "forEach": {
      // the callback gets as many of (value, index, array) as it declares (Python counts them)
      const sig = ctx.checker.getTypeAtLocation(args[0]!).getCallSignatures()[0];
      const d = sig?.getDeclaration();
      const n =
        d && !d.parameters.some((p) => p.dotDotDotToken)
          ? d.parameters.length
          : name === "reduce"
            ? 4
            : 3;
      if (args.length === 1 || (name === "reduce" && args.length === 2))
        return ctx.callHelper(`_js_typed_${name}`, obj, A(0), py.num(n), ...all().slice(1));
    }
  }
  ctx.report(
    node,
    diag.unsupportedMember({ member: `${ctx.checker.typeToString(b.objType)}.${name}` }),
  );
  return py.NONE;
}
