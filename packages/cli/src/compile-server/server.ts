/**
 * The compile server: a background Node process that keeps the compiler and the parsed
 * declaration files (the TypeScript lib and the Blender typings: most of a cold compile) between
 * `bpyts` commands, so an edited script compiles in ~0.1 s instead of ~1.3 s (issue 14). One per
 * user and build of bpyts (the socket's name holds the build's stamp), started on demand by the
 * first command that compiles (./client.ts), gone after `BPYTS_COMPILE_SERVER_IDLE` seconds without a job
 * (default 600), when its socket is removed, or when bpyts is rebuilt. Jobs run one at a time in
 * the client's working directory and environment, and give what an in-process compile gives:
 * the same output, the same errors (as data, rethrown by the client), the same cache inputs.
 */
import { existsSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runtimeTypes } from "@bpyts/runner";
import { connect, createServer, type Socket } from "node:net";
import { compilerStamp, fingerprint } from "../cache.js";
import { CompileFailed } from "../compile.js";
import { loadCompiler } from "../compiler.js";
import { CliError } from "../errors.js";
import { majorMinor } from "../typings.js";
import { checkProject, compileInProject, defaultCompilerOptions } from "../project.js";
import { lineReader, type Failure, type Reply, type Request } from "./protocol.js";
import { scheduleSnapshot } from "./snapshots.js";

const DEFAULT_IDLE_S = 600;

function failure(e: unknown): Failure {
  if (e instanceof CompileFailed)
    return { kind: "compile", errors: e.errors, warnings: e.warnings };
  if (e instanceof CliError)
    return {
      kind: "cli",
      code: e.code,
      message: e.message,
      file: e.file,
      line: e.line,
      column: e.column,
    };
  if (e instanceof Error && e.name === "BlenderNotFoundError")
    return { kind: "blender-not-found", message: e.message };
  return { kind: "internal", message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

/** Run `job` in `cwd` with `env` as the process's own (jobs are serialized: nothing overlaps). */
async function inClientWorld<T>(
  cwd: string,
  env: Record<string, string>,
  job: () => Promise<T>,
): Promise<T> {
  const savedEnv = { ...process.env };
  const replaceEnv = (next: Record<string, string | undefined>) => {
    for (const k of Object.keys(process.env)) if (!(k in next)) delete process.env[k];
    for (const [k, v] of Object.entries(next)) if (v !== undefined) process.env[k] = v;
  };
  process.chdir(cwd);
  replaceEnv(env);
  try {
    return await job();
  } finally {
    replaceEnv(savedEnv);
    process.chdir("/");
  }
}

async function handle(request: Request, stamp: string, socket: string): Promise<Reply> {
  switch (request.type) {
    case "status":
      return {
        type: "status",
        id: request.id,
        status: {
          pid: process.pid,
          stamp,
          socket,
          startedAt: Math.round(performance.timeOrigin),
          jobs,
          idleTimeoutMs: idleMs(),
          rssBytes: process.memoryUsage().rss,
          snapshot: fromSnapshot,
        },
      };
    case "stop":
      return { type: "stopping", id: request.id };
    case "compile":
    case "check-project":
    case "warm": {
      // A rebuilt bpyts must not compile with the modules this process loaded before.
      if (request.stamp !== stamp || compilerStamp() !== stamp)
        return { type: "stale", id: request.id };
      jobs++;
      try {
        return await inClientWorld(request.cwd, request.env, async () => {
          if (request.type === "warm") {
            if (!fromSnapshot) await warm(socket); // a snapshot's process is warm already
            return { type: "warmed", id: request.id };
          }
          if (request.type === "check-project")
            return {
              type: "checked",
              id: request.id,
              warnings: await checkProject(request.options),
            };
          const api = await loadCompiler();
          const recorder = request.record ? api.recordFileSystem(fingerprint) : undefined;
          let inputs;
          let compiled;
          try {
            compiled = await compileInProject(request.entry, request.context);
          } finally {
            inputs = recorder?.stop();
          }
          return { type: "compiled", id: request.id, compiled, inputs };
        });
      } catch (e) {
        return { type: "failed", id: request.id, failure: failure(e) };
      }
    }
  }
}

/**
 * What every compile without a tsconfig parses first: the compiler's modules, the TypeScript lib
 * and the runtime declarations, through the same options (so the same declaration cache keys)
 * as `compileInProject` — a program of one empty file beside the socket.
 */
async function warm(socket: string): Promise<void> {
  const api = await loadCompiler();
  const empty = join(dirname(socket), "warm.ts");
  if (!existsSync(empty)) writeFileSync(empty, "export {};\n");
  api
    .createProject(
      api.defaultProjectConfig(defaultCompilerOptions(), dirname(empty), [
        empty,
        api.globalsDeclarationFile,
        runtimeTypes,
      ]),
    )
    .check();
}

let jobs = 0;

/** The Blender version whose typings this process started with parsed (./snapshot.ts). */
let fromSnapshot: string | undefined;
export function startedFromSnapshot(version: string): void {
  fromSnapshot = version;
}
/**
 * After a compile's reply is out: a start-up snapshot holding the typings of its Blender version
 * (./snapshots.ts), asked for once per version, so the next cold start of a server skips their
 * parse.
 */
const snapshotAsked = new Set<string>();
function askSnapshot(reply: Reply, stamp: string): void {
  if (reply.type !== "compiled" || !reply.compiled.version) return;
  const version = majorMinor(reply.compiled.version);
  if (version === fromSnapshot || snapshotAsked.has(version)) return;
  snapshotAsked.add(version);
  scheduleSnapshot(stamp, version);
}
const idleMs = () => {
  const s = Number(process.env["BPYTS_COMPILE_SERVER_IDLE"] ?? DEFAULT_IDLE_S);
  return (Number.isFinite(s) && s > 0 ? s : DEFAULT_IDLE_S) * 1000;
};

/** Whether a live server answers on `socket` (a leftover socket file refuses the connection). */
function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(socket);
    c.once("connect", () => {
      c.destroy();
      resolve(true);
    });
    c.once("error", () => resolve(false));
  });
}

/**
 * Serve on `socket` until idle, stopped, replaced or rebuilt. Prints `ready` on stdout once
 * clients can connect (also when another server already answers there: the client uses that
 * one), then closes stdout: the client waits for that line and nothing more.
 */
export async function serve(socket: string, stamp: string): Promise<void> {
  const ready = () => {
    process.stdout.write("ready\n");
    process.stdout.end();
  };
  const server = createServer();
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socket, () => {
        server.off("error", reject);
        resolve();
      });
    });
  process.umask(0o077); // the socket: this user only
  // Between jobs the server stands in /: the folder it was started from may be deleted.
  process.chdir("/");
  try {
    await listen();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    if (await answers(socket)) return ready(); // another server won the race
    unlinkSync(socket); // left by a server that died
    await listen();
  }
  const inode = statSync(socket).ino;
  let queue: Promise<unknown> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let busy = 0;
  const stop = () => {
    clearInterval(watch);
    clearTimeout(idle);
    server.close();
    // Only our own socket file: a newer server may have taken the path over.
    try {
      if (statSync(socket).ino === inode) unlinkSync(socket);
    } catch {
      /* already gone */
    }
    // Replies already written still reach their clients; then the process ends, whatever
    // handle a loaded module may keep open.
    for (const c of clients) c.end();
    setTimeout(() => process.exit(0), 1_000).unref();
  };
  const armIdle = () => {
    clearTimeout(idle);
    if (!busy) idle = setTimeout(stop, idleMs());
  };
  // Gone or replaced socket file (a cleaned temp folder), or a rebuilt bpyts: nobody can reach
  // this server any more, or it would compile with old code.
  const watch = setInterval(() => {
    let mine = false;
    try {
      mine = existsSync(socket) && statSync(socket).ino === inode;
    } catch {
      /* gone */
    }
    if (!mine || (!busy && compilerStamp() !== stamp)) stop();
  }, 5_000);
  watch.unref();
  const clients = new Set<Socket>();
  server.on("connection", (client) => {
    clients.add(client);
    client.on("close", () => clients.delete(client));
    client.on("error", () => client.destroy());
    const send = (r: Reply) => {
      if (!client.destroyed) client.write(`${JSON.stringify(r)}\n`);
    };
    client.on(
      "data",
      lineReader(
        (m) => {
          const request = m as Request;
          if (typeof request?.id !== "number" || typeof request.type !== "string") {
            client.destroy(); // not a bpyts client
            return;
          }
          busy++;
          clearTimeout(idle);
          queue = queue
            .then(() => handle(request, stamp, socket))
            .then((reply) => {
              send(reply);
              askSnapshot(reply, stamp);
              if (reply.type === "stale" || reply.type === "stopping") stop();
            })
            .finally(() => {
              busy--;
              armIdle();
            });
        },
        () => client.destroy(),
      ),
    );
  });
  armIdle();
  ready();
}
