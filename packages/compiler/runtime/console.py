"""console.log's formatting of values (Node's util.inspect).

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import math
import re
import unicodedata

from .convert import _js_num_str, _js_str
from .objects import _js_fields, _js_own_keys


# helper: _js_inspect
_JS_META = (
    ["\\x%02X" % i for i in range(32)]
)
_JS_META[8] = "\\b"
_JS_META[9] = "\\t"
_JS_META[10] = "\\n"
_JS_META[12] = "\\f"
_JS_META[13] = "\\r"
_JS_META = {i: s for i, s in enumerate(_JS_META)}
_JS_META.update({i: "\\x%02X" % i for i in range(0x7F, 0xA0)})
_JS_META[0x5C] = "\\\\"
_JS_KEY_RE = re.compile(r"[a-zA-Z_][a-zA-Z_0-9]*\Z")


def _js_inspect_quote(s):
    """Node's strEscape: a string inside a container, quoted and escaped."""
    quote = "'"
    if "'" in s:
        if '"' not in s:
            quote = '"'
        elif "\x60" not in s and "$" "{" not in s:
            quote = "\x60"
    out = []
    for ch in s:
        c = ord(ch)
        if c == 39 and quote == "'":
            out.append("\\'")
        elif c in _JS_META:
            out.append(_JS_META[c])
        elif 0xD800 <= c <= 0xDFFF:
            out.append("\\u%x" % c)
        else:
            out.append(ch)
    return quote + "".join(out) + quote


def _js_inspect_width(s):
    if s.isascii():
        return len(s)
    w = 0
    for ch in s:
        c = ord(ch)
        if c <= 0x1F or 0x7F <= c <= 0x9F or unicodedata.combining(ch) or 0x200B <= c <= 0x200F:
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


class _JsInspect:
    """util.inspect(value) with Node's defaults (depth 2, breakLength 80, compact 3) for plain
    data; d describes the static type where the value alone cannot tell (a dict is an object, a
    Map or a Set; None is null or undefined)."""

    def __init__(self):
        self.indent = 0
        self.current_depth = 0
        self.seen = []
        self.circular = None

    def value(self, x, d, rt):
        if x is None:
            return "null" if d == "n" or type(d) is tuple and d[-1] is True else "undefined"
        if x is True:
            return "true"
        if x is False:
            return "false"
        if isinstance(x, (int, float)):
            if x == 0 and isinstance(x, float) and math.copysign(1.0, x) < 0:
                return "-0"
            return _js_num_str(x)
        if isinstance(x, str):
            return self.string(x)
        if isinstance(x, BaseException):
            return _js_str(x)
        if isinstance(x, type):
            return "[class " + x.__name__ + "]"
        kind = d[0] if isinstance(d, tuple) else None
        if isinstance(x, (list, tuple)):
            if kind != "a":
                kind, d = "a", ("a", None)
        elif type(x).__name__ == "array":
            kind, d = "a", ("a", None)
        elif isinstance(x, dict):
            if kind not in ("o", "m", "s"):
                kind, d = "o", ("o", {}, None)
        elif isinstance(x, (set, frozenset)):
            kind, d = "s", ("s", None)
        elif hasattr(x, "__code__") or type(x).__name__ in ("builtin_function_or_method", "method", "partial"):
            name = getattr(x, "__name__", "")
            return "[Function: " + name + "]" if name and name != "<lambda>" else "[Function (anonymous)]"
        elif type(x).__name__ == "JsRegExp":
            return x.toString()
        elif hasattr(x, "__dict__"):
            if kind != "o":
                d = ("o", {}, None)
            kind = "c"
        else:
            return _js_str(x)
        for i, s in enumerate(self.seen):
            if s is x:
                if self.circular is None:
                    self.circular = {}
                idx = self.circular.setdefault(id(x), len(self.circular) + 1)
                return "[Circular *%d]" % idx
        return self.raw(x, kind, d, rt)

    def string(self, s):
        if len(s) > 16 and len(s) > 80 - self.indent - 4:
            lines = s.splitlines(True)
            return (" +\n" + " " * (self.indent + 2)).join(_js_inspect_quote(l) for l in lines)
        return _js_inspect_quote(s)

    def raw(self, x, kind, d, rt):
        extras_array = False
        if kind == "a":
            braces = ["[", "]"]
            if type(x).__name__ == "array":
                braces[0] = ("Float32Array(%d) [" if x.typecode == "f" else "Float64Array(%d) [") % len(x)
            if not x:
                return braces[0] + "]"
            extras_array = True
            name = "Array"
        elif kind == "m":
            name = "Map"
            braces = ["Map(%d) {" % len(x), "}"]
            if not x:
                return braces[0] + "}"
        elif kind == "s":
            name = "Set"
            braces = ["Set(%d) {" % len(x), "}"]
            if not x:
                return braces[0] + "}"
        elif kind == "c":
            name = type(x).__name__
            fields = _js_fields(x)
            braces = [name + " {", "}"]
            if not fields:
                return name + " {}"
        else:
            name = "Object"
            braces = ["{", "}"]
            if not x:
                return "{}"
        if rt > 2:
            return "[" + name + "]"
        rt += 1
        self.seen.append(x)
        self.current_depth = rt
        output = []
        if kind == "a":
            el = d[1]
            n = len(x)
            for i in range(min(n, 100)):
                self.indent += 2
                output.append(self.value(x[i], el, rt))
                self.indent -= 2
            if n > 100:
                output.append("... %d more item%s" % (n - 100, "s" if n - 100 > 1 else ""))
            if type(x).__name__ == "_JsMatch":
                # a RegExp match array's own properties
                self.indent += 2
                output.append("index: " + self.value(x.index, None, rt))
                output.append("input: " + self.value(x.input, None, rt))
                g = x.groups
                if g is None:
                    output.append("groups: undefined")
                else:
                    s = self.raw(g, "o", ("o", {}, None), rt)
                    output.append("groups: [Object: null prototype] " + s)
                self.indent -= 2
        elif kind == "m":
            self.indent += 2
            for i, (k, v) in enumerate(x.items()):
                if i >= 100:
                    output.append("... %d more item%s" % (len(x) - 100, "s" if len(x) - 100 > 1 else ""))
                    break
                output.append(self.value(k, d[1], rt) + " => " + self.value(v, d[2], rt))
            self.indent -= 2
        elif kind == "s":
            self.indent += 2
            for i, k in enumerate(x):
                if i >= 100:
                    output.append("... %d more item%s" % (len(x) - 100, "s" if len(x) - 100 > 1 else ""))
                    break
                output.append(self.value(k, d[1], rt))
            self.indent -= 2
        else:
            items = fields.items() if kind == "c" else [(k, x[k]) for k in _js_own_keys(x)]
            props, rest = d[1], d[2]
            for k, v in items:
                k = k if isinstance(k, str) else _js_str(k)
                self.indent += 2
                s = self.value(v, props.get(k, rest), rt)
                self.indent -= 2
                key = k if _JS_KEY_RE.match(k) else _js_inspect_quote(k)
                output.append(key + ": " + s)
        base = ""
        if self.circular is not None and id(x) in self.circular:
            base = "<ref *%d>" % self.circular[id(x)]
        self.seen.pop()
        return self.reduce(output, base, braces, extras_array, rt, x if kind == "a" else None)

    def reduce(self, output, base, braces, extras_array, rt, value):
        entries = len(output)
        if extras_array and entries > 6:
            output = self.group(output, value)
        if self.current_depth - rt < 3 and entries == len(output):
            start = len(output) + self.indent + len(braces[0]) + len(base) + 10
            if self.below_break(output, start, base):
                joined = ", ".join(output)
                if "\n" not in joined:
                    return (base + " " if base else "") + braces[0] + " " + joined + " " + braces[1]
        ind = "\n" + " " * self.indent
        return (base + " " if base else "") + braces[0] + ind + "  " + ("," + ind + "  ").join(output) + ind + braces[1]

    def below_break(self, output, start, base):
        total = len(output) + start
        if total + len(output) > 80:
            return False
        for o in output:
            total += len(o)
            if total > 80:
                return False
        return base == "" or "\n" not in base

    def group(self, output, value):
        total = 0
        max_len = 0
        out_len = len(output)
        if out_len > 100:
            out_len -= 1
        sep = 2
        data_len = []
        for i in range(out_len):
            n = _js_inspect_width(output[i])
            data_len.append(n)
            total += n + sep
            if max_len < n:
                max_len = n
        actual_max = max_len + sep
        if actual_max * 3 + self.indent < 80 and (total / actual_max > 5 or max_len <= 6):
            average_bias = math.sqrt(actual_max - total / len(output))
            biased_max = max(actual_max - 3 - average_bias, 1)
            columns = min(
                math.floor(math.sqrt(2.5 * biased_max * out_len) / biased_max + 0.5),
                (80 - self.indent) // actual_max,
                3 * 4,
                15,
            )
            if columns <= 1:
                return output
            tmp = []
            max_line = []
            for i in range(columns):
                line_max = 0
                for j in range(i, len(output), columns):
                    if j < out_len and data_len[j] > line_max:
                        line_max = data_len[j]
                max_line.append(line_max + sep)
            pad_start = True
            if value is not None:
                for v in value[: len(output)]:
                    if not isinstance(v, (int, float)) or isinstance(v, bool):
                        pad_start = False
                        break
            for i in range(0, out_len, columns):
                mx = min(i + columns, out_len)
                s = ""
                j = i
                while j < mx - 1:
                    padding = max_line[j - i] + len(output[j]) - data_len[j]
                    cell = output[j] + ", "
                    s += cell.rjust(padding) if pad_start else cell.ljust(padding)
                    j += 1
                if pad_start:
                    padding = max_line[j - i] + len(output[j]) - data_len[j] - sep
                    s += output[j].rjust(padding)
                else:
                    s += output[j]
                tmp.append(s)
            if out_len < len(output):
                tmp.append(output[out_len])
            output = tmp
        return output


def _js_inspect(x, d=None):
    """console.log of a value: strings raw, anything else as Node's util.inspect."""
    if isinstance(x, str):
        return x
    return _JsInspect().value(x, d, 0)
