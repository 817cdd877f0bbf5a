import { rows } from "./harness.js";

// Built-ins whose Python counterpart needs an int (slices, `*`, chr, range) given a float: JS
// converts it (truncation, NaN → 0, ±Infinity clamped) or throws a RangeError.
const top = `
function half(n: number): number { return n / 2; }
function num(n: number): number { return n; }
const nan = num(NaN), inf = num(Infinity), negZero = num(-0);
function thrown(f: () => unknown): string {
  try { f(); return "no error"; } catch (e) { return (e instanceof RangeError ? "RangeError: " : "other: ") + (e as Error).message; }
}
`;

export default rows(
  [
    [
      "repeat with float counts",
      "const two = half(4); return ['ab'.repeat(two), ' '.repeat(2.0), 'ab'.repeat(half(5)), 'ab'.repeat(negZero), 'ab'.repeat(nan), 'x'.repeat(0.9), ''.repeat(half(7))];",
    ],
    [
      "repeat throws a RangeError",
      "return [thrown(() => 'ab'.repeat(num(-1))), thrown(() => 'ab'.repeat(inf)), thrown(() => ''.repeat(num(-0.5) * 4)), thrown(() => 'ab'.repeat(half(-1)))];",
    ],
    [
      "padStart and padEnd with float lengths",
      "const s = 'ab'; return [s.padStart(half(8)), s.padEnd(half(9), 'x'), s.padStart(half(9), 'xy'), s.padEnd(nan, 'x'), s.padStart(negZero), s.padStart(num(-3.5), '-'), s.padEnd(4.0, '.'), s.padStart(inf, '')];",
    ],
    ["padStart to Infinity throws", "return thrown(() => 'ab'.padStart(inf, 'x'));"],
    [
      "String.fromCharCode with floats",
      "const codes = [65.5, 66, half(134)]; return [String.fromCharCode(65 + -0), String.fromCharCode(half(131)), String.fromCharCode(nan), String.fromCharCode(65536 + 67.9), String.fromCharCode(half(-131072) + 69.5), String.fromCharCode(half(130), 66.2, inf), String.fromCharCode(...codes)];",
    ],
    [
      "String.fromCharCode with ints beyond 16 bits wraps modulo 2^16",
      "const ks: number[] = [65, 65536 + 66, -65536 + 67, 0x10000 * 3 + 68]; let out = ''; for (const k of ks) out += String.fromCharCode(k); for (let i = 65600; i < 65603; i++) out += String.fromCharCode(i); return [out, String.fromCharCode(65, 66)];",
    ],
    [
      "new Array with an integral float length",
      "const a = new Array(half(6)); const b = new Array(half(4)).fill(7); const c: number[] = new Array(negZero); return [a.length, b, c.length];",
    ],
    [
      "new Array and length assignment throw a RangeError",
      "const a = [1, 2, 3]; return [thrown(() => new Array(half(5))), thrown(() => new Array(num(-1))), thrown(() => new Array(nan)), thrown(() => { a.length = half(3); }), a];",
    ],
    [
      "array length assignment with an integral float",
      "const a = [1, 2, 3, 4]; a.length = half(4); const b = [1]; b.length = 3.0; return [a, b.length];",
    ],
    [
      "Array.from with a float length",
      "return [Array.from({ length: half(5) }).length, Array.from({ length: nan }).length, Array.from({ length: negZero }).length, Array.from({ length: num(-3) }).length, Array.from({ length: half(7) }, (_, i) => i * 2)];",
    ],
    [
      "Array.from with an infinite length throws",
      "return thrown(() => Array.from({ length: inf }));",
    ],
    [
      "slice and substring with floats",
      "const a = [1, 2, 3, 4, 5]; const s = 'hello'; const h = half(5); return [a.slice(h), a.slice(half(2), h), a.slice(nan), a.slice(-inf, inf), a.slice(num(-1.5)), s.slice(h), s.slice(0, nan), s.substring(h), s.substring(nan, 2.0), s.substring(inf, half(3)), s.slice(negZero)];",
    ],
    [
      "charAt and charCodeAt with floats",
      "const s = 'abc'; return [s.charAt(1.0), s.charAt(half(3)), s.charAt(nan), s.charAt(inf), s.charAt(num(-0.5)), s.charCodeAt(half(3)), s.charCodeAt(nan), String(s.charCodeAt(inf))];",
    ],
    [
      "at with floats",
      "const a = [1, 2, 3]; const s = 'xyz'; return [a.at(half(2)), a.at(half(3)), a.at(nan), a.at(num(-1.5)), a.at(inf) ?? 'none', a.at(-inf) ?? 'none', s.at(half(5)), s.at(negZero)];",
    ],
    [
      "search positions with floats",
      "const a = [1, 2, 1, 2]; const s = 'abab'; return [a.includes(1, half(3)), a.indexOf(1, half(3)), a.indexOf(1, nan), a.indexOf(2, inf), a.lastIndexOf(2, half(5)), a.lastIndexOf(1, nan), a.lastIndexOf(1, -inf), s.includes('a', half(3)), s.indexOf('a', half(3)), s.indexOf('b', inf), s.indexOf('a', nan), s.lastIndexOf('a', half(3)), s.lastIndexOf('b', nan), s.lastIndexOf('a', -inf), s.lastIndexOf('b', inf)];",
    ],
    [
      "startsWith and endsWith positions with floats",
      "const s = 'abc'; return [s.startsWith('b', 1.0), s.startsWith('b', half(3)), s.startsWith('a', nan), s.startsWith('c', inf), s.endsWith('a', half(3)), s.endsWith('b', 2.0), s.endsWith('c', inf), s.endsWith('a', nan)];",
    ],
    [
      "splice, fill and split with floats",
      "const a = [1, 2, 3, 4, 5]; const r = a.splice(half(3), half(3)); const b = [1, 2, 3, 4].fill(0, half(3), inf); const c = [1, 2, 3].fill(9, nan, half(5)); const d = [1, 2, 3].splice(-inf, nan); return [a, r, b, c, d, 'a,b,c'.split(',', half(5)), 'a,b,c'.split(',', nan), 'a,b,c'.split(',', inf), 'a,b,c'.split(',', num(-1))];",
    ],
  ].map(([name, code]): [string, string, string] => [name!, code!, top]),
);
