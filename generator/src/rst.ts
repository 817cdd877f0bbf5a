/**
 * RST type text (as written in Blender's docstrings, kept raw in the schema) → TypeScript type.
 *
 * The parser is a small table plus a few combinators: alternatives (`A or B`, `A, B or C`),
 * containers (`sequence of X`, `list of X`, `tuple of X`, `pair of X`, `X triplet`, `X pair`),
 * `:class:` references (resolved through the caller's class table) and scalars. Text it cannot
 * map yields `unknown` plus a note that ends up in the JSDoc (never a silent `any`).
 */

export type Position = "param" | "return" | "attr";

export interface RstContext {
  position: Position;
  /** Resolve a class name (`Vector`, `mathutils.Vector`, `bpy.types.Object`, `BMVert`) to a TS type reference, or null. */
  resolveClass(name: string): string | null;
}

export interface Mapped {
  type: string;
  /** Why the type is not precise (goes into the JSDoc). */
  note?: string;
}

const SCALARS: Record<string, string> = {
  float: "number",
  int: "number",
  integer: "number",
  uint: "number",
  number: "number",
  double: "number",
  "int or float": "number",
  bool: "boolean",
  boolean: "boolean",
  string: "string",
  str: "string",
  none: "null",
  nonetype: "null",
  bytes: "Uint8Array",
  "byte sequence": "Uint8Array",
  "object exposing buffer interface": "ArrayLike<number>",
  "2d vector": "VECTOR",
  "3d vector": "VECTOR",
  "4d vector": "VECTOR",
  vector: "VECTOR",
  set: "Set<string>",
  "set of strings": "Set<string>",
  "set of str": "Set<string>",
  frozenset: "ReadonlySet<string>",
};

/** Opaque containers: typed as precisely as the text allows; the element type is not documented. */
const OPAQUE: Record<string, Mapped> = {
  dict: { type: "Record<string, unknown>", note: "documented only as `dict`" },
  list: { type: "unknown[]", note: "documented only as `list`" },
  tuple: { type: "readonly unknown[]", note: "documented only as `tuple`" },
  sequence: { type: "readonly unknown[]", note: "documented only as `sequence`" },
  "iterable object": { type: "Iterable<unknown>", note: "documented only as an iterable" },
  object: { type: "unknown", note: "documented as `object` (any Python object)" },
  any: { type: "unknown", note: "documented as any Python object" },
  "any type": { type: "unknown", note: "documented as any Python object" },
  undefined: { type: "unknown", note: "documented as undefined" },
  "undefined (it may change)": { type: "unknown", note: "documented as undefined" },
  function: { type: "(...args: never[]) => unknown", note: "documented only as `function`" },
  callable: { type: "(...args: never[]) => unknown", note: "documented only as `callable`" },
  generator: { type: "Iterable<unknown>", note: "documented only as a generator" },
  class: { type: "{ readonly prototype: unknown }", note: "documented as a class" },
  type: { type: "{ readonly prototype: unknown }", note: "documented as a class" },
  module: { type: "unknown", note: "a Python module object" },
  moduletype: { type: "unknown", note: "a Python module object" },
};

function clean(text: string): string {
  return text
    .replace(/\\n[\s\S]*$/, "")
    .replace(/\n[\s\S]*$/, "")
    .replace(/``/g, "")
    .replace(/`([^`]*)`s\b/g, "`$1`")
    .replace(/'s\b/g, "")
    .trim()
    .replace(/[.,;:]+$/, "")
    .trim();
}

/** Split at top level on " or " and ", ". */
function splitAlternatives(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (depth === 0 && (text.startsWith(" or ", i) || text.startsWith(" | ", i))) {
      parts.push(cur);
      cur = "";
      i += 3;
      continue;
    }
    if (depth === 0 && ch === "," && text[i + 1] === " ") {
      parts.push(cur);
      cur = "";
      i += 1;
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function union(types: string[]): string {
  const uniq = [...new Set(types)];
  if (uniq.includes("unknown")) return "unknown";
  return uniq.join(" | ");
}

function paren(t: string): string {
  return /[|&]|=>/.test(t) || t.startsWith("readonly ") ? `(${t})` : t;
}

function arrayOf(elem: string, ctx: RstContext): string {
  return ctx.position === "param" ? `readonly ${paren(elem)}[]` : `${paren(elem)}[]`;
}

/** Map one alternative (no top-level "or"). */
function mapOne(text: string, ctx: RstContext): Mapped | null {
  let t = text.trim().replace(/^an? /i, "");
  const lower = t.toLowerCase();
  if (lower in SCALARS) {
    const s = SCALARS[lower]!;
    if (s === "VECTOR") return { type: vectorRef(ctx) };
    return { type: s };
  }
  if (lower in OPAQUE) return OPAQUE[lower]!;
  // :class:`X` (optionally "4x4 :class:`Matrix`", ":class:`Vector` of size 3", ":class:`X` subclass")
  let m = /^(?:\d+x\d+ )?:class:`~?([\w.]+)`(?: of size \d+| subclass| types?)?$/.exec(t);
  if (m) {
    const r = ctx.resolveClass(m[1]!);
    if (r) return { type: ctx.position === "param" && r === "Vector" ? vectorRef(ctx) : r };
    return null;
  }
  m = /^`([\w.]+)`$/.exec(t);
  if (m) return mapOne(m[1]!, ctx);
  m = /^([A-Z][\w.]*)$/.exec(t);
  if (m) {
    const r = ctx.resolveClass(m[1]!);
    if (r) return { type: r };
  }
  // ":class:`BMElemSeq` of :class:`BMLoop`" (a generic sequence class)
  m = /^:class:`([\w.]+)` of :class:`([\w.]+)`$/.exec(t);
  if (m) {
    const outer = ctx.resolveClass(m[1]!);
    const inner = ctx.resolveClass(m[2]!);
    const generic = /(^|\.)(BMElemSeq|BMIter)$/.test(m[1]!);
    if (outer && inner) return { type: generic ? `${outer}<${inner}>` : outer };
  }
  // ":class:`BMElemSeq`\\ [:class:`BMVert`]" (5.x form of "BMElemSeq of BMVert")
  m = /^:class:`~?([\w.]+)`(?:\\)?\s*\[(.+)\]$/.exec(t);
  if (m) {
    const outer = ctx.resolveClass(m[1]!);
    const inner = mapText(m[2]!, ctx);
    const generic = /(^|\.)(BMElemSeq|BMIter)$/.test(m[1]!);
    if (outer && (!generic || inner.type !== "unknown"))
      return { type: generic ? `${outer}<${inner.type}>` : outer };
  }
  // "Literal['VERT', 'EDGE']"
  m = /^Literal\[(.+)\]$/.exec(t);
  if (m) {
    const lits = m[1]!.split(/,\s*/).map((x) => /^'([^']*)'$|^"([^"]*)"$/.exec(x.trim()));
    if (lits.every((x) => x !== null))
      return { type: lits.map((x) => JSON.stringify(x![1] ?? x![2])).join(" | ") };
  }
  // Python typing generics (4.3+ docstrings): "Sequence[X]", "Iterable[X]", "list[X]", "set[X]"
  m = /^(Sequence|Iterable|Iterator|Collection|list|List|set|Set|frozenset)\[(.+)\]$/.exec(t);
  if (m) {
    const inner = mapText(m[2]!, ctx);
    if (inner.type === "unknown") return null;
    const kind = m[1]!.toLowerCase();
    if (kind === "set" || kind === "frozenset")
      return {
        type:
          ctx.position === "param"
            ? `ReadonlySet<${inner.type}> | Set<${inner.type}>`
            : `Set<${inner.type}>`,
        note: inner.note,
      };
    if (kind === "iterable" || kind === "iterator")
      return { type: `Iterable<${inner.type}>`, note: inner.note };
    return { type: arrayOf(inner.type, ctx), note: inner.note };
  }
  // containers
  m =
    /^(?:sequence|list|tuple|iterable|collection|set)s? of (?:\d+ (?:or \d+ )?|(?:\d+, )*\d+ or \d+ )?(.+?)s?$/i.exec(
      t,
    );
  if (m) {
    const inner = mapText(m[1]!.replace(/^of /, ""), { ...ctx, position: ctx.position });
    if (inner.type === "unknown") return null;
    if (/^set/i.test(t)) return { type: `Set<${inner.type}>`, note: inner.note };
    return { type: arrayOf(inner.type, ctx), note: inner.note };
  }
  m = /^(?:a )?(?:tuple )?pair of (.+?)s?$/i.exec(t);
  if (m) {
    const inner = mapText(m[1]!, ctx);
    if (inner.type === "unknown") return null;
    return { type: tuple([inner.type, inner.type], ctx), note: inner.note };
  }
  m = /^(.+?) (pair|triplet)$/i.exec(t);
  if (m) {
    const inner = mapText(m[1]!, ctx);
    if (inner.type === "unknown") return null;
    const n = m[2]!.toLowerCase() === "pair" ? 2 : 3;
    return { type: tuple(Array(n).fill(inner.type), ctx), note: inner.note };
  }
  m = /^(.+?) (tuple|list)$/i.exec(t);
  if (m) {
    const inner = mapText(m[1]!, ctx);
    if (inner.type === "unknown") return null;
    return { type: arrayOf(inner.type, ctx), note: inner.note };
  }
  // "(A, B, C)" tuple literal
  m = /^\((.*)\)(?: pair)?$/.exec(t);
  if (m) {
    const items = m[1]!.split(/,\s*/).map((x) => mapText(x, ctx));
    if (items.some((i) => i.type === "unknown")) return null;
    return {
      type: tuple(
        items.map((i) => i.type),
        ctx,
      ),
    };
  }
  return null;
}

function tuple(items: string[], ctx: RstContext): string {
  return `${ctx.position === "param" ? "readonly " : ""}[${items.join(", ")}]`;
}

function vectorRef(ctx: RstContext): string {
  const v = ctx.resolveClass("mathutils.Vector") ?? "Vector";
  return ctx.position === "param" ? `${v} | readonly number[]` : v;
}

/** Map RST type text. Never throws; unknown text gives `unknown` with a note. */
export function mapText(raw: string, ctx: RstContext): Mapped {
  const text = clean(raw);
  if (!text) return { type: "unknown", note: "no type documented" };
  const whole = mapOne(text, ctx);
  if (whole) return whole;
  const alts = splitAlternatives(text);
  if (alts.length > 1) {
    const mapped = alts.map((a) => mapOne(a, ctx));
    if (mapped.every((x): x is Mapped => x !== null)) {
      const notes = mapped.map((x) => x.note).filter(Boolean);
      return {
        type: union(mapped.map((x) => x.type)),
        note: notes.length ? notes.join("; ") : undefined,
      };
    }
  }
  return {
    type: "unknown",
    note: `Blender documents the type as "${raw.trim()}", which the generator cannot map`,
  };
}
