"""Array element access and Array.prototype methods with JavaScript semantics.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import functools

from .convert import _js_str, _js_strict_eq, _js_to_int
from .errors import JsRangeError


# helper: _js_get
def _js_get(seq, i):
    """seq[i] on an array or string: undefined (None) when out of range."""
    if isinstance(i, float):
        if not i.is_integer():
            return None
        i = int(i)
    if 0 <= i < len(seq):
        return seq[i]
    return None


# helper: _js_set
def _js_set(lst, i, value):
    """lst[i] = value on an array, growing it like JavaScript does."""
    if isinstance(i, float) and i.is_integer():
        i = int(i)
    if not isinstance(i, int) or i < 0:
        raise IndexError("array index must be a non-negative integer: " + repr(i))
    if i >= len(lst):
        lst.extend([None] * (i - len(lst) + 1))
    lst[i] = value
    return value


# helper: _js_store_past_end
def _js_store_past_end(a, i, v):
    """a[i] = v where Python's list raised IndexError: JavaScript grows the array to i + 1
    (the elements between read as undefined); a negative or fractional index (a property in
    JavaScript) raises as _js_index does."""
    i = _js_index(i)
    if i < len(a):
        a[i] = v
        return
    if i - len(a) > 100_000_000:
        raise IndexError("bpyts: array index " + repr(i) + " would make a sparse array of " + repr(i + 1) + " elements")
    a.extend([None] * (i - len(a)))
    a.append(v)


# helper: _js_index
def _js_index(i):
    """The index of an array element write: Python counts a negative one from the end, where
    JavaScript sets a property (also for a fractional one); raise rather than differ."""
    if isinstance(i, int) and i >= 0:
        return i
    if isinstance(i, float) and i >= 0 and i.is_integer():
        return int(i)
    raise IndexError(
        "bpyts: array index " + repr(i) + " out of range (JavaScript would set a property)"
    )


# helper: _js_array_length
def _js_array_length(n):
    """new Array(n): n must be an integer 0 <= n < 2^32 (an integral float is fine)."""
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if not isinstance(n, int) or not 0 <= n <= 0xFFFFFFFF:
        raise JsRangeError("Invalid array length")
    return n


# helper: _js_from_length
def _js_from_length(n):
    """Array.from({ length: n }): ToLength (truncated, NaN and negatives 0), at most 2^32 - 1."""
    n = _js_to_int(n)
    if n <= 0:
        return 0
    if n > 0xFFFFFFFF:
        raise JsRangeError("Invalid array length")
    return n


# helper: _js_set_length
def _js_set_length(lst, n):
    n = _js_array_length(n)
    if n < len(lst):
        del lst[n:]
    else:
        lst.extend([None] * (n - len(lst)))
    return n


# helper: _js_index_of
def _js_index_of(seq, value, start=0):
    start = min(_js_to_int(start), len(seq))
    if start < 0:
        start = max(0, len(seq) + start)
    for i in range(start, len(seq)):
        if _js_strict_eq(seq[i], value):
            return i
    return -1


# helper: _js_last_index_of
def _js_last_index_of(seq, value, *start):
    # a fromIndex passed as undefined is 0, not "missing" (the method counts its arguments)
    i = _js_to_int(start[0]) if start else len(seq) - 1
    if i < 0:
        i += len(seq)
    i = min(i, len(seq) - 1)
    while i >= 0:
        if _js_strict_eq(seq[i], value):
            return i
        i -= 1
    return -1


# helper: _js_includes
def _js_includes(seq, value):
    """Array.prototype.includes (SameValueZero: NaN is found)."""
    if value != value:
        return any(v != v for v in seq if isinstance(v, float))
    plain = (int, float, str)
    return any(
        v is value
        or (type(v) is not bool and type(value) is not bool and isinstance(v, plain) and isinstance(value, plain) and v == value)
        for v in seq
    )


# helper: _js_push
def _js_push(lst, *items):
    lst.extend(items)
    return len(lst)


# helper: _js_pop
def _js_pop(lst):
    return lst.pop() if lst else None


# helper: _js_shift
def _js_shift(lst):
    return lst.pop(0) if lst else None


# helper: _js_unshift
def _js_unshift(lst, *items):
    lst[0:0] = items
    return len(lst)


# helper: _js_splice
def _js_splice(lst, start, *rest):
    """Array.prototype.splice: removes and returns lst[start:start + count], inserts the rest."""
    n = len(lst)
    start = _js_to_int(start)
    start = max(n + start, 0) if start < 0 else min(start, n)
    if not rest:
        count = n - start
    else:
        count = max(0, min(_js_to_int(rest[0]), n - start))
    removed = lst[start:start + count]
    lst[start:start + count] = list(rest[1:])
    return removed


# helper: _js_reverse
def _js_reverse(lst):
    lst.reverse()
    return lst


# helper: _js_sort
def _js_sort(lst, compare=None):
    """Array.prototype.sort: by string value unless given a comparator; undefined last."""
    values = [v for v in lst if v is not None]
    missing = len(lst) - len(values)
    if compare is None:
        values.sort(key=lambda v: _js_str(v).encode("utf-16-be"))
    else:
        def order(a, b):
            r = compare(a, b)
            return 0 if r != r else r
        values.sort(key=functools.cmp_to_key(order))
    lst[:] = values + [None] * missing
    return lst


# helper: _js_join
def _js_join(seq, sep=","):
    """Array.prototype.join: null/undefined become empty strings (an undefined separator is ",")."""
    if sep is None:
        sep = ","
    return sep.join("" if v is None else _js_str(v) for v in seq)


# helper: _js_flat
def _js_flat(seq, depth=1):
    if depth is None:  # an undefined depth is the default
        depth = 1
    out = []
    for v in seq:
        if isinstance(v, list) and depth >= 1:
            out.extend(_js_flat(v, depth - 1))
        else:
            out.append(v)
    return out


# helper: _js_fill
def _js_fill(lst, value, start=0, end=None):
    n = len(lst)
    start = _js_to_int(start)
    start = max(n + start, 0) if start < 0 else min(start, n)
    end = n if end is None else _js_to_int(end)
    end = max(n + end, 0) if end < 0 else min(end, n)
    for i in range(start, end):
        lst[i] = value
    return lst


# helper: _js_reduce
def _js_reduce(seq, fn, nargs, *initial, right=False):
    """reduce/reduceRight whose callback wants the index (and array) too."""
    indices = list(range(len(seq)))
    if right:
        indices.reverse()
    if initial:
        acc = initial[0]
    elif indices:
        acc = seq[indices.pop(0)]
    else:
        raise TypeError("Reduce of empty array with no initial value")
    for i in indices:
        acc = fn(*(acc, seq[i], i, seq)[:nargs])
    return acc


# helper: _js_find_last_index
def _js_find_last_index(seq, pred):
    for i in range(len(seq) - 1, -1, -1):
        if pred(seq[i], i):
            return i
    return -1


# helper: _js_unpack
def _js_unpack(seq, n, rest=False):
    """Array destructuring: the first n items padded with undefined (plus the rest as a list).

    As in JavaScript, without a rest only n items are read (an endless generator is fine) and an
    iterator left unfinished is closed, which runs a generator's finally blocks."""
    if rest or isinstance(seq, (list, str)):
        items = seq if isinstance(seq, list) else list(seq)
        head = items[:n] + [None] * (n - len(items))
        return head + [items[n:]] if rest else head
    it = iter(seq)
    head = []
    for _ in range(n):
        try:
            head.append(next(it))
        except StopIteration:
            return head + [None] * (n - len(head))
    close = getattr(it, "close", None)
    if close is not None:
        close()
    return head


# helper: _js_at
def _js_at(seq, i):
    i = _js_to_int(i)
    if i < 0:
        i += len(seq)
    return seq[i] if 0 <= i < len(seq) else None
