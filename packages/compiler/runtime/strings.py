"""String.prototype methods with JavaScript semantics (UTF-16 indices where Python's differ).

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import math

from .convert import _js_num_str, _js_slice_index, _js_to_int
from .errors import JsRangeError


# helper: _js_repeat
def _js_repeat(s, count):
    """String.prototype.repeat with a count that may be a float."""
    n = _js_to_int(count)
    if n < 0 or n == float("inf"):
        raise JsRangeError("Invalid count value: " + _js_num_str(count))
    if s and len(s) * n > 536870888:
        raise JsRangeError("Invalid string length")
    return s * n if s else ""


# helper: _js_uint16
def _js_uint16(x):
    """ToUint16 (String.fromCharCode): truncated modulo 2^16, NaN and ±Infinity are 0."""
    x = _js_to_int(x)
    return 0 if isinstance(x, float) else x & 0xFFFF


# helper: _js_str_last_index_of
def _js_str_last_index_of(s, sub, pos):
    """String.prototype.lastIndexOf with a position: NaN searches the whole string."""
    pos = len(s) if pos is None or pos != pos else _js_to_int(pos)
    start = max(0, min(pos, len(s)))
    return s.rfind(sub, 0, start + len(sub))


# helper: _js_char_at
def _js_char_at(s, i=0):
    i = _js_to_int(i)
    return s[i] if 0 <= i < len(s) else ""


# helper: _js_char_code_at
def _js_char_code_at(s, i=0):
    i = _js_to_int(i)
    return ord(s[i]) if 0 <= i < len(s) else math.nan


# helper: _js_code_point_at
def _js_code_point_at(s, i=0):
    """String.prototype.codePointAt: undefined (not NaN) out of range."""
    i = _js_to_int(i)
    return ord(s[i]) if 0 <= i < len(s) else None


# helper: _js_substring
def _js_substring(s, start, end=None):
    n = len(s)
    a = max(0, min(n, _js_slice_index(start)))
    b = n if end is None else max(0, min(n, _js_slice_index(end)))
    if a > b:
        a, b = b, a
    return s[a:b]


# helper: _js_str_index_of
def _js_str_index_of(s, sub, start=0):
    start = max(0, min(len(s), _js_to_int(start)))
    return s.find(sub, start)


# helper: _js_split
def _js_split(s, sep=None, limit=None):
    if sep is None:
        parts = [s]
    elif sep == "":
        parts = list(s)
    else:
        parts = s.split(sep)
    # the limit is ToUint32'd: -1 keeps everything
    if limit is None:
        return parts
    limit = _js_to_int(limit)
    return parts[: 0 if isinstance(limit, float) else limit & 0xFFFFFFFF]


# helper: _js_replace
def _js_replace(s, pattern, replacement, replace_all=False):
    """String.prototype.replace/replaceAll with a string pattern ($& and $$ patterns expand)."""
    out = []
    pos = 0
    while True:
        i = s.find(pattern, pos)
        if i < 0 or (replace_all is False and out):
            break
        if callable(replacement):
            rep = replacement(pattern, i, s)
        else:
            rep, j = [], 0
            while j < len(replacement):
                c = replacement[j]
                nxt = replacement[j + 1 : j + 2]
                if c == "$" and nxt in ("$", "&", "\u0060", "'"):
                    rep.append({"$": "$", "&": pattern, "\u0060": s[:i], "'": s[i + len(pattern):]}[nxt])
                    j += 2
                else:
                    rep.append(c)
                    j += 1
            rep = "".join(rep)
        out.append(s[pos:i] + rep)
        pos = i + len(pattern)
        if not pattern:
            if i < len(s):
                out.append(s[i])
            pos = i + 1
            if pos > len(s):
                break
        if not replace_all:
            break
    return "".join(out) + s[pos:]


# helper: _js_pad
def _js_pad(s, length, fill=" ", at_start=True):
    if fill is None:  # an undefined fill string is the default
        fill = " "
    length = _js_to_int(length)
    if length <= len(s) or fill == "":
        return s
    if length > 536870888:
        raise JsRangeError("Invalid string length")
    need = length - len(s)
    pad = (fill * (need // len(fill) + 1))[:need]
    return pad + s if at_start else s + pad
