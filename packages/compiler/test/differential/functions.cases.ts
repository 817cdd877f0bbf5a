import { rows } from "./harness.js";

export default rows([
  [
    "function names: declarations, consts bound to arrows/expressions, named expressions, aliases",
    "function foo() { return 1; } const bar = () => 1; const baz = function qux() { return 2; }; const anon = function () { return 3; }; class K {} const alias = foo; const aliasBar = bar; return [foo.name, bar.name, baz.name, anon.name, K.name, alias.name, aliasBar.name];",
  ],
  [
    "call/apply/bind on functions and arrows: this dropped, arguments as given",
    "function add(a: number, b: number) { return a + b; } const mul = (a: number, b: number) => a * b; const pair: [number, number] = [7, 8]; return [add.call(null, 1, 2), mul.call(undefined, 3, 4), add.apply(undefined, [3, 4]), add.apply(null, pair), add.call(null, ...pair), mul.bind(null, 2, 21)()];",
  ],
  [
    "bound functions as callbacks take only their remaining parameters",
    "function add(a: number, b: number) { return a + b; } const inc = add.bind(null, 1); function opt(a: number, b?: number) { return a + (b ?? 100); } return [[1, 2, 3].map(inc), [1, 2].map(add.bind(null, 10)), [5, 6].map(opt.bind(null, 1)), [5, 6].map(opt)];",
  ],
  [
    "apply with no arguments array, optional parameters through call/bind",
    'function greet(who?: string) { return `hi ${who ?? "nobody"}`; } return [greet.call(null), greet.apply(null, []), greet.bind(null)(), greet.call(null, "x"), greet.bind(null, "y")()];',
  ],
  [
    "closures from map callback",
    "const fs = [1, 2, 3].map((x) => () => x * 2); return fs.map((f) => f());",
  ],
  [
    "closures from map callback with param",
    "const gs = [1, 2, 3].map((x) => (y: number) => x + y); return gs.map((g) => g(10));",
  ],
  [
    "default params",
    'function f(a: number, b = 2, c = "x") { return `${a}${b}${c}`; } return [f(1), f(1, 5), f(1, 5, "y")];',
  ],
  [
    "default param expression",
    "function f(a: number, b: number[] = []) { b.push(a); return b; } return [f(1), f(2)];",
  ],
  [
    "default referencing earlier",
    "function f(a: number, b = a * 2) { return a + b; } return [f(1), f(1, 1)];",
  ],
  [
    "optional param",
    "function f(a: number, b?: number) { return b === undefined ? a : a + b; } return [f(1), f(1, 2)];",
  ],
  [
    "rest params",
    "function f(first: number, ...rest: number[]) { rest.push(first); return rest; } return [f(1), f(1, 2, 3)];",
  ],
  [
    "spread args",
    "function f(a: number, b: number, c: number) { return a + b * c; } const xs = [1, 2, 3] as const; return f(...xs);",
  ],
  ["arrow expression body", "const add = (a: number, b: number) => a + b; return add(2, 3);"],
  ["arrow block body", "const f = (x: number) => { const y = x * 2; return y + 1; }; return f(4);"],
  ["arrow returning object", "const f = (x: number) => ({ v: x }); return f(1);"],
  [
    "closure counter nonlocal",
    "function counter() { let n = 0; return () => { n++; return n; }; } const c = counter(); c(); c(); return c();",
  ],
  [
    "closure reassign in nested def",
    "function outer() { let total = 0; function add(x: number) { total += x; } add(2); add(3); return total; } return outer();",
  ],
  [
    "module level reassign from function",
    "let count = 0; function inc() { count++; } inc(); inc(); return count;",
    "",
  ],
  [
    "closure captures loop var",
    "const fs: (() => number)[] = []; for (const i of [1, 2, 3]) { fs.push(() => i * 10); } return fs.map((f) => f());",
  ],
  [
    "recursion",
    "function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1); } return fact(10);",
  ],
  [
    "mutual recursion",
    "function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); } function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); } return [isEven(10), isOdd(7)];",
  ],
  [
    "hoisted function call",
    "const r = later(2); function later(x: number) { return x * 3; } return r;",
  ],
  [
    "higher order",
    "const twice = (f: (x: number) => number) => (x: number) => f(f(x)); return twice((x) => x + 3)(1);",
  ],
  ["function as value", "function sq(x: number) { return x * x; } const g = sq; return g(5);"],
  ["immediately invoked", "return ((x: number) => x + 1)(1);"],
  [
    "generator",
    "function* gen() { yield 1; yield 2; yield 3; } const out: number[] = []; for (const x of gen()) out.push(x); return out;",
  ],
  [
    "generator with args",
    "function* range(n: number) { for (let i = 0; i < n; i++) yield i * i; } return [...range(4)];",
  ],
  [
    "generator delegate",
    "function* a() { yield 1; yield 2; } function* b() { yield 0; yield* a(); yield 3; } return Array.from(b());",
  ],
  [
    "generator infinite with break",
    "function* nat() { let n = 0; while (true) yield n++; } const out: number[] = []; for (const x of nat()) { if (x > 4) break; out.push(x); } return out;",
  ],
  [
    "nested functions scope",
    "function f() { const x = 1; function g() { const x = 2; return x; } return [x, g()]; } return f();",
  ],
  ["shadowing in blocks", "let x = 1; { let x = 2; x++; } if (true) { const x = 5; } return x;"],
  [
    "shadowing in loop blocks",
    "const out: number[] = []; for (let i = 0; i < 2; i++) { const v = i * 2; out.push(v); } { const v = 100; out.push(v); } return out;",
  ],
  [
    "callback with closure state",
    "let seen = 0; [1, 2, 3].forEach((x) => { seen += x; }); return seen;",
  ],
  [
    "map callback using outer reassign",
    "let calls = 0; const r = [1, 2].map((x) => { calls++; return x * 2; }); return [r, calls];",
  ],
  [
    "arrow in object",
    "const ops = { add: (a: number, b: number) => a + b, neg: (a: number) => -a }; return [ops.add(1, 2), ops.neg(3)];",
  ],
  [
    "function returning function with default",
    "const mk = (k = 2) => (x: number) => x * k; return [mk()(3), mk(5)(3)];",
  ],
  [
    "destructured params",
    "function f({ a, b = 5 }: { a: number; b?: number }, [c, d]: [number, number]) { return a + b + c + d; } return [f({ a: 1 }, [2, 3]), f({ a: 1, b: 0 }, [0, 0])];",
  ],
  [
    "arrow destructured param",
    "const pts = [{ x: 1, y: 2 }, { x: 3, y: 4 }]; return pts.map(({ x, y }) => x * y);",
  ],
  [
    "arrow array destructured param",
    'const pairs: [string, number][] = [["a", 1], ["b", 2]]; return pairs.map(([k, v]) => k + v);',
  ],
  [
    "recursive arrow",
    "const fib = (n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2)); return fib(15);",
  ],
  [
    "function expression named",
    "const f = function fact(n: number): number { return n < 2 ? 1 : n * fact(n - 1); }; return f(5);",
  ],
  ["void function returns undefined", "function f(): void {} return f() === undefined;"],
  [
    "early return in loop",
    "function find(xs: number[], t: number) { for (const x of xs) { if (x === t) return true; } return false; } return [find([1, 2], 2), find([1], 3)];",
  ],
  [
    "counter object closure",
    "function make() { let c = 0; return { inc: () => ++c, get: () => c }; } const m = make(); m.inc(); m.inc(); return m.get();",
  ],
  [
    "python keyword names",
    'const lambda = 1, from = 2, None = 3, pass = 4, def_ = 5; const print = (x: number) => x + 1; const len = 7; const str = "s"; const list = [1]; return [lambda + from + None + pass + def_, print(len), str, list];',
  ],
  [
    "builtin shadow names used with helpers",
    "const max = 5; const min = 1; const round = 2.5; return [Math.max(max, min), Math.round(round), String(max)];",
  ],
  [
    "helper-like names",
    "const _js_str = 1, JsError = 2, math = 3, json = 4; return [_js_str + JsError + math + json, String(0.5)];",
  ],
  [
    "callbacks declaring fewer parameters",
    "function apply(f: (a: number, b: number) => number) { return f(1, 2); } return [apply(() => 5), apply((a) => a * 10), apply(function () { return 3; })];",
  ],
  [
    "closure loop counter modified in body",
    "const fs: (() => number)[] = []; for (let i = 0; i < 6; i++) { i++; fs.push(() => i); } return fs.map((f) => f());",
  ],
  [
    "closure captures block const in while",
    "const fs: (() => number)[] = []; let j = 0; while (j < 3) { const k = j; fs.push(() => k * 2); j++; } return fs.map((f) => f());",
  ],
  [
    "closure captures variable written before it",
    "const fs: (() => number)[] = []; for (const x of [1, 2]) { let y = x; y *= 10; fs.push(() => y); } return fs.map((f) => f());",
  ],
  [
    "closure captures counter and body const",
    "const fs: (() => number)[] = []; for (let i = 0; i < 3; i++) { const j = i; fs.push(() => i + j); } return fs.map((f) => f());",
  ],
  [
    "generator return value ignored",
    "function* g() { yield 1; return 2; } const out: number[] = []; for (const x of g()) out.push(x); return [out, [...g()]];",
  ],
  [
    "generator finally on break",
    'const log: string[] = []; function* g() { try { yield 1; yield 2; } finally { log.push("fin"); } } for (const x of g()) { log.push(String(x)); break; } return log;',
  ],
  [
    "generator early return",
    "function* g(n: number) { for (let i = 0; ; i++) { if (i >= n) return; yield i; } } return [...g(3)];",
  ],
  [
    "generator is lazy",
    'const log: string[] = []; function* g() { log.push("start"); yield 1; log.push("end"); } const it = g(); log.push("created"); for (const x of it) log.push("got" + x); return log;',
  ],
  [
    "generator delegate return value",
    "function* a() { yield 1; return 5; } function* b() { const r = yield* a(); yield r; } return [...b()];",
  ],
  [
    "generator exhausted after spread",
    "function* g() { yield 1; } const it = g(); return [[...it], [...it]];",
  ],
  [
    "default param with explicit undefined",
    "function f(a = 5) { return a; } return [f(undefined), f()];",
  ],
  [
    "default param with possibly undefined args",
    'function f(a: number, b = 2) { return a + b; } const o: { x?: number } = {}; class C { m(x = "d") { return x; } } const c = new C(); return [f(1, o.x), f(1), f(1, 5), c.m(undefined), c.m()];',
  ],
  [
    "default param of arrow const",
    "const g = (k = 3) => k * 2; const u: number | undefined = undefined; return [g(u), g()];",
  ],
  [
    "default param evaluated per call",
    "let calls = 0; function f(a = ++calls) { return a; } f(); f(1); f(); return calls;",
  ],
  [
    "rest params with spread",
    "function f(...xs: number[]) { return xs.length; } const a = [1, 2]; return [f(...a, 3), f(), f(...[])];",
  ],
  ["arrow captures later const", "const f = () => y * 2; const y = 4; return f();"],
  [
    "object methods share closure",
    "function mk() { let n = 0; return { inc() { return ++n; }, dec() { return --n; } }; } const c = mk(); c.inc(); c.inc(); c.dec(); return c.inc();",
  ],
  [
    "callback with extra optional param",
    "function call1(f: (a: number) => number) { return f(1); } return call1((a: number, b?: number) => (b === undefined ? a : -1));",
  ],
  [
    "named callback with index",
    "function g(x: number, i: number) { return x * i; } return [5, 6].map(g);",
  ],
  [
    "Array.from generator with map",
    "function* g() { let i = 0; while (i < 3) { yield i * i; i++; } } return Array.from(g(), (x) => x + 1);",
  ],
  [
    "iife in loop",
    "const out: number[] = []; for (let i = 0; i < 3; i++) { ((j) => out.push(j * 2))(i); } return out;",
  ],
  [
    "recursion with default arg",
    "function sum(xs: number[], i = 0): number { return i >= xs.length ? 0 : xs[i]! + sum(xs, i + 1); } return sum([1, 2, 3]);",
  ],
  [
    "closure captures for in key",
    "const fs: (() => string)[] = []; for (const k in { a: 1, b: 2 }) fs.push(() => k); return fs.map((f) => f());",
  ],
  ["closure sees later reassignment", "let x = 1; const f = () => x; x = 2; return f();"],
  [
    "nonlocal two levels",
    "function a() { let n = 0; function b() { function c() { n += 1; } c(); c(); } b(); return n; } return a();",
  ],
  [
    "optional call of function values",
    "const f = undefined as ((x: number) => number) | undefined; const g: ((x: number) => number) | undefined = (x) => x + 1; return [f?.(1), g?.(1)];",
  ],
  [
    "filter callback returning undefined",
    "return [1, 2, 3].filter((x) => { if (x > 1) return true; return undefined; });",
  ],
  [
    "gen yield* string",
    'function* g() { yield* "ab"; yield* [1, 2].map(String); } return [...g()];',
  ],
  [
    "gen yield* return value",
    "function* a() { yield 1; return 7; } function* b() { const r = yield* a(); const s = yield* [5]; yield r; yield s === undefined; } return [...b()];",
  ],
  ["gen spread in call", "function* g() { yield 1; yield 2; } return Math.max(...g());"],
  [
    "gen method in class",
    "class C { constructor(private n: number) {} *items() { for (let i = 0; i < this.n; i++) yield i; } static *st() { yield 9; } } return [[...new C(3).items()], [...C.st()]];",
  ],
  [
    "gen finally on break nested",
    'const log: string[] = []; function* g() { try { yield 1; yield 2; } finally { log.push("fin"); } } for (const x of g()) { for (const y of g()) { log.push(`${x}${y}`); break; } break; } log.push("after"); return log;',
  ],
  [
    "gen finally on return from loop",
    'const log: string[] = []; function* g() { try { yield 1; yield 2; } finally { log.push("fin"); } } function f() { for (const x of g()) { return x; } return -1; } const r = f(); log.push("after"); return [r, log];',
  ],
  [
    "gen finally on throw from loop",
    'const log: string[] = []; function* g() { try { yield 1; } finally { log.push("fin"); } } try { for (const x of g()) { throw new Error("e" + x); } } catch (e) { log.push((e as Error).message); } return log;',
  ],
  [
    "gen destructure",
    "function* g() { yield 1; yield 2; yield 3; } const [a, ...rest] = g(); return [a, rest];",
  ],
  [
    "gen destructure finally",
    'const log: string[] = []; function* g() { try { yield 1; yield 2; yield 3; } finally { log.push("fin"); } } const [a] = g(); log.push("after"); return [a, log];',
  ],
  [
    "gen in Array.from with map",
    "function* g() { yield 1; yield 2; } return Array.from(g(), (x, i) => x * 10 + i);",
  ],
  [
    "gen closures capture",
    "function* g() { for (let i = 0; i < 3; i++) yield () => i; } return [...g()].map((f) => f());",
  ],
  [
    "gen infinite take",
    "function* nat() { let n = 0; while (true) yield n++; } const out: number[] = []; for (const n of nat()) { if (n >= 3) break; out.push(n); } return out;",
  ],
  [
    "gen try catch inside",
    'function* g() { try { yield 1; throw new Error("x"); } catch (e) { yield (e as Error).message; } finally { yield 3; } } return [...g()];',
  ],
  [
    "gen return in finally",
    "function* g() { try { yield 1; return 2; } finally { yield 9; } } return [...g()];",
  ],
  [
    "destructuring an endless generator reads only what it needs and closes it (finally runs)",
    'const log: string[] = []; function* nat() { let n = 0; try { while (true) yield n++; } finally { log.push("closed"); } } const [a, b] = nat(); let c: number, d: number; [c, d] = nat(); const [[e, f]] = [nat()]; function* two() { yield 1; yield 2; } const [x, y, z] = two(); return [a, b, c, d, e, f, x, y, z, log];',
  ],
  ["gen new Set from", "function* g() { yield 1; yield 1; yield 2; } return [...new Set(g())];"],
  [
    "gen Map from",
    'function* g(): Generator<[string, number]> { yield ["a", 1]; yield ["b", 2]; } return [...new Map(g()).entries()];',
  ],
  [
    "gen arrow this",
    "class C { k = 2; *g() { const f = (x: number) => x * this.k; yield f(1); yield f(2); } } return [...new C().g()];",
  ],
  // generators driven by hand: next(v) sends v to the yield, return(v) closes, throw(e) raises
  // at the yield; a for…of left by break or throw closes a generator kept in a variable
  [
    "generator next, next(v), return, throw",
    'const g = gen(); const r1 = g.next(99); const r2 = g.next(7); log.push(JSON.stringify([r1, r2, r1.value, r2.done])); const r3 = g.return("early"); log.push(JSON.stringify([r3, g.next()])); const h = gen(); const results: unknown[] = []; let r = h.next(); while (!r.done) { results.push(r.value); r = h.next(r.value * 10); } results.push(r.value); const c = catcher(); c.next(); const { value, done } = c.throw(new Error("boom")); return [log, results, value, done, JSON.stringify(gen().return("x")), log.length];',
    'const log: string[] = []; function* gen(): Generator<number, string, number | undefined> { try { const a = yield 1; log.push("got " + a); yield 2; yield 3; } finally { log.push("finally"); } return "end"; } function* catcher(): Generator<string, void, unknown> { while (true) { try { yield "ready"; } catch (e) { yield "caught " + (e as Error).message; } } }',
  ],
  [
    "for…of left by break or throw closes a generator kept in a variable or field",
    'const g = gen(); for (const x of g) { log.push("x" + x); if (x === 1) break; } log.push(JSON.stringify([...g])); const h = gen(); h.next(); try { for (const x of h) throw new Error("in loop " + x); } catch (e) { log.push((e as Error).message, String(h.next().done)); } const box = { it: gen() }; for (const x of box.it) { if (x) break; } log.push(String(box.it.next().done)); for (const x of new Tree()) { if (x) break; } let total = 0; for (const x of gen()) total += x; return [log, total];',
    'const log: string[] = []; function* gen(): Generator<number, void, unknown> { try { yield 1; yield 2; } finally { log.push("finally"); } } class Tree { *[Symbol.iterator](): Generator<number> { try { yield 1; yield 2; } finally { log.push("tree closed"); } } }',
  ],
  [
    "the iterators of Maps, Sets and arrays are used up once iterated, and driven by next()",
    'const m = new Map([["a", 1], ["b", 2]]); const s = new Set([5, 6]); const it = m.keys(); const first = [...it]; const again = [...it]; const vals = s.values(); const n1 = vals.next(); const rest = Array.from(vals); const ak = [7, 8].keys(); const ak1 = [...ak]; const ak2 = [...ak]; const ent = m.entries(); ent.next(); const e2 = [...ent]; const out: unknown[] = [first, again, n1, rest, ak1, ak2, e2, [...m.values()], Array.from(s.keys()), m.values().next(), [9].entries().next().value, new Set(m.keys()).size]; for (const k of m.keys()) out.push(k); return out;',
  ],
  [
    "a generator binds its parameters when called: a throwing default throws at the call, defaults and destructuring run once",
    'try { gen2(); log.push("no throw"); } catch { log.push("threw at call"); } const g = counted(); log.push("made " + c); log.push(JSON.stringify([...g, ...counted(5, { a: 0, b: 0 }, 1, 2)])); const bag = new Bag(); const it = bag.each(); log.push("made bag"); log.push(JSON.stringify([...it])); return log;',
    'const log: string[] = []; function fail(): number { throw new Error("fail"); } function* gen2(n = fail()) { yield n; } let c = 0; function* counted(k = ++c, { a, b }: { a: number; b: number } = { a: 1, b: 2 }, ...rest: number[]) { log.push("body " + k); k++; a++; yield k + a + b + rest.length; } class Bag { items = [1, 2, 3]; *each(step = log.push("step") - 0) { for (let i = 0; i < this.items.length; i += step) yield this.items[i]!; } }',
  ],
  [
    "a callback declared with no parameters passed to forEach/map/filter/some of arrays, Maps, Sets",
    '[1, 2].forEach(tick); const m = new Map([["a", 1]]); m.forEach(tick); const s = new Set([1]); s.forEach(tick); const r = [1, 2].map(tick).length; const q = [1, 2].filter(no).length; const any = [3].some(no); return [ticks, r, q, any];',
    "let ticks = 0; function tick(): void { ticks++; } function no(): boolean { ticks += 10; return false; }",
  ],
  [
    "generator return() through a finally block that yields or returns",
    'const g = cleanup(); g.next(); const out = [g.return("r"), g.next(), g.next()]; const h = overriding(); h.next(); out.push(h.return("r"), cleanup().return("early")); return JSON.stringify(out);',
    'function* cleanup(): Generator<number | string, string, unknown> { try { yield 1; } finally { yield "cleaning"; } return "end"; } function* overriding(): Generator<number, string, unknown> { try { yield 1; } finally { return "mine"; } }',
  ],
]);
