// 3D file conversion: export a mesh to every format this Blender can write (OBJ, STL, PLY, glTF
// binary, FBX, X3D, COLLADA), import each file back and compare vertex / face / triangle counts.
//
//   npx bpyts run examples/convert/main.ts --input '{"outDir": "out/convert"}'
//   npx bpyts run examples/convert/main.ts --blender /path/to/blender-4.3 --input '…'
//
// The operators differ between versions: Blender 3.4 has the new C++ OBJ exporter (wm.obj_export)
// but still the Python add-ons for STL/PLY (export_mesh.stl/ply), X3D (export_scene.x3d) and
// COLLADA (wm.collada_export); 4.x moved STL and PLY to wm.stl_export / wm.ply_export and dropped
// the X3D add-on from the bundle; 5.x dropped COLLADA. Each format lists its candidate operator
// pairs, newest first; the first pair whose operators exist (`poll()` raises for an operator
// Blender does not have) is used. Formats whose add-on fails (glTF and, from 4.x, FBX need numpy)
// are reported with the error instead of stopping the run.
import * as bpy from "bpy";
import { input, setResult } from "bpyts/runtime";

// The operators are named, not referenced: the typings of one Blender version declare only that
// version's operators (`bpy.ops.export_mesh.stl` is a type error against the 4.3 typings,
// `bpy.ops.wm.stl_export` against 3.4's), while this one file runs on 3.4, 4.3 and 5.2 and picks
// what the Blender at hand has. So every run type-checks against its own Blender's typings.

/** An import or export operator: they all take a `filepath` (glTF's exporter also a format). */
type FileOperator = bpy.ops.BpyOperator<{ filepath?: string; export_format?: string }>;

// `bpy.ops.<module>.<name>` by name. Element access on an instance of a class compiles to Python's
// getattr (on a plain object type it would be a dict lookup), hence classes, not interfaces.
class OperatorModule {
  [name: string]: FileOperator;
}
class OperatorModules {
  [module: string]: OperatorModule;
}
const opsByName = bpy.ops as unknown as OperatorModules;

/** The operator `"wm.obj_export"` etc. (whether it exists or not: see `exists`). */
function operator(idname: string): FileOperator {
  const [module, name] = idname.split(".");
  if (module === undefined || name === undefined) throw new Error(`bad operator name ${idname}`);
  return opsByName[module][name];
}

/** Does this Blender have the operator? (`poll()` raises for one it does not have.) */
function exists(idname: string): boolean {
  try {
    operator(idname).poll();
    return true;
  } catch {
    return false;
  }
}

interface Job {
  outDir: string;
  /** Only these formats (default: all). */
  formats?: string[];
}

interface Counts {
  objects: number;
  vertices: number;
  faces: number;
  triangles: number;
  /** Distinct vertex positions (mm precision): survives formats that split vertices at seams. */
  positions: number;
}

interface Candidate {
  exporter: string;
  importer: string;
  /** Extra options for the exporter. */
  exportOptions?: { export_format?: string };
}

interface Format {
  name: string;
  ext: string;
  candidates: Candidate[];
}

const job = input<Job>();

const formats: Format[] = [
  {
    name: "OBJ",
    ext: "obj",
    candidates: [
      { exporter: "wm.obj_export", importer: "wm.obj_import" },
      { exporter: "export_scene.obj", importer: "import_scene.obj" },
    ],
  },
  {
    name: "STL",
    ext: "stl",
    candidates: [
      { exporter: "wm.stl_export", importer: "wm.stl_import" },
      { exporter: "export_mesh.stl", importer: "import_mesh.stl" },
    ],
  },
  {
    name: "PLY",
    ext: "ply",
    candidates: [
      { exporter: "wm.ply_export", importer: "wm.ply_import" },
      { exporter: "export_mesh.ply", importer: "import_mesh.ply" },
    ],
  },
  {
    name: "glTF binary",
    ext: "glb",
    candidates: [
      {
        exporter: "export_scene.gltf",
        importer: "import_scene.gltf",
        exportOptions: { export_format: "GLB" },
      },
    ],
  },
  {
    name: "FBX",
    ext: "fbx",
    candidates: [{ exporter: "export_scene.fbx", importer: "import_scene.fbx" }],
  },
  {
    name: "X3D",
    ext: "x3d",
    candidates: [{ exporter: "export_scene.x3d", importer: "import_scene.x3d" }],
  },
  {
    name: "COLLADA",
    ext: "dae",
    candidates: [{ exporter: "wm.collada_export", importer: "wm.collada_import" }],
  },
];

/** The telling line of an operator's error (Blender wraps the add-on's traceback). */
function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : `${e}`;
  const lines = text
    .trim()
    .split("\n")
    .map((l) => l.trim());
  const errors = lines.filter((l) => l.includes("Error") && !l.startsWith("Error: Python"));
  return errors[errors.length - 1] ?? lines[lines.length - 1] ?? text;
}

function count(objects: bpy.types.Object[]): Counts {
  const c: Counts = { objects: 0, vertices: 0, faces: 0, triangles: 0, positions: 0 };
  const seen = new Set<string>();
  for (const obj of objects) {
    const mesh = obj.data;
    if (!(mesh instanceof bpy.types.Mesh)) continue;
    c.objects += 1;
    c.vertices += mesh.vertices.length;
    c.faces += mesh.polygons.length;
    for (const poly of mesh.polygons) c.triangles += poly.vertices.length - 2;
    for (const v of mesh.vertices) {
      const w = obj.matrix_world.matmul(v.co);
      seen.add(`${Math.round(w.x * 1000)} ${Math.round(w.y * 1000)} ${Math.round(w.z * 1000)}`);
    }
  }
  c.positions = seen.size;
  return c;
}

// An empty scene with one mesh: a 12 × 6 UV sphere (62 vertices, 72 faces: quads and pole triangles).
for (const obj of [...bpy.data.objects]) bpy.data.objects.remove(obj);
bpy.ops.mesh.primitive_uv_sphere_add({ segments: 12, ring_count: 6, radius: 1 });
const ball = bpy.context.object;
if (ball === null) throw new Error("no sphere");
ball.name = "Ball";
const original = count([ball]);

const results: Record<string, unknown> = {};
for (const format of formats) {
  if (job.formats !== undefined && !job.formats.includes(format.ext)) continue;
  const candidate = format.candidates.find((c) => exists(c.exporter) && exists(c.importer));
  if (candidate === undefined) {
    results[format.ext] = { name: format.name, available: false };
    console.log(`${format.name}: not available in Blender ${bpy.app.version_string}`);
    continue;
  }
  const path = `${job.outDir}/ball.${format.ext}`;
  const entry: Record<string, unknown> = {
    name: format.name,
    available: true,
    exporter: candidate.exporter,
    importer: candidate.importer,
    path,
  };
  results[format.ext] = entry;
  try {
    operator(candidate.exporter)({ filepath: path, ...(candidate.exportOptions ?? {}) });
  } catch (e) {
    entry["error"] = `export: ${messageOf(e)}`;
    console.log(`${format.name}: export failed: ${entry["error"]}`);
    continue;
  }
  const before = new Set(bpy.data.objects.keys());
  try {
    operator(candidate.importer)({ filepath: path });
  } catch (e) {
    entry["error"] = `import: ${messageOf(e)}`;
    console.log(`${format.name}: exported, import failed: ${entry["error"]}`);
    continue;
  }
  const imported = [...bpy.data.objects].filter((o) => !before.has(o.name));
  const counts = count(imported);
  for (const obj of imported) bpy.data.objects.remove(obj);
  if (counts.objects === 0) {
    // Some importers report their own failure on the console and return normally.
    entry["error"] = "import: no mesh was imported";
    console.log(`${format.name}: exported, but the import produced no mesh`);
    continue;
  }
  entry["counts"] = counts;
  console.log(
    `${format.name}: ${candidate.exporter} → ${candidate.importer}: ${counts.vertices} vertices, ${counts.faces} faces, ${counts.triangles} triangles`,
  );
}

setResult({ version: bpy.app.version_string, original, formats: results });
