import { rows } from "./harness.js";

export default rows([
  [
    "loops over a Set/Map that change it: added entries visited, deleted ones not (for…of, keys/values/entries, forEach)",
    'const s = new Set([1, 2, 3, 4]); const a: number[] = []; for (const x of s) { a.push(x); if (x % 2 === 0) s.delete(x + 1); if (x === 1) s.add(9); } const m = new Map([["a", 1], ["b", 2]]); const b: [string, number][] = []; for (const [k, v] of m) { b.push([k, v]); if (k === "a") { m.set("b", 20); m.set("c", 3); } } const c: number[] = []; for (const v of m.values()) { c.push(v); m.delete("c"); } const t = new Set([1]); t.forEach((x) => { if (x < 3) t.add(x + 1); }); const d: string[] = []; m.forEach((v, k) => { d.push(k); if (k === "a") m.delete("b"); }); const e: number[] = []; for (const k of s.keys()) { e.push(k); s.clear(); } return [a, [...s], b, c, [...t], d, [...m], e];',
  ],
  ["for classic", "let s = 0; for (let i = 0; i < 5; i++) s += i; return s;"],
  [
    "for with continue",
    "const out: number[] = []; for (let i = 0; i < 6; i++) { if (i % 2) continue; out.push(i); } return out;",
  ],
  [
    "for while-form with continue",
    "const out: number[] = []; for (let i = 0; i < 10; i = i * 2 + 1) { if (i === 3) continue; out.push(i); } return out;",
  ],
  ["for with break", "let i = 0; for (; ; i++) { if (i > 3) break; } return i;"],
  ["for outer variable", "let i; for (i = 0; i < 3; i++) {} return i;"],
  [
    "for float bound",
    "const out: number[] = []; const n = 5 / 2; for (let i = 0; i < n; i++) out.push(i); return out;",
  ],
  [
    "for changing bound",
    "let n = 3; const out: number[] = []; for (let i = 0; i < n; i++) { if (i === 0) n = 5; out.push(i); } return out;",
  ],
  ["while", "let n = 0; while (n < 5) n += 2; return n;"],
  ["do while", "let n = 0; do { n++; } while (n < 3); return n;"],
  ["do while runs once", "let n = 10; do { n++; } while (n < 3); return n;"],
  [
    "do while continue",
    "let n = 0; const out: number[] = []; do { n++; if (n === 2) continue; out.push(n); } while (n < 4); return out;",
  ],
  [
    "labeled break",
    "const out: string[] = []; outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 2) continue outer; if (i === 2) break outer; out.push(`${i}${j}`); } } return out;",
  ],
  [
    "labeled continue while",
    "let i = 0; const out: number[] = []; loop: while (i < 4) { i++; for (const x of [1, 2]) { if (i % 2 === 0) continue loop; out.push(i * 10 + x); } } return out;",
  ],
  [
    "triple nested labeled break",
    "let c = 0; a: for (const x of [1, 2, 3]) { for (const y of [1, 2]) { for (const z of [1, 2]) { c++; if (x === 2 && y === 1 && z === 2) break a; } } } return c;",
  ],
  [
    "switch basic",
    'function f(x: number) { switch (x) { case 1: return "one"; case 2: return "two"; default: return "many"; } } return [f(1), f(2), f(3)];',
  ],
  [
    "switch with break",
    'function f(x: string) { let r = ""; switch (x) { case "a": r = "A"; break; case "b": case "c": r = "BC"; break; default: r = "?"; } return r; } return [f("a"), f("b"), f("c"), f("d")];',
  ],
  [
    "switch fall through",
    "function f(x: number) { const out: number[] = []; switch (x) { case 1: out.push(1); case 2: out.push(2); break; case 3: out.push(3); default: out.push(0); } return out; } return [f(1), f(2), f(3), f(4)];",
  ],
  [
    "switch default in middle",
    'function f(x: number) { switch (x) { case 1: return "a"; default: return "d"; case 2: return "b"; } } return [f(1), f(2), f(3)];',
  ],
  [
    "switch no match no default",
    "let r = 0; const x = 5 as number; switch (x) { case 1: r = 1; break; } return r;",
  ],
  [
    "switch inner break in if",
    "function f(x: number) { let r = 0; switch (x) { case 1: if (r === 0) { r = 10; break; } r = 20; break; default: r = -1; } return r; } return [f(1), f(2)];",
  ],
  [
    "switch continue in loop",
    "const out: number[] = []; for (const x of [1, 2, 3]) { switch (x) { case 2: continue; default: out.push(x); } } return out;",
  ],
  [
    "switch fallthrough continue in loop",
    "const out: number[] = []; for (const x of [1, 2, 3]) { switch (x) { case 1: out.push(100); case 2: continue; default: out.push(x); } } return out;",
  ],
  [
    "switch on expression",
    'const xs = ["b"]; switch (xs[0]) { case "a": return 1; case "b": return 2; } return 0;',
  ],
  [
    "try catch finally",
    'const log: string[] = []; try { log.push("try"); throw new Error("x"); } catch (e) { log.push("catch"); } finally { log.push("finally"); } return log;',
  ],
  [
    "finally with return",
    'function f() { const log: string[] = []; try { return "t"; } finally { log.push("f"); } } return f();',
  ],
  [
    "nested try rethrow",
    'try { try { throw new Error("inner"); } catch (e) { throw e; } } catch (e) { return (e as Error).message; }',
  ],
  ["catch without binding", 'try { throw new Error("x"); } catch { return "caught"; }'],
  ["try no error", "let r = 0; try { r = 1; } catch (e) { r = 2; } return r;"],
  [
    "throw in function caught outside",
    'function f(x: number) { if (x < 0) throw new RangeError("neg"); return x; } try { f(-1); return "no"; } catch (e) { return [e instanceof RangeError, (e as Error).message]; }',
  ],
  ["increment in expression", "let i = 0; const a = [i++, i++, ++i]; return [a, i];"],
  ["assignment chain", "let a = 0, b = 0, c = 0; a = b = c = 7; return [a, b, c];"],
  [
    "loop over object keys sorted",
    "const o: Record<string, number> = { b: 1, a: 2 }; return Object.keys(o).sort().map((k) => o[k]);",
  ],
  [
    "nested loops with same names",
    "let t = 0; for (let i = 0; i < 3; i++) { for (let i = 0; i < 2; i++) t++; } return t;",
  ],
  [
    "loop let closure in while-form",
    "const fs: (() => number)[] = []; for (let i = 0; i < 3; i = i + 1) fs.push(() => i); return fs.map((f) => f());",
  ],
  [
    "loop closure forEach param",
    "const fs: (() => number)[] = []; [1, 2].forEach((x) => { fs.push(() => x); }); return fs.map((f) => f());",
  ],
  ["destructuring array", "const [a, b, c] = [1, 2] as number[]; return [a, b, c === undefined];"],
  [
    "destructuring defaults",
    "const [a = 5, b = 6] = [undefined, 2]; const { x = 1, y = 2 } = { x: 10 } as { x?: number; y?: number }; return [a, b, x, y];",
  ],
  [
    "destructuring rest",
    "const [h, ...t] = [1, 2, 3]; const { a, ...others } = { a: 1, b: 2, c: 3 }; return [h, t, a, others];",
  ],
  [
    "destructuring nested",
    "const { p: { q }, arr: [first, [second]] } = { p: { q: 1 }, arr: [2, [3]] as [number, number[]] }; return [q, first, second];",
  ],
  ["destructuring rename", "const { a: x, b: y } = { a: 1, b: 2 }; return x + y;"],
  ["destructuring holes", "const [, second, , fourth] = [1, 2, 3, 4]; return [second, fourth];"],
  [
    "destructuring for of objects",
    'const people = [{ n: "a", age: 1 }, { n: "b", age: 2 }]; const out: string[] = []; for (const { n, age } of people) out.push(n + age); return out;',
  ],
  [
    "destructuring for of nested",
    'const items: [string, [number, number]][] = [["a", [1, 2]]]; const out: number[] = []; for (const [k, [x, y]] of items) out.push(x + y + k.length); return out;',
  ],
  [
    "destructuring assignment object",
    "let a = 0, b = 0; ({ a, b } = { a: 3, b: 4 }); return [a, b];",
  ],
  ["destructuring string", 'const [c1, c2] = "hi"; return c1 + c2;'],
  [
    "destructuring from function result",
    'function pair(): [number, string] { return [1, "x"]; } const [n, s] = pair(); return s + n;',
  ],
  [
    "tuple return swap",
    'function swap<A, B>(p: [A, B]): [B, A] { return [p[1], p[0]]; } return swap([1, "a"]);',
  ],
  [
    "generic function",
    'function first<T>(xs: T[]): T | undefined { return xs[0]; } return [first([1, 2]), first<string>([]) ?? "none"];',
  ],
  [
    "as and non-null",
    'const x = "5" as string; const y: number | undefined = 3; return [x, y!, (x as unknown as string).length];',
  ],
  ["satisfies", "const c = { a: 1 } satisfies Record<string, number>; return c.a;"],
  [
    "type only constructs erased",
    "type N = number; interface I { a: N } const i: I = { a: 2 }; return i.a;",
  ],
  [
    "label on block-less loop",
    "let n = 0; outer: while (true) { while (true) { n++; if (n > 2) break outer; } } return n;",
  ],
  [
    "finally return overrides",
    'function f(): string { try { return "try"; } finally { return "fin"; } } function g(): string { try { throw new Error("x"); } catch { return "catch"; } finally { return "fin2"; } } return [f(), g()];',
  ],
  [
    "break inside finally",
    'const out: number[] = []; for (const x of [1, 2, 3]) { try { if (x === 2) throw new Error("e"); out.push(x); } catch { out.push(-x); } finally { if (x === 2) break; } } return out;',
  ],
  [
    "continue runs finally",
    "const out: number[] = []; for (let i = 0; i < 3; i++) { try { if (i === 1) continue; out.push(i); } finally { out.push(100 + i); } } return out;",
  ],
  [
    "finally return swallows exception",
    'function f(): number { try { throw new Error("x"); } finally { return 1; } } return f();',
  ],
  [
    "switch default in middle falls through",
    'function f(x: number) { const out: string[] = []; switch (x) { case 1: out.push("1"); default: out.push("d"); case 2: out.push("2"); break; case 3: out.push("3"); } return out; } return [f(1), f(2), f(3), f(9)];',
  ],
  [
    "switch strict case matching",
    'function f(x: number | string) { switch (x) { case 1: return "num"; case "1": return "str"; default: return "none"; } } return [f(1), f("1"), f(2)];',
  ],
  [
    "switch case expressions evaluated in order",
    "const log: number[] = []; const v = (n: number) => { log.push(n); return n; }; switch (2 as number) { case v(1): break; case v(2): break; case v(3): break; } return log;",
  ],
  [
    "labeled continue in nested for of",
    'const out: string[] = []; outer: for (const a of [1, 2, 3]) { for (const b of ["x", "y"]) { if (b === "y" && a === 2) continue outer; out.push(a + b); } out.push("end" + a); } return out;',
  ],
  [
    "for in over array gives strings",
    "const a = [5, 6]; const out: unknown[] = []; for (const i in a) out.push(typeof i, i + 1); return out;",
  ],
  [
    "do while continue checks condition",
    "let i = 0; let n = 0; do { i++; if (i < 3) continue; n++; } while (i < 5); return [i, n];",
  ],
  [
    "update on properties and elements in expressions",
    "const o = { c: 1 }; const a = [1, 2]; const x = o.c++ + ++o.c; const y = a[0]++ * 10 + --a[1]!; return [x, y, o, a];",
  ],
  [
    "optional chaining calls and elements",
    "const o: { f?: () => number; arr?: number[] } = { arr: [1, 2] }; const n = null as { g(): number } | null; return [o.f?.(), o.arr?.[1], o.arr?.[5], n?.g(), o.arr?.length];",
  ],
  [
    "nullish assignment as value",
    "const o: { a?: number[] } = {}; (o.a ??= []).push(1); o.a ??= [9]; return o;",
  ],
  [
    "switch inside while with break",
    "let i = 0; const out: number[] = []; while (true) { switch (i) { case 3: break; default: out.push(i); } if (i++ > 3) break; } return out;",
  ],
  [
    "finally runs after return value computed",
    'const log: string[] = []; function f() { try { log.push("t"); return log.length; } finally { log.push("f"); } } const r = f(); return [r, log];',
  ],
  [
    "try finally then outer catch",
    'const log: string[] = []; try { try { throw new Error("a"); } finally { log.push("inner"); } } catch (e) { log.push((e as Error).message); } return log;',
  ],
  [
    "labeled break out of switch in loop",
    "const out: number[] = []; loop: for (const x of [1, 2, 3, 4]) { switch (x) { case 3: break loop; default: out.push(x); } } return out;",
  ],
  [
    "conditional expression assignments",
    "let a = 0; let b = 0; const c = true as boolean; c ? (a = 1) : (b = 1); return [a, b];",
  ],
  [
    "loop closures skipped by continue",
    "const fs: (() => number)[] = []; for (let i = 0; i < 4; i++) { if (i % 2) continue; fs.push(() => i); } return fs.map((f) => f());",
  ],
  [
    "generator return inside try finally",
    'const log: string[] = []; function* g() { try { yield 1; return; } finally { log.push("f"); } } const r = [...g()]; return [r, log];',
  ],
  [
    "element compound index evaluated once",
    "let i = 0; const a = [10, 20, 30]; a[i++] += 5; a[++i]! *= 2; return [a, i];",
  ],
  [
    "switch true",
    'function f(n: number) { switch (true) { case n < 0: return "neg"; case n === 0: return "zero"; default: return "pos"; } } return [f(-1), f(0), f(1)];',
  ],
  ["catch binding shadows", 'const e = 5; try { throw new Error("x"); } catch (e) { } return e;'],
  [
    "for with two counters",
    "const out: number[] = []; for (let i = 0, j = 10; i < j; i += 3, j -= 3) out.push(i, j); return out;",
  ],
  [
    "continue in finally cancels return",
    "function f() { for (const x of [1, 2]) { try { return x; } finally { if (x === 1) continue; } } return -1; } return f();",
  ],
  // the temporal dead zone: a let/const/class read before its declaration ran throws a
  // ReferenceError (Python: NameError, which catch sees as one), also in a loop's next iteration
  [
    "temporal dead zone through a hoisted function, a closure, a class, a builtin-named const, typeof",
    'const out: string[] = []; function readX() { return x; } function readY() { const read = () => y; read(); const y = 2; return y; } function makeK() { return new K(); } function readOpen() { return open; } function readT() { return typeof x; } for (const f of [readX, readY, makeK, readOpen, readT]) { try { f(); out.push("no error"); } catch (e) { out.push(String(e instanceof ReferenceError), (e as Error).name); } } let x = 1; class K {} const open = 5; out.push(String(readX()), String(readOpen()), String(makeK() instanceof K), readT()); try { throw new ReferenceError("mine"); } catch (e) { out.push(String(e instanceof ReferenceError), (e as Error).name, (e as Error).message); } return out;',
  ],
  [
    "temporal dead zone in each iteration of a loop",
    "const out: unknown[] = []; for (let i = 0; i < 2; i++) { const f = () => x; try { out.push(f()); } catch (e) { out.push((e as Error).name); } const x = i; out.push(f()); } let n = 0; while (n < 2) { try { out.push(read()); } catch (e) { out.push((e as Error).name); } const v = n * 10; out.push(read()); function read() { return v; } n++; } return out;",
  ],
  [
    "a Set/Map changed by a function the loop calls, or passed to one, while for…of iterates it",
    "const seen: number[] = []; for (const x of s) { seen.push(x); if (x < 10 && seen.length < 10) swap(x); } const keys: string[] = []; for (const [k] of m) { keys.push(k); grow(); } const t = new Set([1]); const got: number[] = []; for (const x of t) { got.push(x); addTo(t, x); } return [seen, [...s], keys, got];",
    'const s = new Set([1, 2, 3]); function swap(x: number) { s.delete(x); later(x); } function later(x: number) { s.add(x + 10); } const m = new Map([["a", 1]]); const grow = () => { if (m.size < 3) m.set("k" + m.size, m.size); }; function addTo(set: Set<number>, x: number) { if (x < 4) set.add(x + 1); }',
  ],
  [
    "a Set/Map field changed by a method the loop calls (for…of, forEach)",
    "const r = new Registry(); return [r.run(), r.runMap()];",
    'class Registry { items = new Set<string>(["a"]); log: string[] = []; add(x: string) { if (this.items.size < 4) this.items.add(x + "!"); } run() { for (const x of this.items) { this.log.push(x); this.add(x); } return this.log; } counts = new Map<string, number>([["k", 0]]); bump(k: string) { if (this.counts.size < 3) this.counts.set(k + "+", 1); } runMap() { const seen: string[] = []; this.counts.forEach((_, k) => { seen.push(k); this.bump(k); }); return seen; } }',
  ],
  [
    "a pattern over a rest element reads the rest array (length, indices, nested array pattern)",
    "const [...{ length }] = [1, 2, 3]; const [x, ...{ 0: y, length: n }] = [4, 5, 6]; const [...[p, q]] = [7, 8]; const xs: number[] = [9, 10]; let len = 0; [...{ length: len }] = xs; return [length, x, y, n, p, q, len];",
  ],
  [
    "a destructuring default does not replace the null of a declared property typed T | null",
    "const o: { a: number | null; c?: number } = { a: null }; const { a = 5, c = 7 } = o; const { a: a2 = 1 } = { a: 3 } as { a: number | null }; return [a, c, a2];",
  ],
  [
    "a var is hoisted: undefined before its declaration runs, through a function or typeof",
    "const out: unknown[] = []; function h() { return typeof hv; } function h2() { return hv; } out.push(h(), h2() === undefined); var hv = 1; out.push(h(), hv); function inner() { const read = () => w; const r1 = read(); if (r1 === undefined) { var w = 2; } return [r1 === undefined, read()]; } out.push(inner()); return out;",
  ],
]);
