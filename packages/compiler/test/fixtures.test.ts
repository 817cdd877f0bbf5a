/**
 * Babel-style fixtures: test/fixtures/<name>/input.ts → output.py, a snapshot kept for reviewing
 * the readability of the output, with the runtime section folded to helper names (fold-runtime.ts).
 * Regenerate with UPDATE_FIXTURES=1. The Python checks below run the full compiled output.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFile, formatDiagnostic } from "../src/index.js";
import { foldRuntime } from "./fold-runtime.js";

const root = path.join(import.meta.dirname, "fixtures");
const typings = path.join(import.meta.dirname, "blender-typings.d.ts");
const update = process.env.UPDATE_FIXTURES === "1";
const names = readdirSync(root)
  .filter((n) => existsSync(path.join(root, n, "input.ts")))
  .sort();

const CHECK = String.raw`
import json, sys
bad = {}
for f in json.loads(sys.argv[1]):
    try:
        compile(open(f).read(), f, "exec")
    except SyntaxError as e:
        bad[f] = str(e)
print(json.dumps(bad))
`;

describe("fixtures", () => {
  // the full compiled output of each fixture, for the Python checks
  const work = mkdtempSync(path.join(tmpdir(), "bpyts-fixtures-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // not `${n}.py`: a script named json.py would shadow the json module it imports
  const compiled = (n: string): string => path.join(work, `fixture-${n}.py`);
  it("has at least 15 fixtures", () => expect(names.length).toBeGreaterThanOrEqual(15));
  for (const name of names) {
    it(name, () => {
      const dir = path.join(root, name);
      const r = compileFile({ entry: path.join(dir, "input.ts"), typeRoots: [typings] });
      expect(r.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual([]);
      writeFileSync(compiled(name), r.python!);
      const out = path.join(dir, "output.py");
      const snapshot = foldRuntime(r.python!);
      if (update || !existsSync(out)) writeFileSync(out, snapshot);
      expect(snapshot).toBe(readFileSync(out, "utf8"));
    });
  }
  it("every compiled fixture compiles with python3", () => {
    const files = names.map(compiled).filter((f) => existsSync(f));
    expect(files.length).toBe(names.length);
    const bad = JSON.parse(
      execFileSync("python3", ["-c", CHECK, JSON.stringify(files)], { encoding: "utf8" }),
    ) as Record<string, string>;
    expect(bad).toEqual({});
  });
  it("fixtures without Blender imports run under python3", () => {
    for (const n of names) {
      const src = readFileSync(path.join(root, n, "input.ts"), "utf8");
      if (/from "(bpy|mathutils|bmesh)/.test(src)) continue;
      execFileSync("python3", [compiled(n)], { encoding: "utf8" });
    }
  });
});
