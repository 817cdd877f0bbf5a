/**
 * The compile server as a V8 start-up snapshot (`node --build-snapshot`, built by ./snapshots.ts):
 * a process started from the blob has TypeScript and the compiler loaded and the lib, the
 * runtime declarations and one Blender version's typings parsed — most of a cold compile (~1.2 s
 * of CPU) done before it starts. Bundled as one CommonJS file: a snapshot cannot load modules.
 */
import { mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import * as compiler from "@bpyts/compiler";
import { provideCompiler, type CompilerApi } from "../compiler.js";
import { recorded } from "../compile.js";
import { compileInProject } from "../project.js";
import { serve, startedFromSnapshot } from "./server.js";

provideCompiler(compiler as unknown as CompilerApi);

/**
 * What a bare script's first compile for `version` parses, parsed (kept by the declaration
 * cache); the declaration files it read go to `inputsFile` with their size and mtime, so that a
 * snapshot whose typings changed since is rebuilt rather than reparsing them on every start.
 */
async function prepare(version: string, inputsFile: string | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bpyts-snapshot-"));
  try {
    const entry = join(dir, "warm.ts");
    writeFileSync(entry, 'import * as bpy from "bpy";\nconsole.log(bpy.app.version_string);\n');
    const { inputs } = await recorded(() => compileInProject(entry, { version }));
    if (!inputsFile) return;
    const declarations = inputs
      .filter((i) => i.kind === "file" && /\.d\.[cm]?ts$/.test(i.path))
      .map((i) => {
        const st = statSync(i.path);
        return [realpathSync(i.path), st.size, st.mtimeMs];
      });
    writeFileSync(inputsFile, JSON.stringify(declarations));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
  const version = process.env["BPYTS_SNAPSHOT_BLENDER"];
  if (!version) throw new Error("BPYTS_SNAPSHOT_BLENDER is not set");
  void prepare(version, process.env["BPYTS_SNAPSHOT_INPUTS"]);
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    const [socket, stamp] = process.argv.slice(1);
    if (!socket || !stamp) {
      process.stderr.write("usage: node --snapshot-blob <blob> <socket> <stamp>\n");
      process.exitCode = 2;
    } else {
      startedFromSnapshot(version);
      void serve(socket, stamp);
    }
  });
}
