import { rows } from "./harness.js";

// Math.imul / Math.fround / Math.clz32 (issue 19): exact 32-bit and single-precision results
export default rows([
  [
    "Math.imul",
    "const xs = [0, 1, -1, 3, -5, 0x7fffffff, -0x80000000, 0xffffffff, 2 ** 32 + 7, 1.9, -1.9, 123456789, 987654321, NaN, Infinity]; const out: number[] = []; for (const a of xs) for (const b of xs) out.push(Math.imul(a, b)); return out;",
  ],
  [
    "Math.imul hash loop",
    'let h = 2166136261; for (const c of "hello world") { h ^= c.charCodeAt(0); h = Math.imul(h, 16777619); } return [h, h >>> 0];',
  ],
  [
    "Math.fround",
    "const xs = [0, -0, 1, 0.1, -0.1, 1 / 3, 5e-324, 1e-45, 1.5e-45, 3.4028234663852886e38, 3.4028235677973366e38, 3.5e38, -3.5e38, 1e300, 16777217, 2 ** 60 + 1, NaN, Infinity, -Infinity, 0.5, 2.5]; return xs.map((x) => String(Math.fround(x)));",
  ],
  ["Math.fround as a value", "return [0.1, 0.2].map(Math.fround).map(String);"],
  [
    "Math.clz32",
    "return [0, 1, -1, 0.5, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 255, NaN, Infinity, -Infinity, 3.9].map((x) => Math.clz32(x));",
  ],
  // console.log formats values as Node's util.inspect (the logs are compared)
  ["log array and object", 'console.log([1, "x"], { a: 1 }); return 0;'],
  [
    "log nested plain data",
    'console.log({ name: "cube", size: [1, 2, 3], tags: ["a", "b"], meta: { ok: true, n: null, deep: { deeper: { deepest: 1 } } } }); return 0;',
  ],
  [
    "log strings inside containers",
    `console.log(["it's", 'say "hi"', "both ' and \\"", "tab\\tnew\\nline", "back\\\\slash", ""]); return 0;`,
  ],
  [
    "log numbers",
    "console.log([0, -0, 1.5, -2, 1e21, 1e-7, NaN, Infinity, -Infinity, 2 ** 53]); console.log([-0], { z: -0 }); return 0;",
  ],
  [
    "log null and undefined in containers",
    "const a: (number | null)[] = [1, null]; const b: (number | undefined)[] = [undefined, 2]; const o: { x: string | null; y?: number } = { x: null }; console.log(a, b, o, null, undefined); return 0;",
  ],
  ["log empty containers", "console.log([], {}, new Map(), new Set(), [[]], { a: {} }); return 0;"],
  [
    "log Map and Set",
    'const m = new Map<string, number[]>([["a", [1]], ["b", [2, 3]]]); const s = new Set(["x", "y"]); console.log(m, s, new Map([[1, { k: "v" }]]), { inner: new Set([1, 2]) }); return 0;',
  ],
  [
    "log long array grouped",
    "const xs: number[] = []; for (let i = 0; i < 30; i++) xs.push(i * 7); console.log(xs); return 0;",
  ],
  [
    "log long array of strings grouped",
    'const xs: string[] = []; for (let i = 0; i < 26; i++) xs.push("item" + i); console.log(xs); return 0;',
  ],
  [
    "log 120 numbers (more items)",
    "const xs: number[] = []; for (let i = 0; i < 120; i++) xs.push(i); console.log(xs); return 0;",
  ],
  [
    "log line breaking past 72 chars",
    'console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "dddddddddd" }); console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "ddddd" }); console.log([["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbb"], ["cccccccccccccccccccc", "dddddddddddddddd"]]); return 0;',
  ],
  [
    "log depth past 2",
    "console.log({ a: { b: { c: { d: 1 } } } }, [[[[1]]]], { l1: { l2: { l3: [1], m: new Map([[1, 2]]) } } }); return 0;",
  ],
  [
    "log object keys that need quotes",
    'const o: Record<string, number> = { "a-b": 1, "1x": 2, ok_1: 3, "has space": 4, "": 5 }; console.log(o); return 0;',
  ],
  [
    "log class instances",
    'class P { x = 1; y = [2]; } class E {} class Q { constructor(public name: string, public p: P) {} } console.log(new P(), new E(), new Q("q", new P()), [new P()]); return 0;',
  ],
  [
    "log long string in container",
    'const s = "line one is quite long\\nline two is also rather long indeed\\nthree"; console.log([s], { s }); console.log({ k: "x".repeat(90) }); return 0;',
  ],
  [
    "log mixed and wide entries",
    'console.log([1, "two", [3], { four: 4 }, null, true, 7.5, "eight"]); console.log(["a", "bb", "ccc", "dddddddddddddddddddddddddddddddddddd", "e", "f", "g"]); return 0;',
  ],
  [
    "log multiple args mixing strings",
    'console.log("label:", [1, 2], "and", { n: 3 }, 4, true); return 0;',
  ],
  [
    "log circular",
    "const a: { self?: unknown; n: number } = { n: 1 }; a.self = a; console.log(a); return 0;",
  ],
  [
    "log objects in a table",
    'const rows = [{ id: 1, name: "alpha", tags: ["x"] }, { id: 2, name: "beta", tags: [] }, { id: 3, name: "gamma", tags: ["y", "z"] }]; console.log(rows); return 0;',
  ],
]);
