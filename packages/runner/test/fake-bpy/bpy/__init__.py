"""A test double of the pip `bpy` module (the real one cannot be installed here: no PyPI).

It records what the runner does to it so tests can check the bpy-module rules: imported first,
binary_path set from discovery, no sys.argv use, factory/empty scene resets, one .blend.
"""
import sys

# Which Blender-ish modules were loaded before us ("bpy first").
loaded_before = sorted(m for m in ("mathutils", "bmesh", "bpy_extras", "bpyts._job") if m in sys.modules)
calls = []


class _App:
    binary_path = ""
    version = (4, 2, 0)
    version_string = "4.2.0 (fake)"
    background = True


app = _App()


class _Obj:
    def __init__(self, name):
        self.name = name


class _Data:
    def __init__(self):
        self.objects = []
        self.filepath = ""


data = _Data()


def _factory(empty):
    data.objects = [] if empty else [_Obj("Camera"), _Obj("Cube"), _Obj("Light")]
    data.filepath = ""


class _Wm:
    def read_factory_settings(self, use_empty=False):
        calls.append(("read_factory_settings", use_empty))
        _factory(use_empty)
        app.binary_path = ""  # like the real module: a reset forgets it
        return {"FINISHED"}

    def open_mainfile(self, filepath, load_ui=True, use_scripts=False):
        calls.append(("open_mainfile", filepath, use_scripts))
        data.objects = [_Obj("FromBlend")]
        data.filepath = filepath
        return {"FINISHED"}


class _Ops:
    wm = _Wm()


ops = _Ops()
_factory(False)


def _read_homefile(use_factory_startup=False, use_empty=False, load_ui=True):
    calls.append(("read_homefile", use_empty))
    _factory(use_empty)
    return {"FINISHED"}


_Wm.read_homefile = lambda self, **kw: _read_homefile(**kw)


# What the pool worker's isolation reads (python/bpyts/_isolate.py): empty but present, as in the
# real module.
class _Timers:
    def __init__(self):
        self._registered = []

    def register(self, function, first_interval=0, persistent=False):
        self._registered.append(function)

    def unregister(self, function):
        self._registered.remove(function)

    def is_registered(self, function):
        return function in self._registered


class _Handlers:
    def __init__(self):
        self.load_pre = []

    @staticmethod
    def persistent(function):
        return function


class _Rna:
    properties = []


class _Prefs:
    bl_rna = _Rna()
    addons = {}
    is_dirty = False


class _Context:
    preferences = _Prefs()


class _Types:
    pass


class _Utils:
    @staticmethod
    def unregister_class(cls):
        raise RuntimeError("nothing is registered in the fake")


app.timers = _Timers()
app.handlers = _Handlers()
app.driver_namespace = {}
app.tempdir = ""
context = _Context()
types = _Types()
utils = _Utils()


def _save_as_mainfile(filepath, copy=False, compress=False):
    calls.append(("save_as_mainfile", copy))
    with open(filepath, "wb") as f:
        f.write(b"BLENDER-fake")
    return {"FINISHED"}


_Wm.save_as_mainfile = lambda self, **kw: _save_as_mainfile(**kw)
