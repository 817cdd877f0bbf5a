import { cp, mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { initTsconfig } from "../src/project.js";
import { repoRoot } from "./helpers.js";

/**
 * An `init`-style project in `dir`: the tsconfig from initTsconfig (with `compilerOptions`
 * overrides and extra top-level fields), node_modules linked to the workspace packages as
 * `npm install` links file: dependencies, and the given source files.
 */
export async function initProject(
  dir: string,
  options: {
    blender?: string;
    compilerOptions?: Record<string, unknown>;
    tsconfig?: Record<string, unknown>;
    files?: Record<string, string>;
    copy?: Record<string, string>;
  } = {},
): Promise<void> {
  const blender = options.blender ?? "4.3";
  const tsconfig = initTsconfig(`@bpyts/blender-${blender}`);
  Object.assign(tsconfig.compilerOptions, options.compilerOptions);
  Object.assign(tsconfig, options.tsconfig);
  await mkdir(join(dir, "node_modules/@bpyts"), { recursive: true });
  await writeFile(join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  await writeFile(
    join(dir, "package.json"),
    '{ "name": "project", "private": true, "type": "module" }\n',
  );
  await symlink(join(repoRoot, "packages/cli"), join(dir, "node_modules/bpyts"));
  for (const p of ["compiler", "runner", `blender-${blender}`])
    await symlink(join(repoRoot, "packages", p), join(dir, "node_modules/@bpyts", p));
  for (const [to, from] of Object.entries(options.copy ?? {}))
    await cp(from, join(dir, to), { recursive: true });
  for (const [name, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}
