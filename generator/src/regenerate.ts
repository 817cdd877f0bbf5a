/**
 * Regenerate every typings package from the committed schemas and write the API diffs:
 * `npm run generate -w @bpyts/generator` (or `node generator/dist/regenerate.js`).
 */
import { writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSchema } from "@bpyts/introspect";
import type { Schema } from "@bpyts/introspect";
import { generate } from "./generate.js";
import { apiDiff, formatApiDiff } from "./diff.js";
import { checkOverrides } from "./overrides-check.js";

export const VERSIONS = ["3.4", "4.3", "5.2"] as const;

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function schemaPath(version: string, root = REPO_ROOT): string {
  return join(root, "introspect", "schemas", `blender-${version}.json.gz`);
}

export function packageDir(version: string, root = REPO_ROOT): string {
  return join(root, "packages", `blender-${version}`);
}

export async function regenerate(
  root = REPO_ROOT,
  log: (s: string) => void = console.log,
): Promise<void> {
  const schemas: Schema[] = [];
  for (const v of VERSIONS) schemas.push(await loadSchema(schemaPath(v, root)));
  // an override that names nothing in any schema is a mistake (a typo, a removed member)
  checkOverrides(schemas);
  for (const [i, v] of VERSIONS.entries()) {
    const t0 = performance.now();
    const r = await generate(schemas[i]!, packageDir(v, root));
    const total = r.files.reduce((n, f) => n + f.bytes, 0);
    log(
      `blender-${v}: ${r.files.length} files, ${(total / 1e6).toFixed(2)} MB in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    );
  }
  for (let i = 0; i + 1 < schemas.length; i++) {
    const a = schemas[i]!;
    const b = schemas[i + 1]!;
    const name = `api-diff-${VERSIONS[i]}-${VERSIONS[i + 1]}.md`;
    await writeFile(join(root, "docs", name), formatApiDiff(apiDiff(a, b)));
    log(`docs/${name}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await regenerate();
}
