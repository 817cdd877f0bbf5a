// `bpyts run examples/hello.ts` against plain Blender running the already-compiled hello.py
// (`blender -b --factory-startup --python-exit-code 1 --python hello.py`), measured in the same
// run, alternating, median of N (issue 14). Rows:
// - first run ever: no compile cache, no compile server, Blender's version not yet known, no
//   start-up snapshot (a private $TMPDIR per run: the user folder holding the server's socket,
//   the versions and the snapshots); the snapshot it has built in the background is awaited
//   before the next measurement;
// - a cold first run: no compile cache, no compile server, Blender not known, but the compile
//   server's start-up snapshot built by an earlier run (what every later "first run" meets: a
//   new project after the server has gone idle, after a reboot only if $TMPDIR survives it);
// - a new project's first run: no compile cache, but the compile server is warm and the Blender
//   known from an earlier run (the usual "new script" case);
// - an unchanged rerun (cache hit: no compiler loaded);
// - a one-line edit then rerun (cache miss, compiled by the warm server), and the same with the
//   server switched off (BPYTS_COMPILE_SERVER=0: the compile runs in the command's process);
// - the floor: a bare Node process that spawns the plain baseline's Blender and waits
//   (bench/fixtures/spawn-blender.cjs): what any Node command adds to Blender — Node's own start.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "packages/cli/dist/bin.js");
const BLENDER = process.env.BLENDER ?? "/usr/bin/blender";
const N = Number(process.env.BPYTS_BENCH_N ?? 5);

function timed(command, args, cwd, env = process.env) {
  const start = performance.now();
  execFileSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  return performance.now() - start;
}
/** The start-up snapshot a first run has started building, built (it competes for the CPU). */
async function builderDone(tmp) {
  const store = join(tmp, `bpyts-${process.getuid()}`, "snapshots");
  for (const end = Date.now() + 120_000; Date.now() < end;) {
    if (!existsSync(store) || !readdirSync(store).some((f) => f.endsWith(".lock"))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function latency() {
  const work = mkdtempSync(join(tmpdir(), "bpyts-bench-latency-"));
  const users = [];
  const userTmp = () => {
    const t = join(work, `tmp-${users.length}`);
    mkdirSync(t);
    users.push(t);
    return { ...process.env, TMPDIR: t };
  };
  try {
    const entry = join(work, "hello.ts");
    copyFileSync(join(ROOT, "examples/hello.ts"), entry);
    const source = readFileSync(entry, "utf8");
    const cache = join(work, "node_modules"); // no package.json: the cache lives beside the script
    execFileSync(process.execPath, [BIN, "build", entry, "-o", join(work, "hello.py")], {
      stdio: "ignore",
      env: { ...process.env, BPYTS_COMPILE_SERVER: "0" },
    });
    const bpyts = (env) =>
      timed(
        process.execPath,
        [BIN, "run", entry, "--blender", BLENDER, "--no-progress"],
        work,
        env,
      );
    const plain = () =>
      timed(
        BLENDER,
        ["-b", "--factory-startup", "--python-exit-code", "1", "--python", join(work, "hello.py")],
        work,
      );
    const warm = userTmp(); // one user's world for the warm rows
    const snapped = userTmp(); // one with a snapshot, its server stopped before each run
    execFileSync(process.execPath, [BIN, "compile-server", "snapshot", "3.4"], {
      env: snapped,
      stdio: "ignore",
    });
    const stopServer = (env) =>
      execFileSync(process.execPath, [BIN, "compile-server", "stop"], { env, stdio: "ignore" });
    const floor = () =>
      timed(
        process.execPath,
        [join(ROOT, "bench/fixtures/spawn-blender.cjs"), BLENDER, join(work, "hello.py")],
        work,
      );
    const runs = {
      floor: [],
      first: [],
      cold: [],
      fresh: [],
      rerun: [],
      edit: [],
      editOff: [],
      plain: [],
    };
    for (let i = 0; i < N; i++) {
      runs.plain.push(plain());
      runs.floor.push(floor());
      rmSync(cache, { recursive: true, force: true });
      const ever = userTmp();
      runs.first.push(bpyts(ever));
      await builderDone(ever.TMPDIR);
      rmSync(cache, { recursive: true, force: true });
      stopServer(snapped);
      rmSync(join(snapped.TMPDIR, `bpyts-${process.getuid()}`, "blenders.json"), { force: true });
      runs.cold.push(bpyts(snapped));
      rmSync(cache, { recursive: true, force: true });
      bpyts(warm); // the server (re)started and warm, the Blender known
      rmSync(cache, { recursive: true, force: true });
      runs.fresh.push(bpyts(warm));
      runs.rerun.push(bpyts(warm));
      writeFileSync(entry, `${source}\nconsole.log("edit ${i}");\n`);
      runs.edit.push(bpyts(warm));
      writeFileSync(entry, `${source}\nconsole.log("edit off ${i}");\n`);
      runs.editOff.push(bpyts({ ...warm, BPYTS_COMPILE_SERVER: "0" }));
    }
    const baseline = { label: "plain blender --python hello.py", ms: median(runs.plain) };
    const row = (name, label, xs, goal) => ({
      name,
      subject: { label, ms: median(xs) },
      baseline,
      goal,
    });
    return [
      row(
        "floor: Node spawning the same plain Blender, nothing else",
        "node spawn-blender.cjs",
        runs.floor,
        "info",
      ),
      row(
        "run hello: first run ever (no cache, no server, no snapshot)",
        "bpyts run",
        runs.first,
        "info",
      ),
      row(
        "run hello: cold first run (no cache, no server; snapshot built)",
        "bpyts run",
        runs.cold,
        "≤ 1.3×",
      ),
      row("run hello: a new project's first run (no cache)", "bpyts run", runs.fresh, "info"),
      row("run hello: unchanged rerun", "bpyts run", runs.rerun, "≤ 1.1×"),
      row("run hello: one-line edit", "bpyts run", runs.edit, "≤ 1.3×"),
      row("run hello: one-line edit, BPYTS_COMPILE_SERVER=0", "bpyts run", runs.editOff, "info"),
    ];
  } finally {
    // Each user world's server goes with its folder (it exits when its socket is removed);
    // asked to stop first so none outlives the bench.
    for (const t of users)
      try {
        execFileSync(process.execPath, [BIN, "compile-server", "stop"], {
          env: { ...process.env, TMPDIR: t },
          stdio: "ignore",
        });
      } catch {
        /* none there */
      }
    rmSync(work, { recursive: true, force: true });
  }
}
