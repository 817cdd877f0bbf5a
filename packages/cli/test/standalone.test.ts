// A built script needs no bpyts: `blender -b --python out.py -- --input … --result-file …` and
// Blender's Text Editor run it, the `bpyts/runtime` API read from the command line.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bpyts, compilerReady, tempDir, typingsReady } from "./helpers.js";

const chroots = "/var/lib/bpyts/chroots/bin";
const blenders = [{ version: "3.4", exe: "blender" }].concat(
  ["4.3", "5.2"]
    .map((v) => ({ version: v, exe: join(chroots, `blender-${v}`) }))
    .filter((b) => existsSync(b.exe)),
);

let dir = "";
beforeAll(async () => {
  dir = await tempDir("bpyts standalone ");
  await writeFile(
    join(dir, "s.ts"),
    `import * as bpy from "bpy";
import { input, setResult, args } from "bpyts/runtime";
const given = input<{ n: number } | null>();
console.log(\`args: \${args.join(",")}\`);
setResult({ n: given?.n ?? -1, objects: bpy.data.objects.length });
`,
  );
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(compilerReady && typingsReady).each(blenders)(
  "a built script without bpyts, Blender $version",
  ({ version, exe }) => {
    it("runs under plain blender --python with --input, --result-file and arguments", async () => {
      const out = join(dir, `s-${version}.py`);
      const built = await bpyts(["build", "s.ts", "-o", out, "--target", version], { cwd: dir });
      expect(built.exitCode, built.stderr).toBe(0);
      const result = join(dir, `r-${version}.json`);
      const stdout = execFileSync(
        exe,
        [
          "-b",
          "--factory-startup",
          "--python-exit-code",
          "1",
          "--python",
          out,
          "--",
          "--input",
          '{"n": 7}',
          "--result-file",
          result,
          "x",
          "y z",
        ],
        { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      );
      expect(stdout).toContain("args: x,y z");
      expect(JSON.parse(await readFile(result, "utf8"))).toEqual({ n: 7, objects: 3 });
    });

    it("runs from Blender's Text Editor (no arguments: no input, the result printed)", async () => {
      const out = join(dir, `s-${version}.py`);
      if (!existsSync(out)) {
        const built = await bpyts(["build", "s.ts", "-o", out, "--target", version], { cwd: dir });
        expect(built.exitCode, built.stderr).toBe(0);
      }
      // What Text > Run Script does: the text block's source run as __main__.
      const expr = `import bpy; t = bpy.data.texts.load(${JSON.stringify(out)}); exec(compile(t.as_string(), t.name, "exec"), {"__name__": "__main__"})`;
      const stdout = execFileSync(
        exe,
        ["-b", "--factory-startup", "--python-exit-code", "1", "--python-expr", expr],
        {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        },
      );
      expect(stdout).toContain('{"n": -1, "objects": 3}');
    });
  },
);
