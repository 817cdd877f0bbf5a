import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { Worker, UnrecoverableError, WaitingError, type ConnectionOptions } from "bullmq";
import { createPool, findBlender, blenderVersion, type WorkerPool } from "@bpyts/runner";
import { verifyPayload, type FarmPayload } from "./sign.js";
import { CANCEL_CHANNEL, codedMessage, FarmError, cancelledKey, queueName } from "./frames.js";

export interface FarmWorkerOptions {
  connection: ConnectionOptions;
  secret: string | Buffer;
  queue?: string;
  concurrency?: number;
  blender?: string;
  /** BullMQ stall detection (short in tests). */
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  /** Most bytes of files one job may send back as artifacts (default ARTIFACT_LIMIT_BYTES). */
  artifactLimitBytes?: number;
  log?: (line: string) => void;
}

export interface FarmWorker {
  queue: string;
  version: string;
  /**
   * Stops taking jobs. Running jobs finish first; with `returnJobs` they are stopped instead and
   * put back in the queue for another worker (no attempt counted).
   */
  close(options?: { returnJobs?: boolean }): Promise<void>;
}

/** Why a running job was stopped (the abort reason). */
const RETURN = "bpyts: worker shutting down";
const CANCEL = "bpyts: submission cancelled";

/** Serialisable result of one job (what the submitter receives). */
export interface FarmJobResult {
  result?: unknown;
  hasResult: boolean;
  durationMs: number;
  stdout: string;
  /** Files the job wrote into `input.outDir` (base64), written by the submitter. */
  artifacts?: FarmArtifact[];
}

export interface FarmArtifact {
  /** file name inside `outDir` (no folders) */
  name: string;
  base64: string;
}

/** Artifacts travel through Redis: at most this much per job unless the worker says otherwise. */
export const ARTIFACT_LIMIT_BYTES = 16 * 1024 * 1024;

/** The files a job left in its folder, or BPY0408 when they exceed the limit (nothing sent). */
async function collectArtifacts(
  dir: string,
  limit = ARTIFACT_LIMIT_BYTES,
): Promise<FarmArtifact[]> {
  const out: FarmArtifact[] = [];
  let total = 0;
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!e.isFile()) continue; // folders and links are not sent
    const data = await readFile(join(dir, e.name));
    total += data.length;
    if (total > limit)
      throw new UnrecoverableError(
        codedMessage(
          "BPY0408",
          `the job's files in outDir exceed ${limit} bytes: write large outputs to shared storage (docs/farm.md)`,
        ),
      );
    out.push({ name: e.name, base64: data.toString("base64") });
  }
  return out;
}

export async function startWorker(options: FarmWorkerOptions): Promise<FarmWorker> {
  if (!options.secret || options.secret.length === 0)
    throw new FarmError(
      "BPY0403",
      "a farm worker needs the shared secret (--secret-file or BPYTS_FARM_SECRET)",
    );
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const blender = options.blender ?? (await findBlender());
  const version = await blenderVersion(blender);
  const queue = queueName(options.queue ?? "default", version);
  const concurrency = options.concurrency ?? 1;
  const pool: WorkerPool = await createPool({
    blender,
    size: concurrency,
    blenderVersion: version,
  });
  /** The jobs this worker runs now: their submission and what stops them. */
  const running = new Map<string, { submission: string; stop: AbortController }>();
  const worker = new Worker(
    queue,
    async (job, token) => {
      const { payload, signature } = job.data as { payload: FarmPayload; signature: string };
      const refused = verifyPayload(payload, signature, options.secret);
      if (refused) {
        log(`bpyts farm: refused job ${job.id}: ${refused}`);
        throw new UnrecoverableError(codedMessage("BPY0404", `refused: ${refused}`));
      }
      const cancelled = () =>
        new UnrecoverableError(`BPY0407: submission ${payload.submission} was cancelled`);
      // Registered before the key is read: a cancel is then either seen in the key or reaches
      // this entry through the message the submitter publishes after setting the key.
      const stop = new AbortController();
      const signal = stop.signal;
      running.set(job.id!, { submission: payload.submission, stop });
      const client = (await worker.client) as unknown as Redis; // ioredis underneath
      if (await client.exists(cancelledKey(payload.submission)).catch(() => 0)) {
        running.delete(job.id!);
        throw cancelled();
      }
      // A private folder per attempt for the files the job writes (`input.outDir`); they go
      // back to the submitter as artifacts, which writes them (see collectArtifacts).
      const outDir = await mkdtemp(join(tmpdir(), "bpyts-farm-job-"));
      try {
        const input =
          payload.input && typeof payload.input === "object" && !Array.isArray(payload.input)
            ? { ...(payload.input as Record<string, unknown>), outDir }
            : payload.input;
        const r = await pool.run(
          { python: payload.python, sourceMap: payload.sourceMap as never },
          // the pool kills the job's Blender at the timeout (BPY0102) or when the signal aborts
          { input, timeoutMs: payload.timeoutMs, signal },
        );
        if (signal.aborted && r.error?.code === "BPY0103") {
          if (signal.reason === RETURN) {
            // back to the queue for another worker; BullMQ counts no attempt for a WaitingError
            await job.moveToWait(token);
            log(`bpyts farm: returned job ${job.id} to the queue`);
            throw new WaitingError();
          }
          throw cancelled();
        }
        return await finish(r, await collectArtifacts(outDir, options.artifactLimitBytes));
      } finally {
        running.delete(job.id!);
        await rm(outDir, { recursive: true, force: true });
      }
    },
    {
      connection: options.connection,
      concurrency,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      // A killed worker's lock must expire before its job counts as stalled; same horizon.
      lockDuration: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 1,
      // started below, once the cancel subscription is in place
      autorun: false,
    },
  );
  async function finish(
    r: Awaited<ReturnType<WorkerPool["run"]>>,
    artifacts: FarmArtifact[],
  ): Promise<FarmJobResult> {
    if (r.error) {
      // The TS-mapped stack travels as the failure message so the submitter shows it.
      const stack = (r.error.details.stack ?? [])
        .map((f) => `    at ${f.name} (${f.file}:${f.line}:${f.column})`)
        .join("\n");
      throw new Error(`${r.error.code}: ${r.error.message}${stack ? `\n${stack}` : ""}`);
    }
    return {
      result: r.result,
      hasResult: r.hasResult,
      durationMs: r.durationMs,
      stdout: r.stdout,
      artifacts,
    };
  }
  // Cancels reach running jobs over pub/sub (the submitter also leaves a key for jobs not yet
  // started). ioredis resubscribes by itself after a Redis restart.
  // BullMQ types its client abstractly; it is the ioredis instance it made
  const redis = (await worker.client) as unknown as Redis;
  const subscriber = redis.duplicate();
  await subscriber.subscribe(CANCEL_CHANNEL);
  subscriber.on("message", (_channel: string, submission: string) => {
    for (const [id, r] of running)
      if (r.submission === submission) {
        log(`bpyts farm: cancelling job ${id} (submission ${submission} cancelled)`);
        r.stop.abort(CANCEL);
      }
  });
  worker.on("error", (e) => log(`bpyts farm: ${e.message}`));
  void worker.run().catch((e: Error) => log(`bpyts farm: ${e.message}`));
  log(`bpyts farm: worker for Blender ${version} on queue ${queue}`);
  let closing: Promise<void> | undefined;
  return {
    queue,
    version,
    close(closeOptions = {}) {
      // Running jobs finish first (BullMQ waits for them), unless they are to be returned; a
      // second call with returnJobs (a second Ctrl-C) returns the jobs a first call waits for.
      closing ??= (async () => {
        await worker.close();
        await subscriber.quit().catch(() => subscriber.disconnect());
        await pool.close();
      })();
      // after worker.close() has begun, so the returned jobs are not taken again here
      if (closeOptions.returnJobs) for (const r of running.values()) r.stop.abort(RETURN);
      return closing;
    },
  };
}
