// The main job: render the default scene (cube, camera, light) to a PNG with Workbench.
import * as bpy from "bpy";

const scene = bpy.context.scene;
scene.render.engine = "BLENDER_WORKBENCH";
scene.render.resolution_x = 640;
scene.render.resolution_y = 360;
scene.render.resolution_percentage = 100;
scene.render.image_settings.file_format = "PNG";
scene.render.filepath = "out/render.png";

const cube = bpy.data.objects.get("Cube");
if (cube !== null) {
  cube.rotation_euler.z = 0.6;
}
bpy.ops.render.render({ write_still: true });
console.log(`rendered ${scene.render.resolution_x}x${scene.render.resolution_y} to out/render.png`);
