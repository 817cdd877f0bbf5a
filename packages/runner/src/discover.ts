import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { access, constants } from "node:fs/promises";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { RunnerError } from "./errors.js";
import { spawnProcess } from "./process.js";

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

async function onPath(exe: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env["PATH"] ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = resolve(dir, exe);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
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
    // A bare command name is looked up on PATH, as a shell would (`--blender blender-4.3`).
    if (!/[\\/]/.test(explicit)) {
      const found = await onPath(explicit, env);
      if (found) return found;
    }
    // Checked relative to our cwd, so made absolute: a job's own cwd must not change its meaning.
    else if (await isExecutable(explicit)) return resolve(explicit);
    throw new BlenderNotFoundError(
      `Blender not found at ${explicit} (from ${source}): ${INSTALL_HINT}`,
    );
  }
  const found = await onPath(process.platform === "win32" ? "blender.exe" : "blender", env);
  if (found) return found;
  for (const candidate of wellKnownLocations(env)) {
    if (await isExecutable(candidate)) return candidate;
  }
  throw new BlenderNotFoundError(`Blender not found on PATH: ${INSTALL_HINT}`);
}

const NAMED = /blender[-_]?v?(\d+\.\d+)(?![\d])/i;
const VERSION_DIR = /^\d+\.\d+$/;

/** The one `X.Y` folder with Blender's scripts in `dir`, if there is exactly one. */
function versionFolder(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => VERSION_DIR.test(n));
  } catch {
    return undefined;
  }
  const found = names.filter((n) => statSync(join(dir, n, "scripts"), { throwIfNoEntry: false }));
  return found.length === 1 ? found[0] : undefined;
}

/** Debian/Ubuntu: the version of the installed package that owns the file. */
function dpkgVersion(file: string): string | undefined {
  const info = "/var/lib/dpkg/info";
  const owns = (list: string) => {
    try {
      return readFileSync(join(info, list), "utf8").split("\n").includes(file);
    } catch {
      return false;
    }
  };
  try {
    // the usual package name first: the folder holds thousands of files
    const list = owns("blender.list")
      ? "blender.list"
      : readdirSync(info).find((n) => /^blender.*\.list$/.test(n) && owns(n));
    if (!list) return undefined;
    const pkg = list.replace(/(:[^.]+)?\.list$/, "");
    const status = readFileSync("/var/lib/dpkg/status", "utf8");
    const stanza = status.split("\n\n").find((s) => s.startsWith(`Package: ${pkg}\n`));
    return /^Version: (?:\d+:)?(\d+\.\d+)/m.exec(stanza ?? "")?.[1];
  } catch {
    return undefined; // not a dpkg system
  }
}

/**
 * A guess at an executable's Blender version ("X.Y") from the file system alone, in a few
 * milliseconds instead of `blender --version`'s ~0.4 s: a version in its name or folder
 * (`blender-4.3`, `blender-4.3.2-linux-x64/blender`), the one `X.Y` data folder of an official
 * build (beside it, `../share/blender/X.Y`, macOS `../Resources/X.Y`), or the Debian package that
 * installed it. Only ever a guess: what Blender reports when it runs is the truth.
 */
export function guessBlenderVersion(blender: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(blender);
  } catch {
    return undefined;
  }
  for (const name of [basename(blender), basename(real), basename(dirname(real))]) {
    const v = NAMED.exec(name)?.[1];
    if (v) return v;
  }
  const dir = dirname(real);
  return (
    versionFolder(dir) ??
    versionFolder(join(dir, "..", "share", "blender")) ??
    versionFolder(join(dir, "..", "Resources")) ??
    dpkgVersion(real)
  );
}

export interface VersionProbeOptions {
  /** Default: $BPYTS_VERSION_TIMEOUT_MS, else 60 s (a cold start of a chroot Blender is slow). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

function probeTimeout(options: VersionProbeOptions): number {
  const fromEnv = Number((options.env ?? process.env)["BPYTS_VERSION_TIMEOUT_MS"]);
  return options.timeoutMs ?? (fromEnv > 0 ? fromEnv : 60_000);
}

/**
 * Blender's version as "major.minor.patch", read from `blender --version` (in its own process
 * group, killed with everything it started when it does not answer in time).
 * Throws RunnerError BPY0150 (not a Blender) or BPY0151 (no answer in time).
 */
export async function blenderVersion(
  blender: string,
  options: VersionProbeOptions = {},
): Promise<string> {
  const timeoutMs = probeTimeout(options);
  const r = await spawnProcess(blender, ["--version"], {
    timeoutMs,
    killGraceMs: 0,
    env: options.env,
  });
  if (r.spawnError) {
    throw new RunnerError("BPY0150", `cannot start ${blender}: ${r.spawnError.message}`);
  }
  if (r.timedOut) {
    throw new RunnerError(
      "BPY0151",
      `\`${blender} --version\` did not answer within ${timeoutMs} ms (it was killed): is it a Blender?`,
    );
  }
  const match = /^Blender (\d+\.\d+(?:\.\d+)?)/m.exec(r.stdout);
  if (!match?.[1]) {
    const why = r.signal
      ? `was killed by ${r.signal}`
      : r.exitCode
        ? `exited with code ${r.exitCode}`
        : "printed no `Blender X.Y` line";
    throw new RunnerError("BPY0150", `not a Blender: \`${blender} --version\` ${why}`);
  }
  return match[1];
}

/** The version of the `bpy` module a Python interpreter imports (module backend). */
export async function bpyModuleVersion(
  python: string,
  env?: NodeJS.ProcessEnv,
  options: VersionProbeOptions = {},
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const r = await spawnProcess(python, ["-c", "import bpy; print(bpy.app.version_string)"], {
    timeoutMs,
    killGraceMs: 0,
    env: env ?? options.env,
  });
  if (r.spawnError) {
    throw new RunnerError("BPY0109", `cannot start ${python}: ${r.spawnError.message}`);
  }
  if (r.timedOut) {
    throw new RunnerError(
      "BPY0151",
      `\`${python} -c "import bpy"\` did not answer within ${timeoutMs} ms (it was killed)`,
    );
  }
  const match =
    r.exitCode === 0 ? /(\d+\.\d+(?:\.\d+)?)/.exec(r.stdout.trim().split("\n").at(-1) ?? "") : null;
  if (!match?.[1]) {
    const last = r.stderr.trim().split("\n").at(-1) ?? "";
    throw new RunnerError(
      "BPY0109",
      `cannot read the bpy version from ${python}${last ? `: ${last}` : ""}`,
    );
  }
  return match[1];
}
