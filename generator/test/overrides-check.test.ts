// Every override in src/overrides.ts names a member of some committed schema; one that names
// nothing is reported at its line in overrides.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSchema, type Schema } from "@bpyts/introspect";
import { checkOverrides, OverrideError, unusedOverrides } from "../src/overrides-check.js";
import { withDocstringTypes } from "../src/docstring-types.js";
import { ROOT, VERSIONS, schemaFile } from "./helpers.js";

describe("overrides name schema members", () => {
  let schemas: Schema[];
  beforeAll(async () => {
    schemas = await Promise.all(VERSIONS.map((v) => loadSchema(schemaFile(v))));
  }, 60_000);

  it("every committed override names something in the 3.4, 4.3 or 5.2 schema", () => {
    expect(unusedOverrides(schemas)).toEqual([]);
  });

  it("an override naming a member no schema has is a located error", () => {
    // Scene.view_settings (POINTER_NEVER_NONE) gone from every schema
    const without = schemas.map((s) => ({
      ...s,
      structs: s.structs.map((st) =>
        st.identifier === "Scene"
          ? { ...st, properties: st.properties.filter((p) => p.identifier !== "view_settings") }
          : st,
      ),
    }));
    const source = readFileSync(join(ROOT, "generator/src/overrides.ts"), "utf8").split("\n");
    const line = source.findIndex((l) => l.includes('"Scene.view_settings"')) + 1;
    expect(line).toBeGreaterThan(0);
    let message = "";
    try {
      checkOverrides(without);
    } catch (e) {
      expect(e).toBeInstanceOf(OverrideError);
      message = (e as Error).message;
    }
    expect(message).toMatch(
      new RegExp(
        `^generator/src/overrides\\.ts:${line}:\\d+ - POINTER_NEVER_NONE entry "Scene\\.view_settings" names nothing in the schemas of Blender 3\\.4\\.\\d+, 4\\.3\\.\\d+, 5\\.2\\.\\d+$`,
      ),
    );
  });

  it("an override table entry of each kind is checked against its own kind of member", () => {
    // a struct property is not a Python function: the same text as a RETURN_OVERRIDES key fails
    const unused = unusedOverrides(schemas, [
      { name: "RETURN_OVERRIDES", kind: "function", keys: ["Scene.view_settings"] },
      { name: "POINTER_NEVER_NONE", kind: "structMember", keys: ["Scene.view_settings"] },
    ]);
    expect(unused).toEqual([{ table: "RETURN_OVERRIDES", key: "Scene.view_settings" }]);
  });

  it("DOCSTRING_TYPES fill what Blender's docstrings leave untyped, never what they type", () => {
    const [v34] = schemas;
    const children = (s: Schema) =>
      s.structs.find((x) => x.identifier === "Object")!.python.find((m) => m.name === "children")!;
    // the dump says what Blender says: 3.4's bpy_types.py documents no type for Object.children
    expect(children(v34!)).toMatchObject({ typeSource: "unknown" });
    expect(children(v34!).type).toBeUndefined();
    expect(children(withDocstringTypes(v34!))).toMatchObject({
      type: ":class:`bpy.types.Object` tuple",
      typeSource: "override",
    });
    // a documented slot keeps its docstring type
    const documented = {
      ...v34!,
      structs: v34!.structs.map((s) =>
        s.identifier === "Object"
          ? {
              ...s,
              python: s.python.map((m) =>
                m.name === "children"
                  ? {
                      ...m,
                      type: ":class:`bpy.types.Object` list",
                      typeSource: "docstring" as const,
                    }
                  : m,
              ),
            }
          : s,
      ),
    };
    expect(children(withDocstringTypes(documented)).type).toBe(":class:`bpy.types.Object` list");
  });
});
