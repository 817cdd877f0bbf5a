/**
 * `bpyts build --addon <entry.ts> -o <file.zip>`: compile the entry and package it as an
 * installable add-on (legacy zip with bl_info for Blender < 4.2, extension zip with
 * blender_manifest.toml for ≥ 4.2). Metadata and layout: packages/compiler/src/addon/index.ts.
 */
import { dirname, resolve } from "node:path";
import { assertEntry, compileEntry, programInputs } from "./compile.js";
import { checkOutputPath, writeOutputs } from "./output.js";
import { resolveTarget } from "./target.js";
import { typingsFor } from "./typings.js";

interface AddonApi {
  addonMetadata(entry: string, target: string): { id: string; name: string };
  addonFiles(python: string, m: unknown, target: string): Map<string, string>;
  zip(files: Map<string, string>): Buffer;
}

export interface AddonBuildOptions {
  out: string;
  target?: string;
  blender?: string;
}

export async function buildAddon(entry: string, options: AddonBuildOptions): Promise<number> {
  const file = assertEntry(entry);
  const out = resolve(options.out);
  await checkOutputPath(out, [file], options.out);
  const version = await resolveTarget(options.target, options.blender);
  const compiled = await compileEntry(file, typingsFor(version, dirname(file)));
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
