"""Warm worker: a long-lived Blender (or bpy-module Python) that runs jobs one at a time.

Protocol (see the runner README, "Pool protocol"): frames are a 4-byte big-endian length + UTF-8
JSON. Requests arrive on stdin, responses go to fd $BPYTS_RESPONSE_FD (3); both are moved to
private descriptors at start-up (``_channel``). Each job carries an id and a nonce that every
frame about it echoes: ``out`` (the job's stdout/stderr, captured through pipes on fd 1/2) then
one ``done``. The end of a job is decided here, after the script returned, never by anything the
script writes. After ``done`` the worker puts back what the job changed (``_isolate``) and resets
the scene, then says ``idle``; when something cannot be put back it says ``recycle`` and exits,
and the pool starts a fresh worker.
"""
import bpy  # noqa: F401 - first, before any other Blender module

import os
import shutil
import sys
import tempfile

_python_path = os.environ.get("BPYTS_PYTHONPATH") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _python_path not in sys.path:
    sys.path.insert(0, _python_path)

from bpyts import _channel, _isolate, _job  # noqa: E402

BACKEND = os.environ.get("BPYTS_BACKEND", "binary")
EMPTY = os.environ.get("BPYTS_EMPTY_SCENE") == "1"
OUT_FD = int(os.environ.get("BPYTS_RESPONSE_FD", "3"))


def clean_blend():
    """An empty .blend in memory: opening it with ``use_scripts=False`` turns off the auto-run
    flag a job's ``open_mainfile(use_scripts=True)`` left on (~3 ms; no file on disk)."""
    folder = tempfile.mkdtemp(prefix="bpyts-worker-")
    try:
        path = os.path.join(folder, "clean.blend")
        bpy.ops.wm.save_as_mainfile(filepath=path, copy=True, compress=False)
        with open(path, "rb") as f:
            data = f.read()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mem = os.memfd_create("bpyts-clean.blend", os.MFD_CLOEXEC)
    fd = _channel._private(mem)
    os.close(mem)
    os.write(fd, data)
    return fd


def leave(code):
    """Exit at once (threads a job left would block a normal exit), without leaking Blender's
    session temp folder."""
    _channel.flush_all()
    try:
        tmp = bpy.app.tempdir
        if tmp and os.path.basename(os.path.normpath(tmp)).startswith("blender_"):
            shutil.rmtree(tmp, ignore_errors=True)
    except Exception:
        pass
    os._exit(code)


def reset(baseline, watch, clean_fd, reasons):
    """Between jobs (after ``done``): Blender-level state, then the scene."""
    factory, more = baseline.restore_blender()
    reasons += more
    # The auto-run flag is set by a load with scripts and by the preference's update function.
    if factory or watch.needs_clean_load():
        bpy.ops.wm.open_mainfile(filepath=f"/proc/self/fd/{clean_fd}", load_ui=False, use_scripts=False)
    _job.reset_scene(EMPTY, factory)
    reasons += baseline.unregister_new_classes()
    if factory:
        baseline.rebase()
    _job.set_binary_path(os.environ.get("BPYTS_BINARY_PATH"))
    reasons += baseline.check_after_reset()
    return reasons


def run(channel, msg):
    """The job, from its first output to ``done``: the critical path (restores come after)."""
    job_id, nonce = msg["id"], msg["nonce"]
    listen_error = None
    if msg.get("debugpy"):
        # Before the capture: an older debugpy's adapter process inherits fd 1/2, which must be
        # the worker's own output then, not the job's pipes (they would stay held after the job).
        try:
            _job.listen_for_debugger(msg["debugpy"]["port"])
        except Exception as e:
            listen_error = e
    capture = _channel.Capture(channel, job_id, nonce)
    try:
        if listen_error is not None:
            raise listen_error
        if msg.get("blendFile"):
            _job.load_scene(msg, BACKEND)
        elif msg.get("emptyScene") != EMPTY:
            _job.reset_scene(bool(msg.get("emptyScene")), False)
    except Exception as e:  # a .blend that cannot be opened fails the job, not the worker
        outcome = {"exitCode": 1, "error": _job.describe(e), "hasResult": False, "result": None}
    else:
        outcome = _job.run_job(msg)
    try:
        capture.finish()
    except OSError as e:  # the job closed the descriptors the capture needs
        if not channel.intact(channel.resp):
            raise _channel.ChannelLost(str(e)) from None
        raise
    reasons = []
    if capture.leftover:
        reasons.append("the job's output pipe is still held (a child process or a copied descriptor)")
    lost = channel.lost()
    if lost:
        reasons.append(f"private descriptors closed by the job: {', '.join(lost)}")
    done = {"type": "done", "id": job_id, "nonce": nonce, **outcome}
    data = _channel.encode(done)
    if len(data) > _channel.MAX_FRAME:  # Node would refuse the frame: say why instead
        message = f"the result is {len(data)} bytes of JSON, more than the pool's limit of {_channel.MAX_FRAME} (use run(), or write it to a file)"
        error = {"type": "ValueError", "message": message, "frames": [], "pythonTrace": f"ValueError: {message}\n"}
        done.update(exitCode=1, error=error, hasResult=False, result=None)
        data = None
    channel.send(done, data)
    return reasons


def main():
    channel = _channel.Channel(OUT_FD)
    _job.set_binary_path(os.environ.get("BPYTS_BINARY_PATH"))
    if BACKEND == "module" or EMPTY:
        bpy.ops.wm.read_factory_settings(use_empty=EMPTY)
        _job.set_binary_path(os.environ.get("BPYTS_BINARY_PATH"))
    clean_fd = clean_blend()
    if BACKEND == "module" or EMPTY:
        bpy.ops.wm.read_factory_settings(use_empty=EMPTY)
    else:
        bpy.ops.wm.read_homefile(use_factory_startup=True, load_ui=False)
    _job.set_binary_path(os.environ.get("BPYTS_BINARY_PATH"))
    _channel.flush_all()  # loads ctypes (and what it opens) before the baseline is taken
    watch = _isolate.LoadWatch()
    _job.snapshot_handlers()
    baseline = _isolate.Baseline(channel.private_fds | {clean_fd})
    baseline.before_job()
    # tempdir: Blender's session folder, removed by Node if this worker is killed.
    channel.send({"type": "ready", "pid": os.getpid(), "version": bpy.app.version_string, "tempdir": getattr(bpy.app, "tempdir", "")})
    while True:
        msg = channel.receive()
        if msg is None or msg["type"] == "quit":
            break
        reasons = run(channel, msg)
        if msg.get("debugpy"):
            # debugpy listens once per process and its tracer stays installed: a fresh worker
            # takes the next job (no reset needed first).
            channel.send({"type": "recycle", "reasons": reasons + ["the job ran under debugpy"]})
            leave(0)
        try:
            reasons += baseline.restore_process(os.path.dirname(os.path.abspath(msg["script"])))
            reasons = reset(baseline, watch, clean_fd, reasons)
        except Exception as e:
            reasons.append(f"reset failed: {type(e).__name__}: {e}")
        if reasons:
            channel.send({"type": "recycle", "reasons": reasons})
            leave(0)
        baseline.before_job()  # the next job's snapshot, taken while idle
        watch.loaded = False
        channel.send({"type": "idle"})


CHANNEL_LOST = 70  # pool.ts: the job is failed with BPY0114
REQUEST_REFUSED = 72  # protocol.ts: the job is failed with BPY0112


try:
    main()
except _channel.ChannelLost:
    leave(CHANNEL_LOST)
except _channel.ProtocolViolation as e:
    try:
        os.write(2, f"bpyts worker: refused a request: {e}\n".encode())
    except OSError:
        pass
    leave(REQUEST_REFUSED)
except BaseException:  # noqa: B036 - the supervisor itself failed: say why, then go
    import traceback

    try:
        os.write(2, traceback.format_exc().encode())
    except OSError:
        pass
    leave(71)
