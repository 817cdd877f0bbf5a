import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { RunnerError, ScriptError } from "./errors.js";
import { pythonDir } from "./paths.js";
import { spawnProcess } from "./process.js";
import { progressParser } from "./progress.js";
import { encodeFrame, frameDecoder, markerSplitter } from "./protocol.js";
import {
  backendCommand,
  crashError,
  progressLogArgs,
  detectVersion,
  fromOutcome,
  signalExitCode,
  workerArgs,
  type Backend,
  type BackendOptions,
  type JobOptions,
  type JobOutcome,
  type RunResult,
} from "./run.js";
import {
  prepareScript,
  encodeInput,
  type CompileHook,
  type PreparedScript,
  type Runnable,
} from "./script.js";

export interface PoolOptions extends BackendOptions {
  /** Number of long-lived workers (default 2). */
  size?: number;
  /** Reset to an empty scene between jobs instead of the factory-startup scene. */
  emptyScene?: boolean;
  /** Working directory of the workers (per-job `cwd` overrides it). */
  cwd?: string;
  /** How long a worker may take to start (default 120 s). */
  startTimeoutMs?: number;
  /** Default per-job timeout. */
  timeoutMs?: number;
  /** Worker output outside any job (start-up banner), for debugging. */
  onWorkerOutput?: (text: string) => void;
  compile?: CompileHook;
  typeRoots?: string[];
  blenderVersion?: string;
}

/** A pool job takes the same per-job options as a one-shot run. */
export type PoolJobOptions = JobOptions;

export interface PoolStats {
  size: number;
  idle: number;
  busy: number;
  queued: number;
  /** Workers started so far (replacements included). */
  started: number;
}

export interface WorkerPool {
  /** Queue a job; resolves when it finished (failed scripts resolve with `error`, like `run`). */
  run<T = unknown>(runnable: Runnable, options?: PoolJobOptions): Promise<RunResult<T>>;
  /** Resolves once every worker is started and idle (useful before timing a job). */
  ready(): Promise<void>;
  stats(): PoolStats;
  /** Finish queued and running jobs, then stop the workers. `force` fails queued jobs and kills. */
  close(options?: { force?: boolean }): Promise<void>;
}

interface Job {
  id: number;
  prepared: PreparedScript;
  message: Record<string, unknown>;
  options: PoolJobOptions;
  stdout: string;
  stderr: string;
  started: number;
  outcome?: JobOutcome;
  ends: number;
  timer?: NodeJS.Timeout;
  resolve: (r: RunResult<never>) => void;
  progress?: (chunk: string) => void;
  recycle: boolean;
}

function spawnWorker(
  command: string,
  backend: Backend,
  env: NodeJS.ProcessEnv,
  cwd: string | undefined,
  extra: readonly string[],
) {
  // Own process group, killed as a group (timeout, start timeout, close, host death): process.ts.
  return spawnProcess(command, workerArgs(backend, extra), {
    buffer: false,
    stdin: "pipe",
    extraPipes: 1,
    cwd,
    env,
  });
}

class Worker {
  state: "starting" | "idle" | "busy" | "dead" = "starting";
  job?: Job;
  private readonly child: ReturnType<typeof spawnWorker>;
  private startTimer?: NodeJS.Timeout;
  output = "";

  constructor(
    private readonly pool: Pool,
    command: string,
    backend: Backend,
    env: NodeJS.ProcessEnv,
    cwd: string | undefined,
    extra: readonly string[],
  ) {
    this.child = spawnWorker(command, backend, env, cwd, extra);
    this.child.stdout?.setEncoding("utf8");
    this.child.stderr?.setEncoding("utf8");
    const out = markerSplitter(
      (t) => this.text("stdout", t),
      (id) => this.end(id),
    );
    const err = markerSplitter(
      (t) => this.text("stderr", t),
      (id) => this.end(id),
    );
    this.child.stdout?.on("data", out);
    this.child.stderr?.on("data", err);
    const channel = this.child.stdio[3] as NodeJS.ReadableStream | undefined;
    channel?.on(
      "data",
      frameDecoder((m) => this.message(m as Record<string, unknown>)),
    );
    this.child.stdin?.on("error", () => {}); // EPIPE when the worker died: handled on exit
    this.startTimer = setTimeout(() => this.kill(), pool.startTimeoutMs);
    void this.child.then((r) => this.exited(r.signal, r.exitCode));
  }

  private text(stream: "stdout" | "stderr", text: string): void {
    const job = this.job;
    if (!job) {
      this.output = (this.output + text).slice(-4000);
      this.pool.onWorkerOutput?.(text);
      return;
    }
    job[stream] += text;
    if (stream === "stdout") {
      job.options.onStdout?.(text);
      job.progress?.(text);
    } else job.options.onStderr?.(text);
  }

  private message(m: Record<string, unknown>): void {
    if (m["type"] === "ready") {
      clearTimeout(this.startTimer);
      this.pool.workerReady(this);
    } else if (m["type"] === "done" && this.job && m["id"] === this.job.id) {
      this.job.outcome = m as unknown as JobOutcome;
      this.end(this.job.id);
    } else if (m["type"] === "idle") {
      // The `idle` frame can overtake the job's output markers (different pipes): the worker is
      // only free once its current job has completely ended.
      if (this.job) this.idlePending = true;
      else this.pool.workerIdle(this);
    }
  }

  /** A job is over when its `done` frame and both output markers have arrived. */
  private end(id: number): void {
    const job = this.job;
    if (!job || job.id !== id) return;
    job.ends += 1;
    if (job.ends < 3 || !job.outcome) return;
    this.job = undefined;
    this.state = "busy"; // resetting the scene; the worker says `idle` when done
    this.pool.finish(job, { outcome: job.outcome });
    if (job.recycle) this.stop();
    if (this.idlePending) {
      this.idlePending = false;
      this.pool.workerIdle(this);
    }
  }

  send(job: Job): void {
    if (this.job) throw new Error("bpyts pool: a worker got a job while busy");
    this.state = "busy";
    this.job = job;
    this.child.stdin?.write(encodeFrame(job.message));
  }

  kill(): void {
    this.child.kill("SIGKILL");
  }

  private idlePending = false;
  /** Set once `quit` was sent: the worker takes no more jobs. */
  retiring = false;

  stop(): void {
    if (this.state === "dead" || this.retiring) return;
    this.retiring = true;
    this.child.stdin?.end(encodeFrame({ type: "quit" }));
  }

  private exited(signal: string | undefined, exitCode: number | undefined): void {
    clearTimeout(this.startTimer);
    const wasStarting = this.state === "starting";
    this.state = "dead";
    const job = this.job;
    this.job = undefined;
    if (job) {
      if (job.outcome) this.pool.finish(job, { outcome: job.outcome });
      else this.pool.finish(job, { died: { signal, exitCode } });
    }
    this.pool.workerExited(this, wasStarting);
  }

  get startupOutput(): string {
    return this.output;
  }

  exit(): Promise<unknown> {
    return Promise.resolve(this.child);
  }
}

class Pool implements WorkerPool {
  private workers = new Set<Worker>();
  private queue: Job[] = [];
  private nextId = 1;
  private closing = false;
  private started = 0;
  private startFailures = 0;
  private broken?: string;
  /** Jobs accepted by run() but still being prepared (compiled / written). */
  private pending = 0;
  private readyWaiters: (() => void)[] = [];
  private drainWaiters: (() => void)[] = [];
  private command!: string;
  private backend!: Backend;
  private env!: NodeJS.ProcessEnv;
  readonly startTimeoutMs: number;
  readonly onWorkerOutput?: (text: string) => void;
  private readonly size: number;
  private version?: Promise<string>;
  private extraArgs: string[] = [];

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? 2);
    this.startTimeoutMs = options.startTimeoutMs ?? 120_000;
    this.onWorkerOutput = options.onWorkerOutput;
  }

  async init(): Promise<void> {
    const { command, backend, blender } = await backendCommand(this.options);
    this.command = command;
    // Render progress lines for onProgress (Blender ≥ 5 only logs them when asked).
    this.extraArgs = backend === "binary" ? await progressLogArgs(command) : [];
    this.backend = backend;
    this.env = {
      ...(this.options.env ?? process.env),
      PYTHONUNBUFFERED: "1",
      BPYTS_BACKEND: backend,
      BPYTS_PYTHONPATH: pythonDir,
      BPYTS_RESPONSE_FD: "3",
      BPYTS_EMPTY_SCENE: this.options.emptyScene ? "1" : "0",
      ...(blender ? { BPYTS_BINARY_PATH: blender } : {}),
    };
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  private spawn(): void {
    this.started += 1;
    this.workers.add(
      new Worker(this, this.command, this.backend, this.env, this.options.cwd, this.extraArgs),
    );
  }

  async run<T = unknown>(runnable: Runnable, options: PoolJobOptions = {}): Promise<RunResult<T>> {
    if (this.closing) throw new RunnerError("BPY0106", "the worker pool is closed");
    const input = encodeInput(options.input);
    if (options.blendFile && !existsSync(options.blendFile)) {
      throw new RunnerError("BPY0107", `.blend file not found: ${options.blendFile}`);
    }
    this.pending += 1;
    let prepared: PreparedScript;
    try {
      prepared = await prepareScript(runnable, {
        ...this.options,
        keepDir: options.keepDir,
        detectVersion: () => (this.version ??= detectVersion(this.backend, this.command, this.env)),
      });
    } finally {
      this.pending -= 1;
    }
    const id = this.nextId++;
    const emptyScene = options.emptyScene ?? this.options.emptyScene ?? false;
    return new Promise<RunResult<T>>((resolvePromise) => {
      const job: Job = {
        id,
        prepared,
        options,
        stdout: "",
        stderr: "",
        started: performance.now(),
        ends: 0,
        recycle: this.backend === "module" && !!options.blendFile, // one .blend per bpy process
        progress: options.onProgress ? progressParser(options.onProgress) : undefined,
        resolve: resolvePromise as (r: RunResult<never>) => void,
        message: {
          type: "job",
          id,
          script: prepared.script,
          input,
          args: options.args ?? [],
          blendFile: options.blendFile && resolve(options.blendFile),
          allowAutorun: options.allowAutorun ?? false,
          emptyScene,
          cwd: resolve(options.cwd ?? this.options.cwd ?? process.cwd()),
        },
      };
      if (options.signal) {
        if (options.signal.aborted) return this.cancel(job);
        options.signal.addEventListener("abort", () => this.cancel(job), { once: true });
      }
      if (this.broken) return this.finish(job, { error: new ScriptError("BPY0104", this.broken) });
      this.queue.push(job);
      this.dispatch();
    });
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.finish(job, { error: new ScriptError("BPY0103", "cancelled before it started") });
      return;
    }
    for (const w of this.workers) if (w.job === job) w.kill(); // finished as cancelled on exit
    job.message["cancelled"] = true;
  }

  private dispatch(): void {
    for (const w of this.workers) {
      if (w.state !== "idle" || w.retiring) continue;
      const job = this.queue.shift();
      if (!job) break;
      job.started = performance.now();
      const timeoutMs = job.options.timeoutMs ?? this.options.timeoutMs;
      if (timeoutMs !== undefined) {
        job.timer = setTimeout(() => {
          job.message["timedOut"] = true;
          w.kill();
        }, timeoutMs);
      }
      w.send(job);
    }
    this.checkDrained();
  }

  workerReady(w: Worker): void {
    this.startFailures = 0;
    this.workerIdle(w);
  }

  workerIdle(w: Worker): void {
    if (w.state === "dead") return;
    w.state = "idle";
    if (w.retiring) return; // it exits after reading `quit`
    this.dispatch();
    if ([...this.workers].every((x) => x.state === "idle")) {
      for (const f of this.readyWaiters.splice(0)) f();
    }
  }

  workerExited(w: Worker, wasStarting: boolean): void {
    this.workers.delete(w);
    if (wasStarting) this.startFailures += 1;
    if (this.startFailures >= 3) {
      // Blender cannot start: fail what is queued (and what comes) instead of retrying forever.
      const why = w.startupOutput.trim().split("\n").slice(-5).join("\n");
      this.broken = `the worker could not start (${this.command})${why ? `:\n${why}` : ""}`;
      for (const job of this.queue.splice(0)) {
        this.finish(job, { error: new ScriptError("BPY0104", this.broken) });
      }
    } else if (!this.closing || this.queue.length > 0 || this.pending > 0) {
      if (this.workers.size < this.size) this.spawn();
    }
    this.checkDrained();
  }

  finish(
    job: Job,
    how: {
      outcome?: JobOutcome;
      died?: { signal?: string; exitCode?: number };
      error?: ScriptError;
    },
  ): void {
    clearTimeout(job.timer);
    let fields: Pick<RunResult<unknown>, "result" | "hasResult" | "exitCode" | "error" | "signal">;
    if (how.outcome) fields = fromOutcome(how.outcome, job.prepared.scriptMap);
    else if (how.error) fields = { hasResult: false, exitCode: 1, error: how.error };
    else {
      const { signal, exitCode } = how.died ?? {};
      const error = job.message["timedOut"]
        ? new ScriptError(
            "BPY0102",
            `timed out after ${job.options.timeoutMs ?? this.options.timeoutMs} ms (the worker was killed and replaced)`,
          )
        : job.message["cancelled"]
          ? new ScriptError("BPY0103", "cancelled (the worker was killed and replaced)")
          : crashError(signal, exitCode, job.stdout + job.stderr);
      fields = {
        hasResult: false,
        exitCode: signal ? signalExitCode(signal) : exitCode || 1,
        signal,
        error,
      };
    }
    void job.prepared.cleanup();
    job.resolve({
      ...fields,
      stdout: job.stdout,
      stderr: job.stderr,
      script: job.prepared.script,
      durationMs: performance.now() - job.started,
    } as RunResult<never>);
  }

  private checkDrained(): void {
    if (this.pending === 0 && this.queue.length === 0 && [...this.workers].every((w) => !w.job)) {
      for (const f of this.drainWaiters.splice(0)) f();
    }
  }

  ready(): Promise<void> {
    if ([...this.workers].every((w) => w.state === "idle")) return Promise.resolve();
    return new Promise((r) => this.readyWaiters.push(r));
  }

  stats(): PoolStats {
    const all = [...this.workers];
    return {
      size: this.size,
      idle: all.filter((w) => w.state === "idle").length,
      busy: all.filter((w) => w.state === "busy").length,
      queued: this.queue.length,
      started: this.started,
    };
  }

  async close(options: { force?: boolean } = {}): Promise<void> {
    this.closing = true;
    if (options.force) {
      for (const job of this.queue.splice(0)) {
        this.finish(job, { error: new ScriptError("BPY0103", "cancelled: the pool was closed") });
      }
      for (const w of this.workers) w.kill();
    } else {
      await new Promise<void>((r) => {
        this.drainWaiters.push(r);
        this.checkDrained();
      });
    }
    const exits = [...this.workers].map((w) => w.exit());
    for (const w of this.workers) w.stop(); // a resetting worker reads `quit` once idle
    const timer = setTimeout(() => {
      for (const w of this.workers) w.kill();
    }, 10_000);
    await Promise.all(exits);
    clearTimeout(timer);
  }
}

/** Start N long-lived Blender workers (binary backend) or bpy-module interpreters (module backend). */
export async function createPool(options: PoolOptions = {}): Promise<WorkerPool> {
  const pool = new Pool(options);
  await pool.init();
  return pool;
}
