// The member model's printer and the hand-written templates (generator/templates/*.d.ts): a
// malformed template, or one naming what the generator does not emit, is a located error.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSchema, type Schema } from "@bpyts/introspect";
import { buildFiles, renderFiles, TemplateError, TEMPLATES_DIR } from "../src/index.js";
import { memberKey, printClass, printMember, type Member } from "../src/model.js";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { ROOT, TSC6, schemaFile } from "./helpers.js";

describe("member model printer", () => {
  it("prints properties, accessors, methods and KwArgs objects from data", () => {
    const members: Member[] = [
      { kind: "property", doc: "A\nB", name: "size", readonly: true, type: "number" },
      { kind: "get", doc: { inline: "Swizzle" }, name: "xy", type: "Vector" },
      { kind: "set", name: "xy", type: "Vector | readonly [number, number]" },
      {
        kind: "method",
        name: "new",
        static: true,
        optional: true,
        params: [
          { name: "name", type: "string" },
          {
            name: "options",
            optional: true,
            type: {
              kind: "object",
              wrapper: "KwArgs",
              fields: [{ kind: "property", name: "in", optional: true, type: "boolean" }],
            },
          },
        ],
        returns: "ID",
      },
      { kind: "method", name: "Symbol.iterator", computed: true, params: [], returns: "T" },
    ];
    expect(members.map(printMember)).toEqual([
      "/**\n * A\n * B\n */\nreadonly size: number;",
      "/** Swizzle */\nget xy(): Vector;",
      "set xy(value: Vector | readonly [number, number]);",
      "static new?(name: string, options?: KwArgs<{\nin?: boolean;\n}>): ID;",
      "[Symbol.iterator](): T;",
    ]);
    // a getter and its setter share a key; static members are apart from instance ones
    expect(members.map(memberKey)).toEqual(["size", "xy", "xy", "static new", "[Symbol.iterator]"]);
    expect(printClass({ kind: "interface", name: "I", extends: "B", members: [members[0]!] })).toBe(
      "export interface I extends B {\n/**\n * A\n * B\n */\nreadonly size: number;\n}",
    );
  });

  it("escapes a comment end in documentation", () => {
    const m: Member = { kind: "property", doc: "a */ b", name: "x", type: "number" };
    expect(printMember(m)).toBe("/**\n * a *\\/ b\n */\nx: number;");
  });
});

describe("templates", () => {
  let schema: Schema;
  const dirs: string[] = [];
  beforeAll(async () => {
    schema = await loadSchema(schemaFile("3.4"));
  }, 60_000);
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A copy of the templates with `file` changed by `edit`. */
  function templatesWith(file: string, edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), "bpyts-templates-"));
    dirs.push(dir);
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, edit(readFileSync(path, "utf8")));
    return dir;
  }

  function errorOf(templatesDir: string): string {
    try {
      buildFiles(schema, { templatesDir });
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      return (e as Error).message;
    }
    throw new Error("buildFiles accepted the templates");
  }

  it("the committed templates give the declarations they hold, with the version filled in", () => {
    const files = renderFiles(buildFiles(schema), schema.blender.versionString);
    const ops = files.get("bpy.ops.d.ts")!;
    expect(ops).toContain("export interface BpyOperator<O> {");
    expect(ops).toContain('import { KwArgs } from "bpy";');
    const types = files.get("bpy.types.d.ts")!;
    expect(types).toContain(`@blender ${schema.blender.versionString}`);
    expect(types).not.toContain("{{version}}");
    // an addition lands in the generated class
    const ab = files.get("bpy.types.a-b.d.ts")!;
    const cls = ab.slice(ab.indexOf("export class AddonPreferences "));
    expect(cls.slice(0, cls.indexOf("\n    }"))).toContain("draw?(context: Context): void;");
  });

  it("a syntax error is reported at its line and column", () => {
    const dir = templatesWith("bpy.ops.d.ts", (t) =>
      t.replace("idname(): string;", "idname(: string;"),
    );
    expect(errorOf(dir)).toMatch(/bpy\.ops\.d\.ts:\d+:\d+ - syntax error: /);
  });

  it("members added to a class the generator does not emit are an error", () => {
    const dir = templatesWith("bpy.types.d.ts", (t) =>
      t.replace(/\n}\s*$/, "\n  interface NoSuchStruct {\n    x: number;\n  }\n}\n"),
    );
    const lines = readFileSync(join(dir, "bpy.types.d.ts"), "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("interface NoSuchStruct")) + 1;
    expect(errorOf(dir)).toMatch(
      new RegExp(
        `bpy\\.types\\.d\\.ts:${line}:3 - members are added to \`NoSuchStruct\`, which the generator does not emit in "bpy.types"`,
      ),
    );
  });

  it("a declaration the generator needs and no template holds is an error", () => {
    const dir = templatesWith("bpy.app.d.ts", (t) =>
      t.replace("export function persistent", "export function persistent_"),
    );
    expect(errorOf(dir)).toMatch(/no template declares `persistent` in module "bpy.app.handlers"/);
  });

  it("an import spelled differently from the generator's is an error", () => {
    const dir = templatesWith("bpy.ops.d.ts", (t) =>
      t
        .replace('import * as bpy_types from "bpy.types";', 'import * as bt from "bpy.types";')
        .replace("bpy_types.Struct", "bt.Struct"),
    );
    expect(errorOf(dir)).toMatch(
      /bpy\.ops\.d\.ts:\d+:3 - the generator refers to +"bpy.types" as `bpy_types` in "bpy.ops", not `bt`/,
    );
  });

  it("a statement outside a `declare module` block is an error", () => {
    const dir = templatesWith("bpy.d.ts", (t) => `export type Loose = number;\n${t}`);
    expect(errorOf(dir)).toMatch(
      /bpy\.d\.ts:1:1 - a template holds only `declare module "name" \{ … \}` blocks/,
    );
  });

  it("an unexported declaration other than an interface is an error", () => {
    const dir = templatesWith("bpy.types.d.ts", (t) =>
      t.replace(/\n}\s*$/, "\n  type Loose = number;\n}\n"),
    );
    expect(errorOf(dir)).toMatch(
      /bpy\.types\.d\.ts:\d+:3 - `Loose`: only an interface adds members/,
    );
  });

  it("the build's tsc project checks every template, and they type-check", () => {
    const tsc = (...args: string[]) => {
      const r = spawnSync(
        process.execPath,
        [TSC6, "-p", join(ROOT, "generator/templates/check/tsconfig.json"), ...args],
        { encoding: "utf8" },
      );
      return { status: r.status, output: `${r.stdout}${r.stderr}` };
    };
    const listed = tsc("--listFilesOnly");
    expect(listed.status).toBe(0);
    for (const f of readdirSync(TEMPLATES_DIR).filter((n) => n.endsWith(".d.ts")))
      expect(listed.output).toContain(join(TEMPLATES_DIR, f));
    const checked = tsc("--noEmit");
    expect(checked.output).toBe("");
    expect(checked.status).toBe(0);
  }, 60_000);
});
