/** Runtime helpers on values only Python makes (its own exceptions), run in python3. */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { resolveHelpers } from "../src/runtime/helpers.js";

function py(helpers: string[], code: string): string {
  const { code: defs, imports } = resolveHelpers(helpers);
  const src = [...imports.map((m) => `import ${m}`), ...defs.map((h) => h.code), code].join("\n\n");
  return execFileSync("python3", ["-c", src], { encoding: "utf8" });
}

describe("runtime helpers", () => {
  it("String(e) of any Python exception: its type name and str(e), whatever .name/.message hold", () => {
    const out = py(
      ["_js_str", "JsError", "JsTypeError"],
      String.raw`
class Custom(JsError):
    name = "Custom"
class Renamed(JsError):
    pass
r = Renamed("m")
r.name = "Mine"
for e in [
    AttributeError("no attr"),          # .name is None
    AttributeError("a", name="x", obj=1),
    ImportError("no module", name="mod"),  # .name is the module
    KeyError("k"),
    ValueError(),
    JsError("boom"),
    JsTypeError("t"),
    Custom(""),
    r,
]:
    print(_js_str(e))
`,
    );
    expect(out.split("\n")).toEqual([
      "AttributeError: no attr",
      "AttributeError: a",
      "ImportError: no module",
      "KeyError: 'k'",
      "ValueError",
      "Error: boom",
      "TypeError: t",
      "Custom",
      "Mine: m",
      "",
    ]);
  });
});

describe("runtime helper manifest", () => {
  // The dependency and import lists of runtime/helpers.ts are written by hand beside the Python:
  // each must be exactly what the helper's code uses, or a script ships dead helpers (or misses
  // one and fails with NameError at run time).
  it("each helper lists exactly the helpers and modules its code uses", async () => {
    const { helpers } = await import("../src/runtime/helpers.js");
    // what each helper's code defines at module level: its def/class and globals it sets up
    // (`_JS_PY_KEYWORDS = …` beside _js_field_name), all reached by depending on the helper
    const definedBy = new Map<string, string>();
    for (const h of helpers.values())
      for (const m of h.code.matchAll(/^(?:def |class )?([A-Za-z_]\w*)\s*(?:\(|=|:)/gm))
        if (!definedBy.has(m[1]!)) definedBy.set(m[1]!, h.name);
    const problems: string[] = [];
    for (const h of helpers.values()) {
      // names inside docstrings, comments and string literals are not uses
      const code = h.code
        .replace(/"""[\s\S]*?"""/g, "")
        .replace(/#.*$/gm, "")
        .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
      const localImports = [...code.matchAll(/^\s+import (\w+)/gm)].map((m) => m[1]!);
      const used = [
        ...new Set(
          [...definedBy]
            .filter(
              ([name, owner]) =>
                owner !== h.name && new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(code),
            )
            .map(([, owner]) => owner),
        ),
      ];
      const modules = [...code.matchAll(/(?<![\w.])([a-z_]+)\.[A-Za-z_]/g)]
        .map((m) => m[1]!)
        .filter(
          (m) =>
            h.imports.includes(m) ||
            [
              "math",
              "re",
              "json",
              "struct",
              "array",
              "decimal",
              "unicodedata",
              "functools",
              "itertools",
              "sys",
            ].includes(m),
        );
      const want = new Set(used);
      const have = new Set(h.deps);
      for (const d of have)
        if (!want.has(d)) problems.push(`${h.name}: lists ${d} but does not use it`);
      for (const d of want)
        if (!have.has(d)) problems.push(`${h.name}: uses ${d} but does not list it`);
      for (const m of new Set(modules))
        if (!h.imports.includes(m) && !localImports.includes(m))
          problems.push(`${h.name}: uses module ${m} but does not import it`);
      for (const m of h.imports)
        if (!modules.includes(m)) problems.push(`${h.name}: imports ${m} but does not use it`);
    }
    expect(problems).toEqual([]);
  });
});
