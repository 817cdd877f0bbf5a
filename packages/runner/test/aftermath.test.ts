// Nothing the runner does after the script may crash Blender: a script that used
// bpy.data.temp_data() with a library load inside exits 0 under plain `blender -b --python`, and
// crashed (SIGSEGV, 3 of 3) when the runner imported a module afterwards (garbage collection).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { pyFile, tempDir } from "./helpers.js";

describe("after the script", () => {
  it("a temp_data() library load leaves Blender able to finish the run cleanly", async () => {
    const dir = await tempDir();
    const lib = join(dir, "lib.blend");
    execFileSync("blender", [
      "-b",
      "--factory-startup",
      "--python-expr",
      `import bpy; bpy.ops.wm.save_as_mainfile(filepath=${JSON.stringify(lib)})`,
    ]);
    const script = await pyFile(
      [
        "import bpy",
        "from bpyts.runtime import setResult",
        "with bpy.data.temp_data() as temp:",
        `    with temp.libraries.load(${JSON.stringify(lib)}) as (data_from, data_to):`,
        "        data_to.objects = list(data_from.objects)",
        "    names = sorted(o.name for o in data_to.objects)",
        "setResult(names)",
        "",
      ].join("\n"),
    );
    for (let i = 0; i < 3; i++) {
      const r = await run(script);
      expect(r.error?.format()).toBeUndefined();
      expect(r.exitCode).toBe(0);
      expect(r.result).toEqual(["Camera", "Cube", "Light"]);
    }
  });
});
