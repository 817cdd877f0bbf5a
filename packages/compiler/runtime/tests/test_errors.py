"""runtime/errors.py: JavaScript's Error classes.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

from ..convert import _js_str
from ..errors import JsError, JsRangeError, JsSyntaxError, JsTypeError, _js_error_message
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

    def test_js_error_message(self):
        self.assertJs(_js_error_message(JsError('m')), 'm')  # new Error('m').message
        self.assertJs(_js_error_message(JsTypeError('t')), 't')  # new TypeError('t').message
        # Python's own exceptions (a KeyError, a ZeroDivisionError): their str(), as Node has no
        # such errors to compare with
        self.assertJs(_js_error_message(ValueError('bad value')), 'bad value')
        self.assertJs(_js_error_message(KeyError('k')), "'k'")
