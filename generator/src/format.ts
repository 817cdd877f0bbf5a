/** Format many files with prettier, in parallel worker threads when there are several CPUs. */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const OPTIONS = { parser: "typescript", printWidth: 100 } as const;

export async function formatAll(texts: string[]): Promise<string[]> {
  const workerUrl = new URL("./format-worker.js", import.meta.url);
  // From sources (vitest runs src/*.ts) there is no compiled worker: format in-process.
  const n = existsSync(fileURLToPath(workerUrl)) ? Math.min(availableParallelism(), 4, texts.length) : 1;
  if (n <= 1) return Promise.all(texts.map((t) => prettier.format(t, OPTIONS)));
  // Largest first, handed to whichever worker is free.
  const order = texts.map((t, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
  const results: string[] = new Array(texts.length);
  const workers = Array.from({ length: n }, () => new Worker(workerUrl));
  let next = 0;
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
            w.on("message", (m: { id: number; text?: string; error?: string }) => {
              if (m.error !== undefined) return reject(new Error(m.error));
              results[m.id] = m.text!;
              feed();
            });
            w.on("error", reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
