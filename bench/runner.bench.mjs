// Runner benchmarks (`npm run bench -- runner`); needs `npx tsc -b` first (imports the built dist).
//
// 1. warm-pool job latency vs a cold `blender -b` run, trivial job (goal: ≥ 30× faster).
//    "ready worker" = the job is sent to an idle worker (the scene reset of the previous job has
//    finished); "back-to-back" = jobs sent as soon as the previous one returned, so the ~35 ms
//    read_factory_settings reset is included.
// 2. throughput: ms per job for a CPU-bound job, 2 workers vs 1 (this machine has 2 cores).
import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPool, run } from "../packages/runner/dist/index.js";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench() {
  const dir = await mkdtemp(join(tmpdir(), "bpyts-bench-"));
  const trivial = join(dir, "trivial.py");
  await writeFile(
    trivial,
    "import bpy\nfrom bpyts.runtime import input, setResult\nsetResult(input() + len(bpy.data.objects))\n",
  );
  const busy = join(dir, "busy.py");
  await writeFile(
    busy,
    "import bpy\nfrom bpyts.runtime import setResult\nt = 0\nfor i in range(3_000_000):\n    t += i % 7\n" +
      "bpy.ops.mesh.primitive_uv_sphere_add(segments=64, ring_count=32)\nsetResult(t)\n",
  );
  const rows = [];
  try {
    // Cold: a fresh background Blender per job.
    const cold = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await run(trivial, { input: i });
      if (r.error || r.result !== i + 3) throw new Error(`cold run failed: ${r.error?.message}`);
      cold.push(performance.now() - t);
    }
    const coldMs = median(cold);

    const pool = await createPool({ size: 1 });
    try {
      await pool.ready();
      const warm = [];
      for (let i = 0; i < 30; i++) {
        await pool.ready();
        const t = performance.now();
        const r = await pool.run(trivial, { input: i });
        if (r.error || r.result !== i + 3) throw new Error(`warm run failed: ${r.error?.message}`);
        warm.push(performance.now() - t);
      }
      const b2b = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        await pool.run(trivial, { input: i });
        b2b.push(performance.now() - t);
      }
      rows.push({
        name: "trivial job latency, warm pool (ready worker) vs cold blender -b",
        subject: { label: "pool.run, median of 30", ms: median(warm) },
        baseline: { label: "run() cold, median of 5", ms: coldMs },
        goal: "≤ 0.033× (≥ 30× faster)",
      });
      rows.push({
        name: "trivial job latency, warm pool back-to-back (includes scene reset) vs cold",
        subject: { label: "pool.run, median of 30", ms: median(b2b) },
        baseline: { label: "run() cold, median of 5", ms: coldMs },
        goal: "info",
      });
    } finally {
      await pool.close();
    }

    const jobs = 12;
    const perJob = async (size) => {
      const p = await createPool({ size });
      try {
        await p.ready();
        await Promise.all(Array.from({ length: size }, () => p.run(busy))); // warm-up
        const t = performance.now();
        const results = await Promise.all(Array.from({ length: jobs }, () => p.run(busy)));
        if (results.some((r) => r.error)) throw new Error("throughput job failed");
        return (performance.now() - t) / jobs;
      } finally {
        await p.close();
      }
    };
    // Alternate the two configurations and keep the best of each: the machine is shared, so a
    // single pass can land on a busy moment for one side only.
    let one = Infinity;
    let two = Infinity;
    for (let round = 0; round < 2; round++) {
      one = Math.min(one, await perJob(1));
      two = Math.min(two, await perJob(2));
    }
    rows.push({
      name: `throughput, CPU-bound job ×${jobs}: 2 workers vs 1 (2-core machine, best of 2 rounds)`,
      subject: { label: "2 workers, ms/job", ms: two },
      baseline: { label: "1 worker, ms/job", ms: one },
      goal: "≤ 0.6×",
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
