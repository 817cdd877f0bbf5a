import { loadExeca } from "./execa.js";

export interface RunScriptOptions {
  /** Blender executable (see findBlender). */
  blender: string;
  /** Arguments after `--`, readable by the script in `sys.argv`. */
  args?: readonly string[];
  /** A .blend file to open first; its embedded scripts stay disabled. */
  blendFile?: string;
  /** Called with each chunk Blender writes, as it arrives. */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface RunScriptResult {
  exitCode: number;
  /** Set when Blender died from a signal (e.g. SIGSEGV) rather than exiting. */
  signal?: string;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** The command line for a one-shot background run (exported for tests and `--verbose`). */
export function blenderArgs(script: string, options: Omit<RunScriptOptions, "blender">): string[] {
  const args = [
    "--background",
    "--factory-startup",
    "--python-exit-code",
    "1",
    "--disable-autoexec",
  ];
  if (options.blendFile) args.push(options.blendFile);
  args.push("--python", script);
  if (options.args?.length) args.push("--", ...options.args);
  return args;
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
  const execa = await loadExeca();
  const child = execa(options.blender, blenderArgs(script, options), {
    reject: false,
    stdin: "ignore",
    timeout: options.timeoutMs,
    cancelSignal: options.signal,
    cwd: options.cwd,
    env: options.env,
    encoding: "utf8",
    stripFinalNewline: false,
  });
  child.stdout?.setEncoding("utf8");
  child.stderr?.setEncoding("utf8");
  if (options.onStdout) child.stdout?.on("data", options.onStdout);
  if (options.onStderr) child.stderr?.on("data", options.onStderr);
  const result = await child;
  if (result.failed && result.exitCode === undefined && !result.signal && !result.timedOut) {
    // Spawning itself failed (ENOENT, EACCES): that is an error of the caller's setup.
    throw new Error(`cannot start Blender (${options.blender}): ${result.shortMessage}`);
  }
  return {
    exitCode: result.exitCode ?? 1,
    signal: result.signal ?? undefined,
    timedOut: result.timedOut,
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? ""),
    durationMs: performance.now() - started,
  };
}
