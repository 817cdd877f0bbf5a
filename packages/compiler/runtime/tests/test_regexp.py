"""runtime/regexp.py: RegExp objects and the String methods that take one.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

import json

from ..errors import JsTypeError
from ..regexp import (
    JsRegExp,
    _js_re_match,
    _js_re_match_all,
    _js_re_replace,
    _js_re_search,
    _js_re_split,
)
from .jsassert import JsTestCase

# the compiler's translateRegExp (src/transform/builtins/regexp.ts), run in Node: JavaScript
# source and flags -> the Python pattern JsRegExp gets
PATTERNS = {
    ('a(b)?', 'g'): 'a(b)?',
    ('a(b)?', ''): 'a(b)?',
    ('(\\d+)', ''): '([0-9]+)',
    ('(\\d+)', 'g'): '([0-9]+)',
    ('(?<y>\\d{4})-(?<m>\\d\\d)', ''): '(?P<y>[0-9]{4})\\-(?P<m>[0-9][0-9])',
    ('(?<y>\\d{4})-(?<m>\\d\\d)', 'g'): '(?P<y>[0-9]{4})\\-(?P<m>[0-9][0-9])',
    ('x*', 'g'): 'x*',
    ('o', 'gi'): '(?i)o',
    ('\\s+', ''): '[\\t\\n\\v\\f\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+',
    (',', ''): '\\,',
    ('(-)', ''): '(\\-)',
    ('^b', 'm'): '(?:(?<=[\\n\\r\\u2028\\u2029])|\\A)b',
    ('^b', 'gm'): '(?:(?<=[\\n\\r\\u2028\\u2029])|\\A)b',
    ('a.c', 's'): 'a[\\s\\S]c',
    ('a.c', ''): 'a[^\\n\\r\\u2028\\u2029]c',
    ('o', 'y'): 'o',
    ('$', 'g'): '\\Z',
    ('', 'g'): '',
    ('(a)|(b)', 'g'): '(a)|(b)',
}


def rx(source, flags=""):
    return JsRegExp(PATTERNS[source, flags], source, flags)


def _js_str_args(args):
    """JSON.stringify of a replace callback's arguments (None: undefined, written null)"""
    return json.dumps(list(args), separators=(",", ":"))


def m(match):
    """a match array as JavaScript has it: [items, index, groups]"""
    return None if match is None else [list(match), match.index, match.groups]


class TestRegexp(JsTestCase):
    def testJsRegExp(self):
        # ((m) => m === null ? undefined : [Array.from(m), m.index, m.groups])(/a(b)?/.exec('xaby'))
        self.assertJs(m(rx('a(b)?', '').exec('xaby')), [['ab', 'b'], 1, None])
        # ((m) => m === null ? undefined : [Array.from(m), m.index, m.groups])(/a(b)?/.exec('xay'))
        self.assertJs(m(rx('a(b)?', '').exec('xay')), [['a', None], 1, None])
        self.assertJs(m(rx('(?<y>\\d{4})-(?<m>\\d\\d)', '').exec('on 2024-05!')), [['2024-05', '2024', '05'], 3, {'y': '2024', 'm': '05'}])  # ((m) => m === null ? undefined : [Array.from(m), m.index, m.groups])(/(?<y>\d{4})-(?<m>\d\d)/.exec('on 2024-05!'))
        self.assertJs((lambda g: [m(g.exec('ab a')), g.lastIndex, m(g.exec('ab a')), g.lastIndex, m(g.exec('ab a')), g.lastIndex])(rx('a(b)?', 'g')), [[['ab', 'b'], 0, None], 2, [['a', None], 3, None], 4, None, 0])  # (() => { const g = /a(b)?/g; const f = (m) => m === null ? undefined : [Array.from(m), m.index, m.groups]; return [f(g.exec('ab a')), g.lastIndex, f(g.exec('ab a')), g.lastIndex, f(g.exec('ab a')), g.lastIndex]; })()
        self.assertJs((lambda y: [y.test('foo'), y.lastIndex, y.test('foo')])(rx('o', 'y')), [False, 0, False])  # (() => { const y = /o/y; return [y.test('foo'), y.lastIndex, y.test('foo')]; })()
        self.assertJs((lambda y: [y.test('xo'), y.lastIndex, y.test('xo')])(rx('o', 'gi')), [True, 2, False])  # (() => { const y = /o/gi; return [y.test('xO'), y.lastIndex, y.test('xO')]; })()
        # [/a.c/s.test('a\nc'), /a.c/.test('a\nc')]
        self.assertJs([rx('a.c', 's').test('a\nc'), rx('a.c', '').test('a\nc')], [True, False])
        self.assertJs(rx('o', 'gi').toString(), '/o/gi')  # /o/gi.toString()
        self.assertJs([rx('o', 'gi').flags, rx('o', 'gi').source, rx('o', 'gi').global_, rx('o', 'gi').ignoreCase, rx('o', 'gi').multiline, rx('o', 'gi').sticky], ['gi', 'o', True, True, False, False])  # [/o/gi.flags, /o/gi.source, /o/gi.global, /o/gi.ignoreCase, /o/gi.multiline, /o/gi.sticky]

    def test_js_re_match(self):
        self.assertJs(m(_js_re_match('on 2024-05!', rx('(?<y>\\d{4})-(?<m>\\d\\d)', ''))), [['2024-05', '2024', '05'], 3, {'y': '2024', 'm': '05'}])  # ((m) => m === null ? undefined : [Array.from(m), m.index, m.groups])('on 2024-05!'.match(/(?<y>\d{4})-(?<m>\d\d)/))
        # 'a1b22c333'.match(/(\d+)/g)
        self.assertJs(_js_re_match('a1b22c333', rx('(\\d+)', 'g')), ['1', '22', '333'])
        self.assertJs(_js_re_match('abc', rx('(\\d+)', 'g')), None)  # 'abc'.match(/(\d+)/g)
        # ((m) => m === null ? undefined : [Array.from(m), m.index, m.groups])('abc'.match(/(\d+)/))
        self.assertJs(m(_js_re_match('abc', rx('(\\d+)', ''))), None)
        self.assertJs(_js_re_match('xx', rx('x*', 'g')), ['xx', ''])  # 'xx'.match(/x*/g)

    def test_js_re_match_all(self):
        self.assertJs([m(x) for x in _js_re_match_all('a1b22', rx('(\\d+)', 'g'))], [[['1', '1'], 1, None], [['22', '22'], 3, None]])  # [...'a1b22'.matchAll(/(\d+)/g)].map((m) => m === null ? undefined : [Array.from(m), m.index, m.groups])
        self.assertJs([m(x) for x in _js_re_match_all('1999-01 2024-05', rx('(?<y>\\d{4})-(?<m>\\d\\d)', 'g'))], [[['1999-01', '1999', '01'], 0, {'y': '1999', 'm': '01'}], [['2024-05', '2024', '05'], 8, {'y': '2024', 'm': '05'}]])  # [...'1999-01 2024-05'.matchAll(/(?<y>\d{4})-(?<m>\d\d)/g)].map((m) => m === null ? undefined : [Array.from(m), m.index, m.groups])
        self.assertJs([m(x) for x in _js_re_match_all('xx', rx('x*', 'g'))], [[['xx'], 0, None], [[''], 2, None]])  # [...'xx'.matchAll(/x*/g)].map((m) => m === null ? undefined : [Array.from(m), m.index, m.groups])
        # 'a1'.matchAll(/(\d+)/)
        self.assertThrows(JsTypeError, None, lambda: _js_re_match_all('a1', rx('(\\d+)', '')))

    def test_js_re_search(self):
        self.assertJs(_js_re_search('xyz 12', rx('(\\d+)', '')), 4)  # 'xyz 12'.search(/(\d+)/)
        self.assertJs(_js_re_search('xyz', rx('(\\d+)', '')), -1)  # 'xyz'.search(/(\d+)/)
        self.assertJs((lambda g: (setattr(g, 'lastIndex', 3), [_js_re_search('a1 2', g), g.lastIndex])[1])(rx('(\\d+)', 'g')), [1, 3])  # (() => { const g = /(\d+)/g; g.lastIndex = 3; return [('a1 2').search(g), g.lastIndex]; })()

    def test_js_re_replace(self):
        # 'a1b22'.replace(/(\d+)/g, '<$1>')
        self.assertJs(_js_re_replace('a1b22', rx('(\\d+)', 'g'), '<$1>'), 'a<1>b<22>')
        # 'a1b22'.replace(/(\d+)/, '<$1>')
        self.assertJs(_js_re_replace('a1b22', rx('(\\d+)', ''), '<$1>'), 'a<1>b22')
        self.assertJs(_js_re_replace('2024-05', rx('(?<y>\\d{4})-(?<m>\\d\\d)', ''), '$<m>/$<y> $& $$ $` $\' $9'), '05/2024 2024-05 $   $9')  # '2024-05'.replace(/(?<y>\d{4})-(?<m>\d\d)/, '$<m>/$<y> $& $$ $` $\' $9')
        self.assertJs(_js_re_replace('ab', rx('(a)|(b)', 'g'), lambda *a: _js_str_args(a)), '["a","a",null,0,"ab"]["b",null,"b",1,"ab"]')  # 'ab'.replace(/(a)|(b)/g, (...a) => JSON.stringify(a))
        self.assertJs(_js_re_replace('xx', rx('x*', 'g'), '-'), '--')  # 'xx'.replace(/x*/g, '-')
        # 'abc'.replace(new RegExp('', 'g'), '-')
        self.assertJs(_js_re_replace('abc', rx('', 'g'), '-'), '-a-b-c-')
        # 'a1b2'.replaceAll(/(\d+)/g, '#')
        self.assertJs(_js_re_replace('a1b2', rx('(\\d+)', 'g'), '#', True), 'a#b#')
        # 'a1b2'.replaceAll(/(\d+)/, '#')
        self.assertThrows(JsTypeError, None, lambda: _js_re_replace('a1b2', rx('(\\d+)', ''), '#', True))
        self.assertJs(_js_re_replace('a.b.c', '.', '-'), 'a-b.c')  # 'a.b.c'.replace('.', '-')
        self.assertJs(_js_re_replace('a.b.c', '.', '-', True), 'a-b-c')  # 'a.b.c'.replaceAll('.', '-')
        # 'line\nb'.replace(/^b/gm, '>')
        self.assertJs(_js_re_replace('line\nb', rx('^b', 'gm'), '>'), 'line\n>')
        self.assertJs(_js_re_replace('ab', rx('$', 'g'), '!'), 'ab!')  # 'ab'.replace(/$/g, '!')

    def test_js_re_split(self):
        self.assertJs(_js_re_split('a, b,c', rx('\\s+', '')), ['a,', 'b,c'])  # 'a, b,c'.split(/\s+/)
        # 'a-b-c'.split(/(-)/)
        self.assertJs(_js_re_split('a-b-c', rx('(-)', '')), ['a', '-', 'b', '-', 'c'])
        self.assertJs(_js_re_split('a-b-c', rx('(-)', ''), 2), ['a', '-'])  # 'a-b-c'.split(/(-)/, 2)
        self.assertJs(_js_re_split('abc', rx('', 'g')), ['a', 'b', 'c'])  # 'abc'.split(new RegExp('', 'g'))
        self.assertJs(_js_re_split('', rx(',', '')), [''])  # ''.split(/,/)
        self.assertJs(_js_re_split('a,b', rx(',', ''), -1), ['a', 'b'])  # 'a,b'.split(/,/, -1)
        self.assertJs(_js_re_split('a,b', rx(',', ''), 0), [])  # 'a,b'.split(/,/, 0)
        self.assertJs(_js_re_split('ab', rx('a(b)?', '')), ['', 'b', ''])  # 'ab'.split(/a(b)?/)
        self.assertJs(_js_re_split('xay', rx('a(b)?', '')), ['x', None, 'y'])  # 'xay'.split(/a(b)?/)
