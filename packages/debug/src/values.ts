import { tsNameOf } from "@bpyts/compiler/names";

export { tsNameOf };

/** Compiler temporaries (`ctx.temp()`: `_t1`, `_t12`) — never a user name. */
const TEMPORARY = /^_t\d+$/;
/** Runtime helpers and their module-level tables (`_js_str`, `JsError`, `_JS_META`). */
const HELPER = /^(_js_|_JS_|_Js|Js)/;

/**
 * Whether a Python variable is hidden from the TS view: compiler temporaries, runtime helpers,
 * dunder module internals (`__builtins__`, `__file__`), and debugpy's own groups (special /
 * function / class variables, hidden through `variablePresentation` but older versions ignore it).
 * A user name never looks like one of them: the compiler renames user names away from these.
 */
export function isHiddenVariable(name: string, type?: string): boolean {
  if (TEMPORARY.test(name) || /^__.*__$/.test(name)) return true;
  if (HELPER.test(name) && !name.endsWith("_")) return true;
  if (name === "special variables" || name === "function variables" || name === "class variables")
    return true;
  // modules the compiler imports for its own use (`math`, `json`) and the script's imports
  return type === "module";
}

/** A Python float's repr → how JavaScript prints that number (1.0 → 1, 1e+16 → 10000000000000000). */
export function jsNumber(repr: string): string {
  const t = repr.trim();
  if (t === "nan") return "NaN";
  if (t === "inf") return "Infinity";
  if (t === "-inf") return "-Infinity";
  const n = Number(t);
  if (Number.isNaN(n)) return repr;
  // Python ints beyond 2^53 are exact; JS would round them, so keep Python's digits
  if (/^-?\d+$/.test(t) && !Number.isSafeInteger(n)) return t;
  return String(n);
}

/** Decode one Python string literal (`'a\'b'`, `"x"`) to its value. */
function pyString(lit: string): string {
  const body = lit.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (_, e: string) => {
    switch (e[0]) {
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "r":
        return "\r";
      case "0":
        return "\0";
      case "x":
      case "u":
      case "U":
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        return e;
    }
  });
}

const TOKEN =
  /('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(-?(?:\d+\.\d*(?:e[+-]?\d+)?|\d+e[+-]?\d+|\d+|inf|nan)\b)|\b(True|False|None)\b/gs;

/**
 * Python's repr of a value → how the same value reads in JavaScript: `None` → `undefined` (or
 * `null`, when the compiler says the variable's TS type is `T | null`: `none`),
 * `True` → `true`, `'a'` → `"a"`, `2.0` → `2`, inside lists and dicts too. Anything else
 * (`<bpy_struct, Object("Cube")>`) is kept as Python prints it.
 */
export function jsValue(
  repr: string,
  type?: string,
  none: "null" | "undefined" = "undefined",
): string {
  if (type === "float" || type === "int") return jsNumber(repr);
  if (type === "NoneType") return none;
  if (type === "bool") return repr === "True" ? "true" : repr === "False" ? "false" : repr;
  if (type === "str" && /^(['"]).*\1$/s.test(repr)) return JSON.stringify(pyString(repr));
  // Containers: rewrite the literals inside, leave everything else (object reprs) alone.
  if (type === "list" || type === "tuple" || type === "dict" || type === undefined)
    return repr.replace(TOKEN, (m, str?: string, num?: string, kw?: string) => {
      if (str) return JSON.stringify(pyString(str));
      if (num) return jsNumber(num);
      if (kw === "None") return none;
      if (kw) return kw === "True" ? "true" : "false";
      return m;
    });
  return repr;
}

/** The TS-facing type name of a Python type (what a JS debugger shows). */
export function jsType(
  type: string | undefined,
  none: "null" | "undefined" = "undefined",
): string | undefined {
  switch (type) {
    case "int":
    case "float":
      return "number";
    case "str":
      return "string";
    case "bool":
      return "boolean";
    case "NoneType":
      return none;
    case "list":
    case "tuple":
      return "Array";
    case "dict":
      return "Object";
    default:
      return type;
  }
}
