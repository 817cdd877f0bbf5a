"""runtime/errors.py: JavaScript's Error classes.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

from ..convert import _js_str
from ..errors import (
    JsError,
    JsRangeError,
    JsReferenceError,
    JsSyntaxError,
    JsTypeError,
    _js_error_message,
    _js_error_name,
)
from .jsassert import JsTestCase


class TestErrors(JsTestCase):
    def testJsError(self):
        self.assertJs(JsError('boom').message, 'boom')  # new Error('boom').message
        self.assertJs(JsError().message, '')  # new Error().message
        self.assertJs(JsError(42).message, '42')  # new Error(42).message
        self.assertJs(JsError(None).message, '')  # new Error(undefined).message
        self.assertJs(JsError('boom').name, 'Error')  # new Error('boom').name
        self.assertJs(JsError('boom').toString(), 'Error: boom')  # new Error('boom').toString()
        self.assertJs(JsError('').toString(), 'Error')  # new Error('').toString()
        self.assertJs(str(JsError('boom')), 'boom')  # new Error('boom').message
        self.assertJs(isinstance(JsError('x'), Exception), True)  # new Error('x') instanceof Object

    def testJsTypeError(self):
        self.assertJs(JsTypeError('t').name, 'TypeError')  # new TypeError('t').name
        self.assertJs(_js_str(JsTypeError('t')), 'TypeError: t')  # String(new TypeError('t'))
        self.assertJs(isinstance(JsTypeError('t'), JsError), True)  # new TypeError('t') instanceof Error
        self.assertJs(JsTypeError('t').message, 't')  # new TypeError('t').message

    def testJsRangeError(self):
        self.assertJs(JsRangeError('r').name, 'RangeError')  # new RangeError('r').name
        self.assertJs(_js_str(JsRangeError('r')), 'RangeError: r')  # String(new RangeError('r'))
        self.assertJs(isinstance(JsRangeError('r'), JsError), True)  # new RangeError('r') instanceof Error
        # new RangeError('r') instanceof TypeError
        self.assertJs(isinstance(JsRangeError('r'), JsTypeError), False)

    def testJsSyntaxError(self):
        self.assertJs(JsSyntaxError('s').name, 'SyntaxError')  # new SyntaxError('s').name
        self.assertJs(_js_str(JsSyntaxError('s')), 'SyntaxError: s')  # String(new SyntaxError('s'))
        # new SyntaxError('s') instanceof Error
        self.assertJs(isinstance(JsSyntaxError('s'), JsError), True)

    def testJsReferenceError(self):
        self.assertJs(JsReferenceError('x').name, 'ReferenceError')  # new ReferenceError('x').name
        self.assertJs(_js_str(JsReferenceError('x')), 'ReferenceError: x')  # String(new ReferenceError('x'))
        # new ReferenceError('x') instanceof Error
        self.assertJs(isinstance(JsReferenceError('x'), JsError), True)

    def test_js_error_name(self):
        self.assertJs(_js_error_name(JsTypeError('t')), 'TypeError')  # new TypeError('t').name
        self.assertJs(_js_error_name(JsReferenceError('r')), 'ReferenceError')  # new ReferenceError('r').name
        # (() => { try { f(); } catch (e) { return e.name; } function f() { return x; } })(); let x = 1;
        self.assertJs(_js_error_name(NameError("name 'x' is not defined")), 'ReferenceError')
        self.assertJs(_js_error_name(UnboundLocalError('x')), 'ReferenceError')
        self.assertJs(_js_error_name(AttributeError('a')), 'TypeError')  # (null as any).a: a TypeError
        self.assertJs(_js_error_name(RecursionError('r')), 'RangeError')  # endless recursion: RangeError

    def test_js_error_message(self):
        self.assertJs(_js_error_message(JsError('m')), 'm')  # new Error('m').message
        self.assertJs(_js_error_message(JsTypeError('t')), 't')  # new TypeError('t').message
        # Python's own exceptions (a KeyError, a ZeroDivisionError): their str(), as Node has no
        # such errors to compare with
        self.assertJs(_js_error_message(ValueError('bad value')), 'bad value')
        self.assertJs(_js_error_message(KeyError('k')), "'k'")
