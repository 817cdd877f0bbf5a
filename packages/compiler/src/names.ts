/**
 * The Python names user identifiers are renamed away from, and how a renamed name reads back.
 * Kept free of TypeScript imports: the debugger (`@bpyts/debug`) loads it to show TS names.
 */

/** Python's hard keywords: never an identifier, nor a keyword-argument name. */
export const PY_HARD_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** Hard and soft keywords: user names are renamed away from all of them. */
export const PY_KEYWORDS = new Set([...PY_HARD_KEYWORDS, "match", "case", "type", "_"]);

/** Builtins and modules the output may use: user names never shadow them. */
export const PY_RESERVED = new Set([
  ...PY_KEYWORDS,
  ..."abs all any bool callable chr dict enumerate Exception BaseException filter float format getattr hasattr int isinstance iter len list map max min next object ord print range repr reversed round set setattr sorted str sum super tuple type vars zip id hash self cls IndexError TypeError ValueError KeyError StopIteration ZeroDivisionError staticmethod classmethod property NotImplemented __name__ __file__ math json functools itertools re decimal random sys time bpy complex slice OverflowError AttributeError SyntaxError RuntimeError NameError frozenset divmod pow bin hex oct ascii bytes bytearray memoryview delattr issubclass globals locals dir help input open compile eval exec exit quit aiter anext breakpoint copyright credits license Ellipsis".split(
    " ",
  ),
]);

/**
 * The TS name a Python name was emitted for, as far as the rename rule tells: `fresh()` appends
 * `_` to a reserved name, a `_js_`/`Js` prefix or a dunder (`max` → `max_`); other names are kept.
 * (A collision suffix, `x_1`, is not undone: the TS name it stands for is not recorded.)
 */
export function tsNameOf(pyName: string): string {
  if (!pyName.endsWith("_")) return pyName;
  const b = pyName.slice(0, -1);
  return takesRenameSuffix(b) ? b : pyName;
}

/**
 * Whether a user name gets `_` appended: Python's reserved names, the runtime helpers' prefixes,
 * and dunder names (`__builtins__`, `__class__` in a method, a module's `__getattr__`).
 */
export function takesRenameSuffix(b: string): boolean {
  return PY_RESERVED.has(b) || b.startsWith("_js_") || b.startsWith("Js") || /^__.*__$/.test(b);
}
