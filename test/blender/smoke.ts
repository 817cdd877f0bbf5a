// Compiler × Blender semantics checked in real Blender (run by templates.test.ts's driver):
// collections, tuple results, mathutils operators, swizzles, bmesh.ops dicts, `using`.
import * as bpy from "bpy";
import * as bmesh from "bmesh";
import { Vector, Matrix } from "mathutils";

const n = bpy.data.objects.length;
const cube = bpy.data.objects.get("Cube")!;
const missing = bpy.data.objects.get("Nope");
const first = bpy.data.objects[0]!;
const names: string[] = [];
for (const [name, ob] of bpy.data.objects.items()) names.push(`${name}:${ob.type}`);
const [hit, loc, , index] = cube.ray_cast([0, 0, 5], [0, 0, -1], { distance: 100 });
cube.location.x += 2;

const v = new Vector([1, 2, 3]);
const w = v.add(new Vector([1, 1, 1])).mul(2);
const mv = Matrix.Translation([1, 0, 0]).matmul(v);
v.iadd(w);
const mag = new Vector([3, 4, 0]).length;
const neg = v.neg();

const bm = bmesh.new();
const made = bmesh.ops.create_cube(bm, { size: 2 });
const nv = made.verts.length;
bm.free();

// (bpy.data.temp_data() is not used here: Blender 3.4 crashes on quit after it)
let libObjects: string[] = [];
{
  using lib = bpy.data.libraries.load(bpy.data.filepath);
  const [from] = lib;
  libObjects = [...from.objects].sort();
}

// A JS Set held in a variable crosses to Blender as a Python set; an absent spread passes nothing.
const libPath = `${bpy.app.tempdir}bpyts-smoke-lib.blend`;
const keep = new Set<bpy.types.ID>([bpy.data.materials.new("Kept")]);
bpy.data.libraries.write(libPath, keep, { fake_user: true });
let written: string[] = [];
{
  using lib = bpy.data.libraries.load(libPath);
  const [from] = lib;
  written = [...from.materials];
}
interface CubeOptions {
  location?: [number, number, number];
}
function addCube(extra?: CubeOptions): void {
  bpy.ops.mesh.primitive_cube_add({ size: 1, ...extra });
}
addCube();
addCube({ location: [0, 0, 3] });
const added = bpy.data.objects.length - n;

export const result = {
  n,
  missing: missing === null,
  first: first.name,
  names: names.sort(),
  hit,
  z: loc.z,
  index: index >= 0,
  x: cube.location.x,
  w: [w.x, w.y, w.z],
  mv: [mv.x, mv.y, mv.z],
  v: [v.x, v.y, v.z],
  xy: [v.xy.x, v.xy.y],
  neg: neg.x,
  eq: w.eq(new Vector([4, 6, 8])),
  mag,
  nv,
  libObjects,
  len: v.len(),
  written,
  added,
};
