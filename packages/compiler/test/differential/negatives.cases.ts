// Negative array indices (Python counts them from the end) and negative zero (an int -0 is 0).
import { rows } from "./harness.js";

const SET = "function setAt(a: number[], i: number, v: number): void { a[i] = v; }";

export default [
  ...rows([
    // ---- reads: undefined, never the element counted from the end
    [
      "negative index reads",
      "const a = [1, 2, 3]; const s = 'xyz'; const i = -1; const k = a.length - 4; " +
        "return [a[-1] ?? null, a[i] ?? null, a[k] ?? null, a[k - 1] ?? null, s[-1] ?? '-', s[i] ?? '-', " +
        "a[-0], a[a.length - 1], get(a, -2) ?? null, get(a, 2)];",
      "function get(a: number[], i: number): number | undefined { return a[i]; }",
    ],
    [
      "negative index reads in a loop counting down past 0",
      "const a = [1, 2, 3]; const r: unknown[] = []; let miss = 0; " +
        "for (let i = 2; i >= -2; i--) { r.push(a[i] ?? null); if (a[i] === undefined) miss++; } " +
        "for (let i = 2; i > -3; i--) r.push(a[i]! ?? null, a[i + 1] ?? null); return [r, miss];",
    ],
    [
      "negative index reads through nested arrays and at()",
      "const m = [[1, 2], [3, 4]]; const i = -1; " +
        "return [m[i]?.[0] ?? null, m[0]![i] ?? null, m.at(-1), m[1]!.at(i), 'abc'.at(-1)];",
    ],
    [
      "negative positions of string and array methods",
      "const a = [1, 2, 3]; const s = 'abcdef'; const i = -1; " +
        "return [s.charAt(i), s.charCodeAt(-1), s.at(-2), a.at(i), s.substring(-2, 2), s.slice(-2), " +
        "s.indexOf('f', -3), s.lastIndexOf('b', -3), s.startsWith('a', -2), s.endsWith('f', -1), " +
        "s.includes('a', -2), s.includes('a', i), s.includes('b', 1.5), s.includes('a', NaN), s.includes('f', 99), " +
        "a.includes(1, -1), a.includes(3, i), a.includes(1, 1), a.includes(1, -10), a.includes(2, 1.5), " +
        "a.includes(1, NaN), a.includes(3, Infinity), ['x', 'y'].includes('x', 1), [NaN, 1].includes(NaN, -2), " +
        "a.indexOf(3, -1), a.lastIndexOf(3, -2), a.slice(-5), a.slice(NaN), [1, 2, 3].fill(9, -1), " +
        "'ab'.split('', -1), 'a,b,c'.split(',', -1), 'a,b,c'.split(',', 2.7), 'a,b,c'.split(',', 4294967297)];",
    ],
    // ---- writes that JavaScript makes elements (kept as plain subscripts or converted)
    [
      "writes with proven non-negative indices",
      "const a = [0, 0, 0, 0]; for (let i = 0; i < a.length; i++) a[i] = i; " +
        "for (let i = a.length - 1; i >= 0; i--) a[i] += 10; let j = -1; j += 2; if (j >= 0) a[j] = 7; " +
        "a[0] = 5; a[3]++; a[-0] = 9; const n = 4; a[n / 2] = 8; a[2.0] *= 2; return a;",
    ],
    [
      "write at the end appends, a[length - 1] writes the last element",
      "const a = [1]; a[a.length] = 2; a[a.length - 1] = 3; setAt(a, 0, 4); return a;",
      SET,
    ],
  ]),
  // ---- writes JavaScript makes properties (not elements): they must raise
  ...rows(
    [
      ["negative literal index write", "const a = [1, 2, 3]; a[-1] = 9; return a;"],
      [
        "negative computed index write",
        "const a = [1, 2, 3]; const i = a.length - 4; a[i] = 9; return a;",
      ],
      [
        "negative index write through a parameter",
        "const a = [1, 2]; setAt(a, -2, 5); return a;",
        SET,
      ],
      [
        "index write in a loop counting down past 0",
        "const a = [0, 0, 0]; for (let i = 2; i >= -1; i--) a[i] = i; return a;",
      ],
      [
        "negative index compound assignment",
        "const a = [1, 2]; const i = -1; a[i] += 1; return a;",
      ],
      ["negative index %=", "const a = [1, 2]; let i = 0; i--; a[i] %= 2; return a;"],
      ["negative index ??=", "const a = [1, 2]; const i = -2; a[i] ??= 3; return a;"],
      ["negative index increment statement", "const a = [1, 2]; const i = -1; a[i]++; return a;"],
      [
        "negative index increment used as a value",
        "const a = [1, 2]; const i = -1; const r = --a[i]; return [a, r];",
      ],
      [
        "negative index assignment used as a value",
        "const a = [1, 2]; const i = -1; const r = (a[i] = 4); return [a, r];",
      ],
      [
        "negative index destructuring target",
        "const a = [1, 2]; const i = -1; [a[0], a[i]] = [5, 6]; return a;",
      ],
      [
        "negative index swap",
        "const a = [1, 2, 3]; const i = -1, j = 0; const t = a[i]!; a[i] = a[j]!; a[j] = t; return a;",
      ],
      [
        "negative index for-of target",
        "const a = [1, 2]; const i = -1; for (a[i] of [7]); return a;",
      ],
      ["fractional index write", "const a = [1, 2, 3]; const n = 3; a[n / 2] = 0; return a;"],
      ["NaN index write", "const a = [1, 2, 3]; a[NaN] = 0; return a;"],
    ],
    { raises: "IndexError: bpyts: array index" },
  ),
  // ---- negative zero
  ...rows([
    [
      "-0 literal",
      "const z = -0; return [String(1 / -0), String(1 / -0.0), String(1 / z), String(1 / -(0)), " +
        "String(1 / -(-0)), String(-0), `${-0}`, JSON.stringify(-0), JSON.stringify([-0, z]), " +
        "(-0).toFixed(1), -0 === 0, z < 0, String(1 / (z * 5)), String(1 / (0 / -5)), String(1 / (z - 0)), " +
        "String(1 / (z + 0))];",
    ],
    [
      "-0 through Math and operators",
      "const z = -0; return [String(1 / Math.sign(z)), String(Math.sign(z)), Math.sign(-3), Math.sign(NaN), " +
        "String(1 / Math.abs(z)), z | 0, ~z, z >>> 0, z << 1, z & 1, String(1 / (z % 5)), " +
        "Number.isInteger(z), [z].includes(0), [0].indexOf(z), String(1 / E.A), E.B];",
      "enum E { A = -0, B = 1 }",
    ],
    [
      "-0 as an index and loop start",
      "const a = [4, 5]; const r: number[] = []; for (let i = -0; i < 3; i++) r.push(i, a[i] ?? -1); " +
        "a[-0] = 6; return [r, a, a[-0]];",
    ],
  ]),
];
