import { rows } from "./harness.js";

export default rows([
  [
    "an object's own toString in String(), templates and +",
    'const o = { toString: () => "Q" }; const p = { n: 1 }; return [String(o), `${o}`, "x" + o, String(p), `${p}`];',
  ],
  [
    "Object.keys/values/entries of primitives and arrays",
    'const n: number = 42; const b: boolean = true; const s: string = "a😀"; const xs: number[] = [7, 8]; return [Object.entries(n), Object.values(b), Object.keys(s), Object.values(s).length, Object.entries(xs), Object.values(xs)];',
  ],
  ["object literal", 'return { a: 1, b: "x", c: [1, 2], d: { e: null } };'],
  ["property read write", "const o = { a: 1, b: 2 }; o.a = 5; o.b += 1; return o;"],
  ["computed keys", 'const k = "dyn"; const n = 3; return { [k]: 1, ["x" + n]: 3 };'],
  [
    "numeric keys become strings",
    'const o: Record<number, string> = {}; o[1] = "a"; o[2] = "b"; return [Object.keys(o), o[1]];',
  ],
  ["shorthand", "const a = 1, b = 2; return { a, b };"],
  ["spread", "const a = { x: 1, y: 2 }; const b = { ...a, y: 3, z: 4 }; return [a, b];"],
  [
    "record dynamic access",
    'const r: Record<string, number> = { a: 1 }; const k = "a"; r[k] = r[k]! + 1; r["b"] = 0; return r;',
  ],
  [
    "missing key undefined",
    'const r: Record<string, number> = {}; return r["nope"] === undefined;',
  ],
  [
    "optional property",
    "const o: { a: number; b?: number } = { a: 1 }; return [o.b === undefined, o.b ?? 7];",
  ],
  [
    "Object.keys values entries",
    "const o = { a: 1, b: 2 }; return [Object.keys(o), Object.values(o), Object.entries(o)];",
  ],
  [
    "Object.entries loop",
    'const o = { a: 1, b: 2 }; const out: string[] = []; for (const [k, v] of Object.entries(o)) out.push(k + "=" + v); return out;',
  ],
  [
    "Object.assign",
    "const t = { a: 1 }; Object.assign(t, { b: 2 }); const r = Object.assign({}, t, { c: 3 }); return [t, r];",
  ],
  ["Object.fromEntries", 'return Object.fromEntries([["a", 1], ["b", 2]]);'],
  [
    "for in object",
    "const o = { x: 1, y: 2 }; const out: string[] = []; for (const k in o) out.push(k); return out;",
  ],
  ["in operator", 'const o: { a?: number } = { a: 1 }; return ["a" in o, "b" in o];'],
  ["delete", 'const o: Record<string, number> = { a: 1, b: 2 }; delete o["a"]; return o;'],
  ["nested objects", "const o = { p: { q: { r: 1 } } }; o.p.q.r = 2; return o;"],
  ["object identity", "const a = { x: 1 }; const b = a; b.x = 2; return a.x;"],
  [
    "object method no this",
    "const o = { f(x: number) { return x + 1; }, g: (x: number) => x * 2 }; return [o.f(1), o.g(2)];",
  ],
  [
    "map basic",
    'const m = new Map<string, number>(); m.set("a", 1); m.set("b", 2); m.set("a", 3); return [m.get("a"), m.get("z") === undefined, m.has("b"), m.size];',
  ],
  [
    "map init and iterate",
    'const m = new Map([["x", 1], ["y", 2]]); const out: string[] = []; for (const [k, v] of m) out.push(k + v); return out;',
  ],
  [
    "map delete",
    'const m = new Map([["x", 1]]); const d1 = m.delete("x"); const d2 = m.delete("x"); m.delete("q"); return [d1, d2, m.size];',
  ],
  [
    "map keys values entries",
    'const m = new Map([[1, "a"], [2, "b"]]); return [[...m.keys()], [...m.values()], [...m.entries()]];',
  ],
  [
    "map forEach",
    'const m = new Map([["a", 1], ["b", 2]]); const out: string[] = []; m.forEach((v, k) => out.push(k + v)); return out;',
  ],
  [
    "map set chain",
    'const m = new Map<string, number>(); m.set("a", 1).set("b", 2); return [...m.keys()];',
  ],
  [
    "map insertion order",
    "const m = new Map<number, number>(); m.set(3, 0); m.set(1, 0); m.set(2, 0); return [...m.keys()];",
  ],
  [
    "map object keys",
    'class K { id = 1; } const k1 = new K(), k2 = new K(); const m = new Map<K, string>(); m.set(k1, "a"); return [m.has(k1), m.has(k2)];',
  ],
  ["map clear", 'const m = new Map([["a", 1]]); m.clear(); return m.size;'],
  [
    "set basic",
    "const s = new Set<number>(); s.add(1); s.add(2); s.add(1); return [s.size, s.has(1), s.has(5)];",
  ],
  ["set order", "const s = new Set([3, 1, 3, 2, 1]); return [...s];"],
  [
    "set delete",
    "const s = new Set([1, 2]); const d = s.delete(1); s.delete(9); return [d, [...s]];",
  ],
  [
    "set iterate",
    'const s = new Set(["b", "a"]); const out: string[] = []; for (const x of s) out.push(x); return out;',
  ],
  ["set forEach", "const s = new Set([1, 2]); let t = 0; s.forEach((x) => { t += x; }); return t;"],
  ["set add chain", "const s = new Set<number>(); s.add(1).add(2); return s.size;"],
  ["set from string dedupe", 'return [...new Set("hello")].join("");'],
  ["JSON.stringify basic", 'return JSON.stringify({ a: 1, b: [true, null], c: "s", d: 1.5 });'],
  [
    "JSON.stringify indent",
    "return JSON.stringify({ a: 1, b: [1, 2], c: {}, d: [] , e: { f: null } }, null, 2);",
  ],
  ["JSON.stringify indent string", 'return JSON.stringify([1, { a: 2 }], null, "--");'],
  [
    "JSON.stringify escapes",
    'return JSON.stringify("quote\\" back\\\\ nl\\n tab\\t ctrl\\u0001 é ☃");',
  ],
  [
    "JSON.stringify numbers",
    "return JSON.stringify([1, 1.0, 0.1 + 0.2, 1e21, 1e-7, -0, NaN, Infinity]);",
  ],
  ["JSON.stringify nested", "return JSON.stringify({ x: [[1, [2]], { y: { z: [] } }] });"],
  ["JSON.stringify undefined in array", "return JSON.stringify([undefined, 1]);"],
  ["JSON.stringify function dropped", "return JSON.stringify({ a: 1, f: () => 1 });"],
  ["JSON.stringify class instance", "class P { x = 1; y = [2]; } return JSON.stringify(new P());"],
  [
    "JSON.stringify toJSON",
    'class D { toJSON() { return "custom"; } } return JSON.stringify({ d: new D() });',
  ],
  ["JSON.stringify string top", 'return JSON.stringify("x");'],
  ["JSON.stringify big indent", "return JSON.stringify({ a: [1] }, null, 20);"],
  [
    "JSON.parse",
    'const v = JSON.parse(\'{"a": [1, 2.5, "x", null, true], "b": {"c": 1e3}}\') as { a: unknown[]; b: { c: number } }; return [v.a, v.b.c, JSON.stringify(v)];',
  ],
  [
    "JSON roundtrip",
    "const o = { a: [1, { b: 2 }] }; return JSON.parse(JSON.stringify(o)) as unknown;",
  ],
  [
    "interface object",
    "interface Pt { x: number; y: number } const p: Pt = { x: 1, y: 2 }; function len(q: Pt) { return q.x + q.y; } return len(p);",
  ],
  [
    "array of records",
    'const rows = [{ n: "a", v: 1 }, { n: "b", v: 2 }]; return rows.map((r) => `${r.n}:${r.v}`).join(",");',
  ],
  ["object in array mutate", "const xs = [{ c: 0 }]; xs[0]!.c++; xs[0]!.c += 2; return xs;"],
  [
    "object with method call on property",
    'const o = { name: "ada" }; return o.name.toUpperCase();',
  ],
  [
    "hasOwnProperty-like via in",
    'const o: Record<string, boolean> = { k: false }; return "k" in o && !o["k"];',
  ],
  [
    "integer-like literal keys",
    'const o: Record<string, string> = { 1: "a", b: "c" }; return [o["1"], Object.keys(o), "1" in o];',
  ],
  [
    "delete then re-add key",
    "const o: Record<string, number> = { a: 1, b: 2 }; delete o.a; o.a = 3; return Object.keys(o);",
  ],
  ["in on arrays", 'const a = [1, 2]; return ["0" in a, 2 in a, "length" in a, 1 in a];'],
  [
    "Object.assign returns target",
    "const t = { a: 1 }; const r = Object.assign(t, { b: 2 }); r.a = 9; return [t, r === t];",
  ],
  [
    "spread override order",
    "const a = { x: 1, y: 2 }; const d = { x: 0 } as { x: number }; return [{ ...d, ...a }, { ...a, x: 0 }, { ...a, ...{ y: 5 } }];",
  ],
  [
    "computed number keys",
    'const k = 2; const o: Record<number, string> = { [k]: "two", 1.5: "x" }; return [o[2], o[1.5], Object.keys(o)];',
  ],
  [
    "map NaN key",
    'const m = new Map<number, string>(); m.set(NaN, "n"); m.set(0 / 0, "m"); return [m.size, m.get(NaN)];',
  ],
  [
    "map string and number keys distinct",
    'const m = new Map<number | string, string>(); m.set(1, "a"); m.set("1", "b"); return [m.size, m.get(1)];',
  ],
  [
    "map integral float key",
    'const m = new Map<number, string>(); m.set(1, "a"); m.set(1.0, "b"); m.set(0.5 + 0.5, "c"); return [m.size, [...m.values()]];',
  ],
  [
    "map set existing keeps order",
    'const m = new Map([["a", 1], ["b", 2]]); m.set("a", 5); return [...m.entries()];',
  ],
  [
    "map delete then re-add moves last",
    'const m = new Map([["a", 1], ["b", 2]]); m.delete("a"); m.set("a", 5); return [...m.keys()];',
  ],
  [
    "object key order after overwrite",
    "const o: Record<string, number> = { a: 1, b: 2 }; o.a = 3; return Object.entries(o);",
  ],
  ["Object.keys of string", 'return Object.keys("ab");'],
  [
    "optional chain nested",
    "const o: { a?: { b?: number[] } } = { a: {} }; return [o.a?.b?.[0], o.a?.b?.length ?? -1];",
  ],
  [
    "nullish assign properties",
    "const o: { a?: number; b: number | null } = { b: null }; o.a ??= 5; o.b ??= 6; o.a ??= 7; return o;",
  ],
  [
    "logical assign record",
    'const r: Record<string, number> = { x: 0 }; r["x"] ||= 4; r["y"] ||= 5; r["x"] &&= 9; return r;',
  ],
  [
    "map undefined value",
    'const m = new Map<string, number | undefined>([["a", undefined]]); return [m.has("a"), m.get("a") === undefined, m.size];',
  ],
  [
    "set of instances identity",
    "class P { constructor(public x: number) {} } const p = new P(1); const s = new Set<P>([p, new P(1), p]); return s.size;",
  ],
  [
    "for of map nested destructuring default",
    'const m = new Map([["a", [1, 2]], ["b", [3]]]); const out: string[] = []; for (const [k, [first, second = 0]] of m) out.push(k + first + second); return out;',
  ],
  [
    "map forEach three params",
    'const m = new Map([["a", 1]]); const out: unknown[] = []; m.forEach((v, k, mm) => out.push(k, v, mm.size)); return out;',
  ],
  [
    "set forEach value as key",
    'const s = new Set(["a", "b"]); const out: string[] = []; s.forEach((v, k) => out.push(v + k)); const f = (v: string, k: string, ss: Set<string>) => { out.push(k + ss.size); }; s.forEach(f); return out;',
  ],
  ["Object.fromEntries of map", 'const m = new Map([["a", 1]]); return Object.fromEntries(m);'],
  [
    "nested rest patterns",
    "const [a, ...[b, ...c]] = [1, 2, 3, 4]; const { x, ...rest } = { x: 1, y: { z: 2 }, w: 3 }; return [a, b, c, x, rest];",
  ],
  ["swap array elements", "const a = [1, 2, 3]; [a[0], a[2]] = [a[2]!, a[0]!]; return a;"],
  ["swap properties", "const o = { x: 1, y: 2 }; [o.x, o.y] = [o.y, o.x]; return o;"],
  [
    "destructuring defaults evaluated lazily",
    "let n = 0; const f = () => ++n; const [a = f(), b = f()] = [5]; return [a, b, n];",
  ],
  [
    "destructuring assignment defaults",
    "let a: number, b: number; [a = 10, b = 20] = [1]; return [a, b];",
  ],
  [
    "destructuring computed key",
    'const k = "q"; const { [k]: v } = { q: 3 } as Record<string, number>; return v;',
  ],
  [
    "nested object rest",
    "const { a: { b, ...r }, ...s } = { a: { b: 1, c: 2 }, d: 3 }; return [b, r, s];",
  ],
  [
    "destructuring a map",
    'const m = new Map([["ab", "c"], ["de", "f"]]); const [[k0, v0], second] = m; const [e] = [m]; const [[[k1]]] = [m]; return [k0, v0, second, k1, e.size];',
  ],
  [
    "destructuring a map parameter",
    'function f([[k, v]]: Map<string, number>) { return k + v; } return f(new Map([["ab", 1]]));',
  ],
  [
    "destructuring map entries numbers",
    'const m = new Map([[2, "b"], [1, "a"]]); const [[k0, v0]] = m; return [k0, v0, Math.max(...m.keys())];',
  ],
]);
