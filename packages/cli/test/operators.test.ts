// The project's own operators typed for bpy.ops (compiler addon/operators.ts): every command
// keeps bpyts-operators.d.ts beside tsconfig.json in step with the operator classes, before the
// project is checked, so `bpy.ops.object.my_op({ … })` type-checks in the CLI as in the editor.
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { findBlender } from "@bpyts/runner";
import { afterAll, describe, expect, it } from "vitest";
import { bpyts, compilerReady, tempDir, typingsReady } from "./helpers.js";
import { initProject } from "./project-fixture.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const operator = (idname: string, call: string) => `import * as bpy from "bpy";

/** Add cubes in a row. */
class AddCubes extends bpy.types.Operator {
  bl_idname = "${idname}";
  bl_label = "Add Cubes";
  bl_options = new Set(["REGISTER", "UNDO"]);
  /** How many. */
  count = bpy.props.IntProperty({ name: "Count", default: 2, min: 1 });
  mode = bpy.props.EnumProperty({ items: [["ROW", "Row", ""], ["GRID", "Grid", ""]] });
  execute(_context: bpy.types.Context) {
    for (let i = 0; i < this.count; i++) bpy.ops.mesh.primitive_cube_add({ location: [i * 3, 0, 0] });
    console.log(\`added \${this.count} \${this.mode}\`);
    return new Set(["FINISHED"]);
  }
}
bpy.utils.register_class(AddCubes);
${call}
`;

describe.skipIf(!compilerReady || !typingsReady)("the project's operators for bpy.ops", () => {
  it("declares them before checking, follows renames, removes the file when none is left", async () => {
    const d = await tempDir("bpyts operators ");
    dirs.push(d);
    const decl = join(d, "bpyts-operators.d.ts");
    await initProject(d, {
      blender: "3.4",
      files: {
        "src/main.ts": operator(
          "object.add_cubes",
          'bpy.ops.object.add_cubes({ count: 3, mode: "GRID" });',
        ),
      },
    });
    const ok = await bpyts(["check"], { cwd: d });
    expect(ok.stdout + ok.stderr).toBe("");
    expect(ok.exitCode).toBe(0);
    const text = await readFile(decl, "utf8");
    expect(text).toContain("namespace object {");
    expect(text).toContain("const add_cubes: BpyOperator<{");
    expect(text).toContain("count?: number;");
    expect(text).toContain('mode?: "ROW" | "GRID";');
    expect(text).toContain("class AddCubes in src/main.ts");

    // a wrong option is a type error at the call, as in the editor
    await writeFile(
      join(d, "src/main.ts"),
      operator("object.add_cubes", 'bpy.ops.object.add_cubes({ count: "3" });'),
    );
    const bad = await bpyts(["check"], { cwd: d });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/src\/main\.ts:\d+:\d+ - error TS2322/);

    // renamed: the old name is gone from bpy.ops
    await writeFile(
      join(d, "src/main.ts"),
      operator("object.add_cubes_2", "bpy.ops.object.add_cubes({});"),
    );
    const renamed = await bpyts(["check"], { cwd: d });
    expect(renamed.stdout + renamed.stderr).toMatch(/Property 'add_cubes' does not exist/);
    expect(await readFile(decl, "utf8")).toContain("const add_cubes_2:");

    // no operator left: the generated file is removed
    await writeFile(join(d, "src/main.ts"), 'console.log("none");\n');
    const none = await bpyts(["check"], { cwd: d });
    expect(none.exitCode).toBe(0);
    expect(existsSync(decl)).toBe(false);
  });

  it("leaves a file of that name alone when bpyts did not write it", async () => {
    const d = await tempDir("bpyts operators ");
    dirs.push(d);
    const mine = "// my own declarations\nexport {};\n";
    await initProject(d, {
      blender: "3.4",
      files: {
        "bpyts-operators.d.ts": mine,
        "src/main.ts": operator("object.add_cubes", ""),
      },
    });
    const r = await bpyts(["check"], { cwd: d });
    expect(r.exitCode).toBe(0);
    expect(await readFile(join(d, "bpyts-operators.d.ts"), "utf8")).toBe(mine);
  });

  it.skipIf(!findBlender())("runs: the operator is called with the checked options", async () => {
    const d = await tempDir("bpyts operators ");
    dirs.push(d);
    await initProject(d, {
      blender: "3.4",
      files: {
        "src/main.ts": operator(
          "object.add_cubes",
          'bpy.ops.object.add_cubes({ count: 4, mode: "GRID" });',
        ),
      },
    });
    const r = await bpyts(["run", "src/main.ts"], { cwd: d });
    expect(r.stdout).toContain("added 4 GRID");
    expect(r.exitCode).toBe(0);
  });
});
