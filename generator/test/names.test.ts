// Schema names that reach the typings as identifiers (issue 21): a struct named `__proto__` was an
// internal error (BPY0010), one whose identifier carried TypeScript added declarations. Such a
// schema is refused with BPY0011 and the JSON path of the name.
import { beforeAll, describe, expect, it } from "vitest";
import { loadSchema, type Schema } from "@bpyts/introspect";
import { buildFiles, SchemaNameError } from "../src/index.js";
import { schemaFile } from "./helpers.js";

let base: Schema;
beforeAll(async () => {
  base = await loadSchema(schemaFile("3.4"));
});

function refusal(edit: (s: Schema) => void): SchemaNameError {
  const s = structuredClone(base);
  edit(s);
  try {
    buildFiles(s);
  } catch (e) {
    expect(e).toBeInstanceOf(SchemaNameError);
    return e as SchemaNameError;
  }
  throw new Error("the schema was accepted");
}

describe("schema names", () => {
  it("refuses a struct named __proto__ (BPY0011, not an internal error)", () => {
    const e = refusal((s) => void (s.structs[0]!.identifier = "__proto__"));
    expect(e.code).toBe("BPY0011");
    expect(e.message).toContain('structs[0].identifier is "__proto__"');
  });
  it("refuses a struct identifier carrying TypeScript", () => {
    const payload = "AOV {} declare const injected: number; declare class X";
    const e = refusal((s) => void (s.structs[0]!.identifier = payload));
    expect(e.message).toContain("structs[0].identifier");
    expect(e.message).toContain("not an identifier");
  });
  it("refuses non-identifiers wherever the generator prints an identifier", () => {
    const edits: [string, (s: Schema) => void][] = [
      ["base", (s) => void (s.structs.find((x) => x.base)!.base = "A-B")],
      ["properties", (s) => void (s.structs[0]!.properties[1]!.identifier = 'a"b')],
      ["operators", (s) => void (s.operators[0]!.idname = "mesh.x; y")],
      ["context", (s) => void (s.context[0]!.name = "a b")],
      ["modules", (s) => void (s.modules[0]!.name = "bpy.x-y")],
      [
        "functions",
        (s) => void (s.modules.find((m) => m.functions.length)!.functions[0]!.name = "f("),
      ],
      ["constructor", (s) => void (s.structs[1]!.identifier = "constructor")],
    ];
    for (const [where, edit] of edits) expect(refusal(edit).code, where).toBe("BPY0011");
  });
  it("keeps a description with */ inside its comment", () => {
    const s = structuredClone(base);
    s.structs[0]!.description = "ends */ declare const injected: number; /*";
    const text = buildFiles(s)
      .map((f) => JSON.stringify(f))
      .join("\n");
    expect(text).toContain("declare const injected"); // printed, inside the comment
    expect(text).not.toContain("ends */");
  });
});
