/**
 * Blender's user folders — preferences, installed add-ons and extensions, startup files — live
 * in ~/.config/blender/<version>. A run must not change them (installing an add-on would stay
 * installed for the user's own Blender), nor depend on them (a user's add-ons and preferences
 * would change what a script does). So every run and pool gets a private, empty set of them
 * through Blender's environment variables, removed afterwards; `realUserDirs` opts out. A
 * variable the caller set already is kept.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const VARIABLES = {
  BLENDER_USER_CONFIG: "config",
  BLENDER_USER_SCRIPTS: "scripts",
  BLENDER_USER_DATAFILES: "datafiles",
  BLENDER_USER_EXTENSIONS: "extensions", // Blender ≥ 4.2
} as const;

export interface UserDirs {
  env: NodeJS.ProcessEnv;
  /** Removes the private folders (nothing when the real ones were used). */
  cleanup(): Promise<void>;
}

export async function userDirsEnv(env: NodeJS.ProcessEnv, real = false): Promise<UserDirs> {
  if (real) return { env, cleanup: async () => {} };
  const root = await mkdtemp(join(tmpdir(), "bpyts-user-"));
  const out: NodeJS.ProcessEnv = { ...env };
  for (const [name, sub] of Object.entries(VARIABLES)) out[name] ??= join(root, sub);
  return { env: out, cleanup: () => rm(root, { recursive: true, force: true }) };
}
