/**
 * Issue #18, "emitted Python does not load": constructs whose translation Python used to refuse
 * (SyntaxError), run against Node. Every compile in the suite is also checked with python3's
 * compile() (test/py-compile-setup.ts).
 */
import { rows } from "./harness.js";

export default rows([
  [
    "empty array pattern in for-of",
    "const pairs: [number, number][] = [[1, 2], [3, 4]]; let n = 0; for (const [] of pairs) n++; return n;",
  ],
  [
    "empty array pattern does not read elements",
    'const log: string[] = []; function* g() { log.push("ran"); yield 1; } const [] = g(); for (const [] of [[1], [2]]) log.push("x"); return log;',
  ],
  ["empty array pattern in a declaration", "const xs = [1, 2]; const [] = xs; return xs;"],
  [
    "object pattern over an array: index and length",
    "const { 0: first, length: n } = [7, 8, 9]; return [first, n];",
  ],
  [
    "object pattern over an array: index past the end is undefined",
    "const xs: number[] = [7]; const { 0: a, 2: c, length: n } = xs; return [a, c === undefined, n];",
  ],
  [
    "object pattern over a tuple and a string",
    'const t: [number, string] = [1, "a"]; const { 1: s, length: tl } = t; const { length: sl, 1: ch } = "xyz"; return [s, tl, sl, ch];',
  ],
  [
    "object pattern over an array with default",
    "const xs: number[] = []; const { 0: a = 5, length: n } = xs; return [a, n];",
  ],
  [
    "object pattern over an array in a parameter",
    "function f({ 0: a, length }: number[]) { return a! * length; } return f([3, 4]);",
  ],
  [
    "zero-width joiners in identifiers do not collide",
    "const a\u200cb = 1; const a\u200db = 2; const a_b = 3; function f\u200d(x\u200c: number) { return x\u200c + 1; } return [a\u200cb, a\u200db, a_b, f\u200d(a_b)];",
  ],
  [
    "default parameter before a required one",
    "function f(a = 1, b: number) { return a + b; } return [f(undefined, 2), f(10, 2)];",
  ],
  [
    "default parameters around a required one",
    'function f(a: string = "x", b: number, c = 3, d?: number) { return [a, b, c, d ?? 0]; } return [f(undefined, 1), f("y", 2, undefined, 4), f("z", 3, 9)];',
  ],
  [
    "default before required in an arrow and a method",
    "const g = (a = [1], b: number) => a.length + b; class K { m(x = 2, y: number) { return x * y; } } return [g(undefined, 1), new K().m(undefined, 5), new K().m(3, 5)];",
  ],
  [
    "empty patterns everywhere",
    "const xs: number[][] = [[1]]; let n = 0; for (const [] of xs) {} for (const {} of xs) n++; const [[]] = xs; const a: number[] = []; [] = a; [[]] = xs; function f([]: number[], {}: object) { return 1; } const g = ([]: number[]) => 2; return [n, f([], {}), g([])];",
  ],
  [
    "default before required: constructor parameter property and generator",
    "class K { constructor(public p = 1, public q: number) {} } function* gen(a = 1, b: number) { yield a + b; } return [new K(undefined, 2).p, new K(5, 2).p, [...gen(undefined, 1)]];",
  ],
]);
