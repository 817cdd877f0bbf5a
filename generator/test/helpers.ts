import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const VERSIONS = ["3.4", "4.3", "5.2"] as const;
export const TSC6 = join(ROOT, "node_modules/typescript/bin/tsc");
export const TSC7 = join(ROOT, "node_modules/typescript7/bin/tsc");

export function pkgDir(v: string): string {
  return join(ROOT, "packages", `blender-${v}`);
}
export function schemaFile(v: string): string {
  return join(ROOT, "introspect", "schemas", `blender-${v}.json.gz`);
}

/** The compiler options the typings are checked with (documented in generator/README.md). */
export const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: "es2022",
  lib: ["es2023", "esnext.disposable"],
  module: "nodenext",
  moduleResolution: "nodenext",
  types: [] as string[],
};

/** Write a tsconfig checking `files` against the package of version `v`; returns its path. */
export function tsconfigFor(
  v: string,
  files: string[],
  extra: Record<string, unknown> = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), `bpyts-tc-${v}-`));
  writeFileSync(
    join(dir, "console.d.ts"),
    "declare const console: { log(...args: unknown[]): void };\n",
  );
  const tsconfig = {
    compilerOptions: { ...COMPILER_OPTIONS, ...extra },
    files: [join(pkgDir(v), "index.d.ts"), join(dir, "console.d.ts"), ...files],
  };
  const path = join(dir, "tsconfig.json");
  writeFileSync(path, JSON.stringify(tsconfig, null, 2));
  return path;
}

export function runTsc(bin: string, project: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [bin, "-p", project], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

export function findBlender(): string | null {
  const candidates = [process.env.BLENDER, "/usr/bin/blender"].filter((x): x is string => !!x);
  return candidates.find((c) => existsSync(c)) ?? null;
}
