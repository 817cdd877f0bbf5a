import { rows } from "./harness.js";

export default rows([
  [
    "Math.sqrt of squares and sums of squares stays math.sqrt; anything else keeps NaN below zero",
    "const xs = [-4, 4, NaN, Infinity]; const out: number[] = []; for (const x of xs) { for (const y of xs) { const d2 = x * x + y * y; out.push(Math.sqrt(d2), Math.sqrt(x * y), Math.sqrt(x ** 2), Math.sqrt(Math.abs(x) / 2), Math.sqrt(d2 * x)); } } return out;",
  ],
  [
    "Number()/unary + of objects: their own valueOf, then toString (ToPrimitive)",
    'const a = { valueOf() { return 42; } }; const b = { toString() { return "7"; } }; class Money { constructor(readonly cents: number) {} valueOf() { return this.cents / 100; } } class Named { toString() { return "12"; } } return [+a, Number(b), +new Money(250), Number(new Named()), Number({}), +[5], Number([1, 2])];',
  ],
  [
    "a float to a small whole power past the double range is ±Infinity (Python's ** raises)",
    "const a = 1e200; const xs = [1.5, -1e200, 1e-200, 2]; let i = 3; return [a ** 2, (-a) ** 3, xs.map((x) => x ** 2), xs.map((x) => x ** 3), i ** 2, 2.5 ** 2, Math.pow(a, 2)];",
  ],
  [
    "Math functions outside their domain give NaN/±Infinity (Python raises), called and as values",
    "const xs = [-2, -1, -0, 0, 0.5, 1, 2, 1e4, Infinity, -Infinity, NaN]; const fs = [Math.sqrt, Math.log, Math.log2, Math.log10, Math.log1p, Math.exp, Math.expm1, Math.sinh, Math.cosh, Math.sin, Math.cos, Math.tan, Math.asin, Math.acos, Math.acosh, Math.atanh, Math.floor, Math.ceil, Math.trunc]; return [fs.map((f) => xs.map(f)), xs.map((x) => [Math.sqrt(x), Math.log(x), Math.log2(x), Math.log10(x), Math.log1p(x), Math.exp(x), Math.expm1(x), Math.sinh(x), Math.cosh(x), Math.sin(x), Math.cos(x), Math.tan(x), Math.asin(x), Math.acos(x), Math.acosh(x), Math.atanh(x), Math.floor(x), Math.ceil(x), Math.trunc(x)])];",
  ],
  [
    "int counters in templates",
    "let n = 0; for (const x of [1, 2, 3]) n += x; let f = 1; for (let i = 1; i <= 25; i++) f *= i; let h = 1; h = h / 2; return `${n} ${f} ${h} ${n - 10}`;",
  ],
  [
    "int counter later float",
    "let c = 0; c++; const before = `${c}`; c += 0.5; return before + ` ${c}`;",
  ],
  [
    "Math.max with NaN",
    "const a = NaN, b = 1; return [String(Math.max(a, b)), String(Math.max(b, a)), String(Math.min(b, a))];",
  ],
  [
    // -0 and 0 compare equal, but Math.max prefers 0 and Math.min -0 (seen through 1 / x)
    "Math.max min of 0 and -0",
    "const z = 0, n = -0; return [1 / Math.max(n, z), 1 / Math.max(z, n), 1 / Math.min(z, n), 1 / Math.min(n, z), 1 / Math.max(n), 1 / Math.min(n, n)].map(String);",
  ],
  [
    "toString radix out of range: Node's message",
    "const r: string[] = []; for (const radix of [1, 37]) { try { r.push((255).toString(radix)); } catch (e) { r.push((e as Error).message); } } return r;",
  ],
  [
    "toString radix",
    "const n = 255, m = -10; return [n.toString(16), n.toString(2), m.toString(36), (0).toString(8)];",
  ],
  ["int add", "const a = 1, b = 2; return a + b;"],
  ["float add", "return 0.1 + 0.2;"],
  ["division true", "const a = 7, b = 2; return a / b;"],
  ["division exact", "const a = 6, b = 3; return String(a / b);"],
  [
    "division by zero",
    "const a = 1, z = 0; return [String(a / z), String(-a / z), String(z / z)];",
  ],
  ["mod positive", "const a = 7, b = 3; return a % b;"],
  ["mod negative dividend", "const a = -7, b = 3; return a % b;"],
  ["mod negative divisor", "const a = 7, b = -3; return a % b;"],
  ["mod float", "const a = 5.5, b = 2; return a % b;"],
  ["mod zero", "const a = 5, b = 0; return String(a % b);"],
  ["pow", "const a = 2, b = 10; return a ** b;"],
  ["pow negative exp", "const a = 2, b = -2; return a ** b;"],
  ["pow fractional", "const a = -8, b = 1 / 3; return String(a ** b);"],
  ["pow big", "const a = 2; return String(a ** 64);"],
  ["pow huge", "const a = 10; return String(a ** 400);"],
  ["Math.pow", "return Math.pow(3, 3);"],
  ["num str int", "return String(42);"],
  ["num str float", "const x = 1.5; return String(x);"],
  ["num str large", "const x = 1e21; return String(x);"],
  ["num str 1e20", "const x = 1e20; return String(x);"],
  ["num str small", "const x = 1e-7; return String(x);"],
  ["num str 1e-6", "const x = 0.000001; return String(x);"],
  ["num str 123e-20", "const x = 123e-20; return String(x);"],
  ["num str neg zero", "const x = -0; return String(x);"],
  ["num str NaN", "return String(NaN);"],
  ["num str Infinity", "return String(-Infinity) + String(Infinity);"],
  ["num str 1/3", "return String(1 / 3);"],
  ["num str 2/3 * 3", "return String((2 / 3) * 3);"],
  ["num str big int", "return String(2 ** 53 + 2);"],
  ["num str max value", "return String(Number.MAX_VALUE);"],
  ["num str min value", "return String(Number.MIN_VALUE);"],
  ["num str epsilon", "return String(Number.EPSILON);"],
  ["num in template", "const x = 3.0, y = 2.5; return `${x} and ${y} and ${x * 2}`;"],
  ["num concat", 'const x = 4 / 2; return "v=" + x;'],
  ["num concat left", 'const x = 0.5; return x + "!";'],
  ["number plus number plus string", 'const a = 1, b = 2; return a + b + "c";'],
  ["string plus number plus number", 'const a = 1, b = 2; return "c" + a + b;'],
  ["toFixed", "const x = 3.14159; return x.toFixed(2);"],
  [
    "toFixed round half",
    "return [(1.005).toFixed(2), (2.5).toFixed(0), (-2.5).toFixed(0), (0.5).toFixed(0), (1.45).toFixed(1)];",
  ],
  ["toFixed zero digits", "const x = 123.456; return x.toFixed();"],
  ["toFixed negative small", "const x = -0.0001; return x.toFixed(2);"],
  ["toFixed big", "const x = 1e21; return x.toFixed(2);"],
  ["toString", "const x = 2.50; return x.toString();"],
  ["bitwise and or xor", "const a = 12, b = 10; return [a & b, a | b, a ^ b];"],
  ["bitwise not", "const a = 5; return ~a;"],
  ["bitwise or zero truncates", "const a = 5.7, b = -5.7; return [a | 0, b | 0];"],
  ["bitwise overflow", "const a = 2 ** 31; return [a | 0, (2 ** 32 + 5) | 0];"],
  ["shift left", "const a = 1; return [a << 3, a << 31, a << 32];"],
  ["shift right", "const a = -16; return [a >> 2, a >>> 28];"],
  ["unsigned shift", "const a = -1; return a >>> 0;"],
  ["bitwise and negative", "const a = -1, b = 255; return a & b;"],
  [
    "Math.floor ceil",
    "const x = 2.7, y = -2.7; return [Math.floor(x), Math.ceil(x), Math.floor(y), Math.ceil(y)];",
  ],
  [
    "Math.round",
    "return [Math.round(2.5), Math.round(-2.5), Math.round(2.4), Math.round(-0.6), Math.round(0.49999999999999994)];",
  ],
  ["Math.trunc", "return [Math.trunc(2.7), Math.trunc(-2.7)];"],
  [
    "Math.abs sign",
    "const x = -3.5; return [Math.abs(x), Math.sign(x), Math.sign(0), Math.sign(7)];",
  ],
  [
    "Math.max min",
    "const a = 3, b = 7; return [Math.max(a, b), Math.min(a, b), Math.max(1, 2, 3)];",
  ],
  ["Math.max spread", "const xs = [4, 9, 2]; return [Math.max(...xs), Math.min(...xs)];"],
  [
    "Math.max empty",
    "const xs: number[] = []; return String(Math.max(...xs)) + String(Math.min(...xs));",
  ],
  ["Math.sqrt cbrt", "return [Math.sqrt(16), Math.cbrt(27), Math.cbrt(-8), Math.sqrt(2)];"],
  ["Math trig", "return [Math.sin(0), Math.cos(0), Math.atan2(1, 1), Math.PI, Math.E];"],
  [
    "Math log exp",
    "return [Math.log(Math.E), Math.log2(8), Math.log10(1000), Math.exp(0), Math.hypot(3, 4)];",
  ],
  ["Math.random range", "const r = Math.random(); return r >= 0 && r < 1;"],
  [
    "Number.isInteger",
    "return [Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger(Infinity)];",
  ],
  [
    "Number.isFinite isNaN",
    "const a = 1 / 0; return [Number.isFinite(a), Number.isFinite(3), Number.isNaN(NaN), Number.isNaN(3)];",
  ],
  ["Number constants", "return [Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];"],
  [
    "Number.isSafeInteger",
    "return [Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1)];",
  ],
  [
    "parseInt",
    'return [parseInt("42"), parseInt("  42px"), parseInt("-17.9"), parseInt("0x1F"), parseInt("ff", 16), parseInt("101", 2)];',
  ],
  [
    "parseInt NaN",
    'return [String(parseInt("abc")), String(parseInt("")), String(parseInt("12", 1))];',
  ],
  [
    "parseFloat",
    'return [parseFloat("3.14abc"), parseFloat("  -2.5e3"), parseFloat(".5"), String(parseFloat("x")), parseFloat("Infinityx")];',
  ],
  [
    "Number()",
    'return [Number("42"), Number(" 12.5 "), Number(""), String(Number("12px")), Number("0x10"), Number(true)];',
  ],
  ["unary plus", 'const s = "3.5"; return +s + 1;'],
  ["isNaN global", "return [isNaN(NaN), isNaN(3)];"],
  ["NaN comparisons", "const n = NaN; return [n === n, n !== n, n < 1, n > 1];"],
  ["int float equality", "const a = 1, b = 1.0; return a === b;"],
  ["increment ops", "let i = 0; i++; ++i; i += 5; i -= 2; i *= 3; return i;"],
  ["compound divide", "let x = 10; x /= 4; return x;"],
  ["compound mod", "let x = -10; x %= 3; return x;"],
  ["compound pow", "let x = 3; x **= 2; return x;"],
  ["compound bitwise", "let x = 5; x |= 2; x &= 6; x ^= 1; x <<= 2; x >>= 1; return x;"],
  ["postfix value", "let i = 5; const a = i++; const b = ++i; return [a, b, i];"],
  ["postfix decrement value", "let i = 5; const a = i--; const b = --i; return [a, b, i];"],
  ["negative literal ops", "const x = -5; return [-x, x * -1, 3 - -2];"],
  [
    "precedence",
    "const a = 2, b = 3, c = 4; return [a + b * c, (a + b) * c, a - (b - c), a ** b ** 2 / 512, -(a ** 2)];",
  ],
  ["large int arithmetic", "const a = 123456789, b = 987654321; return a * b;"],
  ["float accumulate", "let s = 0; for (let i = 0; i < 10; i++) s += 0.1; return s;"],
  ["int division result used as index", "const xs = [10, 20, 30]; const i = 4 / 2; return xs[i];"],
  ["fractional index", "const xs = [10, 20, 30]; const i = 1.5; return xs[i] === undefined;"],
  ["number to string radixless", "const n = 255; return n.toString();"],
  ["exponent literal", "return [1e3, 2.5e-3, 0x10, 0o17, 0b101, 1_000_000];"],
  [
    "Infinity arithmetic",
    "const i = Infinity; return [String(i + 1), String(i - i), String(-i * 2)];",
  ],
  ["comparison chain", "const a = 1, b = 2, c = 3; return a < b && b < c;"],
  [
    "modulo in loop",
    "const out: number[] = []; for (let i = -3; i <= 3; i++) out.push(i % 2); return out;",
  ],
  // ---- performance fast paths (inline reads, %, range loops)
  [
    "inline int index reads",
    'const a = [10, 20, 30]; const s = "abc"; const r: unknown[] = []; for (let k = -4; k <= 4; k++) { r.push(a[k] ?? null, s[k] ?? null); } let i = 0; const out: number[] = []; while (i < a.length) out.push(a[i++]!); let j = a.length - 1; while (j >= 0 && a[j]! > 5) j--; return [r, out, j, a[0], a[5] ?? null, a[a.length - 1], [][0] ?? null];',
  ],
  [
    "non-null read on negative index",
    "const a = [1, 2, 3]; let j = 1; j--; j--; return [a[j]! === undefined, a[j + 1]!];",
  ],
  [
    "int params through call sites",
    "return (() => { function get(a: number[], lo: number, hi: number): number { let t = 0; for (let i = lo; i < hi; i++) t += a[i]!; return t + (a[lo - 1] ?? 100); } const a = [1, 2, 3, 4]; const sum = (a: number[], lo: number, hi: number): number => { let t = 0; for (let i = lo; i < hi; i++) t += a[i] ?? 1000; return t; }; return [get(a, 0, 4), get(a, 1, 3), get(a, 2, 4), sum(a, 2, 10)]; })();",
  ],
  [
    "float params keep the helper",
    "function at(a: number[], i: number): number | undefined { return a[i]; } const a = [1, 2, 3]; return [at(a, 1), at(a, 1.5) ?? null, at(a, 2.0), at(a, -1) ?? null];",
  ],
  [
    "mod by positive literal",
    "const xs = [7, -10.5 / 1.5, 0, 0 * -1.5, 6.5, -6.5, 1e21, -1e21, 2 ** 53 + 2, NaN, Infinity, -Infinity, 0.1, -0.1, 14, -21 / 1.5, 1e-320, -5e-324]; return xs.map((x) => { const r = x % 7; const q = x % 2.5; return [String(r), String(1 / r), String(q), String(1 / q)]; });",
  ],
  [
    "mod of integer expressions",
    "let s = 42; const r: number[] = []; for (let i = 0; i < 5; i++) { s = (s * 48271) % 2147483647; r.push(s % 1000, (i - 3) % 4, (-s) % 7); } let k = -5; k += 2; return [r, k % 3, String(1 / ((k + 3) % 3))];",
  ],
  [
    "range loops with float and NaN bounds",
    "const f = (n: number): number[] => { const r: number[] = []; for (let i = 0; i < n; i++) r.push(i); for (let i = 1; i <= n; i++) r.push(-i); return r; }; return [f(3), f(2.5), f(0), f(-1.5), f(NaN), f(-0), f(0.2)];",
  ],
  [
    "sieve with a counter step",
    "const n = 50; const c: boolean[] = new Array<boolean>(n + 1).fill(false); for (let i = 2; i * i <= n; i++) { if (!c[i]) { for (let j = i * i; j <= n; j += i) c[j] = true; } } const p: number[] = []; for (let i = 2; i <= n; i++) if (!c[i]) p.push(i); return p;",
  ],
  [
    "loop bound changed by a closure",
    "let n = 5; const dec = () => { n--; }; const r: number[] = []; for (let i = 0; i < n; i++) { r.push(i); dec(); } let m = 4.5; const inc = () => { m += 1; }; for (let i = 0; i < m && i < 20; i++) { if (i < 3) inc(); r.push(-i); } return r;",
  ],
  // ---- conversions and edge cases
  [
    "Number() whitespace is JavaScript's",
    'return [Number("\\ufeff12"), String(Number("\\u001c12")), String(Number("\\u0085 3")), Number("\\u00a0 4 \\u3000"), +"\\ufeff5"];',
  ],
  [
    "Number() rejects non-ASCII digits and underscores",
    'return [String(Number("\\u0661\\u0662")), String(parseFloat("\\u0661")), String(parseInt("\\u0661")), String(Number("0x_1f")), String(Number("0b1_0")), String(Number("1_0")), Number("0X1F"), Number("0o17"), Number("0B11"), String(Number("-0x10")), String(Number("0x")), String(Number("0x1g"))];',
  ],
  [
    "parseInt parseFloat leading whitespace",
    'return [parseInt("\\ufeff12"), parseInt("\\t\\n 7"), String(parseInt("\\u001c7")), parseFloat("\\ufeff1.5"), String(parseFloat("\\u00851"))];',
  ],
  [
    "parseInt radix and prefixes",
    'return [parseInt("0x1f", 16), String(parseInt("0x1f", 10)), parseInt("  -0x1f"), String(parseInt("0b11")), parseInt("123", 0), String(parseInt("123", 37)), parseInt("11", 2.9), parseInt("1e3"), parseInt("-12abc"), String(parseInt("+")), String(parseInt("-")), parseInt("1_000"), parseInt("077"), String(parseInt("0x")), parseInt("Z", 36), parseInt("zZ", 36), String(parseInt("\\u212a", 36))];',
  ],
  [
    "parseFloat edges",
    'return [String(parseFloat("1e1000")), String(parseFloat("-1e1000")), String(parseFloat("1e")), parseFloat("1.5e+2x"), String(parseFloat("-.5")), String(parseFloat("+Infinity")), String(parseFloat("infinity")), String(1 / parseFloat("-0")), parseFloat("0x10"), parseFloat("1_000"), String(parseFloat("e5")), parseFloat("5."), String(Number.parseFloat("1e1000"))];',
  ],
  [
    "Number() edges",
    'return [Number(""), Number(" 12 "), Number("0x1f"), String(Number("1e1000")), String(Number("-Infinity")), String(Number("infinity")), Number("  \\n\\t "), Number("1."), Number(".5"), String(Number(".")), String(Number("1e")), String(Number("+-1")), String(1 / Number("-0")), Number("00012"), String(Number("1 2")), Number("+5"), Number("1E3"), Number(false)];',
  ],
  [
    "Number() and unary plus of null",
    "const n = null as string | null; const u = undefined as string | undefined; const m = null as number | null; return [Number(n), String(Number(u)), Number(m), Number(null), String(Number(undefined)), n === null ? 0 : +n];",
  ],
  [
    "Math.cbrt is V8's",
    "const xs = [2, 3, 10, 100, 0.001, 1e-300, 1e300, -5, 7.5, 64, 1000000, 123456789, -27, 5e-324, 1e-310, 1.7976931348623157e308, 0.1, 2.5e-8]; return [xs.map((x) => Math.cbrt(x)), String(Math.cbrt(-0)), String(Math.cbrt(NaN)), String(Math.cbrt(-Infinity)), [8, 9].map(Math.cbrt)];",
  ],
  [
    "pow edge cases",
    "const z = 0, nz = -0, n = NaN, i = Infinity, a = -8, t = 1 / 3, one = 1, m1 = -1; return [String(z ** m1), String(nz ** m1), String(nz ** -2), String(a ** t), String(n ** 0), String(one ** i), String(m1 ** i), String(z ** -i), String(nz ** -i), String((-2) ** 0.5), String(2 ** 1024), String((-2) ** 1025), String(0.5 ** -2000), String(i ** -1), String((-i) ** 3), String((-i) ** 2)];",
  ],
  [
    "mod and division float edges",
    "const a = -0, b = 5.5, c = -5.5, i = Infinity, z = 0, one = 1; return [String(a % 3), String(1 / (a % 3)), String(b % -2), String(c % 2), String(b % i), String(c % -i), String(i % 2), String(b % z), String(z % b), String(-7 % 2.5), String(7 % -2.5), String(0.3 % 0.1), String(one / a), String(-one / z), String(z / a), String(-7 / 2)];",
  ],
  [
    "Math.round max min edges",
    "const xs = [-2.5, -0.5, 0.5, 1.5, -1.5, 2.5, 4503599627370495.5, -4503599627370495.5, 0.49999999999999994, 1e300, NaN, Infinity]; return [xs.map((x) => String(Math.round(x))), String(Math.max()), String(Math.min()), String(Math.max(NaN)), String(Math.max(1, NaN, 3)), String(Math.min(-Infinity, NaN))];",
  ],
  [
    "toFixed and toString radix edges",
    "const xs = [0, -0, 1.45, 1.55, -1.005, 999.995, 1e-10, 1e20, NaN, -Infinity, 5e-324]; const x = 2 ** 60; return [xs.map((v) => [v.toFixed(2), v.toFixed(0)]), (1.1).toFixed(20), x.toString(16), (-0).toString(2), xs[8]!.toString(16), (35).toString(36), (1e21).toString(16), (-255).toString(16)];",
  ],
  [
    "toString radix out of range throws",
    'const r: string[] = []; for (const radix of [1, 0, 37, NaN]) { try { r.push((255).toString(radix)); } catch (e) { r.push(e instanceof RangeError ? "range" : "other"); } } return [r, (255).toString(16.9)];',
  ],
  [
    "** with a huge integer exponent is Infinity at once",
    "const b = [3, 1000000000, -3, 1000000001, 2, 1023, 2, 1024]; return [String(b[0]! ** b[1]!), String(b[2]! ** b[3]!), b[4]! ** b[5]!, String(b[6]! ** b[7]!)];",
  ],
]);
