import { mkdtemp, writeFile, chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BlenderNotFoundError, blenderVersion, findBlender, runScript } from "../src/index.js";

async function script(source: string, dirName = "bpyts-runner-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), dirName));
  const file = join(dir, "script.py");
  await writeFile(file, source);
  return file;
}

describe("findBlender", () => {
  it("finds the installed Blender on PATH and reads its version", async () => {
    const blender = await findBlender({ env: { PATH: process.env["PATH"] } });
    expect(await blenderVersion(blender)).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("prefers --blender over $BLENDER and rejects a missing explicit path", async () => {
    await expect(findBlender({ blender: "/nope/blender", env: {} })).rejects.toThrow(
      /Blender not found at \/nope\/blender \(from --blender\)/,
    );
    await expect(findBlender({ env: { BLENDER: "/nope/b2" } })).rejects.toThrow(/from \$BLENDER/);
  });

  it("looks a bare command name up on PATH, as a shell does", async () => {
    const dir = dirname(await findBlender({ env: { PATH: process.env["PATH"] } }));
    expect(await findBlender({ blender: "blender", env: { PATH: `/nonexistent:${dir}` } })).toBe(
      join(dir, "blender"),
    );
    await expect(
      findBlender({ blender: "blender", env: { PATH: "/nonexistent" } }),
    ).rejects.toThrow(/Blender not found at blender \(from --blender\)/);
  });

  it("says how to install Blender when there is none", async () => {
    const err = await findBlender({ env: { PATH: "/nonexistent" } }).catch((e: unknown) => e);
    // The well-known locations include /usr/bin/blender, which exists on this machine.
    if (err instanceof BlenderNotFoundError) expect(err.message).toMatch(/apt-get install blender/);
    else expect(err).toBe("/usr/bin/blender");
  });
});

describe("runScript (real Blender)", () => {
  it("streams output and returns exit code 0", async () => {
    const blender = await findBlender();
    const chunks: string[] = [];
    const file = await script(
      "import bpy, sys\nprint('objects:', sorted(o.name for o in bpy.data.objects))\nprint('args:', sys.argv[sys.argv.index('--') + 1:])\n",
      "bpyts runner 'quoted' ",
    );
    const result = await runScript(file, {
      blender,
      args: ["a b", "c'd"],
      onStdout: (c) => chunks.push(c),
    });
    expect(result.exitCode).toBe(0);
    expect(chunks.join("")).toContain("objects: ['Camera', 'Cube', 'Light']");
    expect(result.stdout).toContain(`args: ['a b', "c'd"]`);
  });

  it("exits non-zero on an uncaught exception", async () => {
    const blender = await findBlender();
    const file = await script("raise ValueError('boom')\n");
    const result = await runScript(file, { blender });
    expect(result.exitCode).toBe(1);
    // Blender prints Python tracebacks to stdout.
    expect(result.stdout + result.stderr).toContain("ValueError: boom");
  });

  it("reports a crash by signal", async () => {
    const blender = await findBlender();
    const file = await script("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n");
    const result = await runScript(file, { blender });
    expect(result.exitCode).not.toBe(0);
  });

  it("fails clearly when the executable cannot start", async () => {
    const blender = join(await mkdtemp(join(tmpdir(), "bpyts-")), "not-executable");
    await writeFile(blender, "");
    await chmod(blender, 0o644);
    await expect(runScript("x.py", { blender })).rejects.toThrow(/cannot start Blender/);
  });
});
