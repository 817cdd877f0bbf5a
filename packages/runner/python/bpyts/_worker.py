"""Warm worker: a long-lived Blender (or bpy-module Python) that runs jobs one at a time.

Protocol: frames are a 4-byte big-endian length + UTF-8 JSON. Requests arrive on stdin (fd 0),
responses go to fd $BPYTS_RESPONSE_FD (3); stdout/stderr stay the scripts'. After each job a
marker ``\\x1ebpyts:end:<id>\\x1e\\n`` is written to stdout and stderr so Node can tell which
output belongs to which job. Between jobs the scene is reset with read_factory_settings.
"""
import bpy  # noqa: F401 - first, before any other Blender module

import json
import os
import struct
import sys

_python_path = os.environ.get("BPYTS_PYTHONPATH") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _python_path not in sys.path:
    sys.path.insert(0, _python_path)

from bpyts import _job  # noqa: E402

BACKEND = os.environ.get("BPYTS_BACKEND", "binary")
EMPTY = os.environ.get("BPYTS_EMPTY_SCENE") == "1"
OUT_FD = int(os.environ.get("BPYTS_RESPONSE_FD", "3"))


def read_exact(n):
    chunks = []
    while n:
        chunk = os.read(0, n)
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def send(obj):
    data = json.dumps(obj).encode("utf-8")
    view = memoryview(struct.pack(">I", len(data)) + data)
    while view:
        view = view[os.write(OUT_FD, view):]


def marker(job_id):
    text = f"\x1ebpyts:end:{job_id}\x1e\n".encode()
    for fd in (1, 2):
        os.write(fd, text)


def main():
    _job.set_binary_path(os.environ.get("BPYTS_BINARY_PATH"))
    state = None  # what the scene is: "factory", "empty" or None (dirty / a .blend)
    if BACKEND == "module" or EMPTY:
        bpy.ops.wm.read_factory_settings(use_empty=EMPTY)
        _job.set_binary_path(os.environ.get("BPYTS_BINARY_PATH"))
    state = "empty" if EMPTY else "factory"
    _job.snapshot_handlers()
    send({"type": "ready", "pid": os.getpid(), "version": bpy.app.version_string})
    while True:
        header = read_exact(4)
        if header is None:
            break
        body = read_exact(struct.unpack(">I", header)[0])
        if body is None:
            break
        msg = json.loads(body)
        if msg.get("type") == "quit":
            break
        want = "blend" if msg.get("blendFile") else ("empty" if msg.get("emptyScene") else "factory")
        try:
            if want == "blend":
                _job.load_scene(msg, BACKEND)
            elif want != state:
                _job.reset_scene(want == "empty")
        except Exception as e:  # a .blend that cannot be opened fails the job, not the worker
            outcome = {"exitCode": 1, "error": _job.describe(e), "hasResult": False, "result": None}
        else:
            outcome = _job.run_job(msg)
        state = None
        _job.flush()
        marker(msg["id"])
        send({"type": "done", "id": msg["id"], **outcome})
        # Reset now, while idle, so the next job starts at once on a clean scene.
        _job.reset_scene(EMPTY)
        _job.set_binary_path(os.environ.get("BPYTS_BINARY_PATH"))
        state = "empty" if EMPTY else "factory"
        send({"type": "idle"})


main()
