// `bpyts run examples/hello.ts` against plain Blender running the already-compiled hello.py
// (`blender -b --factory-startup --python-exit-code 1 --python hello.py`), measured in the same
// run, alternating, median of N (issue 14). Rows: a cold first run (no compile cache), an
// unchanged rerun (cache hit: no compiler loaded), a one-line edit then rerun (cache miss).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "packages/cli/dist/bin.js");
const BLENDER = process.env.BLENDER ?? "/usr/bin/blender";
const N = Number(process.env.BPYTS_BENCH_N ?? 5);

function timed(command, args, cwd) {
  const start = performance.now();
  execFileSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  return performance.now() - start;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function latency() {
  const work = mkdtempSync(join(tmpdir(), "bpyts-bench-latency-"));
  try {
    const entry = join(work, "hello.ts");
    copyFileSync(join(ROOT, "examples/hello.ts"), entry);
    const source = readFileSync(entry, "utf8");
    const cache = join(work, "node_modules"); // no package.json: the cache lives beside the script
    execFileSync(process.execPath, [BIN, "build", entry, "-o", join(work, "hello.py")], {
      stdio: "ignore",
    });
    const bpyts = () =>
      timed(process.execPath, [BIN, "run", entry, "--blender", BLENDER, "--no-progress"], work);
    const plain = () =>
      timed(
        BLENDER,
        ["-b", "--factory-startup", "--python-exit-code", "1", "--python", join(work, "hello.py")],
        work,
      );
    const runs = { cold: [], rerun: [], edit: [], plain: [] };
    for (let i = 0; i < N; i++) {
      runs.plain.push(plain());
      rmSync(cache, { recursive: true, force: true });
      runs.cold.push(bpyts());
      runs.rerun.push(bpyts());
      writeFileSync(entry, `${source}\nconsole.log("edit ${i}");\n`);
      runs.edit.push(bpyts());
    }
    const baseline = { label: "plain blender --python hello.py", ms: median(runs.plain) };
    return [
      {
        name: "run hello: cold (no cache)",
        subject: { label: "bpyts run", ms: median(runs.cold) },
        baseline,
        goal: "≤ 1.3×",
      },
      {
        name: "run hello: unchanged rerun",
        subject: { label: "bpyts run", ms: median(runs.rerun) },
        baseline,
        goal: "≤ 1.1×",
      },
      {
        name: "run hello: one-line edit",
        subject: { label: "bpyts run", ms: median(runs.edit) },
        baseline,
        goal: "≤ 1.3×",
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
