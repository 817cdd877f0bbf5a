// introspect / generate / api-diff are thin wrappers over @bpyts/introspect and @bpyts/generator.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bpyts, repoRoot, tempDir } from "./helpers.js";

const schema = (v: string) => join(repoRoot, "introspect/schemas", `blender-${v}.json.gz`);

describe("bpyts introspect / generate / api-diff", () => {
  it("introspects the installed Blender to a schema file", async () => {
    const dir = await tempDir();
    const out = join(dir, "schema.json");
    const r = await bpyts(["introspect", "-o", out]);
    expect(r.exitCode, r.stderr).toBe(0);
    const json = JSON.parse(await readFile(out, "utf8"));
    expect(json.blender.versionString).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.skipIf(!existsSync(schema("3.4")))("generates typings from a schema", async () => {
    const out = join(await tempDir(), "typings");
    const r = await bpyts(["generate", schema("3.4"), "-o", out]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(out, "bpy.d.ts"))).toBe(true);
  });

  it.skipIf(!existsSync(schema("3.4")) || !existsSync(schema("4.3")))(
    "diffs two schemas as Markdown",
    async () => {
      const r = await bpyts(["api-diff", schema("3.4"), schema("4.3")]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^# .*3\.4\.\d+ → 4\.3\.\d+/);
    },
  );

  it("reports an invalid schema with its location", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "bad.json"), "{}");
    const r = await bpyts(["generate", join(dir, "bad.json"), "-o", join(dir, "out")]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:1:1 - error BPY0011: not a valid schema/);
  });
});
