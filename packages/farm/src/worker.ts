import { Worker, UnrecoverableError, type ConnectionOptions } from "bullmq";
import { createPool, findBlender, blenderVersion, type WorkerPool } from "@bpyts/runner";
import { verifyPayload, type FarmPayload } from "./sign.js";
import { FarmError, queueName } from "./frames.js";

export interface FarmWorkerOptions {
  connection: ConnectionOptions;
  secret: string | Buffer;
  queue?: string;
  concurrency?: number;
  blender?: string;
  /** BullMQ stall detection (short in tests). */
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  log?: (line: string) => void;
}

export interface FarmWorker {
  queue: string;
  version: string;
  close(): Promise<void>;
}

/** Serialisable result of one job (what the submitter receives). */
export interface FarmJobResult {
  result?: unknown;
  hasResult: boolean;
  durationMs: number;
  stdout: string;
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
  const worker = new Worker(
    queue,
    async (job) => {
      const { payload, signature } = job.data as { payload: FarmPayload; signature: string };
      const refused = verifyPayload(payload, signature, options.secret);
      if (refused) {
        log(`bpyts farm: refused job ${job.id}: ${refused}`);
        throw new UnrecoverableError(`BPY0404: refused: ${refused}`);
      }
      const r = await pool.run(
        { python: payload.python, sourceMap: payload.sourceMap as never },
        { input: payload.input, timeoutMs: payload.timeoutMs },
      );
      if (r.error) {
        // The TS-mapped stack travels as the failure message so the submitter shows it.
        const stack = (r.error.details.stack ?? [])
          .map((f) => `    at ${f.name} (${f.file}:${f.line}:${f.column})`)
          .join("\n");
        throw new Error(`${r.error.message}${stack ? `\n${stack}` : ""}`);
      }
      return {
        result: r.result,
        hasResult: r.hasResult,
        durationMs: r.durationMs,
        stdout: r.stdout,
      } satisfies FarmJobResult;
    },
    {
      connection: options.connection,
      concurrency,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      // A killed worker's lock must expire before its job counts as stalled; same horizon.
      lockDuration: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 1,
    },
  );
  worker.on("error", (e) => log(`bpyts farm: ${e.message}`));
  log(`bpyts farm: worker for Blender ${version} on queue ${queue}`);
  return {
    queue,
    version,
    async close() {
      // Running jobs finish first (BullMQ), then the warm pool stops.
      await worker.close();
      await pool.close();
    },
  };
}
