/**
 * Blender-layer fixtures compiled against the REAL generated typings (packages/blender-3.4):
 * test/blender/fixtures/<name>/input.ts → output.py, the runtime section folded to helper names
 * (../fold-runtime.ts; UPDATE_FIXTURES=1 regenerates). py_compile checks the full output.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFile, formatDiagnostic } from "../../src/index.js";
import { foldRuntime } from "../fold-runtime.js";

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
  // the full compiled output of each fixture, for py_compile
  const work = mkdtempSync(path.join(tmpdir(), "bpyts-blender-fixtures-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // not `${n}.py`: a script named json.py would shadow the json module it imports
  const compiled = (n: string): string => path.join(work, `fixture-${n}.py`);
  for (const name of names) {
    it(name, () => {
      const dir = path.join(root, name);
      const r = compileFile({ entry: path.join(dir, "input.ts"), typeRoots: typings });
      expect(r.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual([]);
      writeFileSync(compiled(name), r.python!);
      const out = path.join(dir, "output.py");
      const snapshot = foldRuntime(r.python!);
      if (update || !existsSync(out)) writeFileSync(out, snapshot);
      expect(snapshot).toBe(readFileSync(out, "utf8"));
    });
  }
  it("every compiled fixture is valid Python", () => {
    const files = names.map(compiled);
    expect(files.every((f) => existsSync(f))).toBe(true);
    execFileSync("python3", ["-m", "py_compile", ...files]);
  });
});
