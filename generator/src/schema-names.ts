/**
 * Every schema name that the generator prints as a TypeScript identifier (structs, their bases
 * and pointer targets, RNA members and parameters, operators, context members, `bpy.app` fields,
 * Python modules and their members) must be an ASCII identifier: a schema is data, and a name such
 * as `X {} declare const y: number; declare class Z` would otherwise add declarations to the
 * typings. Names printed as strings (enum items, descriptions) are quoted where they are printed.
 * A schema that breaks this is refused with BPY0011 and the JSON path of the name.
 */
import type { Property, PyFunction, Schema } from "@bpyts/introspect";

export class SchemaNameError extends Error {
  /** the CLI's code for a schema it cannot use */
  readonly code = "BPY0011";
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An ASCII identifier that is not a member of `Object.prototype` (`__proto__`, `constructor`,
 * `toString`, …: the generator's lookup tables are plain objects keyed by these names).
 */
function check(name: unknown, where: string): void {
  if (typeof name !== "string" || !IDENT.test(name))
    throw new SchemaNameError(
      `not a valid schema: ${where} is ${JSON.stringify(name)}, which is not an identifier`,
    );
  if (name in Object.prototype)
    throw new SchemaNameError(
      `not a valid schema: ${where} is ${JSON.stringify(name)}, a name the generator cannot use`,
    );
}

function checkProps(props: Property[], where: string): void {
  props.forEach((p, i) => {
    check(p.identifier, `${where}[${i}].identifier`);
    if (p.type === "pointer" || p.type === "collection")
      check(p.fixedType, `${where}[${i}].fixedType`);
  });
}

function checkPyFunction(f: PyFunction, where: string): void {
  check(f.name, `${where}.name`);
}

export function checkSchemaNames(schema: Schema): void {
  check(schema.data, "data");
  schema.structs.forEach((s, i) => {
    const at = `structs[${i}]`;
    check(s.identifier, `${at}.identifier`);
    if (s.base !== null) check(s.base, `${at}.base`);
    if (s.nested !== null) check(s.nested, `${at}.nested`);
    checkProps(s.properties, `${at}.properties`);
    s.functions.forEach((f, j) => {
      check(f.identifier, `${at}.functions[${j}].identifier`);
      checkProps(f.parameters, `${at}.functions[${j}].parameters`);
      checkProps(f.returns, `${at}.functions[${j}].returns`);
    });
    s.python.forEach((m, j) => check(m.name, `${at}.python[${j}].name`));
  });
  schema.operators.forEach((o, i) => {
    const parts = o.idname.split(".");
    if (parts.length !== 2) check(o.idname, `operators[${i}].idname`);
    parts.forEach((p) => check(p, `operators[${i}].idname`));
    check(o.rnaIdentifier, `operators[${i}].rnaIdentifier`);
    checkProps(o.properties, `operators[${i}].properties`);
  });
  schema.context.forEach((c, i) => {
    check(c.name, `context[${i}].name`);
    if (c.typeKind === "struct") check(c.type, `context[${i}].type`);
  });
  schema.app.fields.forEach((f, i) => check(f.name, `app.fields[${i}].name`));
  schema.app.handlers.forEach((h, i) => check(h, `app.handlers[${i}]`));
  schema.modules.forEach((m, i) => {
    const at = `modules[${i}]`;
    m.name.split(".").forEach((p) => check(p, `${at}.name`));
    m.functions.forEach((f, j) => checkPyFunction(f, `${at}.functions[${j}]`));
    m.attributes.forEach((a, j) => check(a.name, `${at}.attributes[${j}].name`));
    m.submodules.forEach((s, j) => check(s.split(".").pop(), `${at}.submodules[${j}]`));
    m.classes.forEach((c, j) => {
      check(c.name, `${at}.classes[${j}].name`);
      c.methods.forEach((f, k) => checkPyFunction(f, `${at}.classes[${j}].methods[${k}]`));
      c.attributes.forEach((a, k) => check(a.name, `${at}.classes[${j}].attributes[${k}].name`));
    });
  });
}
