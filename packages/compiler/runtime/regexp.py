"""RegExp on Python's re: the pattern translation, matches, and the String methods that take one.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import re

from .convert import _js_str
from .errors import JsTypeError
from .numbers import _js_u32


# helper: JsRegExp
class _JsMatch(list):
    """A RegExp match: the matched text and the groups (None: did not take part), with .index,
    .input and .groups (the named groups, or None) like JavaScript's match array."""

    __slots__ = ("index", "input", "groups")


def _js_re_result(m, s):
    r = _JsMatch((m.group(0),) + m.groups())
    r.index = m.start()
    r.input = s
    gi = m.re.groupindex
    r.groups = {k: m.group(k) for k, _ in sorted(gi.items(), key=lambda kv: kv[1])} if gi else None
    return r


class JsRegExp:
    """A JavaScript RegExp: the pattern translated by the compiler, its flags and lastIndex."""

    def __init__(self, pattern, source, flags):
        self._re = re.compile(pattern)
        self.source = source
        self.flags = "".join(f for f in "dgimsuvy" if f in flags)
        self.global_ = "g" in flags
        self.ignoreCase = "i" in flags
        self.multiline = "m" in flags
        self.dotAll = "s" in flags
        self.unicode = "u" in flags
        self.sticky = "y" in flags
        self.hasIndices = False
        self.lastIndex = 0

    def exec(self, s):
        s = s if isinstance(s, str) else _js_str(s)
        moving = self.global_ or self.sticky
        i = 0
        if moving:
            i = self.lastIndex
            i = 0 if i != i or i < 0 else int(i)
            if i > len(s):
                self.lastIndex = 0
                return None
        m = self._re.match(s, i) if self.sticky else self._re.search(s, i)
        if m is None:
            if moving:
                self.lastIndex = 0
            return None
        if moving:
            self.lastIndex = m.end()
        return _js_re_result(m, s)

    def test(self, s):
        return self.exec(s) is not None

    def toString(self):
        return "/" + self.source + "/" + self.flags


# helper: _js_re_match
def _js_re_match(s, rx):
    """s.match(rx): the first match (exec), or with g every matched text (None when none)."""
    if not rx.global_:
        return rx.exec(s)
    rx.lastIndex = 0
    out = []
    while True:
        m = rx.exec(s)
        if m is None:
            return out or None
        out.append(m[0])
        if m[0] == "":
            rx.lastIndex += 1


# helper: _js_re_match_all
def _js_re_match_all(s, rx):
    """s.matchAll(rx): every match of a copy of the g regexp, from its lastIndex."""
    if not rx.global_:
        raise JsTypeError("String.prototype.matchAll called with a non-global RegExp argument")
    c = JsRegExp.__new__(JsRegExp)
    c.__dict__.update(rx.__dict__)
    out = []
    while True:
        m = c.exec(s)
        if m is None:
            return out
        out.append(m)
        if m[0] == "":
            c.lastIndex += 1


# helper: _js_re_search
def _js_re_search(s, rx):
    """s.search(rx): the index of the first match from 0, or -1 (lastIndex is left alone)."""
    m = rx._re.match(s, 0) if rx.sticky else rx._re.search(s)
    return -1 if m is None else m.start()


# helper: _js_re_replace
def _js_re_expand(rep, m, s):
    """A replacement string's $$, $&, $\x60, $', $n, $nn and $<name> (GetSubstitution)."""
    if "$" not in rep:
        return rep
    out = []
    i = 0
    n = len(rep)
    groups = len(m) - 1
    while i < n:
        c = rep[i]
        if c != "$" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        d = rep[i + 1]
        if d == "$":
            out.append("$")
            i += 2
        elif d == "&":
            out.append(m[0])
            i += 2
        elif d == "\x60":
            out.append(s[: m.index])
            i += 2
        elif d == "'":
            out.append(s[m.index + len(m[0]) :])
            i += 2
        elif d.isdigit() and d.isascii():
            two = rep[i + 1 : i + 3]
            if len(two) == 2 and two.isdigit() and two.isascii() and 1 <= int(two) <= groups:
                g = int(two)
                i += 3
            elif 1 <= int(d) <= groups:
                g = int(d)
                i += 2
            else:
                out.append("$")
                i += 1
                continue
            out.append(m[g] or "")
        elif d == "<" and m.groups is not None:
            end = rep.find(">", i + 2)
            if end < 0:
                out.append("$<")
                i += 2
            else:
                out.append(m.groups.get(rep[i + 2 : end]) or "")
                i = end + 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


def _js_re_replace(s, pat, rep, all=False):
    """s.replace / s.replaceAll with a RegExp or a string pattern and a string or a function."""
    matches = []
    if isinstance(pat, JsRegExp):
        if all and not pat.global_:
            raise JsTypeError("replaceAll must be called with a global RegExp")
        if pat.global_:
            pat.lastIndex = 0
        while True:
            m = pat.exec(s)
            if m is None:
                break
            matches.append(m)
            if not pat.global_:
                break
            if m[0] == "":
                pat.lastIndex += 1
    else:
        pat = pat if isinstance(pat, str) else _js_str(pat)
        i = s.find(pat)
        while i >= 0:
            m = _JsMatch((pat,))
            m.index = i
            m.input = s
            m.groups = None
            matches.append(m)
            if not all:
                break
            i = s.find(pat, i + max(len(pat), 1))
    out = []
    last = 0
    for m in matches:
        if callable(rep):
            extra = (m.index, s) if m.groups is None else (m.index, s, m.groups)
            r = rep(*m, *extra)
            r = r if isinstance(r, str) else _js_str(r)
        else:
            r = _js_re_expand(rep if isinstance(rep, str) else _js_str(rep), m, s)
        out.append(s[last : m.index])
        out.append(r)
        last = m.index + len(m[0])
    out.append(s[last:])
    return "".join(out)


# helper: _js_re_split
def _js_re_split(s, rx, limit=None):
    """s.split(rx, limit) as JavaScript's @@split: captures included, empty matches skipped."""
    lim = 0xFFFFFFFF if limit is None else _js_u32(limit)
    out = []
    if lim == 0:
        return out
    r = rx._re
    if s == "":
        return out if r.match(s, 0) is not None else [s]
    p = q = 0
    n = len(s)
    while q < n:
        m = r.search(s, q)
        if m is None:
            break
        q = m.start()
        if q >= n:
            break
        e = m.end()
        if e == p:
            q += 1
            continue
        out.append(s[p:q])
        if len(out) == lim:
            return out
        p = e
        for g in m.groups():
            out.append(g)
            if len(out) == lim:
                return out
        q = p
    out.append(s[p:])
    return out
