/**
 * The client side of the compile server (./server.ts): commands that compile ask the server,
 * starting it when none answers, and compile in their own process whenever it cannot serve
 * (switched off with `BPYTS_COMPILE_SERVER=0`, no private socket folder, a rebuilt bpyts, the
 * server gone mid-job): the server only ever makes a compile faster, never different.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, openSync, statSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BlenderNotFoundError } from "@bpyts/runner";
import { commandStamp, privateUserDir, type CacheInput } from "../cache.js";
import { CompileFailed, recorded, type Compiled, type RecordedCompile } from "../compile.js";
import { switchedOff } from "../env.js";
import { CliError } from "../errors.js";
import {
  checkProject,
  compileInProject,
  type CompileContext,
  type ProjectOptions,
} from "../project.js";
import { installedVersions, majorMinor, typingsFor } from "../typings.js";
import { lineReader, type Reply, type Request, type Status } from "./protocol.js";
import {
  buildSnapshot,
  findSnapshot,
  forgetSnapshot,
  snapshotArgs,
  snapshotsEnabled,
} from "./snapshots.js";

type Job =
  | { type: "compile"; entry: string; context: CompileContext; record: boolean }
  | { type: "check-project"; options: ProjectOptions }
  | { type: "warm" };

/** The Blender version a job will compile for, when known before it runs (picks a snapshot). */
function jobVersion(job: Job): string | undefined {
  if (job.type === "compile") return job.context.target ?? job.context.version;
  if (job.type === "check-project") return job.options.target;
  return undefined; // a warm-up: Blender has not said which it is yet
}

const said = new Set<string>();
/** A note on stderr, once per process: the run goes on in-process. */
function sayOnce(text: string): void {
  if (said.has(text)) return;
  said.add(text);
  process.stderr.write(`bpyts: ${text}\n`);
}

export function serverEnabled(): boolean {
  if (switchedOff("BPYTS_COMPILE_SERVER")) return false;
  // The cache's test hook must see a miss compile, wherever it would run.
  if (process.env["BPYTS_TEST_FORBID_COMPILER"]) return false;
  return process.platform !== "win32" && typeof process.getuid === "function";
}

export function socketPath(stamp = commandStamp()): string | undefined {
  const dir = privateUserDir((d) =>
    sayOnce(`${d} is not a private folder of this user: compiling without the compile server`),
  );
  if (!dir) return undefined;
  // One server per build of bpyts and per Node (a user switching Node versions gets another).
  const id = createHash("sha256")
    .update(`${stamp}\0${process.execPath}\0${process.version}`)
    .digest("hex");
  const path = join(dir, `compile-${id.slice(0, 16)}.sock`);
  return path.length < 100 ? path : undefined; // sun_path holds 108 bytes
}

/** One request, one reply; undefined when nothing answers (no server, or it went away). */
function ask(socket: string, request: Request): Promise<{ reply?: Reply; connected: boolean }> {
  return new Promise((resolve) => {
    let connected = false;
    const c = connect(socket);
    const done = (reply?: Reply) => {
      c.destroy();
      resolve({ reply, connected });
    };
    c.once("connect", () => {
      connected = true;
      c.write(`${JSON.stringify(request)}\n`);
    });
    c.on(
      "data",
      lineReader(
        (m) => {
          if ((m as Reply).id === request.id) done(m as Reply);
        },
        () => done(),
      ),
    );
    c.once("error", () => done());
    c.once("close", () => done());
  });
}

/**
 * Start a server on `socket`; resolves once it answers there (false: it could not start). From a
 * start-up snapshot (./snapshots.ts) when one is usable — for `version` if known — else the plain
 * way; a blob Node refuses is removed and the plain start follows.
 */
async function start(socket: string, stamp: string, version?: string): Promise<boolean> {
  const snapshot = findSnapshot(stamp, version && majorMinor(version));
  if (snapshot) {
    if (await startProcess(socket, stamp, snapshotArgs(snapshot.blob))) return true;
    forgetSnapshot(snapshot.blob);
    sayOnce(`the compile server's start-up snapshot did not start; it will be rebuilt`);
  }
  return startProcess(socket, stamp, [fileURLToPath(new URL("./main.js", import.meta.url))]);
}

function startProcess(socket: string, stamp: string, entry: string[]): Promise<boolean> {
  let log: number | "ignore" = "ignore";
  try {
    log = openSync(socket.replace(/\.sock$/, ".log"), "w", 0o600);
  } catch {
    /* no log then */
  }
  const child = spawn(process.execPath, [...entry, socket, stamp], {
    detached: true,
    stdio: ["ignore", "pipe", log],
    // Its own environment is only a base: each job runs in its client's. Nothing of the command
    // that happened to start it (a test's markers, credentials) stays in a long-lived process.
    env: pick(process.env, [
      "PATH",
      "HOME",
      "TMPDIR",
      "LANG",
      "BPYTS_COMPILE_SERVER_IDLE",
      "BPYTS_SNAPSHOT",
    ]),
  });
  if (typeof log === "number") closeSync(log);
  return new Promise((resolve) => {
    let out = "";
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      child.stdout?.destroy();
      child.unref();
      resolve(ok);
    };
    const timer = setTimeout(() => settle(false), 10_000);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("ready\n")) settle(true);
    });
    child.once("error", () => settle(false));
    child.once("exit", () => settle(out.includes("ready\n")));
  });
}

function pick(env: NodeJS.ProcessEnv, keys: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(keys.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
}

let nextId = 1;
let starting: Promise<boolean> | undefined;

/** A job's reply from the server, starting one if needed; undefined: compile in-process. */
async function serve(job: Job): Promise<Reply | undefined> {
  if (!serverEnabled()) return undefined;
  const stamp = commandStamp();
  const socket = socketPath(stamp);
  if (!socket) return undefined;
  const env = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
  );
  for (let attempt = 0; attempt < 2; attempt++) {
    const request = { ...job, id: nextId++, stamp, cwd: process.cwd(), env } as Request;
    const { reply, connected } = await ask(socket, request);
    if (reply && reply.type !== "stale") return reply;
    if (connected && !reply) {
      sayOnce("the compile server stopped during the compile; compiling in this process");
      return undefined;
    }
    // Nobody there, or a server of an older build that has now exited: start ours (once per
    // process: a warm-up and the compile that follows it share one start).
    starting ??= start(socket, stamp, jobVersion(job)).finally(() => (starting = undefined));
    if (!(await starting)) return undefined;
  }
  return undefined;
}

/** Rethrow a job's failure as the exception an in-process compile throws. */
function rethrow(reply: Extract<Reply, { type: "failed" }>): undefined {
  const f = reply.failure;
  switch (f.kind) {
    case "compile":
      throw new CompileFailed(f.errors, f.warnings);
    case "cli":
      throw new CliError(f.code, f.message, f.file, f.line, f.column);
    case "blender-not-found":
      throw new BlenderNotFoundError(f.message);
    case "internal":
      // Not ours to translate: the in-process compile reports it as it always has.
      return undefined;
  }
}

/**
 * `compileInProject` (../project.ts) through the compile server when it can serve, else in
 * this process; with `record`, also the file-system answers the compile got.
 */
export async function compileServed(
  entry: string,
  context: CompileContext,
  record: boolean,
): Promise<RecordedCompile<Compiled & { version?: string }>> {
  const reply = await serve({ type: "compile", entry, context, record });
  if (reply?.type === "compiled") return { compiled: reply.compiled, inputs: reply.inputs };
  if (reply?.type === "failed") rethrow(reply);
  const compile = () => compileInProject(entry, context);
  return record ? recorded(compile) : { compiled: await compile() };
}

/**
 * Start the compile server (if none answers) and have it load the compiler and the TypeScript
 * lib, without waiting: for a first run on a Blender whose version cannot be guessed, whose
 * compile can only start once Blender has said which it is (~1 s).
 */
export function warmServer(): void {
  void serve({ type: "warm" }).catch(() => undefined);
}

/** `checkProject` (../project.ts) through the compile server when it can serve. */
export async function checkProjectServed(options: ProjectOptions): Promise<string[]> {
  const reply = await serve({ type: "check-project", options });
  if (reply?.type === "checked") return reply.warnings;
  if (reply?.type === "failed") rethrow(reply);
  return checkProject(options);
}

/** `bpyts compile-server status|stop`: the running server of this build, if any. */
export async function serverControl(
  action: "status" | "stop",
): Promise<Status | "stopped" | undefined> {
  const socket = socketPath();
  if (!socket) return undefined;
  const { reply } = await ask(socket, { type: action, id: nextId++ });
  if (reply?.type === "status") return reply.status;
  if (reply?.type === "stopping") return "stopped";
  return undefined;
}

/**
 * `bpyts compile-server snapshot [versions...]`: build the start-up snapshots now (default: one
 * per installed typings version); a line per snapshot.
 */
export async function buildSnapshots(versions: string[]): Promise<string[]> {
  if (!snapshotsEnabled())
    throw new CliError("BPY0007", "start-up snapshots are switched off (BPYTS_SNAPSHOT)");
  const stamp = commandStamp();
  const lines: string[] = [];
  for (const v of versions.length ? versions.map(majorMinor) : installedVersions()) {
    typingsFor(v, process.cwd()); // no typings: the located BPY0004 error, before any build
    const started = performance.now();
    let blob: string;
    try {
      blob = await buildSnapshot(stamp, v);
    } catch (e) {
      throw new CliError(
        "BPY0006",
        `cannot build the compile server's snapshot for Blender ${v}: ${(e as Error).message}`,
      );
    }
    lines.push(
      `Blender ${v}: ${blob} (${Math.round(statSync(blob).size / 2 ** 20)} MiB, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  return lines;
}

export type { CacheInput };
