// run()/pool.run() with a .ts entry: compiled by @bpyts/compiler (runtime typings added), mapped back.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createPool, run } from "../src/index.js";
import { tempDir } from "./helpers.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const ready =
  existsSync(join(root, "packages/compiler/dist/index.js")) &&
  existsSync(join(root, "packages/blender-3.4/index.d.ts"));

const source = `import * as bpy from "bpy";
import { input, setResult, args } from "bpyts/runtime";

interface In {
  n: number;
}
const data = input<In>();
if (data.n < 0) {
  throw new Error("negative");
}
setResult({ n: data.n + 1, scene: bpy.context.scene.name, args: args });
`;

describe.skipIf(!ready)("compiled .ts entries (real compiler, real Blender)", () => {
  it("run(): input → typed result, exception → TS line", async () => {
    const entry = join(await tempDir("bpyts ts "), "job.ts");
    await writeFile(entry, source);
    const ok = await run<{ n: number; scene: string; args: string[] }>(entry, {
      input: { n: 1 },
      args: ["x"],
    });
    expect(ok.error?.format()).toBeUndefined();
    expect(ok.result).toEqual({ n: 2, scene: "Scene", args: ["x"] });
    const bad = await run(entry, { input: { n: -1 } });
    expect(bad.error?.tsStack[0]).toMatchObject({ file: entry, line: 9, mapped: true });
    expect(bad.error?.message).toBe("negative");
  });

  it("pool.run(): same through a warm worker", async () => {
    const entry = join(await tempDir("bpyts ts "), "job.ts");
    await writeFile(entry, source);
    const pool = await createPool({ size: 1 });
    try {
      const ok = await pool.run<{ n: number }>(entry, { input: { n: 41 } });
      expect(ok.result?.n).toBe(42);
      const bad = await pool.run(entry, { input: { n: -1 } });
      expect(bad.error?.tsStack[0]).toMatchObject({ file: entry, line: 9 });
    } finally {
      await pool.close();
    }
  });

  it("input(): no input is BPY0115 naming --input at the TS line; a fallback or a nullable type makes it optional", async () => {
    const dir = await tempDir("bpyts ts ");
    const entry = join(dir, "job.ts");
    await writeFile(entry, source);
    const none = await run(entry);
    expect(none.error?.code).toBe("BPY0115");
    expect(none.error?.type).toBe("bpyts.runtime.NoInputError");
    expect(none.error?.message).toContain("--input");
    expect(none.error?.tsStack[0]).toMatchObject({ file: entry, line: 7, mapped: true });
    const optional = join(dir, "optional.ts");
    await writeFile(
      optional,
      `import * as rt from "bpyts/runtime";
import { input, setResult } from "bpyts/runtime";
const a = input<{ n: number }>({ n: 5 });
const b = input<{ n: number } | null>();
const c = rt.input<number | undefined>();
setResult({ a: a.n, b, c: c === undefined || c === null ? "none" : c });
`,
    );
    const without = await run(optional);
    expect(without.error?.format()).toBeUndefined();
    expect(without.result).toEqual({ a: 5, b: null, c: "none" });
    const given = await run(optional, { input: { n: 7 } });
    expect(given.result).toEqual({ a: 7, b: { n: 7 }, c: { n: 7 } });
  });

  it("a class the script registers itself is not registered again by the generated register()", async () => {
    const entry = join(await tempDir("bpyts ts "), "own.ts");
    await writeFile(
      entry,
      `import * as bpy from "bpy";
import { setResult } from "bpyts/runtime";
declare module "bpy.ops" {
  namespace object {
    const own_op: BpyOperator<{}>;
  }
}
let ran = 0;
class OBJECT_OT_own_op extends bpy.types.Operator {
  bl_idname = "object.own_op" as const;
  bl_label = "Own";
  execute(_context: bpy.types.Context): Set<"FINISHED"> {
    ran++;
    return new Set(["FINISHED"] as const);
  }
}
bpy.utils.register_class(OBJECT_OT_own_op);
bpy.ops.object.own_op();
setResult({ ran, name: OBJECT_OT_own_op.name });
`,
    );
    const r = await run(entry);
    expect(r.error?.format()).toBeUndefined();
    expect(r.result).toEqual({ ran: 1, name: "OBJECT_OT_own_op" });
  });
});
