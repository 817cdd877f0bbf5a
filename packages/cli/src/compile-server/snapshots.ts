/**
 * Start-up snapshots of the compile server (issue 14: a first run's compile). A cold server
 * spends ~1.2 s of CPU loading TypeScript and the compiler and parsing the lib and a Blender
 * version's typings before it can compile; a server started from a V8 start-up snapshot of a
 * process that did all that (`node --build-snapshot`, ./snapshot.ts) starts with it done in
 * ~0.4 s. A snapshot is built in the background, at low priority, after a plain server's first
 * compile for a Blender version (or by `bpyts compile-server snapshot`), and kept in the user's
 * private folder (where Node keeps its own compile cache: $TMPDIR), one per build of bpyts, Node
 * and Blender version. It is used only while every file it was built from is unchanged; a blob
 * Node refuses is removed and the server starts the plain way: a snapshot only ever makes a
 * start faster, never a compile different (its parsed files still pass the declaration cache's
 * modification-time check).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { setPriority } from "node:os";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compilerStamp, privateUserDir } from "../cache.js";
import { switchedOff } from "../env.js";

/** Snapshots kept (the most recently used): each is ~70 MB. */
const KEEP = 3;
/** A builder that holds its lock longer than this died (a build takes ~5 s). */
const STALE_LOCK_MS = 5 * 60_000;
const RETRY_FAILED_MS = 24 * 3600_000;

interface Manifest {
  /** the Blender major.minor whose typings it holds parsed */
  version: string;
  node: string;
  stamp: string;
  blob: string;
  size: number;
  /** every file bundled into it, and every declaration file it holds parsed: real path, size, mtime */
  inputs: [string, number, number][];
}

export function snapshotsEnabled(): boolean {
  return !switchedOff("BPYTS_SNAPSHOT") && process.platform !== "win32";
}

/** The snapshots' folder in the user's private folder; undefined when there is none. */
function storeDir(): string | undefined {
  const user = privateUserDir();
  if (!user) return undefined;
  const dir = join(user, "snapshots");
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return undefined;
  }
  return dir;
}

/** The manifests in `dir`, the most recently used first (a use touches its manifest). */
function manifestsByUse(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ f, t: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.t - a.t)
    .map(({ f }) => f);
}

/** One snapshot per build of bpyts (its stamp), Node executable and Blender major.minor. */
function nameOf(stamp: string, version: string): string {
  const id = createHash("sha256")
    .update(`${stamp}\0${process.execPath}\0${process.version}\0${version}`)
    .digest("hex");
  return `server-${version}-${id.slice(0, 16)}`;
}

function unchanged(inputs: Manifest["inputs"]): boolean {
  for (const [file, size, mtime] of inputs) {
    try {
      const st = statSync(file);
      if (st.size !== size || st.mtimeMs !== mtime) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * The blob to start a server of build `stamp` from, if one is usable: for `version` when given,
 * else the most recently used one of this build and Node.
 */
export function findSnapshot(
  stamp: string,
  version?: string,
): { blob: string; version: string } | undefined {
  const dir = snapshotsEnabled() ? storeDir() : undefined;
  if (!dir) return undefined;
  const candidates = version ? [`${nameOf(stamp, version)}.json`] : manifestsByUse(dir);
  for (const file of candidates) {
    let m: Manifest;
    try {
      m = JSON.parse(readFileSync(join(dir, file), "utf8")) as Manifest;
    } catch {
      continue;
    }
    if (m.stamp !== stamp || m.node !== process.version || !m.blob) continue;
    const blob = join(dir, m.blob);
    if (statSync(blob, { throwIfNoEntry: false })?.size !== m.size) continue;
    if (!unchanged(m.inputs)) {
      discard(join(dir, file), blob); // built from files that changed since
      continue;
    }
    const now = new Date();
    try {
      utimesSync(join(dir, file), now, now); // most recently used: kept longest
    } catch {
      /* still usable */
    }
    return { blob, version: m.version };
  }
  return undefined;
}

function discard(...files: string[]): void {
  for (const f of files) rmSync(f, { force: true });
}

/** A blob Node would not start from: removed, so the next start does not try it again. */
export function forgetSnapshot(blob: string): void {
  discard(blob.replace(/\.blob$/, ".json"), blob);
}

/** Keep the `KEEP` most recently used snapshots; older builds' go. */
function prune(dir: string): void {
  const manifests = manifestsByUse(dir);
  for (const f of manifests.slice(KEEP))
    discard(join(dir, f), join(dir, f.replace(/\.json$/, ".blob")));
  // Blobs without a manifest: left by a builder that died between its two renames.
  const kept = new Set(manifests.slice(0, KEEP).map((f) => f.replace(/\.json$/, ".blob")));
  for (const f of readdirSync(dir)) {
    const blob = f.replace(/\.(log|lock)$/, ".blob");
    if (f.includes(".tmp-") || kept.has(blob)) continue; // being built, or kept
    if (
      f.endsWith(".blob") ||
      (f.endsWith(".log") && !existsSync(join(dir, `${blob.slice(0, -5)}.lock`)))
    )
      discard(join(dir, f));
  }
}

/**
 * V8 checks the blob's checksum as it loads it (off by default in release builds): a damaged
 * blob stops the process, and the client starts the plain server, instead of a process whose
 * parsed typings may differ from the files. Build and start need the same flags.
 */
const NODE_FLAGS = ["--verify-snapshot-checksum"];

/** Node's arguments that start a server from `blob` (the socket and stamp follow). */
export function snapshotArgs(blob: string): string[] {
  return [...NODE_FLAGS, "--snapshot-blob", blob];
}

const META_URL = "__bpytsImportMetaUrl";
const META_DIRNAME = "__bpytsImportMetaDirname";
const entryFile = () => fileURLToPath(new URL("./snapshot.js", import.meta.url));

/**
 * Build the snapshot of build `stamp` for Blender `version` now (this process waits): bundle
 * the server (esbuild), have a fresh Node snapshot a process that ran it, then publish blob and
 * manifest by renaming (readers see a whole snapshot or none). Resolves to the blob's path.
 */
export async function buildSnapshot(stamp: string, version: string): Promise<string> {
  const dir = storeDir();
  if (!dir) throw new Error("no private folder for snapshots");
  const name = nameOf(stamp, version);
  const tmp = join(dir, `${name}.tmp-${process.pid}`);
  try {
    const { build } = await import("esbuild");
    const bundle = `${tmp}.cjs`;
    const result = await build({
      entryPoints: [entryFile()],
      outfile: bundle,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: `node${process.versions.node.split(".")[0]}`,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: "/",
      define: { "import.meta.url": META_URL, "import.meta.dirname": META_DIRNAME },
      plugins: [ownPaths],
    });
    const inputs: Manifest["inputs"] = Object.keys(result.metafile.inputs).map((f) => {
      const file = realpathSync(join("/", f));
      const st = statSync(file);
      return [file, st.size, st.mtimeMs];
    });
    const built = spawnSync(
      process.execPath,
      [...snapshotArgs(`${tmp}.blob`), "--build-snapshot", bundle],
      {
        cwd: dir,
        env: {
          ...process.env,
          BPYTS_SNAPSHOT_BLENDER: version,
          BPYTS_SNAPSHOT_INPUTS: `${tmp}.inputs`,
        },
        encoding: "utf8",
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    if (built.status !== 0)
      throw new Error(
        `node --build-snapshot failed (${built.status ?? built.signal}): ${built.stderr.replace(/^\(node:\d+\) Warning:.*\n(?:.*\n)*?(?=\S)/gm, "").slice(-2000)}`,
      );
    // The declaration files it holds parsed count too: changed typings mean a new snapshot.
    inputs.push(...(JSON.parse(readFileSync(`${tmp}.inputs`, "utf8")) as Manifest["inputs"]));
    // Files changed while it was built: it may hold some of each; not published.
    if (!unchanged(inputs) || compilerStamp() !== stamp)
      throw new Error("bpyts changed while its snapshot was built");
    const manifest: Manifest = {
      version,
      node: process.version,
      stamp,
      blob: `${name}.blob`,
      size: statSync(`${tmp}.blob`).size,
      inputs,
    };
    chmodSync(`${tmp}.blob`, 0o600);
    renameSync(`${tmp}.blob`, join(dir, `${name}.blob`));
    writeFileSync(`${tmp}.json`, JSON.stringify(manifest), { mode: 0o600 });
    renameSync(`${tmp}.json`, join(dir, `${name}.json`));
    prune(dir);
    return join(dir, `${name}.blob`);
  } finally {
    discard(`${tmp}.cjs`, `${tmp}.blob`, `${tmp}.json`, `${tmp}.inputs`);
  }
}

/**
 * A snapshot for `version` built in a detached, low-priority process unless one exists or is
 * being built (a lock file per snapshot). Never throws: this is only ever an optimisation.
 */
export function scheduleSnapshot(stamp: string, version: string): void {
  try {
    if (!snapshotsEnabled() || findSnapshot(stamp, version)) return;
    const dir = storeDir();
    if (!dir) return;
    const name = join(dir, nameOf(stamp, version));
    // A build that failed left its log: not retried for a day (each would fail the same way).
    const failed = statSync(`${name}.log`, { throwIfNoEntry: false });
    if (failed && Date.now() - failed.mtimeMs < RETRY_FAILED_MS) return;
    const lock = `${name}.lock`;
    try {
      closeSync(openSync(lock, "wx", 0o600));
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < STALE_LOCK_MS) return; // another process builds it
      rmSync(lock, { force: true });
      closeSync(openSync(lock, "wx", 0o600));
    }
    const log = openSync(`${name}.log`, "w", 0o600);
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL("./snapshot-main.js", import.meta.url)), stamp, version, lock],
      { detached: true, stdio: ["ignore", log, log], cwd: dir, env: process.env },
    );
    closeSync(log);
    child.on("error", () => rmSync(lock, { force: true }));
    if (child.pid)
      try {
        setPriority(child.pid, 19); // what the user runs next comes first
      } catch {
        /* normal priority then */
      }
    child.unref();
  } catch {
    /* no snapshot: the plain start stays */
  }
}

/**
 * Every module keeps the paths it had on disk: `import.meta.url`/`dirname` and CommonJS
 * `__filename`/`__dirname` (TypeScript finds its lib files from its own) name the bundled file,
 * not the bundle — module-scoped variables (`define` points `import.meta.*` at them), absolute:
 * the bundle lives only as long as those files stay unchanged.
 */
const ownPaths = {
  name: "own-paths",
  setup(b: {
    onLoad(
      o: { filter: RegExp },
      f: (a: { path: string }) => Promise<{ contents: string; loader: "js" } | undefined>,
    ): void;
  }) {
    b.onLoad({ filter: /\.[cm]?js$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      if (!/import\.meta|__filename|__dirname/.test(text)) return undefined;
      const vars = {
        [META_URL]: pathToFileURL(path).href,
        [META_DIRNAME]: dirname(path),
        __filename: path,
        __dirname: dirname(path),
      };
      const preamble = Object.entries(vars)
        .map(([k, v]) => `var ${k} = ${JSON.stringify(v)};`)
        .join(" ");
      // One line: the module's own lines keep their numbers.
      return { contents: `${preamble} ${text}`, loader: "js" };
    });
  },
};
