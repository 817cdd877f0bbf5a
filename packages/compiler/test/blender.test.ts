import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileSource } from "../src/index.js";

const typings = path.join(import.meta.dirname, "blender-typings.d.ts");
const compile = (src: string): string => {
  const r = compileSource(src, {
    fileName: path.join(import.meta.dirname, "blender-input.ts"),
    typeRoots: [typings],
  });
  expect(r.diagnostics).toEqual([]);
  outputs.push(r.python!);
  return r.python!;
};
const outputs: string[] = [];

describe("Blender contract", () => {
  afterAll(() => {
    // every output is valid Python
    const check = "import json,sys\nfor s in json.load(sys.stdin): compile(s, 'out.py', 'exec')";
    execFileSync("python3", ["-c", check], { input: JSON.stringify(outputs) });
  });
  it("imports bpy first, other modules as Python imports", () => {
    const py = compile(
      'import { Vector } from "mathutils";\nimport * as ops from "bmesh/ops";\nimport * as bpy from "bpy";\nconsole.log(bpy.context.scene.name, new Vector([1, 2, 3]).x);\nops.triangulate(null, { faces: [] });',
    );
    const imports = py
      .split("\n")
      .filter(
        (l) =>
          /^(import|from) /.test(l) &&
          !/^import (math|json|functools|re|decimal|random|sys)$/.test(l),
      );
    expect(imports).toEqual([
      "import bpy",
      "import bmesh.ops as ops",
      "from mathutils import Vector",
    ]);
  });
  it("keeps a different local name for namespace imports", () => {
    expect(compile('import * as B from "bpy";\nconsole.log(B.context.scene.name);')).toContain(
      "import bpy as B\n",
    );
  });
  it("turns KwArgs object literals into keyword arguments", () => {
    const py = compile(
      'import * as bpy from "bpy";\nbpy.ops.mesh.primitive_cube_add({ size: 2, location: [0, 0, 1] });\nbpy.ops.object.transform_apply("OBJECT", { scale: true });',
    );
    // (the Blender layer may pass array literals to Blender as tuples)
    expect(py).toMatch(/bpy\.ops\.mesh\.primitive_cube_add\(size=2, location=[[(]0, 0, 1[\])]\)/);
    expect(py).toContain('bpy.ops.object.transform_apply("OBJECT", scale=True)');
  });
  it("expands records and spreads with **", () => {
    const py = compile(
      'import * as bpy from "bpy";\nconst o: Record<string, number> = { size: 1 };\nbpy.ops.mesh.primitive_cube_add(o);\nbpy.ops.mesh.primitive_cube_add({ ...o, size: 3 });',
    );
    expect(py).toContain("bpy.ops.mesh.primitive_cube_add(**o)\n");
    expect(py).toContain("bpy.ops.mesh.primitive_cube_add(**o, size=3)");
  });
  it("uses len() and for…in iteration on RNA collections, attributes on RNA structs", () => {
    const py = compile(
      'import * as bpy from "bpy";\nfor (const o of bpy.data.objects) o.hide_viewport = false;\nconst n = bpy.data.objects.length;\nconst first = bpy.data.objects[0];\nconsole.log(n, first?.name);',
    );
    expect(py).toContain("for o in bpy.data.objects:\n    o.hide_viewport = False");
    expect(py).toContain("n = len(bpy.data.objects)");
    expect(py).toContain("first = bpy.data.objects[0]");
  });
  it("compares Blender objects with ==", () => {
    const py = compile(
      'import * as bpy from "bpy";\nconst a = bpy.context.active_object;\nconst b = bpy.data.objects[0];\nconsole.log(a === b);',
    );
    expect(py).toContain("a == b");
  });
});
