import { access, constants, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { execa } from "execa";
import type { Property, Schema, Struct } from "../src/index.js";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const SCHEMAS = join(HERE, "..", "schemas");
export const CHROOT_BIN = join(process.env["BPYTS_CHROOTS"] ?? "/var/lib/bpyts/chroots", "bin");

/** Blender executables per version: native 3.4, chroot wrappers for 4.3 and 5.2 (when present). */
export const BLENDERS: Record<string, string> = {
  "3.4": process.env["BLENDER"] ?? "/usr/bin/blender",
  "4.3": join(CHROOT_BIN, "blender-4.3"),
  "5.2": join(CHROOT_BIN, "blender-5.2"),
};

export async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface Oracle {
  version: number[];
  structs: Record<string, [number, number]>;
  operators: string[];
  context_members: string[];
}

/** Counts computed by Blender's own rna_info (test/fixtures/oracle.py), not by the dumper. */
export async function oracle(blender: string): Promise<Oracle> {
  const dir = await mkdtemp(join(tmpdir(), "bpyts-oracle-"));
  try {
    const out = join(dir, "oracle.json");
    await execa(blender, [
      "--background",
      "--factory-startup",
      "--python-exit-code",
      "1",
      "--python",
      join(HERE, "fixtures", "oracle.py"),
      "--",
      out,
    ]);
    return JSON.parse(await readFile(out, "utf8")) as Oracle;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function committedText(version: string): Promise<string> {
  return gunzipSync(await readFile(join(SCHEMAS, `blender-${version}.json.gz`))).toString("utf8");
}

export const struct = (s: Schema, id: string): Struct => {
  const found = s.structs.find((x) => x.identifier === id);
  if (!found) throw new Error(`no struct ${id}`);
  return found;
};

export const prop = (props: Property[], id: string): Property => {
  const found = props.find((p) => p.identifier === id);
  if (!found) throw new Error(`no property ${id}`);
  return found;
};

/** Struct ids rna_info deliberately ignores (UI classes, key-sets, operators). */
export const RNA_INFO_IGNORED = /_(OT|MT|PT|HT|KSI)_/;
