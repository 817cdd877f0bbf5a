// Each generated package type-checks with zero errors under tsc 6 and tsgo 7 (strict,
// skipLibCheck false), together with the examples and the usage-contract fixtures; the
// `@ts-expect-error` fixture lines must all fail (an unused directive is itself an error).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, TSC6, TSC7, VERSIONS, runTsc, tsconfigFor } from "./helpers.js";

const fixtures = [
  join(ROOT, "examples/hello.ts"),
  join(ROOT, "examples/render.ts"),
  join(ROOT, "generator/test/fixtures/contract.ts"),
  join(ROOT, "generator/test/fixtures/contract-errors.ts"),
];

describe.each(VERSIONS)("blender-%s typings", (v) => {
  it.concurrent("type-check with tsc 6 (declarations + examples + contract)", () => {
    const r = runTsc(TSC6, tsconfigFor(v, fixtures));
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });
  it.concurrent("type-check with tsgo 7 (declarations + examples + contract)", () => {
    const r = runTsc(TSC7, tsconfigFor(v, fixtures));
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("negative control", () => {
  it("a wrong program fails under both compilers", async () => {
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "bpyts-neg-"));
    const file = join(dir, "bad.ts");
    writeFileSync(
      file,
      'import * as bpy from "bpy";\nbpy.ops.mesh.primitive_cube_add({ size: "big" });\n',
    );
    for (const bin of [TSC6, TSC7]) {
      const r = runTsc(bin, tsconfigFor("3.4", [file]));
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(/TS2322|TS2769/);
    }
  });
});
