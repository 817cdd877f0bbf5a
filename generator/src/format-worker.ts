/** Worker: formats declaration text with prettier (generation formats files in parallel). */
import { parentPort } from "node:worker_threads";
import * as prettier from "prettier";
import { PRETTIER_OPTIONS } from "./format-options.js";

parentPort?.on("message", async (msg: { id: number; text: string }) => {
  try {
    const out = await prettier.format(msg.text, PRETTIER_OPTIONS);
    parentPort!.postMessage({ id: msg.id, text: out });
  } catch (err) {
    parentPort!.postMessage({
      id: msg.id,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
// Loaded (and prettier imported) while the main thread is still building the files.
parentPort?.postMessage({ ready: true });
