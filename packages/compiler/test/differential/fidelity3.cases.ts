// Issue 18's classes, as the external suite found them in typed code: each row is one class
// (or a regression guard for one fixed earlier). Refusals are tested in ../diagnostics.test.ts.
import { rows } from "./harness.js";

export default rows([
  // callbacks declared with fewer parameters than the method passes
  [
    "forEach/map/Set/Map forEach with a 0-parameter function reference",
    `let n = 0; function tick(): void { n++; }
[1, 2].forEach(tick); const m = [1, 2].map(tick); new Set([1, 2]).forEach(tick); new Map([[1, 2]]).forEach(tick);
return [n, m.length];`,
  ],
  [
    "callbacks with fewer parameters: replace, sort, reduce, findIndex, Array.from",
    `return ["a-b".replace(/-/g, (): string => "+"), [3, 1, 2].sort((): number => 0),
[1, 2, 3].reduce((acc: number): number => acc + 1, 0), [1, 2].findIndex((): boolean => true),
Array.from([1, 2], (): number => 7)];`,
  ],
  // generators: parameter defaults and destructuring run at the call
  [
    "generator defaults run when it is called",
    `let c = 0; function* gen(n = ++c, m: number = n * 2) { yield n + m; }
const it = gen(); const before = c; return [before, [...it], c];`,
  ],
  [
    "a generator whose default throws throws at the call",
    `function fail(): number { throw new Error("at call"); }
function* gen(n = fail()) { yield n; }
try { gen(); return "no throw"; } catch (e) { return (e as Error).message; }`,
  ],
  [
    "a generator method's destructured parameter, and next(v) before the start",
    `class K { *pairs([a, b]: number[], k = a + b) { const got: unknown = yield k; yield got; } }
const g = new K().pairs([1, 2]); return [g.next(9).value, g.next(4).value, g.next().done];`,
  ],
  // patterns nested in a rest element read the rest list
  [
    "object and array patterns inside a rest element",
    `const [...{ length }] = [1, 2, 3]; const [...[a, b]] = [4, 5]; const [...{ 0: z }] = [9, 8];
function f([...{ length: l4 }]: number[]) { return l4; }
let m = 0; [...{ length: m }] = [1, 2, 3, 4];
return [length, a, b, z, f([1, 2]), m];`,
  ],
  [
    "a rest of a tuple with an object pattern",
    `const t: [number, string, boolean] = [1, "s", true]; const [, ...{ length: tl, 0: first }] = t; return [tl, first];`,
  ],
  // property order: array-index keys first (JavaScript), insertion order after them
  [
    "keys, values, entries, for…in, JSON and spread of an object with index-like keys",
    `const o: Record<string, number> = { b: 1, 2: 2, a: 3, 1: 4, "01": 6 }; o["0"] = 5;
const ks: string[] = []; for (const k in o) ks.push(k);
return [Object.keys(o), Object.values(o), Object.entries(o), ks, JSON.stringify(o), Object.keys({ ...o })];`,
  ],
  [
    "an object literal type with a numeric property name",
    `const o = { name: "n", 3: "three", 1: "one" }; return [Object.keys(o), JSON.stringify(o)];`,
  ],
  [
    "console.log of an object with index-like keys",
    `const o: { [k: string]: number } = { b: 1, 1: 2 }; console.log(o); return 0;`,
  ],
  // writes at or past the end of an array grow it (Python's list raised IndexError)
  [
    "filling an array by index",
    `const out: number[] = []; for (let i = 0; i < 4; i++) out[i] = i * i;
const b: string[] = []; b[b.length] = "x"; b[3] = "y";
return [out, b.length, b[2] === undefined, b];`,
  ],
  [
    "a write past the end evaluates index and value once, in order",
    `const log: string[] = []; const a: number[] = [0];
const k = (n: number) => { log.push("k" + n); return n; };
const v = (n: number) => { log.push("v" + n); return n; };
a[k(1)] = v(10); a[k(0)] = v(20); a[k(3)] = v(30);
return [a, log];`,
  ],
  // regression guards from the suite's list
  [
    "empty array pattern in for…of",
    `const pairs: number[][] = [[1], [2]]; let n = 0; for (const [] of pairs) n++; return n;`,
  ],
  ["object pattern over an array", `const { 0: first, length: n } = [7, 8, 9]; return [first, n];`],
  [
    "a default parameter before a required one",
    `return f(undefined, 2);`,
    `function f(a = 1, b: number) { return a + b; }`,
  ],
  [
    "destructuring the first value of a generator runs only up to it",
    `const log: number[] = []; function* g() { log.push(1); yield 1; log.push(2); yield 2; } const [a] = g(); return [a, log];`,
  ],
  [
    "break out of for…of closes the generator",
    `const log: string[] = []; function* g() { try { yield 1; yield 2; } finally { log.push("fin"); } } for (const x of g()) { break; } return log;`,
  ],
  [
    "private field compound assignment as a value",
    `return new C().bump();`,
    `class C { #n = 1; bump() { return (this.#n += 2); } }`,
  ],
  [
    "f.name of a function and an arrow",
    `function foo() {} const bar = () => 1; return [foo.name, bar.name];`,
  ],
  [
    "JSON.parse of bad JSON throws SyntaxError",
    `try { JSON.parse("{bad"); return "no"; } catch (e) { return e instanceof SyntaxError; }`,
  ],
  [
    "explicit undefined for optional arguments",
    `return ["abc".startsWith("a", undefined), [1, 2].join(undefined), "abc".endsWith("", undefined)];`,
  ],
  [
    "out-of-domain Math",
    `return [Math.floor(NaN), Math.sqrt(-1), Math.log(-1), Math.round(NaN), Math.ceil(Infinity)];`,
  ],
  [
    "Set.forEach while adding",
    `const s = new Set([1]); let n = 0; s.forEach((v) => { n++; if (v < 3) s.add(v + 1); }); return n;`,
  ],
  [
    "an own toString in templates and String()",
    'const o = { toString: () => "Q" }; return [`${o}`, String(o)];',
  ],
]);
