/** Expression dispatch, identifiers and literals. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { condition, toStr } from "./convert.js";
import { transformBinary } from "./binary.js";
import { transformPrefix, transformPostfix, transformTypeof, transformDelete } from "./unary.js";
import { transformPropertyAccess, transformElementAccess } from "./access.js";
import { superCall, transformCall, transformNew } from "./call.js";
import { transformFunctionExpression } from "../functions.js";
import { pythonModuleName } from "../statements/imports.js";
import { usesThis } from "../../analysis/effects.js";
import { regexpLiteral } from "../builtins/regexp.js";

/** A value must not be a dict in one place and an object in another (see BPY1029). */
function checkObjectKind(ctx: Ctx, node: ts.Expression): void {
  // a layer's Python object (a Blender value) cast to a plain object type (`p as unknown as
  // Record<…>`) would be read as a dict (`p.get("loop_start")`)
  if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
    if (ts.isAsExpression(node.parent) || ts.isTypeAssertionExpression(node.parent)) return;
    const target = ctx.checker.getTypeFromTypeNode(node.type);
    if (!T.isDictLike(ctx, target) || T.isAnyLike(target)) return;
    let inner: ts.Expression = node.expression;
    while (
      ts.isAsExpression(inner) ||
      ts.isTypeAssertionExpression(inner) ||
      ts.isParenthesizedExpression(inner) ||
      ts.isNonNullExpression(inner)
    )
      inner = inner.expression;
    if (ctx.layers.isObjectType(ctx, T.typeOf(ctx, inner)))
      ctx.report(node, diag.mixedObject({ type: ctx.checker.typeToString(target) }));
    return;
  }
  if (
    !ts.isObjectLiteralExpression(node) &&
    !ts.isNewExpression(node) &&
    !ts.isIdentifier(node) &&
    !ts.isCallExpression(node)
  )
    return;
  if (!mayHaveContextualType(node)) return;
  const contextual = ctx.checker.getContextualType(node);
  if (!contextual) return;
  if (ts.isObjectLiteralExpression(node)) {
    for (const p of T.nonNullParts(contextual)) {
      const s = p.getSymbol();
      if (s && T.implementedInterfaces(ctx).has(s))
        ctx.report(node, diag.mixedObject({ type: s.name }));
    }
    return;
  }
  // the contextual type first: the node's own type is a fresh checker query
  if (
    T.isDictLike(ctx, contextual) &&
    !T.isAnyLike(contextual) &&
    // a layer's Python objects (RNA structs, bmesh, mathutils) are objects too
    (T.isClassInstance(ctx, T.typeOf(ctx, node)) ||
      ctx.layers.isObjectType(ctx, T.typeOf(ctx, node)))
  ) {
    ctx.report(node, diag.mixedObject({ type: ctx.checker.typeToString(contextual) }));
  }
}

/**
 * False where the checker's getContextualType answers undefined whatever the types: parents
 * outside its cases, the callee of a call, operands of operators other than `=`-like, `&&`, `||`,
 * `??` and `,` (the query walks up and may re-check operands, so it is skipped).
 */
function mayHaveContextualType(node: ts.Expression): boolean {
  const p = node.parent;
  switch (p.kind) {
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
      return (p as ts.CallExpression | ts.NewExpression).expression !== node;
    case ts.SyntaxKind.BinaryExpression: {
      const b = p as ts.BinaryExpression;
      switch (b.operatorToken.kind) {
        case ts.SyntaxKind.BarBarToken:
        case ts.SyntaxKind.QuestionQuestionToken:
          return true;
        case ts.SyntaxKind.EqualsToken:
        case ts.SyntaxKind.AmpersandAmpersandEqualsToken:
        case ts.SyntaxKind.BarBarEqualsToken:
        case ts.SyntaxKind.QuestionQuestionEqualsToken:
        case ts.SyntaxKind.AmpersandAmpersandToken:
        case ts.SyntaxKind.CommaToken:
          return b.right === node;
        default:
          return false;
      }
    }
    case ts.SyntaxKind.VariableDeclaration:
    case ts.SyntaxKind.Parameter:
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.PropertySignature:
    case ts.SyntaxKind.BindingElement:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.ReturnStatement:
    case ts.SyntaxKind.YieldExpression:
    case ts.SyntaxKind.AwaitExpression:
    case ts.SyntaxKind.Decorator:
    case ts.SyntaxKind.TypeAssertionExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.ShorthandPropertyAssignment:
    case ts.SyntaxKind.SpreadAssignment:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.TemplateSpan:
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.ExportAssignment:
    case ts.SyntaxKind.JsxExpression:
    case ts.SyntaxKind.JsxAttribute:
    case ts.SyntaxKind.JsxSpreadAttribute:
    case ts.SyntaxKind.JsxOpeningElement:
    case ts.SyntaxKind.JsxSelfClosingElement:
    case ts.SyntaxKind.ImportAttribute:
      return true;
    default:
      return false;
  }
}

export function transformExpr(ctx: Ctx, node: ts.Expression): py.Expr {
  const evaluated = ctx.exprOverrides.get(node);
  if (evaluated) return evaluated;
  checkObjectKind(ctx, node);
  const e = transformExprInner(ctx, node);
  if (!e.pos && !Object.isFrozen(e)) e.pos = ctx.pos(node); // not the shared py.NONE/TRUE/FALSE
  return e;
}

function transformExprInner(ctx: Ctx, node: ts.Expression): py.Expr {
  switch (node.kind) {
    case ts.SyntaxKind.NumericLiteral:
      return py.num(Number((node as ts.NumericLiteral).text));
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return py.str((node as ts.StringLiteral).text);
    case ts.SyntaxKind.TrueKeyword:
      return py.TRUE;
    case ts.SyntaxKind.FalseKeyword:
      return py.FALSE;
    case ts.SyntaxKind.NullKeyword:
      return py.NONE;
    case ts.SyntaxKind.ThisKeyword:
      return transformThis(ctx, node);
    case ts.SyntaxKind.Identifier:
      return transformIdentifier(ctx, node as ts.Identifier);
    case ts.SyntaxKind.TemplateExpression:
      return transformTemplate(ctx, node as ts.TemplateExpression);
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.TypeAssertionExpression:
    case ts.SyntaxKind.SatisfiesExpression:
      return transformExpr(ctx, (node as ts.ParenthesizedExpression).expression);
    case ts.SyntaxKind.ArrayLiteralExpression:
      return transformArrayLiteral(ctx, node as ts.ArrayLiteralExpression);
    case ts.SyntaxKind.ObjectLiteralExpression:
      return transformObjectLiteral(ctx, node as ts.ObjectLiteralExpression);
    case ts.SyntaxKind.ConditionalExpression: {
      const c = node as ts.ConditionalExpression;
      const test = condition(ctx, c.condition);
      if (test === py.TRUE) return transformExpr(ctx, c.whenTrue);
      if (test === py.FALSE) return transformExpr(ctx, c.whenFalse);
      return py.ifExp(test, transformExpr(ctx, c.whenTrue), transformExpr(ctx, c.whenFalse));
    }
    case ts.SyntaxKind.BinaryExpression:
      return transformBinary(ctx, node as ts.BinaryExpression, false);
    case ts.SyntaxKind.PrefixUnaryExpression:
      return transformPrefix(ctx, node as ts.PrefixUnaryExpression, false);
    case ts.SyntaxKind.PostfixUnaryExpression:
      return transformPostfix(ctx, node as ts.PostfixUnaryExpression, false);
    case ts.SyntaxKind.TypeOfExpression:
      return transformTypeof(ctx, node as ts.TypeOfExpression);
    case ts.SyntaxKind.DeleteExpression:
      return transformDelete(ctx, node as ts.DeleteExpression, false);
    case ts.SyntaxKind.VoidExpression: {
      const inner = transformExpr(ctx, (node as ts.VoidExpression).expression);
      return inner.kind === "Const" ? py.NONE : py.sub(py.tuple([inner, py.NONE]), py.num(1));
    }
    case ts.SyntaxKind.PropertyAccessExpression:
      return transformPropertyAccess(ctx, node as ts.PropertyAccessExpression);
    case ts.SyntaxKind.ElementAccessExpression:
      return transformElementAccess(ctx, node as ts.ElementAccessExpression);
    case ts.SyntaxKind.CallExpression:
      return transformCall(ctx, node as ts.CallExpression, false);
    case ts.SyntaxKind.NewExpression:
      return transformNew(ctx, node as ts.NewExpression);
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return transformFunctionExpression(ctx, node as ts.ArrowFunction | ts.FunctionExpression);
    case ts.SyntaxKind.YieldExpression: {
      const y = node as ts.YieldExpression;
      return {
        kind: "Yield",
        value: y.expression ? transformExpr(ctx, y.expression) : undefined,
        from: !!y.asteriskToken,
      };
    }
    case ts.SyntaxKind.AwaitExpression:
      ctx.report(node, diag.asyncAwait());
      return py.NONE;
    case ts.SyntaxKind.TaggedTemplateExpression:
      ctx.report(node, diag.taggedTemplate());
      return py.NONE;
    case ts.SyntaxKind.RegularExpressionLiteral:
      return regexpLiteral(ctx, node as ts.RegularExpressionLiteral);
    case ts.SyntaxKind.BigIntLiteral:
      ctx.report(node, diag.bigint());
      return py.NONE;
    case ts.SyntaxKind.ClassExpression:
      ctx.report(node, diag.classExpression());
      return py.NONE;
    case ts.SyntaxKind.SpreadElement:
      return py.starred(transformExpr(ctx, (node as ts.SpreadElement).expression));
    case ts.SyntaxKind.SuperKeyword:
      return superCall(ctx);
    case ts.SyntaxKind.MetaProperty:
      ctx.report(node, diag.unsupportedSyntax({ construct: node.getText() }));
      return py.NONE;
    default:
      ctx.report(node, diag.unsupportedSyntax({ construct: `'${ts.SyntaxKind[node.kind]}'` }));
      return py.NONE;
  }
}

export function transformThis(ctx: Ctx, node: ts.Node): py.Expr {
  for (let s: typeof ctx.scope | undefined = ctx.scope; s; s = s.parent) {
    if (s.thisName) return py.name(s.thisName);
    if (s.kind === "function" && !s.aliases.size && s.node && !ts.isArrowFunction(s.node)) break;
  }
  if (ctx.scope.thisName) return py.name(ctx.scope.thisName);
  ctx.report(node, diag.unboundThis());
  return py.name("self");
}

export function transformIdentifier(ctx: Ctx, node: ts.Identifier): py.Expr {
  const text = node.text;
  const sym = ctx.resolveSymbol(node);
  const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
  const inDeclarationFile = !!decl && decl.getSourceFile().isDeclarationFile;
  const isGlobal = !decl || (inDeclarationFile && T.isLibSymbol(ctx, sym!));
  if (isGlobal) {
    switch (text) {
      case "undefined":
        return py.NONE;
      case "NaN":
        return ctx.mathAttr("nan");
      case "Infinity":
        return ctx.mathAttr("inf");
      case "arguments":
        ctx.report(node, diag.arguments());
        return py.NONE;
      case "eval":
      case "Function":
        ctx.report(node, diag.eval());
        return py.NONE;
      case "Symbol":
        ctx.report(node, diag.symbol());
        return py.NONE;
      case "Error":
        return ctx.helper("JsError");
      case "TypeError":
        return ctx.helper("JsTypeError");
      case "RangeError":
        return ctx.helper("JsRangeError");
      case "SyntaxError":
        return ctx.helper("JsSyntaxError");
      case "ReferenceError":
        return ctx.helper("JsReferenceError");
      // global functions used as values (xs.map(Number), xs.filter(Boolean))
      case "Number":
        return ctx.helper("_js_to_number");
      case "String":
        return ctx.helper("_js_str");
      case "Boolean":
        return ctx.helper("_js_truthy");
      case "parseFloat":
        return ctx.helper("_js_parse_float");
      case "parseInt":
        return ctx.helper("_js_parse_int");
    }
    // the other global functions (isNaN, isFinite, encodeURIComponent, …) are translated at
    // their calls only: as a value the bare name would be a NameError in Python
    if (decl && ts.isFunctionDeclaration(decl)) {
      ctx.report(node, diag.builtinAsValue({ name: text }));
      return py.NONE;
    }
    // the built-in objects (Map, Set, Array, Date, Object, JSON, …) too: as a value or a base
    // class the bare name would be a NameError
    if (decl && ts.isVariableDeclaration(decl)) {
      ctx.report(node, diag.builtinObjectAsValue({ name: text }));
      return py.NONE;
    }
  }
  if (text === "arguments" && !decl) {
    ctx.report(node, diag.arguments());
    return py.NONE;
  }
  if (!sym) return py.name(text);
  const known = ctx.symbolNames.get(sym);
  if (known) return py.name(known);
  if (inDeclarationFile) {
    const mod = pythonModuleName(ctx, sym);
    if (mod) return py.name(mod);
    return py.name(text);
  }
  if (decl && T.isAmbientDecl(ctx, decl)) return py.name(text);
  return py.name(ctx.nameOfSymbol(sym));
}

function transformTemplate(ctx: Ctx, node: ts.TemplateExpression): py.Expr {
  const parts: (string | py.Expr)[] = [node.head.text];
  for (const span of node.templateSpans) {
    const e = toStr(
      ctx,
      T.typeOf(ctx, span.expression),
      transformExpr(ctx, span.expression),
      span.expression,
    );
    if (e.kind === "Const" && e.str !== undefined) parts[parts.length - 1] += e.str;
    else parts.push(e, "");
    parts[parts.length - 1] += span.literal.text;
  }
  if (parts.length === 1) return py.str(parts[0] as string);
  return { kind: "FString", parts };
}

export function spreadItems(ctx: Ctx, node: ts.Expression): py.Expr {
  const t = T.typeOf(ctx, node);
  const e = transformExpr(ctx, node);
  if (T.isMap(ctx, t)) return py.method(e, "items");
  return e;
}

function transformArrayLiteral(ctx: Ctx, node: ts.ArrayLiteralExpression): py.Expr {
  const layered = ctx.layers.visit(ts.SyntaxKind.ArrayLiteralExpression, ctx, node);
  if (layered) return layered;
  const elts: py.Expr[] = [];
  for (const el of node.elements) {
    if (ts.isSpreadElement(el)) elts.push(py.starred(spreadItems(ctx, el.expression)));
    else if (ts.isOmittedExpression(el)) elts.push(py.NONE);
    else elts.push(transformExpr(ctx, el));
  }
  // [...x] alone copies an iterable into a list
  if (elts.length === 1 && elts[0]!.kind === "Starred")
    return py.call("list", (elts[0] as py.StarredExpr).value);
  return py.list(elts);
}

/** The dict key for a property name. */
export function propertyKey(ctx: Ctx, name: ts.PropertyName): py.Expr {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name))
    return py.str(name.text);
  if (ts.isNumericLiteral(name)) return py.str(String(Number(name.text)));
  if (ts.isComputedPropertyName(name)) {
    const t = T.typeOf(ctx, name.expression);
    const e = transformExpr(ctx, name.expression);
    if (T.isString(ctx, t)) return e;
    if (T.isNumber(ctx, t)) return toStr(ctx, t, e);
    if (t.flags & ts.TypeFlags.ESSymbolLike) ctx.report(name, diag.symbol());
    return toStr(ctx, t, e);
  }
  if (ts.isPrivateIdentifier(name)) return py.str(name.text);
  return py.str(name.getText());
}

function transformObjectLiteral(ctx: Ctx, node: ts.ObjectLiteralExpression): py.Expr {
  const entries: py.DictEntry[] = [];
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p)) {
      entries.push({ key: propertyKey(ctx, p.name), value: transformExpr(ctx, p.initializer) });
    } else if (ts.isShorthandPropertyAssignment(p)) {
      entries.push({ key: py.str(p.name.text), value: transformIdentifier(ctx, p.name) });
    } else if (ts.isSpreadAssignment(p)) {
      const t = T.typeOf(ctx, p.expression);
      const e = transformExpr(ctx, p.expression);
      if (T.isClassInstance(ctx, t)) entries.push({ spread: ctx.callHelper("_js_fields", e) });
      else if (T.hasNullish(t))
        entries.push({ spread: py.boolOp("or", e, { kind: "Dict", entries: [] }) });
      else entries.push({ spread: e });
    } else if (ts.isMethodDeclaration(p)) {
      if (p.body && usesThis(p.body)) ctx.report(p, diag.objectThis());
      entries.push({ key: propertyKey(ctx, p.name), value: transformFunctionExpression(ctx, p) });
    } else if (ts.isGetAccessor(p) || ts.isSetAccessor(p)) {
      ctx.report(p, diag.objectAccessor());
    }
  }
  return { kind: "Dict", entries };
}
