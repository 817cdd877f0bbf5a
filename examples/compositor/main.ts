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

// Blender 5.0 reworked the compositor: the scene's tree is a node group in
// `scene.compositing_node_group` (no `scene.node_tree`), its result goes to a Group Output socket
// (no Composite node), and node settings became input sockets (Blur's Size, Color Balance's
// Lift/Gamma/Gain; Bright/Contrast's "Bright" is "Brightness"). One source runs on 3.4, 4.3 and
// 5.2: members that exist on one side only are reached through the small typed views below,
// because the typings of one Blender declare only that Blender's API (each run type-checks
// against its own).
const v5 = bpy.app.version[0] >= 5;

/** Blender 5.x's Scene and NodeTree members this example uses. */
class Scene5 {
  compositing_node_group: bpy.types.NodeTree | null = null;
}
class Interface5 {
  new_socket(name: string, options: bpy.KwArgs<{ in_out: "OUTPUT"; socket_type: string }>): void {}
}
class Tree5 {
  interface: Interface5 = new Interface5();
}
/** Blender 3.x/4.x's members that 5.x removed. */
class Scene4 {
  node_tree: bpy.types.NodeTree | null = null;
}
class Blur4 {
  filter_type = "GAUSS";
  size_x = 0;
  size_y = 0;
}
class ColorBalance4 {
  correction_method = "LIFT_GAMMA_GAIN";
  lift: RGB = [0, 0, 0];
  gamma: RGB = [1, 1, 1];
  gain: RGB = [1, 1, 1];
}
/** A socket's value, whatever its kind. */
class SocketValue {
  default_value: number | number[] = 0;
}

let tree: bpy.types.NodeTree;
if (v5) {
  tree = bpy.data.node_groups.new("Compositor", "CompositorNodeTree");
  (scene as unknown as Scene5).compositing_node_group = tree;
  (tree as unknown as Tree5).interface.new_socket("Image", {
    in_out: "OUTPUT",
    socket_type: "NodeSocketColor",
  });
} else {
  scene.use_nodes = true;
  const own = (scene as unknown as Scene4).node_tree;
  if (own === null) throw new Error("no compositor node tree");
  tree = own;
  for (const node of [...tree.nodes]) tree.nodes.remove(node);
}

/** An input socket by name and kind (5.x's Color Balance has a "Gain" factor and a "Gain" colour). */
function socket(node: bpy.types.Node, name: string, type: string): bpy.types.NodeSocket {
  for (const s of node.inputs) if (s.name === name && s.type === type) return s;
  throw new Error(`no ${type} input "${name}" on ${node.bl_idname}`);
}
function setValue(node: bpy.types.Node, name: string, type: string, value: number | number[]) {
  (socket(node, name, type) as unknown as SocketValue).default_value = value;
}

const source = tree.nodes.new("CompositorNodeImage") as bpy.types.CompositorNodeImage;
source.image = image;
source.location = [0, 0];
let last = source.outputs[0];
const chain: string[] = [];

job.steps.forEach((step, i) => {
  let node: bpy.types.Node;
  if (step.op === "blur") {
    node = tree.nodes.new("CompositorNodeBlur");
    if (v5)
      setValue(node, "Size", "VECTOR", [step.size, step.size]); // Gaussian by default
    else {
      const blur = node as unknown as Blur4;
      blur.filter_type = "GAUSS";
      blur.size_x = step.size;
      blur.size_y = step.size;
    }
  } else if (step.op === "colorbalance") {
    node = tree.nodes.new("CompositorNodeColorBalance");
    const rgba = (c: RGB) => [c[0], c[1], c[2], 1];
    if (v5) {
      // Lift/Gamma/Gain is the default method.
      if (step.lift !== undefined) setValue(node, "Lift", "RGBA", rgba(step.lift));
      if (step.gamma !== undefined) setValue(node, "Gamma", "RGBA", rgba(step.gamma));
      if (step.gain !== undefined) setValue(node, "Gain", "RGBA", rgba(step.gain));
    } else {
      const balance = node as unknown as ColorBalance4;
      balance.correction_method = "LIFT_GAMMA_GAIN";
      if (step.lift !== undefined) balance.lift = step.lift;
      if (step.gamma !== undefined) balance.gamma = step.gamma;
      if (step.gain !== undefined) balance.gain = step.gain;
    }
  } else {
    node = tree.nodes.new("CompositorNodeBrightContrast");
    setValue(node, v5 ? "Brightness" : "Bright", "VALUE", step.bright ?? 0);
    setValue(node, "Contrast", "VALUE", step.contrast ?? 0);
  }
  node.location = [200 * (i + 1), 0];
  // By name: a Color Balance node's first input is "Fac" ("Factor" in 5.x), not "Image".
  tree.links.new(last, socket(node, "Image", "RGBA"));
  last = node.outputs[0];
  chain.push(node.bl_idname);
});

const composite = tree.nodes.new(v5 ? "NodeGroupOutput" : "CompositorNodeComposite");
composite.location = [200 * (job.steps.length + 1), 0];
const result = v5 ? composite.inputs[0] : composite.inputs.get("Image");
if (result === null || result === undefined) throw new Error("no composite input");
tree.links.new(last, result);

scene.render.filepath = job.output;
bpy.ops.render.render({ write_still: true });
console.log(
  `${job.input} → ${chain.join(" → ") || "(no steps)"} → ${job.output} (${width}x${height})`,
);
setResult({ width, height, chain });
