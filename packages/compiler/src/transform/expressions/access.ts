/** Property and element access, optional chaining and assignment targets. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import { PY_HARD_KEYWORDS, type Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { toStr } from "./convert.js";
import { int32Test, reuse } from "./binary.js";
import { isIntExpr, isNonNegIntExpr } from "../../analysis/integers.js";
import { loopElement, loopInvariantLen } from "../statements/loops.js";
import { transformExpr, transformIdentifier } from "./index.js";
import { staticLibProperty } from "../builtins/globals.js";
import { isPureExpr, skipParensAndNonNull } from "../../analysis/effects.js";

/**
 * The Python attribute of a class member, one-to-one (`_js_field_name` in the runtime inverts it
 * for JSON, keys and spreads; `_js_attr_name` is this function in Python). Every member name that
 * reaches Python source goes through here (the printer refuses any other non-identifier).
 *
 * - an ASCII identifier (`[A-Za-z_][A-Za-z0-9_]*`) keeps its text, except: a hard keyword or a
 *   name ending in `_` gains a `_` (`from` → `from_`, `from_` → `from__`); a name that starts with
 *   `_` and contains `__` (`__x` would be mangled, `__x__` is Python's — `__class__`,
 *   `__debug__`, `__builtins__` —, `_C__x` is a mangled private name) gains an `S` in front, as
 *   do such names that already have one (`__x` → `S__x`, `S__x` → `SS__x`);
 * - any other name (spaces, quotes, `$`, a leading digit, non-ASCII letters — Python would
 *   NFKC-normalize them and the identifier tables differ between Python versions —, U+200C/D,
 *   the empty string) is escaped: letters and non-leading digits are kept, every other code point
 *   is `_hhhh` (`_Uhhhhhh` above U+FFFF), and a `_` is appended (`"a b"` → `a_0020b_`,
 *   `$x` → `_0024x_`). The images of identifiers never end in exactly one `_` after a non-keyword,
 *   so the two forms cannot collide, and no image starts with `__` nor is a keyword;
 * - `#x` (`isPrivate`: a PrivateIdentifier, whose text includes the `#`) is `__x`, mangled by Python per class like JavaScript's private names (`P` appended to
 *   names ending in `_`, which Python would not mangle: `#a_` → `__a_P`, `#a_P` → `__a_PP`); a
 *   private name that is not an ASCII identifier is `__` + its escape + `_` (plain private images
 *   never end in `_`).
 */
export function memberName(name: string, isPrivate = false): string {
  // a string name "#x" is public: only a PrivateIdentifier (text "#x") is private
  if (isPrivate) {
    const x = name.slice(1);
    if (!ASCII_IDENT.test(x)) return `__${escapeName(x)}_`;
    return /_P*$/.test(x) ? `__${x}P` : `__${x}`;
  }
  if (!ASCII_IDENT.test(name)) return escapeName(name) + "_";
  let n = name;
  if (PY_HARD_KEYWORDS.has(n) || n.endsWith("_")) n += "_";
  if (n.includes("__") && /^S*_/.test(n)) n = "S" + n;
  return n;
}

const ASCII_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Letters and non-leading digits kept, every other code point `_hhhh` / `_Uhhhhhh`. */
function escapeName(s: string): string {
  let out = "";
  for (const ch of s) {
    if (/[A-Za-z]/.test(ch) || (out !== "" && /[0-9]/.test(ch))) out += ch;
    else {
      const c = ch.codePointAt(0)!;
      out +=
        c > 0xffff ? `_U${c.toString(16).padStart(6, "0")}` : `_${c.toString(16).padStart(4, "0")}`;
    }
  }
  return out;
}

/**
 * The JavaScript name of a property name that is known statically: identifiers, private names,
 * string and numeric literals (`1.0` is `"1"`), and computed names whose expression is such a
 * literal (`["a b"]`, `` [`x`] ``, `[1]`). undefined for any other computed name.
 */
export function staticPropertyName(n: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) return n.text;
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isNumericLiteral(n)) return String(Number(n.text));
  if (ts.isComputedPropertyName(n)) {
    const e = n.expression;
    if (ts.isStringLiteralLike(e)) return e.text;
    if (ts.isNumericLiteral(e)) return String(Number(e.text));
  }
  return undefined;
}

export function nonNullType(ctx: Ctx, node: ts.Expression): ts.Type {
  return ctx.checker.getNonNullableType(T.typeOf(ctx, node));
}

/**
 * Translate the object of an access/call that may be part of an optional chain; `build` gets the
 * translated object and produces the access. `a?.b` becomes `None if a is None else a.b`.
 */
export function optionalWrap(
  ctx: Ctx,
  node: ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression,
  build: (obj: py.Expr) => py.Expr,
): py.Expr {
  const inner = node.expression;
  if (node.questionDotToken) {
    const objE = transformExpr(ctx, inner);
    if (py.isSimple(objE)) {
      return {
        kind: "IfExp",
        test: py.compare(objE, "is", py.NONE),
        body: py.NONE,
        orelse: build(objE),
        optionalChain: true,
      };
    }
    const tmp = ctx.temp();
    return {
      kind: "IfExp",
      test: py.compare(py.walrus(tmp, objE), "is", py.NONE),
      body: py.NONE,
      orelse: build(py.name(tmp)),
      optionalChain: true,
    };
  }
  const objE = transformExpr(ctx, inner);
  if (node.flags & ts.NodeFlags.OptionalChain && objE.kind === "IfExp" && objE.optionalChain) {
    return { ...objE, orelse: build(objE.orelse) };
  }
  return build(objE);
}

function isModuleNamespace(ctx: Ctx, node: ts.Expression): ts.Symbol | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const s = ctx.resolveSymbol(node);
  if (
    s &&
    s.flags & ts.SymbolFlags.ValueModule &&
    s.valueDeclaration &&
    ts.isSourceFile(s.valueDeclaration)
  )
    return s;
  return undefined;
}

function libObjectName(ctx: Ctx, node: ts.Expression): string | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const s = ctx.resolveSymbol(node);
  return s && T.isLibSymbol(ctx, s) ? s.name : undefined;
}

export function hasNumericIndex(t: ts.Type): boolean {
  return T.nonNullParts(t).some((p) => p.getNumberIndexType() !== undefined);
}

export function transformPropertyAccess(ctx: Ctx, node: ts.PropertyAccessExpression): py.Expr {
  const name = node.name.text;
  const lib = libObjectName(ctx, node.expression);
  if (lib) {
    const e = staticLibProperty(ctx, lib, name, node);
    if (e) return e;
  }
  const mod = isModuleNamespace(ctx, node.expression);
  if (mod) {
    const prop = ctx.checker.getSymbolAtLocation(node.name);
    if (prop) {
      let target = prop;
      if (target.flags & ts.SymbolFlags.Alias) target = ctx.checker.getAliasedSymbol(target);
      return py.name(ctx.nameOfSymbol(target));
    }
  }
  if (name === "prototype" || name === "__proto__") ctx.report(node, diag.prototype());
  return optionalWrap(ctx, node, (obj) => propertyGet(ctx, node, obj));
}

/**
 * `Function.prototype.name` (`MyClass.name`, `f.name`): the declared name as a string — Python's
 * `__name__` differs (a renamed binding, `<lambda>`) — or refused when the function value is not
 * a named declaration. A member the program declares as `name` is not this.
 */
function functionName(ctx: Ctx, node: ts.PropertyAccessExpression): py.Expr | undefined {
  const prop = ctx.checker.getSymbolAtLocation(node.name);
  const isFunctionName = (prop?.declarations ?? []).some(
    (d) =>
      ts.isInterfaceDeclaration(d.parent) &&
      d.parent.name.text === "Function" &&
      ctx.program.isSourceFileDefaultLibrary(d.getSourceFile()),
  );
  if (!isFunctionName) return undefined;
  const name = staticFunctionName(ctx, skipParensAndNonNull(node.expression));
  if (name !== undefined) return py.str(name);
  ctx.report(node, diag.unsupportedMember({ member: "Function.name of a function value" }));
  return py.NONE;
}

/**
 * The `name` JavaScript gives a function or class the program can see statically: a declaration's
 * name; for a `const` bound to an anonymous arrow, function or class expression, the constant's
 * name (ES name inference); a named expression's own name; a `const` alias of either followed.
 */
function staticFunctionName(ctx: Ctx, e: ts.Expression, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  e = skipParensAndNonNull(e);
  if (ts.isFunctionExpression(e) || ts.isClassExpression(e)) return e.name?.text;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = ctx.resolveSymbol(e)?.valueDeclaration;
  if (!decl) return undefined;
  if ((ts.isClassDeclaration(decl) || ts.isFunctionDeclaration(decl)) && decl.name)
    return decl.name.text;
  if (
    ts.isVariableDeclaration(decl) &&
    ts.isIdentifier(decl.name) &&
    decl.initializer &&
    ts.isVariableDeclarationList(decl.parent) &&
    decl.parent.flags & ts.NodeFlags.Const
  ) {
    const init = skipParensAndNonNull(decl.initializer);
    if (ts.isArrowFunction(init)) return decl.name.text;
    if (ts.isFunctionExpression(init) || ts.isClassExpression(init))
      return init.name?.text ?? decl.name.text;
    if (ts.isIdentifier(init)) return staticFunctionName(ctx, init, depth + 1);
  }
  return undefined;
}

function propertyGet(ctx: Ctx, node: ts.PropertyAccessExpression, obj: py.Expr): py.Expr {
  const name = node.name.text;
  const ot = nonNullType(ctx, node.expression);
  const layered = ctx.layers.visit(ts.SyntaxKind.PropertyAccessExpression, ctx, node, obj, ot);
  if (layered) return layered;
  if (name === "length") {
    if (T.isString(ctx, ot) || T.isArray(ctx, ot) || T.isTypedArray(ctx, ot))
      return py.call("len", obj);
    if (T.isAmbientType(ctx, ot) && hasNumericIndex(ot)) return py.call("len", obj);
    if (T.isFunctionType(ot))
      ctx.report(node, diag.unsupportedMember({ member: "Function.length" }));
  }
  if (name === "size" && (T.isMap(ctx, ot) || T.isSet(ctx, ot))) return py.call("len", obj);
  if (name === "name") {
    const fn = functionName(ctx, node);
    if (fn !== undefined) return fn;
  }
  const libName = T.libTypeName(ctx, ot);
  // RegExp objects and match arrays (JsRegExp, _JsMatch): attributes
  if (libName === "RegExp" || libName === "RegExpExecArray" || libName === "RegExpMatchArray") {
    if (name === "length") return py.call("len", obj);
    return py.attr(obj, memberName(name));
  }
  if (libName?.endsWith("Error") || isErrorClass(ctx, ot)) {
    if (name === "stack") ctx.report(node, diag.unsupportedMember({ member: "Error.stack" }));
    if (name === "message" && libName?.endsWith("Error"))
      return ctx.callHelper("_js_error_message", obj);
    if (name === "name" && libName?.endsWith("Error")) return ctx.callHelper("_js_error_name", obj);
    return py.attr(obj, memberName(name, ts.isPrivateIdentifier(node.name)));
  }
  if (T.isAnyLike(ot)) {
    ctx.report(
      node,
      diag.anyType({ operation: `property access '.${name}'`, type: ctx.checker.typeToString(ot) }),
    );
    return py.attr(obj, name);
  }
  if (
    (T.isString(ctx, ot) || T.isArray(ctx, ot) || T.isNumber(ctx, ot) || libName) &&
    !T.isDictLike(ctx, ot)
  ) {
    ctx.report(
      node,
      diag.unsupportedMember({ member: `${libName ?? ctx.checker.typeToString(ot)}.${name}` }),
    );
    return py.attr(obj, name);
  }
  if (T.isDictLike(ctx, ot)) {
    if (T.isOptionalProperty(ctx, ot, name)) return py.method(obj, "get", py.str(name));
    return py.sub(obj, py.str(name));
  }
  if (T.isAmbientType(ctx, ot)) return py.attrOrGetattr(obj, name);
  return py.attr(obj, memberName(name, ts.isPrivateIdentifier(node.name)));
}

function isErrorClass(ctx: Ctx, t: ts.Type): boolean {
  for (const p of T.nonNullParts(t)) {
    const bases = p.isClass() ? ctx.checker.getBaseTypes(p) : [];
    for (const b of bases) {
      const s = b.getSymbol();
      if (s && s.name === "Error" && T.isLibSymbol(ctx, s)) return true;
      if (isErrorClass(ctx, b)) return true;
    }
  }
  return false;
}

function literalKey(node: ts.Expression): string | number | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  return undefined;
}

export function isSafeIndex(ctx: Ctx, objNode: ts.Expression, idx: ts.Expression): boolean {
  if (!ts.isIdentifier(objNode) || !ts.isIdentifier(idx)) return false;
  const a = ctx.resolveSymbol(objNode);
  const i = ctx.resolveSymbol(idx);
  return !!a && !!i && !!ctx.analysis.ints.safeIndex.get(i)?.has(a);
}

export function transformElementAccess(ctx: Ctx, node: ts.ElementAccessExpression): py.Expr {
  const lit = literalKey(node.argumentExpression);
  const objSym = ts.isIdentifier(node.expression) ? ctx.resolveSymbol(node.expression) : undefined;
  if (objSym && objSym.flags & ts.SymbolFlags.Enum) {
    const e = transformIdentifier(ctx, node.expression as ts.Identifier);
    if (typeof lit === "string") return py.attr(e, memberName(lit));
    return ctx.callHelper("_js_enum_key", e, transformExpr(ctx, node.argumentExpression));
  }
  return optionalWrap(ctx, node, (obj) => elementGet(ctx, node, obj));
}

function elementGet(ctx: Ctx, node: ts.ElementAccessExpression, obj: py.Expr): py.Expr {
  const ot = nonNullType(ctx, node.expression);
  const layered = ctx.layers.visit(ts.SyntaxKind.ElementAccessExpression, ctx, node, obj, ot);
  if (layered) return layered;
  const arg = node.argumentExpression;
  const at = T.typeOf(ctx, arg);
  const lit = literalKey(arg);
  if (T.isArray(ctx, ot) || T.isString(ctx, ot) || T.isTypedArray(ctx, ot)) {
    const element = loopElement(ctx, node);
    if (element) return element;
    const cyclic = cyclicGet(ctx, node, obj);
    if (cyclic) return cyclic;
    const mid = shiftedIndexGet(ctx, node, obj);
    if (mid) return mid;
    const idx = transformExpr(ctx, arg);
    const len = T.tupleLength(ctx, ot);
    if (
      typeof lit === "number" &&
      len !== undefined &&
      Number.isInteger(lit) &&
      lit >= 0 &&
      lit < len
    )
      return py.sub(obj, idx);
    if (isSafeIndex(ctx, node.expression, arg)) return py.sub(obj, idx);
    if (!T.isNumber(ctx, at))
      ctx.report(
        arg,
        diag.anyType({ operation: "an array index", type: ctx.checker.typeToString(at) }),
      );
    const inline = inlineGet(ctx, node, obj, idx);
    if (inline) return inline;
    return ctx.callHelper("_js_get", obj, idx);
  }
  if (T.isDictLike(ctx, ot)) {
    let key = transformExpr(ctx, arg);
    if (T.isNumber(ctx, at)) key = toStr(ctx, at, key);
    if (typeof lit === "string" && !T.isOptionalProperty(ctx, ot, lit)) return py.sub(obj, key);
    return py.method(obj, "get", key);
  }
  if (T.isClassInstance(ctx, ot)) {
    if (typeof lit === "string") return py.attr(obj, memberName(lit));
    return py.call("getattr", obj, ctx.callHelper("_js_attr_name", transformExpr(ctx, arg)));
  }
  if (T.isAnyLike(ot))
    ctx.report(
      node,
      diag.anyType({ operation: "an element access", type: ctx.checker.typeToString(ot) }),
    );
  return py.sub(obj, transformExpr(ctx, arg));
}

/**
 * `a[e % a.length]` with e ≥ 0 a pure integer expression: the index is in range unless `a` is
 * empty (NaN index) → `(a[e % len(a)] if a else None)`.
 */
function cyclicGet(ctx: Ctx, node: ts.ElementAccessExpression, obj: py.Expr): py.Expr | undefined {
  let arg = node.argumentExpression;
  while (ts.isParenthesizedExpression(arg)) arg = arg.expression;
  if (obj.kind !== "Name" || !ts.isIdentifier(node.expression)) return undefined;
  if (!ts.isBinaryExpression(arg) || arg.operatorToken.kind !== ts.SyntaxKind.PercentToken)
    return undefined;
  let d = arg.right;
  while (ts.isParenthesizedExpression(d)) d = d.expression;
  if (!ts.isPropertyAccessExpression(d) || d.name.text !== "length") return undefined;
  if (!ts.isIdentifier(d.expression)) return undefined;
  const sym = ctx.resolveSymbol(node.expression);
  if (!sym || ctx.resolveSymbol(d.expression) !== sym) return undefined;
  if (!isNonNegIntExpr(ctx, arg.left) || !isPureExpr(ctx, arg.left)) return undefined;
  const e = transformExpr(ctx, arg.left);
  return py.ifExp(obj, py.sub(obj, py.bin("%", e, py.call("len", obj))), py.NONE);
}

function hasCall(n: ts.Node): boolean {
  if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n))
    return true;
  return !!ts.forEachChild(n, (c) => hasCall(c) || undefined);
}

/**
 * `a[i]` on a list or string with an integer index, without the `_js_get` call:
 * `a[i]!` with i ≥ 0 proven → `a[i]` (the assertion says the element exists);
 * `a[i]!` → `(a[i] if i >= 0 else None)`;
 * i ≥ 0 proven → `(a[i] if i < len(a) else None)`; otherwise `(a[i] if 0 <= i < len(a) else None)`.
 * Only when `a` is a plain name and the index contains no call (evaluation order).
 */
function inlineGet(
  ctx: Ctx,
  node: ts.ElementAccessExpression,
  obj: py.Expr,
  idx: py.Expr,
): py.Expr | undefined {
  const arg = node.argumentExpression;
  if (obj.kind !== "Name" || !isIntExpr(ctx, arg)) return undefined;
  if (!(idx.kind === "Name" || idx.kind === "Const") && hasCall(arg)) return undefined;
  let p: ts.Node = node.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  const asserted = ts.isNonNullExpression(p);
  const nonNeg = isNonNegIntExpr(ctx, arg);
  if (asserted && nonNeg) return py.sub(obj, idx);
  const [first, i] = reuse(ctx, idx);
  const len = asserted
    ? py.NONE
    : (ts.isIdentifier(node.expression) && loopInvariantLen(ctx, node.expression, obj, node)) ||
      py.call("len", obj);
  const test: py.Expr = asserted
    ? py.compare(first, ">=", py.num(0))
    : nonNeg
      ? py.compare(first, "<", len)
      : { kind: "Compare", left: py.num(0), ops: ["<=", "<"], comparators: [first, len] };
  return py.ifExp(test, py.sub(obj, i), py.NONE);
}

/**
 * `a[x >> k]` with x ≥ 0 an integer (a midpoint `(lo + hi) >> 1`): when x is an int32 the index
 * is `x >> k` ≥ 0, so only the end needs a check (none for `a[…]!`); otherwise `_js_get` of
 * `_js_shr`: `(a[x >> k] if x <= 0x7FFFFFFF else _js_get(a, _js_shr(x, k)))`.
 */
function shiftedIndexGet(
  ctx: Ctx,
  node: ts.ElementAccessExpression,
  obj: py.Expr,
): py.Expr | undefined {
  if (obj.kind !== "Name") return undefined;
  let p: ts.Node = node.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  const asserted = ts.isNonNullExpression(p);
  let arg = node.argumentExpression;
  while (ts.isParenthesizedExpression(arg)) arg = arg.expression;
  if (
    !ts.isBinaryExpression(arg) ||
    arg.operatorToken.kind !== ts.SyntaxKind.GreaterThanGreaterThanToken ||
    !ts.isNumericLiteral(arg.right)
  )
    return undefined;
  const k = Number(arg.right.text);
  if (!Number.isInteger(k) || k < 0 || k > 31) return undefined;
  if (!isNonNegIntExpr(ctx, arg.left) || !isPureExpr(ctx, arg.left)) return undefined;
  const [first, x] = reuse(ctx, transformExpr(ctx, arg.left));
  const shifted = k === 0 ? x : py.bin(">>", x, py.num(k));
  let fast: py.Expr = py.sub(obj, shifted);
  if (!asserted) {
    const [i0, i] = reuse(ctx, shifted);
    fast = py.ifExp(py.compare(i0, "<", py.call("len", obj)), py.sub(obj, i), py.NONE);
  }
  const slow = ctx.callHelper("_js_get", obj, ctx.callHelper("_js_shr", x, py.num(k)));
  return py.ifExp(int32Test(ctx, first, arg.left), fast, slow);
}

/**
 * The index of an array element write (also read by `a[i] += v`, `a[i]++`). Python counts a
 * negative index from the end, JavaScript sets a property instead (and for a fractional one):
 * `_js_index(i)` raises for those unless `i >= 0` is proven (then a plain `a[i]`).
 */
function writeIndex(ctx: Ctx, objNode: ts.Expression, arg: ts.Expression): py.Expr {
  const idx = transformExpr(ctx, arg);
  if (isNonNegIntExpr(ctx, arg) || isSafeIndex(ctx, objNode, arg)) return idx;
  return ctx.callHelper("_js_index", idx);
}

/** Skips what TypeScript erases around an expression: parentheses, `!`, `as`, `satisfies`. */
export function skipErased(e: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e)
  )
    e = e.expression;
  return e;
}

export type AssignTarget =
  { kind: "expr"; expr: py.Expr } | { kind: "setter"; call: (v: py.Expr) => py.Expr };

/** Does assignmentTarget give a setter call (no Python target) for this target? */
export function isSetterTarget(ctx: Ctx, node: ts.Expression): boolean {
  node = skipErased(node);
  if (ts.isPropertyAccessExpression(node)) {
    const ot = nonNullType(ctx, node.expression);
    return (
      node.name.text === "length" && T.isArray(ctx, ot) && !isModuleNamespace(ctx, node.expression)
    );
  }
  if (ts.isElementAccessExpression(node)) {
    const ot = nonNullType(ctx, node.expression);
    const arg = node.argumentExpression;
    if (T.isArray(ctx, ot))
      return (
        ts.isPropertyAccessExpression(arg) &&
        arg.name.text === "length" &&
        arg.expression.getText() === node.expression.getText()
      );
    return (
      !T.isDictLike(ctx, ot) && T.isClassInstance(ctx, ot) && typeof literalKey(arg) !== "string"
    );
  }
  return false;
}

/** Translate the left side of an assignment. */
export function assignmentTarget(ctx: Ctx, node: ts.Expression): AssignTarget {
  node = skipErased(node);
  if (ts.isIdentifier(node)) {
    const e = transformIdentifier(ctx, node);
    ctx.noteAssignment(ctx.resolveSymbol(node));
    return { kind: "expr", expr: e };
  }
  if (ts.isPropertyAccessExpression(node)) {
    const ot = nonNullType(ctx, node.expression);
    const name = node.name.text;
    const mod = isModuleNamespace(ctx, node.expression);
    if (mod) return { kind: "expr", expr: transformPropertyAccess(ctx, node) };
    const layered = ctx.layers.assignTarget(ctx, node, ot);
    if (layered) return { kind: "expr", expr: layered };
    const obj = transformExpr(ctx, node.expression);
    if (name === "length" && T.isArray(ctx, ot))
      return { kind: "setter", call: (v) => ctx.callHelper("_js_set_length", obj, v) };
    if (T.isDictLike(ctx, ot)) return { kind: "expr", expr: py.sub(obj, py.str(name)) };
    if (T.isAmbientType(ctx, ot)) {
      if (py.isPyIdentifier(name)) return { kind: "expr", expr: py.attr(obj, name) };
      return { kind: "setter", call: (v) => py.call("setattr", obj, py.str(name), v) };
    }
    return {
      kind: "expr",
      expr: py.attr(obj, memberName(name, ts.isPrivateIdentifier(node.name))),
    };
  }
  if (ts.isElementAccessExpression(node)) {
    const ot = nonNullType(ctx, node.expression);
    const arg = node.argumentExpression;
    const at = T.typeOf(ctx, arg);
    const obj = transformExpr(ctx, node.expression);
    // a typed array (array.array) stores the value converted like JavaScript (float32 rounding)
    if (T.isTypedArray(ctx, ot))
      return { kind: "expr", expr: py.sub(obj, writeIndex(ctx, node.expression, arg)) };
    if (T.isArray(ctx, ot)) {
      if (
        ts.isPropertyAccessExpression(arg) &&
        arg.name.text === "length" &&
        arg.expression.getText() === node.expression.getText()
      ) {
        return { kind: "setter", call: (v) => py.method(obj, "append", v) };
      }
      return { kind: "expr", expr: py.sub(obj, writeIndex(ctx, node.expression, arg)) };
    }
    if (T.isDictLike(ctx, ot)) {
      let key = transformExpr(ctx, arg);
      if (T.isNumber(ctx, at)) key = toStr(ctx, at, key);
      return { kind: "expr", expr: py.sub(obj, key) };
    }
    if (T.isClassInstance(ctx, ot)) {
      const lit = literalKey(arg);
      if (typeof lit === "string") return { kind: "expr", expr: py.attr(obj, memberName(lit)) };
      // the attribute of a JavaScript key, as reads find it (getattr + _js_attr_name)
      const k = ctx.callHelper("_js_attr_name", transformExpr(ctx, arg));
      return { kind: "setter", call: (v) => py.call("setattr", obj, k, v) };
    }
    return { kind: "expr", expr: py.sub(obj, transformExpr(ctx, arg)) };
  }
  ctx.report(node, diag.unsupportedSyntax({ construct: "this assignment target" }));
  return { kind: "expr", expr: py.name("_") };
}
