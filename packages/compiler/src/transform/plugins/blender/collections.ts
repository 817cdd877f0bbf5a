/**
 * Blender layer: values of Python types (RNA structs, `bpy_prop_collection<T>` intersected with
 * their wrapper structs, mathutils, bmesh…) are Python objects, not JS records: attribute access,
 * plain method calls, plain subscription (Python raises IndexError out of range, no JS
 * `undefined`), `.length` → `len(x)` only where the typings declare it (see markers.ts).
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../../ts.cjs";
import * as py from "../../../python/ast.js";
import type { Ctx } from "../../context.js";
import { transformExpr } from "../../expressions/index.js";
import {
  isLenMember,
  isPythonObjectType,
  isTypingsDecl,
  isTypingsDictType,
  pyNameOf,
} from "./markers.js";

function memberSymbol(ctx: Ctx, name: ts.MemberName): ts.Symbol | undefined {
  return ctx.checker.getSymbolAtLocation(name);
}

/** `obj.name` where obj is a Blender value or the member is a typings declaration. */
export function blenderPropertyGet(
  ctx: Ctx,
  node: ts.PropertyAccessExpression,
  obj: py.Expr,
  objType: ts.Type,
): py.Expr | undefined {
  const sym = memberSymbol(ctx, node.name);
  const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
  const name = node.name.text;
  if (name === "length" && isLenMember(ctx, decl)) return py.call("len", obj);
  if (isTypingsDictType(ctx, objType)) return py.sub(obj, py.str(name)); // bmesh.ops results
  if (!sym && isPythonObjectType(ctx, objType) && objType.getStringIndexType()) {
    // `objects.Cube` reaches the collection's by-name index signature: it would be Python's
    // `objects["Cube"]`, but it is more often a misspelled member (`objects.lenght`)
    ctx.report(node.name, diag.collectionDotName({ name: name }));
    return py.sub(obj, py.str(name));
  }
  const renamed = pyNameOf(ctx, sym);
  if (renamed) return py.attrOrGetattr(obj, renamed);
  if (isPythonObjectType(ctx, objType) && (!decl || isTypingsDecl(ctx, decl)))
    return py.attrOrGetattr(obj, name);
  return undefined;
}

/** `coll[i]`, `v[0]`, `m[0]` on Blender values: plain Python subscription. */
export function blenderElementGet(
  ctx: Ctx,
  node: ts.ElementAccessExpression,
  obj: py.Expr,
  objType: ts.Type,
): py.Expr | undefined {
  if (!isPythonObjectType(ctx, objType) || isUserClassInstance(ctx, objType)) return undefined;
  return py.sub(obj, transformExpr(ctx, node.argumentExpression));
}

/** Assignment target `obj.name = …` on a Blender value. */
export function blenderPropertyTarget(
  ctx: Ctx,
  node: ts.PropertyAccessExpression,
  objType: ts.Type,
): py.Expr | undefined {
  const sym = memberSymbol(ctx, node.name);
  const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
  if (!isPythonObjectType(ctx, objType) || (decl && !isTypingsDecl(ctx, decl))) return undefined;
  const name = pyNameOf(ctx, sym) ?? node.name.text;
  // a name Python cannot read as an identifier: the core's setattr target
  if (!py.isPyIdentifier(name)) return undefined;
  return py.attr(transformExpr(ctx, node.expression), name);
}

/** Is the type an instance of a class written by the user (maybe extending a typings class)? */
function isUserClassInstance(ctx: Ctx, t: ts.Type): boolean {
  const s = ctx.checker.getNonNullableType(t).getSymbol();
  return (
    !!s && !!(s.flags & ts.SymbolFlags.Class) && !s.declarations?.some((d) => isTypingsDecl(ctx, d))
  );
}
