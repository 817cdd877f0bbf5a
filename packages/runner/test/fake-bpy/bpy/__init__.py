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
