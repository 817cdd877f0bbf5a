// examples/hello.ts and examples/render.ts (the README's first steps) on every Blender.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngSize } from "../helpers.js";
import {
  blenders,
  describeRun,
  distance,
  pixel,
  readPng,
  repoRoot,
  runExample,
  tempDir,
} from "./support.js";

describe.each(blenders)("examples/hello.ts and render.ts on Blender $version", ({ blender }) => {
  it("hello.ts lists the default scene's three objects", async () => {
    const r = await runExample(join(repoRoot, "examples/hello.ts"), undefined, [], { blender });
    expect(r.exitCode, describeRun(r)).toBe(0);
    expect(r.stdout).toContain('Scene "Scene" has 3 objects:');
    expect(r.stdout).toMatch(/- Cube \(MESH\) at z=0\n/);
    expect(r.stdout).toMatch(/- Camera \(CAMERA\) at z=\d/);
    expect(r.stdout).toMatch(/- Light \(LIGHT\) at z=\d/);
  });

  it("render.ts renders the default cube to out/render.png (640×360) in the current folder", async () => {
    const cwd = await tempDir("render");
    const r = await runExample(join(repoRoot, "examples/render.ts"), undefined, [], {
      blender,
      cwd,
    });
    expect(r.exitCode, describeRun(r)).toBe(0);
    const file = join(cwd, "out/render.png");
    expect(pngSize(await readFile(file))).toEqual({ width: 640, height: 360 });
    // The cube is in the picture: the centre differs from the corner (the world background).
    const img = await readPng(file);
    expect(distance(pixel(img, 320, 180), pixel(img, 5, 5))).toBeGreaterThan(10);
  });
});
