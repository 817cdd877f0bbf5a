import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { constants, tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import {
  blenderVersion,
  bpyModuleVersion,
  run as runJob,
  type Backend,
  type CompiledScript,
  type Runnable,
} from "@bpyts/runner";
import { assertEntry, compileEntry } from "../compile.js";
import { CliError } from "../errors.js";
import { progressDisplay } from "../progress.js";
import { locateBlender } from "../target.js";
import { typingsFor } from "../typings.js";

export interface RunOptions {
  blender?: string;
  target?: string;
  backend?: Backend;
  python?: string;
  input?: string;
  result?: boolean;
  blend?: string;
  allowAutorun?: boolean;
  empty?: boolean;
  timeout?: string;
  pythonTrace?: boolean;
  keep?: boolean;
  outDir?: string;
  progress?: boolean;
  debugpy?: string;
}

/** `--input '{"a":1}'` or `--input @file.json`. */
export async function parseInput(spec: string | undefined): Promise<unknown> {
  if (spec === undefined) return undefined;
  let text = spec;
  let file: string | undefined;
  if (spec.startsWith("@")) {
    file = resolve(spec.slice(1));
    try {
      text = await readFile(file, "utf8");
    } catch (e) {
      throw new CliError("BPY0007", `cannot read --input file: ${(e as Error).message}`, file);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError("BPY0007", `--input is not valid JSON: ${(e as Error).message}`, file);
  }
}

/** The executable and the version that picks the typings, for a backend. */
export async function resolveBackend(options: {
  backend?: Backend;
  blender?: string;
  python?: string;
  target?: string;
}): Promise<{ blender?: string; version?: string }> {
  if ((options.backend ?? "binary") === "binary") {
    const blender = await locateBlender(options.blender);
    return { blender, version: options.target ?? (await blenderVersion(blender)) };
  }
  const python = options.python ?? process.env["BPYTS_PYTHON"] ?? "python3";
  let version = options.target;
  if (!version) {
    try {
      version = await bpyModuleVersion(python);
    } catch (e) {
      throw new CliError(
        "BPY0005",
        `no \`bpy\` module in ${python} (--python): ${(e as Error).message.split("\n")[0]}`,
      );
    }
  }
  return { blender: options.blender, version };
}

/** A .py runs as is (with its .py.map); a .ts entry is compiled first. */
export async function loadRunnable(entry: string, version: string | undefined): Promise<Runnable> {
  const file = resolve(entry);
  if (!existsSync(file)) throw new CliError("BPY0001", `entry file not found: ${entry}`, file);
  if (extname(file) === ".py") return file;
  if (!version)
    throw new CliError("BPY0004", "cannot tell which Blender typings to use (--target)");
  const compiled = await compileEntry(entry, typingsFor(version, dirname(file)));
  for (const w of compiled.warnings) process.stderr.write(`${w}\n`);
  const script: CompiledScript = {
    python: compiled.python,
    sourceMap: compiled.sourceMap,
    fileName: basename(file).replace(/\.[cm]?tsx?$/, "") + ".py",
    sourceMapDir: process.cwd(),
  };
  return script;
}

export async function keepDirFor(options: {
  keep?: boolean;
  outDir?: string;
}): Promise<string | undefined> {
  if (options.outDir) return resolve(options.outDir);
  if (options.keep) return mkdtemp(join(tmpdir(), "bpyts-keep-"));
  return undefined;
}

/** Compile, run once in a fresh background Blender, forward its output, return its exit code. */
export async function run(
  entry: string,
  scriptArgs: string[],
  options: RunOptions,
): Promise<number> {
  assertEntry(entry);
  const input = await parseInput(options.input);
  const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0))
    throw new CliError("BPY0007", `--timeout must be a positive number of ms`);
  const { blender, version } = await resolveBackend(options);
  const runnable = await loadRunnable(entry, version);
  const keepDir = await keepDirFor(options);
  const display = progressDisplay(options.progress !== false);
  // Blender runs in its own process group (no terminal signals reach it): Ctrl-C, SIGTERM and
  // SIGHUP of `bpyts run` cancel the run, which kills Blender and what it started.
  const interrupt = new AbortController();
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (s: NodeJS.Signals) => {
    interrupted ??= s;
    interrupt.abort();
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const s of signals) process.once(s, onSignal);
  let result;
  try {
    result = await runJob(runnable, {
      backend: options.backend,
      blender,
      python: options.python,
      input,
      args: scriptArgs,
      blendFile: options.blend,
      allowAutorun: options.allowAutorun,
      emptyScene: options.empty,
      timeoutMs,
      keepDir,
      env: options.debugpy ? { ...process.env, BPYTS_DEBUGPY: options.debugpy } : undefined,
      onStdout: display.onStdout,
      onStderr: (c) => process.stderr.write(c),
      onProgress: display.onProgress,
      signal: interrupt.signal,
    });
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
    display.stop();
  }
  if (keepDir) process.stderr.write(`kept ${join(keepDir, basename(result.script))} (+ .map)\n`);
  if (result.error)
    process.stderr.write(`${result.error.format({ pythonTrace: options.pythonTrace })}\n`);
  if (options.result && result.hasResult)
    process.stdout.write(`${JSON.stringify(result.result, null, 2)}\n`);
  if (interrupted) return 128 + (constants.signals[interrupted] ?? 0);
  return result.exitCode || (result.error ? 1 : 0);
}
