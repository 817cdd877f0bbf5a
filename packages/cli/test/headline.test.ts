// The headline of a runtime error is the user's TS line, whatever frame raised: Blender's own
// operator code, Python's library, or a compiler runtime helper (shown at the TS call).
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bpyts, compilerReady, handCompiled, tempDir, typingsReady } from "./helpers.js";

let dir = "";
beforeAll(async () => {
  dir = await tempDir("bpyts headline ");
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runTs(name: string, source: string) {
  await writeFile(join(dir, name), source);
  return bpyts(["run", name], { cwd: dir });
}

describe.runIf(compilerReady && typingsReady)("runtime error headline", () => {
  it("an operator failing inside Blender's bpy/ops.py is reported at the TS call", async () => {
    const r = await runTs(
      "op.ts",
      `import * as bpy from "bpy";
const cube = bpy.data.objects.get("Cube");
if (cube) bpy.data.objects.remove(cube);
bpy.ops.object.mode_set({ mode: "EDIT" });
`,
    );
    expect(r.exitCode).toBe(1);
    const lines = r.stderr.split("\n");
    const head = lines.findIndex((l) => l.includes("error BPY0100"));
    expect(lines[head]).toMatch(
      /^op\.ts:4:1 - error BPY0100: RuntimeError: Operator bpy\.ops\.object\.mode_set\.poll\(\)/,
    );
    // Blender's frame stays in the stack, below the headline; the message appears once.
    expect(r.stderr).toMatch(/at __call__ \(.*bpy\/ops\.py:\d+:\d+\)/);
    expect(r.stderr.split("Context missing active object").length - 1).toBe(1);
  });

  it("a Python library frame and a runtime helper frame give way to the user's line", async () => {
    const r = await runTs(
      "lib.ts",
      `function parse(s: string): unknown {
  return JSON.parse(s);
}
parse("{bad");
`,
    );
    expect(r.exitCode).toBe(1);
    const head = r.stderr.split("\n").find((l) => l.includes("error BPY0100"));
    expect(head).toMatch(/^lib\.ts:2:\d+ - error BPY0100: /);
    // The helper frame is shown at the TS call that invoked it, not at the entry's 1:1.
    expect(r.stderr).toMatch(/at _js_\w+ \(lib\.ts:2:\d+\)/);
    expect(r.stderr).toMatch(/at parse \(lib\.ts:2:\d+\)/);
    expect(r.stderr).toMatch(/at lib\.ts:4:1/);
    expect(r.stderr).not.toMatch(/lib\.ts:1:1/);
  });
});

const chroots = "/var/lib/bpyts/chroots/bin";
const blenders = [{ version: "3.4", args: [] as string[] }].concat(
  ["4.3", "5.2"]
    .filter((v) => existsSync(join(chroots, `blender-${v}`)))
    .map((v) => ({ version: v, args: ["--blender", join(chroots, `blender-${v}`)] })),
);

describe.each(blenders)("an exception inside a Python operator, Blender $version", ({ args }) => {
  // Python line i+1 ↔ ops.ts line i+1 (a stand-in for compiler output).
  async function compiled(name: string, call: string) {
    const python = [
      "import bpy",
      "class T(bpy.types.Operator):",
      '    bl_idname = "object.t_fail"',
      '    bl_label = "t"',
      "    def execute(self, context):",
      '        raise ValueError("boom inside execute")',
      "bpy.utils.register_class(T)",
      call,
      "",
    ].join("\n");
    const lines = python.split("\n").map((_, i): [number, number] => [i + 1, 1]);
    await handCompiled(dir, name, python, `${name}.ts`, lines);
    return bpyts(["run", `${name}.py`, ...args], { cwd: dir });
  }

  it("puts the operator's own frames on top: headline at the raising line, its error as message, once", async () => {
    const r = await compiled("ops", "bpy.ops.object.t_fail()");
    expect(r.exitCode).toBe(1);
    const ours = r.stderr.slice(r.stderr.indexOf("error BPY0100") - "ops.ts:6:1 - ".length);
    expect(ours.split("\n")[0]).toBe("ops.ts:6:1 - error BPY0100: ValueError: boom inside execute");
    expect(ours.split("\n")[1]).toBe("    at execute (ops.ts:6:1)");
    expect(ours.split("\n")).toContain("    at ops.ts:8:1");
    // Python's own print of the traceback (stderr) and Blender's report of it (stdout) are not
    // shown as well: the error appears once in all the output.
    expect((r.stdout + r.stderr).split("boom inside execute").length - 1).toBe(1);
    expect(r.stderr).not.toContain("Traceback");
  });

  it("a caught operator exception keeps the traceback Python printed, as plain Blender shows it", async () => {
    const r = await compiled(
      "caught",
      'try:\n    bpy.ops.object.t_fail()\nexcept RuntimeError:\n    print("caught")',
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe("caught");
    expect(r.stderr).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "[^"]*caught\.py", line 6, in execute\n[\s\S]*ValueError: boom inside execute\s*$/,
    );
  });
});
