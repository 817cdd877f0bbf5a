// Image processing with the compositor: load an image, run it through a chain of compositor nodes
// (blur, colour balance, brightness/contrast), save the result as PNG.
//
//   npx bpyts run examples/compositor/main.ts --input \
//     '{"input": "photo.png", "output": "out/photo-soft.png", "steps": [{"op": "blur", "size": 4}]}'
//
// No 3D scene is rendered: the node tree has no Render Layers node, so "rendering" only runs the
// compositor, at the input image's resolution.
import * as bpy from "bpy";
import { input, setResult } from "bpyts/runtime";

type RGB = [number, number, number];
type Step =
  | { op: "blur"; size: number }
  | { op: "colorbalance"; lift?: RGB; gamma?: RGB; gain?: RGB }
  | { op: "brightcontrast"; bright?: number; contrast?: number };

interface Job {
  input: string;
  output: string;
  steps: Step[];
}

const job = input<Job>();

const image = bpy.data.images.load(job.input);
const [width, height] = [image.size[0], image.size[1]];

const scene = bpy.context.scene;
scene.render.resolution_x = width;
scene.render.resolution_y = height;
scene.render.resolution_percentage = 100;
scene.render.image_settings.file_format = "PNG";
scene.render.image_settings.color_mode = "RGB";
// "Standard": what goes in comes out (Filmic would tone-map the picture).
scene.view_settings.view_transform = "Standard";

scene.use_nodes = true;
const tree = scene.node_tree;
if (tree === null) throw new Error("no compositor node tree");
for (const node of [...tree.nodes]) tree.nodes.remove(node);

const source = tree.nodes.new("CompositorNodeImage") as bpy.types.CompositorNodeImage;
source.image = image;
source.location = [0, 0];
let last = source.outputs[0];
const chain: string[] = [];

job.steps.forEach((step, i) => {
  let node: bpy.types.Node;
  if (step.op === "blur") {
    const blur = tree.nodes.new("CompositorNodeBlur") as bpy.types.CompositorNodeBlur;
    blur.filter_type = "GAUSS";
    blur.size_x = step.size;
    blur.size_y = step.size;
    node = blur;
  } else if (step.op === "colorbalance") {
    const balance = tree.nodes.new(
      "CompositorNodeColorBalance",
    ) as bpy.types.CompositorNodeColorBalance;
    balance.correction_method = "LIFT_GAMMA_GAIN";
    if (step.lift !== undefined) balance.lift = step.lift;
    if (step.gamma !== undefined) balance.gamma = step.gamma;
    if (step.gain !== undefined) balance.gain = step.gain;
    node = balance;
  } else {
    node = tree.nodes.new("CompositorNodeBrightContrast");
    (node.inputs.get("Bright") as bpy.types.NodeSocketFloat).default_value = step.bright ?? 0;
    (node.inputs.get("Contrast") as bpy.types.NodeSocketFloat).default_value = step.contrast ?? 0;
  }
  node.location = [200 * (i + 1), 0];
  // By name: a Color Balance node's first input is "Fac", not "Image".
  const input = node.inputs.get("Image");
  if (input === null) throw new Error(`no "Image" input on ${node.bl_idname}`);
  tree.links.new(last, input);
  last = node.outputs[0];
  chain.push(node.bl_idname);
});

const composite = tree.nodes.new("CompositorNodeComposite");
composite.location = [200 * (job.steps.length + 1), 0];
const result = composite.inputs.get("Image");
if (result === null) throw new Error("no composite input");
tree.links.new(last, result);

scene.render.filepath = job.output;
bpy.ops.render.render({ write_still: true });
console.log(
  `${job.input} → ${chain.join(" → ") || "(no steps)"} → ${job.output} (${width}x${height})`,
);
setResult({ width, height, chain });
