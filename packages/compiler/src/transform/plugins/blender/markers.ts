/**
 * Blender layer: reading the markers of the generated typings (see generator/README.md, "Usage
 * contract"): which values are Python objects, `@pyName`, `@pyOperator`, `KwArgs`,
 * `ContextManager`, and which `length` members are Python `len()`.
 */
import ts from "../../../ts.cjs";
import type { Ctx, StateKey } from "../../context.js";
import { isAmbientDecl, isLibSymbol } from "../../../analysis/types.js";

/** Is this declaration part of the Blender/Python typings (an ambient module of a .d.ts)? */
export function isTypingsDecl(ctx: Ctx, d: ts.Node | undefined): boolean {
  if (!d) return false;
  const sf = d.getSourceFile();
  if (!sf.isDeclarationFile) return false;
  return isAmbientDecl(ctx, d);
}

/**
 * A value whose type (or a constituent of an intersection/union, or a base class) is a named
 * class/interface declared by the typings is a Python object: attribute access, plain calls,
 * plain subscription. Anonymous object types of the typings (`bmesh.ops` result dicts, KwArgs
 * option objects) stay dicts.
 */
export function isPythonObjectType(ctx: Ctx, t: ts.Type, seen = new Set<ts.Type>()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  if (t.flags & ts.TypeFlags.TypeParameter) {
    const c = ctx.checker.getBaseConstraintOfType(t);
    return !!c && c !== t && isPythonObjectType(ctx, c, seen);
  }
  if (t.isUnionOrIntersection()) return t.types.some((p) => isPythonObjectType(ctx, p, seen));
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  const s = t.getSymbol();
  if (s && s.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface) && !isLibSymbol(ctx, s)) {
    if (s.declarations?.some((d) => isTypingsDecl(ctx, d))) return true;
  }
  // a user class extending a typings class (bpy.types.Operator, …)
  const target = (t as ts.TypeReference).target ?? t;
  if (target.isClassOrInterface()) {
    for (const b of ctx.checker.getBaseTypes(target))
      if (isPythonObjectType(ctx, b, seen)) return true;
  }
  return false;
}

/**
 * The JSDoc comments (`/** … *\/`) written right before a declaration, as source text. Read from
 * the text rather than the JSDoc AST: declaration files are parsed without JSDoc, as tsc does
 * (src/index.ts), which saves a third of the parse time of the Blender typings.
 */
export function docComments(d: ts.Node): string[] {
  const sf = d.getSourceFile();
  const out: string[] = [];
  for (const r of ts.getLeadingCommentRanges(sf.text, d.pos) ?? [])
    if (r.kind === ts.SyntaxKind.MultiLineCommentTrivia && sf.text.startsWith("/**", r.pos))
      out.push(sf.text.slice(r.pos, r.end));
  return out;
}

/** The text of a JSDoc tag on a declaration (first occurrence, up to the next tag), or undefined. */
export function jsDocTag(d: ts.Node | undefined, tag: string): string | undefined {
  if (!d) return undefined;
  for (const c of docComments(d)) {
    const lines = c
      .replace(/^\/\*\*|\*\/$/g, "")
      .split("\n")
      .map((l) => l.replace(/^\s*\*?\s?/, ""));
    const i = lines.findIndex(
      (l) => l.startsWith(`@${tag}`) && !/\S/.test(l[tag.length + 1] ?? " "),
    );
    if (i < 0) continue;
    const text = [lines[i]!.slice(tag.length + 1)];
    for (let k = i + 1; k < lines.length && !lines[k]!.startsWith("@"); k++) text.push(lines[k]!);
    return text.join("\n").trim();
  }
  // `const _delete_: …` inside a variable statement: tags sit on the statement
  if (ts.isVariableDeclaration(d) && d.parent && ts.isVariableDeclarationList(d.parent))
    return jsDocTag(d.parent.parent, tag);
  return undefined;
}

function resolveAlias(ctx: Ctx, s: ts.Symbol): ts.Symbol {
  if (s.flags & ts.SymbolFlags.Alias) {
    try {
      return ctx.checker.getAliasedSymbol(s);
    } catch {
      return s;
    }
  }
  return s;
}

/**
 * The Python name of a typings declaration carrying `@pyName <name>` (one word: the declaration
 * itself is renamed, e.g. `EnumFlagProperty` → `EnumProperty`); undefined otherwise.
 */
export function pyNameOf(ctx: Ctx, sym: ts.Symbol | undefined): string | undefined {
  if (!sym) return undefined;
  const pyNames = ctx.state(MARKERS).pyNames;
  let name = pyNames.get(sym);
  if (name === undefined) pyNames.set(sym, (name = pyNameUncached(ctx, sym) ?? null));
  return name ?? undefined;
}

function pyNameUncached(ctx: Ctx, sym: ts.Symbol): string | undefined {
  const s = resolveAlias(ctx, sym);
  for (const d of s.declarations ?? []) {
    if (!isTypingsDecl(ctx, d)) continue;
    const v = jsDocTag(d, "pyName");
    if (v && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return v;
  }
  return undefined;
}

/** `@pyOperator <token>` of a method declaration (mathutils operator macros). */
export function pyOperatorOf(ctx: Ctx, d: ts.Node | undefined): string | undefined {
  if (!d) return undefined;
  const pyOperators = ctx.state(MARKERS).pyOperators;
  let tok = pyOperators.get(d);
  if (tok === undefined) pyOperators.set(d, (tok = pyOperatorUncached(ctx, d) ?? null));
  return tok ?? undefined;
}

function pyOperatorUncached(ctx: Ctx, d: ts.Node): string | undefined {
  if (!isTypingsDecl(ctx, d)) return undefined;
  // `@pyOperator @` / `@=`: a JSDoc parser would take the `@` for the start of a new tag
  for (const c of docComments(d)) {
    const m = /@pyOperator[ \t]+(\S+)/.exec(c);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Is this `length` member Python `len(x)`? The typings declare it on `bpy_prop_collection` and
 * `bpy_prop_array` (documented "Python `len(…)`" but without a machine-readable tag), so the
 * declaring class names are recognised, plus a `@pyOperator len` tag should one appear.
 */
export function isLenMember(ctx: Ctx, d: ts.Node | undefined): boolean {
  if (!d || !isTypingsDecl(ctx, d)) return false;
  if (pyOperatorOf(ctx, d) === "len") return true;
  const cls = d.parent;
  if (cls && (ts.isClassDeclaration(cls) || ts.isInterfaceDeclaration(cls)) && cls.name) {
    const n = cls.name.text;
    if (n === "bpy_prop_collection" || n === "bpy_prop_array") return true;
  }
  return false;
}

/** Is the declared return type of this signature a `ContextManager<…>` reference? */
export function returnsContextManager(ctx: Ctx, sig: ts.Signature | undefined): boolean {
  const d = sig?.declaration;
  if (!d || ts.isJSDocSignature(d) || !d.type) return false;
  return ts.isTypeReferenceNode(d.type) && markerOf(ctx, d.type) === "ContextManager";
}

export type Marker = "KwArgs" | "ContextManager";

/**
 * Per compile: the markers resolved to symbols (a type alias of the typings named `KwArgs` or
 * `ContextManager`, reached through imports), and the `@pyName`/`@pyOperator` tags read once per
 * symbol or declaration.
 */
const MARKERS: StateKey<{
  aliases: Map<ts.Symbol, Marker | null>;
  pyNames: Map<ts.Symbol, string | null>;
  pyOperators: Map<ts.Node, string | null>;
}> = { create: () => ({ aliases: new Map(), pyNames: new Map(), pyOperators: new Map() }) };

/** The marker a type reference names (`KwArgs<{ … }>`, `bpy.ContextManager<T>`), if any. */
export function markerOf(ctx: Ctx, ref: ts.TypeReferenceNode): Marker | undefined {
  const name = ts.isIdentifier(ref.typeName) ? ref.typeName : ref.typeName.right;
  // only these names can be markers: no symbol lookup for the other references
  if (name.text !== "KwArgs" && name.text !== "ContextManager") return undefined;
  const sym = ctx.resolveSymbol(name);
  if (!sym) return undefined;
  const aliases = ctx.state(MARKERS).aliases;
  let m = aliases.get(sym);
  if (m === undefined) {
    const isMarker =
      !!(sym.flags & ts.SymbolFlags.TypeAlias) &&
      (sym.name === "KwArgs" || sym.name === "ContextManager") &&
      !!sym.declarations?.length &&
      sym.declarations.every((d) => d.getSourceFile().isDeclarationFile);
    aliases.set(sym, (m = isMarker ? (sym.name as Marker) : null));
  }
  return m ?? undefined;
}

/** Does the type (a ContextManager<T> = T & Disposable) include Disposable? */
export function isDisposableType(t: ts.Type): boolean {
  const parts = t.isUnionOrIntersection() ? t.types : [t];
  return parts.some((p) => {
    const s = p.getSymbol() ?? p.aliasSymbol;
    return !!s && (s.name === "Disposable" || s.name === "AsyncDisposable");
  });
}

/**
 * An anonymous object type of the typings (`{ verts: BMVert[] }`, the result dict of a
 * `bmesh.ops.*` call): a Python dict, read with subscripts.
 */
export function isTypingsDictType(ctx: Ctx, t: ts.Type): boolean {
  const parts = ctx.checker.getNonNullableType(t);
  const ps = parts.isUnion() ? parts.types : [parts];
  return (
    ps.length > 0 &&
    ps.every((p) => {
      if (!(p.flags & ts.TypeFlags.Object)) return false;
      if (p.getCallSignatures().length || p.getConstructSignatures().length) return false;
      const s = p.getSymbol();
      if (!s || !(s.flags & ts.SymbolFlags.TypeLiteral)) return false;
      return !!s.declarations?.length && s.declarations.every((d) => isTypingsDecl(ctx, d));
    })
  );
}
