import { dirname, resolve } from "node:path";
import { compileEntry, writeOutput } from "../compile.js";
import { resolveTarget } from "../target.js";
import { typingsFor } from "../typings.js";

export interface BuildOptions {
  out: string;
  target?: string;
  blender?: string;
}

export async function build(entry: string, options: BuildOptions): Promise<number> {
  const version = await resolveTarget(options.target, options.blender);
  const compiled = compileEntry(entry, typingsFor(version, dirname(resolve(entry))));
  for (const w of compiled.warnings) process.stderr.write(`${w}\n`);
  await writeOutput(options.out, compiled);
  return 0;
}
