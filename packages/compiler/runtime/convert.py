"""Conversions every area uses: String(x), Number(x), truthiness, typeof, ===, ToIntegerOrInfinity.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import math
import re


# helper: _js_num_str
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


# helper: _js_str
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


# helper: _js_truthy
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


# helper: _js_strict_eq
def _js_strict_eq(a, b):
    """a === b for values whose type is not known statically."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return a is b
    return a == b


# helper: _js_typeof
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


# helper: _js_to_int
def _js_to_int(x):
    """ToIntegerOrInfinity: truncated toward zero, NaN (and undefined) is 0, ±Infinity kept."""
    if isinstance(x, int):
        return x
    if x is None or x != x:
        return 0
    if x in (float("inf"), float("-inf")):
        return x
    return int(x)


# helper: _js_slice_index
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


# helper: _JS_WHITESPACE
# what JavaScript's trim() and Number() strip (str.strip() also strips \x1c-\x1f and \x85,
# not \ufeff)
_JS_WHITESPACE = (
    " \t\n\v\f\r\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


# helper: _js_to_number
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
        # ToPrimitive, hint number: the object's own valueOf, then its toString
        get = x.get if isinstance(x, dict) else lambda name: getattr(x, name, None)
        for name in ("valueOf", "toString"):
            f = get(name)
            if callable(f):
                v = f()
                if v is None or isinstance(v, (bool, int, float, str)):
                    return _js_to_number(v)
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
