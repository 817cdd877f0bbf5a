// examples/convert: export a 12×6 UV sphere to every format the Blender at hand supports, import
// each back (real Blender), compare counts; parse the XML formats (X3D, COLLADA) ourselves.
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { describeRun, otherBlenders, runExample, tempDir } from "./support.js";

const entry = "examples/convert/main.ts";
// The sphere: 12 segments × 6 rings = 62 vertices, 72 faces (48 quads + 24 pole triangles) = 120 triangles.
const SPHERE = { objects: 1, vertices: 62, faces: 72, triangles: 120, positions: 62 };

interface Counts {
  objects: number;
  vertices: number;
  faces: number;
  triangles: number;
  positions: number;
}
interface FormatResult {
  name: string;
  available: boolean;
  exporter?: string;
  importer?: string;
  path?: string;
  counts?: Counts;
  error?: string;
}
interface Conversion {
  version: string;
  original: Counts;
  formats: Record<string, FormatResult>;
}

/** Known, environment-caused failures (Debian packaging), allowed but named: glTF (all versions)
 * and FBX (4.x+) need numpy, which Debian's Blender does not pull in; the X3D importer of 3.4
 * opens files with mode 'rU', gone in Python 3.11, prints the traceback and imports nothing. */
const knownFailure = /numpy|no mesh was imported/;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

/** Depth-first search for the first element with this tag. */
function find(node: unknown, tag: string): Record<string, unknown> | undefined {
  if (node === null || typeof node !== "object") return undefined;
  for (const [k, v] of Object.entries(node)) {
    if (k === tag) return (Array.isArray(v) ? v[0] : v) as Record<string, unknown>;
    const hit = find(v, tag);
    if (hit) return hit;
  }
  return undefined;
}
const numbers = (s: unknown) => String(s).trim().split(/\s+/).map(Number);

async function convert(extra: string[]): Promise<Conversion> {
  const outDir = await tempDir("convert");
  await mkdir(outDir, { recursive: true });
  const r = await runExample<Conversion>(entry, { outDir }, extra);
  expect(r.exitCode, describeRun(r)).toBe(0);
  expect(r.result).toBeDefined();
  const result = r.result!;
  expect(result.original).toEqual(SPHERE);
  return result;
}

/** Every format that round-tripped has the sphere's geometry (positions survive vertex splits). */
function checkRoundTrips(result: Conversion, mustWork: string[]): void {
  for (const ext of mustWork) {
    const f = result.formats[ext];
    expect(f?.available, `${ext} available in ${result.version}`).toBe(true);
    expect(f?.error, `${ext} in ${result.version}`).toBeUndefined();
  }
  for (const [ext, f] of Object.entries(result.formats)) {
    if (f.error !== undefined) {
      expect(["glb", "fbx", "x3d"], `${ext} failed: ${f.error}`).toContain(ext);
      expect(f.error, `${ext}: unexpected failure`).toMatch(knownFailure);
    }
    if (f.counts === undefined) continue;
    expect(f.counts.objects, ext).toBe(1);
    expect(f.counts.positions, ext).toBe(62);
    expect(f.counts.triangles, ext).toBe(120);
    // Quads survive OBJ, PLY and FBX; STL, glTF and COLLADA store triangles.
    expect(f.counts.faces, ext).toBe(["stl", "glb", "dae"].includes(ext) ? 120 : 72);
    if (["obj", "stl", "fbx", "dae"].includes(ext)) expect(f.counts.vertices, ext).toBe(62);
    expect(existsSync(f.path!), ext).toBe(true);
  }
}

describe("examples/convert", () => {
  it("Blender 3.4: OBJ, STL, PLY, FBX, COLLADA round-trip; X3D and COLLADA XML hold the sphere", async () => {
    const result = await convert([]);
    expect(result.version).toMatch(/^3\.4/);
    expect(result.formats["obj"]?.exporter).toBe("wm.obj_export");
    expect(result.formats["stl"]?.exporter).toBe("export_mesh.stl");
    expect(result.formats["ply"]?.exporter).toBe("export_mesh.ply");
    checkRoundTrips(result, ["obj", "stl", "ply", "fbx", "dae"]);
    // glTF exports, but 3.4's importer uses numpy.bool, which numpy 1.24 removed (Debian 12 ships 1.24.2).
    expect(result.formats["glb"]?.error).toMatch(/numpy' has no attribute 'bool'/);

    // X3D: exported by the add-on (its importer is broken on Debian's Python 3.11: open(…, 'rU')).
    const x3d = result.formats["x3d"]!;
    expect(x3d.exporter).toBe("export_scene.x3d");
    const scene = xml.parse(await readFile(x3d.path!, "utf8")) as unknown;
    const faceSet = find(scene, "IndexedFaceSet")!;
    const points = numbers(find(faceSet, "Coordinate")!["point"]);
    expect(points.length / 3).toBe(62);
    const faces = numbers(faceSet["coordIndex"])
      .join(" ")
      .split(" -1")
      .map((f) => f.trim())
      .filter(Boolean);
    expect(faces).toHaveLength(72);
    expect(faces.reduce((n, f) => n + f.split(" ").length - 2, 0)).toBe(120);
    expect(Math.max(...faces.flatMap((f) => f.split(" ").map(Number)))).toBe(61);

    // COLLADA: 62 positions, 120 triangles whose vertex indices stay in range.
    const dae = xml.parse(await readFile(result.formats["dae"]!.path!, "utf8")) as unknown;
    const mesh = find(dae, "mesh")!;
    const sources = ([] as Record<string, unknown>[]).concat(
      mesh["source"] as Record<string, unknown>[],
    );
    const positions = sources.find((s) => String(s["id"]).endsWith("-positions"))!;
    const floats = positions["float_array"] as Record<string, unknown>;
    expect(Number(floats["count"])).toBe(186);
    expect(numbers(floats["#text"])).toHaveLength(186);
    const triangles = find(mesh, "triangles")!;
    expect(Number(triangles["count"])).toBe(120);
    const inputs = ([] as unknown[]).concat(triangles["input"]).length;
    const p = numbers(triangles["p"]);
    expect(p.length).toBe(120 * 3 * inputs);
    const vertexIndices = p.filter((_, i) => i % inputs === 0);
    expect(Math.max(...vertexIndices)).toBe(61);
  });

  // Blender 4.3 and 5.2 run in root-only chroots; these tests run only where those wrappers exist.
  // Each run type-checks the example against that version's own typings.
  for (const { version, blender } of otherBlenders) {
    it(`Blender ${version}: OBJ, STL, PLY (wm.* operators), glTF and FBX round-trip`, async () => {
      const result = await convert(["--blender", blender, "--target", version]);
      expect(result.version.startsWith(version)).toBe(true);
      for (const ext of ["obj", "stl", "ply"])
        expect(result.formats[ext]?.exporter).toBe(`wm.${ext}_export`);
      expect(result.formats["x3d"]?.available).toBe(false); // X3D is no longer bundled
      expect(result.formats["dae"]?.available).toBe(false); // no COLLADA in these builds
      checkRoundTrips(result, ["obj", "stl", "ply", "glb", "fbx"]);
    });
  }
});
