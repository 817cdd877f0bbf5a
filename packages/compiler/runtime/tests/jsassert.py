"""Assertions on values as JavaScript sees them: one number type (an int and an equal float are
the same number, but 0 and -0 are not, and NaN equals NaN); lists, tuples and array.array
(typed arrays) are all arrays."""

import array
import math
import unittest


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if a != a or b != b:
            return a != a and b != b
        return a == b and (a != 0 or math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, (list, tuple, array.array)) and isinstance(b, (list, tuple, array.array)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


class JsTestCase(unittest.TestCase):
    def assertJs(self, actual, expected):
        """actual is the JavaScript value expected (numbers by value and sign, keys in order)."""
        if not same(actual, expected):
            self.fail("%r is not %r" % (actual, expected))

    def assertThrows(self, cls, message, fn):
        """fn() throws cls (with this message, unless None)."""
        with self.assertRaises(cls) as caught:
            fn()
        if message is not None:
            self.assertEqual(caught.exception.message, message)
