import { rows } from "./harness.js";

// Compound assignments whose target object and key have side effects: each runs once, in
// JavaScript's order (object, key, read, right-hand side, write).
const top = `
const log: string[] = [];
let arr = [5, 6, 7, 8];
const nums: (number | null)[] = [null, 0, 3, null];
const rec: Record<string, number> = { a: 1, b: 2 };
class Box { v = 3; w: number | null = null; items = [1, 2, 3]; }
const box = new Box();
function idx(i: number): number { log.push("idx" + i); return i; }
function key(k: string): string { log.push("key" + k); return k; }
function list(): number[] { log.push("list"); return arr; }
function holder(): Box { log.push("box"); return box; }
function rhs(v: number): number { log.push("rhs"); return v; }
`;

const ops = ["+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^="];

export default rows([
  ...ops.map((op): [string, string, string] => [
    `statement ${op} on list()[idx()]`,
    `list()[idx(1)] ${op} rhs(3); list()[idx(2)] ${op} 2; return [log, arr];`,
    top,
  ]),
  ...ops.map((op): [string, string, string] => [
    `value of ${op} on list()[idx()]`,
    `const r = (list()[idx(1)] ${op} rhs(3)); const s = (arr[idx(2)] ${op} 2); return [r, s, log, arr];`,
    top,
  ]),
  [
    "logical assignments on list()[idx()] as statements",
    "const a: (number | null)[] = [null, 0, 3]; const g = () => { log.push('g'); return a; };" +
      "g()[idx(0)] ??= rhs(1); g()[idx(2)] ??= rhs(9); g()[idx(1)] ||= rhs(4); g()[idx(2)] ||= rhs(9);" +
      "g()[idx(0)] &&= rhs(5); g()[idx(1)] &&= rhs(6); return [log, a];",
    top,
  ],
  [
    "logical assignments as values",
    "const a: (number | null)[] = [null, 0, 3]; const g = () => { log.push('g'); return a; };" +
      "const r = [(g()[idx(0)] ??= rhs(1)), (g()[idx(2)] ??= rhs(9)), (g()[idx(1)] ||= rhs(4))," +
      "(g()[idx(2)] ||= rhs(9)), (g()[idx(0)] &&= rhs(5)), (nums[idx(1)] &&= rhs(6))];" +
      "return [r, log, a, nums];",
    top,
  ],
  [
    "logical assignments on a setter run it only when writing",
    "class S { private x = 0; sets = 0; get v(): number { return this.x; } set v(n: number) { this.sets++; this.x = n; } }" +
      "const s = new S(); const f = () => { log.push('f'); return s; };" +
      "f().v ||= 2; f().v ||= 3; const r = (f().v ||= 4); f().v &&= 5; f().v ??= 6; return [r, s.v, s.sets, log];",
    top,
  ],
  [
    "record keys with effects",
    "rec[key('a')] += rhs(1); rec[key('b')] %= 2; rec[key('c')] ??= 7; rec[key('a')] ||= 9; " +
      "const r = (rec[key('b')] **= 2); rec[key('a')]++; const s = rec[key('b')]--; return [r, s, rec, log];",
    top,
  ],
  [
    "object expressions with effects",
    "holder().v += rhs(1); holder().v %= 3; holder().v **= 3; holder().w ??= rhs(4); holder().w ||= 5;" +
      "const r = (holder().v -= 1); holder().v++; const s = ++holder().v; const t = holder().w!--;" +
      "holder().items[idx(0)] %= 2; const u = holder().items[idx(1)]++; return [r, s, t, u, box.v, box.w, box.items, log];",
    top,
  ],
  [
    "increments on list()[idx()]",
    "list()[idx(0)]++; ++list()[idx(1)]; list()[idx(2)]--; const r = [list()[idx(3)]++, ++list()[idx(3)], list()[idx(0)]--, --list()[idx(1)]]; return [r, arr, log];",
    top,
  ],
  [
    "index with an increment",
    "let i = 0; arr[i++] %= 3; arr[i++] += 1; arr[i++] ??= 1; const r = (arr[i++] *= 2); arr[--i]++; return [i, r, arr];",
    top,
  ],
  [
    "right side reassigns the index variable",
    "let i = 1; const bump = () => { i = 3; return 2; }; arr[i] %= bump(); i = 0; arr[i] **= bump(); i = 1; arr[i] ??= bump(); return [i, arr];",
    top,
  ],
  [
    "key evaluation reassigns the list variable",
    "const other = [100, 200]; const swap = () => { const old = arr; arr = other; return 1; }; arr[swap()] %= 7; return [arr, other];",
    top,
  ],
  [
    "plain assignment evaluates the target before the value",
    "list()[idx(1)] = rhs(9); holder().v = rhs(4); rec[key('z')] = rhs(2); const a = [0, 0]; a[idx(0)] = a[idx(1)] = rhs(5); return [arr, box.v, rec, a, log];",
    top,
  ],
  [
    "string += with a key with effects",
    "const words = ['a', 'b']; words[idx(1)] += 'x' + rhs(1); const r = (words[idx(0)] += '!'); return [words, r, log];",
    top,
  ],
  [
    "array length compound with effects",
    "list().length -= rhs(1); list().length++; return [arr, log];",
    top,
  ],
]);
