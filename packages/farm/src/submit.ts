import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { Queue, QueueEvents, type ConnectionOptions } from "bullmq";
import { signPayload, type FarmPayload } from "./sign.js";
import { CANCEL_CHANNEL, FarmError, cancelledKey, queueName, type FrameRange } from "./frames.js";
import type { FarmArtifact, FarmJobResult } from "./worker.js";

export interface SubmitOptions {
  connection: ConnectionOptions;
  secret: string | Buffer;
  blenderVersion: string;
  python: string;
  sourceMap?: unknown;
  queue?: string;
  /** One job per input; or per chunk with `{ frames: {start,end} }` merged into input. */
  inputs?: unknown[];
  chunks?: FrameRange[];
  input?: Record<string, unknown>;
  attempts?: number;
  backoffMs?: number;
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Where the files jobs write into their `input.outDir` land (each written to a temp name
   * beside it, then renamed: never half a file, and only the submitter writes). Without it the
   * artifacts stay in the results.
   */
  outDir?: string;
}

export interface Submission {
  id: string;
  /** Results in job order (chunk order). */
  results: Promise<FarmJobResult[]>;
  /** Stops the submission; calling it again, or after the results settled, does nothing more. */
  cancel(): Promise<void>;
}

export async function submit(options: SubmitOptions): Promise<Submission> {
  const id = randomUUID();
  const name = queueName(options.queue ?? "default", options.blenderVersion);
  const queue = new Queue(name, { connection: options.connection });
  const events = new QueueEvents(name, { connection: options.connection });
  await events.waitUntilReady();
  const inputs = options.chunks?.map((frames) => ({ ...(options.input ?? {}), frames })) ??
    options.inputs ?? [options.input];
  const jobs = await queue.addBulk(
    inputs.map((input, i) => {
      const payload: FarmPayload = {
        submission: id,
        blenderVersion: options.blenderVersion,
        python: options.python,
        sourceMap: options.sourceMap,
        input,
        timeoutMs: options.timeoutMs,
      };
      return {
        name: `${id}:${i}`,
        data: { payload, signature: signPayload(payload, options.secret) },
        opts: {
          jobId: `${id}-${i}`,
          attempts: options.attempts ?? 3,
          backoff: { type: "exponential", delay: options.backoffMs ?? 1000 },
          removeOnComplete: false,
          removeOnFail: false,
        },
      };
    }),
  );
  let done = 0;
  const all = Promise.all(
    jobs.map(async (job) => {
      const r = (await job.waitUntilFinished(events)) as FarmJobResult;
      if (options.outDir && r.artifacts?.length) await writeArtifacts(options.outDir, r.artifacts);
      options.onProgress?.(++done, jobs.length);
      return r;
    }),
  );
  // A cancelled submission's results reject at once (BPY0407): its removed jobs never finish.
  let rejectCancelled!: (e: Error) => void;
  const cancelled = new Promise<never>((_, reject) => (rejectCancelled = reject));
  // Once the results settle the queue closes; a cancel still walking its jobs finishes first
  // (a worker failing a cancelled job can settle the results mid-cancel), and a cancel after
  // that has nothing left to stop.
  let settled = false;
  let cancelling: Promise<void> | undefined;
  const results = Promise.race([all, cancelled]).finally(async () => {
    settled = true;
    await cancelling?.catch(() => {});
    await events.close();
    await queue.close();
  });
  // once the race is decided, the other side's outcome is nobody's business
  all.catch(() => {});
  cancelled.catch(() => {});
  async function cancelJobs(): Promise<void> {
    // Workers refuse the submission's jobs from now on (the key) and stop the running ones
    // (the message: their Blender is killed, the job fails as BPY0407 without a retry);
    // waiting/delayed jobs are removed.
    const client = (await queue.client) as unknown as Redis; // ioredis underneath
    await client.set(cancelledKey(id), "1", "EX", 24 * 60 * 60);
    await client.publish(CANCEL_CHANNEL, id);
    let removed = 0;
    for (const job of jobs) {
      const state = await job.getState();
      if (state === "waiting" || state === "delayed" || state === "prioritized") {
        // a job a worker takes in between is locked: the worker's key check refuses it
        if (
          await job.remove().then(
            () => true,
            () => false,
          )
        )
          removed++;
      }
    }
    rejectCancelled(
      new FarmError(
        "BPY0407",
        `submission ${id} cancelled (${removed} of ${jobs.length} jobs removed before they ran)`,
      ),
    );
  }
  return {
    id,
    results,
    cancel() {
      if (settled) return Promise.resolve();
      cancelling ??= cancelJobs();
      return cancelling;
    },
  };
}

/** Write artifacts into `dir` atomically (temp file beside the target, then rename). */
async function writeArtifacts(dir: string, artifacts: FarmArtifact[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const a of artifacts) {
    if (a.name !== basename(a.name) || a.name.startsWith("."))
      throw new FarmError("BPY0409", `refused artifact name ${JSON.stringify(a.name)}`);
    const target = join(dir, a.name);
    const tmp = join(dir, `.${a.name}.${process.pid}.${randomUUID()}.tmp`);
    try {
      await writeFile(tmp, Buffer.from(a.base64, "base64"));
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }
}
