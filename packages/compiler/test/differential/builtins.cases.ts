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
]);
