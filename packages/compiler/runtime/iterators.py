"""Generators and iterators driven by hand: next(), return(), throw(), and closing an iterator a
for…of loop leaves early.

Each `# helper:` block below is emitted verbatim into a compiled script that uses the helper
(see ARCHITECTURE.md, "Runtime helpers"); the imports above the first block are this module's
own and are not emitted (a helper's standard modules are imported by the script's header).
"""

import inspect
import weakref


# helper: _js_gen_next
# generators whose return(v) ran into a yield in a finally block: v, given when they end
_JS_GEN_RETURNING = weakref.WeakKeyDictionary()


def _js_gen_next(it, *sent):
    """it.next() / it.next(v): an iterator result { value, done }. A generator receives v at
    the yield it is suspended at (Python's send); a generator that has not started ignores it,
    as JavaScript does (Python's send refuses a value there). After the end, { value:
    undefined, done: true } again and again; the generator's return value once."""
    try:
        if sent and inspect.isgenerator(it) and inspect.getgeneratorstate(it) == "GEN_SUSPENDED":
            value = it.send(sent[0])
        else:
            value = next(it)
    except StopIteration as stop:
        return {"value": stop.value, "done": True}
    except GeneratorExit:
        # the finally blocks a return(v) entered are done: v
        if it in _JS_GEN_RETURNING:
            return {"value": _JS_GEN_RETURNING.pop(it), "done": True}
        raise
    return {"value": value, "done": False}


# helper: _js_gen_return
def _js_gen_return(gen, value=None):
    """gen.return(v): the generator's finally blocks run, { value: v, done: true }. A finally
    block that yields gives that value first ({ done: false }), and v when it ends; one that
    returns gives its own value."""
    if inspect.getgeneratorstate(gen) != "GEN_SUSPENDED":
        gen.close()
        return {"value": value, "done": True}
    try:
        yielded = gen.throw(GeneratorExit)
    except GeneratorExit:
        return {"value": value, "done": True}
    except StopIteration as stop:
        return {"value": stop.value, "done": True}
    _JS_GEN_RETURNING[gen] = value
    return {"value": yielded, "done": False}


# helper: _js_gen_throw
def _js_gen_throw(gen, error):
    """gen.throw(e): e is raised at the yield the generator is suspended at; the next value it
    yields, or its return value when it ends. A generator that has not started ends without
    running (JavaScript), and e is thrown to the caller."""
    if inspect.getgeneratorstate(gen) == "GEN_CREATED":
        gen.close()
        raise error
    try:
        value = gen.throw(error)
    except StopIteration as stop:
        return {"value": stop.value, "done": True}
    return {"value": value, "done": False}


# helper: _js_iter_close
def _js_iter_close(it):
    """The iterator of a for…of loop left by break, return or an exception: a generator's
    finally blocks run (JavaScript calls its return()); other iterators have nothing to close."""
    close = getattr(it, "close", None)
    if close is not None:
        close()
