"""runtime/iterators.py: generators driven by next()/return()/throw(), iterators closed by a
loop left early.

Expected values are what Node (v20.20.2) gives for the JavaScript expression in the comment
beside each case; the call is the helper as compiled code calls it."""

from ..errors import JsError
from ..iterators import _js_gen_next, _js_gen_return, _js_gen_throw, _js_iter_close
from .jsassert import JsTestCase


def counter(log):
    # function* counter() { try { const a = yield 1; log.push("got " + a); yield 2; return "end"; } finally { log.push("finally"); } }
    try:
        a = yield 1
        log.append("got " + str(a))
        yield 2
        return "end"
    finally:
        log.append("finally")


class TestIterators(JsTestCase):
    def test_js_gen_next(self):
        log = []
        g = counter(log)
        # const g = counter(); [g.next(5), g.next(7), g.next(), g.next()]
        self.assertJs(_js_gen_next(g, 5), {"value": 1, "done": False})
        self.assertJs(_js_gen_next(g, 7), {"value": 2, "done": False})
        self.assertJs(_js_gen_next(g), {"value": "end", "done": True})
        self.assertJs(_js_gen_next(g), {"value": None, "done": True})
        self.assertJs(log, ["got 7", "finally"])
        it = iter([1])
        self.assertJs(_js_gen_next(it), {"value": 1, "done": False})  # [1].values().next()
        self.assertJs(_js_gen_next(it), {"value": None, "done": True})

    def test_js_gen_return(self):
        log = []
        g = counter(log)
        _js_gen_next(g)
        # const g = counter(); g.next(); [g.return(9), g.next()]
        self.assertJs(_js_gen_return(g, 9), {"value": 9, "done": True})
        self.assertJs(_js_gen_next(g), {"value": None, "done": True})
        self.assertJs(log, ["finally"])
        fresh = counter(log)
        self.assertJs(_js_gen_return(fresh), {"value": None, "done": True})  # counter().return()
        self.assertJs(log, ["finally"])  # a generator that never started runs no finally

    def test_js_gen_return_finally(self):
        def cleanup():
            # function* cleanup() { try { yield 1; } finally { yield "cleaning"; } }
            try:
                yield 1
            finally:
                yield "cleaning"

        g = cleanup()
        _js_gen_next(g)
        # const g = cleanup(); g.next(); [g.return(5), g.next(), g.next()]
        self.assertJs(_js_gen_return(g, 5), {"value": "cleaning", "done": False})
        self.assertJs(_js_gen_next(g), {"value": 5, "done": True})
        self.assertJs(_js_gen_next(g), {"value": None, "done": True})

        def overriding():
            # function* overriding() { try { yield 1; } finally { return "mine"; } }
            try:
                yield 1
            finally:
                return "mine"

        h = overriding()
        _js_gen_next(h)
        self.assertJs(_js_gen_return(h, 5), {"value": "mine", "done": True})  # h.return(5)

    def test_js_gen_throw(self):
        def catcher():
            # function* catcher() { while (true) { try { yield 1; } catch (e) { yield "caught"; } } }
            while True:
                try:
                    yield 1
                except JsError:
                    yield "caught"

        g = catcher()
        _js_gen_next(g)
        # const g = catcher(); g.next(); g.throw(new Error("x"))
        self.assertJs(_js_gen_throw(g, JsError("x")), {"value": "caught", "done": False})
        log = []
        fresh = counter(log)
        # counter().throw(new Error("x")) throws, runs nothing, and the generator is done
        self.assertThrows(JsError, "x", lambda: _js_gen_throw(fresh, JsError("x")))
        self.assertJs(_js_gen_next(fresh), {"value": None, "done": True})
        self.assertJs(log, [])

    def test_js_iter_close(self):
        log = []
        g = counter(log)
        next(g)
        # for (const x of g) break; — g.return() runs its finally
        _js_iter_close(g)
        self.assertJs(log, ["finally"])
        _js_iter_close(iter([1, 2]))  # an array iterator has no return(): nothing happens
