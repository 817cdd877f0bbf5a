"""runtime/numbers.py: arithmetic, bit operations, Math.*, parseInt/parseFloat, toFixed, toString(radix).

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

import math

from ..errors import JsRangeError
from ..numbers import (
    _js_acosh,
    _js_asin,
    _js_atanh,
    _js_exp,
    _js_log,
    _js_log1p,
    _js_sqrt,
    _js_trig,
    _js_trunc,
    _js_cbrt,
    _js_clz32,
    _js_div,
    _js_fround,
    _js_i32,
    _js_imul,
    _js_int_to_radix,
    _js_is_integer,
    _js_loop_stop,
    _js_max,
    _js_min,
    _js_mod,
    _js_parse_float,
    _js_parse_int,
    _js_pow,
    _js_round,
    _js_shl,
    _js_shr,
    _js_sign,
    _js_to_fixed,
    _js_u32,
    _js_ushr,
)
from .jsassert import JsTestCase


class TestNumbers(JsTestCase):
    def test_js_div(self):
        self.assertJs(_js_div(1, 0), math.inf)  # (1) / (0)
        self.assertJs(_js_div(-1, 0), -math.inf)  # (-1) / (0)
        self.assertJs(_js_div(1, -0.0), -math.inf)  # (1) / (-0)
        self.assertJs(_js_div(0, 0), math.nan)  # (0) / (0)
        self.assertJs(_js_div(math.nan, 0), math.nan)  # (NaN) / (0)
        self.assertJs(_js_div(7, 2), 3.5)  # (7) / (2)
        self.assertJs(_js_div(6, 3), 2)  # (6) / (3)
        self.assertJs(_js_div(-0.0, 5), -0.0)  # (-0) / (5)
        self.assertJs(_js_div(1, math.inf), 0)  # (1) / (Infinity)

    def test_js_mod(self):
        self.assertJs(_js_mod(-7, 3), -1)  # (-7) % (3)
        self.assertJs(_js_mod(7, -3), 1)  # (7) % (-3)
        self.assertJs(_js_mod(7.5, 2), 1.5)  # (7.5) % (2)
        self.assertJs(_js_mod(-7.5, 2), -1.5)  # (-7.5) % (2)
        self.assertJs(_js_mod(5, 0), math.nan)  # (5) % (0)
        self.assertJs(_js_mod(math.inf, 2), math.nan)  # (Infinity) % (2)
        self.assertJs(_js_mod(5, math.inf), 5)  # (5) % (Infinity)
        # (-6) % (3) is -0: an int here (no int -0, see the compiler README)
        self.assertJs(_js_mod(-6, 3), 0)
        self.assertJs(_js_mod(-0.0, 1), -0.0)  # (-0) % (1)
        self.assertJs(_js_mod(math.nan, 1), math.nan)  # (NaN) % (1)
        self.assertJs(_js_mod(10**20, 7), 2)  # (1e20) % (7)

    def test_js_pow(self):
        self.assertJs(_js_pow(2, 10), 1024)  # (2) ** (10)
        self.assertJs(_js_pow(2, -1), 0.5)  # (2) ** (-1)
        self.assertJs(_js_pow(0, -1), math.inf)  # (0) ** (-1)
        self.assertJs(_js_pow(-0.0, -1), -math.inf)  # (-0) ** (-1)
        self.assertJs(_js_pow(-8, 1 / 3), math.nan)  # (-8) ** (1 / 3)
        self.assertJs(_js_pow(1, math.inf), math.nan)  # (1) ** (Infinity)
        self.assertJs(_js_pow(math.nan, 0), 1)  # (NaN) ** (0)
        self.assertJs(_js_pow(2, 1024), math.inf)  # (2) ** (1024)
        self.assertJs(_js_pow(-2, 1025), -math.inf)  # (-2) ** (1025)
        self.assertJs(_js_pow(10, 21), 1e+21)  # (10) ** (21)
        self.assertJs(_js_pow(3, 0.5), 1.7320508075688772)  # (3) ** (0.5)
        self.assertJs(_js_pow(2, 53), 9007199254740992)  # (2) ** (53)
        self.assertJs(_js_pow(2, 54), 1.8014398509481984e+16)  # (2) ** (54)

    def test_js_i32(self):
        self.assertJs(_js_i32(2**31), -2147483648)  # (2**31) | 0
        self.assertJs(_js_i32(2**32 + 5), 5)  # (2**32 + 5) | 0
        self.assertJs(_js_i32(-(2**31) - 1), 2147483647)  # (-(2**31) - 1) | 0
        self.assertJs(_js_i32(3.9), 3)  # (3.9) | 0
        self.assertJs(_js_i32(-3.9), -3)  # (-3.9) | 0
        self.assertJs(_js_i32(math.nan), 0)  # (NaN) | 0
        self.assertJs(_js_i32(math.inf), 0)  # (Infinity) | 0
        self.assertJs(_js_i32(1e20), 1661992960)  # (1e20) | 0
        self.assertJs(_js_i32(-0.0), 0)  # (-0) | 0

    def test_js_imul(self):
        self.assertJs(_js_imul(3, 4), 12)  # Math.imul(3, 4)
        self.assertJs(_js_imul(0xFFFFFFFF, 5), -5)  # Math.imul(0xFFFFFFFF, 5)
        self.assertJs(_js_imul(2**31, 2), 0)  # Math.imul(2**31, 2)
        self.assertJs(_js_imul(123456789, 987654321), -67153019)  # Math.imul(123456789, 987654321)
        self.assertJs(_js_imul(2.5, 3.7), 6)  # Math.imul(2.5, 3.7)

    def test_js_clz32(self):
        self.assertJs(_js_clz32(0), 32)  # Math.clz32(0)
        self.assertJs(_js_clz32(1), 31)  # Math.clz32(1)
        self.assertJs(_js_clz32(-1), 0)  # Math.clz32(-1)
        self.assertJs(_js_clz32(2**31), 0)  # Math.clz32(2**31)
        self.assertJs(_js_clz32(3.5), 30)  # Math.clz32(3.5)
        self.assertJs(_js_clz32(math.nan), 32)  # Math.clz32(NaN)
        self.assertJs(_js_clz32(2**32), 32)  # Math.clz32(2**32)

    def test_js_fround(self):
        self.assertJs(_js_fround(5.5), 5.5)  # Math.fround(5.5)
        self.assertJs(_js_fround(5.05), 5.050000190734863)  # Math.fround(5.05)
        self.assertJs(_js_fround(0.1), 0.10000000149011612)  # Math.fround(0.1)
        self.assertJs(_js_fround(1e40), math.inf)  # Math.fround(1e40)
        self.assertJs(_js_fround(-1e40), -math.inf)  # Math.fround(-1e40)
        self.assertJs(_js_fround(math.nan), math.nan)  # Math.fround(NaN)
        self.assertJs(_js_fround(-0.0), -0.0)  # Math.fround(-0)
        self.assertJs(_js_fround(16777217), 16777216)  # Math.fround(16777217)

    def test_js_u32(self):
        self.assertJs(_js_u32(-1), 4294967295)  # (-1) >>> 0
        self.assertJs(_js_u32(2**32 + 3), 3)  # (2**32 + 3) >>> 0
        self.assertJs(_js_u32(-0.5), 0)  # (-0.5) >>> 0
        self.assertJs(_js_u32(math.nan), 0)  # (NaN) >>> 0
        self.assertJs(_js_u32(4294967295.9), 4294967295)  # (4294967295.9) >>> 0

    def test_js_shl(self):
        self.assertJs(_js_shl(1, 31), -2147483648)  # (1) << (31)
        self.assertJs(_js_shl(1, 32), 1)  # (1) << (32)
        self.assertJs(_js_shl(5, -1), -2147483648)  # (5) << (-1)
        self.assertJs(_js_shl(2**31 + 1, 1), 2)  # (2**31 + 1) << (1)
        self.assertJs(_js_shl(-1, 4), -16)  # (-1) << (4)

    def test_js_shr(self):
        self.assertJs(_js_shr(-16, 2), -4)  # (-16) >> (2)
        self.assertJs(_js_shr(2**32 - 1, 1), -1)  # (2**32 - 1) >> (1)
        self.assertJs(_js_shr(256, 33), 128)  # (256) >> (33)
        self.assertJs(_js_shr(7.9, 1), 3)  # (7.9) >> (1)

    def test_js_ushr(self):
        self.assertJs(_js_ushr(-1, 0), 4294967295)  # (-1) >>> (0)
        self.assertJs(_js_ushr(-16, 2), 1073741820)  # (-16) >>> (2)
        self.assertJs(_js_ushr(5, 32), 5)  # (5) >>> (32)
        self.assertJs(_js_ushr(2**33 + 8, 3), 1)  # (2**33 + 8) >>> (3)

    def test_js_round(self):
        self.assertJs(_js_round(2.5), 3)  # Math.round(2.5)
        self.assertJs(_js_round(-2.5), -2)  # Math.round(-2.5)
        # Math.round(-0.4) is -0: an int here (no int -0, see the compiler README)
        self.assertJs(_js_round(-0.4), 0)
        self.assertJs(_js_round(0.49999999999999994), 0)  # Math.round(0.49999999999999994)
        self.assertJs(_js_round(math.nan), math.nan)  # Math.round(NaN)
        self.assertJs(_js_round(math.inf), math.inf)  # Math.round(Infinity)
        # Math.round(-0) is -0: an int here (no int -0, see the compiler README)
        self.assertJs(_js_round(-0.0), 0)
        self.assertJs(_js_round(4503599627370495.5), 4503599627370496)  # Math.round(4503599627370495.5)
        self.assertJs(_js_round(3), 3)  # Math.round(3)

    def test_js_sign(self):
        self.assertJs(_js_sign(-3), -1)  # Math.sign(-3)
        self.assertJs(_js_sign(2.5), 1)  # Math.sign(2.5)
        self.assertJs(_js_sign(0), 0)  # Math.sign(0)
        self.assertJs(_js_sign(-0.0), -0.0)  # Math.sign(-0)
        self.assertJs(_js_sign(math.nan), math.nan)  # Math.sign(NaN)
        self.assertJs(_js_sign(-math.inf), -1)  # Math.sign(-Infinity)

    def test_js_sqrt(self):
        # values from Node v20.20.2 (the expression beside each)
        nan, inf = math.nan, math.inf
        self.assertJs(_js_sqrt(-1), nan)  # Math.sqrt(-1)
        self.assertJs(_js_sqrt(-0.0), -0.0)  # Math.sqrt(-0)
        self.assertJs(_js_sqrt(inf), inf)  # Math.sqrt(Infinity)

    def test_js_log(self):
        # values from Node v20.20.2 (the expression beside each)
        nan, inf = math.nan, math.inf
        self.assertJs(_js_log(0), -inf)  # Math.log(0)
        self.assertJs(_js_log(-1), nan)  # Math.log(-1)
        self.assertJs(_js_log(8, math.log2), 3)  # Math.log2(8)
        self.assertJs(_js_log(-0.0, math.log10), -inf)  # Math.log10(-0)

    def test_js_log1p(self):
        # values from Node v20.20.2 (the expression beside each)
        nan, inf = math.nan, math.inf
        self.assertJs(_js_log1p(-1), -inf)  # Math.log1p(-1)
        self.assertJs(_js_log1p(-2), nan)  # Math.log1p(-2)

    def test_js_exp(self):
        # values from Node v20.20.2 (the expression beside each)
        inf = math.inf
        self.assertJs(_js_exp(1000), inf)  # Math.exp(1000)
        self.assertJs(_js_exp(1000, math.expm1), inf)  # Math.expm1(1000)
        self.assertJs(_js_exp(-1000, math.sinh), -inf)  # Math.sinh(-1000)
        self.assertJs(_js_exp(-1000, math.cosh), inf)  # Math.cosh(-1000)

    def test_js_trig(self):
        # values from Node v20.20.2 (the expression beside each)
        nan, inf = math.nan, math.inf
        self.assertJs(_js_trig(inf), nan)  # Math.sin(Infinity)
        self.assertJs(_js_trig(-inf, math.cos), nan)  # Math.cos(-Infinity)
        self.assertJs(_js_trig(nan, math.tan), nan)  # Math.tan(NaN)

    def test_js_asin(self):
        # values from Node v20.20.2 (the expression beside each)
        nan = math.nan
        self.assertJs(_js_asin(2), nan)  # Math.asin(2)
        self.assertJs(_js_asin(-1, math.acos), 3.141592653589793)  # Math.acos(-1)

    def test_js_acosh(self):
        # values from Node v20.20.2 (the expression beside each)
        nan = math.nan
        self.assertJs(_js_acosh(0.5), nan)  # Math.acosh(0.5)

    def test_js_atanh(self):
        # values from Node v20.20.2 (the expression beside each)
        nan, inf = math.nan, math.inf
        self.assertJs(_js_atanh(1), inf)  # Math.atanh(1)
        self.assertJs(_js_atanh(-1), -inf)  # Math.atanh(-1)
        self.assertJs(_js_atanh(2), nan)  # Math.atanh(2)

    def test_js_trunc_keeps_nan_and_infinity(self):
        # values from Node v20.20.2 (the expression beside each)
        nan, inf = math.nan, math.inf
        self.assertJs(_js_trunc(nan, math.floor), nan)  # Math.floor(NaN)
        self.assertJs(_js_trunc(-inf, math.ceil), -inf)  # Math.ceil(-Infinity)
        self.assertJs(_js_trunc(inf), inf)  # Math.trunc(Infinity)
        self.assertJs(_js_trunc(-2.5, math.floor), -3)  # Math.floor(-2.5)

    def test_js_cbrt(self):
        self.assertJs(_js_cbrt(27), 3)  # Math.cbrt(27)
        self.assertJs(_js_cbrt(-8), -2)  # Math.cbrt(-8)
        self.assertJs(_js_cbrt(2), 1.2599210498948732)  # Math.cbrt(2)
        self.assertJs(_js_cbrt(0.001), 0.1)  # Math.cbrt(0.001)
        self.assertJs(_js_cbrt(1e300), 1e+100)  # Math.cbrt(1e300)
        self.assertJs(_js_cbrt(5e-324), 1.7031839360032603e-108)  # Math.cbrt(5e-324)
        self.assertJs(_js_cbrt(-0.0), -0.0)  # Math.cbrt(-0)
        self.assertJs(_js_cbrt(math.nan), math.nan)  # Math.cbrt(NaN)
        self.assertJs(_js_cbrt(math.inf), math.inf)  # Math.cbrt(Infinity)
        self.assertJs(_js_cbrt(3), 1.4422495703074083)  # Math.cbrt(3)

    def test_js_max(self):
        self.assertJs(_js_max(), -math.inf)  # Math.max()
        self.assertJs(_js_max(1, 3, 2), 3)  # Math.max(1, 3, 2)
        self.assertJs(_js_max(1, math.nan), math.nan)  # Math.max(1, NaN)
        self.assertJs(_js_max(-0.0, 0), 0)  # Math.max(-0, 0)
        self.assertJs(_js_max(0, -0.0), 0)  # Math.max(0, -0)
        self.assertJs(_js_max(-math.inf), -math.inf)  # Math.max(-Infinity)

    def test_js_min(self):
        self.assertJs(_js_min(), math.inf)  # Math.min()
        self.assertJs(_js_min(1, 3, -2), -2)  # Math.min(1, 3, -2)
        self.assertJs(_js_min(math.nan, 1), math.nan)  # Math.min(NaN, 1)
        self.assertJs(_js_min(0, -0.0), -0.0)  # Math.min(0, -0)
        self.assertJs(_js_min(-0.0, 0), -0.0)  # Math.min(-0, 0)

    def test_js_trunc(self):
        self.assertJs(_js_trunc(2.7), 2)  # Math.trunc(2.7)
        self.assertJs(_js_trunc(-2.7), -2)  # Math.trunc(-2.7)
        self.assertJs(_js_trunc(math.nan), math.nan)  # Math.trunc(NaN)
        self.assertJs(_js_trunc(math.inf), math.inf)  # Math.trunc(Infinity)
        # Math.trunc(-0.5) is -0: an int here (no int -0, see the compiler README)
        self.assertJs(_js_trunc(-0.5), 0)
        self.assertJs(_js_trunc(-2.5, math.floor), -3)  # Math.floor(-2.5)
        self.assertJs(_js_trunc(math.nan, math.floor), math.nan)  # Math.floor(NaN)
        self.assertJs(_js_trunc(-math.inf, math.floor), -math.inf)  # Math.floor(-Infinity)
        # Math.ceil(-0.5) is -0: an int here (no int -0, see the compiler README)
        self.assertJs(_js_trunc(-0.5, math.ceil), 0)
        self.assertJs(_js_trunc(2.1, math.ceil), 3)  # Math.ceil(2.1)
        self.assertJs(_js_trunc(math.inf, math.ceil), math.inf)  # Math.ceil(Infinity)

    def test_js_parse_float(self):
        self.assertJs(_js_parse_float('3.14abc'), 3.14)  # parseFloat('3.14abc')
        self.assertJs(_js_parse_float('  -1e3x'), -1000)  # parseFloat('  -1e3x')
        self.assertJs(_js_parse_float('.5'), 0.5)  # parseFloat('.5')
        self.assertJs(_js_parse_float('-.5e-2'), -0.005)  # parseFloat('-.5e-2')
        self.assertJs(_js_parse_float('abc'), math.nan)  # parseFloat('abc')
        self.assertJs(_js_parse_float('Infinityx'), math.inf)  # parseFloat('Infinityx')
        self.assertJs(_js_parse_float('-Infinity'), -math.inf)  # parseFloat('-Infinity')
        self.assertJs(_js_parse_float('1e1000'), math.inf)  # parseFloat('1e1000')
        self.assertJs(_js_parse_float('0x10'), 0)  # parseFloat('0x10')
        self.assertJs(_js_parse_float('-0'), -0.0)  # parseFloat('-0')
        self.assertJs(_js_parse_float(''), math.nan)  # parseFloat('')
        self.assertJs(_js_parse_float('\u00a0 7'), 7)  # parseFloat('\u00a0 7')
        self.assertJs(_js_parse_float('1.'), 1)  # parseFloat('1.')
        self.assertJs(_js_parse_float('1e'), 1)  # parseFloat('1e')
        self.assertJs(_js_parse_float('+2'), 2)  # parseFloat('+2')
        self.assertJs(_js_parse_float(None), math.nan)  # parseFloat(undefined)
        self.assertJs(_js_parse_float([1.5, 2]), 1.5)  # parseFloat([1.5, 2])

    def test_js_parse_int(self):
        self.assertJs(_js_parse_int('42px'), 42)  # parseInt('42px')
        self.assertJs(_js_parse_int('  -17'), -17)  # parseInt('  -17')
        self.assertJs(_js_parse_int('0x1F'), 31)  # parseInt('0x1F')
        self.assertJs(_js_parse_int('0x1F', 16), 31)  # parseInt('0x1F', 16)
        self.assertJs(_js_parse_int('1F', 16), 31)  # parseInt('1F', 16)
        self.assertJs(_js_parse_int('z', 36), 35)  # parseInt('z', 36)
        self.assertJs(_js_parse_int('101', 2), 5)  # parseInt('101', 2)
        self.assertJs(_js_parse_int('12', 1), math.nan)  # parseInt('12', 1)
        self.assertJs(_js_parse_int('12', 37), math.nan)  # parseInt('12', 37)
        self.assertJs(_js_parse_int('12', 0), 12)  # parseInt('12', 0)
        self.assertJs(_js_parse_int('abc'), math.nan)  # parseInt('abc')
        self.assertJs(_js_parse_int(''), math.nan)  # parseInt('')
        # parseInt('-0') is -0: an int here (no int -0, see the compiler README)
        self.assertJs(_js_parse_int('-0'), 0)
        self.assertJs(_js_parse_int('9007199254740993'), 9007199254740992)  # parseInt('9007199254740993')
        # parseInt('123456789012345678901234567890')
        self.assertJs(_js_parse_int('123456789012345678901234567890'), 1.2345678901234568e+29)
        self.assertJs(_js_parse_int('0.0000005'), 0)  # parseInt('0.0000005')
        self.assertJs(_js_parse_int('077'), 77)  # parseInt('077')
        self.assertJs(_js_parse_int('-0x10'), -16)  # parseInt('-0x10')
        self.assertJs(_js_parse_int('ff', 16.9), 255)  # parseInt('ff', 16.9)
        self.assertJs(_js_parse_int('10', 4294967312), 16)  # parseInt('10', 4294967312)
        self.assertJs(_js_parse_int('\ufeff 8'), 8)  # parseInt('\ufeff 8')
        self.assertJs(_js_parse_int(None), math.nan)  # parseInt(undefined)
        self.assertJs(_js_parse_int(5e-7), 5)  # parseInt(5e-7)
        self.assertJs(_js_parse_int(1e21), 1)  # parseInt(1e21)

    def test_js_is_integer(self):
        self.assertJs(_js_is_integer(5), True)  # Number.isInteger(5)
        self.assertJs(_js_is_integer(5.0), True)  # Number.isInteger(5.0)
        self.assertJs(_js_is_integer(5.5), False)  # Number.isInteger(5.5)
        self.assertJs(_js_is_integer(math.nan), False)  # Number.isInteger(NaN)
        self.assertJs(_js_is_integer(math.inf), False)  # Number.isInteger(Infinity)
        self.assertJs(_js_is_integer(-0.0), True)  # Number.isInteger(-0)
        self.assertJs(_js_is_integer('5'), False)  # Number.isInteger('5')
        self.assertJs(_js_is_integer(True), False)  # Number.isInteger(true)
        self.assertJs(_js_is_integer(None), False)  # Number.isInteger(undefined)

    def test_js_to_fixed(self):
        self.assertJs(_js_to_fixed(1.005, 2), '1.00')  # (1.005).toFixed(2)
        self.assertJs(_js_to_fixed(2.5), '3')  # (2.5).toFixed()
        self.assertJs(_js_to_fixed(-2.5), '-3')  # (-2.5).toFixed()
        self.assertJs(_js_to_fixed(1.45, 1), '1.4')  # (1.45).toFixed(1)
        self.assertJs(_js_to_fixed(1e21, 2), '1e+21')  # (1e21).toFixed(2)
        self.assertJs(_js_to_fixed(math.nan, 2), 'NaN')  # (NaN).toFixed(2)
        self.assertJs(_js_to_fixed(-0.0, 2), '0.00')  # (-0).toFixed(2)
        self.assertJs(_js_to_fixed(0.000001, 7), '0.0000010')  # (0.000001).toFixed(7)
        self.assertJs(_js_to_fixed(123.456, 0), '123')  # (123.456).toFixed(0)
        self.assertJs(_js_to_fixed(-1e-10, 3), '-0.000')  # (-1e-10).toFixed(3)
        self.assertJs(_js_to_fixed(math.inf, 1), 'Infinity')  # (Infinity).toFixed(1)
        self.assertJs(_js_to_fixed(5, 100), '5.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000')  # (5).toFixed(100)
        self.assertThrows(JsRangeError, 'toFixed() digits argument must be between 0 and 100', lambda: _js_to_fixed(5, 101))  # (5).toFixed(101)
        self.assertThrows(JsRangeError, 'toFixed() digits argument must be between 0 and 100', lambda: _js_to_fixed(5, -1))  # (5).toFixed(-1)
        self.assertJs(_js_to_fixed(5, 2.9), '5.00')  # (5).toFixed(2.9)

    def test_js_int_to_radix(self):
        self.assertJs(_js_int_to_radix(255, 16), 'ff')  # (255).toString(16)
        self.assertJs(_js_int_to_radix(-255, 2), '-11111111')  # (-255).toString(2)
        self.assertJs(_js_int_to_radix(0.5, 2), '0.1')  # (0.5).toString(2)
        self.assertJs(_js_int_to_radix(0.1, 3), '0.0022002200220022002200220022002201')  # (0.1).toString(3)
        self.assertJs(_js_int_to_radix(3.75, 16), '3.c')  # (3.75).toString(16)
        self.assertJs(_js_int_to_radix(-0.0, 2), '0')  # (-0).toString(2)
        self.assertJs(_js_int_to_radix(math.nan, 16), 'NaN')  # (NaN).toString(16)
        self.assertJs(_js_int_to_radix(math.inf, 36), 'Infinity')  # (Infinity).toString(36)
        self.assertJs(_js_int_to_radix(2**60, 36), '8rc4kbdvss00')  # (2**60).toString(36)
        self.assertJs(_js_int_to_radix(1e21, 7), '5135235413265003022600000')  # (1e21).toString(7)
        self.assertJs(_js_int_to_radix(123.456, 36), '3f.gez4w97ry')  # (123.456).toString(36)
        self.assertJs(_js_int_to_radix(255, 10), '255')  # (255).toString(10)
        self.assertJs(_js_int_to_radix(35, 36), 'z')  # (35).toString(36)
        self.assertJs(_js_int_to_radix(1e-7, 2), '0.0000000000000000000000011010110101111111001010011010101111001010111101001')  # (1e-7).toString(2)
        self.assertThrows(JsRangeError, 'toString() radix argument must be between 2 and 36', lambda: _js_int_to_radix(5, 1))  # (5).toString(1)
        self.assertThrows(JsRangeError, 'toString() radix argument must be between 2 and 36', lambda: _js_int_to_radix(5, 37))  # (5).toString(37)
        self.assertJs(_js_int_to_radix(5, 2.9), '101')  # (5).toString(2.9)

    def test_js_loop_stop(self):
        # (() => { const r = []; for (let i = 0; i < 3; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(3))), [0, 1, 2])
        # (() => { const r = []; for (let i = 0; i < 2.5; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(2.5))), [0, 1, 2])
        # (() => { const r = []; for (let i = 0; i <= 2.5; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(2.5, True))), [0, 1, 2])
        # (() => { const r = []; for (let i = 0; i <= 3; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(3, True))), [0, 1, 2, 3])
        # (() => { const r = []; for (let i = 0; i < -1; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(-1))), [])
        # (() => { const r = []; for (let i = 0; i < NaN; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(math.nan))), [])
        # (() => { const r = []; for (let i = 0; i <= -0.5; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(-0.5, True))), [])
        # (() => { const r = []; for (let i = 0; i <= 0; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(0, True))), [0])
        # (() => { const r = []; for (let i = 0; i < -Infinity; i++) r.push(i); return r; })()
        self.assertJs(list(range(0, _js_loop_stop(-math.inf))), [])
        # an infinite bound: the loop runs until it breaks
        self.assertJs(_js_loop_stop(math.inf) > 2**62, True)
