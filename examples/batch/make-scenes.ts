// Makes a folder of small .blend files to try examples/batch on: scene<i>.blend holds i+1 cubes
// named Box0…Box<i> sharing one material "Paint<i>".
//
//   npx bpyts run examples/batch/make-scenes.ts -- scenes/ 3
import * as bpy from "bpy";
import { args, setResult } from "bpyts/runtime";

const outDir = args[0] ?? "scenes";
const count = Number(args[1] ?? "3");
const files: string[] = [];
for (let i = 0; i < count; i++) {
  bpy.ops.wm.read_homefile({ use_empty: true });
  const paint = bpy.data.materials.new(`Paint${i}`);
  paint.use_nodes = true;
  for (let j = 0; j <= i; j++) {
    bpy.ops.mesh.primitive_cube_add({ size: 1, location: [j * 2, 0, 0] });
    const cube = bpy.context.object;
    if (cube === null) throw new Error("no cube");
    cube.name = `Box${j}`;
    (cube.data as bpy.types.Mesh).materials.append(paint);
  }
  const file = `${outDir}/scene${i}.blend`;
  bpy.ops.wm.save_as_mainfile({ filepath: file });
  files.push(file);
  console.log(`wrote ${file}: ${i + 1} cubes`);
}
setResult(files);
