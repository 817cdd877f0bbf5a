import { rows } from "./harness.js";

export default rows([
  [
    "int truthiness direct",
    'let n = 3; const out: number[] = []; while (n) { out.push(n % 2 ? n : -n); n--; } const i = [1, 2].indexOf(5); return [out, i ? "found-or-neg" : "zero", (5 & 4) ? 1 : 0];',
  ],
  ["float counter truthiness", 'let x = 1; x -= 0.5; x -= 0.5; return x ? "t" : "f";'],
  ["empty array truthy", "const a: number[] = []; return a ? 1 : 0;"],
  ["empty object truthy", "const o = {}; if (o) { return 1; } return 0;"],
  ["zero falsy", "const z = 0; return z ? 1 : 0;"],
  ["NaN falsy", "const n = NaN; return n ? 1 : 0;"],
  [
    "not operator",
    'const a = 0, b = "", c = [] as number[], d = NaN; return [!a, !b, !c, !d, !!a, !!c];',
  ],
  ["and returns operand", 'const a = 0, b = 5; return [a && b, b && a, b && "x"];'],
  ["or returns operand", 'const a = 0, b = 5, s = ""; return [a || b, b || a, s || "fallback"];'],
  ["or with array", "const xs: number[] = []; const ys = xs || [1]; return ys;"],
  ["and with array", "const xs: number[] = []; return (xs && 7);"],
  [
    "nullish",
    "const a: number | null = null; const b: number | undefined = 0; return [a ?? 5, b ?? 5];",
  ],
  [
    "nullish chain",
    'const a: string | null = null; const b: string | null = null; return a ?? b ?? "c";',
  ],
  [
    "nullish assign",
    "let a: number | null = null; a ??= 3; let b: number | null = 1; b ??= 3; return [a, b];",
  ],
  ["or assign", 'let a = 0; a ||= 9; let s = "x"; s ||= "y"; return [a, s];'],
  ["and assign", "let a = 2; a &&= 9; let b = 0; b &&= 9; return [a, b];"],
  [
    "optional chaining",
    "const o: { a?: { b?: number } } = { a: { b: 2 } }; const p: { a?: { b?: number } } = {}; return [o.a?.b, p.a?.b ?? -1];",
  ],
  [
    "optional call",
    "const f = undefined as ((x: number) => number) | undefined; const g = (x: number) => x * 2; return [f?.(1) ?? 0, g?.(2)];",
  ],
  [
    "optional element",
    "const xs: number[] | undefined = undefined; const ys: number[] | undefined = [1]; return [xs?.[0] ?? -1, ys?.[0]];",
  ],
  [
    "optional method",
    'const s = null as string | null; const t = "ab" as string | null; return [s?.toUpperCase() ?? "none", t?.toUpperCase()];',
  ],
  ["strict equality objects", "const a = [1], b = [1], c = a; return [a === b, a === c, a !== b];"],
  ["strict equality objects dict", "const a = { x: 1 }, b = { x: 1 }; return [a === b, a === a];"],
  [
    "equals null",
    "const a: number | null = null; const b: number | undefined = undefined; const c: number | null = 0; return [a == null, b == null, c == null, c != null];",
  ],
  [
    "equals undefined strict",
    "const b: number | undefined = undefined; return [b === undefined, b !== undefined];",
  ],
  [
    "loose equality same types",
    'const a = 1, b = 1; const s = "x"; return [a == b, s == "x", a != b];',
  ],
  [
    "boolean equality",
    "const t = true as boolean, f = false as boolean; return [t === f, t === true, f == false];",
  ],
  ["ternary", 'const x = 5; return x > 3 ? "big" : "small";'],
  ["nested ternary", 'const x = 0; return x > 0 ? "pos" : x < 0 ? "neg" : "zero";'],
  [
    "if else chain",
    'function f(n: number) { if (n < 0) return "neg"; else if (n === 0) return "zero"; else return "pos"; } return [f(-1), f(0), f(1)];',
  ],
  [
    "truthiness in if string",
    'const names = ["", "a"]; return names.map((n) => { if (n) return 1; return 0; });',
  ],
  [
    "truthiness of number in while",
    "let n = 3; const out: number[] = []; while (n) { out.push(n); n--; } return out;",
  ],
  [
    "typeof values",
    'const v: unknown[] = [1, "s", true, undefined, [1], {}, () => 1]; return v.map((x) => typeof x);',
  ],
  [
    "typeof narrow",
    'function f(x: string | number) { if (typeof x === "string") return x.length; return x * 2; } return [f("abc"), f(4)];',
  ],
  ["instanceof array", "const v: unknown = [1]; return Array.isArray(v);"],
  ["filter Boolean-like", "const xs = [0, 1, 2, NaN, 3]; return xs.filter((x) => x);"],
  ["double negation", 'const s = "a"; return !!s;'],
  [
    "short circuit side effects",
    "let calls = 0; const f = () => { calls++; return true; }; const r = false && f(); const r2 = true || f(); return [r, r2, calls];",
  ],
  ["and statement", "let x = 0; const yes = true; yes && (x = 5); return x;"],
  ["comparison returns bool", "const a = 3; const b = a > 2; return b;"],
  ["boolean in arithmetic context via Number", "const t = true; return Number(t) + 1;"],
  ["Boolean()", 'return [Boolean(0), Boolean("x"), Boolean([]), Boolean(null)];'],
  ["null vs undefined stringified", "const a = null; return [String(a), JSON.stringify([a])];"],
  ["void operator", "const v = void 0; return v === undefined;"],
  ["in operator", 'const o: Record<string, number> = { a: 1 }; return ["a" in o, "b" in o];'],
  [
    "delete property",
    'const o: Record<string, number> = { a: 1, b: 2 }; delete o.a; delete o["zz"]; return o;',
  ],
  ["comma in for", "let s = 0; for (let i = 0, j = 10; i < j; i++, j--) s += i * j; return s;"],
  ["assignment expression value", "let a: number; let b: number; a = b = 4; return [a, b];"],
  [
    "assignment in condition",
    "const xs = [1, 2, 3]; let x: number | undefined; const out: number[] = []; let i = 0; while ((x = xs[i++]) !== undefined) out.push(x); return out;",
  ],
]);
