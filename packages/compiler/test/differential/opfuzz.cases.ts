// Deterministic fuzzing of arithmetic, bitwise and comparison operators: a xorshift PRNG (exact in
// both languages) draws operands from pools of special and random values, every operator is applied
// and the results are compared as strings (NaN, -0, Infinity survive). The second half runs the
// same operations on values the compiler proves to be integers (loop counters, `| 0`, `>>> 0`,
// constants, `.length`), where it takes its fast paths.
//
// Documented differences are avoided, not reported: integer arithmetic giving -0 (show0 folds -0
// for integer operands), `**` results that are not exact (V8's pow is not correctly rounded),
// integers beyond 2^53 fed into further arithmetic.
import { rows } from "./harness.js";

const top = `
let seed = 2463534242;
function reseed(n: number): void { seed = n >>> 0; }
function rnd(): number { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; seed = seed >>> 0; return seed; }
function show(x: number): string { return x === 0 && 1 / x < 0 ? "-0" : String(x); }
function show0(x: number | undefined): string { return x === undefined ? "u" : x === 0 ? "0" : String(x); }
/** Python ints: literals and PRNG draws */
function intPool(n: number): number[] {
  const p: number[] = [0, 1, -1, 2, 3, -3, 7, 31, 32, 33, 2147483647, 2147483648, -2147483648, -2147483649,
    4294967295, 4294967296, 9007199254740992, -9007199254740992, 1e21];
  for (let k = 0; k < n; k++)
    p.push(rnd() % 10 - 5, rnd() % 2001 - 1000, rnd() - 2147483648, rnd() * 2 - 4294967296, rnd() * 1024 + (rnd() % 1024));
  return p;
}
/** Python floats: fractional literals, -0, NaN, ±Infinity, ratios */
function floatPool(n: number): number[] {
  const p: number[] = [-0, 0.5, -0.5, 1.5, 2.5, -2.5, 1e-7, NaN, Infinity, -Infinity, 0.1, 4294967296.5, -2147483648.5];
  for (let k = 0; k < n; k++) p.push((rnd() % 2001 - 1000) / (rnd() % 64 + 1), (rnd() % 200001 - 100000) / 8);
  return p;
}
`;

const binary = (seedValue: number, n: number): string => `
reseed(${seedValue});
const ints = intPool(${n}); const NI = ints.length; const P = [...ints, ...floatPool(${n})];
const out: string[] = [];
for (let i = 0; i < P.length; i++) {
  const a = P[i]!;
  const ai = i < NI;
  out.push(show(a) + " u: " + [ai ? show0(-a) : show(-a), show(+a), show(~a), String(!a), String(!!a), show(a + 0), show(a - 0)].join(" "));
  for (let j = 0; j < P.length; j++) {
    const b = P[j]!;
    const both = ai && j < NI;
    const r: string[] = [
      show(a + b), show(a - b), both ? show0(a * b) : show(a * b), show(a / b), both ? show0(a % b) : show(a % b),
      show(a << b), show(a >> b), show(a >>> b), show(a & b), show(a | b), show(a ^ b),
      String(a < b), String(a <= b), String(a > b), String(a >= b), String(a === b), String(a !== b),
    ];
    out.push(show(a) + " " + show(b) + ": " + r.join(" "));
  }
}
return out;`;

export default rows(
  [
    ["value fuzz: binary and unary operators, pool 1", binary(1, 6)],
    ["value fuzz: binary and unary operators, pool 2", binary(987654321, 8)],
    [
      "value fuzz: ** with exact results",
      `reseed(42);
const bases = [...intPool(6), ...floatPool(6)].filter((x) => !(Math.abs(x) > 1e15));
const exps = [0, -0, 1, 2, 3, 4, 5, 7, 10, 13, -1, -2, -3, NaN, Infinity, -Infinity];
/** a ** b is exact: a = m / 2^k with |m|^b ≤ 2^53, or a power of two for b < 0 */
const exact = (a: number, b: number): boolean => {
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === 0) return true;
  let m = Math.abs(a);
  for (let k = 0; k < 8 && !Number.isInteger(m); k++) m *= 2;
  if (!Number.isInteger(m)) return false;
  if (b < 0) { while (m > 1 && m % 2 === 0) m /= 2; return m === 1 && Math.abs(a) ** -b < 1e300; }
  return m ** b <= 9007199254740992;
};
const out: string[] = [];
for (const a of bases) {
  const r: string[] = [];
  for (const b of exps) r.push(exact(a, b) ? show(a ** b) + "/" + show(Math.pow(a, b)) : "-");
  const lit = [exact(a, 2) ? a ** 2 : 0, exact(a, 3) ? a ** 3 : 0, a ** 0, a ** 1, exact(a, 5) ? a ** 5 : 0, exact(a, -1) ? a ** -1 : 0];
  let c = a; if (exact(a, 2)) c **= 2; let d = a; if (exact(a, 3)) d **= 3; let e = a; e **= 0;
  out.push(show(a) + ": " + r.join(" ") + " | " + [...lit, c, d, e].map(show).join(" "));
}
return out;`,
    ],
    [
      "value fuzz: compound assignments, ++ and --",
      `reseed(88172645);
const P: number[] = [0, -0, 1, -1, 2, 5, -7, 31, 32, 33, 2147483647, 2147483648, -2147483648, 4294967296, 0.5, -0.5, 1.5, 2.5, -2.5, 1e-7, NaN, Infinity, -Infinity, 0.1, 1e21, 4503599627370495];
for (let k = 0; k < 8; k++) P.push(rnd() % 2001 - 1000, rnd() - 2147483648, (rnd() % 2001 - 1000) / (rnd() % 64 + 1));
const out: string[] = [];
for (const a of P) {
  const r: string[] = [];
  for (const b of P) {
    let x = a;
    x += b; r.push(show(x)); x = a; x -= b; r.push(show(x)); x = a; x *= b; r.push(show0(x));
    x = a; x /= b; r.push(show(x)); x = a; x %= b; r.push(show0(x));
    x = a; x <<= b; r.push(show(x)); x = a; x >>= b; r.push(show(x)); x = a; x >>>= b; r.push(show(x));
    x = a; x &= b; r.push(show(x)); x = a; x |= b; r.push(show(x)); x = a; x ^= b; r.push(show(x));
    x = a; const v1 = (x += b); const v2 = (x >>>= 3); const v3 = (x |= b); const v4 = (x -= b); r.push(show(v1), show(v2), show(v3), show(v4));
    const arr = [a, b]; arr[0] += b; arr[1] %= a; arr[0] >>>= 1; arr[1] -= a; r.push(show(arr[0]!), show0(arr[1]!));
    const o = { v: a }; o.v *= 2; o.v ^= b; r.push(show(o.v));
  }
  let y = a; const p1 = y++; const p2 = y--; const p3 = ++y; const p4 = --y; const p5 = y--; const p6 = y++;
  r.push(show(p1), show(p2), show(p3), show(p4), show(p5), show(p6), show(y));
  const o = { v: a }; const q1 = o.v++; const q2 = ++o.v; const q3 = o.v--; const q4 = --o.v;
  const arr = [a]; const q5 = arr[0]++; const q6 = --arr[0];
  r.push(show(q1), show(q2), show(q3), show(q4), show(o.v), show(q5), show(q6), show(arr[0]!));
  out.push(show(a) + ": " + r.join(" "));
}
return out;`,
    ],
    [
      "value fuzz: mixed expressions",
      `reseed(7);
const P: number[] = [0, 1, -1, 2, 3, -3, 5, 7, -8, 31, 32, 100, -100, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, NaN, Infinity, -Infinity, 65535, -65536, 2147483647, -2147483648];
for (let k = 0; k < 10; k++) P.push(rnd() % 201 - 100, (rnd() % 2001 - 1000) / (rnd() % 16 + 1));
const pick = (): number => P[rnd() % P.length]!;
const out: string[] = [];
for (let n = 0; n < 400; n++) {
  const a = pick(); const b = pick(); const c = pick();
  const r: number[] = [
    (a + b) * c, a - b / c, a * b % c, (a - b) - c, a - (b - c), a - -b, a / (b * c - 1), (a / b) * c,
    (a % b) ** 2, (-a) ** 3, ~a + b, ~(a + b), -~a, ~-a, ((a | 0) + (b >>> 1)) ^ c, (a << 3) >> 1, (a >> 1) << 3,
    (a & b) | (a ^ c), a & b | c, a | b & c, a ^ b & c, (a | 0) % (b | 0), (a >>> 0) % 7, ((a * 3) | 0) >> 1,
    a > b ? a % b : b % a, a + b * c - a / 4, (a + b + c) | 0, (a - b) >>> 0, ((a + b) >>> 0) | 0, ((a - c) >>> 0) >> 2,
    +(a < b) + +(b < c), Number(a === b) - Number(b !== c),
  ];
  const cmp = [a < b === b < c, a <= b !== c >= b, !(a < b) === (a >= b), !a === !b, (a < b) === (a > b), a === a, a !== c];
  out.push([a, b, c].map(show).join(",") + ": " + r.map(show0).join(" ") + " " + cmp.join(" "));
}
return out;`,
    ],
    [
      "type paths: counters against number values",
      `const out: string[] = [];
const a = [10, 20, 30, 40, 50, 60, 70];
const s = "abcdefg";
const K = [1, 2, 3, 5, 7, 31, 32];
function ops(i: number, k: number): string {
  return [i % k, Math.floor(i / k), Math.ceil(i / k), Math.trunc(i / k), i / k, i >> k, i >>> k, i << k, i & k, i | k, i ^ k,
    (i * k) | 0, (i * k) >>> 0, a[i % a.length], i ** 2, -i, ~i, i - k, i + k, i * k].map(show0).join(" ");
}
for (let i = -40; i < 40; i++) {
  const r: (number | undefined)[] = [i % 1, i % 2, i % 3, i % 7, i % 32, Math.floor(i / 2), Math.floor(i / 3), Math.floor(i / 7),
    Math.ceil(i / 2), Math.trunc(i / 3), Math.round(i / 2), Math.round(i / 3) >>> 0, Math.round(i / 4) & 3, i / 4, i / 3,
    i >> 0, i >> 1, i >> 3, i >> 31, i >>> 0, i >>> 1, i >>> 3, i >>> 31, i << 1, i << 30, i << 31,
    i & 0, i & 1, i & 7, i & 255, i & 0x7fffffff, i & -8, i | 0, i | 8, i ^ 5, ~i, -i, +i, i ** 2, i ** 3,
    (i * 65537) | 0, (i * 123456789) | 0, (i * 123456789) >>> 0, (i * 123456789) >> 7, (i * 2147483647) % 1000,
    (i * 40000000) >> 4, (i * 40000000) >>> 28, ((i * 40000000) >>> 0) | 0, ((i * 40000000) >>> 0) >> 2,
    ((i * 40000000) >>> 0) ^ 3, ((i * 40000000) >>> 0) & -1, ~((i * 40000000) >>> 0), (i >>> 0) % 7, (i | 0) % 7, (i >> 1) % 5,
    a[i % a.length], a[(i >>> 0) % a.length], a[i & 3], a[i >> 2], a[(i * i) % a.length], s.charCodeAt(i % s.length)];
  out.push(i + ": " + r.map(show0).join(" "));
  for (const k of K) out.push(i + "," + k + ": " + ops(i, k));
  for (let k = 1; k < 9; k++)
    out.push(i + ";" + k + ": " + [i % k, Math.floor(i / k), i / k, i >> k, i >>> k, (i * k) | 0, a[i % k], i - k * 2].map(show0).join(" "));
}
for (let i = 0; i < 40; i++) {
  const r: (number | undefined)[] = [i % 3, i % 7, Math.floor(i / 3), Math.floor(i / 7), Math.ceil(i / 3), Math.trunc(i / 5),
    i >> 2, i >>> 2, i & 3, (i * 99991) | 0, a[i % a.length], a[i % 7], i % a.length, (i * 1e9) % 7, (i * 1e9) | 0,
    ((i * 1e9) >>> 0) >> 1, ((i * 1e9) >>> 0) | 0, (i * 1e9) >>> 0, s.length % (i + 1), i % s.length];
  for (let k = 1; k <= 5; k++) r.push(i % k, Math.floor(i / k), Math.ceil(i / k), i >> k, i / k, a[i % k]);
  for (let k = 3; k > 0; k--) r.push(i % k, Math.floor(i / k), i / k);
  for (let k = 2; k * k <= i; k++) r.push(i % k, i / k);
  out.push("p" + i + ": " + r.map(show0).join(" "));
}
for (let i = 39; i >= -39; i -= 3)
  out.push("d" + i + ": " + [i % 4, Math.floor(i / 4), Math.ceil(i / 4), Math.trunc(i / 4), i >> 1, i >>> 1, a[i % a.length], a[i]].map(show0).join(" "));
for (let i = 10; i > 0; i--) out.push("e" + i + ": " + [100 % i, 100 / i, a[i - 1], (i * 7) % i].map(show0).join(" "));
return out;`,
      top,
    ],
    [
      "type paths: float counters, float bounds, variable steps",
      `const out: string[] = [];
const a = [10, 20, 30, 40, 50, 60, 70];
for (let x = -3.5; x < 4; x += 0.75) out.push("f" + x + ": " + [x % 2, Math.floor(x / 2), x >> 1, x >>> 1, x | 0, ~x, x & 3, x ** 2].map(show).join(" "));
for (let i = 0; i < 20; i += 2.5) out.push("g" + i + ": " + [i % 3, Math.floor(i / 2), i >> 1, (i * 3) | 0, a[i] ?? -1].map(show).join(" "));
const bounds = [2.5, -1.5, 0, -0, 3, NaN, 7.0000001, 6.9999999];
for (const b of bounds) {
  const r: number[] = [];
  for (let i = 0; i < b; i++) r.push(i, i % 3, a[i] ?? -1);
  for (let i = -2; i <= b; i++) r.push(i, i >> 1, a[i] ?? -1);
  for (let i = 5; i > b; i--) r.push(i);
  for (let i = 5; i >= b; i -= 2) r.push(i);
  out.push("b" + show(b) + ": " + r.map(show0).join(" "));
}
for (let i = 1; i < 6; i++) {
  const r: number[] = [];
  for (let j = i * i; j < 40; j += i) r.push(j, j % i, j / i, 37 % i, (j * i) >>> 1);
  for (let j = -i; j < 20; j += i) r.push(j % 4, Math.floor(j / 2));
  out.push("s" + i + ": " + r.map(show0).join(" "));
}
let n = 0;
for (let i = 0; i < 10; i++) { n += i % 3 === 0 ? 0.5 : -1.25; out.push("n" + i + ": " + [n, n % 2, n | 0, n >>> 0, Math.floor(n / 2), Math.round(n), Math.round(n) >>> 0, a[i % a.length]].map(show).join(" ")); }
return out;`,
      top,
    ],
    [
      "type paths: the same values from the PRNG, a counter, | 0, >>> 0 and constants",
      `reseed(12345);
const vals: number[] = [];
for (let k = 0; k < 60; k++) vals.push(rnd() % 201 - 100);
const out: string[] = [];
let disagree = 0;
const cmp = (tag: string, x: string, y: string): void => { if (x !== y) { disagree++; out.push(tag + " " + x + " != " + y); } };
const a = [3, 1, 4, 1, 5, 9, 2, 6];
const f = (v: number): string => [v % 7, v % 2, Math.floor(v / 4), v >> 2, v >>> 3, v & 6, v | 1, v ^ 9, (v * 3) | 0, a[(v >>> 0) % a.length], v % a.length].map(show0).join(" ");
for (let i = -100; i <= 100; i++) {
  const fromCounter = [i % 7, i % 2, Math.floor(i / 4), i >> 2, i >>> 3, i & 6, i | 1, i ^ 9, (i * 3) | 0, a[(i >>> 0) % a.length], i % a.length].map(show0).join(" ");
  const viaOr = i | 0;
  const fromOr = [viaOr % 7, viaOr % 2, Math.floor(viaOr / 4), viaOr >> 2, viaOr >>> 3, viaOr & 6, viaOr | 1, viaOr ^ 9, (viaOr * 3) | 0, a[(viaOr >>> 0) % a.length], viaOr % a.length].map(show0).join(" ");
  const u = (i * 16777216) >>> 0;
  const fromU = [u % 7, u % 2, Math.floor(u / 4), u >> 2, u >>> 3, u & 6, u | 1, u ^ 9, (u * 3) | 0, a[u % a.length], u % a.length].map(show0).join(" ");
  cmp("counter " + i, fromCounter, f(i));
  cmp("or " + i, fromOr, f(viaOr));
  cmp("ushr " + i, fromU, f(u));
  out.push(i + ": " + fromCounter + " / " + fromU);
}
for (const v of vals) {
  const w = v; const c = v | 0;
  cmp("value " + v, f(w), f(c));
  out.push("v" + v + ": " + f(w));
}
const K1 = -17; const K2 = 4294967295; const K3 = 2147483648;
out.push([K1 % 5, K1 >> 1, K1 >>> 28, K1 & 255, K2 | 0, K2 >> 4, K2 >>> 4, K3 | 0, K3 >> 31, K3 >>> 31, ~K2, -K1 % 3, K1 % -5].map(show0).join(" "));
cmp("const", f(K1), f(vals.length - 77));
return [disagree, out];`,
      top,
    ],
    [
      "type paths: variables assigned by for...of, Math.round of NaN and Infinity",
      `const r: unknown[] = [];
const a = [10, 20, 30];
let x = 0;
for (x of [-5, 2, -1, 0.5]) r.push(show(x % 3), a[x] ?? -1, x >>> 1, x >> 1, x & 1, show(Math.floor(x / 2)));
let y = 1;
for (y of [-4, 7]) r.push(y % 2, a[y % 3] ?? -1, a[y] ?? -1);
let z = 0;
[z] = [-2];
r.push(z % 3, a[z] ?? -1);
const vals = [NaN, Infinity, -Infinity, 2.5, -2.5, 1e10 + 0.5, -1.4];
for (const v of vals) {
  const m = Math.round(v);
  r.push(show(m), m >>> 0, m & 255, m | 0, show(Math.max(m, 1)), show(Math.min(1, m)), show(m % 3), m >> 1, a[m] ?? -1, show(Math.max(m, Math.round(-v))));
}
return r;`,
      top,
    ],
  ].map(([name, code, t]): [string, string, string] => [name!, code!, t ?? top]),
);
