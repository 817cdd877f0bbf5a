/**
 * RegExp: JavaScript regular expressions translated at compile time to Python `re` patterns with
 * the same meaning, run by the runtime class `JsRegExp` (lastIndex, exec/test, flags g/i/m/s/u/y)
 * and the string helpers (`_js_re_match`, `_js_re_replace`, `_js_re_split`, …). What Python's
 * `re` cannot match the same way is refused (BPY1008) with the reason.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import { transformExpr } from "../expressions/index.js";
import type { BuiltinCall } from "../expressions/call.js";

// JavaScript's classes spelled out for Python (its \d, \w, \s and . are not JavaScript's)
const DIGIT = "0-9";
const WORD = "a-zA-Z0-9_";
const SPACE =
  "\\t\\n\\v\\f\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
const LINE_END = "\\n\\r\\u2028\\u2029";

export type Translation = { pattern: string } | { error: string };

/** Translate the JavaScript pattern `src` with `flags` to a Python `re` pattern. */
export function translateRegExp(src: string, flags: string): Translation {
  for (const f of flags) {
    if (!"gimsuy".includes(f)) return { error: `the '${f}' flag (Python's re has no equivalent)` };
  }
  if (new Set(flags).size !== flags.length) return { error: "a repeated flag" };
  const u = flags.includes("u");
  const m = flags.includes("m");
  const s = flags.includes("s");
  // capturing groups: their count decides what \N means, their names what \k<n> means
  const names: string[] = [];
  let groupCount = 0;
  {
    let inClass = false;
    for (let i = 0; i < src.length; i++) {
      const c = src[i]!;
      if (c === "\\") i++;
      else if (inClass) inClass = c !== "]";
      else if (c === "[") inClass = true;
      else if (c === "(") {
        if (src[i + 1] !== "?") groupCount++;
        else if (src[i + 2] === "<" && src[i + 3] !== "=" && src[i + 3] !== "!") {
          groupCount++;
          const end = src.indexOf(">", i);
          names.push(src.slice(i + 3, end));
        }
      }
    }
  }
  let out = "";
  let group = 0;
  const closed = new Set<number>();
  const open: (number | undefined)[] = []; // group number (or undefined) of each open paren
  const closedNames = new Set<string>();
  const numberOf = new Map<string, number>();
  let i = 0;
  const err = (e: string): Translation => ({ error: e });
  const esc = (c: string): string =>
    /[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) > 127 ? c : "\\" + c;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\") {
      const n = src[i + 1];
      if (n === undefined) return err("a trailing backslash");
      i += 2;
      switch (n) {
        case "d":
          out += `[${DIGIT}]`;
          continue;
        case "D":
          out += `[^${DIGIT}]`;
          continue;
        case "w":
          out += `[${WORD}]`;
          continue;
        case "W":
          out += `[^${WORD}]`;
          continue;
        case "s":
          out += `[${SPACE}]`;
          continue;
        case "S":
          out += `[^${SPACE}]`;
          continue;
        case "b":
          out += `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
          continue;
        case "B":
          out += `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
          continue;
        case "t":
        case "n":
        case "r":
        case "v":
        case "f":
          out += "\\" + n;
          continue;
        case "k": {
          const end = src.indexOf(">", i);
          if (src[i] !== "<" || end < 0 || !names.length)
            return err("'\\k' without a named group (JavaScript reads it as the letter k)");
          const name = src.slice(i + 1, end);
          i = end + 1;
          if (!closedNames.has(name))
            return err(`a backreference to the group '${name}' before it is closed`);
          // a group that did not take part matches empty in JavaScript, fails in Python
          out += `(?(${name})(?P=${name}))`;
          continue;
        }
        case "x": {
          const h = src.slice(i, i + 2);
          if (!/^[0-9a-fA-F]{2}$/.test(h)) return err("'\\x' without two hex digits");
          out += "\\x" + h;
          i += 2;
          continue;
        }
        case "u": {
          if (src[i] === "{" && u) {
            const end = src.indexOf("}", i);
            const cp = parseInt(src.slice(i + 1, end), 16);
            if (!(cp >= 0 && cp <= 0x10ffff)) return err("a bad '\\u{…}' escape");
            i = end + 1;
            if (cp >= 0xd800 && cp <= 0xdfff) return err("a surrogate code point escape");
            out += "\\U" + cp.toString(16).padStart(8, "0");
            continue;
          }
          const h = src.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) return err("'\\u' without four hex digits");
          const cp = parseInt(h, 16);
          if (cp >= 0xd800 && cp <= 0xdfff)
            return err("a surrogate escape (\\uD800–\\uDFFF): Python strings hold code points");
          out += "\\u" + h;
          i += 4;
          continue;
        }
        case "c":
          return err("a control escape '\\c'");
        case "p":
        case "P":
          return err("a Unicode property escape '\\p{…}' (Python's re has none)");
        case "0":
          if (/[0-9]/.test(src[i] ?? "")) return err("an octal escape");
          out += "\\x00";
          continue;
        default:
          if (/[1-9]/.test(n)) {
            let j = i;
            while (/[0-9]/.test(src[j] ?? "")) j++;
            const num = Number(src.slice(i - 1, j));
            i = j;
            if (num > groupCount)
              return err(
                `'\\${num}' with ${groupCount} group(s) (JavaScript reads an octal escape)`,
              );
            if (!closed.has(num)) return err(`a backreference to group ${num} before it is closed`);
            out += `(?(${num})\\${num})`;
            continue;
          }
          if (/[A-Za-z]/.test(n)) return err(`the escape '\\${n}'`);
          out += esc(n);
          continue;
      }
    }
    if (c === "[") {
      i++;
      let neg = false;
      if (src[i] === "^") {
        neg = true;
        i++;
      }
      if (src[i] === "]") {
        i++;
        out += neg ? "[\\s\\S]" : "(?!)";
        continue;
      }
      let body = "";
      while (i < src.length && src[i] !== "]") {
        const k = src[i]!;
        if (k === "\\") {
          const n = src[i + 1];
          if (n === undefined) return err("a trailing backslash");
          i += 2;
          if (n === "d") body += DIGIT;
          else if (n === "w") body += WORD;
          else if (n === "s") body += SPACE;
          else if (n === "D" || n === "W" || n === "S")
            return err(`'\\${n}' inside a character class`);
          else if (n === "b") body += "\\x08";
          else if ("tnrvf".includes(n)) body += "\\" + n;
          else if (n === "x" || n === "u") {
            const len = n === "x" ? 2 : 4;
            const h = src.slice(i, i + len);
            if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(h))
              return err(`'\\${n}' without ${len} hex digits`);
            if (n === "u" && parseInt(h, 16) >= 0xd800 && parseInt(h, 16) <= 0xdfff)
              return err("a surrogate escape (\\uD800–\\uDFFF): Python strings hold code points");
            body += "\\" + n + h;
            i += len;
          } else if (n === "0" && !/[0-9]/.test(src[i] ?? "")) body += "\\x00";
          else if (n === "c") return err("a control escape '\\c'");
          else if (n === "p" || n === "P")
            return err("a Unicode property escape '\\p{…}' (Python's re has none)");
          else if (/[A-Za-z0-9]/.test(n)) return err(`the escape '\\${n}' in a character class`);
          else body += "\\" + n;
          continue;
        }
        // Python warns about nested sets and set operations: escape what JavaScript reads literally
        body += "[&~|".includes(k) ? "\\" + k : k;
        i++;
      }
      if (src[i] !== "]") return err("an unterminated character class");
      i++;
      out += `[${neg ? "^" : ""}${body}]`;
      continue;
    }
    if (c === "(") {
      if (src[i + 1] === "?") {
        const k = src[i + 2];
        if (k === ":" || k === "=" || k === "!") {
          out += "(?" + k;
          open.push(undefined);
          i += 3;
          continue;
        }
        if (k === "<" && (src[i + 3] === "=" || src[i + 3] === "!")) {
          // Python's lookbehind needs a fixed width
          let depth = 0;
          let j = i + 4;
          let fixed = true;
          for (; j < src.length; j++) {
            const x = src[j]!;
            if (x === "\\") {
              if (/[1-9k]/.test(src[j + 1] ?? "")) fixed = false;
              j++;
            } else if (x === "(") depth++;
            else if (x === ")") {
              if (depth === 0) break;
              depth--;
            } else if ("*+?{|".includes(x)) fixed = false;
          }
          if (!fixed)
            return err(
              "a lookbehind whose length varies (Python's re needs a fixed-width lookbehind)",
            );
          out += "(?<" + src[i + 3];
          open.push(undefined);
          i += 4;
          continue;
        }
        if (k === "<") {
          const end = src.indexOf(">", i);
          const name = src.slice(i + 3, end);
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
            return err(`the group name '${name}' (Python needs an identifier without $)`);
          group++;
          numberOf.set(name, group);
          out += `(?P<${name}>`;
          open.push(group);
          i = end + 1;
          continue;
        }
        return err(`'(?${k ?? ""}' (a group modifier Python reads differently)`);
      }
      group++;
      open.push(group);
      out += "(";
      i++;
      continue;
    }
    if (c === ")") {
      const g = open.pop();
      if (g !== undefined) {
        closed.add(g);
        for (const [name, n] of numberOf) if (n === g) closedNames.add(name);
      }
      out += ")";
      i++;
      continue;
    }
    if (c === "{") {
      const q = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (q) {
        out += q[0];
        i += q[0].length;
        if (src[i] === "?") {
          out += "?";
          i++;
        }
        continue;
      }
      if (u) return err("a lone '{'");
      out += "\\{";
      i++;
      continue;
    }
    if (c === "}") {
      if (u) return err("a lone '}'");
      out += "\\}";
      i++;
      continue;
    }
    if (c === ".") {
      out += s ? "[\\s\\S]" : `[^${LINE_END}]`;
      i++;
      continue;
    }
    if (c === "^") {
      out += m ? `(?:(?<=[${LINE_END}])|\\A)` : "\\A";
      i++;
      continue;
    }
    if (c === "$") {
      out += m ? `(?=[${LINE_END}]|\\Z)` : "\\Z";
      i++;
      continue;
    }
    if (c === "]" && u) return err("a lone ']'");
    out += "*+?|".includes(c) ? c : esc(c);
    i++;
  }
  if (open.length) return err("an unterminated group");
  const prefix = flags.includes("i") ? "(?i)" : "";
  return { pattern: prefix + out };
}

/** `JsRegExp(pattern, source, flags)` for a literal, or undefined after reporting BPY1008. */
export function regexpValue(
  ctx: Ctx,
  node: ts.Node,
  source: string,
  flags: string,
): py.Expr | undefined {
  const t = translateRegExp(source, flags);
  if ("error" in t) {
    ctx.report(node, diag.regexp({ reason: t.error }));
    return undefined;
  }
  return ctx.callHelper("JsRegExp", py.str(t.pattern), py.str(source), py.str(flags));
}

export function regexpLiteral(ctx: Ctx, node: ts.RegularExpressionLiteral): py.Expr {
  const text = node.text;
  const end = text.lastIndexOf("/");
  return regexpValue(ctx, node, text.slice(1, end), text.slice(end + 1)) ?? py.NONE;
}

/** `new RegExp("…", "…")` with constant arguments. */
export function newRegExp(ctx: Ctx, node: ts.NewExpression): py.Expr {
  const args = node.arguments ?? [];
  const lit = (e: ts.Expression | undefined): string | undefined =>
    e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined;
  const src = args.length ? lit(args[0]) : "(?:)";
  const flags = args.length > 1 ? lit(args[1]) : "";
  if (src === undefined || flags === undefined) {
    ctx.report(
      node,
      diag.regexp({
        reason:
          "a pattern or flags computed at run time (the compiler translates constant patterns)",
      }),
    );
    return py.NONE;
  }
  return regexpValue(ctx, node, src, flags) ?? py.NONE;
}

/** re.exec(s), re.test(s), re.toString() */
export function regexpMethod(b: BuiltinCall): py.Expr | undefined {
  const { ctx, node, obj, name, args } = b;
  const A = (i: number): py.Expr => (args[i] ? transformExpr(ctx, args[i]) : py.str("undefined"));
  switch (name) {
    case "exec":
    case "test":
      return py.method(obj, name, A(0));
    case "toString":
      return py.method(obj, "toString");
  }
  ctx.report(node, diag.unsupportedMember({ member: `RegExp.${name}` }));
  return py.NONE;
}

/** String methods given a RegExp: match, matchAll, replace, replaceAll, search, split. */
export function stringRegexpMethod(b: BuiltinCall): py.Expr | undefined {
  const { ctx, node, obj, name, args } = b;
  const A = (i: number): py.Expr => transformExpr(ctx, args[i]!);
  switch (name) {
    case "match":
      return ctx.callHelper("_js_re_match", obj, A(0));
    case "matchAll":
      return ctx.callHelper("_js_re_match_all", obj, A(0));
    case "search":
      return ctx.callHelper("_js_re_search", obj, A(0));
    case "replace":
    case "replaceAll":
      return ctx.callHelper("_js_re_replace", obj, A(0), A(1), py.bool(name === "replaceAll"));
    case "split":
      return ctx.callHelper("_js_re_split", obj, A(0), ...(args[1] ? [A(1)] : []));
  }
  ctx.report(node, diag.unsupportedMember({ member: `String.${name} with a RegExp` }));
  return py.NONE;
}
