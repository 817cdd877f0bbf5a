/**
 * The compile server (src/compile-server): the same output and errors as an in-process compile,
 * warm reuse across commands, exact cache inputs, and every way it can fail ending in an
 * in-process compile. Each test gets its own $TMPDIR, so its servers are its own; they are
 * stopped (or exit, their socket gone) when the folder is removed.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bin,
  bpyts,
  cleanupsAfterEach,
  compilerReady,
  helloFolder,
  helloSource,
  typingsReady,
} from "./helpers.js";

const hello = helloSource();
const uid = process.getuid!();
const cleanup = cleanupsAfterEach();

/** A project folder and a private $TMPDIR (where the servers' sockets live). */
async function world() {
  const { dir, tmp } = await helloFolder("bpyts compile server ");
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    TMPDIR: tmp,
    BPYTS_COMPILE_SERVER: "1",
    ...extra,
  });
  const cli = (args: string[], extra?: Record<string, string>) =>
    bpyts(args, { cwd: dir, env: env(extra) });
  const status = async () => {
    const r = await cli(["compile-server", "status"]);
    const m = /pid (\d+), (\d+) jobs/.exec(r.stdout);
    return m ? { pid: Number(m[1]), jobs: Number(m[2]) } : undefined;
  };
  cleanup(async () => {
    await cli(["compile-server", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, tmp, env, cli, status };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function exits(pid: number, withinMs: number): Promise<boolean> {
  for (const end = Date.now() + withinMs; Date.now() < end;)
    if (!alive(pid)) return true;
    else await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

describe.skipIf(!compilerReady || !typingsReady)("compile server", () => {
  it("compiles what an in-process compile gives: output, map, warnings, errors", async () => {
    const w = await world();
    const off = { BPYTS_COMPILE_SERVER: "0" };
    const a = await w.cli(["build", "hello.ts", "-o", "a.py", "--target", "3.4"], off);
    const b = await w.cli(["build", "hello.ts", "-o", "b.py", "--target", "3.4"]);
    expect([a.exitCode, b.exitCode], a.stderr + b.stderr).toEqual([0, 0]);
    expect(readFileSync(join(w.dir, "b.py"), "utf8")).toBe(
      readFileSync(join(w.dir, "a.py"), "utf8"),
    );
    const map = (f: string) => ({ ...JSON.parse(readFileSync(join(w.dir, f), "utf8")), file: 0 });
    expect(map("b.py.map")).toEqual(map("a.py.map"));
    expect(await w.status()).toMatchObject({ jobs: 1 });
    // A type error, a BPY diagnostic with a warning beside it, and a driver error (-p).
    writeFileSync(join(w.dir, "bad.ts"), `const n: number = "x";\nconsole.log(n);\n`);
    writeFileSync(
      join(w.dir, "refused.ts"),
      `const o = { u: undefined, v: 1 };\nconsole.log(JSON.stringify(o));\nconst s = Symbol("x");\nconsole.log(s);\n`,
    );
    for (const args of [
      ["check", "bad.ts", "--target", "3.4"],
      ["check", "refused.ts", "--target", "3.4"],
      ["check", "hello.ts", "-p", "nowhere/tsconfig.json"],
    ]) {
      const inProcess = await w.cli(args, off);
      const served = await w.cli(args);
      expect(served.stderr, args.join(" ")).toBe(inProcess.stderr);
      expect(served.exitCode).toBe(inProcess.exitCode);
      expect(served.stderr).toMatch(/error (TS|BPY)\d+/);
    }
  });

  it("keeps one warm server across commands, and an edit is compiled fresh", async () => {
    const w = await world();
    expect((await w.cli(["check", "hello.ts", "--target", "3.4"])).exitCode).toBe(0);
    const first = await w.status();
    expect(first).toBeDefined();
    writeFileSync(join(w.dir, "hello.ts"), `${hello}\nconsole.log("edited line");\n`);
    const r = await w.cli(["build", "hello.ts", "-o", "out.py", "--target", "3.4"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(join(w.dir, "out.py"), "utf8")).toContain('print("edited line")');
    expect(await w.status()).toEqual({ pid: first!.pid, jobs: first!.jobs + 1 });
  });

  it("a first run compiles for the guessed version at once; an unguessable Blender gets a warm-up", async () => {
    const w = await world();
    // Debian's blender: its version is guessed from the package, the compile starts as soon as
    // Blender has been spawned — one job, no warm-up.
    const r = await w.cli(["run", "hello.ts", "--blender", "/usr/bin/blender"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\S/);
    expect(await w.status()).toMatchObject({ jobs: 1 });
    // A wrapper says nothing of its version: the server warms up while Blender starts, and the
    // compile follows Blender's report.
    const wrapper = join(w.dir, "bl");
    writeFileSync(wrapper, `#!/bin/sh\nexec /usr/bin/blender "$@"\n`);
    chmodSync(wrapper, 0o755);
    writeFileSync(join(w.dir, "wrapped.ts"), `console.log("wrapped");\n`);
    const wrapped = await w.cli(["run", "wrapped.ts", "--blender", wrapper]);
    expect(wrapped.exitCode, wrapped.stderr).toBe(0);
    expect(wrapped.stdout).toContain("wrapped");
    expect(await w.status()).toMatchObject({ jobs: 3 }); // the warm-up, then the compile
    // Blender is known now: the next new script compiles without a warm-up.
    writeFileSync(join(w.dir, "next.ts"), `console.log("next script");\n`);
    const next = await w.cli(["run", "next.ts", "--blender", wrapper]);
    expect(next.stdout).toContain("next script");
    expect(await w.status()).toMatchObject({ jobs: 4 });
  });

  it("keeps serving after the folder it was started from is removed", async () => {
    const w = await world();
    const sub = join(w.dir, "sub");
    mkdirSync(sub);
    writeFileSync(join(sub, "a.ts"), `console.log("a");\n`);
    const first = await bpyts(["check", "a.ts", "--target", "3.4"], { cwd: sub, env: w.env() });
    expect(first.exitCode, first.stderr).toBe(0);
    const before = (await w.status())!;
    rmSync(sub, { recursive: true, force: true });
    expect((await w.cli(["check", "hello.ts", "--target", "3.4"])).exitCode).toBe(0);
    expect(await w.status()).toEqual({ pid: before.pid, jobs: before.jobs + 1 });
  });

  it("records the typings as cache inputs even when the warm server did not reread them", async () => {
    const w = await world();
    const entry = join(w.dir, "hello.ts");
    const saved = { ...process.env };
    Object.assign(process.env, w.env());
    try {
      // The built client: it starts the built server (src/ has no runnable main.js).
      const client = "../dist/compile-server/client.js";
      const { compileServed } = (await import(
        /* @vite-ignore */ client
      )) as typeof import("../src/compile-server/client.js");
      const cold = await compileServed(entry, { version: "3.4" }, true);
      const warm = await compileServed(entry, { version: "3.4" }, true);
      const typings = (i: { path: string }[] = []) =>
        i.map((x) => x.path).filter((p) => p.endsWith("blender-3.4/index.d.ts"));
      expect(typings(cold.inputs)).toHaveLength(1);
      expect(typings(warm.inputs)).toEqual(typings(cold.inputs));
      expect(warm.inputs!.map((i) => i.path).sort()).toEqual(
        cold.inputs!.map((i) => i.path).sort(),
      );
      expect(warm.compiled.python).toBe(cold.compiled.python);
      expect(await w.status()).toMatchObject({ jobs: 2 }); // both compiled by the server
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it("a server of another build steps aside: a new one compiles", async () => {
    const w = await world();
    expect((await w.cli(["check", "hello.ts", "--target", "3.4"])).exitCode).toBe(0);
    const first = (await w.status())!;
    const socket = /socket: (.*)/.exec((await w.cli(["compile-server", "status"])).stdout)![1]!;
    await w.cli(["compile-server", "stop"]);
    expect(await exits(first.pid, 5_000)).toBe(true);
    // An impostor built from other files, on our socket name.
    const old = spawn(
      process.execPath,
      [join(bin, "../compile-server/main.js"), socket, "0".repeat(64)],
      { stdio: ["ignore", "pipe", "ignore"], env: w.env() },
    );
    await new Promise((r) => old.stdout.once("data", r));
    const r = await w.cli(["check", "hello.ts", "--target", "3.4"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(await exits(old.pid!, 5_000)).toBe(true);
    expect((await w.status())?.pid).not.toBe(old.pid);
  });

  it("a server gone in the middle of a job: the command compiles itself and says so", async () => {
    const w = await world();
    // Learn the socket's name, then put a listener there that hangs up on every job.
    expect((await w.cli(["check", "hello.ts", "--target", "3.4"])).exitCode).toBe(0);
    const socket = /socket: (.*)/.exec((await w.cli(["compile-server", "status"])).stdout)![1]!;
    await w.cli(["compile-server", "stop"]);
    await new Promise((r) => setTimeout(r, 300));
    rmSync(socket, { force: true });
    const broken = createServer((c) => c.once("data", () => c.destroy()));
    await new Promise<void>((r) => broken.listen(socket, r));
    cleanup(() => new Promise<void>((r) => broken.close(() => r())));
    const r = await w.cli(["build", "hello.ts", "-o", "out.py", "--target", "3.4"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      "bpyts: the compile server stopped during the compile; compiling in this process",
    );
    expect(readFileSync(join(w.dir, "out.py"), "utf8")).toContain("print(");
  });

  it("a socket folder others can read is not used", async () => {
    const w = await world();
    const folder = join(w.tmp, `bpyts-${uid}`);
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const r = await w.cli(["check", "hello.ts", "--target", "3.4"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${folder} is not a private folder of this user`);
    expect(existsSync(folder) && (await w.status())).toBe(undefined);
  });

  it("exits when idle, and when its socket is removed", async () => {
    const w = await world();
    const quick = { BPYTS_COMPILE_SERVER_IDLE: "1" };
    expect((await w.cli(["check", "hello.ts", "--target", "3.4"], quick)).exitCode).toBe(0);
    const idle = (await w.status())!;
    expect(await exits(idle.pid, 10_000)).toBe(true);
    expect((await w.cli(["check", "hello.ts", "--target", "3.4"])).exitCode).toBe(0);
    const s = (await w.status())!;
    rmSync(join(w.tmp, `bpyts-${uid}`), { recursive: true, force: true });
    expect(await exits(s.pid, 15_000)).toBe(true);
  });

  it("BPYTS_COMPILE_SERVER=0 compiles in the command's own process", async () => {
    const w = await world();
    const r = await w.cli(["check", "hello.ts", "--target", "3.4"], { BPYTS_COMPILE_SERVER: "0" });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(w.tmp, `bpyts-${uid}`))).toBe(false);
    expect(await w.status()).toBeUndefined();
  });
});
