/**
 * Python's own nesting limits, checked on the output so that a program that compiles also loads.
 * Measured with CPython 3.10–3.13 (Blender 3.4–5.2): the tokenizer allows 200 nested brackets
 * ("too many nested parentheses") and 99 indentation levels ("too many levels of indentation");
 * the bytecode compiler 20 nested loop/`try`/`with` blocks per function ("too many statically
 * nested blocks"; an `except` body counts twice) and an AST about 2,980 nodes deep on 3.10
 * ("maximum recursion depth exceeded during compilation", less the caller's own frames: 2,000
 * leaves room for them).
 */
import type { Expr, Module, SrcPos, Stmt } from "./ast.js";

export const PY_LIMITS = { brackets: 200, indent: 99, blocks: 20, depth: 2000 } as const;

export interface LimitViolation {
  /** what is nested: "brackets", "indentation levels", … */
  what: string;
  found: number;
  limit: number;
  pos: SrcPos | undefined;
}

function exprChildren(e: Expr): Expr[] {
  switch (e.kind) {
    case "Name":
    case "Const":
      return [];
    case "Attr":
      return [e.value];
    case "Sub":
      return [e.value, e.index];
    case "Slice":
      return [e.lower, e.upper, e.step].filter((x): x is Expr => !!x);
    case "Call":
      return [e.func, ...e.args.map((a) => a.value)];
    case "BinOp":
      return [e.left, e.right];
    case "Unary":
      return [e.operand];
    case "BoolOp":
      return e.values;
    case "Compare":
      return [e.left, ...e.comparators];
    case "IfExp":
      return [e.test, e.body, e.orelse];
    case "Lambda":
      return [...e.params.flatMap((p) => (p.default ? [p.default] : [])), e.body];
    case "List":
    case "Tuple":
    case "Set":
      return e.elts;
    case "Dict":
      return e.entries.flatMap((x) => ("spread" in x ? [x.spread] : [x.key, x.value]));
    case "Starred":
      return [e.value];
    case "Walrus":
      return [e.value];
    case "Yield":
      return e.value ? [e.value] : [];
    case "Comp":
      return [
        e.elt,
        ...(e.value ? [e.value] : []),
        ...e.fors.flatMap((f) => [f.target, f.iter, ...f.conds]),
      ];
    case "FString":
      return e.parts.filter((p): p is Expr => typeof p !== "string");
  }
}

function exprDepth(e: Expr): number {
  let d = 0;
  for (const c of exprChildren(e)) d = Math.max(d, exprDepth(c));
  return d + 1;
}

function stmtExprs(s: Stmt): Expr[] {
  switch (s.kind) {
    case "Expr":
      return [s.value];
    case "Assign":
      return [...s.targets, s.value];
    case "AugAssign":
      return [s.target, s.value];
    case "AnnAssign":
      return [s.target, s.annotation, ...(s.value ? [s.value] : [])];
    case "If":
    case "While":
      return [s.test];
    case "For":
      return [s.target, s.iter];
    case "With":
      return s.items.flatMap((i) => [i.expr, ...(i.target ? [i.target] : [])]);
    case "Def":
      return [...s.decorators, ...s.params.flatMap((p) => (p.default ? [p.default] : []))];
    case "Class":
      return [...s.decorators, ...s.bases];
    case "Return":
      return s.value ? [s.value] : [];
    case "Raise":
      return s.exc ? [s.exc] : [];
    case "Try":
      return s.handlers.flatMap((h) => (h.type ? [h.type] : []));
    case "Del":
      return s.targets;
    default:
      return [];
  }
}

/** Bodies of a compound statement with their added indentation and loop/try/with blocks. */
function stmtBodies(s: Stmt): { body: Stmt[]; indent: number; blocks: number; reset?: boolean }[] {
  switch (s.kind) {
    case "If": {
      // `elif` chains print at the same indentation
      const out = [{ body: s.body, indent: 1, blocks: 0 }];
      if (s.orelse.length === 1 && s.orelse[0]!.kind === "If")
        out.push({ body: s.orelse, indent: 0, blocks: 0 });
      else if (s.orelse.length) out.push({ body: s.orelse, indent: 1, blocks: 0 });
      return out;
    }
    case "While":
    case "For":
      return [
        { body: s.body, indent: 1, blocks: 1 },
        { body: s.orelse ?? [], indent: 1, blocks: 0 },
      ];
    case "With":
      return [{ body: s.body, indent: 1, blocks: 1 }];
    case "Try":
      return [
        { body: s.body, indent: 1, blocks: 1 },
        ...s.handlers.map((h) => ({ body: h.body, indent: 1, blocks: 2 })),
        { body: s.orelse, indent: 1, blocks: 1 },
        { body: s.finalbody, indent: 1, blocks: 1 },
      ];
    case "Def":
    case "Class":
      return [{ body: s.body, indent: 1, blocks: 0, reset: true }];
    default:
      return [];
  }
}

/** The first place where the module exceeds an indentation, block or AST-depth limit. */
export function checkPythonLimits(mod: Module): LimitViolation | undefined {
  let found: LimitViolation | undefined;
  const visit = (stmts: Stmt[], indent: number, blocks: number, depth: number): void => {
    for (const s of stmts) {
      if (found) return;
      const pos = s.pos;
      if (indent > PY_LIMITS.indent) {
        found = { what: "indentation levels", found: indent, limit: PY_LIMITS.indent, pos };
        return;
      }
      if (blocks > PY_LIMITS.blocks) {
        found = {
          what: "nested loop, try and with blocks in one function",
          found: blocks,
          limit: PY_LIMITS.blocks,
          pos,
        };
        return;
      }
      for (const e of stmtExprs(s)) {
        const d = depth + exprDepth(e);
        if (d > PY_LIMITS.depth) {
          found = { what: "levels of nested expressions", found: d, limit: PY_LIMITS.depth, pos };
          return;
        }
      }
      for (const b of stmtBodies(s))
        visit(b.body, indent + b.indent, b.reset ? 0 : blocks + b.blocks, depth + 1);
    }
  };
  visit(mod.body, 0, 0, 1);
  return found;
}

/**
 * The first printed line where brackets nest deeper than the tokenizer allows. Strings are
 * skipped; brackets inside f-strings are counted (Python 3.12+ tokenizes them), so the check
 * errs on the safe side.
 */
export function checkBrackets(
  lines: readonly { text: string; pos?: SrcPos }[],
): LimitViolation | undefined {
  let depth = 0;
  let quote = ""; // the open string's delimiter, "" outside strings
  let fstring = false;
  for (const line of lines) {
    const t = line.text;
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (quote) {
        if (c === "\\") i++;
        else if (t.startsWith(quote, i)) {
          i += quote.length - 1;
          quote = "";
        } else if (fstring && "([{".includes(c)) depth++;
        else if (fstring && ")]}".includes(c)) depth--;
      } else if (c === "#") break;
      else if (c === '"' || c === "'") {
        quote = t.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
        fstring = /[fF]$/.test(t.slice(Math.max(0, i - 2), i));
        i += quote.length - 1;
      } else if ("([{".includes(c)) depth++;
      else if (")]}".includes(c)) depth--;
      if (depth > PY_LIMITS.brackets)
        return { what: "brackets", found: depth, limit: PY_LIMITS.brackets, pos: line.pos };
    }
  }
  return undefined;
}
