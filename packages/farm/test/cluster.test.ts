// End to end through the CLI: real redis-server, three `bpyts farm worker` processes on Blender
// 3.4 (+ one on 4.3 when its chroot exists), a 60-frame submission, a worker killed with -9 and
// Redis restarted mid-run.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, exited, freePort, startRedis } from "./support.js";

const blender43 = "/var/lib/bpyts/chroots/bin/blender-4.3";
const env = { ...process.env, BPYTS_FARM_SECRET: "cluster-secret" };

describe("farm cluster (CLI, real Redis, Blender 3.4)", () => {
  let dir: string;
  let port: number;
  let redis: ChildProcess | undefined;
  const workers: ChildProcess[] = [];
  const logs: string[] = [];

  function startWorker(extra: string[] = []): Promise<ChildProcess> {
    const w = spawn(
      process.execPath,
      [
        bin,
        "farm",
        "worker",
        "--redis",
        `redis://127.0.0.1:${port}`,
        "--stalled-interval",
        "2000",
        ...extra,
      ],
      { env, detached: true, stdio: ["ignore", "ignore", "pipe"] },
    );
    workers.push(w);
    const i = logs.push("") - 1;
    return new Promise((resolve, reject) => {
      w.stderr!.on("data", (d: Buffer) => {
        logs[i] += d.toString();
        if (/worker for Blender/.test(logs[i])) resolve(w);
      });
      w.once("exit", () => reject(new Error(`worker exited: ${logs[i]}`)));
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bpyts-farm-cluster-"));
    port = await freePort();
    redis = await startRedis(port, dir);
    await Promise.all([startWorker(), startWorker(), startWorker()]);
    if (existsSync(blender43)) await startWorker(["--blender", blender43]);
  }, 240_000);

  afterAll(async () => {
    for (const w of workers) {
      if (w.exitCode === null && w.signalCode === null) {
        try {
          process.kill(-w.pid!, "SIGTERM");
        } catch {}
      }
    }
    await Promise.all(workers.map(exited));
    redis?.kill("SIGTERM");
    if (redis) await exited(redis);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  function submit(entry: string, args: string[]) {
    const p = spawn(
      process.execPath,
      [
        bin,
        "farm",
        "submit",
        entry,
        "--redis",
        `redis://127.0.0.1:${port}`,
        "--target",
        "3.4",
        ...args,
      ],
      {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    p.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    const progress: ((s: string) => void)[] = [];
    p.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      for (const f of progress) f(stderr);
    });
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((r) =>
      p.once("exit", (code) => r({ code, stdout, stderr })),
    );
    return { done, onStderr: (f: (s: string) => void) => progress.push(f), process: p };
  }

  it("Ctrl-C on submit cancels the submission: its waiting jobs leave the queue, exit 130", async () => {
    const entry = join(dir, "idle.ts");
    writeFileSync(entry, 'console.log("never runs");\n');
    // a queue no worker reads, so the jobs stay waiting until the cancel
    const s = submit(entry, ["--queue", "nobody", "--frames", "1-6", "--chunk", "2"]);
    await new Promise<void>((r) => s.onStderr((t) => t.includes("submission ") && r()));
    s.process.kill("SIGINT");
    const r = await s.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/cancelled \(3 of 3 jobs removed/);
    const { Queue } = await import("bullmq");
    const q = new Queue("bpyts-nobody-3.4", { connection: { host: "127.0.0.1", port } });
    expect(await q.getJobCounts("waiting")).toMatchObject({ waiting: 0 });
    await q.close();
  }, 120_000);

  it("renders 60 frames in chunks: every frame exactly once, through kill -9 of a worker and a Redis restart", async () => {
    const entry = join(dir, "frames.ts");
    writeFileSync(
      entry,
      [
        'import * as bpy from "bpy";',
        'import { input, setResult } from "bpyts/runtime";',
        "const range = input<{ frames: { start: number; end: number } }>().frames;",
        "const scene = bpy.context.scene;",
        'scene.render.engine = "BLENDER_WORKBENCH";',
        "scene.render.resolution_x = 16;",
        "scene.render.resolution_y = 16;",
        "const out: { frame: number; version: string }[] = [];",
        "for (let f = range.start; f <= range.end; f++) {",
        "  scene.frame_set(f);",
        "  bpy.ops.render.render();",
        "  out.push({ frame: scene.frame_current, version: bpy.app.version_string });",
        "}",
        "setResult(out);",
        "",
      ].join("\n"),
    );
    const s = submit(entry, ["--frames", "1-60", "--chunk", "4", "--attempts", "5"]);
    let killed = false;
    let restarted = false;
    s.onStderr((text) => {
      if (!killed && /\b2\/15 jobs done/.test(text)) {
        killed = true;
        process.kill(-workers[0]!.pid!, "SIGKILL");
      }
      if (!restarted && /\b5\/15 jobs done/.test(text)) {
        restarted = true;
        const old = redis!;
        old.kill("SIGTERM");
        void exited(old).then(async () => (redis = await startRedis(port, dir)));
      }
    });
    const r = await s.done;
    expect(r.code, r.stderr).toBe(0);
    expect(killed).toBe(true);
    expect(restarted).toBe(true);
    const chunks = JSON.parse(r.stdout) as { frame: number; version: string }[][];
    const frames = chunks.flat().map((x) => x.frame);
    expect(frames).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // The 4.3 worker (when present) took none of the 3.4 submission's jobs.
    expect(new Set(chunks.flat().map((x) => x.version.slice(0, 3)))).toEqual(new Set(["3.4"]));
  }, 240_000);

  it("a job that raises shows the TS stack (file.ts:line) on the submitter", async () => {
    const entry = join(dir, "boom.ts");
    writeFileSync(
      entry,
      [
        'import { setResult } from "bpyts/runtime";',
        "function check(n: number): number {",
        '  if (n > 2) throw new Error("too big: " + n);',
        "  return n;",
        "}",
        "setResult(check(5));",
        "",
      ].join("\n"),
    );
    const r = await submit(entry, ["--attempts", "1"]).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/BPY0406/);
    expect(r.stderr).toMatch(/too big: 5/);
    expect(r.stderr).toMatch(/boom\.ts:3/);
  }, 120_000);
});

describe("farm CLI without a secret", () => {
  const { BPYTS_FARM_SECRET: _, ...noSecret } = process.env;
  it("refuses to start a worker (BPY0403) or read a missing secret file (BPY0405)", async () => {
    const { spawnSync } = await import("node:child_process");
    const a = spawnSync(
      process.execPath,
      [bin, "farm", "worker", "--redis", "redis://127.0.0.1:1"],
      {
        env: noSecret,
        encoding: "utf8",
      },
    );
    expect(a.status).toBe(1);
    expect(a.stderr).toMatch(/BPY0403.*shared secret/);
    const b = spawnSync(
      process.execPath,
      [bin, "farm", "worker", "--secret-file", "/nonexistent/secret"],
      {
        env: noSecret,
        encoding: "utf8",
      },
    );
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/BPY0405/);
  });
});
