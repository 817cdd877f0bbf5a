// The whole extension: VS Code needs an extension to know a debug type, and this one only says
// how to start the adapter — the project's own `bpyts debug` (DAP on stdio), run by Node from the
// workspace folder, so the bpyts version the project depends on is the one that debugs it.
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const vscode = require("vscode");

/** The `bpyts` command installed in `folder`'s node_modules (or above it). */
function bpytsBin(folder) {
  const main = createRequire(join(folder, "package.json")).resolve("bpyts");
  return join(dirname(main), "..", "bin", "bpyts.js");
}

function activate(context) {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory("bpyts", {
      createDebugAdapterDescriptor(session) {
        const config = session.configuration;
        // `"debugServer": <port>` (bpyts run --debug / bpyts debug --port): connect there
        if (typeof config.debugServer === "number")
          return new vscode.DebugAdapterServer(config.debugServer, "127.0.0.1");
        const folder = session.workspaceFolder ? session.workspaceFolder.uri.fsPath : process.cwd();
        return new vscode.DebugAdapterExecutable("node", [bpytsBin(folder), "debug"], {
          cwd: folder,
        });
      },
    }),
  );
}

module.exports = { activate, deactivate() {}, bpytsBin };
