// Full API dump of Blender 3.4 (introspect/python/bpyts_introspect.py, Blender start-up included)
// against a trivial-script Blender run, both measured here (median of a few runs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("../introspect/python/bpyts_introspect.py", import.meta.url));
const blender = process.env.BLENDER ?? "/usr/bin/blender";
const RUNS = 5;

function time(args) {
  const t0 = performance.now();
  const r = spawnSync(blender, args, { stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${blender} ${args.join(" ")} failed: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), "bpyts-bench-introspect-"));
  try {
    const trivial = join(dir, "trivial.py");
    writeFileSync(trivial, "import bpy\n");
    const base = ["--background", "--factory-startup", "--python-exit-code", "1", "--python"];
    time([...base, trivial]); // warm the page cache
    const dump = [];
    const plain = [];
    for (let i = 0; i < RUNS; i++) {
      plain.push(time([...base, trivial]));
      dump.push(time([...base, script, "--", "--output", join(dir, "schema.json")]));
    }
    return [
      {
        name: "introspect: full API dump (Blender 3.4)",
        subject: { label: "dump", ms: median(dump) },
        baseline: { label: "blender, trivial script", ms: median(plain) },
        goal: "dump ≤ 1.5 s",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
