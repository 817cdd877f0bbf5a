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
]);
