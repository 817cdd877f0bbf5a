import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join, resolve } from "node:path";
import { BpytsDebugSession, freePort, type LaunchArguments, type Launcher } from "@bpyts/debug";
import {
  createPool,
  noiseFilter,
  noiseRules,
  pythonDir,
  run as runJob,
  type RunResult,
  type WorkerPool,
} from "@bpyts/runner";
import { BlenderVersions, cacheDirFor, privateUserDir } from "../cache.js";
import { CompileFailed } from "../compile.js";
import { CliError } from "../errors.js";
import { loadRunnable, parseInput, resolveBackend, type RunOptions } from "./run.js";

export interface DebugOptions {
  /** TCP port to serve DAP on (0: the OS picks); stdio when absent. */
  port?: string;
  blender?: string;
  target?: string;
  project?: string;
  input?: string;
  timeout?: string;
  realUserDirs?: boolean;
  /** `run --debug`: the .blend to open first, its auto-run, an empty scene (as `bpyts run`). */
  blend?: string;
  allowAutorun?: boolean;
  empty?: boolean;
}

/**
 * Starts a launch's program the way `bpyts run` does (same backend resolution, project compile
 * and cache), with the bootstrap told to wait for debugpy on `port`. The .py and its map go to a
 * private folder removed when Blender has exited.
 */
export function cliLauncher(defaults: {
  entry?: string;
  args?: string[];
  options: DebugOptions;
  /** A warm pool for `blender` (`watch --debug`): a launch with that Blender runs in its worker. */
  warm?: { blender: string; pool: WorkerPool };
}): Launcher {
  return async (launch: LaunchArguments, io) => {
    const cwd = launch.cwd ? resolve(launch.cwd) : process.cwd();
    const program = launch.program || defaults.entry;
    if (!program) throw new CliError("BPY0001", "no program to debug (launch `program`)");
    const entry = isAbsolute(program) ? program : resolve(cwd, program);
    const options: RunOptions = {
      blender: launch.blender ?? defaults.options.blender,
      target: launch.target ?? defaults.options.target,
      project: launch.project ?? defaults.options.project,
    };
    const input =
      launch.input !== undefined ? launch.input : await parseInput(defaults.options.input);
    const timeoutMs =
      defaults.options.timeout === undefined ? undefined : Number(defaults.options.timeout);
    let blender: string | undefined;
    let version: string | undefined;
    let runnable;
    try {
      if (!existsSync(entry))
        throw new CliError("BPY0001", `entry file not found: ${program}`, entry);
      ({ blender, version } = await resolveBackend(
        options,
        new BlenderVersions(cacheDirFor(entry), privateUserDir()),
      ));
      runnable = await loadRunnable(entry, version, options);
    } catch (e) {
      // the editor shows the launch error's text: the same located, coded lines `bpyts run` prints
      if (e instanceof CompileFailed) throw new Error(`${entry} does not compile:\n${e.message}`);
      const coded = e as { format?: () => string };
      if (typeof coded.format === "function") throw new Error(coded.format()); // CliError, RunnerError
      throw e;
    }
    const keepDir = await mkdtemp(join(tmpdir(), "bpyts-debug-"));
    const script = join(keepDir, basename(entry).replace(/\.[cm]?tsx?$/, "") + ".py");
    const abort = new AbortController();
    const rules = noiseRules(options.target ? undefined : version);
    const stdout = noiseFilter(rules, (t) => io.output("stdout", t));
    const stderr = noiseFilter(rules, (t) => io.output("stderr", t));
    const job = {
      input,
      args: launch.args ?? defaults.args ?? [],
      keepDir,
      cwd,
      timeoutMs,
      blendFile: defaults.options.blend,
      allowAutorun: defaults.options.allowAutorun,
      emptyScene: defaults.options.empty,
      onStdout: stdout.write,
      onStderr: stderr.write,
      signal: abort.signal,
    };
    const warm =
      defaults.warm && defaults.warm.blender === blender ? defaults.warm.pool : undefined;
    // A warm worker (no Blender start; it is replaced after the job) or a Blender of its own.
    const ran: Promise<RunResult> = warm
      ? warm.run(runnable, { ...job, debugpy: { port: io.port } })
      : runJob(runnable, {
          ...job,
          blender,
          realUserDirs: defaults.options.realUserDirs,
          env: { ...process.env, BPYTS_DEBUGPY: String(io.port) },
        });
    const done = ran
      .then(
        (result) => ({
          exitCode: result.exitCode || (result.error ? 1 : 0),
          errorText: result.error?.format(),
        }),
        (e: Error) => ({ exitCode: 1, errorText: e.message }),
      )
      .finally(async () => {
        stdout.flush();
        stderr.flush();
        await rm(keepDir, { recursive: true, force: true });
      });
    return { script, done, kill: () => abort.abort() };
  };
}

function session(launcher: Launcher, launchDefaults?: Partial<LaunchArguments>): BpytsDebugSession {
  return new BpytsDebugSession({ launcher, freePort, runnerDir: pythonDir, launchDefaults });
}

/**
 * Serve DAP for one connection; resolves when the client disconnected (or went away) and the
 * program was stopped.
 */
function serve(s: BpytsDebugSession, input: NodeJS.ReadableStream, output: NodeJS.WritableStream) {
  return new Promise<void>((resolveDone) => {
    let ending = false;
    const end = () => {
      if (ending) return;
      ending = true;
      void s.close().finally(() => resolveDone());
    };
    s.on("disconnected", end);
    s.on("close", end);
    s.start(input, output);
  });
}

/**
 * `bpyts debug [entry]`: a DAP server on stdio, or on TCP with `--port`. `watch`
 * (`bpyts watch --debug`): TCP, and every launch watches its TS files (a change ends the session
 * with a restart request, the editor reconnects and launches the new code).
 */
export async function debug(
  entry: string | undefined,
  args: string[],
  options: DebugOptions,
  mode: { watch?: boolean } = {},
): Promise<number> {
  // `watch --debug`: sessions run in a warm worker of the entry's Blender, started now; each
  // session's worker is replaced when it ends, so the next session (after an edit) finds one warm.
  const warm = mode.watch && entry !== undefined ? await warmPool(entry, options) : undefined;
  const launcher = cliLauncher({ entry, args, options, warm });
  const defaults = mode.watch ? { watch: true } : undefined;
  if (options.port === undefined && !mode.watch) {
    const s = session(launcher);
    s.setRunAsServer(false);
    await serve(s, process.stdin, process.stdout);
    // The session is over even if the editor keeps our stdin open: stop reading it.
    process.stdin.destroy();
    return 0;
  }
  const port = Number(options.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError("BPY0007", `--port must be a TCP port number (0: any free one)`);
  const sessions = new Set<BpytsDebugSession>();
  const server = createServer((socket: Socket) => {
    const s = session(launcher, defaults);
    s.setRunAsServer(true);
    sessions.add(s);
    void serve(s, socket, socket).then(() => {
      sessions.delete(s);
      socket.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", (e) =>
      fail(new CliError("BPY0007", `cannot listen on 127.0.0.1:${port}: ${e.message}`)),
    );
    server.listen(port, "127.0.0.1", () => ok());
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  process.stderr.write(
    `bpyts debug: DAP server listening on 127.0.0.1:${bound}` +
      (mode.watch ? ` (launch.json: "debugServer": ${bound}; restarts on every change)\n` : "\n"),
  );
  // Serve until interrupted; every session stops its own Blender when it ends.
  await new Promise<void>((stop) => {
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(sig, () => stop());
  });
  server.close();
  await Promise.all([...sessions].map((s) => s.close()));
  await warm?.pool.close({ force: true });
  return 0;
}

/** One warm Blender worker for the command's Blender (`watch --debug`). */
async function warmPool(
  entry: string,
  options: DebugOptions,
): Promise<{ blender: string; pool: WorkerPool }> {
  // the launches' own resolution (cliLauncher), so their Blender is this one
  const { blender } = await resolveBackend(
    options,
    new BlenderVersions(cacheDirFor(resolve(entry)), privateUserDir()),
  );
  const pool = await createPool({
    size: 1,
    blender,
    emptyScene: options.empty,
    realUserDirs: options.realUserDirs,
  });
  return { blender: blender!, pool };
}

/**
 * What `run`/`watch` do with the result or the kept Python has no place in a debug session:
 * refused rather than silently dropped.
 */
export function refuseRunOutputs(
  options: Pick<RunOptions, "backend" | "json" | "result" | "resultFile" | "keep" | "outDir">,
): void {
  const refused = (
    [
      ["--backend module", options.backend === "module"],
      ["--json", options.json],
      ["--result", options.result],
      ["--result-file", options.resultFile !== undefined],
      ["--keep", options.keep],
      ["--out-dir", options.outDir !== undefined],
    ] as const
  ).filter(([, on]) => on);
  if (refused.length)
    throw new CliError(
      "BPY0007",
      `--debug cannot be combined with ${refused.map(([o]) => o).join(", ")} (it runs the Blender binary and reports to the debugger)`,
    );
}

/** `run --debug` / `watch --debug`: the debug options, and the run options `--debug` refuses. */
type RunDebugOptions = DebugOptions & { debugPort?: string } & Pick<
    RunOptions,
    "backend" | "json" | "result" | "resultFile" | "keep" | "outDir"
  >;

/** `bpyts watch --debug`: the TCP server of `debug`, every launch watching its TS files. */
export async function watchDebug(
  entry: string,
  args: string[],
  options: RunDebugOptions,
): Promise<number> {
  refuseRunOutputs(options);
  return debug(entry, args, { ...options, port: options.debugPort }, { watch: true });
}

/**
 * `bpyts run --debug`: one debug session over TCP for this entry; the command ends with the
 * session and returns the script's exit code.
 */
export async function runDebug(
  entry: string,
  args: string[],
  options: RunDebugOptions,
): Promise<number> {
  refuseRunOutputs(options);
  let exitCode = 0;
  const base = cliLauncher({ entry, args, options });
  const launcher: Launcher = async (launch, io) => {
    const program = await base(launch, io);
    void program.done.then((end) => (exitCode = end.exitCode));
    return program;
  };
  const port = Number(options.debugPort ?? 0);
  const server = createServer();
  await new Promise<void>((ok, fail) => {
    server.once("error", (e) =>
      fail(new CliError("BPY0007", `cannot listen on 127.0.0.1:${port}: ${e.message}`)),
    );
    server.listen(port, "127.0.0.1", () => ok());
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  process.stderr.write(
    `bpyts: waiting for a DAP client on 127.0.0.1:${bound} (launch.json: "debugServer": ${bound})\n`,
  );
  const socket = await new Promise<Socket>((ok) => server.once("connection", ok));
  server.close();
  const s = session(launcher);
  s.setRunAsServer(true);
  await serve(s, socket, socket);
  socket.end();
  return exitCode;
}
