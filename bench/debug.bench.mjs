// `bpyts debug` (issue 16), measured against plain runs in the same bench run, median of N:
// - time from starting `bpyts debug` to the first breakpoint hit (DAP: initialize, launch,
//   setBreakpoints, configurationDone → stopped) vs a plain `bpyts run` of the same script;
// - the same first breakpoint for a job of a warm pool (`debugPoolJob`, `watch --debug`);
// - latency of one `next` on TS lines (request → stopped) vs the same `next` sent straight to
//   debugpy on the compiled Python (`bpyts run --debugpy`), which is the floor the adapter adds to.
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DapClient, ScriptIndex, debugPoolJob, freePort } from "@bpyts/debug";
import { createPool } from "@bpyts/runner";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "packages/cli/dist/bin.js");
const BLENDER = process.env.BLENDER ?? "/usr/bin/blender";
const N = Number(process.env.BPYTS_BENCH_N ?? 3);
const STEPS = 20;

const SCRIPT = `let a = 0;
for (let i = 0; i < 50; i++) {
  a += i;
  a = a % 7;
}
console.log(a);
`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * What an editor sends to start a bpyts debug session (initialize, launch, setBreakpoints,
 * configurationDone); resolves once it has stopped at `line` of `entry`.
 */
async function launchToBreakpoint(dap, launchArgs, entry, line) {
  await dap.request("initialize", { adapterID: "bpyts", pathFormat: "path" });
  const launched = dap.request("launch", launchArgs);
  await dap.waitEvent("initialized");
  await dap.request("setBreakpoints", { source: { path: entry }, breakpoints: [{ line }] });
  const stopped = dap.waitEvent("stopped");
  await dap.request("configurationDone");
  await launched;
  await stopped;
}

/** An editor session on `bpyts debug` (stdio) stopped at `line` of `entry`. */
async function debugSession(entry, line) {
  const start = performance.now();
  const child = spawn(process.execPath, [BIN, "debug", "--blender", BLENDER], {
    stdio: ["pipe", "pipe", "ignore"],
  });
  const dap = new DapClient();
  dap.start(child.stdout, child.stdin);
  await launchToBreakpoint(dap, { program: entry }, entry, line);
  const firstStop = performance.now() - start;
  const close = async () => {
    await dap.request("disconnect", {});
    child.stdin.end();
    await new Promise((r) => child.once("exit", r));
  };
  return { dap, firstStop, close };
}

/** debugpy itself, on the compiled script of `bpyts run --debugpy`, stopped at `pyLine`. */
async function rawSession(entry, line, outDir) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [BIN, "run", entry, "--blender", BLENDER, "--debugpy", String(port), "--out-dir", outDir],
    { stdio: ["ignore", "ignore", "ignore"], detached: false },
  );
  let socket;
  for (;;) {
    try {
      socket = await new Promise((ok, fail) => {
        const s = connect({ host: "127.0.0.1", port }, () => ok(s));
        s.once("error", fail);
      });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const dap = new DapClient();
  dap.start(socket, socket);
  const script = join(outDir, "loop.py");
  const pyLine = ScriptIndex.load(script).breakpointLine(entry, line).pyLine;
  await dap.request("initialize", { adapterID: "debugpy", pathFormat: "path" });
  const initialized = dap.waitEvent("initialized");
  const attached = dap.request("attach", { justMyCode: false });
  await initialized;
  await dap.request("setBreakpoints", {
    source: { path: script },
    breakpoints: [{ line: pyLine }],
  });
  const stopped = dap.waitEvent("stopped");
  await dap.request("configurationDone");
  await attached;
  await stopped;
  const close = async () => {
    await dap.request("disconnect", { terminateDebuggee: true }).catch(() => {});
    socket.end();
    await new Promise((r) => child.once("exit", r));
  };
  return { dap, close };
}

/**
 * A job of a warm pool debugged from an editor (`debugPoolJob`, as `watch --debug` does): from
 * the editor's connection to the first breakpoint hit, the pool's worker already warm.
 */
async function poolSession(pool, entry, line) {
  const job = await debugPoolJob(pool, entry);
  const start = performance.now();
  const socket = await new Promise((ok, fail) => {
    const s = connect({ host: "127.0.0.1", port: job.port }, () => ok(s));
    s.once("error", fail);
  });
  const dap = new DapClient();
  dap.start(socket, socket);
  await launchToBreakpoint(dap, {}, entry, line);
  const firstStop = performance.now() - start;
  await dap.request("disconnect", {});
  socket.end();
  await job.close();
  await pool.ready(); // the debugged worker is replaced: warm again before the next round
  return firstStop;
}

/** Per step: until `stopped`, and until the editor has the new stack (what it then shows). */
async function stepTimes(dap) {
  const stop = [];
  const shown = [];
  for (let i = 0; i < STEPS; i++) {
    const start = performance.now();
    const stopped = dap.waitEvent("stopped");
    await dap.request("next", { threadId: 1 });
    await stopped;
    stop.push(performance.now() - start);
    await dap.request("stackTrace", { threadId: 1 });
    shown.push(performance.now() - start);
  }
  return { stop, shown };
}

export default async function debug() {
  const work = mkdtempSync(join(tmpdir(), "bpyts-bench-debug-"));
  try {
    const entry = join(work, "loop.ts");
    writeFileSync(entry, SCRIPT);
    const run = () => {
      const start = performance.now();
      execFileSync(process.execPath, [BIN, "run", entry, "--blender", BLENDER, "--no-progress"], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      return performance.now() - start;
    };
    run(); // the compile cache and Blender's version are remembered, as for a user's second run
    const runs = [];
    const firsts = [];
    const steps = { stop: [], shown: [] };
    const rawSteps = { stop: [], shown: [] };
    const add = (to, from) => {
      to.stop.push(...from.stop);
      to.shown.push(...from.shown);
    };
    const pool = await createPool({ size: 1, blender: BLENDER });
    await pool.ready();
    const pooled = [];
    for (let i = 0; i < N; i++) {
      pooled.push(await poolSession(pool, entry, 3));
    }
    await pool.close({ force: true });
    for (let i = 0; i < N; i++) {
      runs.push(run());
      const s = await debugSession(entry, 3);
      firsts.push(s.firstStop);
      add(steps, await stepTimes(s.dap));
      await s.close();
      const raw = await rawSession(entry, 3, join(work, `raw${i}`));
      add(rawSteps, await stepTimes(raw.dap));
      await raw.close();
    }
    return [
      {
        name: `bpyts debug: start to first breakpoint hit, median of ${N}`,
        subject: { label: "bpyts debug (DAP launch → stopped)", ms: median(firsts) },
        baseline: { label: "bpyts run, same script", ms: median(runs) },
        goal: "≤ 1.5×",
      },
      {
        name: `debug a job in a warm pool worker (watch --debug): editor connection to first breakpoint hit, median of ${N}`,
        subject: { label: "debugPoolJob (warm worker)", ms: median(pooled) },
        baseline: { label: "bpyts debug (Blender started per session)", ms: median(firsts) },
        goal: "info",
      },
      {
        name: `bpyts debug: one step over a TS line, request → stopped, median of ${N * STEPS}`,
        subject: { label: "next via bpyts debug", ms: median(steps.stop) },
        baseline: { label: "next sent to debugpy directly", ms: median(rawSteps.stop) },
        goal: "≤ 100 ms",
      },
      {
        name: `bpyts debug: one step until the editor has the new stack, median of ${N * STEPS}`,
        subject: { label: "next + stackTrace via bpyts debug", ms: median(steps.shown) },
        baseline: { label: "next + stackTrace, debugpy directly", ms: median(rawSteps.shown) },
        goal: "info",
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
