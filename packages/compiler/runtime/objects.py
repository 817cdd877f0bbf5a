"""Objects, Maps and Sets: own fields, keys, `in`, `delete`, Object.assign, compound updates.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

from .convert import _js_num_str
from .errors import JsTypeError


# helper: _js_field_name
_JS_PY_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else except "
    "finally for from global if import in is lambda nonlocal not or pass raise return try while "
    "with yield".split()
)


def _js_field_name(k):
    """The JavaScript name of a public attribute (the inverse of the compiler's memberName):
    S__x is __x, from_ is from, a__ is a_, and a name ending in exactly one _ after a non-keyword
    is an escaped name (a_0020b_ is "a b")."""
    if k[:1] == "S" and "__" in k and k.lstrip("S")[:1] == "_":
        k = k[1:]
        return k[:-1] if k[-1:] == "_" else k
    if k[-1:] != "_":
        return k
    k = k[:-1]
    if k[-1:] == "_" or k in _JS_PY_KEYWORDS:
        return k
    out = []
    i = 0
    while i < len(k):
        u = k[i + 1 : i + 2] == "U"
        h = k[i + 2 : i + 8] if u else k[i + 1 : i + 5]
        if k[i] == "_" and len(h) == (6 if u else 4) and all(c in "0123456789abcdef" for c in h):
            out.append(chr(int(h, 16)))
            i += 8 if u else 5
        else:
            # an attribute the compiler did not name (set by Python code): kept as it is
            out.append(k[i])
            i += 1
    return "".join(out)


# helper: _js_attr_name
def _js_attr_name(k):
    """The Python attribute of a JavaScript property name (the compiler's memberName)."""
    if not (k.isascii() and k.isidentifier()):
        out = []
        for c in k:
            if "a" <= c <= "z" or "A" <= c <= "Z" or out and "0" <= c <= "9":
                out.append(c)
            else:
                o = ord(c)
                out.append("_%04x" % o if o < 0x10000 else "_U%06x" % o)
        return "".join(out) + "_"
    if k in _JS_PY_KEYWORDS or k.endswith("_"):
        k += "_"
    if "__" in k and k.lstrip("S")[:1] == "_":
        k = "S" + k
    return k


# helper: _js_fields
def _js_fields(obj):
    """The own enumerable properties of a class instance by their JavaScript names (the inverse
    of the compiler's memberName, _js_field_name), without #private fields (mangled _C__x) nor
    an Error's message. Primitives as Object(x) sees them: a string's UTF-16 units by index, an
    array's elements by index, nothing for a number or boolean; null/undefined throw."""
    if obj is None:
        raise JsTypeError("Cannot convert undefined or null to object")
    if isinstance(obj, str):
        b = obj.encode("utf-16-le", "surrogatepass")
        return {str(i): b[2 * i:2 * i + 2].decode("utf-16-le", "surrogatepass") for i in range(len(b) // 2)}
    if isinstance(obj, (list, tuple)):
        return {str(i): v for i, v in enumerate(obj)}
    if isinstance(obj, dict):
        return {k if isinstance(k, str) else str(k): v for k, v in obj.items()}
    if not hasattr(obj, "__dict__"):
        return {}
    out = {}
    error = isinstance(obj, BaseException)
    for k, v in vars(obj).items():
        if k[:1] == "_" and "__" in k or error and k == "message":
            continue
        out[_js_field_name(k)] = v
    return out


# helper: _js_enum_fields
def _js_enum_fields(enum):
    """An enum object as JavaScript sees it: the members and the reverse mappings of the numeric
    ones (value -> name), integer keys first in ascending order."""
    out = {}
    for k, v in vars(enum).items():
        if k[:1] == "_" and "__" in k:
            continue
        k = _js_field_name(k)
        out[k] = v
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            out[_js_num_str(v)] = k
    ints = sorted(
        (k for k in out if k.isdigit() and (k == "0" or k[0] != "0") and int(k) < 4294967295),
        key=int,
    )
    if not ints:
        return out
    return {**{k: out[k] for k in ints}, **{k: v for k, v in out.items() if k not in ints}}


# helper: _js_enum_key
def _js_enum_key(enum, value):
    """Reverse mapping of a numeric enum: Color[Color.Red] is "Red" (the last member wins)."""
    found = None
    for key, member in vars(enum).items():
        if member == value and not isinstance(member, bool) and not (key[0] == "_" and "__" in key):
            found = key
    return None if found is None else _js_field_name(found)


# helper: _js_own_keys
def _js_index_key(k):
    """A key JavaScript orders first: an array index ("0", "7", not "07"), as its number."""
    if isinstance(k, str):
        if k.isdigit() and k.isascii() and (k == "0" or k[0] != "0"):
            n = int(k)
            return n if n < 4294967295 else None
        return None
    if isinstance(k, int) and not isinstance(k, bool) and 0 <= k < 4294967295:
        return k
    return None


def _js_own_keys(d):
    """A plain object's keys in JavaScript's order: array-index keys first, ascending, then the
    others in insertion order (a Python dict keeps insertion order only)."""
    keys = list(d)
    first = [k for k in keys if _js_index_key(k) is not None]
    if not first:
        return keys
    first.sort(key=_js_index_key)
    return first + [k for k in keys if _js_index_key(k) is None]


# helper: _js_own_values
def _js_own_values(d):
    """Object.values of a plain object, in JavaScript's property order."""
    return [d[k] for k in _js_own_keys(d)]


# helper: _js_own_entries
def _js_own_entries(d):
    """Object.entries of a plain object, in JavaScript's property order."""
    return [[k, d[k]] for k in _js_own_keys(d)]


# helper: _js_keys
def _js_keys(obj):
    """for...in / Object.keys: string keys of a dict (in JavaScript's order), indices of a list,
    fields of an object."""
    if isinstance(obj, dict):
        return [k if isinstance(k, str) else str(k) for k in _js_own_keys(obj)]
    if isinstance(obj, list):
        return [str(i) for i in range(len(obj))]
    if isinstance(obj, str):
        return [str(i) for i in range(len(obj.encode("utf-16-le", "surrogatepass")) // 2)]
    return list(_js_fields(obj))


# helper: _js_in
def _js_in(key, obj):
    if isinstance(obj, dict):
        return key in obj
    if isinstance(obj, list):
        try:
            i = int(key)
        except (TypeError, ValueError):
            return key == "length"
        return 0 <= i < len(obj) and str(i) == str(key)
    return hasattr(obj, key)


# helper: _js_map_set
def _js_map_set(m, key, value):
    m[key] = value
    return m


# helper: _js_delete
def _js_delete(m, key):
    """Map.delete / Set.delete: True when the key was present."""
    if key in m:
        del m[key]
        return True
    return False


# helper: _js_bpy_items
def _js_bpy_items(items):
    """EnumProperty items held in a JS array: bpy wants each item as a tuple (None: separator)."""
    return [i if i is None else tuple(i) for i in items]


# helper: _js_set_add
def _js_set_add(s, value):
    s[value] = None
    return s


# helper: _js_assign
def _js_assign(target, *sources):
    for source in sources:
        if source is not None:
            target.update(source)
    return target


# helper: _js_update_attr
def _js_update_attr(obj, name, delta, prefix):
    """obj.name++ / ++obj.name (and --) used as a value."""
    old = getattr(obj, name)
    setattr(obj, name, old + delta)
    return old + delta if prefix else old


# helper: _js_update_item
def _js_update_item(obj, key, delta, prefix):
    """obj[key]++ / ++obj[key] (and --) used as a value."""
    old = obj[key]
    obj[key] = old + delta
    return old + delta if prefix else old


# helper: _js_assign_attr
def _js_assign_attr(obj, name, value):
    """(obj.name = value) used as a value."""
    setattr(obj, name, value)
    return value


# helper: _js_assign_item
def _js_assign_item(obj, key, value):
    """(obj[key] = value) used as a value."""
    obj[key] = value
    return value


# helper: _js_live
def _js_live(d, mode=0):
    """Iterate a Set or Map (a dict) as JavaScript does while the loop changes it: entries added
    meanwhile are visited too, entries deleted before their turn are not (Python raises
    RuntimeError when a dict changes size during iteration). mode: 0 keys, 1 (key, value)
    pairs, 2 values — each read when its turn comes."""
    seen = set()
    while True:
        fresh = [k for k in d if k not in seen]
        if not fresh:
            return
        for k in fresh:
            if k in d:
                seen.add(k)
                yield k if mode == 0 else (k, d[k]) if mode == 1 else d[k]
