import { describe, expect, it, beforeAll } from "vitest";
import { join } from "node:path";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { introspect, loadSchema, type Schema } from "../src/index.js";
import {
  BLENDERS,
  committedText,
  executable,
  oracle,
  prop,
  SCHEMAS,
  struct,
  type Oracle,
} from "./helpers.js";
import { expectCountsMatchOracle } from "./shared-checks.js";

// Blender 4.3 / 5.2 through the chroot wrappers made by introspect/provision.sh (skipped if absent).
const eevee: Record<string, string> = { "4.3": "BLENDER_EEVEE_NEXT", "5.2": "BLENDER_EEVEE" };

for (const version of ["4.3", "5.2"]) {
  const blender = BLENDERS[version]!;
  const present = await executable(blender);
  describe.skipIf(!present)(`live Blender ${version} (${blender})`, () => {
    let schema: Schema;
    let o: Oracle;
    let out: string;
    beforeAll(async () => {
      out = join(await mkdtemp(join(tmpdir(), "bpyts-introspect-test-")), "schema.json");
      [schema, o] = await Promise.all([introspect({ blender, output: out }), oracle(blender)]);
    });

    it("counts equal Blender's own (rna_info)", () => {
      expect(schema.blender.versionString.startsWith(`${version}.`)).toBe(true);
      expectCountsMatchOracle(schema, o);
    });

    it("equals the committed schema (drift check)", async () => {
      expect((await readFile(out, "utf8")) === (await committedText(version))).toBe(true);
      await loadSchema(join(SCHEMAS, `blender-${version}.json.gz`));
    });

    it("known facts", () => {
      expect(prop(struct(schema, "Object").properties, "location")).toMatchObject({
        type: "float",
        arrayLength: 3,
        subtype: "TRANSLATION",
        unit: "LENGTH",
      });
      const engine = prop(struct(schema, "RenderSettings").properties, "engine");
      if (engine.type !== "enum") throw new Error("not an enum");
      const ids = schema.enums[engine.enum]!.items.map((i) => i.identifier);
      expect(ids).toEqual(expect.arrayContaining(["BLENDER_WORKBENCH", "CYCLES", eevee[version]!]));
      expect(schema.context.find((c) => c.name === "active_object")).toMatchObject({
        type: "Object",
        collection: false,
      });
      const active = prop(struct(schema, "LayerObjects").properties, "active");
      expect(active).toMatchObject({ type: "pointer", fixedType: "Object" });
      expect(active.neverNone).toBeUndefined();
      const f = struct(schema, "BlendDataObjects").functions.find((x) => x.identifier === "new")!;
      expect(f.parameters.map((p) => p.identifier)).toEqual(["name", "object_data"]);
      expect(f.returns[0]).toMatchObject({ fixedType: "Object" });
      const cube = schema.operators.find((x) => x.idname === "mesh.primitive_cube_add")!;
      expect(prop(cube.properties, "size")).toMatchObject({ default: 2 });
      expect(struct(schema, "Mesh").python.find((m) => m.name === "from_pydata")?.kind).toBe(
        "method",
      );
      expect(struct(schema, "Context").python.find((m) => m.name === "temp_override")?.kind).toBe(
        "contextmanager",
      );
      const v = schema.modules
        .find((m) => m.name === "mathutils")!
        .classes.find((c) => c.name === "Vector")!;
      expect(v.operators).toContain("__matmul__");
      expect(v.methods.map((m) => m.name)).toEqual(expect.arrayContaining(["cross", "dot"]));
    });
  });
}
