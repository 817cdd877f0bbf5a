/**
 * Runtime helpers: JavaScript semantics Python lacks, written once as Python source. A helper is
 * emitted at the top of the output (after the imports) only when the program uses it, together
 * with the helpers and standard modules it depends on.
 */

export interface Helper {
  name: string;
  deps: string[];
  imports: string[];
  code: string;
}

const H: Helper[] = [];
function def(name: string, deps: string[], imports: string[], code: string): void {
  H.push({ name, deps, imports, code: code.replace(/^\n/, "").replace(/\s+$/, "") });
}

def(
  "_js_num_str",
  [],
  ["math"],
  String.raw`
def _js_num_str(x):
    """Number to string exactly as JavaScript's String(number)."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        if -9007199254740992 <= x <= 9007199254740992:
            return str(x)
        try:
            x = float(x)
        except OverflowError:
            return "Infinity" if x > 0 else "-Infinity"
    if x != x:
        return "NaN"
    if x == math.inf:
        return "Infinity"
    if x == -math.inf:
        return "-Infinity"
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) <= 9007199254740992:
        return str(int(x))
    sign = "-" if x < 0 else ""
    mantissa, _, exp = repr(abs(x)).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = whole + frac
    point = len(whole) + (int(exp) if exp else 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    k, n = len(digits), point
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    e = n - 1
    es = ("+" if e >= 0 else "-") + str(abs(e))
    if k == 1:
        return sign + digits + "e" + es
    return sign + digits[0] + "." + digits[1:] + "e" + es
`,
);

def(
  "_js_str",
  ["_js_num_str"],
  [],
  String.raw`
def _js_str(x):
    """String(x) with JavaScript semantics."""
    if x is None:
        return "undefined"
    if x is True:
        return "true"
    if x is False:
        return "false"
    if isinstance(x, str):
        return x
    if isinstance(x, (int, float)):
        return _js_num_str(x)
    if isinstance(x, (list, tuple)):
        return ",".join("" if v is None else _js_str(v) for v in x)
    if isinstance(x, dict):
        # an object literal's own toString (ToPrimitive, hint string), else Object.prototype's
        to_string = x.get("toString")
        if callable(to_string):
            return _js_str(to_string())
        return "[object Object]"
    if isinstance(x, BaseException):
        # Python's own exceptions may carry other things under these names (AttributeError.name
        # is the missing attribute or None, ImportError.name the module)
        name = getattr(x, "name", None)
        if not isinstance(name, str) or not isinstance(getattr(type(x), "name", None), str):
            name = type(x).__name__
        message = getattr(x, "message", None)
        if not isinstance(message, str):
            message = str(x)
        return name + ": " + message if message else name
    to_string = getattr(x, "toString", None)
    if callable(to_string):
        return to_string()
    return str(x)
`,
);

def(
  "_js_truthy",
  [],
  [],
  String.raw`
def _js_truthy(x):
    """JavaScript truthiness: [] and {} are true, NaN is false."""
    if x is None or x is False:
        return False
    if x is True:
        return True
    if isinstance(x, (int, float)):
        return x == x and x != 0
    if isinstance(x, str):
        return x != ""
    return True
`,
);

def(
  "_js_div",
  [],
  ["math"],
  String.raw`
def _js_div(a, b):
    """a / b with IEEE semantics (1 / 0 is Infinity)."""
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        negative = (a < 0) != (math.copysign(1.0, b) < 0)
        return -math.inf if negative else math.inf
`,
);

def(
  "_js_mod",
  [],
  ["math"],
  String.raw`
def _js_mod(a, b):
    """a % b with the sign of the dividend."""
    if isinstance(a, int) and isinstance(b, int) and b != 0:
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    if b == 0 or a != a or b != b or a in (math.inf, -math.inf):
        return math.nan
    if b in (math.inf, -math.inf):
        return a
    return math.fmod(a, b)
`,
);

def(
  "_js_pow",
  [],
  ["math"],
  String.raw`
def _js_pow(a, b):
    """a ** b with JavaScript semantics."""
    if b != b:
        return math.nan
    if b == 0:
        return 1
    if a != a:
        return math.nan
    if abs(a) == 1 and b in (math.inf, -math.inf):
        return math.nan
    if (
        isinstance(a, int)
        and isinstance(b, int)
        and b > 64
        and abs(a) >= 2
        and (abs(a).bit_length() - 1) * b >= 1024
    ):
        # at least 2 ** 1024: Infinity, without computing a huge exact integer first
        return -math.inf if a < 0 and b % 2 == 1 else math.inf
    try:
        r = a ** b
    except ZeroDivisionError:
        return -math.inf if math.copysign(1.0, a) < 0 and b % 2 == 1 else math.inf
    except OverflowError:
        return -math.inf if a < 0 and b % 2 == 1 else math.inf
    if isinstance(r, complex):
        return math.nan
    if isinstance(r, int) and abs(r) > 9007199254740992:
        try:
            return float(r)
        except OverflowError:
            return math.inf if r > 0 else -math.inf
    return r
`,
);

def(
  "_js_i32",
  [],
  ["math"],
  String.raw`
def _js_i32(x):
    """ToInt32: the operand of JavaScript's bitwise operators."""
    if isinstance(x, float):
        if x != x or x in (math.inf, -math.inf):
            return 0
        x = int(x)
    elif x is None:
        return 0
    x &= 0xFFFFFFFF
    return x - 0x100000000 if x & 0x80000000 else x
`,
);

def(
  "_js_imul",
  ["_js_i32"],
  [],
  String.raw`
def _js_imul(a, b):
    """Math.imul: the low 32 bits of the product of the ToInt32 operands, signed."""
    return _js_i32(_js_i32(a) * _js_i32(b))
`,
);

def(
  "_js_clz32",
  ["_js_i32"],
  [],
  String.raw`
def _js_clz32(x):
    """Math.clz32: leading zero bits of ToUint32(x)."""
    return 32 - (_js_i32(x) & 0xFFFFFFFF).bit_length()
`,
);

def(
  "_js_fround",
  [],
  ["math", "struct"],
  String.raw`
def _js_fround(x):
    """Math.fround: the nearest single-precision value (round half to even), as a double."""
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)
`,
);

def(
  "_js_u32",
  ["_js_i32"],
  [],
  String.raw`
def _js_u32(x):
    return _js_i32(x) & 0xFFFFFFFF
`,
);

def(
  "_js_shl",
  ["_js_i32", "_js_u32"],
  [],
  String.raw`
def _js_shl(a, b):
    return _js_i32(_js_i32(a) << (_js_u32(b) & 31))
`,
);
def(
  "_js_shr",
  ["_js_i32", "_js_u32"],
  [],
  String.raw`
def _js_shr(a, b):
    return _js_i32(a) >> (_js_u32(b) & 31)
`,
);
def(
  "_js_ushr",
  ["_js_u32"],
  [],
  String.raw`
def _js_ushr(a, b):
    return _js_u32(a) >> (_js_u32(b) & 31)
`,
);

def(
  "_js_strict_eq",
  [],
  [],
  String.raw`
def _js_strict_eq(a, b):
    """a === b for values whose type is not known statically."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return a is b
    return a == b
`,
);

def(
  "_js_get",
  [],
  [],
  String.raw`
def _js_get(seq, i):
    """seq[i] on an array or string: undefined (None) when out of range."""
    if isinstance(i, float):
        if not i.is_integer():
            return None
        i = int(i)
    if 0 <= i < len(seq):
        return seq[i]
    return None
`,
);

def(
  "_js_set",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_index",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_to_int",
  [],
  [],
  String.raw`
def _js_to_int(x):
    """ToIntegerOrInfinity: truncated toward zero, NaN (and undefined) is 0, ±Infinity kept."""
    if isinstance(x, int):
        return x
    if x is None or x != x:
        return 0
    if x in (float("inf"), float("-inf")):
        return x
    return int(x)
`,
);

def(
  "_js_repeat",
  ["_js_to_int", "JsRangeError", "_js_num_str"],
  [],
  String.raw`
def _js_repeat(s, count):
    """String.prototype.repeat with a count that may be a float."""
    n = _js_to_int(count)
    if n < 0 or n == float("inf"):
        raise JsRangeError("Invalid count value: " + _js_num_str(count))
    if s and len(s) * n > 536870888:
        raise JsRangeError("Invalid string length")
    return s * n if s else ""
`,
);

def(
  "_js_uint16",
  ["_js_to_int"],
  [],
  String.raw`
def _js_uint16(x):
    """ToUint16 (String.fromCharCode): truncated modulo 2^16, NaN and ±Infinity are 0."""
    x = _js_to_int(x)
    return 0 if isinstance(x, float) else x & 0xFFFF
`,
);

def(
  "_js_array_length",
  ["JsRangeError"],
  [],
  String.raw`
def _js_array_length(n):
    """new Array(n): n must be an integer 0 <= n < 2^32 (an integral float is fine)."""
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if not isinstance(n, int) or not 0 <= n <= 0xFFFFFFFF:
        raise JsRangeError("Invalid array length")
    return n
`,
);

def(
  "_js_from_length",
  ["_js_to_int", "JsRangeError"],
  [],
  String.raw`
def _js_from_length(n):
    """Array.from({ length: n }): ToLength (truncated, NaN and negatives 0), at most 2^32 - 1."""
    n = _js_to_int(n)
    if n <= 0:
        return 0
    if n > 0xFFFFFFFF:
        raise JsRangeError("Invalid array length")
    return n
`,
);

def(
  "_js_str_last_index_of",
  ["_js_to_int"],
  [],
  String.raw`
def _js_str_last_index_of(s, sub, pos):
    """String.prototype.lastIndexOf with a position: NaN searches the whole string."""
    pos = len(s) if pos is None or pos != pos else _js_to_int(pos)
    start = max(0, min(pos, len(s)))
    return s.rfind(sub, 0, start + len(sub))
`,
);

def(
  "_js_set_length",
  ["_js_array_length"],
  [],
  String.raw`
def _js_set_length(lst, n):
    n = _js_array_length(n)
    if n < len(lst):
        del lst[n:]
    else:
        lst.extend([None] * (n - len(lst)))
    return n
`,
);

def(
  "_js_index_of",
  ["_js_strict_eq", "_js_to_int"],
  [],
  String.raw`
def _js_index_of(seq, value, start=0):
    start = min(_js_to_int(start), len(seq))
    if start < 0:
        start = max(0, len(seq) + start)
    for i in range(start, len(seq)):
        if _js_strict_eq(seq[i], value):
            return i
    return -1
`,
);

def(
  "_js_last_index_of",
  ["_js_strict_eq", "_js_to_int"],
  [],
  String.raw`
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
`,
);

def(
  "_js_includes",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_push",
  [],
  [],
  String.raw`
def _js_push(lst, *items):
    lst.extend(items)
    return len(lst)
`,
);
def(
  "_js_pop",
  [],
  [],
  String.raw`
def _js_pop(lst):
    return lst.pop() if lst else None
`,
);
def(
  "_js_shift",
  [],
  [],
  String.raw`
def _js_shift(lst):
    return lst.pop(0) if lst else None
`,
);
def(
  "_js_unshift",
  [],
  [],
  String.raw`
def _js_unshift(lst, *items):
    lst[0:0] = items
    return len(lst)
`,
);

def(
  "_js_splice",
  ["_js_to_int"],
  [],
  String.raw`
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
`,
);

def(
  "_js_slice_index",
  [],
  ["math"],
  String.raw`
def _js_slice_index(i):
    """Integer argument of slice()/substring(): truncated, NaN is 0."""
    if i is None:
        return None
    if isinstance(i, float):
        if i != i:
            return 0
        if i in (math.inf, -math.inf):
            return 2**53 if i > 0 else -(2**53)
        return int(i)
    return i
`,
);

def(
  "_js_reverse",
  [],
  [],
  String.raw`
def _js_reverse(lst):
    lst.reverse()
    return lst
`,
);

def(
  "_js_sort",
  ["_js_str"],
  ["functools"],
  String.raw`
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
`,
);

def(
  "_js_join",
  ["_js_str"],
  [],
  String.raw`
def _js_join(seq, sep=","):
    """Array.prototype.join: null/undefined become empty strings (an undefined separator is ",")."""
    if sep is None:
        sep = ","
    return sep.join("" if v is None else _js_str(v) for v in seq)
`,
);

def(
  "_js_flat",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_fill",
  ["_js_to_int"],
  [],
  String.raw`
def _js_fill(lst, value, start=0, end=None):
    n = len(lst)
    start = _js_to_int(start)
    start = max(n + start, 0) if start < 0 else min(start, n)
    end = n if end is None else _js_to_int(end)
    end = max(n + end, 0) if end < 0 else min(end, n)
    for i in range(start, end):
        lst[i] = value
    return lst
`,
);

def(
  "_js_reduce",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_find_last_index",
  [],
  [],
  String.raw`
def _js_find_last_index(seq, pred):
    for i in range(len(seq) - 1, -1, -1):
        if pred(seq[i], i):
            return i
    return -1
`,
);

def(
  "_js_unpack",
  [],
  [],
  String.raw`
def _js_unpack(seq, n, rest=False):
    """Array destructuring: the first n items padded with undefined (plus the rest as a list)."""
    items = list(seq)
    head = items[:n] + [None] * (n - len(items))
    return head + [items[n:]] if rest else head
`,
);

def(
  "_js_at",
  ["_js_to_int"],
  [],
  String.raw`
def _js_at(seq, i):
    i = _js_to_int(i)
    if i < 0:
        i += len(seq)
    return seq[i] if 0 <= i < len(seq) else None
`,
);

def(
  "_js_char_at",
  ["_js_to_int"],
  [],
  String.raw`
def _js_char_at(s, i=0):
    i = _js_to_int(i)
    return s[i] if 0 <= i < len(s) else ""
`,
);

def(
  "_js_char_code_at",
  ["_js_to_int"],
  ["math"],
  String.raw`
def _js_char_code_at(s, i=0):
    i = _js_to_int(i)
    return ord(s[i]) if 0 <= i < len(s) else math.nan
`,
);

def(
  "_js_code_point_at",
  ["_js_to_int"],
  [],
  String.raw`
def _js_code_point_at(s, i=0):
    """String.prototype.codePointAt: undefined (not NaN) out of range."""
    i = _js_to_int(i)
    return ord(s[i]) if 0 <= i < len(s) else None
`,
);

def(
  "_js_substring",
  ["_js_slice_index"],
  [],
  String.raw`
def _js_substring(s, start, end=None):
    n = len(s)
    a = max(0, min(n, _js_slice_index(start)))
    b = n if end is None else max(0, min(n, _js_slice_index(end)))
    if a > b:
        a, b = b, a
    return s[a:b]
`,
);

def(
  "_js_str_index_of",
  ["_js_to_int"],
  [],
  String.raw`
def _js_str_index_of(s, sub, start=0):
    start = max(0, min(len(s), _js_to_int(start)))
    return s.find(sub, start)
`,
);

def(
  "_js_split",
  ["_js_to_int"],
  [],
  String.raw`
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
`,
);

def(
  "_js_replace",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_pad",
  ["_js_to_int", "JsRangeError"],
  [],
  String.raw`
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
`,
);

def(
  "_js_round",
  [],
  ["math"],
  String.raw`
def _js_round(x):
    """Math.round: halves round towards +Infinity."""
    if isinstance(x, int) or x != x or x in (math.inf, -math.inf):
        return x
    r = math.floor(x)
    return r + 1 if x - r >= 0.5 else r
`,
);

def(
  "_js_sign",
  [],
  [],
  String.raw`
def _js_sign(x):
    # NaN, 0 and -0 are their own sign
    return 1 if x > 0 else -1 if x < 0 else x
`,
);

def(
  "_js_cbrt",
  [],
  ["math"],
  String.raw`
def _js_cbrt(x):
    """Math.cbrt with V8's algorithm (fdlibm), bit for bit: a ** (1 / 3) is up to ~60 ulps off."""
    if x != x or x in (math.inf, -math.inf) or x == 0:
        return x
    import struct  # local: a user name "struct" cannot shadow it

    x = float(x)
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    sign = bits & 0x8000000000000000
    b = 715094163
    if bits & 0x7FF0000000000000 == 0:  # subnormal: scale by 2**54
        bits = struct.unpack("<Q", struct.pack("<d", x * 18014398509481984.0))[0]
        b = 696219795
    high = (bits >> 32) & 0x7FFFFFFF
    # rough cbrt to 5 bits, then 23 bits (polynomial), rounded to 23 bits, one Newton step
    t = struct.unpack("<d", struct.pack("<Q", sign | ((high // 3 + b) << 32)))[0]
    r = (t * t) * (t / x)
    t = t * (
        (1.87595182427177009643 + r * (-1.88497979543377169875 + r * 1.621429720105354466140))
        + ((r * r) * r) * (-0.758397934778766047437 + r * 0.145996192886612446982)
    )
    bits = struct.unpack("<Q", struct.pack("<d", t))[0]
    t = struct.unpack("<d", struct.pack("<Q", (bits + 0x80000000) & 0xFFFFFFFFC0000000))[0]
    r = x / (t * t)
    t = t + t * ((r - t) / (t + t + r))
    return int(t) if t.is_integer() and abs(t) <= 9007199254740992 else t
`,
);

def(
  "_js_max",
  [],
  ["math"],
  String.raw`
def _js_max(*values):
    """Math.max: NaN wins, no arguments is -Infinity."""
    result = -math.inf
    for v in values:
        if v != v:
            return math.nan
        if v > result:
            result = v
    return result
`,
);
def(
  "_js_min",
  [],
  ["math"],
  String.raw`
def _js_min(*values):
    result = math.inf
    for v in values:
        if v != v:
            return math.nan
        if v < result:
            result = v
    return result
`,
);

def(
  "_js_trunc",
  [],
  ["math"],
  String.raw`
def _js_trunc(x, fn=math.trunc):
    """Math.floor/ceil/trunc that keep NaN and Infinity."""
    if x != x or x in (math.inf, -math.inf):
        return x
    return fn(x)
`,
);

def(
  "_JS_WHITESPACE",
  [],
  [],
  String.raw`
# what JavaScript's trim() and Number() strip (str.strip() also strips \x1c-\x1f and \x85,
# not \ufeff)
_JS_WHITESPACE = (
    " \t\n\v\f\r\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
`,
);

def(
  "_js_to_number",
  ["_JS_WHITESPACE"],
  ["math", "re"],
  String.raw`
_JS_NUMBER_RE = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_JS_PREFIXED_INT_RE = re.compile(r"0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)")


def _js_to_number(x, none=math.nan):
    """Number(x) with JavaScript semantics (none: Number(null) is 0, Number(undefined) NaN)."""
    if x is None:
        return none
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, (int, float)):
        return x
    if isinstance(x, list):
        return 0 if not x else _js_to_number(x[0]) if len(x) == 1 else math.nan
    if not isinstance(x, str):
        return math.nan
    s = x.strip(_JS_WHITESPACE)
    if s == "":
        return 0
    if s in ("Infinity", "+Infinity", "-Infinity"):
        return -math.inf if s[0] == "-" else math.inf
    if len(s) > 2 and s[0] == "0" and s[1] in "xXoObB":
        if not _JS_PREFIXED_INT_RE.fullmatch(s):
            return math.nan
        return int(s[2:], 16 if s[1] in "xX" else 8 if s[1] in "oO" else 2)
    if not _JS_NUMBER_RE.fullmatch(s):
        return math.nan
    v = float(s)
    return int(v) if v.is_integer() and abs(v) <= 9007199254740992 and s.lstrip("+")[0] != "-" else v
`,
);

def(
  "_js_parse_float",
  ["_js_str", "_JS_WHITESPACE"],
  ["math", "re"],
  String.raw`
_JS_FLOAT_PREFIX_RE = re.compile(r"[+-]?(Infinity|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)")


def _js_parse_float(s):
    m = _JS_FLOAT_PREFIX_RE.match(_js_str(s).lstrip(_JS_WHITESPACE))
    if not m:
        return math.nan
    t = m.group(0)
    if t.endswith("Infinity"):
        return -math.inf if t[0] == "-" else math.inf
    v = float(t)
    return int(v) if v.is_integer() and abs(v) <= 9007199254740992 and t[0] != "-" else v
`,
);

def(
  "_js_parse_int",
  ["_js_str", "_js_i32", "_JS_WHITESPACE"],
  ["math"],
  String.raw`
def _js_parse_int(s, radix=None):
    s = _js_str(s).lstrip(_JS_WHITESPACE)
    sign = 1
    if s and s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    r = 0 if radix is None else _js_i32(radix)
    if r != 0 and (r < 2 or r > 36):
        return math.nan
    if (r in (0, 16)) and s[:2].lower() == "0x":
        s, r = s[2:], 16
    r = r or 10
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:r]
    digits += digits[10:].upper()
    i = 0
    while i < len(s) and s[i] in digits:
        i += 1
    if i == 0:
        return math.nan
    if i < 12:
        v = int(s[:i], r)
        if v <= 9007199254740992:
            return sign * v
    return sign * _js_parse_int_double(s[:i].lstrip("0"), r)


def _js_parse_int_double(s, r):
    # beyond 2^53 JavaScript has a double: correctly rounded for the radixes 2, 4, 8, 10, 16 and
    # 32, V8's approximation (32-bit parts accumulated in a double) for the others
    if len(s) > 1100:
        return math.inf
    v = int(s, r) if s else 0
    if v <= 9007199254740992:
        return v
    if r in (2, 4, 8, 10, 16, 32):
        try:
            return float(v)
        except OverflowError:
            return math.inf
    result = 0.0
    i, n = 0, len(s)
    while i < n:
        part, multiplier = 0, 1
        while i < n and multiplier * r <= 119304647:  # 0xFFFFFFFF // 36
            part = part * r + int(s[i], 36)
            multiplier *= r
            i += 1
        result = result * multiplier + part
    return result
`,
);

def(
  "_js_is_integer",
  [],
  ["math"],
  String.raw`
def _js_is_integer(x):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return False
    return isinstance(x, int) or (math.isfinite(x) and x.is_integer())
`,
);

def(
  "_js_to_fixed",
  ["_js_num_str", "JsRangeError"],
  ["decimal"],
  String.raw`
def _js_to_fixed(x, digits=0):
    """Number.prototype.toFixed: rounds the exact binary value half away from zero."""
    if not isinstance(digits, int):
        digits = 0 if digits is None or digits != digits else int(digits)  # Infinity raises
    if not 0 <= digits <= 100:
        raise JsRangeError("toFixed() digits argument must be between 0 and 100")
    if x != x:
        return "NaN"
    if abs(x) >= 1e21:
        return _js_num_str(x)
    if isinstance(x, int) and abs(x) > 9007199254740992:
        x = float(x)  # an exact int beyond 2^53: the double JavaScript would hold
    exact = decimal.Decimal(x)
    q = exact.quantize(
        decimal.Decimal(1).scaleb(-digits),
        rounding=decimal.ROUND_HALF_UP,
        context=decimal.Context(prec=500),
    )
    s = format(q, "f")
    return s[1:] if x == 0 and s.startswith("-") else s
`,
);

def(
  "_js_typeof",
  [],
  [],
  String.raw`
def _js_typeof(x, none="undefined"):
    if x is None:
        return none
    if isinstance(x, bool):
        return "boolean"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, str):
        return "string"
    if callable(x) and not isinstance(x, type):
        return "function"
    if isinstance(x, type):
        return "function"
    return "object"
`,
);

def(
  "_js_json_quote",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_json_stringify",
  ["_js_json_quote", "_js_num_str", "_js_str", "_js_fields", "JsTypeError"],
  ["json", "math", "re"],
  String.raw`
_JS_JSON_POINT_ZERO_RE = re.compile(r"\.0(?!\d)")
_JS_JSON_EXPONENT_MINUS_RE = re.compile(r"-(?<=\de-)")
_JS_JSON_EXPONENT_PLUS_RE = re.compile(r"\+(?<=\de\+)")
_JS_JSON_DIGITS = str.maketrans("123456789", "000000000")
_JS_JSON_LONG_INT_RE = re.compile(r"0000000000000000(?<![.0]0000000000000000)")
_JS_JSON_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _js_json_stringify(value, replacer=None, indent=None):
    """JSON.stringify with Node's exact output (None is written as null)."""
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
            or (
                "0000000000000000" in (digits := out.translate(_JS_JSON_DIGITS))
                and _JS_JSON_LONG_INT_RE.search(digits)
            )
        ):
            if not out.isascii() and _JS_JSON_SURROGATE_RE.search(out):
                out = _JS_JSON_SURROGATE_RE.sub(lambda m: "\\u%04x" % ord(m.group()), out)
            return out
    skip = object()

    def write(v, current):
        if not isinstance(v, (dict, list, tuple, str, int, float)) and v is not None:
            to_json = getattr(v, "toJSON", None)
            if callable(to_json):
                v = to_json()
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
            for x in v:
                s = write(x, inner)
                items.append("null" if s is skip else s)
            if gap:
                return "[\n" + inner + (",\n" + inner).join(items) + "\n" + current + "]"
            return "[" + ",".join(items) + "]"
        if isinstance(v, dict):
            pairs = v.items()
        else:
            pairs = _js_fields(v).items() if hasattr(v, "__dict__") else []
        parts = []
        for k, x in pairs:
            s = write(x, inner)
            if s is skip:
                continue
            parts.append(_js_json_quote(_js_str(k)) + (": " if gap else ":") + s)
        if not parts:
            return "{}"
        if gap:
            return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + current + "}"
        return "{" + ",".join(parts) + "}"

    open_containers = set()  # ids of the arrays/objects being written: a cycle is a TypeError
    result = write(value, "")
    return None if result is skip else result
`,
);

def(
  "_js_json_parse",
  ["JsSyntaxError"],
  ["json"],
  String.raw`
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
`,
);

def(
  "_js_field_name",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_attr_name",
  ["_js_field_name"],
  [],
  String.raw`
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
`,
);

def(
  "_js_fields",
  ["_js_field_name", "JsTypeError"],
  [],
  String.raw`
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
`,
);

def(
  "_js_enum_fields",
  ["_js_field_name", "_js_num_str"],
  [],
  String.raw`
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
`,
);

def(
  "_js_enum_key",
  ["_js_field_name"],
  [],
  String.raw`
def _js_enum_key(enum, value):
    """Reverse mapping of a numeric enum: Color[Color.Red] is "Red" (the last member wins)."""
    found = None
    for key, member in vars(enum).items():
        if member == value and not isinstance(member, bool) and not (key[0] == "_" and "__" in key):
            found = key
    return None if found is None else _js_field_name(found)
`,
);

def(
  "_js_map_set",
  [],
  [],
  String.raw`
def _js_map_set(m, key, value):
    m[key] = value
    return m
`,
);
def(
  "_js_delete",
  [],
  [],
  String.raw`
def _js_delete(m, key):
    """Map.delete / Set.delete: True when the key was present."""
    if key in m:
        del m[key]
        return True
    return False
`,
);
def(
  "_js_bpy_items",
  [],
  [],
  String.raw`
def _js_bpy_items(items):
    """EnumProperty items held in a JS array: bpy wants each item as a tuple (None: separator)."""
    return [i if i is None else tuple(i) for i in items]
`,
);

def(
  "_js_set_add",
  [],
  [],
  String.raw`
def _js_set_add(s, value):
    s[value] = None
    return s
`,
);
def(
  "_js_assign",
  [],
  [],
  String.raw`
def _js_assign(target, *sources):
    for source in sources:
        if source is not None:
            target.update(source)
    return target
`,
);

def(
  "JsError",
  ["_js_str"],
  [],
  String.raw`
class JsError(Exception):
    """JavaScript's Error: has .message and .name."""

    name = "Error"

    def __init__(self, message=None):
        super().__init__(message)
        self.message = "" if message is None else _js_str(message)

    def __str__(self):
        return self.message

    def toString(self):
        return self.name + ": " + self.message if self.message else self.name
`,
);
def(
  "JsTypeError",
  ["JsError"],
  [],
  String.raw`
class JsTypeError(JsError):
    name = "TypeError"
`,
);
def(
  "JsRangeError",
  ["JsError"],
  [],
  String.raw`
class JsRangeError(JsError):
    name = "RangeError"
`,
);
def(
  "JsSyntaxError",
  ["JsError"],
  [],
  String.raw`
class JsSyntaxError(JsError):
    name = "SyntaxError"
`,
);

def(
  "_js_error_message",
  [],
  [],
  String.raw`
def _js_error_message(e):
    """e.message for anything caught: Python's own exceptions have no .message."""
    return e.message if hasattr(e, "message") else str(e)
`,
);

def(
  "_js_keys",
  ["_js_fields"],
  [],
  String.raw`
def _js_keys(obj):
    """for...in / Object.keys: string keys of a dict, indices of a list, fields of an object."""
    if isinstance(obj, dict):
        return [k if isinstance(k, str) else str(k) for k in obj]
    if isinstance(obj, list):
        return [str(i) for i in range(len(obj))]
    if isinstance(obj, str):
        return [str(i) for i in range(len(obj.encode("utf-16-le", "surrogatepass")) // 2)]
    return list(_js_fields(obj))
`,
);

def(
  "_js_in",
  [],
  [],
  String.raw`
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
`,
);

def(
  "_js_inspect",
  ["_js_str", "_js_num_str", "_js_fields"],
  ["math", "re", "unicodedata"],
  String.raw`
_JS_META = (
    ["\\x%02X" % i for i in range(32)]
)
_JS_META[8] = "\\b"
_JS_META[9] = "\\t"
_JS_META[10] = "\\n"
_JS_META[12] = "\\f"
_JS_META[13] = "\\r"
_JS_META = {i: s for i, s in enumerate(_JS_META)}
_JS_META.update({i: "\\x%02X" % i for i in range(0x7F, 0xA0)})
_JS_META[0x5C] = "\\\\"
_JS_KEY_RE = re.compile(r"[a-zA-Z_][a-zA-Z_0-9]*\Z")


def _js_inspect_quote(s):
    """Node's strEscape: a string inside a container, quoted and escaped."""
    quote = "'"
    if "'" in s:
        if '"' not in s:
            quote = '"'
        elif "\x60" not in s and "$" "{" not in s:
            quote = "\x60"
    out = []
    for ch in s:
        c = ord(ch)
        if c == 39 and quote == "'":
            out.append("\\'")
        elif c in _JS_META:
            out.append(_JS_META[c])
        elif 0xD800 <= c <= 0xDFFF:
            out.append("\\u%x" % c)
        else:
            out.append(ch)
    return quote + "".join(out) + quote


def _js_inspect_width(s):
    if s.isascii():
        return len(s)
    w = 0
    for ch in s:
        c = ord(ch)
        if c <= 0x1F or 0x7F <= c <= 0x9F or unicodedata.combining(ch) or 0x200B <= c <= 0x200F:
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


class _JsInspect:
    """util.inspect(value) with Node's defaults (depth 2, breakLength 80, compact 3) for plain
    data; d describes the static type where the value alone cannot tell (a dict is an object, a
    Map or a Set; None is null or undefined)."""

    def __init__(self):
        self.indent = 0
        self.current_depth = 0
        self.seen = []
        self.circular = None

    def value(self, x, d, rt):
        if x is None:
            return "null" if d == "n" or type(d) is tuple and d[-1] is True else "undefined"
        if x is True:
            return "true"
        if x is False:
            return "false"
        if isinstance(x, (int, float)):
            if x == 0 and isinstance(x, float) and math.copysign(1.0, x) < 0:
                return "-0"
            return _js_num_str(x)
        if isinstance(x, str):
            return self.string(x)
        if isinstance(x, BaseException):
            return _js_str(x)
        if isinstance(x, type):
            return "[class " + x.__name__ + "]"
        kind = d[0] if isinstance(d, tuple) else None
        if isinstance(x, (list, tuple)):
            if kind != "a":
                kind, d = "a", ("a", None)
        elif type(x).__name__ == "array":
            kind, d = "a", ("a", None)
        elif isinstance(x, dict):
            if kind not in ("o", "m", "s"):
                kind, d = "o", ("o", {}, None)
        elif isinstance(x, (set, frozenset)):
            kind, d = "s", ("s", None)
        elif hasattr(x, "__code__") or type(x).__name__ in ("builtin_function_or_method", "method", "partial"):
            name = getattr(x, "__name__", "")
            return "[Function: " + name + "]" if name and name != "<lambda>" else "[Function (anonymous)]"
        elif type(x).__name__ == "JsRegExp":
            return x.toString()
        elif hasattr(x, "__dict__"):
            if kind != "o":
                d = ("o", {}, None)
            kind = "c"
        else:
            return _js_str(x)
        for i, s in enumerate(self.seen):
            if s is x:
                if self.circular is None:
                    self.circular = {}
                idx = self.circular.setdefault(id(x), len(self.circular) + 1)
                return "[Circular *%d]" % idx
        return self.raw(x, kind, d, rt)

    def string(self, s):
        if len(s) > 16 and len(s) > 80 - self.indent - 4:
            lines = s.splitlines(True)
            return (" +\n" + " " * (self.indent + 2)).join(_js_inspect_quote(l) for l in lines)
        return _js_inspect_quote(s)

    def raw(self, x, kind, d, rt):
        extras_array = False
        if kind == "a":
            braces = ["[", "]"]
            if type(x).__name__ == "array":
                braces[0] = ("Float32Array(%d) [" if x.typecode == "f" else "Float64Array(%d) [") % len(x)
            if not x:
                return braces[0] + "]"
            extras_array = True
            name = "Array"
        elif kind == "m":
            name = "Map"
            braces = ["Map(%d) {" % len(x), "}"]
            if not x:
                return braces[0] + "}"
        elif kind == "s":
            name = "Set"
            braces = ["Set(%d) {" % len(x), "}"]
            if not x:
                return braces[0] + "}"
        elif kind == "c":
            name = type(x).__name__
            fields = _js_fields(x)
            braces = [name + " {", "}"]
            if not fields:
                return name + " {}"
        else:
            name = "Object"
            braces = ["{", "}"]
            if not x:
                return "{}"
        if rt > 2:
            return "[" + name + "]"
        rt += 1
        self.seen.append(x)
        self.current_depth = rt
        output = []
        if kind == "a":
            el = d[1]
            n = len(x)
            for i in range(min(n, 100)):
                self.indent += 2
                output.append(self.value(x[i], el, rt))
                self.indent -= 2
            if n > 100:
                output.append("... %d more item%s" % (n - 100, "s" if n - 100 > 1 else ""))
            if type(x).__name__ == "_JsMatch":
                # a RegExp match array's own properties
                self.indent += 2
                output.append("index: " + self.value(x.index, None, rt))
                output.append("input: " + self.value(x.input, None, rt))
                g = x.groups
                if g is None:
                    output.append("groups: undefined")
                else:
                    s = self.raw(g, "o", ("o", {}, None), rt)
                    output.append("groups: [Object: null prototype] " + s)
                self.indent -= 2
        elif kind == "m":
            self.indent += 2
            for i, (k, v) in enumerate(x.items()):
                if i >= 100:
                    output.append("... %d more item%s" % (len(x) - 100, "s" if len(x) - 100 > 1 else ""))
                    break
                output.append(self.value(k, d[1], rt) + " => " + self.value(v, d[2], rt))
            self.indent -= 2
        elif kind == "s":
            self.indent += 2
            for i, k in enumerate(x):
                if i >= 100:
                    output.append("... %d more item%s" % (len(x) - 100, "s" if len(x) - 100 > 1 else ""))
                    break
                output.append(self.value(k, d[1], rt))
            self.indent -= 2
        else:
            items = fields.items() if kind == "c" else x.items()
            props, rest = d[1], d[2]
            for k, v in items:
                k = k if isinstance(k, str) else _js_str(k)
                self.indent += 2
                s = self.value(v, props.get(k, rest), rt)
                self.indent -= 2
                key = k if _JS_KEY_RE.match(k) else _js_inspect_quote(k)
                output.append(key + ": " + s)
        base = ""
        if self.circular is not None and id(x) in self.circular:
            base = "<ref *%d>" % self.circular[id(x)]
        self.seen.pop()
        return self.reduce(output, base, braces, extras_array, rt, x if kind == "a" else None)

    def reduce(self, output, base, braces, extras_array, rt, value):
        entries = len(output)
        if extras_array and entries > 6:
            output = self.group(output, value)
        if self.current_depth - rt < 3 and entries == len(output):
            start = len(output) + self.indent + len(braces[0]) + len(base) + 10
            if self.below_break(output, start, base):
                joined = ", ".join(output)
                if "\n" not in joined:
                    return (base + " " if base else "") + braces[0] + " " + joined + " " + braces[1]
        ind = "\n" + " " * self.indent
        return (base + " " if base else "") + braces[0] + ind + "  " + ("," + ind + "  ").join(output) + ind + braces[1]

    def below_break(self, output, start, base):
        total = len(output) + start
        if total + len(output) > 80:
            return False
        for o in output:
            total += len(o)
            if total > 80:
                return False
        return base == "" or "\n" not in base

    def group(self, output, value):
        total = 0
        max_len = 0
        out_len = len(output)
        if out_len > 100:
            out_len -= 1
        sep = 2
        data_len = []
        for i in range(out_len):
            n = _js_inspect_width(output[i])
            data_len.append(n)
            total += n + sep
            if max_len < n:
                max_len = n
        actual_max = max_len + sep
        if actual_max * 3 + self.indent < 80 and (total / actual_max > 5 or max_len <= 6):
            average_bias = math.sqrt(actual_max - total / len(output))
            biased_max = max(actual_max - 3 - average_bias, 1)
            columns = min(
                math.floor(math.sqrt(2.5 * biased_max * out_len) / biased_max + 0.5),
                (80 - self.indent) // actual_max,
                3 * 4,
                15,
            )
            if columns <= 1:
                return output
            tmp = []
            max_line = []
            for i in range(columns):
                line_max = 0
                for j in range(i, len(output), columns):
                    if j < out_len and data_len[j] > line_max:
                        line_max = data_len[j]
                max_line.append(line_max + sep)
            pad_start = True
            if value is not None:
                for v in value[: len(output)]:
                    if not isinstance(v, (int, float)) or isinstance(v, bool):
                        pad_start = False
                        break
            for i in range(0, out_len, columns):
                mx = min(i + columns, out_len)
                s = ""
                j = i
                while j < mx - 1:
                    padding = max_line[j - i] + len(output[j]) - data_len[j]
                    cell = output[j] + ", "
                    s += cell.rjust(padding) if pad_start else cell.ljust(padding)
                    j += 1
                if pad_start:
                    padding = max_line[j - i] + len(output[j]) - data_len[j] - sep
                    s += output[j].rjust(padding)
                else:
                    s += output[j]
                tmp.append(s)
            if out_len < len(output):
                tmp.append(output[out_len])
            output = tmp
        return output


def _js_inspect(x, d=None):
    """console.log of a value: strings raw, anything else as Node's util.inspect."""
    if isinstance(x, str):
        return x
    return _JsInspect().value(x, d, 0)
`,
);

def(
  "JsRegExp",
  ["_js_str"],
  ["re"],
  String.raw`
class _JsMatch(list):
    """A RegExp match: the matched text and the groups (None: did not take part), with .index,
    .input and .groups (the named groups, or None) like JavaScript's match array."""

    __slots__ = ("index", "input", "groups")


def _js_re_result(m, s):
    r = _JsMatch((m.group(0),) + m.groups())
    r.index = m.start()
    r.input = s
    gi = m.re.groupindex
    r.groups = {k: m.group(k) for k, _ in sorted(gi.items(), key=lambda kv: kv[1])} if gi else None
    return r


class JsRegExp:
    """A JavaScript RegExp: the pattern translated by the compiler, its flags and lastIndex."""

    def __init__(self, pattern, source, flags):
        self._re = re.compile(pattern)
        self.source = source
        self.flags = "".join(f for f in "dgimsuvy" if f in flags)
        self.global_ = "g" in flags
        self.ignoreCase = "i" in flags
        self.multiline = "m" in flags
        self.dotAll = "s" in flags
        self.unicode = "u" in flags
        self.sticky = "y" in flags
        self.hasIndices = False
        self.lastIndex = 0

    def exec(self, s):
        s = s if isinstance(s, str) else _js_str(s)
        moving = self.global_ or self.sticky
        i = 0
        if moving:
            i = self.lastIndex
            i = 0 if i != i or i < 0 else int(i)
            if i > len(s):
                self.lastIndex = 0
                return None
        m = self._re.match(s, i) if self.sticky else self._re.search(s, i)
        if m is None:
            if moving:
                self.lastIndex = 0
            return None
        if moving:
            self.lastIndex = m.end()
        return _js_re_result(m, s)

    def test(self, s):
        return self.exec(s) is not None

    def toString(self):
        return "/" + self.source + "/" + self.flags
`,
);

def(
  "_js_re_match",
  [],
  [],
  String.raw`
def _js_re_match(s, rx):
    """s.match(rx): the first match (exec), or with g every matched text (None when none)."""
    if not rx.global_:
        return rx.exec(s)
    rx.lastIndex = 0
    out = []
    while True:
        m = rx.exec(s)
        if m is None:
            return out or None
        out.append(m[0])
        if m[0] == "":
            rx.lastIndex += 1
`,
);

def(
  "_js_re_match_all",
  ["JsRegExp", "JsTypeError"],
  [],
  String.raw`
def _js_re_match_all(s, rx):
    """s.matchAll(rx): every match of a copy of the g regexp, from its lastIndex."""
    if not rx.global_:
        raise JsTypeError("String.prototype.matchAll called with a non-global RegExp argument")
    c = JsRegExp.__new__(JsRegExp)
    c.__dict__.update(rx.__dict__)
    out = []
    while True:
        m = c.exec(s)
        if m is None:
            return out
        out.append(m)
        if m[0] == "":
            c.lastIndex += 1
`,
);

def(
  "_js_re_search",
  [],
  [],
  String.raw`
def _js_re_search(s, rx):
    """s.search(rx): the index of the first match from 0, or -1 (lastIndex is left alone)."""
    m = rx._re.match(s, 0) if rx.sticky else rx._re.search(s)
    return -1 if m is None else m.start()
`,
);

def(
  "_js_re_replace",
  ["JsRegExp", "JsTypeError", "_js_str"],
  [],
  String.raw`
def _js_re_expand(rep, m, s):
    """A replacement string's $$, $&, $\x60, $', $n, $nn and $<name> (GetSubstitution)."""
    if "$" not in rep:
        return rep
    out = []
    i = 0
    n = len(rep)
    groups = len(m) - 1
    while i < n:
        c = rep[i]
        if c != "$" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        d = rep[i + 1]
        if d == "$":
            out.append("$")
            i += 2
        elif d == "&":
            out.append(m[0])
            i += 2
        elif d == "\x60":
            out.append(s[: m.index])
            i += 2
        elif d == "'":
            out.append(s[m.index + len(m[0]) :])
            i += 2
        elif d.isdigit() and d.isascii():
            two = rep[i + 1 : i + 3]
            if len(two) == 2 and two.isdigit() and two.isascii() and 1 <= int(two) <= groups:
                g = int(two)
                i += 3
            elif 1 <= int(d) <= groups:
                g = int(d)
                i += 2
            else:
                out.append("$")
                i += 1
                continue
            out.append(m[g] or "")
        elif d == "<" and m.groups is not None:
            end = rep.find(">", i + 2)
            if end < 0:
                out.append("$<")
                i += 2
            else:
                out.append(m.groups.get(rep[i + 2 : end]) or "")
                i = end + 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


def _js_re_replace(s, pat, rep, all=False):
    """s.replace / s.replaceAll with a RegExp or a string pattern and a string or a function."""
    matches = []
    if isinstance(pat, JsRegExp):
        if all and not pat.global_:
            raise JsTypeError("replaceAll must be called with a global RegExp")
        if pat.global_:
            pat.lastIndex = 0
        while True:
            m = pat.exec(s)
            if m is None:
                break
            matches.append(m)
            if not pat.global_:
                break
            if m[0] == "":
                pat.lastIndex += 1
    else:
        pat = pat if isinstance(pat, str) else _js_str(pat)
        i = s.find(pat)
        while i >= 0:
            m = _JsMatch((pat,))
            m.index = i
            m.input = s
            m.groups = None
            matches.append(m)
            if not all:
                break
            i = s.find(pat, i + max(len(pat), 1))
    out = []
    last = 0
    for m in matches:
        if callable(rep):
            extra = (m.index, s) if m.groups is None else (m.index, s, m.groups)
            r = rep(*m, *extra)
            r = r if isinstance(r, str) else _js_str(r)
        else:
            r = _js_re_expand(rep if isinstance(rep, str) else _js_str(rep), m, s)
        out.append(s[last : m.index])
        out.append(r)
        last = m.index + len(m[0])
    out.append(s[last:])
    return "".join(out)
`,
);

def(
  "_js_re_split",
  ["_js_u32"],
  [],
  String.raw`
def _js_re_split(s, rx, limit=None):
    """s.split(rx, limit) as JavaScript's @@split: captures included, empty matches skipped."""
    lim = 0xFFFFFFFF if limit is None else _js_u32(limit)
    out = []
    if lim == 0:
        return out
    r = rx._re
    if s == "":
        return out if r.match(s, 0) is not None else [s]
    p = q = 0
    n = len(s)
    while q < n:
        m = r.search(s, q)
        if m is None:
            break
        q = m.start()
        if q >= n:
            break
        e = m.end()
        if e == p:
            q += 1
            continue
        out.append(s[p:q])
        if len(out) == lim:
            return out
        p = e
        for g in m.groups():
            out.append(g)
            if len(out) == lim:
                return out
        q = p
    out.append(s[p:])
    return out
`,
);

def(
  "_js_typed_array",
  ["JsRangeError"],
  ["array", "math"],
  String.raw`
def _js_typed_array(code, x):
    """new Float32Array(length | iterable): array.array("f"/"d"), zero-filled for a length."""
    if isinstance(x, bool) or x is None:
        x = 0 if x is None or x is False else 1
    if isinstance(x, (int, float)):
        if x != x:
            x = 0
        if x < 0 or x == math.inf or x != int(x):
            raise JsRangeError("Invalid typed array length: " + str(x))
        return array.array(code, bytes(array.array(code).itemsize * int(x)))
    return array.array(code, [math.nan if v is None else v for v in x])
`,
);
def(
  "_js_typed_fill",
  [],
  [],
  String.raw`
def _js_typed_fill(a, value, start=0, end=None):
    n = len(a)
    start = max(n + int(start), 0) if start < 0 else min(int(start), n)
    end = n if end is None else (max(n + int(end), 0) if end < 0 else min(int(end), n))
    for i in range(start, end):
        a[i] = value
    return a
`,
);
def(
  "_js_typed_set",
  ["JsRangeError"],
  [],
  String.raw`
def _js_typed_set(a, src, offset=0):
    src = list(src)
    offset = int(offset)
    if offset < 0 or offset + len(src) > len(a):
        raise JsRangeError("offset is out of bounds")
    for i, v in enumerate(src):
        a[offset + i] = v
`,
);
def(
  "_js_typed_slice",
  [],
  ["array"],
  String.raw`
def _js_typed_slice(a, start=0, end=None):
    n = len(a)
    start = max(n + int(start), 0) if start < 0 else min(int(start), n)
    end = n if end is None else (max(n + int(end), 0) if end < 0 else min(int(end), n))
    return array.array(a.typecode, a[start:end] if start < end else [])
`,
);
def(
  "_js_typed_indexOf",
  [],
  [],
  String.raw`
def _js_typed_indexOf(a, value, start=0):
    n = len(a)
    start = max(n + int(start), 0) if start < 0 else int(start)
    for i in range(start, n):
        if a[i] == value:
            return i
    return -1
`,
);
def(
  "_js_typed_join",
  ["_js_num_str"],
  [],
  String.raw`
def _js_typed_join(a, sep=","):
    return sep.join(_js_num_str(v) for v in a)
`,
);
def(
  "_js_typed_map",
  [],
  ["array"],
  String.raw`
def _js_typed_map(a, fn, n):
    """map: the results stored in a new typed array of the same kind (rounded for float32)."""
    return array.array(a.typecode, [fn(*(v, i, a)[:n]) for i, v in enumerate(a)])
`,
);
def(
  "_js_typed_filter",
  ["_js_truthy"],
  ["array"],
  String.raw`
def _js_typed_filter(a, fn, n):
    return array.array(a.typecode, [v for i, v in enumerate(a) if _js_truthy(fn(*(v, i, a)[:n]))])
`,
);
def(
  "_js_typed_reduce",
  ["JsTypeError"],
  [],
  String.raw`
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
`,
);
def(
  "_js_typed_forEach",
  [],
  [],
  String.raw`
def _js_typed_forEach(a, fn, n):
    for i, v in enumerate(a):
        fn(*(v, i, a)[:n])
`,
);

def(
  "_js_loop_stop",
  [],
  ["math"],
  String.raw`
def _js_loop_stop(bound, inclusive=False):
    """The range() stop of an integer counter counting up while < bound (<= when inclusive)."""
    if isinstance(bound, int):
        return bound + 1 if inclusive else bound
    if bound != bound:
        return -(2**63)
    if bound in (math.inf, -math.inf):
        return 2**63 if bound > 0 else -(2**63)
    return math.floor(bound) + 1 if inclusive else math.ceil(bound)
`,
);

def(
  "_js_update_attr",
  [],
  [],
  String.raw`
def _js_update_attr(obj, name, delta, prefix):
    """obj.name++ / ++obj.name (and --) used as a value."""
    old = getattr(obj, name)
    setattr(obj, name, old + delta)
    return old + delta if prefix else old
`,
);
def(
  "_js_update_item",
  [],
  [],
  String.raw`
def _js_update_item(obj, key, delta, prefix):
    """obj[key]++ / ++obj[key] (and --) used as a value."""
    old = obj[key]
    obj[key] = old + delta
    return old + delta if prefix else old
`,
);
def(
  "_js_assign_attr",
  [],
  [],
  String.raw`
def _js_assign_attr(obj, name, value):
    """(obj.name = value) used as a value."""
    setattr(obj, name, value)
    return value
`,
);
def(
  "_js_assign_item",
  [],
  [],
  String.raw`
def _js_assign_item(obj, key, value):
    """(obj[key] = value) used as a value."""
    obj[key] = value
    return value
`,
);

def(
  "_js_int_to_radix",
  ["_js_num_str", "_js_to_int", "JsRangeError"],
  ["math"],
  String.raw`
def _js_int_to_radix(x, radix):
    """Number.prototype.toString(radix) with V8's digits (DoubleToRadixCString)."""
    radix = 10 if radix is None else _js_to_int(radix)
    if not 2 <= radix <= 36:
        raise JsRangeError("toString() radix must be between 2 and 36")
    if radix == 10 or x != x or x in (math.inf, -math.inf):
        return _js_num_str(x)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if not (isinstance(x, int) and -9007199254740992 <= x <= 9007199254740992):
        try:
            x = float(x)
        except OverflowError:
            return "Infinity" if x > 0 else "-Infinity"
        if not (x.is_integer() and abs(x) <= 9007199254740992):
            return _js_double_to_radix(x, radix)
    # an integer below 2^53: exact digits
    n = abs(int(x))
    out = ""
    while True:
        out = digits[n % radix] + out
        n //= radix
        if n == 0:
            break
    return "-" + out if x < 0 else out


def _js_double_to_radix(value, radix):
    # V8's algorithm, float operation for float operation: fraction digits up to the precision
    # of the double (rounded half to even), integer digits beyond 2^53 written as zeros
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    negative = value < 0
    if negative:
        value = -value
    integer = float(math.floor(value))
    fraction = value - integer
    delta = max(0.5 * (math.nextafter(value, math.inf) - value), 5e-324)
    frac = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            frac.append(digit)
            fraction -= digit
            if (fraction > 0.5 or (fraction == 0.5 and digit & 1)) and fraction + delta > 1:
                # round up, carrying over the digits already written
                while True:
                    if not frac:
                        integer += 1
                        break
                    digit = frac.pop() + 1
                    if digit < radix:
                        frac.append(digit)
                        break
                break
            if fraction < delta:
                break
    out = []
    while integer / radix >= 9007199254740992.0:
        integer /= radix
        out.append("0")
    while True:
        remainder = math.fmod(integer, radix)
        out.append(digits[int(remainder)])
        integer = (integer - remainder) / radix
        if integer <= 0:
            break
    s = "".join(reversed(out))
    if frac:
        s += "." + "".join(digits[d] for d in frac)
    return "-" + s if negative else s
`,
);

export const helpers: ReadonlyMap<string, Helper> = new Map(H.map((h) => [h.name, h]));

/** Helpers (with dependencies) in a stable, dependency-first order, plus the modules they import. */
export function resolveHelpers(used: Iterable<string>): { code: Helper[]; imports: string[] } {
  const out: Helper[] = [];
  const seen = new Set<string>();
  const imports = new Set<string>();
  const visit = (n: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    const h = helpers.get(n);
    if (!h) throw new Error(`unknown runtime helper ${n}`);
    h.deps.forEach(visit);
    h.imports.forEach((i) => imports.add(i));
    out.push(h);
  };
  [...used].sort().forEach(visit);
  return { code: out, imports: [...imports].sort() };
}
