"""runtime/console.py: console.log's formatting of values (Node's util.inspect).

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

import math

from ..console import _js_inspect, _js_inspect_quote, _js_inspect_width
from .jsassert import JsTestCase


class Point:
    # what the compiler makes of `class Point { x = 1; label = "p" }`
    def __init__(self):
        self.x = 1
        self.label = "p"


class TestConsole(JsTestCase):
    def test_js_inspect(self):
        self.assertJs(_js_inspect('raw string'), 'raw string')  # util.format('raw string')
        self.assertJs(_js_inspect(5), '5')  # util.format(5)
        self.assertJs(_js_inspect(-0.0), '-0')  # util.format(-0)
        self.assertJs(_js_inspect(math.nan), 'NaN')  # util.format(NaN)
        self.assertJs(_js_inspect(True), 'true')  # util.format(true)
        self.assertJs(_js_inspect(None), 'undefined')  # util.format(undefined)
        self.assertJs(_js_inspect([1, 'x', None, [2, [3, [4, [5]]]]]), "[ 1, 'x', undefined, [ 2, [ 3, [Array] ] ] ]")  # util.format([1, 'x', undefined, [2, [3, [4, [5]]]]])
        self.assertJs(_js_inspect({'a': 1, 'b c': 'd', 'e': {'f': {'g': {'h': 1}}}}), "{ a: 1, 'b c': 'd', e: { f: { g: [Object] } } }")  # util.format({ a: 1, 'b c': 'd', e: { f: { g: { h: 1 } } } })
        self.assertJs(_js_inspect(["it's", 'say "hi"', 'both \' and "', 'tab\tnl\n', '\x7f\x01']), '[ "it\'s", \'say "hi"\', `both \' and "`, \'tab\\tnl\\n\', \'\\x7F\\x01\' ]')  # util.format(["it's", 'say "hi"', 'both \' and "', 'tab\tnl\n', '\x7f\x01'])
        self.assertJs(_js_inspect(list(range(30))), '[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16, 17,\n  18, 19, 20, 21, 22, 23, 24, 25, 26,\n  27, 28, 29\n]')  # util.format(Array.from({ length: 30 }, (_, i) => i))
        self.assertJs(_js_inspect(list(range(120))), '[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 20 more items\n]')  # util.format(Array.from({ length: 120 }, (_, i) => i))
        self.assertJs(_js_inspect(['item' + str(i) for i in range(26)]), "[\n  'item0',  'item1',  'item2',\n  'item3',  'item4',  'item5',\n  'item6',  'item7',  'item8',\n  'item9',  'item10', 'item11',\n  'item12', 'item13', 'item14',\n  'item15', 'item16', 'item17',\n  'item18', 'item19', 'item20',\n  'item21', 'item22', 'item23',\n  'item24', 'item25'\n]")  # util.format(Array.from({ length: 26 }, (_, i) => 'item' + i))
        # util.format([0.1, -0, 1e21, 1e-7, Infinity])
        self.assertJs(_js_inspect([0.1, -0.0, 1e21, 1e-7, math.inf]), '[ 0.1, -0, 1e+21, 1e-7, Infinity ]')
        self.assertJs(_js_inspect({'alpha': 'aaaaaaaaaa', 'beta': 'bbbbbbbbbb', 'gamma': 'cccccccccc', 'delta': 'dddddddddd'}), "{\n  alpha: 'aaaaaaaaaa',\n  beta: 'bbbbbbbbbb',\n  gamma: 'cccccccccc',\n  delta: 'dddddddddd'\n}")  # util.format({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd' })
        # util.format((() => { class Point { x = 1; label = 'p' } return new Point(); })())
        self.assertJs(_js_inspect(Point()), "Point { x: 1, label: 'p' }")
        self.assertJs(_js_inspect([]), '[]')  # util.format([])
        self.assertJs(_js_inspect({}), '{}')  # util.format({})
        # util.format(['\u00e9\u4e2d\u{1F600}'])
        self.assertJs(_js_inspect(['\u00e9\u4e2d\U0001f600']), "[ 'é中😀' ]")
        # with the static type's descriptor: a dict that is a Map, a Set, a None that is null
        # util.format(new Map([['a', 1]]))
        self.assertJs(_js_inspect({'a': 1}, ('m', None, None, False)), "Map(1) { 'a' => 1 }")
        # util.format(new Set([1, 2]))
        self.assertJs(_js_inspect({1: None, 2: None}, ('s', None, False)), 'Set(2) { 1, 2 }')
        self.assertJs(_js_inspect([1, None], ('a', 'n', False)), '[ 1, null ]')  # util.format([1, null])
        self.assertJs(_js_inspect(None, 'n'), 'null')  # util.format(null)

    def test_js_inspect_quote(self):
        self.assertJs(_js_inspect_quote('plain'), "'plain'")  # util.inspect('plain')
        self.assertJs(_js_inspect_quote("it's"), '"it\'s"')  # util.inspect("it's")
        self.assertJs(_js_inspect_quote('say "hi"'), '\'say "hi"\'')  # util.inspect('say "hi"')
        # util.inspect('both \' and "`')
        self.assertJs(_js_inspect_quote('both \' and "`'), '\'both \\\' and "`\'')
        # util.inspect('both \' and " and `')
        self.assertJs(_js_inspect_quote('both \' and " and `'), '\'both \\\' and " and `\'')
        # util.inspect('nl\n\ttab\b\x00\x7f\x9f')
        self.assertJs(_js_inspect_quote('nl\n\ttab\b\x00\x7f\x9f'), "'nl\\n\\ttab\\b\\x00\\x7F\\x9F'")
        self.assertJs(_js_inspect_quote('back\\slash'), "'back\\\\slash'")  # util.inspect('back\\slash')

    def test_js_inspect_width(self):
        self.assertJs(_js_inspect_width('abc'), 3)  # getStringWidth('abc')
        self.assertJs(_js_inspect_width('\u4e2d\u6587'), 4)  # getStringWidth('\u4e2d\u6587')
        self.assertJs(_js_inspect_width('e\u0301'), 1)  # getStringWidth('e\u0301')
        self.assertJs(_js_inspect_width('\U0001f600'), 2)  # getStringWidth('\u{1F600}')
        self.assertJs(_js_inspect_width('\u00e9'), 1)  # getStringWidth('\u00e9')
        self.assertJs(_js_inspect_width('a\u200bb'), 2)  # getStringWidth('a\u200bb')
        self.assertJs(_js_inspect_width('\uff21'), 2)  # getStringWidth('\uff21')
