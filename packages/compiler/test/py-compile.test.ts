import { describe, expect, it } from "vitest";
import { compileSource } from "../src/index.js";
import { pythonCompileErrors } from "./py-compile-setup.js";

describe("py_compile check of every emitted module", () => {
  it("reports what python3 refuses and accepts what it loads", () => {
    const bad = pythonCompileErrors(["x = 1\n", "def f(a=1, b):\n    pass\n", "_item.0\n"]);
    expect(bad.map(([i]) => i)).toEqual([1, 2]);
    expect(bad[0]![1]).toContain("SyntaxError");
  });

  it("refuses an object pattern reading an array's methods (BPY1027)", () => {
    const r = compileSource("const { map } = [1, 2];\nconsole.log(typeof map);\n");
    expect(r.python).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["BPY1027"]);
    expect(r.diagnostics[0]!.message).toContain("only indices and `length`");
  });
});
