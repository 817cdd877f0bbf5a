import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { FarmCode } from "@bpyts/diagnostics";
import {
  chunkFrames,
  codedMessage,
  parseFrames,
  queueName,
  startWorker,
  submit,
  type FarmJobResult,
} from "@bpyts/farm";
import { blenderVersion, findBlender } from "@bpyts/runner";
import { Queue } from "bullmq";
import { compileEntry } from "../compile.js";
import { CliError } from "../errors.js";
import { majorMinor, typingsFor } from "../typings.js";
import { parseInput } from "./run.js";

export interface FarmCommonOptions {
  redis?: string;
  secretFile?: string;
  queue?: string;
}

/** Redis URL (redis://user:pass@host:port/db, rediss:// for TLS) → BullMQ connection options. */
function connection(url: string | undefined): { url: string; maxRetriesPerRequest: null } {
  // maxRetriesPerRequest null: a worker keeps waiting through a Redis restart instead of failing.
  return {
    url: url ?? process.env.BPYTS_FARM_REDIS ?? "redis://127.0.0.1:6379",
    maxRetriesPerRequest: null,
  };
}

async function secret(options: FarmCommonOptions): Promise<string> {
  if (options.secretFile) {
    try {
      return (await readFile(options.secretFile, "utf8")).trim();
    } catch (e) {
      throw new CliError(
        "BPY0405",
        `cannot read --secret-file: ${(e as Error).message}`,
        options.secretFile,
      );
    }
  }
  const env = process.env.BPYTS_FARM_SECRET;
  if (!env)
    throw new CliError(
      "BPY0403",
      "the farm needs a shared secret: --secret-file <file> or $BPYTS_FARM_SECRET (jobs carry code; only signed jobs run)",
    );
  return env;
}

export async function farmWorker(
  options: FarmCommonOptions & { concurrency?: string; blender?: string; stalledInterval?: string },
): Promise<number> {
  const key = await secret(options);
  const worker = await startWorker({
    connection: connection(options.redis) as never,
    secret: key,
    queue: options.queue,
    concurrency: options.concurrency ? Number(options.concurrency) : 1,
    blender: options.blender,
    stalledIntervalMs: options.stalledInterval ? Number(options.stalledInterval) : undefined,
  });
  // First SIGTERM/Ctrl-C: take no more jobs, let the running ones finish. A second one: stop
  // them and put them back in the queue for other workers (no attempt counted).
  let signals = 0;
  await new Promise<void>((done) => {
    const stop = () => {
      signals++;
      process.stderr.write(
        signals === 1
          ? "bpyts farm: stopping (running jobs finish first; signal again to return them to the queue)\n"
          : "bpyts farm: returning running jobs to the queue\n",
      );
      void worker.close({ returnJobs: signals > 1 }).then(done);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
  return 0;
}

export async function farmSubmit(
  entry: string,
  options: FarmCommonOptions & {
    input?: string;
    frames?: string;
    chunk?: string;
    target?: string;
    blender?: string;
    attempts?: string;
    timeout?: string;
    json?: boolean;
    out?: string;
  },
): Promise<number> {
  const key = await secret(options);
  const version = majorMinor(
    options.target ?? (await blenderVersion(await findBlender({ blender: options.blender }))),
  );
  const file = resolve(entry);
  const compiled = await compileEntry(file, typingsFor(version, dirname(file)));
  const input = (await parseInput(options.input)) as Record<string, unknown> | undefined;
  const chunks = options.frames
    ? chunkFrames(parseFrames(options.frames), Number(options.chunk ?? 10))
    : undefined;
  const s = await submit({
    connection: connection(options.redis) as never,
    secret: key,
    blenderVersion: version,
    python: compiled.python,
    sourceMap: compiled.sourceMap,
    queue: options.queue,
    input,
    chunks,
    attempts: options.attempts ? Number(options.attempts) : undefined,
    timeoutMs: options.timeout ? Number(options.timeout) * 1000 : undefined,
    outDir: resolve(options.out ?? "farm-out"),
    onProgress: (done, total) => {
      if (!options.json) process.stderr.write(`bpyts farm: ${done}/${total} jobs done\n`);
    },
  });
  // Ctrl-C (or a SIGTERM) cancels the submission: its waiting jobs leave the queue.
  const cancel = () => void s.cancel();
  process.once("SIGINT", cancel);
  process.once("SIGTERM", cancel);
  // announced once Ctrl-C would cancel it
  process.stderr.write(
    `bpyts farm: submission ${s.id} on ${queueName(options.queue ?? "default", version)}\n`,
  );
  let results: FarmJobResult[];
  try {
    results = await s.results;
  } catch (e) {
    const message = (e as Error).message;
    const cancelled = codedMessage("BPY0407", "");
    if (message.startsWith(cancelled)) {
      process.stderr.write(`bpyts farm: ${message.slice(cancelled.length)}\n`);
      return 130;
    }
    const failed: FarmCode = "BPY0406";
    process.stderr.write(
      `error ${failed}: a farm job failed after its last attempt:\n${message}\n`,
    );
    return 1;
  } finally {
    process.off("SIGINT", cancel);
    process.off("SIGTERM", cancel);
  }
  const values = results.map((r) => r.result);
  process.stdout.write(`${JSON.stringify(chunks ? values : values[0])}\n`);
  return 0;
}

export async function farmStatus(
  options: FarmCommonOptions & { versions?: string[] },
): Promise<number> {
  const conn = connection(options.redis);
  for (const v of options.versions ?? ["3.4", "4.3", "5.2"]) {
    const q = new Queue(queueName(options.queue ?? "default", v), { connection: conn as never });
    const counts = await q.getJobCounts("waiting", "active", "delayed", "completed", "failed");
    const workers = await q.getWorkersCount();
    const active = await q.getActive(0, 19);
    // Failed after their last attempt: BullMQ's failed set is the dead-letter queue.
    const failed = await q.getFailed(0, 4);
    process.stdout.write(
      `${q.name}: workers ${workers}, waiting ${counts.waiting}, active ${counts.active}, delayed ${counts.delayed}, completed ${counts.completed}, failed ${counts.failed}\n`,
    );
    for (const j of active)
      process.stdout.write(
        `  running ${j.id}: attempt ${j.attemptsMade + 1}/${j.opts.attempts ?? 1}, ${Math.round((Date.now() - (j.processedOn ?? Date.now())) / 1000)} s\n`,
      );
    for (const j of failed)
      process.stdout.write(
        `  failed ${j.id} after ${j.attemptsMade} attempt(s): ${j.failedReason.split("\n")[0]}\n`,
      );
    await q.close();
  }
  return 0;
}
