/** bpy.props: typed so that a class field declared with `XProperty(...)` reads as its value type. */
import type { PyFunction, PyModule, PyParameter } from "@bpyts/introspect";
import type { GenContext } from "./context.js";
import type { PyTypes } from "./pymod.js";
import { docSafe, propKey } from "./naming.js";
import { jsdoc, oneLine } from "./rna.js";

/** `:ref:`rna_enum_X_items`` in a parameter description → the enum's literal union. */
function refEnum(ctx: GenContext, t: PyTypes, p: PyParameter): string | null {
  const m = /rna_enum_(\w+?)_items/.exec(p.description ?? "");
  if (!m) return null;
  const key = m[1]!;
  const alias = ctx.enumAliases.get(key);
  if (alias) return t.imports.ref({ module: "bpy.types", name: alias });
  const def = ctx.enumDef(key);
  if (!def) return null;
  return def.items.map((i) => JSON.stringify(i.identifier)).join(" | ");
}

interface PropFn {
  value: string;
  generics?: string;
  /** Type of `default`. */
  def: string;
}

export function emitProps(ctx: GenContext, t: PyTypes, mod: PyModule): string[] {
  const S = (n: string) => t.imports.ref({ module: "bpy.types", name: n });
  const M = (n: string) => t.imports.ref({ module: "mathutils", name: n });
  const kw = t.imports.needBpy("KwArgs");
  const arr = (e: string) => `${S("bpy_prop_array")}<${e}>`;
  const out: string[] = [];
  const vectorSubtypes = `"TRANSLATION" | "DIRECTION" | "VELOCITY" | "ACCELERATION" | "XYZ" | "XYZ_LENGTH" | "COORDINATES"`;
  out.push(
    `${jsdoc(
      "The value a `FloatVectorProperty` reads as, by subtype and size (same rules as RNA arrays: vector subtypes of size 2–4 → Vector, MATRIX 9/16 → Matrix, EULER/QUATERNION 3 → Euler, 4 → Quaternion, COLOR/COLOR_GAMMA 3 → Color, else bpy_prop_array).",
    )}\nexport type FloatVectorValue<S, N> = S extends ${vectorSubtypes} ? (N extends 2 | 3 | 4 ? ${M("Vector")} : ${arr("number")}) : S extends "MATRIX" ? (N extends 9 | 16 | readonly [3, 3] | readonly [4, 4] ? ${M("Matrix")} : ${arr("number")}) : S extends "EULER" | "QUATERNION" ? (N extends 3 ? ${M("Euler")} : N extends 4 ? ${M("Quaternion")} : ${arr("number")}) : S extends "COLOR" | "COLOR_GAMMA" ? (N extends 3 ? ${M("Color")} : ${arr("number")}) : ${arr("number")};`,
    `${jsdoc("One `items` entry of an EnumProperty: (identifier, name, description[, icon][, number]), or null for a separator.")}\nexport type EnumPropertyItem = readonly [identifier: string, name: string, description: string] | readonly [identifier: string, name: string, description: string, number: number] | readonly [identifier: string, name: string, description: string, icon: string | number, number: number] | null;`,
    `${jsdoc("A runtime collection property (CollectionProperty): a bpy_prop_collection with add/remove/clear/move.")}\nexport interface CollectionPropertyValue<T> extends ${S("bpy_prop_collection")}<T> {\n/** Add an item and return it. */\nadd(): T;\n/** Remove the item at index. */\nremove(index: number): void;\n/** Remove all items. */\nclear(): void;\n/** Move an item from one index to another. */\nmove(from_index: number, to_index: number): void;\n}`,
  );
  const fns: Record<string, PropFn> = {
    BoolProperty: { value: "boolean", def: "boolean" },
    BoolVectorProperty: { value: arr("boolean"), def: "readonly boolean[]" },
    IntProperty: { value: "number", def: "number" },
    IntVectorProperty: { value: arr("number"), def: "readonly number[]" },
    FloatProperty: { value: "number", def: "number" },
    FloatVectorProperty: {
      value: "FloatVectorValue<S, N>",
      generics: `<const S extends string = "NONE", const N extends number | readonly number[] = 3>`,
      def: `readonly number[] | readonly (readonly number[])[]`,
    },
    StringProperty: { value: "string", def: "string" },
    PointerProperty: {
      value: `T extends ${S("ID")} ? T | null : T`,
      generics: `<T extends ${S("bpy_struct")}>`,
      def: "never",
    },
    CollectionProperty: {
      value: "CollectionPropertyValue<T>",
      generics: `<T extends ${S("bpy_struct")}>`,
      def: "never",
    },
  };
  const self = S("bpy_struct");
  const ctxT = S("Context");
  for (const f of mod.functions) {
    if (f.name === "EnumProperty") {
      out.push(...enumProperty(ctx, t, f, kw, self, ctxT));
      continue;
    }
    const spec = fns[f.name];
    if (!spec) {
      const s = t.signature(`bpy.props.${f.name}`, f);
      out.push(
        `${jsdoc(`${s.doc}\n@blender ${ctx.version}`)}\nexport function ${f.name}(${s.params}): ${s.ret};`,
      );
      continue;
    }
    const fields = f.parameters.map((p) => propField(ctx, t, f, p, spec, self, ctxT));
    const required = f.name === "PointerProperty" || f.name === "CollectionProperty";
    out.push(
      `${jsdoc(`${docSafe(f.doc)}\n\nA class field declared with it reads as \`${spec.value}\` (Python: an annotation \`name: bpy.props.${f.name}(...)\`).\n@blender ${ctx.version}`)}\nexport function ${f.name}${spec.generics ?? ""}(options${required ? "" : "?"}: ${kw}<{\n${fields.join("\n")}\n}>): ${spec.value};`,
    );
  }
  return out;
}

function propField(
  ctx: GenContext,
  t: PyTypes,
  f: PyFunction,
  p: PyParameter,
  spec: PropFn,
  self: string,
  ctxT: string,
): string {
  const d = `/** ${docSafe(oneLine(p.description ?? ""))}${p.default !== undefined ? ` Default: \`${docSafe(p.default)}\`.` : ""} */`;
  const opt =
    f.name === "PointerProperty" || f.name === "CollectionProperty" ? p.name !== "type" : true;
  const key = `${propKey(p.name)}${opt ? "?" : ""}`;
  const en = refEnum(ctx, t, p);
  let type: string;
  const value = spec.value;
  switch (p.name) {
    case "type":
      type = "{ readonly prototype: T }";
      break;
    case "default":
      type = spec.def === "never" ? "never" : spec.def;
      break;
    case "options":
    case "override":
    case "search_options":
      type = en ? `ReadonlySet<${en}> | Set<${en}>` : "ReadonlySet<string> | Set<string>";
      break;
    case "tags":
      type = "ReadonlySet<string> | Set<string>";
      break;
    case "subtype":
      type = f.name === "FloatVectorProperty" ? `S & (${en ?? "string"})` : (en ?? "string");
      break;
    case "unit":
      type = en ?? "string";
      break;
    case "size":
      type = f.name === "FloatVectorProperty" ? "N" : "number | readonly number[]";
      break;
    case "update":
      type = `(self: ${self}, context: ${ctxT}) => void`;
      break;
    case "get":
      type = `(self: ${self}) => ${f.name === "FloatVectorProperty" ? "readonly number[]" : spec.def}`;
      break;
    case "set":
      type = `(self: ${self}, value: ${f.name === "FloatVectorProperty" ? "readonly number[]" : spec.def}) => void`;
      break;
    case "poll":
      type = `(self: ${self}, object: T) => boolean`;
      break;
    case "search":
      type = `(self: ${self}, context: ${ctxT}, edit_text: string) => Iterable<string | readonly [string, string]>`;
      break;
    case "name":
    case "description":
    case "translation_context":
      type = "string";
      break;
    case "min":
    case "max":
    case "soft_min":
    case "soft_max":
    case "step":
    case "precision":
    case "maxlen":
      type = "number";
      break;
    default: {
      const r = t.param(`bpy.props.${f.name}`, p);
      type = r.type;
    }
  }
  void value;
  // Callbacks in method syntax: their parameters are then checked bivariantly, so a callback
  // may annotate `self` with the class that owns the property
  // (`update: (self: Settings, context) => …`) instead of narrowing a bpy_struct.
  const callback = /^\((.*)\) => (.*)$/s.exec(type);
  if (callback && ["update", "get", "set", "poll", "search"].includes(p.name))
    return `${d}\n${key}(${callback[1]}): ${callback[2]};`;
  return `${d}\n${key}: ${type};`;
}

function enumProperty(
  ctx: GenContext,
  t: PyTypes,
  f: PyFunction,
  kw: string,
  self: string,
  ctxT: string,
): string[] {
  const common = (idType: string) =>
    f.parameters
      .filter((p) => p.name !== "items" && p.name !== "default")
      .map((p) => propField(ctx, t, f, p, { value: idType, def: idType }, self, ctxT))
      .join("\n");
  const itemsDoc = f.parameters.find((p) => p.name === "items")?.description ?? "";
  const doc = `${docSafe(f.doc)}\n\nWith a static \`items\` list (\`as const\` is not needed: the type parameter is \`const\`) the field reads as the union of the item identifiers; with an items callback it reads as \`string\`. For \`options: new Set(["ENUM_FLAG"])\` use {@link EnumFlagProperty}, which reads as a set.\n@blender ${ctx.version}`;
  const items = `/** ${docSafe(oneLine(itemsDoc))} */`;
  return [
    `${jsdoc(doc)}\nexport function EnumProperty<const I extends readonly EnumPropertyItem[]>(options: ${kw}<{\n${items}\nitems: I;\n/** Default identifier (or, for ENUM_FLAG, a set of identifiers). */\ndefault?: Exclude<I[number], null>[0] | number;\n${common("Exclude<I[number], null>[0]")}\n}>): Exclude<I[number], null>[0];`,
    `${jsdoc(doc)}\nexport function EnumProperty(options: ${kw}<{\n${items}\nitems: (self: ${self}, context: ${ctxT} | null) => readonly EnumPropertyItem[];\n/** Default identifier. */\ndefault?: string | number;\n${common("string")}\n}>): string;`,
    `${jsdoc(`An EnumProperty declared with \`options: new Set(["ENUM_FLAG"])\` (Python \`bpy.props.EnumProperty(..., options={'ENUM_FLAG'})\`): reads as a set of identifiers. Compiles to \`bpy.props.EnumProperty\`.\n@pyName EnumProperty\n@blender ${ctx.version}`)}\nexport function EnumFlagProperty<const I extends readonly EnumPropertyItem[]>(options: ${kw}<{\n${items}\nitems: I;\n/** Default: a set of identifiers. */\ndefault?: ReadonlySet<Exclude<I[number], null>[0]>;\n${common("Exclude<I[number], null>[0]")}\n}>): Set<Exclude<I[number], null>[0]>;`,
  ];
}
