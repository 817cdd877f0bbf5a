// Performance fast paths of the output (each with the inputs that would break a wrong one).
import { rows } from "./harness.js";

export default rows([
  // ---- len() of a list/string read once before a loop that cannot resize it
  [
    "loop-invariant len: reads past both ends",
    "const a = [1, 2, 3]; const s = 'xyz'; const r: unknown[] = []; let miss = 0; " +
      "for (let i = -2; i <= 5; i++) { r.push(a[i] ?? null, s[i] ?? '-'); if (a[i] === undefined) miss++; } " +
      "let k = 0; while (k < 6 && !(a[k] === 3)) k++; return [r, miss, k];",
  ],
  [
    "loop-invariant len: nested loops, sieve count",
    "const n = 30; const c: boolean[] = new Array<boolean>(n - 5).fill(false); " +
      "for (let i = 2; i * i <= n; i++) { if (!c[i]) { for (let j = i * i; j < c.length; j += i) c[j] = true; } } " +
      "let count = 0; let last = 0; for (let i = 2; i <= n; i++) { if (!c[i]) { count++; last = i; } } " +
      "let pairs = 0; for (let i = 0; i < 8; i++) for (let j = 0; j < 40; j++) if (c[j] && c[j + i]) pairs++; " +
      "return [count, last, pairs];",
  ],
  [
    "loop-invariant len: loops that resize the list",
    "const a = [1, 2, 3]; const r: unknown[] = []; " +
      "for (let i = 0; i < 6; i++) { r.push(a[i] ?? null); if (i === 1) a.push(9); } " +
      "const b = [1, 2, 3, 4]; for (let i = 0; i < 5; i++) { r.push(b[i] ?? null); if (i === 0) b.length = 2; } " +
      "const c = [1]; for (let i = 0; i < 3; i++) { r.push(c[i] ?? null); c[c.length] = i * 10; } " +
      "const d = [1, 2, 3]; for (let i = 0; i < 4; i++) { r.push(d[i] ?? null); if (i === 0) d.pop(); } return r;",
  ],
  [
    "loop-invariant len: a call or method resizes the list",
    "const r: unknown[] = []; const a = [1, 2]; const grow = (): void => { a.push(a.length + 1); }; " +
      "for (let i = 0; i < 5; i++) { r.push(a[i] ?? null); grow(); } " +
      "const q = new Bag(); const b = q.items; for (let i = 0; i < 4; i++) { r.push(b[i] ?? null); q.add(i); } " +
      "for (let i = 0; i < 8; i++) { r.push(b[i] ?? null); if (q.size > 0) r.push('s'); } return r;",
    "class Bag { items: number[] = [7]; add(x: number): void { this.items.push(x); } " +
      "get size(): number { this.items.push(0); return this.items.length; } }",
  ],
  [
    "loop-invariant len: implicit user code resizes the list",
    "const a = [1]; const g = new Grower(a); let s = ''; let z = 0; " +
      "for (let i = 0; i < 3; i++) { z += a[i] ?? 100; s += `${g}`; } " +
      "for (let i = 0; i < 6; i++) { if (a[i] === undefined) z += g.size * 1000; } " +
      "const it = gen(a); let k = 0; for (const v of it) { z += (a[k + 1] ?? 50) * v; k++; } return [z, s, a];",
    "class Grower { constructor(public xs: number[]) {} toString(): string { this.xs.push(0); return 'g'; } " +
      "get size(): number { this.xs.push(1); return this.xs.length; } } " +
      "function* gen(a: number[]): Generator<number> { a.push(7); yield 1; a.push(8); yield 2; }",
  ],
  [
    "loop-invariant len: the variable is reassigned or declared in the loop",
    "let a = [1]; const r: unknown[] = []; for (let i = 0; i < 4; i++) { r.push(a[i] ?? null); a = [1, 2, 3, 4]; } " +
      "for (let i = 0; i < 3; i++) { const row = [i, i]; for (let j = 0; j < 3; j++) r.push(row[j] ?? null); } " +
      "let s = 'ab'; const grow = (): void => { s += 'c'; }; for (let i = 0; i < 4; i++) { r.push(s[i] ?? '-'); grow(); } " +
      "let t = 'ab'; for (const x of [1, 2]) { for (let i = 0; i < 4; i++) r.push(t[i] ?? '-'); t = 'abcd'; void x; } return r;",
  ],
  [
    "loop-invariant len: closures and generators read later",
    "const a = [1]; const fs: (() => unknown)[] = []; for (let i = 0; i < 3; i++) fs.push(() => a[i] ?? null); " +
      "a.push(2, 3); const r: unknown[] = fs.map((f) => f()); " +
      "function* g(xs: number[]) { for (let i = 0; i < 4; i++) yield xs[i] ?? -1; } " +
      "const b = [5]; for (const v of g(b)) { r.push(v); b.push(v + 1); } return r;",
  ],
  [
    "loop-invariant len: at module level",
    "return [total, hits];",
    "const data = [3, 1, 4, 1, 5]; let total = 0; let hits = 0; " +
      "for (let i = 0; i < 7; i++) { if (data[i] === undefined) continue; total += data[i]!; if (data[i] === 1) hits++; }",
  ],
  // ---- >>, >>>, &, | 0 on proven integers
  [
    "int shifts beyond int32",
    "return [sh(0), sh(1), sh(-1), sh(5), sh(-5), sh(2147483647), sh(2147483647 + 1), sh(-2147483648), " +
      "sh(-2147483648 - 1), sh(4294967295), sh(4294967295 + 1), sh(4294967296 + 5), sh(1099511627776 + 3), " +
      "sh(-1099511627776 - 3), sh(9007199254740991), sh(-9007199254740991)];",
    "function sh(y: number): number[] { return [y >> 1, y >> 0, y >> 31, y >>> 0, y >>> 1, y >>> 31, y & 255, 255 & y, " +
      "y & 0x7fffffff, y | 0, (y >> 3) | 0, (y & 15) >> 2, (y + y) >> 4]; }",
  ],
  [
    "int shift of sums (midpoint)",
    "const r: number[] = []; for (let lo = -3; lo <= 3; lo++) for (let hi = 2147483640; hi < 2147483650; hi += 3) r.push((lo + hi) >> 1, (lo - hi) >> 1, (lo + hi) >>> 1); return r;",
  ],
  [
    "midpoint reads a[(lo + hi) >> 1]",
    "return [at([1, 2, 3, 4, 5], 0, 4), at([1, 2, 3], 2, 10), at([1, 2], 2147483647, 2147483647), " +
      "at([7, 8], 4294967297, 0), at([], 0, 0), qs([5, 3, 9, 1, 7, 3, 8]), " +
      "[atA([1, 2, 3], 1, 2), atA([1, 2], 2147483647, 2147483647), atA([7, 8], 4294967297, 0)]];",
    "function at(a: number[], lo: number, hi: number): unknown[] { " +
      "return [a[(lo + hi) >> 1] ?? null, a[(lo + hi) >> 0] ?? null, a[hi >> 2] ?? null]; } " +
      "function atA(a: number[], lo: number, hi: number): unknown { return a[(lo + hi) >> 1]! ?? null; } " +
      "function sort(a: number[], lo: number, hi: number): void { while (lo < hi) { const p = a[(lo + hi) >> 1]!; let i = lo; let j = hi; " +
      "while (i <= j) { while (a[i]! < p) i++; while (a[j]! > p) j--; if (i <= j) { const t = a[i]!; a[i] = a[j]!; a[j] = t; i++; j--; } } " +
      "if (j - lo < hi - i) { sort(a, lo, j); lo = i; } else { sort(a, i, hi); hi = j; } } } " +
      "function qs(a: number[]): number[] { sort(a, 0, a.length - 1); return a; }",
  ],
  // ---- / without the helper
  [
    "division by variables: zero, -0, NaN, Infinity",
    "const ds = [2, -4, 0, 0 / -5, NaN, Infinity, -Infinity, 0.5, 1e-320]; const ns = [1, -3, 0, 7.5, NaN, Infinity]; const r: string[] = []; " +
      "for (const d of ds) for (const n of ns) { const q = n / d; r.push(String(q), String(1 / q)); } return r;",
  ],
  [
    "division by constants and counters",
    "const Z = 0; const ZZ = 1 - 1; const NZ = 0 / -5; const K = 4 * Math.PI; const H = 1 / 2; const x = 3; const neg = -x; " +
      "const r: string[] = [String(x / Z), String(neg / Z), String(x / ZZ), String(x / NZ), String(0 / Z), String(x / K), String(x / H)]; " +
      "for (let i = 1; i <= 4; i++) r.push(String(x / i), String(i % 3 / i)); return r;",
  ],
  [
    "division keeps JavaScript's evaluation order",
    "const log: string[] = []; let a = 6; const f = (): number => { log.push('f'); a = 100; return 2; }; " +
      "const q1 = a / f(); let b = 8; const q2 = b / (b = 2); let c = 1; const q3 = (c += 5) / c; return [q1, q2, q3, log];",
  ],
  // ---- % by a counter or a length
  [
    "mod by counters and lengths",
    "const r: unknown[] = []; for (let i = 1; i <= 4; i++) for (let x = 0; x < 6; x++) r.push(x % i); " +
      "const e: number[] = []; const a = [1, 2, 3]; r.push(String(5 % e.length), 7 % a.length, 0 % a.length); " +
      "let s = 12345; for (let i = 0; i < 5; i++) { s = (s * 48271) % 2147483647; r.push(a[s % a.length]!, 'abcd'[s % 4], e[s % e.length] ?? null); } " +
      "const str = 'hello'; for (let i = 0; i < 7; i++) r.push(str[i % str.length] ?? '-', ''[i % 0] ?? '-'); return r;",
  ],
  // ---- Math.floor/ceil/trunc of integer quotients
  [
    "floor/ceil/trunc of integer quotients",
    "const r: string[] = []; for (let x = -7; x <= 7; x++) { r.push(String(Math.floor(x / 2)), String(Math.floor(x / 3)), String(1 / Math.floor(x / 5))); } " +
      "for (let x = 0; x <= 5; x++) r.push(String(Math.ceil(x / 4)), String(Math.trunc(x / 3)), String(Math.floor(x / 1))); " +
      "const big = 9007199254740991; const a = [1, 2, 3, 4, 5]; " +
      "r.push(String(Math.floor(big / 3)), String(Math.floor(big / 7)), String(Math.floor((big - 2) / 10)), String(Math.floor(a.length / 2))); " +
      "const k = -2; r.push(String(1 / Math.floor(k / 3)), String(1 / Math.ceil(0 / 3)), String(1 / Math.trunc(0 / 3))); return r;",
  ],
  // ---- ?? on Map.get / record reads
  [
    "Map.get and record reads with a default",
    "const m = new Map<string, number>([['a', 0], ['b', 2]]); const u = new Map<string, number | undefined>([['a', undefined]]); " +
      "const rec: Record<string, number> = { z: 0 }; const opt: { a?: number } = { a: undefined }; const k = 'z'; " +
      "return [m.get('a') ?? 5, m.get('b') ?? 5, m.get('c') ?? 5, m.get('c') ?? null, m.get('c') ?? -1, u.get('a') ?? 7, u.get('x') ?? 7, " +
      "rec[k] ?? 9, rec['q' + k] ?? 9, opt.a ?? 3, opt['a'] ?? 4, (m.get('a') ?? 0) + 1];",
  ],
  // ---- || and && on integers
  [
    "|| and && on integers",
    "const r: unknown[] = []; for (let i = -1; i <= 2; i++) { r.push(i || 10, i && 10, (i * 2) || -5, i - i || 'z'); } " +
      "const n = NaN; const z = 0 * -1; r.push(n || 1, z || 2, String(z && 3)); return r;",
  ],
  // ---- for (let i = 0; i < a.length; i++) reading only a[i] → for a_i in a
  [
    "index loops that only read a[i]",
    "const a = [3, 1, , 4]; const s = 'héllo'; let holes = 0; let h = 0; let up = ''; " +
      "for (let i = 0; i < a.length; i++) { if (a[i] === undefined) { holes++; continue; } h = (h * 31 + a[i]!) % 1000; if (a[i]! > 3) break; } " +
      "for (let i = 0; i < s.length; i++) up += s[i]!.toUpperCase() + (s[i] === 'l' ? '!' : ''); " +
      "let pairs = 0; for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) if ((a[i] ?? 0) < (a[j] ?? 0)) pairs++; " +
      "return [h, holes, up, pairs];",
  ],
  [
    "index loops that write elements or use i keep the index",
    "const a = [1, 2, 3, 4]; const b = a; let r = ''; " +
      "for (let i = 0; i < a.length; i++) { if (i + 1 < a.length) b[i + 1] = a[i]! * 10; r += a[i] + ','; } " +
      "const c = [5, 6, 7]; for (let i = 0; i < c.length; i++) { c[i]! += 1; r += c[i] + ','; } " +
      "const d = [1, 2]; for (let i = 0; i < d.length; i++) r += d[i]! + i; " +
      "const e = [[1], [2]]; for (let i = 0; i < e.length; i++) { e[i]![0] = 9; r += e[i]![0]; } " +
      "const f = [1, 2, 3]; let g = 0; for (let i = 0; i < f.length; i++) { [f[2]] = [0]; g += f[i]!; } return [r, a, c, e, g];",
  ],
  // ---- an index proven ≥ 0 by the condition guarding the read
  [
    "reads guarded by j >= 0 style conditions",
    "const a = [5, 2, 4, 6, 1, 3]; for (let i = 1; i < a.length; i++) { const key = a[i]!; let j = i - 1; " +
      "while (j >= 0 && a[j]! > key) { a[j + 1] = a[j]!; j--; } a[j + 1] = key; } " +
      "const b = [10, 20, 30]; const r: unknown[] = []; let i = 0; let j = 0; " +
      "if (i <= j) { r.push(b[j]); j--; r.push(b[j] ?? null, b[j]! === undefined); } " +
      "let k = 1; if (k >= 0) { for (let n = 0; n < 3; n++) { r.push(b[k] ?? null); k--; } } " +
      "let m = 2; const dec = (): void => { m -= 5; }; if (m >= 0) { dec(); r.push(b[m] ?? null); } " +
      "let q = 1; if (q >= 0 && (q = q - 3) < 100) r.push(b[q] ?? null); " +
      "let t = 0; if (t > -1) r.push(b[t]); t = -1; r.push(t >= 0 ? b[t] : 'neg', t > -1 ? b[t] : 'neg'); " +
      "for (let u = 2; u >= 0; u--) r.push(b[u]); let w = 2; for (; w >= 0; w -= 2) r.push(b[w]); return [a, r, w];",
  ],
  // ---- const t = x; x = y; y = t; → x, y = y, x
  [
    "swaps through a temporary",
    "const a = [1, 2, 3, 4]; const r: unknown[] = []; for (let i = 0, j = 3; i <= j; i++, j--) { const t = a[i]!; a[i] = a[j]!; a[j] = t; r.push([...a]); } " +
      "const b = [7, 8]; const k = 1; { const t = b[k]!; b[k] = b[k]!; b[k] = t; } let x = 'x'; let y = 'y'; const show = (): string => x + y; " +
      "{ const t = x; x = y; y = t; } const c = [1, 2]; const dd = [3, 4]; { const t = c[0]!; c[0] = dd[1]!; dd[1] = t; } " +
      "let p = 1; let q = 2; { const t = p; p = q; q = t; r.push(t); } const m = [5, 6, 7]; { const t = m[0]; m[0] = m[2]; m[2] = t; } " +
      "return [r, b, show(), c, dd, p, q, m];",
  ],
  // ---- range(len(a)) needs a length no method call can change
  [
    "range over a.length with user methods and appends",
    "const q = new Bag(); const a = q.items; let s = 0; for (let i = 0; i < a.length; i++) { s += a[i] ?? 100; if (i === 0) q.drop(); } " +
      "const b = [1]; for (let i = 0; i < b.length; i++) { if (i < 3) b[b.length] = i + 10; } " +
      "const c = [1, 2, 3]; let t = 0; for (let i = 0; i < c.length; i++) { t += c[i]!; if (q.size < 0) t = -1; } " +
      "const d = [4, 5]; const pop = (): void => { d.pop(); }; const fs = [pop]; let u = 0; " +
      "for (let i = 0; i < d.length; i++) { u += d[i] ?? 50; fs.forEach((f) => f()); } return [s, b, t, c, u];",
    "class Bag { items: number[] = [1, 2, 3]; drop(): void { this.items.pop(); } " +
      "get size(): number { this.items.pop(); return this.items.length; } }",
  ],
]);
