/** Python/C modules (mathutils, bmesh, gpu, …) and Python-defined struct members → declarations. */
import type { PyAttribute, PyClass, PyFunction, PyModule, PyParameter } from "@bpyts/introspect";
import type { ClassInfo, GenContext, Imports } from "./context.js";
import { bindingName, docSafe, isBindingName, propKey } from "./naming.js";
import { mapText, type Position } from "./rst.js";
import {
  ATTRIBUTE_OVERRIDES,
  BMESH_SLOT_BY_NAME,
  CONSTRUCTOR_OVERRIDES,
  CONTEXT_MANAGER_RESULTS,
  GENERIC_CLASSES,
  KEYWORD_ONLY_FROM,
  OPTIONAL_PARAMS,
  PARAM_OVERRIDES,
  RETURN_NOTES,
  RETURN_OVERRIDES,
} from "./overrides.js";
import { jsdoc, oneLine } from "./rna.js";
import {
  allOptional,
  printClass,
  printParams,
  type ClassDecl,
  type Member,
  type Param,
} from "./model.js";
import { operatorMethods, swizzleMembers } from "./mathutils.js";

export interface TypeResult {
  type: string;
  note?: string;
  /** The type is `ContextManager<…>`. */
  contextManager?: boolean;
}

export class PyTypes {
  constructor(
    readonly ctx: GenContext,
    readonly imports: Imports,
    readonly module: string,
  ) {}

  /** Resolve `@module.Class` placeholders in override text. */
  placeholders(text: string): string {
    return text.replace(/@([\w.]+)\.(\w+)/g, (_m, mod: string, name: string) => {
      if (mod === "bpy.types" || this.ctx.classes.has(`${mod}.${name}`))
        return this.imports.ref({ module: mod, name });
      return this.imports.ref({ module: mod, name });
    });
  }

  rst(raw: string | undefined, position: Position): TypeResult {
    if (raw === undefined) return { type: "unknown", note: "type not documented by Blender" };
    // Classes are imported only when the text maps: a type it cannot map is `unknown`, and the
    // classes it names must not leave an import behind.
    const seen: ClassInfo[] = [];
    const r = mapText(raw, {
      position,
      resolveClass: (name) => {
        const info = this.ctx.resolveQualified(name, this.module);
        if (!info) return null;
        seen.push(info);
        return this.imports.spell(info);
      },
    });
    if (r.type !== "unknown") for (const info of seen) this.imports.ref(info);
    return r;
  }

  /** Parameter type: override → docstring → inferred from the default value. */
  param(qual: string, p: PyParameter): TypeResult {
    const o = PARAM_OVERRIDES[`${qual}:${p.name}`];
    if (o) return { type: this.placeholders(o) };
    if (qual.startsWith("bmesh.ops.")) {
      const b = BMESH_SLOT_BY_NAME[p.name];
      if (b)
        return {
          type: this.placeholders(b),
          note: "slot type inferred from its name (bmesh.ops docstrings give no types)",
        };
    }
    if (p.type !== undefined) {
      const r = this.rst(p.type, "param");
      if (r.type !== "unknown") return r;
    }
    const fromDefault = inferFromDefault(p.default);
    if (fromDefault)
      return {
        type: fromDefault,
        note: p.type ? undefined : "type inferred from the default value",
      };
    if (p.type !== undefined) return this.rst(p.type, "param");
    return { type: "unknown", note: "type not documented by Blender" };
  }

  ret(qual: string, f: PyFunction): TypeResult {
    const cm = CONTEXT_MANAGER_RESULTS[qual];
    if (cm)
      return {
        type: `${this.imports.needBpy("ContextManager")}<${this.placeholders(cm)}>`,
        contextManager: true,
      };
    const o = RETURN_OVERRIDES[qual];
    if (o) return { type: this.placeholders(o), note: RETURN_NOTES[qual] };
    if (f.returns.type !== undefined) return this.rst(f.returns.type, "return");
    if (qual.startsWith("bmesh.ops.")) {
      // "-> dict(geom=[], faces=[])": the output slot names; types inferred from the names.
      const m = /->\s*dict\((.*)\)/.exec(f.doc);
      const slots = m?.[1]
        ? m[1]
            .split(/,\s*/)
            .map((x) => x.split("=")[0]!.trim())
            .filter(Boolean)
        : [];
      const fields = slots.map((slot) => {
        const t =
          BMESH_SLOT_BY_NAME[slot.replace(/_(out|new|old)$/, "")] ?? BMESH_SLOT_BY_NAME[slot];
        const type = t ? this.placeholders(t).replace(/^readonly /, "") : "unknown";
        return `${propKey(slot)}: ${type};`;
      });
      return {
        type: `{ ${fields.join(" ")} }`,
        note: "the dict of output slots named by the docstring; slot types inferred from their names (bmesh.ops docstrings give none)",
      };
    }
    // A Python-defined function's source says whether it returns a value: `void` only when it
    // does not (or, for C functions, when nothing at all is documented about a result).
    if (f.returns.returnsValue === true && !f.returns.description)
      return { type: "unknown", note: "returns a value whose type Blender does not document" };
    if (!f.returns.description) return { type: "void", note: undefined };
    return {
      type: "unknown",
      note: `return type not documented (documented as: ${oneLine(f.returns.description)})`,
    };
  }

  attr(qual: string, a: PyAttribute): TypeResult {
    const o = ATTRIBUTE_OVERRIDES[qual];
    if (o) return { type: this.placeholders(o) };
    if (a.kind === "constant" && a.value !== undefined) {
      if (typeof a.value === "number") return { type: "number" };
      if (typeof a.value === "boolean") return { type: "boolean" };
      if (typeof a.value === "string") return { type: "string" };
    }
    if (a.type === undefined) return { type: "unknown", note: "type not documented by Blender" };
    if (a.typeSource === "runtime") {
      const rt = RUNTIME_TYPES[a.type];
      if (rt) return { type: rt };
    }
    return this.rst(a.type, "attr");
  }

  /** A function as `name(params): R` text (no `function` keyword), with its JSDoc. */
  signature(
    qual: string,
    f: PyFunction,
    opts: {
      kwOnlyAll?: boolean;
      firstPositional?: number;
      skipSelf?: boolean;
      returnOverride?: string;
    } = {},
  ): Signature {
    const positional: Param[] = [];
    const kw: Member[] = [];
    const docs: string[] = [];
    if (f.doc) docs.push(docSafe(f.doc));
    const notes: string[] = [];
    let params = f.parameters;
    if (qual.startsWith("bmesh.ops.") && params.some((p) => p.kind === "var_positional"))
      params = bmeshDocParams(f) ?? params;
    // `*args` followed by keywords: TS needs the rest parameter last, so the keywords come first
    // only through overloads; we keep `*args` typed and document the keywords (rare: bpy_extras).
    if (
      params.some((p) => p.kind === "var_positional") &&
      params.some((p) => p.kind === "keyword_only" || p.kind === "var_keyword")
    ) {
      const rest = params.filter((p) => p.kind !== "keyword_only" && p.kind !== "var_keyword");
      const dropped = params
        .filter((p) => p.kind === "keyword_only" || p.kind === "var_keyword")
        .map((p) => p.name);
      notes.push(`keyword parameters not expressible after \`*args\` in TS: ${dropped.join(", ")}`);
      params = rest;
    }
    if (opts.skipSelf && params[0] && (params[0].name === "self" || params[0].name === "cls"))
      params = params.slice(1);
    const kwOnlyFrom = KEYWORD_ONLY_FROM[qual];
    if (kwOnlyFrom !== undefined) {
      params = params.map((p, i) =>
        i >= kwOnlyFrom && p.kind === "positional_or_keyword" ? { ...p, kind: "keyword_only" } : p,
      );
    }
    params = params.map((p) =>
      p.default === undefined && OPTIONAL_PARAMS.has(`${qual}:${p.name}`)
        ? { ...p, default: "None" }
        : p,
    );
    const firstOpt = params.findIndex(
      (p) => p.kind === "positional_or_keyword" && p.default !== undefined,
    );
    const kwFrom =
      firstOpt >= 0 &&
      params
        .slice(firstOpt)
        .some((p) => p.kind === "positional_or_keyword" && p.default === undefined)
        ? firstOpt
        : params.length;
    params.forEach((p, index) => {
      const t = this.param(qual, p);
      const pd = p.description ? oneLine(p.description) : "";
      const isKw =
        p.kind === "keyword_only" ||
        (p.kind === "positional_or_keyword" && index >= kwFrom) ||
        (opts.kwOnlyAll &&
          p.kind !== "var_positional" &&
          p.kind !== "var_keyword" &&
          index >= (opts.firstPositional ?? 0));
      if (p.kind === "var_keyword") {
        kw.push({
          kind: "index",
          doc: { inline: pd || "Any other keyword argument." },
          key: "keyword",
          keyType: "string",
          type: t.type === "unknown" ? "unknown" : `${t.type} | undefined`,
        });
        if (t.note) notes.push(`**${p.name}: ${t.note}`);
        return;
      }
      if (p.kind === "var_positional") {
        const b = bindingName(p.name);
        positional.push({
          name: b,
          rest: true,
          type: t.type === "unknown" ? "unknown[]" : `(${t.type})[]`,
        });
        docs.push(`@param ${b} ${docSafe(pd)}${t.note ? ` (${t.note})` : ""}`);
        return;
      }
      const optional = p.default !== undefined;
      if (isKw) {
        const defaultNote = optional ? ` Default: \`${docSafe(p.default!)}\`.` : "";
        kw.push({
          kind: "property",
          doc: { inline: `${docSafe(pd)}${defaultNote}${t.note ? ` (${docSafe(t.note)})` : ""}` },
          name: p.name,
          optional,
          type: t.type,
        });
        return;
      }
      const b = bindingName(p.name);
      if (!isBindingName(p.name)) docs.push(`@pyName ${b} ${p.name}`);
      positional.push({ name: b, optional, type: t.type });
      docs.push(
        `@param ${b} ${docSafe(pd)}${optional ? ` Default: \`${docSafe(p.default!)}\`.` : ""}${t.note ? ` (${docSafe(t.note)})` : ""}`.trimEnd(),
      );
    });
    if (kw.length) {
      positional.push({
        name: "options",
        optional: allOptional(kw),
        type: { kind: "object", fields: kw, wrapper: this.imports.needBpy("KwArgs") },
      });
      docs.push("@param options keyword arguments (Python `name=value`)");
    }
    const r = opts.returnOverride
      ? ({ type: opts.returnOverride } as TypeResult)
      : this.ret(qual, f);
    if (f.returns.description || r.note) {
      docs.push(
        `@returns ${docSafe(oneLine(f.returns.description ?? ""))}${r.note ? ` (${docSafe(r.note)})` : ""}`.trimEnd(),
      );
    }
    docs.push(...notes.map(docSafe));
    return {
      params: positional,
      ret: r.type,
      contextManager: r.contextManager,
      doc: docs.join("\n"),
    };
  }
}

/** A Python function's parameters, result type and JSDoc text. */
export interface Signature {
  params: Param[];
  ret: string;
  /** The result is typed `ContextManager<…>`. */
  contextManager?: boolean;
  doc: string;
}

const RUNTIME_TYPES: Record<string, string> = {
  int: "number",
  float: "number",
  bool: "boolean",
  str: "string",
  bytes: "Uint8Array",
  tuple: "readonly unknown[]",
  frozenset: "ReadonlySet<string>",
  dict: "Record<string, unknown>",
};

/** "BMeshOpFunc bmesh.ops.name(bmesh, verts=[], dist=0.0)" → parameters (the first is positional). */
function bmeshDocParams(f: PyFunction): PyParameter[] | null {
  const m = /bmesh\.ops\.\w+\((.*)\)/.exec(f.doc);
  if (!m) return null;
  return m[1]!
    .split(/,\s*(?![^()[\]{}]*[)\]}])/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x, i) => {
      const [name, ...rest] = x.split("=");
      const def = rest.length ? rest.join("=") : undefined;
      return {
        name: name!.trim(),
        kind: i === 0 ? "positional_or_keyword" : "keyword_only",
        ...(def !== undefined ? { default: def } : {}),
        typeSource: "unknown",
      } as PyParameter;
    });
}

export function inferFromDefault(def: string | undefined): string | null {
  if (def === undefined) return null;
  if (def === "True" || def === "False") return "boolean";
  if (/^-?\d+(\.\d*)?(e-?\d+)?$/.test(def)) return "number";
  if (/^(['"]).*\1$/.test(def)) return "string";
  if (def === "set()" || /^\{'/.test(def)) return "Set<string>";
  if (def === "[]" || def === "()") return null;
  return null;
}

/** A Python class's declaration. */
export function pyClass(t: PyTypes, cls: PyClass, version: string): ClassDecl {
  const qual = `${t.module}.${cls.name}`;
  const members: Member[] = [];
  const names = new Set<string>();
  const base = cls.bases
    .map((b) => t.ctx.resolveQualified(b, t.module))
    .find(
      (x): x is NonNullable<typeof x> =>
        x !== null && !(x.module === t.module && x.name === cls.name),
    );
  const ctorOverride = CONSTRUCTOR_OVERRIDES[qual];
  if (cls.constructor) {
    const s = t.signature(qual, cls.constructor, { skipSelf: true, returnOverride: "void" });
    const params = ctorOverride ? ctorOverride : s.params;
    members.push({ kind: "constructor", doc: s.doc || cls.doc, params });
  } else {
    members.push({
      kind: "constructor",
      doc: { inline: "Instances are created by Blender, not constructed from Python." },
      protected: true,
      params: [],
    });
  }
  for (const a of cls.attributes) {
    if (names.has(a.name)) continue;
    names.add(a.name);
    const sw = swizzleMembers(t, cls, a);
    if (sw) {
      members.push(...sw);
      continue;
    }
    const r = t.attr(`${qual}.${a.name}`, a);
    const d = [docSafe(a.doc), a.readonly ? "Read-only" : "", r.note ? `(${docSafe(r.note)})` : ""]
      .filter(Boolean)
      .join("\n");
    members.push({
      kind: "property",
      doc: d || a.name,
      readonly: a.readonly,
      name: a.name,
      type: r.type,
    });
  }
  for (const m of cls.methods) {
    if (names.has(m.name)) continue;
    names.add(m.name);
    const s = t.signature(`${qual}.${m.name}`, m, { skipSelf: true });
    members.push({
      kind: "method",
      doc: s.doc || m.name,
      static: m.kind === "classmethod" || m.kind === "staticmethod",
      name: m.name,
      params: s.params,
      returns: s.ret,
    });
  }
  members.push(...operatorMethods(t, cls, names));
  members.push(...t.ctx.templates.additions(t.module, cls.name));
  const generic = GENERIC_CLASSES[qual];
  return {
    kind: "class",
    doc: [docSafe(cls.doc || cls.name), `@blender ${version}`].join("\n"),
    name: cls.name,
    typeParams: generic ? t.placeholders(generic) : undefined,
    extends: base ? t.imports.ref(base) : undefined,
    members,
  };
}

/** Emit a Python class. */
export function emitClass(t: PyTypes, cls: PyClass, version: string): string {
  return printClass(pyClass(t, cls, version));
}

/** Emit module-level functions and constants of a PyModule. */
export function emitModuleMembers(
  t: PyTypes,
  mod: PyModule,
  version: string,
  localNames: Set<string>,
): string[] {
  const out: string[] = [];
  const kwModule = mod.name === "bmesh.ops";
  for (const f of mod.functions) {
    const qual = `${mod.name}.${f.name}`;
    const s = t.signature(qual, f, kwModule ? { kwOnlyAll: true, firstPositional: 1 } : {});
    const doc = `${s.doc || f.name}\n@blender ${version}`;
    out.push(
      ...declareRenamable(
        "function",
        f.name,
        `(${printParams(s.params)}): ${s.ret};`,
        doc,
        localNames,
      ),
    );
  }
  for (const a of mod.attributes) {
    const r = t.attr(`${mod.name}.${a.name}`, a);
    const d = [
      docSafe(a.doc),
      a.value !== undefined ? `Value at dump time: \`${docSafe(String(a.value))}\`` : "",
      r.note ? `(${docSafe(r.note)})` : "",
      `@blender ${version}`,
    ]
      .filter(Boolean)
      .join("\n");
    out.push(...declareRenamable("const", a.name, `: ${r.type};`, d, localNames));
  }
  return out;
}

/** `export function name…` or, for reserved names, `function name_…; export { name_ as name }`. */
export function declareRenamable(
  kind: "function" | "const",
  name: string,
  rest: string,
  doc: string,
  localNames: Set<string>,
): string[] {
  if (isBindingName(name)) {
    localNames.add(name);
    return [`${jsdoc(doc)}\nexport ${kind} ${name}${rest}`];
  }
  const b = `_${bindingName(name)}`;
  localNames.add(b);
  return [
    `${jsdoc(`${doc}\n@pyName ${name}`)}\n${kind === "const" ? "const" : "function"} ${b}${rest}`,
    `export { ${b} as ${name} };`,
  ];
}

export function propKeyOf(name: string): string {
  return propKey(name);
}
