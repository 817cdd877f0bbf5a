/**
 * Issue #18: an explicit `undefined` for an optional argument of a built-in is the missing
 * argument (`s.startsWith("a", undefined)`, `xs.join(undefined)`), except for the methods that
 * count their arguments (`splice`, Array `lastIndexOf`) and rest parameters (`push`).
 */
import { rows } from "./harness.js";

export default rows([
  [
    "startsWith / endsWith with undefined position",
    'const s = "abc"; return [s.startsWith("a", undefined), s.startsWith("b", undefined), s.endsWith("", undefined), s.endsWith("c", undefined), s.endsWith("b", void 0)];',
  ],
  [
    "join(undefined) uses a comma",
    'return [[1, 2].join(undefined), ["a"].join(undefined), [].join(undefined)];',
  ],
  [
    "slice with undefined bounds",
    'const s = "abcdef"; const xs = [1, 2, 3, 4]; return [s.slice(1, undefined), s.slice(undefined), s.slice(undefined, 2), xs.slice(1, undefined), xs.slice(undefined, 1), s.substring(2, undefined)];',
  ],
  [
    "indexOf / includes with undefined fromIndex",
    'const xs = [1, 2, 1]; const s = "abab"; return [xs.indexOf(2, undefined), xs.includes(1, undefined), s.indexOf("b", undefined), s.includes("b", undefined), s.lastIndexOf("a", undefined)];',
  ],
  [
    "Array lastIndexOf counts its arguments",
    "const xs = [1, 2, 1]; const k: number | undefined = [undefined][0]; return [xs.lastIndexOf(1), xs.lastIndexOf(1, undefined), xs.lastIndexOf(2, undefined), xs.lastIndexOf(1, k), xs.lastIndexOf(1, -1)];",
  ],
  [
    "splice(start, undefined) deletes nothing",
    "const xs = [1, 2, 3]; const a = xs.splice(1, undefined); const ys = [1, 2, 3]; const b = ys.splice(1); return [a, xs, b, ys];",
  ],
  [
    "push(undefined) pushes it",
    "const ys: (number | undefined)[] = [1]; ys.push(undefined); const n = ys.push(undefined, 2); return [n, ys.length, ys[1] === undefined];",
  ],
  [
    "split / pad with undefined",
    'const s = "a,b"; return [s.split(",", undefined), "x".padStart(3, undefined), "x".padEnd(3, undefined), "x".padStart(3, undefined).length];',
  ],
  [
    "number methods with undefined",
    "const n = 3.7; const k = 255; return [n.toFixed(undefined), k.toString(undefined), n.toString(undefined)];",
  ],
  [
    "sort / flat / map with undefined",
    "const xs = [3, 1, 10]; xs.sort(undefined); const ys = [[1], [2, [3]]].flat(undefined); return [xs, ys, [1, 2].map((x) => x * 2, undefined)];",
  ],
  [
    "callbacks with undefined thisArg",
    "const out: number[] = []; [1, 2].forEach((x) => out.push(x), undefined); new Map([[1, 2]]).forEach((v, k) => out.push(k + v), undefined); new Set([5]).forEach((v) => out.push(v), undefined); return [out, [1, 2].filter((x) => x > 1, undefined), [1, 2].some((x) => x > 1, undefined)];",
  ],
  [
    "as statements: join / slice / indexOf with undefined",
    'const xs = [2, 1]; xs.sort(undefined); xs.indexOf(1, undefined); "ab".startsWith("a", undefined); return xs;',
  ],
  [
    "global and static calls with undefined",
    'return [parseInt("10", undefined), Number.parseInt("11", undefined), JSON.stringify({ a: 1 }, undefined, 2), JSON.stringify([1], null, undefined), JSON.parse("[1]", undefined), JSON.stringify([2], undefined, 1), String(undefined), Number(undefined), [1, 2].slice(undefined, 1)];',
  ],
  [
    "optional arguments from a possibly-undefined variable",
    'const u: number | undefined = [undefined][0]; const su: string | undefined = [undefined][0]; const s = "abcab"; const xs = [1, 2, 1]; return [s.startsWith("a", u), s.endsWith("b", u), s.includes("c", u), s.indexOf("b", u), s.lastIndexOf("a", u), s.slice(1, u), s.substring(1, u), xs.slice(1, u), xs.indexOf(1, u), xs.includes(1, u), xs.join(su), s.padStart(7, su), s.padEnd(7, su), s.split("b", u), (2.5).toFixed(u), (255).toString(u)];',
  ],
  [
    "optional array, number and static arguments from a possibly-undefined variable",
    'const u: number | undefined = [undefined][0]; const xs = [3, 1, 2]; const o = { a: [1] }; return [xs.slice(u), "abc".slice(u), [0, 0, 0].fill(7, u), [0, 0, 0].fill(7, 1, u), [[1, [2]]].flat(u), xs.lastIndexOf(3, u), JSON.stringify(o, null, u), parseInt("10", u), Number.parseInt("12", u), xs.at(-1), [1, 2].findLast((x) => x > 0, u), xs.includes(3, u)];',
  ],
]);
