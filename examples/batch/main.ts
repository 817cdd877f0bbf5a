// Automation: batch-edit a folder of .blend files. For each file: list what is inside without
// opening it (library API), open it with auto-run scripts off, prefix every object's name and
// repaint every material, save a copy to the output folder. Finally gather all the repainted
// materials into one library file (materials.blend) with libraries.load and libraries.write.
//
//   npx bpyts run examples/batch/main.ts --input '{"prefix": "Final_", "color": [0.1, 0.6, 0.2]}' \
//     -- out/ scenes/*.blend
//
// Arguments: the output folder, then the .blend files (your shell expands the glob).
import * as bpy from "bpy";
import { args, input, setResult } from "bpyts/runtime";

interface Options {
  prefix?: string;
  color?: [number, number, number];
}

const options = input<Options>({}); // --input JSON, or this fallback
const prefix = options.prefix ?? "Edited_";
const color = options.color ?? [0.1, 0.6, 0.2];
const rgba: [number, number, number, number] = [color[0], color[1], color[2], 1];

if (args.length < 2) throw new Error("usage: -- <output folder> <file.blend>...");
const [outDir, ...files] = args;

function baseName(path: string): string {
  const parts = path.split("/");
  return parts[parts.length - 1] ?? path;
}

interface FileReport {
  file: string;
  output: string;
  /** Read from the file without opening it. */
  objectsBefore: string[];
  materials: string[];
  objectsAfter: string[];
}

const report: FileReport[] = [];
for (const file of files) {
  // 1. Peek: libraries.load lists the data-blocks of a file without loading anything.
  let objectsBefore: string[] = [];
  let materials: string[] = [];
  {
    using lib = bpy.data.libraries.load(file);
    const [from] = lib;
    objectsBefore = [...from.objects];
    materials = [...from.materials];
  }

  // 2. Open with auto-run off (use_scripts: false), edit, save a copy.
  bpy.ops.wm.open_mainfile({ filepath: file, load_ui: false, use_scripts: false });
  // Renaming re-sorts bpy.data.objects: iterate over a snapshot, or names get prefixed twice.
  for (const obj of [...bpy.data.objects]) {
    if (!obj.name.startsWith(prefix)) obj.name = prefix + obj.name;
  }
  for (const mat of bpy.data.materials) {
    mat.diffuse_color = rgba;
    const bsdf = mat.node_tree === null ? null : mat.node_tree.nodes.get("Principled BSDF");
    if (bsdf !== null) {
      const base = bsdf.inputs.get("Base Color") as bpy.types.NodeSocketColor | null;
      if (base !== null) base.default_value = rgba;
    }
  }
  const output = `${outDir}/${baseName(file)}`;
  bpy.ops.wm.save_as_mainfile({ filepath: output, copy: true });
  const objectsAfter = [...bpy.data.objects].map((o) => o.name).sort();
  report.push({ file, output, objectsBefore, materials, objectsAfter });
  console.log(
    `${baseName(file)}: ${objectsBefore.length} objects renamed, ${materials.length} materials repainted → ${output}`,
  );
}

// 3. One library of all repainted materials: start from an empty file, append each output's
// materials with the library API, write them to the library with a fake user (so they survive
// without users). (Doing this inside `bpy.data.temp_data()` instead crashed Blender 3.4 — SIGSEGV
// — for some output paths, so it runs in the main session, after the last edit was saved.)
const library = `${outDir}/materials.blend`;
bpy.ops.wm.read_homefile({ use_empty: true });
const loaded: bpy.types.Material[] = [];
for (const r of report) {
  let target: bpy.types.BlendDataLibrariesLoadTo | null = null;
  {
    using lib = bpy.data.libraries.load(r.output);
    const [from, to] = lib;
    to.materials = [...from.materials];
    target = to;
  }
  // Appended when the `using` block ended: the names in `to` are data-blocks now.
  for (const mat of target.materials) if (mat instanceof bpy.types.Material) loaded.push(mat);
}
bpy.data.libraries.write(library, new Set<bpy.types.ID>(loaded), { fake_user: true });
console.log(`${loaded.length} materials → ${library}`);
setResult({ files: report, library, materials: loaded.length });
