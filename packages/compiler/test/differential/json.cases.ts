// JSON.stringify: the C json fast path must give the writer's bytes (Node's) for every branch of
// its check (integral / exponent floats, ints beyond 2^53, NaN/Infinity, None keys, lone
// surrogates, class instances/toJSON/functions, indent forms), and JSON.parse's numbers.
import { rows } from "./harness.js";

export default rows([
  [
    "JSON.parse of bad text throws a SyntaxError; a cycle in stringify a TypeError; a shared object twice is no cycle",
    'const out: boolean[] = []; for (const t of ["{bad", "[1,", "NaN", ""]) { try { JSON.parse(t); out.push(false); } catch (e) { out.push(e instanceof SyntaxError); } } const a: { self?: unknown } = {}; a.self = a; try { JSON.stringify(a); out.push(false); } catch (e) { out.push(e instanceof TypeError); } const shared = { x: 1 }; return [out, JSON.stringify([shared, [shared]])];',
  ],
  [
    "JSON integral floats",
    "const three = 6 / 2; const five = 2.5 * 2; return JSON.stringify([three, five, -three, 1e15 + 0.5, 2 ** 53 / 1, [three], { a: five }]);",
  ],
  ["JSON negative zero", "const z = -0; const w = 0 * -1; return JSON.stringify([z, w, { z }]);"],
  [
    "JSON exponent floats",
    "return JSON.stringify([1e21, 1.5e21, 1e-7, 1.5e-7, 1e-6, 1e-5, 1.5e-5, 1e-4, 1e16, 123e20, 5e-324, 1.7976931348623157e308]);",
  ],
  [
    "JSON plain floats stay on the fast path",
    "const xs: number[] = []; for (let i = 0; i < 50; i++) xs.push(i * 0.1 + 0.01); return JSON.stringify({ xs, third: 1 / 3, big: 123456.789 });",
  ],
  [
    "JSON NaN and Infinity",
    'const zero = Number("0"); return JSON.stringify({ a: NaN, b: Infinity, c: -Infinity, d: [0 / zero, 1 / zero], e: 1 });',
  ],
  [
    "JSON ints beyond 2^53",
    "let p = 1; for (let i = 0; i < 20; i++) p *= 10; return JSON.stringify([2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 60, p, -p, 9007199254740991, 1234567890123456]);",
  ],
  [
    "JSON signs outside exponents",
    'const big = 1e16 * 3; return [JSON.stringify({ a: -1.5, s: "a+b", t: "x-5", n: [-7, 2.5e-3] }), JSON.stringify([-1e-7]), JSON.stringify({ big }), JSON.stringify(["1e+5", -0.001])];',
  ],
  [
    "JSON numbers as string contents",
    'return JSON.stringify({ s: ["3.0", "1e-5", "x.0", "1e+21", "12345678901234567", "v1.0 release"], n: 3.5 });',
  ],
  [
    "JSON undefined key",
    "const m: Record<string, number> = {}; const k = undefined as unknown as string; m[k] = 1; m.b = 2; return JSON.stringify(m);",
  ],
  ["JSON key named null", 'return JSON.stringify({ null: 1, a: "null", b: null });'],
  [
    "JSON numeric record keys",
    'const r: Record<number, string> = {}; r[1] = "a"; r[6 / 2] = "b"; r[2 ** 60] = "c"; return JSON.stringify(r);',
  ],
  [
    "JSON nested arrays and objects",
    'return JSON.stringify({ a: [[[]], [{}], [[1, [2, [3]]]]], b: { c: { d: { e: [true, false, null] } } }, "": "" });',
  ],
  [
    "JSON unicode",
    'return JSON.stringify({ "clé ☃": "é ☃ 😀 \\u2028\\u2029 \\u007f\\u0080\\u00a0 \\ufeff \\uffff", emoji: ["😀", "\\u{1F600}"] });',
  ],
  [
    "JSON lone surrogates",
    'const hi = String.fromCharCode(0xd800); const lo = String.fromCharCode(0xdfff); return JSON.stringify({ [hi]: hi + "x" + lo, l: [lo, "a" + hi + "é"] });',
  ],
  [
    "JSON escapes",
    'return JSON.stringify(["\\n\\t\\u0000\\r\\b\\f", "\\u001f\\u0001 \\"q\\" \\\\ /", { "k\\n\\"": "\\u0000" }]);',
  ],
  [
    "JSON top-level values",
    'return [JSON.stringify(1), JSON.stringify(1.5), JSON.stringify(6 / 2), JSON.stringify(true), JSON.stringify(null), JSON.stringify("\\u0000")];',
  ],
  [
    "JSON indent 2 with empty containers",
    "return JSON.stringify({ a: [], b: {}, c: [[], {}], d: [1, [2, []], { e: {} }], f: 1.5 }, null, 2);",
  ],
  ["JSON indent tab", 'return JSON.stringify({ a: [1, { b: "x" }], c: [] }, null, "\\t");'],
  ["JSON indent 0 is compact", "return JSON.stringify({ a: [1, { b: 2 }] }, null, 0);"],
  ["JSON indent 11 clamps to 10", "return JSON.stringify({ a: [1, { b: 2 }] }, null, 11);"],
  [
    "JSON indent -1 and empty string",
    'return [JSON.stringify([1, [2]], null, -1), JSON.stringify([1, [2]], null, "")];',
  ],
  [
    "JSON indent string longer than 10",
    'return JSON.stringify({ a: [1, 2] }, null, "abcdefghijklmnop");',
  ],
  [
    "JSON indent with digits and dots",
    'const big = 2 ** 60; return [JSON.stringify([big, [big, 3]], null, "."), JSON.stringify({ a: [big, 0] }, null, " 1")];',
  ],
  [
    "JSON indent with floats to fix",
    "const three = 6 / 2; return JSON.stringify({ a: [three, 1e-7, 1e21, NaN], b: { c: three } }, null, 2);",
  ],
  ["JSON indent surrogate", "return JSON.stringify([String.fromCharCode(0xdc00)], null, 1);"],
  ["JSON undefined in arrays", "const u = undefined; return JSON.stringify([u, [u], 1, null]);"],
  [
    "JSON undefined top level",
    "const u = undefined; return JSON.stringify([JSON.stringify(null)]) + String(u);",
  ],
  [
    "JSON class instances in arrays",
    "class P { x = 6 / 2; y = [1.5]; } return JSON.stringify([new P(), { p: new P() }, 1e21]);",
  ],
  [
    "JSON toJSON nested",
    'class D { constructor(private n: number) {} toJSON() { return { n: this.n, half: this.n / 2 }; } } return JSON.stringify({ list: [new D(4), new D(3)], s: "ok" }, null, 2);',
  ],
  [
    "JSON functions dropped and nulled",
    "const f = () => 1; return JSON.stringify({ a: [f, 1], f, b: 2 });",
  ],
  [
    "JSON large records",
    'const xs: { id: number; name: string; price: number; tags: string[] }[] = []; for (let i = 0; i < 2000; i++) xs.push({ id: i, name: `n-${i}`, price: i * 1.25 + 0.49, tags: i % 2 ? ["a"] : [] }); const s = JSON.stringify(xs); return [s.length, s.slice(0, 200), s.slice(-200)];',
  ],
  [
    "JSON parse numbers",
    'const v = JSON.parse("[1, 1.0, 1e3, 1.5e-7, -0, 1e400, 12345678901234567890, 0.1]") as number[]; return [JSON.stringify(v), v.map((x) => String(x)), v[1] === 1];',
  ],
  [
    "JSON parse strings and nesting",
    'const v = JSON.parse(\'{"a": "\\\\u00e9\\\\n\\\\ud83d\\\\ude00", "b": [{}, [], {"c": null}]}\') as unknown; return JSON.stringify(v);',
  ],
  [
    "JSON roundtrip with indent",
    'const o = { a: [1, { b: 2.5 }], c: "x" }; return JSON.parse(JSON.stringify(o, null, 4)) as unknown;',
  ],
  [
    "JSON parse rejects NaN and Infinity",
    'const r: string[] = []; for (const t of ["NaN", "Infinity", "-Infinity", "[1, NaN]", "[1,]", "01", "1.", ".5", "\\u00a01", "tru", "[1] x", " 2 "]) { try { r.push(JSON.stringify(JSON.parse(t))); } catch (e) { r.push("err"); } } return r;',
  ],
  [
    "JSON parse unicode escapes",
    'const v = JSON.parse(\'["\\\\u00e9", "\\\\u0041\\\\u0000", "\\\\/", "\\\\u2028", "\\\\ud800x"]\') as string[]; return [v.map((s) => s.length), v[0], v[2]!.charCodeAt(1), v[3], v[4]!.charCodeAt(0)];',
  ],
  [
    "JSON nested undefined and odd floats",
    "const u = undefined; const xs = [1e21, 1e20, 123e-20, 0.000001, 1e-7, -1e-7, -0.0, 5e-324, 1 / 3]; return [JSON.stringify({ a: [u, { b: [u, null, 1e21, -0, 0.1, 1e-7] }], c: 'x' }), JSON.stringify(xs), JSON.stringify(xs, null, 2)];",
  ],
  // undefined: left out of objects, null in arrays, no JSON at the top; the static type says
  // which None is undefined (a property that may be both is BPY1030 and written as null)
  [
    "JSON undefined properties are left out, null kept, undefined in arrays is null",
    'const o: { a?: number; b: number | null; c: { d?: string }[] } = { b: null, c: [{}, { d: "x" }, { d: undefined }] }; const r: Record<string, number | undefined> = { x: 1, y: undefined }; return [JSON.stringify({ u: undefined, v: 1 }), JSON.stringify([undefined, 1]), JSON.stringify(o), JSON.stringify(o, null, 2), JSON.stringify(r), JSON.stringify({ n: null, m: [null] })];',
  ],
  [
    "JSON undefined class fields and top-level undefined",
    "const maybe: number | undefined = [1].find((x) => x > 5); const none: string | undefined = undefined; return [JSON.stringify(new P()), JSON.stringify([new P()], null, 1), JSON.stringify(maybe) === undefined, JSON.stringify(none) === undefined, JSON.stringify(undefined) === undefined, JSON.stringify(null)];",
    "class P { x?: number; y = 2; z: number | undefined = undefined; #w: number | undefined = 1; }",
  ],
  [
    "JSON functions are skipped in objects and null in arrays",
    "return [JSON.stringify({ f: () => 1, a: [() => 1, undefined], g: function () { return 2; } }), JSON.stringify(() => 1) === undefined];",
  ],
  [
    "JSON toJSON of object literals and classes, with its key",
    'class D { toJSON() { return { when: 1 }; } } class K { toJSON(key: string) { return "k" + key; } } return [JSON.stringify({ toJSON: () => "custom" }), JSON.stringify({ a: { toJSON: (key: string) => "key:" + key }, b: [{ toJSON: (k: string) => k }] }), JSON.stringify({ d: new D(), k: new K() }), JSON.stringify([new K()]), JSON.stringify(new K())];',
  ],
]);
