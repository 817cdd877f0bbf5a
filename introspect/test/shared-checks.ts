import { expect } from "vitest";
import type { Schema } from "../src/index.js";
import { RNA_INFO_IGNORED, type Oracle } from "./helpers.js";

/** The dump's structs/properties/functions/operators equal what Blender reports (rna_info, bpy.ops). */
export function expectCountsMatchOracle(schema: Schema, o: Oracle): void {
  const dumped = new Map(schema.structs.map((s) => [s.identifier, s]));
  const oracleIds = Object.keys(o.structs).filter((id) => !/_OT_/.test(id));
  const dumpIds = [...dumped.keys()].filter((id) => !RNA_INFO_IGNORED.test(id));
  expect(dumpIds.sort()).toEqual(oracleIds.sort());
  let props = 0;
  let funcs = 0;
  let oProps = 0;
  let oFuncs = 0;
  const mismatches: string[] = [];
  for (const id of oracleIds) {
    const s = dumped.get(id)!;
    const [op, of] = o.structs[id]!;
    const p = s.properties.filter((x) => x.identifier !== "rna_type").length;
    if (p !== op || s.functions.length !== of)
      mismatches.push(`${id}: ${p}/${s.functions.length} vs ${op}/${of}`);
    props += p;
    funcs += s.functions.length;
    oProps += op;
    oFuncs += of;
  }
  expect(mismatches).toEqual([]);
  expect(props).toBe(oProps);
  expect(funcs).toBe(oFuncs);
  expect(schema.operators.map((x) => x.idname)).toEqual(o.operators);
  // every context member Blender lists is typed: in the map, or an RNA property of Context
  const contextProps = new Set(dumped.get("Context")!.properties.map((p) => p.identifier));
  const typed = new Set(schema.context.map((c) => c.name));
  expect(o.context_members.filter((n) => !typed.has(n) && !contextProps.has(n))).toEqual([]);
}
