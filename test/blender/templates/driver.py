"""Run Blender's templates_py and their TypeScript versions (compiled) in one Blender session and
report the observable effect of each as JSON (test/blender/templates.test.ts)."""
import bpy, json, os, runpy, sys, addon_utils

argv = sys.argv[sys.argv.index("--") + 1 :]
cfg = json.loads(argv[0])
out = {}


def reset():
    bpy.ops.wm.read_factory_settings(use_empty=False)


def run(path):
    return runpy.run_path(path, run_name="__main__")


def clear_objects():
    for o in list(bpy.data.objects):
        bpy.data.objects.remove(o)


def operator_simple(path):
    reset()
    g = run(path)
    registered = hasattr(bpy.types, "OBJECT_OT_simple_operator")
    menu = any(getattr(f, "__name__", "") == "menu_func" for f in bpy.types.VIEW3D_MT_object._dyn_ui_initialize())
    res = sorted(bpy.ops.object.simple_operator())
    g["unregister"]()
    return {"registered": registered, "menu": menu, "result": res, "after": hasattr(bpy.types, "OBJECT_OT_simple_operator")}


def ui_panel(path):
    reset()
    g = run(path)
    registered = hasattr(bpy.types, "SCENE_PT_layout")
    g["unregister"]()
    return {"registered": registered, "after": hasattr(bpy.types, "SCENE_PT_layout")}


def operator_mesh_add(path):
    reset()
    g = run(path)
    clear_objects()
    res = sorted(bpy.ops.mesh.primitive_box_add(width=2.0, height=3.0, depth=4.0))
    ob = bpy.context.view_layer.objects.active
    r = {
        "result": res,
        "objects": len(bpy.data.objects),
        "verts": len(ob.data.vertices),
        "faces": len(ob.data.polygons),
        "dims": [round(d, 4) for d in ob.dimensions],
    }
    g["unregister"]()
    return r


def bmesh_simple(path):
    reset()
    me = bpy.context.object.data
    before = sum(v.co.x for v in me.vertices)
    run(path)
    return {"dx": round(sum(v.co.x for v in me.vertices) - before, 4), "verts": len(me.vertices)}


def batch_export(path):
    reset()
    d = os.path.join(cfg["tmp"], "batch_%d" % len(os.listdir(cfg["tmp"])))
    os.makedirs(d, exist_ok=True)
    bpy.ops.wm.save_as_mainfile(filepath=os.path.join(d, "scene.blend"))
    for o in bpy.data.objects:
        o.select_set(o.type in {"MESH", "LIGHT"})
    run(path)
    return {"files": sorted(f for f in os.listdir(d) if f.endswith(".fbx")), "selected": sorted(o.name for o in bpy.context.selected_objects)}


def background_job(blend):
    bpy.ops.wm.open_mainfile(filepath=blend)
    txt = bpy.data.objects["MyText"].data
    return {
        "objects": sorted((o.name, o.type) for o in bpy.data.objects),
        "text": txt.body,
        "camera": bpy.context.scene.camera.name,
        "cam_z": bpy.data.objects["MyCam"].location.z,
    }


for name, (orig, ts_py) in cfg["templates"].items():
    fn = globals()[name]
    out[name] = {"orig": fn(orig), "ts": fn(ts_py)}

if "addon" in cfg:
    reset()
    bpy.ops.preferences.addon_install(filepath=cfg["addon"]["zip"], overwrite=True)
    mod = addon_utils.enable(cfg["addon"]["module"], default_set=True)
    ob = bpy.context.view_layer.objects.active
    res = sorted(bpy.ops.object.bpyts_move(steps=3))
    prefs = bpy.context.preferences.addons[cfg["addon"]["module"]].preferences
    out["addon"] = {
        "enabled": mod is not None,
        "result": res,
        "x": ob.location.x,
        "version": list(mod.bl_info["version"]),
        "factor": prefs.factor,
    }

if "smoke" in cfg:
    reset()
    bpy.ops.wm.save_as_mainfile(filepath=os.path.join(cfg["tmp"], "smoke.blend"))
    out["smoke"] = run(cfg["smoke"])["result"]

with open(cfg["out"], "w") as f:
    json.dump(out, f)
