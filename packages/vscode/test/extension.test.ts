import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { DapClient } from "@bpyts/debug";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../test/helpers.js";

// VS Code cannot run here: the extension is loaded beside a stand-in `vscode` module that records
// what it registers, and the adapter it describes is started for real and spoken to over DAP.
const STAND_IN = `
class DebugAdapterExecutable { constructor(command, args, options) { Object.assign(this, { command, args, options }); } }
class DebugAdapterServer { constructor(port, host) { Object.assign(this, { port, host }); } }
const factories = {};
module.exports = {
  DebugAdapterExecutable, DebugAdapterServer, factories,
  debug: { registerDebugAdapterDescriptorFactory(type, f) { factories[type] = f; return { dispose() {} }; } },
};
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bpyts-vscode-"));
  await mkdir(join(dir, "node_modules", "vscode"), { recursive: true });
  await writeFile(join(dir, "node_modules", "vscode", "index.js"), STAND_IN);
  await copyFile(join(repoRoot, "packages", "vscode", "extension.cjs"), join(dir, "extension.cjs"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the VS Code extension", () => {
  it("starts the workspace's `bpyts debug`, which answers DAP", async () => {
    const require = createRequire(join(dir, "extension.cjs"));
    const ext = require("./extension.cjs") as { activate(c: unknown): void };
    const vscode = require("vscode") as {
      factories: Record<string, { createDebugAdapterDescriptor(s: unknown): unknown }>;
    };
    ext.activate({ subscriptions: [] });
    const factory = vscode.factories["bpyts"]!;
    // the checkout is a workspace whose node_modules has bpyts (the CLI package)
    const exe = factory.createDebugAdapterDescriptor({
      configuration: { type: "bpyts", request: "launch", program: "src/main.ts" },
      workspaceFolder: { uri: { fsPath: repoRoot } },
    }) as { command: string; args: string[]; options: { cwd: string } };
    expect(exe.command).toBe("node");
    expect(exe.args.at(-1)).toBe("debug");
    expect(exe.options.cwd).toBe(repoRoot);

    const child = spawn(exe.command, exe.args, { cwd: exe.options.cwd, stdio: "pipe" });
    const dap = new DapClient(30_000);
    dap.start(child.stdout, child.stdin);
    const exited = new Promise((r) => child.once("exit", r));
    try {
      const r = await dap.request<DebugProtocol.InitializeResponse>("initialize", {
        adapterID: "bpyts",
        pathFormat: "path",
      });
      expect(r.body?.exceptionBreakpointFilters?.map((f) => f.filter)).toEqual([
        "uncaught",
        "raised",
      ]);
      await dap.request("disconnect", {});
    } finally {
      child.stdin.end();
      expect(await exited).toBe(0);
    }

    const server = factory.createDebugAdapterDescriptor({
      configuration: { type: "bpyts", request: "launch", debugServer: 4711 },
    }) as { port: number; host: string };
    expect(server).toEqual({ port: 4711, host: "127.0.0.1" });
  });
});
