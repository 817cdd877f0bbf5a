import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPool, findBlender, run, RunnerError, type ProgressEvent } from "../src/index.js";
import { handMap, pyFile, tempDir } from "./helpers.js";

describe("run() on real Blender (binary backend)", () => {
  it("passes JSON input and args in, gets the typed result back (not via stdout)", async () => {
    const script = await pyFile(
      `import bpy\nfrom bpyts.runtime import input, setResult, args\nprint("hello from blender")\n` +
        `setResult({"sum": sum(input()["xs"]), "objects": sorted(o.name for o in bpy.data.objects), "args": args})\n`,
    );
    const r = await run<{ sum: number; objects: string[]; args: string[] }>(script, {
      input: { xs: [1, 2, 3] },
      args: ["a b", `c'd"e`],
    });
    expect(r.exitCode).toBe(0);
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual({
      sum: 6,
      objects: ["Camera", "Cube", "Light"],
      args: ["a b", `c'd"e`],
    });
    expect(r.stdout).toContain("hello from blender");
    expect(r.stdout).not.toContain('"sum"');
  });

  it("maps an uncaught exception to the TS line through the source map", async () => {
    const dir = await tempDir();
    const ts = join(dir, "x.ts");
    // x.ts line 12 `throw …` → Python line 3; the helper function is on TS line 11.
    const python = `import bpy\ndef helper():\n    raise ValueError("boom")\nhelper()\n`;
    const sourceMap = handMap(ts, [
      [1, 1],
      [11, 1],
      [12, 5, 4],
      [14, 1],
    ]);
    const r = await run({ python, sourceMap, fileName: "x.py" });
    expect(r.exitCode).toBe(1);
    expect(r.error?.code).toBe("BPY0100");
    expect(r.error?.type).toBe("ValueError");
    expect(r.error?.tsStack[0]).toMatchObject({
      file: ts,
      line: 12,
      column: 5,
      name: "helper",
      mapped: true,
    });
    expect(r.error?.tsStack[1]).toMatchObject({ file: ts, line: 14, column: 1 });
    const text = r.error?.format({ cwd: dir }) ?? "";
    expect(text).toContain(
      "error BPY0100: ValueError: boom\n    at helper (x.ts:12:5)\n    at x.ts:14:1",
    );
    expect(text.startsWith("x.ts:12:5 - error BPY0100")).toBe(true);
    expect(r.error?.format({ cwd: dir, pythonTrace: true })).toMatch(
      /Python traceback:[\s\S]*line 3, in helper/,
    );
  });

  it("reports a segfault in the script as a crash", async () => {
    const r = await run(await pyFile("import ctypes\nctypes.string_at(0)\n"));
    expect(r.error?.code).toBe("BPY0101");
    expect(r.signal).toBe("SIGSEGV");
    expect(r.exitCode).not.toBe(0);
    expect(r.error?.message).toMatch(/Blender crashed \(SIGSEGV\)/);
  });

  it("kills a hanging script at the timeout", async () => {
    const started = Date.now();
    const r = await run(await pyFile("import time\nwhile True:\n    time.sleep(0.1)\n"), {
      timeoutMs: 3000,
    });
    expect(r.error?.code).toBe("BPY0102");
    expect(r.exitCode).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("cancels through an AbortSignal", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500);
    const r = await run(await pyFile("import time\nwhile True:\n    time.sleep(0.1)\n"), {
      signal: controller.signal,
    });
    expect(r.error?.code).toBe("BPY0103");
  });

  it("rejects input that is not JSON-serialisable with a clear error", async () => {
    const circular: Record<string, unknown> = {};
    circular["self"] = circular;
    await expect(run(await pyFile("pass\n"), { input: circular })).rejects.toThrow(
      /BPY0105|input is not JSON-serialisable/,
    );
    await expect(run(await pyFile("pass\n"), { input: 10n })).rejects.toBeInstanceOf(RunnerError);
  });

  it("reports a result that is not JSON-serialisable at the line that set it", async () => {
    const r = await run(await pyFile("from bpyts.runtime import setResult\nsetResult(object())\n"));
    expect(r.error?.type).toBe("TypeError");
    expect(r.error?.message).toMatch(/not JSON-serialisable/);
    expect(r.error?.tsStack[0]?.line).toBe(2);
  });

  it("exits with the script's sys.exit status", async () => {
    const r = await run(await pyFile("import sys\nsys.exit(3)\n"));
    expect(r.exitCode).toBe(3);
    expect(r.error).toBeUndefined();
  });

  it("compiles while Blender starts, for the version Blender reports (recompiling on a wrong guess)", async () => {
    const asked: string[] = [];
    const reported: string[] = [];
    const python = `import bpy\nfrom bpyts.runtime import setResult\nsetResult(bpy.app.version_string)\n`;
    const r = await run<string>({
      assumedVersion: "5.2.0", // a stale guess: Blender 3.4 answers, the script is compiled again
      compileFor: async (version) => {
        asked.push(version);
        return { python, fileName: "v.py" };
      },
      onVersion: (v) => reported.push(v),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.result).toMatch(/^3\.4/);
    expect(reported).toEqual([expect.stringMatching(/^3\.4\.\d+$/)]);
    expect(asked).toEqual(["5.2.0", reported[0]]);
    // a right guess compiles once
    asked.length = 0;
    const again = await run<string>({
      assumedVersion: reported[0],
      compileFor: async (version) => {
        asked.push(version);
        return { python, fileName: "v.py" };
      },
    });
    expect(again.result).toBe(r.result);
    expect(asked).toEqual([reported[0]]);
  });

  it("a compile that fails while Blender starts stops Blender and rejects with the compile error", async () => {
    // Blender, waiting for its job, must be stopped: otherwise this never settles (test timeout)
    await expect(
      run({
        compileFor: async () => {
          throw new Error("does not compile");
        },
      }),
    ).rejects.toThrow("does not compile");
  });

  it("says which Blender is missing", async () => {
    await expect(run(await pyFile("pass\n"), { blender: "/nope/blender" })).rejects.toThrow(
      /Blender not found at \/nope\/blender \(from --blender\).*apt-get install blender.*\$BLENDER/,
    );
  });

  it("parses render progress into typed events", async () => {
    const dir = await tempDir("bpyts progress ");
    const events: ProgressEvent[] = [];
    const script = await pyFile(
      `import bpy\ns = bpy.context.scene\ns.render.engine = "CYCLES"\ns.cycles.samples = 4\n` +
        `s.cycles.use_denoising = False\ns.render.resolution_x = 32\ns.render.resolution_y = 32\n` +
        `s.render.filepath = ${JSON.stringify(join(dir, "r.png"))}\nbpy.ops.render.render(write_still=True)\n`,
      dir,
    );
    const r = await run(script, { onProgress: (e) => events.push(e) });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(events.some((e) => e.kind === "samples" && e.total === 4 && e.frame === 1)).toBe(true);
    expect(events.find((e) => e.kind === "saved")).toMatchObject({ path: join(dir, "r.png") });
  });
});

describe("paths and .blend files", () => {
  /** Build a .blend with Blender itself: a registered (use_module) Text block that writes a marker. */
  async function autorunBlend(dir: string): Promise<{ blend: string; marker: string }> {
    const blend = join(dir, `it's a "scene".blend`);
    const marker = join(dir, "autorun-ran.txt");
    const maker = await pyFile(
      `import bpy\nt = bpy.data.texts.new("autorun.py")\n` +
        `t.write(${JSON.stringify(`open(${JSON.stringify(marker)}, "w").write("ran")\nimport bpy\nbpy.app.driver_namespace["bpyts_autorun"] = 1\n`)})\n` +
        `t.use_module = True\nbpy.data.objects["Cube"].name = "SavedCube"\n` +
        `bpy.ops.wm.save_as_mainfile(filepath=${JSON.stringify(blend)})\n`,
      dir,
      "make blend.py",
    );
    const r = await run(maker);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    return { blend, marker };
  }

  it("runs a script and opens a .blend whose paths have spaces and quotes; auto-run stays off", async () => {
    const dir = await tempDir(`bpyts it's "quoted" `);
    await mkdir(join(dir, "sub dir"));
    const { blend, marker } = await autorunBlend(dir);
    const script = await pyFile(
      `import bpy\nfrom bpyts.runtime import setResult\n` +
        `setResult({"objects": sorted(o.name for o in bpy.data.objects), "ns": "bpyts_autorun" in bpy.app.driver_namespace, "file": bpy.data.filepath})\n`,
      join(dir, "sub dir"),
      `my "script" it's.py`,
    );
    const r = await run<{ objects: string[]; ns: boolean; file: string }>(script, {
      blendFile: blend,
    });
    expect(r.error, r.stdout).toBeUndefined();
    expect(r.result?.objects).toContain("SavedCube");
    expect(r.result?.file).toBe(blend);
    expect(r.result?.ns).toBe(false);
    expect(existsSync(marker)).toBe(false);

    // Proof that the block is live: with allowAutorun it does run.
    const allowed = await run<{ ns: boolean }>(script, { blendFile: blend, allowAutorun: true });
    expect(allowed.result?.ns).toBe(true);
    expect(existsSync(marker)).toBe(true);
  });

  it("fails clearly when the .blend does not exist", async () => {
    await expect(run(await pyFile("pass\n"), { blendFile: "/nope/x.blend" })).rejects.toThrow(
      /\.blend file not found/,
    );
  });
});

describe("other Blender versions (only where the chroot wrappers are provisioned)", () => {
  for (const v of ["4.3", "5.2"]) {
    const blender = `/var/lib/bpyts/chroots/bin/blender-${v}`;
    it.skipIf(!existsSync(blender))(`reports render progress on Blender ${v}`, async () => {
      const dir = await tempDir("bpyts progress ");
      const events: ProgressEvent[] = [];
      const script = await pyFile(
        `import bpy\ns = bpy.context.scene\ns.render.engine = "CYCLES"\ns.cycles.samples = 4\n` +
          `s.cycles.use_denoising = False\ns.render.resolution_x = 16\ns.render.resolution_y = 16\n` +
          `s.render.filepath = ${JSON.stringify(join(dir, "r.png"))}\nbpy.ops.render.render(write_still=True)\n`,
        dir,
      );
      const r = await run(script, { blender, onProgress: (e) => events.push(e) });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(events.some((e) => e.kind === "samples" && e.current === 4 && e.total === 4)).toBe(
        true,
      );
      expect(events.find((e) => e.kind === "saved")).toMatchObject({ path: join(dir, "r.png") });
    });
    it.skipIf(!existsSync(blender))(`runs and maps an exception on Blender ${v}`, async () => {
      await findBlender({ blender });
      const ok = await run<string>(
        await pyFile(
          "import bpy\nfrom bpyts.runtime import setResult\nsetResult(bpy.app.version_string)\n",
        ),
        { blender },
      );
      expect(ok.result).toMatch(new RegExp(`^${v.replace(".", "\\.")}`));
      const bad = await run(await pyFile("x = 1\nraise RuntimeError('new python')\n"), { blender });
      expect(bad.error?.type).toBe("RuntimeError");
      expect(bad.error?.tsStack[0]?.line).toBe(2);
    });
  }
});

// Keep tmp writes out of the repo.
void writeFile;
