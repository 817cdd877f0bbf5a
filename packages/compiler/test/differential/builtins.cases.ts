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

  // RegExp translated to Python's re (flags, groups, lastIndex, string methods)
  [
    "regexp test and exec",
    'const r = /(\\d+)-(\\d+)/; const m = r.exec("x 12-345 y"); return [r.test("1-2"), r.test("a-b"), m ? [m[0], m[1], m[2], m.index, m.input] : null, r.lastIndex, r.source, r.flags, String(r)];',
  ],
  [
    "regexp named groups",
    'const m = /(?<year>\\d{4})-(?<month>\\d{2})(?<day>-\\d{2})?/.exec("on 2024-05!"); return m ? [m[0], m.groups?.month, m.groups?.year, m.groups?.day ?? "none", m[3] ?? "none"] : null;',
  ],
  [
    "regexp global lastIndex",
    'const r = /a./g; const out: (string | number)[] = []; let m: RegExpExecArray | null; while ((m = r.exec("a1 a2 a3")) !== null) out.push(m[0], m.index, r.lastIndex); out.push(r.lastIndex); return out;',
  ],
  [
    "regexp sticky",
    'const r = /\\d/y; const out: unknown[] = []; for (const s of ["1a", "12", "a1"]) { r.lastIndex = 0; out.push(r.test(s), r.lastIndex, r.test(s), r.lastIndex); } r.lastIndex = 1; out.push(r.exec("a1")?.[0] ?? null, "x1y2".replace(/\\d/y, "#")); return out;',
  ],
  [
    "regexp flags i m s",
    'return [/^b$/.test("a\\nb"), /^b$/m.test("a\\nb"), /^b$/m.test("a\\r\\nb"), /a.b/.test("a\\nb"), /a.b/s.test("a\\nb"), /a.b/.test("a\\rb"), /a.b/.test("a\\u2028b"), /ABC/i.test("xabcx"), /[a-c]+/i.exec("xBcAy")?.[0], /$/.test("x\\n") , /x$/.test("x\\n"), /x$/m.test("x\\n")];',
  ],
  [
    "regexp classes are ASCII and JS whitespace",
    'return [/\\d/.test("\\u0663"), /\\w/.test("é"), /\\s/.test("\\u00a0"), /\\s/.test("\\ufeff"), /\\s/.test("\\x1c"), /\\s/.test("\\x85"), /\\bword\\b/.test("a word."), /\\bé/.test("é"), /[\\d_]+/.exec("a_12b")?.[0], /\\W+/.exec("ab, cd")?.[0], /[^\\s]+/.exec("  xy z")?.[0]];',
  ],
  [
    "regexp match g and non-g",
    'return ["a1b22c333".match(/\\d+/g), "abc".match(/\\d/g), "a1b2".match(/(\\w)(\\d)/)?.slice(0), "aaa".match(/a*?/g), "".match(/x*/g)];',
  ],
  [
    "regexp matchAll",
    'const out: unknown[] = []; for (const m of "k1=v1;k2=v2;".matchAll(/(?<k>\\w+)=(\\w+)/g)) out.push([m[0], m[1], m[2], m.index, m.groups?.k]); out.push([..."abc".matchAll(/(?:)/g)].map((m) => m.index)); return out;',
  ],
  [
    "regexp replace strings",
    'return ["a-b-c".replace(/-/, "+"), "a-b-c".replace(/-/g, "+"), "a-b-c".replaceAll(/-/g, "$$"), "john smith".replace(/(\\w+)\\s(\\w+)/, "$2, $1"), "abc".replace(/b/, "[$`|$&|$\']"), "2024-05".replace(/(?<y>\\d+)-(?<m>\\d+)/, "$<m>/$<y>"), "ab".replace(/(a)/, "$2$1$0$10"), "aaa".replace(/a*?/g, "-"), "abc".replace(/x?/g, "."), "x".replace(/(y)?x/, "[$1]")];',
  ],
  [
    "regexp replace functions",
    'const f = (m: string, a: string, b: string | undefined, off: number, s: string) => `${m}|${a}|${b}|${off}|${s.length}`; return ["x1y23".replace(/(\\d)(\\d)?/g, f), "abc".replace(/b/, (m) => m.toUpperCase()), "a.b.c".replaceAll(".", (m, off: number) => `${off}`), "aXbX".replace("X", () => "$&"), "k=v".replace(/(?<k>\\w)=(?<v>\\w)/, (...args: unknown[]) => JSON.stringify(args))];',
  ],
  [
    "regexp split",
    'return ["a, b,c".split(/\\s*,\\s*/), "a1b2c3".split(/\\d/), "a1b2c3".split(/(\\d)/), "abc".split(/(?:)/), "".split(/,/), "".split(/(?:)/), "a,b,c".split(/,/, 2), "a,b".split(/(,)|(;)/), "test".split(/(t)?/), "ab".split(/a*?/), "A<B>bold</B>and<CODE>coded</CODE>".split(/<(\\/)?([^<>]+)>/)];',
  ],
  ["regexp search", 'return ["abc1".search(/\\d/), "abc".search(/\\d/), "aBc".search(/b/i)];'],
  [
    "regexp lookaround and backrefs",
    'return [/(?<=\\$)\\d+/.exec("cost $42")?.[0], /(?<!-)\\b\\d+/.exec("-1 2")?.[0], /\\w+(?=!)/.exec("hi! yo")?.[0], /(a)\\1/.test("aa"), /(?<q>[\'"]).*?\\k<q>/.exec(`say "hi" \'x\'`)?.[0], /(a)?b\\1/.test("b"), /(a)|b\\1/.test("b")];',
  ],
  [
    "regexp new RegExp and escapes",
    'const r = new RegExp("\\\\d+\\\\.\\\\d*", "g"); return ["1.5 and 22.".match(r), new RegExp("a|b").source, /[\\]\\[]/.test("]"), /\\//.test("a/b"), /a{2}/.test("aa"), /a{,2}/.test("a{,2}"), /[]/.test("a"), /[^]/.test("\\n"), /\\x41\\u0042/.test("AB"), /\\u{1F600}/u.test("😀"), /[.*+?^${}()|[\\]\\\\]/g.test("$"), "a.b*c".replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&")];',
  ],
  [
    "regexp in a loop keeps per-literal state",
    'let n = 0; for (const s of ["a1", "b2", "c"]) if (/\\d/g.test(s)) n++; const r = /o/g; r.test("foo"); const li = r.lastIndex; return [n, li, r.global, r.ignoreCase, r.multiline, r.sticky, r.unicode, r.dotAll];',
  ],
  [
    "regexp word frequency",
    'const text = "The cat and the hat. The END"; const counts = new Map<string, number>(); for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1); return [...counts];',
  ],
  [
    "log regexps and matches",
    'const r = /(?<y>\\d+)-(\\d+)/g; console.log(r, [/a/i], "x 12-3".match(/(\\d+)-(\\d+)/), r.exec("12-3 45-6")); return 0;',
  ],
  // Float32Array / Float64Array: array.array("f"/"d"), single-precision stores
  [
    // the length is ToIndex'd: truncated, and a RangeError below 0 or infinite
    "typed array length truncated, RangeError message",
    "const r: string[] = []; for (const n of [1.5, -0.5, 0.9]) r.push(String(new Float32Array(n).length)); for (const n of [-1.5, Infinity]) { try { new Float64Array(n); } catch (e) { r.push((e as Error).message); } } return r;",
  ],
  [
    "Float32Array basics",
    'const a = new Float32Array(4); a[0] = 0.1; a[1] = a[0] * 3; a[2] = 1e40; a[3] = -1e-50; let s = 0; for (const x of a) s += x; return [a.length, a[0], a[1], String(a[2]), a[3], a[9] ?? "none", s, [...a].map(String), Array.from(a).length];',
  ],
  [
    "Float32Array from, of, methods",
    'const a = Float32Array.from([1.1, 2.2, 3.3]); const b = Float32Array.of(0.5, 0.25); const c = new Float32Array([1, 2, 3, 4]); c.set([9.9, 8.8], 1); return [Array.from(a.map((x) => x * 2)), Array.from(a.filter((x, i) => i > 0)), a.reduce((p, q) => p + q), a.reduce((p, q) => p + q, 0.5), a.join("|"), a.indexOf(a[1]!), a.includes(2.2), Array.from(b), Array.from(c), Array.from(c.slice(1, -1)), Array.from(new Float32Array(3).fill(0.1, 1))];',
  ],
  [
    "Float64Array keeps doubles",
    "const d = new Float64Array([0.1, 0.2]); d[1] = d[0]! + 0.2; const f = new Float32Array(d); return [Array.from(d), Array.from(f), d.length];",
  ],
  [
    "log typed arrays",
    "console.log(new Float32Array([0.1, 2]), new Float64Array(0), { v: Float32Array.of(1.5) }); return 0;",
  ],
]);
