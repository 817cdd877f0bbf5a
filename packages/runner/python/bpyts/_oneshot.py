"""One-shot bootstrap: ``blender -b --python _oneshot.py`` or ``python _oneshot.py`` (bpy module).

The job payload (script, input, args, result path…) is a JSON file named by $BPYTS_PAYLOAD; the
outcome is written to ``payload["resultPath"]``, never to stdout.
"""
import bpy  # noqa: F401 - first, before any other Blender module

import json
import os
import sys

with open(os.environ["BPYTS_PAYLOAD"], encoding="utf-8") as f:
    payload = json.load(f)
if payload["pythonPath"] not in sys.path:
    sys.path.insert(0, payload["pythonPath"])

from bpyts import _job  # noqa: E402

backend = payload.get("backend", "binary")
if backend == "module":
    _job.set_binary_path(payload.get("binaryPath"))
    _job.load_scene(payload, backend)
elif payload.get("emptyScene") and not payload.get("blendFile"):
    _job.load_scene(payload, backend)
if backend == "module":
    _job.set_binary_path(payload.get("binaryPath"))

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
