import { execa } from "execa";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const bpytsBin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));

/** Run the built `bpyts` CLI as a user would (a child process), never throwing on failure. */
export function bpyts(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return execa(process.execPath, [bpytsBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: options.env,
    reject: false,
    stdin: "ignore",
  });
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error("not a PNG");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
