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
