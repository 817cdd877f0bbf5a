/**
 * The compile cache: an unchanged program reuses its last `.py` + `.map` without building a
 * TypeScript program. An entry records every question the compiler asked the file system — each
 * file it read (with a content hash), each path it probed and did not find, each folder it
 * looked into — so a later run can answer "would the compiler see exactly the same inputs?" with
 * a few stats and hashes: a changed file, a new file that would now resolve an import, a removed
 * one, all miss. Entries are single JSON files written atomically (temp name, then rename), so
 * two runs racing on one entry each see a whole entry or none, and a corrupt or truncated entry
 * is a miss, never stale code.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** One answer the file system gave the compiler. */
export type CacheInput =
  | { path: string; kind: "file"; hash: string }
  | { path: string; kind: "missing" }
  | { path: string; kind: "dir"; exists: boolean };

export interface CachedOutput {
  python: string;
  sourceMap: unknown;
  warnings: string[];
}

interface Entry extends CachedOutput {
  format: typeof FORMAT;
  key: string;
  inputs: CacheInput[];
}

const FORMAT = 1;

/**
 * How a file is fingerprinted: user source files by content; installed packages (node_modules)
 * and declaration files (the Blender typings are megabytes, also when a workspace links them
 * from outside node_modules) by size and modification time, which npm and every editor change
 * on a write — a rerun then stats them instead of hashing ~5 MB.
 */
export function fingerprint(path: string): string | undefined {
  try {
    if (path.includes(`${sep}node_modules${sep}`) || /\.d\.[cm]?ts$/.test(path)) {
      const st = statSync(path);
      return st.isFile() ? `stat:${st.size}:${st.mtimeMs}` : undefined;
    }
    return `sha256:${createHash("sha256").update(readFileSync(path)).digest("base64")}`;
  } catch {
    return undefined;
  }
}

function stillHolds(input: CacheInput): boolean {
  switch (input.kind) {
    case "file":
      return fingerprint(input.path) === input.hash;
    case "missing": // no file there (a folder may be: fileExists answers false for it too)
      return fingerprint(input.path) === undefined;
    case "dir":
      return dirExists(input.path) === input.exists;
  }
}

/**
 * Whether a folder exists for module resolution. A node_modules holding only `.cache` (the one
 * this cache creates beside a package-less script) resolves nothing: it counts as absent, or
 * the first store would invalidate its own entry.
 */
function dirExists(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
    if (basename(path) !== "node_modules") return true;
    return readdirSync(path).some((n) => n !== ".cache");
  } catch {
    return false;
  }
}

/** The cache folder of a project: `node_modules/.cache/bpyts` beside its package.json/tsconfig. */
export function cacheDirFor(entry: string): string {
  let dir = dirname(entry);
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, "package.json")) || existsSync(join(d, "tsconfig.json"))) {
      dir = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  return join(dir, "node_modules", ".cache", "bpyts");
}

export class CompileCache {
  /** Why the cache could not be used, said once per process. */
  private noted = false;

  constructor(
    readonly dir: string,
    private readonly note: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
  ) {}

  /** A key for everything that is not a file: options, versions, the entry's path. */
  static key(parts: unknown): string {
    return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40);
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  private say(message: string): void {
    if (this.noted) return;
    this.noted = true;
    this.note(`note: ${message}`);
  }

  /** The cached output for `key` if every recorded input is unchanged, else undefined. */
  lookup(key: string): CachedOutput | undefined {
    let text: string;
    try {
      text = readFileSync(this.file(key), "utf8");
    } catch {
      return undefined; // no entry yet (or an unreadable folder: store() will say so)
    }
    let entry: Entry;
    try {
      entry = JSON.parse(text) as Entry;
      if (
        entry.format !== FORMAT ||
        entry.key !== key ||
        typeof entry.python !== "string" ||
        !Array.isArray(entry.inputs) ||
        entry.sourceMap === null ||
        typeof entry.sourceMap !== "object"
      )
        throw new Error("unexpected shape");
    } catch {
      this.say(`compile cache entry ${this.file(key)} is corrupt; recompiling`);
      return undefined;
    }
    const changed = entry.inputs.find((i) => !stillHolds(i));
    if (changed) {
      // Debug hook (documented in ARCHITECTURE.md): why an entry missed.
      if (process.env["BPYTS_DEBUG_CACHE"])
        process.stderr.write(`compile cache: miss, ${changed.kind} ${changed.path} changed\n`);
      return undefined;
    }
    return { python: entry.python, sourceMap: entry.sourceMap, warnings: entry.warnings ?? [] };
  }

  /** Record an output; a cache that cannot be written is skipped (said once), never an error. */
  store(key: string, inputs: CacheInput[], output: CachedOutput): void {
    const entry: Entry = {
      format: FORMAT,
      key,
      inputs: inputs.map((i) =>
        i.kind === "dir" && i.exists && basename(i.path) === "node_modules"
          ? { ...i, exists: dirExists(i.path) }
          : i,
      ),
      ...output,
    };
    const target = this.file(key);
    const temp = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, JSON.stringify(entry));
      renameSync(temp, target);
    } catch (e) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // the folder itself is unusable: there is no temp file either
      }
      this.say(`compile cache not written (${(e as Error).message}); compiling without it`);
    }
  }
}

/**
 * Blender versions, remembered per executable so that a run needs no `blender --version` probe
 * (~0.4 s): `blenders.json` in the project's cache folder and in this user's private folder
 * (`privateUserDir`: a new project's first run knows the Blender too), keyed by the executable's
 * real path and valid while its size, mtime and inode stay. A wrapper (a chroot's, say) can stay
 * unchanged while the Blender behind it changes: every run hears Blender's own version before it
 * gets the script and corrects this record (`rememberBlenderVersion`).
 */
export class BlenderVersions {
  private readonly stores: BlenderVersionFile[];
  constructor(...dirs: (string | undefined)[]) {
    this.stores = dirs.filter((d): d is string => !!d).map((d) => new BlenderVersionFile(d));
  }

  /** The first store that knows the executable answers; the stores before it learn it too. */
  get(blender: string): string | undefined {
    for (const [i, s] of this.stores.entries()) {
      const v = s.get(blender);
      if (!v) continue;
      for (const before of this.stores.slice(0, i)) before.set(blender, v);
      return v;
    }
    return undefined;
  }

  set(blender: string, version: string): void {
    for (const s of this.stores) s.set(blender, version);
  }
}

/**
 * This user's private folder under $TMPDIR (`bpyts-<uid>`, mode 0700): the compile server's
 * sockets and machine-wide memories. Used only while it is still private (owned by us, no
 * group/other access, not a link): undefined otherwise, or on a system without uids.
 */
export function privateUserDir(onUnsafe?: (dir: string) => void): string | undefined {
  if (typeof process.getuid !== "function") return undefined;
  const dir = join(tmpdir(), `bpyts-${process.getuid()}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
  }
  try {
    const st = lstatSync(dir);
    if (st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o077) === 0) return dir;
  } catch {
    return undefined;
  }
  onUnsafe?.(dir);
  return undefined;
}

class BlenderVersionFile {
  constructor(readonly dir: string) {}

  private get file(): string {
    return join(this.dir, "blenders.json");
  }

  private static stamp(blender: string): { path: string; stamp: string } | undefined {
    try {
      const path = realpathSync(blender);
      const s = statSync(path);
      return { path, stamp: `${s.size}:${s.mtimeMs}:${s.ino}` };
    } catch {
      return undefined;
    }
  }

  private read(): Record<string, { stamp: string; version: string }> {
    try {
      const data = JSON.parse(readFileSync(this.file, "utf8")) as unknown;
      return data && typeof data === "object" && !Array.isArray(data)
        ? (data as Record<string, { stamp: string; version: string }>)
        : {};
    } catch {
      return {}; // none yet, or unreadable: a probe answers
    }
  }

  /** The remembered version, if the executable is unchanged. */
  get(blender: string): string | undefined {
    const id = BlenderVersionFile.stamp(blender);
    const known = id && this.read()[id.path];
    return known && known.stamp === id.stamp && typeof known.version === "string"
      ? known.version
      : undefined;
  }

  /** Remember a version (atomically; a folder that cannot be written is skipped silently). */
  set(blender: string, version: string): void {
    const id = BlenderVersionFile.stamp(blender);
    if (!id) return;
    const all = this.read();
    if (all[id.path]?.stamp === id.stamp && all[id.path]?.version === version) return;
    all[id.path] = { stamp: id.stamp, version };
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, JSON.stringify(all));
      renameSync(temp, this.file);
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // the folder itself is unusable: nothing was written
      }
    }
  }
}

let commandStampValue: string | undefined;
/**
 * `compilerStamp()` once per command: its build does not change while it runs (the cache key and
 * the compile server's socket name both need it). The compile server, which outlives builds,
 * asks `compilerStamp()` itself.
 */
export function commandStamp(): string {
  return (commandStampValue ??= compilerStamp());
}

/**
 * The compiler's build (size + mtime of every file of @bpyts/compiler, TypeScript's version):
 * a rebuilt or upgraded compiler misses every entry. Stats only: no file is read.
 */
export function compilerStamp(): string {
  const require = createRequire(import.meta.url);
  const stamps: string[] = [];
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        stamps.push(`${p}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  try {
    // Real paths: the compile server (./compile-server) may reach the same files through the
    // workspace's node_modules links, and must compute the same stamp.
    walk(realpathSync(dirname(require.resolve("@bpyts/compiler"))));
    walk(realpathSync(dirname(fileURLToPath(import.meta.url)))); // the CLI's own build
    stamps.push(
      `typescript:${(require("typescript/package.json") as { version: string }).version}`,
    );
  } catch (e) {
    stamps.push(`unknown:${(e as Error).message}`);
  }
  return createHash("sha256").update(stamps.join("\n")).digest("hex");
}
