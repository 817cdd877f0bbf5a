import { describe, expect, it } from "vitest";
import { isHiddenVariable, jsNumber, jsType, jsValue, tsNameOf } from "../src/values.js";

describe("TS view of Python values", () => {
  it("prints numbers as JavaScript does", () => {
    expect(jsNumber("1.0")).toBe("1");
    expect(jsNumber("-0.0")).toBe("0");
    expect(jsNumber("1e+16")).toBe("10000000000000000");
    expect(jsNumber("1e+21")).toBe("1e+21");
    expect(jsNumber("0.1")).toBe("0.1");
    expect(jsNumber("inf")).toBe("Infinity");
    expect(jsNumber("-inf")).toBe("-Infinity");
    expect(jsNumber("nan")).toBe("NaN");
    // a Python int beyond 2^53 is exact: keep its digits
    expect(jsNumber("9007199254740993")).toBe("9007199254740993");
  });

  it("rewrites literals inside containers, leaves object reprs alone", () => {
    expect(jsValue("None", "NoneType")).toBe("undefined");
    expect(jsValue("True", "bool")).toBe("true");
    expect(jsValue("'it\\'s'", "str")).toBe('"it\'s"');
    expect(jsValue("'a\\nb'", "str")).toBe('"a\\nb"');
    expect(jsValue("[1.0, None, 'x', True]", "list")).toBe('[1, undefined, "x", true]');
    // a `T | null`-typed variable (the compiler's facts): None reads null, inside containers too
    expect(jsValue("None", "NoneType", "null")).toBe("null");
    expect(jsType("NoneType", "null")).toBe("null");
    expect(jsValue("[1.0, None]", "list", "null")).toBe("[1, null]");
    expect(jsValue("{'a': 2.50}", "dict")).toBe('{"a": 2.5}');
    expect(jsValue('<bpy_struct, Object("Cube")>', "Object")).toBe('<bpy_struct, Object("Cube")>');
    expect(jsType("float")).toBe("number");
    expect(jsType("NoneType")).toBe("undefined");
    expect(jsType("Object")).toBe("Object");
  });

  it("shows TS names and hides what the compiler made up", () => {
    expect(tsNameOf("max_")).toBe("max");
    expect(tsNameOf("print_")).toBe("print");
    expect(tsNameOf("JsThing_")).toBe("JsThing");
    expect(tsNameOf("total")).toBe("total");
    expect(tsNameOf("total_")).toBe("total_"); // not a rename: `total` is never reserved
    expect(isHiddenVariable("_t12")).toBe(true);
    expect(isHiddenVariable("_js_str")).toBe(true);
    expect(isHiddenVariable("JsError")).toBe(true);
    expect(isHiddenVariable("JsThing_")).toBe(false);
    expect(isHiddenVariable("__builtins__")).toBe(true);
    expect(isHiddenVariable("math", "module")).toBe(true);
    expect(isHiddenVariable("_t")).toBe(false);
    expect(isHiddenVariable("total", "int")).toBe(false);
  });
});
