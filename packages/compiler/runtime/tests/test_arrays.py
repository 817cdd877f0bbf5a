"""runtime/arrays.py: element access and Array.prototype methods.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

import math

from ..arrays import (
    _js_store_past_end,
    _js_array_length,
    _js_at,
    _js_fill,
    _js_find_last_index,
    _js_flat,
    _js_from_length,
    _js_get,
    _js_includes,
    _js_index,
    _js_index_of,
    _js_join,
    _js_last_index_of,
    _js_pop,
    _js_push,
    _js_reduce,
    _js_reverse,
    _js_set,
    _js_set_length,
    _js_shift,
    _js_sort,
    _js_splice,
    _js_unpack,
    _js_unshift,
)
from ..errors import JsRangeError
from .jsassert import JsTestCase


class TestArrays(JsTestCase):
    def test_js_get(self):
        self.assertJs(_js_get([1, 2, 3], 0), 1)  # ([1, 2, 3])[0]
        self.assertJs(_js_get([1, 2, 3], 3), None)  # ([1, 2, 3])[3]
        self.assertJs(_js_get([1, 2, 3], -1), None)  # ([1, 2, 3])[-1]
        self.assertJs(_js_get([1, 2, 3], 1.0), 2)  # ([1, 2, 3])[1.0]
        self.assertJs(_js_get([1, 2, 3], 1.5), None)  # ([1, 2, 3])[1.5]
        self.assertJs(_js_get('abc', 2), 'c')  # ('abc')[2]
        self.assertJs(_js_get('abc', 5), None)  # ('abc')[5]

    def test_js_set(self):
        # (() => { const a = [1, 2]; return [a[4] = 'x', a]; })()
        self.assertJs((lambda a: (_js_set(a, 4, 'x'), a))([1, 2]), ['x', [1, 2, None, None, 'x']])
        # (() => { const a = [1, 2]; return [a[1.0] = 9, a]; })()
        self.assertJs((lambda a: (_js_set(a, 1.0, 9), a))([1, 2]), [9, [1, 9]])
        # a negative index sets a property in JavaScript: refused rather than differ
        self.assertRaises(IndexError, _js_set, [1], -1, 0)

    def test_js_store_past_end(self):
        a = [1]
        _js_store_past_end(a, 1, 2)  # const a = [1]; a[1] = 2
        self.assertJs(a, [1, 2])
        _js_store_past_end(a, 4, 5)  # a[4] = 5: holes read as undefined
        self.assertJs(a, [1, 2, None, None, 5])
        self.assertJs(len(a), 5)  # a.length
        _js_store_past_end(a, 0, 9)  # a[0] = 9 (in bounds)
        self.assertJs(a[0], 9)
        self.assertRaises(IndexError, _js_store_past_end, a, -1, 0)  # a property in JavaScript
        self.assertRaises(IndexError, _js_store_past_end, a, 2**31, 0)  # a sparse array

    def test_js_index(self):
        # (() => { const a = [1, 2]; a[1.0] = 7; return a; })()
        self.assertJs((lambda a: a.__setitem__(_js_index(1.0), 7) or a)([1, 2]), [1, 7])
        # (() => { const a = [1, 2]; a[0] = 7; return a; })()
        self.assertJs((lambda a: a.__setitem__(_js_index(0), 7) or a)([1, 2]), [7, 2])
        # JavaScript sets a property for these; the helper raises rather than differ
        for i in (-1, 0.5, -2.0):
            self.assertRaises(IndexError, _js_index, i)

    def test_js_array_length(self):
        self.assertJs([None] * _js_array_length(3), [None, None, None])  # Array.from(new Array(3))
        self.assertJs([None] * _js_array_length(0), [])  # Array.from(new Array(0))
        self.assertJs([None] * _js_array_length(2.0), [None, None])  # Array.from(new Array(2.0))
        # new Array(-1)
        self.assertThrows(JsRangeError, 'Invalid array length', lambda: _js_array_length(-1))
        # new Array(1.5)
        self.assertThrows(JsRangeError, 'Invalid array length', lambda: _js_array_length(1.5))
        # new Array(2**32)
        self.assertThrows(JsRangeError, 'Invalid array length', lambda: _js_array_length(2**32))
        # new Array(NaN)
        self.assertThrows(JsRangeError, 'Invalid array length', lambda: _js_array_length(math.nan))

    def test_js_from_length(self):
        self.assertJs([None] * _js_from_length(3), [None, None, None])  # Array.from({ length: 3 })
        self.assertJs([None] * _js_from_length(2.7), [None, None])  # Array.from({ length: 2.7 })
        self.assertJs([None] * _js_from_length(-1), [])  # Array.from({ length: -1 })
        self.assertJs([None] * _js_from_length(math.nan), [])  # Array.from({ length: NaN })
        self.assertJs([None] * _js_from_length(None), [])  # Array.from({ length: undefined })
        # Array.from({ length: 2**32 })
        self.assertThrows(JsRangeError, 'Invalid array length', lambda: _js_from_length(2**32))

    def test_js_set_length(self):
        # (() => { const a = [1, 2, 3]; return [a.length = 1, a]; })()
        self.assertJs((lambda a: (_js_set_length(a, 1), a))([1, 2, 3]), [1, [1]])
        # (() => { const a = [1]; return [a.length = 4, a]; })()
        self.assertJs((lambda a: (_js_set_length(a, 4), a))([1]), [4, [1, None, None, None]])
        # (() => { const a = [1]; return [a.length = 0.0, a]; })()
        self.assertJs((lambda a: (_js_set_length(a, 0.0), a))([1]), [0, []])
        # [1].length = -1
        self.assertThrows(JsRangeError, 'Invalid array length', lambda: _js_set_length([1], -1))
        # [1].length = 1.5
        self.assertThrows(JsRangeError, 'Invalid array length', lambda: _js_set_length([1], 1.5))

    def test_js_index_of(self):
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], 2), 1)  # [1, 2, NaN, 2, '2'].indexOf(2)
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], 2, 2), 3)  # [1, 2, NaN, 2, '2'].indexOf(2, 2)
        # [1, 2, NaN, 2, '2'].indexOf(2, -2)
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], 2, -2), 3)
        # [1, 2, NaN, 2, '2'].indexOf(NaN)
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], math.nan), -1)
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], '2'), 4)  # [1, 2, NaN, 2, '2'].indexOf('2')
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], 2, 9), -1)  # [1, 2, NaN, 2, '2'].indexOf(2, 9)
        # [1, 2, NaN, 2, '2'].indexOf(2, -99)
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], 2, -99), 1)
        # [1, 2, NaN, 2, '2'].indexOf(2, 1.5)
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], 2, 1.5), 1)
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], 2.0), 1)  # [1, 2, NaN, 2, '2'].indexOf(2.0)
        self.assertJs(_js_index_of([1, 2, math.nan, 2, '2'], True), -1)  # [1, 2, NaN, 2, '2'].indexOf(true)

    def test_js_last_index_of(self):
        # [1, 2, NaN, 2, '2'].lastIndexOf(2)
        self.assertJs(_js_last_index_of([1, 2, math.nan, 2, '2'], 2), 3)
        # [1, 2, NaN, 2, '2'].lastIndexOf(2, 2)
        self.assertJs(_js_last_index_of([1, 2, math.nan, 2, '2'], 2, 2), 1)
        # [1, 2, NaN, 2, '2'].lastIndexOf(2, -3)
        self.assertJs(_js_last_index_of([1, 2, math.nan, 2, '2'], 2, -3), 1)
        # [1, 2, NaN, 2, '2'].lastIndexOf(NaN)
        self.assertJs(_js_last_index_of([1, 2, math.nan, 2, '2'], math.nan), -1)
        # [1, 2, NaN, 2, '2'].lastIndexOf(2, undefined)
        self.assertJs(_js_last_index_of([1, 2, math.nan, 2, '2'], 2, None), -1)
        # [1, 2, NaN, 2, '2'].lastIndexOf(2, -99)
        self.assertJs(_js_last_index_of([1, 2, math.nan, 2, '2'], 2, -99), -1)
        # [1, 2, NaN, 2, '2'].lastIndexOf(2, 99)
        self.assertJs(_js_last_index_of([1, 2, math.nan, 2, '2'], 2, 99), 3)

    def test_js_includes(self):
        # [1, 2, NaN, 'x', undefined].includes(NaN)
        self.assertJs(_js_includes([1, 2, math.nan, 'x', None], math.nan), True)
        # [1, 2, NaN, 'x', undefined].includes(2.0)
        self.assertJs(_js_includes([1, 2, math.nan, 'x', None], 2.0), True)
        # [1, 2, NaN, 'x', undefined].includes('x')
        self.assertJs(_js_includes([1, 2, math.nan, 'x', None], 'x'), True)
        # [1, 2, NaN, 'x', undefined].includes(undefined)
        self.assertJs(_js_includes([1, 2, math.nan, 'x', None], None), True)
        # [1, 2, NaN, 'x', undefined].includes('1')
        self.assertJs(_js_includes([1, 2, math.nan, 'x', None], '1'), False)
        # [1, 2, NaN, 'x', undefined].includes(-0)
        self.assertJs(_js_includes([1, 2, math.nan, 'x', None], -0.0), False)
        self.assertJs(_js_includes([0], -0.0), True)  # [0].includes(-0)
        self.assertJs(_js_includes([1], True), False)  # [1].includes(true)

    def test_js_push(self):
        # (() => { const a = [1]; return [a.push(3, 4), a]; })()
        self.assertJs((lambda a: (_js_push(a, 3, 4), a))([1]), [3, [1, 3, 4]])
        # (() => { const a = []; return [a.push(), a]; })()
        self.assertJs((lambda a: (_js_push(a), a))([]), [0, []])

    def test_js_pop(self):
        # (() => { const a = [1, 2]; return [a.pop(), a]; })()
        self.assertJs((lambda a: (_js_pop(a), a))([1, 2]), [2, [1]])
        # (() => { const a = []; return [a.pop(), a]; })()
        self.assertJs((lambda a: (_js_pop(a), a))([]), [None, []])

    def test_js_shift(self):
        # (() => { const a = [1, 2]; return [a.shift(), a]; })()
        self.assertJs((lambda a: (_js_shift(a), a))([1, 2]), [1, [2]])
        # (() => { const a = []; return [a.shift(), a]; })()
        self.assertJs((lambda a: (_js_shift(a), a))([]), [None, []])

    def test_js_unshift(self):
        # (() => { const a = [1]; return [a.unshift(0, 0.5), a]; })()
        self.assertJs((lambda a: (_js_unshift(a, 0, 0.5), a))([1]), [3, [0, 0.5, 1]])

    def test_js_splice(self):
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(1), a]; })()
        self.assertJs((lambda a: (_js_splice(a, 1), a))([1, 2, 3, 4]), [[2, 3, 4], [1]])
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(1, 2), a]; })()
        self.assertJs((lambda a: (_js_splice(a, 1, 2), a))([1, 2, 3, 4]), [[2, 3], [1, 4]])
        self.assertJs((lambda a: (_js_splice(a, 1, 0, 'x', 'y'), a))([1, 2, 3, 4]), [[], [1, 'x', 'y', 2, 3, 4]])  # (() => { const a = [1, 2, 3, 4]; return [a.splice(1, 0, 'x', 'y'), a]; })()
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(-2, 1), a]; })()
        self.assertJs((lambda a: (_js_splice(a, -2, 1), a))([1, 2, 3, 4]), [[3], [1, 2, 4]])
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(-9, 1), a]; })()
        self.assertJs((lambda a: (_js_splice(a, -9, 1), a))([1, 2, 3, 4]), [[1], [2, 3, 4]])
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(9, 1, 'z'), a]; })()
        self.assertJs((lambda a: (_js_splice(a, 9, 1, 'z'), a))([1, 2, 3, 4]), [[], [1, 2, 3, 4, 'z']])
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(1, -1), a]; })()
        self.assertJs((lambda a: (_js_splice(a, 1, -1), a))([1, 2, 3, 4]), [[], [1, 2, 3, 4]])
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(1.5, 1.5), a]; })()
        self.assertJs((lambda a: (_js_splice(a, 1.5, 1.5), a))([1, 2, 3, 4]), [[2], [1, 3, 4]])
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(NaN, 1), a]; })()
        self.assertJs((lambda a: (_js_splice(a, math.nan, 1), a))([1, 2, 3, 4]), [[1], [2, 3, 4]])
        # (() => { const a = [1, 2, 3, 4]; return [a.splice(1, undefined), a]; })()
        self.assertJs((lambda a: (_js_splice(a, 1, None), a))([1, 2, 3, 4]), [[], [1, 2, 3, 4]])

    def test_js_reverse(self):
        # (() => { const a = [1, 2, 3]; return [a.reverse(), a]; })()
        self.assertJs((lambda a: (_js_reverse(a), a))([1, 2, 3]), [[3, 2, 1], [3, 2, 1]])

    def test_js_sort(self):
        self.assertJs((lambda a: (_js_sort(a), a))([10, 9, 1, None, 'b', 'a']), [[1, 10, 9, 'a', 'b', None], [1, 10, 9, 'a', 'b', None]])  # (() => { const a = [10, 9, 1, undefined, 'b', 'a']; return [a.sort(), a]; })()
        self.assertJs((lambda a: (_js_sort(a, lambda x, y: x - y), a))([10, 9, 1, 2.5]), [[1, 2.5, 9, 10], [1, 2.5, 9, 10]])  # (() => { const a = [10, 9, 1, 2.5]; return [a.sort((x, y) => x - y), a]; })()
        self.assertJs((lambda a: (_js_sort(a, lambda x, y: y[0] - x[0]), a))([[1, 'a'], [2, 'b'], [1, 'c']]), [[[2, 'b'], [1, 'a'], [1, 'c']], [[2, 'b'], [1, 'a'], [1, 'c']]])  # (() => { const a = [[1, 'a'], [2, 'b'], [1, 'c']]; return [a.sort((x, y) => y[0] - x[0]), a]; })()
        self.assertJs((lambda a: (_js_sort(a), a))([True, False, -1, -0.5]), [[-0.5, -1, False, True], [-0.5, -1, False, True]])  # (() => { const a = [true, false, -1, -0.5]; return [a.sort(), a]; })()

    def test_js_join(self):
        self.assertJs(_js_join([1, None, 'a', [2, 3]]), '1,,a,2,3')  # [1, null, 'a', [2, 3]].join()
        self.assertJs(_js_join([1, 2], '-'), '1-2')  # [1, 2].join('-')
        self.assertJs(_js_join([1, 2], None), '1,2')  # [1, 2].join(undefined)
        self.assertJs(_js_join([], 'x'), '')  # [].join('x')
        self.assertJs(_js_join([0.5, -0.0, True]), '0.5,0,true')  # [0.5, -0, true].join()

    def test_js_flat(self):
        self.assertJs(_js_flat([1, [2, [3, [4]]]]), [1, 2, [3, [4]]])  # [1, [2, [3, [4]]]].flat()
        self.assertJs(_js_flat([1, [2, [3, [4]]]], 2), [1, 2, 3, [4]])  # [1, [2, [3, [4]]]].flat(2)
        # [1, [2, [3, [4]]]].flat(Infinity)
        self.assertJs(_js_flat([1, [2, [3, [4]]]], math.inf), [1, 2, 3, 4])
        self.assertJs(_js_flat([1, [2]], 0), [1, [2]])  # [1, [2]].flat(0)
        self.assertJs(_js_flat([1, [2]], None), [1, 2])  # [1, [2]].flat(undefined)
        self.assertJs(_js_flat([[1, [2]]], 1.9), [1, [2]])  # [[1, [2]]].flat(1.9)
        self.assertJs(_js_flat([[1]], -1), [[1]])  # [[1]].flat(-1)

    def test_js_fill(self):
        # (() => { const a = [1, 2, 3, 4]; return [a.fill(0), a]; })()
        self.assertJs((lambda a: (_js_fill(a, 0), a))([1, 2, 3, 4]), [[0, 0, 0, 0], [0, 0, 0, 0]])
        # (() => { const a = [1, 2, 3, 4]; return [a.fill(0, 1), a]; })()
        self.assertJs((lambda a: (_js_fill(a, 0, 1), a))([1, 2, 3, 4]), [[1, 0, 0, 0], [1, 0, 0, 0]])
        # (() => { const a = [1, 2, 3, 4]; return [a.fill(0, 1, 3), a]; })()
        self.assertJs((lambda a: (_js_fill(a, 0, 1, 3), a))([1, 2, 3, 4]), [[1, 0, 0, 4], [1, 0, 0, 4]])
        # (() => { const a = [1, 2, 3, 4]; return [a.fill(0, -2), a]; })()
        self.assertJs((lambda a: (_js_fill(a, 0, -2), a))([1, 2, 3, 4]), [[1, 2, 0, 0], [1, 2, 0, 0]])
        # (() => { const a = [1, 2, 3, 4]; return [a.fill(0, 1, -1), a]; })()
        self.assertJs((lambda a: (_js_fill(a, 0, 1, -1), a))([1, 2, 3, 4]), [[1, 0, 0, 4], [1, 0, 0, 4]])
        # (() => { const a = [1, 2, 3, 4]; return [a.fill(0, NaN), a]; })()
        self.assertJs((lambda a: (_js_fill(a, 0, math.nan), a))([1, 2, 3, 4]), [[0, 0, 0, 0], [0, 0, 0, 0]])
        # (() => { const a = [1, 2, 3, 4]; return [a.fill(0, 1.5, 3.5), a]; })()
        self.assertJs((lambda a: (_js_fill(a, 0, 1.5, 3.5), a))([1, 2, 3, 4]), [[1, 0, 0, 4], [1, 0, 0, 4]])
        # (() => { const a = [1, 2, 3, 4]; return [a.fill(0, 1, undefined), a]; })()
        self.assertJs((lambda a: (_js_fill(a, 0, 1, None), a))([1, 2, 3, 4]), [[1, 0, 0, 0], [1, 0, 0, 0]])

    def test_js_reduce(self):
        # [1, 2, 3].reduce((acc, x, i) => acc + x * i, 0)
        self.assertJs(_js_reduce([1, 2, 3], lambda acc, x, i: acc + x * i, 3, 0), 8)
        # [1, 2, 3].reduce((acc, x, i) => acc + x * i)
        self.assertJs(_js_reduce([1, 2, 3], lambda acc, x, i: acc + x * i, 3), 9)
        self.assertJs(_js_reduce(['a', 'b'], lambda acc, x, i, a: acc + x + str(i) + str(len(a)), 4, '', right=True), 'b12a02')  # ['a', 'b'].reduceRight((acc, x, i, a) => acc + x + String(i) + String(a.length), '')
        # [].reduce(fn) throws TypeError: Reduce of empty array with no initial value (Node); Python's
        # TypeError, which `instanceof TypeError`, String(e) and e.message treat as JavaScript's
        with self.assertRaisesRegex(TypeError, '^Reduce of empty array with no initial value$'):
            _js_reduce([], lambda acc, x, i: 0, 3)
        # [].reduce((acc, x, i) => 0, 'init')
        self.assertJs(_js_reduce([], lambda acc, x, i: 0, 3, 'init'), 'init')

    def test_js_find_last_index(self):
        # [1, 5, 2, 6].findLastIndex((x) => x > 4)
        self.assertJs(_js_find_last_index([1, 5, 2, 6], lambda x, i: x > 4), 3)
        # [1, 5, 2, 6].findLastIndex((x) => x > 9)
        self.assertJs(_js_find_last_index([1, 5, 2, 6], lambda x, i: x > 9), -1)
        # [1, 5, 2, 6].findLastIndex((x, i) => i === 0)
        self.assertJs(_js_find_last_index([1, 5, 2, 6], lambda x, i: i == 0), 0)

    def test_js_unpack(self):
        # (() => { const [a, b, c] = [1]; return [a, b, c]; })()
        self.assertJs(_js_unpack([1], 3), [1, None, None])
        # (() => { const [a, b, ...r] = [1, 2, 3, 4]; return [a, b, r]; })()
        self.assertJs(_js_unpack([1, 2, 3, 4], 2, True), [1, 2, [3, 4]])
        # (() => { const [a, ...r] = 'ab'; return [a, r]; })()
        self.assertJs(_js_unpack('ab', 1, True), ['a', ['b']])
        # (() => { function* nat() { let n = 0; while (true) yield n++; } const [a, b] = nat(); return [a, b]; })()
        def nat():
            n = 0
            while True:
                yield n
                n += 1

        self.assertJs(_js_unpack(nat(), 2), [0, 1])
        # (() => { const log = []; function* g() { try { yield 1; yield 2; } finally { log.push("closed"); } }
        #          const [a] = g(); return [a, log]; })()
        log = []

        def g():
            try:
                yield 1
                yield 2
            finally:
                log.append("closed")

        self.assertJs([_js_unpack(g(), 1), log], [[1], ["closed"]])
        # (() => { const [a, b, c] = new Set([7, 8]); return [a, b, c]; })()
        self.assertJs(_js_unpack(iter({7: True, 8: True}), 3), [7, 8, None])

    def test_js_at(self):
        self.assertJs(_js_at([1, 2, 3], 0), 1)  # [1, 2, 3].at(0)
        self.assertJs(_js_at([1, 2, 3], -1), 3)  # [1, 2, 3].at(-1)
        self.assertJs(_js_at([1, 2, 3], -4), None)  # [1, 2, 3].at(-4)
        self.assertJs(_js_at([1, 2, 3], 3), None)  # [1, 2, 3].at(3)
        self.assertJs(_js_at([1, 2, 3], 1.7), 2)  # [1, 2, 3].at(1.7)
        self.assertJs(_js_at([1, 2, 3], math.nan), 1)  # [1, 2, 3].at(NaN)
        self.assertJs(_js_at([1, 2, 3], None), 1)  # [1, 2, 3].at(undefined)
        self.assertJs(_js_at('abc', -1), 'c')  # 'abc'.at(-1)
