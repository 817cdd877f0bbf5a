/** RNA (bpy.types structs, enums, operators): schema properties → TS types and members. */
import type { Property, RnaFunction, Struct, Num, EnumDef } from "@bpyts/introspect";
import type { GenContext, Imports } from "./context.js";
import { docSafe, isBindingName, bindingName, propKey } from "./naming.js";
import {
  blockDoc,
  printType,
  type Member,
  type MethodMember,
  type Param,
  type Type,
} from "./model.js";
import {
  RETURN_NEVER_NONE_FUNCTIONS,
  RETURN_MAYBE_NONE_FUNCTIONS,
  RETURNS_RECEIVER_TYPE,
} from "./overrides.js";

/** Where an RNA property's type is used. */
export type Mode = "get" | "set" | "param" | "return" | "option";

const VECTOR_SUBTYPES = new Set([
  "TRANSLATION",
  "DIRECTION",
  "VELOCITY",
  "ACCELERATION",
  "XYZ",
  "XYZ_LENGTH",
  "COORDINATES",
]);

/**
 * The mathutils class Blender returns for a float array (bpy_rna.c pyrna_math_object_from_array,
 * verified against live Blender 3.4 by the oracle test): 1-D vector subtypes of length 2–4 →
 * Vector; MATRIX 3×3/4×4 → Matrix; EULER/QUATERNION of length 3 → Euler, 4 → Quaternion;
 * COLOR/COLOR_GAMMA of length 3 → Color. Everything else is a bpy_prop_array.
 */
export function mathType(
  p: Property,
): "Vector" | "Matrix" | "Euler" | "Quaternion" | "Color" | null {
  if (p.type !== "float" || !p.arrayLength) return null;
  const dims = p.arrayDimensions ?? [p.arrayLength];
  const len = p.arrayLength;
  if (p.subtype === "MATRIX" && dims.length === 2 && (len === 16 || len === 9)) return "Matrix";
  if (dims.length !== 1) return null;
  if (VECTOR_SUBTYPES.has(p.subtype) && len >= 2 && len <= 4) return "Vector";
  if (p.subtype === "EULER" || p.subtype === "QUATERNION") {
    if (len === 3) return "Euler";
    if (len === 4) return "Quaternion";
  }
  if ((p.subtype === "COLOR" || p.subtype === "COLOR_GAMMA") && len === 3) return "Color";
  return null;
}

function fmtNum(n: Num): string {
  if (typeof n === "string") return n;
  if (Math.abs(n) >= 3.4e38) return n > 0 ? "FLT_MAX" : "-FLT_MAX";
  if (n === 2147483647) return "INT_MAX";
  if (n === -2147483648) return "INT_MIN";
  return String(Number.isInteger(n) ? n : Number(n.toPrecision(7)));
}

export class RnaTypes {
  constructor(
    readonly ctx: GenContext,
    readonly imports: Imports,
  ) {}

  /** Reference a bpy.types struct from the current module. */
  struct(id: string): string {
    return this.imports.ref({ module: "bpy.types", name: id });
  }

  math(name: string): string {
    return this.imports.ref({ module: "mathutils", name });
  }

  enumType(key: string, dynamic: boolean | undefined): string {
    if (dynamic) {
      // Dynamic (callback) enums: the items seen at dump time, in a registry interface that an
      // add-on's items (a render engine, a node tree type) join by declaration merging, so a typo
      // is still a type error. A placeholder-only or empty list (data names, devices: nothing
      // to check against, see introspect/FORMAT.md) gives plain `string`.
      const registry = this.ctx.enumRegistries.get(key);
      if (!registry) return "string";
      return `keyof ${this.imports.ref({ module: "bpy.types", name: registry })}`;
    }
    const alias = this.ctx.enumAliases.get(key);
    if (alias) return this.imports.ref({ module: "bpy.types", name: alias });
    const def = this.ctx.enumDef(key);
    if (!def || def.items.length === 0) return "string";
    return def.items.map((i) => JSON.stringify(i.identifier)).join(" | ");
  }

  private elem(p: Property): string {
    return p.type === "boolean" ? "boolean" : "number";
  }

  private tupleOf(e: string, n: number): string {
    return `readonly [${Array(n).fill(e).join(", ")}]`;
  }

  /**
   * A dynamic-length array (`Image.pixels`, `RenderPass.rect`, …): read as a `bpy_prop_array`
   * (indexing, `length`, `foreach_get/set`); assigned from one or any sequence of the right
   * length. A function returns it as a tuple (`ShapeKey.normals_vertex_get()`, verified live).
   */
  private dynamicArray(p: Property, mode: Mode): string {
    const e = this.elem(p);
    const arr = this.struct("bpy_prop_array");
    const twoD = this.ctx.dynamic2D.has(p);
    if (mode === "return") return twoD ? `(readonly ${e}[])[]` : `readonly ${e}[]`;
    const get = twoD ? `${arr}<${arr}<${e}>>` : `${arr}<${e}>`;
    if (mode === "get") return get;
    return twoD ? `${get} | readonly (readonly ${e}[])[]` : `${get} | readonly ${e}[]`;
  }

  /**
   * TS type of an RNA property in a given position. `widen`: an enum's items widened to any
   * string (see widenedItems).
   */
  type(p: Property, mode: Mode, opts: { widen?: boolean; receiver?: boolean } = {}): string {
    const widen = opts.widen ?? false;
    const input = mode === "set" || mode === "param" || mode === "option";
    switch (p.type) {
      case "boolean":
      case "int":
      case "float": {
        if (!p.arrayLength) {
          if (!Array.isArray(p.default)) return this.elem(p);
          return this.dynamicArray(p, mode);
        }
        const e = this.elem(p);
        const dims = p.arrayDimensions ?? [p.arrayLength];
        const mt = mathType(p);
        const arr = this.struct("bpy_prop_array");
        const getType = mt
          ? this.math(mt)
          : dims.length === 2
            ? `${arr}<${arr}<${e}>>`
            : `${arr}<${e}>`;
        if (!input) return getType;
        const parts: string[] = [];
        if (mt) parts.push(this.math(mt));
        if (dims.length === 2) {
          parts.push(`readonly (readonly ${e}[])[]`);
          if (!mt) parts.push(getType);
        } else {
          if (!mt || mode === "option") parts.push(`${arr}<${e}>`);
          parts.push(p.arrayLength <= 4 ? this.tupleOf(e, p.arrayLength) : `readonly ${e}[]`);
        }
        return parts.join(" | ");
      }
      case "string":
        return "string";
      case "enum": {
        const t = this.enumType(p.enum, p.dynamic);
        if (p.flag)
          return input ? `ReadonlySet<${t}> | Set<${t}>` : `Set<${widenedItems(t, widen)}>`;
        return widenedItems(t, widen);
      }
      case "pointer": {
        if (!this.ctx.structs.has(p.fixedType)) {
          const op = this.ctx.operatorByRna.get(p.fixedType);
          // Macro operators: a pointer to another operator's properties, passed as a dict of its options.
          if (op && mode === "option")
            return this.imports.module === "bpy.ops" && this.ctx.macroParts.has(op.rnaIdentifier)
              ? op.rnaIdentifier
              : printType(this.operatorOptions(op));
          if (op) return this.struct("OperatorProperties");
          return this.struct("bpy_struct");
        }
        const t = mode === "return" && opts.receiver ? "this" : this.struct(p.fixedType);
        // Add-on / Python-defined PointerProperty to a PropertyGroup (`Scene.cycles`): never None —
        // rna_access.c RNA_property_pointer_get creates the IDProperty group on first read
        // (verified by the pointer sweep: every such pointer set on every instance).
        const target = this.ctx.structs.get(p.fixedType);
        const autoGroup =
          p.runtime && (mode === "get" || mode === "set") && target !== undefined && !target.isID;
        return p.neverNone || autoGroup ? t : `${t} | null`;
      }
      case "collection": {
        // an operator's collection option is a list of dicts: the item struct is not referred to
        if (mode === "option") return `readonly ${this.optionItem(p.fixedType)}[]`;
        const item = this.struct(p.fixedType);
        if (input) return `Iterable<${item}>`;
        const coll = `${this.struct("bpy_prop_collection")}<${item}> & ${this.struct("bpy_prop_collection_names")}<${item}>`;
        return p.srna ? `${coll} & ${this.struct(p.srna)}` : coll;
      }
    }
  }

  /** The fields of an operator's options object (also used for macro sub-operator dicts). */
  operatorFields(o: import("@bpyts/introspect").Operator): Member[] {
    return o.properties.map((q) => ({
      kind: "property",
      doc: this.propertyDoc(q, q.hidden ? ["Hidden option."] : []),
      name: q.identifier,
      optional: true,
      type: this.type(q, "option"),
    }));
  }

  /** The options object type of an operator; `Record<string, never>` when it has none. */
  operatorOptions(o: import("@bpyts/introspect").Operator): Type {
    const fields = this.operatorFields(o);
    return fields.length ? { kind: "object", fields } : "Record<string, never>";
  }

  /** Operator collection properties take a list of dicts with the item struct's properties. */
  private optionItem(structId: string): string {
    const s = this.ctx.structs.get(structId);
    if (!s) return "Record<string, unknown>";
    const seen = new Set<string>();
    const fields = [s, ...this.ctx.ancestors(s)]
      .flatMap((x) => x.properties)
      .filter((q) => q.identifier !== "rna_type" && q.type !== "collection" && q.type !== "pointer")
      .filter((q) => (seen.has(q.identifier) ? false : (seen.add(q.identifier), true)));
    return `{ ${fields.map((q) => `${propKey(q.identifier)}?: ${this.type(q, "option")}`).join("; ")} }`;
  }

  /** JSDoc text for a property (description + facts). */
  propertyDoc(p: Property, extra: string[] = []): string {
    const lines: string[] = [];
    if (p.description) lines.push(docSafe(p.description));
    else if (p.name) lines.push(docSafe(p.name));
    const facts: string[] = [];
    if (p.type === "int" || p.type === "float") {
      if (!Array.isArray(p.default) || p.default.length <= 16) {
        const d = Array.isArray(p.default)
          ? `[${p.default.map(fmtNum).join(", ")}]`
          : fmtNum(p.default);
        facts.push(`Default: \`${d}\``);
      }
      facts.push(`Range: [${fmtNum(p.hardMin)}, ${fmtNum(p.hardMax)}]`);
      if (p.softMin !== p.hardMin || p.softMax !== p.hardMax)
        facts.push(`soft [${fmtNum(p.softMin)}, ${fmtNum(p.softMax)}]`);
      facts.push(`step ${fmtNum(p.step)}`);
      if (p.type === "float") facts.push(`precision ${p.precision}`);
    } else if (p.type === "boolean") {
      const d = Array.isArray(p.default) ? `[${p.default.join(", ")}]` : String(p.default);
      if (d.length < 120) facts.push(`Default: \`${d}\``);
    } else if (p.type === "string") {
      if (p.default) facts.push(`Default: ${JSON.stringify(p.default)}`);
      if (p.maxLength) facts.push(`max ${p.maxLength - 1} bytes`);
    } else if (p.type === "enum") {
      const d = Array.isArray(p.default)
        ? `{${p.default.map((x) => `'${x}'`).join(", ")}}`
        : p.default
          ? `'${p.default}'`
          : "";
      if (d) facts.push(`Default: ${docSafe(d)}`);
    }
    if ((p.type === "int" || p.type === "float" || p.type === "boolean") && p.arrayLength)
      facts.push(`Array ${(p.arrayDimensions ?? [p.arrayLength]).join("×")}`);
    if (p.subtype && p.subtype !== "NONE") facts.push(`Subtype: ${p.subtype}`);
    if (p.unit && p.unit !== "NONE") facts.push(`Unit: ${p.unit}`);
    if (p.readonly) facts.push("Read-only");
    if (p.neverNone && p.type === "pointer") facts.push("Never None");
    if (p.registered) facts.push("Registered (a subclass must define it)");
    else if (p.registeredOptional) facts.push("Registered, optional");
    if (facts.length) lines.push(facts.join(" · "));
    if (p.type === "enum") {
      const def = this.ctx.enumDef(p.enum);
      if (p.dynamic && def && isPlaceholderList(def.items)) {
        lines.push(
          `Dynamic enum (items come from a callback; RNA's static list is only the placeholder \`${def.items[0]!.identifier}\`).`,
        );
      } else if (p.dynamic) {
        const seen = def?.items.map((i) => `\`${i.identifier}\``).join(", ") ?? "";
        const registry = this.ctx.enumRegistries.get(p.enum);
        lines.push(
          registry
            ? `Dynamic enum (items come from a callback): ${seen}; an add-on's items join by declaring them in {@link ${registry}}.`
            : `Dynamic enum (items come from a callback). Items seen at dump time: ${seen || "(none)"}.`,
        );
      } else if (def && !this.ctx.enumAliases.has(p.enum)) {
        lines.push(enumItemsDoc(def));
      } else if (def && def.items.length <= INLINE_ENUM_ITEMS) {
        // shared enums too: the descriptions in the hover, not behind a link
        lines.push(`Items ({@link ${this.ctx.enumAliases.get(p.enum)}}):\n${enumItemsDoc(def)}`);
      } else if (def) {
        lines.push(`Items: {@link ${this.ctx.enumAliases.get(p.enum)}}`);
      }
      if (p.flag) lines.push("Enum flag: a set of identifiers.");
    }
    lines.push(...extra);
    return lines.join("\n");
  }

  /** Members (property/accessors) of a struct property. */
  propertyMember(
    p: Property,
    opts: { forceReadonly?: boolean; extraDoc?: string[]; noDoc?: boolean } = {},
  ): Member[] {
    const doc = opts.noDoc ? undefined : this.propertyDoc(p, opts.extraDoc);
    const name = p.identifier;
    const readonly = p.readonly || p.type === "collection" || opts.forceReadonly;
    // Registered members are assigned by subclasses as fields: a plain property, not accessors.
    const registered = p.registered || p.registeredOptional;
    const get = this.type(p, "get", { widen: registered && !readonly && p.type === "enum" });
    if (readonly) return [{ kind: "property", doc, name, readonly: true, type: get }];
    if (registered) return [{ kind: "property", doc, name, type: get }];
    const set = this.type(p, "set");
    if (set === get) return [{ kind: "property", doc, name, type: get }];
    return [
      { kind: "get", doc, name, type: get },
      { kind: "set", name, type: set },
    ];
  }

  /** An RNA function as a class method declaration. */
  functionMember(
    f: RnaFunction,
    owner: Struct,
    opts: {
      noDoc?: boolean;
      asInstance?: boolean;
      /** Every parameter in the one options object (see ALL_KEYWORDS_FROM). */
      allKeywords?: boolean;
    } = {},
  ): MethodMember {
    const params: Param[] = [];
    const docs: string[] = [];
    if (f.description) docs.push(docSafe(f.description));
    const renames: string[] = [];
    const callback = f.registered || f.registeredOptional;
    // Blender (bpy_rna.c pyrna_func_call, verified live on 3.4/4.3) rejects optional parameters
    // passed positionally ("required parameter "frame" to be a keyword argument!") and accepts
    // every parameter as a keyword. So: the leading required parameters are positional, and from
    // the first optional parameter on, every parameter goes into ONE trailing KwArgs object
    // (required keys stay required: `UILayout.prop_with_menu(data, property, { menu, text? })`).
    // Registered callbacks are called by Blender with positional arguments: all positional.
    const firstOptional = callback
      ? -1
      : opts.allKeywords
        ? 0
        : f.parameters.findIndex((p) => !p.required);
    const kwFrom = firstOptional >= 0 ? firstOptional : f.parameters.length;
    const kw: Member[] = [];
    f.parameters.forEach((p, i) => {
      const optional = !callback && !p.required;
      const t = this.type(p, "param");
      if (i >= kwFrom) {
        kw.push({
          kind: "property",
          doc: this.propertyDoc(p),
          name: p.identifier,
          optional,
          type: t,
        });
        return;
      }
      const binding = bindingName(p.identifier);
      if (!isBindingName(p.identifier)) renames.push(`@pyName ${binding} ${p.identifier}`);
      params.push({ name: binding, optional, type: t });
      docs.push(`@param ${binding} ${docSafe(oneLine(this.propertyDoc(p)))}`);
    });
    if (kw.length) {
      const allOptional = f.parameters.slice(kwFrom).every((p) => !p.required);
      params.push({
        name: "options",
        optional: allOptional,
        type: { kind: "object", fields: kw, wrapper: this.imports.needBpy("KwArgs") },
      });
      docs.push("@param options keyword arguments (Python `name=value`)");
    }
    let ret: string;
    if (f.returns.length === 0) ret = "void";
    else if (f.returns.length === 1) {
      const r0 = f.returns[0]!;
      // Creating functions raise instead of returning None (e.g. `objects.new` → RuntimeError,
      // `images.load` → "Cannot read …", `nodes.new` → "Node type … undefined"), so their
      // result is typed non-null; see RETURN_NEVER_NONE_FUNCTIONS.
      const never =
        !RETURN_MAYBE_NONE_FUNCTIONS.has(`${owner.identifier}.${f.identifier}`) &&
        (RETURN_NEVER_NONE_FUNCTIONS.has(f.identifier) ||
          RETURN_NEVER_NONE_FUNCTIONS.has(`${owner.identifier}.${f.identifier}`) ||
          f.identifier.startsWith("new_"));
      ret = this.type(r0.type === "pointer" && never ? { ...r0, neverNone: true } : r0, "return", {
        receiver: RETURNS_RECEIVER_TYPE.has(`${owner.identifier}.${f.identifier}`),
        widen: callback && r0.type === "enum",
      });
    } else ret = `[${f.returns.map((r) => this.type(r, "return")).join(", ")}]`;
    if (f.returns.length) {
      docs.push(
        `@returns ${docSafe(f.returns.map((r) => `${r.identifier}: ${oneLine(r.description || r.name)}`).join("; "))}`,
      );
    }
    if (f.registered || f.registeredOptional)
      docs.push(
        f.registered && !f.registeredOptional
          ? "Registered callback (required)."
          : "Registered callback (optional): define it in a subclass.",
      );
    docs.push(...renames);
    return {
      kind: "method",
      doc: opts.noDoc ? undefined : docs.join("\n"),
      // Registered callbacks without `self` (`Operator.poll`, `description`, `Node.poll`, …) are
      // `@classmethod`s in Python subclasses (Blender binds `cls`): `static` members in TS.
      static: f.kind !== "method" && !opts.asInstance,
      name: f.identifier,
      optional: f.registeredOptional,
      params,
      returns: ret,
    };
  }
}

/**
 * The enum type of a registered class attribute (`bl_space_type`, `bl_options`) or of a registered
 * callback's result (`execute` → `Set<…>`), widened to any string: TypeScript types a subclass's
 * field initializer (`bl_space_type = "VIEW_3D"`) and a returned `new Set(["FINISHED"])` as plain
 * `string` (it does not type class members from the base class), so the literal union alone would
 * demand `as const`. The `string & {}` member marks the widening; the bpyts compiler checks the
 * literal items a subclass writes against the rest of the union (BPY2010).
 */
function widenedItems(items: string, widen: boolean): string {
  return widen ? `${items} | (string & {})` : items;
}
/** Shared enums up to this many items are listed in each property's JSDoc (icons: a link). */
const INLINE_ENUM_ITEMS = 40;

/**
 * RNA functions with this many required parameters or more also take every parameter in one
 * options object (`sequences.new_effect({ name, type, channel, frame_start, frame_end })`):
 * Python accepts all of them as keywords, and five positional values are hard to read. Fewer
 * keep one signature (an overload costs the short "Did you mean" errors).
 */
export const ALL_KEYWORDS_FROM = 3;

/** Does this RNA function get the all-keywords overload? */
export function hasAllKeywordsForm(f: RnaFunction): boolean {
  if (f.registered || f.registeredOptional) return false;
  return f.parameters.filter((p) => p.required).length >= ALL_KEYWORDS_FROM;
}

export function enumItemsDoc(def: EnumDef): string {
  return def.items
    .map(
      (i) =>
        `- \`${i.identifier}\`${i.name ? ` ${i.name}` : ""}${i.description ? `: ${oneLine(i.description)}` : ""}`,
    )
    .map(docSafe)
    .join("\n");
}

export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

export function jsdoc(text: string): string {
  return blockDoc(text);
}

/** Identifiers of RNA's one-item placeholder lists for callback enums (introspect/FORMAT.md). */
const PLACEHOLDER_ITEMS = new Set(["DUMMY", "DEFAULT", "PLACEHOLDER", "NONE", "UNSUPPORTED"]);

/** The static list of a dynamic enum is only a placeholder item (not a real value). */
export function isPlaceholderList(items: readonly { identifier: string }[]): boolean {
  return items.length === 1 && PLACEHOLDER_ITEMS.has(items[0]!.identifier);
}
