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
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, sep } from "node:path";

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
 * How a file is fingerprinted: user files by content; installed packages (node_modules: the
 * typings are megabytes) by size and modification time, which npm changes on every install.
 */
export function fingerprint(path: string): string | undefined {
  try {
    if (path.includes(`${sep}node_modules${sep}`)) {
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
    case "missing":
      return !existsSync(input.path);
    case "dir": {
      let isDir = false;
      try {
        isDir = statSync(input.path).isDirectory();
      } catch {
        // absent
      }
      return isDir === input.exists;
    }
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
    if (!entry.inputs.every(stillHolds)) return undefined;
    return { python: entry.python, sourceMap: entry.sourceMap, warnings: entry.warnings ?? [] };
  }

  /** Record an output; a cache that cannot be written is skipped (said once), never an error. */
  store(key: string, inputs: CacheInput[], output: CachedOutput): void {
    const entry: Entry = { format: FORMAT, key, inputs, ...output };
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
