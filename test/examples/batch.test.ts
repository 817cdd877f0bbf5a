// examples/batch: make a folder of .blend files with Blender, batch-edit it with the example, then
// re-open every output in a fresh Blender and check the edits (and the untouched inputs).
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeRun, runExample, tempDir, blenders } from "./support.js";

const entry = "examples/batch/main.ts";
const maker = "examples/batch/make-scenes.ts";
const inspector = "test/examples/fixtures/inspect-blends.ts";

interface Inspected {
  file: string;
  objects: string[];
  materials: { name: string; color: number[]; fakeUser: boolean; users: number }[];
}

describe.each(blenders)("examples/batch on Blender $version", ({ blender }) => {
  const run = <T = unknown>(
    file: string,
    input: unknown,
    extra: string[] = [],
    options: { env?: NodeJS.ProcessEnv } = {},
  ) => runExample<T>(file, input, extra, { ...options, blender });

  it("renames objects and repaints materials in every file, and gathers the materials in a library", async () => {
    const root = await tempDir("batch");
    const scenes = join(root, "scenes");
    const out = join(root, "out");
    await mkdir(scenes);
    await mkdir(out);

    const made = await run<string[]>(maker, undefined, ["--", scenes, "3"]);
    expect(made.exitCode, describeRun(made)).toBe(0);
    const files = [0, 1, 2].map((i) => join(scenes, `scene${i}.blend`));
    expect(made.result).toEqual(files);

    const green = [0.1, 0.6, 0.2];
    const r = await run<{
      files: { objectsBefore: string[]; objectsAfter: string[] }[];
      materials: number;
    }>(entry, { prefix: "Final_", color: green }, ["--", out, ...files]);
    expect(r.exitCode, describeRun(r)).toBe(0);
    // What libraries.load listed without opening the files:
    expect(r.result?.files.map((f) => [...f.objectsBefore].sort())).toEqual([
      ["Box0"],
      ["Box0", "Box1"],
      ["Box0", "Box1", "Box2"],
    ]);
    expect(r.result?.materials).toBe(3);

    const outputs = files.map((f) => join(out, f.split("/").pop()!));
    const library = join(out, "materials.blend");
    expect(existsSync(library)).toBe(true);
    const check = await run<Inspected[]>(inspector, undefined, [
      "--",
      ...outputs,
      library,
      files[2]!,
    ]);
    expect(check.exitCode, describeRun(check)).toBe(0);
    const [s0, s1, s2, lib, original] = check.result!;

    // Every object renamed exactly once (renaming while iterating bpy.data.objects would not).
    expect(s0!.objects).toEqual(["Final_Box0"]);
    expect(s1!.objects).toEqual(["Final_Box0", "Final_Box1"]);
    expect(s2!.objects).toEqual(["Final_Box0", "Final_Box1", "Final_Box2"]);
    for (const [i, s] of [s0!, s1!, s2!].entries()) {
      expect(s.materials.map((m) => m.name)).toEqual([`Paint${i}`]);
      s.materials[0]!.color.forEach((c, k) => expect(c).toBeCloseTo(green[k]!, 4));
    }
    // The library: the three repainted materials, no objects, kept alive by fake users.
    expect(lib!.objects).toEqual([]);
    expect(lib!.materials.map((m) => m.name).sort()).toEqual(["Paint0", "Paint1", "Paint2"]);
    expect(lib!.materials.every((m) => m.fakeUser)).toBe(true);
    lib!.materials[0]!.color.forEach((c, k) => expect(c).toBeCloseTo(green[k]!, 4));
    // The inputs are untouched (saved as copies elsewhere).
    expect(original!.objects).toEqual(["Box0", "Box1", "Box2"]);
    expect(original!.materials[0]!.color[1]).not.toBeCloseTo(0.6, 2);
  });
});
