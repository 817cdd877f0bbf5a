/**
 * `bpyts build --addon <entry.ts> -o <file.zip>`: compile the entry and package it as an
 * installable add-on (legacy zip with bl_info for Blender < 4.2, extension zip with
 * blender_manifest.toml for ≥ 4.2). Metadata and layout: packages/compiler/src/addon/index.ts.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { assertEntry } from "./compile.js";
import { CliError } from "./errors.js";
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
  // Compiled in its project (tsconfig.json) when it has one; the add-on targets the Blender
  // version of the typings it was checked against.
  const compiled = await compileInProject(file, options);
  const version = compiled.version ?? (await resolveTarget(options.target, options.blender));
  for (const w of compiled.warnings) process.stderr.write(`${w}\n`);
  const specifier = "@bpyts/compiler";
  const { addon } = (await import(specifier)) as { addon: AddonApi };
  const meta = addon.addonMetadata(file, version);
  const files = addon.addonFiles(compiled.python, meta, version);
  const out = resolve(options.out);
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, addon.zip(files));
  } catch (e) {
    throw new CliError("BPY0002", `cannot write ${options.out}: ${(e as Error).message}`);
  }
  return 0;
}
