# Live pointer-nullness sweep for the generator tests (independent of introspect/).
#
# Creates many real instances (one object of each type, a copy of every copyable ID, one node of
# every node type in a tree of each kind, every modifier/constraint type, sequencer strips, a
# second scene, …), then walks every struct reachable from bpy.data / bpy.context (up to
# PER_TYPE instances per struct type) and records, for every RNA pointer property (keyed
# "DefiningStruct.property"): how often it was None / set, whether it is read-only, whether its
# target is an ID, and the offsets (target address - owner address) seen per owner type.
#
#   blender -b --factory-startup --python-exit-code 1 --python pointer_sweep.py -- out.json
import json
import os
import sys

import bpy

sys.stdout.reconfigure(line_buffering=True)
out_path = sys.argv[sys.argv.index("--") + 1]
PER_TYPE = 40
DEBUG = bool(os.environ.get("BPYTS_DEBUG"))
SKIP = {"Paint", "UnifiedPaintSettings", "Brush"}  # reading some crashes 4.3 in background
SKIP_PROPS = {"material_slots"}  # crashes 3.4 on some of the created empties (not a pointer)


def attempt(fn):
    try:
        return fn()
    except Exception:
        return None


def populate():
    scene = bpy.context.scene
    coll = scene.collection
    datas = [None]
    datas.append(bpy.data.meshes.new("m"))
    for t in ("CURVE", "SURFACE", "FONT"):
        datas.append(attempt(lambda: bpy.data.curves.new("c" + t, t)))
    for getter in ("metaballs", "armatures", "lattices", "cameras", "speakers", "volumes", "pointclouds", "hair_curves", "grease_pencils"):
        c = getattr(bpy.data, getter, None)
        if c is not None:
            datas.append(attempt(lambda: c.new(getter)))
    for t in ("POINT", "SUN", "SPOT", "AREA"):
        datas.append(bpy.data.lights.new("l" + t, t))
    objs = []
    for d in datas:
        if d is None and objs:
            continue
        ob = bpy.data.objects.new("o_%s" % (type(d).__name__ if d else "EMPTY"), d)
        coll.objects.link(ob)
        objs.append(ob)
    mesh_ob = objs[1]
    bpy.context.view_layer.objects.active = mesh_ob
    for t in ("CUBE", "PLANAR", "SPHERE", "GRID"):
        attempt(lambda: bpy.ops.object.lightprobe_add(type=t))
    for item in bpy.types.Modifier.bl_rna.properties["type"].enum_items:
        attempt(lambda: mesh_ob.modifiers.new(item.identifier.lower(), item.identifier))
    for item in bpy.types.Constraint.bl_rna.properties["type"].enum_items:
        attempt(lambda: mesh_ob.constraints.new(item.identifier))
    attempt(lambda: bpy.ops.rigidbody.world_add())
    attempt(lambda: bpy.ops.rigidbody.object_add())
    attempt(lambda: bpy.ops.object.forcefield_toggle())
    attempt(lambda: mesh_ob.shape_key_add(name="Basis"))
    for t in bpy.types.Texture.bl_rna.properties["type"].enum_items:
        attempt(lambda: bpy.data.textures.new("t" + t.identifier, t.identifier))
    idnames = [n for n in dir(bpy.types) if n.startswith(("ShaderNode", "CompositorNode", "TextureNode", "GeometryNode", "FunctionNode", "Node"))]
    for tree_type in ("ShaderNodeTree", "CompositorNodeTree", "TextureNodeTree", "GeometryNodeTree"):
        nt = attempt(lambda: bpy.data.node_groups.new(tree_type, tree_type))
        if nt is None:
            continue
        for idn in idnames:
            attempt(lambda: nt.nodes.new(idn))
    mat = bpy.data.materials.new("mat")
    mat.use_nodes = True
    mesh_ob.data.materials.append(mat)
    scene.use_nodes = True
    if scene.world:
        scene.world.use_nodes = True
    ed = scene.sequence_editor_create()
    strips = getattr(ed, "sequences", None) or getattr(ed, "strips", None)
    effect = getattr(bpy.types, "EffectSequence", None) or getattr(bpy.types, "EffectStrip", None)
    if strips is not None and effect is not None:
        for t in effect.bl_rna.properties["type"].enum_items:
            attempt(lambda: strips.new_effect(t.identifier, t.identifier, 1, 1, frame_end=10))
        attempt(lambda: strips.new_scene("sc", scene, 2, 1))
        attempt(lambda: strips.new_image("im", "//x.png", 3, 1))
        attempt(lambda: strips.new_meta("meta", 4, 1))
    attempt(lambda: mesh_ob.modifiers.new("ps", "PARTICLE_SYSTEM"))
    attempt(lambda: bpy.data.actions.new("act").fcurves.new("location", index=0).keyframe_points.insert(1, 1))
    # a second instance of (nearly) everything: ID copies
    for coll_name in dir(bpy.data):
        c = getattr(bpy.data, coll_name, None)
        if not isinstance(c, bpy.types.bpy_prop_collection) or coll_name in ("window_managers", "screens", "workspaces", "libraries"):
            continue
        for idb in list(c)[:3]:
            attempt(lambda: idb.copy())
    bpy.data.scenes.new("second")


populate()
print("pointer_sweep: populated", flush=True)

stats = {}
seen_by_type = {}
queue = []
for getter in (
    lambda: bpy.data,
    lambda: bpy.context.scene,
    lambda: bpy.context.view_layer,
    lambda: bpy.context.window_manager,
    lambda: bpy.context.preferences,
):
    v = attempt(getter)
    if v is not None:
        queue.append(v)
for c in dir(bpy.data):
    v = getattr(bpy.data, c, None)
    if isinstance(v, bpy.types.bpy_prop_collection):
        queue.extend(list(v))

defining = {}


def owner_of(rna, pid):
    key = (rna.identifier, pid)
    if key not in defining:
        b = rna
        while b.base is not None and pid in b.base.properties:
            b = b.base
        defining[key] = b.identifier
    return defining[key]


def is_id(rna):
    b = rna
    while b is not None:
        if b.identifier == "ID":
            return True
        b = b.base
    return False


visited = set()
while queue:
    inst = queue.pop()
    try:
        rna = inst.bl_rna
        addr = inst.as_pointer()
    except Exception:
        continue
    key = (rna.identifier, addr)
    if key in visited:
        continue
    b = rna
    while b is not None and b.identifier not in SKIP:
        b = b.base
    if b is not None:
        continue
    n = seen_by_type.get(rna.identifier, 0)
    if n >= PER_TYPE:
        continue
    seen_by_type[rna.identifier] = n + 1
    visited.add(key)
    for p in rna.properties:
        if p.identifier == "rna_type" or p.type not in ("POINTER", "COLLECTION") or p.identifier in SKIP_PROPS:
            continue
        if DEBUG:
            print("READ", rna.identifier, p.identifier, getattr(inst, "name", ""), flush=True)
        try:
            value = getattr(inst, p.identifier)
        except Exception:
            continue
        if p.type == "COLLECTION":
            try:
                queue.extend(list(value)[:20])
            except Exception:
                pass
            continue
        k = "%s.%s" % (owner_of(rna, p.identifier), p.identifier)
        s = stats.get(k)
        if s is None:
            s = stats[k] = {
                "none": 0,
                "set": 0,
                "readonly": bool(p.is_readonly),
                "neverNone": bool(p.is_never_none),
                "runtime": bool(p.is_runtime),
                "targetIsID": is_id(p.fixed_type),
                "offsets": {},
            }
        if value is None:
            s["none"] += 1
            continue
        s["set"] += 1
        if hasattr(value, "bl_rna"):
            try:
                off = value.as_pointer() - addr
                s["offsets"].setdefault(rna.identifier, [])
                if off not in s["offsets"][rna.identifier]:
                    s["offsets"][rna.identifier].append(off)
            except Exception:
                pass
            queue.append(value)

with open(out_path, "w") as f:
    json.dump({"version": bpy.app.version_string, "instances": len(visited), "pointers": stats}, f, sort_keys=True)
print("pointer_sweep: %d instances, %d pointer properties" % (len(visited), len(stats)))
