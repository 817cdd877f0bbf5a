/**
 * Blender layer: the enum items a registered class writes (BPY2010).
 *
 * TypeScript types a subclass's field initialiser (`bl_space_type = "VIEW_3D"`) and a returned
 * `new Set(["FINISHED"])` as plain `string`: it does not type class members from the base class.
 * So the typings widen registered enum attributes and callback results with a `string & {}`
 * member (generator/src/rna.ts `widenedItems`) and the items are checked here instead, against
 * the rest of the union: a typo is still an error at its line, without `as const`.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../../ts.cjs";
import type { Ctx } from "../../context.js";

interface Items {
  /** The valid identifiers. */
  items: Set<string>;
  /** A set of identifiers (`bl_options`, `execute` results) rather than one. */
  set: boolean;
}

/** Items of a type widened by the typings (`"A" | "B" | (string & {})`, `Set<…>` of it), or null. */
function widenedItems(ctx: Ctx, t: ts.Type): Items | null {
  const ref = t as ts.TypeReference;
  const name = t.getSymbol()?.getName();
  if ((name === "Set" || name === "ReadonlySet") && ref.target) {
    const arg = ctx.checker.getTypeArguments(ref)[0];
    const inner = arg ? widenedItems(ctx, arg) : null;
    return inner && { items: inner.items, set: true };
  }
  if (!t.isUnion()) return null;
  const open = t.types.some(
    (m) => m.isIntersection() && m.types.some((x) => x.flags & ts.TypeFlags.String),
  );
  if (!open) return null;
  const items = new Set<string>();
  for (const m of t.types) if (m.isStringLiteral()) items.add(m.value);
  return items.size ? { items, set: false } : null;
}

/** String literals an expression can evaluate to, when the checker or the syntax says. */
function literals(ctx: Ctx, e: ts.Expression, set: boolean): { node: ts.Node; value: string }[] {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e))
    e = e.expression;
  if (ts.isConditionalExpression(e))
    return [...literals(ctx, e.whenTrue, set), ...literals(ctx, e.whenFalse, set)];
  if (set) {
    if (!ts.isNewExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== "Set")
      return [];
    const arg = e.arguments?.[0];
    if (!arg || !ts.isArrayLiteralExpression(arg)) return [];
    return arg.elements.flatMap((x) =>
      ts.isSpreadElement(x) ? [] : literals(ctx, x as ts.Expression, false),
    );
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e))
    return [{ node: e, value: e.text }];
  const t = ctx.checker.getTypeAtLocation(e);
  const members = t.isUnion() ? t.types : [t];
  if (!members.every((m) => m.isStringLiteral())) return [];
  return members.map((m) => ({ node: e, value: (m as ts.StringLiteralType).value }));
}

function closest(value: string, items: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of items) {
    const d = distance(value.toUpperCase(), item.toUpperCase());
    if (d < bestDistance) [best, bestDistance] = [item, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : null;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function check(ctx: Ctx, e: ts.Expression, what: string, expected: Items): void {
  for (const { node, value } of literals(ctx, e, expected.set)) {
    if (expected.items.has(value)) continue;
    const list = [...expected.items];
    const shown = list.length > 12 ? `${list.slice(0, 12).join(", ")}, …` : list.join(", ");
    const near = closest(value, list);
    ctx.report(
      node,
      diag.registeredItem({
        value: value,
        property: what,
        accepted: shown,
        suggestion: near ? `did you mean '${near}'?` : "write one of the items Blender accepts",
      }),
    );
  }
}

/** Return statements of a function body, not of the functions nested in it. */
function returns(body: ts.Node, out: ts.ReturnStatement[] = []): ts.ReturnStatement[] {
  ts.forEachChild(body, (n) => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n)) out.push(n);
    else returns(n, out);
  });
  return out;
}

/** Check the enum items the members of a registered class write against its base's. */
export function checkRegisteredItems(ctx: Ctx, node: ts.ClassLikeDeclaration): void {
  const ext = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!ext) return;
  const base = ctx.checker.getTypeAtLocation(ext);
  const baseStatic = ctx.checker.getTypeAtLocation(ext.expression);
  for (const m of node.members) {
    if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
    const isStatic = !!ts
      .getModifiers(m as ts.HasModifiers)
      ?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    const prop = (isStatic ? baseStatic : base).getProperty(m.name.text);
    if (!prop) continue;
    const declared = ctx.checker.getTypeOfSymbolAtLocation(prop, ext);
    const what = `${ext.expression.getText()}.${m.name.text}`;
    if (ts.isPropertyDeclaration(m) && m.initializer) {
      const expected = widenedItems(ctx, declared);
      if (expected) check(ctx, m.initializer, what, expected);
    } else if (ts.isMethodDeclaration(m) && m.body) {
      const callable = ctx.checker.getNonNullableType(declared);
      const sig = ctx.checker.getSignaturesOfType(callable, ts.SignatureKind.Call)[0];
      const ret = sig && ctx.checker.getReturnTypeOfSignature(sig);
      const expected = ret && widenedItems(ctx, ret);
      if (!expected) continue;
      for (const r of returns(m.body))
        if (r.expression) check(ctx, r.expression, `the result of ${what}()`, expected);
    }
  }
}
