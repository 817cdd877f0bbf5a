// The walking skeleton, end to end: TS → Python → real Blender, through the `bpyts` command.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { bpyts, pngSize } from "../helpers.js";

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "bpyts e2e "));
}

describe("bpyts run", () => {
  it("runs examples/hello.ts in Blender and prints the default scene's objects", async () => {
    const r = await bpyts(["run", "examples/hello.ts"]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Scene "Scene" has 3 objects:');
    expect(r.stdout).toMatch(/- Cube \(MESH\) at z=0\n/);
    expect(r.stdout).toMatch(/- Camera \(CAMERA\) at z=\d/);
    expect(r.stdout).toMatch(/- Light \(LIGHT\) at z=\d/);
  });

  it("renders examples/render.ts to a PNG of the requested size", async () => {
    const cwd = await tempDir();
    const r = await bpyts(["run", join(process.cwd(), "examples/render.ts")], { cwd });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const png = await readFile(join(cwd, "out/render.png"));
    expect(pngSize(png)).toEqual({ width: 640, height: 360 });
  });

  it("exits non-zero when the script throws", async () => {
    const dir = await tempDir();
    const entry = join(dir, "throws.ts");
    await writeFile(
      entry,
      `import * as bpy from "bpy";\nconsole.log(bpy.data.objects.length);\nthrow new Error("boom");\n`,
    );
    const r = await bpyts(["run", entry]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("boom");
  });

  it("passes script arguments after --", async () => {
    const dir = await tempDir();
    const entry = join(dir, "args.ts");
    await writeFile(entry, `import * as bpy from "bpy";\nconsole.log(bpy.app.version_string);\n`);
    const r = await bpyts(["run", entry, "--", "one", "two words"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\d+\.\d+\.\d+/);
  });

  it("names the fix when Blender is missing", async () => {
    const r = await bpyts(["run", "examples/hello.ts", "--blender", "/no/such/blender"]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /error BPY0003: Blender not found at \/no\/such\/blender .*apt-get install blender/,
    );
  });
});

describe("bpyts build", () => {
  it("writes readable Python that compiles, plus a source map", async () => {
    const dir = await tempDir();
    const out = join(dir, "out.py");
    const r = await bpyts(["build", "examples/hello.ts", "-o", out]);
    expect(r.exitCode, r.stderr).toBe(0);
    const python = await readFile(out, "utf8");
    expect(python).toMatch(/^import bpy$/m);
    expect(python).toMatch(/^for obj in scene\.objects:$/m);
    await execa("python3", ["-m", "py_compile", out]);
    const map = JSON.parse(await readFile(`${out}.map`, "utf8")) as {
      version: number;
      sources: string[];
    };
    expect(map.version).toBe(3);
    expect(map.sources.some((s) => s.endsWith("hello.ts"))).toBe(true);
  });

  for (const [name, source, pattern] of [
    ["syntax error", "const x = ;\n", /bad\.ts:1:11 - error TS1109: /],
    [
      "type error",
      'import * as bpy from "bpy";\nbpy.context.scene.frame_start = "one";\n',
      /bad\.ts:2:1 - error TS2322: /,
    ],
  ] as const) {
    it(`reports a ${name} at its location and writes nothing`, async () => {
      const dir = await tempDir();
      const entry = join(dir, "bad.ts");
      await writeFile(entry, source);
      const out = join(dir, "out.py");
      const r = await bpyts(["build", entry, "-o", out]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(pattern);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.map`)).toBe(false);
    });
  }

  it("reports a missing entry file", async () => {
    const dir = await tempDir();
    const r = await bpyts(["build", join(dir, "nope.ts"), "-o", join(dir, "out.py")]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/nope\.ts:1:1 - error BPY0001: entry file not found/);
    expect(existsSync(join(dir, "out.py"))).toBe(false);
  });
});
