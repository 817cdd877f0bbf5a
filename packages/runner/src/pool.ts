import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, resolve } from "node:path";
import { RunnerError, ScriptError } from "./errors.js";
import { pythonDir } from "./paths.js";
import { OutputTail, spawnProcess } from "./process.js";
import { userDirsEnv, type UserDirs } from "./userdirs.js";
import { progressParser } from "./progress.js";
import {
  encodeRequest,
  MAX_FRAME_BYTES,
  ProtocolError,
  REQUEST_REFUSED,
  workerMessageDecoder,
  type PoolRequest,
  type WorkerMessage,
} from "./protocol.js";
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

/** A pool job takes the same per-job options as a one-shot run, and can be debugged. */
export interface PoolJobOptions extends JobOptions {
  /**
   * Debug this job: its worker makes debugpy listen on 127.0.0.1:`port` and waits for a client
   * (a DAP client of debugpy, or `@bpyts/debug`'s adapter) before the script runs. debugpy can
   * listen once per process, so that worker is replaced after the job (`stats().recycled`); the
   * other workers keep serving. The pool's default `timeoutMs` does not apply (someone is
   * stepping through it); the job's own `timeoutMs` does.
   */
  debugpy?: { port: number };
}

export interface PoolStats {
  size: number;
  idle: number;
  busy: number;
  queued: number;
  /** Workers started so far (replacements included). */
  started: number;
  /** Workers that exited after a job left state that could not be reset (see the README). */
  recycled: number;
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
  /** Random per job: every frame about the job must echo it (see protocol.ts). */
  nonce: string;
  prepared: PreparedScript;
  message: Extract<PoolRequest, { type: "job" }>;
  options: PoolJobOptions;
  stdout: OutputTail;
  stderr: OutputTail;
  started: number;
  timer?: NodeJS.Timeout;
  resolve: (r: RunResult<never>) => void;
  progress?: (chunk: string) => void;
  recycle: boolean;
  /** Set once the job's promise is resolved (a job is finished exactly once). */
  settled?: boolean;
  /** Why the job is being stopped when its worker is killed on purpose. */
  stopped?: ScriptError;
  /** Removes the AbortSignal listener (a signal shared by many jobs must not keep them all). */
  unlisten?: () => void;
}

/**
 * The one signal that completes a job: the worker's `done` frame, the job never reaching a
 * worker (cancelled while queued, pool closed or broken), or its worker exiting during the job
 * (a crash, or a kill the pool asked for: `Job.stopped` says why).
 */
type JobEnd =
  | { kind: "done"; outcome: JobOutcome }
  | { kind: "refused"; error: ScriptError }
  | { kind: "exited"; signal?: string; exitCode?: number };

/** What is kept of a job's stdout/stderr for its result (the tail; onStdout/onStderr get all). */
function kept(tail: OutputTail): string {
  const text = tail.toString();
  const dropped = tail.dropped;
  if (!dropped) return text;
  return `[bpyts: the first ${dropped} characters are not kept here (onStdout/onStderr received everything)]\n${text}`;
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

/** How long a worker may take to reset between jobs before it is replaced. */
const RESET_TIMEOUT_MS = 60_000;

/** The worker's exit status when its channel is gone (python/bpyts/_worker.py). */
const CHANNEL_LOST = 70;

const channelClosed = () =>
  new ProtocolError(
    "BPY0114",
    "the worker's channel closed during the job (the job closed the worker's descriptors)",
  );

/** A channel violation as the job's error. */
const violationError = (error: ProtocolError) =>
  new ScriptError(error.code, `${error.message}; the worker was killed and replaced`);

/** Blender's session temp folder as the worker reported it, if it has that exact shape. */
function blenderTempdir(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const dir = path.replace(/\/+$/, "");
  const parent = dirname(dir);
  const ok =
    /^blender_[A-Za-z0-9]+$/.test(basename(dir)) &&
    (parent === tmpdir() || parent === "/tmp" || parent === process.env["TMPDIR"]);
  return ok ? dir : undefined;
}

class Worker {
  /** starting → idle ⇄ busy (running a job, then resetting until `idle`) → dead. */
  state: "starting" | "idle" | "busy" | "dead" = "starting";
  job?: Job;
  private readonly child: ReturnType<typeof spawnWorker>;
  private startTimer?: NodeJS.Timeout;
  output = "";
  /** Set when the channel broke (the worker is being killed): nothing more from it counts. */
  private untrusted = false;
  private channelClosed = false;
  private resetTimer?: NodeJS.Timeout;
  /** Blender's session folder: a killed Blender cannot remove it, the pool does. */
  private tempdir?: string;

  constructor(
    private readonly pool: Pool,
    command: string,
    backend: Backend,
    env: NodeJS.ProcessEnv,
    cwd: string | undefined,
    extra: readonly string[],
  ) {
    this.child = spawnWorker(command, backend, env, cwd, extra);
    // The process's own stdout/stderr carry only Blender's output outside jobs (start-up banner,
    // resets): a job's output arrives as `out` frames on the channel.
    this.child.stdout?.setEncoding("utf8");
    this.child.stderr?.setEncoding("utf8");
    this.child.stdout?.on("data", (t: string) => this.text(t));
    this.child.stderr?.on("data", (t: string) => this.text(t));
    const channel = this.child.stdio[3] as NodeJS.ReadableStream | undefined;
    const decode = workerMessageDecoder(
      (m) => this.message(m),
      (e) => this.violation(e),
    );
    channel?.on("data", (chunk: Buffer) => {
      try {
        decode(chunk);
      } catch (e) {
        // A bug of ours must not take the host down either: the worker is not trusted any more.
        this.violation(new ProtocolError("BPY0112", `bad worker message: ${String(e)}`));
      }
    });
    channel?.on("error", () => {});
    channel?.on("end", () => {
      // A crash or a kill also closes the channel: only a worker that lives on without its
      // channel (the job closed the worker's descriptors) or exits with CHANNEL_LOST is blamed.
      this.channelClosed = true;
      if (!this.job || this.untrusted) return;
      setTimeout(() => {
        if (this.state !== "dead") this.violation(channelClosed());
      }, 2000).unref();
    });
    this.child.stdin?.on("error", () => {}); // EPIPE when the worker died: handled on exit
    this.startTimer = setTimeout(() => this.kill(), pool.startTimeoutMs);
    void this.child.then((r) => this.exited(r.signal, r.exitCode));
  }

  private text(text: string): void {
    this.output = (this.output + text).slice(-4000);
    this.pool.onWorkerOutput?.(text);
  }

  private message(m: WorkerMessage): void {
    if (this.untrusted) return;
    const job = this.job;
    switch (m.type) {
      case "ready":
        if (this.state !== "starting") {
          return this.violation(
            new ProtocolError("BPY0112", "the worker said `ready` again (a forged message)"),
          );
        }
        clearTimeout(this.startTimer);
        this.tempdir = blenderTempdir(m.tempdir);
        this.pool.workerReady(this);
        return;
      case "out":
      case "done":
        if (!job || m.id !== job.id || m.nonce !== job.nonce) {
          return this.violation(
            new ProtocolError(
              "BPY0113",
              `the worker sent \`${m.type}\` for job ${m.id}, ${job ? `running job ${job.id}` : "no job running"}, or with the wrong nonce (a forged message)`,
            ),
          );
        }
        if (m.type === "out") {
          job[m.stream].push(m.data);
          try {
            if (m.stream === "stdout") {
              job.options.onStdout?.(m.data);
              job.progress?.(m.data);
            } else job.options.onStderr?.(m.data);
          } catch (e) {
            // The caller's callback failed: its error, surfaced as from any listener of its own,
            // not a fault of the worker.
            process.nextTick(() => {
              throw e;
            });
          }
          return;
        }
        this.job = undefined; // resetting now; the worker says `idle` (or `recycle`) when done
        // A reset that never ends (something the job left blocks it) must not take the worker
        // out of the pool for good.
        this.resetTimer = setTimeout(() => {
          this.pool.onWorkerOutput?.("bpyts: a worker did not finish its reset; replaced\n");
          this.kill();
        }, RESET_TIMEOUT_MS);
        this.pool.finish(job, {
          kind: "done",
          outcome: {
            ...m,
            exitCode: typeof m.exitCode === "boolean" ? Number(m.exitCode) : m.exitCode,
          },
        });
        if (job.recycle) this.stop();
        return;
      case "idle":
        if (this.state !== "busy" || job) {
          return this.violation(
            new ProtocolError("BPY0112", "the worker said `idle` during a job (a forged message)"),
          );
        }
        clearTimeout(this.resetTimer);
        this.pool.workerIdle(this);
        return;
      case "recycle":
        if (this.state !== "busy" || job) {
          return this.violation(
            new ProtocolError(
              "BPY0112",
              "the worker said `recycle` during a job (a forged message)",
            ),
          );
        }
        clearTimeout(this.resetTimer);
        this.retiring = true; // it exits now; the pool starts a fresh one
        this.pool.workerRecycled(this, m.reasons);
        return;
    }
  }

  /**
   * The channel broke its protocol: the job running (if any) fails with the violation's code and
   * the worker is killed (and replaced). Never throws.
   */
  private violation(error: ProtocolError): void {
    if (this.untrusted || this.state === "dead") return;
    this.untrusted = true;
    const job = this.job;
    if (job) {
      job.stopped ??= violationError(error);
    } else {
      this.pool.onWorkerOutput?.(
        `bpyts: worker ${this.child.pid ?? "?"} replaced: ${error.message}\n`,
      );
    }
    this.kill();
  }

  /** Hand a job to an idle worker; false when it cannot take one. */
  send(job: Job): boolean {
    if (this.job || this.state !== "idle" || this.untrusted) return false;
    this.state = "busy";
    this.job = job;
    this.child.stdin?.write(encodeRequest(job.message));
    return true;
  }

  kill(): void {
    this.child.kill("SIGKILL");
  }

  /** Set once `quit` was sent (or the worker said it recycles): the worker takes no more jobs. */
  retiring = false;

  stop(): void {
    if (this.state === "dead" || this.retiring) return;
    this.retiring = true;
    this.child.stdin?.end(encodeRequest({ type: "quit" }));
  }

  private exited(signal: string | undefined, exitCode: number | undefined): void {
    clearTimeout(this.startTimer);
    clearTimeout(this.resetTimer);
    const wasStarting = this.state === "starting";
    this.state = "dead";
    const job = this.job;
    this.job = undefined;
    if (job && this.channelClosed && !signal && exitCode === CHANNEL_LOST) {
      job.stopped ??= violationError(channelClosed());
    }
    if (job && !signal && exitCode === REQUEST_REFUSED) {
      job.stopped ??= violationError(
        new ProtocolError(
          "BPY0112",
          "the worker refused the pool's request (it does not match the protocol)",
        ),
      );
    }
    if (job) this.pool.finish(job, { kind: "exited", signal, exitCode });
    if (this.tempdir) void rm(this.tempdir, { recursive: true, force: true }).catch(() => {});
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
  private recycled = 0;
  private startFailures = 0;
  private broken?: string;
  /** Jobs accepted by run() but still being prepared (compiled / written). */
  private pending = 0;
  private readyWaiters: (() => void)[] = [];
  private drainWaiters: (() => void)[] = [];
  private command!: string;
  private backend!: Backend;
  private env!: NodeJS.ProcessEnv;
  private userDirs?: UserDirs;
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
    const cwd = this.options.cwd;
    if (cwd !== undefined && !statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) {
      throw new RunnerError("BPY0107", `working directory not found: ${cwd}`);
    }
    const { command, backend, blender } = await backendCommand(this.options);
    this.command = command;
    // Render progress lines for onProgress (Blender ≥ 5 only logs them when asked).
    this.extraArgs = backend === "binary" ? await progressLogArgs(command) : [];
    this.backend = backend;
    // Private Blender user folders for the pool's workers (userdirs.ts), removed on close.
    this.userDirs = await userDirsEnv(this.options.env ?? process.env, this.options.realUserDirs);
    this.env = {
      ...this.userDirs.env,
      PYTHONUNBUFFERED: "1",
      BPYTS_BACKEND: backend,
      BPYTS_PYTHONPATH: pythonDir,
      BPYTS_RESPONSE_FD: "3",
      BPYTS_EMPTY_SCENE: this.options.emptyScene ? "1" : "0",
      BPYTS_MAX_FRAME: String(MAX_FRAME_BYTES),
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
    if (options.debugpy) checkDebugPort(options.debugpy.port);
    if (options.blendFile && !existsSync(options.blendFile)) {
      throw new RunnerError("BPY0107", `.blend file not found: ${options.blendFile}`);
    }
    const cwd = resolve(options.cwd ?? this.options.cwd ?? process.cwd());
    if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) {
      throw new RunnerError("BPY0107", `working directory not found: ${cwd}`);
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
      const nonce = randomBytes(16).toString("hex");
      const job: Job = {
        id,
        nonce,
        prepared,
        options,
        stdout: new OutputTail(),
        stderr: new OutputTail(),
        started: performance.now(),
        recycle: this.backend === "module" && !!options.blendFile, // one .blend per bpy process
        progress: options.onProgress ? progressParser(options.onProgress) : undefined,
        resolve: resolvePromise as (r: RunResult<never>) => void,
        message: {
          type: "job",
          id,
          nonce,
          script: prepared.script,
          input,
          args: options.args ?? [],
          blendFile: options.blendFile && resolve(options.blendFile),
          allowAutorun: options.allowAutorun ?? false,
          emptyScene,
          cwd,
          ...(options.debugpy ? { debugpy: { port: options.debugpy.port } } : {}),
        },
      };
      const signal = options.signal;
      if (signal) {
        // aborted while the script was prepared: the job is in no queue and on no worker yet
        if (signal.aborted)
          return this.finish(job, {
            kind: "refused",
            error: new ScriptError("BPY0103", "cancelled before it started"),
          });
        const onAbort = () => this.cancel(job);
        signal.addEventListener("abort", onAbort, { once: true });
        job.unlisten = () => signal.removeEventListener("abort", onAbort);
      }
      if (this.broken)
        return this.finish(job, {
          kind: "refused",
          error: new ScriptError("BPY0104", this.broken),
        });
      this.queue.push(job);
      this.dispatch();
    });
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.finish(job, {
        kind: "refused",
        error: new ScriptError("BPY0103", "cancelled before it started"),
      });
      return;
    }
    job.stopped ??= new ScriptError("BPY0103", "cancelled (the worker was killed and replaced)");
    for (const w of this.workers) if (w.job === job) w.kill(); // finished as cancelled on exit
  }

  private dispatch(): void {
    for (const w of this.workers) {
      if (w.state !== "idle" || w.retiring) continue;
      const job = this.queue.shift();
      if (!job) break;
      job.started = performance.now();
      const timeoutMs =
        job.options.timeoutMs ?? (job.options.debugpy ? undefined : this.options.timeoutMs);
      if (!w.send(job)) {
        this.queue.unshift(job);
        continue;
      }
      if (timeoutMs !== undefined) {
        job.timer = setTimeout(() => {
          job.stopped ??= new ScriptError(
            "BPY0102",
            `timed out after ${timeoutMs} ms (the worker was killed and replaced)`,
          );
          w.kill();
        }, timeoutMs);
      }
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

  workerRecycled(w: Worker, reasons: string[]): void {
    this.recycled += 1;
    this.onWorkerOutput?.(`bpyts: worker recycled (${reasons.join("; ")})\n`);
    this.checkDrained();
  }

  workerExited(w: Worker, wasStarting: boolean): void {
    this.workers.delete(w);
    if (wasStarting) this.startFailures += 1;
    if (this.startFailures >= 3) {
      // Blender cannot start: fail what is queued (and what comes) instead of retrying forever.
      const why = w.startupOutput.trim().split("\n").slice(-5).join("\n");
      this.broken = `the worker could not start (${this.command})${why ? `:\n${why}` : ""}`;
      for (const job of this.queue.splice(0)) {
        this.finish(job, { kind: "refused", error: new ScriptError("BPY0104", this.broken) });
      }
    } else if (!this.closing || this.queue.length > 0 || this.pending > 0) {
      if (this.workers.size < this.size) this.spawn();
    }
    this.checkDrained();
  }

  /** Completes a job, once, from the one signal that ended it (`JobEnd`). */
  finish(job: Job, end: JobEnd): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    job.unlisten?.();
    const stdout = kept(job.stdout);
    const stderr = kept(job.stderr);
    let fields: Pick<RunResult<unknown>, "result" | "hasResult" | "exitCode" | "error" | "signal">;
    switch (end.kind) {
      case "done":
        fields = fromOutcome(end.outcome, job.prepared.scriptMap);
        break;
      case "refused":
        fields = { hasResult: false, exitCode: 1, error: end.error };
        break;
      case "exited": {
        const { signal, exitCode } = end;
        fields = {
          hasResult: false,
          exitCode: signal ? signalExitCode(signal) : exitCode || 1,
          signal,
          // a kill the pool asked for (timeout, cancel, broken channel) says why; else a crash
          error: job.stopped ?? crashError(signal, exitCode, stdout + stderr),
        };
        break;
      }
    }
    void job.prepared.cleanup();
    job.resolve({
      ...fields,
      stdout,
      stderr,
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
      recycled: this.recycled,
    };
  }

  async close(options: { force?: boolean } = {}): Promise<void> {
    this.closing = true;
    if (options.force) {
      for (const job of this.queue.splice(0)) {
        this.finish(job, {
          kind: "refused",
          error: new ScriptError("BPY0103", "cancelled: the pool was closed"),
        });
      }
      for (const w of this.workers) {
        if (w.job) {
          w.job.stopped ??= new ScriptError(
            "BPY0103",
            "cancelled: the pool was closed with force while the job ran (its worker was killed)",
          );
        }
        w.kill();
      }
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
    await this.userDirs?.cleanup();
  }
}

function checkDebugPort(port: unknown): void {
  if (typeof port !== "number" || !Number.isInteger(port) || port <= 0 || port > 65535)
    throw new RunnerError(
      "BPY0116",
      `debugpy.port must be a TCP port number (1-65535): ${String(port)}`,
    );
}

/** Start N long-lived Blender workers (binary backend) or bpy-module interpreters (module backend). */
export async function createPool(options: PoolOptions = {}): Promise<WorkerPool> {
  const pool = new Pool(options);
  await pool.init();
  return pool;
}
