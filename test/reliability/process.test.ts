/**
 * Issue 21, items 3 and 6: Blender processes never outlive their run (timeouts, cancels and the
 * death of the host kill the whole process group, even when a child keeps the pipes), version
 * probes cannot hang, large outputs stream without losing the result, and arguments that look
 * like options stay paths. Real Blender 3.4 (host) and, where provisioned, 4.3 through its chroot
 * wrapper. Every test tags what it starts with a marker (in the environment and a child's command
 * line) and checks that no process carrying it is left.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chmod, copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  blenderVersion,
  createPool,
  findBlender,
  OutputTail,
  progressParser,
  run,
  RunnerError,
  runScript,
  type ProgressEvent,
} from "../../packages/runner/src/index.js";
import { bpyts, repoRoot } from "../helpers.js";

const RUN_ID = `bpyts-proc-test-${process.pid}-${randomUUID().slice(0, 8)}`;
const markers: string[] = [];
const dirs: string[] = [];
const chroot43 = "/var/lib/bpyts/chroots/bin/blender-4.3";

function newMarker(name: string): string {
  const m = `${RUN_ID}-${name}`;
  markers.push(m);
  return m;
}

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "bpyts-proc-"));
  dirs.push(d);
  return d;
}

/** Live processes whose command line or environment carries `marker` (zombies have neither). */
function processesWith(marker: string): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let cmd = "";
    let env = "";
    try {
      cmd = readFileSync(`/proc/${name}/cmdline`, "latin1");
      env = readFileSync(`/proc/${name}/environ`, "latin1");
    } catch {
      continue; // gone meanwhile
    }
    if (cmd.includes(marker) || env.includes(marker)) {
      found.push({ pid: Number(name), cmd: cmd.replaceAll("\0", " ").trim() });
    }
  }
  return found;
}

/** Wait (bounded) until nothing carries `marker`; returns what is left. */
async function leftovers(
  marker: string,
  boundMs = 10_000,
): Promise<{ pid: number; cmd: string }[]> {
  const until = Date.now() + boundMs;
  for (;;) {
    const left = processesWith(marker);
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function envWith(marker: string): NodeJS.ProcessEnv {
  return { ...process.env, BPYTS_TEST_MARKER: marker };
}

/** A script that starts a child inheriting stdout/stderr (it keeps the pipes), then loops. */
async function holdingScript(dir: string, childMarker: string, name = "hold.py"): Promise<string> {
  const file = join(dir, name);
  await writeFile(
    file,
    `import subprocess, time\n` +
      `subprocess.Popen(["/bin/sh", "-c", "while :; do sleep 1; done", ${JSON.stringify(childMarker)}])\n` +
      `print("started", flush=True)\n` +
      `while True:\n    time.sleep(0.05)\n`,
  );
  return file;
}

/** An executable shell script in `dir`. */
async function fakeBlender(dir: string, body: string): Promise<string> {
  const file = join(dir, "fake-blender");
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

afterAll(async () => {
  const left = markers.flatMap((m) => processesWith(m));
  for (const p of left) {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  expect(left).toEqual([]);
});

describe("timeouts and cancels kill the whole process group", () => {
  it("one-shot: a timeout resolves and kills a child that keeps the pipes", async () => {
    const dir = await tempDir();
    const marker = newMarker("oneshot-timeout");
    const child = newMarker("oneshot-timeout-child");
    let out = "";
    const started = Date.now();
    const r = await run(await holdingScript(dir, child), {
      timeoutMs: 10_000,
      env: envWith(marker),
      onStdout: (c) => (out += c),
    });
    expect(out).toContain("started"); // the child was running when the timeout hit
    expect(r.error?.code).toBe("BPY0102");
    expect(r.exitCode).not.toBe(0);
    // Far below the 90 s+ it took when the run waited for the child's pipes.
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(await leftovers(child)).toEqual([]);
    expect(await leftovers(marker)).toEqual([]);
  });

  it("one-shot: cancelling through an AbortSignal kills the child too", async () => {
    const dir = await tempDir();
    const marker = newMarker("oneshot-cancel");
    const child = newMarker("oneshot-cancel-child");
    const controller = new AbortController();
    const r = await run(await holdingScript(dir, child), {
      signal: controller.signal,
      env: envWith(marker),
      onStdout: (c) => {
        if (c.includes("started")) controller.abort();
      },
    });
    expect(r.error?.code).toBe("BPY0103");
    expect(await leftovers(child)).toEqual([]);
    expect(await leftovers(marker)).toEqual([]);
  });

  it("pool: a job timeout resolves, kills the child, and the replacement worker runs the next job", async () => {
    const dir = await tempDir();
    const marker = newMarker("pool-timeout");
    const child = newMarker("pool-timeout-child");
    const pool = await createPool({ size: 1, env: envWith(marker) });
    try {
      let out = "";
      const started = Date.now();
      const r = await pool.run(await holdingScript(dir, child), {
        timeoutMs: 3000,
        onStdout: (c) => (out += c),
      });
      expect(out).toContain("started");
      expect(r.error?.code).toBe("BPY0102");
      expect(Date.now() - started).toBeLessThan(30_000); // was 40 s
      expect(await leftovers(child)).toEqual([]);
      const next = await pool.run<number>(
        { python: "from bpyts.runtime import setResult\nsetResult(42)\n" },
        { timeoutMs: 60_000 },
      );
      expect(next.result).toBe(42);
    } finally {
      await pool.close({ force: true });
    }
    expect(await leftovers(marker)).toEqual([]);
  });

  it("pool: a worker that never starts is killed with its child; queued jobs fail instead of hanging", async () => {
    const dir = await tempDir();
    const marker = newMarker("pool-start");
    const child = newMarker("pool-start-child");
    const blender = await fakeBlender(
      dir,
      `if [ "$1" = "--version" ]; then echo "Blender 3.4.1"; exit 0; fi\n` +
        `/bin/sh -c 'while :; do sleep 1; done' ${child} &\n` +
        `while :; do sleep 1; done`,
    );
    const pool = await createPool({
      blender,
      size: 1,
      startTimeoutMs: 1500,
      env: envWith(marker),
    });
    try {
      const r = await pool.run({ python: "pass\n" });
      expect(r.error?.code).toBe("BPY0104");
      expect(r.error?.message).toMatch(/could not start/);
    } finally {
      await pool.close({ force: true });
    }
    expect(await leftovers(child)).toEqual([]);
    expect(await leftovers(marker)).toEqual([]);
  });

  it.skipIf(!existsSync(chroot43))(
    "Blender 4.3 through its chroot wrapper: the group kill reaches the real Blender and its child",
    async () => {
      const dir = await tempDir();
      const marker = newMarker("chroot-cancel");
      const child = newMarker("chroot-cancel-child");
      const controller = new AbortController();
      let seen: { pid: number; cmd: string }[] = [];
      const r = await run(await holdingScript(dir, child), {
        blender: chroot43,
        signal: controller.signal,
        env: envWith(marker),
        onStdout: (c) => {
          if (!c.includes("started")) return;
          seen = processesWith(marker);
          controller.abort();
        },
      });
      expect(r.error?.code).toBe("BPY0103");
      // Running were the chroot's Blender (no wrapper process left in between) and the child.
      expect(seen.some((p) => p.cmd.startsWith("/usr/bin/blender "))).toBe(true);
      expect(seen.some((p) => p.cmd.includes(child))).toBe(true);
      expect(seen.some((p) => /unshare|chroot|bash/.test(p.cmd.split(" ")[0] ?? ""))).toBe(false);
      expect(await leftovers(child)).toEqual([]);
      expect(await leftovers(marker)).toEqual([]);
    },
  );
});

describe("the host dying by SIGKILL leaves no Blender behind", () => {
  const runnerDist = pathToFileURL(join(repoRoot, "packages/runner/dist/index.js")).href;
  const cli = join(repoRoot, "packages/cli/dist/bin.js");

  for (const mode of ["run", "pool", "bpyts run"] as const) {
    it(`${mode}: SIGKILL of the Node process while a job loops`, async () => {
      const dir = await tempDir();
      const marker = newMarker(`host-${mode.replace(" ", "-")}`);
      const child = newMarker(`host-${mode.replace(" ", "-")}-child`);
      const script = await holdingScript(dir, child);
      const host = join(dir, "host.mjs");
      await writeFile(
        host,
        `const { run, createPool } = await import(${JSON.stringify(runnerDist)});\n` +
          `const onStdout = (c) => { if (c.includes("started")) process.stdout.write("READY\\n"); };\n` +
          `if (process.argv[2] === "pool") {\n` +
          `  const pool = await createPool({ size: 1 });\n` +
          `  await pool.run(process.argv[3], { onStdout });\n` +
          `} else await run(process.argv[3], { onStdout });\n`,
      );
      const argv = mode === "bpyts run" ? [cli, "run", script] : [host, mode, script];
      const proc = spawn(process.execPath, argv, {
        // TMPDIR inside ours: the host's temp folders (it cannot remove them once killed) go too.
        env: { ...envWith(marker), TMPDIR: dir },
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve, reject) => {
        let out = "";
        proc.stdout.on("data", (c: Buffer) => {
          out += c.toString();
          if (/READY|started/.test(out)) resolve();
        });
        proc.on("exit", (code) => reject(new Error(`host exited early (${code}): ${out}`)));
      });
      const running = processesWith(marker);
      expect(running.some((p) => /blender/.test(p.cmd))).toBe(true);
      expect(running.some((p) => p.cmd.includes(child))).toBe(true);
      proc.kill("SIGKILL");
      expect(await leftovers(child, 20_000)).toEqual([]);
      expect(await leftovers(marker, 20_000)).toEqual([]);
    });
  }
});

describe("version probes", () => {
  it("a `--version` that hangs (with a child holding the pipes) is a coded error: BPY0151", async () => {
    const dir = await tempDir();
    const marker = newMarker("probe-hang");
    const blender = await fakeBlender(
      dir,
      `/bin/sh -c 'while :; do sleep 1; done' ${marker} &\nwhile :; do sleep 1; done`,
    );
    const err = await blenderVersion(blender, { timeoutMs: 1500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunnerError);
    expect((err as RunnerError).code).toBe("BPY0151");
    expect(await leftovers(marker)).toEqual([]);
    // The CLI: a located, coded message instead of hanging.
    const py = join(dir, "x.py");
    await writeFile(py, "pass\n");
    const cli = await bpyts(["run", py, "--blender", blender], {
      env: { ...process.env, BPYTS_VERSION_TIMEOUT_MS: "1500" },
    });
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr).toMatch(/^error BPY0151: .*did not answer within 1500 ms/m);
    expect(await leftovers(marker)).toEqual([]);
  });

  it("an executable that is not Blender (/bin/true) is a coded error: BPY0150", async () => {
    const err = await blenderVersion("/bin/true").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunnerError);
    expect((err as RunnerError).code).toBe("BPY0150");
    expect((err as RunnerError).message).toMatch(/not a Blender/);
    const dir = await tempDir();
    const py = join(dir, "x.py");
    await writeFile(py, "pass\n");
    const cli = await bpyts(["run", py, "--blender", "/bin/true"]);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr.trim()).toBe(
      "error BPY0150: not a Blender: `/bin/true --version` printed no `Blender X.Y` line",
    );
  });
});

describe("arguments that look like options stay paths", () => {
  it("runScript: a .blend named --version / --enable-autoexec and a script named -probe.py", async () => {
    const blender = await findBlender();
    const dir = await tempDir();
    const saved = join(dir, "scene.blend");
    const maker = join(dir, "make.py");
    await writeFile(
      maker,
      `import bpy\nbpy.data.objects["Cube"].name = "FromFile"\n` +
        `bpy.ops.wm.save_as_mainfile(filepath=${JSON.stringify(saved)}, copy=True)\n`,
    );
    // A private config folder: never touch the user's Blender settings.
    const env = { BLENDER_USER_CONFIG: join(dir, "config") };
    const made = await runScript(maker, { blender, env });
    expect(made.exitCode, made.stdout + made.stderr).toBe(0);
    await writeFile(
      join(dir, "-probe.py"),
      `import bpy\nprint("FILE=" + bpy.data.filepath)\n` +
        `print("OBJECTS=" + ",".join(sorted(o.name for o in bpy.data.objects)))\n`,
    );
    for (const name of ["--version", "--enable-autoexec"]) {
      await copyFile(saved, join(dir, name));
      const r = await runScript("-probe.py", { blender, blendFile: name, cwd: dir, env });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`FILE=${join(dir, name)}\n`);
      expect(r.stdout).toContain("OBJECTS=Camera,FromFile,Light\n");
    }
  });
});

describe("large outputs and exit statuses", () => {
  it("150 MB of output streams to the callbacks; the result is kept and memory holds a tail", async () => {
    const dir = await tempDir();
    const script = join(dir, "big.py");
    // One 100 MB line (progress parsing must not rescan it per chunk) and 50 lines of 1 MB.
    await writeFile(
      script,
      `from bpyts.runtime import setResult\nprint("z" * 100_000_000)\nline = "x" * (1024 * 1024 - 1)\n` +
        `for i in range(50):\n    print(line)\n` +
        `print("Fra:1 Mem:1M | Sample 3/4")\nprint("last line")\n` +
        `setResult({"lines": 50, "big": "y" * 10_000_000})\n`,
    );
    let streamed = 0;
    let tail = "";
    const events: ProgressEvent[] = [];
    const r = await run<{ lines: number; big: string }>(script, {
      onStdout: (c) => {
        streamed += c.length;
        tail = (tail + c).slice(-100);
      },
      onProgress: (e) => events.push(e),
    });
    expect(r.error).toBeUndefined();
    expect(r.exitCode).toBe(0);
    expect(streamed).toBeGreaterThanOrEqual(150_000_000);
    expect(tail).toContain("last line\n");
    expect(events.some((e) => e.kind === "samples" && e.current === 3)).toBe(true);
    expect(r.result?.lines).toBe(50);
    expect(r.result?.big.length).toBe(10_000_000);
    expect(r.stdout.length).toBeLessThanOrEqual(1 << 20);
    expect(r.stdout).toContain("last line\n");
  });

  it("the kept tail is the stream's end, in bounded memory, never half a surrogate pair", () => {
    const tail = new OutputTail(10);
    for (const c of ["abc", "defghij", "klmnopqrstu", "v😀w"]) tail.push(c);
    expect(tail.toString()).toBe("pqrstuv😀w");
    expect(tail.total).toBe(25);
    expect(tail.dropped).toBe(15);
    const cut = new OutputTail(10);
    for (const c of ["xxxx😀", "abcdefghi"]) cut.push(c); // the last 10 start inside 😀
    expect(cut.toString()).toBe("abcdefghi");
    expect(cut.dropped).toBe(6);
    // A progress line split by chunks (\r\n across the boundary) after an overlong line.
    const events: ProgressEvent[] = [];
    const feed = progressParser((e) => events.push(e));
    for (let i = 0; i < 100; i++) feed("q".repeat(10_000));
    feed("\nFra:2 Mem:1M | Sample 1/8\r");
    feed("\nFra:2 Mem:1M | Sample 2/8\r");
    feed("Fra:2 Mem:1M | Sample 3/8\n");
    expect(events.map((e) => `${e.kind}:${e.frame}:${"current" in e ? e.current : ""}`)).toEqual([
      "samples:2:1",
      "samples:2:2",
      "samples:2:3",
    ]);
  });

  it("sys.exit(True) exits with 1, as in Python (the CLI does not crash)", async () => {
    const dir = await tempDir();
    const script = join(dir, "exit_true.py");
    await writeFile(script, "import sys\nsys.exit(True)\n");
    const r = await run(script);
    expect(r.exitCode).toBe(1);
    expect(r.error).toBeUndefined();
    const cli = await bpyts(["run", script]);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr).not.toMatch(/TypeError|ERR_INVALID_ARG_TYPE|at .*\.js/);
  });

  it("a crash after the result was written still fails the run (BPY0101), the result is kept", async () => {
    const dir = await tempDir();
    const script = join(dir, "crash_at_exit.py");
    await writeFile(
      script,
      `import atexit, os, signal\nfrom bpyts.runtime import setResult\nsetResult({"kept": True})\n` +
        `atexit.register(lambda: os.kill(os.getpid(), signal.SIGKILL))\n`,
    );
    const r = await run(script);
    expect(r.result).toEqual({ kept: true });
    expect(r.signal).toBe("SIGKILL");
    expect(r.exitCode).toBe(137);
    expect(r.error?.code).toBe("BPY0101");
    expect(r.error?.message).toMatch(/after the script finished/);
    const cli = await bpyts(["run", script]);
    expect(cli.exitCode).toBe(137);
    expect(cli.stderr).toMatch(/error BPY0101: Blender crashed \(SIGKILL\) after the script/);
  });
});
