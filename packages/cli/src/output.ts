/**
 * The one way the CLI writes an output file (`build -o` and its `.map`, `build --addon` zips,
 * `introspect -o`, `api-diff -o`, the files of `generate -o`).
 *
 * - Only a regular file or a missing path is written. A directory, device node, FIFO, socket or
 *   symbolic link is refused (BPY0026) instead of being replaced by a regular file (the write is a
 *   rename, so `-o /dev/null` would otherwise turn the device into a file; a symlink would be
 *   replaced, not followed — we refuse rather than guess which the user meant).
 * - An input of the command (the entry, any source of the program, a schema being read) is never
 *   an output (BPY0025): compared by path and by inode, so hard links and `./x/../x` are caught.
 * - Atomic: each file is written to a unique temp name in its own folder
 *   (`.<name>.<pid>.<random>.tmp`) and renamed over the target, so a reader sees the old file or
 *   the new one, never half of one. Temps are removed on every error and on SIGINT/SIGTERM/SIGHUP.
 * - Several files form a set (`out.py` + `out.py.map`): they are renamed in order, the first file
 *   (the one readers open, e.g. the .py) last, and then checked. If the first file is ours but a
 *   companion was replaced meanwhile by a concurrent writer, the set is written again, so the
 *   writer that renamed last always leaves a matching pair (lock-free; a killed writer cannot
 *   leave a stale lock behind).
 */
import { randomBytes } from "node:crypto";
import { existsSync, unlinkSync, writeFileSync } from "node:fs";
import { lstat, mkdir, open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CliError } from "./errors.js";

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

export interface WriteOptions {
  /** Files the command reads (entry, sources, schemas): refused as outputs (BPY0025). */
  inputs?: readonly string[];
  /** How to name the output in messages (default: the path as given). */
  label?: string;
}

/** Attempts at leaving a matching set when other processes keep writing the same outputs. */
const MAX_ATTEMPTS = 50;

/**
 * Refuse `path` as an output unless it is a regular file or absent, and unless it is none of
 * `inputs`. Called before long work (compiling, running Blender) and again by writeOutputs.
 */
export async function checkOutputPath(
  path: string,
  inputs: readonly string[] = [],
  label = path,
): Promise<void> {
  const file = resolve(path);
  const info = await lstat(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return undefined;
    throw new CliError("BPY0002", `cannot write ${label}: ${e.message}`);
  });
  if (info && !info.isFile())
    throw new CliError(
      "BPY0026",
      `refusing to write ${label}: it is ${kindOf(info)}, not a regular file (bpyts replaces ` +
        `outputs by renaming a new file over them; name a regular file or a new path)`,
    );
  const where = await canonical(file);
  for (const input of inputs) {
    const source = resolve(input);
    let same = where === (await canonical(source));
    if (!same && info) {
      const other = await stat(source).catch(() => undefined);
      same = other !== undefined && other.ino === info.ino && other.dev === info.dev;
    }
    if (same)
      throw new CliError(
        "BPY0025",
        `refusing to write ${label}: it is an input of this command` +
          (source === file ? "" : ` (the same file as ${input})`) +
          "; choose another output path",
        source,
      );
  }
}

/**
 * Write `files` as one set (see the module comment). Throws CliError BPY0025/BPY0026 (refused,
 * nothing written) or BPY0002 (cannot write; previous outputs and no temp left behind).
 */
export async function writeOutputs(
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<void> {
  const targets = files.map((f) => ({ ...f, path: resolve(f.path) }));
  const label = (i: number) => (i === 0 && options.label) || files[i]!.path;
  for (const [i, t] of targets.entries()) await checkOutputPath(t.path, options.inputs, label(i));
  let pausedOnce = false;
  for (let attempt = 1; ; attempt++) {
    const temps: { path: string; target: string; ino: number; dev: number }[] = [];
    try {
      for (const [i, t] of targets.entries()) {
        try {
          await mkdir(dirname(t.path), { recursive: true });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          const why =
            code === "EEXIST" || code === "ENOTDIR"
              ? `a parent of ${t.path} is not a folder`
              : (e as Error).message;
          throw new CliError("BPY0002", `cannot write ${label(i)}: ${why}`);
        }
        try {
          temps.push(await writeTemp(t.path, t.data));
        } catch (e) {
          throw new CliError("BPY0002", `cannot write ${label(i)}: ${(e as Error).message}`);
        }
      }
      if (!pausedOnce) await testPause("before-rename");
      // A path that became a special file or a link since the first check is still refused.
      for (const [i, t] of targets.entries())
        await checkOutputPath(t.path, options.inputs, label(i));
      // Companions first, the main file last: the main file's arrival completes the set. A
      // signal meanwhile waits until the set is complete (the renames take microseconds).
      committing++;
      try {
        for (let k = temps.length - 1; k >= 0; k--) {
          const t = temps[k]!;
          try {
            await rename(t.path, t.target);
          } catch (e) {
            throw new CliError("BPY0002", `cannot write ${label(k)}: ${(e as Error).message}`);
          }
          pending.delete(t.path);
          if (k === 1 && !pausedOnce) await testPause("between-renames");
        }
      } finally {
        committing--;
        if (committing === 0 && deferred) onSignal(deferred);
      }
      pausedOnce = true;
      if (await setIsConsistent(temps)) return;
    } finally {
      await removeTemps(temps.map((t) => t.path));
    }
    if (attempt >= MAX_ATTEMPTS)
      throw new CliError(
        "BPY0002",
        `cannot write ${label(0)}: other processes kept replacing ${basename(targets[1]!.path)} ` +
          `while it was written (${MAX_ATTEMPTS} attempts)`,
      );
    await sleep(Math.floor(Math.random() * 10 * Math.min(attempt, 10)));
  }
}

/**
 * After the renames: the set is done unless our main file is in place while a companion was
 * replaced by another writer (whose own main file we then overwrote). If our main file was itself
 * replaced, the writer that replaced it checks its own set.
 */
async function setIsConsistent(temps: { target: string; ino: number; dev: number }[]) {
  const isOurs = async (t: { target: string; ino: number; dev: number }) => {
    const s = await lstat(t.target).catch(() => undefined);
    return s !== undefined && s.ino === t.ino && s.dev === t.dev;
  };
  if (temps.length < 2 || !(await isOurs(temps[0]!))) return true;
  for (const t of temps.slice(1)) if (!(await isOurs(t))) return false;
  return true;
}

async function writeTemp(target: string, data: string | Uint8Array) {
  const path = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  track(path);
  let handle;
  try {
    // "wx": never open an existing file (or follow a link planted under the temp name).
    handle = await open(path, "wx");
  } catch (e) {
    pending.delete(path); // not ours to remove
    await removeTemps([]);
    throw e;
  }
  try {
    try {
      await handle.writeFile(data);
      const { ino, dev } = await handle.stat();
      return { path, target, ino, dev };
    } finally {
      await handle.close();
    }
  } catch (e) {
    await removeTemps([path]);
    throw e;
  }
}

async function removeTemps(paths: string[]) {
  for (const p of paths) {
    if (!pending.has(p)) continue;
    await unlink(p).catch(() => {});
    pending.delete(p);
  }
  if (pending.size === 0) untrapSignals();
}

/** The real path of `file`, through its real parent folder when the file itself is missing. */
async function canonical(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    const parent = dirname(file);
    return parent === file ? file : join(await canonical(parent), basename(file));
  }
}

function kindOf(info: Awaited<ReturnType<typeof lstat>>): string {
  if (info.isDirectory()) return "a directory";
  if (info.isSymbolicLink()) return "a symbolic link";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

// --- temps removed on a signal or process.exit during a write ---------------------------------

const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let trapped = false;

function track(path: string) {
  pending.add(path);
  if (trapped) return;
  trapped = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on("exit", removeAllSync);
}

function untrapSignals() {
  if (!trapped) return;
  trapped = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off("exit", removeAllSync);
}

function removeAllSync() {
  for (const p of pending) {
    try {
      unlinkSync(p);
    } catch {
      // already renamed or removed
    }
  }
  pending.clear();
}

/** Renames in progress, and a signal that arrived during them (handled once they are done). */
let committing = 0;
let deferred: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals) {
  if (committing > 0) {
    deferred ??= signal;
    return;
  }
  deferred = undefined;
  removeAllSync();
  untrapSignals();
  // With no other listener left, die of the signal as if we had never trapped it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

// --- test-only hook ----------------------------------------------------------------------------

/**
 * Test hook (test/reliability/files.test.ts): with BPYTS_TEST_OUTPUT_PAUSE="<stage>:<marker>"
 * (stage `before-rename` or `between-renames`), the writer creates the file <marker> at that
 * stage and waits until it is deleted (at most 60 s), so a test can signal or race a write at a
 * known point without timing. Needs both an exact stage name and a marker path; inert otherwise.
 */
async function testPause(stage: "before-rename" | "between-renames"): Promise<void> {
  const hook = process.env.BPYTS_TEST_OUTPUT_PAUSE;
  if (!hook?.startsWith(`${stage}:`)) return;
  const marker = hook.slice(stage.length + 1);
  if (!marker) return;
  writeFileSync(marker, `${process.pid}\n`);
  const until = Date.now() + 60_000;
  while (existsSync(marker) && Date.now() < until) await sleep(20);
}
