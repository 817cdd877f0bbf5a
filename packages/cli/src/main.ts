import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { build } from "./commands/build.js";
import { run } from "./commands/run.js";
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

  cli
    .command("build")
    .description("compile a TypeScript entry file to a Python script (+ .py.map)")
    .argument("<entry>", "entry .ts file")
    .requiredOption("-o, --out <file>", "output .py file")
    .option("--target <version>", "Blender version to type-check against (default: the installed one)")
    .option("--blender <path>", "Blender executable whose version picks the typings")
    .action(async (entry: string, opts: { out: string; target?: string; blender?: string }) => {
      setExit(await build(entry, opts));
    });

  cli
    .command("run")
    .description("compile and run a TypeScript entry file in background Blender")
    .argument("<entry>", "entry .ts file")
    .argument("[args...]", "arguments for the script (after --)")
    .option("--blender <path>", "Blender executable (default: $BLENDER, then PATH)")
    .option("--target <version>", "Blender version to type-check against (default: Blender's own)")
    .action(async (entry: string, args: string[], opts: { blender?: string; target?: string }) => {
      setExit(await run(entry, args, opts));
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
    if (e instanceof CliError) {
      process.stderr.write(`${e.format()}\n`);
      return 1;
    }
    throw e;
  }
}
