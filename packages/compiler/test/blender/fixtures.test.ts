/**
 * Blender-layer fixtures compiled against the REAL generated typings (packages/blender-3.4):
 * test/blender/fixtures/<name>/input.ts → output.py (UPDATE_FIXTURES=1 regenerates).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileFile, formatDiagnostic } from "../../src/index.js";

const repo = path.join(import.meta.dirname, "../../../..");
const typings = [
  path.join(repo, "packages/blender-3.4/index.d.ts"),
  path.join(repo, "packages/runner/runtime/bpyts-runtime.d.ts"),
];
const root = path.join(import.meta.dirname, "fixtures");
const update = process.env.UPDATE_FIXTURES === "1";
const names = readdirSync(root)
  .filter((n) => existsSync(path.join(root, n, "input.ts")))
  .sort();

describe("Blender fixtures (real 3.4 typings)", () => {
  for (const name of names) {
    it(name, () => {
      const dir = path.join(root, name);
      const r = compileFile({ entry: path.join(dir, "input.ts"), typeRoots: typings });
      expect(r.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual([]);
      const out = path.join(dir, "output.py");
      if (update || !existsSync(out)) writeFileSync(out, r.python!);
      expect(r.python).toBe(readFileSync(out, "utf8"));
    });
  }
  it("every output.py is valid Python", () => {
    const files = names.map((n) => path.join(root, n, "output.py"));
    execFileSync("python3", ["-m", "py_compile", ...files]);
  });
});
