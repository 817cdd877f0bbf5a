import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import {
  loadSchema,
  parseSchema,
  validateSchema,
  SchemaFormatVersionError,
  SchemaReadError,
  SchemaValidationError,
  type Schema,
} from "../src/index.js";
import { SCHEMAS } from "./helpers.js";

let good: Schema;
let dir: string;
const clone = (): Record<string, any> => structuredClone(good) as unknown as Record<string, any>;

function errorOf(fn: () => unknown): SchemaValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SchemaValidationError) return err;
    throw err;
  }
  throw new Error("expected a SchemaValidationError");
}

beforeAll(async () => {
  good = await loadSchema(join(SCHEMAS, "blender-3.4.json.gz"));
  dir = await mkdtemp(join(tmpdir(), "bpyts-validate-"));
});

describe("validateSchema", () => {
  it("accepts the committed schemas", async () => {
    for (const v of ["3.4", "4.3", "5.2"]) {
      const s = await loadSchema(join(SCHEMAS, `blender-${v}.json.gz`));
      expect(s.blender.versionString.startsWith(v)).toBe(true);
    }
  });

  it("a wrong formatVersion gets its own clear message", () => {
    const doc = clone();
    doc["formatVersion"] = 2;
    const err = errorOf(() => validateSchema(doc, "x.json"));
    expect(err).toBeInstanceOf(SchemaFormatVersionError);
    expect(err.message).toBe(
      "unsupported bpyts schema formatVersion 2 x.json: this bpyts reads formatVersion 1; regenerate the schema with `bpyts introspect`",
    );
    delete doc["formatVersion"];
    expect(errorOf(() => validateSchema(doc)).message).toMatch(
      /not a bpyts schema: missing formatVersion/,
    );
    expect(errorOf(() => validateSchema([1, 2])).message).toMatch(
      /expected a JSON object, got array/,
    );
  });

  it("a missing field is reported with its JSON path", () => {
    const doc = clone();
    const i = doc["structs"].findIndex((x: any) => x.identifier === "Object");
    delete doc["structs"][i]["properties"][3]["name"];
    const err = errorOf(() => validateSchema(doc));
    expect(err.issues).toEqual([
      {
        path: `structs[${i}].properties[3].name`,
        message: "missing required field (expected string)",
      },
    ]);
    expect(err.message).toContain(`structs[${i}].properties[3].name: missing required field`);
  });

  it("a bad property type lists the allowed ones", () => {
    const doc = clone();
    const s = doc["structs"].findIndex((x: any) => x.properties.length > 3);
    doc["structs"][s]["properties"][3]["type"] = "quaternion";
    const err = errorOf(() => validateSchema(doc));
    expect(err.issues[0]).toEqual({
      path: `structs[${s}].properties[3].type`,
      message:
        'expected one of "boolean", "int", "float", "string", "enum", "pointer", "collection", got "quaternion"',
    });
  });

  it("wrong types, bad enum values and dangling references are precise", () => {
    const doc = clone();
    doc["operators"][0]["options"] = "REGISTER";
    doc["context"][0]["typeKind"] = "class";
    let err = errorOf(() => validateSchema(doc));
    expect(err.issues).toEqual([
      { path: "operators[0].options", message: 'expected array, got "REGISTER"' },
      { path: "context[0].typeKind", message: 'expected one of "struct", "python"' },
    ]);
    const doc2 = clone();
    const i = doc2["structs"].findIndex((x: any) => x.identifier === "Object");
    const j = doc2["structs"][i].properties.findIndex((p: any) => p.identifier === "data");
    doc2["structs"][i].properties[j].fixedType = "NoSuchStruct";
    err = errorOf(() => validateSchema(doc2));
    expect(err.issues).toEqual([
      {
        path: `structs[${i}].properties[${j}].fixedType`,
        message: 'unknown struct "NoSuchStruct"',
      },
    ]);
  });
});

describe("loadSchema", () => {
  it("reads .json and .json.gz", async () => {
    const json = JSON.stringify(good);
    await writeFile(join(dir, "a.json"), json);
    await writeFile(join(dir, "a.json.gz"), gzipSync(json));
    expect((await loadSchema(join(dir, "a.json"))).structs.length).toBe(good.structs.length);
    expect((await loadSchema(join(dir, "a.json.gz"))).structs.length).toBe(good.structs.length);
  });

  it("a corrupt gzip is a clear error, not a crash", async () => {
    const gz = gzipSync(JSON.stringify({ formatVersion: 1 }));
    const corrupt = Buffer.from(gz);
    corrupt.fill(0x55, 12, 30);
    await writeFile(join(dir, "corrupt.json.gz"), corrupt);
    await expect(loadSchema(join(dir, "corrupt.json.gz"))).rejects.toThrow(
      /^corrupt gzip in bpyts schema .*corrupt\.json\.gz: /,
    );
    await writeFile(join(dir, "trunc.json.gz"), gz.subarray(0, gz.length - 10));
    await expect(loadSchema(join(dir, "trunc.json.gz"))).rejects.toBeInstanceOf(SchemaReadError);
  });

  it("truncated JSON and missing files are clear errors", async () => {
    await writeFile(join(dir, "t.json"), JSON.stringify(good).slice(0, 1000));
    await expect(loadSchema(join(dir, "t.json"))).rejects.toThrow(
      /invalid JSON in bpyts schema .*t\.json \(truncated\?\)/,
    );
    await expect(loadSchema(join(dir, "nope.json"))).rejects.toThrow(
      /cannot read bpyts schema .*nope\.json/,
    );
    expect(() => parseSchema(new Uint8Array([0x1f, 0x8b, 1]), "b.gz")).toThrow(SchemaReadError);
  });
});
