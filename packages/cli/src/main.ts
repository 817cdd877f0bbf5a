import { readFileSync } from "node:fs";
import { BlenderNotFoundError, CompileError, RunnerError } from "@bpyts/runner";
import { Command, CommanderError, Option } from "commander";
import { apiDiffCommand, generateCommand, introspectCommand } from "./commands/api.js";
import { build, check } from "./commands/build.js";
import { buildAddon } from "./addon.js";
import { init } from "./commands/init.js";
import { run, type RunOptions } from "./commands/run.js";
import { watch } from "./commands/watch.js";
import { CompileFailed } from "./compile.js";
import { CliError } from "./errors.js";

const { version } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as { version: string };

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

  command("build")
    .description("compile a TypeScript entry file to a Python script (+ .py.map)")
    .argument("<entry>", "entry .ts file")
    .requiredOption("-o, --out <file>", "output .py file: a new path or a regular file, not a link")
    .addOption(target())
    .option("--blender <path>", "Blender executable whose version picks the typings")
    .option("--addon", "package as an installable add-on zip (bl_info < 4.2, extension ≥ 4.2)")
    .action(
      async (
        entry: string,
        opts: { out: string; target?: string; blender?: string; addon?: boolean },
      ) => {
        // --addon: packages/cli/src/addon.ts (Compiler × Blender)
        setExit(opts.addon ? await buildAddon(entry, opts) : await build(entry, opts));
      },
    );

  command("check")
    .description("type-check a TypeScript entry file (no output written)")
    .argument("<entry>", "entry .ts file")
    .addOption(target())
    .option("--blender <path>", "Blender executable whose version picks the typings")
    .action(async (entry: string, opts: { target?: string; blender?: string }) => {
      setExit(await check(entry, opts));
    });

  const runLike = (c: Command) =>
    backendOptions(c)
      .argument("<entry>", "entry .ts file (or a built .py, with its .py.map)")
      .argument("[args...]", "arguments for the script (after --)")
      .option("--input <json|@file>", "JSON input for the script (`input()` from bpyts/runtime)")
      .option("--result", "print the script's result (setResult) as JSON on stdout")
      .option("--empty", "start from an empty scene instead of the factory-startup one")
      .option("--timeout <ms>", "kill Blender after this many milliseconds")
      .option("--python-trace", "also print the Python traceback of an uncaught exception");

  runLike(command("run"))
    .description("compile and run a TypeScript entry file in background Blender")
    .option("--blend <file>", "open this .blend first (its auto-run scripts stay disabled)")
    .option("--allow-autorun", "let the .blend's embedded scripts run")
    .option("--keep", "keep the generated .py and .py.map (in a temp folder; path printed)")
    .option("--out-dir <dir>", "write the generated .py and .py.map here and keep them")
    .option("--no-progress", "no render progress bar / lines")
    .option(
      "--debugpy <port>",
      "wait for a debugger (VS Code, debugpy) on 127.0.0.1:<port> before the script runs",
    )
    .action(async (entry: string, args: string[], opts: RunOptions) => {
      setExit(await run(entry, args, opts));
    });

  runLike(command("watch"))
    .description("recompile and rerun on every change, through a warm Blender worker")
    .action(async (entry: string, args: string[], opts: RunOptions) => {
      setExit(await watch(entry, args, opts));
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
      setExit(await init(dir, opts));
    });

  command("introspect")
    .description("dump a Blender's Python API as a schema (JSON) — @bpyts/introspect")
    .option("--blender <path>", "Blender executable (default: $BLENDER, then PATH)")
    .option("--python <path>", "a Python interpreter where `import bpy` works (instead of Blender)")
    .option("-o, --out <file>", "write the schema here (.json or .json.gz) instead of stdout")
    .option("--addons <a,b>", "add-on modules to enable before the dump")
    .action(async (opts: { blender?: string; python?: string; out?: string; addons?: string }) => {
      setExit(await introspectCommand(opts));
    });

  command("generate")
    .description("generate a typings package from a schema — @bpyts/generator")
    .argument("<schema>", "schema .json / .json.gz (from `bpyts introspect`)")
    .requiredOption("-o, --out <dir>", "output folder: new, empty, or generated before")
    .action(async (schema: string, opts: { out: string }) => {
      setExit(await generateCommand(schema, opts));
    });

  command("api-diff")
    .description("what changed between two Blender APIs, as Markdown — @bpyts/generator")
    .argument("<schemaA>", "older schema")
    .argument("<schemaB>", "newer schema")
    .option("-o, --out <file>", "write the Markdown here instead of stdout")
    .action(async (a: string, b: string, opts: { out?: string }) => {
      setExit(await apiDiffCommand(a, b, opts));
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
