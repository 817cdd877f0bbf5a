// What the CLI loads before it does anything: each command's modules load when it runs, so
// `bpyts --version` or `bpyts run` on a cache hit never pays for BullMQ/ioredis (the farm) or
// TypeScript (the compiler). A regression here costs every run ~0.3 s (see docs/benchmarks.md).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const hook = fileURLToPath(new URL("./fixtures/startup/trace-loads.mjs", import.meta.url));

async function loads(args: string[]): Promise<string[]> {
  const { stderr } = await promisify(execFile)(process.execPath, ["--import", hook, bin, ...args]);
  return [...stderr.matchAll(/^LOAD (.*)$/gm)].map((m) => m[1]!);
}

describe("start-up", () => {
  it("--version loads no command module, nor the farm's or the compiler's dependencies", async () => {
    const urls = await loads(["--version"]);
    expect(urls.some((u) => u.endsWith("/dist/main.js"))).toBe(true); // the hook sees loads
    expect(urls.filter((u) => /bullmq|ioredis|typescript|\/commands\//.test(u))).toEqual([]);
  });

  it("--help of run loads no command module either", async () => {
    const urls = await loads(["run", "--help"]);
    expect(urls.filter((u) => /bullmq|ioredis|typescript|\/commands\//.test(u))).toEqual([]);
  });
});
