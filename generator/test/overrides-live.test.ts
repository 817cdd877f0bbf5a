// The type overrides of Python-defined members (src/overrides.ts: MeshPolygon.loop_indices,
// edge_keys, MeshEdge.key, object_add_grid_scale, Operator.as_keywords, IDPropertyGroup …)
// checked against the values real Blender 3.4 computes.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, findBlender } from "./helpers.js";

const blender = findBlender();

describe.skipIf(!blender)("overrides of Python-defined members (live)", () => {
  it("every overridden member has the declared shape in Blender", () => {
    const r = spawnSync(
      blender!,
      [
        "-b",
        "--factory-startup",
        "--python-exit-code",
        "1",
        "--python",
        join(ROOT, "generator/test/oracle/overrides_live.py"),
      ],
      { encoding: "utf8" },
    );
    const line = r.stdout.split("\n").find((l) => l.startsWith("OVERRIDE-PROBLEMS:"));
    expect(line, r.stdout + r.stderr).toBe("OVERRIDE-PROBLEMS:");
    expect(r.status).toBe(0);
  });
});
