import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import {
  introspect,
  IntrospectError,
  loadSchema,
  type Schema,
  type RnaFunction,
  DUMPER_SCRIPT,
} from "../src/index.js";
import { BLENDERS, committedText, oracle, prop, SCHEMAS, struct, type Oracle } from "./helpers.js";
import { expectCountsMatchOracle } from "./shared-checks.js";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";

const blender = BLENDERS["3.4"]!;
let schema: Schema;
let o: Oracle;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "bpyts-introspect-test-"));
  [schema, o] = await Promise.all([
    introspect({ blender, output: join(outDir, "schema.json") }),
    oracle(blender),
  ]);
});

describe("live Blender 3.4 dump", () => {
  it("is Blender 3.4 with formatVersion 1", () => {
    expect(schema.formatVersion).toBe(1);
    expect(schema.blender.version.slice(0, 2)).toEqual([3, 4]);
    expect(schema.data).toBe("BlendData");
  });

  it("counts of structs, properties, functions, operators equal Blender's own (rna_info)", () => {
    expectCountsMatchOracle(schema, o);
  });

  it("equals the committed schema (drift check)", async () => {
    const fresh = await readFile(join(outDir, "schema.json"), "utf8");
    expect(fresh === (await committedText("3.4"))).toBe(true);
    const committed = await loadSchema(join(SCHEMAS, "blender-3.4.json.gz"));
    expect(committed.structs.length).toBe(schema.structs.length);
  });

  it("Object.location: float[3], TRANSLATION, LENGTH", () => {
    const p = prop(struct(schema, "Object").properties, "location");
    expect(p).toMatchObject({
      type: "float",
      arrayLength: 3,
      arrayDimensions: [3],
      subtype: "TRANSLATION",
      unit: "LENGTH",
    });
  });

  it("RenderSettings.engine is a dynamic enum with EEVEE, Workbench, Cycles", () => {
    const p = prop(struct(schema, "RenderSettings").properties, "engine");
    if (p.type !== "enum") throw new Error("not an enum");
    expect(p.dynamic).toBe(true);
    const ids = schema.enums[p.enum]!.items.map((i) => i.identifier);
    expect(ids).toEqual(expect.arrayContaining(["BLENDER_EEVEE", "BLENDER_WORKBENCH", "CYCLES"]));
  });

  it("Context.active_object is a nullable Object (context map)", () => {
    const c = schema.context.find((m) => m.name === "active_object");
    expect(c).toEqual({
      name: "active_object",
      type: "Object",
      typeKind: "struct",
      collection: false,
      sources: ["screen", "view3d"],
    });
    expect(schema.context.find((m) => m.name === "selected_objects")?.collection).toBe(true);
  });

  it("BlendDataObjects.new(name, object_data) -> Object; bpy.data.objects uses it", () => {
    const f = struct(schema, "BlendDataObjects").functions.find(
      (x) => x.identifier === "new",
    ) as RnaFunction;
    expect(f.kind).toBe("method");
    expect(f.parameters.map((p) => [p.identifier, p.required ?? false])).toEqual([
      ["name", true],
      ["object_data", true],
    ]);
    expect(f.returns).toHaveLength(1);
    expect(f.returns[0]).toMatchObject({ type: "pointer", fixedType: "Object" });
    const objects = prop(struct(schema, "BlendData").properties, "objects");
    expect(objects).toMatchObject({
      type: "collection",
      fixedType: "Object",
      srna: "BlendDataObjects",
    });
  });

  it("mesh.primitive_cube_add has size=2 and REGISTER/UNDO", () => {
    const op = schema.operators.find((x) => x.idname === "mesh.primitive_cube_add")!;
    expect(op.rnaIdentifier).toBe("MESH_OT_primitive_cube_add");
    expect(prop(op.properties, "size")).toMatchObject({ type: "float", default: 2 });
    expect(op.options).toEqual(["REGISTER", "UNDO"]);
  });

  it("Python-defined members: Mesh.from_pydata, Object.children, BlendDataLibraries.load, Context.temp_override", () => {
    const fromPydata = struct(schema, "Mesh").python.find((m) => m.name === "from_pydata")!;
    expect(fromPydata.kind).toBe("method");
    expect(fromPydata.function?.parameters.map((p) => p.name).slice(0, 3)).toEqual([
      "vertices",
      "edges",
      "faces",
    ]);
    expect(fromPydata.function?.parameters[0]).toMatchObject({
      type: "iterable object",
      typeSource: "docstring",
    });
    expect(struct(schema, "Object").python.find((m) => m.name === "children")).toMatchObject({
      kind: "property",
      readonly: true,
    });
    expect(struct(schema, "BlendDataLibraries").python.find((m) => m.name === "load")?.kind).toBe(
      "contextmanager",
    );
    expect(struct(schema, "Context").python.find((m) => m.name === "temp_override")?.kind).toBe(
      "contextmanager",
    );
  });

  it("function kinds: classmethod/staticmethod from use_self(_type)", () => {
    const kinds = new Set(schema.structs.flatMap((s) => s.functions.map((f) => f.kind)));
    expect([...kinds].sort()).toEqual(["classmethod", "method", "staticmethod"]);
    const poll = struct(schema, "Operator").functions.find((f) => f.identifier === "poll")!;
    // RNA facts: poll is FUNC_NO_SELF (no use_self_type); registered Python subclasses define it as
    // a @classmethod, which Blender binds (documented in FORMAT.md).
    expect(poll).toMatchObject({
      kind: "staticmethod",
      useSelf: false,
      useSelfType: false,
      registeredOptional: true,
    });
    const cm = schema.structs.flatMap((s) => s.functions.filter((f) => f.kind === "classmethod"));
    expect(cm.every((f) => f.useSelfType && !f.useSelf)).toBe(true);
  });

  it("shared enums are named after RNA (rna_enum_*_items)", () => {
    const mode = prop(struct(schema, "Object").properties, "mode");
    if (mode.type !== "enum") throw new Error("not an enum");
    expect(mode.enum).toBe("object_mode");
    expect(schema.enums["object_mode"]).toMatchObject({
      source: "rna",
      cName: "rna_enum_object_mode_items",
    });
  });

  it("mathutils.Vector: operators, methods, attributes, constructor", () => {
    const m = schema.modules.find((x) => x.name === "mathutils")!;
    const v = m.classes.find((c) => c.name === "Vector")!;
    expect(v.operators).toEqual(
      expect.arrayContaining(["__matmul__", "__add__", "__getitem__", "__len__"]),
    );
    expect(v.methods.map((x) => x.name)).toEqual(
      expect.arrayContaining(["cross", "dot", "normalized"]),
    );
    expect(v.methods.find((x) => x.name === "Fill")?.kind).toBe("classmethod");
    expect(v.attributes.find((a) => a.name === "length")).toMatchObject({
      type: "float",
      typeSource: "docstring",
    });
    expect(v.constructor?.parameters[0]).toMatchObject({
      name: "seq",
      type: "sequence of numbers",
    });
    const dot = v.methods.find((x) => x.name === "dot")!;
    expect(dot.returns).toMatchObject({ type: "float", typeSource: "docstring" });
  });

  it("modules: bmesh.ops, bpy.props, gpu submodules, aud import error recorded", () => {
    const names = schema.modules.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "bmesh.ops",
        "bmesh.types",
        "bpy.props",
        "gpu.types",
        "bl_math",
        "blf",
        "imbuf",
        "idprop.types",
        "bpy_extras.object_utils",
      ]),
    );
    const boolProp = schema.modules
      .find((m) => m.name === "bpy.props")!
      .functions.find((f) => f.name === "BoolProperty")!;
    expect(boolProp.parameters[0]).toMatchObject({ name: "name", default: '""', type: "string" });
    expect(schema.app.handlers).toContain("depsgraph_update_post");
    expect(schema.app.fields.find((f) => f.name === "version")?.value).toEqual(
      schema.blender.version,
    );
  });

  it("is deterministic and sorted", () => {
    const ids = schema.structs.map((s) => s.identifier);
    expect(ids).toEqual([...ids].sort());
    expect(Object.keys(schema.enums)).toEqual(Object.keys(schema.enums).sort());
  });
});

describe("add-ons", () => {
  it("--addons enables add-ons before the dump; unknown ones fail", async () => {
    const s = await introspect({ blender, addons: ["io_import_images_as_planes"] });
    expect(s.addons).toEqual(["io_import_images_as_planes"]);
    expect(s.operators.map((o) => o.idname)).toContain("import_image.to_plane");
    expect(schema.operators.map((o) => o.idname)).not.toContain("import_image.to_plane");
    await expect(introspect({ blender, addons: ["no_such_addon_bpyts"] })).rejects.toThrow(
      /cannot enable add-on 'no_such_addon_bpyts'/,
    );
  });
});

describe("failure modes", () => {
  it("fails loudly, naming a context member missing from the map", async () => {
    const dir = join(DUMPER_SCRIPT, "..");
    const expr =
      `import sys; sys.path.insert(0, ${JSON.stringify(dir)}); import bpyts_context as c; ` +
      `c._BASE.pop('active_object'); c._BASE.pop('selected_ids'); import bpyts_introspect as b; b.build()`;
    const r = await execa(
      blender,
      ["--background", "--factory-startup", "--python-exit-code", "1", "--python-expr", expr],
      {
        reject: false,
        all: true,
      },
    );
    expect(r.exitCode).toBe(1);
    expect(r.all).toMatch(
      /bpy\.context members missing from the type map.*: active_object, selected_ids/,
    );
  });

  it("a Python without bpy is an IntrospectError", async () => {
    await expect(introspect({ python: "python3" })).rejects.toThrow(IntrospectError);
  });
});
