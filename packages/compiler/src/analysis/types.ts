/** Type queries used to pick translations; their answers are facts of the program's analysis. */
import ts from "../ts.cjs";
import type { Ctx } from "../transform/context.js";

/**
 * The type facts of one program, memoized: the program is fully checked and does not change, so
 * every answer is stable for the whole transform.
 */
export class TypeFacts {
  /** per node: `typeOf`, shared with the memoized checker's `getTypeAtLocation` */
  readonly types = new Map<ts.Node, ts.Type>();
  /** isDictLike per type */
  readonly dictLike = new Map<ts.Type, boolean>();
  /** per symbol / declaration: asked for most identifiers and type parts (a parent walk, regexes) */
  readonly libSymbols = new Map<ts.Symbol, boolean>();
  readonly ambientDecls = new Map<ts.Node, boolean>();
  /** interfaces/type aliases named in a class's `implements` clause (computed when first asked) */
  implemented: Set<ts.Symbol> | undefined;
}

export function typeOf(ctx: Ctx, node: ts.Node): ts.Type {
  const types = ctx.analysis.types.types;
  let t = types.get(node);
  if (t === undefined)
    types.set(node, (t = knownType(ctx, node) ?? ctx.checker.getTypeAtLocation(node)));
  return t;
}

/** Interfaces/type aliases named in a class's `implements` clause: their values are objects. */
export function implementedInterfaces(ctx: Ctx): Set<ts.Symbol> {
  const facts = ctx.analysis.types;
  if (facts.implemented) return facts.implemented;
  const out = new Set<ts.Symbol>();
  for (const sf of ctx.program.getSourceFiles()) {
    // keywords cannot be written with escapes: no such text, no such clause
    if (sf.isDeclarationFile || !sf.text.includes("implements")) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isClassLike(n)) {
        for (const h of n.heritageClauses ?? []) {
          if (h.token !== ts.SyntaxKind.ImplementsKeyword) continue;
          for (const t of h.types) {
            const s = ctx.checker.getTypeAtLocation(t).getSymbol();
            if (s) out.add(s);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return (facts.implemented = out);
}

const K = ts.SyntaxKind;

/**
 * The checker's answer for expressions whose type follows from their syntax and their operands'
 * (cached) types, mirroring checkBinaryLikeExpression: `getTypeAtLocation` re-checks the whole
 * subtree (flow analysis of every identifier) on each call, once more for every enclosing query.
 * Anything not provably identical is left to the checker.
 */
function knownType(ctx: Ctx, node: ts.Node): ts.Type | undefined {
  // JSDoc type assertions `/** @type {T} */ (x)` exist in JS files only
  if (node.flags & ts.NodeFlags.JavaScriptFile) return undefined;
  if (node.kind === K.ParenthesizedExpression)
    return typeOf(ctx, (node as ts.ParenthesizedExpression).expression);
  if (node.kind === K.CallExpression) return callType(ctx, node as ts.CallExpression);
  if (node.kind !== K.BinaryExpression) return undefined;
  const b = node as ts.BinaryExpression;
  switch (b.operatorToken.kind) {
    case K.LessThanToken:
    case K.GreaterThanToken:
    case K.LessThanEqualsToken:
    case K.GreaterThanEqualsToken:
    case K.EqualsEqualsToken:
    case K.ExclamationEqualsToken:
    case K.EqualsEqualsEqualsToken:
    case K.ExclamationEqualsEqualsToken:
    case K.InstanceOfKeyword:
    case K.InKeyword:
      return ctx.checker.getBooleanType();
    case K.MinusToken:
    case K.AsteriskToken:
    case K.AsteriskAsteriskToken:
    case K.SlashToken:
    case K.PercentToken:
    case K.LessThanLessThanToken:
    case K.GreaterThanGreaterThanToken:
    case K.GreaterThanGreaterThanGreaterThanToken:
    case K.AmpersandToken:
    case K.BarToken:
    case K.CaretToken:
      // `number` unless an operand may be a bigint
      return allParts(typeOf(ctx, b.left), ts.TypeFlags.NumberLike) &&
        allParts(typeOf(ctx, b.right), ts.TypeFlags.NumberLike)
        ? ctx.checker.getNumberType()
        : undefined;
    case K.PlusToken: {
      const lt = typeOf(ctx, b.left);
      const rt = typeOf(ctx, b.right);
      if (allParts(lt, ts.TypeFlags.NumberLike) && allParts(rt, ts.TypeFlags.NumberLike))
        return ctx.checker.getNumberType();
      if (allParts(lt, ts.TypeFlags.StringLike) || allParts(rt, ts.TypeFlags.StringLike))
        return ctx.checker.getStringType();
      return undefined;
    }
  }
  return undefined;
}

/**
 * A call's type is the return type of its resolved signature (cached by the check), as in
 * checkCallExpression; the checker would re-check the callee for it. Left to the checker: `super`
 * and `import()` calls, optional chains, `Symbol()` (unique symbols) and fresh literal types.
 */
function callType(ctx: Ctx, node: ts.CallExpression): ts.Type | undefined {
  const callee = node.expression.kind;
  if (callee === K.SuperKeyword || callee === K.ImportKeyword) return undefined;
  if (node.flags & ts.NodeFlags.OptionalChain) return undefined;
  const sig = ctx.checker.getResolvedSignature(node);
  if (!sig) return undefined;
  const t = ctx.checker.getReturnTypeOfSignature(sig);
  if (t.flags & ts.TypeFlags.ESSymbolLike) return undefined;
  // getTypeAtLocation answers the regular (non-fresh) literal type
  if (t.flags & ts.TypeFlags.Freshable) return (t as ts.FreshableType).regularType;
  if (
    t.isUnion() &&
    t.types.some(
      (p) => p.flags & ts.TypeFlags.Freshable && (p as ts.FreshableType).regularType !== p,
    )
  )
    return undefined;
  return t;
}

/** Is every union member (or the type itself) of one of the `flags` kinds? */
function allParts(t: ts.Type, flags: ts.TypeFlags): boolean {
  if (t.flags & flags) return true;
  return t.isUnion() && t.types.every((p) => !!(p.flags & flags));
}

const NULLISH = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;

export function nonNullParts(t: ts.Type): ts.Type[] {
  if (!t.isUnion()) return t.flags & NULLISH ? [] : [t];
  return t.types.filter((p) => !(p.flags & NULLISH));
}

// the predicates below are asked for most expressions: no arrays are built for them

/** Does some union member (or the type itself) have one of the `flags`? */
function someParts(t: ts.Type, flags: ts.TypeFlags): boolean {
  if (!t.isUnion()) return !!(t.flags & flags);
  for (const p of t.types) if (p.flags & flags) return true;
  return false;
}

export function hasNullish(t: ts.Type): boolean {
  return someParts(t, NULLISH);
}
export function hasNull(t: ts.Type): boolean {
  return someParts(t, ts.TypeFlags.Null);
}
export function hasUndefined(t: ts.Type): boolean {
  return someParts(t, ts.TypeFlags.Undefined | ts.TypeFlags.Void);
}
export function isNullishOnly(t: ts.Type): boolean {
  if (!t.isUnion()) return !!(t.flags & NULLISH);
  return t.types.every((p) => p.flags & NULLISH);
}

export function isAnyLike(t: ts.Type): boolean {
  return someParts(t, ts.TypeFlags.Any | ts.TypeFlags.Unknown);
}

/** `pred` holds for every (non-nullish, with `allowNull`) part, and there is one. */
function every(t: ts.Type, pred: (p: ts.Type) => boolean, allowNull = false): boolean {
  if (!t.isUnion()) return !(allowNull && t.flags & NULLISH) && pred(t);
  let any = false;
  for (const p of t.types) {
    if (allowNull && p.flags & NULLISH) continue;
    if (!pred(p)) return false;
    any = true;
  }
  return any;
}

function baseConstraint(ctx: Ctx, t: ts.Type): ts.Type {
  if (t.flags & ts.TypeFlags.TypeParameter) return ctx.checker.getBaseConstraintOfType(t) ?? t;
  return t;
}

export function isNumber(ctx: Ctx, t: ts.Type, allowNull = false): boolean {
  t = baseConstraint(ctx, t);
  return every(t, (p) => !!(p.flags & ts.TypeFlags.NumberLike), allowNull);
}
export function isString(ctx: Ctx, t: ts.Type, allowNull = false): boolean {
  t = baseConstraint(ctx, t);
  return every(t, (p) => !!(p.flags & ts.TypeFlags.StringLike), allowNull);
}
export function isBoolean(ctx: Ctx, t: ts.Type, allowNull = false): boolean {
  t = baseConstraint(ctx, t);
  return every(t, (p) => !!(p.flags & ts.TypeFlags.BooleanLike), allowNull);
}
export function isPrimitive(ctx: Ctx, t: ts.Type): boolean {
  return every(
    t,
    (p) =>
      !!(p.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BooleanLike)),
  );
}

export function isArray(ctx: Ctx, t: ts.Type, allowNull = false): boolean {
  t = baseConstraint(ctx, t);
  return every(
    t,
    (p) => ctx.checker.isArrayType(p) || ctx.checker.isTupleType(p) || isReadonlyArray(ctx, p),
    allowNull,
  );
}
function isReadonlyArray(ctx: Ctx, t: ts.Type): boolean {
  const s = t.getSymbol();
  return !!s && s.name === "ReadonlyArray" && isLibSymbol(ctx, s);
}
export function isTuple(ctx: Ctx, t: ts.Type): boolean {
  return ctx.checker.isTupleType(t);
}
export function tupleLength(ctx: Ctx, t: ts.Type): number | undefined {
  if (!ctx.checker.isTupleType(t)) return undefined;
  const target = (t as ts.TypeReference).target as ts.TupleType;
  if (target.hasRestElement || target.minLength !== target.fixedLength) return undefined;
  return target.fixedLength;
}

export function isLibSymbol(ctx: Ctx, s: ts.Symbol): boolean {
  const libSymbols = ctx.analysis.types.libSymbols;
  let r = libSymbols.get(s);
  if (r === undefined) libSymbols.set(s, (r = isLibSymbolUncached(s)));
  return r;
}

function isLibSymbolUncached(s: ts.Symbol): boolean {
  const d = s.declarations?.[0];
  if (!d) return false;
  const f = d.getSourceFile().fileName;
  return isLibFile(f) || f.includes("bpyts-globals.d.ts");
}

/** One of TypeScript's own `lib.*.d.ts` files. */
export function isLibFile(fileName: string): boolean {
  return (
    /[\\/]typescript[\\/]lib[\\/]lib\./.test(fileName) ||
    /(^|[\\/])lib\.[a-z0-9.]+\.d\.ts$/.test(fileName)
  );
}

/** Named lib type (Map, Set, Array, Error, …), looking through unions with null. */
export function libTypeName(ctx: Ctx, t: ts.Type): string | undefined {
  t = baseConstraint(ctx, t);
  const ps = nonNullParts(t);
  if (ps.length === 0) return undefined;
  let result: string | undefined;
  for (const p of ps) {
    const s = p.getSymbol();
    if (!s || !isLibSymbol(ctx, s)) return undefined;
    if (result && result !== s.name) return undefined;
    result = s.name;
  }
  return result;
}

/** Float32Array / Float64Array: Python array.array("f" / "d"). */
export function isTypedArray(ctx: Ctx, t: ts.Type): boolean {
  const n = libTypeName(ctx, t);
  return n === "Float32Array" || n === "Float64Array";
}

export function isMap(ctx: Ctx, t: ts.Type): boolean {
  const n = libTypeName(ctx, t);
  return n === "Map" || n === "ReadonlyMap";
}
export function isSet(ctx: Ctx, t: ts.Type): boolean {
  const n = libTypeName(ctx, t);
  return n === "Set" || n === "ReadonlySet";
}

/** Is the declaration in an ambient module (Blender typings) or a .d.ts file that is not the lib? */
export function isAmbientDecl(ctx: Ctx, d: ts.Node): boolean {
  const ambientDecls = ctx.analysis.types.ambientDecls;
  let r = ambientDecls.get(d);
  if (r === undefined) ambientDecls.set(d, (r = isAmbientDeclUncached(d)));
  return r;
}

function isAmbientDeclUncached(d: ts.Node): boolean {
  const sf = d.getSourceFile();
  if (!sf.isDeclarationFile) {
    for (let p: ts.Node | undefined = d; p; p = p.parent) {
      if (
        ts.isModuleDeclaration(p) &&
        p.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
      )
        return true;
    }
    return false;
  }
  return (
    !/[\\/]typescript[\\/]lib[\\/]/.test(sf.fileName) && !sf.fileName.includes("bpyts-globals.d.ts")
  );
}

export function isAmbientType(ctx: Ctx, t: ts.Type): boolean {
  const ps = nonNullParts(t);
  return (
    ps.length > 0 &&
    ps.every((p) => {
      const s = p.getSymbol();
      const d = s?.declarations?.[0];
      return !!d && isAmbientDecl(ctx, d);
    })
  );
}

export function isClassInstance(ctx: Ctx, t: ts.Type): boolean {
  const ps = nonNullParts(baseConstraint(ctx, t));
  return (
    ps.length > 0 &&
    ps.every((p) => {
      const s = p.getSymbol();
      return !!s && !!(s.flags & ts.SymbolFlags.Class) && !isAmbientDecl(ctx, s.declarations![0]!);
    })
  );
}

export function isFunctionType(t: ts.Type): boolean {
  return (
    nonNullParts(t).length > 0 &&
    nonNullParts(t).every((p) => p.getCallSignatures().length > 0 && p.getProperties().length === 0)
  );
}

/**
 * Values that are plain objects in JavaScript (object literals, interfaces, type literals,
 * records) become Python dicts; their properties are accessed with subscripts.
 */
/**
 * Whether a plain object of this type may have array-index keys ("0", "7"), which JavaScript
 * enumerates first: an index signature, or a declared property named like one. Objects whose
 * keys are all known words enumerate in insertion order, as a Python dict does.
 */
export function mayHaveIndexKeys(ctx: Ctx, t: ts.Type): boolean {
  if (isAnyLike(t)) return true;
  return nonNullParts(t).some(
    (p) =>
      ctx.checker.getIndexInfosOfType(p).length > 0 ||
      p.getProperties().some((s) => /^(0|[1-9]\d*)$/.test(s.name)),
  );
}

export function isDictLike(ctx: Ctx, t: ts.Type): boolean {
  // a pure function of the type (the implemented interfaces are fixed): asked for most accesses
  const dictLike = ctx.analysis.types.dictLike;
  let r = dictLike.get(t);
  if (r === undefined) dictLike.set(t, (r = isDictLikeUncached(ctx, t)));
  return r;
}

/** Lib types whose values are plain objects: an iterator result `{ value, done }` is a dict. */
const LIB_DICT_TYPES = new Set([
  "__object",
  "Record",
  "__type",
  "IteratorYieldResult",
  "IteratorReturnResult",
]);

function isDictLikeUncached(ctx: Ctx, t: ts.Type): boolean {
  t = baseConstraint(ctx, t);
  if (ctx.layers.isObjectType(ctx, t)) return false; // a layer's Python objects (RNA structs, …)
  const ps = nonNullParts(t);
  if (ps.length === 0) return false;
  return ps.every((p) => {
    if (!(p.flags & ts.TypeFlags.Object) && !(p.flags & ts.TypeFlags.Intersection)) return false;
    if (ctx.checker.isArrayType(p) || ctx.checker.isTupleType(p)) return false;
    const s = p.getSymbol() ?? p.aliasSymbol;
    if (p.getCallSignatures().length > 0 || p.getConstructSignatures().length > 0) return false;
    const implemented = p.getSymbol();
    if (implemented && implementedInterfaces(ctx).has(implemented)) return false;
    if (s) {
      if (
        s.flags &
        (ts.SymbolFlags.Class |
          ts.SymbolFlags.Enum |
          ts.SymbolFlags.ValueModule |
          ts.SymbolFlags.Function)
      )
        return false;
      if (isLibSymbol(ctx, s) && !LIB_DICT_TYPES.has(s.name)) return false;
      const d = s.declarations?.[0];
      if (d && isAmbientDecl(ctx, d)) return false;
    }
    return true;
  });
}

/** The declaration a property access resolves to. */
export function propertyDecl(
  ctx: Ctx,
  node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
): ts.Declaration | undefined {
  const s = ctx.checker.getSymbolAtLocation(
    ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression,
  );
  return s?.valueDeclaration ?? s?.declarations?.[0];
}

export function typeToString(ctx: Ctx, t: ts.Type): string {
  return ctx.checker.typeToString(t);
}

export function isOptionalProperty(ctx: Ctx, objType: ts.Type, name: string): boolean {
  for (const p of nonNullParts(objType)) {
    const prop = p.getProperty(name);
    if (!prop) return true;
    if (prop.flags & ts.SymbolFlags.Optional) return true;
  }
  return false;
}

export function hasIndexSignatureOnly(ctx: Ctx, t: ts.Type, name: string): boolean {
  return nonNullParts(t).some((p) => !p.getProperty(name) && p.getStringIndexType() !== undefined);
}
