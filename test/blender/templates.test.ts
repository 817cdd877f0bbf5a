// Compiler × Blender end-to-end: Blender's own templates_py next to their TypeScript versions
// (test/blender/templates/*.ts) run in real Blender 3.4 and must have the same observable effect;
// `bpyts build --addon` zips install and work in 3.4 (legacy add-on) and 4.3/5.2 (extensions).
import { execa } from "execa";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFile, formatDiagnostic } from "../../packages/compiler/dist/index.js";
import { bpyts, repoRoot } from "../helpers.js";

const TEMPLATES = "/usr/share/blender/scripts/templates_py";
const here = join(repoRoot, "test/blender/templates");
const typeRoots = [
  join(repoRoot, "packages/blender-3.4/index.d.ts"),
  join(repoRoot, "packages/runner/runtime/bpyts-runtime.d.ts"),
];
const NAMES = ["operator_simple", "ui_panel", "operator_mesh_add", "bmesh_simple", "batch_export"];
const ADDON = join(repoRoot, "packages/compiler/test/blender/fixtures/addon/input.ts");
const chroot = (v: string) => `/var/lib/bpyts/chroots/bin/blender-${v}`;
const haveBlender = existsSync("/usr/bin/blender") && existsSync(TEMPLATES);

type Obs = Record<string, { orig: unknown; ts: unknown } | Record<string, unknown>>;

describe.skipIf(!haveBlender)("Blender templates and add-ons (real Blender)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "bpyts-blender-"));
  let obs: Obs;

  beforeAll(async () => {
    const templates: Record<string, [string, string]> = {};
    for (const n of NAMES) {
      const r = compileFile({ entry: join(here, `${n}.ts`), typeRoots });
      expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
      writeFileSync(join(tmp, `${n}.py`), r.python!);
      templates[n] = [join(TEMPLATES, `${n}.py`), join(tmp, `${n}.py`)];
    }
    // background_job: the original through Blender's command line, the TS one through `bpyts run`
    const orig = await execa(
      "blender",
      [
        "-b",
        "--factory-startup",
        "--python",
        join(TEMPLATES, "background_job.py"),
        "--",
        "--text",
        "Hello",
        "--save",
        join(tmp, "bg_orig.blend"),
      ],
      { reject: false },
    );
    expect(orig.exitCode, orig.stderr).toBe(0);
    const ts = await bpyts([
      "run",
      join(here, "background_job.ts"),
      "--target",
      "3.4",
      "--",
      "-t",
      "Hello",
      "-s",
      join(tmp, "bg_ts.blend"),
    ]);
    expect(ts.exitCode, String(ts.stderr)).toBe(0);
    expect(String(ts.stdout)).toContain("batch job finished, exiting");
    templates.background_job = [join(tmp, "bg_orig.blend"), join(tmp, "bg_ts.blend")];

    const smoke = compileFile({ entry: join(repoRoot, "test/blender/smoke.ts"), typeRoots });
    expect(smoke.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    writeFileSync(join(tmp, "smoke.py"), smoke.python!);

    const zip = join(tmp, "fixture34.zip");
    const built = await bpyts(["build", "--addon", ADDON, "-o", zip, "--target", "3.4"]);
    expect(built.exitCode, String(built.stderr)).toBe(0);

    const out = join(tmp, "obs.json");
    const cfg = {
      templates,
      tmp,
      out,
      smoke: join(tmp, "smoke.py"),
      addon: { zip, module: "fixture_add_on" },
    };
    const r = await execa(
      "blender",
      ["-b", "--factory-startup", "--python", join(here, "driver.py"), "--", JSON.stringify(cfg)],
      { reject: false, env: { BLENDER_USER_SCRIPTS: join(tmp, "scripts") } },
    );
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    obs = JSON.parse(readFileSync(out, "utf8")) as Obs;
  });

  for (const n of [...NAMES, "background_job"]) {
    it(`${n}: the TypeScript version behaves like Blender's template`, () => {
      const o = obs[n] as { orig: unknown; ts: unknown };
      expect(o.ts).toEqual(o.orig);
    });
  }

  it("the templates do something observable", () => {
    expect((obs.operator_simple as { orig: unknown }).orig).toEqual({
      registered: true,
      menu: true,
      result: ["FINISHED"],
      after: false,
    });
    expect((obs.operator_mesh_add as { ts: unknown }).ts).toEqual({
      result: ["FINISHED"],
      objects: 1,
      verts: 8,
      faces: 6,
      dims: [4, 8, 6],
    });
    expect((obs.bmesh_simple as { ts: { dx: number } }).ts.dx).toBe(8);
    expect((obs.batch_export as { ts: { files: string[] } }).ts.files).toEqual([
      "Cube.fbx",
      "Light.fbx",
    ]);
    expect((obs.background_job as { ts: { text: string } }).ts.text).toBe("Hello");
  });

  it("collections, tuples, mathutils operators, bmesh.ops dicts and using behave in Blender", () => {
    expect(obs.smoke).toEqual({
      n: 3,
      missing: true,
      first: "Camera",
      names: ["Camera:CAMERA", "Cube:MESH", "Light:LIGHT"],
      hit: true,
      z: 1,
      index: true,
      x: 2,
      w: [4, 6, 8],
      mv: [2, 2, 3],
      v: [5, 8, 11],
      xy: [5, 8],
      neg: -5,
      eq: true,
      mag: 5,
      nv: 8,
      libObjects: ["Camera", "Cube", "Light"],
      len: 3,
      written: ["Kept"],
      added: 2,
    });
  });

  it("bpyts build --addon: installs and runs in Blender 3.4 (bl_info add-on)", () => {
    expect(obs.addon).toEqual({
      enabled: true,
      result: ["FINISHED"],
      x: 3,
      version: [1, 2, 0],
      factor: 7,
    });
  });

  for (const v of ["4.3", "5.2"]) {
    it.skipIf(!existsSync(chroot(v)))(
      `bpyts build --addon: installs and runs in Blender ${v} (extension)`,
      async () => {
        const zip = join(tmp, `fixture${v}.zip`);
        const built = await bpyts(["build", "--addon", ADDON, "-o", zip, "--target", v]);
        expect(built.exitCode, String(built.stderr)).toBe(0);
        const script = join(tmp, "install_ext.py");
        writeFileSync(
          script,
          [
            "import bpy, sys, json",
            'zip = sys.argv[sys.argv.index("--") + 1]',
            'r = bpy.ops.extensions.package_install_files(filepath=zip, repo="user_default", enable_on_install=True)',
            "ob = bpy.context.view_layer.objects.active",
            "res = bpy.ops.object.bpyts_move(steps=3)",
            'prefs = bpy.context.preferences.addons["bl_ext.user_default.fixture_add_on"].preferences',
            'print("RESULT" + json.dumps({"install": sorted(r), "op": sorted(res), "x": ob.location.x, "factor": prefs.factor}))',
          ].join("\n"),
        );
        const r = await execa(
          chroot(v),
          ["-b", "--factory-startup", "--python", script, "--", zip],
          {
            reject: false,
            env: { BLENDER_USER_RESOURCES: join(tmp, `res${v}`) },
          },
        );
        const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT"));
        expect(line, r.stdout + r.stderr).toBeDefined();
        expect(JSON.parse(line!.slice(6))).toEqual({
          install: ["FINISHED"],
          op: ["FINISHED"],
          x: 3,
          factor: 7,
        });
      },
    );
  }
});
