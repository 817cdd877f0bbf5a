import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CliError } from "./errors.js";

/** "3.4.1" → "3.4" */
export function majorMinor(version: string): string {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) throw new CliError("BPY0004", `not a Blender version: ${version}`);
  return `${m[1]}.${m[2]}`;
}

function resolveFrom(base: string, pkg: string): string | undefined {
  try {
    return dirname(createRequire(join(base, "noop.js")).resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
}

/**
 * The typings package for a Blender version: first from the user's project (next to the entry),
 * then from bpyts' own installation.
 */
export function typingsFor(version: string, projectDir: string): string {
  const pkg = `@bpyts/blender-${majorMinor(version)}`;
  const dir = resolveFrom(projectDir, pkg) ?? resolveFrom(import.meta.dirname, pkg);
  const index = dir && join(dir, "index.d.ts");
  if (!index || !existsSync(index)) {
    throw new CliError(
      "BPY0004",
      `no typings for Blender ${majorMinor(version)}: install ${pkg} (available: ${installedVersions().join(", ") || "none"})`,
    );
  }
  return index;
}

/** Blender versions whose typings ship with this bpyts, newest last. */
export function installedVersions(): string[] {
  const scope = resolveFrom(import.meta.dirname, "@bpyts/compiler");
  if (!scope) return [];
  const scopeDir = dirname(scope);
  return readdirSync(scopeDir)
    .filter((n) => /^blender-\d+\.\d+$/.test(n))
    .map((n) => n.slice("blender-".length))
    .sort((a, b) => {
      const [am = 0, an = 0] = a.split(".").map(Number);
      const [bm = 0, bn = 0] = b.split(".").map(Number);
      return am - bm || an - bn;
    });
}
