import { relative } from "node:path";
import { programInputs, writeOutput } from "../compile.js";
import { checkOutputPath } from "../output.js";
import { CliError } from "../errors.js";
import { checkProjectServed, compileServed } from "../compile-server/client.js";
import { buildProject, type ProjectOptions } from "../project.js";

export interface BuildOptions extends ProjectOptions {
  out?: string;
  outDir?: string;
}

/**
 * `bpyts build <entry> -o out.py` writes one entry; without -o, the entries (the arguments, else
 * the project's) go to the tsconfig's outDir (project mode, see ../project.ts).
 */
export async function build(entries: string[], options: BuildOptions): Promise<number> {
  if (options.out !== undefined) {
    const [entry, ...more] = entries;
    if (entry === undefined || more.length)
      throw new CliError(
        "BPY0024",
        `-o names one output file: build one entry with -o, or several into outDir (tsconfig.json or --out-dir)`,
      );
    const { compiled } = await compileServed(entry, options, false);
    for (const w of compiled.warnings) process.stderr.write(`${w}\n`);
    await writeOutput(options.out, compiled);
    return 0;
  }
  const outputs = await buildProject(entries, options);
  // Every output path is checked before the first is written (a refused one writes nothing).
  for (const { file, compiled } of outputs)
    for (const path of [file, `${file}.map`])
      await checkOutputPath(path, programInputs(compiled, file), relative(process.cwd(), path));
  for (const { file, compiled } of outputs) await writeOutput(file, compiled);
  return 0;
}

/**
 * Type-check (and compile in memory) without writing anything: one entry, or the whole project
 * (every tsconfig file, then every entry) when none is given.
 */
export async function check(entry: string | undefined, options: ProjectOptions): Promise<number> {
  const warnings =
    entry === undefined
      ? await checkProjectServed(options)
      : (await compileServed(entry, options, false)).compiled.warnings;
  for (const w of warnings) process.stderr.write(`${w}\n`);
  return 0;
}
