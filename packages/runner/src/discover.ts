import { access, constants } from "node:fs/promises";
import { delimiter, join, resolve } from "node:path";
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
