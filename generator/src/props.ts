/** bpy.props: typed so that a class field declared with `XProperty(...)` reads as its value type. */
import type { PyFunction, PyModule, PyParameter } from "@bpyts/introspect";
import type { GenContext } from "./context.js";
import type { PyTypes } from "./pymod.js";
import { docSafe, propKey } from "./naming.js";
import { oneLine } from "./rna.js";
import { printFunction, type Member, type Param, type Statement } from "./model.js";

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
  /** Type parameters (without the angle brackets). */
  generics?: string;
  /** Type of `default`. */
  def: string;
}

export function emitProps(ctx: GenContext, t: PyTypes, mod: PyModule): Statement[] {
  const S = (n: string) => t.imports.ref({ module: "bpy.types", name: n });
  const kw = t.imports.needBpy("KwArgs");
  const arr = (e: string) => `${S("bpy_prop_array")}<${e}>`;
  const tpl = ctx.templates;
  tpl.addImports("bpy.props", t.imports);
  const out: Statement[] = ["FloatVectorValue", "EnumPropertyItem", "CollectionPropertyValue"].map(
    (name) => tpl.declaration("bpy.props", name).statement(ctx.version),
  );
  const fns: Record<string, PropFn> = {
    BoolProperty: { value: "boolean", def: "boolean" },
    BoolVectorProperty: { value: arr("boolean"), def: "readonly boolean[]" },
    IntProperty: { value: "number", def: "number" },
    IntVectorProperty: { value: arr("number"), def: "readonly number[]" },
    FloatProperty: { value: "number", def: "number" },
    FloatVectorProperty: {
      value: "FloatVectorValue<S, N>",
      generics: `const S extends string = "NONE", const N extends number | readonly number[] = 3`,
      def: `readonly number[] | readonly (readonly number[])[]`,
    },
    StringProperty: { value: "string", def: "string" },
    PointerProperty: {
      value: `T extends ${S("ID")} ? T | null : T`,
      generics: `T extends ${S("bpy_struct")}`,
      def: "never",
    },
    CollectionProperty: {
      value: "CollectionPropertyValue<T>",
      generics: `T extends ${S("bpy_struct")}`,
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
        printFunction({
          doc: `${s.doc}\n@blender ${ctx.version}`,
          name: f.name,
          params: s.params,
          returns: s.ret,
        }),
      );
      continue;
    }
    const fields = f.parameters.map((p) => propField(ctx, t, f, p, spec, self, ctxT));
    const required = f.name === "PointerProperty" || f.name === "CollectionProperty";
    out.push(
      printFunction({
        doc: `${docSafe(f.doc)}\n\nA class field declared with it reads as \`${spec.value}\` (Python: an annotation \`name: bpy.props.${f.name}(...)\`).\n@blender ${ctx.version}`,
        name: f.name,
        typeParams: spec.generics,
        params: [options(kw, fields, !required)],
        returns: spec.value,
      }),
    );
  }
  return out;
}

/** The `options` parameter of a property function: `KwArgs<{ …fields }>`. */
function options(kw: string, fields: Member[], optional: boolean): Param {
  return { name: "options", optional, type: { kind: "object", fields, wrapper: kw } };
}

function propField(
  ctx: GenContext,
  t: PyTypes,
  f: PyFunction,
  p: PyParameter,
  spec: PropFn,
  self: string,
  ctxT: string,
): Member {
  const doc = {
    inline: `${docSafe(oneLine(p.description ?? ""))}${p.default !== undefined ? ` Default: \`${docSafe(p.default)}\`.` : ""}`,
  };
  const optional =
    f.name === "PointerProperty" || f.name === "CollectionProperty" ? p.name !== "type" : true;
  const en = refEnum(ctx, t, p);
  const vector = f.name === "FloatVectorProperty";
  // Callbacks in method syntax: their parameters are then checked bivariantly, so a callback
  // may annotate `self` with the class that owns the property
  // (`update: (self: Settings, context) => …`) instead of narrowing a bpy_struct.
  const callback = (params: [string, string][], returns: string): Member => ({
    kind: "method",
    doc,
    name: p.name,
    optional,
    params: params.map(([name, type]) => ({ name, type })),
    returns,
  });
  let type: string;
  switch (p.name) {
    case "update":
      return callback(
        [
          ["self", self],
          ["context", ctxT],
        ],
        "void",
      );
    case "get":
      return callback([["self", self]], vector ? "readonly number[]" : spec.def);
    case "set":
      return callback(
        [
          ["self", self],
          ["value", vector ? "readonly number[]" : spec.def],
        ],
        "void",
      );
    case "poll":
      return callback(
        [
          ["self", self],
          ["object", "T"],
        ],
        "boolean",
      );
    case "search":
      return callback(
        [
          ["self", self],
          ["context", ctxT],
          ["edit_text", "string"],
        ],
        "Iterable<string | readonly [string, string]>",
      );
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
      type = vector ? `S & (${en ?? "string"})` : (en ?? "string");
      break;
    case "unit":
      type = en ?? "string";
      break;
    case "size":
      type = vector ? "N" : "number | readonly number[]";
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
    default:
      type = t.param(`bpy.props.${f.name}`, p).type;
  }
  return { kind: "property", doc, name: p.name, optional, type };
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
      .map((p) => propField(ctx, t, f, p, { value: idType, def: idType }, self, ctxT));
  const itemsDoc = f.parameters.find((p) => p.name === "items")?.description ?? "";
  const doc = `${docSafe(f.doc)}\n\nWith a static \`items\` list (\`as const\` is not needed: the type parameter is \`const\`) the field reads as the union of the item identifiers; with an items callback it reads as \`string\`. For \`options: new Set(["ENUM_FLAG"])\` use {@link EnumFlagProperty}, which reads as a set.\n@blender ${ctx.version}`;
  const items = (type: string): Member => ({
    kind: "property",
    doc: { inline: oneLine(itemsDoc) },
    name: "items",
    type,
  });
  const def = (inline: string, type: string): Member => ({
    kind: "property",
    doc: { inline },
    name: "default",
    optional: true,
    type,
  });
  const id = "Exclude<I[number], null>[0]";
  const staticItems = "const I extends readonly EnumPropertyItem[]";
  return [
    printFunction({
      doc,
      name: "EnumProperty",
      typeParams: staticItems,
      params: [
        options(
          kw,
          [
            items("I"),
            def("Default identifier (or, for ENUM_FLAG, a set of identifiers).", `${id} | number`),
            ...common(id),
          ],
          false,
        ),
      ],
      returns: id,
    }),
    printFunction({
      doc,
      name: "EnumProperty",
      params: [
        options(
          kw,
          [
            items(`(self: ${self}, context: ${ctxT} | null) => readonly EnumPropertyItem[]`),
            def("Default identifier.", "string | number"),
            ...common("string"),
          ],
          false,
        ),
      ],
      returns: "string",
    }),
    printFunction({
      doc: `An EnumProperty declared with \`options: new Set(["ENUM_FLAG"])\` (Python \`bpy.props.EnumProperty(..., options={'ENUM_FLAG'})\`): reads as a set of identifiers. Compiles to \`bpy.props.EnumProperty\`.\n@pyName EnumProperty\n@blender ${ctx.version}`,
      name: "EnumFlagProperty",
      typeParams: staticItems,
      params: [
        options(
          kw,
          [items("I"), def("Default: a set of identifiers.", `ReadonlySet<${id}>`), ...common(id)],
          false,
        ),
      ],
      returns: `Set<${id}>`,
    }),
  ];
}
