import { dirname, resolve } from "node:path";
import { assertEntry, compileEntry, writeOutput } from "../compile.js";
import { resolveTarget } from "../target.js";
import { typingsFor } from "../typings.js";

export interface BuildOptions {
  out: string;
  target?: string;
  blender?: string;
}

export async function build(entry: string, options: BuildOptions): Promise<number> {
  assertEntry(entry);
  const version = await resolveTarget(options.target, options.blender);
  const compiled = await compileEntry(entry, typingsFor(version, dirname(resolve(entry))));
  for (const w of compiled.warnings) process.stderr.write(`${w}\n`);
  await writeOutput(options.out, compiled);
  return 0;
}

/** Type-check (and compile in memory) without writing anything. */
export async function check(entry: string, options: Omit<BuildOptions, "out">): Promise<number> {
  assertEntry(entry);
  const version = await resolveTarget(options.target, options.blender);
  const compiled = await compileEntry(entry, typingsFor(version, dirname(resolve(entry))));
  for (const w of compiled.warnings) process.stderr.write(`${w}\n`);
  return 0;
}
