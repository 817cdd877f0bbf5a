// A worker's shutdown through the CLI, as an operator does it: SIGTERM lets the running job
// finish and exits 0; a second SIGTERM puts the running job back in the queue (no attempt
// counted) for another worker. Real redis-server, real Blender 3.4, `farm status` read between.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submit } from "../src/index.js";
import { bin, exited, freePort, startRedis, waitForState } from "./support.js";

const SECRET = "shutdown-secret";
const env = { ...process.env, BPYTS_FARM_SECRET: SECRET };
const run = promisify(execFile);

describe("farm worker shutdown (CLI, real Redis, Blender 3.4)", () => {
  let dir: string;
  let port: number;
  let redis: ChildProcess | undefined;
  const workers: ChildProcess[] = [];

  /** A `bpyts farm worker` on queue `name`; resolves once it has announced itself. */
  function startWorker(name: string): Promise<{ process: ChildProcess; log: () => string }> {
    const w = spawn(
      process.execPath,
      [bin, "farm", "worker", "--redis", `redis://127.0.0.1:${port}`, "--queue", name],
      { env, detached: true, stdio: ["ignore", "ignore", "pipe"] },
    );
    workers.push(w);
    let log = "";
    return new Promise((resolve, reject) => {
      w.stderr!.on("data", (d: Buffer) => {
        log += d.toString();
        if (/worker for Blender/.test(log)) resolve({ process: w, log: () => log });
      });
      w.once("exit", () => reject(new Error(`worker exited: ${log}`)));
    });
  }

  const job = (name: string, seconds: number, inputs: unknown[]) =>
    submit({
      connection: { host: "127.0.0.1", port },
      secret: SECRET,
      blenderVersion: "3.4",
      queue: name,
      python: `import time\nfrom bpyts.runtime import input, setResult\ntime.sleep(${seconds})\nsetResult(input())\n`,
      inputs,
      attempts: 2,
    });

  const status = async (name: string) =>
    (
      await run(
        process.execPath,
        [
          bin,
          "farm",
          "status",
          "--redis",
          `redis://127.0.0.1:${port}`,
          "--queue",
          name,
          "--versions",
          "3.4",
        ],
        { env },
      )
    ).stdout;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bpyts-farm-shutdown-"));
    port = await freePort();
    redis = await startRedis(port, dir);
  }, 60_000);

  afterAll(async () => {
    for (const w of workers)
      if (w.exitCode === null && w.signalCode === null)
        try {
          process.kill(-w.pid!, "SIGKILL");
        } catch {}
    await Promise.all(workers.map(exited));
    redis?.kill("SIGTERM");
    if (redis) await exited(redis);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("SIGTERM: the running job finishes and is delivered, the next stays queued, exit 0", async () => {
    const w = await startWorker("drain");
    const s = await job("drain", 3, [{ n: 1 }, { n: 2 }]);
    const q = new Queue("bpyts-drain-3.4", { connection: { host: "127.0.0.1", port } });
    expect(await waitForState(q, `${s.id}-0`, ["active"])).toBe("active");
    expect(await status("drain")).toMatch(
      new RegExp(
        `bpyts-drain-3.4: workers 1, waiting 1, active 1[^]*running ${s.id}-0: attempt 1/2`,
      ),
    );
    w.process.kill("SIGTERM");
    await exited(w.process);
    expect(w.process.exitCode, w.log()).toBe(0);
    expect(w.log()).toMatch(/stopping \(running jobs finish first/);
    expect(await q.getJobState(`${s.id}-0`)).toBe("completed");
    expect((await q.getJob(`${s.id}-0`))!.returnvalue).toMatchObject({ result: { n: 1 } });
    expect(await q.getJobState(`${s.id}-1`)).toBe("waiting");
    // a new worker finishes the submission
    await startWorker("drain");
    expect((await s.results).map((r) => (r.result as { n: number }).n)).toEqual([1, 2]);
    await q.close();
  }, 180_000);

  it("a second SIGTERM returns the running job to the queue; another worker runs it once", async () => {
    const a = await startWorker("handoff");
    const s = await job("handoff", 600, [{ n: 7 }]);
    const q = new Queue("bpyts-handoff-3.4", { connection: { host: "127.0.0.1", port } });
    expect(await waitForState(q, `${s.id}-0`, ["active"])).toBe("active");
    a.process.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    a.process.kill("SIGTERM");
    await exited(a.process);
    expect(a.process.exitCode, a.log()).toBe(0);
    expect(a.log()).toMatch(/returned job .* to the queue/);
    const back = (await q.getJob(`${s.id}-0`))!;
    expect(await back.getState()).toBe("waiting");
    expect(back.attemptsMade).toBe(0);
    await q.close();
    // it sleeps 600 s: once another worker has it, cancel it there (farm.test.ts checks that a
    // cancel stops a job mid-run; here it may also meet the job before it starts)
    await startWorker("handoff");
    const q2 = new Queue("bpyts-handoff-3.4", { connection: { host: "127.0.0.1", port } });
    expect(await waitForState(q2, `${s.id}-0`, ["active"])).toBe("active");
    const settled = s.results.catch((e: Error) => e.message);
    await s.cancel();
    expect(await settled).toMatch(/BPY0407/);
    expect(await waitForState(q2, `${s.id}-0`, ["failed"])).toBe("failed");
    expect(await status("handoff")).toMatch(
      new RegExp(`failed ${s.id}-0 after 1 attempt\\(s\\): BPY0407: submission .* was cancelled`),
    );
    await q2.close();
  }, 180_000);
});
