def _bpyts_runtime():
    """``bpyts/runtime`` for a built script run without bpyts (``blender -b --python x.py -- …``,
    Blender's Text Editor): ``--input <json|@file>`` and ``--result-file <path>`` after ``--``, the
    other arguments in ``args``; without ``--result-file`` the result is printed as JSON."""
    import json
    import sys
    import types

    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    rt = types.SimpleNamespace(args=[], value=None, result_file=None)
    i = 0
    while i < len(argv):
        if argv[i] in ("--input", "--result-file") and i + 1 < len(argv):
            option, value = argv[i], argv[i + 1]
            i += 2
            if option == "--result-file":
                rt.result_file = value
                continue
            if value.startswith("@"):
                with open(value[1:], encoding="utf-8") as f:
                    value = f.read()
            rt.value = json.loads(value)
        else:
            rt.args.append(argv[i])
            i += 1

    class NoInputError(LookupError):
        pass

    def input(*fallback):  # noqa: A001 - the TypeScript name
        if rt.value is None:
            if fallback:
                return fallback[0]
            raise NoInputError(
                "no input was given, and the script reads input(): pass JSON after `--`: "
                "`blender -b --python <script.py> -- --input '<json>'` (or `--input @file.json`), "
                "or give a fallback: `input<T>(fallback)`"
            )
        return rt.value

    def setResult(value):  # noqa: N802 - the TypeScript name
        try:
            text = json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise TypeError(f"setResult: the result is not JSON-serialisable ({e})") from None
        if rt.result_file:
            with open(rt.result_file, "w", encoding="utf-8") as f:
                f.write(text + "\n")
        else:
            print(text)

    rt.input = input
    rt.setResult = rt.set_result = setResult
    return rt
