import { existsSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { constants, tmpdir } from "node:os";
import type { Duplex } from "node:stream";
import { join, resolve } from "node:path";
import { blenderArgv } from "./binary.js";
import { blenderVersion, bpyModuleVersion, findBlender } from "./discover.js";
import { RunnerError, ScriptError } from "./errors.js";
import { oneshotScript, workerScript } from "./paths.js";
import { ManagedProcess } from "./process.js";
import { userDirsEnv } from "./userdirs.js";
import { progressParser, type ProgressEvent } from "./progress.js";
import {
  encodeInput,
  prepareScript,
  type CompileHook,
  type PreparedScript,
  type Runnable,
} from "./script.js";
import { exceptionError, type PythonException, type ScriptMap } from "./traceback.js";
import { parseOutcome } from "./protocol.js";

export type Backend = "binary" | "module";

export interface BackendOptions {
  /** `binary` (default): a Blender executable; `module`: a Python interpreter where `import bpy` works. */
  backend?: Backend;
  /** Blender executable (binary backend; for the module backend it becomes `bpy.app.binary_path`). */
  blender?: string;
  /** Module backend: the interpreter (default $BPYTS_PYTHON, then `python3`). */
  python?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Use the user's real Blender folders (~/.config/blender: preferences, add-ons, extensions).
   * Default: a private empty set per run or pool (see userdirs.ts).
   */
  realUserDirs?: boolean;
}

/** What one job asks for, whether it runs one-shot (`run`) or in a warm pool (`pool.run`). */
export interface JobOptions {
  /** JSON-serialisable input, read by the script with `input()` from "bpyts/runtime". */
  input?: unknown;
  /** Script arguments (`args` in "bpyts/runtime"; for the binary backend also after `--`). */
  args?: readonly string[];
  /** A .blend to open first. Its auto-run scripts stay disabled unless `allowAutorun`. */
  blendFile?: string;
  allowAutorun?: boolean;
  /** Start from an empty scene instead of the factory-startup one. */
  emptyScene?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  cwd?: string;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  onProgress?: (event: ProgressEvent) => void;
  /** Leave the .py and .py.map in this folder (debugging) instead of a temp folder. */
  keepDir?: string;
}

export interface RunOptions extends BackendOptions, JobOptions {
  /** For .ts entries: compiler and type roots (default: @bpyts/compiler + the runtime typings). */
  compile?: CompileHook;
  typeRoots?: string[];
  /** For .ts entries: the Blender version whose typings to use. */
  blenderVersion?: string;
}

export interface RunResult<T = unknown> {
  /** The value the script passed to `setResult` (undefined when it set none). */
  result?: T;
  hasResult: boolean;
  /**
   * Output kept for the result: the last 1 Mi characters of each stream (the whole stream goes
   * to `onStdout` / `onStderr` as it arrives, so memory stays bounded); a pool job's starts with a
   * note when it was cut.
   */
  stdout: string;
  stderr: string;
  /** The script's exit status: 0, its `sys.exit` code, 1 on an uncaught exception, 128+n on signal n. */
  exitCode: number;
  signal?: string;
  durationMs: number;
  /** Why the run failed (exception with a TS stack, crash, timeout, cancellation). */
  error?: ScriptError;
  /** The .py that ran. */
  script: string;
}

/** The outcome the Python side reports (one-shot result file or worker `done` frame). */
export interface JobOutcome {
  exitCode: number;
  error: PythonException | null;
  hasResult: boolean;
  result: string | null;
}

export function signalExitCode(signal: string | undefined): number {
  const n = signal ? (constants.signals as Record<string, number | undefined>)[signal] : undefined;
  return n ? 128 + n : 1;
}

export function crashError(
  signal: string | undefined,
  exitCode: number | undefined,
  output: string,
  when: "before" | "after" = "before",
): ScriptError {
  const hint = /Writing: (\S+\.crash\.txt)/.exec(output)?.[1];
  const why = signal
    ? `Blender crashed (${signal})`
    : `Blender exited with code ${exitCode ?? "?"}`;
  return new ScriptError(
    signal ? "BPY0101" : "BPY0104",
    `${why} ${when} the script finished${hint ? `; crash log: ${hint}` : ""}`,
    { signal },
  );
}

/** An exit status as Python gives it: `sys.exit(True)` is 1, a non-integer code is 1. */
export function exitStatus(code: unknown): number {
  if (typeof code === "boolean") return code ? 1 : 0;
  return typeof code === "number" && Number.isSafeInteger(code) ? code : 1;
}

/** Turn the Python side's outcome into the typed result fields. */
export function fromOutcome<T>(
  outcome: JobOutcome,
  scriptMap: ScriptMap | undefined,
): Pick<RunResult<T>, "result" | "hasResult" | "exitCode" | "error"> {
  return {
    exitCode: exitStatus(outcome.exitCode),
    hasResult: outcome.hasResult,
    result:
      outcome.hasResult && outcome.result !== null ? (JSON.parse(outcome.result) as T) : undefined,
    error: outcome.error ? exceptionError(outcome.error, scriptMap) : undefined,
  };
}

/** Resolve the executable for a backend. */
export async function backendCommand(
  options: BackendOptions,
): Promise<{ command: string; backend: Backend; blender?: string }> {
  const backend = options.backend ?? "binary";
  const env = options.env ?? process.env;
  if (backend === "binary") {
    const blender = await findBlender({ blender: options.blender, env });
    return { command: blender, backend, blender };
  }
  let blender: string | undefined;
  try {
    blender = options.blender ?? (await findBlender({ env }));
  } catch {
    blender = undefined; // binary_path stays empty: fine for scripts that do not need it
  }
  return { command: options.python ?? env["BPYTS_PYTHON"] ?? "python3", backend, blender };
}

/** The Blender version behind a backend (picks `@bpyts/blender-X.Y` for .ts entries). */
export function detectVersion(
  backend: Backend,
  command: string,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  return backend === "binary" ? blenderVersion(command) : bpyModuleVersion(command, env);
}

const versions = new Map<string, Promise<string | undefined>>();

/**
 * Blender ≥ 5 no longer prints render progress in background mode unless its `render` log
 * category is enabled at info level; older versions print it anyway (and take other flags).
 */
export async function progressLogArgs(blender: string, known?: string): Promise<string[]> {
  let version = known ? Promise.resolve(known) : versions.get(blender);
  if (!version) {
    version = blenderVersion(blender).catch(() => undefined);
    versions.set(blender, version);
  }
  const major = Number((await version)?.split(".")[0] ?? 0);
  return major >= 5 ? ["--log-level", "info", "--log", "render"] : [];
}

/** Argument vector for a worker process (see pool.ts). */
export function workerArgs(backend: Backend, extra: readonly string[] = []): string[] {
  return backend === "binary" ? blenderArgv({ script: workerScript, extra }) : [workerScript];
}

/**
 * What to run when it is known which Blender runs it: `run` starts Blender first and compiles
 * meanwhile (Blender's start and the compile overlap), then hands the script over.
 */
export interface DeferredRunnable {
  /** The runnable for the Blender that runs it (its version as Blender reports it). */
  compileFor(version: string): Promise<Runnable>;
  /**
   * The version expected (from a cache, or `--target`): compiling starts before Blender reports
   * its own; when that differs (major.minor), the script is compiled again for it.
   */
  assumedVersion?: string;
  /** Blender's own version, once reported (for a cache to keep). */
  onVersion?(version: string): void;
  /**
   * Blender has been started (nothing else ran before its spawn): the moment to prepare what
   * the compile will need while Blender starts, when no `assumedVersion` lets it begin at once.
   */
  onStarted?(): void;
}

export function isDeferred(r: Runnable | DeferredRunnable): r is DeferredRunnable {
  return typeof r === "object" && "compileFor" in r;
}

const majorMinor = (v: string) => /^(\d+\.\d+)/.exec(v)?.[1] ?? v;

/** The first line on the channel (Blender's hello), or undefined when it closes first. */
function firstLine(stream: Duplex | undefined): Promise<string | undefined> {
  return new Promise((done) => {
    if (!stream) return done(undefined);
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const end = text.indexOf("\n");
      if (end >= 0 || text.length > 1 << 16) finish(end >= 0 ? text.slice(0, end) : undefined);
    };
    const finish = (line: string | undefined) => {
      stream.off("data", onData);
      stream.off("close", onClose);
      done(line);
    };
    const onClose = () => finish(undefined);
    stream.on("data", onData);
    stream.once("close", onClose);
  });
}

function helloVersion(line: string | undefined): string | undefined {
  try {
    const v = (JSON.parse(line ?? "") as { version?: unknown }).version;
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Run a script once in a fresh Blender (binary backend) or bpy-module interpreter: JSON input in,
 * typed result out, uncaught exceptions mapped to TypeScript positions. Never throws for a failing
 * script (see `error`); throws RunnerError / BlenderNotFoundError / CompileError for setup failures
 * (a compile that fails stops the Blender started for it).
 *
 * Blender is started before the script is ready: it reports its version on a private channel
 * (fd 3), and gets the job there once compiled — for a `.ts` entry (or a `DeferredRunnable`)
 * compiling overlaps Blender's start-up, with no separate `blender --version` probe.
 */
export async function run<T = unknown>(
  runnable: Runnable | DeferredRunnable,
  options: RunOptions = {},
): Promise<RunResult<T>> {
  const started = performance.now();
  const input = encodeInput(options.input);
  if (options.blendFile && !existsSync(options.blendFile)) {
    throw new RunnerError("BPY0107", `.blend file not found: ${options.blendFile}`);
  }
  if (
    options.cwd !== undefined &&
    !statSync(options.cwd, { throwIfNoEntry: false })?.isDirectory()
  ) {
    throw new RunnerError("BPY0107", `working directory not found: ${options.cwd}`);
  }
  const { command, backend, blender } = await backendCommand(options);
  // A .ts entry whose typings follow the Blender that runs it waits for that Blender's report.
  const deferred: DeferredRunnable | undefined = isDeferred(runnable)
    ? runnable
    : typeof runnable === "string" &&
        /\.[cm]?tsx?$/.test(runnable) &&
        !options.blenderVersion &&
        !options.typeRoots
      ? { compileFor: async () => runnable }
      : undefined;
  const prepare = async (version?: string) =>
    prepareScript(
      deferred && version ? await deferred.compileFor(version) : (runnable as Runnable),
      {
        ...options,
        blenderVersion: options.blenderVersion ?? version,
        detectVersion: () => detectVersion(backend, command, options.env),
      },
    );
  // Not deferred: ready before Blender starts (a compile error starts no Blender).
  let compiling: Promise<PreparedScript> | undefined = deferred ? undefined : prepare();
  let prepared = compiling && (await compiling);
  /** Scripts prepared for a version Blender turned out not to be (their temp folders go too). */
  const dropped: Promise<PreparedScript>[] = [];
  const work = await mkdtemp(join(tmpdir(), "bpyts-run-"));
  const userDirs = await userDirsEnv(options.env ?? process.env, options.realUserDirs);
  try {
    const resultPath = join(work, "result.json");
    const assumed = deferred?.assumedVersion ?? options.blenderVersion;
    const argv =
      backend === "binary"
        ? blenderArgv({
            script: oneshotScript,
            blendFile: options.blendFile && resolve(options.blendFile),
            allowAutorun: options.allowAutorun,
            extra: options.onProgress ? await progressLogArgs(command, assumed) : [],
            args: options.args,
          })
        : [oneshotScript];
    const parseProgress = options.onProgress ? progressParser(options.onProgress) : undefined;
    // Output streams to the callbacks; only a bounded tail is kept (no size limit kills the run).
    const proc = new ManagedProcess(command, argv, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      cwd: options.cwd,
      env: { ...userDirs.env, BPYTS_CHANNEL_FD: "3", PYTHONUNBUFFERED: "1" },
      extraPipes: 1,
      onStdout: (c) => {
        options.onStdout?.(c);
        parseProgress?.(c);
      },
      onStderr: options.onStderr,
    });
    const channel = proc.stdio[3] as Duplex | undefined;
    const ended = proc.then(() => undefined);
    deferred?.onStarted?.();
    if (deferred && assumed) compiling = prepare(assumed);
    compiling?.catch(() => {}); // awaited below, unless Blender ends first
    try {
      const version = helloVersion(await Promise.race([firstLine(channel), ended]));
      if (version) {
        deferred?.onVersion?.(version);
        if (deferred && (!assumed || majorMinor(assumed) !== majorMinor(version))) {
          // the script prepared for the assumed version is not the one that runs: its temp
          // folder goes too (see the finally below)
          if (compiling) dropped.push(compiling);
          compiling = prepare(version);
        }
      }
      if (version && compiling) {
        prepared = await Promise.race([compiling, ended]);
        if (prepared) {
          const payload = {
            backend,
            script: prepared.script,
            input,
            args: options.args ?? [],
            resultPath,
            binaryPath: blender,
            blendFile: options.blendFile && resolve(options.blendFile),
            allowAutorun: options.allowAutorun ?? false,
            emptyScene: options.emptyScene ?? false,
          };
          channel?.end(`${JSON.stringify(payload)}\n`);
        }
      }
    } catch (e) {
      proc.kill(); // the compile failed: Blender has nothing to run
      await proc;
      throw e;
    }
    channel?.end();
    const r = await proc;
    if (r.spawnError) {
      const what = backend === "binary" ? "Blender" : "the Python interpreter";
      throw new RunnerError(
        backend === "binary" ? "BPY0104" : "BPY0109",
        `cannot start ${what} (${command}): ${r.spawnError.message}`,
      );
    }
    const { stdout, stderr } = r;
    const base = { stdout, stderr, script: prepared?.script ?? "", durationMs: 0 };
    let outcome: JobOutcome | undefined;
    try {
      // Checked like a worker's `done` frame: a result file that is not an outcome counts as none.
      const parsed = parseOutcome(JSON.parse(await readFile(resultPath, "utf8")));
      outcome = parsed && { ...parsed, exitCode: exitStatus(parsed.exitCode) };
    } catch {
      outcome = undefined;
    }
    let fields: Pick<RunResult<T>, "result" | "hasResult" | "exitCode" | "error" | "signal">;
    if (r.timedOut) {
      fields = {
        hasResult: false,
        exitCode: signalExitCode(r.signal),
        signal: r.signal,
        error: new ScriptError(
          "BPY0102",
          `timed out after ${options.timeoutMs} ms (Blender and what it started were killed)`,
        ),
      };
    } else if (r.cancelled) {
      fields = {
        hasResult: false,
        exitCode: signalExitCode(r.signal),
        signal: r.signal,
        error: new ScriptError("BPY0103", "cancelled (Blender and what it started were killed)"),
      };
    } else if (outcome) {
      fields = fromOutcome<T>(outcome, prepared?.scriptMap);
      // Blender's own end wins when it disagrees: a crash or a failing exit after the result was
      // written (an exit handler, a thread) still fails the run; the result is kept.
      if (r.signal) {
        fields.signal = r.signal;
        fields.exitCode ||= signalExitCode(r.signal);
        fields.error ??= crashError(r.signal, undefined, stdout + stderr, "after");
      } else if (fields.exitCode === 0 && r.exitCode) {
        fields.exitCode = r.exitCode;
        fields.error ??= crashError(undefined, r.exitCode, stdout + stderr, "after");
      }
    } else {
      fields = {
        hasResult: false,
        exitCode: r.signal ? signalExitCode(r.signal) : r.exitCode || 1,
        signal: r.signal,
        error: crashError(r.signal, r.exitCode, stdout + stderr),
      };
    }
    return { ...base, ...fields, durationMs: performance.now() - started };
  } finally {
    await rm(work, { recursive: true, force: true });
    await userDirs.cleanup();
    // (a compile that finished after Blender ended still left its files)
    await (prepared ?? (await compiling?.catch(() => undefined)))?.cleanup();
    for (const d of dropped) await (await d.catch(() => undefined))?.cleanup();
  }
}
