/**
 * Deterministic fuzzing of number → string conversion, number parsing and Math: each case draws a
 * few thousand doubles from a PRNG written in the snippet (integer arithmetic exact in both
 * languages: products stay below 2^53), so Node and Python see the same values, and returns what
 * it printed. Where several spellings must agree (`String(x)`, `${x}`, `"" + x`) only the first is
 * returned, the others only when they differ from it, to keep the results small.
 */
import type { Case } from "./harness.js";

/** The PRNG (minimal standard LCG) and the value generator shared by the cases. */
const top = String.raw`
let seed = 1;
function rnd(n: number): number {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
}
/** a uniform 53-bit integer */
function big(): number {
  return rnd(67108864) * 134217728 + rnd(134217728);
}
const SPECIALS: number[] = [
  0, -0, NaN, Infinity, -Infinity, 1, -1, 0.1, 0.5, 1.5, 2.5, -2.5, 1e21, 1e-7, 1e-6, 1e20,
  999999999999999900000, 123e-20, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
  Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER, 0.30000000000000004, 4503599627370495.5, 0.49999999999999994,
];
/** a double of the given kind (0..9) */
function sample(kind: number): number {
  let x = 0;
  if (kind === 0) x = rnd(2001) - 1000;
  else if (kind === 1) {
    const b = [2147483648, 4294967296, 1073741824, 65536, 9007199254740992][rnd(5)]!;
    // above 2^53 only even offsets are doubles (Python's ints would stay exact)
    x = b === 9007199254740992 ? b - rnd(5) + 2 * rnd(3) : b + rnd(9) - 4;
  } else if (kind === 2) x = (rnd(2000001) - 1000000) / (rnd(999) + 1);
  else if (kind === 3) x = big() / (rnd(1000000) + 1);
  else if (kind === 4) {
    // m * 2^e is exact: no rounding in either language
    const m = rnd(2) ? big() : rnd(1000) + 1;
    x = m * 2 ** (rnd(2045) - 1074);
  } else if (kind === 5) {
    // m * 10^e, correctly rounded by the parser of both languages
    const m = rnd(3) === 0 ? big() : rnd(3) === 0 ? rnd(100000) : rnd(10) + 1;
    x = Number(m + "e" + (rnd(651) - 340));
  } else if (kind === 6) {
    x = rnd(3) ? rnd(100) / 10 + rnd(100) / 10 : rnd(1000) * 0.001 - rnd(1000) * 0.01;
  } else if (kind === 7) {
    // around the 1e21 and 1e-7 / 1e-6 switches to exponent notation (1e21's ulp is 2^17)
    const k = rnd(17) - 8;
    const c = rnd(4);
    x =
      c === 0
        ? 1e21 + k * 131072
        : c === 1
          ? 1e-7 * (1 + k * Number.EPSILON)
          : c === 2
            ? 1e-6 * (1 + k * Number.EPSILON)
            : 1e20 * (10 + k) / 10;
  } else if (kind === 8) x = SPECIALS[rnd(SPECIALS.length)]!;
  else {
    // results of float arithmetic (IEEE-exact in both languages)
    const a = (rnd(2000001) - 1000000) / 1024, b = rnd(1000) / 7 + 1;
    const c = rnd(4);
    x = c === 0 ? a * b : c === 1 ? a / b - b : c === 2 ? Math.sqrt(rnd(100000)) : (a * 0.1) / (b * 3);
  }
  return rnd(2) ? -x : x;
}
function values(count: number, s: number): number[] {
  seed = s;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(sample(i % 10));
  return out;
}
`;

function c(name: string, code: string): Case {
  return { name, code, top };
}

export default [
  c(
    "String template concat",
    `const out: string[] = [];
    for (const x of values(4000, 7)) {
      const s = String(x);
      out.push(s);
      const t = \`\${x}\`, u = "" + x, v = x + "", w = x.toString();
      if (t !== s || u !== s || v !== s || w !== s) out.push("differs: " + [t, u, v, w].join(" "));
    }
    return out.join(" ");`,
  ),
  c(
    "String of ints",
    `const out: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const k = i % 3 === 0 ? rnd(2001) - 1000 : i % 3 === 1 ? big() : -big();
      const n = k * 1;
      out.push(String(n) + \` \${k}\` + (k + 1));
    }
    return out.join(" ");`,
  ),
  c(
    "JSON.stringify numbers",
    `const xs = values(4000, 11);
    const out: string[] = [];
    for (let i = 0; i < xs.length; i += 40) out.push(JSON.stringify(xs.slice(i, i + 40)));
    out.push(JSON.stringify({ a: xs[3], b: [xs[4], { c: xs[5] }] }, null, 2));
    return out.join("");`,
  ),
  c(
    "toFixed",
    `const out: string[] = [];
    let i = 0;
    for (const x of values(4000, 13)) {
      out.push(x.toFixed(i % 11));
      i++;
    }
    for (let k = -2000; k <= 2000; k++) out.push((k / 8).toFixed(2), (k / 1000).toFixed(2), (k + 0.5).toFixed(0));
    return out.join(" ");`,
  ),
  c(
    "toString radix ints",
    `const out: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const kind = i % 4;
      const n =
        kind === 0 ? rnd(2001) - 1000 : kind === 1 ? big() : kind === 2 ? -rnd(4294967296) : rnd(100000) * 1000;
      out.push(n.toString(2 + (i % 35)));
    }
    return out.join(" ");`,
  ),
  c(
    "toString radix beyond 2^53",
    `const out: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const x = (rnd(1000) + 1) * 2 ** (53 + rnd(200));
      out.push((rnd(2) ? -x : x).toString(2 + (i % 35)));
    }
    return out.join(" ");`,
  ),
  c(
    "toString radix fractions",
    `const out: string[] = [];
    let i = 0;
    for (const x of values(3000, 17)) {
      out.push(x.toString(2 + (i % 35)));
      i++;
    }
    return out.join(" ");`,
  ),
  c(
    "parse back String",
    `let same = 0, sameNumber = 0;
    const bad: string[] = [];
    for (const x of values(5000, 19)) {
      const s = String(x);
      if (parseFloat(s) === x) same++;
      if (Number(s) === x) sameNumber++;
      if (String(Number(s)) !== s || String(+s) !== s) bad.push(s);
      if (Number.isFinite(x)) bad.push(String(parseInt(s)));
    }
    return [same, sameNumber, bad];`,
  ),
  c(
    "parse decimal strings",
    `const out: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let s = String(rnd(2) ? big() : rnd(1000));
      if (rnd(2)) s = s.slice(0, 1 + rnd(s.length)) + "." + String(big()).slice(rnd(16));
      if (rnd(2)) s += (rnd(2) ? "e" : "E") + ["", "+", "-"][rnd(3)] + rnd(400);
      if (rnd(4) === 0) s = "-" + s;
      out.push(String(Number(s)) + "," + String(parseFloat(s)) + "," + String(parseInt(s)));
    }
    return out.join(" ");`,
  ),
  c(
    "parse random strings",
    `const alphabet = "0123456789012345.eE+-xXoObB _aAfFzZ\\t\\n\\u00a0Infinity";
    const out: string[] = [];
    for (let i = 0; i < 4000; i++) {
      let s = "";
      const len = rnd(9);
      for (let j = 0; j < len; j++) s += alphabet[rnd(alphabet.length)];
      if (i % 7 === 0) s = ["Infinity", "-Infinity", "+Infinity", "infinity", "0x", "0b", ".", "-.e1", "NaN"][rnd(9)]! + s;
      const r = [undefined, 0, 2, 8, 10, 16, 36, 37, 1, 7][rnd(10)];
      out.push(String(Number(s)) + "," + String(parseFloat(s)) + "," + String(parseInt(s, r)));
    }
    return out.join(" ");`,
  ),
  c(
    "parseInt digit strings",
    `const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const out: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const radix = 2 + (i % 35);
      let s = "";
      const len = 1 + rnd(i % 5 === 0 ? 40 : 12);
      for (let j = 0; j < len; j++) s += digits[rnd(rnd(4) ? radix : 62)];
      if (rnd(5) === 0) s = ["-", "+", " ", "\\n-", "0x", "-0x", "0X"][rnd(7)] + s;
      out.push(String(parseInt(s, radix)) + "," + String(parseInt(s)));
    }
    return out.join(" ");`,
  ),
  c(
    "parseInt long strings",
    `const out: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const radix = [2, 4, 8, 10, 16, 32, 3, 7, 36][i % 9]!;
      let s = "";
      const len = 15 + rnd(60);
      for (let j = 0; j < len; j++) s += (rnd(radix)).toString(radix);
      out.push(String(parseInt(s, radix)));
    }
    out.push(String(parseInt("9".repeat(400))), String(parseInt("1".repeat(5000))), String(parseInt("0".repeat(5000) + "12")));
    return out.join(" ");`,
  ),
  c(
    "Math round floor ceil trunc",
    `const out: string[] = [];
    for (const x of values(3000, 23)) {
      const f = Number.isFinite(x);
      out.push(
        [
          Math.round(x),
          f ? Math.floor(x) : 0,
          f ? Math.ceil(x) : 0,
          f ? Math.trunc(x) : 0,
          Math.sign(x),
          Math.abs(x),
        ].join(","),
      );
    }
    for (let k = -300; k <= 300; k++) {
      const h = k + 0.5;
      out.push(String(Math.round(h)) + "," + Math.round(k / 4) + "," + Math.round(-h) + "," + Math.round(h * 2 ** 40));
    }
    const edges = [0.49999999999999994, -0.49999999999999994, 4503599627370495.5, -4503599627370495.5, 4503599627370497, 2 ** 52 + 0.5, 9007199254740991, 1e300, -1e300, 5e-324];
    for (const e of edges) out.push(String(Math.round(e)) + "," + Math.floor(e) + "," + Math.ceil(e) + "," + Math.trunc(e));
    return out.join(" ");`,
  ),
  c(
    "Math max min",
    `const pool = [0, -0, NaN, 1, -1, 0.5, Infinity, -Infinity, 3, 2.5, -2.5, 1e300, 5e-324];
    const out: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = pool[rnd(pool.length)]!, b = pool[rnd(pool.length)]!, c = pool[rnd(pool.length)]!;
      const xs = [a, b, c].slice(0, 1 + (i % 3));
      out.push(
        [Math.max(a, b), Math.min(a, b), Math.max(a, b, c), Math.min(c, b, a), Math.max(...xs), Math.min(...xs), Math.max(), Math.min()].join(","),
      );
    }
    const n = rnd(10), m = rnd(10);
    out.push(String(Math.max(n, m, 3)) + Math.min(n, -m));
    return out.join(" ");`,
  ),
  c(
    "Number predicates",
    `const out: string[] = [];
    for (const x of values(4000, 29)) {
      out.push(
        [Number.isInteger(x), Number.isSafeInteger(x), Number.isFinite(x), Number.isNaN(x), isFinite(x), isNaN(x)]
          .map((b) => (b ? "1" : "0"))
          .join(""),
      );
    }
    let calls = 0;
    const next = (): number => {
      calls++;
      return big();
    };
    out.push(String(Number.isSafeInteger(next())) + calls);
    return out.join(" ");`,
  ),
  c(
    "float remainder",
    `const xs = values(1500, 31);
    const ys = values(1500, 37);
    const out: string[] = [];
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!, y = ys[i]!;
      out.push(String(x % y) + "," + String(x % 1) + "," + String(x % 0.1) + "," + String(x % 3) + "," + String(x % -2.5));
    }
    return out.join(" ");`,
  ),
  {
    name: "console.log numbers",
    top,
    code: `const xs = values(600, 41);
    for (let i = 0; i < xs.length; i += 2) {
      // Node prints -0 as "-0" (documented: Python prints 0)
      const x = xs[i] === 0 ? 0 : xs[i]!, y = xs[i + 1] === 0 ? 0 : xs[i + 1]!;
      console.log(x);
      console.log(x, y, \`\${y}\`);
    }
    let n = 1;
    for (let i = 0; i < 30; i++) {
      n = n * 3 + 1;
      console.log(n, -n);
    }
    return xs.length;`,
  },
  c(
    "toFixed digits range and big ints",
    `const out: string[] = [];
    for (const d of [0, 20, 100, 2.7, NaN]) out.push((1.005).toFixed(d));
    for (const d of [101, -1]) {
      try {
        out.push((1).toFixed(d));
      } catch (e) {
        out.push(e instanceof RangeError ? "RangeError" : "other");
      }
    }
    for (let i = 0; i < 500; i++) {
      const a = rnd(94906265) + 94906265, b = rnd(94906265) + 1;
      // beyond 2^53 JavaScript rounds the product to a double
      out.push((a * b).toFixed(i % 3), (a * b).toString(7 + (i % 20)));
    }
    return out.join(" ");`,
  ),
];
