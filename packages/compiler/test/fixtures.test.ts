/**
 * Babel-style fixtures: test/fixtures/<name>/input.ts → output.py, a snapshot kept for reviewing
 * the readability of the output. Regenerate with UPDATE_FIXTURES=1.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileFile, formatDiagnostic } from "../src/index.js";

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
  it("has at least 15 fixtures", () => expect(names.length).toBeGreaterThanOrEqual(15));
  for (const name of names) {
    it(name, () => {
      const dir = path.join(root, name);
      const r = compileFile({ entry: path.join(dir, "input.ts"), typeRoots: [typings] });
      expect(r.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual([]);
      const out = path.join(dir, "output.py");
      if (update || !existsSync(out)) writeFileSync(out, r.python!);
      expect(r.python).toBe(readFileSync(out, "utf8"));
    });
  }
  it("every output.py compiles with python3", () => {
    const files = names.map((n) => path.join(root, n, "output.py")).filter((f) => existsSync(f));
    const bad = JSON.parse(
      execFileSync("python3", ["-c", CHECK, JSON.stringify(files)], { encoding: "utf8" }),
    ) as Record<string, string>;
    expect(bad).toEqual({});
  });
  it("fixtures without Blender imports run under python3", () => {
    for (const n of names) {
      const src = readFileSync(path.join(root, n, "input.ts"), "utf8");
      if (/from "(bpy|mathutils|bmesh)/.test(src)) continue;
      execFileSync("python3", [path.join(root, n, "output.py")], { encoding: "utf8" });
    }
  });
});
