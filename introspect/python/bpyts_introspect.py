# bpyts introspection: dump the Python API of the running Blender as one JSON document.
#
#   blender --background --factory-startup --python-exit-code 1 \
#       --python introspect/python/bpyts_introspect.py -- --output out.json[.gz] [--addons a,b]
#
# or, with the `bpy` module (bpy must be imported first):
#
#   import bpy, sys; sys.path.insert(0, "introspect/python")
#   import bpyts_introspect; bpyts_introspect.dump("out.json", addons=())
#
# The format is documented in introspect/FORMAT.md (types: introspect/src/schema.ts). Output is
# deterministic: stable ordering, no timestamps, no addresses, no machine paths.
import bpy  # noqa: F401  (must come before any other Blender module)

import ast
import gzip
import io
import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bpyts_context  # noqa: E402
import bpyts_pydoc  # noqa: E402

FORMAT_VERSION = 1

_OPERATOR_STRUCT = re.compile(r"^[A-Z0-9_]+_OT_\w+$")

# Python/C modules dumped (those that cannot be imported get `importError`). Submodules of
# packages listed in _PACKAGES are discovered at dump time.
_MODULES = [
    "addon_utils",
    "bpy.app.icons",
    "bpy.app.timers",
    "bpy.app.translations",
    "bpy.msgbus",
    "bpy.path",
    "bpy.props",
    "bpy.utils",
    "bpy.utils.previews",
    "bpy.utils.units",
    "mathutils",
    "mathutils.bvhtree",
    "mathutils.geometry",
    "mathutils.interpolate",
    "mathutils.kdtree",
    "mathutils.noise",
    "bmesh",
    "bmesh.geometry",
    "bmesh.ops",
    "bmesh.types",
    "bmesh.utils",
    "gpu",
    "gpu_extras",
    "gpu_extras.batch",
    "gpu_extras.presets",
    "blf",
    "bl_math",
    "idprop",
    "idprop.types",
    "imbuf",
    "imbuf.types",
    "aud",
    "bpy_extras",
]
_PACKAGES = ["gpu", "bpy_extras"]
# Core C classes of bpy.types that are not RNA structs (dumped as module "bpy.types").
_BPY_TYPES_CLASSES = {"bpy_struct", "bpy_prop_collection", "bpy_prop_array", "bpy_func"}
# Modules whose classes extend bpy.types in Python ("_bpy_types" from 5.0).
_PY_TYPES_MODULES = {"bpy_types", "_bpy_types", "bpy.types"}


def _num(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
    return value


class _Enums:
    """Deduplicated enum item lists, named after shared C enums where RNA exposes them."""

    def __init__(self):
        self.by_items = {}  # items tuple -> key
        self.defs = {}
        self.named = {}  # items tuple -> C name
        try:
            import _bpy

            static = _bpy.rna_enum_items_static()
        except Exception:  # not available in this Blender: only generated names
            static = {}
        for cname in sorted(static):
            if cname.startswith("DummyRNA_"):
                continue
            items = tuple(self._item_tuple(i) for i in static[cname])
            if items:
                self.named.setdefault(items, cname)

    @staticmethod
    def _item_tuple(item):
        return (item.identifier, item.name, item.description, item.value, item.icon)

    def key_for(self, items, user):
        items = tuple(items)
        key = self.by_items.get(items)
        if key is not None:
            return key
        cname = self.named.get(items)
        if cname is not None:
            key = re.sub(r"^rna_enum_", "", re.sub(r"_items$", "", cname))
            entry = {"source": "rna", "cName": cname}
        else:
            key = user
            entry = {"source": "generated"}
            if len(key) > 120:
                key = key[:120]
        base, n = key, 2
        while key in self.defs:
            key, n = "%s#%d" % (base, n), n + 1
        entry["items"] = [
            dict(
                {"identifier": i[0], "name": i[1], "description": i[2]},
                **({"value": i[3]} if i[3] is not None else {}),
                **({"icon": i[4]} if i[4] and i[4] != "NONE" else {}),
            )
            for i in items
        ]
        self.defs[key] = entry
        self.by_items[items] = key
        return key


_PROBE = "\x01bpyts-probe"
# Structs not descended into: reading some of their pointers in background mode crashes
# Blender 4.3 (e.g. UvSculpt.eraser_brush).
_PROBE_SKIP = {"Paint", "UnifiedPaintSettings", "Brush"}
_PROBE_MESSAGE = re.compile(r"not found in (\(.*\)|\[.*\])")


def _probe_items(ex):
    """The valid enum items Blender lists in the error a probe value raised, or None."""
    m = _PROBE_MESSAGE.search(str(ex))
    if not m:
        return None
    try:
        value = ast.literal_eval(m.group(1))
    except Exception:
        return None
    # One valid item is printed as "('VIEWER')": a string, not a 1-tuple
    return [value] if isinstance(value, str) else list(value)


def _probe_dynamic_enums(limit=4000):
    """Items of context-dependent enums, by property pointer.

    `EnumProperty.enum_items` is evaluated without a context, so callback-based ("dynamic") enums
    usually report their static fallback (RenderSettings.engine lists only BLENDER_EEVEE). Here one
    live instance per struct type is reached from bpy.data/bpy.context, and assigning an invalid
    value makes Blender list the items valid in the current context (nothing is modified).
    """
    roots = []
    for getter in (
        lambda: bpy.context.scene,
        lambda: bpy.context.view_layer,
        lambda: bpy.context.window_manager,
        lambda: bpy.context.preferences,
        lambda: bpy.context.tool_settings,
        lambda: bpy.data,
    ):
        try:
            value = getter()
        except Exception:
            value = None
        if value is not None:
            roots.append(value)
    seen, queue, result = set(), list(roots), {}
    while queue and len(seen) < limit:
        inst = queue.pop(0)
        try:
            srna = inst.bl_rna
        except Exception:
            continue
        if srna.identifier in seen:
            continue
        seen.add(srna.identifier)
        b = srna
        while b is not None and b.identifier not in _PROBE_SKIP:
            b = b.base
        if b is not None:
            continue
        for p in srna.properties:
            ident = p.identifier
            if ident == "rna_type":
                continue
            kind = p.type
            if kind == "ENUM":
                if p.is_readonly:
                    continue
                for items in _probe_enum_variants(inst, srna.identifier, p):
                    _merge_probe(result, p.as_pointer(), inst, ident, items)
                continue
            if kind not in ("POINTER", "COLLECTION"):
                continue
            try:
                if os.environ.get("BPYTS_DEBUG"): print("PROBE", srna.identifier, ident, flush=True)
                value = getattr(inst, ident)
                if kind == "COLLECTION":
                    wrapper = p.srna
                    if wrapper is not None and wrapper.identifier not in seen:
                        seen.add(wrapper.identifier)  # e.g. BlendDataNodeTrees: probe its functions
                        _probe_function_enums(value, wrapper, result)
                    value = value[0] if len(value) else None
            except Exception:
                continue
            if value is not None and hasattr(value, "bl_rna"):
                queue.append(value)
        _probe_function_enums(inst, srna, result)
    return result


# Enums whose items depend on another property of the same struct: probed under each of its
# values (then restored), so imperial length units are seen as well as metric ones.
_PROBE_VARIANTS = {"UnitSettings": ("system", ("METRIC", "IMPERIAL"))}


def _probe_enum_variants(inst, struct, p):
    """Item lists a probe of enum p on inst reports, under each variant of _PROBE_VARIANTS."""
    value = {_PROBE} if p.is_enum_flag else _PROBE

    def probe():
        try:
            setattr(inst, p.identifier, value)
        except Exception as ex:
            return _probe_items(ex)
        return None

    variant = _PROBE_VARIANTS.get(struct)
    if variant is None or variant[0] == p.identifier:
        found = probe()
        return [found] if found is not None else []
    selector, choices = variant
    original = getattr(inst, selector)
    out = []
    try:
        for choice in choices:
            setattr(inst, selector, choice)
            found = probe()
            if found is not None:
                out.append(found)
    finally:
        setattr(inst, selector, original)
    return out


def _merge_probe(result, key, inst, ident, items):
    """Record probed items, appending to what an earlier probe of the same property found."""
    if key not in result:
        result[key] = (inst, ident, list(items))
        return
    known = result[key][2]
    known.extend(i for i in items if i not in known)


# Identifiers of the one-item placeholder lists RNA gives enums whose real items come from a
# callback (rna_enum_dummy_NULL_items = DUMMY in 3.4/4.3, rna_enum_dummy_DEFAULT_items = DEFAULT,
# node `PLACEHOLDER`, `NONE` for color-management / fluid cache formats, `UNSUPPORTED` for
# Region.active_panel_category). A static list that is only such an item is never the real set.
_PLACEHOLDER_IDS = {"DUMMY", "DEFAULT", "PLACEHOLDER", "NONE", "UNSUPPORTED"}


def _is_placeholder(items_static):
    return len(items_static) == 1 and items_static[0][0] in _PLACEHOLDER_IDS


def _probe_value(p):
    """A value that RNA parses for a (required) parameter of type p, or raise KeyError."""
    kind = p.type
    if getattr(p, "is_array", False) or getattr(p, "array_length", 0):
        raise KeyError(kind)
    if kind == "STRING":
        return ""
    if kind in ("INT", "FLOAT"):
        return 0
    if kind == "BOOLEAN":
        return False
    raise KeyError(kind)


def _probe_function_enums(inst, srna, result):
    """Items of placeholder-only enum parameters of RNA functions (BlendDataNodeTrees.new `type`).

    Calling the function with an invalid identifier for the enum (and parseable values for the
    required parameters before it) fails while parsing the arguments, before the function runs,
    with an error that lists the items valid in context. Nothing is called or modified.
    """
    for f in srna.functions:
        if f.is_registered or f.is_registered_optional:
            continue  # callbacks may be Python code: never call them
        params = [q for q in f.parameters if not q.is_output]
        for i, p in enumerate(params):
            if p.type != "ENUM" or p.is_enum_flag:
                continue
            if not _is_placeholder([_Enums._item_tuple(x) for x in p.enum_items_static]):
                continue
            kw = {}
            try:
                for q in params[:i]:
                    if q.is_required:
                        kw[q.identifier] = _probe_value(q)
            except KeyError:
                continue
            kw[p.identifier] = _PROBE
            try:
                func = getattr(inst, f.identifier)
            except Exception:
                continue
            if type(func).__name__ != "bpy_func":  # only RNA functions parse before running
                continue
            try:
                func(**kw)
            except Exception as ex:
                items = _probe_items(ex)
                if items is not None:
                    _merge_probe(result, p.as_pointer(), inst, p.identifier, items)
            else:  # parsing accepted the probe: should not happen, report loudly
                raise RuntimeError("bpyts: probe value accepted by %s.%s" % (srna.identifier, f.identifier))


def _dynamic_items(probe, static_items):
    """Full item tuples for probed identifiers (static data where known, UI names otherwise)."""
    inst, ident, identifiers = probe
    by_id = {i[0]: i for i in static_items}
    out = []
    for item_id in identifiers:
        if item_id in by_id:
            out.append(by_id[item_id])
            continue
        try:
            name = bpy.types.UILayout.enum_item_name(inst, ident, item_id)
            description = bpy.types.UILayout.enum_item_description(inst, ident, item_id)
            name, description = name or "", description or ""
        except Exception:
            name, description = "", ""
        out.append((item_id, name, description, None, "NONE"))
    return out


_FLAGS = (
    ("is_readonly", "readonly"),
    ("is_never_none", "neverNone"),
    ("is_required", "required"),
    ("is_output", "output"),
    ("is_argument_optional", "argumentOptional"),
    ("is_registered", "registered"),
    ("is_registered_optional", "registeredOptional"),
    ("is_animatable", "animatable"),
    ("is_hidden", "hidden"),
    ("is_skip_save", "skipSave"),
    ("is_runtime", "runtime"),
    ("is_library_editable", "libraryEditable"),
    ("is_path_output", "pathOutput"),
)


_DYNAMIC = {}  # property pointer -> probe result, filled by build()


def _property(p, enums, user):
    ptype = p.type.lower()
    out = {
        "identifier": p.identifier,
        "name": p.name,
        "description": p.description,
        "type": ptype,
        "subtype": p.subtype,
        "unit": p.unit,
    }
    for attr, key in _FLAGS:
        if getattr(p, attr):
            out[key] = True
    if ptype in ("boolean", "int", "float"):
        length = p.array_length
        out["arrayLength"] = length
        if length or p.is_array:
            out["arrayDimensions"] = [d for d in p.array_dimensions if d]
            out["default"] = [_num(v) for v in p.default_array]
        else:
            out["default"] = _num(p.default)
        if ptype != "boolean":
            out["hardMin"] = _num(p.hard_min)
            out["hardMax"] = _num(p.hard_max)
            out["softMin"] = _num(p.soft_min)
            out["softMax"] = _num(p.soft_max)
            out["step"] = _num(p.step)
            if ptype == "float":
                out["precision"] = p.precision
    elif ptype == "string":
        out["default"] = p.default
        out["maxLength"] = p.length_max
    elif ptype == "enum":
        items_now = [_Enums._item_tuple(i) for i in p.enum_items]
        items_static = [_Enums._item_tuple(i) for i in p.enum_items_static]
        probe = _DYNAMIC.get(p.as_pointer())
        if probe is not None and [i[0] for i in items_now] != probe[2]:
            # A probe lists what is valid for one instance (a viewer image's `source` is only
            # VIEWER); the static items stay valid elsewhere. Keep both: the static list (unless it
            # is a placeholder), then what only the live callback offers (add-on render engines).
            live = _dynamic_items(probe, items_now)
            base = [] if _is_placeholder(items_static) else list(items_static)
            known = {i[0] for i in base}
            items_now = base + [i for i in live if i[0] not in known]
        dynamic = items_now != items_static or not items_static or _is_placeholder(items_static)
        out["enum"] = enums.key_for(items_now, user)
        if dynamic:
            out["dynamic"] = True
        if p.is_enum_flag:
            out["flag"] = True
            out["default"] = sorted(p.default_flag)
        else:
            out["default"] = p.default
    elif ptype == "pointer":
        out["fixedType"] = p.fixed_type.identifier
    elif ptype == "collection":
        out["fixedType"] = p.fixed_type.identifier
        if p.srna is not None:
            out["srna"] = p.srna.identifier
    return out


def _function(f, enums, user):
    params, returns = [], []
    for p in f.parameters:
        entry = _property(p, enums, "%s.%s" % (user, p.identifier))
        (returns if p.is_output else params).append(entry)
    kind = "method" if f.use_self else ("classmethod" if f.use_self_type else "staticmethod")
    out = {
        "identifier": f.identifier,
        "description": f.description,
        "kind": kind,
        "useSelf": bool(f.use_self),
        "useSelfType": bool(f.use_self_type),
        "parameters": params,
        "returns": returns,
    }
    if f.is_registered:
        out["registered"] = True
    if f.is_registered_optional:
        out["registeredOptional"] = True
    return out


def _collect_structs():
    """All RNA structs (bpy.types, their subclasses, and everything reachable), by identifier."""
    found = {}
    in_types = set()
    pending = []
    for name in dir(bpy.types):
        cls = getattr(bpy.types, name, None)
        srna = getattr(cls, "bl_rna", None)
        if srna is None or not isinstance(cls, type):
            continue
        in_types.add(srna.identifier)
        pending.append(srna)
        stack = [cls]
        while stack:  # add-on classes not exposed in bpy.types (rna_info does the same)
            for sub in stack.pop().__subclasses__():
                sub_rna = getattr(sub, "bl_rna", None)
                if sub_rna is not None:
                    pending.append(sub_rna)
                stack.append(sub)
    while pending:
        srna = pending.pop()
        ident = srna.identifier
        if ident in found:
            continue
        found[ident] = srna
        if srna.base is not None:
            pending.append(srna.base)
        if srna.nested is not None:
            pending.append(srna.nested)
        # Inherited members are reached through `base`, so only own ones need walking.
        base = srna.base
        props = _own(srna.properties, base.properties if base else ())
        for f in _own(srna.functions, base.functions if base else ()):
            props.extend(f.parameters)
        for p in props:
            ptype = p.type
            if ptype == "POINTER" or ptype == "COLLECTION":
                pending.append(p.fixed_type)
                if ptype == "COLLECTION":
                    wrapper = p.srna
                    if wrapper is not None:
                        pending.append(wrapper)
    return found, in_types


_OWN_CACHE = {}


def _own(items, base_items):
    """Members of `items` not inherited from `base_items` (cached per collection owner)."""
    items = list(items)
    if not items:
        return items
    base = {i.as_pointer() for i in base_items}
    return [i for i in items if i.as_pointer() not in base]


def _structs(enums):
    found, in_types = _collect_structs()
    out = []
    for ident in sorted(found):
        if _OPERATOR_STRUCT.match(ident):
            continue
        srna = found[ident]
        base = srna.base
        props = _own(srna.properties, base.properties if base else ())
        funcs = _own(srna.functions, base.functions if base else ())
        is_id, b = False, srna
        while b is not None:
            if b.identifier == "ID":
                is_id = True
                break
            b = b.base
        entry = {
            "identifier": ident,
            "name": srna.name,
            "description": srna.description,
            "base": base.identifier if base else None,
            "nested": srna.nested.identifier if srna.nested else None,
            "isID": is_id,
            "inBpyTypes": ident in in_types,
            "properties": [
                _property(p, enums, "%s.%s" % (ident, p.identifier))
                for p in props
                if p.identifier != "rna_type" or base is None
            ],
            "functions": [_function(f, enums, "%s.%s" % (ident, f.identifier)) for f in funcs],
            "python": [],
        }
        if srna.name_property is not None:
            entry["nameProperty"] = srna.name_property.identifier
        cls = getattr(bpy.types, ident, None)
        if cls is not None and getattr(cls, "bl_rna", None) == srna:
            rna_names = {p.identifier for p in srna.properties} | {f.identifier for f in srna.functions}
            entry["python"] = bpyts_pydoc.python_members(cls, rna_names, _PY_TYPES_MODULES)
        out.append(entry)
    return out


def _operators(enums):
    import _bpy

    out = []
    for rna_ident in sorted(_bpy.ops.dir()):
        mod, sep, name = rna_ident.partition("_OT_")
        if not sep:
            continue
        idname = "%s.%s" % (mod.lower(), name)
        rna = _bpy.ops.get_rna_type(rna_ident)
        try:
            options = sorted(getattr(getattr(bpy.ops, mod.lower()), name).bl_options)
        except Exception:
            options = []
        entry = {
            "idname": idname,
            "rnaIdentifier": rna_ident,
            "name": rna.name,
            "description": rna.description,
            "options": options,
            "properties": [
                _property(p, enums, "%s.%s" % (idname, p.identifier))
                for p in rna.properties
                if p.identifier != "rna_type"
            ],
        }
        if isinstance(getattr(bpy.types, rna_ident, None), type):
            entry["python"] = True
        out.append(entry)
    out.sort(key=lambda o: o["idname"])
    return out


def _context(struct_ids):
    import _bpy

    version = bpy.app.version
    table = bpyts_context.context_type_map(version)
    sources = {}
    for source, names in _bpy.context_members().items():
        for name in names:
            sources.setdefault(name, set()).add(source)
    context_props = {p.identifier for p in bpy.types.Context.bl_rna.properties}
    missing = sorted(n for n in sources if n not in table and n not in context_props)
    if missing:
        raise RuntimeError(
            "bpyts: bpy.context members missing from the type map in bpyts_context.py for Blender %s: %s"
            % (bpy.app.version_string, ", ".join(missing))
        )
    out, bad = [], []
    for name in sorted(sources):
        if name in context_props and name not in table:
            continue
        type_name, is_collection = table[name]
        if type_name.startswith("py:"):
            kind, type_name = "python", type_name[3:]
        else:
            kind = "struct"
            if type_name not in struct_ids:
                bad.append("%s -> %s" % (name, type_name))
        out.append(
            {
                "name": name,
                "type": type_name,
                "typeKind": kind,
                "collection": is_collection,
                "sources": sorted(sources[name]),
            }
        )
    if bad:
        raise RuntimeError(
            "bpyts: context members mapped to structs that Blender %s does not have: %s"
            % (bpy.app.version_string, ", ".join(bad))
        )
    return out


def _app():
    app_type = type(bpy.app)
    fields = []
    for name in sorted(n for n in dir(app_type) if not n.startswith("_")):
        if name in ("count", "index", "n_fields", "n_sequence_fields", "n_unnamed_fields"):
            continue
        descriptor = getattr(app_type, name)
        try:
            value = getattr(bpy.app, name)
        except Exception:
            continue
        entry = {
            "name": name,
            "pyType": type(value).__name__,
            "doc": (getattr(descriptor, "__doc__", None) or "").strip()
            if not callable(value) or isinstance(value, type) is False
            else "",
        }
        if not isinstance(entry["doc"], str):
            entry["doc"] = ""
        if name.startswith("version"):
            if isinstance(value, tuple):
                entry["value"] = list(value)
            elif isinstance(value, (str, int, bool)):
                entry["value"] = value
        fields.append(entry)
    handlers = sorted(n for n in dir(bpy.app.handlers) if isinstance(getattr(bpy.app.handlers, n), list))
    return {"fields": fields, "handlers": handlers}


def _resolve(name):
    import importlib

    try:
        return importlib.import_module(name), None
    except BaseException as ex:  # noqa: BLE001
        parts = name.split(".")
        try:
            obj = importlib.import_module(parts[0])
            for part in parts[1:]:
                obj = getattr(obj, part)
            return obj, None
        except BaseException:  # noqa: BLE001
            return None, "%s: %s" % (type(ex).__name__, ex)


def _modules():
    import pkgutil

    names = set(_MODULES)
    for package in _PACKAGES:
        mod, _ = _resolve(package)
        if mod is not None and hasattr(mod, "__path__"):
            for info in pkgutil.iter_modules(mod.__path__):
                if not info.name.startswith("_"):
                    names.add("%s.%s" % (package, info.name))
        elif mod is not None:
            for key in dir(mod):
                if not key.startswith("_") and type(getattr(mod, key)).__name__ == "module":
                    names.add("%s.%s" % (package, key))
    out = []
    for name in sorted(names):
        obj, error = _resolve(name)
        if obj is None:
            out.append(
                {
                    "name": name,
                    "doc": "",
                    "importError": bpyts_pydoc.clean_repr(error).strip("'\""),
                    "classes": [],
                    "functions": [],
                    "attributes": [],
                    "submodules": [],
                }
            )
            continue
        out.append(bpyts_pydoc.describe_object(obj, name))
    for entry in out:
        children = {n for n in names if n.rsplit(".", 1)[0] == entry["name"]}
        entry["submodules"] = sorted(children | set(entry["submodules"]))
    out.append(bpyts_pydoc.describe_object(bpy.types, "bpy.types", lambda n: n in _BPY_TYPES_CLASSES))
    out.sort(key=lambda m: m["name"])
    return out


def _enable_addons(addons):
    if not addons:
        return
    import addon_utils

    for name in addons:
        mod = addon_utils.enable(name, default_set=True, persistent=True)
        if mod is None:
            raise RuntimeError("bpyts: cannot enable add-on %r" % name)


def build(addons=()):
    """The schema document (a dict) for the running Blender."""
    addons = sorted(set(a for a in addons if a))
    _enable_addons(addons)
    enums = _Enums()
    _DYNAMIC.clear()
    _DYNAMIC.update(_probe_dynamic_enums())
    structs = _structs(enums)
    operators = _operators(enums)
    struct_ids = {s["identifier"] for s in structs}
    doc = {
        "formatVersion": FORMAT_VERSION,
        "blender": {
            "version": list(bpy.app.version),
            "versionString": "%d.%d.%d" % tuple(bpy.app.version),
            "python": "%d.%d.%d" % tuple(sys.version_info[:3]),
        },
        "addons": addons,
        "structs": structs,
        "enums": {k: enums.defs[k] for k in sorted(enums.defs)},
        "operators": operators,
        "context": _context(struct_ids),
        "data": bpy.types.BlendData.bl_rna.identifier,
        "app": _app(),
        "modules": _modules(),
    }
    _DYNAMIC.clear()
    return doc


def serialize(doc):
    return json.dumps(doc, ensure_ascii=True, sort_keys=True, separators=(",", ":"), allow_nan=False) + "\n"


def dump(output_path, addons=()):
    """Write the schema to output_path (.json, or .json.gz compressed with mtime 0); return it."""
    import gc

    # The dump allocates ~1M small objects and frees none: cyclic GC passes are pure overhead.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        doc = build(addons)
        data = serialize(doc).encode("utf-8")
    finally:
        if gc_was_enabled:
            gc.enable()
    if output_path.endswith(".gz"):
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
            gz.write(data)
        data = buf.getvalue()
    tmp = output_path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, output_path)
    return doc


def _main(argv):
    import argparse

    parser = argparse.ArgumentParser(prog="bpyts_introspect.py")
    parser.add_argument("--output", "-o", required=True)
    parser.add_argument("--addons", default="")
    args = parser.parse_args(argv)
    dump(args.output, [a.strip() for a in args.addons.split(",") if a.strip()])


if __name__ == "__main__":
    _main(sys.argv[sys.argv.index("--") + 1 :] if "--" in sys.argv else [])
