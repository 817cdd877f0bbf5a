/** Binary operators, logical operators and assignments. */
import ts from "typescript";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../types.js";
import {
  condition,
  isNullLiteral,
  pythonTruthinessMatches,
  strictEquals,
  toStr,
  truthy,
} from "./convert.js";
import { transformExpr } from "./index.js";
import { assignmentTarget } from "./access.js";
import { isIntExpr, isNonNegIntExpr } from "../statements/loops.js";

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
function i32(ctx: Ctx, e: py.Expr): py.Expr {
  if (isInt32Literal(e)) return e;
  if (e.kind === "Unary" && e.op === "-" && isInt32Literal(e.operand)) return e;
  if (e.kind === "BinOp" && (e.op === "&" || e.op === "|" || e.op === "^")) return e;
  if (e.kind === "Unary" && e.op === "~") return e;
  if (
    e.kind === "Call" &&
    e.func.kind === "Name" &&
    (e.func.id === "_js_i32" || e.func.id === "_js_shl" || e.func.id === "_js_shr")
  )
    return e;
  return ctx.callHelper("_js_i32", e);
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
): py.Expr {
  if (op === "+") {
    if (T.isString(ctx, lt) || T.isString(ctx, rt)) {
      if (T.isAnyLike(lt) || T.isAnyLike(rt))
        ctx.report(node, "anyType", "'+'", ctx.checker.typeToString(T.isAnyLike(lt) ? lt : rt));
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
      ctx.report(node, "anyType", "'+'", ctx.checker.typeToString(T.isNumber(ctx, lt) ? rt : lt));
    }
    return py.bin("+", l, r);
  }
  if (T.isAnyLike(lt) || T.isAnyLike(rt))
    ctx.report(node, "anyType", `'${op}'`, ctx.checker.typeToString(T.isAnyLike(lt) ? lt : rt));
  switch (op) {
    case "-":
    case "*":
      return py.bin(op, l, r);
    case "/":
      if (r.kind === "Const" && r.num !== undefined && r.num !== 0) return py.bin("/", l, r);
      return ctx.callHelper("_js_div", l, r);
    case "%":
      if (
        r.kind === "Const" &&
        r.num !== undefined &&
        r.num > 0 &&
        Number.isFinite(r.num) &&
        T.isNumber(ctx, lt)
      ) {
        // a positive finite literal divisor: Python's % has the divisor's sign, JS the dividend's
        if (lNode && Number.isInteger(r.num) && isNonNegInt(ctx, lNode)) return py.bin("%", l, r);
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
    case "**":
      if (
        r.kind === "Const" &&
        r.num !== undefined &&
        Number.isInteger(r.num) &&
        r.num >= 0 &&
        r.num <= 64
      )
        return py.bin("**", l, r);
      return ctx.callHelper("_js_pow", l, r);
    case "&":
    case "|":
    case "^":
      if (op === "|" && r.kind === "Const" && r.num === 0) return ctx.callHelper("_js_i32", l);
      return py.bin(op, i32(ctx, l), i32(ctx, r));
    case "<<":
      return ctx.callHelper("_js_shl", l, r);
    case ">>":
      return ctx.callHelper("_js_shr", l, r);
    case ">>>":
      return ctx.callHelper("_js_ushr", l, r);
  }
}

function relational(ctx: Ctx, node: ts.BinaryExpression, op: py.CmpOp): py.Expr {
  const lt = T.typeOf(ctx, node.left);
  const rt = T.typeOf(ctx, node.right);
  const ok =
    (T.isNumber(ctx, lt) && T.isNumber(ctx, rt)) || (T.isString(ctx, lt) && T.isString(ctx, rt));
  if (!ok)
    ctx.report(
      node,
      "anyType",
      `'${node.operatorToken.getText()}'`,
      ctx.checker.typeToString(T.isNumber(ctx, lt) || T.isString(ctx, lt) ? rt : lt),
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
  if (!same) ctx.report(node, "looseEquality", negate ? "!=" : "==");
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
    if (sym && T.isLibSymbol(sym)) {
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
        case "Array":
          return py.call("isinstance", l, py.name("list"));
        case "Map":
        case "Set":
        case "Object":
          return py.call("isinstance", l, py.name("dict"));
      }
    }
  }
  return py.call("isinstance", l, transformExpr(ctx, rn));
}

function inOperator(ctx: Ctx, node: ts.BinaryExpression): py.Expr {
  const ot = T.typeOf(ctx, node.right);
  const kt = T.typeOf(ctx, node.left);
  let k = transformExpr(ctx, node.left);
  const o = transformExpr(ctx, node.right);
  if (T.isDictLike(ctx, ot)) {
    if (T.isNumber(ctx, kt)) k = toStr(ctx, kt, k);
    return py.compare(k, "in", o);
  }
  if (T.isClassInstance(ctx, ot) || T.isAmbientType(ot)) return py.call("hasattr", o, k);
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
    if (py.isSimple(l)) return py.ifExp(py.compare(l, "is not", py.NONE), l, r);
    const tmp = ctx.temp();
    return py.ifExp(py.compare(py.walrus(tmp, l), "is not", py.NONE), py.name(tmp), r);
  }
  const op = k === K.AmpersandAmpersandToken ? "and" : "or";
  if (pythonTruthinessMatches(ctx, lt)) {
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
      ctx.report(node, "comma");
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
    );
  }
  ctx.report(node, "unsupportedSyntax", `operator '${node.operatorToken.getText()}'`);
  return py.NONE;
}

/** An assignment whose value is used: only plain names can be assigned inside expressions (:=). */
function assignmentExpression(ctx: Ctx, node: ts.BinaryExpression, _discard: boolean): py.Expr {
  if (!ts.isIdentifier(node.left)) {
    const left = node.left;
    if (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) {
      const value = assignedValue(ctx, node);
      const tgt = assignmentTarget(ctx, left);
      if (tgt.kind === "expr" && tgt.expr.kind === "Attr" && py.isSimple(tgt.expr.value))
        return ctx.callHelper("_js_assign_attr", tgt.expr.value, py.str(tgt.expr.attr), value);
      if (tgt.kind === "expr" && tgt.expr.kind === "Sub" && py.isSimple(tgt.expr.value))
        return ctx.callHelper("_js_assign_item", tgt.expr.value, tgt.expr.index, value);
    }
    ctx.report(node, "complexUpdate");
    return py.NONE;
  }
  const value = assignedValue(ctx, node);
  const sym = ctx.resolveSymbol(node.left);
  const target = transformExpr(ctx, node.left) as py.NameExpr;
  ctx.noteAssignment(sym);
  return py.walrus(target.id, value);
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
    const v = transformExpr(ctx, value);
    const stmts: py.Stmt[] = [];
    const pyTargets: py.Expr[] = [];
    for (const t of targets) {
      const tgt = assignmentTarget(ctx, t);
      if (tgt.kind === "setter") {
        if (targets.length > 1) ctx.report(node, "complexUpdate");
        return [{ kind: "Expr", value: tgt.call(v), pos }];
      }
      pyTargets.push(tgt.expr);
    }
    stmts.push({ kind: "Assign", targets: pyTargets, value: v, pos });
    return stmts;
  }
  const tgt = assignmentTarget(ctx, node.left);
  if (
    k === K.AmpersandAmpersandEqualsToken ||
    k === K.BarBarEqualsToken ||
    k === K.QuestionQuestionEqualsToken
  ) {
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
    return [py.ifStmt(test, [set], [], pos)];
  }
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
