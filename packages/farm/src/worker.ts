import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker, UnrecoverableError, type ConnectionOptions } from "bullmq";
import { createPool, findBlender, blenderVersion, type WorkerPool } from "@bpyts/runner";
import { verifyPayload, type FarmPayload } from "./sign.js";
import { codedMessage, FarmError, queueName } from "./frames.js";

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
  close(): Promise<void>;
}

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
  const worker = new Worker(
    queue,
    async (job) => {
      const { payload, signature } = job.data as { payload: FarmPayload; signature: string };
      const refused = verifyPayload(payload, signature, options.secret);
      if (refused) {
        log(`bpyts farm: refused job ${job.id}: ${refused}`);
        throw new UnrecoverableError(codedMessage("BPY0404", `refused: ${refused}`));
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
          { input, timeoutMs: payload.timeoutMs },
        );
        return await finish(r, await collectArtifacts(outDir, options.artifactLimitBytes));
      } finally {
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
      throw new Error(`${r.error.message}${stack ? `\n${stack}` : ""}`);
    }
    return {
      result: r.result,
      hasResult: r.hasResult,
      durationMs: r.durationMs,
      stdout: r.stdout,
      artifacts,
    };
  }
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
