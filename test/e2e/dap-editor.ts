import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { DapClient } from "@bpyts/debug";
import { expect } from "vitest";
import { bpytsBin } from "../helpers.js";

// A headless editor for the debug e2e tests: drives a bpyts DAP server (stdio or TCP) against
// real Blender and debugpy, as VS Code does.

export interface Editor {
  dap: DapClient;
  /** The process serving DAP (`bpyts debug`, `run --debug`, …); undefined for an in-process server. */
  child?: ChildProcess;
  /** Blender's pid (debugpy's `process` event). */
  blenderPid(): number | undefined;
  output(): string;
  /** End the editor's side; resolves with the adapter's exit code (a crash is not 0). */
  stop(): Promise<number | null>;
}

/** `bpyts debug`: DAP on stdio. */
export function startAdapter(): Editor {
  const child = spawn(process.execPath, [bpytsBin, "debug"], { stdio: ["pipe", "pipe", "pipe"] });
  const dap = new DapClient(60_000);
  dap.start(child.stdout!, child.stdin!);
  return editor(dap, child, () => child.stdin!.end());
}

/** The port a `bpyts` server prints on stderr (`pattern`'s first group); fails if it exits first. */
export function printedPort(child: ChildProcess, pattern: RegExp): Promise<number> {
  let err = "";
  return new Promise<number>((ok, fail) => {
    child.stderr!.on("data", (c: Buffer) => {
      err += c.toString();
      const m = pattern.exec(err);
      if (m) ok(Number(m[1]));
    });
    child.once("exit", () => fail(new Error(`the server exited: ${err}`)));
  });
}

/** A DAP connection to 127.0.0.1:`port`. */
export async function connectDap(port: number): Promise<{ dap: DapClient; socket: Socket }> {
  const socket = connect({ host: "127.0.0.1", port });
  await new Promise((ok) => socket.once("connect", ok));
  const dap = new DapClient(60_000);
  dap.start(socket, socket);
  return { dap, socket };
}

/** An editor on a TCP DAP server (`child` serves it, if it is a process of its own). */
export async function tcpEditor(port: number, child?: ChildProcess): Promise<Editor> {
  const { dap, socket } = await connectDap(port);
  return editor(dap, child, () => socket.end());
}

/** `bpyts run --debug <entry>`: one session over TCP on the port it prints. */
export async function startRunDebug(entry: string, args: string[] = []): Promise<Editor> {
  const child = spawn(process.execPath, [bpytsBin, "run", entry, "--debug", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await printedPort(child, /waiting for a DAP client on 127\.0\.0\.1:(\d+)/);
  return tcpEditor(port, child);
}

export function editor(dap: DapClient, child: ChildProcess | undefined, end: () => void): Editor {
  let pid: number | undefined;
  let out = "";
  dap.on("event", (e: DebugProtocol.Event) => {
    if (e.event === "process") pid = (e as DebugProtocol.ProcessEvent).body.systemProcessId;
    if (e.event === "output") out += (e as DebugProtocol.OutputEvent).body.output;
  });
  const exited = child
    ? new Promise<void>((r) => child.once("exit", () => r()))
    : Promise.resolve();
  return {
    dap,
    child,
    blenderPid: () => pid,
    output: () => out,
    async stop() {
      end();
      if (!child) return 0;
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      return child.exitCode;
    },
  };
}

/** Run `body` with an editor; the adapter must end cleanly (exit code 0) whatever happened. */
export async function withEditor(
  start: Editor | Promise<Editor>,
  body: (e: Editor) => Promise<void>,
): Promise<void> {
  const e = await start;
  try {
    await body(e);
  } finally {
    expect(await e.stop()).toBe(0);
  }
}

/** initialize → launch → breakpoints → configurationDone, as an editor does. */
export async function launch(
  e: Editor,
  program: string,
  breakpoints: Record<string, number[]>,
  extra: Record<string, unknown> = {},
  filters = ["uncaught"],
) {
  await e.dap.request("initialize", { adapterID: "bpyts", pathFormat: "path" });
  const launched = e.dap.request("launch", { ...(program ? { program } : {}), ...extra });
  await e.dap.waitEvent("initialized");
  const set: DebugProtocol.Breakpoint[][] = [];
  for (const [file, lines] of Object.entries(breakpoints)) {
    const r = await e.dap.request<DebugProtocol.SetBreakpointsResponse>("setBreakpoints", {
      source: { path: file },
      breakpoints: lines.map((line) => ({ line })),
    });
    set.push(r.body.breakpoints);
  }
  await e.dap.request("setExceptionBreakpoints", { filters });
  await e.dap.request("configurationDone");
  await launched;
  return set;
}

export async function stack(e: Editor, threadId = 1) {
  const r = await e.dap.request<DebugProtocol.StackTraceResponse>("stackTrace", { threadId });
  return r.body.stackFrames;
}

/** A frame's variables (scope `scope`), name → shown value. */
export async function variables(e: Editor, frameId: number, scope = 0) {
  const s = await e.dap.request<DebugProtocol.ScopesResponse>("scopes", { frameId });
  const v = await e.dap.request<DebugProtocol.VariablesResponse>("variables", {
    variablesReference: s.body.scopes[scope]!.variablesReference,
  });
  return Object.fromEntries(v.body.variables.map((x) => [x.name, x.value]));
}

/** One step (`next`, `stepIn`, `stepOut`); resolves with the stack it stopped on. */
export async function step(e: Editor, kind: string, threadId = 1) {
  const s = e.dap.waitEvent<DebugProtocol.StoppedEvent>("stopped");
  await e.dap.request(kind, { threadId });
  expect((await s).body.reason).toBe("step");
  return (await stack(e, threadId)).map(where);
}

export const where = (f: DebugProtocol.StackFrame) => `${f.name} ${f.source?.name}:${f.line}`;

/** Pids of `parent`'s children running `name` (from /proc). */
export function childrenNamed(parent: number, name: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const comm = /^Name:\s+(.*)$/m.exec(status)?.[1];
      if (ppid === parent && comm === name) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
