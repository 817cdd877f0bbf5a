import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
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

const cliDir = resolve(import.meta.dirname, "..");

/**
 * The typings package for a Blender version: first from the user's project (next to the entry),
 * then from bpyts' own installation.
 */
export function typingsFor(version: string, projectDir: string): string {
  const pkg = `@bpyts/blender-${majorMinor(version)}`;
  const dir = resolveFrom(projectDir, pkg) ?? resolveFrom(cliDir, pkg);
  const index = dir && join(dir, "index.d.ts");
  if (!index || !existsSync(index)) {
    const available = installedVersions();
    const nearest = available.length ? nearestVersion(majorMinor(version), available) : undefined;
    throw new CliError(
      "BPY0004",
      `no typings for Blender ${majorMinor(version)} (installed: ${available.join(", ") || "none"}). ` +
        (nearest ? `Use the nearest with --target ${nearest}, or make` : "Make") +
        ` typings for this Blender: bpyts introspect --blender <path> -o api.json && bpyts generate api.json -o typings/`,
    );
  }
  return index;
}

/** Blender versions whose typings ship with this bpyts (its own dependencies), oldest first. */
export function installedVersions(): string[] {
  const { dependencies = {} } = JSON.parse(readFileSync(join(cliDir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(dependencies)
    .map((n) => /^@bpyts\/blender-(\d+\.\d+)$/.exec(n)?.[1])
    .filter(
      (v): v is string =>
        v !== undefined && resolveFrom(cliDir, `@bpyts/blender-${v}`) !== undefined,
    )
    .sort((a, b) => versionNumber(a) - versionNumber(b));
}

const versionNumber = (v: string) => {
  const [major = 0, minor = 0] = v.split(".").map(Number);
  return major * 1000 + minor;
};

/** The available version closest to `version` (ties go to the newer one). */
export function nearestVersion(version: string, available: readonly string[]): string {
  const want = versionNumber(version);
  let best = available[0];
  for (const v of available) {
    const d = Math.abs(versionNumber(v) - want);
    if (best === undefined || d <= Math.abs(versionNumber(best) - want)) best = v;
  }
  if (best === undefined) throw new CliError("BPY0004", "no Blender typings installed");
  return best;
}
