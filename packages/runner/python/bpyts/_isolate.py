"""Isolation between pool jobs: put back what a job changed, or say why the worker must go.

A baseline is taken once the worker is ready. After every job, cheap process state is restored
(cwd, umask, recursion limit, sys.path & co, os.environ, stdio objects, signal handlers and
timers, the ``bpyts.runtime`` module, ``sys.modules`` entries, driver namespace, app timers,
classes registered and attributes / RNA properties added to ``bpy.types``); what cannot be put
back safely (module globals, threads, open descriptors, a closed stdio object, an add-on still
enabled after a factory reset) is *detected* and returned as reasons: the worker then exits and
the pool starts a fresh one (a Blender start, ~1 s, against a few ms for a reset).
"""
import os
import random
import re
import resource
import signal
import sys
import threading

import bpy

from . import runtime

_IGNORED_SIGNALS = {signal.SIGKILL, signal.SIGSTOP}
# Blender-internal globals that change on their own while jobs run (not state a job leaks).
_VOLATILE_GLOBALS = {("warnings", "_filters_version"), ("__main__", "__builtins__")}


# Set by (re-)registration: never put back (a stale RNA pointer would crash Blender).
_RNA_KEYS = {"bl_rna"}


def _rlimits():
    out = {}
    for name in dir(resource):
        if name.startswith("RLIMIT_"):
            which = getattr(resource, name)
            try:
                out[which] = resource.getrlimit(which)
            except (ValueError, OSError):
                pass
    return out


def _signals():
    out = {}
    for sig in signal.valid_signals():
        if sig in _IGNORED_SIGNALS:
            continue
        try:
            out[sig] = signal.getsignal(sig)
        except (ValueError, OSError):
            pass
    return out


def _type_classes():
    classes = []
    for name in dir(bpy.types):
        cls = getattr(bpy.types, name, None)
        if isinstance(cls, type):
            classes.append(cls)
    return classes


def _prefs_paths(ptr, out, depth=0):
    """Where every plain preference value lives (walked once per baseline, ~15 ms): a job can
    clear ``is_dirty``, so the values themselves are compared after each job (~3 ms)."""
    for prop in ptr.bl_rna.properties:
        key = prop.identifier
        if key in ("rna_type", "is_dirty"):
            continue
        try:
            value = getattr(ptr, key)
        except Exception:
            continue
        if prop.type == "POINTER":
            if value is not None and depth < 6:
                _prefs_paths(value, out, depth + 1)
        elif prop.type == "COLLECTION":
            out.append((ptr, key, len))
            if depth < 6 and key != "studio_lights":  # read-only files (~400 values)
                for item in value:
                    _prefs_paths(item, out, depth + 1)
        elif hasattr(value, "__len__") and not isinstance(value, str):
            out.append((ptr, key, tuple))
        else:
            out.append((ptr, key, None))
    return out


def _prefs_values(paths):
    out = []
    for ptr, key, convert in paths:
        try:
            value = getattr(ptr, key)
            out.append(convert(value) if convert else value)
        except Exception as e:  # a struct that went away: different from the baseline
            out.append(e)
    return out


def _same_dict(now, before):
    """Same keys bound to the same objects (a C comparison first: ~1 µs per class)."""
    try:
        if now == before:
            return all(before[k] is v for k, v in now.items()) if len(now) < 4 else True
    except Exception:  # a value whose == raises (numpy arrays): compare identities
        pass
    return len(now) == len(before) and all(before.get(k, before) is v for k, v in now.items())


def _fds():
    """Open descriptors (the one listing /proc/self/fd is closed by the time it is read back)."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return set()
    return set(int(n) for n in names if _fd_target(int(n)))


def _harmless(target):
    """Descriptors Blender and its libraries open lazily and keep (devices, event fds, shared
    libraries: libffi keeps its own .so open for trampolines), not state a job leaves."""
    return target.startswith(("anon_inode:", "/dev/", "/proc/", "memfd:")) or bool(
        re.search(r"\.so(\.[0-9.]+)?$", target)
    )


def _fd_target(fd):
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


class LoadWatch:
    """Whether a .blend was loaded since the last job began (a load can leave Blender's auto-run
    flag on: then the worker opens its clean file with scripts off). Installed before the handler
    snapshot, so resets keep it."""

    def __init__(self):
        self.loaded = False

        @bpy.app.handlers.persistent
        def bpyts_load_watch(*_args):
            self.loaded = True

        self.handler = bpyts_load_watch
        bpy.app.handlers.load_pre.append(bpyts_load_watch)

    def needs_clean_load(self):
        return self.loaded or not any(h is self.handler for h in bpy.app.handlers.load_pre)


class Baseline:
    def __init__(self, private_fds, pump_thread_name="bpyts-output"):
        self.private_fds = set(private_fds)
        self.pump_thread_name = pump_thread_name
        self.cwd = os.getcwd()
        self.umask = os.umask(0o022)
        os.umask(self.umask)
        self.recursion = sys.getrecursionlimit()
        self.stdio = {n: getattr(sys, n) for n in ("stdin", "stdout", "stderr", "__stdin__", "__stdout__", "__stderr__")}
        self.hooks = {n: getattr(sys, n) for n in ("displayhook", "excepthook", "breakpointhook", "unraisablehook")}
        self.path_obj = sys.path
        self.path = list(sys.path)
        self.meta_path = list(sys.meta_path)
        self.path_hooks = list(sys.path_hooks)
        self.environ_obj = os.environ
        self.environ = dict(os.environ)
        self.signals = _signals()
        self.sigmask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
        self.runtime = dict(vars(runtime))
        self.runtime_code = {k: (v.__code__, v.__defaults__) for k, v in self.runtime.items() if hasattr(v, "__code__")}
        self.runtime_state = dict(runtime._state)
        self.modules = dict(sys.modules)
        self.threads = set(threading.enumerate())
        self.interpreter = self._interpreter()
        import time

        self.tzname = time.tzname
        self.timers_register = bpy.app.timers.register
        self.timers = []
        self.globals = {}
        self.driver_namespace = dict(bpy.app.driver_namespace)
        self.addons = set(bpy.context.preferences.addons.keys())
        self.rebase()

    def rebase(self):
        """After a factory reset (~70 ms): add-ons were re-registered (their classes got new
        ``bl_rna``), Blender may have opened descriptors or normalised preferences anew."""
        self.types = set(dir(bpy.types))
        self.classes = [(cls, dict(vars(cls))) for cls in _type_classes()]
        self.prefs_paths = _prefs_paths(bpy.context.preferences, [])
        self.prefs = _prefs_values(self.prefs_paths)
        self.fds = _fds()

    # -- per job --------------------------------------------------------------------------------

    def before_job(self):
        random.seed()  # each job its own sequence (a seed set by the last job does not carry over)
        # Module globals: copied once, then only the modules that changed (Blender's own resets
        # rebind some) or were added are copied again: a comparison is much cheaper than a copy.
        globals_ = self.globals
        for name, mod in list(sys.modules.items()):
            entry = globals_.get(name)
            if entry is None or entry[0] is not mod or not _same_dict(getattr(mod, "__dict__", entry[1]), entry[1]):
                try:
                    globals_[name] = (mod, dict(vars(mod)))
                except TypeError:  # no __dict__
                    pass
        for name in list(globals_.keys() - sys.modules.keys()):
            del globals_[name]
        self.timers = []
        original = self.timers_register

        def register(function, *args, **kwargs):
            self.timers.append(function)
            return original(function, *args, **kwargs)

        try:
            bpy.app.timers.register = register
        except Exception:
            pass

    def restore_process(self, script_dir=None):
        """Right after the job (before ``done``): process-level state. Returns recycle reasons."""
        reasons = []
        try:
            bpy.app.timers.register = self.timers_register
        except Exception:
            pass
        for name, value in self.stdio.items():
            if getattr(sys, name) is not value:
                setattr(sys, name, value)
            if value is not None and getattr(value, "closed", False):
                reasons.append(f"sys.{name} was closed")
        for name, value in self.hooks.items():
            setattr(sys, name, value)
        try:
            os.chdir(self.cwd)
        except OSError as e:
            reasons.append(f"cannot return to the working directory ({e})")
        os.umask(self.umask)
        sys.setrecursionlimit(self.recursion)
        sys.path = self.path_obj
        sys.path[:] = self.path
        sys.meta_path[:] = self.meta_path
        sys.path_hooks[:] = self.path_hooks
        if os.environ is not self.environ_obj:
            os.environ = self.environ_obj
        current = dict(os.environ)
        if current != self.environ:
            for key in current.keys() - self.environ.keys():
                del os.environ[key]
            for key, value in self.environ.items():
                if current.get(key) != value:
                    os.environ[key] = value
        reasons += self._restore_interpreter()
        reasons += self._restore_signals()
        self._restore_runtime()
        reasons += self._restore_modules(script_dir)
        return reasons

    @staticmethod
    def _interpreter():
        """Interpreter-wide settings a job can change with one call (put back as they were)."""
        import decimal
        import gc
        import locale
        import logging
        import socket
        import warnings

        root = logging.getLogger()
        return {
            "argv": list(sys.argv),
            "trace": (sys.gettrace(), sys.getprofile()),
            "gc": gc.isenabled(),
            "switch": sys.getswitchinterval(),
            "int_digits": getattr(sys, "get_int_max_str_digits", lambda: None)(),
            "warnings": list(warnings.filters),
            "logging": (list(root.handlers), root.level, logging.root.manager.disable),
            "socket": socket.getdefaulttimeout(),
            "locale": locale.setlocale(locale.LC_ALL),
            "decimal": decimal.getcontext().copy(),
            "tz": os.environ.get("TZ"),
            "rlimits": _rlimits(),
            "ids": (os.getuid(), os.geteuid(), os.getgid(), os.getegid(), os.getgroups(), os.nice(0)),
        }

    def _restore_interpreter(self):
        import decimal
        import gc
        import locale
        import logging
        import socket
        import time
        import warnings

        b = self.interpreter
        sys.argv[:] = b["argv"]
        sys.settrace(b["trace"][0])
        sys.setprofile(b["trace"][1])
        threading.settrace(None)  # for threads started later (Blender sets none)
        threading.setprofile(None)
        (gc.enable if b["gc"] else gc.disable)()
        sys.setswitchinterval(b["switch"])
        if b["int_digits"] is not None:
            sys.set_int_max_str_digits(b["int_digits"])
        if warnings.filters != b["warnings"]:
            warnings.filters[:] = b["warnings"]
            getattr(warnings, "_filters_mutated", lambda: None)()
        root = logging.getLogger()
        root.handlers[:] = b["logging"][0]
        root.setLevel(b["logging"][1])
        logging.disable(b["logging"][2])
        socket.setdefaulttimeout(b["socket"])
        try:
            if locale.setlocale(locale.LC_ALL) != b["locale"]:
                locale.setlocale(locale.LC_ALL, b["locale"])
        except locale.Error:
            pass
        decimal.setcontext(b["decimal"].copy())
        reasons = []
        for which, limits in b["rlimits"].items():
            try:
                if resource.getrlimit(which) != limits:
                    resource.setrlimit(which, limits)
            except (ValueError, OSError):  # a hard limit lowered cannot be raised again
                reasons.append(f"resource limit {which} lowered")
        if (os.getuid(), os.geteuid(), os.getgid(), os.getegid(), os.getgroups(), os.nice(0)) != b["ids"]:
            reasons.append("user, group or niceness changed")
        if os.environ.get("TZ") != b["tz"] or time.tzname != self.tzname:
            time.tzset()
        return reasons

    def _restore_signals(self):
        reasons = []
        signal.alarm(0)  # a pending alarm would kill a later job
        for timer in (signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF):
            signal.setitimer(timer, 0)
        for sig, handler in self.signals.items():
            try:
                current = signal.getsignal(sig)
                if current is handler:
                    continue
                if handler is None:  # a handler installed outside Python: cannot be put back
                    reasons.append(f"signal {signal.Signals(sig).name} handler replaced")
                else:
                    signal.signal(sig, handler)
            except (ValueError, OSError) as e:
                reasons.append(f"signal {sig}: {e}")
        signal.pthread_sigmask(signal.SIG_SETMASK, self.sigmask)
        return reasons

    def _restore_runtime(self):
        d = vars(runtime)
        for key in list(d.keys() - self.runtime.keys()):
            del d[key]
        d.update(self.runtime)
        for key, (code, defaults) in self.runtime_code.items():
            fn = self.runtime[key]
            fn.__code__ = code
            fn.__defaults__ = defaults
        runtime._state.clear()
        runtime._state.update(self.runtime_state)
        runtime.args[:] = []

    def _restore_modules(self, script_dir):
        reasons = []
        reloaded = []
        for name, mod in self.modules.items():
            now = sys.modules.get(name)
            if now is not mod:
                origin = getattr(getattr(mod, "__spec__", None), "origin", None)
                if now is not None and origin and getattr(getattr(now, "__spec__", None), "origin", None) == origin:
                    reloaded.append(name)  # a reload (script.reload): other modules hold the new one
                else:
                    sys.modules[name] = mod  # a fake planted or an entry removed
        if reloaded:
            reasons.append(f"modules reloaded: {', '.join(sorted(reloaded)[:5])}")
        roots = tuple(os.path.join(os.path.abspath(p), "") for p in self.path if p)
        for name in list(sys.modules.keys() - self.modules.keys()):
            mod = sys.modules[name]
            spec = getattr(mod, "__spec__", None)
            origin = getattr(spec, "origin", None) or ""
            # Kept: what the job imported from Blender / the stdlib / site-packages (code, not
            # state). Dropped: the script's own modules and fakes put into sys.modules.
            if origin in ("built-in", "frozen") or (
                os.path.isabs(origin)
                and os.path.abspath(origin).startswith(roots)
                and not (script_dir and os.path.abspath(origin).startswith(os.path.join(script_dir, "")))
            ):
                continue
            del sys.modules[name]
        modules = sys.modules
        try:  # one C comparison per module first
            changed = [(n, e) for n, e in self.globals.items() if modules.get(n) is e[0] and vars(e[0]) != e[1]]
        except Exception:
            changed = list(self.globals.items())
        for name, (mod, before) in changed:
            if sys.modules.get(name) is not mod:
                continue
            now = vars(mod)
            if now is before or _same_dict(now, before):
                continue
            for key in now.keys() | before.keys():
                if (name, key) in _VOLATILE_GLOBALS or now.get(key, now) is before.get(key, before):
                    continue
                if key not in before and type(now[key]).__name__ == "module":
                    continue  # a submodule import binds it on its package
                if name == "bpyts.runtime":
                    continue  # put back by _restore_runtime
                if key == "__warningregistry__":
                    continue
                reasons.append(f"module global {name}.{key} changed")
                break
        return reasons

    def restore_blender(self):
        """After the process-level restore: bpy.types, timers, driver namespace. Returns
        ``(needs_factory_reset, reasons)``."""
        reasons = []
        for fn in self.timers:
            try:
                if bpy.app.timers.is_registered(fn):
                    bpy.app.timers.unregister(fn)
            except Exception:
                pass
        self.timers = []
        ns = bpy.app.driver_namespace
        for key in list(ns.keys()):
            if key not in self.driver_namespace:
                del ns[key]
        for key, value in self.driver_namespace.items():
            if ns.get(key, ns) is not value:
                ns[key] = value
        reasons += self._restore_types()
        prefs = bpy.context.preferences
        dirty = (
            prefs.is_dirty
            or set(prefs.addons.keys()) != self.addons
            or _prefs_values(self.prefs_paths) != self.prefs
        )
        return dirty, reasons

    def _restore_types(self):
        reasons = []
        # Attributes and RNA properties (``bpy.types.Scene.foo = IntProperty()`` is a
        # class-dict entry; deleting it removes the property).
        try:  # one C comparison per class (~3000 of them)
            changed = [(cls, before) for cls, before in self.classes if vars(cls) != before]
        except Exception:
            changed = self.classes
        for cls, before in changed:
            now = vars(cls)
            if _same_dict(now, before):
                continue
            for key in list(now.keys() - before.keys() - _RNA_KEYS):
                try:
                    delattr(cls, key)
                except Exception as e:
                    reasons.append(f"cannot remove bpy.types.{cls.__name__}.{key} ({e})")
            for key, value in before.items():
                if key not in _RNA_KEYS and now.get(key, now) is not value:
                    try:
                        setattr(cls, key, value)
                    except Exception as e:
                        reasons.append(f"cannot restore bpy.types.{cls.__name__}.{key} ({e})")
        return reasons

    def unregister_new_classes(self):
        """Classes the job registered (raw ``register_class`` or a compiled ``register()``)."""
        names = set(dir(bpy.types))
        gone = self.types - names
        if gone:
            return [f"classes unregistered by the job: {', '.join(sorted(gone)[:5])}"]
        new = [getattr(bpy.types, n, None) for n in names - self.types]
        new = [c for c in new if isinstance(c, type)]
        # Users of a PropertyGroup must go first: retry until nothing more can be removed.
        while new:
            left = []
            for cls in new:
                try:
                    bpy.utils.unregister_class(cls)
                except Exception:
                    left.append(cls)
            if len(left) == len(new):
                return [f"cannot unregister {', '.join(c.__name__ for c in left)}"]
            new = left
        return []

    def check_after_reset(self):
        """Once the scene is reset: what is still not as it was."""
        reasons = []
        prefs = bpy.context.preferences
        if set(prefs.addons.keys()) != self.addons:
            reasons.append("add-ons enabled or disabled")
        alive = [t for t in threading.enumerate() if t not in self.threads and t.is_alive() and t.name != self.pump_thread_name]
        if alive:
            reasons.append(f"threads left running: {', '.join(t.name for t in alive)}")
        now = _fds() - self.private_fds
        opened = [fd for fd in now - self.fds if not _harmless(_fd_target(fd))]
        closed = sorted((self.fds - self.private_fds) - now - {0, 1, 2})
        if opened:
            reasons.append(f"descriptors left open: {', '.join(f'{fd} ({_fd_target(fd)})' for fd in sorted(opened))}")
        if closed:
            reasons.append(f"descriptors closed: {', '.join(map(str, closed))}")
        return reasons
