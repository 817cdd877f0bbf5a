import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  pythonDir,
  ScriptError,
  scriptFileName,
  type PoolJobOptions,
  type RunResult,
  type Runnable,
  type WorkerPool,
} from "@bpyts/runner";
import { freePort } from "./port.js";
import { BpytsDebugSession, type Launcher, type LaunchedProgram } from "./session.js";

/**
 * A launcher that runs one job in a warm pool worker under debugpy (`debugpy` of
 * `PoolJobOptions`): no Blender start, the pool's scene and state rules, and the job's
 * `RunResult` reported to `onResult`. The launch's `program` is ignored: the job is `runnable`.
 */
export function poolLauncher(
  pool: WorkerPool,
  runnable: Runnable | ((program: string | undefined) => Promise<Runnable>),
  options: Omit<PoolJobOptions, "debugpy" | "keepDir"> & {
    onResult?: (result: RunResult) => void;
  } = {},
): Launcher {
  return async (launch, io): Promise<LaunchedProgram> => {
    const job = typeof runnable === "function" ? await runnable(launch.program) : runnable;
    // A private folder for the .py and its map: the session reads the map once debugpy listens.
    const keepDir = await mkdtemp(join(tmpdir(), "bpyts-debug-job-"));
    const script = join(keepDir, scriptFileName(job));
    const abort = new AbortController();
    const outer = options.signal;
    const onOuterAbort = () => abort.abort();
    outer?.addEventListener("abort", onOuterAbort, { once: true });
    if (outer?.aborted) abort.abort();
    const { onResult, ...jobOptions } = options;
    const running = pool.run(job, {
      ...jobOptions,
      input: launch.input !== undefined ? launch.input : jobOptions.input,
      args: launch.args ?? jobOptions.args,
      keepDir,
      debugpy: { port: io.port },
      signal: abort.signal,
      onStdout: (t) => {
        io.output("stdout", t);
        jobOptions.onStdout?.(t);
      },
      onStderr: (t) => {
        io.output("stderr", t);
        jobOptions.onStderr?.(t);
      },
    });
    const done = running
      .then(
        (result) => {
          onResult?.(result);
          return {
            exitCode: result.exitCode || (result.error ? 1 : 0),
            errorText: result.error?.format(),
          };
        },
        (e: Error) => {
          const coded = e as { format?: () => string };
          return {
            exitCode: 1,
            errorText: typeof coded.format === "function" ? coded.format() : e.message,
          };
        },
      )
      .finally(async () => {
        outer?.removeEventListener("abort", onOuterAbort);
        await rm(keepDir, { recursive: true, force: true });
      });
    return { script, done, kill: () => abort.abort() };
  };
}

export interface PoolJobDebugOptions extends Omit<PoolJobOptions, "debugpy" | "keepDir"> {
  /** TCP port on 127.0.0.1 the editor connects to (launch.json `debugServer`); 0 (default): a free one. */
  port?: number;
  /** Show runtime-helper, runner and Blender frames too. */
  showAllFrames?: boolean;
}

export interface PoolJobDebug {
  /** The DAP port the editor connects to. */
  port: number;
  /**
   * The job's result once it ran under the editor (as `pool.run` gives it: a job the session
   * ended early is cancelled, BPY0103). Rejects (BPY0103) when the session ended without a launch.
   */
  result: Promise<RunResult>;
  /** Stop: a session still open ends (its job cancelled, its worker replaced). */
  close(): Promise<void>;
}

/**
 * Debug one job of a warm pool from an editor: serves the Debug Adapter Protocol on a TCP port
 * for one session; the editor's `launch` queues `runnable` on the pool with debugpy listening in
 * the worker that takes it; breakpoints, stack, stepping and variables are the TypeScript's, as
 * with `bpyts debug`. The pool's other workers keep serving; the debugged worker is replaced.
 */
export async function debugPoolJob(
  pool: WorkerPool,
  runnable: Runnable,
  options: PoolJobDebugOptions = {},
): Promise<PoolJobDebug> {
  const { port: wanted = 0, showAllFrames, ...jobOptions } = options;
  let settle!: { ok: (r: RunResult) => void; fail: (e: Error) => void };
  const result = new Promise<RunResult>((ok, fail) => (settle = { ok, fail }));
  result.catch(() => {}); // a caller that never reads it is not an unhandled rejection
  let launched = false;
  const launcher = poolLauncher(pool, runnable, {
    ...jobOptions,
    onResult: (r) => settle.ok(r),
  });
  const session = new BpytsDebugSession({
    launcher: async (launch, io) => {
      launched = true;
      const program = await launcher(launch, io);
      void program.done.then((end) => {
        // the job failed before it ran (it does not compile, the pool is closed): no RunResult
        if (end.errorText && end.exitCode) settle.fail(new Error(end.errorText));
      });
      return program;
    },
    freePort,
    runnerDir: pythonDir,
    launchDefaults: showAllFrames ? { showAllFrames } : undefined,
  });
  session.setRunAsServer(true);
  const server = createServer();
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(wanted, "127.0.0.1", () => ok());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : wanted;
  let socket: Socket | undefined;
  let ended: Promise<void> | undefined;
  const end = () =>
    (ended ??= session.close().finally(() => {
      socket?.end();
      if (!launched)
        settle.fail(
          new ScriptError(
            "BPY0103",
            "cancelled: the debug session ended before the job was launched",
          ),
        );
    }));
  server.once("connection", (s) => {
    socket = s;
    server.close(); // one session
    session.on("disconnected", end);
    session.on("close", end);
    session.start(s, s);
  });
  return {
    port,
    result,
    async close() {
      server.close();
      await end();
    },
  };
}
