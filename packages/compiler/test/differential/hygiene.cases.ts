import { rows } from "./harness.js";

export default rows([
  [
    "builtin names as locals",
    'const len = 2; const str = "s"; const int = 3; const float = 1.5; const list = [len]; const dict = { len }; const range = 4; const type = "t"; return [len, str, int, float, list, dict, range, type, [1, 2].length, String(7)];',
  ],
  [
    "builtin names as parameters",
    'function f(print: number, len: string, sorted: number[], min: number, max: number) { return [print, len.length, sorted.length, Math.min(min, max), Math.max(min, max)]; } return f(1, "ab", [3, 1], 5, 2);',
  ],
  [
    "keywords as names",
    "const lambda = 1; const from = 2; const match = 3; const _case = 4; const None = 5; const True = 6; const pass = 7; const def = 8; const elif = 9; const nonlocal = 10; const not = 11; const is = 12; const del = 13; const global = 14; const raise = 15; const except = 16; const assert = 17; const and = 18; const or = 19; const _ = 20; return [lambda, from, match, _case, None, True, pass, def, elif, nonlocal, not, is, del, global, raise, except, assert, and, or, _];",
  ],
  [
    "renamed collisions len len_",
    "const len = 1; const len_ = 2; const len__1 = 3; const len_1 = 4; return [len, len_, len__1, len_1, [len, len_].length];",
  ],
  [
    "module level builtin shadow used by helpers",
    "return [complex, 2 ** 0.5 > 1, (-8) ** (1 / 3), String(1.5), slice, itertools];",
    "const complex = 3; const slice = 4; const itertools = 5;",
  ],
  [
    "module level OverflowError class",
    'let r = ""; try { throw new OverflowError("x"); } catch (e) { r = (e as Error).message; } return [r, String(2 ** 2000), 10 ** 400];',
    "class OverflowError extends Error {}",
  ],
  [
    "module level AttributeError class",
    'const a = new AttributeError("m"); return [a instanceof TypeError, a instanceof AttributeError, a.message];',
    "class AttributeError extends Error {}",
  ],
  [
    "builtin named functions",
    'return [print("a"), len([1, 2]), sorted([3, 1, 2]), str(4), max(1, 9), abs(-2)];',
    'function print(s: string) { return s + "!"; } function len(xs: number[]) { return xs.length * 10; } function sorted(xs: number[]) { return [...xs].sort(); } function str(n: number) { return `${n}`; } function max(a: number, b: number) { return a > b ? a : b; } function abs(n: number) { return n < 0 ? -n : n; }',
  ],
  [
    "builtin named functions with console.log",
    'console.log("hi", 1); print("x"); return [String(3), [1, 2].length];',
    'function print(s: string) { console.log("printed", s); }',
  ],
  [
    "builtin named classes",
    "const o = new dict(2); const l = new list(); l.push(1); return [o.v, l.items, o instanceof dict, String(o), JSON.stringify([o.v]), [1].length];",
    'class dict { constructor(public v: number) {} toString() { return "obj" + this.v; } } class list { items: number[] = []; push(x: number) { this.items.push(x); } }',
  ],
  [
    "class members named like builtins and keywords",
    "const c = new C(); return [c.len, c.print(), c.str, c.lambda, c.from(), c.None, c.type, C.self, c.cls()];",
    'class C { len = 1; str = "s"; lambda = 2; None = 3; type = "t"; static self = 4; print() { return this.len + 1; } from() { return this.lambda * 2; } cls() { return this.None; } }',
  ],
  [
    "object keys named like keywords",
    "const o = { lambda: 1, from: 2, None: 3, len: 4, self: 5, class: 6, def: 7 }; const { lambda, from: f, None, len } = o; return [o, lambda, f, None, len, o.class, o.def];",
  ],
  [
    "destructuring targets named like builtins",
    'const [len, str] = [1, "a"]; const { max, min = 3 } = { max: 5 } as { max: number; min?: number }; let print: number, sum: number; [print, sum] = [7, 8]; return [len, str, max, min, print, sum, Math.max(1, 2)];',
  ],
  [
    "loop variables named like builtins",
    "const out: number[] = []; for (const len of [1, 2]) out.push(len); for (let range = 0; range < 3; range++) out.push(range); for (const str in { a: 1 }) out.push(str.length); for (const [int, float] of [[1, 2]]) out.push(int + float); return out;",
  ],
  [
    "catch variable named like builtins",
    'let r = ""; try { throw new Error("boom"); } catch (len) { r = (len as Error).message + [1].length; } try { throw new Error("b2"); } catch (Exception) { r += (Exception as Error).message; } return r;',
  ],
  [
    "closure capturing builtin names",
    'function outer() { let len = 0; const add = (str: string) => { len += str.length; return len; }; add("ab"); add("c"); return [len, [1, 2, 3].length]; } return outer();',
  ],
  [
    "shadowing builtin names across scopes",
    "const len = 1; function f() { const len = 2; const g = () => { const len = 3; return len + [0].length; }; return [len, g()]; } return [len, f(), [0, 0].length];",
  ],
  [
    "local shadows module name used by inner closure",
    "function f() { const make = () => total * 2; const total_ = 1; return [make(), total_]; } return f();",
    "const total = 21;",
  ],
  [
    "param shadows outer name used in default",
    "function f(a = x, x2 = 1) { return a + x2; } return [f(), f(5)];",
    "const x = 10;",
  ],
  [
    "names starting with _js_ and Js",
    'const _js_str = (n: number) => "mine" + n; const JsError = 5; const _js_get = [1]; return [_js_str(1), JsError, _js_get, String(2.5), [1][3] ?? 0];',
  ],
  [
    "module names named like js helpers",
    'let r: string[] = []; try { throw new Error("x"); } catch (e) { r.push(String(e)); } return [_js_str(1), JsError, r, String(1.5)];',
    'function _js_str(n: number) { return "mine" + n; } const JsError = "je";',
  ],
  [
    "python module names as variables",
    'const math = 1; const json = "j"; const re = 2; const sys = 3; const functools = 4; const random = 5; const time = 6; const decimal = 7; return [math, json, re, sys, functools, random, time, decimal, Math.floor(2.5), JSON.stringify([1]), Math.PI > 3];',
  ],
  [
    "python module names at module level",
    'return [math, json, re, sys, functools, random, time, Math.floor(2.5), JSON.stringify({ a: [1] }), JSON.parse("[2]"), Math.random() < 1, Date.now() > 0, [3, 1, 2].reduce((a, b) => a + b)];',
    'const math = 1; const json = "j"; const re = 2; const sys = 3; const functools = 4; const random = 5; const time = 6;',
  ],
  [
    "itertools at module level with forEach growth",
    "const a = [1, 2]; a.forEach((x) => { if (x < 3) a.push(x + 10); }); return [a, itertools];",
    'const itertools = "it";',
  ],
  [
    "self and cls in class",
    "class K { self = 1; cls = 2; static cls = 3; m(self: number) { return self + this.self; } static s(cls: number) { return cls + this.cls; } } return [new K().m(10), K.s(20), new K().cls];",
  ],
  [
    "args name in subclass ctor",
    "class A { constructor(public a: number, public b: number) {} } class B extends A { args = 5; } const b = new B(1, 2); return [b.a, b.b, b.args];",
  ],
  [
    "args as module name with derived class",
    "class A { constructor(public a: number) {} } class B extends A { x = args; } return [new B(3).a, new B(3).x];",
    "const args = 9;",
  ],
  [
    "function named like temp",
    "const _t1 = 1; const _t2 = 2; const a = [1, 2, 3]; const o = { n: 1 }; o.n += _t1; const x = a[_t2] ?? 0; return [_t1, _t2, o, x, a.map((v) => v * _t2)];",
  ],
  [
    "dunder names",
    'const __name__ = "n"; const __init__ = 1; const __class__ = 2; return [__name__, __init__, __class__];',
  ],
  [
    "method named __init__ or __str__",
    "const c = new C(); return [c.__str__(), String(c), c.__len__()];",
    'class C { __str__() { return "s"; } __len__() { return 5; } toString() { return "t"; } }',
  ],
  [
    "class field named like method of python object",
    "const c = new C(); return [c.__dict__, c.keys, c.items, c.get, c.append];",
    "class C { __dict__ = 1; keys = 2; items = 3; get = 4; append = 5; }",
  ],
  [
    "object keys like dict methods",
    'const o: Record<string, number> = { keys: 1, items: 2, get: 3, pop: 4, update: 5 }; return [o.keys, o["items"], o.get, Object.keys(o), o.pop! + o.update!];',
  ],
  [
    "generator named like builtins",
    "function* range(n: number) { for (let i = 0; i < n; i++) yield i; } function* iter() { yield* range(2); } return [[...range(3)], [...iter()]];",
  ],
  [
    "enum named like builtin",
    "return [type.A, type[type.B], str.X];",
    'enum type { A, B } enum str { X = "x" }',
  ],
  [
    "property named __class__ on class",
    'class P { name = "p"; } const p = new P(); return [p.name, p instanceof P];',
  ],
  [
    "nested function with parameter named like outer function",
    "function len(x: number): number { return x * 2; } function g(len2: number) { function len(y: number) { return y + 1; } return len(len2); } return [len(3), g(3)];",
  ],
  [
    "user Error subclass named TypeError",
    'class TypeError extends Error {} let r: string[] = []; try { throw new TypeError("t"); } catch (e) { r.push(String(e instanceof TypeError), (e as Error).message); } return r;',
  ],
  [
    "user class named Exception",
    'class Exception { v = 1; } let r = ""; try { throw new Error("e"); } catch (e) { r = String(e instanceof Error) + new Exception().v; } return r;',
  ],
  [
    "ValueError named local with Number parse",
    'const ValueError = 1; const IndexError = 2; const KeyError = 3; const StopIteration = 4; return [ValueError, IndexError, KeyError, StopIteration, parseInt("12"), Number("x"), [1, 2].indexOf(2), "abc".at(-1)];',
  ],
  [
    "bool named local",
    'const bool = 1; const chr = "c"; const ord = 2; const repr = 3; const format = 4; return [bool, chr, ord, repr, format, String.fromCharCode(65), "A".charCodeAt(0), Boolean(0), (1.5).toFixed(2)];',
  ],
  [
    "getattr named local",
    'const getattr = 1; const hasattr = 2; const setattr = 3; const callable = 4; const vars = 5; const tuple = 6; const set = 7; return [getattr, hasattr, setattr, callable, vars, tuple, set, String({} as object), String(new Error("m"))];',
  ],
  [
    "class fields keyword and underscore collisions",
    "const c = new C(); return [c.lambda, c.lambda_, c.from, c.from_, c._, c.__, c.__x, c.S__x, c._C__y, c.a__b, c.type, c.y];",
    "class C { lambda = 1; lambda_ = 2; from = 3; from_ = 4; _ = 5; __ = 6; __x = 7; S__x = 8; _C__y = 9; a__b = 10; type = 11; #y = 12; #y_ = 13; get y() { return this.#y + this.#y_; } }",
  ],
  [
    "class fields in JSON keys and for-in",
    'const c = new C(); const keys: string[] = []; for (const k in c) keys.push(k); return [JSON.parse(JSON.stringify(c)), keys, "from" in c, "lambda_" in c, "x" in c, "__x" in c];',
    "class C { from = 1; lambda_ = 2; a__b = 3; __x = 4; type = 5; #p = 6; x = 7; p() { return this.#p; } }",
  ],
  [
    "class fields spread and rest",
    "const c = new C(); const o = { ...c }; return [o, c.q()];",
    "class C { from = 1; a__b = 2; _ = 3; #q = 4; q() { return this.#q; } }",
  ],
  [
    "class field dynamic key",
    'const c = new C(); const k = "from" as "from" | "a__b"; const k2 = "a__b" as "from" | "a__b"; return [c[k], c[k2]];',
    "class C { from = 1; a__b = 2; }",
  ],
  [
    "private names per class",
    "const b = new B(); return [b.getA(), b.getB(), JSON.stringify(b)];",
    "class A { #v = 1; #w_ = 10; getA() { return this.#v + this.#w_; } } class B extends A { #v = 2; #w_ = 20; getB() { return this.#v + this.#w_; } }",
  ],
  [
    "module level __x read in class",
    "return [new D().f(), __x];",
    "const __x = 5; class D { f() { return __x; } }",
  ],
  [
    "dunder class member names",
    "const c = new C(); return [c.__init__(), c.__eq__, c.__hash__, c.__len__(), c.__dict__, [c].includes(c), new Map([[c, 1]]).get(c), JSON.stringify(c)];",
    'class C { __eq__ = 1; __hash__ = 2; __dict__ = 3; __init__() { return "init"; } __len__() { return 0; } }',
  ],
  [
    "error JSON and fields",
    'class E2 extends Error { code = 3; constructor(m: string) { super(m); this.name = "E2"; } } return [JSON.stringify(new Error("x")), JSON.stringify(new E2("m"))];',
  ],
  [
    "instanceof Object",
    'class A {} const vals: unknown[] = [1, "s", true, null, undefined, [1], { a: 1 }, new A(), () => 1, new Map(), new Error("x")]; return vals.map((v) => v instanceof Object);',
  ],
]);
