import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPool,
  encodeFrame,
  MAX_FRAME_BYTES,
  pythonDir,
  REQUEST_REFUSED,
  run,
  spawnProcess,
  workerMessageDecoder,
  type WorkerMessage,
  type WorkerPool,
} from "../src/index.js";
import { backendCommand, workerArgs } from "../src/run.js";
import { userDirsEnv } from "../src/userdirs.js";
import { pyFile, tempDir } from "./helpers.js";

describe("warm worker pool (real Blender, 2 workers)", () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = await createPool({ size: 2 });
    await pool.ready();
  });
  afterAll(async () => {
    await pool.close();
  });

  const square = `import bpy, os\nfrom bpyts.runtime import input, setResult\nprint("job", input())\nsetResult({"sq": input() ** 2, "pid": os.getpid()})\n`;

  it("runs N jobs on 2 workers; each gets its own input, output and result", async () => {
    const script = await pyFile(square);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        pool.run<{ sq: number; pid: number }>(script, { input: i }),
      ),
    );
    results.forEach((r, i) => {
      expect(r.error).toBeUndefined();
      expect(r.result?.sq).toBe(i * i);
      expect(r.stdout).toBe(`job ${i}\n`);
    });
    expect(new Set(results.map((r) => r.result?.pid)).size).toBe(2);
  });

  it("resets the scene between jobs (an object created in job 1 is gone in job 2)", async () => {
    const script = await pyFile(
      `import bpy\nfrom bpyts.runtime import setResult\nnames = sorted(o.name for o in bpy.data.objects)\n` +
        `bpy.ops.mesh.primitive_monkey_add()\nsetResult(names)\n`,
    );
    const small = await createPool({ size: 1 });
    try {
      const first = await small.run<string[]>(script);
      const second = await small.run<string[]>(script);
      expect(first.result).toEqual(["Camera", "Cube", "Light"]);
      expect(second.result).toEqual(["Camera", "Cube", "Light"]);
      const empty = await small.run<string[]>(script, { emptyScene: true });
      expect(empty.result).toEqual([]);
      const again = await small.run<string[]>(script);
      expect(again.result).toEqual(["Camera", "Cube", "Light"]);
      // Handlers, add-ons and preferences a job changed are gone too.
      const meddle = await pyFile(
        `import bpy, addon_utils\nfrom bpyts.runtime import setResult\n` +
          `p = bpy.context.preferences\n` +
          `setResult({"handlers": len(bpy.app.handlers.depsgraph_update_post) + len(bpy.app.handlers.load_post), "addon": "io_import_images_as_planes" in p.addons, "scale": p.view.ui_scale})\n` +
          `bpy.app.handlers.load_post.append(lambda *a: None)\nbpy.app.handlers.depsgraph_update_post.append(lambda *a: None)\n` +
          `bpy.ops.preferences.addon_enable(module="io_import_images_as_planes")\np.view.ui_scale = 1.5\n`,
      );
      const m1 = await small.run<Record<string, unknown>>(meddle);
      const m2 = await small.run<Record<string, unknown>>(meddle);
      expect(m1.error).toBeUndefined();
      expect(m2.result).toEqual(m1.result);
      expect(m2.result?.["addon"]).toBe(false);
      expect(m2.result?.["scale"]).toBe(1);
    } finally {
      await small.close();
    }
  });

  it("a crashing job fails clearly while the others finish; nothing queued is lost", async () => {
    const ok = await pyFile(square);
    const crash = await pyFile("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n");
    const before = pool.stats().started;
    const jobs = [0, 1, 2, 3, 4, 5].map((i) =>
      i === 2 ? pool.run(crash) : pool.run<{ sq: number }>(ok, { input: i }),
    );
    const results = await Promise.all(jobs);
    expect(results[2]?.error?.code).toBe("BPY0101");
    expect(results[2]?.error?.message).toMatch(/crashed \(SIGSEGV\)/);
    for (const i of [0, 1, 3, 4, 5])
      expect(results[i]?.result).toEqual({ sq: i * i, pid: expect.any(Number) });
    expect(pool.stats().started).toBe(before + 1); // replaced
  });

  it("maps exceptions like run() does", async () => {
    const r = await pool.run(await pyFile("import bpy\n\nraise ValueError('boom')\n"));
    expect(r.exitCode).toBe(1);
    expect(r.error?.format()).toMatch(/:3:1 - error BPY0100: ValueError: boom/);
    const after = await pool.run<{ sq: number }>(await pyFile(square), { input: 3 });
    expect(after.result?.sq).toBe(9);
  });

  it("kills a hanging job at its timeout and replaces the worker", async () => {
    const hang = await pyFile(
      "import time\nprint('hanging', flush=True)\nwhile True:\n    time.sleep(0.1)\n",
    );
    const before = pool.stats().started;
    const [hung, ok] = await Promise.all([
      pool.run(hang, { timeoutMs: 2000 }),
      pool.run<{ sq: number }>(await pyFile(square), { input: 7 }),
    ]);
    expect(hung.error?.code).toBe("BPY0102");
    expect(hung.stdout).toContain("hanging");
    expect(ok.result?.sq).toBe(49);
    expect(pool.stats().started).toBe(before + 1);
    const next = await pool.run<{ sq: number }>(await pyFile(square), { input: 2 });
    expect(next.result?.sq).toBe(4);
  });

  it("keeps .blend auto-run scripts disabled in workers too", async () => {
    const dir = await tempDir("bpyts pool 'blend' ");
    const blend = join(dir, "auto run.blend");
    const marker = join(dir, "ran.txt");
    const made = await run(
      await pyFile(
        `import bpy\nt = bpy.data.texts.new("a.py")\nt.write(${JSON.stringify(`open(${JSON.stringify(marker)}, "w").write("x")\n`)})\n` +
          `t.use_module = True\nbpy.ops.wm.save_as_mainfile(filepath=${JSON.stringify(blend)})\n`,
      ),
    );
    expect(made.exitCode).toBe(0);
    const r = await pool.run<string>(
      await pyFile(
        "import bpy\nfrom bpyts.runtime import setResult\nsetResult(bpy.data.filepath)\n",
      ),
      { blendFile: blend },
    );
    expect(r.result).toBe(blend);
    expect(existsSync(marker)).toBe(false);
  });

  it("cancels a running job through its AbortSignal (worker replaced) and a queued one at once", async () => {
    const hang = await pyFile("import time\nwhile True:\n    time.sleep(0.1)\n");
    const controller = new AbortController();
    const running = pool.run(hang, { signal: controller.signal });
    const other = pool.run(hang, { signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    const [a, b] = await Promise.all([running, other]);
    expect(a.error?.code).toBe("BPY0103");
    expect(b.error?.code).toBe("BPY0103");
    const after = await pool.run<{ sq: number }>(await pyFile(square), { input: 5 });
    expect(after.result?.sq).toBe(25);
  });

  it("a signal aborted while the script is being prepared cancels the job (it never hangs)", async () => {
    const controller = new AbortController();
    // run() prepares the script before it queues the job: abort in between
    const pending = pool.run(
      { python: "import time\ntime.sleep(600)\n" },
      { signal: controller.signal },
    );
    controller.abort();
    const r = await pending;
    expect(r.error?.code).toBe("BPY0103");
    expect(r.error?.message).toMatch(/before it started/);
  });

  it("fails jobs clearly when workers cannot start", async () => {
    const broken = await createPool({ size: 1, blender: "/bin/false" });
    const r = await broken.run(await pyFile("pass\n"));
    expect(r.error?.code).toBe("BPY0104");
    expect(r.error?.message).toMatch(/could not start/);
    await broken.close({ force: true });
  });

  it("closes gracefully: queued jobs still finish, new ones are refused", async () => {
    const p = await createPool({ size: 1 });
    const script = await pyFile(square);
    const jobs = [1, 2, 3].map((i) => p.run<{ sq: number }>(script, { input: i }));
    const closed = p.close();
    await expect(p.run(script)).rejects.toMatchObject({
      code: "BPY0106",
      message: expect.stringMatching(/closed/),
    });
    expect((await Promise.all(jobs)).map((r) => r.result?.sq)).toEqual([1, 4, 9]);
    await closed;
    expect(p.stats().busy + p.stats().idle).toBe(0);
  });
});

describe("a worker given a request outside the protocol (real Blender)", () => {
  it("runs nothing and exits with REQUEST_REFUSED (pool.ts turns that exit into BPY0112)", async () => {
    const { command } = await backendCommand({});
    const dirs = await userDirsEnv(process.env);
    try {
      // the worker as the pool starts it (pool.ts init/spawnWorker)
      const child = spawnProcess(command, workerArgs("binary"), {
        stdin: "pipe",
        extraPipes: 1,
        timeoutMs: 120_000,
        env: {
          ...dirs.env,
          PYTHONUNBUFFERED: "1",
          BPYTS_BACKEND: "binary",
          BPYTS_PYTHONPATH: pythonDir,
          BPYTS_RESPONSE_FD: "3",
          BPYTS_EMPTY_SCENE: "0",
          BPYTS_MAX_FRAME: String(MAX_FRAME_BYTES),
        },
      });
      const seen: WorkerMessage["type"][] = [];
      const channel = child.stdio[3] as NodeJS.ReadableStream;
      await new Promise<void>((ready, failed) => {
        channel.on(
          "data",
          workerMessageDecoder((m) => {
            seen.push(m.type);
            if (m.type === "ready") ready();
          }, failed),
        );
      });
      const marker = join(await tempDir(), "ran");
      const script = await pyFile(`open(${JSON.stringify(marker)}, "w").write("x")\n`);
      // a job without `input`, `args`, `cwd`, … (what an older or newer pool might send)
      child.stdin!.write(encodeFrame({ type: "job", id: 1, nonce: "n", script }));
      const r = await child;
      expect(r.exitCode, r.stderr).toBe(REQUEST_REFUSED);
      expect(r.stderr).toMatch(/bpyts worker: refused a request: job request without 'input'/);
      expect(seen).toEqual(["ready"]);
      expect(existsSync(marker), "the script did not run").toBe(false);
    } finally {
      await dirs.cleanup();
    }
  });
});
