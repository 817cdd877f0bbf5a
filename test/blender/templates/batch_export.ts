// TypeScript version of Blender's templates_py/batch_export.py
// exports each selected object into its own file (os.path → bpy.path, string concatenation)
import * as bpy from "bpy";

const basedir = bpy.path.abspath("//");
if (!bpy.data.filepath) throw new Error("Blend file is not saved");

const view_layer = bpy.context.view_layer;
const obj_active = view_layer.objects.active;
const selection = bpy.context.selected_objects;

bpy.ops.object.select_all({ action: "DESELECT" });

for (const obj of selection) {
  obj.select_set(true);
  // some exporters only use the active object
  view_layer.objects.active = obj;
  const name = bpy.path.clean_name(obj.name);
  const fn = basedir + name;
  bpy.ops.export_scene.fbx({ filepath: fn + ".fbx", use_selection: true });
  // Can be used for multiple formats
  // bpy.ops.export_scene.x3d({ filepath: fn + ".x3d", use_selection: true });
  obj.select_set(false);
  console.log("written:", fn);
}

view_layer.objects.active = obj_active;
for (const obj of selection) obj.select_set(true);
