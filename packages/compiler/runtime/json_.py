"""JSON.stringify and JSON.parse with Node's exact output and errors.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import json
import math
import re

from .convert import _js_num_str, _js_str
from .errors import JsSyntaxError, JsTypeError
from .objects import _js_fields, _js_own_keys


# helper: _js_json_quote
def _js_json_quote(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif c < 0x20 or 0xD800 <= c <= 0xDFFF:
            out.append("\\u%04x" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


# helper: _js_json_call_to_json
def _js_json_call_to_json(to_json, key):
    """value.toJSON(key) as JSON.stringify calls it: the key only if the function takes a
    parameter (a Python function given one too many arguments raises a TypeError)."""
    code = getattr(getattr(to_json, "__func__", to_json), "__code__", None)
    if code is None or code.co_flags & 0x04:  # not Python code, or *args: pass it
        return to_json(key)
    params = code.co_argcount - (1 if hasattr(to_json, "__self__") else 0)
    return to_json(key) if params >= 1 else to_json()


# helper: _js_json_stringify
# an array-index key ("7": …): JavaScript writes those first, json.dumps in insertion order
_JS_JSON_INDEX_KEY_RE = re.compile(r'[{,]\s*"(?:0|[1-9][0-9]*)":')
_JS_JSON_POINT_ZERO_RE = re.compile(r"\.0(?!\d)")
_JS_JSON_EXPONENT_MINUS_RE = re.compile(r"-(?<=\de-)")
_JS_JSON_EXPONENT_PLUS_RE = re.compile(r"\+(?<=\de\+)")
_JS_JSON_DIGITS = str.maketrans("123456789", "000000000")
_JS_JSON_LONG_INT_RE = re.compile(r"0000000000000000(?<![.0]0000000000000000)")
_JS_JSON_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _js_json_stringify(value, replacer=None, indent=None, undefined_keys=None, undefined_top=False):
    """JSON.stringify with Node's exact output. None is null, except where the compiler knows
    from the static type that it is undefined: the values of `undefined_keys` (a frozenset of
    property names, or True for every property) are left out of objects, and a None `value` is
    no JSON at all when `undefined_top` (in arrays undefined is null, as in JavaScript)."""
    if value is None and undefined_top:
        return None
    if isinstance(indent, (int, float)) and not isinstance(indent, bool):
        gap = " " * max(0, min(10, int(indent)))
    elif isinstance(indent, str):
        gap = indent[:10]
    else:
        gap = ""
    # Fast path: the C json module, when its output is provably the same as the writer's below.
    # It raises for what it cannot write (class instances, toJSON, functions, sets: TypeError;
    # NaN/Infinity, cycles: ValueError). Its output differs only for integral floats ("3.0"),
    # exponent floats ("1e-05", "1e+16"), ints beyond 2^53 (JS rounds them), None keys ("null"
    # instead of "undefined") and lone surrogates (written raw): found by searches of the text
    # (a match inside a string only sends the value to the writer), surrogates are escaped.
    # The searches start from rare characters ("+" is found with memchr; "-" is rarer than "e").
    if not gap or not any(c in gap for c in ".0123456789"):
        try:
            out = json.dumps(
                value,
                ensure_ascii=False,
                allow_nan=False,
                indent=gap or None,
                separators=(",", ": ") if gap else (",", ":"),
            )
        except (TypeError, ValueError):
            out = None
        if out is not None and not (
            _JS_JSON_POINT_ZERO_RE.search(out)
            or _JS_JSON_EXPONENT_MINUS_RE.search(out)
            or ("+" in out and _JS_JSON_EXPONENT_PLUS_RE.search(out))
            or '"null":' in out
            or ('":' in out and _JS_JSON_INDEX_KEY_RE.search(out))
            or (undefined_keys and "null" in out)
            or (
                "0000000000000000" in (digits := out.translate(_JS_JSON_DIGITS))
                and _JS_JSON_LONG_INT_RE.search(digits)
            )
        ):
            if not out.isascii() and _JS_JSON_SURROGATE_RE.search(out):
                out = _JS_JSON_SURROGATE_RE.sub(lambda m: "\\u%04x" % ord(m.group()), out)
            return out
    skip = object()

    def write(v, current, key):
        if isinstance(v, dict):
            to_json = v.get("toJSON")
        elif not isinstance(v, (list, tuple, str, int, float)) and v is not None:
            to_json = getattr(v, "toJSON", None)
        else:
            to_json = None
        if callable(to_json):
            v = _js_json_call_to_json(to_json, key)
        if v is None:
            return "null"
        if v is True:
            return "true"
        if v is False:
            return "false"
        if isinstance(v, str):
            return _js_json_quote(v)
        if isinstance(v, (int, float)):
            if isinstance(v, float) and (v != v or v in (math.inf, -math.inf)):
                return "null"
            return _js_num_str(v)
        if callable(v):
            return skip
        inner = current + gap
        if id(v) in open_containers:
            raise JsTypeError("Converting circular structure to JSON")
        open_containers.add(id(v))
        try:
            return write_container(v, current, inner)
        finally:
            open_containers.discard(id(v))

    def write_container(v, current, inner):
        if isinstance(v, (list, tuple)):
            if not v:
                return "[]"
            items = []
            for i, x in enumerate(v):
                s = write(x, inner, str(i))
                items.append("null" if s is skip else s)
            if gap:
                return "[\n" + inner + (",\n" + inner).join(items) + "\n" + current + "]"
            return "[" + ",".join(items) + "]"
        if isinstance(v, dict):
            pairs = [(k, v[k]) for k in _js_own_keys(v)]
        else:
            pairs = _js_fields(v).items() if hasattr(v, "__dict__") else []
        parts = []
        for k, x in pairs:
            name = _js_str(k)
            if x is None and undefined_keys and (undefined_keys is True or name in undefined_keys):
                continue
            s = write(x, inner, name)
            if s is skip:
                continue
            parts.append(_js_json_quote(name) + (": " if gap else ":") + s)
        if not parts:
            return "{}"
        if gap:
            return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + current + "}"
        return "{" + ",".join(parts) + "}"

    open_containers = set()  # ids of the arrays/objects being written: a cycle is a TypeError
    result = write(value, "", "")
    return None if result is skip else result


# helper: _js_json_parse
def _js_json_constant(name):
    raise ValueError("Unexpected token in JSON: " + name)


# json.loads, except NaN/Infinity/-Infinity, which are not JSON (JSON.parse throws)
_JS_JSON_DECODER = json.JSONDecoder(parse_constant=_js_json_constant)


def _js_json_parse(text):
    # JSON.parse throws a SyntaxError (Python's JSONDecodeError is a ValueError); the message
    # is Python's, with the position
    try:
        return _JS_JSON_DECODER.decode(text)
    except ValueError as e:
        raise JsSyntaxError(str(e) + " in JSON") from None
