// Project mode (bpyts check with no entry = every file of the tsconfig, then every entry
// compiled) against TypeScript's own project check, both as fresh processes on the same
// `init`-style project: the tsconfig `bpyts init` writes (initTsconfig, Blender 3.4 typings and
// `bpyts/types` through `types`), node_modules linked to this checkout's packages as `npm install`
// links them. Two projects: src/ = hello (examples/hello.ts, issue 14's row) and src/ = the 9-file
// compiler bench project (bench/fixtures/compiler/project).
// Subject: `bpyts check` in the project folder, with the compile server (the default: warm after
// the first command) and without it (BPYTS_COMPILE_SERVER=0: TypeScript loaded and the typings
// parsed by the command itself, as tsc does); baseline: `tsc --noEmit -p` on the same folder.
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

function project(ROOT, initTsconfig, name, fill) {
  const dir = mkdtempSync(join(tmpdir(), `bpyts-bench-project-${name}-`));
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
  fill(join(dir, "src"));
  return dir;
}

export default async function () {
  const { initTsconfig } = await import(
    pathToFileURL(join(ROOT, "packages/cli/dist/project.js")).href
  );
  const bin = join(ROOT, "packages/cli/dist/bin.js");
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  // The bench's own user folder: its compile server is its own, stopped at the end.
  const tmp = mkdtempSync(join(tmpdir(), "bpyts-bench-project-tmp-"));
  const on = { ...process.env, TMPDIR: tmp };
  const off = { ...on, BPYTS_COMPILE_SERVER: "0" };
  const dirs = [];
  try {
    const hello = project(ROOT, initTsconfig, "hello", (src) => {
      mkdirSync(src);
      cpSync(join(ROOT, "examples/hello.ts"), join(src, "main.ts"));
    });
    const nine = project(ROOT, initTsconfig, "nine", (src) =>
      cpSync(join(ROOT, "bench/fixtures/compiler/project"), src, { recursive: true }),
    );
    dirs.push(hello, nine);
    const rows = [];
    for (const [dir, label] of [
      [hello, "check a hello project (1 file, Blender 3.4 typings), fresh process"],
      [nine, "check an init project (9 files, Blender 3.4 typings), fresh process, project mode"],
    ]) {
      const run = (args, env) => {
        const t = performance.now();
        const r = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", env });
        const ms = performance.now() - t;
        if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
        return ms;
      };
      const served = () => run([bin, "check"], on);
      const alone = () => run([bin, "check"], off);
      const tscRun = () => run([tsc, "--noEmit", "-p", dir], process.env);
      served();
      alone();
      tscRun();
      const a = [];
      const b = [];
      const c = [];
      for (let i = 0; i < 5; i++) {
        a.push(served());
        b.push(alone());
        c.push(tscRun());
      }
      const baseline = { label: "tsc --noEmit -p", ms: median(c) };
      const hello1 = dir === hello;
      rows.push(
        {
          name: `${label}, compile server warm`,
          subject: { label: "bpyts check", ms: median(a) },
          baseline,
          goal: hello1 ? "≤ 1.2×" : "≤ 1.3×",
        },
        {
          name: `${label}, BPYTS_COMPILE_SERVER=0`,
          subject: { label: "bpyts check", ms: median(b) },
          baseline,
          goal: "info",
        },
      );
    }
    return rows;
  } finally {
    spawnSync(process.execPath, [bin, "compile-server", "stop"], { env: on });
    for (const d of [...dirs, tmp]) rmSync(d, { recursive: true, force: true });
  }
}
