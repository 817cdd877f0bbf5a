import { rows } from "./harness.js";

export default rows([
  [
    "template with dict access and quotes",
    'const o = { name: "n" }; const q = "\'"; return [`${o.name}: "${q}" \'x\'`, `${o["name"]}`];',
  ],
  [
    "template literal",
    'const name = "Ada", n = 3; return `Hello ${name}, you have ${n} items (${n * 1.5})`;',
  ],
  ["template with quotes", 'const q = "x"; return `say "${q}" and \'${q}\' {braces}`;'],
  ["template nested", 'const a = [1, 2]; return `list: ${a.map((x) => `<${x}>`).join("")}`;'],
  ["template with bool null", "const b = true; const n = null; return `${b} ${n} ${undefined}`;"],
  ["template multiline", "const x = 1; return `line1\nline2 ${x}\\ttab`;"],
  ["concat", 'const a = "foo", b = "bar"; return a + b + "!";'],
  ["concat assign", 'let s = "a"; s += "b"; s += 1; s += true; return s;'],
  ["length", 'const s = "hello"; return s.length;'],
  [
    "slice",
    'const s = "hello world"; return [s.slice(0, 5), s.slice(6), s.slice(-5), s.slice(-5, -1), s.slice(3, 1), s.slice()];',
  ],
  [
    "substring",
    'const s = "hello"; return [s.substring(1, 3), s.substring(3, 1), s.substring(-2), s.substring(2), s.substring(1, 100)];',
  ],
  [
    "indexOf",
    'const s = "banana"; return [s.indexOf("an"), s.indexOf("x"), s.indexOf("an", 2), s.indexOf("")];',
  ],
  [
    "lastIndexOf",
    'const s = "banana"; return [s.lastIndexOf("an"), s.lastIndexOf("x"), s.lastIndexOf("an", 2)];',
  ],
  [
    "includes",
    'const s = "banana"; return [s.includes("nan"), s.includes("x"), s.includes("b", 1)];',
  ],
  [
    "startsWith endsWith",
    'const s = "banana"; return [s.startsWith("ba"), s.startsWith("na", 2), s.endsWith("na"), s.endsWith("an", 4), s.startsWith("x")];',
  ],
  [
    "split",
    'const s = "a,b,,c"; return [s.split(","), s.split(""), "abc".split("b"), s.split(",", 2)];',
  ],
  [
    "split dynamic separator",
    'const s = "a-b-c"; const sep = "-"; const e = ""; return [s.split(sep), s.split(e)];',
  ],
  ["replace first only", 'const s = "a-b-c"; return s.replace("-", "+");'],
  ["replaceAll", 'const s = "a-b-c"; return s.replaceAll("-", "+");'],
  [
    "replace dollar patterns",
    'const s = "abc"; return [s.replace("b", "[$&]"), s.replace("b", "$$"), s.replaceAll("", "-")];',
  ],
  ["replace not found", 'const s = "abc"; return s.replace("x", "y");'],
  ["trim", 'const s = "  hi there \\n"; return [s.trim(), s.trimStart(), s.trimEnd()];'],
  [
    "padStart padEnd",
    'const s = "7"; return [s.padStart(3, "0"), s.padEnd(3, "*"), s.padStart(6, "ab"), s.padStart(1), "x".padEnd(3)];',
  ],
  ["repeat", 'return ["ab".repeat(3), "x".repeat(0)];'],
  ["case", 'const s = "Hello World"; return [s.toUpperCase(), s.toLowerCase()];'],
  ["at", 'const s = "hello"; return [s.at(0), s.at(-1), s.at(10) === undefined];'],
  ["charAt", 'const s = "hello"; return [s.charAt(1), s.charAt(10), s.charAt(0)];'],
  [
    "charCodeAt",
    'const s = "AZ"; return [s.charCodeAt(0), s.charCodeAt(1), String(s.charCodeAt(5))];',
  ],
  ["fromCharCode", "return [String.fromCharCode(72, 105), String.fromCharCode(65)];"],
  ["index read", 'const s = "abc"; return [s[0], s[2], s[5] === undefined];'],
  [
    "comparison",
    'const a = "apple", b = "banana"; return [a < b, a > b, "Z" < "a", "abc" <= "abd", "b" >= "b"];',
  ],
  ["equality", 'const a = "x" as string, b = "x" as string; return [a === b, a !== b, a === "y"];'],
  [
    "for of string",
    'const out: string[] = []; for (const ch of "héllo") out.push(ch); return out;',
  ],
  [
    "String() of values",
    "return [String(1), String(true), String(null), String(undefined), String([1, [2, 3]]), String({})];",
  ],
  ["toString string", 'const s = "x"; return s.toString();'],
  ["concat method", 'const s = "a"; return s.concat("b", "c", String(1));'],
  ["unicode", 'const s = "naïve café"; return [s.toUpperCase(), s.length, s.indexOf("é")];'],
  ["escapes", 'return "tab\\there \\"quoted\\" back\\\\slash \\u00e9";'],
  ["empty string falsy", 'const s = ""; return s ? "yes" : "no";'],
  ["string or default", 'const s: string = ""; return s || "default";'],
  ["number to string in join", 'return [1, 2.5, 3].join("-");'],
  ["split join roundtrip", 'return "a b c".split(" ").reverse().join(" ");'],
  [
    "chained methods",
    'return "  Hello, World  ".trim().toLowerCase().replace("world", "there").split(",");',
  ],
  ["string spread", 'return [..."abc"];'],
  ["Array.from string", 'return Array.from("xyz");'],
  [
    "template number formatting",
    "const xs = [0.1 * 3, 1e21, -0, 100]; return xs.map((x) => `${x}`);",
  ],
  ["console.log strings", 'console.log("hello", "world"); console.log(`n=${5}`); return 0;'],
  ["console.log numbers", "console.log(1, 2.5, 3 / 1, 0, 1e21, NaN); return 0;"],
  ["console.log bool null", "console.log(true, null, undefined); return 0;"],
  ["console.log empty", "console.log(); return 0;"],
  ["typeof string", 'const s = "x"; return typeof s;'],
  // ---- edge cases: positions, whitespace, $ patterns
  [
    "codePointAt out of range is undefined",
    'const s = "abc"; return [String(s.codePointAt(5)), s.codePointAt(1), String(s.codePointAt(-1)), s.codePointAt(0.5)];',
  ],
  [
    "trim uses JavaScript whitespace",
    'const s = "\\ufeff x \\u00a0\\u3000"; const t = "\\u001c y \\u0085"; return [s.trim(), t.trim(), s.trimStart(), t.trimEnd(), "\\u2028a\\t".trim()];',
  ],
  [
    "startsWith empty prefix past the end",
    'const s = "abc"; const e = ""; const p = 10; return [s.startsWith("", 10), s.startsWith(e, p), s.startsWith("", 3), s.startsWith("c", 10), s.startsWith("c", 2.5), s.startsWith(e, -1), s.endsWith("", 10), s.includes("", 10)];',
  ],
  [
    "endsWith startsWith NaN positions",
    'const s = "abc"; return [s.endsWith("c", NaN), s.endsWith("", -1), s.startsWith("a", NaN), s.startsWith("a", -Infinity), s.endsWith("b", 2.9)];',
  ],
  [
    "indexOf lastIndexOf includes positions",
    'const s = "banana"; return [s.indexOf("a", -5), s.indexOf("a", 100), s.indexOf("", 100), s.indexOf("a", 1.5), s.indexOf("a", NaN), s.indexOf("n", Infinity), s.lastIndexOf("a", 100), s.lastIndexOf("a", -5), s.lastIndexOf("", 100), s.lastIndexOf("", 2), s.lastIndexOf("b", 0), s.lastIndexOf("a", 0), s.includes("b", -3), s.includes("a", 6), s.includes("a", 1.5)];',
  ],
  [
    "replace $ patterns",
    'const s = "abcabc"; return [s.replace("b", "$1"), s.replace("b", "$<x>"), s.replace("b", "$`"), s.replace("b", "$\'"), s.replaceAll("b", "[$&$&]"), s.replace("b", "$"), s.replace("b", "$$$"), s.replace("c", "x$"), s.replace("b", "$0"), s.replaceAll("bc", "$\'|")];',
  ],
  [
    "replace dynamic replacement and empty pattern",
    'const r = "<$&>"; const p = "a"; const s = "banana"; return [s.replace(p, r), s.replaceAll(p, r), s.replaceAll("", r), s.replace("", r), "".replaceAll("", "-"), "".replace("", "x"), "aaa".replaceAll("aa", "b")];',
  ],
  [
    "split limits",
    'const s = "a,b,c"; return [s.split(",", 0), s.split(",", 1), s.split(",", -1), s.split("", 2), s.split(",", 2.7), "".split(","), "".split(""), s.split("x", 5)];',
  ],
  [
    "padStart padEnd edge fills",
    'const s = "abc"; return [s.padStart(10, "123"), s.padEnd(10, "123"), s.padStart(10, ""), s.padStart(2, "x"), s.padStart(5.9, "x"), s.padEnd(NaN, "x"), s.padStart(-1), s.padEnd(6)];',
  ],
  [
    "at charAt charCodeAt fractional and negative",
    'const s = "hello"; return [s.at(-6) ?? null, s.at(1.7), s.at(-1.5), s.charAt(-1), s.charAt(1.9), s.charAt(NaN), s.at(NaN), String(s.charCodeAt(-1)), s.charCodeAt(1.9), "ab".repeat(2.9)];',
  ],
  [
    "slice substring fractional NaN Infinity",
    'const s = "hello"; return [s.slice(1.5), s.slice(-2.5), s.slice(NaN), s.slice(0, NaN), s.slice(2, -Infinity), s.slice(-Infinity, 2), s.slice(Infinity), s.substring(NaN, 2), s.substring(4, -1), s.substring(1.5, 3.5), s.substring(Infinity), s.substring(3, 3)];',
  ],
  [
    "fromCharCode wraps and truncates",
    "const a = 65.9; const b = 65536 + 66; const c = -1; return [String.fromCharCode(a), String.fromCharCode(b), String.fromCharCode(c).charCodeAt(0), String.fromCharCode()];",
  ],
  [
    "case mapping special characters",
    'return ["ß".toUpperCase(), "ΟΔΟΣ".toLowerCase(), "İ".toLowerCase().length, "ﬁ".toUpperCase(), "ǅ".toUpperCase(), "ǅ".toLowerCase()];',
  ],
]);
