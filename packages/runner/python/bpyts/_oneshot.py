"""One-shot bootstrap: ``blender -b --python _oneshot.py`` or ``python _oneshot.py`` (bpy module).

The host starts Blender before the script is compiled (the two overlap). On the channel, fd
$BPYTS_CHANNEL_FD (a socket pair), this says which Blender it is, then waits for the job payload
(script, input, args, result path…: one JSON line). The outcome is written to
``payload["resultPath"]``, never to stdout.
"""
import bpy  # noqa: F401 - first, before any other Blender module

import json
import os
import sys


def _hello():
    fd = int(os.environ.pop("BPYTS_CHANNEL_FD"))
    hello = {"version": ".".join(map(str, bpy.app.version)), "python": list(sys.version_info[:3])}
    os.write(fd, (json.dumps(hello) + "\n").encode())
    return fd


def _payload(fd):
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 1 << 16)
        if not chunk:  # the host went away (or the compile failed): nothing to run
            os._exit(1)
        data += chunk
    os.close(fd)  # not inherited by the script or what it starts
    return json.loads(data)


channel = _hello()
# the runner's package, imported while the host is still compiling
python_path = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if python_path not in sys.path:
    sys.path.insert(0, python_path)
from bpyts import _job  # noqa: E402

payload = _payload(channel)

backend = payload.get("backend", "binary")
if backend == "module":
    _job.set_binary_path(payload.get("binaryPath"))
    _job.load_scene(payload, backend)
elif payload.get("emptyScene") and not payload.get("blendFile"):
    _job.load_scene(payload, backend)
if backend == "module":
    _job.set_binary_path(payload.get("binaryPath"))

payload["exitAfter"] = True
outcome = _job.run_job(payload)
if isinstance(outcome["exitCode"], bool):  # sys.exit(True) exits with 1, as in Python
    outcome["exitCode"] = int(outcome["exitCode"])
tmp = payload["resultPath"] + ".tmp"
with open(tmp, "w", encoding="utf-8") as f:
    json.dump(outcome, f)
os.replace(tmp, payload["resultPath"])
_job.flush()
if outcome["exitCode"]:
    sys.exit(outcome["exitCode"])
