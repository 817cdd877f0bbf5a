import { rows } from "./harness.js";

export default rows([
  [
    "builtins as callbacks",
    'return [["1", "2.5", "x"].map(Number), [0, 1, "", "a"].filter(Boolean), [1, 2].map(String), ["1", "2", "3"].map(parseInt), [1.5, 2.5].map(Math.round), [-1, 2].map(Math.abs), ["3.5px"].map(parseFloat)];',
  ],
  ["Math.floor as value", "const f = Math.floor; return [1.7, -1.2].map(f);"],
  ["literal and spread", "const a = [1, 2]; const b = [0, ...a, 3, ...[4, 5]]; return b;"],
  [
    "out of range read",
    "const a = [1, 2]; return [a[5] === undefined, a[-1] === undefined, a[1]];",
  ],
  ["length read", "const a = [1, 2, 3]; return a.length;"],
  ["length write truncate", "const a = [1, 2, 3, 4]; a.length = 2; return a;"],
  ["length write extend", "const a = [1]; a.length = 3; return a;"],
  ["index write append", "const a = [1]; a[a.length] = 2; a[0] = 9; return a;"],
  [
    "push pop",
    "const a = [1]; a.push(2, 3); const n = a.push(4); const p = a.pop(); return [a, n, p];",
  ],
  ["pop empty", "const a: number[] = []; return a.pop() === undefined;"],
  [
    "shift unshift",
    "const a = [1, 2, 3]; const s = a.shift(); a.unshift(0); const n = a.unshift(-2, -1); return [a, s, n];",
  ],
  ["shift empty", "const a: number[] = []; a.shift(); return a.shift() === undefined;"],
  [
    "slice",
    "const a = [1, 2, 3, 4, 5]; return [a.slice(1, 3), a.slice(-2), a.slice(), a.slice(2, -1), a.slice(4, 1)];",
  ],
  ["splice remove", "const a = [1, 2, 3, 4, 5]; const r = a.splice(1, 2); return [a, r];"],
  ["splice insert", "const a = [1, 2, 5]; a.splice(2, 0, 3, 4); return a;"],
  ["splice negative", "const a = [1, 2, 3, 4]; const r = a.splice(-2); return [a, r];"],
  ["splice replace", "const a = [1, 2, 3]; a.splice(1, 1, 9); return a;"],
  [
    "concat",
    "const a = [1], b = [2, 3]; return [a.concat(b), a.concat(b, [4]), a.concat(5 as never)];",
  ],
  [
    "indexOf lastIndexOf",
    "const a = [1, 2, 3, 2]; return [a.indexOf(2), a.indexOf(9), a.lastIndexOf(2), a.indexOf(2, 2)];",
  ],
  ["indexOf NaN", "const a = [NaN]; return a.indexOf(NaN);"],
  [
    "includes",
    'const a = [1, 2, 3]; const s = ["a", "b"]; return [a.includes(2), a.includes(5), s.includes("b")];',
  ],
  ["includes NaN", "const a = [NaN, 1]; return a.includes(NaN);"],
  [
    "includes objects by identity",
    "const o = { x: 1 }; const a = [o]; return [a.includes(o), a.includes({ x: 1 })];",
  ],
  [
    "join",
    'const a = [1, null, undefined, 2.5, "x"]; return [a.join(), a.join("-"), [].join(",")];',
  ],
  ["join nested", 'return [[1, [2, 3]], [4]].join(";");'],
  ["reverse", "const a = [1, 2, 3]; const b = a.reverse(); return [a, b === a];"],
  ["reverse statement", "const a = [1, 2, 3]; a.reverse(); return a;"],
  ["map", "return [1, 2, 3].map((x) => x * 2);"],
  ["map with index", "return [10, 20].map((x, i) => x + i);"],
  ["map with array", "return [1, 2].map((x, i, arr) => arr.length + x + i);"],
  ["map named function", "function sq(x: number) { return x * x; } return [1, 2, 3].map(sq);"],
  ["map block body", "return [1, 2, 3].map((x) => { const y = x * 3; return y - 1; });"],
  ["filter", "return [1, 2, 3, 4].filter((x) => x % 2 === 0);"],
  ["filter with index", "return [5, 6, 7].filter((_, i) => i !== 1);"],
  ["reduce", "return [1, 2, 3, 4].reduce((acc, x) => acc + x, 0);"],
  ["reduce no init", "return [1, 2, 3].reduce((a, b) => a * b);"],
  ["reduce with index", "return [1, 2, 3].reduce((acc, x, i) => acc + x * i, 0);"],
  [
    "reduce to object",
    'return ["a", "b"].reduce((acc, k, i) => { acc[k] = i; return acc; }, {} as Record<string, number>);',
  ],
  ["reduceRight", 'return ["a", "b", "c"].reduceRight((acc, x) => acc + x, "");'],
  ["forEach", "const out: number[] = []; [1, 2, 3].forEach((x) => out.push(x * 10)); return out;"],
  [
    "forEach index and return",
    "const out: number[] = []; [1, 2, 3, 4].forEach((x, i) => { if (x === 2) return; out.push(x + i); }); return out;",
  ],
  [
    "forEach named",
    "const out: number[] = []; function add(x: number) { out.push(x); } [5, 6].forEach(add); return out;",
  ],
  [
    "some every",
    "const a = [1, 2, 3]; return [a.some((x) => x > 2), a.some((x) => x > 5), a.every((x) => x > 0), a.every((x) => x > 1), [].every((x) => x)];",
  ],
  [
    "find findIndex",
    "const a = [5, 12, 8, 130]; return [a.find((x) => x > 10), a.find((x) => x > 1000) === undefined, a.findIndex((x) => x > 10), a.findIndex((x) => x > 1000)];",
  ],
  [
    "findLast findLastIndex",
    "const a = [5, 12, 8, 130]; return [a.findLast((x) => x < 100), a.findLastIndex((x) => x < 100), a.findLastIndex((x) => x > 1000)];",
  ],
  [
    "find objects",
    'const people = [{ name: "a", age: 3 }, { name: "b", age: 30 }]; return people.find((p) => p.age > 18)?.name;',
  ],
  ["flat", "const a = [1, [2, [3, [4]]]]; return [a.flat(), a.flat(2), a.flat(Infinity)];"],
  ["flatMap", 'return ["a b", "c"].flatMap((s) => s.split(" "));'],
  [
    "fill",
    "const a = [1, 2, 3, 4]; a.fill(0, 1, 3); return [a, new Array(3).fill(7), [1, 2].fill(9)];",
  ],
  ["new Array", "const a = new Array<number>(); a.push(1); return [a, new Array(2).length];"],
  [
    "Array.from",
    "return [Array.from([1, 2]), Array.from({ length: 3 }, (_, i) => i * i), Array.from([1, 2], (x) => x * 10)];",
  ],
  [
    "Array.from set map",
    'const s = new Set([3, 1, 3]); const m = new Map([["a", 1]]); return [Array.from(s), Array.from(m)];',
  ],
  ["Array.isArray of", 'return [Array.isArray([1]), Array.isArray("x"), Array.of(7, 8)];'],
  ["sort default is string order", "const a = [10, 9, 1, 100, 25]; a.sort(); return a;"],
  ["sort strings", 'const a = ["b", "a", "C", "c"]; a.sort(); return a;'],
  ["sort numeric comparator", "const a = [10, 9, 1, 100, 25]; a.sort((x, y) => x - y); return a;"],
  ["sort descending", "const a = [10, 9, 1, 100, 25]; a.sort((x, y) => y - x); return a;"],
  [
    "sort returns array",
    "const a = [3, 1, 2]; const b = a.sort((x, y) => x - y); return [b === a, b];",
  ],
  ["sort with undefined", "const a = [3, undefined, 1]; a.sort(); return a;"],
  [
    "sort objects by key",
    'const a = [{ n: "b", v: 2 }, { n: "a", v: 1 }, { n: "c", v: 1 }]; a.sort((x, y) => x.v - y.v); return a.map((x) => x.n);',
  ],
  [
    "sort stable comparator",
    'const a = ["bb", "a", "ccc", "dd"]; a.sort((x, y) => x.length - y.length); return a;',
  ],
  ["toSorted toReversed", "const a = [3, 1, 2]; return [a.toSorted(), a.toReversed(), a];"],
  ["at", "const a = [1, 2, 3]; return [a.at(0), a.at(-1), a.at(5) === undefined];"],
  [
    "keys values entries",
    'const a = ["x", "y"]; return [[...a.keys()], [...a.values()], [...a.entries()]];',
  ],
  [
    "for of entries",
    'const out: string[] = []; for (const [i, v] of ["a", "b"].entries()) out.push(i + v); return out;',
  ],
  ["for of array", "let s = 0; for (const x of [1, 2, 3]) s += x; return s;"],
  [
    "for in array",
    'const out: string[] = []; for (const k in ["a", "b"]) out.push(k); return out;',
  ],
  [
    "nested arrays",
    'const grid = [[1, 2], [3, 4]]; grid[1]![0] = 9; return grid.map((r) => r.join("")).join("/");',
  ],
  [
    "array of arrays length",
    "const g: number[][] = []; for (let i = 0; i < 3; i++) { g.push([]); for (let j = 0; j <= i; j++) g[i]!.push(j); } return g;",
  ],
  ["array equality identity", "const a = [1]; const b = a; b.push(2); return a;"],
  ["array toString", 'return [String([1, 2]), `${[3, 4]}`, [1, 2] + ""];'],
  ["spread copy independent", "const a = [1, 2]; const b = [...a]; b.push(3); return [a, b];"],
  [
    "indexed loop",
    "const a = [4, 5, 6]; let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * i; return s;",
  ],
  [
    "reverse loop",
    "const a = [4, 5, 6]; const out: number[] = []; for (let i = a.length - 1; i >= 0; i--) out.push(a[i]!); return out;",
  ],
  [
    "loop with push changes length",
    "const a = [1, 2]; for (let i = 0; i < a.length; i++) { if (a[i]! < 3) a.push(a[i]! + 2); } return a;",
  ],
  [
    "step loop",
    "const out: number[] = []; for (let i = 0; i < 10; i += 3) out.push(i); return out;",
  ],
  [
    "inclusive loop",
    "const out: number[] = []; for (let i = 1; i <= 3; i++) out.push(i); return out;",
  ],
  ["map of strings to lengths", 'return ["a", "bb"].map((s) => s.length);'],
  [
    "filter then map chain",
    "return [1, 2, 3, 4, 5].filter((x) => x > 2).map((x) => x * x).reduce((a, b) => a + b, 0);",
  ],
  ["sum with reduce float", "return [0.1, 0.2, 0.3].reduce((a, b) => a + b, 0);"],
  [
    "includes string in template arr",
    'const tags = ["a"]; return tags.includes("a") ? "has" : "not";',
  ],
  ["every on strings", 'return ["ab", "cd"].every((s) => s.length === 2);'],
  ["array destructure swap", "let a = 1, b = 2; [a, b] = [b, a]; return [a, b];"],
  ["array with holes read", "const a = [1, , 3]; return [a[1] === undefined, a.length];"],
  ["callback declared with rest", "return [1, 2].map((...args: unknown[]) => args.length);"],
  [
    "slice fractional and out of range args",
    "const a = [1, 2, 3, 4, 5]; return [a.slice(-2.5), a.slice(1.7, 3.2), a.slice(-100, 100), a.slice(NaN), a.slice(2, -Infinity), a.slice(Infinity)];",
  ],
  [
    "splice negative start and counts",
    "const a = [1, 2, 3, 4, 5]; const r1 = a.splice(-2, 1); const b = [1, 2, 3]; const r2 = b.splice(1, 0); const c = [1, 2, 3]; const r3 = c.splice(1, 100); const d = [1, 2, 3]; const r4 = d.splice(-10, 1, 9, 8); const e = [1, 2, 3]; const r5 = e.splice(1, -1, 7); return [a, r1, b, r2, c, r3, d, r4, e, r5];",
  ],
  [
    "fill start end",
    "return [[1, 2, 3, 4].fill(0, -2), [1, 2, 3, 4].fill(0, 1, -1), [1, 2, 3].fill(5, 10), [1, 2, 3, 4].fill(9, 1.5, 3.5), [1, 2, 3].fill(0, -Infinity, Infinity)];",
  ],
  [
    "indexOf lastIndexOf fromIndex",
    "const a = [1, 2, 1, 2]; return [a.indexOf(1, -1), a.indexOf(1, -2), a.lastIndexOf(2, -2), a.lastIndexOf(1, 0), a.lastIndexOf(2, 10), a.indexOf(2, 1.5), a.lastIndexOf(1, -10), a.indexOf(1, 100)];",
  ],
  ["at fractional", "const a = [1, 2, 3]; return [a.at(-1.5), a.at(1.9), a.at(-4), a.at(NaN)];"],
  [
    "flat depths",
    "const a = [1, [2, [3, [4, [5]]]]]; return [a.flat(0), a.flat(-1), a.flat(1.5), a.flat(3)];",
  ],
  [
    "includes indexOf NaN values",
    'const x = 0 / 0; const a = [x, 1]; const n = Number("abc"); return [a.includes(NaN), a.includes(n), [Number("q")].includes(n), a.indexOf(n)];',
  ],
  [
    "includes NaN pushed",
    'const a: number[] = []; a.push(0 / 0); const n = parseFloat("x"); return [a.includes(n), a.includes(0 / 0)];',
  ],
  [
    "sort comparator from conditional",
    "const a = [3, 1, 2, 5, 4]; a.sort((x, y) => (x > y ? 1 : -1)); return a;",
  ],
  [
    "sort comparator without parameters",
    "const a = [3, 1, 2]; a.sort(() => 0); const b = [2, 1]; b.sort(() => NaN); return [a, b];",
  ],
  [
    "sort reverse aliasing",
    "const a = [3, 1, 2]; const b = a.sort(); b.push(9); const c = a.reverse(); c.push(0); return [a, b, c];",
  ],
  [
    "default sort negative and float numbers",
    "const a = [-1, -2, 10, 1, 0.5, -0.5]; a.sort(); return a;",
  ],
  [
    "join null undefined booleans",
    'const a: (number | null | undefined)[] = [null, 1, undefined, 2]; return [a.join(), a.join(""), [[1, null], [undefined]].join(";"), [true, false].join()];',
  ],
  [
    "Array.from length string set keys",
    'const m = new Map([[1, "a"]]); return [Array.from({ length: 2.7 }, (_, i) => i), Array.from("h\u00e9llo"), Array.from(new Set("aab")), Array.from(m.keys()), Array.from(m.values()), Array.from({ length: 0 })];',
  ],
  [
    "new Array holes",
    'const a = new Array<number>(3); return [a.length, a[0] === undefined, a.map(() => 1).length, a.join("-")];',
  ],
  [
    "length shrink then grow",
    "const a = [1, 2, 3, 4]; a.length = 1; a.length = 3; a[1] = 5; return [a, a.length];",
  ],
  [
    "spread strings maps sets",
    'const m = new Map([["a", 1], ["b", 2]]); const s = new Set([1, 2, 2]); return [[..."abc"], [...m], [...s], [...m.keys(), ...s]];',
  ],
  [
    "mutators return the same array",
    "const a = [1, 2, 3]; return [a.reverse() === a, a.sort() === a, a.fill(0) === a];",
  ],
  [
    "sort undefined with numbers",
    "const a = [10, undefined, 2, undefined, 1]; a.sort(); return a;",
  ],
  [
    "push spread unshift nothing",
    "const a: number[] = []; const n = a.push(...[1, 2, 3]); return [n, a.unshift(), a];",
  ],
  [
    "indexOf objects identity",
    "const o = {}; const a = [{}, o]; return [a.indexOf(o), a.lastIndexOf({}), a.includes(o)];",
  ],
  [
    "includes fromIndex variants",
    "const a = [1, 2, 3]; return [a.includes(1, 1), a.includes(3, -1), a.includes(1, -100), a.includes(3, 1.5)];",
  ],
  [
    "includes number and boolean",
    "const a: (number | boolean)[] = [true, 0]; return [a.includes(1), a.includes(false), a.indexOf(1), a.indexOf(true)];",
  ],
  [
    "empty array predicates",
    "const a: number[] = []; return [a.every((x) => x > 0), a.some((x) => x > 0), a.find((x) => x > 0) === undefined, a.findIndex((x) => x > 0)];",
  ],
  [
    "reduceRight without init",
    "return [[1, 2, 3].reduceRight((a, b) => a - b), [[1], [2]].reduceRight((acc, x) => acc.concat(x), [] as number[])];",
  ],
  [
    "reduce callback with one parameter",
    "return [[1, 2, 3].reduce((acc) => acc + 1, 0), [4, 5].reduce((acc: number) => acc * 2, 1)];",
  ],
  [
    "map sees later element writes",
    "const a = [1, 2, 3]; const r = a.map((x, i, arr) => { if (i === 0) arr[2] = 10; return x; }); return r;",
  ],
  [
    "filter callback writes elements",
    "const a = [1, 2, 3]; const r = a.filter((x, i, arr) => { arr[i] = x * 2; return true; }); return [a, r];",
  ],
  [
    "forEach push during iteration",
    "const a = [1, 2]; let n = 0; a.forEach((x) => { n++; if (a.length < 5) a.push(x); }); const b = [1, 2]; b.forEach((x, i) => { if (i < 3) b[b.length] = x * 10; }); return [n, a, b];",
  ],
  [
    "forEach shift during iteration",
    "const a = [1, 2, 3, 4]; const seen: number[] = []; a.forEach((x) => { seen.push(x); if (x === 1) a.shift(); }); return [seen, a];",
  ],
  [
    "concat empty copies",
    "const a = [1]; const b = a.concat(); b.push(2); return [a, b, a === b];",
  ],
  ["flatMap non array results", "return [1, 2].flatMap((x) => (x === 1 ? [x, [x]] : x));"],
  ["Array.of one and none", "return [Array.of(3), Array.of()];"],
  [
    "lastIndexOf NaN and negative from",
    "return [[NaN].lastIndexOf(NaN), [1, 2, 1].lastIndexOf(1, -1)];",
  ],
  ["length compound assignment", "const a = [1, 2, 3]; a.length -= 1; a.length++; return a;"],
  // new Array(n) / Array(n): n holes, read as undefined (a hole-skipping method on an array that
  // certainly has holes is BPY1041)
  [
    "Array(n) without new, spread of holes, fill, length",
    'const s: number[] = []; [...Array(3)].forEach((_, i) => s.push(i)); const n = 2; return [s, Array(3).fill(0), Array(n).fill("x"), Array(4).length, Array<number>(2), Array(1, 2), new Array("a", "b"), [...new Array(2)].map((x) => x === undefined), Array.from(Array(2), (_, i) => i), Array(n).join("-")];',
  ],
  [
    "new Array(n) filled by index then mapped",
    "const b = new Array<number>(3); for (let i = 0; i < b.length; i++) b[i] = i * 2; return [b.map((x) => x + 1), b.indexOf(4)];",
  ],
  [
    "new Array(n) length is checked: negative, fractional, too large throw RangeError",
    'const out: string[] = []; const m = -1; for (const f of [() => new Array(-1), () => Array(m), () => new Array(2.5), () => Array(2 ** 32)]) { try { f(); out.push("ok"); } catch (e) { out.push((e as Error).name); } } return [out, new Array(0).length, Array(2 ** 32 - 2 ** 32).length];',
  ],
]);
