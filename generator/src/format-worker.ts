/** Worker: formats declaration text with prettier (generation formats files in parallel). */
import { parentPort } from "node:worker_threads";
import * as prettier from "prettier";

export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: 100 } as const;

parentPort?.on("message", async (msg: { id: number; text: string }) => {
  try {
    const out = await prettier.format(msg.text, PRETTIER_OPTIONS);
    parentPort!.postMessage({ id: msg.id, text: out });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
