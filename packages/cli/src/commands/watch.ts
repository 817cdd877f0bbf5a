import { dirname, extname, resolve } from "node:path";
import { createPool } from "@bpyts/runner";
import { watch as chokidarWatch } from "chokidar";
import { CompileFailed } from "../compile.js";
import { CliError } from "../errors.js";
import { loadRunnable, parseInput, resolveBackend, type RunOptions } from "./run.js";

export interface WatchOptions extends Pick<
  RunOptions,
  | "blender"
  | "target"
  | "backend"
  | "python"
  | "input"
  | "result"
  | "empty"
  | "pythonTrace"
  | "project"
> {
  timeout?: string;
}

/**
 * Recompile and rerun the entry whenever a source file in its folder changes, through one warm
 * Blender worker (no start-up cost per run). Stops on SIGINT/SIGTERM.
 */
export async function watch(
  entry: string,
  scriptArgs: string[],
  options: WatchOptions,
): Promise<number> {
  const file = resolve(entry);
  const input = await parseInput(options.input);
  const { blender, version } = await resolveBackend(options);
  const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout);
  const pool = await createPool({
    size: 1,
    backend: options.backend,
    blender,
    python: options.python,
    emptyScene: options.empty,
  });
  const say = (line: string) => process.stderr.write(`[bpyts] ${line}\n`);

  let running = false;
  let again = false;
  const once = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        try {
          // No compile cache: the compiler's in-process declaration cache skips reads it would record.
          const runnable = await loadRunnable(entry, version, { ...options, cache: false });
          const r = await pool.run(runnable, {
            input,
            args: scriptArgs,
            timeoutMs,
            onStdout: (c) => process.stdout.write(c),
            onStderr: (c) => process.stderr.write(c),
          });
          if (r.error)
            process.stderr.write(`${r.error.format({ pythonTrace: options.pythonTrace })}\n`);
          if (options.result && r.hasResult)
            process.stdout.write(`${JSON.stringify(r.result, null, 2)}\n`);
          say(`exit ${r.exitCode} in ${Math.round(r.durationMs)} ms — waiting for changes`);
        } catch (e) {
          if (e instanceof CompileFailed)
            for (const l of [...e.warnings, ...e.errors]) process.stderr.write(`${l}\n`);
          else if (e instanceof CliError) process.stderr.write(`${e.format()}\n`);
          else process.stderr.write(`${(e as Error).message}\n`);
          say("failed — waiting for changes");
        }
      } while (again);
    } finally {
      running = false;
    }
  };

  const exts = extname(file) === ".py" ? [".py"] : [".ts", ".tsx", ".mts", ".cts", ".json"];
  let timer: NodeJS.Timeout | undefined;
  const watcher = chokidarWatch(dirname(file), {
    ignoreInitial: true,
    ignored: (p: string) => /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(p),
  });
  watcher.on("all", (_event: string, path: string) => {
    if (!exts.includes(extname(path))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      say(`change in ${path}`);
      void once();
    }, 100);
  });
  await new Promise<void>((r) => watcher.once("ready", () => r()));
  say(`watching ${dirname(file)} (Ctrl+C to stop)`);
  await once();
  await new Promise<void>((r) => {
    process.once("SIGINT", () => r());
    process.once("SIGTERM", () => r());
  });
  clearTimeout(timer);
  await watcher.close();
  await pool.close({ force: true });
  return 0;
}
