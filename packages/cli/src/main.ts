import { readFileSync } from "node:fs";
import { BlenderNotFoundError, CompileError, RunnerError } from "@bpyts/runner";
import { Command, CommanderError, Option } from "commander";
import type { DebugOptions } from "./commands/debug.js";
import type { RunOptions } from "./commands/run.js";
import { CompileFailed } from "./compile.js";
import { CliError } from "./errors.js";

const { version } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as { version: string };

// Each command's module loads when the command runs: the farm's BullMQ/ioredis alone cost
// ~0.3 s of start-up, which every `bpyts run` paid before.
function program(setExit: (code: number) => void): Command {
  const cli = new Command("bpyts")
    .description("Blender automation in TypeScript: compile to bpy Python and run it in Blender")
    .version(version)
    .exitOverride()
    .showHelpAfterError();
  // `--help` and `--version` on every command.
  const command = (name: string) =>
    cli.command(name).version(version).exitOverride().showHelpAfterError();
  const target = () =>
    new Option(
      "--target <version>",
      "Blender version to type-check against (default: Blender's own)",
    );
  const backendOptions = (c: Command) =>
    c
      .option("--blender <path>", "Blender executable (default: $BLENDER, then PATH)")
      .addOption(
        new Option(
          "--backend <kind>",
          "binary: a Blender executable; module: a Python with `import bpy`",
        )
          .choices(["binary", "module"])
          .default("binary"),
      )
      .option("--python <path>", "module backend: Python interpreter where `import bpy` works")
      .addOption(target());

  // Project mode (packages/cli/src/project.ts): tsconfig.json, -p
  const projectTarget = () =>
    new Option(
      "--target <version>",
      "Blender version to type-check against (default: the tsconfig's typings, else Blender's own)",
    );
  const projectOption = () =>
    new Option(
      "-p, --project <path>",
      "tsconfig.json (or its folder) to compile with (default: the nearest one holding the entry)",
    );

  command("build")
    .description(
      "compile TypeScript entries to Python scripts (+ .py.map): one with -o, or a project's into outDir",
    )
    .argument("[entries...]", "entry .ts files (default: the project's entries)")
    .option(
      "-o, --out <file>",
      "output .py file for one entry: a new path or a regular file, not a link",
    )
    .option("--out-dir <dir>", "output folder for a project build (default: tsconfig outDir)")
    .addOption(projectOption())
    .addOption(projectTarget())
    .option("--blender <path>", "Blender executable whose version picks the typings")
    .option("--addon", "package as an installable add-on zip (bl_info < 4.2, extension ≥ 4.2)")
    .action(
      async (
        entries: string[],
        opts: {
          out?: string;
          outDir?: string;
          project?: string;
          target?: string;
          blender?: string;
          addon?: boolean;
        },
      ) => {
        if (opts.addon) {
          // --addon: packages/cli/src/addon.ts (Compiler × Blender)
          const [entry, ...more] = entries;
          if (entry === undefined || more.length || opts.out === undefined)
            throw new CliError(
              "BPY0024",
              "--addon builds one entry: bpyts build <entry.ts> --addon -o <addon.zip>",
            );
          setExit(await (await import("./addon.js")).buildAddon(entry, { ...opts, out: opts.out }));
        } else setExit(await (await import("./commands/build.js")).build(entries, opts));
      },
    );

  command("check")
    .description("type-check an entry file, or the whole project without one (no output written)")
    .argument("[entry]", "entry .ts file (default: every file of the project)")
    .addOption(projectOption())
    .addOption(projectTarget())
    .option("--blender <path>", "Blender executable whose version picks the typings")
    .action(
      async (
        entry: string | undefined,
        opts: { project?: string; target?: string; blender?: string },
      ) => {
        setExit(await (await import("./commands/build.js")).check(entry, opts));
      },
    );

  const runLike = (c: Command) =>
    backendOptions(c)
      .argument("<entry>", "entry .ts file (or a built .py, with its .py.map)")
      .argument("[args...]", "arguments for the script (after --)")
      .option("--input <json|@file>", "JSON input for the script (`input()` from bpyts/runtime)")
      .option("--result", "print the script's result (setResult) as JSON on stdout")
      .option("--empty", "start from an empty scene instead of the factory-startup one")
      .option("--timeout <ms>", "kill Blender after this many milliseconds")
      .option("--python-trace", "also print the Python traceback of an uncaught exception")
      .option(
        "--real-user-dirs",
        "use your Blender preferences, add-ons and extensions (default: private empty ones per run)",
      )
      .addOption(projectOption());

  // `run` and `watch` share `--debug` / `--debug-port` and how they dispatch (commands/debug.ts).
  type DebugFlags = { debug?: boolean; debugPort?: string };
  type Runner = (entry: string, args: string[], opts: RunOptions & DebugFlags) => Promise<number>;
  const withDebug = (c: Command, debugHelp: string, plain: Runner, debugging: Runner) =>
    c
      .option("--debug", debugHelp)
      .option("--debug-port <n>", "with --debug: the port (default: a free one)")
      .action(async (entry: string, args: string[], opts: RunOptions & DebugFlags) =>
        setExit(await (opts.debug ? debugging : plain)(entry, args, opts)),
      );

  withDebug(
    runLike(command("run"))
      .description("compile and run a TypeScript entry file in background Blender")
      .option("--blend <file>", "open this .blend first (its auto-run scripts stay disabled)")
      .option("--allow-autorun", "let the .blend's embedded scripts run")
      .option("--json", "print only the result as JSON on stdout (an error object on failure)")
      .option("--result-file <path>", "write the result (setResult) as JSON to this file")
      .option("--verbose", "show Blender's output raw (its known noise is filtered by default)")
      .option("--keep", "keep the generated .py and .py.map (in a temp folder; path printed)")
      .option("--out-dir <dir>", "write the generated .py and .py.map here and keep them")
      .option("--no-progress", "no render progress bar / lines")
      .option("--no-cache", "compile even when the compile cache holds this entry's output")
      .option(
        "--debugpy <port>",
        "wait for a debugger (VS Code, debugpy) on 127.0.0.1:<port> before the script runs",
      ),
    "debug the TypeScript: serve the Debug Adapter Protocol on 127.0.0.1 (port printed) for one editor session",
    async (entry, args, opts) => (await import("./commands/run.js")).run(entry, args, opts),
    async (entry, args, opts) => (await import("./commands/debug.js")).runDebug(entry, args, opts),
  );

  withDebug(
    runLike(command("watch")).description(
      "recompile and rerun on every change, through a warm Blender worker",
    ),
    "debug instead: a DAP server on 127.0.0.1 (port printed); each change restarts the debug session, which runs in a warm worker",
    async (entry, args, opts) => (await import("./commands/watch.js")).watch(entry, args, opts),
    async (entry, args, opts) =>
      (await import("./commands/debug.js")).watchDebug(entry, args, opts),
  );

  command("debug")
    .description(
      "debug TypeScript in Blender: a Debug Adapter Protocol server (stdio; TCP with --port) — docs/debugging.md",
    )
    .argument("[entry]", "entry .ts file (default: launch.json's `program`)")
    .argument("[args...]", "arguments for the script (after --)")
    .option("--port <n>", "serve DAP on 127.0.0.1:<n> instead of stdio (0: any free port, printed)")
    .option("--blender <path>", "Blender executable (default: $BLENDER, then PATH)")
    .addOption(projectTarget())
    .addOption(projectOption())
    .option("--input <json|@file>", "JSON input for the script (`input()` from bpyts/runtime)")
    .option("--timeout <ms>", "kill Blender after this many milliseconds")
    .option(
      "--real-user-dirs",
      "use your Blender preferences, add-ons and extensions (default: private empty ones per run)",
    )
    .action(async (entry: string | undefined, args: string[], opts: DebugOptions) => {
      setExit(await (await import("./commands/debug.js")).debug(entry, args, opts));
    });

  command("init")
    .description("create a ready bpyts project (package.json, tsconfig, src/main.ts, README)")
    .argument("<dir>", "folder to create (must be empty or missing)")
    .addOption(target())
    .option("--blender <path>", "Blender executable whose version picks the typings")
    .option(
      "--local <dir>",
      "depend on a bpyts checkout or a folder of `npm pack` tarballs (relative file: links) instead of the npm registry",
    )
    .action(async (dir: string, opts: { target?: string; blender?: string; local?: string }) => {
      setExit(await (await import("./commands/init.js")).init(dir, opts));
    });

  command("introspect")
    .description("dump a Blender's Python API as a schema (JSON) — @bpyts/introspect")
    .option("--blender <path>", "Blender executable (default: $BLENDER, then PATH)")
    .option("--python <path>", "a Python interpreter where `import bpy` works (instead of Blender)")
    .option("-o, --out <file>", "write the schema here (.json or .json.gz) instead of stdout")
    .option("--addons <a,b>", "add-on modules to enable before the dump")
    .action(async (opts: { blender?: string; python?: string; out?: string; addons?: string }) => {
      setExit(await (await import("./commands/api.js")).introspectCommand(opts));
    });

  command("generate")
    .description("generate a typings package from a schema — @bpyts/generator")
    .argument("<schema>", "schema .json / .json.gz (from `bpyts introspect`)")
    .requiredOption("-o, --out <dir>", "output folder: new, empty, or generated before")
    .action(async (schema: string, opts: { out: string }) => {
      setExit(await (await import("./commands/api.js")).generateCommand(schema, opts));
    });

  const farm = command("farm").description(
    "scale out over machines: warm Blender pools fed by BullMQ queues on Redis (docs/farm.md)",
  );
  const farmCommon = (c: Command) =>
    c
      .version(version)
      .exitOverride()
      .showHelpAfterError()
      .option(
        "--redis <url>",
        "Redis URL, redis://[user:pass@]host:port (rediss:// for TLS); default $BPYTS_FARM_REDIS",
      )
      .option("--secret-file <file>", "shared secret that signs jobs (default $BPYTS_FARM_SECRET)")
      .option("--queue <name>", "farm name (queues are <name>-<blender major.minor>)", "default");
  farmCommon(farm.command("worker"))
    .description("host a warm Blender pool that takes signed jobs for its Blender version")
    .option("--concurrency <n>", "Blender workers in the pool", "1")
    .option("--blender <path>", "Blender executable (default: $BLENDER, then PATH)")
    .option("--stalled-interval <ms>", "how often jobs of dead workers are looked for (BullMQ)")
    .action(async (opts) => setExit(await (await import("./commands/farm.js")).farmWorker(opts)));
  farmCommon(farm.command("submit"))
    .description("compile a TypeScript entry and run it on the farm; prints the results as JSON")
    .argument("<entry>", "TypeScript entry file")
    .option("--input <json>", "input as JSON, or @file.json")
    .option(
      "--frames <range>",
      "frame range, e.g. 1-240: one job per chunk, input.frames = {start,end}",
    )
    .option("--chunk <n>", "frames per job", "10")
    .option("--target <version>", "Blender version (default: the local Blender's)")
    .option("--blender <path>", "local Blender whose version to target")
    .option("--attempts <n>", "attempts per job (exponential backoff between)", "3")
    .option("--timeout <s>", "per-job timeout in seconds")
    .option("--json", "only the JSON results on stdout")
    .option(
      "--out <dir>",
      "write the files jobs leave in input.outDir here (atomically; default: ./farm-out)",
    )
    .action(async (entry: string, opts) =>
      setExit(await (await import("./commands/farm.js")).farmSubmit(entry, opts)),
    );
  farmCommon(farm.command("status"))
    .description("queues, workers, waiting/running/failed jobs")
    .option("--versions <v...>", "Blender versions (major.minor) to show", ["3.4", "4.3", "5.2"])
    .action(async (opts) => setExit(await (await import("./commands/farm.js")).farmStatus(opts)));

  command("compile-server")
    .description(
      "the background compile server that keeps TypeScript and the typings loaded between commands (BPYTS_COMPILE_SERVER=0: off)",
    )
    .argument(
      "<action>",
      "status: print the running server; stop: stop it; snapshot: build its start-up snapshots now (else built in the background after a first compile; BPYTS_SNAPSHOT=0: none)",
    )
    .argument("[versions...]", "snapshot: the Blender versions (default: every installed typings)")
    .action(async (action: string, versions: string[]) => {
      if (action !== "status" && action !== "stop" && action !== "snapshot")
        throw new CliError(
          "BPY0007",
          `compile-server: unknown action ${action} (status, stop, snapshot)`,
        );
      if (action === "snapshot") {
        const { buildSnapshots } = await import("./compile-server/client.js");
        for (const line of await buildSnapshots(versions)) process.stdout.write(`${line}\n`);
        return setExit(0);
      }
      const { serverControl } = await import("./compile-server/client.js");
      const answer = await serverControl(action);
      if (answer === undefined) process.stdout.write("no compile server running\n");
      else if (answer === "stopped") process.stdout.write("compile server stopped\n");
      else
        process.stdout.write(
          `compile server: pid ${answer.pid}, ${answer.jobs} jobs, ${Math.round(answer.rssBytes / 2 ** 20)} MiB, up ${Math.round((Date.now() - answer.startedAt) / 1000)} s, exits after ${answer.idleTimeoutMs / 1000} s idle${answer.snapshot ? `, started from a snapshot (Blender ${answer.snapshot} typings)` : ""}\nsocket: ${answer.socket}\n`,
        );
      setExit(0);
    });

  command("api-diff")
    .description("what changed between two Blender APIs, as Markdown — @bpyts/generator")
    .argument("<schemaA>", "older schema")
    .argument("<schemaB>", "newer schema")
    .option("-o, --out <file>", "write the Markdown here instead of stdout")
    .action(async (a: string, b: string, opts: { out?: string }) => {
      setExit(await (await import("./commands/api.js")).apiDiffCommand(a, b, opts));
    });

  return cli;
}

/** Run the CLI; returns the process exit code (never calls process.exit itself). */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  try {
    await program((c) => (exitCode = c)).parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof CompileFailed) {
      for (const w of e.warnings) process.stderr.write(`${w}\n`);
      for (const line of e.errors) process.stderr.write(`${line}\n`);
      return 1;
    }
    if (e instanceof CompileError) {
      for (const line of e.errors) process.stderr.write(`${line}\n`);
      return 1;
    }
    if (e instanceof CliError || e instanceof RunnerError) {
      process.stderr.write(`${e.format()}\n`);
      return 1;
    }
    if (e instanceof BlenderNotFoundError) {
      process.stderr.write(`error BPY0003: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
