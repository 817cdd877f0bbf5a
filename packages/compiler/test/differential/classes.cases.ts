import { rows } from "./harness.js";

export default rows([
  [
    "private fields updated as values: +=, ++ both ways, ??=, in a class whose name starts with _",
    "class A { #p = 1; #u?: number; static s = 1; a() { return (this.#p += 2); } b() { return this.#p++; } c() { return ++this.#p; } d() { return (this.#u ??= 7); } static e() { return (A.s *= 3); } } class _U { #q = 3; bump() { return (this.#q -= 1); } } const x = new A(); return [x.a(), x.a(), x.b(), x.c(), x.d(), x.d(), A.e(), A.e(), new _U().bump()];",
  ],
  [
    "iterable class",
    "class Range { constructor(private n: number) {} *[Symbol.iterator]() { for (let i = 0; i < this.n; i++) yield i * 10; } } const out: number[] = []; for (const x of new Range(3)) out.push(x); return [out, [...new Range(2)], Array.from(new Range(1))];",
  ],
  [
    "super inside arrow and comprehension",
    "class A { f(x: number) { return x + 1; } } class B extends A { g(x: number) { const h = () => super.f(x) * 2; return [1, 2].map((y) => super.f(y)).concat([h()]); } } return new B().g(10);",
  ],
  [
    "compound assignment on element evaluates key once",
    'let calls = 0; const key = () => { calls++; return 0; }; const a = [5]; const o: Record<string, number> = { k: 1 }; a[key()] += 2; o["k"] *= 3; return [a, o, calls];',
  ],
  [
    "interface implemented by classes",
    'interface Shape { area(): number; name: string } class Sq implements Shape { name = "sq"; constructor(private s: number) {} area() { return this.s * this.s; } } class Ci implements Shape { name = "ci"; area() { return 3; } } const shapes: Shape[] = [new Sq(2), new Ci()]; return shapes.map((s) => s.name + s.area());',
  ],
  [
    "typeof null typed",
    "const a = null as string | null; const b = undefined as string | undefined; return [typeof a, typeof b];",
  ],
  [
    "fields and methods",
    "class C { n = 1; add(x: number) { this.n += x; return this; } } return new C().add(2).add(3).n;",
  ],
  [
    "parameter properties",
    "class P { constructor(public x: number, private y: number, readonly z = 3) {} sum() { return this.x + this.y + this.z; } } return new P(1, 2).sum();",
  ],
  [
    "constructor body",
    "class A { v: number; constructor(v: number) { this.v = v * 2; } } return new A(4).v;",
  ],
  [
    "getter setter",
    "class T { private _c = 0; get c() { return this._c; } set c(v: number) { this._c = Math.max(0, v); } } const t = new T(); t.c = -5; const a = t.c; t.c = 7; return [a, t.c];",
  ],
  [
    "static members",
    "class S { static count = 0; static inc() { S.count++; return S.count; } static twice() { return this.inc() + this.inc(); } } S.inc(); return [S.twice(), S.count];",
  ],
  [
    "static non-const init",
    "class S { static items = [1, 2]; static total = S.items.length; } return [S.items, S.total];",
  ],
  [
    "inheritance and super",
    'class A { constructor(public name: string) {} greet() { return "hi " + this.name; } } class B extends A { constructor(name: string, public n: number) { super(name); } override greet() { return super.greet() + "!" + this.n; } } return new B("x", 2).greet();',
  ],
  [
    "inherited fields order",
    "class A { a = 1; } class B extends A { b = this.a + 1; } const b = new B(); return [b.a, b.b];",
  ],
  [
    "derived without constructor",
    "class A { constructor(public v: number) {} } class B extends A { double() { return this.v * 2; } } return new B(21).double();",
  ],
  [
    "instanceof",
    "class A {} class B extends A {} const b = new B(); const a = new A(); return [b instanceof A, b instanceof B, a instanceof B];",
  ],
  [
    "polymorphism",
    "abstract class Shape { abstract area(): number; describe() { return `area=${this.area()}`; } } class Sq extends Shape { constructor(private s: number) { super(); } area() { return this.s ** 2; } } class Ci extends Shape { area() { return 3; } } return [new Sq(2), new Ci()].map((s) => s.describe());",
  ],
  [
    "this in arrow callback",
    "class C { k = 10; run(xs: number[]) { return xs.map((x) => x + this.k); } } return new C().run([1, 2]);",
  ],
  [
    "this in forEach callback",
    "class C { total = 0; addAll(xs: number[]) { xs.forEach((x) => { this.total += x; }); return this.total; } } return new C().addAll([1, 2, 3]);",
  ],
  [
    "this in nested arrow",
    "class C { v = 2; f() { const g = () => () => this.v * 3; return g()(); } } return new C().f();",
  ],
  [
    "custom error",
    'class MyError extends Error { constructor(msg: string, public code: number) { super(msg); this.name = "MyError"; } } try { throw new MyError("bad", 42); } catch (e) { if (e instanceof MyError) return [e.message, e.code, e.name, e instanceof Error]; return "other"; }',
  ],
  ["error message", 'try { throw new Error("boom"); } catch (e) { return (e as Error).message; }'],
  [
    "error instanceof Error",
    'try { throw new Error("boom"); } catch (e) { if (e instanceof Error) return e.message; return ""; }',
  ],
  [
    "error to string",
    'const e = new Error("x"); const t = new TypeError("y"); return [String(e), `${t}`, e.name, t.name];',
  ],
  ["error without message", "const e = new Error(); return [e.message, String(e)];"],
  [
    "error subclass without ctor",
    'class E extends Error {} try { throw new E("m"); } catch (e) { return [e instanceof E, (e as E).message]; }',
  ],
  [
    "private fields",
    "class C { #secret = 5; reveal() { return this.#secret; } } return new C().reveal();",
  ],
  [
    "method as callback",
    "class C { f(x: number) { return x + 1; } } const c = new C(); return [1, 2].map((x) => c.f(x));",
  ],
  [
    "toString override",
    'class P { constructor(public x: number) {} toString() { return `P(${this.x})`; } } return [String(new P(1)), `${new P(2)}`, "" + new P(3)];',
  ],
  [
    "class instance equality",
    "class A {} const a = new A(), b = new A(); const c = a; return [a === b, a === c];",
  ],
  [
    "class with array field mutation",
    "class Stack<T> { items: T[] = []; push(x: T) { this.items.push(x); } pop() { return this.items.pop(); } get size() { return this.items.length; } } const s = new Stack<number>(); s.push(1); s.push(2); s.pop(); return [s.size, s.items];",
  ],
  [
    "class keyword named members",
    "class K { from = 1; lambda() { return this.from + 1; } } return new K().lambda();",
  ],
  [
    "generic class",
    "class Box<T> { constructor(public value: T) {} map<U>(f: (v: T) => U) { return new Box(f(this.value)); } } return new Box(2).map((x) => x * 5).value;",
  ],
  [
    "static method factory",
    "class V { constructor(public x: number) {} static of(x: number) { return new V(x); } } return V.of(3).x;",
  ],
  [
    "class field uninitialized",
    "class U { x?: number; y: number | undefined; } const u = new U(); return [u.x === undefined, u.y === undefined];",
  ],
  [
    "instance property in template",
    'class A { name = "n"; } const a = new A(); return `${a.name}!`;',
  ],
  [
    "enum numeric",
    "enum Dir { Up, Down, Left = 10, Right } return [Dir.Up, Dir.Down, Dir.Left, Dir.Right, Dir[Dir.Right], Dir[0]];",
    "",
  ],
  [
    "enum string",
    'enum Color { Red = "RED", Green = "GREEN" } const c: Color = Color.Green; return [c, c === Color.Green];',
    "",
  ],
  ["const enum", "const enum E { A = 1, B = A * 2 } return [E.A, E.B];", ""],
  [
    "enum in switch",
    'enum K { A, B } function f(k: K) { switch (k) { case K.A: return "a"; case K.B: return "b"; } } return [f(K.A), f(K.B)];',
    "",
  ],
  [
    "getter setter inherited",
    "class A { protected _v = 1; get v() { return this._v; } set v(x: number) { this._v = x * 2; } } class B extends A { get w() { return this.v + 100; } } const b = new B(); b.v = 5; return [b.v, b.w];",
  ],
  [
    "overridden getter used by base",
    "class A { get n() { return 1; } desc() { return this.n; } } class B extends A { override get n() { return 2; } } return [new A().desc(), new B().desc()];",
  ],
  [
    "field and constructor order",
    'const log: string[] = []; function note(s: string) { log.push(s); return 1; } class A { x = note("field"); constructor(public p: number) { log.push("ctor" + this.x + this.p); } } class B extends A { y = note("bfield"); constructor() { log.push("before super"); super(2); log.push("after"); } } new B(); return log;',
  ],
  [
    "super and this from arrow",
    'class A { f() { return "A"; } } class B extends A { override f() { return "B"; } g() { const h = () => super.f() + this.f(); return h(); } } return new B().g();',
  ],
  [
    "error subclass string forms",
    'class E extends Error { constructor(m: string) { super(m); this.name = "E"; } } const e = new E("boom"); return [String(e), e.message, e.name, e instanceof Error, e instanceof E, `${e}`];',
  ],
  [
    "error subclass default name",
    'class E extends Error {} const e = new E("boom"); return [String(e), e.name, e.message];',
  ],
  [
    "error name as field",
    'class E extends Error { override name = "Custom"; } const e = new E("x"); return [String(e), e.name];',
  ],
  [
    "static method this is the receiver class",
    "class A { static k = 1; static get() { return this.k; } } class B extends A { static override k = 2; } return [A.get(), B.get()];",
  ],
  [
    "static factory new this",
    "class A { static make() { return new this(); } v = 1; } class B extends A { override v = 2; } return [A.make().v, B.make().v];",
  ],
  [
    "static super and this in arrow",
    "class A { static k = 1; static f() { return 10; } static g() { return this.k; } } class B extends A { static override k = 5; static override f() { const h = () => super.f() + this.g(); return super.f() + 1 + h(); } } return [A.f(), B.f(), B.g()];",
  ],
  [
    "static this assignment on subclass",
    "class A { static n = 0; static bump() { this.n++; return this.n; } } class B extends A {} A.bump(); B.bump(); B.bump(); return [A.n, B.n];",
  ],
  [
    "toString in join and template",
    'class P { toString() { return "P"; } } return [`${new P()}`, String(new P()), [new P(), new P()].join("-")];',
  ],
  [
    "derived field reads base ctor field",
    "class A { x: number; constructor(x: number) { this.x = x + 1; } } class B extends A { y = this.x * 10; constructor() { super(2); } } return [new B().x, new B().y];",
  ],
  [
    "accessor compound and update",
    "class C { private _n = 1; get n() { return this._n; } set n(v) { this._n = v; } } const c = new C(); c.n += 5; c.n++; const r = c.n++; return [c.n, r];",
  ],
  [
    "error with undefined message",
    "const e = new Error(undefined); return [e.message, String(e)];",
  ],
  [
    "chained this returns in subclass",
    "class A { n = 0; inc() { this.n++; return this; } } class B extends A { dbl() { this.n *= 2; return this; } } return new B().inc().dbl().inc().n;",
  ],
  [
    "private method",
    "class A { #f() { return 1; } g() { return this.#f() + 1; } } return new A().g();",
  ],
  [
    "optional method calls",
    "class A { f?: () => number; g() { return 1; } } const a: A | undefined = new A(); const b = undefined as A | undefined; return [a?.g(), b?.g(), a.f?.(), b?.f?.()];",
  ],
  [
    "arrow field keeps this",
    "class A { v = 2; f = () => this.v * 3; } const a = new A(); const g = a.f; return g();",
  ],
  [
    "error thrown in constructor",
    'class A { constructor(x: number) { if (x < 0) throw new RangeError("neg"); } } try { new A(-1); return "no"; } catch (e) { return [(e as Error).name, (e as Error).message, String(e)]; }',
  ],
  [
    "super getter",
    "class A { get g() { return 1; } } class B extends A { override get g() { return super.g + 1; } } return new B().g;",
  ],
  [
    "instance array fields not shared",
    "class A { items: number[] = []; } const a = new A(), b = new A(); a.items.push(1); return [a.items, b.items];",
  ],
  [
    "error message reassigned",
    'const e = new Error("a"); e.message = "b"; return [String(e), e.message];',
  ],
  [
    "constructor default with undefined argument",
    "class P { constructor(public x = 4) {} } class Q extends P { constructor(v?: number) { super(v); } } return [new P(undefined).x, new Q().x, new P().x];",
  ],
  [
    "getter only override",
    "class A { get v() { return 1; } set v(x: number) { this.s = x; } s = 0; } class B extends A { override get v() { return 2; } } const b = new B(); return [b.v];",
  ],
  [
    "setter chained assignment",
    "class A { _v = 0; set v(x: number) { this._v = x + 1; } get v() { return this._v; } } const a = new A(); const r = (a.v = 5); return [r, a.v];",
  ],
  [
    "compound on accessor",
    "class A { _v = 1; get v() { return this._v; } set v(x: number) { this._v = x * 2; } } const a = new A(); a.v += 3; a.v++; return [a.v];",
  ],
  [
    "instanceof chain",
    "class A {} class B extends A {} class C extends B {} const c = new C(); const a: A = new A(); return [c instanceof A, c instanceof B, a instanceof C, c instanceof Object, [] instanceof Object, [] instanceof Array];",
  ],
  [
    "typeof everything",
    'class K {} function f() { return 1; } const arrow = () => 2; const vals: unknown[] = [1, 1.5, "s", true, undefined, [1], { a: 1 }, f, arrow, K, new K(), NaN]; return vals.map((v) => typeof v);',
  ],
  [
    "typeof class and methods",
    "class K { m() { return 1; } static s() { return 2; } } const k = new K(); return [typeof K, typeof k.m, typeof K.s, typeof k];",
  ],
  [
    "error subclass",
    'class MyErr extends Error { constructor(msg: string, public code: number) { super(msg); this.name = "MyErr"; } } try { throw new MyErr("bad", 7); } catch (e) { if (e instanceof MyErr) return [e.message, e.name, e.code, String(e), e instanceof Error, e instanceof MyErr, `${e}`]; } return null;',
  ],
  [
    "error subclass default name and String",
    'class MyErr extends Error {} const e = new MyErr("m"); return [e.name, String(e), e.message, e instanceof Error];',
  ],
  ["error no message", "const e = new Error(); return [e.message, String(e), e.name];"],
  [
    "error rethrow nested",
    'const log: string[] = []; try { try { throw new Error("a"); } catch (e) { log.push("inner " + (e as Error).message); throw e; } finally { log.push("f1"); } } catch (e) { log.push("outer " + (e as Error).message); } return log;',
  ],
  [
    "return in finally overrides",
    'function f() { try { return 1; } finally { return 2; } } function g() { try { throw new Error("x"); } finally { return 3; } } return [f(), g()];',
  ],
  [
    "finally runs after return value eval",
    'const log: string[] = []; function f() { let x = 1; try { return x; } finally { x = 2; log.push("fin" + x); } } return [f(), log];',
  ],
  [
    "catch without binding",
    'let r = ""; try { JSON.parse("{"); } catch { r = "caught"; } return r;',
  ],
  [
    "error message of TypeError from python",
    'let r = ""; try { const o = null as unknown as { f(): void }; o.f(); } catch (e) { r = e instanceof TypeError ? "te" : "other"; } return r;',
  ],
  [
    "break out of try finally in loop",
    'const log: string[] = []; for (let i = 0; i < 3; i++) { try { if (i === 1) break; log.push("b" + i); } finally { log.push("f" + i); } } return log;',
  ],
  [
    "Function.prototype.name of classes and functions (the declared name, not Python's __name__)",
    'class Shape {} class Sq extends Shape {} function area() { return 1; } class Named { static name = "custom"; } const list = () => 1; void list; const kinds = [Shape, Sq]; return [Shape.name, Sq.name, area.name, (Sq).name, Named.name, kinds.length, `${Sq.name}:${area.name}`];',
  ],
  [
    "continue in finally loop",
    'const log: string[] = []; for (let i = 0; i < 3; i++) { try { if (i === 1) continue; log.push("b" + i); } finally { log.push("f" + i); } } return log;',
  ],
  [
    "private-name brand checks: fields, methods, accessors, static members, subclasses",
    "const out: unknown[] = []; out.push(C.has(new C()), C.has(new D()), C.has({}), C.has(C), C.has([]), D.hasY(new D()), D.hasY(new C()), _U.hasZ(new _U()), _U.hasZ({ z: 1 }), C.isC(new D()) ? new D().read() : -1); return out;",
    "class C { #x = 1; #m(): number { return this.#x; } get #g(): number { return 2; } static #s = 3; static has(o: object): boolean[] { return [#x in o, #m in o, #g in o, #s in o]; } static isC(o: object): o is C { return #x in o; } read(): number { return this.#m() + this.#g; } } class D extends C { #y: number | undefined; static hasY(o: object) { return #y in o; } } class _U { #z = 0; static hasZ(o: object) { return #z in o; } }",
  ],
  [
    "a constructor returning an object: new gives it (singleton, wrapper, Error subclass); a primitive is ignored",
    'const a = new Single(); a.n++; const b = new Single(); const w1 = new Wrap(1); const w2 = new Wrap(2, w1); const e1 = new E("x"); const e2 = new E("y", e1); return [a === b, b.n, w2 === w1, w2.v, e2 === e1, e2.message, e1 instanceof E, new P(1), new P(2), new P(3), new P(4) instanceof P, new P(3) instanceof P];',
    'class Single { static inst: Single | undefined; n = 0; constructor() { if (Single.inst) return Single.inst; Single.inst = this; this.n = 1; } } class Wrap { v: number; constructor(v: number, other?: Wrap) { this.v = v; if (other) { return other; } } } class E extends Error { constructor(m: string, keep?: E) { super(m); if (keep) return keep; } } class P { constructor(k: number) { const f = () => { return 5; }; if (k === 1) return f(); if (k === 2) return "s"; if (k === 3) return { o: 1 }; } }',
  ],
]);
