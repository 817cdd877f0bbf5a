// Blender interop of compiled .ts scripts in real Blender (issue 19): JS Sets that reach Blender
// as Python sets, registered callbacks with Blender's arity, structural types over Blender
// objects, EnumProperty items held in a const, registration before top-level code.
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { tempDir } from "./helpers.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const ready =
  existsSync(join(root, "packages/compiler/dist/index.js")) &&
  existsSync(join(root, "packages/blender-3.4/index.d.ts"));

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function runTs<T>(name: string, source: string): Promise<{ result?: T; error?: string }> {
  const dir = await tempDir("bpyts interop ");
  dirs.push(dir);
  const entry = join(dir, `${name}.ts`);
  await writeFile(entry, source);
  const r = await run<T>(entry);
  return { result: r.result, error: r.error?.format() };
}

describe.skipIf(!ready)("Blender interop (real compiler, real Blender 3.4)", () => {
  it("a Set reaching Blender through a variable, a helper, ?: or a field is a Python set; callbacks get Blender's arity", async () => {
    const r = await runTs<Record<string, unknown>>(
      "sets",
      `import * as bpy from "bpy";
import { setResult } from "bpyts/runtime";
declare module "bpy.ops" {
  namespace object {
    const via_var: BpyOperator<{}>;
    const via_helper: BpyOperator<{}>;
  }
}
type Ret = Set<"FINISHED" | "CANCELLED">;
const OPTIONS: Set<"REGISTER" | "UNDO"> = new Set(["REGISTER", "UNDO"]);
const calls: string[] = [];
function finished(): Ret {
  const s: Ret = new Set();
  s.add("FINISHED");
  return s;
}
class OBJECT_OT_via_var extends bpy.types.Operator {
  bl_idname = "object.via_var" as const;
  bl_label = "Via var";
  bl_options = OPTIONS;
  execute(): Ret {
    calls.push("var");
    const r: Ret = new Set(["FINISHED"]);
    return r;
  }
}
class OBJECT_OT_via_helper extends bpy.types.Operator {
  bl_idname = "object.via_helper" as const;
  bl_label = "Via helper";
  static poll(): boolean {
    return true;
  }
  invoke(context: bpy.types.Context) {
    return context.scene ? finished() : new Set(["CANCELLED" as const]);
  }
  execute(context: bpy.types.Context) {
    calls.push("helper " + context.scene.name);
    return calls.length > 0 ? finished() : new Set(["CANCELLED" as const]);
  }
  modal() {
    return finished();
  }
  cancel() {}
}
class VIEW3D_PT_short extends bpy.types.Panel {
  bl_label = "Short";
  bl_space_type = "VIEW_3D" as const;
  bl_region_type = "UI" as const;
  static poll() {
    return true;
  }
  draw() {}
}
bpy.utils.register_class(OBJECT_OT_via_var);
bpy.utils.register_class(OBJECT_OT_via_helper);
bpy.utils.register_class(VIEW3D_PT_short);
const a = bpy.ops.object.via_var();
const b = bpy.ops.object.via_helper();
setResult({ a: [...a], b: [...b], calls });
`,
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual({
      a: ["FINISHED"],
      b: ["FINISHED"],
      calls: ["var", "helper Scene"],
    });
  });

  it("EnumProperty items held in consts are tuples; the generated register() runs before the top-level code after the classes", async () => {
    const r = await runTs<Record<string, unknown>>(
      "enums",
      `import * as bpy from "bpy";
import { setResult } from "bpyts/runtime";
declare module "bpy.ops" {
  namespace object {
    const enum_op: BpyOperator<{ mode?: string; flags?: Set<string> }>;
  }
}
const MODES = [
  ["A", "Alpha", "first"],
  ["B", "Beta", "second"],
] as const;
const ITEM_C: [string, string, string] = ["C", "Gamma", "third"];
const FLAGS: [string, string, string, number][] = [
  ["X", "X", "", 1],
  ["Y", "Y", "", 2],
];
function dynamicItems(): [string, string, string][] {
  return [ITEM_C, ["D", "Delta", ""]];
}
const seen: string[] = [];
let registeredBefore = "";
class OBJECT_OT_enum_op extends bpy.types.Operator {
  bl_idname = "object.enum_op" as const;
  bl_label = "Enum op";
  mode = bpy.props.EnumProperty({ items: MODES, default: "B" });
  more = bpy.props.EnumProperty({ items: [ITEM_C, null, ["E", "Eps", ""]] });
  dyn = bpy.props.EnumProperty({ items: () => dynamicItems() });
  flags = bpy.props.EnumFlagProperty({ items: FLAGS });
  execute(): Set<"FINISHED"> {
    seen.push(this.mode + ":" + this.more + ":" + this.dyn + ":" + [...this.flags].sort().join(","));
    return new Set(["FINISHED"]);
  }
}
export function register(): void {
  registeredBefore = registeredBefore || "hook";
}
// top-level code after the classes: the operator is registered already
const first = bpy.ops.object.enum_op();
bpy.ops.object.enum_op({ mode: "A", flags: new Set(["X", "Y"]) });
setResult({ first: [...first], seen, hook: registeredBefore });
`,
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual({
      first: ["FINISHED"],
      seen: ["B:C:C:", "A:C:C:X,Y"],
      hook: "hook",
    });
  });

  it("Float32Array with foreach_get/foreach_set, Math.fround/imul, RegExp and String(e) of a Blender exception", async () => {
    const r = await runTs<Record<string, unknown>>(
      "buffers",
      `import * as bpy from "bpy";
import { setResult } from "bpyts/runtime";
const me = bpy.data.meshes.new("m");
me.vertices.add(3);
const co = new Float32Array(me.vertices.length * 3);
co.set([0.1, 0, 0, 1, 0.2, 0, 0, 1, 0.3]);
me.vertices.foreach_set("co", co);
const back = new Float32Array(9);
me.vertices.foreach_get("co", back);
let err = "";
try {
  bpy.data.objects.remove(bpy.data.objects.get("__none__")!);
} catch (e) {
  err = String(e) + " / " + \`\${e}\`.length;
}
const names = ["Cube.001", "Light", "Cube.012"].filter((n) => /^Cube\\.\\d{3}$/.test(n));
setResult({
  back: Array.from(back),
  exact: back[0] === Math.fround(0.1),
  imul: Math.imul(0x7fffffff, 3),
  names,
  err: err.startsWith("TypeError: "),
});
`,
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual({
      back: [0.1, 0, 0, 1, 0.2, 0, 0, 1, 0.3].map(Math.fround),
      exact: true,
      imul: Math.imul(0x7fffffff, 3),
      names: ["Cube.001", "Cube.012"],
      err: true,
    });
  });
});
