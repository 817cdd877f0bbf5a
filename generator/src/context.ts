/** Shared state of one generation run: the schema, lookup tables, class resolution, imports. */
import type { EnumDef, Schema, Struct, PyClass, PyModule } from "@bpyts/introspect";
import { pascal } from "./naming.js";
import { DYNAMIC_ARRAY_DIMENSIONS } from "./overrides.js";
import { isPlaceholderList } from "./rna.js";
import { Templates } from "./templates.js";

export interface ClassInfo {
  module: string;
  name: string;
}

/** Which module a `.. class::` name lives in, in priority order for ambiguous short names. */
const SHORT_NAME_PRIORITY = [
  "mathutils",
  "bmesh.types",
  "gpu.types",
  "bpy.types",
  "idprop.types",
  "imbuf.types",
  "mathutils.bvhtree",
  "mathutils.kdtree",
];

/** Aliases found in Blender's docs that name a class differently from its real name. */
const CLASS_ALIASES: Record<string, string> = {
  "gpu.types.Batch": "gpu.types.GPUBatch",
  "bpy.types.GPUShader": "gpu.types.GPUShader",
  "bpy.types.GPUShaderCreateInfo": "gpu.types.GPUShaderCreateInfo",
  "bpy.types.IDPropertyGroup": "idprop.types.IDPropertyGroup",
  "bpy.types.IDPropertyUIManager": "bpy.types.bpy_struct",
  "idprop.type.IDPropertyGroupViewItems": "idprop.types.IDPropertyGroupViewItems",
  "idprop.type.IDPropertyGroupViewKeys": "idprop.types.IDPropertyGroupViewKeys",
  "idprop.type.IDPropertyGroupViewValues": "idprop.types.IDPropertyGroupViewValues",
  "bpy.types.ImagePreviewCollection": "bpy.utils.previews.ImagePreviewCollection",
  ImagePreviewCollection: "bpy.utils.previews.ImagePreviewCollection",
};

export class GenContext {
  readonly schema: Schema;
  readonly version: string;
  readonly structs = new Map<string, Struct>();
  readonly modules = new Map<string, PyModule>();
  /** "module.Class" → info. */
  readonly classes = new Map<string, ClassInfo>();
  readonly pyClasses = new Map<string, PyClass>();
  /** enum key → exported alias name (only for named enums). */
  readonly enumAliases = new Map<string, string>();
  readonly enumUse = new Map<string, number>();
  /**
   * Dynamic enum key → name of its item registry interface in "bpy.types" (for keys that a
   * dynamic property uses and whose seen items are real, not a placeholder).
   */
  readonly enumRegistries = new Map<string, string>();
  /** Enum key → where it is used ("Struct.prop", "Struct.func(param)", "op.name:param"). */
  private readonly enumUsedBy = new Map<string, string[]>();
  /** Operators by RNA identifier (MESH_OT_primitive_cube_add). */
  readonly operatorByRna = new Map<string, import("@bpyts/introspect").Operator>();
  /**
   * Operators run by macro operators (`TRANSFORM_OT_translate` in `mesh.extrude_region_move`):
   * their options get a named interface in "bpy.ops" that the macros' options refer to.
   */
  readonly macroParts = new Set<string>();
  /** "Struct.prop" → properties of the same name redeclared by descendant structs. */
  readonly overriddenBy = new Map<string, import("@bpyts/introspect").Property[]>();
  /** Structs that some other struct extends. */
  readonly hasSubclasses = new Set<string>();
  /** Dynamic-length arrays of two dimensions (see DYNAMIC_ARRAY_DIMENSIONS). */
  readonly dynamic2D = new Set<import("@bpyts/introspect").Property>();
  /** The hand-written declarations (templates/*.d.ts). */
  readonly templates: Templates;

  constructor(schema: Schema, templates: Templates = new Templates()) {
    this.schema = schema;
    this.templates = templates;
    this.version = schema.blender.versionString;
    for (const s of schema.structs) this.structs.set(s.identifier, s);
    for (const s of schema.structs)
      for (const p of s.properties)
        if (DYNAMIC_ARRAY_DIMENSIONS[`${s.identifier}.${p.identifier}`]) this.dynamic2D.add(p);
    for (const m of schema.modules) {
      this.modules.set(m.name, m);
      for (const c of m.classes) {
        this.classes.set(`${m.name}.${c.name}`, { module: m.name, name: c.name });
        this.pyClasses.set(`${m.name}.${c.name}`, c);
      }
    }
    for (const s of schema.structs) {
      this.classes.set(`bpy.types.${s.identifier}`, { module: "bpy.types", name: s.identifier });
    }
    for (const o of schema.operators) this.operatorByRna.set(o.rnaIdentifier, o);
    for (const o of schema.operators)
      for (const p of o.properties)
        if (p.type === "pointer" && this.operatorByRna.has(p.fixedType))
          this.macroParts.add(p.fixedType);
    for (const s of schema.structs) {
      if (s.base) this.hasSubclasses.add(s.base);
      const own = new Map(s.properties.map((p) => [p.identifier, p]));
      for (const a of this.ancestors(s)) {
        for (const p of a.properties) {
          const q = own.get(p.identifier);
          if (!q) continue;
          const key = `${a.identifier}.${p.identifier}`;
          if (!this.overriddenBy.has(key)) this.overriddenBy.set(key, []);
          this.overriddenBy.get(key)!.push(q);
        }
      }
    }
    this.countEnums();
  }

  private countEnums(): void {
    const dynamic = new Set<string>();
    const propNames = new Map<string, Set<string>>();
    const bump = (p: import("@bpyts/introspect").Property, where: string) => {
      if (p.type !== "enum") return;
      if (!propNames.has(p.enum)) propNames.set(p.enum, new Set());
      propNames.get(p.enum)!.add(p.identifier);
      this.enumUse.set(p.enum, (this.enumUse.get(p.enum) ?? 0) + 1);
      if (!this.enumUsedBy.has(p.enum)) this.enumUsedBy.set(p.enum, []);
      this.enumUsedBy.get(p.enum)!.push(where);
      if (p.dynamic) dynamic.add(p.enum);
    };
    for (const s of this.schema.structs) {
      for (const p of s.properties) bump(p, `${s.identifier}.${p.identifier}`);
      for (const f of s.functions)
        for (const p of [...f.parameters, ...f.returns])
          bump(p, `${s.identifier}.${f.identifier}(${p.identifier})`);
    }
    for (const o of this.schema.operators)
      for (const p of o.properties) bump(p, `bpy.ops.${o.idname}(${p.identifier})`);
    // property name → the enum that owns the name: the only enum properties of that name use,
    // or one used at least 3× as often as any other (`align` of the ~30 primitive_*_add
    // operators); none for names with several comparable meanings (`mode`, `type`)
    const ownerOfProp = new Map<string, string | null>();
    {
      const byProp = new Map<string, [string, number][]>();
      for (const [key, names] of propNames)
        for (const n of names) {
          if (!byProp.has(n)) byProp.set(n, []);
          byProp.get(n)!.push([key, this.enumUse.get(key) ?? 0]);
        }
      for (const [n, keys] of byProp) {
        keys.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        const [first, second] = keys;
        const owns = !second || (first![1] >= 4 && first![1] >= 3 * second[1]);
        ownerOfProp.set(n, owns ? first![0] : null);
      }
    }
    const taken = new Set<string>(this.structs.keys());
    for (const key of [...dynamic].sort()) {
      const def = this.schema.enums[key];
      if (!def || def.items.length === 0 || isPlaceholderList(def.items)) continue;
      let name = `${pascal(key)}Registry`;
      while (taken.has(name)) name += "_";
      taken.add(name);
      this.enumRegistries.set(key, name);
    }
    for (const key of Object.keys(this.schema.enums).sort()) {
      const def = this.schema.enums[key]!;
      const uses = this.enumUse.get(key) ?? 0;
      if (!(def.source === "rna" || uses >= 2)) continue;
      let name = `${pascal(key)}Items`;
      // A generated key is named after its first user (`CurvePrimitiveBezierCircleAdd.align`);
      // when every user calls it the same (`align` of all the primitive_*_add operators), that
      // name says what it is: `AlignItems` (when this enum owns the name, see ownerOfProp).
      const same = propNames.get(key);
      if (def.source !== "rna" && same?.size === 1 && ownerOfProp.get([...same][0]!) === key) {
        const prop = pascal([...same][0]!);
        const byProp = `${prop}Items`;
        // not `ActionItems` for select_all's `action`: it would read as items of bpy.types.Action
        if (!this.structs.has(prop) && !taken.has(byProp) && !this.schema.enums[byProp])
          name = byProp;
      }
      while (taken.has(name)) name += "_";
      taken.add(name);
      this.enumAliases.set(key, name);
    }
  }

  /** Where an enum is used, in schema order. */
  enumUsers(key: string): readonly string[] {
    return this.enumUsedBy.get(key) ?? [];
  }

  /** Names every "bpy.types" file declares: structs, enum aliases, dynamic enum registries. */
  bpyTypesNames(): string[] {
    return [
      ...this.structs.keys(),
      ...this.enumAliases.values(),
      ...this.enumRegistries.values(),
      "bpy_prop_collection_names",
    ];
  }

  enumDef(key: string): EnumDef | undefined {
    return this.schema.enums[key];
  }

  /** Resolve a class name as written in docs to "module.Class", or null. */
  resolveQualified(name: string, fromModule: string): ClassInfo | null {
    let n = name.replace(/^~/, "");
    if (CLASS_ALIASES[n]) n = CLASS_ALIASES[n]!;
    const direct = this.classes.get(n);
    if (direct) return direct;
    const short = n.split(".").pop()!;
    if (CLASS_ALIASES[short]) return this.classes.get(CLASS_ALIASES[short]!) ?? null;
    const local = this.classes.get(`${fromModule}.${short}`);
    if (local) return local;
    // "bmesh.types.BMVert" written as "bmesh.BMVert" etc.
    for (const mod of SHORT_NAME_PRIORITY) {
      const hit = this.classes.get(`${mod}.${short}`);
      if (hit) return hit;
    }
    for (const [key, info] of this.classes)
      if (key.endsWith(`.${short}`) && info.name === short) return info;
    return null;
  }

  /** All struct ancestors (nearest first). */
  ancestors(s: Struct): Struct[] {
    const out: Struct[] = [];
    let cur = s.base ? this.structs.get(s.base) : undefined;
    while (cur) {
      out.push(cur);
      cur = cur.base ? this.structs.get(cur.base) : undefined;
    }
    return out;
  }
}

/**
 * Import bookkeeping for one `declare module` block: references to other modules become
 * namespace imports (`import * as mathutils from "mathutils"`), except a few short names that
 * read better unqualified and never clash (the mathutils classes inside bpy.types).
 */
export class Imports {
  private readonly namespaces = new Map<string, string>();
  private readonly namedImports = new Map<string, string>();
  constructor(
    readonly module: string,
    private readonly localNames: Set<string>,
  ) {}

  /** Refer to a class from this block: its spelling here, and the import it needs. */
  ref(info: ClassInfo): string {
    if (info.module === this.module) return info.name;
    if (info.module === "mathutils" && !this.localNames.has(info.name)) {
      this.namedImports.set(info.name, info.module);
      return info.name;
    }
    return `${this.namespace(info.module)}.${info.name}`;
  }

  /** How `ref(info)` spells a class here, without importing anything (yet). */
  spell(info: ClassInfo): string {
    if (info.module === this.module) return info.name;
    if (info.module === "mathutils" && !this.localNames.has(info.name)) return info.name;
    return `${this.aliasOf(info.module)}.${info.name}`;
  }

  /** The namespace alias of a module: its dotted name with `_`, made unlike any local name. */
  private aliasOf(module: string): string {
    let alias = module.replace(/\./g, "_");
    while (this.localNames.has(alias)) alias = `_${alias}`;
    return alias;
  }

  /** A name imported as it is (`import { Vector } from "mathutils"`): the name it is used by. */
  named(module: string, name: string): string {
    if (module === "bpy" && (name === "KwArgs" || name === "ContextManager"))
      return this.needBpy(name);
    return this.ref({ module, name });
  }

  /** The alias of a namespace import of `module` (`import * as bpy_types from "bpy.types"`). */
  namespace(module: string): string {
    const alias = this.aliasOf(module);
    this.namespaces.set(module, alias);
    return alias;
  }

  /** Take over the imports another block's members recorded (a struct built ahead of its file). */
  merge(other: Imports): void {
    for (const [m, a] of other.namespaces) this.namespaces.set(m, a);
    for (const [n, m] of other.namedImports) this.namedImports.set(n, m);
  }

  needBpy(name: "KwArgs" | "ContextManager"): string {
    if (this.module === "bpy") return name;
    this.namedImports.set(name, "bpy");
    return name;
  }

  statements(): string[] {
    const out: string[] = [];
    const byModule = new Map<string, string[]>();
    for (const [name, mod] of [...this.namedImports].sort()) {
      if (!byModule.has(mod)) byModule.set(mod, []);
      byModule.get(mod)!.push(name);
    }
    for (const [mod, names] of [...byModule].sort())
      out.push(`import { ${names.join(", ")} } from ${JSON.stringify(mod)};`);
    for (const [mod, alias] of [...this.namespaces].sort())
      out.push(`import * as ${alias} from ${JSON.stringify(mod)};`);
    return out;
  }
}
