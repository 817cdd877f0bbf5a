/**
 * The bpyts introspection format (see introspect/FORMAT.md for the meaning of every field).
 *
 * One JSON document per Blender version (+ enabled add-ons), written by
 * `introspect/python/bpyts_introspect.py`. Ordering is stable everywhere (arrays sorted by
 * name unless the order is meaningful, e.g. parameters), so reruns are byte-identical.
 *
 * Conventions: optional boolean flags are present only when `true` (absent = false); numbers
 * that are not finite are written as the strings "inf", "-inf", "nan".
 */

export const FORMAT_VERSION = 1 as const;

/** A number as found in Blender; non-finite values are spelled as strings. */
export type Num = number | "inf" | "-inf" | "nan";

export type PropertyType =
  "boolean" | "int" | "float" | "string" | "enum" | "pointer" | "collection";

/** Fields every RNA property (struct member, function parameter, operator property) has. */
export interface PropertyBase {
  identifier: string;
  name: string;
  description: string;
  type: PropertyType;
  /** RNA subtype, e.g. "NONE", "TRANSLATION", "COLOR", "FILE_PATH", "PIXEL". */
  subtype: string;
  /** RNA unit, e.g. "NONE", "LENGTH", "ROTATION", "TIME". */
  unit: string;
  readonly?: true;
  /** `is_never_none`: a pointer that is never None (otherwise pointers are nullable). */
  neverNone?: true;
  /** `is_required`: a function parameter that must be passed. */
  required?: true;
  /** `is_output`: a function return value. */
  output?: true;
  /** `is_argument_optional`. */
  argumentOptional?: true;
  /** `is_registered`: must be defined by a registered Python subclass (e.g. `bl_idname`). */
  registered?: true;
  /** `is_registered_optional`: may be defined by a registered Python subclass. */
  registeredOptional?: true;
  animatable?: true;
  hidden?: true;
  skipSave?: true;
  /** `is_runtime`: defined at runtime (bpy.props, add-ons), not in C. */
  runtime?: true;
  /** `is_library_editable` */
  libraryEditable?: true;
  /** `is_path_output` */
  pathOutput?: true;
}

/** Scalar when `arrayLength` is 0; otherwise an array (see `arrayDimensions`). */
interface ArrayFields {
  arrayLength: number;
  /** Present for arrays: the non-zero dimensions, e.g. [3] or [4, 4] (row-major sizes). */
  arrayDimensions?: number[];
}

export interface BooleanProperty extends PropertyBase, ArrayFields {
  type: "boolean";
  /** `default` for scalars, `default_array` for arrays. */
  default: boolean | boolean[];
}

export interface IntProperty extends PropertyBase, ArrayFields {
  type: "int";
  default: Num | Num[];
  hardMin: Num;
  hardMax: Num;
  softMin: Num;
  softMax: Num;
  step: Num;
}

export interface FloatProperty extends PropertyBase, ArrayFields {
  type: "float";
  default: Num | Num[];
  hardMin: Num;
  hardMax: Num;
  softMin: Num;
  softMax: Num;
  step: Num;
  precision: number;
}

export interface StringProperty extends PropertyBase {
  type: "string";
  default: string;
  /** Maximum length in bytes including the terminator; 0 = unlimited. */
  maxLength: number;
}

export interface EnumProperty extends PropertyBase {
  type: "enum";
  /** Key into `Schema.enums`: the items (for dynamic enums: the items available at dump time). */
  enum: string;
  /** Items come from a callback (context-dependent); the listed items are a sample, not a closed set. */
  dynamic?: true;
  /** `is_enum_flag`: the value is a set of identifiers. */
  flag?: true;
  /** Identifier (flag: sorted identifiers). "" when the enum has no default item. */
  default: string | string[];
}

export interface PointerProperty extends PropertyBase {
  type: "pointer";
  /** Struct identifier of the target (`fixed_type`). Nullable unless `neverNone`. */
  fixedType: string;
}

export interface CollectionProperty extends PropertyBase {
  type: "collection";
  /** Struct identifier of the items (`fixed_type`). */
  fixedType: string;
  /** Wrapper struct with the collection's own API (`srna`), e.g. "BlendDataObjects". */
  srna?: string;
}

export type Property =
  | BooleanProperty
  | IntProperty
  | FloatProperty
  | StringProperty
  | EnumProperty
  | PointerProperty
  | CollectionProperty;

/** "method" (use_self), "classmethod" (use_self_type), "staticmethod" (neither). */
export type FunctionKind = "method" | "classmethod" | "staticmethod";

export interface RnaFunction {
  identifier: string;
  description: string;
  kind: FunctionKind;
  useSelf: boolean;
  useSelfType: boolean;
  /** Input parameters in call order (`required` marks the mandatory ones). */
  parameters: Property[];
  /** Output parameters in tuple order (one → a single return value; none → None). */
  returns: Property[];
  registered?: true;
  registeredOptional?: true;
}

/**
 * Where a Python type string came from: the docstring, the runtime type of a constant's value,
 * a Python function's source ("inferred", results only), or "unknown" (nothing said it; the
 * generator decides). "override": a hand-kept type (the generator's DOCSTRING_TYPES, applied
 * to a loaded schema; dumps before that moved there carry it too).
 */
/** `inferred`: from the Python source of a Python-defined function (its return statements). */
export type TypeSource = "docstring" | "override" | "runtime" | "inferred" | "unknown";

export type ParameterKind =
  "positional_only" | "positional_or_keyword" | "var_positional" | "keyword_only" | "var_keyword";

export interface PyParameter {
  name: string;
  kind: ParameterKind;
  /** Source text of the default value (`repr`, addresses stripped); absent = required. */
  default?: string;
  /** Raw RST type text, e.g. "float", ":class:`Vector`", "sequence of numbers". */
  type?: string;
  typeSource: TypeSource;
  description?: string;
}

export interface PyReturn {
  /** Raw RST `:rtype:` text. */
  type?: string;
  typeSource: TypeSource;
  /**
   * Python-defined functions only: whether the source returns (or yields) a value, so a missing
   * `:rtype:` is not read as "returns None". Absent for C functions (no source to read).
   */
  returnsValue?: boolean;
  /** `:return:` text. */
  description?: string;
}

export type PyFunctionKind =
  | "function"
  | "method"
  | "classmethod"
  | "staticmethod"
  /** A method whose result is a context manager (e.g. `BlendDataLibraries.load`). */
  | "contextmanager";

export interface PyFunction {
  name: string;
  kind: PyFunctionKind;
  /** Parameter list as text, e.g. "(vertices, edges, faces, shade_flat=False)"; null if unknown. */
  signature: string | null;
  /** "inspect" (Python signature), "docstring" (`.. function:: f(...)` line), or "unknown". */
  signatureSource: "inspect" | "docstring" | "unknown";
  parameters: PyParameter[];
  returns: PyReturn;
  /** Docstring with RST fields removed (the prose). */
  doc: string;
}

export interface PyAttribute {
  name: string;
  /** "property" (Python property / C getset / member descriptor), "constant" (plain value). */
  kind: "property" | "constant";
  /** Raw RST `:type:` text, or for constants the Python type name (e.g. "int"). */
  type?: string;
  typeSource: TypeSource;
  /** Constants only, for int/float/bool/str values. */
  value?: string | number | boolean;
  readonly?: true;
  doc: string;
}

export interface PyClass {
  name: string;
  /** Base classes as "module.qualname" (object omitted). */
  bases: string[];
  doc: string;
  /** Constructor from the class docstring (`.. class:: Vector(seq)`) or `__init__`. */
  constructor: PyFunction | null;
  methods: PyFunction[];
  attributes: PyAttribute[];
  /** Operator/protocol dunders implemented (sorted), e.g. "__add__", "__matmul__", "__getitem__". */
  operators: string[];
}

export interface PyModule {
  /** Dotted name, e.g. "mathutils.geometry", "bpy.props". */
  name: string;
  doc: string;
  /** Set when the module cannot be imported in this Blender (e.g. aud without numpy). */
  importError?: string;
  classes: PyClass[];
  functions: PyFunction[];
  attributes: PyAttribute[];
  /** Submodules present (dotted names), each dumped as its own PyModule when listed in `modules`. */
  submodules: string[];
}

/** A member defined in Python on a `bpy.types` class (bpy_types.py), not in RNA. */
export interface PythonMember {
  name: string;
  kind: "method" | "classmethod" | "staticmethod" | "contextmanager" | "property" | "attribute";
  /** For callables. */
  function?: PyFunction;
  /** For properties/attributes: raw RST `:type:` text. */
  type?: string;
  typeSource?: TypeSource;
  readonly?: true;
  doc: string;
  /** Python class that defines it, e.g. "bpy_types._GenericBone" (mixins) or "bpy_types.Mesh". */
  definedIn: string;
}

export interface Struct {
  identifier: string;
  name: string;
  description: string;
  /** Base struct identifier (`base`), null for roots. */
  base: string | null;
  /** Parent struct this one is nested in (`nested`), null when top level. */
  nested: string | null;
  /** Derives from ID (a data-block type). */
  isID: boolean;
  /** `name_property` identifier, if any. */
  nameProperty?: string;
  /** Exposed as `bpy.types.<identifier>`. */
  inBpyTypes: boolean;
  /** Own properties only (inherited ones live on the base), in RNA order. */
  properties: Property[];
  /** Own functions only, in RNA order. */
  functions: RnaFunction[];
  /** Python-defined members (bpy_types.py and mixins), sorted by name. */
  python: PythonMember[];
}

export interface EnumItem {
  identifier: string;
  name: string;
  description: string;
  /** C value; absent for items only known by identifier (found by probing a dynamic enum). */
  value?: number;
  icon?: string;
}

export interface EnumDef {
  /** "rna": a named shared C enum (`rna_enum_*_items`); "generated": identical item lists grouped. */
  source: "rna" | "generated";
  /** For "rna": the C array name, e.g. "rna_enum_object_mode_items". */
  cName?: string;
  items: EnumItem[];
}

export interface Operator {
  /** Python name: "mesh.primitive_cube_add". */
  idname: string;
  /** RNA struct identifier: "MESH_OT_primitive_cube_add". */
  rnaIdentifier: string;
  name: string;
  description: string;
  /** `bl_options` flags, sorted: "REGISTER", "UNDO", "INTERNAL", … */
  options: string[];
  /** Defined by a Python class (vs. C). */
  python?: true;
  properties: Property[];
}

export interface ContextMember {
  name: string;
  /** RNA struct identifier, or a Python type for non-RNA members (see typeKind). */
  type: string;
  /** "struct": `type` is a struct identifier; "python": a raw Python/RST type (e.g. "str"). */
  typeKind: "struct" | "python";
  /** A sequence of `type`. */
  collection: boolean;
  /** Which context callbacks provide it (sorted), e.g. ["screen"], ["buttons", "screen"]. */
  sources: string[];
}

export interface AppField {
  name: string;
  /** Python type name of the value at dump time, e.g. "str", "tuple", "bool". */
  pyType: string;
  doc: string;
  /** Only for version-like fields (deterministic per build). */
  value?: string | number | boolean | (string | number | boolean)[];
}

export interface App {
  fields: AppField[];
  /** `bpy.app.handlers` list names, sorted. */
  handlers: string[];
}

export interface Schema {
  formatVersion: typeof FORMAT_VERSION;
  blender: {
    version: [number, number, number];
    versionString: string;
    /** Python version inside Blender, "3.11.2". */
    python: string;
  };
  /** Add-ons enabled on purpose with `--addons` (factory-startup defaults are always on). */
  addons: string[];
  /** All RNA structs except operators, sorted by identifier. */
  structs: Struct[];
  /** Enum item lists, keyed by name; keys sorted. */
  enums: Record<string, EnumDef>;
  /** All operators, sorted by idname. */
  operators: Operator[];
  /** `bpy.context` members that are not properties of the Context struct, sorted. */
  context: ContextMember[];
  /** `bpy.data` struct identifier ("BlendData"). */
  data: string;
  app: App;
  /** Python/C modules, sorted by name. */
  modules: PyModule[];
}
