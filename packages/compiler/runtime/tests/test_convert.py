"""runtime/convert.py: String(x), Number(x), truthiness, typeof, ===, integer arguments.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

import math

from ..convert import (
    _JS_WHITESPACE,
    _js_num_str,
    _js_slice_index,
    _js_str,
    _js_strict_eq,
    _js_to_int,
    _js_to_number,
    _js_truthy,
    _js_typeof,
)
from ..errors import JsError, JsTypeError
from .jsassert import JsTestCase


class TestConvert(JsTestCase):
    def test_js_num_str(self):
        self.assertJs(_js_num_str(0), '0')  # String(0)
        self.assertJs(_js_num_str(-0.0), '0')  # String(-0)
        self.assertJs(_js_num_str(1), '1')  # String(1)
        self.assertJs(_js_num_str(-1.5), '-1.5')  # String(-1.5)
        self.assertJs(_js_num_str(0.1 + 0.2), '0.30000000000000004')  # String(0.1 + 0.2)
        self.assertJs(_js_num_str(1e21), '1e+21')  # String(1e21)
        self.assertJs(_js_num_str(1e20), '100000000000000000000')  # String(1e20)
        # String(123456789012345680000)
        self.assertJs(_js_num_str(123456789012345680000.0), '123456789012345680000')
        self.assertJs(_js_num_str(1e-7), '1e-7')  # String(1e-7)
        self.assertJs(_js_num_str(0.000001), '0.000001')  # String(0.000001)
        self.assertJs(_js_num_str(1.5e-10), '1.5e-10')  # String(1.5e-10)
        self.assertJs(_js_num_str(2**53), '9007199254740992')  # String(2**53)
        self.assertJs(_js_num_str(2**53 + 1), '9007199254740992')  # String(2**53 + 1)
        self.assertJs(_js_num_str(2**70), '1.1805916207174113e+21')  # String(2**70)
        self.assertJs(_js_num_str(10**400), 'Infinity')  # String(Infinity)
        self.assertJs(_js_num_str(-(10**400)), '-Infinity')  # String(-Infinity)
        self.assertJs(_js_num_str(math.nan), 'NaN')  # String(NaN)
        self.assertJs(_js_num_str(math.inf), 'Infinity')  # String(Infinity)
        self.assertJs(_js_num_str(-math.inf), '-Infinity')  # String(-Infinity)
        self.assertJs(_js_num_str(5e-324), '5e-324')  # String(5e-324)
        # String(1.7976931348623157e308)
        self.assertJs(_js_num_str(1.7976931348623157e308), '1.7976931348623157e+308')
        self.assertJs(_js_num_str(100.0), '100')  # String(100)
        self.assertJs(_js_num_str(123.456), '123.456')  # String(123.456)
        self.assertJs(_js_num_str(True), 'true')  # String(true)

    def test_js_str(self):
        self.assertJs(_js_str(None), 'undefined')  # String(undefined)
        self.assertJs(_js_str(True), 'true')  # String(true)
        self.assertJs(_js_str(False), 'false')  # String(false)
        self.assertJs(_js_str('aé'), 'aé')  # String('aé')
        self.assertJs(_js_str(-0.0), '0')  # String(-0)
        self.assertJs(_js_str(2.5), '2.5')  # String(2.5)
        self.assertJs(_js_str([1, None, [2, 3], 'x']), '1,,2,3,x')  # String([1, null, [2, 3], 'x'])
        self.assertJs(_js_str([]), '')  # String([])
        self.assertJs(_js_str({'a': 1}), '[object Object]')  # String({ a: 1 })
        self.assertJs(_js_str({'toString': lambda: 'mine'}), 'mine')  # String({ toString: () => 'mine' })
        self.assertJs(_js_str(JsError('boom')), 'Error: boom')  # String(new Error('boom'))
        self.assertJs(_js_str(JsTypeError('')), 'TypeError')  # String(new TypeError(''))
        self.assertJs(_js_str(JsError()), 'Error')  # String(new Error())

    def test_js_truthy(self):
        self.assertJs(_js_truthy(None), False)  # Boolean(undefined)
        self.assertJs(_js_truthy(0), False)  # Boolean(0)
        self.assertJs(_js_truthy(-0.0), False)  # Boolean(-0)
        self.assertJs(_js_truthy(math.nan), False)  # Boolean(NaN)
        self.assertJs(_js_truthy(''), False)  # Boolean('')
        self.assertJs(_js_truthy('0'), True)  # Boolean('0')
        self.assertJs(_js_truthy([]), True)  # Boolean([])
        self.assertJs(_js_truthy({}), True)  # Boolean(({}))
        self.assertJs(_js_truthy(0.5), True)  # Boolean(0.5)
        self.assertJs(_js_truthy(False), False)  # Boolean(false)
        self.assertJs(_js_truthy(True), True)  # Boolean(true)
        self.assertJs(_js_truthy(' '), True)  # Boolean(' ')

    def test_js_strict_eq(self):
        self.assertJs(_js_strict_eq(1, 1.0), True)  # 1 === 1.0
        self.assertJs(_js_strict_eq(math.nan, math.nan), False)  # NaN === NaN
        self.assertJs(_js_strict_eq(0, -0.0), True)  # 0 === -0
        self.assertJs(_js_strict_eq(True, 1), False)  # true === 1
        self.assertJs(_js_strict_eq('1', 1), False)  # '1' === 1
        self.assertJs(_js_strict_eq(None, None), True)  # undefined === undefined
        self.assertJs(_js_strict_eq('ab', 'ab'), True)  # 'ab' === 'ab'
        self.assertJs(_js_strict_eq(False, 0), False)  # false === 0
        a = [1]
        self.assertJs(_js_strict_eq(a, a), True)  # (() => { const a = [1]; return a === a; })()
        self.assertJs(_js_strict_eq([1], [1]), False)  # [1] === [1]

    def test_js_typeof(self):
        self.assertJs(_js_typeof(None), 'undefined')  # typeof undefined
        self.assertJs(_js_typeof(True), 'boolean')  # typeof true
        self.assertJs(_js_typeof(1), 'number')  # typeof 1
        self.assertJs(_js_typeof(math.nan), 'number')  # typeof NaN
        self.assertJs(_js_typeof('s'), 'string')  # typeof 's'
        self.assertJs(_js_typeof([]), 'object')  # typeof []
        self.assertJs(_js_typeof({}), 'object')  # typeof ({})
        self.assertJs(_js_typeof(len), 'function')  # typeof (() => 1)
        self.assertJs(_js_typeof(JsError), 'function')  # typeof Error
        self.assertJs(_js_typeof(JsError('x')), 'object')  # typeof new Error('x')
        self.assertJs(_js_typeof(None, 'object'), 'object')  # typeof null

    def test_js_to_int(self):
        self.assertJs(_js_to_int(2.7), 2)  # Math.trunc(Number(2.7)) || 0
        self.assertJs(_js_to_int(-2.7), -2)  # Math.trunc(Number(-2.7)) || 0
        self.assertJs(_js_to_int(-0.5), 0)  # Math.trunc(Number(-0.5)) || 0
        self.assertJs(_js_to_int(math.nan), 0)  # Math.trunc(Number(NaN)) || 0
        self.assertJs(_js_to_int(5), 5)  # Math.trunc(Number(5)) || 0
        self.assertJs(_js_to_int(None), 0)  # Math.trunc(Number(undefined)) || 0
        self.assertJs(_js_to_int(math.inf), math.inf)  # Math.trunc(Number(Infinity)) || 0
        self.assertJs(_js_to_int(-math.inf), -math.inf)  # Math.trunc(Number(-Infinity)) || 0
        self.assertJs(_js_to_int(1e300), 1e+300)  # Math.trunc(Number(1e300)) || 0

    def test_js_slice_index(self):
        self.assertJs('abcdef'[_js_slice_index(2.7) :], 'cdef')  # 'abcdef'.slice(2.7)
        self.assertJs('abcdef'[_js_slice_index(-2.7) :], 'ef')  # 'abcdef'.slice(-2.7)
        self.assertJs('abcdef'[_js_slice_index(math.nan) :], 'abcdef')  # 'abcdef'.slice(NaN)
        self.assertJs('abcdef'[_js_slice_index(math.inf) :], '')  # 'abcdef'.slice(Infinity)
        self.assertJs('abcdef'[_js_slice_index(-math.inf) :], 'abcdef')  # 'abcdef'.slice(-Infinity)
        self.assertJs('abcdef'[_js_slice_index(3) :], 'def')  # 'abcdef'.slice(3)

    def test_JS_WHITESPACE(self):
        # '\ufeff\u00a0\u2028 x \t\n\v\f\r\u3000'.trim()
        self.assertJs(('\ufeff\u00a0\u2028 x \t\n\v\f\r\u3000').strip(_JS_WHITESPACE), 'x')
        self.assertJs('\x1c\x85x'.strip(_JS_WHITESPACE), '\x1c\x85x')  # '\x1c\x85x'.trim()

    def test_js_to_number(self):
        self.assertJs(_js_to_number(None), math.nan)  # Number(undefined)
        self.assertJs(_js_to_number(True), 1)  # Number(true)
        # Number({valueOf() { return 42; }}), Number({toString() { return "7"; }})
        self.assertJs(_js_to_number({"valueOf": lambda: 42}), 42)
        self.assertJs(_js_to_number({"toString": lambda: "7"}), 7)
        # Number({valueOf() { return {}; }, toString() { return "8"; }}), Number({})
        self.assertJs(_js_to_number({"valueOf": lambda: {}, "toString": lambda: "8"}), 8)
        self.assertJs(_js_to_number({}), math.nan)

        class Money:
            def valueOf(self):
                return "0x10"

        self.assertJs(_js_to_number(Money()), 16)  # +{ valueOf() { return "0x10"; } }
        self.assertJs(_js_to_number(''), 0)  # Number('')
        self.assertJs(_js_to_number('  12  '), 12)  # Number('  12  ')
        self.assertJs(_js_to_number('0x1F'), 31)  # Number('0x1F')
        self.assertJs(_js_to_number('0b101'), 5)  # Number('0b101')
        self.assertJs(_js_to_number('0o17'), 15)  # Number('0o17')
        self.assertJs(_js_to_number('0x'), math.nan)  # Number('0x')
        self.assertJs(_js_to_number('1e3'), 1000)  # Number('1e3')
        self.assertJs(_js_to_number('-0'), -0.0)  # Number('-0')
        self.assertJs(_js_to_number('.5'), 0.5)  # Number('.5')
        self.assertJs(_js_to_number('5.'), 5)  # Number('5.')
        self.assertJs(_js_to_number('+Infinity'), math.inf)  # Number('+Infinity')
        self.assertJs(_js_to_number('-Infinity'), -math.inf)  # Number('-Infinity')
        self.assertJs(_js_to_number('infinity'), math.nan)  # Number('infinity')
        self.assertJs(_js_to_number('12px'), math.nan)  # Number('12px')
        self.assertJs(_js_to_number('1_000'), math.nan)  # Number('1_000')
        self.assertJs(_js_to_number([]), 0)  # Number([])
        self.assertJs(_js_to_number(['7']), 7)  # Number(['7'])
        self.assertJs(_js_to_number([1, 2]), math.nan)  # Number([1, 2])
        self.assertJs(_js_to_number({}), math.nan)  # Number(({}))
        self.assertJs(_js_to_number('\u00a012\ufeff'), 12)  # Number('\u00a012\ufeff')
        self.assertJs(_js_to_number('-5'), -5)  # Number('-5')
        self.assertJs(_js_to_number('1e400'), math.inf)  # Number('1e400')
        self.assertJs(_js_to_number(None, 0), 0)  # Number(null)
