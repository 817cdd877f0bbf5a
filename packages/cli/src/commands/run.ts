import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { blenderVersion, runScript } from "@bpyts/runner";
import { compileEntry, writeOutput } from "../compile.js";
import { CliError } from "../errors.js";
import { locateBlender } from "../target.js";
import { typingsFor } from "../typings.js";

export interface RunOptions {
  blender?: string;
  target?: string;
}

/** Compile, run once in a fresh background Blender, forward its output, return its exit code. */
export async function run(entry: string, scriptArgs: string[], options: RunOptions): Promise<number> {
  const blender = await locateBlender(options.blender);
  const version = options.target ?? (await blenderVersion(blender));
  const compiled = compileEntry(entry, typingsFor(version, dirname(resolve(entry))));
  for (const w of compiled.warnings) process.stderr.write(`${w}\n`);
  const dir = await mkdtemp(join(tmpdir(), "bpyts-run-"));
  try {
    const script = join(dir, basename(entry).replace(/\.[cm]?tsx?$/, "") + ".py");
    await writeOutput(script, compiled);
    let result;
    try {
      result = await runScript(script, {
        blender,
        args: scriptArgs,
        onStdout: (c) => process.stdout.write(c),
        onStderr: (c) => process.stderr.write(c),
      });
    } catch (e) {
      throw new CliError("BPY0005", (e as Error).message);
    }
    if (result.signal) {
      process.stderr.write(`error BPY0005: Blender crashed (${result.signal})\n`);
      return 1;
    }
    return result.exitCode;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
