"""runtime/objects.py: objects, Maps and Sets (dicts), own fields, keys, `in`, compound updates.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

from ..errors import JsError, JsTypeError
from ..objects import (
    _js_live,
    _js_assign,
    _js_assign_attr,
    _js_assign_item,
    _js_attr_name,
    _js_bpy_items,
    _js_delete,
    _js_enum_fields,
    _js_enum_key,
    _js_field_name,
    _js_fields,
    _js_in,
    _js_keys,
    _js_own_entries,
    _js_own_keys,
    _js_own_values,
    _js_map_set,
    _js_set_add,
    _js_update_attr,
    _js_update_item,
)
from .jsassert import JsTestCase


class Point:
    # what the compiler makes of `class Point { x = 1; from = 2; "a b" = 3; #secret = 4; _y = 5 }`
    def __init__(self):
        self.x = 1
        self.from_ = 2
        self.a_0020b_ = 3
        self._Point__secret = 4
        self._y = 5


class Color:
    # `enum Color { Red, Green = 5, Blue, class = 10, Name = "n" }` as the compiler writes it
    Red = 0
    Green = 5
    Blue = 6
    class_ = 10
    Name = "n"


class Box:
    def __init__(self, n):
        self.n = n


class TestObjects(JsTestCase):
    def test_js_field_name(self):
        # the inverse of the compiler's memberName (src/transform/expressions/access.ts, run in Node)
        for js, py in [['x', 'x'], ['from', 'from_'], ['a_', 'a__'], ['__x', 'S__x'], ['_x', '_x'], ['a b', 'a_0020b_'], ['é', '_00e9_'], ['a-b', 'a_002db_'], ['0a', '_0030a_'], ['S__x', 'SS__x'], ['class', 'class_'], ['None', 'None_'], ['__init__', 'S__init___'], ['😀', '_U01f600_'], ['$x', '_0024x_']]:
            self.assertEqual(_js_field_name(py), js)
        # an attribute the compiler did not name (set by Python code) is kept
        self.assertEqual(_js_field_name('bl_label'), 'bl_label')
        self.assertEqual(_js_field_name('x_zz_'), 'x_zz')

    def test_js_attr_name(self):
        # the compiler's memberName (src/transform/expressions/access.ts), run in Node
        for js, py in [['x', 'x'], ['from', 'from_'], ['a_', 'a__'], ['__x', 'S__x'], ['_x', '_x'], ['a b', 'a_0020b_'], ['é', '_00e9_'], ['a-b', 'a_002db_'], ['0a', '_0030a_'], ['S__x', 'SS__x'], ['class', 'class_'], ['None', 'None_'], ['__init__', 'S__init___'], ['😀', '_U01f600_'], ['$x', '_0024x_']]:
            self.assertEqual(_js_attr_name(js), py)

    def test_js_fields(self):
        # Object.assign({}, (() => { class Point { x = 1; from = 2; 'a b' = 3; #secret = 4; _y = 5 } return new Point(); })())
        self.assertJs(_js_fields(Point()), {'x': 1, 'from': 2, 'a b': 3, '_y': 5})
        # Object.assign({}, { a: 1, 2: 'b', c: undefined }), keys in insertion order (see the compiler README)
        self.assertJs(_js_fields({'a': 1, 2: 'b', 'c': None}), {'a': 1, '2': 'b', 'c': None})
        # Object.assign({}, 'h\u{1F600}')
        self.assertJs(_js_fields('h\U0001f600'), {'0': 'h', '1': '\ud83d', '2': '\ude00'})
        self.assertJs(_js_fields([7, 8]), {'0': 7, '1': 8})  # Object.assign({}, [7, 8])
        self.assertJs(_js_fields(5), {})  # Object.assign({}, 5)
        self.assertJs(_js_fields(JsError('m')), {})  # Object.assign({}, new Error('m'))
        self.assertThrows(JsTypeError, 'Cannot convert undefined or null to object', lambda: _js_fields(None))  # Object.keys(undefined)

    def test_js_enum_fields(self):
        self.assertJs(_js_enum_fields(Color), {'0': 'Red', '5': 'Green', '6': 'Blue', '10': 'class', 'Red': 0, 'Green': 5, 'Blue': 6, 'class': 10, 'Name': 'n'})  # Object.assign({}, (() => { let Color; (function (Color) { Color[Color['Red'] = 0] = 'Red'; Color[Color['Green'] = 5] = 'Green'; Color[Color['Blue'] = 6] = 'Blue'; Color[Color['class'] = 10] = 'class'; Color['Name'] = 'n'; })(Color || (Color = {})); return Color; })())

    def test_js_enum_key(self):
        # (() => { let Color; (function (Color) { Color[Color['Red'] = 0] = 'Red'; Color[Color['Green'] = 5] = 'Green'; Color[Color['Blue'] = 6] = 'Blue'; Color[Color['class'] = 10] = 'class'; Color['Name'] = 'n'; })(Color || (Color = {})); return Color; })()[5]
        self.assertJs(_js_enum_key(Color, 5), 'Green')
        # (() => { let Color; (function (Color) { Color[Color['Red'] = 0] = 'Red'; Color[Color['Green'] = 5] = 'Green'; Color[Color['Blue'] = 6] = 'Blue'; Color[Color['class'] = 10] = 'class'; Color['Name'] = 'n'; })(Color || (Color = {})); return Color; })()[10]
        self.assertJs(_js_enum_key(Color, 10), 'class')
        # (() => { let Color; (function (Color) { Color[Color['Red'] = 0] = 'Red'; Color[Color['Green'] = 5] = 'Green'; Color[Color['Blue'] = 6] = 'Blue'; Color[Color['class'] = 10] = 'class'; Color['Name'] = 'n'; })(Color || (Color = {})); return Color; })()[7]
        self.assertJs(_js_enum_key(Color, 7), None)

    def test_js_own_keys(self):
        o = {'b': 1, '2': 2, 'a': 3, '10': 4, '01': 5, '0': 6, '4294967295': 7, '-1': 8}
        # Object.keys({ b: 1, 2: 2, a: 3, 10: 4, '01': 5, 0: 6, 4294967295: 7, '-1': 8 })
        self.assertJs(_js_own_keys(o), ['0', '2', '10', 'b', 'a', '01', '4294967295', '-1'])
        self.assertJs(_js_own_keys({'b': 1, 'a': 2}), ['b', 'a'])  # Object.keys({ b: 1, a: 2 })
        self.assertJs(_js_own_keys({}), [])  # Object.keys({})

    def test_js_own_values(self):
        # Object.values({ b: 1, 2: 2, a: 3, 1: 4 })
        self.assertJs(_js_own_values({'b': 1, '2': 2, 'a': 3, '1': 4}), [4, 2, 1, 3])

    def test_js_own_entries(self):
        # Object.entries({ x: 1, 7: 2 })
        self.assertJs(_js_own_entries({'x': 1, '7': 2}), [['7', 2], ['x', 1]])

    def test_js_keys(self):
        self.assertJs(_js_keys({'b': 1, 'a': 2}), ['b', 'a'])  # Object.keys({ b: 1, a: 2 })
        self.assertJs(_js_keys({'b': 1, '1': 2}), ['1', 'b'])  # Object.keys({ b: 1, 1: 2 })
        self.assertJs(_js_keys(['x', 'y']), ['0', '1'])  # Object.keys(['x', 'y'])
        self.assertJs(_js_keys('h\U0001f600'), ['0', '1', '2'])  # Object.keys('h\u{1F600}')
        # Object.keys((() => { class Point { x = 1; from = 2; 'a b' = 3; #secret = 4; _y = 5 } return new Point(); })())
        self.assertJs(_js_keys(Point()), ['x', 'from', 'a b', '_y'])
        self.assertJs(_js_keys(3), [])  # Object.keys(3)
        # Object.keys(null)
        self.assertThrows(JsTypeError, 'Cannot convert undefined or null to object', lambda: _js_keys(None))

    def test_js_in(self):
        self.assertJs(_js_in('a', {'a': None}), True)  # 'a' in { a: undefined }
        self.assertJs(_js_in('b', {'a': 1}), False)  # 'b' in { a: 1 }
        self.assertJs(_js_in('1', [5, 6]), True)  # '1' in [5, 6]
        self.assertJs(_js_in(1, [5, 6]), True)  # 1 in [5, 6]
        self.assertJs(_js_in(2, [5, 6]), False)  # 2 in [5, 6]
        self.assertJs(_js_in('01', [5, 6]), False)  # '01' in [5, 6]
        self.assertJs(_js_in('length', [5, 6]), True)  # 'length' in [5, 6]
        self.assertJs(_js_in(-1, [5, 6]), False)  # -1 in [5, 6]
        # 'x' in (() => { class Point { x = 1; from = 2; 'a b' = 3; #secret = 4; _y = 5 } return new Point(); })()
        self.assertJs(_js_in('x', Point()), True)
        # 'z' in (() => { class Point { x = 1; from = 2; 'a b' = 3; #secret = 4; _y = 5 } return new Point(); })()
        self.assertJs(_js_in('z', Point()), False)

    def test_js_map_set(self):
        self.assertJs((lambda m: [_js_map_set(m, 'b', 2) is m, list(m.items())])({'a': 1}), [True, [['a', 1], ['b', 2]]])  # (() => { const m = new Map([['a', 1]]); return [m.set('b', 2) === m, [...m.entries()]]; })()
        self.assertJs((lambda m: list(_js_map_set(m, 'a', 3).items()))({'a': 1, 'b': 2}), [['a', 3], ['b', 2]])  # [...new Map([['a', 1], ['b', 2]]).set('a', 3).entries()]

    def test_js_delete(self):
        self.assertJs((lambda m: [_js_delete(m, 'a'), _js_delete(m, 'a'), list(m)])({'a': 1, 'b': 2}), [True, False, ['b']])  # (() => { const m = new Map([['a', 1], ['b', 2]]); return [m.delete('a'), m.delete('a'), [...m.keys()]]; })()
        # (() => { const s = new Set([1, 2]); return [s.delete(1), [...s]]; })()
        self.assertJs((lambda s: [_js_delete(s, 1), list(s)])({1: None, 2: None}), [True, [2]])

    def test_js_bpy_items(self):
        # not JavaScript: bpy's EnumProperty wants (identifier, name, description) tuples, None a separator
        self.assertEqual(_js_bpy_items([['A', 'a', ''], None, ('B', 'b', 'd', 1)]), [('A', 'a', ''), None, ('B', 'b', 'd', 1)])

    def test_js_set_add(self):
        self.assertJs((lambda s: [_js_set_add(s, 2) is s, list(_js_set_add(s, 1))])({1: None}), [True, [1, 2]])  # (() => { const s = new Set([1]); return [s.add(2) === s, [...s.add(1)]]; })()

    def test_js_assign(self):
        # Object.assign({ a: 1 }, { b: 2 }, null, { a: 3 })
        self.assertJs(_js_assign({'a': 1}, {'b': 2}, None, {'a': 3}), {'a': 3, 'b': 2})
        # (() => { const t = {}; return Object.assign(t) === t; })()
        self.assertJs((lambda t: _js_assign(t) is t)({}), True)

    def test_js_update_attr(self):
        # (() => { const b = { n: 5 }; return [b.n++, b.n]; })()
        self.assertJs((lambda b: [_js_update_attr(b, 'n', 1, False), b.n])(Box(5)), [5, 6])
        # (() => { const b = { n: 5 }; return [++b.n, b.n]; })()
        self.assertJs((lambda b: [_js_update_attr(b, 'n', 1, True), b.n])(Box(5)), [6, 6])
        # (() => { const b = { n: 0.5 }; return [b.n--, b.n]; })()
        self.assertJs((lambda b: [_js_update_attr(b, 'n', -1, False), b.n])(Box(0.5)), [0.5, -0.5])

    def test_js_update_item(self):
        # (() => { const a = [1, 2]; return [a[1]++, a]; })()
        self.assertJs((lambda a: [_js_update_item(a, 1, 1, False), a])([1, 2]), [2, [1, 3]])
        # (() => { const a = { k: 2 }; return [--a['k'], a]; })()
        self.assertJs((lambda a: [_js_update_item(a, 'k', -1, True), a])({'k': 2}), [1, {'k': 1}])

    def test_js_assign_attr(self):
        # (() => { const b = { n: 5 }; return [b.n = 'v', b.n]; })()
        self.assertJs((lambda b: [_js_assign_attr(b, 'n', 'v'), b.n])(Box(5)), ['v', 'v'])

    def test_js_assign_item(self):
        # (() => { const a = [1, 2]; return [a[0] = 9, a]; })()
        self.assertJs((lambda a: [_js_assign_item(a, 0, 9), a])([1, 2]), [9, [9, 2]])

    def test_js_live(self):
        # (() => { const s = new Set([1, 2, 3, 4]); const out = []; for (const x of s) { out.push(x);
        #   if (x % 2 === 0) s.delete(x + 1); if (x === 1) s.add(9); } return out; })() → [1,2,4,9]
        s = dict.fromkeys([1, 2, 3, 4])
        out = []
        for x in _js_live(s):
            out.append(x)
            if x % 2 == 0:
                s.pop(x + 1, None)
            if x == 1:
                s[9] = None
        self.assertJs(out, [1, 2, 4, 9])
        # a Map's entries with their values as they are at their turn: [["a",1],["b",20],["c",3]]
        m = {"a": 1, "b": 2}
        pairs = []
        for k, v in _js_live(m, 1):
            pairs.append([k, v])
            if k == "a":
                m["b"] = 20
                m["c"] = 3
        self.assertJs(pairs, [["a", 1], ["b", 20], ["c", 3]])
        # values, one deleted before its turn: [1]
        m2 = {"a": 1, "b": 2}
        values = []
        for v in _js_live(m2, 2):
            values.append(v)
            m2.pop("b", None)
        self.assertJs(values, [1])
