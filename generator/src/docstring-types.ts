/**
 * The schema as the generator reads it: Blender's docstrings completed by DOCSTRING_TYPES
 * (overrides.ts) where they give no type, exactly as if the docstring had said it.
 */
import type { PyAttribute, PyClass, PyFunction, PyModule, Schema, Struct } from "@bpyts/introspect";
import { DOCSTRING_TYPE_PATTERNS, DOCSTRING_TYPES } from "./overrides.js";

function completeFunction(qual: string, f: PyFunction): PyFunction {
  let changed = false;
  const parameters = f.parameters.map((p) => {
    const type = DOCSTRING_TYPES.params[`${qual}:${p.name}`];
    if (type === undefined || p.typeSource === "docstring") return p;
    changed = true;
    return { ...p, type, typeSource: "override" as const };
  });
  const rtype = DOCSTRING_TYPES.returns[qual];
  const returns =
    rtype !== undefined && f.returns.typeSource !== "docstring"
      ? { ...f.returns, type: rtype, typeSource: "override" as const }
      : f.returns;
  return changed || returns !== f.returns ? { ...f, parameters, returns } : f;
}

function completeStruct(s: Struct): Struct {
  let changed = false;
  const python = s.python.map((m) => {
    const qual = `bpy_types.${s.identifier}.${m.name}`;
    if (m.function) {
      const f = completeFunction(qual, m.function);
      if (f === m.function) return m;
      changed = true;
      return { ...m, function: f };
    }
    const type = DOCSTRING_TYPES.attributes[qual];
    if (type === undefined || m.typeSource === "docstring") return m;
    changed = true;
    return { ...m, type, typeSource: "override" as const };
  });
  return changed ? { ...s, python } : s;
}

function completeAttribute(qual: string, a: PyAttribute): PyAttribute {
  if (a.typeSource === "docstring") return a;
  const type =
    DOCSTRING_TYPES.attributes[qual] ?? DOCSTRING_TYPE_PATTERNS.find(([p]) => p.test(qual))?.[1];
  return type === undefined ? a : { ...a, type, typeSource: "override" };
}

function completeClass(mod: string, c: PyClass): PyClass {
  const attributes = c.attributes.map((a) => completeAttribute(`${mod}.${c.name}.${a.name}`, a));
  return attributes.some((a, i) => a !== c.attributes[i]) ? { ...c, attributes } : c;
}

function completeModule(m: PyModule): PyModule {
  const classes = m.classes.map((c) => completeClass(m.name, c));
  return classes.some((c, i) => c !== m.classes[i]) ? { ...m, classes } : m;
}

/** `schema` with DOCSTRING_TYPES filled in where the docstrings give no type. */
export function withDocstringTypes(schema: Schema): Schema {
  return {
    ...schema,
    structs: schema.structs.map(completeStruct),
    modules: schema.modules.map(completeModule),
  };
}
