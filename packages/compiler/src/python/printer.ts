/**
 * Prints the Python AST as PEP 8-ish source and records a v3 source map: every non-blank output
 * line gets a segment at column 0 pointing at the TypeScript position of the statement it came
 * from (nested statements without a position inherit their parent's).
 */
import { GenMapping, addMapping, setSourceContent, toEncodedMap } from "@jridgewell/gen-mapping";
import type { Expr, Module, Param, SrcPos, Stmt } from "./ast.js";
import { ident, pyStringLiteral } from "./ast.js";

export interface SourceMapV3 {
  version: 3;
  file: string;
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
  sourceRoot?: string;
  /**
   * bpyts extension for the debugger: Python line of a `def` (0: the module) → the names in
   * that scope whose TS type is `T | null` (their `None` reads `null`, not `undefined`).
   */
  x_bpyts_nulls?: Record<string, string[]>;
}

const BIN_PREC: Record<string, number> = {
  "|": 7,
  "^": 8,
  "&": 9,
  "<<": 10,
  ">>": 10,
  "+": 11,
  "-": 11,
  "*": 12,
  "/": 12,
  "//": 12,
  "%": 12,
  "@": 12, // matrix multiplication (mathutils)
  "**": 14,
};

export function precedence(e: Expr): number {
  switch (e.kind) {
    case "Walrus":
    case "Yield":
      return 0;
    case "Lambda":
      return 1;
    case "IfExp":
      return 2;
    case "BoolOp":
      return e.op === "or" ? 3 : 4;
    case "Unary":
      return e.op === "not" ? 5 : 13;
    case "Compare":
      return 6;
    case "BinOp":
      return BIN_PREC[e.op]!;
    case "Attr":
    case "Sub":
    case "Call":
      return 16;
    case "Const":
      return e.text.startsWith("-") ? 13 : 17;
    default:
      return 17;
  }
}

/** A dotted module path (`bmesh.ops`), each part an identifier. */
function dotted(m: string): string {
  return m.split(".").map(ident).join(".");
}

/** Comment text on one line: control characters (NUL would stop Python reading the file) escaped. */
function commentText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(
    /[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ud800-\udfff]/gu,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
}

function params(ps: Param[]): string {
  return ps
    .map(
      (p) =>
        (p.star ?? "") +
        (p.name === "" || p.name === "*" ? p.name : ident(p.name)) +
        (p.default ? "=" + expr(p.default, 2) : ""),
    )
    .map((s) => (s === "*" ? "*" : s))
    .join(", ");
}

/** Render an expression, parenthesised when its precedence is below `min`. */
export function expr(e: Expr, min = 0): string {
  const s = raw(e);
  return precedence(e) < min ? `(${s})` : s;
}

function raw(e: Expr): string {
  switch (e.kind) {
    case "Name":
      return ident(e.id);
    case "Const":
      return e.text;
    case "Attr": {
      const v =
        e.value.kind === "Const" && e.value.num !== undefined
          ? `(${e.value.text})`
          : expr(e.value, 16);
      return `${v}.${ident(e.attr)}`;
    }
    case "Sub":
      return `${expr(e.value, 16)}[${e.index.kind === "Tuple" && e.index.elts.length > 0 ? e.index.elts.map((x) => expr(x, 2)).join(", ") : expr(e.index, 1)}]`;
    case "Slice":
      return (
        (e.lower ? expr(e.lower, 2) : "") +
        ":" +
        (e.upper ? expr(e.upper, 2) : "") +
        (e.step ? ":" + expr(e.step, 2) : "")
      );
    case "Call": {
      const args = e.args.map((a) => {
        switch (a.kind) {
          case "pos":
            return expr(a.value, a.value.kind === "Walrus" ? 0 : 1);
          case "kw":
            return `${ident(a.name)}=${expr(a.value, 1)}`;
          case "star":
            return `*${expr(a.value, 13)}`;
          case "dstar":
            return `**${expr(a.value, 13)}`;
        }
      });
      // a lone generator argument needs no extra parentheses
      if (
        e.args.length === 1 &&
        e.args[0]!.kind === "pos" &&
        e.args[0]!.value.kind === "Comp" &&
        e.args[0]!.value.type === "gen" &&
        !containsWalrus(e.args[0]!.value.fors[0]?.iter)
      ) {
        return `${expr(e.func, 16)}(${raw(e.args[0]!.value).slice(1, -1)})`;
      }
      return `${expr(e.func, 16)}(${args.join(", ")})`;
    }
    case "BinOp": {
      const p = BIN_PREC[e.op]!;
      if (e.op === "**") return `${expr(e.left, 15)} ** ${expr(e.right, 13)}`;
      return `${expr(e.left, p)} ${e.op} ${expr(e.right, p + 1)}`;
    }
    case "Unary":
      return e.op === "not" ? `not ${expr(e.operand, 5)}` : `${e.op}${expr(e.operand, 13)}`;
    case "BoolOp": {
      const p = e.op === "or" ? 3 : 4;
      return e.values.map((v) => expr(v, p + 1)).join(` ${e.op} `);
    }
    case "Compare": {
      let s = expr(e.left, 7);
      e.ops.forEach((op, i) => (s += ` ${op} ${expr(e.comparators[i]!, 7)}`));
      return s;
    }
    case "IfExp":
      return `${expr(e.body, 3)} if ${expr(e.test, 3)} else ${expr(e.orelse, 2)}`;
    case "Lambda":
      return `lambda${e.params.length ? " " + params(e.params) : ""}: ${expr(e.body, 1)}`;
    case "List":
      return `[${e.elts.map(elt).join(", ")}]`;
    case "Tuple":
      return e.elts.length === 1 ? `(${elt(e.elts[0]!)},)` : `(${e.elts.map(elt).join(", ")})`;
    case "Dict":
      return `{${e.entries.map((en) => ("spread" in en ? `**${expr(en.spread, 13)}` : `${expr(en.key, 2)}: ${expr(en.value, 2)}`)).join(", ")}}`;
    case "Set": // Python set literal
      return e.elts.length ? `{${e.elts.map(elt).join(", ")}}` : "set()";
    case "Starred":
      return `*${expr(e.value, 13)}`;
    case "Walrus":
      return `${e.target} := ${expr(e.value, 1)}`;
    case "Yield":
      return e.value ? `yield${e.from ? " from" : ""} ${expr(e.value, 1)}` : "yield";
    case "Comp": {
      // `:=` is not allowed in a comprehension's iterable: pass the iterable to a lambda
      const first = e.fors[0];
      if (first && containsWalrus(first.iter)) {
        const it: Expr = { kind: "Name", id: "_iterable" };
        const inner: Expr = { ...e, fors: [{ ...first, iter: it }, ...e.fors.slice(1)] };
        return `(lambda _iterable: ${expr(inner, 1)})(${expr(first.iter, 1)})`;
      }
      const fors = e.fors
        .map(
          (f) =>
            ` for ${target(f.target)} in ${expr(f.iter, 3)}` +
            f.conds.map((c) => ` if ${expr(c, 3)}`).join(""),
        )
        .join("");
      const head = e.type === "dict" ? `${expr(e.elt, 2)}: ${expr(e.value!, 2)}` : expr(e.elt, 2);
      const [o, c] = e.type === "list" ? "[]" : e.type === "gen" ? "()" : "{}";
      return `${o}${head}${fors}${c}`;
    }
    case "FString":
      return fstring(e.parts);
  }
}

function containsWalrus(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  if (Array.isArray(e)) return e.some(containsWalrus);
  const o = e as Record<string, unknown>;
  if (o.kind === "Walrus") return true;
  return Object.entries(o).some(([k, v]) => k !== "pos" && containsWalrus(v));
}

function elt(e: Expr): string {
  return e.kind === "Starred" ? raw(e) : expr(e, 1);
}

/** Assignment / for targets: tuples without parentheses at the top level. */
export function target(e: Expr): string {
  if (e.kind === "Tuple") {
    if (e.elts.length === 1) return `${targetInner(e.elts[0]!)},`;
    return e.elts.map(targetInner).join(", ");
  }
  return expr(e, 16);
}
function targetInner(e: Expr): string {
  if (e.kind === "Tuple") return `(${target(e)})`;
  if (e.kind === "Starred") return `*${expr(e.value, 16)}`;
  return expr(e, 16);
}

function fstring(parts: (string | Expr)[]): string {
  const rendered = parts.map((p) => (typeof p === "string" ? p : expr(p, 2)));
  const exprTexts = rendered.filter((_, i) => typeof parts[i] !== "string");
  // Python 3.11: no backslash and no reuse of the quote character inside the braces
  const quote = !exprTexts.some((t) => t.includes('"'))
    ? '"'
    : !exprTexts.some((t) => t.includes("'"))
      ? "'"
      : undefined;
  // Python 3.10/3.11 also end the expression at a `#` or a top-level `:`/`!` (lambda, walrus):
  // any of these, even inside a nested string, falls back to concatenation
  const bad =
    !quote ||
    exprTexts.some(
      (t) =>
        t.includes("\\") ||
        t.includes("\n") ||
        t.includes("#") ||
        t.includes("lambda") ||
        t.includes(":=") ||
        t.startsWith("{"),
    );
  if (!bad && parts.some((p) => typeof p !== "string")) {
    let s = "f" + quote;
    parts.forEach((p, i) => {
      if (typeof p === "string") {
        s += pyStringLiteral(p, quote).slice(1, -1).replace(/\{/g, "{{").replace(/\}/g, "}}");
      } else {
        // f"{str(n)}" is f"{n}"
        const e = p as Expr;
        const inner =
          e.kind === "Call" &&
          e.func.kind === "Name" &&
          e.func.id === "str" &&
          e.args.length === 1 &&
          e.args[0]!.kind === "pos"
            ? expr(e.args[0]!.value, 2)
            : rendered[i];
        s += `{${inner}}`;
      }
    });
    return s + quote;
  }
  // fall back to concatenation
  const pieces = parts
    .filter((p) => p !== "")
    .map((p) => (typeof p === "string" ? pyStringLiteral(p) : expr(p, 12)));
  if (pieces.length === 0) return '""';
  if (pieces.length === 1 && typeof parts.find((p) => p !== "") === "string") return pieces[0]!;
  return pieces.length === 1 ? `"" + ${pieces[0]}` : pieces.join(" + ");
}

// ---- line wrapping ------------------------------------------------------------------------

const MAX_LINE = 100;

/** Lines (extra indent, text) for `prefix + e + suffix`, breaking long calls/lists/dicts. */
function wrapped(prefix: string, e: Expr, indent: number, suffix: string): [number, string][] {
  const one = prefix + expr(e, 1) + suffix;
  if (indent * 4 + one.length <= MAX_LINE) return [[0, one]];
  let head: string;
  let close: string;
  let items: [string, Expr][];
  if (e.kind === "Call") {
    if (e.args.length === 0) return [[0, one]];
    head = expr(e.func, 16) + "(";
    close = ")";
    items = e.args.map((a) => {
      switch (a.kind) {
        case "pos":
          return ["", a.value];
        case "kw":
          return [ident(a.name) + "=", a.value];
        case "star":
          return ["*", a.value];
        case "dstar":
          return ["**", a.value];
      }
    });
  } else if (e.kind === "List" && e.elts.length) {
    head = "[";
    close = "]";
    items = e.elts.map((x) => (x.kind === "Starred" ? ["*", x.value] : ["", x]));
  } else if (e.kind === "Dict" && e.entries.length) {
    head = "{";
    close = "}";
    items = e.entries.map((en) =>
      "spread" in en ? ["**", en.spread] : [expr(en.key, 2) + ": ", en.value],
    );
  } else return [[0, one]];
  // a single argument that cannot be broken further stays on the line
  const only = items.length === 1 ? items[0]![1] : undefined;
  if (only && only.kind !== "Call" && only.kind !== "List" && only.kind !== "Dict")
    return [[0, one]];
  const out: [number, string][] = [[0, prefix + head]];
  for (const [p, x] of items) {
    for (const [d, t] of wrapped(p, x, indent + 1, ",")) out.push([d + 1, t]);
  }
  out.push([0, close + suffix]);
  return out;
}

// ---- statements ---------------------------------------------------------------------------

interface Line {
  text: string;
  pos?: SrcPos;
}

class StmtPrinter {
  lines: Line[] = [];
  /** `def` line (1-based) → its `nullNames` (SourceMapV3.x_bpyts_nulls). */
  nulls: Record<string, string[]> = {};

  blank(n: number): void {
    if (this.lines.length === 0) return;
    let have = 0;
    for (let i = this.lines.length - 1; i >= 0 && this.lines[i]!.text === ""; i--) have++;
    for (; have < n; have++) this.lines.push({ text: "" });
  }

  emit(indent: number, text: string, pos?: SrcPos): void {
    this.lines.push({ text: "    ".repeat(indent) + text, pos });
  }

  emitWrapped(indent: number, prefix: string, e: Expr, pos?: SrcPos): void {
    for (const [d, t] of wrapped(prefix, e, indent, "")) this.emit(indent + d, t, pos);
  }

  block(body: Stmt[], indent: number, pos?: SrcPos, top = false): void {
    if (body.length === 0) {
      this.emit(indent, "pass", pos);
      return;
    }
    body.forEach((s, i) => {
      const isDef = s.kind === "Def" || s.kind === "Class";
      const prev = body[i - 1];
      if (i > 0 && (isDef || prev?.kind === "Def" || prev?.kind === "Class")) {
        // keep consecutive helper imports/comments tight, separate definitions
        if (!(prev?.kind === "Comment" && isDef)) this.blank(top ? 2 : 1);
      }
      this.stmt(s, indent, s.pos ?? pos);
    });
  }

  stmt(s: Stmt, ind: number, pos?: SrcPos): void {
    const p = s.pos ?? pos;
    switch (s.kind) {
      case "Expr":
        if (s.value.kind === "Call") this.emitWrapped(ind, "", s.value, p);
        else this.emit(ind, expr(s.value, s.value.kind === "Yield" ? 0 : 1), p);
        return;
      case "Assign":
        if (s.value.kind === "Call" || s.value.kind === "List" || s.value.kind === "Dict") {
          this.emitWrapped(ind, `${s.targets.map(target).join(" = ")} = `, s.value, p);
          return;
        }
        this.emit(
          ind,
          `${s.targets.map(target).join(" = ")} = ${s.value.kind === "Tuple" && s.value.elts.length > 1 ? s.value.elts.map(elt).join(", ") : expr(s.value, s.value.kind === "Yield" ? 0 : 1)}`,
          p,
        );
        return;
      case "AugAssign":
        this.emit(ind, `${target(s.target)} ${s.op}= ${expr(s.value, 1)}`, p);
        return;
      case "If": {
        this.emit(ind, `if ${expr(s.test, 1)}:`, p);
        this.block(s.body, ind + 1, p);
        let orelse = s.orelse;
        while (orelse.length === 1 && orelse[0]!.kind === "If") {
          const e = orelse[0];
          this.emit(ind, `elif ${expr(e.test, 1)}:`, e.pos ?? p);
          this.block(e.body, ind + 1, e.pos ?? p);
          orelse = e.orelse;
        }
        if (orelse.length) {
          this.emit(ind, "else:", orelse[0]!.pos ?? p);
          this.block(orelse, ind + 1, p);
        }
        return;
      }
      case "While":
        this.emit(ind, `while ${expr(s.test, 1)}:`, p);
        this.block(s.body, ind + 1, p);
        if (s.orelse?.length) {
          this.emit(ind, "else:", p);
          this.block(s.orelse, ind + 1, p);
        }
        return;
      case "For":
        this.emit(ind, `for ${target(s.target)} in ${expr(s.iter, 1)}:`, p);
        this.block(s.body, ind + 1, p);
        if (s.orelse?.length) {
          this.emit(ind, "else:", p);
          this.block(s.orelse, ind + 1, p);
        }
        return;
      case "Def":
        for (const d of s.decorators) this.emit(ind, `@${expr(d, 16)}`, p);
        if (s.nullNames?.length) this.nulls[this.lines.length + 1] = s.nullNames;
        this.emit(ind, `def ${ident(s.name)}(${params(s.params)}):`, p);
        if (s.docstring) this.emit(ind + 1, pyStringLiteral(s.docstring), p);
        this.block(s.body, ind + 1, p);
        return;
      // context managers, class annotations (transform/plugins/blender)
      case "With":
        this.emit(
          ind,
          `with ${s.items.map((it) => expr(it.expr, 1) + (it.target ? ` as ${it.target.kind === "Tuple" ? `(${target(it.target)})` : target(it.target)}` : "")).join(", ")}:`,
          p,
        );
        this.block(s.body, ind + 1, p);
        return;
      case "AnnAssign":
        if (s.value)
          this.emit(ind, `${target(s.target)}: ${expr(s.annotation, 1)} = ${expr(s.value, 1)}`, p);
        else this.emitWrapped(ind, `${target(s.target)}: `, s.annotation, p);
        return;
      case "Class":
        for (const d of s.decorators) this.emit(ind, `@${expr(d, 16)}`, p);
        this.emit(
          ind,
          `class ${ident(s.name)}${s.bases.length ? `(${s.bases.map((b) => expr(b, 1)).join(", ")})` : ""}:`,
          p,
        );
        this.block(s.body, ind + 1, p);
        return;
      case "Return":
        if (
          s.value &&
          (s.value.kind === "Call" || s.value.kind === "List" || s.value.kind === "Dict")
        ) {
          this.emitWrapped(ind, "return ", s.value, p);
          return;
        }
        this.emit(
          ind,
          s.value
            ? `return ${s.value.kind === "Tuple" && s.value.elts.length > 1 ? s.value.elts.map(elt).join(", ") : expr(s.value, 1)}`
            : "return",
          p,
        );
        return;
      case "Pass":
        this.emit(ind, "pass", p);
        return;
      case "Break":
        this.emit(ind, "break", p);
        return;
      case "Continue":
        this.emit(ind, "continue", p);
        return;
      case "Raise":
        this.emit(ind, s.exc ? `raise ${expr(s.exc, 1)}` : "raise", p);
        return;
      case "Try":
        this.emit(ind, "try:", p);
        this.block(s.body, ind + 1, p);
        for (const h of s.handlers) {
          this.emit(
            ind,
            `except${h.type ? " " + expr(h.type, 1) : ""}${h.name ? " as " + ident(h.name) : ""}:`,
            h.pos ?? p,
          );
          this.block(h.body, ind + 1, h.pos ?? p);
        }
        if (s.orelse.length) {
          this.emit(ind, "else:", p);
          this.block(s.orelse, ind + 1, p);
        }
        if (s.finalbody.length) {
          this.emit(ind, "finally:", s.finalbody[0]!.pos ?? p);
          this.block(s.finalbody, ind + 1, p);
        }
        return;
      case "Global":
        this.emit(ind, `global ${s.names.map(ident).join(", ")}`, p);
        return;
      case "Nonlocal":
        this.emit(ind, `nonlocal ${s.names.map(ident).join(", ")}`, p);
        return;
      case "Import":
        this.emit(ind, `import ${dotted(s.module)}${s.asname ? " as " + ident(s.asname) : ""}`, p);
        return;
      case "ImportFrom":
        this.emit(
          ind,
          `from ${dotted(s.module)} import ${s.names.map((n) => ident(n.name) + (n.asname ? " as " + ident(n.asname) : "")).join(", ")}`,
          p,
        );
        return;
      case "Del":
        this.emit(ind, `del ${s.targets.map(target).join(", ")}`, p);
        return;
      case "Comment":
        // every line break Python knows ends a comment: each line gets its own `#`; NUL and
        // other control characters (a file name) are escaped
        for (const l of s.text.split(/\r\n|\r|\n/))
          this.emit(ind, `# ${commentText(l)}`.trimEnd(), p);
        return;
      case "Raw":
        for (const l of s.lines)
          this.lines.push({ text: l === "" ? "" : "    ".repeat(ind) + l, pos: p });
        return;
    }
  }
}

export interface PrintResult {
  code: string;
  map: SourceMapV3;
  /** the printed lines and the TS position each comes from (checkBrackets) */
  lines: readonly { text: string; pos?: SrcPos }[];
}

export function printModule(
  mod: Module,
  opts: { file: string; fallback: SrcPos; sources: Map<string, string> },
): PrintResult {
  const pr = new StmtPrinter();
  for (const s of mod.header) {
    if (s.kind === "Raw" || s.kind === "Def" || s.kind === "Class")
      pr.blank(s.kind === "Raw" ? 0 : 2);
    pr.stmt(s, 0, s.pos ?? opts.fallback);
  }
  if (mod.header.length && mod.body.length) pr.blank(2);
  pr.block(mod.body, 0, opts.fallback, true);
  // trim trailing blank lines
  while (pr.lines.length && pr.lines[pr.lines.length - 1]!.text === "") pr.lines.pop();

  const gen = new GenMapping({ file: opts.file });
  for (const [file, content] of opts.sources) setSourceContent(gen, file, content);
  pr.lines.forEach((l, i) => {
    if (l.text === "") return;
    const pos = l.pos ?? opts.fallback;
    addMapping(gen, {
      generated: { line: i + 1, column: 0 },
      source: pos.file,
      original: { line: pos.line + 1, column: pos.column },
    });
  });
  const enc = toEncodedMap(gen);
  const map: SourceMapV3 = {
    version: 3,
    file: opts.file,
    sources: enc.sources.map((s) => s ?? ""),
    sourcesContent: enc.sourcesContent ? [...enc.sourcesContent] : undefined,
    names: [...enc.names],
    mappings: enc.mappings,
  };
  if (mod.nullNames?.length) pr.nulls["0"] = mod.nullNames;
  if (Object.keys(pr.nulls).length) map.x_bpyts_nulls = pr.nulls;
  return { code: pr.lines.map((l) => l.text).join("\n") + "\n", map, lines: pr.lines };
}
