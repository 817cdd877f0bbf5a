// TypeScript version of Blender's templates_py/operator_mesh_add.py
// (AddObjectHelper, a Python mix-in, is left out: TypeScript classes have one base class.)
import * as bpy from "bpy";
import * as bmesh from "bmesh";
import { object_data_add } from "bpy_extras.object_utils";
import { FloatProperty } from "bpy.props";

type V3 = [number, number, number];

/** Returns vertex and face arrays; no actual mesh data creation is done here. */
function add_box(width: number, height: number, depth: number): [V3[], number[][]] {
  const verts: V3[] = [
    [+1.0, +1.0, -1.0],
    [+1.0, -1.0, -1.0],
    [-1.0, -1.0, -1.0],
    [-1.0, +1.0, -1.0],
    [+1.0, +1.0, +1.0],
    [+1.0, -1.0, +1.0],
    [-1.0, -1.0, +1.0],
    [-1.0, +1.0, +1.0],
  ];
  const faces = [
    [0, 1, 2, 3],
    [4, 7, 6, 5],
    [0, 4, 5, 1],
    [1, 5, 6, 2],
    [2, 6, 7, 3],
    [4, 0, 3, 7],
  ];
  const scaled = verts.map((v): V3 => [v[0] * width, v[1] * depth, v[2] * height]);
  return [scaled, faces];
}

/** Add a simple box mesh */
export class AddBox extends bpy.types.Operator {
  static bl_idname = "mesh.primitive_box_add";
  bl_label = "Add Box";
  bl_options = new Set(["REGISTER", "UNDO"] as const);

  width = FloatProperty({
    name: "Width",
    description: "Box Width",
    min: 0.01,
    max: 100.0,
    default: 1.0,
  });
  height = FloatProperty({
    name: "Height",
    description: "Box Height",
    min: 0.01,
    max: 100.0,
    default: 1.0,
  });
  depth = FloatProperty({
    name: "Depth",
    description: "Box Depth",
    min: 0.01,
    max: 100.0,
    default: 1.0,
  });

  execute(context: bpy.types.Context): Set<bpy.ops.OperatorReturn> {
    const [verts_loc, faces] = add_box(this.width, this.height, this.depth);
    const mesh = bpy.data.meshes.new("Box");
    const bm = bmesh.new();
    for (const v_co of verts_loc) bm.verts.new(v_co);
    bm.verts.ensure_lookup_table();
    // typings gap: BMFaceSeq.new(verts) is declared with one BMVert instead of a sequence
    for (const f_idx of faces) bm.faces.new(f_idx.map((i) => bm.verts[i]!));
    bm.to_mesh(mesh);
    mesh.update();
    // without AddObjectHelper's align/location/rotation properties: no operator argument
    object_data_add(context, mesh);
    return new Set(["FINISHED"]);
  }
}
