"""runtime/json_.py: JSON.stringify and JSON.parse.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

import math

from ..errors import JsSyntaxError, JsTypeError
from ..json_ import _js_json_call_to_json, _js_json_parse, _js_json_quote, _js_json_stringify
from .jsassert import JsTestCase


class Point:
    # what the compiler makes of `class Point { x = 1; from = 2; #secret = 3; toJSON?: never }`
    def __init__(self):
        self.x = 1
        self.from_ = 2
        self._Point__secret = 3


class TestJson(JsTestCase):
    def test_js_json_quote(self):
        self.assertJs(_js_json_quote('a"b\\c'), '"a\\"b\\\\c"')  # JSON.stringify('a"b\\c')
        # JSON.stringify('\n\t\x01\x7f\u2028')
        self.assertJs(_js_json_quote('\n\t\x01\x7f\u2028'), '"\\n\\t\\u0001\x7f\u2028"')
        self.assertJs(_js_json_quote('\ud800x'), '"\\ud800x"')  # JSON.stringify('\ud800x')
        self.assertJs(_js_json_quote('é😀'), '"é😀"')  # JSON.stringify('\u00e9\u{1F600}')
        self.assertJs(_js_json_quote(''), '""')  # JSON.stringify('')

    def test_js_json_stringify(self):
        self.assertJs(_js_json_stringify({'a': [1, 2.5, None, True], 'b': 'x'}), '{"a":[1,2.5,null,true],"b":"x"}')  # JSON.stringify({ a: [1, 2.5, null, true], b: 'x' })
        self.assertJs(_js_json_stringify([math.nan, math.inf, -0.0, 1e21, 1e-7, 2**53 + 2, 0.1 + 0.2]), '[null,null,0,1e+21,1e-7,9007199254740994,0.30000000000000004]')  # JSON.stringify([NaN, Infinity, -0, 1e21, 1e-7, 2**53 + 2, 0.1 + 0.2])
        # array-index keys first, at any depth; a key that only looks like one stays in place
        self.assertJs(_js_json_stringify({'b': 1, '2': {'z': 0, '1': 1}, '01': 3, '0': 4}), '{"0":4,"2":{"1":1,"z":0},"b":1,"01":3}')  # JSON.stringify({ b: 1, 2: { z: 0, 1: 1 }, "01": 3, 0: 4 })
        self.assertJs(_js_json_stringify({'s': '{"1":2}'}), '{"s":"{\\"1\\":2}"}')  # JSON.stringify({ s: '{"1":2}' })
        # None is both null and undefined: written as null (the helper's docstring)
        self.assertJs(_js_json_stringify(None), 'null')  # JSON.stringify(null)
        self.assertJs(_js_json_stringify({'a': None}), '{"a":null}')  # JSON.stringify({ a: null })
        # JSON.stringify((() => { class Point { x = 1; from = 2; #secret = 3 } return new Point(); })())
        self.assertJs(_js_json_stringify(Point()), '{"x":1,"from":2}')
        self.assertJs(_js_json_stringify([[], {}]), '[[],{}]')  # JSON.stringify([[], {}])
        self.assertJs(_js_json_stringify({'a': [1, {'b': 2}], 'c': 'd'}, None, 2), '{\n  "a": [\n    1,\n    {\n      "b": 2\n    }\n  ],\n  "c": "d"\n}')  # JSON.stringify({ a: [1, { b: 2 }], c: 'd' }, null, 2)
        # JSON.stringify([1, [2]], null, '--')
        self.assertJs(_js_json_stringify([1, [2]], None, '--'), '[\n--1,\n--[\n----2\n--]\n]')
        # JSON.stringify([1], null, 20)
        self.assertJs(_js_json_stringify([1], None, 20), '[\n          1\n]')
        # (a replacer is refused by the compiler: BPY unsupportedMember; the helper takes None)
        self.assertJs(_js_json_stringify('str'), '"str"')  # JSON.stringify('str')
        self.assertJs(_js_json_stringify(5), '5')  # JSON.stringify(5)
        # a cycle is a TypeError (Node's message names the path: only the class is checked)
        a = []
        a.append(a)
        self.assertThrows(JsTypeError, None, lambda: _js_json_stringify(a))

    def test_js_json_stringify_undefined(self):
        # the compiler passes the keys whose None is undefined (from the static type)
        # JSON.stringify({ u: undefined, v: 1, n: null })
        self.assertJs(_js_json_stringify({'u': None, 'v': 1, 'n': None}, None, None, frozenset({'u'})), '{"v":1,"n":null}')
        # JSON.stringify({ a: [undefined, 1], b: { u: undefined } }, null, 1)
        self.assertJs(_js_json_stringify({'a': [None, 1], 'b': {'u': None}}, None, 1, frozenset({'u'})), '{\n "a": [\n  null,\n  1\n ],\n "b": {}\n}')
        # JSON.stringify({ x: undefined, y: undefined } as Record<string, number | undefined>)
        self.assertJs(_js_json_stringify({'x': None, 'y': None}, None, None, True), '{}')
        self.assertJs(_js_json_stringify(None, None, None, None, True), None)  # JSON.stringify(undefined)
        # JSON.stringify({ f: () => 1, a: [() => 1] })
        self.assertJs(_js_json_stringify({'f': lambda: 1, 'a': [lambda: 1]}), '{"a":[null]}')

    def test_js_json_call_to_json(self):
        class Dated:
            def toJSON(self):
                return 'd'

        self.assertJs(_js_json_call_to_json(Dated().toJSON, 'k'), 'd')  # ({ toJSON() { return 'd'; } }).toJSON('k')
        self.assertJs(_js_json_call_to_json(lambda key: 'key:' + key, 'k'), 'key:k')  # ((key) => 'key:' + key)('k')
        self.assertJs(_js_json_call_to_json(lambda *a: len(a), 'k'), 1)  # ((...a) => a.length)('k')
        # JSON.stringify([{ toJSON: (k: string) => k }, { toJSON: (k: string) => k }])
        self.assertJs(_js_json_stringify([{'toJSON': lambda k: k}, {'toJSON': lambda k: k}]), '["0","1"]')

    def test_js_json_parse(self):
        self.assertJs(_js_json_parse('{"a": [1, 2.5, null, true, "x"], "b": {}}'), {'a': [1, 2.5, None, True, 'x'], 'b': {}})  # JSON.parse('{"a": [1, 2.5, null, true, "x"], "b": {}}')
        self.assertJs(_js_json_parse('"\\u00e9"'), 'é')  # JSON.parse('"\\u00e9"')
        self.assertJs(_js_json_parse('1e3'), 1000)  # JSON.parse('1e3')
        # JSON.parse('-0') is -0: an int here (no int -0, see the compiler README)
        self.assertJs(_js_json_parse('-0'), 0)
        self.assertJs(_js_json_parse('[]'), [])  # JSON.parse('[]')
        self.assertJs(_js_json_parse(' 7 '), 7)  # JSON.parse(' 7 ')
        self.assertThrows(JsSyntaxError, None, lambda: _js_json_parse('NaN'))  # JSON.parse('NaN')
        self.assertThrows(JsSyntaxError, None, lambda: _js_json_parse('Infinity'))  # JSON.parse('Infinity')
        self.assertThrows(JsSyntaxError, None, lambda: _js_json_parse('{'))  # JSON.parse('{')
        self.assertThrows(JsSyntaxError, None, lambda: _js_json_parse("{'a': 1}"))  # JSON.parse("{'a': 1}")
        self.assertThrows(JsSyntaxError, None, lambda: _js_json_parse('[1,]'))  # JSON.parse('[1,]')
        self.assertThrows(JsSyntaxError, None, lambda: _js_json_parse(''))  # JSON.parse('')

    def test_js_json_stringify_object_literal_toJSON(self):
        # JSON.stringify({ toJSON: () => 'custom' })
        self.assertJs(_js_json_stringify({'toJSON': lambda: 'custom'}), '"custom"')

    def test_js_json_stringify_toJSON_key(self):
        class Keyed:
            def toJSON(self, key):
                return 'key:' + key

        # JSON.stringify({ a: { toJSON: (key) => 'key:' + key } })
        self.assertJs(_js_json_stringify({'a': Keyed()}), '{"a":"key:a"}')
