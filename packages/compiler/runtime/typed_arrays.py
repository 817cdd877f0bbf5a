"""Typed arrays (Float32Array, Int32Array, ...) on Python's array module.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import array
import math

from .convert import _js_num_str, _js_truthy
from .errors import JsRangeError, JsTypeError


# helper: _js_typed_array
def _js_typed_array(code, x):
    """new Float32Array(length | iterable): array.array("f"/"d"), zero-filled for a length."""
    if isinstance(x, bool) or x is None:
        x = 0 if x is None or x is False else 1
    if isinstance(x, (int, float)):
        if x != x:
            x = 0
        # ToIndex: truncated (new Float32Array(1.5) has length 1), at least 0 and finite
        if x <= -1 or x == math.inf:
            raise JsRangeError("Invalid typed array length: " + _js_num_str(x))
        return array.array(code, bytes(array.array(code).itemsize * int(x)))
    return array.array(code, [math.nan if v is None else v for v in x])


# helper: _js_typed_fill
def _js_typed_fill(a, value, start=0, end=None):
    n = len(a)
    start = max(n + int(start), 0) if start < 0 else min(int(start), n)
    end = n if end is None else (max(n + int(end), 0) if end < 0 else min(int(end), n))
    for i in range(start, end):
        a[i] = value
    return a


# helper: _js_typed_set
def _js_typed_set(a, src, offset=0):
    src = list(src)
    offset = int(offset)
    if offset < 0 or offset + len(src) > len(a):
        raise JsRangeError("offset is out of bounds")
    for i, v in enumerate(src):
        a[offset + i] = v


# helper: _js_typed_slice
def _js_typed_slice(a, start=0, end=None):
    n = len(a)
    start = max(n + int(start), 0) if start < 0 else min(int(start), n)
    end = n if end is None else (max(n + int(end), 0) if end < 0 else min(int(end), n))
    return array.array(a.typecode, a[start:end] if start < end else [])


# helper: _js_typed_indexOf
def _js_typed_indexOf(a, value, start=0):
    n = len(a)
    start = max(n + int(start), 0) if start < 0 else int(start)
    for i in range(start, n):
        if a[i] == value:
            return i
    return -1


# helper: _js_typed_join
def _js_typed_join(a, sep=","):
    return sep.join(_js_num_str(v) for v in a)


# helper: _js_typed_map
def _js_typed_map(a, fn, n):
    """map: the results stored in a new typed array of the same kind (rounded for float32)."""
    return array.array(a.typecode, [fn(*(v, i, a)[:n]) for i, v in enumerate(a)])


# helper: _js_typed_filter
def _js_typed_filter(a, fn, n):
    return array.array(a.typecode, [v for i, v in enumerate(a) if _js_truthy(fn(*(v, i, a)[:n]))])


# helper: _js_typed_reduce
def _js_typed_reduce(a, fn, n, *init):
    it = iter(enumerate(a))
    if init:
        acc = init[0]
    else:
        try:
            acc = next(it)[1]
        except StopIteration:
            raise JsTypeError("Reduce of empty array with no initial value") from None
    for i, v in it:
        acc = fn(*(acc, v, i, a)[:n])
    return acc


# helper: _js_typed_forEach
def _js_typed_forEach(a, fn, n):
    for i, v in enumerate(a):
        fn(*(v, i, a)[:n])
