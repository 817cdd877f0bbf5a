// TypeScript version of Blender's templates_py/background_job.py
// Arguments after `--` come from bpyts/runtime's `args` (argparse → a small loop).
import * as bpy from "bpy";
import { args } from "bpyts/runtime";

function example_function(
  text: string,
  save_path: string | null,
  render_path: string | null,
): void {
  // Clear existing objects.
  bpy.ops.wm.read_factory_settings({ use_empty: true });
  const scene = bpy.context.scene;

  const txt_data = bpy.data.curves.new("MyText", "FONT") as bpy.types.TextCurve;
  // Text Object
  const txt_ob = bpy.data.objects.new("MyText", txt_data);
  scene.collection.objects.link(txt_ob); // add the data to the scene as an object
  txt_data.body = text; // the body text to the command line arg given
  txt_data.align_x = "CENTER"; // center text

  // Camera
  const cam_data = bpy.data.cameras.new("MyCam");
  const cam_ob = bpy.data.objects.new("MyCam", cam_data);
  scene.collection.objects.link(cam_ob); // instance the camera object in the scene
  scene.camera = cam_ob; // set the active camera
  cam_ob.location = [0.0, 0.0, 10.0];

  // Light
  const light_data = bpy.data.lights.new("MyLight", "POINT");
  const light_ob = bpy.data.objects.new("MyLight", light_data);
  scene.collection.objects.link(light_ob);
  light_ob.location = [2.0, 2.0, 5.0];

  bpy.context.view_layer.update();

  if (save_path) bpy.ops.wm.save_as_mainfile({ filepath: save_path });
  if (render_path) {
    const render = scene.render;
    render.use_file_extension = true;
    render.filepath = render_path;
    bpy.ops.render.render({ write_still: true });
  }
}

function main(): void {
  let text: string | null = null;
  let save_path: string | null = null;
  let render_path: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-t" || a === "--text") text = args[++i] ?? null;
    else if (a === "-s" || a === "--save") save_path = args[++i] ?? null;
    else if (a === "-r" || a === "--render") render_path = args[++i] ?? null;
  }
  if (!text) {
    console.log('Error: --text="some string" argument not given, aborting.');
    return;
  }
  example_function(text, save_path, render_path);
  console.log("batch job finished, exiting");
}

main();
