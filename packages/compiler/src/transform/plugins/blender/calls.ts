/**
 * Blender layer: calls. mathutils operator macros (mathutils.ts), `new Set([...])` handed to
 * Blender as a real Python set (`{'FINISHED'}`; the core's JS Set is an insertion-ordered dict,
 * which bpy rejects), and `bpy.props.EnumFlagProperty` (`@pyName EnumProperty`) getting its
 * `options={'ENUM_FLAG'}`.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../../ts.cjs";
import * as py from "../../../python/ast.js";
import type { Ctx } from "../../context.js";
import { isLibSymbol } from "../../../analysis/types.js";
import { transformExpr } from "../../expressions/index.js";
import { mathutilsOperatorCall } from "./mathutils.js";
import { docComments, isPythonObjectType, isTypingsDecl, pyNameOf } from "./markers.js";
import { registeredCallback } from "./classes.js";

export function blenderCall(ctx: Ctx, node: ts.CallExpression): py.Expr | undefined {
  return mathutilsOperatorCall(ctx, node);
}

/** Post-process the core's arguments of a call into the typings (keyword-only RNA parameters, EnumFlagProperty). */
export function blenderArgs(ctx: Ctx, node: ts.CallExpression, args: py.Arg[]): py.Arg[] {
  return operatorArgs(ctx, node, enumFlagArgs(ctx, node, keywordOptionalArgs(ctx, node, args)));
}

/** Is this a call of an operator (`BpyOperator<O>`'s call signature in "bpy.ops")? */
function isOperatorCall(ctx: Ctx, node: ts.CallExpression): boolean {
  const decl = ctx.checker.getResolvedSignature(node)?.declaration;
  if (!decl || !ts.isCallSignatureDeclaration(decl) || !isTypingsDecl(ctx, decl)) return false;
  const owner = decl.parent;
  return ts.isInterfaceDeclaration(owner) && owner.name.text === "BpyOperator";
}

/** A value whose evaluation has no effect and that option values cannot change. */
function isFixedValue(ctx: Ctx, e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isStringLiteralLike(e) || e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (!ts.isIdentifier(e)) return false;
  const d = ctx.checker.getSymbolAtLocation(e)?.valueDeclaration;
  return (
    !!d &&
    ts.isVariableDeclaration(d) &&
    ts.isVariableDeclarationList(d.parent) &&
    (d.parent.flags & ts.NodeFlags.Const) !== 0
  );
}

/**
 * `bpy.ops.x.y(options, execution_context, undo)`: the typings take the options first (one
 * signature, so a misspelled option is one error with "Did you mean"), Python takes the context
 * and undo flag first, positionally: `bpy.ops.x.y('INVOKE_DEFAULT', True, size=2)`. Moving them
 * before the options would change the order JavaScript evaluates them in, so they must be
 * literals or const names (BPY2011 otherwise).
 */
function operatorArgs(ctx: Ctx, node: ts.CallExpression, args: py.Arg[]): py.Arg[] {
  if (node.arguments.length < 2 || !isOperatorCall(ctx, node)) return args;
  if (node.arguments.some(ts.isSpreadElement)) return args;
  const trailing = node.arguments.slice(1);
  for (const t of trailing) if (!isFixedValue(ctx, t)) ctx.report(t, diag.operatorContextOrder());
  // the options argument gives keyword entries (none for `undefined`); the trailing arguments
  // give one positional entry each, last in `args`
  const head = args.slice(0, args.length - trailing.length);
  const tail = args.slice(args.length - trailing.length);
  return [...tail, ...head];
}

const POSITIONAL_ONLY_CLASSES = new Set(["bpy_struct", "bpy_prop_collection", "bpy_prop_array"]);
const BPY_STRUCT_KEYWORD_METHODS = new Set(["keyframe_insert", "keyframe_delete"]);

/** The Python names of renamed parameters (`@pyName default_ default` on the function). */
function paramPyNames(d: ts.Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of docComments(d)) {
    for (const m of c.matchAll(/@pyName[ \t]+(\S+)[ \t]+(\S+)/g)) out.set(m[1]!, m[2]!);
  }
  return out;
}

/**
 * RNA functions take their optional parameters as keywords only (`Object.ray_cast(): required
 * parameter "distance" to be a keyword argument!`), but the typings declare them as optional
 * positional parameters: a positional argument at an optional parameter of a method of a
 * `bpy.types` class becomes `name=value` (Python name from `@pyName`). Python-defined methods
 * (`bpy.data.libraries.load(filepath, *, link=…)`) accept keywords too. Excluded: the C methods
 * of bpy_struct/bpy_prop_collection/bpy_prop_array, which are positional (`coll.get(key, default)`).
 */
export function keywordOptionalArgs(ctx: Ctx, node: ts.CallExpression, args: py.Arg[]): py.Arg[] {
  if (node.arguments.some(ts.isSpreadElement)) return args;
  const decl = ctx.checker.getResolvedSignature(node)?.declaration;
  if (!decl || ts.isJSDocSignature(decl) || !isTypingsDecl(ctx, decl)) return args;
  if (!ts.isMethodDeclaration(decl) && !ts.isMethodSignature(decl)) return args;
  const cls = decl.parent;
  if (!(ts.isClassDeclaration(cls) || ts.isInterfaceDeclaration(cls)) || !cls.name) return args;
  let inBpyTypes = false;
  for (let p: ts.Node | undefined = cls.parent; p; p = p.parent)
    if (ts.isModuleDeclaration(p) && ts.isStringLiteral(p.name)) {
      inBpyTypes = p.name.text === "bpy.types";
      break;
    }
  if (!inBpyTypes) return args;
  const methodName = decl.name.getText();
  if (POSITIONAL_ONLY_CLASSES.has(cls.name.text) && !BPY_STRUCT_KEYWORD_METHODS.has(methodName))
    return args;
  if (/Inherited from bpy_struct/.test(docComments(decl).join("\n"))) return args;
  const renames = paramPyNames(decl);
  const out: py.Arg[] = [];
  let k = 0;
  for (const a of args) {
    if (a.kind !== "pos") {
      out.push(a);
      continue;
    }
    const p = decl.parameters[k++];
    if (p && (p.questionToken || p.initializer) && !p.dotDotDotToken && ts.isIdentifier(p.name)) {
      const n = renames.get(p.name.text) ?? p.name.text;
      out.push({ kind: "kw", name: n, value: a.value });
    } else out.push(a);
  }
  return out;
}

/** `bpy.props.EnumFlagProperty({...})` without `options`: add `options={'ENUM_FLAG'}`. */
export function enumFlagArgs(ctx: Ctx, node: ts.CallExpression, args: py.Arg[]): py.Arg[] {
  let callee: ts.Expression = node.expression;
  while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
  const nameNode = ts.isPropertyAccessExpression(callee)
    ? callee.name
    : ts.isIdentifier(callee)
      ? callee
      : undefined;
  if (!nameNode) return args;
  const sym = ctx.checker.getSymbolAtLocation(nameNode);
  if (pyNameOf(ctx, sym) !== "EnumProperty") return args;
  if (
    args.some((a) => a.kind === "kw" && a.name === "options") ||
    args.some((a) => a.kind === "dstar")
  )
    return args;
  return [
    ...args,
    { kind: "kw", name: "options", value: { kind: "Set", elts: [py.str("ENUM_FLAG")] } },
  ];
}

function up(n: ts.Node): ts.Node {
  let p = n.parent;
  while (
    p &&
    (ts.isParenthesizedExpression(p) ||
      ts.isAsExpression(p) ||
      ts.isSatisfiesExpression(p) ||
      ts.isNonNullExpression(p))
  ) {
    n = p;
    p = p.parent;
  }
  return p;
}

function enclosingClassOf(n: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    if (ts.isClassLike(p)) return p;
    if (ts.isFunctionLike(p) && !ts.isMethodDeclaration(p) && !ts.isArrowFunction(p)) {
      if (!(ts.isFunctionExpression(p) || ts.isFunctionDeclaration(p))) continue;
      return undefined;
    }
  }
  return undefined;
}

function isBlenderClass(ctx: Ctx, c: ts.ClassLikeDeclaration | undefined): boolean {
  if (!c) return false;
  const t = ctx.checker.getTypeAtLocation(c);
  return isPythonObjectType(ctx, t);
}

/** Does the value of `node` go straight to Blender (a typings parameter, a bpy class member…)? */
export function flowsToBlender(ctx: Ctx, node: ts.Expression): boolean {
  let n: ts.Node = node;
  let p = up(n);
  // through object literal properties (KwArgs objects) and array literals
  for (;;) {
    if (p && ts.isPropertyAssignment(p) && p.initializer) {
      n = p.parent;
      p = up(n);
      continue;
    }
    if (p && ts.isArrayLiteralExpression(p)) {
      n = p;
      p = up(n);
      continue;
    }
    break;
  }
  if (!p) return false;
  if (
    (ts.isCallExpression(p) || ts.isNewExpression(p)) &&
    p.arguments?.includes(n as ts.Expression)
  ) {
    const sig = ctx.checker.getResolvedSignature(p);
    return isTypingsDecl(ctx, sig?.declaration);
  }
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === n)) {
    for (let f: ts.Node | undefined = p; f; f = f.parent) {
      // a callback handed to Blender (EnumProperty items, update, …): its result goes to Blender
      if (ts.isArrowFunction(f) || ts.isFunctionExpression(f)) return flowsToBlender(ctx, f);
      // what a registered callback (execute, invoke, …) returns goes to Blender; the class's
      // own helper methods return to the script
      if (ts.isMethodDeclaration(f))
        return (
          isBlenderClass(ctx, f.parent as ts.ClassLikeDeclaration) &&
          !!registeredCallback(ctx, f.parent as ts.ClassLikeDeclaration, f)
        );
      if (ts.isFunctionDeclaration(f) || ts.isFunctionExpression(f)) return false;
    }
    return false;
  }
  if (ts.isPropertyDeclaration(p) && p.initializer === n)
    return isBlenderClass(ctx, p.parent as ts.ClassLikeDeclaration);
  if (
    ts.isBinaryExpression(p) &&
    p.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    p.right === n &&
    ts.isPropertyAccessExpression(p.left)
  ) {
    const s = ctx.checker.getSymbolAtLocation(p.left.name);
    return !!s?.declarations?.some((d) => isTypingsDecl(ctx, d));
  }
  return false;
}

/** `new Set(...)` flowing to Blender → a Python set. */
export function blenderNew(ctx: Ctx, node: ts.NewExpression): py.Expr | undefined {
  let callee: ts.Expression = node.expression;
  while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
  if (!ts.isIdentifier(callee) || callee.text !== "Set") return undefined;
  const s = ctx.resolveSymbol(callee);
  if (!s || !isLibSymbol(ctx, s)) return undefined;
  if (!flowsToBlender(ctx, node)) return undefined;
  let a = node.arguments?.[0];
  if (!a) return { kind: "Set", elts: [] };
  while (ts.isAsExpression(a) || ts.isParenthesizedExpression(a) || ts.isSatisfiesExpression(a))
    a = a.expression;
  if (ts.isArrayLiteralExpression(a) && !a.elements.some(ts.isSpreadElement))
    return { kind: "Set", elts: a.elements.map((e) => transformExpr(ctx, e)) };
  return py.call("set", transformExpr(ctx, a));
}

/**
 * A JS `Set` value (not a `new Set(...)` literal, which `blenderNew` handles) handed to Blender: the
 * core represents JS sets as insertion-ordered dicts, which bpy rejects where it wants a set
 * (`libraries.write(path, s)`), so it crosses the boundary as `set(s)`.
 */
export function blenderSetValue(ctx: Ctx, node: ts.Expression, value: py.Expr): py.Expr {
  let inner = node;
  while (
    ts.isParenthesizedExpression(inner) ||
    ts.isAsExpression(inner) ||
    ts.isSatisfiesExpression(inner) ||
    ts.isNonNullExpression(inner)
  )
    inner = inner.expression;
  if (ts.isNewExpression(inner) || ts.isArrayLiteralExpression(inner)) return value;
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) return value;
  // what Blender's own functions return is a Python value already (bpy.props.EnumFlagProperty)
  if (
    ts.isCallExpression(inner) &&
    isTypingsDecl(ctx, ctx.checker.getResolvedSignature(inner)?.declaration)
  )
    return value;
  // where the value goes is known from the resolved call; its type is a fresh checker query
  if (!flowsToBlender(ctx, node)) return value;
  const t = ctx.checker.getTypeAtLocation(node);
  if (isJsSetType(ctx, t)) return py.call("set", value);
  // enum items held in a variable (`const ITEMS = [["A", "a", ""]] as const`): bpy wants tuples
  if (isArrayLike(ctx, t)) {
    const want = expectedTuples(ctx, node);
    if (want === "tuple") return py.call("tuple", value);
    if (want === "items") return ctx.callHelper("_js_bpy_items", value);
  }
  return value;
}

function isArrayLike(ctx: Ctx, t: ts.Type): boolean {
  const parts = (t.isUnion() ? t.types : [t]).filter(
    (p) => !(p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
  );
  return (
    parts.length > 0 && parts.every((p) => ctx.checker.isArrayType(p) || ctx.checker.isTupleType(p))
  );
}

/** A tuple type with non-number members (an enum item `[id, name, description]`)? */
function isRecordTuple(ctx: Ctx, p: ts.Type): boolean {
  if (!ctx.checker.isTupleType(p)) return false;
  const els = ctx.checker.getTypeArguments(p as ts.TypeReference);
  const prim = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike;
  return (
    els.every((e) =>
      (e.isUnion() ? e.types : [e]).every(
        (x) => !!(x.flags & (prim | ts.TypeFlags.Null | ts.TypeFlags.Undefined)),
      ),
    ) && els.some((e) => !(ctx.checker.getNonNullableType(e).flags & ts.TypeFlags.NumberLike))
  );
}

/**
 * What the typings expect where `node` goes: one record tuple ("tuple"), an array of them (enum
 * `items`: "items"), or neither.
 */
function expectedTuples(ctx: Ctx, node: ts.Expression): "tuple" | "items" | undefined {
  let ct = ctx.checker.getContextualType(node);
  if (!ct) return undefined;
  if (ct.flags & ts.TypeFlags.TypeParameter) ct = ctx.checker.getBaseConstraintOfType(ct) ?? ct;
  const parts = ct.isUnion() ? ct.types : [ct];
  if (parts.some((p) => isRecordTuple(ctx, p))) return "tuple";
  for (const p of parts) {
    if (!ctx.checker.isArrayType(p) && !ctx.checker.isTupleType(p)) continue;
    const els = ctx.checker.getTypeArguments(p as ts.TypeReference);
    if (els.some((el) => (el.isUnion() ? el.types : [el]).some((e) => isRecordTuple(ctx, e))))
      return "items";
  }
  return undefined;
}

/** Is `t` a JS `Set` (every non-nullish member of a union: `cond ? setA : setB`)? */
function isJsSetType(ctx: Ctx, t: ts.Type): boolean {
  const parts = (t.isUnion() ? t.types : [t]).filter(
    (p) => !(p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
  );
  return (
    parts.length > 0 &&
    parts.every((p) => {
      const sym = p.getSymbol();
      return (
        !!sym &&
        (sym.getName() === "Set" || sym.getName() === "ReadonlySet") &&
        isLibSymbol(ctx, sym)
      );
    })
  );
}

/**
 * An array literal handed to Blender where the typings expect a non-numeric tuple (`EnumProperty`
 * items `[id, name, description]`) is a Python tuple: bpy rejects lists for enum items.
 */
export function blenderArrayLiteral(
  ctx: Ctx,
  node: ts.ArrayLiteralExpression,
): py.Expr | undefined {
  if (node.elements.some((e) => ts.isSpreadElement(e) || ts.isOmittedExpression(e)))
    return undefined;
  const ct = ctx.checker.getContextualType(node);
  if (!ct) return undefined;
  // record-like tuples (enum items: identifier, name, description, …); numeric vectors stay
  // lists, which bpy accepts for float/int arrays
  const want = expectedTuples(ctx, node);
  if (!want || !flowsToBlender(ctx, node)) return undefined;
  if (want === "tuple") return py.tuple(node.elements.map((e) => transformExpr(ctx, e)));
  // an items list: the items held in variables (`[ITEM_A, ITEM_B]`) become tuples
  return py.list(node.elements.map((e) => blenderSetValue(ctx, e, transformExpr(ctx, e))));
}

/**
 * A function handed to Blender where the typings declare a function type (bpy.props `items`,
 * `update`, `get`, `set`, `poll`, timers, handlers…): Blender checks how many parameters the
 * Python function declares (`expected a function taking 2 arguments`), so it gets exactly the
 * typings' count. Undefined when the function does not go to Blender, or declares a rest
 * parameter or more parameters than the typings.
 */
export function blenderCallbackArity(
  ctx: Ctx,
  node: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration,
): number | undefined {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return undefined;
  if (node.parameters.some((p) => p.dotDotDotToken)) return undefined;
  const ct = ctx.checker.getContextualType(node);
  if (!ct) return undefined;
  let want: number | undefined;
  for (const t of ct.isUnion() ? ct.types : [ct]) {
    for (const sig of t.getCallSignatures()) {
      const d = sig.getDeclaration() as ts.SignatureDeclaration | undefined;
      if (!d || !isTypingsDecl(ctx, d) || d.parameters.some((p) => p.dotDotDotToken))
        return undefined;
      const n = d.parameters.filter(
        (p) => !(ts.isIdentifier(p.name) && p.name.text === "this"),
      ).length;
      if (want !== undefined && want !== n) return undefined;
      want = n;
    }
  }
  if (want === undefined || node.parameters.length > want) return undefined;
  return flowsToBlender(ctx, node) ? want : undefined;
}
