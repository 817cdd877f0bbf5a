import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFile } from "@bpyts/compiler";
import { prepareScript, runtimeTypes } from "@bpyts/runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptIndex } from "../src/mapping.js";

let dir: string;
let index: ScriptIndex;
let python: string[];
const main = () => join(dir, "main.ts");
const util = () => join(dir, "util.ts");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bpyts-debug-map-"));
  await writeFile(util(), "export function half(n: number): number {\n  return n / 2;\n}\n");
  await writeFile(
    main(),
    [
      'import { half } from "./util";',
      "",
      "// a comment",
      "const xs = [1, 2, 3];",
      'console.log(xs.join("-"), half(3));',
      "function f(max: number): number {",
      "  return max % 2;",
      "}",
      "f(3);",
      "",
    ].join("\n"),
  );
  const out = compileFile({ entry: main(), typeRoots: [runtimeTypes] });
  expect(out.diagnostics.filter((d) => d.category === "error")).toEqual([]);
  const prepared = await prepareScript(
    { python: out.python!, sourceMap: out.sourceMap, fileName: "main.py", sourceMapDir: dir },
    { keepDir: join(dir, "out") },
  );
  index = ScriptIndex.load(prepared.script)!;
  python = out.python!.split("\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("ScriptIndex: TS lines ↔ Python lines", () => {
  it("knows the program's TS files", () => {
    expect([...index.sources].sort()).toEqual([main(), util()].sort());
    expect(index.hasSource(main())).toBe(true);
    expect(index.hasSource(join(dir, "other.ts"))).toBe(false);
  });

  it("puts a TS line's breakpoint on its first statement, never in the runtime header", () => {
    const at = (file: string, line: number) => {
      const t = index.breakpointLine(file, line);
      return t.pyLine === undefined ? t.reason : python[t.pyLine - 1]!.trim();
    };
    expect(at(main(), 4)).toBe("xs = [1, 2, 3]");
    expect(at(main(), 5)).toMatch(/^print\(_js_join\(xs, "-"\)/);
    expect(at(main(), 7)).toMatch(/^return /);
    expect(at(util(), 2)).toBe("return n / 2");
    // the import line: only the header's imports map there, so the stop is the program's start
    expect(at(main(), 1)).toBe(python[0]);
    expect(at(main(), 3)).toMatch(/no code/);
    expect(at(main(), 8)).toMatch(/no code/);
    expect(at(join(dir, "other.ts"), 1)).toMatch(/not part of the program/);
  });

  it("marks the runtime helpers' lines and maps the rest back to TS", () => {
    const helperDef = python.findIndex((l) => l.startsWith("def _js_")) + 1;
    expect(helperDef).toBeGreaterThan(0);
    expect(index.isHelperLine(helperDef)).toBe(true);
    expect(index.isHelperLine(helperDef + 1)).toBe(true);
    expect(index.tsPosition(helperDef)).toBeUndefined();
    const user = python.findIndex((l) => l.startsWith("xs = ")) + 1;
    expect(index.isHelperLine(user)).toBe(false);
    expect(index.tsPosition(user)).toEqual({ file: main(), line: 4, column: 7 });
  });
});

describe("ScriptIndex: which None reads null (the compiler's x_bpyts_nulls)", () => {
  it("knows, per Python function and for the module, the names typed `T | null`", async () => {
    const file = join(dir, "nulls.ts");
    await writeFile(
      file,
      [
        "function pick(xs: (number | null)[], want: number | null, label?: string): number | null {",
        "  let found: number | null = null;",
        "  let text: string | undefined;",
        "  let either: number | null | undefined = null;",
        "  const inner = (a: string | null) => {",
        "    const b: string | null = a;",
        "    return b;",
        "  };",
        "  for (const x of xs) if (x === want) found = x;",
        "  inner(label ?? null);",
        "  return found ?? either ?? (text === undefined ? null : 0);",
        "}",
        "let top: number | null = pick([1, null], 1);",
        "let count = 0;",
        "const none = null;",
        "console.log(top, count, none);",
        "",
      ].join("\n"),
    );
    const out = compileFile({ entry: file, typeRoots: [runtimeTypes] });
    expect(out.diagnostics.filter((d) => d.category === "error")).toEqual([]);
    const prepared = await prepareScript(
      { python: out.python!, sourceMap: out.sourceMap, fileName: "nulls.py", sourceMapDir: dir },
      { keepDir: join(dir, "out-nulls") },
    );
    const nulls = ScriptIndex.load(prepared.script)!;
    const py = out.python!.split("\n");
    const line = (text: string) => py.findIndex((l) => l.includes(text)) + 1;
    const names = (pyLine: number, module = false) => [...nulls.nullNames(pyLine, module)].sort();
    // pick's own: parameters and locals with null and no undefined (not `label?`, `text`, `either`)
    expect(names(line("found = None"))).toEqual(["found", "want", "x", "xs"]);
    expect(names(line("for x in xs"))).toEqual(["found", "want", "x", "xs"]);
    // a nested function has its own
    expect(names(line("b = a"))).toEqual(["a", "b"]);
    // the module's, for a `<module>` frame or the Globals scope
    expect(names(line("top = pick"), true)).toEqual(["none", "top"]);
    expect(names(line("found = None"), true)).toEqual(["none", "top"]);
  });
});

describe("ScriptIndex: callbacks of runtime helpers", () => {
  it("knows the functions' entry lines and which helpers call back what they are given", async () => {
    const file = join(dir, "callbacks.ts");
    await writeFile(
      file,
      [
        "function byLength(a: string, b: string): number {",
        "  const d = a.length - b.length;",
        "  return d;",
        "}",
        'const words = ["ccc", "a", "bb"];',
        "words.sort(byLength);",
        'console.log(words.join("-"), words.length / 2);',
        "",
      ].join("\n"),
    );
    const out = compileFile({ entry: file, typeRoots: [runtimeTypes] });
    const prepared = await prepareScript(
      { python: out.python!, sourceMap: out.sourceMap, fileName: "cb.py", sourceMapDir: dir },
      { keepDir: join(dir, "out-cb") },
    );
    const cb = ScriptIndex.load(prepared.script)!;
    const py = out.python!.split("\n");
    // the first line of byLength's body, not a helper's
    expect(cb.functionEntries().map((l) => py[l - 1]!.trim())).toEqual(["d = len(a) - len(b)"]);
    expect(py.some((l) => l.startsWith("def _js_num_str("))).toBe(true);
    // sort calls its comparator; String(x) may call an object literal's own toString
    expect(cb.helperCallsBack("_js_sort")).toBe(true);
    expect(cb.helperCallsBack("_js_str")).toBe(true);
    // number formatting only inspects and converts its argument
    expect(cb.helperCallsBack("_js_num_str")).toBe(false);
    expect(cb.helperCallsBack("not_a_helper")).toBe(true);
  });
});
