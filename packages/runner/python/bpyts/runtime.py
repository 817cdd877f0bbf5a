"""The runtime a compiled bpyts script imports as ``bpyts/runtime`` (``from bpyts.runtime import …``).

- ``input()``: the job's JSON input; without one, ``input(fallback)`` returns the fallback and
  ``input()`` raises ``NoInputError`` (the runner reports it as BPY0115, naming ``--input``);
- ``setResult(value)`` / ``set_result``: the job's result, sent back to Node as JSON on a private
  channel (never stdout); the value must be JSON-serialisable, checked here so that a bad value
  fails at the line that set it;
- ``args``: the script's arguments (a list, updated in place for each job, never ``sys.argv``).
"""
import json

args = []
_state = {"input": None, "result": None, "has_result": False}


class NoInputError(LookupError):
    """``input()`` without a fallback, in a run given no input (or JSON ``null``)."""


NO_INPUT = (
    "no input was given, and the script reads input(): pass JSON with "
    "`bpyts run <entry> --input '<json>'` (or `--input @file.json`), `run(…, { input })` "
    "from Node, or give a fallback: `input<T>(fallback)`"
)


def input(*fallback):  # noqa: A001 - the TypeScript name
    value = _state["input"]
    if value is None:
        if fallback:
            return fallback[0]
        raise NoInputError(NO_INPUT)
    return value


def setResult(value):  # noqa: N802 - the TypeScript name
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise TypeError(f"setResult: the result is not JSON-serialisable ({e})") from None
    _state["result"] = text
    _state["has_result"] = True


set_result = setResult


def _begin(job_input, job_args):
    _state["input"] = job_input
    _state["result"] = None
    _state["has_result"] = False
    args[:] = [str(a) for a in job_args or []]
