"""Arithmetic, bit operations, Math.* and Number.* with JavaScript semantics.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import decimal
import math
import re
import struct

from .convert import _JS_WHITESPACE, _js_num_str, _js_str, _js_to_int
from .errors import JsRangeError


# helper: _js_div
def _js_div(a, b):
    """a / b with IEEE semantics (1 / 0 is Infinity)."""
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        negative = (a < 0) != (math.copysign(1.0, b) < 0)
        return -math.inf if negative else math.inf


# helper: _js_mod
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


# helper: _js_pow
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


# helper: _js_i32
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


# helper: _js_imul
def _js_imul(a, b):
    """Math.imul: the low 32 bits of the product of the ToInt32 operands, signed."""
    return _js_i32(_js_i32(a) * _js_i32(b))


# helper: _js_clz32
def _js_clz32(x):
    """Math.clz32: leading zero bits of ToUint32(x)."""
    return 32 - (_js_i32(x) & 0xFFFFFFFF).bit_length()


# helper: _js_fround
def _js_fround(x):
    """Math.fround: the nearest single-precision value (round half to even), as a double."""
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


# helper: _js_u32
def _js_u32(x):
    return _js_i32(x) & 0xFFFFFFFF


# helper: _js_shl
def _js_shl(a, b):
    return _js_i32(_js_i32(a) << (_js_u32(b) & 31))


# helper: _js_shr
def _js_shr(a, b):
    return _js_i32(a) >> (_js_u32(b) & 31)


# helper: _js_ushr
def _js_ushr(a, b):
    return _js_u32(a) >> (_js_u32(b) & 31)


# helper: _js_round
def _js_round(x):
    """Math.round: halves round towards +Infinity."""
    if isinstance(x, int) or x != x or x in (math.inf, -math.inf):
        return x
    r = math.floor(x)
    return r + 1 if x - r >= 0.5 else r


# helper: _js_sign
def _js_sign(x):
    # NaN, 0 and -0 are their own sign
    return 1 if x > 0 else -1 if x < 0 else x


# helper: _js_cbrt
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


# helper: _js_max
def _js_max(*values):
    """Math.max: NaN wins, no arguments is -Infinity."""
    result = -math.inf
    for v in values:
        if v != v:
            return math.nan
        # 0 is greater than -0 (they compare equal)
        if v > result or (v == 0 == result and math.copysign(1, result) < 0):
            result = v
    return result


# helper: _js_min
def _js_min(*values):
    result = math.inf
    for v in values:
        if v != v:
            return math.nan
        # -0 is less than 0 (they compare equal)
        if v < result or (v == 0 == result and math.copysign(1, v) < 0):
            result = v
    return result


# helper: _js_trunc
def _js_trunc(x, fn=math.trunc):
    """Math.floor/ceil/trunc that keep NaN and Infinity."""
    if x != x or x in (math.inf, -math.inf):
        return x
    return fn(x)


# helper: _js_sqrt
def _js_sqrt(x):
    """Math.sqrt: NaN below zero (Python's math.sqrt raises ValueError)."""
    return math.sqrt(x) if x >= 0 else math.nan


# helper: _js_log
def _js_log(x, fn=math.log):
    """Math.log/log2/log10: -Infinity at zero, NaN below (Python raises ValueError)."""
    if x > 0:
        return fn(x)
    return -math.inf if x == 0 else math.nan


# helper: _js_log1p
def _js_log1p(x):
    """Math.log1p: -Infinity at -1, NaN below."""
    if x > -1:
        return math.log1p(x)
    return -math.inf if x == -1 else math.nan


# helper: _js_exp
def _js_exp(x, fn=math.exp):
    """Math.exp/expm1/cosh/sinh: ±Infinity past the double range (Python raises OverflowError)."""
    try:
        return fn(x)
    except OverflowError:
        return -math.inf if fn is math.sinh and x < 0 else math.inf


# helper: _js_trig
def _js_trig(x, fn=math.sin):
    """Math.sin/cos/tan: NaN for ±Infinity (Python raises ValueError)."""
    return fn(x) if x - x == 0 else math.nan


# helper: _js_asin
def _js_asin(x, fn=math.asin):
    """Math.asin/acos: NaN outside [-1, 1]."""
    return fn(x) if -1 <= x <= 1 else math.nan


# helper: _js_acosh
def _js_acosh(x):
    """Math.acosh: NaN below 1."""
    return math.acosh(x) if x >= 1 else math.nan


# helper: _js_atanh
def _js_atanh(x):
    """Math.atanh: ±Infinity at ±1, NaN outside [-1, 1]."""
    if -1 < x < 1:
        return math.atanh(x)
    return math.copysign(math.inf, x) if x in (1, -1) else math.nan


# helper: _js_parse_float
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


# helper: _js_parse_int
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


# helper: _js_is_integer
def _js_is_integer(x):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return False
    return isinstance(x, int) or (math.isfinite(x) and x.is_integer())


# helper: _js_to_fixed
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


# helper: _js_int_to_radix
def _js_int_to_radix(x, radix):
    """Number.prototype.toString(radix) with V8's digits (DoubleToRadixCString)."""
    radix = 10 if radix is None else _js_to_int(radix)
    if not 2 <= radix <= 36:
        raise JsRangeError("toString() radix argument must be between 2 and 36")
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


# helper: _js_loop_stop
def _js_loop_stop(bound, inclusive=False):
    """The range() stop of an integer counter counting up while < bound (<= when inclusive)."""
    if isinstance(bound, int):
        return bound + 1 if inclusive else bound
    if bound != bound:
        return -(2**63)
    if bound in (math.inf, -math.inf):
        return 2**63 if bound > 0 else -(2**63)
    return math.floor(bound) + 1 if inclusive else math.ceil(bound)
