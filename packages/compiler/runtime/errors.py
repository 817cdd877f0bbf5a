"""JavaScript's Error classes and error values.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

from .convert import _js_str


# helper: JsError
class JsError(Exception):
    """JavaScript's Error: has .message and .name."""

    name = "Error"

    def __init__(self, message=None):
        super().__init__(message)
        self.message = "" if message is None else _js_str(message)

    def __str__(self):
        return self.message

    def toString(self):
        return self.name + ": " + self.message if self.message else self.name


# helper: JsTypeError
class JsTypeError(JsError):
    name = "TypeError"


# helper: JsRangeError
class JsRangeError(JsError):
    name = "RangeError"


# helper: JsSyntaxError
class JsSyntaxError(JsError):
    name = "SyntaxError"


# helper: JsReferenceError
class JsReferenceError(JsError):
    name = "ReferenceError"


# helper: _js_error_name
def _js_error_name(e):
    """e.name for anything caught: Python's own exceptions by the JavaScript error they stand
    for (a NameError is a let/const/class read before its declaration ran: a ReferenceError)."""
    if isinstance(e, JsError):
        return e.name
    if isinstance(e, NameError):
        return "ReferenceError"
    if isinstance(e, (TypeError, AttributeError)):
        return "TypeError"
    if isinstance(e, RecursionError):
        return "RangeError"
    return "Error"


# helper: _js_error_message
def _js_error_message(e):
    """e.message for anything caught: Python's own exceptions have no .message."""
    return e.message if hasattr(e, "message") else str(e)
