/** Blender-layer diagnostics (BPY2xxx) and type errors for bad Blender input, real 3.4 typings. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSource } from "../../src/index.js";

const repo = path.join(import.meta.dirname, "../../../..");
const typeRoots = [
  path.join(repo, "packages/blender-3.4/index.d.ts"),
  path.join(repo, "packages/runner/runtime/bpyts-runtime.d.ts"),
];
const codes = (src: string): string[] =>
  compileSource(src, {
    fileName: path.join(import.meta.dirname, "diag-input.ts"),
    typeRoots,
  }).diagnostics.map((d) => `${d.code}@${d.line}`);

const HEAD = 'import * as bpy from "bpy";\nimport { Vector } from "mathutils";\n';

describe("Blender diagnostics", () => {
  it("BPY2001: in-place operator macro used as a value", () => {
    expect(
      codes(HEAD + "const v = new Vector([1, 2, 3]);\nconst r = v.iadd(v);\nconsole.log(r);"),
    ).toContain("BPY2001@4");
  });
  it("BPY2002: using on a disposable that is no Python context manager", () => {
    expect(
      codes(
        HEAD +
          "class Res { [Symbol.dispose](): void {} }\nfunction f(): void {\n  using r = new Res();\n  console.log(r);\n}\nf();",
      ),
    ).toContain("BPY2002@5");
  });
  it("BPY2010: an item a registered class writes that Blender does not accept", () => {
    const src = [
      "class Op extends bpy.types.Operator {",
      '  bl_idname = "object.op";', // 4
      '  bl_label = "Op";',
      '  bl_options = new Set(["REGISTER", "UNDOO"]);', // 6: typo in a set field
      "  execute(context: bpy.types.Context) {",
      '    if (context.mode === "OBJECT") return new Set(["FINISHED"]);', // 8: fine
      '    return new Set(["CANCELED"]);', // 9: typo in a returned set
      "  }",
      "}",
      "class P extends bpy.types.Panel {",
      '  bl_label = "P";',
      '  bl_space_type = "VIEW_3DD";', // 14: typo in a string field
      '  bl_region_type = "UI";',
      "  draw(context: bpy.types.Context) {}",
      "}",
      "console.log(Op.name, P.name);",
    ];
    const found = codes(HEAD + src.join("\n")).filter((c) => c.startsWith("BPY2010"));
    expect(found.sort()).toEqual(["BPY2010@14", "BPY2010@6", "BPY2010@9"].sort());
    const d = compileSource(HEAD + src.join("\n"), {
      fileName: path.join(import.meta.dirname, "diag-input.ts"),
      typeRoots,
    }).diagnostics.find((x) => x.line === 14)!;
    expect(d.suggestion).toBe("did you mean 'VIEW_3D'?");
  });
  it("BPY2011: an operator's execution context that is not a literal or const", () => {
    const src = [
      'let mode: bpy.ops.ExecutionContext = "EXEC_DEFAULT";',
      "const fixed = mode;",
      "bpy.ops.object.select_all(undefined, fixed);", // 5: const: fine
      'bpy.ops.object.select_all({ action: "SELECT" }, mode);', // 6: a let: refused
      "bpy.ops.object.select_all(undefined, fixed, true);", // 7: fine
    ];
    expect(codes(HEAD + src.join("\n"))).toEqual(["BPY2011@6"]);
  });
  it("BPY2012: a collection item by name written as a member", () => {
    const src = [
      'console.log(bpy.data.objects["Cube"].name);', // 3: fine
      "console.log(bpy.data.objects.lenght);", // 4: refused
      "console.log(bpy.data.objects.length);", // 5: a member: fine
    ];
    expect(codes(HEAD + src.join("\n"))).toEqual(["BPY2012@4"]);
  });
  it("BPY2008: a context manager's value used without using", () => {
    const lines = [
      "const [from, to] = bpy.data.libraries.load('/tmp/x.blend');", // 3: destructured
      "console.log(from, to);",
      "bpy.context.temp_override({});", // 5: called for effect
      "const d = bpy.data.temp_data();", // 6: bound with const
      "console.log(d.objects.length);",
      "function lib(p: string) {", // 8
      "  return bpy.data.libraries.load(p);", // 9: returned: the caller's using is checked
      "}",
      "using l = lib('/tmp/x.blend');", // 11: fine
      "using t = (bpy.data.temp_data());", // 12: fine
      "console.log(l, t.objects.length);",
    ];
    const got = codes(HEAD + lines.join("\n"));
    expect(got.filter((c) => c.startsWith("BPY2008"))).toEqual([
      "BPY2008@3",
      "BPY2008@5",
      "BPY2008@6",
    ]);
  });
  it("BPY2003: await using", () => {
    expect(
      codes(HEAD + "await using d = bpy.data.temp_data();\nconsole.log(d.objects.length);"),
    ).toContain("BPY2003@3");
  });
  it("BPY2004: constructor in a class registered with Blender", () => {
    expect(
      codes(
        HEAD +
          'class Op extends bpy.types.Operator {\n  bl_idname = "x.y";\n  constructor() {\n    super();\n  }\n}\nconsole.log(Op);',
      ),
    ).toContain("BPY2004@5");
  });
  it("BPY2005: optional call of an operator macro", () => {
    expect(
      codes(
        HEAD +
          "const v: Vector | null = bpy.context.object?.location ?? null;\nconsole.log(v?.add(v));",
      ),
    ).toContain("BPY2005@4");
  });
  it("BPY2006: calling the user register() next to the generated one", () => {
    expect(
      codes(
        HEAD +
          'class Op extends bpy.types.Operator {\n  bl_idname = "x.y";\n}\nexport function register(): void {\n  console.log(Op);\n}\nregister();',
      ),
    ).toContain("BPY2006@9");
  });
  it("BPY2009: a registered callback with more parameters than Blender passes", () => {
    const cls = (m: string): string =>
      HEAD +
      `class P extends bpy.types.Panel {\n  bl_label = "p";\n  bl_space_type = "VIEW_3D" as const;\n  bl_region_type = "UI" as const;\n  ${m}\n}\nconsole.log(P);`;
    expect(codes(cls("draw(context: bpy.types.Context, extra?: number): void {}"))).toEqual([
      "BPY2009@7",
    ]);
    expect(codes(cls("draw(...args: bpy.types.Context[]): void {}"))).toEqual(["BPY2009@7"]);
    // fewer parameters are completed (Blender's arity), helpers are free
    expect(
      codes(cls("draw(): void {}\n  helper(a: number, b?: number): number { return a; }")),
    ).toEqual([]);
  });
  it("BPY1029: a Blender object passed as a plain object type or cast to a Record", () => {
    const lines = [
      "function start(p: { loop_start: number }): number {",
      "  return p.loop_start;",
      "}",
      'const me = bpy.data.meshes.new("m");',
      "for (const p of me.polygons) console.log(start(p));", // 7
      "const rec = me.polygons[0] as unknown as Record<string, number>;", // 8
      "function typed(p: bpy.types.MeshPolygon): number {",
      "  return p.loop_start;",
      "}",
      "for (const p of me.polygons) console.log(typed(p), start({ loop_start: 1 }), rec);",
    ];
    expect(codes(HEAD + lines.join("\n"))).toEqual(["BPY1029@7", "BPY1029@8"]);
  });
  it("BPY2007: bl_info text without a UTF-8 form, a version that is not integers", () => {
    expect(
      codes('export const bl_info = {\n  name: "a\\ud800b",\n  version: [1, 0.5, 0],\n};'),
    ).toEqual(["BPY2007@2", "BPY2007@3"]);
  });
  it("misspelled operator option, wrong enum, wrong positional: type errors at the line", () => {
    // one signature per operator: one error, with TypeScript's "Did you mean"
    const sise = compileSource(HEAD + "bpy.ops.mesh.primitive_cube_add({ sizee: 2 });", {
      fileName: path.join(import.meta.dirname, "diag-input.ts"),
      typeRoots,
    }).diagnostics;
    expect(sise.map((d) => `${d.code}@${d.line}`)).toEqual(["TS2561@3"]);
    expect(sise[0]!.message).toContain("Did you mean to write 'size'?");
    expect(codes(HEAD + 'bpy.ops.object.select_all({ action: "NOPE" });')).toEqual(["TS2322@3"]);
    expect(codes(HEAD + 'bpy.ops.mesh.primitive_cube_add({ size: 2 }, "EXEC_NOPE");')).toEqual([
      "TS2345@3",
    ]);
    expect(codes(HEAD + 'const o = bpy.data.objects["Cube"];\nconsole.log(o.name);')).toEqual([]);
    expect(codes(HEAD + "const v = new Vector([1, 2, 3]);\nconsole.log(v + v);")[0]).toMatch(
      /^TS\d+@4$/,
    );
  });
});
