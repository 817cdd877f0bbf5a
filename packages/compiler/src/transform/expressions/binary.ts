/** Binary operators, logical operators and assignments. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import type { HelperName } from "../../runtime/helpers.js";
import * as T from "../../analysis/types.js";
import {
  condition,
  isNullLiteral,
  pythonTruthinessMatches,
  strictEquals,
  toStr,
  truthy,
} from "./convert.js";
import { transformExpr } from "./index.js";
import {
  assignmentTarget,
  isSafeIndex,
  isSetterTarget,
  memberName,
  skipErased,
  type AssignTarget,
} from "./access.js";
import { bindTemps, needsTemps, tempAssignments, withEvaluatedTargets } from "./compound.js";
import { isIntExpr, isNonNegIntExpr } from "../../analysis/integers.js";
import { constNumber, isPureExpr } from "../../analysis/effects.js";

const K = ts.SyntaxKind;

export function isNonNegInt(ctx: Ctx, node: ts.Expression): boolean {
  return isNonNegIntExpr(ctx, node);
}

/**
 * An expression used twice: `[first, again]` — the walrus `(_t := e)` and `_t` unless `e` is a
 * name or a constant. `first` must be evaluated before `again`.
 */
export function reuse(ctx: Ctx, e: py.Expr): [py.Expr, py.Expr] {
  if (e.kind === "Name" || e.kind === "Const") return [e, e];
  const t = ctx.temp();
  return [py.walrus(t, e), py.name(t)];
}

function isInt32Literal(e: py.Expr): boolean {
  return (
    e.kind === "Const" &&
    e.num !== undefined &&
    Number.isInteger(e.num) &&
    e.num >= -(2 ** 31) &&
    e.num < 2 ** 31
  );
}
/**
 * A translated expression whose value is an int32: a literal, `~`, a helper giving an int32, `&`
 * with a mask or of two int32s, `|`/`^` of two int32s. Not `x & 0xFFFFFFFF` (`x >>> 0`): a uint32.
 */
function isInt32Py(e: py.Expr): boolean {
  if (isInt32Literal(e)) return true;
  if (e.kind === "Unary" && e.op === "-" && isInt32Literal(e.operand)) return true;
  if (e.kind === "Unary" && e.op === "~") return true;
  if (e.kind === "BinOp" && e.op === "&" && (isMask(e.left) || isMask(e.right))) return true;
  if (e.kind === "BinOp" && (e.op === "&" || e.op === "|" || e.op === "^"))
    return isInt32Py(e.left) && isInt32Py(e.right);
  return (
    e.kind === "Call" &&
    e.func.kind === "Name" &&
    (e.func.id === "_js_i32" || e.func.id === "_js_shl" || e.func.id === "_js_shr")
  );
}

function i32(ctx: Ctx, e: py.Expr, node?: ts.Expression): py.Expr;
function i32(
  ctx: Ctx,
  e: py.Expr,
  node: ts.Expression | undefined,
  known: true,
): py.Expr | undefined;
function i32(ctx: Ctx, e: py.Expr, node?: ts.Expression, known = false): py.Expr | undefined {
  if (isInt32Py(e)) return e;
  // the result of a JavaScript bitwise operator other than >>> is an int32 already
  if (node) {
    let n = node;
    while (ts.isParenthesizedExpression(n)) n = n.expression;
    if (
      (ts.isPrefixUnaryExpression(n) && n.operator === K.TildeToken) ||
      (ts.isBinaryExpression(n) &&
        [
          K.AmpersandToken,
          K.BarToken,
          K.CaretToken,
          K.LessThanLessThanToken,
          K.GreaterThanGreaterThanToken,
        ].includes(n.operatorToken.kind))
    )
      return e;
  }
  return known ? undefined : ctx.callHelper("_js_i32", e);
}

export type ArithOp = "+" | "-" | "*" | "/" | "%" | "**" | "&" | "|" | "^" | "<<" | ">>" | ">>>";

export const ARITH_TOKENS: Partial<Record<ts.SyntaxKind, ArithOp>> = {
  [K.PlusToken]: "+",
  [K.MinusToken]: "-",
  [K.AsteriskToken]: "*",
  [K.SlashToken]: "/",
  [K.PercentToken]: "%",
  [K.AsteriskAsteriskToken]: "**",
  [K.AmpersandToken]: "&",
  [K.BarToken]: "|",
  [K.CaretToken]: "^",
  [K.LessThanLessThanToken]: "<<",
  [K.GreaterThanGreaterThanToken]: ">>",
  [K.GreaterThanGreaterThanGreaterThanToken]: ">>>",
  [K.PlusEqualsToken]: "+",
  [K.MinusEqualsToken]: "-",
  [K.AsteriskEqualsToken]: "*",
  [K.SlashEqualsToken]: "/",
  [K.PercentEqualsToken]: "%",
  [K.AsteriskAsteriskEqualsToken]: "**",
  [K.AmpersandEqualsToken]: "&",
  [K.BarEqualsToken]: "|",
  [K.CaretEqualsToken]: "^",
  [K.LessThanLessThanEqualsToken]: "<<",
  [K.GreaterThanGreaterThanEqualsToken]: ">>",
  [K.GreaterThanGreaterThanGreaterThanEqualsToken]: ">>>",
};

/** A JS arithmetic/bitwise operator applied to translated operands of the given types. */
export function arith(
  ctx: Ctx,
  op: ArithOp,
  lt: ts.Type,
  rt: ts.Type,
  l: py.Expr,
  r: py.Expr,
  node: ts.Node,
  lNode?: ts.Expression,
  rNode?: ts.Expression,
): py.Expr {
  if (op === "+") {
    if (T.isString(ctx, lt) || T.isString(ctx, rt)) {
      if (T.isAnyLike(lt) || T.isAnyLike(rt))
        ctx.report(
          node,
          diag.anyType({
            operation: "'+'",
            type: ctx.checker.typeToString(T.isAnyLike(lt) ? lt : rt),
          }),
        );
      const ls = toStr(ctx, lt, l);
      const rs = toStr(ctx, rt, r);
      if (
        ls.kind === "Const" &&
        ls.str !== undefined &&
        rs.kind === "Const" &&
        rs.str !== undefined
      )
        return py.str(ls.str + rs.str);
      return py.bin("+", ls, rs);
    }
    if (!(T.isNumber(ctx, lt) && T.isNumber(ctx, rt))) {
      ctx.report(
        node,
        diag.anyType({
          operation: "'+'",
          type: ctx.checker.typeToString(T.isNumber(ctx, lt) ? rt : lt),
        }),
      );
    }
    return py.bin("+", l, r);
  }
  if (T.isAnyLike(lt) || T.isAnyLike(rt))
    ctx.report(
      node,
      diag.anyType({
        operation: `'${op}'`,
        type: ctx.checker.typeToString(T.isAnyLike(lt) ? lt : rt),
      }),
    );
  switch (op) {
    case "-":
    case "*":
      return py.bin(op, l, r);
    case "/": {
      if (r.kind === "Const" && r.num !== undefined && r.num !== 0) return py.bin("/", l, r);
      // a divisor that is a non-zero constant or a counter ≥ 1: Python's / is IEEE division
      if (rNode && (nonZeroConst(ctx, rNode) || isPositiveIntName(ctx, rNode)))
        return py.bin("/", l, r);
      // Python raises only for a zero divisor (NaN is truthy): the helper for that case only.
      // The divisor is evaluated first, so both sides must be free of effects.
      if (
        lNode &&
        rNode &&
        r.kind !== "Const" &&
        constNumber(ctx, rNode) === undefined &&
        (l.kind === "Const" || isPureExpr(ctx, lNode)) &&
        isPureExpr(ctx, rNode) &&
        T.isNumber(ctx, lt) &&
        T.isNumber(ctx, rt)
      ) {
        const [first, d] = reuse(ctx, r);
        return py.ifExp(first, py.bin("/", l, d), ctx.callHelper("_js_div", l, d));
      }
      return ctx.callHelper("_js_div", l, r);
    }
    case "%": {
      const rv =
        r.kind === "Const"
          ? r.num
          : rNode && T.isNumber(ctx, rt)
            ? constNumber(ctx, rNode)
            : undefined;
      // x ≥ 0 an integer, the divisor a counter ≥ 1: Python's % is JavaScript's
      if (lNode && rNode && isNonNegInt(ctx, lNode) && isPositiveIntName(ctx, rNode))
        return py.bin("%", l, r);
      // x ≥ 0 an integer, the divisor a.length: NaN for an empty list/string, else Python's %
      if (lNode && rNode && isNonNegInt(ctx, lNode) && lengthOfName(ctx, rNode)) {
        const obj = transformExpr(ctx, lengthOfName(ctx, rNode)!);
        return py.ifExp(obj, py.bin("%", l, r), ctx.mathAttr("nan"));
      }
      if (rv !== undefined && rv > 0 && Number.isFinite(rv) && T.isNumber(ctx, lt)) {
        // a positive finite literal divisor: Python's % has the divisor's sign, JS the dividend's
        if (lNode && Number.isInteger(rv) && isNonNegInt(ctx, lNode)) return py.bin("%", l, r);
        const [first, x] = reuse(ctx, l);
        const neg = py.unary("-", py.bin("%", py.unary("-", x), r));
        // integer x: no -0, no NaN/Infinity
        if (lNode && isIntExpr(ctx, lNode))
          return py.ifExp(py.compare(first, ">=", py.num(0)), py.bin("%", x, r), neg);
        // any number: 0/-0/NaN are their own remainder; ±Infinity % r is NaN either way
        return py.ifExp(
          py.compare(first, ">", py.num(0)),
          py.bin("%", x, r),
          py.ifExp(py.compare(x, "<", py.num(0)), neg, x),
        );
      }
      return ctx.callHelper("_js_mod", l, r);
    }
    case "**": {
      // a small whole exponent: Python's ** is JavaScript's, but a float base can overflow
      // (1e200 ** 2 raises OverflowError where JavaScript gives Infinity)
      const lv = lNode && constNumber(ctx, lNode);
      if (
        r.kind === "Const" &&
        r.num !== undefined &&
        Number.isInteger(r.num) &&
        r.num >= 0 &&
        r.num <= 64 &&
        lNode &&
        (isIntExpr(ctx, lNode) || (lv !== undefined && Number.isFinite(lv ** r.num)))
      )
        return py.bin("**", l, r);
      return ctx.callHelper("_js_pow", l, r);
    }
    case "&":
    case "|":
    case "^": {
      const lInt = !!lNode && isIntExpr(ctx, lNode);
      if (op === "|" && r.kind === "Const" && r.num === 0)
        return lInt
          ? onInt32(ctx, l, lNode, (x) => x, "_js_i32", [])
          : ctx.callHelper("_js_i32", l);
      // an integer and a mask 0 ≤ m < 2^31: ToInt32 keeps the low 32 bits, the mask fewer
      if (op === "&" && lInt && isMask(r)) return py.bin("&", l, r);
      if (op === "&" && isMask(l) && rNode && isIntExpr(ctx, rNode)) return py.bin("&", l, r);
      return py.bin(op, i32(ctx, l, lNode), i32(ctx, r, rNode));
    }
    case "<<":
      return ctx.callHelper("_js_shl", l, r);
    case ">>": {
      const k = shiftCount(r);
      // an int32 shifts like a Python int
      if (k !== undefined && lNode && isIntExpr(ctx, lNode))
        return k === 0
          ? onInt32(ctx, l, lNode, (x) => x, "_js_i32", [])
          : onInt32(ctx, l, lNode, (x) => py.bin(">>", x, py.num(k)), "_js_shr", [py.num(k)]);
      return ctx.callHelper("_js_shr", l, r);
    }
    case ">>>": {
      const k = shiftCount(r);
      if (k !== undefined && lNode && isIntExpr(ctx, lNode)) {
        // ToUint32 of an integer is its low 32 bits
        const low = py.bin("&", l, hex(0xffffffff));
        return k === 0 ? low : py.bin(">>", low, py.num(k));
      }
      return ctx.callHelper("_js_ushr", l, r);
    }
  }
}

/** A literal shift count 0…31 (JavaScript uses the count's low 5 bits). */
function shiftCount(r: py.Expr): number | undefined {
  if (r.kind !== "Const" || r.num === undefined || !Number.isInteger(r.num)) return undefined;
  return r.num >= 0 && r.num <= 31 ? r.num : undefined;
}

function isMask(e: py.Expr): boolean {
  return (
    e.kind === "Const" &&
    e.num !== undefined &&
    Number.isInteger(e.num) &&
    e.num >= 0 &&
    e.num < 2 ** 31
  );
}

export function hex(n: number): py.Expr {
  return { kind: "Const", text: "0x" + n.toString(16).toUpperCase(), num: n };
}

/**
 * `f(x)` for an integer x that is an int32: directly when it is one already (literal, bitwise
 * result), else `(f(x) if -0x80000000 <= x <= 0x7FFFFFFF else helper(x, …extra))`.
 */
function onInt32(
  ctx: Ctx,
  e: py.Expr,
  node: ts.Expression | undefined,
  f: (x: py.Expr) => py.Expr,
  helper: HelperName,
  extra: py.Expr[],
): py.Expr {
  if (i32(ctx, e, node, true)) return f(e);
  const [first, x] = reuse(ctx, e);
  return py.ifExp(int32Test(ctx, first, node), f(x), ctx.callHelper(helper, x, ...extra));
}

/** `-0x80000000 <= x <= 0x7FFFFFFF`, or `x <= 0x7FFFFFFF` for a proven x ≥ 0. */
export function int32Test(ctx: Ctx, x: py.Expr, node: ts.Expression | undefined): py.Expr {
  if (node && isNonNegIntExpr(ctx, node)) return py.compare(x, "<=", hex(0x7fffffff));
  return {
    kind: "Compare",
    left: py.unary("-", hex(0x80000000)),
    ops: ["<=", "<="],
    comparators: [x, hex(0x7fffffff)],
  };
}

/** A constant divisor that is not zero (±Infinity and NaN divide like JavaScript in Python). */
function nonZeroConst(ctx: Ctx, node: ts.Expression): boolean {
  const v = constNumber(ctx, node);
  return v !== undefined && v !== 0;
}

/** A name proven to hold an integer ≥ 1 (a counter of `for (let i = 1; …; i++)`). */
function isPositiveIntName(ctx: Ctx, node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (!ts.isIdentifier(node)) return false;
  const s = ctx.resolveSymbol(node);
  return !!s && ctx.analysis.ints.positiveCounters.has(s);
}

/** `a.length` of a list or string held in a plain name: the name. */
function lengthOfName(ctx: Ctx, node: ts.Expression): ts.Identifier | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== "length") return undefined;
  const o = node.expression;
  if (!ts.isIdentifier(o)) return undefined;
  const t = T.typeOf(ctx, o);
  return T.isArray(ctx, t) || T.isString(ctx, t) ? o : undefined;
}

function relational(ctx: Ctx, node: ts.BinaryExpression, op: py.CmpOp): py.Expr {
  const lt = T.typeOf(ctx, node.left);
  const rt = T.typeOf(ctx, node.right);
  const ok =
    (T.isNumber(ctx, lt) && T.isNumber(ctx, rt)) || (T.isString(ctx, lt) && T.isString(ctx, rt));
  if (!ok)
    ctx.report(
      node,
      diag.anyType({
        operation: `'${node.operatorToken.getText()}'`,
        type: ctx.checker.typeToString(T.isNumber(ctx, lt) || T.isString(ctx, lt) ? rt : lt),
      }),
    );
  return py.compare(transformExpr(ctx, node.left), op, transformExpr(ctx, node.right));
}

function looseEquals(ctx: Ctx, node: ts.BinaryExpression, negate: boolean): py.Expr {
  const lNull = isNullLiteral(node.left);
  const rNull = isNullLiteral(node.right);
  if (lNull || rNull) {
    const other = lNull ? node.right : node.left;
    if (lNull && rNull) return py.bool(!negate);
    return py.compare(transformExpr(ctx, other), negate ? "is not" : "is", py.NONE);
  }
  const lt = T.typeOf(ctx, node.left);
  const rt = T.typeOf(ctx, node.right);
  const same =
    (T.isNumber(ctx, lt) && T.isNumber(ctx, rt)) ||
    (T.isString(ctx, lt) && T.isString(ctx, rt)) ||
    (T.isBoolean(ctx, lt) && T.isBoolean(ctx, rt)) ||
    (!T.isPrimitive(ctx, lt) &&
      !T.isPrimitive(ctx, rt) &&
      !T.isAnyLike(lt) &&
      !T.isAnyLike(rt) &&
      !T.hasNullish(lt) &&
      !T.hasNullish(rt));
  if (!same) ctx.report(node, diag.looseEquality({ operator: negate ? "!=" : "==" }));
  const e = strictEquals(
    ctx,
    lt,
    rt,
    transformExpr(ctx, node.left),
    transformExpr(ctx, node.right),
    node,
  );
  return negate ? py.not(e) : e;
}

function instanceOf(ctx: Ctx, node: ts.BinaryExpression): py.Expr {
  const l = transformExpr(ctx, node.left);
  const rn = node.right;
  if (ts.isIdentifier(rn)) {
    const sym = ctx.resolveSymbol(rn);
    if (sym && T.isLibSymbol(ctx, sym)) {
      switch (rn.text) {
        case "Error":
          return py.call("isinstance", l, py.name("Exception"));
        case "TypeError":
          // Python raises its own TypeError/AttributeError where JavaScript throws a TypeError
          return py.call(
            "isinstance",
            l,
            py.tuple([ctx.helper("JsTypeError"), py.name("TypeError"), py.name("AttributeError")]),
          );
        case "ReferenceError":
          // Python raises a NameError where JavaScript throws a ReferenceError: a let/const/class
          // read before its declaration ran (its temporal dead zone)
          return py.call(
            "isinstance",
            l,
            py.tuple([ctx.helper("JsReferenceError"), py.name("NameError")]),
          );
        case "Array":
          return py.call("isinstance", l, py.name("list"));
        case "Map":
        case "Set": {
          // Maps, Sets and plain objects are all dicts: only a type that rules the others out
          const other = rn.text === "Map" ? T.isSet : T.isMap;
          const lt = T.typeOf(ctx, node.left);
          if (
            T.nonNullParts(lt).some(
              (p) =>
                T.isAnyLike(p) ||
                p.flags & ts.TypeFlags.NonPrimitive ||
                other(ctx, p) ||
                T.isDictLike(ctx, p),
            )
          )
            ctx.report(
              node,
              diag.anyType({ operation: `'instanceof ${rn.text}'`, type: T.typeToString(ctx, lt) }),
            );
          return py.call("isinstance", l, py.name("dict"));
        }
        case "Object":
          // every value but a primitive (and null/undefined)
          return py.not(
            py.call(
              "isinstance",
              l,
              py.tuple([
                py.name("str"),
                py.name("int"),
                py.name("float"),
                py.call("type", py.NONE),
              ]),
            ),
          );
      }
    }
  }
  return py.call("isinstance", l, transformExpr(ctx, rn));
}

/**
 * `#x in o`, the brand check: whether `o` went through the constructor of the class declaring
 * `#x`. A private field is an attribute each instance gets in `__init__` (Python's mangled
 * `_C__x`), a private method or accessor is one of the class's (every instance of `C` or a
 * subclass has it), a static member belongs to `C` itself (not to its subclasses).
 */
function privateBrandCheck(
  ctx: Ctx,
  node: ts.BinaryExpression,
  key: ts.PrivateIdentifier,
): py.Expr {
  const o = transformExpr(ctx, node.right);
  const decl = ctx.checker.getSymbolAtLocation(key)?.valueDeclaration;
  const cls = decl?.parent;
  if (!decl || !cls || !ts.isClassDeclaration(cls)) {
    ctx.report(node, diag.unsupportedSyntax({ construct: "this private-name check" }));
    return py.NONE;
  }
  const clsSym = cls.name && ctx.checker.getSymbolAtLocation(cls.name);
  const clsName = clsSym
    ? ctx.nameOfSymbol(clsSym)
    : ctx.currentClass?.node === cls
      ? ctx.currentClass.name
      : undefined;
  if (!clsName) {
    ctx.report(node, diag.unsupportedSyntax({ construct: "this private-name check" }));
    return py.NONE;
  }
  const isStatic = ts.getCombinedModifierFlags(decl as ts.Declaration) & ts.ModifierFlags.Static;
  if (isStatic) return py.compare(o, "is", py.name(clsName));
  if (ts.isPropertyDeclaration(decl)) {
    // the attribute as Python mangles `self.__x` in the body of the class `clsName`
    const attr = memberName(key.text, true);
    const mangled = `_${clsName.replace(/^_+/, "")}${attr}`;
    return py.call("hasattr", o, py.str(mangled));
  }
  return py.call("isinstance", o, py.name(clsName));
}

function inOperator(ctx: Ctx, node: ts.BinaryExpression): py.Expr {
  if (ts.isPrivateIdentifier(node.left)) return privateBrandCheck(ctx, node, node.left);
  const ot = T.typeOf(ctx, node.right);
  const kt = T.typeOf(ctx, node.left);
  let k = transformExpr(ctx, node.left);
  const o = transformExpr(ctx, node.right);
  if (T.isDictLike(ctx, ot)) {
    if (T.isNumber(ctx, kt)) k = toStr(ctx, kt, k);
    return py.compare(k, "in", o);
  }
  if (T.isAmbientType(ctx, ot)) return py.call("hasattr", o, k);
  if (T.isClassInstance(ctx, ot)) {
    const key = node.left;
    return py.call(
      "hasattr",
      o,
      ts.isStringLiteralLike(key)
        ? py.str(memberName(key.text))
        : ctx.callHelper("_js_attr_name", k),
    );
  }
  return ctx.callHelper("_js_in", k, o);
}

/** `a && b`, `a || b`, `a ?? b` used for their value. */
function logical(ctx: Ctx, node: ts.BinaryExpression): py.Expr {
  const k = node.operatorToken.kind;
  const lt = T.typeOf(ctx, node.left);
  const l = transformExpr(ctx, node.left);
  const r = transformExpr(ctx, node.right);
  if (k === K.QuestionQuestionToken) {
    // a non-nullable left side is kept as is, except element reads (records, arrays), which the
    // checker types without undefined although a missing key gives undefined
    let left: ts.Expression = node.left;
    while (ts.isParenthesizedExpression(left)) left = left.expression;
    if (!T.hasNullish(lt) && !T.isAnyLike(lt) && !ts.isElementAccessExpression(left)) return l;
    // `x ?? null` / `x ?? undefined`: both are None
    if (r.kind === "Const" && r.text === "None") return l;
    const withDefault = getWithDefault(ctx, left, l, r);
    if (withDefault) return withDefault;
    if (py.isSimple(l)) return py.ifExp(py.compare(l, "is not", py.NONE), l, r);
    const tmp = ctx.temp();
    return py.ifExp(py.compare(py.walrus(tmp, l), "is not", py.NONE), py.name(tmp), r);
  }
  const op = k === K.AmpersandAmpersandToken ? "and" : "or";
  // an int (never NaN) is falsy exactly when it is 0, like in Python
  const intLeft = T.isNumber(ctx, lt) && isIntExpr(ctx, node.left, 0, true);
  if (pythonTruthinessMatches(ctx, lt) || intLeft) {
    if (r.kind === "BoolOp" && r.op === op) return py.boolOp(op, l, ...r.values);
    return py.boolOp(op, l, r);
  }
  let test: py.Expr;
  let value: py.Expr;
  if (py.isSimple(l)) {
    test = truthy(ctx, lt, l);
    value = l;
  } else {
    const tmp = ctx.temp();
    test = truthy(ctx, lt, py.walrus(tmp, l));
    value = py.name(tmp);
    if (test.kind === "Walrus") test = ctx.callHelper("_js_truthy", test);
  }
  return op === "and" ? py.ifExp(test, r, value) : py.ifExp(test, value, r);
}

/**
 * `m.get(k) ?? c` (a Map) and `r[k] ?? c` (a record, read with `.get`) with a literal `c` and a
 * value type without null/undefined: a stored value is never None, so `.get(k, c)` is the same.
 */
function getWithDefault(
  ctx: Ctx,
  left: ts.Expression,
  l: py.Expr,
  r: py.Expr,
): py.Expr | undefined {
  if (
    l.kind !== "Call" ||
    l.func.kind !== "Attr" ||
    l.func.attr !== "get" ||
    l.args.length !== 1 ||
    l.args[0]!.kind !== "pos"
  )
    return undefined;
  const literal =
    r.kind === "Const" || (r.kind === "Unary" && r.op === "-" && r.operand.kind === "Const");
  if (!literal) return undefined;
  let value: ts.Type | undefined;
  if (
    ts.isCallExpression(left) &&
    ts.isPropertyAccessExpression(left.expression) &&
    left.expression.name.text === "get" &&
    !left.questionDotToken &&
    !left.expression.questionDotToken
  ) {
    const mt = T.typeOf(ctx, left.expression.expression);
    if (!T.isMap(ctx, mt) || T.hasNullish(mt)) return undefined;
    value = ctx.checker.getTypeArguments(mt as ts.TypeReference)[1];
  } else if (ts.isElementAccessExpression(left) && !left.questionDotToken) {
    const ot = T.typeOf(ctx, left.expression);
    if (!T.isDictLike(ctx, ot) || T.hasNullish(ot) || ot.isUnion()) return undefined;
    const kt = T.typeOf(ctx, left.argumentExpression);
    // a literal key is a (maybe optional) property, which may hold undefined
    if (kt.isLiteral()) return undefined;
    value = T.isNumber(ctx, kt) ? ot.getNumberIndexType() : ot.getStringIndexType();
  }
  if (
    !value ||
    T.hasNullish(value) ||
    T.isAnyLike(value) ||
    value.flags & (ts.TypeFlags.TypeParameter | ts.TypeFlags.Void)
  )
    return undefined;
  return { ...l, args: [...l.args, { kind: "pos", value: r }] };
}

export function transformBinary(ctx: Ctx, node: ts.BinaryExpression, discard: boolean): py.Expr {
  const k = node.operatorToken.kind;
  switch (k) {
    case K.EqualsEqualsEqualsToken:
    case K.ExclamationEqualsEqualsToken: {
      const e = strictEquals(
        ctx,
        T.typeOf(ctx, node.left),
        T.typeOf(ctx, node.right),
        transformExpr(ctx, node.left),
        transformExpr(ctx, node.right),
        node,
      );
      return k === K.ExclamationEqualsEqualsToken ? py.not(e) : e;
    }
    case K.EqualsEqualsToken:
      return looseEquals(ctx, node, false);
    case K.ExclamationEqualsToken:
      return looseEquals(ctx, node, true);
    case K.LessThanToken:
      return relational(ctx, node, "<");
    case K.LessThanEqualsToken:
      return relational(ctx, node, "<=");
    case K.GreaterThanToken:
      return relational(ctx, node, ">");
    case K.GreaterThanEqualsToken:
      return relational(ctx, node, ">=");
    case K.AmpersandAmpersandToken:
    case K.BarBarToken:
    case K.QuestionQuestionToken:
      return logical(ctx, node);
    case K.InstanceOfKeyword:
      return instanceOf(ctx, node);
    case K.InKeyword:
      return inOperator(ctx, node);
    case K.CommaToken:
      ctx.report(node, diag.comma());
      return transformExpr(ctx, node.right);
  }
  if (k >= K.FirstAssignment && k <= K.LastAssignment)
    return assignmentExpression(ctx, node, discard);
  const op = ARITH_TOKENS[k];
  if (op) {
    return arith(
      ctx,
      op,
      T.typeOf(ctx, node.left),
      T.typeOf(ctx, node.right),
      transformExpr(ctx, node.left),
      transformExpr(ctx, node.right),
      node,
      node.left,
      node.right,
    );
  }
  ctx.report(
    node,
    diag.unsupportedSyntax({ construct: `operator '${node.operatorToken.getText()}'` }),
  );
  return py.NONE;
}

/** An assignment whose value is used: only plain names can be assigned inside expressions (:=). */
function assignmentExpression(ctx: Ctx, node: ts.BinaryExpression, _discard: boolean): py.Expr {
  if (!ts.isIdentifier(node.left)) {
    const left = node.left;
    if (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) {
      // the object and key are evaluated once (temporaries bound at their first use)
      const e = withEvaluatedTargets(ctx, [left], [], true, (temps) => {
        const out = targetAssignmentValue(ctx, node, left);
        return out && bindTemps(out, temps);
      });
      if (e) return e;
    }
    ctx.report(node, diag.complexUpdate());
    return py.NONE;
  }
  const value = assignedValue(ctx, node);
  const sym = ctx.resolveSymbol(node.left);
  const target = transformExpr(ctx, node.left) as py.NameExpr;
  ctx.noteAssignment(sym);
  return py.walrus(target.id, value);
}

/** `(o.p op= v)` / `(o[k] op= v)` as a value; `&&=`, `||=`, `??=` write only when needed. */
function targetAssignmentValue(
  ctx: Ctx,
  node: ts.BinaryExpression,
  left: ts.PropertyAccessExpression | ts.ElementAccessExpression,
): py.Expr | undefined {
  const k = node.operatorToken.kind;
  const write = (tgt: AssignTarget, value: py.Expr): py.Expr | undefined => {
    if (tgt.kind === "expr" && tgt.expr.kind === "Attr" && py.isSimple(tgt.expr.value))
      return ctx.callHelper(
        "_js_assign_attr",
        tgt.expr.value,
        ctx.attrString(tgt.expr.attr),
        value,
      );
    if (tgt.kind === "expr" && tgt.expr.kind === "Sub" && py.isSimple(tgt.expr.value))
      return ctx.callHelper("_js_assign_item", tgt.expr.value, tgt.expr.index, value);
    return undefined;
  };
  if (
    k === K.AmpersandAmpersandEqualsToken ||
    k === K.BarBarEqualsToken ||
    k === K.QuestionQuestionEqualsToken
  ) {
    const lt = T.typeOf(ctx, left);
    const [first, cur] = reuse(ctx, transformExpr(ctx, left));
    const set = write(assignmentTarget(ctx, left), transformExpr(ctx, node.right));
    if (!set) return undefined;
    if (k === K.QuestionQuestionEqualsToken)
      return py.ifExp(py.compare(first, "is not", py.NONE), cur, set);
    let test = truthy(ctx, lt, first);
    if (test.kind === "Walrus") test = ctx.callHelper("_js_truthy", test);
    return k === K.AmpersandAmpersandEqualsToken
      ? py.ifExp(test, set, cur)
      : py.ifExp(test, cur, set);
  }
  const value = assignedValue(ctx, node);
  return write(assignmentTarget(ctx, left), value);
}

/** The new value of `left op= right` (or of `left = right`). */
export function assignedValue(ctx: Ctx, node: ts.BinaryExpression): py.Expr {
  const k = node.operatorToken.kind;
  if (k === K.EqualsToken) return transformExpr(ctx, node.right);
  const lt = T.typeOf(ctx, node.left);
  const rt = T.typeOf(ctx, node.right);
  const cur = transformExpr(ctx, node.left);
  if (
    k === K.AmpersandAmpersandEqualsToken ||
    k === K.BarBarEqualsToken ||
    k === K.QuestionQuestionEqualsToken
  ) {
    const r = transformExpr(ctx, node.right);
    if (k === K.QuestionQuestionEqualsToken)
      return py.ifExp(py.compare(cur, "is not", py.NONE), cur, r);
    const test = truthy(ctx, lt, cur);
    return k === K.AmpersandAmpersandEqualsToken ? py.ifExp(test, r, cur) : py.ifExp(test, cur, r);
  }
  const op = ARITH_TOKENS[k]!;
  return arith(ctx, op, lt, rt, cur, transformExpr(ctx, node.right), node, node.left);
}

/** Assignment used as a statement. */
export function assignmentStatement(ctx: Ctx, node: ts.BinaryExpression): py.Stmt[] {
  const k = node.operatorToken.kind;
  const pos = ctx.pos(node);
  if (
    k === K.EqualsToken &&
    (ts.isArrayLiteralExpression(node.left) || ts.isObjectLiteralExpression(node.left))
  ) {
    return destructuringAssignment(ctx, node);
  }
  // a = b = c
  if (k === K.EqualsToken) {
    const targets: ts.Expression[] = [node.left];
    let value: ts.Expression = node.right;
    while (
      ts.isBinaryExpression(value) &&
      value.operatorToken.kind === K.EqualsToken &&
      !ts.isArrayLiteralExpression(value.left) &&
      !ts.isObjectLiteralExpression(value.left)
    ) {
      targets.push(value.left);
      value = value.right;
    }
    const assign = (): py.Stmt[] => {
      let v = transformExpr(ctx, value);
      // a value handed over (a JS Set stored into a set-typed bpy property is a Python set)
      if (targets.length === 1) v = ctx.layers.valueOut(ctx, value, v);
      const pyTargets: py.Expr[] = [];
      for (const t of targets) {
        const tgt = assignmentTarget(ctx, t);
        if (tgt.kind === "setter") {
          if (targets.length > 1) ctx.report(node, diag.complexUpdate());
          return [{ kind: "Expr", value: tgt.call(v), pos }];
        }
        pyTargets.push(tgt.expr);
      }
      const grow =
        targets.length === 1 ? arrayWritePastEnd(ctx, targets[0]!, pyTargets[0]!) : undefined;
      if (grow) return grow(v, pos);
      return [{ kind: "Assign", targets: pyTargets, value: v, pos }];
    };
    // Python evaluates the value before the targets: their objects and keys first when it matters
    // (each is evaluated once either way: only an impure value can tell the order)
    if (isPureExpr(ctx, value) || !needsTemps(ctx, targets, [value])) return assign();
    return withEvaluatedTargets(ctx, targets, [value], false, (temps) => [
      ...tempAssignments(temps),
      ...assign(),
    ]);
  }
  if (needsTemps(ctx, [node.left], [node.right])) return compoundWithTemps(ctx, node);
  const tgt = assignmentTarget(ctx, node.left);
  if (
    k === K.AmpersandAmpersandEqualsToken ||
    k === K.BarBarEqualsToken ||
    k === K.QuestionQuestionEqualsToken
  )
    return [logicalAssignment(ctx, node, tgt)];
  if (tgt.kind === "expr" && (tgt.expr.kind === "Sub" || tgt.expr.kind === "Attr")) {
    // obj[key] += v: read through the target itself so the key is evaluated once
    const op = ARITH_TOKENS[k]!;
    const cur = tgt.expr;
    const r = transformExpr(ctx, node.right);
    const nv = arith(
      ctx,
      op,
      T.typeOf(ctx, node.left),
      T.typeOf(ctx, node.right),
      cur,
      r,
      node,
      node.left,
    );
    if (nv.kind === "BinOp" && nv.left === cur)
      return [{ kind: "AugAssign", target: cur, op: nv.op, value: nv.right, pos }];
    return [py.assign(cur, nv, pos)];
  }
  const v = assignedValue(ctx, node);
  if (tgt.kind === "setter") return [{ kind: "Expr", value: tgt.call(v), pos }];
  // x = x + y  →  x += y
  if (v.kind === "BinOp" && sameTarget(v.left, tgt.expr)) {
    return [{ kind: "AugAssign", target: tgt.expr, op: v.op, value: v.right, pos }];
  }
  return [py.assign(tgt.expr, v, pos)];
}

/**
 * `a[i] = v` on an array where `i` may be at or past the end: JavaScript grows the array (the
 * usual way to fill one by index), a Python list raises IndexError. The write stays a plain
 * assignment — free when it is in bounds — and only an IndexError takes the growing path:
 *
 *     try:
 *         a[i] = v
 *     except IndexError:
 *         _js_store_past_end(a, i, v)
 *
 * Undefined when the write is known to be in bounds (`i` a loop index below `a.length`) or is
 * not an array element write. Operands that could raise are evaluated before the `try`, in
 * JavaScript's order (index, then value): only the store itself is caught, and the except
 * path stores the same value.
 */
function arrayWritePastEnd(
  ctx: Ctx,
  target: ts.Expression,
  pyTarget: py.Expr,
): ((v: py.Expr, pos: py.SrcPos | undefined) => py.Stmt[]) | undefined {
  const node = skipErased(target);
  if (!ts.isElementAccessExpression(node) || pyTarget.kind !== "Sub") return undefined;
  const ot = T.typeOf(ctx, node.expression);
  if (!T.isArray(ctx, ot) || T.isTypedArray(ctx, ot)) return undefined;
  if (isSafeIndex(ctx, node.expression, node.argumentExpression)) return undefined;
  if (pyTarget.value.kind !== "Name") return undefined; // a computed list: left as it was
  return (v, pos) => {
    const before: py.Stmt[] = [];
    // evaluated once, before the try: the except path stores the same value
    const simple = (e: py.Expr, hint: string): py.Expr => {
      if (py.isSimple(e)) return e;
      const t = ctx.fresh(hint);
      before.push(py.assign(py.name(t), e, pos));
      return py.name(t);
    };
    const index = simple(pyTarget.index, "_i");
    const value = simple(v, "_v");
    const list = pyTarget.value;
    return [
      ...before,
      {
        kind: "Try",
        body: [py.assign(py.sub(list, index), value, pos)],
        handlers: [
          {
            type: py.name("IndexError"),
            body: [py.exprStmt(ctx.callHelper("_js_store_past_end", list, index, value), pos)],
          },
        ],
        orelse: [],
        finalbody: [],
        pos,
      },
    ];
  };
}

/** `if <read is null/falsy/truthy>: <target> = v` for `??=`, `||=`, `&&=` statements. */
function logicalAssignment(ctx: Ctx, node: ts.BinaryExpression, tgt: AssignTarget): py.Stmt {
  const k = node.operatorToken.kind;
  const cur = transformExpr(ctx, node.left);
  const lt = T.typeOf(ctx, node.left);
  const test =
    k === K.QuestionQuestionEqualsToken
      ? py.compare(cur, "is", py.NONE)
      : k === K.AmpersandAmpersandEqualsToken
        ? truthy(ctx, lt, cur)
        : py.not(truthy(ctx, lt, cur));
  const v = transformExpr(ctx, node.right);
  const set: py.Stmt =
    tgt.kind === "setter" ? { kind: "Expr", value: tgt.call(v) } : py.assign(tgt.expr, v);
  return py.ifStmt(test, [set], [], ctx.pos(node));
}

/**
 * A compound assignment statement whose target object or key has effects (or may change before
 * the write): they are evaluated once into temporaries assigned first. `o[f()] += v` keeps
 * Python's augmented assignment, which evaluates them once already.
 */
function compoundWithTemps(ctx: Ctx, node: ts.BinaryExpression): py.Stmt[] {
  const k = node.operatorToken.kind;
  const pos = ctx.pos(node);
  const op = ARITH_TOKENS[k];
  const lt = T.typeOf(ctx, node.left);
  const rt = T.typeOf(ctx, node.right);
  if (op && !isSetterTarget(ctx, node.left)) {
    // will it be `target op= value`? (arith only looks at the left operand's node and type)
    const r = transformExpr(ctx, node.right);
    const probe = py.name("_");
    const nv = arith(ctx, op, lt, rt, probe, r, node, node.left);
    if (nv.kind === "BinOp" && nv.left === probe) {
      const tgt = assignmentTarget(ctx, node.left);
      if (tgt.kind === "expr")
        return [{ kind: "AugAssign", target: tgt.expr, op: nv.op, value: nv.right, pos }];
    }
    return withEvaluatedTargets(ctx, [node.left], [node.right], false, (temps) => {
      const tgt = assignmentTarget(ctx, node.left);
      if (tgt.kind === "setter") {
        const v = arith(ctx, op, lt, rt, transformExpr(ctx, node.left), r, node, node.left);
        return [...tempAssignments(temps), { kind: "Expr", value: tgt.call(v), pos }];
      }
      const cur = tgt.expr;
      // `_t = _js_index(f())`: the converted key once, then `a[_t] = … a[_t] …`
      const keyTemp = temps[temps.length - 1];
      if (
        keyTemp &&
        cur.kind === "Sub" &&
        cur.index.kind === "Call" &&
        cur.index.func.kind === "Name" &&
        (cur.index.func.id === "_js_index" || cur.index.func.id === "_js_str") &&
        cur.index.args.length === 1 &&
        cur.index.args[0]!.value.kind === "Name" &&
        cur.index.args[0]!.value.id === keyTemp.name
      ) {
        keyTemp.value = { ...cur.index, args: [{ kind: "pos", value: keyTemp.value }] };
        cur.index = py.name(keyTemp.name);
      }
      const v = arith(ctx, op, lt, rt, cur, r, node, node.left);
      const stmt: py.Stmt =
        v.kind === "BinOp" && v.left === cur
          ? { kind: "AugAssign", target: cur, op: v.op, value: v.right, pos }
          : py.assign(cur, v, pos);
      return [...tempAssignments(temps), stmt];
    });
  }
  return withEvaluatedTargets(ctx, [node.left], [node.right], false, (temps) => {
    const tgt = assignmentTarget(ctx, node.left);
    if (op) {
      const cur = transformExpr(ctx, node.left);
      const v = arith(ctx, op, lt, rt, cur, transformExpr(ctx, node.right), node, node.left);
      const set: py.Stmt =
        tgt.kind === "setter"
          ? { kind: "Expr", value: tgt.call(v), pos }
          : py.assign(tgt.expr, v, pos);
      return [...tempAssignments(temps), set];
    }
    return [...tempAssignments(temps), logicalAssignment(ctx, node, tgt)];
  });
}

function sameTarget(a: py.Expr, b: py.Expr): boolean {
  if (a.kind === "Name" && b.kind === "Name") return a.id === b.id;
  if (a.kind === "Attr" && b.kind === "Attr")
    return a.attr === b.attr && sameTarget(a.value, b.value);
  if (a.kind === "Sub" && b.kind === "Sub")
    return sameTarget(a.value, b.value) && sameTarget(a.index, b.index) && py.isSimple(a.index);
  if (a.kind === "Const" && b.kind === "Const") return a.text === b.text;
  return false;
}

import { destructureAssign } from "../statements/destructuring.js";
function destructuringAssignment(ctx: Ctx, node: ts.BinaryExpression): py.Stmt[] {
  return destructureAssign(
    ctx,
    node.left as ts.ArrayLiteralExpression | ts.ObjectLiteralExpression,
    node.right,
  );
}

export { condition };
