"""Run one job (a compiled script) and describe its outcome structurally."""
import gc
import os
import sys
import traceback
import types

import bpy  # noqa: F401 - bpy is always imported before any other Blender module

from . import runtime

_HERE = os.path.dirname(os.path.abspath(__file__))


def _ours(filename):
    f = os.path.abspath(filename or "")
    return f.startswith(_HERE + os.sep)


def _frame(file, line, name, col=None):
    frame = {"file": file, "line": line, "name": name}
    if col is not None:
        frame["column"] = col
    return frame


def describe(exc):
    """type, message, frames (innermost last) and Python's formatted trace, runner frames removed."""
    kind = type(exc)
    name = kind.__qualname__ if kind.__module__ in ("builtins", "__main__") else f"{kind.__module__}.{kind.__qualname__}"
    summary = [f for f in traceback.extract_tb(exc.__traceback__) if not _ours(f.filename)]
    frames = [_frame(f.filename, f.lineno, f.name, getattr(f, "colno", None)) for f in summary]
    if isinstance(exc, SyntaxError) and exc.filename and exc.lineno:
        frames.append(_frame(exc.filename, exc.lineno, "<module>", (exc.offset or 1) - 1))
    text = "Traceback (most recent call last):\n" if summary else ""
    text += "".join(traceback.format_list(summary))
    text += "".join(traceback.format_exception_only(kind, exc))
    message = exc.msg if isinstance(exc, SyntaxError) and exc.msg else str(exc)
    return {"type": name, "message": message, "frames": frames, "pythonTrace": text}


# Blender's own C-level output (render progress) is buffered by libc when piped: flush() calls
# fflush. Resolved now, before any script: importing a module after a script (an allocation burst
# that runs the garbage collector) crashed Blender 3.4 on the garbage `bpy.data.temp_data()` leaves.
try:
    import ctypes

    _fflush = ctypes.CDLL(None).fflush
except Exception:  # no libc symbol table (another platform): Python's own flush must do
    _fflush = None


def flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    if _fflush is not None:
        try:
            _fflush(None)
        except Exception:
            pass


def listen_for_debugger(port):
    """Start debugpy listening on 127.0.0.1:``port``. debugpy allows this once per process (a pool
    worker that served a debugged job is replaced: ``_worker``)."""
    try:
        import debugpy
    except ImportError:
        raise ImportError(
            "debugging needs the debugpy package importable in Blender's Python "
            f"({sys.executable} -m pip install debugpy, or add its folder to PYTHONPATH with --python-use-system-env)"
        ) from None
    # The adapter inside this process (pydevd serves DAP itself): no adapter process to start
    # (most of the time to the first stop) or to inherit the job's descriptors. An older debugpy
    # without the option: its separate adapter process.
    try:
        debugpy.listen(("127.0.0.1", int(port)), in_process_debug_adapter=True)
    except TypeError:
        debugpy.listen(("127.0.0.1", int(port)))
    return debugpy


def _wait_for_debugger(job):
    """Wait for an editor to attach: the job's ``debugpy`` port (a pool job; its worker already
    listens) or ``$BPYTS_DEBUGPY=<port>`` (``bpyts run --debugpy <port>``, ``bpyts debug``)."""
    port = (job.get("debugpy") or {}).get("port") or os.environ.get("BPYTS_DEBUGPY")
    if not port:
        return
    if job.get("debugpy"):
        import debugpy
    else:
        debugpy = listen_for_debugger(port)
    print(f"bpyts: waiting for a debugger on 127.0.0.1:{port}", file=sys.stderr, flush=True)
    debugpy.wait_for_client()
    _no_delay()


def _no_delay():
    """pydevd writes a message's header and body in two sends: with Nagle's algorithm on, the body
    waits for the client's (delayed, ~40 ms) ACK of the header — every response and event of a
    step. Its socket is not ours to configure, so this reaches in, and gives up quietly."""
    try:
        import socket

        import pydevd

        sock = pydevd.get_global_debugger().writer.sock
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except Exception:
        pass


def _run_main(script):
    """Run the script as ``__main__``, the way ``blender --python`` does.

    runpy's teardown of its temporary module (argv swap, module copy) crashed Blender 3.4 when
    the script had used ``bpy.data.temp_data()`` with a library load; a plain module whose
    namespace is released as soon as the script returns, as Blender's own runner does, does not.
    """
    with open(script, "rb") as f:
        code = compile(f.read(), script, "exec")
    module = types.ModuleType("__main__")
    module.__file__ = script
    module.__builtins__ = __builtins__
    previous = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        exec(code, module.__dict__)
    finally:
        if previous is not None:
            sys.modules["__main__"] = previous


def run_job(job):
    """Run ``job["script"]`` as ``__main__`` with its real filename; never raises."""
    runtime._begin(job.get("input"), job.get("args"))
    for stream in (sys.stdout, sys.stderr):  # stream output as it is printed, even into a pipe
        try:
            stream.reconfigure(line_buffering=True)
        except Exception:
            pass
    old_cwd = os.getcwd()
    if job.get("cwd"):
        os.chdir(job["cwd"])
    script = os.path.abspath(job["script"])
    script_dir = os.path.dirname(script)
    sys.path.insert(0, script_dir)
    modules_before = set(sys.modules)
    exit_code = 0
    error = None
    try:
        _wait_for_debugger(job)
        _run_main(script)
    except SystemExit as e:
        if e.code is None:
            exit_code = 0
        elif isinstance(e.code, int):
            exit_code = int(e.code)  # sys.exit(True) exits with 1, as in Python
        else:
            print(e.code, file=sys.stderr)
            exit_code = 1
    except BaseException as e:  # noqa: B036 - KeyboardInterrupt too: it is the script's failure
        try:
            error = describe(e)
        except Exception as inner:  # describing must never take the runner down
            error = {"type": type(e).__name__, "message": f"{e} (while describing: {inner})", "frames": [], "pythonTrace": ""}
        exit_code = 1
    finally:
        if job.get("exitAfter"):
            # One-shot: the process ends next. No garbage collection in the script's aftermath —
            # some Blender data (temp_data) crashes the collector, which a plain
            # `blender --python` run never invokes before exit either.
            gc.disable()
        try:
            os.chdir(old_cwd)
        except OSError:
            pass
        try:
            sys.path.remove(script_dir)
        except ValueError:
            pass
        # Modules the script imported from its own folder are dropped, so the next job (watch
        # mode) sees fresh code; Blender's and the stdlib's stay loaded (no module reload).
        for name in set(sys.modules) - modules_before:
            mod_file = getattr(sys.modules.get(name), "__file__", None) or ""
            if os.path.abspath(mod_file).startswith(script_dir + os.sep):
                sys.modules.pop(name, None)
        flush()
    return {
        "exitCode": exit_code,
        "error": error,
        "hasResult": runtime._state["has_result"],
        "result": runtime._state["result"],
    }


def load_scene(job, backend):
    """Open the job's .blend (auto-run scripts off unless asked), or reset to factory/empty."""
    ops = bpy.ops.wm
    if job.get("blendFile"):
        ops.open_mainfile(filepath=job["blendFile"], load_ui=False, use_scripts=bool(job.get("allowAutorun")))
    elif job.get("emptyScene"):
        ops.read_factory_settings(use_empty=True)
    elif backend == "module":
        ops.read_factory_settings(use_empty=False)


_handler_snapshot = {}


def snapshot_handlers():
    """Remember the app handlers Blender itself installed (called once a worker is ready)."""
    handlers = getattr(bpy.app, "handlers", None)
    for name in dir(handlers) if handlers is not None else []:
        value = getattr(handlers, name, None)
        if isinstance(value, list):
            _handler_snapshot[name] = list(value)


def reset_scene(empty, factory=False):
    """Between jobs: drop handlers a job added, then reload the factory-startup (or empty) scene.

    ``read_homefile(use_factory_startup=True)`` (~5 ms) reloads the factory data; when the job
    changed the preferences (an add-on enabled, a setting changed: ``factory``, decided by
    ``_isolate`` from a fingerprint, since a job can clear ``is_dirty``) the full
    ``read_factory_settings`` (~50 ms) also resets those.
    """
    handlers = getattr(bpy.app, "handlers", None)
    for name, before in _handler_snapshot.items():
        current = getattr(handlers, name, None)
        if isinstance(current, list):
            for h in [h for h in current if not any(h is b for b in before)]:
                current.remove(h)
            for h in before:  # handlers Blender installed that a job removed come back
                if not any(h is c for c in current):
                    current.append(h)
    if factory:
        bpy.ops.wm.read_factory_settings(use_empty=empty)
        try:  # it leaves is_dirty on: clear it, so that it tells again whether a job changed them
            bpy.context.preferences.is_dirty = False
        except Exception:
            pass
    else:
        bpy.ops.wm.read_homefile(use_factory_startup=True, use_empty=empty, load_ui=False)
    # Re-registering add-ons on a reset can append the same handler again (e.g. pose_library's
    # load_post in 3.x): keep one per function name so handlers do not pile up job after job.
    for name in _handler_snapshot:
        current = getattr(handlers, name, None)
        if isinstance(current, list):
            seen = set()
            for h in list(current):
                key = (getattr(h, "__module__", None), getattr(h, "__qualname__", None) or id(h))
                if key in seen:
                    current.remove(h)
                seen.add(key)


def set_binary_path(path):
    """In the bpy module ``bpy.app.binary_path`` is empty: point it at the known Blender binary."""
    if path and not getattr(bpy.app, "binary_path", ""):
        try:
            bpy.app.binary_path = path
        except Exception:
            pass
