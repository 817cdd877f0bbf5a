/** Format many files with prettier, in parallel worker threads when there are several CPUs. */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PRETTIER_OPTIONS } from "./format-options.js";

export interface Formatter {
  /** Format `texts` (same order out); one call at a time. */
  format(texts: string[]): Promise<string[]>;
  /** Stop the workers (idempotent; call it when formatting is not needed after all). */
  close(): Promise<void>;
}

async function formatInProcess(texts: string[]): Promise<string[]> {
  const prettier = await import("prettier");
  const out: string[] = [];
  for (const t of texts) out.push(await prettier.format(t, PRETTIER_OPTIONS));
  return out;
}

/**
 * Start the formatter before the files exist: the workers load prettier while the main thread
 * builds the declarations. `maxFiles` caps the worker count (no idle workers for tiny outputs).
 */
export function startFormatter(maxFiles = Infinity): Formatter {
  const workerUrl = new URL("./format-worker.js", import.meta.url);
  // From sources (vitest runs src/*.ts) there is no compiled worker: format in-process.
  // With 2 CPUs, in-process is as fast or faster: prettier is allocation- and JIT-heavy, and a
  // second isolate pays its own JIT warm-up while both compete with V8's GC/compiler helper
  // threads (generation of blender-4.3, same process, warm: ~3.1 s in-process vs ~4.0 s with
  // 2 workers). Workers only when there are cores to spare: one per CPU beyond the first.
  const cpus = availableParallelism();
  const n = existsSync(fileURLToPath(workerUrl)) && cpus > 2 ? Math.min(cpus - 1, 4, maxFiles) : 1;
  if (n <= 1) return { format: formatInProcess, close: async () => {} };
  const workers = Array.from({ length: n }, () => new Worker(workerUrl));
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= Promise.all(workers.map((w) => w.terminate())).then(() => {}));
  const format = async (texts: string[]): Promise<string[]> => {
    // Largest first, each handed to whichever worker is free (longest-processing-time first).
    const order = texts.map((_t, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
    const results: string[] = new Array(texts.length);
    let next = 0;
    const cleanups: (() => void)[] = [];
    try {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const feed = () => {
                if (next >= order.length) return resolve();
                const id = order[next++]!;
                w.postMessage({ id, text: texts[id] });
              };
              const onMessage = (m: {
                id?: number;
                text?: string;
                error?: string;
                ready?: boolean;
              }) => {
                if (m.ready) return;
                if (m.error !== undefined) return reject(new Error(m.error));
                results[m.id!] = m.text!;
                feed();
              };
              const onExit = (code: number) =>
                reject(new Error(`prettier worker exited (${code})`));
              w.on("message", onMessage);
              w.on("error", reject);
              w.on("exit", onExit);
              cleanups.push(() => {
                w.off("message", onMessage);
                w.off("error", reject);
                w.off("exit", onExit);
              });
              feed();
            }),
        ),
      );
    } catch (err) {
      await close();
      throw err;
    } finally {
      for (const c of cleanups) c();
    }
    return results;
  };
  return { format, close };
}

/** Format many files (one-shot: starts and stops the workers). */
export async function formatAll(texts: string[]): Promise<string[]> {
  const formatter = startFormatter(texts.length);
  try {
    return await formatter.format(texts);
  } finally {
    await formatter.close();
  }
}
