// Shared by the farm tests: a real redis-server on a free loopback port, and process helpers.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";

/** The built CLI (tests drive `bpyts farm …` as users do). */
export const bin = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export const exited = (p: ChildProcess) =>
  new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.once("exit", r)));

/** redis-server on loopback, append-only persistence in `dir`; resolves once it answers. */
export async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const redis = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "yes",
      "--dir",
      dir,
    ],
    { stdio: "ignore" },
  );
  const q = new Queue("probe", { connection: { host: "127.0.0.1", port } });
  await q.waitUntilReady();
  await q.close();
  return redis;
}

/** Polls until the job is in one of `states` (or 60 s pass); returns the last state seen. */
export async function waitForState(q: Queue, id: string, states: string[]): Promise<string> {
  let state = "";
  for (let i = 0; i < 600; i++) {
    state = (await q.getJobState(id)) as string;
    if (states.includes(state)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return state;
}
