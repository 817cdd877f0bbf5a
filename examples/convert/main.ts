// 3D file conversion: export a mesh to every format this Blender can write (OBJ, STL, PLY, glTF
// binary, FBX, X3D, COLLADA), import each file back and compare vertex / face / triangle counts.
//
//   npx bpyts run examples/convert/main.ts --input '{"outDir": "out/convert"}'
//   npx bpyts run examples/convert/main.ts --blender /path/to/blender-4.3 --target 3.4 --input '…'
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

// Operators that exist only in newer Blenders than the typings this example is checked against
// (Blender 3.4): declared here so the calls below type-check.
declare module "bpy.ops" {
  namespace wm {
    const stl_export: BpyOperator<{ filepath?: string }>;
    const ply_export: BpyOperator<{ filepath?: string }>;
    const ply_import: BpyOperator<{ filepath?: string }>;
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
  /** Raises when either operator does not exist in this Blender. */
  probe: () => boolean;
  save: (path: string) => void;
  load: (path: string) => void;
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
      {
        exporter: "wm.obj_export",
        importer: "wm.obj_import",
        probe: () => bpy.ops.wm.obj_export.poll() || bpy.ops.wm.obj_import.poll() || true,
        save: (path) => bpy.ops.wm.obj_export({ filepath: path }),
        load: (path) => bpy.ops.wm.obj_import({ filepath: path }),
      },
      {
        exporter: "export_scene.obj",
        importer: "import_scene.obj",
        probe: () => bpy.ops.export_scene.obj.poll() || bpy.ops.import_scene.obj.poll() || true,
        save: (path) => bpy.ops.export_scene.obj({ filepath: path }),
        load: (path) => bpy.ops.import_scene.obj({ filepath: path }),
      },
    ],
  },
  {
    name: "STL",
    ext: "stl",
    candidates: [
      {
        exporter: "wm.stl_export",
        importer: "wm.stl_import",
        probe: () => bpy.ops.wm.stl_export.poll() || bpy.ops.wm.stl_import.poll() || true,
        save: (path) => bpy.ops.wm.stl_export({ filepath: path }),
        load: (path) => bpy.ops.wm.stl_import({ filepath: path }),
      },
      {
        exporter: "export_mesh.stl",
        importer: "import_mesh.stl",
        probe: () => bpy.ops.export_mesh.stl.poll() || bpy.ops.import_mesh.stl.poll() || true,
        save: (path) => bpy.ops.export_mesh.stl({ filepath: path }),
        load: (path) => bpy.ops.import_mesh.stl({ filepath: path }),
      },
    ],
  },
  {
    name: "PLY",
    ext: "ply",
    candidates: [
      {
        exporter: "wm.ply_export",
        importer: "wm.ply_import",
        probe: () => bpy.ops.wm.ply_export.poll() || bpy.ops.wm.ply_import.poll() || true,
        save: (path) => bpy.ops.wm.ply_export({ filepath: path }),
        load: (path) => bpy.ops.wm.ply_import({ filepath: path }),
      },
      {
        exporter: "export_mesh.ply",
        importer: "import_mesh.ply",
        probe: () => bpy.ops.export_mesh.ply.poll() || bpy.ops.import_mesh.ply.poll() || true,
        save: (path) => bpy.ops.export_mesh.ply({ filepath: path }),
        load: (path) => bpy.ops.import_mesh.ply({ filepath: path }),
      },
    ],
  },
  {
    name: "glTF binary",
    ext: "glb",
    candidates: [
      {
        exporter: "export_scene.gltf",
        importer: "import_scene.gltf",
        probe: () => bpy.ops.export_scene.gltf.poll() || bpy.ops.import_scene.gltf.poll() || true,
        save: (path) => bpy.ops.export_scene.gltf({ filepath: path, export_format: "GLB" }),
        load: (path) => bpy.ops.import_scene.gltf({ filepath: path }),
      },
    ],
  },
  {
    name: "FBX",
    ext: "fbx",
    candidates: [
      {
        exporter: "export_scene.fbx",
        importer: "import_scene.fbx",
        probe: () => bpy.ops.export_scene.fbx.poll() || bpy.ops.import_scene.fbx.poll() || true,
        save: (path) => bpy.ops.export_scene.fbx({ filepath: path }),
        load: (path) => bpy.ops.import_scene.fbx({ filepath: path }),
      },
    ],
  },
  {
    name: "X3D",
    ext: "x3d",
    candidates: [
      {
        exporter: "export_scene.x3d",
        importer: "import_scene.x3d",
        probe: () => bpy.ops.export_scene.x3d.poll() || bpy.ops.import_scene.x3d.poll() || true,
        save: (path) => bpy.ops.export_scene.x3d({ filepath: path }),
        load: (path) => bpy.ops.import_scene.x3d({ filepath: path }),
      },
    ],
  },
  {
    name: "COLLADA",
    ext: "dae",
    candidates: [
      {
        exporter: "wm.collada_export",
        importer: "wm.collada_import",
        probe: () => bpy.ops.wm.collada_export.poll() || bpy.ops.wm.collada_import.poll() || true,
        save: (path) => bpy.ops.wm.collada_export({ filepath: path }),
        load: (path) => bpy.ops.wm.collada_import({ filepath: path }),
      },
    ],
  },
];

function must<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`no ${what}`);
  return value;
}

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
    if (obj.type !== "MESH") continue;
    const mesh = obj.data as bpy.types.Mesh;
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
const ball = must(bpy.context.object, "sphere");
ball.name = "Ball";
const original = count([ball]);

const results: Record<string, unknown> = {};
for (const format of formats) {
  if (job.formats !== undefined && !job.formats.includes(format.ext)) continue;
  const candidate = format.candidates.find((c) => {
    try {
      return c.probe();
    } catch {
      return false; // an operator this Blender does not have
    }
  });
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
    candidate.save(path);
  } catch (e) {
    entry["error"] = `export: ${messageOf(e)}`;
    console.log(`${format.name}: export failed: ${entry["error"]}`);
    continue;
  }
  const before = new Set(bpy.data.objects.keys());
  try {
    candidate.load(path);
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
