// Data visualisation: a bar chart or a scatter plot from JSON data, rendered to PNG
// (Workbench by default, EEVEE or Cycles on request), optionally as an animation of growing bars.
//
//   npx bpyts run examples/dataviz/main.ts --input @examples/dataviz/sales.json
//
// Layout (so that a test, or you, can find every bar in the picture): an orthographic camera looks
// along +Y with ortho_scale 10, so the image spans x ∈ [-5, 5] and z ∈ [-5·h/w, 5·h/w]. The plot
// area is x ∈ [-4.5, 4.5], z ∈ [BOTTOM, TOP]; bar i of n is centred at x = -4.5 + (i + 0.5)·9/n,
// 0.6·9/n wide and (TOP - BOTTOM)·value/max tall. Scatter points are scaled to the same area.
import * as bpy from "bpy";
import * as bmesh from "bmesh";
import { Matrix } from "mathutils";
import { input, setResult } from "bpyts/runtime";

type RGB = [number, number, number];
type Engine = "BLENDER_WORKBENCH" | "BLENDER_EEVEE" | "CYCLES";

interface ChartInput {
  kind: "bar" | "scatter";
  /** Bar chart: one bar per value (all ≥ 0), with optional labels under the bars. */
  values?: number[];
  labels?: string[];
  /** Scatter plot: [x, y] pairs. */
  points?: [number, number][];
  /** PNG file; with `frames`, the prefix of the numbered frames (`<output>0001.png`, …). */
  output: string;
  width?: number;
  height?: number;
  engine?: Engine;
  samples?: number;
  /** Animate the bars growing from 0 over this many frames and render every frame. */
  frames?: number;
  palette?: RGB[];
  background?: RGB;
}

const LEFT = -4.5;
const RIGHT = 4.5;
const BOTTOM = -2.8;
const TOP = 3.2;

const cfg = input<ChartInput>();
const width = cfg.width ?? 320;
const height = cfg.height ?? 240;
const engine: Engine = cfg.engine ?? "BLENDER_WORKBENCH";
const palette: RGB[] = cfg.palette ?? [[0.8, 0.1, 0.1]];
const background: RGB = cfg.background ?? [0.9, 0.9, 0.9];

// --- scene, render settings, world, camera, light ---------------------------------------------
const scene = bpy.context.scene;
for (const obj of [...bpy.data.objects]) bpy.data.objects.remove(obj);

// EEVEE's engine id was BLENDER_EEVEE_NEXT in 4.2–4.x (the rewrite), BLENDER_EEVEE before and
// again from 5.0; the input always says BLENDER_EEVEE. The typings of one version list only its
// own ids, so this cross-version script declares both (declaration merging, compiles to nothing).
declare module "bpy.types" {
  interface RenderSettingsEngineRegistry {
    BLENDER_EEVEE: true;
    BLENDER_EEVEE_NEXT: true;
  }
}
const [major, minor] = [bpy.app.version[0], bpy.app.version[1]];
const eeveeNext = major === 4 && minor >= 2;
scene.render.engine = engine === "BLENDER_EEVEE" && eeveeNext ? "BLENDER_EEVEE_NEXT" : engine;
scene.render.resolution_x = width;
scene.render.resolution_y = height;
scene.render.resolution_percentage = 100;
scene.render.image_settings.file_format = "PNG";
scene.render.film_transparent = false;
// "Standard" keeps colours as given (Filmic would tone-map them).
scene.view_settings.view_transform = "Standard";
if (engine === "BLENDER_WORKBENCH") {
  const shading = scene.display.shading;
  shading.light = "FLAT";
  shading.color_type = "MATERIAL";
} else if (engine === "CYCLES") {
  scene.cycles.samples = cfg.samples ?? 16;
  scene.cycles.use_denoising = false; // Debian's build has no OpenImageDenoise
} else {
  scene.eevee.taa_render_samples = cfg.samples ?? 16;
}

const world = scene.world ?? bpy.data.worlds.new("World");
scene.world = world;
world.color = background;
// From 5.0 worlds and materials always use nodes (setting use_nodes is deprecated).
if (major < 5) world.use_nodes = true;
const sky = world.node_tree?.nodes.get("Background") ?? null;
if (sky !== null) {
  const skyColour = sky.inputs.get("Color") as bpy.types.NodeSocketColor | null;
  if (skyColour !== null)
    skyColour.default_value = [background[0], background[1], background[2], 1];
}

const cameraData = bpy.data.cameras.new("Camera");
cameraData.type = "ORTHO";
cameraData.ortho_scale = 10;
const camera = bpy.data.objects.new("Camera", cameraData);
camera.location = [0, -20, 0];
camera.rotation_euler = [Math.PI / 2, 0, 0];
scene.collection.objects.link(camera);
scene.camera = camera;

// lights.new returns a Light; a "SUN" one is a SunLight (where `energy` is declared).
const sunData = bpy.data.lights.new("Sun", "SUN") as bpy.types.SunLight;
sunData.energy = 3;
const sun = bpy.data.objects.new("Sun", sunData);
sun.rotation_euler = [0.8, 0.3, 0.2];
scene.collection.objects.link(sun);

// --- helpers ---------------------------------------------------------------------------------
/** A material that looks the same in all three engines: Workbench uses diffuse_color, EEVEE and
 * Cycles the node tree (a little emission keeps the colour readable whatever the light). */
function flatMaterial(name: string, rgb: RGB): bpy.types.Material {
  const mat = bpy.data.materials.new(name);
  const rgba: [number, number, number, number] = [rgb[0], rgb[1], rgb[2], 1];
  mat.diffuse_color = rgba;
  if (major < 5) mat.use_nodes = true;
  const bsdf = mat.node_tree?.nodes.get("Principled BSDF") ?? null;
  if (bsdf !== null) {
    (bsdf.inputs.get("Base Color") as bpy.types.NodeSocketColor).default_value = rgba;
    // Blender 4.0 renamed the Principled BSDF's "Emission" input to "Emission Color".
    const emission = bsdf.inputs.get("Emission Color") ?? bsdf.inputs.get("Emission");
    (emission as bpy.types.NodeSocketColor).default_value = rgba;
    (bsdf.inputs.get("Emission Strength") as bpy.types.NodeSocketFloat).default_value = 0.6;
  }
  return mat;
}

/** A mesh built with bmesh: a unit box standing on z = 0 (bars scale it), or a small sphere. */
function boxMesh(name: string): bpy.types.Mesh {
  const bm = bmesh.new();
  bmesh.ops.create_cube(bm, { size: 1, matrix: Matrix.Translation([0, 0, 0.5]) });
  const mesh = bpy.data.meshes.new(name);
  bm.to_mesh(mesh);
  bm.free();
  return mesh;
}

function sphereMesh(name: string, radius: number): bpy.types.Mesh {
  const bm = bmesh.new();
  bmesh.ops.create_uvsphere(bm, { u_segments: 16, v_segments: 8, radius: radius });
  const mesh = bpy.data.meshes.new(name);
  bm.to_mesh(mesh);
  bm.free();
  return mesh;
}

function place(name: string, mesh: bpy.types.Mesh, mat: bpy.types.Material): bpy.types.Object {
  mesh.materials.append(mat);
  const obj = bpy.data.objects.new(name, mesh);
  scene.collection.objects.link(obj);
  return obj;
}

function label(text: string, x: number, z: number, size: number): void {
  const curve = bpy.data.curves.new(`Label ${text}`, "FONT") as bpy.types.TextCurve;
  curve.body = text;
  curve.size = size;
  curve.align_x = "CENTER";
  curve.materials.append(flatMaterial(`Label ${text}`, [0.1, 0.1, 0.1]));
  const obj = bpy.data.objects.new(`Label ${text}`, curve);
  obj.location = [x, 0, z];
  obj.rotation_euler = [Math.PI / 2, 0, 0];
  scene.collection.objects.link(obj);
}

// --- the chart ---------------------------------------------------------------------------------
interface Box {
  name: string;
  x: number;
  width: number;
  bottom: number;
  top: number;
}
const boxes: Box[] = [];
const frames = cfg.frames ?? 0;

if (cfg.kind === "bar") {
  const values = cfg.values ?? [];
  if (values.length === 0) throw new Error("a bar chart needs `values`");
  const max = Math.max(...values);
  const slot = (RIGHT - LEFT) / values.length;
  values.forEach((value, i) => {
    const x = LEFT + (i + 0.5) * slot;
    const h = (TOP - BOTTOM) * (value / max);
    const bar = place(
      `Bar ${i}`,
      boxMesh(`Bar ${i}`),
      flatMaterial(`Bar ${i}`, palette[i % palette.length]),
    );
    bar.location = [x, 0, BOTTOM];
    bar.scale = [slot * 0.6, 1, Math.max(h, 0.001)];
    if (frames > 1) {
      // Keyframe the height (scale.z, index 2): flat at frame 1, full height at the last frame.
      bar.scale.z = 0.001;
      bar.keyframe_insert("scale", { index: 2, frame: 1 });
      bar.scale.z = Math.max(h, 0.001);
      bar.keyframe_insert("scale", { index: 2, frame: frames });
    }
    const name = cfg.labels?.[i];
    if (name !== undefined) label(name, x, BOTTOM - 0.55, 0.4);
    boxes.push({ name: bar.name, x, width: slot * 0.6, bottom: BOTTOM, top: BOTTOM + h });
  });
  if (frames > 1) {
    scene.frame_start = 1;
    scene.frame_end = frames;
  }
} else {
  const points = cfg.points ?? [];
  if (points.length < 2) throw new Error("a scatter plot needs at least two `points`");
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const dot = sphereMesh("Dot", 0.15);
  dot.materials.append(flatMaterial("Dot", palette[0]));
  points.forEach(([px, py], i) => {
    const obj = bpy.data.objects.new(`Point ${i}`, dot);
    const x = LEFT + ((RIGHT - LEFT) * (px - x0)) / (x1 - x0 || 1);
    const z = BOTTOM + ((TOP - BOTTOM) * (py - y0)) / (y1 - y0 || 1);
    obj.location = [x, 0, z];
    scene.collection.objects.link(obj);
    boxes.push({ name: obj.name, x, width: 0.3, bottom: z - 0.15, top: z + 0.15 });
  });
  // Axes: two thin boxes behind the points.
  const axis = flatMaterial("Axis", [0.1, 0.1, 0.1]);
  const xAxis = place("X axis", boxMesh("X axis"), axis);
  xAxis.location = [0, 0.5, BOTTOM - 0.25];
  xAxis.scale = [RIGHT - LEFT + 0.5, 0.05, 0.06];
  const yAxis = place("Y axis", boxMesh("Y axis"), axis);
  yAxis.location = [LEFT - 0.25, 0.5, BOTTOM - 0.25];
  yAxis.scale = [0.06, 0.05, TOP - BOTTOM + 0.5];
}

// --- render ------------------------------------------------------------------------------------
const written: string[] = [];
scene.render.filepath = cfg.output;
if (frames > 1) {
  bpy.ops.render.render({ animation: true });
  for (let f = 1; f <= frames; f++) written.push(scene.render.frame_path({ frame: f }));
} else {
  bpy.ops.render.render({ write_still: true });
  written.push(cfg.output);
}
console.log(
  `${cfg.kind} chart: ${boxes.length} marks, ${engine}, ${width}x${height} → ${written.join(", ")}`,
);
setResult({ engine, width, height, boxes, files: written });
