/**
 * Seeded fuzzing of the names and strings that reach Python source (issue 21: string-named
 * members were emitted raw): class fields, methods, getters and statics with string names, enum
 * members, object-literal keys, string literals and identifiers drawn from a pool of hostile
 * pieces (quotes, backslashes, newlines, `'''`, `"""`, braces, `#`, unicode, U+200C/U+200D, `$`,
 * Python hard and soft keywords, dunder names such as `__builtins__`, `__debug__`, `__class__`,
 * `__init__`). Each case must compile, load and give Node's result: `JSON.stringify`, `for…in`,
 * `in`, `Object.keys` and enum reverse mappings must see the original JavaScript names.
 */
import type { Case } from "./harness.js";

/** Pieces of member names and string literals. */
const PIECES = [
  "a",
  "b",
  "x",
  "S",
  "U",
  "P",
  "_",
  "__",
  "$",
  "'",
  '"',
  "\\",
  "\n",
  "\r",
  "\t",
  "'''",
  '"""',
  "{",
  "}",
  "{{",
  "#",
  " ",
  ".",
  ":",
  "é",
  "日本",
  "😀",
  "\u200c",
  "\u200d",
  "\u2028",
  "\x7f",
  "\0",
  "\ud800",
  "ﬁ",
  "1",
  "0020",
  "from",
  "class",
  "None",
  "True",
  "lambda",
  "match",
  "case",
  "type",
  "__builtins__",
  "__debug__",
  "__class__",
  "__init__",
  "__dict__",
  "_C__x",
  "S__x",
];

/** Whole names (kept as they are). */
const WHOLE = [
  "",
  "_",
  "__",
  "$",
  "from",
  "from_",
  "from__",
  "None",
  "match",
  "case",
  "type",
  "print",
  "self",
  "__builtins__",
  "__debug__",
  "__class__",
  "__init__",
  "__dict__",
  "__x",
  "S__x",
  "_C__x",
  "a b",
  "a'b",
  'a"b',
  "a\\b",
  "a\nb",
  "'''",
  '"""',
  "{x}",
  "#x",
  "a_0020b",
  "a_0020b_",
  "x_",
  "U",
  "_U01f600",
  "\u200c",
  "a\u200db",
  "ﬁ",
  "fi",
  "1x",
  "01",
];

/** Valid JavaScript identifiers that are not plain Python names (or are Python's). */
const IDENTS = [
  "$",
  "$x",
  "x$",
  "_",
  "__",
  "__builtins__",
  "__debug__",
  "__class__",
  "__init__",
  "__name__",
  "__x",
  "match",
  "type",
  "from",
  "None",
  "True",
  "lambda",
  "def",
  "pass",
  "print",
  "café",
  "a\u200cb",
  "a\u200db",
  "ℌ",
  "H",
  "ﬁ",
  "fi",
  "日本",
];

/** Members a class must not redefine (TypeScript or JavaScript give them a meaning). */
const RESERVED = new Set(["constructor", "prototype", "__proto__", "name", "length"]);

/** Minimal standard LCG: the same sequence on every run. */
function prng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 48271) % 2147483647;
    return s % n;
  };
}

/** A TypeScript string literal of `s` (JSON's escapes are TypeScript's). */
const lit = (s: string): string => JSON.stringify(s);

function caseFor(i: number): Case {
  const rnd = prng(1000 + i);
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
  const used = new Set<string>(RESERVED);
  const name = (): string => {
    for (;;) {
      let n = "";
      if (rnd(3) === 0) n = pick(WHOLE);
      else for (let k = 1 + rnd(3); k > 0; k--) n += pick(PIECES);
      // integer-like keys come first in JavaScript objects (a documented difference)
      if (/^(0|[1-9]\d*)$/.test(n) || used.has(n)) continue;
      used.add(n);
      return n;
    }
  };
  const str = (): string => {
    let s = "";
    for (let k = rnd(4); k > 0; k--) s += pick(PIECES);
    return s;
  };
  const [f1, f2, m1, g1, s1, s2] = [name(), name(), name(), name(), name(), name()];
  const [e1, e2, e3] = [name(), name(), name()];
  const [k1, k2] = [name(), name()];
  // not a member (a static is visible through instances in Python: not what is tested here)
  const absent = name();
  const idPool = [...IDENTS];
  const ids: string[] = [];
  for (let k = 0; k < 4; k++) ids.push(idPool.splice(rnd(idPool.length), 1)[0]!);
  const [v1, v2, fn, p1] = ids as [string, string, string, string];
  const top = `
class C${i} {
  ${lit(f1)} = ${lit(str())};
  ${lit(f2)}: number;
  static ${lit(s1)} = ${lit(str())};
  static [${lit(s2)}]() { return ${lit(str())}; }
  constructor(n: number) { this[${lit(f2)}] = n; }
  ${lit(m1)}(x: string) { return x + this[${lit(f1)}]; }
  get ${lit(g1)}() { return this[${lit(f2)}] * 2; }
}
enum E${i} { ${lit(e1)} = ${rnd(5) + 1}, [${lit(e2)}] = ${lit(str())}, ${lit(e3)} = ${rnd(5) + 10} }
function ${fn}(${p1}: string): string { return ${p1} + ${lit(str())}; }
`;
  const code = `
const c = new C${i}(${rnd(100)});
const out: unknown[] = [JSON.stringify(c)];
for (const k in c) out.push(k);
out.push(${lit(f1)} in c, ${lit(g1)} in c, ${lit(absent)} in c);
out.push(c[${lit(m1)}](${lit(str())}), c[${lit(g1)}], C${i}[${lit(s1)}], C${i}[${lit(s2)}]());
c[${lit(f2)}] += 1;
out.push(c[${lit(f2)}], c[${lit(g1)}]);
out.push(E${i}[${lit(e1)}], E${i}[E${i}[${lit(e3)}]], E${i}[${lit(e2)}], Object.keys(E${i}));
const o: Record<string, string | number> = { ${lit(k1)}: ${lit(str())}, [${lit(k2)}]: ${rnd(9)} };
o[${lit(str())}] = 1;
out.push(JSON.stringify(o), Object.keys(o), o[${lit(k1)}], ${lit(k2)} in o);
const ${v1} = ${lit(str())};
let ${v2} = ${fn}(${v1});
${v2} += ${lit(str())};
out.push(${v1}, ${v2}, \`\${${v1}}#{\${${v2}}}\`, ${lit(str())} + ${v1});
console.log(${v1}, ${lit(str())});
return out;
`;
  return { name: `names ${i}`, top, code };
}

export default Array.from({ length: 24 }, (_, i) => caseFor(i));
