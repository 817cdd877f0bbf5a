// Farm overhead and scaling (docs/farm.md): the same small job through the local warm pool and
// through BullMQ on a loopback redis-server; then a heavier job on 1 vs 2 farm workers.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPool } from "@bpyts/runner";
import { startWorker, submit } from "@bpyts/farm";
import { Queue } from "bullmq";

const SECRET = "bench";
const tiny = "from bpyts.runtime import input, setResult\nsetResult(input())\n";
// ~0.3 s of CPU in Blender's Python: enough that the queue is not what is measured.
const heavy =
  "from bpyts.runtime import input, setResult\ns = 0\nfor i in range(3_000_000):\n    s += i % 7\nsetResult(s)\n";

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), "bpyts-bench-farm-"));
  const port = await freePort();
  const redis = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--dir", dir],
    { stdio: "ignore" },
  );
  const connection = { host: "127.0.0.1", port, maxRetriesPerRequest: null };
  const rows = [];
  try {
    const probe = new Queue("probe", { connection });
    await probe.waitUntilReady();
    await probe.close();
    const N = 40;

    // Local pool baseline: sequential jobs, one worker.
    const pool = await createPool({ size: 1 });
    await pool.ready();
    for (let i = 0; i < 5; i++) await pool.run({ python: tiny }, { input: i });
    let t = performance.now();
    for (let i = 0; i < N; i++) await pool.run({ python: tiny }, { input: i });
    const poolMs = (performance.now() - t) / N;
    await pool.close();

    const w1 = await startWorker({ connection, secret: SECRET, log: () => {} });
    const one = async (python) => {
      const s = await submit({
        connection,
        secret: SECRET,
        blenderVersion: w1.version,
        python,
        input: 1,
      });
      return s.results;
    };
    for (let i = 0; i < 5; i++) await one(tiny);
    t = performance.now();
    for (let i = 0; i < N; i++) await one(tiny);
    const farmMs = (performance.now() - t) / N;
    rows.push({
      name: "farm: per-job overhead, tiny job, sequential (submit → result), loopback Redis",
      subject: { label: "farm, 1 worker", ms: farmMs },
      baseline: { label: "local warm pool", ms: poolMs },
      goal: "≤ 20 ms added",
    });

    // Throughput: 12 heavy jobs in one submission, 1 worker vs 2 workers.
    const batch = async () => {
      const s = await submit({
        connection,
        secret: SECRET,
        blenderVersion: w1.version,
        python: heavy,
        inputs: Array.from({ length: 12 }, (_, i) => i),
      });
      const t0 = performance.now();
      await s.results;
      return (performance.now() - t0) / 12;
    };
    await batch();
    const oneWorker = await batch();
    const w2 = await startWorker({ connection, secret: SECRET, log: () => {} });
    await batch();
    const twoWorkers = await batch();
    rows.push({
      name: "farm: time per job, 12 × 0.3 s CPU jobs, 2 workers vs 1 (2 cores)",
      subject: { label: "2 workers", ms: twoWorkers },
      baseline: { label: "1 worker", ms: oneWorker },
      goal: "≤ 0.6×",
    });
    await w2.close();
    await w1.close();
  } finally {
    redis.kill("SIGTERM");
    await new Promise((r) => redis.once("exit", r));
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
