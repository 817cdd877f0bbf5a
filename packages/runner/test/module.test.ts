// The module backend (a Python interpreter where `import bpy` works) against a TEST DOUBLE:
// the pip `bpy` module cannot be installed here (no PyPI), so test/fake-bpy/bpy stands in for it,
// on PYTHONPATH for these tests only. Everything else in the runner is tested on real Blender.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createPool, run } from "../src/index.js";
import { pyFile, tempDir } from "./helpers.js";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

const fakeBpy = fileURLToPath(new URL("./fake-bpy", import.meta.url));
const env = { ...process.env, PYTHONPATH: fakeBpy };
const probe = `import bpy, sys, signal
from bpyts.runtime import input, setResult, args
setResult({
  "binary_path": bpy.app.binary_path,
  "loaded_before": bpy.loaded_before,
  "calls": [list(c) for c in bpy.calls],
  "objects": [o.name for o in bpy.data.objects],
  "argv": sys.argv,
  "args": list(args),
  "input": input(None),
  "sigint_default": signal.getsignal(signal.SIGINT) is signal.default_int_handler,
})
bpy.data.objects.append(type("O", (), {"name": "Added"})())
`;

describe("module backend (fake bpy test double)", () => {
  it("imports bpy first, sets binary_path, passes args without sys.argv", async () => {
    const script = await pyFile(probe);
    const r = await run<Record<string, unknown>>(script, {
      backend: "module",
      blender: "/usr/bin/blender",
      env,
      input: { n: 1 },
      args: ["a b"],
    });
    expect(r.error, r.stderr).toBeUndefined();
    expect(r.exitCode).toBe(0);
    expect(r.result).toMatchObject({
      binary_path: "/usr/bin/blender",
      loaded_before: [],
      objects: ["Camera", "Cube", "Light"],
      args: ["a b"],
      input: { n: 1 },
      sigint_default: true,
    });
    expect((r.result?.["argv"] as string[]).includes("a b")).toBe(false);
    expect(r.result?.["calls"]).toEqual([["read_factory_settings", false]]);
  });

  it("empty scene and .blend (scripts disabled) on request", async () => {
    const script = await pyFile(probe);
    const empty = await run<Record<string, unknown>>(script, {
      backend: "module",
      env,
      emptyScene: true,
    });
    expect(empty.result?.["objects"]).toEqual([]);
    const blend = join(await tempDir("bpyts module '"), "scene file.blend");
    await writeFile(blend, "");
    const opened = await run<Record<string, unknown>>(script, {
      backend: "module",
      env,
      blendFile: blend,
    });
    expect(opened.result?.["calls"]).toEqual([["open_mainfile", blend, false]]);
  });

  it("maps exceptions and runs a warm pool with resets between jobs", async () => {
    const pool = await createPool({ backend: "module", size: 1, env, blender: "/usr/bin/blender" });
    try {
      const script = await pyFile(probe);
      const first = await pool.run<Record<string, unknown>>(script, { input: 1 });
      const second = await pool.run<Record<string, unknown>>(script, { input: 2 });
      expect(first.result?.["objects"]).toEqual(["Camera", "Cube", "Light"]);
      // "Added" by job 1 is gone in job 2: the scene was reset (and binary_path set again).
      expect(second.result?.["objects"]).toEqual(["Camera", "Cube", "Light"]);
      expect(second.result?.["binary_path"]).toBe("/usr/bin/blender");
      expect(second.result?.["input"]).toBe(2);
      // Instant resets make the `idle` frame race the output markers: many quick jobs, none lost.
      const quick = await pyFile(
        "from bpyts.runtime import input, setResult\nprint(input())\nsetResult(input())\n",
      );
      const many = await Promise.all(
        Array.from({ length: 40 }, (_, i) => pool.run<number>(quick, { input: i })),
      );
      expect(many.map((r) => r.result)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(many.map((r) => r.stdout)).toEqual(Array.from({ length: 40 }, (_, i) => `${i}\n`));
      // One .blend per bpy process: the worker that opened one is replaced afterwards.
      const blend = join(await tempDir(), "one.blend");
      await writeFile(blend, "");
      const startedBefore = pool.stats().started;
      const opened = await pool.run<Record<string, unknown>>(script, { blendFile: blend });
      expect(opened.result?.["objects"]).toEqual(["FromBlend"]);
      const fresh = await pool.run<Record<string, unknown>>(script);
      expect(fresh.result?.["objects"]).toEqual(["Camera", "Cube", "Light"]);
      expect(pool.stats().started).toBe(startedBefore + 1);
      const bad = await pool.run(await pyFile("raise KeyError('k')\n"));
      expect(bad.error?.code).toBe("BPY0100");
      expect(bad.error?.type).toBe("KeyError");
    } finally {
      await pool.close();
    }
  });
});
