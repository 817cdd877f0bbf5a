import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { debugPoolJob } from "@bpyts/debug";
import { createPool, type WorkerPool } from "@bpyts/runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, stack, step, tcpEditor, variables, where, withEditor } from "./dap-editor.js";

// Debugging one job of a warm pool (`debugPoolJob` of @bpyts/debug, `debugpy` of the pool's job
// options) against real Blender 3.4 and debugpy.

const JOB = `import { input, setResult } from "bpyts/runtime";

function scale(values: number[], factor: number): number[] {
  const out: number[] = [];
  for (const v of values) {
    out.push(v * factor);
  }
  return out;
}

const data = input<{ values: number[]; factor: number }>();
const scaled = scale(data.values, data.factor);
setResult({ scaled, total: scaled.reduce((a, b) => a + b, 0) });
`;

const PLAIN = `import { input, setResult } from "bpyts/runtime";
setResult(input<number>() + 1);
`;

let dir: string;
let pool: WorkerPool;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bpyts-debug-pool-"));
  await writeFile(join(dir, "job.ts"), JOB);
  await writeFile(join(dir, "plain.ts"), PLAIN);
  pool = await createPool({ size: 2 });
  await pool.ready();
});
afterAll(async () => {
  await pool?.close({ force: true });
  await rm(dir, { recursive: true, force: true });
});

describe("debugging a job in a warm pool worker (Blender 3.4)", () => {
  it("stops on a TS line with a TS stack, the other worker keeps serving, continue gives the job's result", async () => {
    const job = join(dir, "job.ts");
    const debugged = await debugPoolJob(pool, job, { input: { values: [1, 2, 3], factor: 2 } });
    await withEditor(tcpEditor(debugged.port), async (e) => {
      const stopped = e.dap.waitEvent<DebugProtocol.StoppedEvent>("stopped");
      // no `program`: the job is the one given to debugPoolJob
      const [bps] = await launch(e, "", { [job]: [6] });
      expect(bps!.map((b) => b.verified)).toEqual([true]);
      const { threadId, reason } = (await stopped).body;
      expect(reason).toBe("breakpoint");
      const frames = await stack(e, threadId!);
      expect(frames.map(where)).toEqual(["scale job.ts:6", "<module> job.ts:12"]);
      expect(await variables(e, frames[0]!.id)).toEqual({
        factor: "2",
        out: "[]",
        v: "1",
        values: "[1, 2, 3]",
      });
      // paused in one worker; the pool's other worker runs other jobs meanwhile
      expect(pool.stats().busy).toBe(1);
      const other = await pool.run<number>(join(dir, "plain.ts"), { input: 41 });
      expect(other.error?.format()).toBeUndefined();
      expect(other.result).toBe(42);
      // stepping stays on the job's TS lines
      expect((await step(e, "next", threadId!))[0]).toBe("scale job.ts:5");
      // off the breakpoint, to the end: the job's own result
      await e.dap.request("setBreakpoints", { source: { path: job }, breakpoints: [] });
      const exited = e.dap.waitEvent<DebugProtocol.ExitedEvent>("exited");
      await e.dap.request("continue", { threadId });
      expect((await exited).body.exitCode).toBe(0);
      const result = await debugged.result;
      expect(result.error?.format()).toBeUndefined();
      expect(result.result).toEqual({ scaled: [2, 4, 6], total: 12 });
      await e.dap.request("disconnect", {});
    });
    await debugged.close();
    // the debugged worker was replaced (debugpy stays in a process); the pool keeps working
    const next = await pool.run<number>(join(dir, "plain.ts"), { input: 1 });
    expect(next.result).toBe(2);
    expect(pool.stats().recycled).toBe(1);
    await pool.ready();
    expect(pool.stats()).toMatchObject({ size: 2, idle: 2 });
  });

  it("a session that ends while the job is paused cancels it; the pool replaces the worker", async () => {
    const job = join(dir, "job.ts");
    const debugged = await debugPoolJob(pool, job, { input: { values: [5], factor: 1 } });
    await withEditor(tcpEditor(debugged.port), async (e) => {
      const stopped = e.dap.waitEvent<DebugProtocol.StoppedEvent>("stopped");
      await launch(e, "", { [job]: [4] });
      await stopped;
      await e.dap.request("disconnect", {});
    });
    const result = await debugged.result;
    expect(result.error?.code).toBe("BPY0103");
    await debugged.close();
    const next = await pool.run<number>(join(dir, "plain.ts"), { input: 9 });
    expect(next.result).toBe(10);
  });

  it("a job that does not compile fails the launch with its diagnostics; result rejects", async () => {
    const bad = join(dir, "bad.ts");
    await writeFile(bad, "const n: number = 'one';\n");
    const debugged = await debugPoolJob(pool, bad);
    await withEditor(tcpEditor(debugged.port), async (e) => {
      await e.dap.request("initialize", { adapterID: "bpyts", pathFormat: "path" });
      await expect(e.dap.request("launch", {})).rejects.toThrow(/BPY0503: .*bad\.ts.*TS2322/s);
      await e.dap.request("disconnect", {});
    });
    await expect(debugged.result).rejects.toThrow(/TS2322/);
    await debugged.close();
    // the worker that took the job is handed back once the pool has seen the failure: no worker
    // stays busy (polled: on a loaded machine that can trail the rejection by a few ms)
    for (let t = Date.now(); pool.stats().busy !== 0 && Date.now() - t < 5_000;)
      await new Promise((r) => setTimeout(r, 20));
    expect(pool.stats().busy).toBe(0);
  });

  it("refuses a debugpy port that is no TCP port (BPY0116)", async () => {
    await expect(
      pool.run(join(dir, "plain.ts"), { input: 1, debugpy: { port: 70000 } }),
    ).rejects.toThrow(/debugpy\.port must be a TCP port number/);
    await expect(
      pool.run(join(dir, "plain.ts"), { input: 1, debugpy: { port: 70000 } }),
    ).rejects.toMatchObject({ code: "BPY0116" });
  });
});
