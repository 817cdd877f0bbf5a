/**
 * Every override in overrides.ts names something: a function, parameter, attribute, class,
 * struct property or struct function of at least one schema. A key that names nothing (a typo,
 * a member Blender removed) would otherwise be skipped silently; `checkOverrides` reports it
 * located in overrides.ts (`regenerate` runs it on the committed schemas, and so does a test).
 */
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PyFunction, Schema } from "@bpyts/introspect";
import * as O from "./overrides.js";

/** How a table's keys are spelled. */
type KeyKind =
  | "function" // "module.fn", "module.Class.method", "bpy_types.Struct.method"
  | "param" // "<function>:param"
  | "attribute" // "module.Class.attr", "bpy_types.Struct.attr", "module.const"
  | "class" // "module.Class"
  | "structMember" // "Struct.property" or "Struct.function"
  | "functionName" // an RNA function name on any struct, or "Struct.function"
  | "contextMember" // a property of bpy.types.Context
  | "appField"; // a field of bpy.app

export interface OverrideTable {
  name: string;
  kind: KeyKind;
  keys: Iterable<string>;
}

/** The tables whose keys name schema members (BMESH_SLOT_BY_NAME names slots by convention). */
export const OVERRIDE_TABLES: OverrideTable[] = [
  { name: "RETURN_OVERRIDES", kind: "function", keys: Object.keys(O.RETURN_OVERRIDES) },
  { name: "RETURN_NOTES", kind: "function", keys: Object.keys(O.RETURN_NOTES) },
  {
    name: "CONTEXT_MANAGER_RESULTS",
    kind: "function",
    keys: Object.keys(O.CONTEXT_MANAGER_RESULTS),
  },
  { name: "KEYWORD_ONLY_FROM", kind: "function", keys: Object.keys(O.KEYWORD_ONLY_FROM) },
  { name: "PARAM_OVERRIDES", kind: "param", keys: Object.keys(O.PARAM_OVERRIDES) },
  { name: "OPTIONAL_PARAMS", kind: "param", keys: O.OPTIONAL_PARAMS },
  { name: "ATTRIBUTE_OVERRIDES", kind: "attribute", keys: Object.keys(O.ATTRIBUTE_OVERRIDES) },
  { name: "SEQUENCE_ELEMENT", kind: "class", keys: Object.keys(O.SEQUENCE_ELEMENT) },
  { name: "GENERIC_CLASSES", kind: "class", keys: Object.keys(O.GENERIC_CLASSES) },
  { name: "CONSTRUCTOR_OVERRIDES", kind: "class", keys: Object.keys(O.CONSTRUCTOR_OVERRIDES) },
  { name: "POINTER_NEVER_NONE", kind: "structMember", keys: O.POINTER_NEVER_NONE },
  { name: "POINTER_MAYBE_NONE", kind: "structMember", keys: O.POINTER_MAYBE_NONE },
  {
    name: "DYNAMIC_ARRAY_DIMENSIONS",
    kind: "structMember",
    keys: Object.keys(O.DYNAMIC_ARRAY_DIMENSIONS),
  },
  {
    name: "RETURN_MAYBE_NONE_FUNCTIONS",
    kind: "structMember",
    keys: O.RETURN_MAYBE_NONE_FUNCTIONS,
  },
  { name: "RETURNS_RECEIVER_TYPE", kind: "structMember", keys: O.RETURNS_RECEIVER_TYPE },
  {
    name: "RETURN_NEVER_NONE_FUNCTIONS",
    kind: "functionName",
    keys: O.RETURN_NEVER_NONE_FUNCTIONS,
  },
  { name: "CONTEXT_ALWAYS_SET", kind: "contextMember", keys: O.CONTEXT_ALWAYS_SET },
  { name: "APP_FIELD_TYPES", kind: "appField", keys: Object.keys(O.APP_FIELD_TYPES) },
  {
    name: "DOCSTRING_TYPES.params",
    kind: "param",
    keys: Object.keys(O.DOCSTRING_TYPES.params),
  },
  {
    name: "DOCSTRING_TYPES.returns",
    kind: "function",
    keys: Object.keys(O.DOCSTRING_TYPES.returns),
  },
  {
    name: "DOCSTRING_TYPES.attributes",
    kind: "attribute",
    keys: Object.keys(O.DOCSTRING_TYPES.attributes),
  },
];

/** Everything a key of each kind may name in one schema. */
function targets(schema: Schema): Map<KeyKind, Set<string>> {
  const t = new Map<KeyKind, Set<string>>(
    (
      [
        "function",
        "param",
        "attribute",
        "class",
        "structMember",
        "functionName",
        "contextMember",
        "appField",
      ] as const
    ).map((k) => [k, new Set<string>()]),
  );
  const add = (kind: KeyKind, key: string) => t.get(kind)!.add(key);
  const fn = (qual: string, f: PyFunction) => {
    add("function", qual);
    for (const p of f.parameters) add("param", `${qual}:${p.name}`);
  };
  for (const m of schema.modules) {
    for (const f of m.functions) fn(`${m.name}.${f.name}`, f);
    for (const a of m.attributes) add("attribute", `${m.name}.${a.name}`);
    for (const c of m.classes) {
      const q = `${m.name}.${c.name}`;
      add("class", q);
      for (const f of c.methods) fn(`${q}.${f.name}`, f);
      for (const a of c.attributes) add("attribute", `${q}.${a.name}`);
    }
  }
  for (const s of schema.structs) {
    for (const p of s.properties) add("structMember", `${s.identifier}.${p.identifier}`);
    for (const f of s.functions) {
      add("structMember", `${s.identifier}.${f.identifier}`);
      add("functionName", f.identifier);
      add("functionName", `${s.identifier}.${f.identifier}`);
    }
    for (const m of s.python) {
      const q = `bpy_types.${s.identifier}.${m.name}`;
      if (m.function) fn(q, m.function);
      else add("attribute", q);
    }
    if (s.identifier === "Context")
      for (const p of s.properties) add("contextMember", p.identifier);
  }
  for (const f of schema.app.fields) add("appField", f.name);
  return t;
}

export interface UnusedOverride {
  table: string;
  key: string;
}

/** Overrides that name nothing in any of `schemas`. */
export function unusedOverrides(
  schemas: readonly Schema[],
  tables: readonly OverrideTable[] = OVERRIDE_TABLES,
): UnusedOverride[] {
  const all = schemas.map(targets);
  const out: UnusedOverride[] = [];
  for (const table of tables)
    for (const key of table.keys)
      if (!all.some((t) => t.get(table.kind)!.has(key))) out.push({ table: table.name, key });
  return out;
}

export class OverrideError extends Error {
  override name = "OverrideError";
}

/** overrides.ts beside this module's source (`src/`; from `dist/`, `../src/`), if present. */
const SOURCE = [
  fileURLToPath(new URL("./overrides.ts", import.meta.url)),
  fileURLToPath(new URL("../src/overrides.ts", import.meta.url)),
].find((p) => existsSync(p));

/** `file:line:col` of the key's string in overrides.ts (keys built in a loop have none). */
function locate(key: string): string {
  if (!SOURCE) return "generator/src/overrides.ts";
  const file = relative(process.cwd(), resolve(SOURCE)) || SOURCE;
  const lines = readFileSync(SOURCE, "utf8").split("\n");
  const quoted = JSON.stringify(key);
  const i = lines.findIndex((l) => l.includes(quoted));
  return i < 0 ? file : `${file}:${i + 1}:${lines[i]!.indexOf(quoted) + 1}`;
}

/** Throws an OverrideError listing every override that names nothing in `schemas`. */
export function checkOverrides(
  schemas: readonly Schema[],
  tables: readonly OverrideTable[] = OVERRIDE_TABLES,
): void {
  const unused = unusedOverrides(schemas, tables);
  if (unused.length === 0) return;
  const versions = schemas.map((s) => s.blender.versionString).join(", ");
  throw new OverrideError(
    unused
      .map(
        (u) =>
          `${locate(u.key)} - ${u.table} entry "${u.key}" names nothing in the schemas of Blender ${versions}`,
      )
      .join("\n"),
  );
}
