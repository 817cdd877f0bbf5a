"""runtime/typed_arrays.py: Float32Array and Float64Array on Python's array module.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

import array
import math

from ..errors import JsRangeError, JsTypeError
from ..typed_arrays import (
    _js_typed_array,
    _js_typed_fill,
    _js_typed_filter,
    _js_typed_forEach,
    _js_typed_indexOf,
    _js_typed_join,
    _js_typed_map,
    _js_typed_reduce,
    _js_typed_set,
    _js_typed_slice,
)
from .jsassert import JsTestCase


def f32(*xs):
    return array.array("f", xs)


def f64(*xs):
    return array.array("d", xs)


class TestTypedArrays(JsTestCase):
    def test_js_typed_array(self):
        self.assertJs(list(_js_typed_array('f', 3)), [0, 0, 0])  # Array.from(new Float32Array(3))
        self.assertJs(list(_js_typed_array('d', 2.0)), [0, 0])  # Array.from(new Float64Array(2.0))
        self.assertJs(list(_js_typed_array('f', [0.1, 1e40, None])), [0.10000000149011612, math.inf, math.nan])  # Array.from(new Float32Array([0.1, 1e40, undefined]))
        # Array.from(new Float64Array([0.1, undefined]))
        self.assertJs(list(_js_typed_array('d', [0.1, None])), [0.1, math.nan])
        self.assertJs(list(_js_typed_array('f', math.nan)), [])  # Array.from(new Float32Array(NaN))
        self.assertJs(list(_js_typed_array('d', None)), [])  # Array.from(new Float64Array(undefined))
        self.assertJs(list(_js_typed_array('d', True)), [0])  # Array.from(new Float64Array(true))
        # new Float32Array(-1)
        self.assertThrows(JsRangeError, 'Invalid typed array length: -1', lambda: _js_typed_array('f', -1))
        self.assertJs(_js_typed_array('f', -0.5), [])  # new Float32Array(-0.5)
        self.assertJs(_js_typed_array('f', 1.5), [0])  # new Float32Array(1.5)
        self.assertThrows(JsRangeError, 'Invalid typed array length: Infinity', lambda: _js_typed_array('f', math.inf))  # new Float32Array(Infinity)
        self.assertThrows(JsRangeError, 'Invalid typed array length: -1.5', lambda: _js_typed_array('f', -1.5))  # new Float32Array(-1.5)
        self.assertEqual(_js_typed_array('f', 2).typecode, 'f')

    def test_js_typed_fill(self):
        # Array.from(new Float64Array([1, 2, 3, 4]).fill(0))
        self.assertJs(list(_js_typed_fill(f64(1, 2, 3, 4), 0)), [0, 0, 0, 0])
        # Array.from(new Float64Array([1, 2, 3, 4]).fill(0, 1))
        self.assertJs(list(_js_typed_fill(f64(1, 2, 3, 4), 0, 1)), [1, 0, 0, 0])
        # Array.from(new Float64Array([1, 2, 3, 4]).fill(0, 1, 3))
        self.assertJs(list(_js_typed_fill(f64(1, 2, 3, 4), 0, 1, 3)), [1, 0, 0, 4])
        # Array.from(new Float64Array([1, 2, 3, 4]).fill(0, -2))
        self.assertJs(list(_js_typed_fill(f64(1, 2, 3, 4), 0, -2)), [1, 2, 0, 0])
        # Array.from(new Float64Array([1, 2, 3, 4]).fill(0, 1, -1))
        self.assertJs(list(_js_typed_fill(f64(1, 2, 3, 4), 0, 1, -1)), [1, 0, 0, 4])
        # Array.from(new Float64Array([1, 2, 3, 4]).fill(0, -9, 9))
        self.assertJs(list(_js_typed_fill(f64(1, 2, 3, 4), 0, -9, 9)), [0, 0, 0, 0])
        # Array.from(new Float32Array([1, 2]).fill(0.1))
        self.assertJs(list(_js_typed_fill(f32(1, 2), 0.1)), [0.10000000149011612, 0.10000000149011612])

    def test_js_typed_set(self):
        # (() => { const a = new Float64Array([1, 2, 3, 4]); a.set([9, 8]); return Array.from(a); })()
        self.assertJs((lambda a: (_js_typed_set(a, [9, 8]), list(a))[1])(f64(1, 2, 3, 4)), [9, 8, 3, 4])
        # (() => { const a = new Float64Array([1, 2, 3, 4]); a.set([9, 8], 2); return Array.from(a); })()
        self.assertJs((lambda a: (_js_typed_set(a, [9, 8], 2), list(a))[1])(f64(1, 2, 3, 4)), [1, 2, 9, 8])
        self.assertJs((lambda a: (_js_typed_set(a, f32(0.1), 3), list(a))[1])(f64(1, 2, 3, 4)), [1, 2, 3, 0.10000000149011612])  # (() => { const a = new Float64Array([1, 2, 3, 4]); a.set(new Float32Array([0.1]), 3); return Array.from(a); })()
        self.assertThrows(JsRangeError, 'offset is out of bounds', lambda: _js_typed_set(f64(1, 2), [9, 8], 1))  # new Float64Array([1, 2]).set([9, 8], 1)
        self.assertThrows(JsRangeError, 'offset is out of bounds', lambda: _js_typed_set(f64(1, 2), [9], -1))  # new Float64Array([1, 2]).set([9], -1)

    def test_js_typed_slice(self):
        # Array.from(new Float64Array([1, 2, 3, 4]).slice())
        self.assertJs(list(_js_typed_slice(f64(1, 2, 3, 4), )), [1, 2, 3, 4])
        # Array.from(new Float64Array([1, 2, 3, 4]).slice(1))
        self.assertJs(list(_js_typed_slice(f64(1, 2, 3, 4), 1)), [2, 3, 4])
        # Array.from(new Float64Array([1, 2, 3, 4]).slice(1, 3))
        self.assertJs(list(_js_typed_slice(f64(1, 2, 3, 4), 1, 3)), [2, 3])
        # Array.from(new Float64Array([1, 2, 3, 4]).slice(-2))
        self.assertJs(list(_js_typed_slice(f64(1, 2, 3, 4), -2)), [3, 4])
        # Array.from(new Float64Array([1, 2, 3, 4]).slice(1, -1))
        self.assertJs(list(_js_typed_slice(f64(1, 2, 3, 4), 1, -1)), [2, 3])
        # Array.from(new Float64Array([1, 2, 3, 4]).slice(3, 1))
        self.assertJs(list(_js_typed_slice(f64(1, 2, 3, 4), 3, 1)), [])
        # Array.from(new Float64Array([1, 2, 3, 4]).slice(-9, 9))
        self.assertJs(list(_js_typed_slice(f64(1, 2, 3, 4), -9, 9)), [1, 2, 3, 4])
        self.assertEqual(_js_typed_slice(f32(1, 2), 1).typecode, 'f')

    def test_js_typed_indexOf(self):
        # new Float64Array([1, 2, NaN, 2]).indexOf(2)
        self.assertJs(_js_typed_indexOf(f64(1, 2, math.nan, 2), 2), 1)
        # new Float64Array([1, 2, NaN, 2]).indexOf(2, 2)
        self.assertJs(_js_typed_indexOf(f64(1, 2, math.nan, 2), 2, 2), 3)
        # new Float64Array([1, 2, NaN, 2]).indexOf(2, -1)
        self.assertJs(_js_typed_indexOf(f64(1, 2, math.nan, 2), 2, -1), 3)
        # new Float64Array([1, 2, NaN, 2]).indexOf(NaN)
        self.assertJs(_js_typed_indexOf(f64(1, 2, math.nan, 2), math.nan), -1)
        # new Float64Array([1, 2, NaN, 2]).indexOf(5)
        self.assertJs(_js_typed_indexOf(f64(1, 2, math.nan, 2), 5), -1)
        # new Float64Array([1, 2, NaN, 2]).indexOf(2, -9)
        self.assertJs(_js_typed_indexOf(f64(1, 2, math.nan, 2), 2, -9), 1)
        self.assertJs(_js_typed_indexOf(f32(0.1), 0.1), -1)  # new Float32Array([0.1]).indexOf(0.1)

    def test_js_typed_join(self):
        # new Float64Array([1, 0.5, -0, NaN]).join()
        self.assertJs(_js_typed_join(f64(1, 0.5, -0.0, math.nan)), '1,0.5,0,NaN')
        # new Float32Array([0.1, 2]).join('')
        self.assertJs(_js_typed_join(f32(0.1, 2), ''), '0.100000001490116122')
        self.assertJs(_js_typed_join(f64(1, 2), ' | '), '1 | 2')  # new Float64Array([1, 2]).join(' | ')

    def test_js_typed_map(self):
        self.assertJs(list(_js_typed_map(f32(1, 2), lambda v: v / 10, 1)), [0.10000000149011612, 0.20000000298023224])  # Array.from(new Float32Array([1, 2]).map((v) => v / 10))
        # Array.from(new Float64Array([1, 2]).map((v, i, a) => v * i + a.length))
        self.assertJs(list(_js_typed_map(f64(1, 2), lambda v, i, a: v * i + len(a), 3)), [2, 4])

    def test_js_typed_filter(self):
        # Array.from(new Float64Array([1, 0, 3, NaN]).filter((v) => v))
        self.assertJs(list(_js_typed_filter(f64(1, 0, 3, math.nan), lambda v: v, 1)), [1, 3])
        # Array.from(new Float64Array([5, 6, 7]).filter((v, i) => i !== 1))
        self.assertJs(list(_js_typed_filter(f64(5, 6, 7), lambda v, i: i != 1, 2)), [5, 7])

    def test_js_typed_reduce(self):
        # new Float64Array([1, 2, 3]).reduce((acc, v) => acc + v)
        self.assertJs(_js_typed_reduce(f64(1, 2, 3), lambda acc, v: acc + v, 2), 6)
        # new Float64Array([1, 2, 3]).reduce((acc, v, i) => acc + v * i, 10)
        self.assertJs(_js_typed_reduce(f64(1, 2, 3), lambda acc, v, i: acc + v * i, 3, 10), 18)
        self.assertThrows(JsTypeError, 'Reduce of empty array with no initial value', lambda: _js_typed_reduce(f64(), lambda acc, v: acc + v, 2))  # new Float64Array([]).reduce((acc, v) => acc + v)
        # new Float64Array([]).reduce((acc, v) => acc + v, 'x')
        self.assertJs(_js_typed_reduce(f64(), lambda acc, v: acc + v, 2, 'x'), 'x')

    def test_js_typed_forEach(self):
        self.assertJs((lambda out: (_js_typed_forEach(f64(1, 2), lambda v, i: out.append([v, i]), 2), out)[1])([]), [[1, 0], [2, 1]])  # (() => { const out = []; new Float64Array([1, 2]).forEach((v, i) => out.push([v, i])); return out; })()
