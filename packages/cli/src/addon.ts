/**
 * `bpyts build --addon <entry.ts> -o <file.zip>`: compile the entry and package it as an
 * installable add-on (legacy zip with bl_info for Blender < 4.2, extension zip with
 * blender_manifest.toml for ≥ 4.2). Metadata and layout: packages/compiler/src/addon/index.ts.
 */
import { resolve } from "node:path";
import { assertEntry, programInputs } from "./compile.js";
import { checkOutputPath, writeOutputs } from "./output.js";
import { resolveTarget } from "./target.js";
import { compileInProject } from "./project.js";

interface AddonApi {
  addonMetadata(entry: string, target: string): { id: string; name: string };
  addonFiles(python: string, m: unknown, target: string): Map<string, string>;
  zip(files: Map<string, string>): Buffer;
}

export interface AddonBuildOptions {
  out: string;
  target?: string;
  blender?: string;
  project?: string;
}

export async function buildAddon(entry: string, options: AddonBuildOptions): Promise<number> {
  const file = assertEntry(entry);
  const out = resolve(options.out);
  await checkOutputPath(out, [file], options.out);
  // Compiled in its project (tsconfig.json) when it has one; the add-on targets the Blender
  // version of the typings it was checked against.
  const compiled = await compileInProject(file, options);
  const version = compiled.version ?? (await resolveTarget(options.target, options.blender));
  for (const w of compiled.warnings) process.stderr.write(`${w}\n`);
  const specifier = "@bpyts/compiler";
  const { addon } = (await import(specifier)) as { addon: AddonApi };
  const meta = addon.addonMetadata(file, version);
  const files = addon.addonFiles(compiled.python, meta, version);
  await writeOutputs([{ path: out, data: addon.zip(files) }], {
    inputs: [file, ...programInputs(compiled, out)],
    label: options.out,
  });
  return 0;
}
