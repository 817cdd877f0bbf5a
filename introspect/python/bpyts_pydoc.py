# bpyts: introspection of Python/C modules and Python-defined members from docstrings.
#
# Type strings are kept as the raw RST text (":type x: float", ":rtype: :class:`Vector`"); the
# TypeScript generator maps them. Where a docstring says nothing the slot is marked "unknown"
# (never silently `any`): this reports what Blender says; types kept by hand live in the
# generator (generator/src/overrides.ts, DOCSTRING_TYPES).

import ast
import builtins
import inspect
import os
import re
import sys
import textwrap
import types

_ADDR = re.compile(r" at 0x[0-9a-fA-F]+")
_FIELD = re.compile(r"^:(\w+)(?:\s+([^:]*?))?:\s?(.*)$")
_DIRECTIVE = re.compile(
    r"^\.\.\s+(function|method|classmethod|staticmethod|class|data|attribute)::\s*([\w.]+)\s*(\(.*\))?\s*$"
)
# Dunders reported as "operators" when a class (not `object`) implements them.
OPERATOR_DUNDERS = (
    "__abs__ __add__ __and__ __bool__ __call__ __contains__ __delitem__ __enter__ __eq__ __exit__ "
    "__float__ __floordiv__ __ge__ __getitem__ __gt__ __hash__ __iadd__ __iand__ __imatmul__ "
    "__imul__ __index__ __int__ __invert__ __ior__ __isub__ __iter__ __itruediv__ __ixor__ __le__ "
    "__len__ __lshift__ __lt__ __matmul__ __mod__ __mul__ __ne__ __neg__ __next__ __or__ __pos__ "
    "__pow__ __radd__ __rand__ __rmatmul__ __rmul__ __ror__ __rshift__ __rsub__ __rtruediv__ "
    "__rxor__ __setitem__ __sub__ __truediv__ __xor__"
).split()


def clean_repr(value):
    try:
        text = repr(value)
    except Exception:
        text = "<unrepresentable>"
    return _ADDR.sub("", text)


def _dedent(doc):
    return inspect.cleandoc(doc) if doc else ""


def parse_doc(doc):
    """Split an RST docstring into (directive, prose, fields).

    directive: (kind, name, params_text) of a leading `.. function:: f(a, b)` line, or None.
    fields: list of (field, arg, text) for `:arg x:`, `:type x:`, `:return:`, `:rtype:`, `:type:`.
    """
    lines = _dedent(doc).splitlines()
    directive = None
    if lines:
        m = _DIRECTIVE.match(lines[0].strip())
        if m:
            directive = (m.group(1), m.group(2), m.group(3))
            lines = _dedent("\n".join(lines[1:])).splitlines()
    prose, fields = [], []
    current = None  # [field, arg, [text lines], indent]
    for line in lines:
        stripped = line.strip()
        m = _FIELD.match(stripped) if stripped.startswith(":") else None
        indent = len(line) - len(line.lstrip())
        if m and m.group(1) in (
            "arg", "param", "type", "return", "returns", "rtype", "raises", "parameter",
            "ivar", "kwarg", "keyword",
        ):
            current = [m.group(1), (m.group(2) or "").strip(), [m.group(3)], indent]
            fields.append(current)
            continue
        if current is not None and (not stripped or indent > current[3]):
            current[2].append(stripped)
            continue
        current = None
        prose.append(line)
    out = []
    for field, arg, text in ((f[0], f[1], f[2]) for f in fields):
        joined = " ".join(t for t in text if t).strip()
        out.append((field, arg, joined))
    return directive, "\n".join(prose).strip(), out


def _fields_map(fields):
    args, arg_types, ret, rtype, attr_type = {}, {}, None, None, None
    for field, arg, text in fields:
        if field in ("arg", "param", "parameter", "kwarg", "keyword"):
            # ":arg float x:" style (type inline)
            parts = arg.split()
            if len(parts) >= 2:
                arg_types.setdefault(parts[-1], " ".join(parts[:-1]))
            if parts:
                args[parts[-1]] = text
        elif field == "type":
            if arg:
                arg_types[arg] = text
            else:
                attr_type = text
        elif field in ("return", "returns"):
            ret = text
        elif field == "rtype":
            rtype = text
    return args, arg_types, ret, rtype, attr_type


_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional_only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional_or_keyword",
    inspect.Parameter.VAR_POSITIONAL: "var_positional",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
    inspect.Parameter.VAR_KEYWORD: "var_keyword",
}


def _split_params(text):
    """Split a parameter list text "(a, b=(1, 2), *, c='x')" at top-level commas."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    parts, depth, cur, quote = [], 0, [], None
    for ch in text:
        if quote:
            cur.append(ch)
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
            continue
        cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts


def _params_from_text(text):
    params, kind = [], "positional_or_keyword"
    for part in _split_params(text):
        part = part.strip()
        # "[, arg]" optional-argument notation, not a "[]" default value
        if part.startswith("[") and part.count("[") > part.count("]"):
            part = part[1:].strip()
        if part.endswith("]") and part.count("]") > part.count("["):
            part = part[:-1].strip()
        if not part:
            continue
        if part == "/":
            for p in params:
                p["kind"] = "positional_only"
            continue
        if part == "*":
            kind = "keyword_only"
            continue
        entry = {}
        if part.startswith("**"):
            entry["name"], entry["kind"] = part[2:], "var_keyword"
        elif part.startswith("*"):
            entry["name"], entry["kind"] = part[1:], "var_positional"
            kind = "keyword_only"
        else:
            name, eq, default = part.partition("=")
            name = name.split(":")[0].strip()
            entry["name"], entry["kind"] = name, kind
            if eq:
                entry["default"] = default.strip()
        if re.match(r"^[A-Za-z_]\w*$", entry["name"]):
            params.append(entry)
    return params


class _ProbeArg:
    """An argument no converter of Blender's accepts (not a number, sequence or Blender type).

    Deliberately inert: a function that keeps it (an owner, a callback) sees an ordinary object.
    """

    __slots__ = ()


_POSITIONAL_LIMIT = re.compile(r"takes (no|at most \d+|exactly \d+) positional argument")
_C_CALLABLES = (types.BuiltinFunctionType, types.MethodDescriptorType, types.ClassMethodDescriptorType)

_PROBE_MODULES = (
    "bmesh.",
    "mathutils.",
    "bl_math.",
    "imbuf.",
    "idprop.",
    "bpy.utils.",
    "bpy.app.timers.",
    "bpy.path.",
)

# Instances the C methods of these classes are probed on (see _positional_limit), made once.
_PROBE_INSTANCES = {}


def _probe_instances():
    if _PROBE_INSTANCES:
        return _PROBE_INSTANCES
    _PROBE_INSTANCES["-"] = None
    try:
        import bmesh
        from mathutils import Color, Euler, Matrix, Quaternion, Vector, bvhtree, kdtree

        bm = bmesh.new()
        verts = [bm.verts.new(co) for co in ((0, 0, 0), (1, 0, 0), (0, 1, 0))]
        face = bm.faces.new(verts)
        bm.edges.ensure_lookup_table()
        tree = kdtree.KDTree(1)
        tree.insert((0, 0, 0), 0)
        tree.balance()
        _PROBE_INSTANCES.update({
            "bmesh.types.BMesh": bm,
            "bmesh.types.BMVert": verts[0],
            "bmesh.types.BMEdge": bm.edges[0],
            "bmesh.types.BMFace": face,
            "bmesh.types.BMLoop": face.loops[0],
            "mathutils.kdtree.KDTree": tree,
            "mathutils.bvhtree.BVHTree": bvhtree.BVHTree.FromPolygons(
                [(0, 0, 0), (1, 0, 0), (0, 1, 0)], [(0, 1, 2)]
            ),
            "mathutils.Vector": Vector((0, 0, 0)),
            "mathutils.Matrix": Matrix(),
            "mathutils.Quaternion": Quaternion(),
            "mathutils.Euler": Euler(),
            "mathutils.Color": Color(),
        })
    except Exception:
        pass
    return _PROBE_INSTANCES


def _positional_limit(obj, qualname, count):
    """How many arguments a C function takes positionally, when fewer than `count`, else None.

    Blender's C functions mark keyword-only parameters with `$` in their argument format
    (`bmesh.new(*, use_operators=True)`), which their docstrings do not show. Called with
    `count` arguments that no converter accepts, the argument parser refuses extra positional
    arguments before converting any ("new() takes no positional arguments"); otherwise the
    first conversion fails. Nothing runs either way.
    """
    if not isinstance(obj, _C_CALLABLES) or not qualname or count == 0:
        return None
    # Only where running with a bad argument is harmless: an argument format of plain objects
    # ("O") lets a call run, and some modules need a GPU or audio device (gpu.state crashes
    # Blender in background mode).
    if not qualname.startswith(_PROBE_MODULES):
        return None
    args = [_ProbeArg() for _ in range(count)]
    if isinstance(obj, types.MethodDescriptorType):
        owner = qualname.rsplit(".", 1)[0]
        instance = _probe_instances().get(owner)
        if instance is None:
            return None
        args.insert(0, instance)
    if os.environ.get("BPYTS_DEBUG"):
        print("KWPROBE", qualname, count, flush=True)
    try:
        obj(*args)
    except TypeError as ex:
        m = _POSITIONAL_LIMIT.search(str(ex))
        if m:
            words = m.group(1).split()
            return 0 if words[0] == "no" else int(words[-1])
    except Exception:
        pass
    return None


# RST type of a returned expression's syntax, for _python_returns.
_RETURN_KINDS = (
    (ast.Dict, "dict"),
    (ast.DictComp, "dict"),
    (ast.List, "list"),
    (ast.ListComp, "list"),
    (ast.Set, "set"),
    (ast.SetComp, "set"),
    (ast.Tuple, "tuple"),
    (ast.JoinedStr, "str"),
    (ast.Compare, "bool"),
)


def _python_returns(obj):
    """(returns a value?, RST type when every returned expression says the same) from the source
    of a Python-defined function; (None, None) when there is no source to read."""
    func = getattr(obj, "__func__", obj)
    if not isinstance(func, types.FunctionType):
        return None, None
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return None, None
    node = tree.body[0] if tree.body else None
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None, None
    values, generator = [], False

    def visit(n):
        nonlocal generator
        for child in ast.iter_child_nodes(n):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(child, (ast.Yield, ast.YieldFrom)):
                generator = True
            if isinstance(child, ast.Return) and child.value is not None:
                if not (isinstance(child.value, ast.Constant) and child.value.value is None):
                    values.append(child.value)
            visit(child)

    visit(node)
    if generator:
        return True, None
    if not values:
        return False, None
    kinds = set()
    for v in values:
        kind = None
        if isinstance(v, ast.Constant) and not isinstance(v.value, bytes):
            kind = {bool: "bool", int: "int", float: "float", str: "str"}.get(type(v.value))
        else:
            kind = next((k for cls, k in _RETURN_KINDS if isinstance(v, cls)), None)
        kinds.add(kind)
    return True, (kinds.pop() if len(kinds) == 1 and None not in kinds else None)


def describe_function(obj, name, kind, qualname=None, doc=None):
    """PyFunction for a Python or C callable."""
    if doc is None:
        doc = getattr(obj, "__doc__", None) or ""
        if not isinstance(doc, str):
            doc = ""
    directive, prose, fields = parse_doc(doc)
    args, arg_types, ret, rtype, _ = _fields_map(fields)
    params, signature, source = None, None, "unknown"
    if directive and directive[2] is not None:
        signature, source = directive[2], "docstring"
        params = _params_from_text(directive[2])
    else:
        try:
            sig = inspect.signature(obj)
            params = []
            for p in sig.parameters.values():
                entry = {"name": p.name, "kind": _KINDS[p.kind]}
                if p.default is not inspect.Parameter.empty:
                    entry["default"] = clean_repr(p.default)
                params.append(entry)
            # Python signature text without annotations (deterministic, no addresses).
            signature = _ADDR.sub("", str(sig.replace(return_annotation=inspect.Signature.empty)))
            source = "inspect"
        except (TypeError, ValueError):
            # bmesh.ops style: "BMeshOpFunc bmesh.ops.bevel(bmesh, geom=[], ...)\n  -> dict(...)"
            first = _dedent(doc).splitlines()[0] if doc.strip() else ""
            m = re.match(r"^[\w. ]*?\b" + re.escape(name) + r"(\(.*\))", first)
            if m:
                signature, source = m.group(1), "docstring"
                params = _params_from_text(m.group(1))
            else:
                params = []
    if kind in ("method", "classmethod", "contextmanager") and source == "inspect" and params:
        if params[0]["name"] in ("self", "cls"):
            params = params[1:]
    if source == "docstring" and params:
        positional = [p for p in params if p["kind"] in ("positional_only", "positional_or_keyword")]
        limit = _positional_limit(obj, qualname, len(positional))
        if limit is not None and limit < len(positional):
            for p in positional[limit:]:
                p["kind"] = "keyword_only"
    out_params = []
    for p in params:
        entry = dict(p)
        t = arg_types.get(p["name"])
        if t:
            entry["type"], entry["typeSource"] = t, "docstring"
        else:
            entry["typeSource"] = "unknown"
        if args.get(p["name"]):
            entry["description"] = args[p["name"]]
        out_params.append(entry)
    returns = {}
    returns_value, inferred = _python_returns(obj)
    if returns_value is not None:
        returns["returnsValue"] = returns_value
    if rtype:
        returns["type"], returns["typeSource"] = rtype, "docstring"
    elif inferred:
        returns["type"], returns["typeSource"] = inferred, "inferred"
    else:
        returns["typeSource"] = "unknown"
    if ret:
        returns["description"] = ret
    if source == "docstring" and re.search(r"->\s*\S", _dedent(doc).split("\n\n")[0]):
        # bmesh.ops: keep the "-> dict(...)" return text
        m = re.search(r"->\s*(.+)", _dedent(doc))
        if m and not ret:
            returns["description"] = m.group(1).strip()
    return {
        "name": name,
        "kind": kind,
        "signature": signature,
        "signatureSource": source,
        "parameters": out_params,
        "returns": returns,
        "doc": prose,
    }


def describe_attribute(obj, name, doc, kind, qualname=None, readonly=None):
    _, prose, fields = parse_doc(doc or "")
    _, _, _, _, attr_type = _fields_map(fields)
    if not attr_type:
        # "type: :class:`X`" (a missing leading colon, seen in bmesh.types docstrings)
        m = re.search(r"^\s*type: (.+)$", doc or "", re.M)
        if m:
            attr_type = m.group(1).strip()
    entry = {"name": name, "kind": kind}
    if attr_type:
        entry["type"], entry["typeSource"] = attr_type, "docstring"
    else:
        entry["typeSource"] = "unknown"
    if kind == "constant":
        value = obj
        entry["type"], entry["typeSource"] = type(value).__name__, "runtime"
        if isinstance(value, bool) or isinstance(value, int):
            entry["value"] = value
        elif isinstance(value, float) and value == value and abs(value) != float("inf"):
            entry["value"] = value
        elif isinstance(value, str) and len(value) < 200 and "/" not in value and "\\" not in value:
            entry["value"] = value
    if readonly or re.search(r"read[- ]?only", doc or "", re.I):
        entry["readonly"] = True
    entry["doc"] = prose
    return entry


def _qual(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def describe_class(cls, module_name):
    name = cls.__name__
    qual = "%s.%s" % (module_name, name)
    doc = cls.__doc__ if isinstance(cls.__doc__, str) else ""
    directive, prose, fields = parse_doc(doc)
    constructor = None
    if directive and directive[0] == "class" and directive[2] is not None:
        constructor = describe_function(cls, name, "function", qual + ".__init__", doc)
    elif "__init__" in cls.__dict__ and isinstance(cls.__dict__["__init__"], types.FunctionType):
        constructor = describe_function(cls.__dict__["__init__"], "__init__", "method", qual + ".__init__")
    methods, attributes = [], []
    for key in sorted(cls.__dict__):
        if key.startswith("__") and key.endswith("__"):
            continue
        raw = cls.__dict__[key]
        member_qual = "%s.%s" % (qual, key)
        if isinstance(raw, (types.FunctionType, types.BuiltinFunctionType, types.MethodDescriptorType)):
            methods.append(describe_function(getattr(cls, key), key, "method", member_qual))
        elif isinstance(raw, classmethod) or type(raw).__name__ == "classmethod_descriptor":
            methods.append(describe_function(getattr(cls, key), key, "classmethod", member_qual))
        elif isinstance(raw, staticmethod):
            methods.append(describe_function(getattr(cls, key), key, "staticmethod", member_qual))
        elif isinstance(raw, property):
            attributes.append(
                describe_attribute(raw, key, raw.__doc__, "property", member_qual, readonly=raw.fset is None)
            )
        elif isinstance(raw, (types.GetSetDescriptorType, types.MemberDescriptorType)):
            attributes.append(describe_attribute(raw, key, raw.__doc__, "property", member_qual))
        elif key.startswith("_") or isinstance(raw, type):
            continue
        elif callable(raw):
            methods.append(describe_function(raw, key, "method", member_qual))
        else:
            attributes.append(describe_attribute(raw, key, "", "constant", member_qual))
    operators = []
    for dunder in OPERATOR_DUNDERS:
        for klass in cls.__mro__:
            if klass is object:
                break
            if dunder in klass.__dict__:
                if klass.__dict__[dunder] is not None:
                    operators.append(dunder)
                break
    bases = [_qual(b) for b in cls.__bases__ if b is not object]
    return {
        "name": name,
        "bases": bases,
        "doc": prose,
        "constructor": constructor,
        "methods": methods,
        "attributes": attributes,
        "operators": operators,
    }


def describe_object(mod, module_name, members_filter=None):
    """PyModule for a module (or module-like object such as bpy.app.translations)."""
    entry = {
        "name": module_name,
        "doc": "",
        "classes": [],
        "functions": [],
        "attributes": [],
        "submodules": [],
    }
    _, prose, _ = parse_doc(mod.__doc__ if isinstance(mod.__doc__, str) else "")
    entry["doc"] = prose
    names = getattr(mod, "__all__", None)
    names = sorted(set(names) if names else (n for n in dir(mod) if not n.startswith("_")))
    for key in names:
        if members_filter and not members_filter(key):
            continue
        try:
            obj = getattr(mod, key)
        except Exception:
            continue
        qual = "%s.%s" % (module_name, key)
        if isinstance(obj, types.ModuleType):
            if obj.__name__.startswith(module_name + ".") or obj.__name__ == qual:
                entry["submodules"].append(qual)
            continue
        if isinstance(obj, type):
            # Only classes defined by this module (C modules: __module__ matches; or no source).
            owner = getattr(obj, "__module__", "") or ""
            c_type = owner == "builtins" and not hasattr(builtins, obj.__name__)
            if owner == module_name or owner.split(".")[0] == module_name.split(".")[0] or c_type or members_filter:
                entry["classes"].append(describe_class(obj, module_name))
            continue
        if callable(obj):
            owner = getattr(obj, "__module__", None)
            if isinstance(obj, types.FunctionType) and owner and owner not in (module_name,) and not owner.startswith(module_name.split(".")[0]):
                continue  # re-exported helper from elsewhere
            entry["functions"].append(describe_function(obj, key, "function", qual))
            continue
        entry["attributes"].append(describe_attribute(obj, key, "", "constant", qual))
    return entry


def python_members(cls, rna_names, owner_modules):
    """Members of a bpy.types class defined in Python (bpy_types.py incl. mixins), sorted."""
    members = {}
    own_rna = cls.bl_rna
    for klass in cls.__mro__:
        if klass is object:
            break
        if klass.__name__ == "bpy_struct":
            # Python mixins come after bpy_struct in the MRO (`class Menu(StructRNA, _GenericUI)`:
            # Menu, bpy_struct, _GenericUI, object): skip bpy_struct itself, keep walking.
            continue
        # Stop at the next RNA base (its members belong to that struct).
        krna = klass.__dict__.get("bl_rna")
        if krna is not None and krna != own_rna:
            break
        if getattr(klass, "__module__", "") not in owner_modules:
            continue
        for key, raw in klass.__dict__.items():
            if key in members or key in rna_names or key.startswith("__") or key == "bl_rna":
                continue
            if key.startswith("_"):
                continue
            members[key] = (klass, raw)
    out = []
    for key in sorted(members):
        klass, raw = members[key]
        qual = "bpy.types.%s.%s" % (cls.__name__, key)
        defined_in = "%s.%s" % (klass.__module__, klass.__qualname__)
        if isinstance(raw, property):
            attr = describe_attribute(raw, key, raw.__doc__, "property", qual, readonly=raw.fset is None)
            entry = {"name": key, "kind": "property", "doc": attr["doc"], "typeSource": attr["typeSource"]}
            if "type" in attr:
                entry["type"] = attr["type"]
            if attr.get("readonly"):
                entry["readonly"] = True
        elif isinstance(raw, (classmethod, staticmethod, types.FunctionType, types.BuiltinFunctionType,
                              types.MethodDescriptorType, types.ClassMethodDescriptorType)):
            kind = (
                "classmethod" if isinstance(raw, classmethod) else
                "staticmethod" if isinstance(raw, staticmethod) else "method"
            )
            if isinstance(raw, types.ClassMethodDescriptorType):
                kind = "classmethod"
            func = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
            fn = describe_function(func, key, kind, qual)
            if kind == "method" and _is_contextmanager(func, fn):
                kind = fn["kind"] = "contextmanager"
            entry = {"name": key, "kind": kind, "doc": fn["doc"], "function": fn}
        else:
            attr = describe_attribute(raw, key, "", "constant", qual)
            entry = {"name": key, "kind": "attribute", "doc": "", "typeSource": attr["typeSource"]}
            if "type" in attr:
                entry["type"] = attr["type"]
        entry["definedIn"] = defined_in
        out.append(entry)
    return out


def _is_contextmanager(func, fn):
    """A method returning a context manager (generator + @contextmanager, or documented so)."""
    wrapped = getattr(func, "__wrapped__", None)
    if wrapped is not None and inspect.isgeneratorfunction(wrapped):
        return True
    rtype = fn["returns"].get("type", "")
    first = fn["doc"].split("\n")[0] if fn["doc"] else ""
    return "context manager" in rtype.lower() or bool(re.search(r"context manager", first, re.I))
