import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { constants, tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import {
  blenderVersion,
  bpyModuleVersion,
  guessBlenderVersion,
  headlineFrame,
  noiseFilter,
  noiseRules,
  renderChatter,
  run as runJob,
  type ScriptError,
  type Backend,
  type CompiledScript,
  type Runnable,
  type DeferredRunnable,
} from "@bpyts/runner";
import { BlenderVersions, cacheDirFor, privateUserDir } from "../cache.js";
import { assertEntry, cachedCompile } from "../compile.js";
import { CliError } from "../errors.js";
import { checkOutputPath, writeOutputs } from "../output.js";
import { progressDisplay } from "../progress.js";
import { locateBlender } from "../target.js";
import { majorMinor } from "../typings.js";
import { compileServed, warmServer } from "../compile-server/client.js";

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
  realUserDirs?: boolean;
  /** Only the result JSON on stdout (the script's output goes to stderr). */
  json?: boolean;
  resultFile?: string;
  /** Blender's output raw (no noise filtering). */
  verbose?: boolean;
  /** -p: tsconfig.json (project mode, ../project.ts) */
  project?: string;
  /** --no-cache: compile even when the compile cache (../cache.ts) holds the output */
  cache?: boolean;
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

/** Warn when the typings checked against are not the running Blender's. */
function warnTarget(target: string | undefined, running: string): void {
  if (target && majorMinor(target) !== majorMinor(running))
    process.stderr.write(
      `warning: type-checking against Blender ${majorMinor(target)} (--target), but Blender ${majorMinor(running)} runs the script: API differences show up only at run time\n`,
    );
}

/**
 * The executable and the version that picks the typings, for a backend. With `versions`, a
 * Blender's version is remembered there instead of asked with `blender --version` every run.
 */
export async function resolveBackend(
  options: {
    backend?: Backend;
    blender?: string;
    python?: string;
    target?: string;
  },
  versions?: BlenderVersions,
  /**
   * Do not probe an unknown Blender (`blender --version`, ~0.4 s before anything else can
   * start): `version` is then a guess from the file system (or undefined), and the caller learns
   * the truth from Blender's own report when it runs (see the runner's DeferredRunnable).
   */
  speculate = false,
): Promise<{ blender?: string; version?: string; running?: string }> {
  if ((options.backend ?? "binary") === "binary") {
    const blender = await locateBlender(options.blender);
    let running = versions?.get(blender);
    if (!running) {
      if (speculate) return { blender, version: options.target ?? guessBlenderVersion(blender) };
      running = await blenderVersion(blender);
      versions?.set(blender, running);
    }
    warnTarget(options.target, running);
    return { blender, version: options.target ?? running, running };
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

function printWarnings(warnings: string[]): void {
  for (const w of warnings) process.stderr.write(`${w}\n`);
}

/**
 * A .py runs as is (with its .py.map); a .ts entry is compiled first, in its project
 * (tsconfig.json) when it has one.
 */
export async function loadRunnable(
  entry: string,
  version: string | undefined,
  project: Pick<RunOptions, "project" | "target" | "cache"> = {},
  /** The compile's warnings (default: printed on stderr at once). */
  onWarnings: (warnings: string[]) => void = printWarnings,
): Promise<Runnable> {
  const file = resolve(entry);
  if (!existsSync(file)) throw new CliError("BPY0001", `entry file not found: ${entry}`, file);
  if (extname(file) === ".py") return file;
  if (!version)
    throw new CliError("BPY0004", "cannot tell which Blender typings to use (--target)");
  // major.minor: the typings follow it, and a guessed version ("4.3") and a reported one
  // ("4.3.2") must meet in the compile cache
  const context = {
    project: project.project,
    target: project.target,
    version: majorMinor(version),
  };
  const compiled =
    project.cache === false
      ? (await compileServed(entry, context, false)).compiled
      : await cachedCompile(entry, context, (record) => compileServed(entry, context, record));
  onWarnings(compiled.warnings);
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

/** A run-time error as data (--json): the headline position and the TS-mapped stack. */
function errorJson(error: ScriptError) {
  const top = headlineFrame(error.tsStack);
  return {
    code: error.code,
    type: error.type ?? null,
    message: error.message,
    file: top?.file ?? null,
    line: top?.line ?? null,
    column: top?.column ?? null,
    stack: error.tsStack,
  };
}

/** Whether the run's error already shows a traceback Python printed (an operator's exception). */
function reportsTraceback(error: ScriptError | undefined, traceback: string): boolean {
  const body = traceback.slice(traceback.indexOf("\n") + 1);
  return error?.code === "BPY0100" && !!body && !!error.pythonTrace?.includes(body);
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
  const versions =
    options.cache === false
      ? undefined
      : new BlenderVersions(cacheDirFor(resolve(entry)), privateUserDir());
  // A .ts entry on a Blender not yet known is not probed: Blender starts at once, the compile
  // server warms up meanwhile, and the script compiles for a guessed version (corrected below).
  const ts = extname(entry) !== ".py";
  const { blender, version, running } = await resolveBackend(options, versions, ts);
  // A .ts entry compiles while Blender starts (see the runner's run()); Blender reports its
  // version before it gets the script, which corrects a stale remembered one or a wrong guess.
  // A compile for a version that turns out wrong is dropped with its warnings: only the
  // warnings of the script that runs are shown (held until Blender has said which one that is).
  // (With --target the script does not depend on the Blender: compiled once, whatever it says.)
  let reported: string | undefined;
  const held = new Map<string, string[]>();
  let forTarget: Promise<Runnable> | undefined;
  const compileFor = (v: string) =>
    loadRunnable(entry, v, options, (warnings) => {
      if (options.target || (reported && majorMinor(reported) === majorMinor(v)))
        printWarnings(warnings);
      else if (!reported) held.set(majorMinor(v), warnings);
    });
  const runnable: Runnable | DeferredRunnable = !ts
    ? await loadRunnable(entry, version, options)
    : {
        assumedVersion: running ?? version,
        compileFor: (v) =>
          options.target ? (forTarget ??= compileFor(options.target)) : compileFor(v),
        // Nothing to compile for until Blender says which it is: the compile server (started,
        // or a snapshot of it loaded) gets ready meanwhile — after Blender's spawn, not before.
        onStarted: () => {
          if (!(running ?? version)) warmServer();
        },
        onVersion: (v) => {
          reported = v;
          printWarnings(held.get(majorMinor(v)) ?? []);
          held.clear();
          if (!blender || v === running) return;
          versions?.set(blender, v);
          warnTarget(options.target, v);
        },
      };
  const keepDir = await keepDirFor(options);
  if (options.resultFile) await checkOutputPath(options.resultFile, [resolve(entry)]);
  // Output contract: the script's output on stdout (stderr with --json, whose stdout is the
  // result alone), bpyts' own messages on stderr, Blender's known noise filtered (--verbose: raw).
  const toStderr = (c: string) => void process.stderr.write(c);
  const progress = options.progress !== false;
  const display = progressDisplay(progress, options.json ? toStderr : undefined);
  // (every version's rules while the running one is not known for sure)
  const rules = options.verbose ? [] : noiseRules(options.target ? undefined : running);
  const chatter = progress && !options.verbose ? renderChatter : [];
  // An operator's exception: Blender prints its traceback on stderr, and the caller gets it as the
  // error bpyts reports — held back, so that it is shown once (see noiseFilter).
  const stderr = noiseFilter(rules, toStderr, chatter, { holdTracebacks: !options.verbose });
  const stdout = noiseFilter(
    rules,
    (text) => {
      stderr.release();
      display.onStdout(text);
    },
    chatter,
  );
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
  let result: Awaited<ReturnType<typeof runJob>> | undefined;
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
      realUserDirs: options.realUserDirs,
      onStdout: stdout.write,
      onStderr: stderr.write,
      onProgress: display.onProgress,
      signal: interrupt.signal,
    });
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
    stdout.flush();
    stderr.flush((traceback) => reportsTraceback(result?.error, traceback));
    display.stop();
  }
  if (keepDir) process.stderr.write(`kept ${join(keepDir, basename(result.script))} (+ .map)\n`);
  if (result.error)
    process.stderr.write(`${result.error.format({ pythonTrace: options.pythonTrace })}\n`);
  if (options.result && result.hasResult && !options.json)
    process.stdout.write(`${JSON.stringify(result.result, null, 2)}\n`);
  if (options.json) {
    // The result (null when the script set none), or an error object; the exit status tells which.
    const value = result.error ? { error: errorJson(result.error) } : (result.result ?? null);
    process.stdout.write(`${JSON.stringify(value)}\n`);
  }
  if (options.resultFile && result.hasResult)
    await writeOutputs([{ path: options.resultFile, data: `${JSON.stringify(result.result)}\n` }], {
      inputs: [resolve(entry)],
      label: options.resultFile,
    });
  if (interrupted) return 128 + (constants.signals[interrupted] ?? 0);
  return result.exitCode || (result.error ? 1 : 0);
}
