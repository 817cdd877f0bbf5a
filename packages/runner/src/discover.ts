import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { loadExeca } from "./execa.js";

/** Raised when no Blender executable can be found; the message says how to fix it. */
export class BlenderNotFoundError extends Error {
  override name = "BlenderNotFoundError";
}

export interface FindBlenderOptions {
  /** An explicit path (the CLI's `--blender`); wins over everything else. */
  blender?: string;
  env?: NodeJS.ProcessEnv;
}

const INSTALL_HINT =
  "install it (Debian/Ubuntu: `apt-get install blender`), or pass --blender <path>, or set $BLENDER";

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Well-known install locations, tried after PATH (per platform). */
function wellKnownLocations(env: NodeJS.ProcessEnv): string[] {
  switch (process.platform) {
    case "darwin":
      return ["/Applications/Blender.app/Contents/MacOS/Blender"];
    case "win32": {
      const roots = [env["ProgramFiles"], env["ProgramFiles(x86)"]].filter(Boolean) as string[];
      return roots.map((r) => join(r, "Blender Foundation", "Blender", "blender.exe"));
    }
    default:
      return [
        "/usr/bin/blender",
        "/usr/local/bin/blender",
        "/snap/bin/blender",
        "/opt/blender/blender",
      ];
  }
}

/**
 * Locate Blender: `--blender`, then `$BLENDER`, then `PATH`, then the usual install locations.
 * An explicit path that does not exist is an error (never silently replaced by another Blender).
 */
export async function findBlender(options: FindBlenderOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  for (const [source, explicit] of [
    ["--blender", options.blender],
    ["$BLENDER", env["BLENDER"]],
  ] as const) {
    if (!explicit) continue;
    if (await isExecutable(explicit)) return explicit;
    throw new BlenderNotFoundError(
      `Blender not found at ${explicit} (from ${source}): ${INSTALL_HINT}`,
    );
  }
  const exe = process.platform === "win32" ? "blender.exe" : "blender";
  for (const dir of (env["PATH"] ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, exe);
    if (await isExecutable(candidate)) return candidate;
  }
  for (const candidate of wellKnownLocations(env)) {
    if (await isExecutable(candidate)) return candidate;
  }
  throw new BlenderNotFoundError(`Blender not found on PATH: ${INSTALL_HINT}`);
}

/** Blender's version as "major.minor.patch", read from `blender --version`. */
export async function blenderVersion(blender: string): Promise<string> {
  const execa = await loadExeca();
  const { stdout } = await execa(blender, ["--version"], { reject: true, timeout: 60_000 });
  const match = /^Blender (\d+\.\d+(?:\.\d+)?)/m.exec(stdout);
  if (!match?.[1]) throw new Error(`cannot read Blender's version from \`${blender} --version\``);
  return match[1];
}

/** The version of the `bpy` module a Python interpreter imports (module backend). */
export async function bpyModuleVersion(python: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const execa = await loadExeca();
  const { stdout } = await execa(python, ["-c", "import bpy; print(bpy.app.version_string)"], {
    reject: true,
    timeout: 120_000,
    env,
  });
  const match = /(\d+\.\d+(?:\.\d+)?)/.exec(stdout.trim().split("\n").at(-1) ?? "");
  if (!match?.[1]) throw new Error(`cannot read the bpy version from ${python}`);
  return match[1];
}
