import { describe, expect, it } from "vitest";
import { mapText } from "../src/rst.js";

const resolveClass = (n: string) => {
  const short = n.split(".").pop()!;
  return ["Vector", "Matrix", "Quaternion", "Euler", "BMVert", "Object"].includes(short)
    ? short
    : null;
};
const ret = (t: string) => mapText(t, { position: "return", resolveClass }).type;
const param = (t: string) => mapText(t, { position: "param", resolveClass }).type;

describe("RST type parser", () => {
  it("maps scalars", () => {
    expect(ret("float")).toBe("number");
    expect(ret("int")).toBe("number");
    expect(ret("boolean")).toBe("boolean");
    expect(ret("string")).toBe("string");
  });
  it("maps classes and unions", () => {
    expect(ret(":class:`mathutils.Vector`")).toBe("Vector");
    expect(ret(":class:`Vector` or None")).toBe("Vector | null");
    expect(ret(":class:`Euler`, :class:`Quaternion` or :class:`Matrix`")).toBe(
      "Euler | Quaternion | Matrix",
    );
    expect(param(":class:`Vector`")).toBe("Vector | readonly number[]");
  });
  it("maps containers", () => {
    expect(ret("list of strings")).toBe("string[]");
    expect(param("sequence of floats")).toBe("readonly number[]");
    expect(ret("pair of ints")).toBe("[number, number]");
    expect(param("float triplet")).toBe("readonly [number, number, number]");
    expect(ret("(:class:`Vector`, :class:`Quaternion`, :class:`Vector`)")).toBe(
      "[Vector, Quaternion, Vector]",
    );
    expect(ret("list of :class:`mathutils.Vector`'s")).toBe("Vector[]");
  });
  it("never silently returns any: unknown text gives unknown with a note", () => {
    const r = mapText("Callable that takes a string and returns a bool.", {
      position: "param",
      resolveClass,
    });
    expect(r.type).toBe("unknown");
    expect(r.note).toMatch(/cannot map/);
  });
});
