"""runtime/strings.py: String.prototype methods.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

import math

from ..errors import JsRangeError
from ..strings import (
    _js_char_at,
    _js_char_code_at,
    _js_code_point_at,
    _js_pad,
    _js_repeat,
    _js_replace,
    _js_split,
    _js_str_index_of,
    _js_str_last_index_of,
    _js_substring,
    _js_uint16,
)
from .jsassert import JsTestCase


class TestStrings(JsTestCase):
    def test_js_repeat(self):
        self.assertJs(_js_repeat('ab', 3), 'ababab')  # 'ab'.repeat(3)
        self.assertJs(_js_repeat('ab', 2.9), 'abab')  # 'ab'.repeat(2.9)
        self.assertJs(_js_repeat('ab', 0), '')  # 'ab'.repeat(0)
        self.assertJs(_js_repeat('ab', math.nan), '')  # 'ab'.repeat(NaN)
        self.assertJs(_js_repeat('', 5), '')  # ''.repeat(5)
        self.assertJs(_js_repeat('', 2**40), '')  # ''.repeat(2**40)
        # 'a'.repeat(-1)
        self.assertThrows(JsRangeError, 'Invalid count value: -1', lambda: _js_repeat('a', -1))
        # 'a'.repeat(Infinity)
        self.assertThrows(JsRangeError, 'Invalid count value: Infinity', lambda: _js_repeat('a', math.inf))
        # 'ab'.repeat(2**29)
        self.assertThrows(JsRangeError, 'Invalid string length', lambda: _js_repeat('ab', 2**29))

    def test_js_uint16(self):
        self.assertJs(chr(_js_uint16(65)), 'A')  # String.fromCharCode(65)
        self.assertJs(chr(_js_uint16(65601)), 'A')  # String.fromCharCode(65601)
        self.assertJs(chr(_js_uint16(-1)), '\uffff')  # String.fromCharCode(-1)
        self.assertJs(chr(_js_uint16(65.9)), 'A')  # String.fromCharCode(65.9)
        self.assertJs(chr(_js_uint16(math.nan)), '\x00')  # String.fromCharCode(NaN)
        self.assertJs(chr(_js_uint16(math.inf)), '\x00')  # String.fromCharCode(Infinity)

    def test_js_str_last_index_of(self):
        self.assertJs(_js_str_last_index_of('canal', 'a', 2), 1)  # 'canal'.lastIndexOf('a', 2)
        self.assertJs(_js_str_last_index_of('canal', 'a', 0), -1)  # 'canal'.lastIndexOf('a', 0)
        self.assertJs(_js_str_last_index_of('canal', 'a', -5), -1)  # 'canal'.lastIndexOf('a', -5)
        self.assertJs(_js_str_last_index_of('canal', 'a', math.nan), 3)  # 'canal'.lastIndexOf('a', NaN)
        self.assertJs(_js_str_last_index_of('canal', 'a', 100), 3)  # 'canal'.lastIndexOf('a', 100)
        self.assertJs(_js_str_last_index_of('canal', 'a', 3.9), 3)  # 'canal'.lastIndexOf('a', 3.9)
        self.assertJs(_js_str_last_index_of('canal', 'a', None), 3)  # 'canal'.lastIndexOf('a', undefined)
        self.assertJs(_js_str_last_index_of('abc', '', 1), 1)  # 'abc'.lastIndexOf('', 1)
        self.assertJs(_js_str_last_index_of('abc', '', 9), 3)  # 'abc'.lastIndexOf('', 9)

    def test_js_char_at(self):
        self.assertJs(_js_char_at('hello'), 'h')  # 'hello'.charAt()
        self.assertJs(_js_char_at('hello', 1), 'e')  # 'hello'.charAt(1)
        self.assertJs(_js_char_at('hello', 1.7), 'e')  # 'hello'.charAt(1.7)
        self.assertJs(_js_char_at('hello', -1), '')  # 'hello'.charAt(-1)
        self.assertJs(_js_char_at('hello', 5), '')  # 'hello'.charAt(5)
        self.assertJs(_js_char_at('hello', math.nan), 'h')  # 'hello'.charAt(NaN)

    def test_js_char_code_at(self):
        self.assertJs(_js_char_code_at('h\u00e9'), 104)  # 'h\u00e9'.charCodeAt()
        self.assertJs(_js_char_code_at('h\u00e9', 1), 233)  # 'h\u00e9'.charCodeAt(1)
        self.assertJs(_js_char_code_at('h\u00e9', 2), math.nan)  # 'h\u00e9'.charCodeAt(2)
        self.assertJs(_js_char_code_at('h\u00e9', -1), math.nan)  # 'h\u00e9'.charCodeAt(-1)
        self.assertJs(_js_char_code_at('h\u00e9', math.nan), 104)  # 'h\u00e9'.charCodeAt(NaN)
        self.assertJs(_js_char_code_at('h\u00e9', 0.5), 104)  # 'h\u00e9'.charCodeAt(0.5)

    def test_js_code_point_at(self):
        self.assertJs(_js_code_point_at('h\u00e9'), 104)  # 'h\u00e9'.codePointAt()
        self.assertJs(_js_code_point_at('h\u00e9', 1), 233)  # 'h\u00e9'.codePointAt(1)
        self.assertJs(_js_code_point_at('h\u00e9', 2), None)  # 'h\u00e9'.codePointAt(2)
        self.assertJs(_js_code_point_at('h\u00e9', -1), None)  # 'h\u00e9'.codePointAt(-1)

    def test_js_substring(self):
        self.assertJs(_js_substring('hello', 1), 'ello')  # 'hello'.substring(1)
        self.assertJs(_js_substring('hello', 1, 3), 'el')  # 'hello'.substring(1, 3)
        self.assertJs(_js_substring('hello', 3, 1), 'el')  # 'hello'.substring(3, 1)
        self.assertJs(_js_substring('hello', -2), 'hello')  # 'hello'.substring(-2)
        self.assertJs(_js_substring('hello', 1, math.nan), 'h')  # 'hello'.substring(1, NaN)
        self.assertJs(_js_substring('hello', math.nan, 2), 'he')  # 'hello'.substring(NaN, 2)
        self.assertJs(_js_substring('hello', 2, 99), 'llo')  # 'hello'.substring(2, 99)
        self.assertJs(_js_substring('hello', 1.5, 3.5), 'el')  # 'hello'.substring(1.5, 3.5)
        self.assertJs(_js_substring('hello', 1, None), 'ello')  # 'hello'.substring(1, undefined)

    def test_js_str_index_of(self):
        self.assertJs(_js_str_index_of('banana', 'an'), 1)  # 'banana'.indexOf('an')
        self.assertJs(_js_str_index_of('banana', 'an', 2), 3)  # 'banana'.indexOf('an', 2)
        self.assertJs(_js_str_index_of('banana', 'an', -5), 1)  # 'banana'.indexOf('an', -5)
        self.assertJs(_js_str_index_of('banana', 'x'), -1)  # 'banana'.indexOf('x')
        self.assertJs(_js_str_index_of('banana', '', 3), 3)  # 'banana'.indexOf('', 3)
        self.assertJs(_js_str_index_of('banana', '', 99), 6)  # 'banana'.indexOf('', 99)
        self.assertJs(_js_str_index_of('banana', 'a', 5.5), 5)  # 'banana'.indexOf('a', 5.5)
        self.assertJs(_js_str_index_of('banana', 'a', math.nan), 1)  # 'banana'.indexOf('a', NaN)

    def test_js_split(self):
        self.assertJs(_js_split('a,b,,c', None), ['a,b,,c'])  # 'a,b,,c'.split(undefined)
        self.assertJs(_js_split('a,b,,c', ','), ['a', 'b', '', 'c'])  # 'a,b,,c'.split(',')
        self.assertJs(_js_split('a,b,,c', ''), ['a', ',', 'b', ',', ',', 'c'])  # 'a,b,,c'.split('')
        self.assertJs(_js_split('a,b,,c', ',', 2), ['a', 'b'])  # 'a,b,,c'.split(',', 2)
        self.assertJs(_js_split('a,b,,c', ',', -1), ['a', 'b', '', 'c'])  # 'a,b,,c'.split(',', -1)
        self.assertJs(_js_split('a,b,,c', ',', 0), [])  # 'a,b,,c'.split(',', 0)
        self.assertJs(_js_split('a,b,,c', ',', math.nan), [])  # 'a,b,,c'.split(',', NaN)
        self.assertJs(_js_split('a,b,,c', ',', 2.5), ['a', 'b'])  # 'a,b,,c'.split(',', 2.5)
        self.assertJs(_js_split('a,b,,c', ',,'), ['a,b', 'c'])  # 'a,b,,c'.split(',,')
        self.assertJs(_js_split('a,b,,c', 'x'), ['a,b,,c'])  # 'a,b,,c'.split('x')
        self.assertJs(_js_split('', ','), [''])  # ''.split(',')
        self.assertJs(_js_split('', ''), [])  # ''.split('')

    def test_js_replace(self):
        self.assertJs(_js_replace('aXbX', 'X', '-'), 'a-bX')  # 'aXbX'.replace('X', '-')
        self.assertJs(_js_replace('aXbX', 'X', '-', True), 'a-b-')  # 'aXbX'.replaceAll('X', '-')
        # 'aXb'.replace('X', '[$&|$`|$\'|$$|$1]')
        self.assertJs(_js_replace('aXb', 'X', '[$&|$`|$\'|$$|$1]'), 'a[X|a|b|$|$1]b')
        self.assertJs(_js_replace('abc', '', '-'), '-abc')  # 'abc'.replace('', '-')
        self.assertJs(_js_replace('abc', '', '-', True), '-a-b-c-')  # 'abc'.replaceAll('', '-')
        self.assertJs(_js_replace('abc', 'z', '-'), 'abc')  # 'abc'.replace('z', '-')
        # 'aXbX'.replaceAll('X', (m, i) => m + String(i))
        self.assertJs(_js_replace('aXbX', 'X', lambda m, i, s: m + str(i), True), 'aX1bX3')
        self.assertJs(_js_replace('', '', 'x', True), 'x')  # ''.replaceAll('', 'x')

    def test_js_pad(self):
        self.assertJs(_js_pad('5', 3, '0'), '005')  # '5'.padStart(3, '0')
        self.assertJs(_js_pad('5', 3, '0', False), '500')  # '5'.padEnd(3, '0')
        self.assertJs(_js_pad('abc', 10, '12'), '1212121abc')  # 'abc'.padStart(10, '12')
        self.assertJs(_js_pad('abc', 2), 'abc')  # 'abc'.padStart(2)
        self.assertJs(_js_pad('abc', 6, ''), 'abc')  # 'abc'.padStart(6, '')
        self.assertJs(_js_pad('abc', 6, None), '   abc')  # 'abc'.padStart(6, undefined)
        self.assertJs(_js_pad('abc', 5.9), '  abc')  # 'abc'.padStart(5.9)
        self.assertJs(_js_pad('abc', math.nan), 'abc')  # 'abc'.padStart(NaN)
        # 'abc'.padStart(2**30)
        self.assertThrows(JsRangeError, 'Invalid string length', lambda: _js_pad('abc', 2**30))
