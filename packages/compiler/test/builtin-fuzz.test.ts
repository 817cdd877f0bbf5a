/**
 * Built-in calls with missing, extra and explicit-undefined arguments (type errors suppressed
 * with `// @ts-ignore`, as a program may do): the compiler never crashes — it emits Python that
 * loads or refuses with coded diagnostics (issue #18: `s.endsWith("", undefined)` and
 * `[0].includes()` crashed the printer, `xs.map()` the transform).
 */
import { describe, expect, it } from "vitest";
import { compileSource } from "../src/index.js";
import { pythonCompileErrors } from "./py-compile-setup.js";

const DECLS = [
  'const s: string = "abcab";',
  "const xs: number[] = [3, 1, 2];",
  'const ws: string[] = ["b", "a"];',
  "const n: number = 2.5;",
  'const m = new Map<string, number>([["a", 1]]);',
  "const st = new Set<number>([1, 2]);",
  "const o: Record<string, number> = { a: 1 };",
].join("\n");

/** [call without its arguments, typical arguments] */
const CALLS: [string, string[]][] = [
  // String.prototype
  ...([
    ["s.at", ["1"]],
    ["s.charAt", ["1"]],
    ["s.charCodeAt", ["1"]],
    ["s.codePointAt", ["1"]],
    ["s.concat", ['"x"', '"y"']],
    ["s.endsWith", ['"b"', "3"]],
    ["s.includes", ['"b"', "1"]],
    ["s.indexOf", ['"b"', "1"]],
    ["s.lastIndexOf", ['"b"', "1"]],
    ["s.padEnd", ["8", '"-"']],
    ["s.padStart", ["8", '"-"']],
    ["s.repeat", ["2"]],
    ["s.replace", ['"a"', '"z"']],
    ["s.replaceAll", ['"a"', '"z"']],
    ["s.slice", ["1", "3"]],
    ["s.split", ['"b"', "2"]],
    ["s.startsWith", ['"a"', "1"]],
    ["s.substring", ["1", "3"]],
    ["s.toUpperCase", []],
    ["s.toLowerCase", []],
    ["s.trim", []],
    ["s.trimStart", []],
    ["s.trimEnd", []],
    ["s.normalize", ['"NFC"']],
    ["s.localeCompare", ['"b"']],
    // Array.prototype
    ["xs.at", ["-1"]],
    ["xs.concat", ["[4]", "5"]],
    ["xs.every", ["(x) => x > 0"]],
    ["xs.some", ["(x) => x > 2"]],
    ["xs.fill", ["0", "1", "2"]],
    ["xs.filter", ["(x) => x > 1"]],
    ["xs.find", ["(x) => x > 1"]],
    ["xs.findIndex", ["(x) => x > 1"]],
    ["xs.findLast", ["(x) => x > 1"]],
    ["xs.findLastIndex", ["(x) => x > 1"]],
    ["xs.flatMap", ["(x) => [x, x]"]],
    ["xs.forEach", ["(x) => console.log(x)"]],
    ["xs.includes", ["2", "1"]],
    ["xs.indexOf", ["2", "1"]],
    ["xs.lastIndexOf", ["2", "1"]],
    ["xs.join", ['"-"']],
    ["xs.map", ["(x) => x * 2"]],
    ["xs.pop", []],
    ["xs.push", ["4", "5"]],
    ["xs.reduce", ["(a, b) => a + b", "0"]],
    ["xs.reduceRight", ["(a, b) => a + b", "0"]],
    ["xs.reverse", []],
    ["xs.shift", []],
    ["xs.slice", ["1", "2"]],
    ["xs.sort", ["(a, b) => a - b"]],
    ["ws.sort", []],
    ["xs.splice", ["1", "1", "9"]],
    ["xs.unshift", ["0"]],
    ["xs.keys", []],
    ["xs.entries", []],
    ["xs.toString", []],
    // Number.prototype
    ["n.toFixed", ["1"]],
    ["n.toString", ["2"]],
    // Map / Set
    ["m.get", ['"a"']],
    ["m.set", ['"b"', "2"]],
    ["m.has", ['"a"']],
    ["m.delete", ['"a"']],
    ["m.forEach", ["(v, k) => console.log(k, v)"]],
    ["m.clear", []],
    ["st.add", ["3"]],
    ["st.has", ["1"]],
    ["st.delete", ["1"]],
    ["st.forEach", ["(v) => console.log(v)"]],
    // Math
    ["Math.abs", ["-1"]],
    ["Math.floor", ["n"]],
    ["Math.ceil", ["n"]],
    ["Math.round", ["n"]],
    ["Math.trunc", ["n"]],
    ["Math.sign", ["n"]],
    ["Math.sqrt", ["4"]],
    ["Math.max", ["1", "2"]],
    ["Math.min", ["1", "2"]],
    ["Math.pow", ["2", "3"]],
    ["Math.atan2", ["1", "2"]],
    ["Math.hypot", ["3", "4"]],
    ["Math.log", ["n"]],
    ["Math.random", []],
    // Number / globals
    ["Number.isInteger", ["n"]],
    ["Number.isFinite", ["n"]],
    ["Number.isNaN", ["n"]],
    ["Number.parseFloat", ['"1.5"']],
    ["Number.parseInt", ['"ff"', "16"]],
    ["parseInt", ['"ff"', "16"]],
    ["parseFloat", ['"1.5"']],
    ["isNaN", ["n"]],
    ["String", ["n"]],
    ["Number", ['"3"']],
    ["Boolean", ["n"]],
    ["Array.isArray", ["xs"]],
    ["Array.from", ["xs", "(x) => x + 1"]],
    ["Array.of", ["1", "2"]],
    // JSON / Object
    ["JSON.stringify", ["o", "null", "2"]],
    ["JSON.parse", ['"[1]"']],
    ["Object.keys", ["o"]],
    ["Object.values", ["o"]],
    ["Object.entries", ["o"]],
    ["Object.assign", ["{}", "o"]],
    ["Object.fromEntries", ['[["a", 1]]']],
    ["Object.is", ["n", "n"]],
  ] as [string, string[]][]),
];

/** Missing arguments, one extra, an explicit undefined in each position and after the last. */
function variants(args: string[]): string[][] {
  const out: string[][] = [];
  for (let k = 0; k < args.length; k++) out.push(args.slice(0, k));
  out.push([...args, "7"]);
  args.forEach((_, i) => out.push(args.map((a, j) => (i === j ? "undefined" : a))));
  out.push([...args, "undefined"]);
  return out;
}

describe("built-in calls with missing, extra and undefined arguments", () => {
  const sources: { call: string; source: string }[] = [];
  for (const [fn, args] of CALLS) {
    for (const v of variants(args)) {
      const call = `${fn}(${v.join(", ")})`;
      // as a statement and as a value (the handlers have both forms)
      sources.push({
        call,
        source: `${DECLS}\n// @ts-ignore\n${call};\n// @ts-ignore\nconst r: unknown = ${call};\nconsole.log(typeof r);\n`,
      });
    }
  }

  it(`compiles ${sources.length} calls without an internal error, to Python that loads`, () => {
    const emitted: { call: string; python: string }[] = [];
    const crashes: string[] = [];
    for (const { call, source } of sources) {
      let r;
      try {
        r = compileSource(source);
      } catch (e) {
        crashes.push(`${call}: threw ${(e as Error).stack}`);
        continue;
      }
      const bad = r.diagnostics.filter(
        (d) => d.code === "BPY1999" || !/^(TS|BPY)\d+$/.test(d.code),
      );
      if (bad.length) crashes.push(`${call}: ${bad.map((d) => d.message).join("; ")}`);
      else if (r.python === undefined && !r.diagnostics.some((d) => d.category === "error"))
        crashes.push(`${call}: neither Python nor an error`);
      if (r.python !== undefined) emitted.push({ call, python: r.python });
    }
    expect(crashes).toEqual([]);
    const refused = pythonCompileErrors(emitted.map((e) => e.python));
    expect(refused.map(([i, err]) => `${emitted[i]!.call}: ${err}`)).toEqual([]);
    // the fuzz reaches the emitter: most variants compile
    expect(emitted.length).toBeGreaterThan(sources.length / 2);
  });
});
