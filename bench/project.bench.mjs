// Project mode (bpyts check with no entry = every file of the tsconfig, then every entry
// compiled) against TypeScript's own project check, both as fresh processes on the same
// `init`-style project: the tsconfig `bpyts init` writes (initTsconfig, Blender 3.4 typings and
// `bpyts/types` through `types`), node_modules linked to this checkout's packages as `npm install`
// links them, src/ = the 9-file compiler bench project (bench/fixtures/compiler/project).
// Subject: `bpyts check` in the project folder; baseline: `tsc --noEmit -p` on the same folder.
// Warm OS cache (one run each first), then the median of 5 alternating runs.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export default async function () {
  const { initTsconfig } = await import(
    pathToFileURL(join(ROOT, "packages/cli/dist/project.js")).href
  );
  const dir = mkdtempSync(join(tmpdir(), "bpyts-bench-project-"));
  try {
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify(initTsconfig("@bpyts/blender-3.4"), null, 2),
    );
    writeFileSync(
      join(dir, "package.json"),
      '{ "name": "bench", "private": true, "type": "module" }',
    );
    mkdirSync(join(dir, "node_modules/@bpyts"), { recursive: true });
    symlinkSync(join(ROOT, "packages/cli"), join(dir, "node_modules/bpyts"));
    for (const p of ["compiler", "runner", "blender-3.4"])
      symlinkSync(join(ROOT, "packages", p), join(dir, "node_modules/@bpyts", p));
    cpSync(join(ROOT, "bench/fixtures/compiler/project"), join(dir, "src"), { recursive: true });

    const bin = join(ROOT, "packages/cli/dist/bin.js");
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const run = (args) => {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
      const ms = performance.now() - t;
      if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
      return ms;
    };
    const bpyts = () => run([bin, "check"]);
    const tscRun = () => run([tsc, "--noEmit", "-p", dir]);
    bpyts();
    tscRun();
    const a = [];
    const b = [];
    for (let i = 0; i < 5; i++) {
      a.push(bpyts());
      b.push(tscRun());
    }
    return [
      {
        name: "check an init project (9 files, Blender 3.4 typings), fresh process, project mode",
        subject: { label: "bpyts check (all files + entries compiled)", ms: median(a) },
        baseline: { label: "tsc --noEmit -p", ms: median(b) },
        goal: "≤ 1.3×",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
