import type { Param } from "./model.js";

/**
 * Documented override tables. Every entry says why it exists; the generator never falls back to
 * `any`. Keys are Python qualified names ("module.Class.method" or "module.function").
 *
 * Kinds of override:
 * - RETURN_OVERRIDES: the docstring has no `:rtype:` (or one the RST parser cannot map).
 * - PARAM_OVERRIDES: a parameter whose type is undocumented or unmappable.
 * - ATTRIBUTE_OVERRIDES: attributes without `:type:`.
 * - CONTEXT_ALWAYS_SET: Context pointers that are typed non-null although RNA does not flag them
 *   never-None.
 */

/** Return types (TS text; may reference classes through `@Module.Class` placeholders resolved by the generator). */
export const RETURN_OVERRIDES: Record<string, string> = {
  // addon_utils (Python, no :rtype:): results read from its source, checked live by
  // generator/test/overrides-live.test.ts
  "addon_utils.check": "[boolean, boolean]",
  "addon_utils.enable": "unknown",
  "addon_utils.disable": "void",
  "addon_utils.modules": "unknown[]",
  "addon_utils.paths": "string[]",
  "addon_utils.module_bl_info": "Record<string, unknown>",
  "addon_utils.reset_all": "void",
  "addon_utils.disable_all": "void",
  // Python-defined functions that return a value Blender does not document (their source:
  // `return space_data.overlay.grid_scale_unit` / `return 1.0`; a dict comprehension)
  "bpy_extras.object_utils.object_add_grid_scale": "number",
  "bpy_types.Operator.as_keywords": "Record<string, unknown>",
  // idprop.types.IDPropertyGroup (C, no :rtype:): dict-like access to ID properties
  "idprop.types.IDPropertyGroup.get": "unknown",
  "idprop.types.IDPropertyGroup.keys": "string[]",
  "idprop.types.IDPropertyGroup.values": "unknown[]",
  "idprop.types.IDPropertyGroup.items": "[string, unknown][]",
  "idprop.types.IDPropertyGroup.to_dict": "Record<string, unknown>",
  "idprop.types.IDPropertyGroup.pop": "unknown",
  // mathutils.Vector (docs give the rtype in prose only, or not at all)
  "mathutils.Vector.copy": "@mathutils.Vector",
  "mathutils.Vector.freeze": "@mathutils.Vector",
  "mathutils.Vector.normalize": "void",
  "mathutils.Vector.negate": "void",
  "mathutils.Vector.resize": "void",
  "mathutils.Vector.resize_2d": "void",
  "mathutils.Vector.resize_3d": "void",
  "mathutils.Vector.resize_4d": "void",
  "mathutils.Vector.zero": "void",
  "mathutils.Vector.Fill": "@mathutils.Vector",
  "mathutils.Vector.Linspace": "@mathutils.Vector",
  "mathutils.Vector.Range": "@mathutils.Vector",
  "mathutils.Vector.Repeat": "@mathutils.Vector",
  "mathutils.Vector.to_tuple": "number[]",
  "mathutils.Vector.rotate": "void",
  "mathutils.Matrix.copy": "@mathutils.Matrix",
  "mathutils.Matrix.freeze": "@mathutils.Matrix",
  "mathutils.Matrix.identity": "void",
  "mathutils.Matrix.invert": "void",
  "mathutils.Matrix.invert_safe": "void",
  "mathutils.Matrix.normalize": "void",
  "mathutils.Matrix.resize_4x4": "void",
  "mathutils.Matrix.rotate": "void",
  "mathutils.Matrix.transpose": "void",
  "mathutils.Matrix.zero": "void",
  "mathutils.Matrix.Diagonal": "@mathutils.Matrix",
  "mathutils.Matrix.Identity": "@mathutils.Matrix",
  "mathutils.Matrix.LocRotScale": "@mathutils.Matrix",
  "mathutils.Matrix.OrthoProjection": "@mathutils.Matrix",
  "mathutils.Matrix.Rotation": "@mathutils.Matrix",
  "mathutils.Matrix.Scale": "@mathutils.Matrix",
  "mathutils.Matrix.Shear": "@mathutils.Matrix",
  "mathutils.Matrix.Translation": "@mathutils.Matrix",
  "mathutils.Quaternion.copy": "@mathutils.Quaternion",
  "mathutils.Quaternion.freeze": "@mathutils.Quaternion",
  "mathutils.Quaternion.conjugate": "void",
  "mathutils.Quaternion.identity": "void",
  "mathutils.Quaternion.invert": "void",
  "mathutils.Quaternion.make_compatible": "void",
  "mathutils.Quaternion.negate": "void",
  "mathutils.Quaternion.normalize": "void",
  "mathutils.Quaternion.rotate": "void",
  "mathutils.Euler.copy": "@mathutils.Euler",
  "mathutils.Euler.freeze": "@mathutils.Euler",
  "mathutils.Euler.make_compatible": "void",
  "mathutils.Euler.rotate": "void",
  "mathutils.Euler.rotate_axis": "void",
  "mathutils.Euler.zero": "void",
  "mathutils.Color.copy": "@mathutils.Color",
  "mathutils.Color.freeze": "@mathutils.Color",
  "mathutils.bvhtree.BVHTree.FromBMesh": "@mathutils.bvhtree.BVHTree",
  "mathutils.bvhtree.BVHTree.FromObject": "@mathutils.bvhtree.BVHTree",
  "mathutils.bvhtree.BVHTree.FromPolygons": "@mathutils.bvhtree.BVHTree",
  "mathutils.kdtree.KDTree.balance": "void",
  "mathutils.kdtree.KDTree.insert": "void",
  "bmesh.new": "@bmesh.types.BMesh",
  // `get(verts)` returns None when no edge/face uses exactly these verts (verified live 3.4–5.2;
  // 3.4 documents the element type, 5.2 nothing mappable). With `fallback` it returns that value.
  "bmesh.types.BMEdgeSeq.get": "@bmesh.types.BMEdge | null",
  "bmesh.types.BMFaceSeq.get": "@bmesh.types.BMFace | null",
  "bpy.app.timers.register": "void",
  "bpy.app.timers.unregister": "void",
  "bpy.app.timers.is_registered": "boolean",
  "bpy.msgbus.subscribe_rna": "void",
  "bpy.msgbus.publish_rna": "void",
  "bpy.msgbus.clear_by_owner": "void",
  "bpy.utils.register_class": "void",
  "bpy.utils.unregister_class": "void",
  "bpy.types.bpy_struct.get": "unknown",
  "bpy.types.bpy_struct.pop": "unknown",
  "bpy.types.bpy_struct.path_resolve": "unknown",
};

/**
 * Types of Python-defined struct members whose docstrings give none, as the RST text a
 * docstring would have (`str`, ``:class:`bpy.types.Object` tuple``), so they are mapped like
 * documented ones. Applied to the schema before anything reads it, and only where the schema's
 * slot has no docstring type (docstring-types.ts): the introspection reports what
 * Blender says, every hand-kept fact lives here. Keys: "bpy_types.Struct.member" (a result or
 * an attribute), "bpy_types.Struct.function:param".
 */
export const DOCSTRING_TYPES: {
  params: Record<string, string>;
  returns: Record<string, string>;
  attributes: Record<string, string>;
} = {
  params: {
    // `**keywords`: context members to override, any value
    "bpy_types.Context.temp_override:keywords": "any",
    "bpy_types.BlendDataLibraries.write:filepath": "str",
  },
  returns: {
    "bpy_types.Mesh.from_pydata": "None",
    "bpy_types.BlendDataLibraries.write": "None",
  },
  attributes: {
    // Blender 3.4's bpy_types.py properties without `:type:` (4.x documents them)
    "bpy_types.Object.children": ":class:`bpy.types.Object` tuple",
    "bpy_types.Object.children_recursive": ":class:`bpy.types.Object` list",
    "bpy_types.Object.users_collection": ":class:`bpy.types.Collection` tuple",
    "bpy_types.Object.users_scene": ":class:`bpy.types.Scene` tuple",
  },
};

/** DOCSTRING_TYPES of attributes by pattern on "module.Class.attribute". */
export const DOCSTRING_TYPE_PATTERNS: [RegExp, string][] = [
  // Vector swizzles (v.xy, v.zyx, v.wwww …) have no docstring in 3.x
  [/^mathutils\.Vector\.[xyzw]{2,4}$/, ":class:`Vector`"],
];

/**
 * Python functions that return a context manager although their docstrings do not say so: the
 * value `with f() as x:` binds (TS text, placeholders allowed); typed `ContextManager<value>`.
 */
export const CONTEXT_MANAGER_RESULTS: Record<string, string> = {
  "bpy_types.BlendDataLibraries.load":
    "[@bpy.types.BlendDataLibrariesLoadFrom, @bpy.types.BlendDataLibrariesLoadTo]",
  "bpy_types.BlendData.temp_data": "@bpy.types.BlendData",
  "bpy_types.Context.temp_override": "@bpy.types.Context",
};

/**
 * Python/C functions whose docstring signature lies about keyword-only parameters (Blender 3.4 /
 * 4.3 docstrings show `f(a, b=1)`; the C code parses `b` as keyword-only, which 5.2's docstrings
 * finally say with `*`). Value: how many leading parameters (after `self`) may be positional;
 * every later `positional_or_keyword` parameter is keyword-only. Verified live on 3.4 and 4.3:
 * `keyframe_insert("location", 0)` → "takes at most 1 positional argument (2 given)",
 * `libraries.write(p, {ob}, False)` → "takes exactly 2 positional arguments (3 given)",
 * `libraries.load(p, True)` → "takes exactly 1 positional argument (2 given)",
 * `is_property_set("location", True)` → "takes exactly 1 positional argument (2 given)",
 * `user_map({ob})` / `temp_data(None)` → "takes no positional arguments"; the keyword forms work.
 * (`driver_add`, `driver_remove`, `path_resolve`, `path_from_id`, `get`, `pop` are the opposite:
 * positional-only, "takes no keyword arguments" — they stay positional parameters.)
 */
export const KEYWORD_ONLY_FROM: Record<string, number> = {
  "bpy.types.bpy_struct.keyframe_insert": 1,
  "bpy.types.bpy_struct.keyframe_delete": 1,
  "bpy.types.bpy_struct.is_property_set": 1,
  "bpy_types.BlendDataLibraries.load": 1,
  "bpy_types.BlendDataLibraries.write": 2,
  "bpy_types.BlendData.user_map": 0,
  "bpy_types.BlendData.temp_data": 0,
  "bpy_types.Context.temp_override": 0,
  "bpy_types.Text.region_as_string": 0,
  "bpy_types.Text.region_from_string": 1,
};

/**
 * Parameters the docstring shows without a default although they are optional (3.4's
 * `user_map(subset, key_types, value_types)`, `temp_override(window, area, region, **kw)`;
 * verified live: `user_map(subset={ob})` and `temp_override(window=None)` work). "qual:param".
 */
export const OPTIONAL_PARAMS = new Set([
  "bpy_types.BlendData.user_map:subset",
  "bpy_types.BlendData.user_map:key_types",
  "bpy_types.BlendData.user_map:value_types",
  "bpy_types.Context.temp_override:window",
  "bpy_types.Context.temp_override:area",
  "bpy_types.Context.temp_override:region",
]);

/** Why a return type is `unknown` although overridden (JSDoc note). */
export const RETURN_NOTES: Record<string, string> = {
  "bpy.types.bpy_struct.get": "an ID property value: any Python value stored by the user",
  "bpy.types.bpy_struct.pop": "an ID property value: any Python value stored by the user",
  "bpy.types.bpy_struct.path_resolve":
    "depends on the resolved path (a property value or a bpy_struct)",
};

/** Parameter types by "qualname:param". */
export const PARAM_OVERRIDES: Record<string, string> = {
  // default `{}` is a dict (module name → module), not a set
  "addon_utils.modules:module_cache": "Record<string, unknown>",
  "bpy.app.timers.register:function": "() => number | null | void",
  "bpy.app.timers.unregister:function": "() => number | null | void",
  "bpy.app.timers.is_registered:function": "() => number | null | void",
  "bpy.msgbus.subscribe_rna:key":
    "@bpy.types.bpy_struct | readonly [@bpy.types.bpy_struct, string] | unknown",
  "bpy.msgbus.subscribe_rna:owner": "unknown",
  "bpy.msgbus.subscribe_rna:args": "readonly unknown[]",
  "bpy.msgbus.subscribe_rna:notify": "(...args: never[]) => unknown",
  "bpy.msgbus.publish_rna:key":
    "@bpy.types.bpy_struct | readonly [@bpy.types.bpy_struct, string] | unknown",
  "bpy.msgbus.clear_by_owner:owner": "unknown",
  "bpy.utils.register_class:cls": "{ readonly prototype: @bpy.types.bpy_struct }",
  "bpy.utils.unregister_class:cls": "{ readonly prototype: @bpy.types.bpy_struct }",
  // Docstrings say `set` / `set of strings`: a Python set (a list is rejected live: "argument 2
  // must be set, not list"); element types from the docstring prose.
  "bpy_types.BlendDataLibraries.write:datablocks":
    "ReadonlySet<@bpy.types.ID> | Set<@bpy.types.ID>",
  "bpy_types.BlendData.user_map:subset":
    "ReadonlySet<@bpy.types.ID> | Set<@bpy.types.ID> | readonly @bpy.types.ID[]",
  "bpy_types.BlendData.batch_remove:ids":
    "ReadonlySet<@bpy.types.ID> | Set<@bpy.types.ID> | readonly @bpy.types.ID[]",
  "bpy_types.BlendData.user_map:key_types":
    "ReadonlySet<@bpy.types.IdTypeItems> | Set<@bpy.types.IdTypeItems>",
  "bpy_types.BlendData.user_map:value_types":
    "ReadonlySet<@bpy.types.IdTypeItems> | Set<@bpy.types.IdTypeItems>",
  // bmesh vertex sequences: 3.4 documents `:type verts: :class:`BMVert`` ("Sequence of 3 or more
  // verts" in the prose), `pair of BMVert`; 4.3/5.2 `Sequence[BMVert]`. The C side
  // (BPy_BMElem_PySeq_As_Array → PySequence_Fast) takes any iterable: verified live on 3.4/4.3/5.2
  // with a list, a generator, an iterator, `bm.verts` and `face.verts`; a single BMVert raises.
  "bmesh.types.BMFaceSeq.new:verts": "Iterable<@bmesh.types.BMVert>",
  "bmesh.types.BMFaceSeq.get:verts": "Iterable<@bmesh.types.BMVert>",
  "bmesh.types.BMEdgeSeq.new:verts": "Iterable<@bmesh.types.BMVert>",
  "bmesh.types.BMEdgeSeq.get:verts": "Iterable<@bmesh.types.BMVert>",
  "bmesh.types.BMVert.copy_from_vert_interp:vert_pair": "Iterable<@bmesh.types.BMVert>",
};

/** Attribute/property types by qualname. */
export const ATTRIBUTE_OVERRIDES: Record<string, string> = {
  "bpy.types.bpy_struct.id_data": "@bpy.types.ID | null",
  "mathutils.Vector.owner": "unknown",
  "mathutils.Matrix.owner": "unknown",
  "mathutils.Euler.owner": "unknown",
  "mathutils.Quaternion.owner": "unknown",
  "mathutils.Color.owner": "unknown",
  "mathutils.Matrix.row": "@mathutils.Vector[]",
  "mathutils.Matrix.col": "@mathutils.Vector[]",
  // Python properties of bpy_types.py without `:type:` (their source: `range(start, end)`,
  // `ord_ind(a, b)` pairs), checked live by generator/test/overrides-live.test.ts
  "bpy_types.MeshPolygon.loop_indices": "readonly number[]",
  "bpy_types.MeshPolygon.edge_keys": "readonly (readonly [number, number])[]",
  "bpy_types.MeshLoopTriangle.edge_keys": "readonly (readonly [number, number])[]",
  "bpy_types.Mesh.edge_keys": "readonly (readonly [number, number])[]",
  "bpy_types.MeshEdge.key": "readonly [number, number]",
};

/**
 * Context members that RNA does not flag never-None but that are always set while a script runs
 * with a file loaded (None only during file loading / in some handlers). Typed non-null so that
 * `bpy.context.scene.name` type-checks without a null check, like Blender's own documentation.
 */
export const CONTEXT_ALWAYS_SET = new Set([
  "scene",
  "view_layer",
  "window_manager",
  "preferences",
  "blend_data",
]);

/** `bpy.app` fields whose pyType is a struct-sequence or a function; TS text per field name. */
export const APP_FIELD_TYPES: Record<string, string> = {
  build_options: "ReadonlySet<string> & { readonly [option: string]: boolean }",
  driver_namespace: "Record<string, unknown>",
  is_job_running: "(job_type: string) => boolean",
};

/** Shape of the bpy.app.<library> info struct-sequences (alembic, ffmpeg, ocio, …). */
export const APP_LIBRARY_INFO =
  "{ readonly supported: boolean; readonly version: readonly [number, number, number]; readonly version_string: string }";

/**
 * bmesh.ops: Blender's runtime docstrings give only the signature (`(bmesh, verts=[])`), not the
 * slot types (a gap in the schema, reported). The generator infers each slot from its name and
 * default value with this table (documented in the README), then falls back to `unknown` + note.
 */
export const BMESH_SLOT_BY_NAME: Record<string, string> = {
  bm: "@bmesh.types.BMesh",
  bmesh: "@bmesh.types.BMesh",
  verts: "readonly @bmesh.types.BMVert[]",
  vert: "@bmesh.types.BMVert",
  edges: "readonly @bmesh.types.BMEdge[]",
  edge: "@bmesh.types.BMEdge",
  faces: "readonly @bmesh.types.BMFace[]",
  face: "@bmesh.types.BMFace",
  geom: "readonly (@bmesh.types.BMVert | @bmesh.types.BMEdge | @bmesh.types.BMFace)[]",
  matrix: "@mathutils.Matrix",
  space: "@mathutils.Matrix",
  vec: "@mathutils.Vector | readonly number[]",
  cent: "@mathutils.Vector | readonly number[]",
  axis: "@mathutils.Vector | readonly number[]",
  co: "@mathutils.Vector | readonly number[]",
  plane_co: "@mathutils.Vector | readonly number[]",
  plane_no: "@mathutils.Vector | readonly number[]",
  dir: "@mathutils.Vector | readonly number[]",
  scale: "@mathutils.Vector | readonly number[]",
  mirror_axis: "number",
  use_shapekey: "boolean",
  material: "number",
  material_index: "number",
  mat_nr: "number",
  dist: "number",
  angle: "number",
  cuts: "number",
  segments: "number",
  smooth: "number",
  factor: "number",
  thickness: "number",
  offset: "number",
  depth: "number",
  size: "number",
  radius: "number",
  diameter: "number",
  steps: "number",
  subdivisions: "number",
  u_segments: "number",
  v_segments: "number",
  x_segments: "number",
  y_segments: "number",
  cap_ends: "boolean",
  cap_tris: "boolean",
  calc_uvs: "boolean",
  radius1: "number",
  radius2: "number",
  delimit: "Set<string>",
  context: "string",
  use_verts: "boolean",
  use_edges: "boolean",
  use_faces: "boolean",
  sides: "number",
  object: "@bpy.types.Object",
  use_shapekeys: "boolean",
  shape_keys: "boolean",
  weights: "readonly number[]",
  vert_map: "Record<string, unknown>",
  merge_dist: "number",
  edge_percents: "Map<@bmesh.types.BMEdge, number>",
  slot_facemap_out: "unknown",
  quad_method: "string",
  ngon_method: "string",
  edges_exclude: "readonly @bmesh.types.BMEdge[]",
  use_boundary_tear: "boolean",
  use_cyclic: "boolean",
  clear_outer: "boolean",
  clear_inner: "boolean",
  keyframe: "number",
  targetmap: "Map<@bmesh.types.BMVert, @bmesh.types.BMVert>",
};

/**
 * Struct pointers that RNA does not flag never-None but that are always set where user code
 * reads them (`Panel.draw` is only called with a layout). "Struct.property".
 */
export const POINTER_NEVER_NONE = new Set([
  "Panel.layout",
  "Menu.layout",
  "Header.layout",
  "UIList.layout_type",
  // Read-only pointers to non-ID structs EMBEDDED in their owner's DNA struct (`&scene->display`,
  // `&scene->r.ffcodecdata`, …): the RNA getter returns the address of a member, never NULL.
  // Evidence (generator/test/oracle/pointer_sweep.py, checked by oracle.test.ts on live 3.4):
  // over ~2600 instances (every object/ID/node/modifier/constraint/strip type, ID copies, two
  // scenes) each entry was never None and its target sat at one fixed offset inside the owner
  // (e.g. Scene.view_settings +5072, SceneDisplay.shading +40, RenderSettings.ffmpeg +336).
  // Not a general rule on purpose: the same offset test also matches separately allocated data
  // allocated right after its owner (CurveMapping of nodes/modifiers/SpotLight.falloff_curve,
  // always at +448) and embedded data behind a conditional getter (ParticleEdit.brush is NULL
  // when brushtype is NONE in older Blenders) — those stay `| null`.
  "Scene.view_settings",
  "Scene.display_settings",
  "Scene.sequencer_colorspace_settings",
  "Scene.display",
  "Scene.eevee",
  "Scene.grease_pencil_settings",
  "SceneDisplay.shading",
  "RenderSettings.ffmpeg",
  "RenderSettings.motion_blur_shutter_curve",
  "ImageFormatSettings.view_settings",
  "ImageFormatSettings.display_settings",
  "ImageFormatSettings.linear_colorspace_settings",
  "Image.colorspace_settings",
  "Camera.dof",
  "Material.lineart",
  "Object.lineart",
  "Volume.display",
  "Volume.render",
  "TextCurve.edit_format",
  "ToolSettings.image_paint",
  "ToolSettings.particle_edit",
  "ToolSettings.paint_mode",
  "ToolSettings.gpencil_sculpt",
  "ToolSettings.gpencil_interpolate",
  "GPencilSculptSettings.guide",
  "SpaceImageEditor.scopes",
  "SpaceImageEditor.sample_histogram",
  "SpaceDopeSheetEditor.dopesheet",
  "Scopes.histogram",
]);

/**
 * Pointers RNA flags `is_never_none` that ARE None on real data (found by the live pointer sweep,
 * generator/test/oracle/pointer_sweep.py on 3.4): `Object.image_user` on every non-image object
 * (40 of 40 objects), `ParticleSystem.cloth` on non-hair particle systems. Typed `| null`.
 */
export const POINTER_MAYBE_NONE = new Set(["Object.image_user", "ParticleSystem.cloth"]);

/**
 * RNA function results that are never None although RNA does not flag them (creating/loading
 * functions raise instead of returning None): functions with these identifiers, or starting
 * with `new_`.
 */
export const RETURN_NEVER_NONE_FUNCTIONS = new Set([
  "new",
  "load",
  "copy",
  "add",
  "new_from_object",
  "evaluated_get",
  // Scene.sequence_editor_create ensures the editor (SEQ_editing_ensure): never NULL
  "Scene.sequence_editor_create",
  // "Struct.function": sub-layout constructors (uiLayoutRow/Column/Box/Split/ColumnFlow/
  // GridFlow allocate and return a new layout unconditionally). Not `operator()` (None for an
  // unknown idname). `menu_pie()` (uiLayoutRadial) returns the root's existing radial layout,
  // a new one, or — outside a pie menu — a new local sub-layout (ui_item_local_sublayout); no
  // path returns NULL (3.4 interface_layout.c … 5.x `Layout &Layout::menu_pie()` returns a
  // reference). Not verifiable live in background mode (no window draws a layout).
  "UILayout.row",
  "UILayout.column",
  "UILayout.box",
  "UILayout.split",
  "UILayout.column_flow",
  "UILayout.grid_flow",
  "UILayout.menu_pie",
]);

/**
 * Exceptions to RETURN_NEVER_NONE_FUNCTIONS, verified live (3.4 and 5.2): adding a modifier or
 * an effect to an object type that cannot have one (an Empty) returns None, no exception.
 */
export const RETURN_MAYBE_NONE_FUNCTIONS = new Set([
  "ObjectModifiers.new",
  "ObjectGpencilModifiers.new",
  "ObjectShaderFx.new",
]);

/** Element type of `__iter__`/`__getitem__` for Python classes (qualname → TS, placeholders allowed). */
export const SEQUENCE_ELEMENT: Record<string, string> = {
  "bmesh.types.BMVertSeq": "@bmesh.types.BMVert",
  "bmesh.types.BMEdgeSeq": "@bmesh.types.BMEdge",
  "bmesh.types.BMFaceSeq": "@bmesh.types.BMFace",
  "bmesh.types.BMLoopSeq": "@bmesh.types.BMLoop",
  "bmesh.types.BMElemSeq": "T",
  "bmesh.types.BMIter": "T",
  "bmesh.types.BMEditSelSeq": "@bmesh.types.BMVert | @bmesh.types.BMEdge | @bmesh.types.BMFace",
  "bmesh.types.BMEditSelIter": "@bmesh.types.BMVert | @bmesh.types.BMEdge | @bmesh.types.BMFace",
  "bmesh.types.BMLayerCollection": "@bmesh.types.BMLayerItem",
  "bmesh.types.BMDeformVert": "number",
  "bmesh.types.BMVert": "never",
  "idprop.types.IDPropertyArray": "number",
  "idprop.types.IDPropertyGroup": "string",
  "idprop.types.IDPropertyGroupIterKeys": "string",
  "idprop.types.IDPropertyGroupIterValues": "unknown",
  "idprop.types.IDPropertyGroupIterItems": "[string, unknown]",
  "idprop.types.IDPropertyGroupViewKeys": "string",
  "idprop.types.IDPropertyGroupViewValues": "unknown",
  "idprop.types.IDPropertyGroupViewItems": "[string, unknown]",
  "gpu.types.Buffer": "number",
  "bpy.utils.previews.ImagePreviewCollection": "string",
};

/** Python classes that are generic in TS (type parameter T with a default). */
export const GENERIC_CLASSES: Record<string, string> = {
  // custom-data layers, by the value an element holds in them (`loop[uv_layer]` → BMLoopUV)
  "bmesh.types.BMLayerCollection": "T = unknown",
  "bmesh.types.BMLayerItem": "T = unknown",
  "bmesh.types.BMElemSeq":
    "T = @bmesh.types.BMVert | @bmesh.types.BMEdge | @bmesh.types.BMFace | @bmesh.types.BMLoop",
  "bmesh.types.BMIter":
    "T = @bmesh.types.BMVert | @bmesh.types.BMEdge | @bmesh.types.BMFace | @bmesh.types.BMLoop",
};

/**
 * `bpy_types._GenericUI` (a Python mixin of Menu/Panel/Header/UIList; after `bpy_struct` in the
 * MRO, dumped since the introspect fix) class methods: `append/prepend/remove(draw_func)` store a
 * function Blender calls as `draw_func(self, context)` with the menu/panel/header instance (3.4/4.3
 * docstrings give no type; 5.2 `Callable[[Self, Context], None]`); they return None;
 * `is_extended()` returns a bool (verified live: `bpy.types.VIEW3D_MT_add.is_extended()` → False).
 */
for (const cls of ["Menu", "Panel", "Header", "UIList"]) {
  for (const fn of ["append", "prepend", "remove"]) {
    PARAM_OVERRIDES[`bpy_types.${cls}.${fn}:draw_func`] =
      `(self: @bpy.types.${cls}, context: @bpy.types.Context) => void`;
    RETURN_OVERRIDES[`bpy_types.${cls}.${fn}`] = "void";
  }
  RETURN_OVERRIDES[`bpy_types.${cls}.is_extended`] = "boolean";
}

/**
 * Dynamic-length arrays (RNA `is_array` with no fixed length: the schema's `arrayLength` 0 with a
 * list `default`) are 1-D `bpy_prop_array`s; RNA does not say how many dimensions a dynamic one
 * has (`array_dimensions` is `(0, 0, 0)`), so the multi-dimensional ones are listed here.
 *
 * `RenderPass.rect`: `RNA_def_property_multi_array(prop, 2, …)` in rna_render.c — one
 * `[r, g, b, a]` (one value per channel) per pixel, as Blender's custom_render_engine.py
 * template assigns it.
 */
export const DYNAMIC_ARRAY_DIMENSIONS: Record<string, 2> = {
  "RenderPass.rect": 2,
};

/**
 * RNA functions whose result has the receiver's own type (RNA declares the base `ID`), typed
 * `this`: `obj.evaluated_get(dg)` is an Object, `mesh.copy()` a Mesh, `obj.make_local()` an
 * Object (each checked live on Blender 3.4; the C code returns the same ID type: DEG_get_evaluated_id,
 * BKE_id_copy, the local ID).
 */
export const RETURNS_RECEIVER_TYPE = new Set(["ID.evaluated_get", "ID.copy", "ID.make_local"]);

/**
 * Constructor parameters as Blender accepts them, where the docstrings disagree between versions
 * (3.4 documents `Matrix()`/`Quaternion()` without arguments, `Vector(seq)` as required).
 * Verified live on 3.4 and 5.2: every argument optional; Vector/Euler/Color/Quaternion take any
 * iterable of numbers (a generator too); Matrix takes a sequence of 2–4 row sequences, not an
 * iterator.
 */
export const CONSTRUCTOR_OVERRIDES: Record<string, Param[]> = {
  "mathutils.Vector": [{ name: "seq", optional: true, type: "Iterable<number>" }],
  "mathutils.Matrix": [{ name: "rows", optional: true, type: "readonly Iterable<number>[]" }],
  "mathutils.Quaternion": [
    { name: "seq", optional: true, type: "Iterable<number>" },
    { name: "angle", optional: true, type: "number" },
  ],
  "mathutils.Euler": [
    { name: "angles", optional: true, type: "Iterable<number>" },
    { name: "order", optional: true, type: '"XYZ" | "XZY" | "YXZ" | "YZX" | "ZXY" | "ZYX"' },
  ],
  "mathutils.Color": [{ name: "rgb", optional: true, type: "Iterable<number>" }],
};

/**
 * bmesh custom-data layers (`bm.loops.layers.uv.active`): a layer collection per kind, typed by
 * the value an element holds in it, which `elem.layer(l)` (Python `elem[l]`) returns. Values
 * per kind from the bmesh docs and checked live (generator/test/overrides-live.test.ts): uv →
 * BMLoopUV, colors and vectors → Vector, deform → BMDeformVert, skin → unknown (BMVertSkin is not in bmesh.types).
 */
const LAYER_VALUES: Record<string, string> = {
  uv: "@bmesh.types.BMLoopUV",
  color: "@mathutils.Vector",
  float_color: "@mathutils.Vector",
  float_vector: "@mathutils.Vector",
  shape: "@mathutils.Vector",
  float: "number",
  int: "number",
  bevel_weight: "number",
  crease: "number",
  paint_mask: "number",
  face_map: "number",
  bool: "boolean",
  deform: "@bmesh.types.BMDeformVert",
  skin: "unknown", // BMVertSkin: not exported by bmesh.types, so not in the typings
};
/** The layer kinds each element's layer access has in some Blender version (3.4–5.2 schemas). */
const LAYER_KINDS: Record<string, string[]> = {
  Vert: [
    "color",
    "float_color",
    "float_vector",
    "shape",
    "float",
    "int",
    "bevel_weight",
    "crease",
    "paint_mask",
    "bool",
    "deform",
    "skin",
  ],
  Edge: ["color", "float_color", "float_vector", "float", "int", "bevel_weight", "crease", "bool"],
  Face: ["color", "float_color", "float_vector", "float", "int", "face_map", "bool"],
  Loop: ["uv", "color", "float_color", "float_vector", "float", "int", "bool"],
};
for (const [access, kinds] of Object.entries(LAYER_KINDS))
  for (const kind of kinds)
    ATTRIBUTE_OVERRIDES[`bmesh.types.BMLayerAccess${access}.${kind}`] =
      `@bmesh.types.BMLayerCollection<${LAYER_VALUES[kind]!}>`;
Object.assign(ATTRIBUTE_OVERRIDES, {
  "bmesh.types.BMLayerCollection.active": "@bmesh.types.BMLayerItem<T> | null",
});
Object.assign(RETURN_OVERRIDES, {
  "bmesh.types.BMLayerCollection.new": "@bmesh.types.BMLayerItem<T>",
  "bmesh.types.BMLayerCollection.verify": "@bmesh.types.BMLayerItem<T>",
  "bmesh.types.BMLayerCollection.get": "@bmesh.types.BMLayerItem<T> | null",
  "bmesh.types.BMLayerCollection.values": "@bmesh.types.BMLayerItem<T>[]",
  "bmesh.types.BMLayerCollection.items": "[string, @bmesh.types.BMLayerItem<T>][]",
});
PARAM_OVERRIDES["bmesh.types.BMLayerCollection.remove:layer"] = "@bmesh.types.BMLayerItem<T>";
