import { rows } from "./harness.js";

export default rows([
  ["Date.now", "const t = Date.now(); return [Number.isInteger(t), t > 1.6e12, Date.now() >= t];"],
  [
    "property update in expression",
    "const o = { n: 1 }; const a = o.n++; const b = ++o.n; const xs = [5]; const c = xs[0]!--; return [a, b, c, o, xs];",
  ],
  [
    "property assignment in expression",
    "const o = { n: 1 }; const xs = [0]; const a = (o.n = 7); const b = (xs[0] = 3); return [a, b, o, xs];",
  ],
  [
    "string index loop",
    'const s = "abc"; let out = ""; for (let i = 0; i < s.length; i++) out = s[i] + out; return out;',
  ],
  [
    "nested closures nonlocal two levels",
    "function f() { let n = 0; function g() { function h() { n += 2; } h(); } g(); g(); return n; } return f();",
  ],
  [
    "closure reads later module binding",
    "function get() { return LATER * 2; } const LATER = 21; return get();",
  ],
  [
    "object literal with arrow block body",
    "const o = { f: (x: number) => { const y = x + 1; return y * 2; } }; return o.f(1);",
  ],
  [
    "array of functions called in order",
    "const steps = [(x: number) => x + 1, (x: number) => x * 3]; return steps.reduce((acc, f) => f(acc), 1);",
  ],
  [
    "sort by string key comparator",
    'const a = ["pear", "apple", "fig"]; a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)); return a;',
  ],
  ["sort booleans comparator", "const a = [3, 1, 2]; return a.sort((x, y) => (x > y ? 1 : -1));"],
  ["join numbers with floats", 'return [0.5, 1, 1e21, -0].join(" ");'],
  [
    "number keys in Record iteration",
    'const counts: Record<string, number> = {}; for (const w of "a b a c a".split(" ")) counts[w] = (counts[w] ?? 0) + 1; return counts;',
  ],
  [
    "map with counter",
    'const m = new Map<string, number>(); for (const w of ["x", "y", "x"]) m.set(w, (m.get(w) ?? 0) + 1); return [...m.entries()];',
  ],
  [
    "optional chain on array method",
    "const xs: number[] | undefined = [1, 2] as number[] | undefined; return xs?.map((x) => x * 2);",
  ],
  [
    "while with assignment and truthy string",
    'const parts = ["a", "b", ""]; let i = 0; let p: string; const out: string[] = []; while ((p = parts[i++]!)) out.push(p); return out;',
  ],
  [
    "template with ternary and call",
    'const n = 2; return `${n > 1 ? "many" : "one"} ${[1, 2].map((x) => x * n).join("+")}`;',
  ],
  [
    "deeply nested data",
    'const d = { a: [{ b: { c: [1, 2, { d: "e" }] } }] }; return [d.a[0]!.b.c.length, JSON.stringify(d)];',
  ],
  [
    "class static counter across instances",
    "class Id { static next = 1; id: number; constructor() { this.id = Id.next++; } } return [new Id().id, new Id().id, Id.next];",
  ],
  [
    "getter used in template",
    "class R { constructor(private w: number, private h: number) {} get area() { return this.w * this.h; } } return `${new R(2, 3).area}`;",
  ],
  [
    "inheritance chain super calls",
    'class A { f() { return "a"; } } class B extends A { override f() { return super.f() + "b"; } } class C extends B { override f() { return super.f() + "c"; } } return new C().f();',
  ],
  [
    "instanceof with Error subclasses chain",
    'class E1 extends Error {} class E2 extends E1 {} const e = new E2("m"); return [e instanceof E1, e instanceof Error, e instanceof E2];',
  ],
  [
    "finally runs on break",
    'const log: string[] = []; for (const x of [1, 2]) { try { if (x === 1) continue; log.push("body" + x); } finally { log.push("fin" + x); } } return log;',
  ],
  [
    "error in callback propagates",
    'try { [1, 2].forEach((x) => { if (x === 2) throw new Error("at " + x); }); return "none"; } catch (e) { return (e as Error).message; }',
  ],
  ["generator with return value ignored", "function* g() { yield 1; return 5; } return [...g()];"],
  ["spread of map entries into array", 'const m = new Map([["a", 1]]); return [...m];'],
  [
    "Object.entries on class-like dict",
    "const o: { [k: string]: number } = { z: 1, y: 2 }; return Object.entries(o).map(([k, v]) => k + v);",
  ],
  [
    "conditional chain of nullish and or",
    "const a: number | null = null; const b = 0; return [(a ?? b) || 10, a ?? (b || 20)];",
  ],
  [
    "array includes in filter",
    "const allowed = [1, 3]; return [1, 2, 3, 4].filter((x) => allowed.includes(x));",
  ],
  [
    "reduce building string",
    'return ["a", "b", "c"].reduce((acc, x, i) => acc + (i ? "," : "") + x, "");',
  ],
  ["unicode escapes in JSON", 'return JSON.stringify({ k: "\\u2028 \\u00e9 \\ud83d\\ude00" });'],
  ["negative zero arithmetic string", "const z = -0; return [String(z * 1), `${0 * -1}`];"],
  ["large loop sum", "let s = 0; for (let i = 0; i < 100000; i++) s += i % 7; return s;"],
  [
    "labeled continue in for while-form",
    "let out = 0; outer: for (let i = 0; i < 5; i = i + 1) { for (let j = 0; j < 5; j++) { if (j > i) continue outer; out += j; } } return out;",
  ],
  [
    "enum auto increment",
    "enum E { A = 5, B, C = -2, D, F = 1 << 3, G } return [E.A, E.B, E.C, E.D, E.F, E.G, E[6], E[-1]];",
  ],
  [
    "enum computed",
    'enum E { A = 2, B = A * 3, C = "x".length, D = B + 1 } return [E.A, E.B, E.C, E.D, E[E.D]];',
  ],
  [
    "string enum",
    'enum S { A = "a", B = "b" } const s: S = S.B; return [S.A, s, Object.values(S), s === S.B];',
  ],
  ["const enum", "const enum C { X = 1, Y } return [C.X, C.Y, C.X + C.Y];"],
  [
    "enum keys in object",
    'enum E { A, B } const o: Record<number, string> = { [E.A]: "a", [E.B]: "b" }; const o2 = { [E.B]: 1 }; return [o, o2, o[E.B]];',
  ],
  [
    "string enum keys in object",
    'enum S { A = "a", B = "b" } const o: Record<S, number> = { [S.A]: 1, [S.B]: 2 }; return [o, o[S.A]];',
  ],
  [
    "enum in switch",
    'enum E { A, B, C } function f(e: E) { switch (e) { case E.A: return "a"; case E.B: case E.C: return "bc"; } } return [f(E.A), f(E.B), f(E.C)];',
  ],
  [
    "enum reverse of keyword member",
    "enum E { None, from, type, A } return [E[E.None], E[E.from], E[E.type], E[E.A], E.from];",
  ],
  ["enum reverse dup values", "enum E { A = 1, B = 1, C = 2 } return [E[1], E[E.C], E[3]];"],
  ["enum with string and number", 'enum M { A = 1, B = "b" } return [M.A, M.B, M[1]];'],
  ["enum Object keys", "enum E { A, B } return [Object.keys(E), Object.values(E)];"],
  ["enum merged declarations", "enum E { A, B } enum E { C = 5 } return [E.A, E.C, E[5]];"],
  ["enum member boolean value check", "enum E { A = 0, B = 1 } return [E[0], E[1], E[E.A]];"],
  ["enum float", "enum E { A = 1.5, B = 2.5 } return [E.A, E[1.5], E[E.B]];"],
  // only the typings' KwArgs marker makes keyword arguments; a script's own type of that name
  // is an ordinary object parameter
  [
    "a script's own KwArgs type",
    "return area({ w: 2, h: 3 });",
    "type KwArgs<T> = T;\nfunction area(o: KwArgs<{ w: number; h: number }>): number { return o.w * o.h; }",
  ],
]);
