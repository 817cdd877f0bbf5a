// examples/addon: `bpyts build --addon` packages the TypeScript add-on; a fresh Blender installs
// and enables the zip and runs the operator it registers.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bpyts } from "../helpers.js";
import { describeRun, runExample, tempDir, blenders } from "./support.js";

describe.each(blenders)("examples/addon on Blender $version", ({ version, blender }) => {
  // Built for the Blender it runs on: a legacy add-on (bl_info) for 3.4, an extension (with
  // blender_manifest.toml, installed through bpy.ops.extensions) from 4.2.
  const kind = Number(version) >= 4.2 ? "extension" : "addon";
  const run = <T = unknown>(
    file: string,
    input: unknown,
    extra: string[] = [],
    options: { env?: NodeJS.ProcessEnv } = {},
  ) => runExample<T>(file, input, extra, { ...options, blender });

  it(`builds an installable ${kind} whose operator adds the grid`, async () => {
    const dir = await tempDir("addon");
    const zip = join(dir, "bpyts_cube_grid.zip");
    const built = await bpyts([
      "build",
      "--addon",
      "examples/addon/main.ts",
      "--target",
      version,
      "-o",
      zip,
    ]);
    expect(built.exitCode, String(built.stderr)).toBe(0);
    expect(existsSync(zip)).toBe(true);

    // A private user-scripts folder: the add-on is installed there, not in ~/.config/blender.
    const env = { ...process.env, BLENDER_USER_SCRIPTS: join(dir, "scripts") };
    const r = await run<{
      module: string;
      enabled: boolean;
      outcome: string[];
      cubes: { name: string; x: number; y: number }[];
    }>("test/examples/fixtures/use-addon.ts", undefined, ["--", zip, "bpyts_cube_grid", kind], {
      env,
    });
    expect(r.exitCode, describeRun(r)).toBe(0);
    expect(r.result?.module).toBe(
      kind === "extension" ? "bl_ext.user_default.bpyts_cube_grid" : "bpyts_cube_grid",
    );
    expect(r.result?.enabled).toBe(true);
    expect(r.result?.outcome).toEqual(["FINISHED"]);
    const cubes = r.result!.cubes;
    expect(cubes).toHaveLength(8);
    expect(cubes.map((c) => c.name).sort()).toEqual(
      ["0-0", "0-1", "1-0", "1-1", "2-0", "2-1", "3-0", "3-1"].map((s) => `Grid ${s}`),
    );
    expect(Math.max(...cubes.map((c) => c.x))).toBeCloseTo(9, 5);
    expect(Math.max(...cubes.map((c) => c.y))).toBeCloseTo(3, 5);
  });
});
