# Live check of the hand-written type overrides for Python-defined members (generator/src/
# overrides.ts): each value is computed in Blender and compared with the declared shape.
import sys

import bpy
from bpy_extras import object_utils

problems = []


def check(name, ok):
    if not ok:
        problems.append(name)


def int_pair(x):
    return isinstance(x, tuple) and len(x) == 2 and all(isinstance(i, int) for i in x)


bpy.ops.mesh.primitive_cube_add()
mesh = bpy.context.active_object.data
mesh.calc_loop_triangles()
poly = mesh.polygons[0]
check("MeshPolygon.loop_indices: readonly number[]", all(isinstance(i, int) for i in poly.loop_indices) and len(poly.loop_indices) == 4 and poly.loop_indices[0] == poly.loop_start)
check("MeshPolygon.edge_keys: pairs", all(int_pair(k) for k in poly.edge_keys))
check("MeshLoopTriangle.edge_keys: pairs", all(int_pair(k) for k in mesh.loop_triangles[0].edge_keys))
check("Mesh.edge_keys: pairs", all(int_pair(k) for k in mesh.edge_keys))
check("MeshEdge.key: pair", int_pair(mesh.edges[0].key))
check("object_add_grid_scale: number", isinstance(object_utils.object_add_grid_scale(bpy.context), float))
bpy.context.scene["k"] = 1
group = bpy.context.scene.id_properties_ensure()
check("IDPropertyGroup.keys: string[]", list(group.keys()) == ["k"])
check("IDPropertyGroup.to_dict: Record", group.to_dict() == {"k": 1})
check("IDPropertyGroup.items: pairs", [tuple(x) for x in group.items()] == [("k", 1)])
check("IDPropertyGroup.get: value", group.get("k") == 1)

class _Op(bpy.types.Operator):
    bl_idname = "object.bpyts_as_keywords"
    bl_label = "x"
    count: bpy.props.IntProperty(default=3)

    def execute(self, context):
        kw = self.as_keywords()
        check("Operator.as_keywords: Record", isinstance(kw, dict) and kw.get("count") == 3)
        return {"FINISHED"}


bpy.utils.register_class(_Op)
bpy.ops.object.bpyts_as_keywords()
import bmesh
from mathutils import Vector

bm = bmesh.new()
bm.from_mesh(mesh)
kinds = {
    ("loops", "uv"): bmesh.types.BMLoopUV,
    ("loops", "color"): Vector,
    ("loops", "float"): float,
    ("loops", "int"): int,
    ("verts", "deform"): bmesh.types.BMDeformVert,
    ("verts", "float_vector"): Vector,
    ("edges", "float"): float,
    ("faces", "int"): int,
}
for (seq_name, kind), expected in kinds.items():
    seq = getattr(bm, seq_name)
    collection = getattr(seq.layers, kind, None)
    if collection is None:
        continue  # not in this version
    layer = collection.verify()
    if seq_name == "loops":
        bm.faces.ensure_lookup_table()
        elem = bm.faces[0].loops[0]
    else:
        seq.ensure_lookup_table()
        elem = seq[0]
    check("layer %s.%s: %s" % (seq_name, kind, expected.__name__), isinstance(elem[layer], expected))
bm.free()

import addon_utils

check("addon_utils.check: [boolean, boolean]", all(isinstance(x, bool) for x in addon_utils.check("io_scene_gltf2")) and len(addon_utils.check("io_scene_gltf2")) == 2)
check("addon_utils.paths: string[]", all(isinstance(p, str) for p in addon_utils.paths()))
mods = addon_utils.modules()
check("addon_utils.modules: list", isinstance(mods, list) and len(mods) > 0)
check("addon_utils.module_bl_info: Record", isinstance(addon_utils.module_bl_info(mods[0]), dict))
check("addon_utils.disable: None", addon_utils.disable("io_scene_gltf2") is None)
print("OVERRIDE-PROBLEMS:" + ",".join(problems))
sys.exit(1 if problems else 0)
