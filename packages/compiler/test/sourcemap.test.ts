import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { decode } from "@jridgewell/sourcemap-codec";
import { describe, expect, it } from "vitest";
import { compileFile, compileSource } from "../src/index.js";

const fixtures = path.join(import.meta.dirname, "fixtures");
const typings = path.join(import.meta.dirname, "blender-typings.d.ts");

function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i;
}

describe("source maps", () => {
  const entry = path.join(fixtures, "functions", "input.ts");
  const r = compileFile({ entry, typeRoots: [typings] });
  const map = r.sourceMap!;
  const decoded = decode(map.mappings);
  const py = r.python!.split("\n");
  const ts = (map.sourcesContent?.[0] ?? "").split("\n");

  it("is a v3 map from the TS sources to the .py file", () => {
    expect(map.version).toBe(3);
    expect(map.file).toBe("input.py");
    expect(map.sources).toEqual([entry]);
    expect(map.sourcesContent?.[0]).toContain("function greet");
  });

  it("maps every non-blank emitted line", () => {
    py.forEach((line, i) => {
      if (line.trim() === "") return;
      expect(decoded[i]?.length ?? 0, `line ${i + 1}: ${line}`).toBeGreaterThan(0);
    });
  });

  it("maps statements back to their TypeScript line", () => {
    const check = (pyNeedle: string, tsNeedle: string): void => {
      const seg = decoded[lineOf(r.python!, pyNeedle)]![0]!;
      expect(seg[1]).toBe(0);
      expect(seg[2], `${pyNeedle} → ${tsNeedle}`).toBe(lineOf(ts.join("\n"), tsNeedle));
    };
    check("def greet(", "function greet(");
    check('return f"Hello, ', "return `Hello");
    check("count += by", "count += by;");
    check("print(greet(", "console.log(greet(");
    check("nonlocal count", "const increment = ");
  });

  it("maps runtime helpers to line 1 and multi-file output to each file", () => {
    const multi = compileFile({ entry: path.join(fixtures, "multi-file", "input.ts") });
    const m = multi.sourceMap!;
    expect(m.sources.map((s) => path.basename(s)).sort()).toEqual([
      "input.ts",
      "math-utils.ts",
      "palette.ts",
    ]);
    const lines = multi.python!.split("\n");
    const dec = decode(m.mappings);
    const helperLine = lines.findIndex((l) => l.startsWith("def _js_"));
    if (helperLine >= 0)
      expect(dec[helperLine]![0]!.slice(1, 3)).toEqual([
        m.sources.indexOf(path.join(fixtures, "multi-file", "input.ts")),
        0,
      ]);
    const lerp = lines.findIndex((l) => l.startsWith("def lerp("));
    expect(m.sources[dec[lerp]![0]![1]!]).toBe(path.join(fixtures, "multi-file", "math-utils.ts"));
  });

  it("maps every non-blank line of every fixture", () => {
    for (const name of readdirSync(fixtures)) {
      const input = path.join(fixtures, name, "input.ts");
      if (!existsSync(input)) continue;
      const res = compileFile({ entry: input, typeRoots: [typings] });
      const dec = decode(res.sourceMap!.mappings);
      res.python!.split("\n").forEach((l, i) => {
        if (l.trim()) expect(dec[i]?.length ?? 0, `${name}:${i + 1}: ${l}`).toBeGreaterThan(0);
      });
    }
  });

  it("every line of a larger program is mapped", () => {
    const res = compileSource(
      "const xs = [1, 2, 3];\nfor (const x of xs) {\n  if (x > 1) console.log(`x=${x}`);\n}\nconst s = JSON.stringify(xs);\n",
    );
    const dec = decode(res.sourceMap!.mappings);
    res.python!.split("\n").forEach((l, i) => {
      if (l.trim()) expect(dec[i]!.length, l).toBeGreaterThan(0);
    });
    const ifLine = lineOf(res.python!, "if x > 1:");
    expect(dec[ifLine]![0]![2]).toBe(2);
  });
});

describe("no state shared between compiles", () => {
  it("the shared None/True/False nodes never get a position (it would leak into the next compile)", async () => {
    const py = await import("../src/python/ast.js");
    compileSource(
      "let a: number | null = null;\nconst b = true;\nconst c = false;\nconsole.log(a, b, c);\n",
    );
    for (const node of [py.NONE, py.TRUE, py.FALSE]) {
      expect(node.pos).toBeUndefined();
      expect(Object.isFrozen(node)).toBe(true);
    }
  });
});

describe("debugger facts in the map (x_bpyts_nulls)", () => {
  it("lists, per def line and for the module (0), the names typed with null and no undefined", () => {
    const res = compileSource(
      [
        "function f(a: number | null, b?: number | null, c: string | undefined = undefined) {",
        "  const d: (string | null)[] = [null];",
        "  let e = a;",
        "  return [a, b, c, d, e];",
        "}",
        "let g: number | null = null;",
        "const h = f(g);",
        "console.log(h);",
      ].join("\n"),
    );
    const facts = res.sourceMap!.x_bpyts_nulls!;
    const defLine = lineOf(res.python!, "def f(") + 1;
    // b is optional (undefined too), c is undefined-typed, e is inferred `number | null`
    expect(facts).toEqual({ "0": ["g"], [defLine]: ["a", "d", "e"] });
  });
});
