// `bpyts run examples/hello.ts` against plain Blender running the already-compiled hello.py
// (`blender -b --factory-startup --python-exit-code 1 --python hello.py`), measured in the same
// run, alternating, median of N (issue 14). Rows:
// - first run ever: no compile cache, no compile server, Blender's version not yet known
//   (a private $TMPDIR per run: the user folder holding the server's socket and the versions);
// - a new project's first run: no compile cache, but the compile server is warm and the Blender
//   known from an earlier run (the usual "new script" case);
// - an unchanged rerun (cache hit: no compiler loaded);
// - a one-line edit then rerun (cache miss, compiled by the warm server), and the same with the
//   server switched off (BPYTS_COMPILE_SERVER=0: the compile runs in the command's process).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
    const runs = { first: [], fresh: [], rerun: [], edit: [], editOff: [], plain: [] };
    for (let i = 0; i < N; i++) {
      runs.plain.push(plain());
      rmSync(cache, { recursive: true, force: true });
      runs.first.push(bpyts(userTmp()));
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
      row("run hello: first run ever (no cache, no server)", "bpyts run", runs.first, "≤ 1.3×"),
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
