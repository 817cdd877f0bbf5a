import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import {
  canonicalJson,
  chunkFrames,
  parseFrames,
  queueName,
  signPayload,
  startWorker,
  submit,
  verifyPayload,
  type FarmPayload,
  type FarmWorker,
} from "../src/index.js";
import { freePort, startRedis, waitForState } from "./support.js";

const SECRET = "test-secret";

describe("signing", () => {
  const payload: FarmPayload = {
    submission: "s",
    blenderVersion: "3.4",
    python: "print(1)",
    input: { a: 1, b: [2] },
  };
  it("accepts its own signature whatever the key order", () => {
    const sig = signPayload(payload, SECRET);
    const reordered = JSON.parse(
      JSON.stringify({
        input: { b: [2], a: 1 },
        python: "print(1)",
        blenderVersion: "3.4",
        submission: "s",
      }),
    );
    expect(verifyPayload(reordered, sig, SECRET)).toBeUndefined();
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
  it("refuses tampered, unsigned and foreign-secret jobs", () => {
    const sig = signPayload(payload, SECRET);
    expect(verifyPayload({ ...payload, python: "import os" }, sig, SECRET)).toMatch(
      /does not match/,
    );
    expect(verifyPayload(payload, undefined, SECRET)).toMatch(/not signed/);
    expect(verifyPayload(payload, sig, "other")).toMatch(/does not match/);
    expect(verifyPayload(payload, "abcd", SECRET)).toMatch(/does not match/);
  });
});

describe("frames and queues", () => {
  it("chunks a range in order, the last chunk shorter", () => {
    expect(chunkFrames(parseFrames("1-25"), 10)).toEqual([
      { start: 1, end: 10 },
      { start: 11, end: 20 },
      { start: 21, end: 25 },
    ]);
    expect(parseFrames("7")).toEqual({ start: 7, end: 7 });
  });
  it("refuses bad ranges and chunks with coded errors", () => {
    expect(() => parseFrames("a-b")).toThrow(/BPY0400/);
    expect(() => parseFrames("10-1")).toThrow(/BPY0400.*before the start/);
    expect(() => chunkFrames({ start: 1, end: 2 }, 0)).toThrow(/BPY0401/);
  });
  it("names one queue per Blender major.minor", () => {
    expect(queueName("default", "3.4.1")).toBe("bpyts-default-3.4");
    expect(queueName("x", "4.3")).toBe("bpyts-x-4.3");
    expect(() => queueName("x", "foo")).toThrow(/BPY0402/);
  });
});

describe("farm on real Redis and Blender 3.4", () => {
  let dir: string;
  let redis: ChildProcess;
  let port: number;
  let worker: FarmWorker | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bpyts-farm-"));
    port = await freePort();
    redis = await startRedis(port, dir);
    worker = await startWorker({
      connection: { host: "127.0.0.1", port },
      secret: SECRET,
      concurrency: 1,
      log: () => {},
    });
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    redis?.kill("SIGTERM");
    await new Promise((r) => (redis.exitCode !== null ? r(null) : redis.once("exit", r)));
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("cancel: waiting jobs are removed and the results reject at once (BPY0407)", async () => {
    const connection = { host: "127.0.0.1", port };
    // a queue no worker reads: every job stays waiting
    const s = await submit({
      connection,
      secret: SECRET,
      blenderVersion: "3.4",
      queue: "nobody",
      python: "print('never')",
      chunks: [
        { start: 1, end: 2 },
        { start: 3, end: 4 },
      ],
    });
    const settled = s.results.then(
      () => "resolved",
      (e: Error) => e.message,
    );
    const twice = [s.cancel(), s.cancel()];
    await Promise.all(twice);
    expect(await settled).toMatch(/^BPY0407: submission .* cancelled \(2 of 2 jobs removed/);
    // the results have settled and closed the queue: a later cancel has nothing to stop
    await expect(s.cancel()).resolves.toBeUndefined();
    const q = new Queue(queueName("nobody", "3.4"), { connection });
    expect(await q.getJobCounts("waiting", "delayed", "active")).toMatchObject({
      waiting: 0,
      delayed: 0,
      active: 0,
    });
    await q.close();
  });

  it("refuses a worker without a secret", async () => {
    await expect(
      startWorker({ connection: { host: "127.0.0.1", port }, secret: "" }),
    ).rejects.toThrow(/BPY0403/);
  });

  it("runs chunk jobs on Blender and merges their results in frame order", async () => {
    const progress: number[] = [];
    const s = await submit({
      connection: { host: "127.0.0.1", port },
      secret: SECRET,
      blenderVersion: worker!.version,
      python:
        "import bpy\nfrom bpyts.runtime import input, setResult\nr = input()['frames']\nout = []\n" +
        "for f in range(r['start'], r['end'] + 1):\n    bpy.context.scene.frame_set(f)\n    out.append(bpy.context.scene.frame_current)\nsetResult(out)\n",
      chunks: chunkFrames(parseFrames("1-7"), 2),
      onProgress: (done) => progress.push(done),
    });
    const results = await s.results;
    expect(results.flatMap((r) => r.result as number[])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress).toEqual([1, 2, 3, 4]);
  }, 120_000);

  it("renders frames into the job's outDir; the submitter writes them atomically, each once", async () => {
    const out = join(dir, "frames");
    const s = await submit({
      connection: { host: "127.0.0.1", port },
      secret: SECRET,
      blenderVersion: worker!.version,
      python:
        "import bpy, os\nfrom bpyts.runtime import input, setResult\nj = input()\nr = j['frames']\n" +
        "scene = bpy.context.scene\nscene.render.engine = 'BLENDER_WORKBENCH'\n" +
        "scene.render.resolution_x = scene.render.resolution_y = 8\nscene.render.resolution_percentage = 100\n" +
        "for f in range(r['start'], r['end'] + 1):\n    scene.frame_set(f)\n" +
        "    scene.render.filepath = os.path.join(j['outDir'], 'frame_%04d.png' % f)\n" +
        "    bpy.ops.render.render(write_still=True)\nsetResult(sorted(os.listdir(j['outDir'])))\n",
      chunks: chunkFrames(parseFrames("1-5"), 2),
      outDir: out,
    });
    const results = await s.results;
    expect(results.map((r) => r.result)).toEqual([
      ["frame_0001.png", "frame_0002.png"],
      ["frame_0003.png", "frame_0004.png"],
      ["frame_0005.png"],
    ]);
    // every frame exactly once, no temp file left, each a PNG
    const files = readdirSync(out).sort();
    expect(files).toEqual([1, 2, 3, 4, 5].map((f) => `frame_000${f}.png`));
    for (const f of files) expect(readFileSync(join(out, f)).subarray(1, 4).toString()).toBe("PNG");
  }, 120_000);

  it("fails a tampered job as unrecoverable (one attempt, reason kept)", async () => {
    const payload: FarmPayload = {
      submission: "t",
      blenderVersion: worker!.version,
      python: "print('ok')\n",
    };
    const signature = signPayload(payload, SECRET);
    const q = new Queue(worker!.queue, { connection: { host: "127.0.0.1", port } });
    const job = await q.add(
      "t",
      { payload: { ...payload, python: "print('evil')\n" }, signature },
      { attempts: 3 },
    );
    let state = "";
    for (let i = 0; i < 100 && state !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await job.getState();
    }
    const failed = await q.getJob(job.id!);
    await q.close();
    expect(state).toBe("failed");
    expect(failed!.failedReason).toMatch(/BPY0404.*does not match/);
    expect(failed!.attemptsMade).toBe(1);
  }, 60_000);

  it("a job past its timeout fails as BPY0102 (its Blender killed) and the worker takes the next job", async () => {
    const connection = { host: "127.0.0.1", port };
    const s = await submit({
      connection,
      secret: SECRET,
      blenderVersion: worker!.version,
      python: "import time\ntime.sleep(600)\n",
      timeoutMs: 1500,
      attempts: 2,
      backoffMs: 10,
    });
    await expect(s.results).rejects.toThrow(/BPY0102: timed out after 1500 ms/);
    const q = new Queue(worker!.queue, { connection });
    const failed = (await q.getFailed(0, 0))[0]!;
    await q.close();
    // dead-lettered with its reason after both attempts
    expect(failed.attemptsMade).toBe(2);
    expect(failed.failedReason).toMatch(/BPY0102/);
    const next = await submit({
      connection,
      secret: SECRET,
      blenderVersion: worker!.version,
      python: "from bpyts.runtime import setResult\nsetResult('after')\n",
    });
    expect((await next.results)[0]!.result).toBe("after");
  }, 120_000);

  it("cancel stops a running job at once: no retry, BPY0407 on the job; the worker goes on", async () => {
    const connection = { host: "127.0.0.1", port };
    const marker = join(dir, "started");
    const s = await submit({
      connection,
      secret: SECRET,
      blenderVersion: worker!.version,
      // says it started (a file), then sleeps
      python:
        "import time\nfrom bpyts.runtime import input\nopen(input()['marker'], 'w').close()\ntime.sleep(600)\n",
      inputs: [{ marker }, { marker }],
      attempts: 3,
    });
    const settled = s.results.catch((e: Error) => e.message);
    const q = new Queue(worker!.queue, { connection });
    while (!existsSync(marker)) await new Promise((r) => setTimeout(r, 50));
    expect(await q.getJobState(`${s.id}-0`)).toBe("active");
    const started = Date.now();
    await s.cancel();
    expect(await settled).toMatch(/BPY0407: submission .* cancelled \(1 of 2 jobs removed/);
    // the running one is stopped (Blender killed), not retried, not left to run 600 s
    expect(await waitForState(q, `${s.id}-0`, ["failed", "completed"])).toBe("failed");
    expect(Date.now() - started).toBeLessThan(30_000);
    const job = (await q.getJob(`${s.id}-0`))!;
    expect(job.failedReason).toMatch(/BPY0407: submission .* was cancelled/);
    expect(job.attemptsMade).toBe(1);
    expect(await q.getJob(`${s.id}-1`)).toBeUndefined();
    await q.close();
    const next = await submit({
      connection,
      secret: SECRET,
      blenderVersion: worker!.version,
      python: "from bpyts.runtime import setResult\nsetResult('still here')\n",
    });
    expect((await next.results)[0]!.result).toBe("still here");
  }, 120_000);

  it("a raising job rejects on the submitter with the Python error, after its attempts", async () => {
    const s = await submit({
      connection: { host: "127.0.0.1", port },
      secret: SECRET,
      blenderVersion: worker!.version,
      python: "raise ValueError('boom from the farm')\n",
      attempts: 2,
      backoffMs: 10,
    });
    await expect(s.results).rejects.toThrow(/boom from the farm/);
  }, 60_000);
});
