/** Destructuring of arrays and objects, in declarations, parameters, assignments and for…of. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "../expressions/index.js";
import { assignmentTarget, memberName } from "../expressions/access.js";
import { propertyKey } from "../expressions/index.js";

type Pat =
  | { kind: "target"; bind: () => py.Expr }
  | {
      kind: "array";
      elems: ({ pat: Pat; def?: ts.Expression; rest?: boolean } | null)[];
      node: ts.Node;
    }
  | {
      kind: "object";
      props: { key: py.Expr; keyText?: string; pat: Pat; def?: ts.Expression; rest?: boolean }[];
      node: ts.Node;
    };

function fromBinding(ctx: Ctx, name: ts.BindingName): Pat {
  if (ts.isIdentifier(name)) return { kind: "target", bind: () => py.name(ctx.declare(name)) };
  if (ts.isArrayBindingPattern(name)) {
    return {
      kind: "array",
      node: name,
      elems: name.elements.map((e) =>
        ts.isOmittedExpression(e)
          ? null
          : { pat: fromBinding(ctx, e.name), def: e.initializer, rest: !!e.dotDotDotToken },
      ),
    };
  }
  return {
    kind: "object",
    node: name,
    props: name.elements.map((e) => {
      const pn = e.propertyName ?? (e.name as ts.Identifier);
      const key =
        ts.isIdentifier(pn) || ts.isStringLiteral(pn) || ts.isNumericLiteral(pn)
          ? py.str(ts.isNumericLiteral(pn) ? String(Number(pn.text)) : pn.text)
          : propertyKey(ctx, pn);
      return {
        key,
        keyText: key.kind === "Const" ? key.str : undefined,
        pat: fromBinding(ctx, e.name),
        def: e.initializer,
        rest: !!e.dotDotDotToken,
      };
    }),
  };
}

function fromAssignment(ctx: Ctx, node: ts.Expression): Pat {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isArrayLiteralExpression(node)) {
    return {
      kind: "array",
      node,
      elems: node.elements.map((e) => {
        if (ts.isOmittedExpression(e)) return null;
        if (ts.isSpreadElement(e)) return { pat: fromAssignment(ctx, e.expression), rest: true };
        if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken)
          return { pat: fromAssignment(ctx, e.left), def: e.right };
        return { pat: fromAssignment(ctx, e) };
      }),
    };
  }
  if (ts.isObjectLiteralExpression(node)) {
    return {
      kind: "object",
      node,
      props: node.properties.map((p) => {
        if (ts.isShorthandPropertyAssignment(p)) {
          return {
            key: py.str(p.name.text),
            keyText: p.name.text,
            pat: fromAssignment(ctx, p.name),
            def: p.objectAssignmentInitializer,
          };
        }
        if (ts.isSpreadAssignment(p))
          return { key: py.NONE, pat: fromAssignment(ctx, p.expression), rest: true };
        if (ts.isPropertyAssignment(p)) {
          let target = p.initializer;
          let def: ts.Expression | undefined;
          if (
            ts.isBinaryExpression(target) &&
            target.operatorToken.kind === ts.SyntaxKind.EqualsToken
          ) {
            def = target.right;
            target = target.left;
          }
          const key = propertyKey(ctx, p.name);
          return {
            key,
            keyText: key.kind === "Const" ? key.str : undefined,
            pat: fromAssignment(ctx, target),
            def,
          };
        }
        ctx.report(p, diag.unsupportedSyntax({ construct: "this destructuring pattern" }));
        return { key: py.NONE, pat: { kind: "target", bind: () => py.name("_") } };
      }),
    };
  }
  return {
    kind: "target",
    bind: () => {
      const t = assignmentTarget(ctx, node);
      if (t.kind === "setter") {
        ctx.report(node, diag.complexUpdate());
        return py.name("_");
      }
      return t.expr;
    },
  };
}

/**
 * `if target is None: target = def`. JavaScript applies a default to undefined only: a value
 * typed `T | null` that cannot be undefined (`nullOnly`: a declared property) takes none, one
 * that may be both is BPY1042 (the default also replaces null).
 */
function applyDefault(
  ctx: Ctx,
  target: py.Expr,
  def: ts.Expression | undefined,
  pos?: py.SrcPos,
  valueType?: ts.Type,
  nullOnly = false,
): py.Stmt[] {
  if (!def) return [];
  if (valueType && T.hasNull(valueType)) {
    if (nullOnly && !T.hasUndefined(valueType)) return [];
    const at = def.parent;
    const name =
      (ts.isBindingElement(at) || ts.isShorthandPropertyAssignment(at)) && ts.isIdentifier(at.name)
        ? at.name.text
        : ts.isBinaryExpression(at)
          ? at.left.getText()
          : def.getText();
    ctx.report(def, diag.defaultReplacesNull({ name }));
  }
  return [
    py.ifStmt(
      py.compare(target, "is", py.NONE),
      [py.assign(target, transformExpr(ctx, def), pos)],
      [],
      pos,
    ),
  ];
}

function emit(
  ctx: Ctx,
  pat: Pat,
  value: py.Expr,
  type: ts.Type | undefined,
  pos?: py.SrcPos,
): py.Stmt[] {
  if (pat.kind === "target") return [py.assign(pat.bind(), value, pos)];
  if (pat.kind === "array") {
    // a Map iterates its entries, a Python dict its keys
    if (type && T.isMap(ctx, type)) value = py.method(value, "items");
    const elems = pat.elems;
    const exactTuple = type ? T.tupleLength(ctx, type) : undefined;
    const simple = elems.every((e) => e && !e.def && !e.rest && e.pat.kind === "target");
    if (simple && exactTuple === elems.length) {
      return [
        {
          kind: "Assign",
          targets: [py.tuple(elems.map((e) => (e!.pat as { bind: () => py.Expr }).bind()))],
          value,
          pos,
        },
      ];
    }
    const out: py.Stmt[] = [];
    const targets: py.Expr[] = [];
    const later: py.Stmt[] = [];
    const n = elems.filter((e) => !e?.rest).length;
    const hasRest = elems.some((e) => e?.rest);
    elems.forEach((e, i) => {
      if (!e) {
        targets.push(py.name("_"));
        return;
      }
      let sub: ts.Type | undefined;
      if (type && ctx.checker.isTupleType(type))
        sub = ctx.checker.getTypeArguments(type as ts.TypeReference)[i];
      else if (type && ctx.checker.isArrayType(type))
        sub = ctx.checker.getTypeArguments(type as ts.TypeReference)[0];
      // a rest element collects an array: a pattern over it reads an array (`[...{ length }]`)
      if (e.rest && e.pat.kind !== "target") {
        sub = ctx.checker.getTypeAtLocation(e.pat.node);
        // an assignment pattern's type is its literal's: the rest of an array is that array type
        if (!T.isArray(ctx, sub) && type && ctx.checker.isArrayType(type)) sub = type;
      }
      if (e.pat.kind === "target") {
        const t = e.pat.bind();
        targets.push(t);
        later.push(...applyDefault(ctx, t, e.def, pos, sub));
      } else {
        const tmp = ctx.fresh("_item");
        targets.push(py.name(tmp));
        later.push(...applyDefault(ctx, py.name(tmp), e.def, pos, sub));
        later.push(...emit(ctx, e.pat, py.name(tmp), sub, pos));
      }
    });
    // `const [] = v` binds nothing: JavaScript only asks `v` for an iterator (a TypeError when
    // it has none) and closes it without reading an element
    if (elems.length === 0) return [py.exprStmt(py.call("iter", value), pos)];
    const unpack = ctx.callHelper("_js_unpack", value, py.num(n));
    if (hasRest) unpack.args.push({ kind: "pos", value: py.TRUE });
    out.push({
      kind: "Assign",
      targets: [targets.length === 1 ? py.tuple(targets) : py.tuple(targets)],
      value: unpack,
      pos,
    });
    return [...out, ...later];
  }
  // object pattern
  const out: py.Stmt[] = [];
  let src = value;
  if (!py.isSimple(value)) {
    const tmp = ctx.fresh("_obj");
    out.push(py.assign(py.name(tmp), value, pos));
    src = py.name(tmp);
  }
  // `const { 0: first, length: n } = [7, 8, 9]` (or a string): indices and `length` only
  const indexed = !!type && (T.isArray(ctx, type) || T.isString(ctx, type));
  const dict = !indexed && (!type || T.isDictLike(ctx, type) || T.isAnyLike(type));
  const seen: py.Expr[] = [];
  for (const p of pat.props) {
    if (p.rest && indexed) {
      ctx.report(
        pat.node,
        diag.unsupportedSyntax({ construct: "a rest element in an object pattern over an array" }),
      );
      continue;
    }
    if (p.rest) {
      const k = ctx.fresh("_k");
      const v = ctx.fresh("_v");
      const source = dict ? src : ctx.callHelper("_js_fields", src);
      const comp: py.CompExpr = {
        kind: "Comp",
        type: "dict",
        elt: py.name(k),
        value: py.name(v),
        fors: [
          {
            target: py.tuple([py.name(k), py.name(v)]),
            iter: py.method(source, "items"),
            conds: seen.length ? [py.compare(py.name(k), "not in", py.tuple(seen))] : [],
          },
        ],
      };
      out.push(...emit(ctx, p.pat, comp, undefined, pos));
      continue;
    }
    seen.push(p.key);
    let get: py.Expr;
    const optional =
      !!p.def || !type || (p.keyText !== undefined && T.isOptionalProperty(ctx, type, p.keyText));
    if (indexed) {
      const k = p.keyText;
      if (k === "length") get = py.call("len", src);
      else if (k !== undefined && /^(0|[1-9][0-9]{0,8})$/.test(k)) {
        const i = py.num(Number(k));
        const fixed = T.tupleLength(ctx, type!);
        get =
          fixed !== undefined && Number(k) < fixed
            ? py.sub(src, i)
            : py.ifExp(py.compare(i, "<", py.call("len", src)), py.sub(src, i), py.NONE);
      } else {
        ctx.report(
          pat.node,
          diag.unsupportedSyntax({
            construct:
              "this object pattern over an array or string (only indices and `length` are read)",
          }),
        );
        continue;
      }
    } else if (dict) get = optional ? py.method(src, "get", p.key) : py.sub(src, p.key);
    else if (p.keyText !== undefined)
      get = py.attr(src, T.isAmbientType(ctx, type!) ? p.keyText : memberName(p.keyText));
    else get = py.call("getattr", src, ctx.callHelper("_js_attr_name", p.key));
    let propType: ts.Type | undefined;
    if (type && p.keyText !== undefined) {
      const sym = type.getProperty(p.keyText);
      if (sym) propType = ctx.checker.getTypeOfSymbol(sym);
    }
    // a declared, required property typed `T | null` is never undefined: no default applies
    const nullOnly =
      !!propType &&
      !indexed &&
      p.keyText !== undefined &&
      !T.isOptionalProperty(ctx, type!, p.keyText);
    if (p.pat.kind === "target") {
      const t = p.pat.bind();
      out.push(py.assign(t, get, pos), ...applyDefault(ctx, t, p.def, pos, propType, nullOnly));
    } else if (p.def) {
      const tmp = ctx.fresh("_item");
      out.push(
        py.assign(py.name(tmp), get, pos),
        ...applyDefault(ctx, py.name(tmp), p.def, pos, propType, nullOnly),
        ...emit(ctx, p.pat, py.name(tmp), propType, pos),
      );
    } else out.push(...emit(ctx, p.pat, get, propType, pos));
  }
  return out;
}

/** Destructure a binding pattern (declaration, parameter, for…of) from a translated value. */
export function destructureTo(
  ctx: Ctx,
  name: ts.BindingName,
  value: py.Expr,
  pos?: py.SrcPos,
  type?: ts.Type,
): py.Stmt[] {
  const t = type ?? (ts.isIdentifier(name) ? undefined : ctx.checker.getTypeAtLocation(name));
  return emit(ctx, fromBinding(ctx, name), value, t, pos);
}

/** `[a, b] = value` / `({ a, b } = value)` as statements. */
export function destructureAssign(
  ctx: Ctx,
  target: ts.ArrayLiteralExpression | ts.ObjectLiteralExpression,
  valueNode: ts.Expression,
): py.Stmt[] {
  const pos = ctx.pos(target);
  // [a, b] = [b, a]
  let v = valueNode;
  while (ts.isParenthesizedExpression(v)) v = v.expression;
  if (
    ts.isArrayLiteralExpression(target) &&
    ts.isArrayLiteralExpression(v) &&
    v.elements.length === target.elements.length &&
    target.elements.every(
      (e) =>
        !ts.isSpreadElement(e) &&
        !ts.isOmittedExpression(e) &&
        !ts.isArrayLiteralExpression(e) &&
        !ts.isObjectLiteralExpression(e) &&
        !(ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken),
    ) &&
    v.elements.every((e) => !ts.isSpreadElement(e))
  ) {
    const value = py.tuple(v.elements.map((e) => transformExpr(ctx, e)));
    const targets = target.elements.map((e) => {
      const t = assignmentTarget(ctx, e);
      return t.kind === "expr" ? t.expr : py.name("_");
    });
    return [{ kind: "Assign", targets: [py.tuple(targets)], value, pos }];
  }
  const value = transformExpr(ctx, valueNode);
  return emit(ctx, fromAssignment(ctx, target), value, T.typeOf(ctx, valueNode), pos);
}
