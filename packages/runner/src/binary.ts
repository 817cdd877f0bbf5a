import { resolve } from "node:path";
import { RunnerError } from "./errors.js";
import { spawnProcess } from "./process.js";

export interface RunScriptOptions {
  /** Blender executable (see findBlender). */
  blender: string;
  /** Arguments after `--`, readable by the script in `sys.argv`. */
  args?: readonly string[];
  /** A .blend file to open first (relative to `cwd`); its embedded scripts stay disabled. */
  blendFile?: string;
  /** Called with each chunk Blender writes, as it arrives. */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  cwd?: string;
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
}

export interface RunScriptResult {
  exitCode: number;
  /** Set when Blender died from a signal (e.g. SIGSEGV) rather than exiting. */
  signal?: string;
  timedOut: boolean;
  /** The last OUTPUT_TAIL_CHARS (1 Mi) characters of each stream; all of it goes to the callbacks. */
  stdout: string;
  stderr: string;
  durationMs: number;
}

/**
 * The command line for a one-shot background run (exported for tests and `--verbose`). Paths are
 * made absolute, so one that starts with `-` (`--version`, `--enable-autoexec`) stays a path.
 */
export function blenderArgs(script: string, options: Omit<RunScriptOptions, "blender">): string[] {
  const base = options.cwd ?? process.cwd();
  return blenderArgv({
    script: resolve(base, script),
    blendFile: options.blendFile && resolve(base, options.blendFile),
    args: options.args,
  });
}

export interface BlenderArgvOptions {
  /** the Python file Blender runs (`--python`) */
  script: string;
  /** a .blend to open first */
  blendFile?: string;
  /** let the .blend's own scripts run (`--enable-autoexec`); off by default */
  allowAutorun?: boolean;
  /** more Blender options (`--log-level …`), before the file and the script */
  extra?: readonly string[];
  /** the script's own arguments, after `--` */
  args?: readonly string[];
}

/**
 * The one command line every Blender binary bpyts starts gets (one-shot runs, pool workers,
 * `runScript`): background, factory settings, a failing script exits 1, autoexec off unless
 * asked, then the .blend (it must load before the script runs), the script and its arguments.
 */
export function blenderArgv(o: BlenderArgvOptions): string[] {
  return [
    "--background",
    "--factory-startup",
    "--python-exit-code",
    "1",
    ...(o.extra ?? []),
    o.allowAutorun ? "--enable-autoexec" : "--disable-autoexec",
    ...(o.blendFile ? [o.blendFile] : []),
    "--python",
    o.script,
    ...(o.args?.length ? ["--", ...o.args] : []),
  ];
}

/**
 * Run a Python file in a fresh background Blender (no shell: arguments are passed as an array,
 * so paths with spaces or quotes are safe). Never throws for a failing script: the exit code,
 * signal and output come back in the result.
 */
export async function runScript(
  script: string,
  options: RunScriptOptions,
): Promise<RunScriptResult> {
  const started = performance.now();
  const r = await spawnProcess(options.blender, blenderArgs(script, options), {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    cwd: options.cwd,
    env: options.env && { ...process.env, ...options.env }, // merged, as execa did
    onStdout: options.onStdout,
    onStderr: options.onStderr,
  });
  if (r.spawnError) {
    // Spawning itself failed (ENOENT, EACCES, no such cwd): that is an error of the caller's setup.
    throw new RunnerError(
      "BPY0104",
      `cannot start Blender (${options.blender}): ${r.spawnError.message}`,
    );
  }
  return {
    exitCode: r.exitCode ?? 1,
    signal: r.signal,
    timedOut: r.timedOut,
    stdout: r.stdout,
    stderr: r.stderr,
    durationMs: performance.now() - started,
  };
}
