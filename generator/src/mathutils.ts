/**
 * Python operators as typed macro methods (roblox-ts style), driven by each class's `operators`
 * list in the schema. Each method carries `@pyOperator <token>`; the compiler emits the Python
 * operator instead of a call. Binary: `a.add(b)` → `a + b`; unary: `a.neg()` → `-a`;
 * in-place (statement only): `a.iadd(b)` → `a += b`; `a.len()` → `len(a)`.
 */
import type { PyAttribute, PyClass } from "@bpyts/introspect";
import type { PyTypes } from "./pymod.js";
import type { Member } from "./model.js";
import { SEQUENCE_ELEMENT } from "./overrides.js";

interface OpSpec {
  dunder: string;
  method: string;
  token: string;
  doc: string;
}

/** The operator set (dunder → macro method). Reflected dunders (`__radd__`…) need no method. */
export const OPERATORS: OpSpec[] = [
  { dunder: "__add__", method: "add", token: "+", doc: "Python `a + b`" },
  { dunder: "__sub__", method: "sub", token: "-", doc: "Python `a - b`" },
  { dunder: "__mul__", method: "mul", token: "*", doc: "Python `a * b`" },
  { dunder: "__truediv__", method: "div", token: "/", doc: "Python `a / b`" },
  { dunder: "__matmul__", method: "matmul", token: "@", doc: "Python `a @ b`" },
  { dunder: "__neg__", method: "neg", token: "unary-", doc: "Python `-a`" },
  { dunder: "__pos__", method: "pos", token: "unary+", doc: "Python `+a`" },
  { dunder: "__invert__", method: "inv", token: "unary~", doc: "Python `~a`" },
  { dunder: "__eq__", method: "eq", token: "==", doc: "Python `a == b` (value equality)" },
  { dunder: "__ne__", method: "ne", token: "!=", doc: "Python `a != b`" },
  { dunder: "__lt__", method: "lt", token: "<", doc: "Python `a < b`" },
  { dunder: "__le__", method: "le", token: "<=", doc: "Python `a <= b`" },
  { dunder: "__gt__", method: "gt", token: ">", doc: "Python `a > b`" },
  { dunder: "__ge__", method: "ge", token: ">=", doc: "Python `a >= b`" },
  {
    dunder: "__iadd__",
    method: "iadd",
    token: "+=",
    doc: "Python `a += b` (in place; use as a statement)",
  },
  {
    dunder: "__isub__",
    method: "isub",
    token: "-=",
    doc: "Python `a -= b` (in place; use as a statement)",
  },
  {
    dunder: "__imul__",
    method: "imul",
    token: "*=",
    doc: "Python `a *= b` (in place; use as a statement)",
  },
  {
    dunder: "__itruediv__",
    method: "idiv",
    token: "/=",
    doc: "Python `a /= b` (in place; use as a statement)",
  },
  {
    dunder: "__imatmul__",
    method: "imatmul",
    token: "@=",
    doc: "Python `a @= b` (in place; use as a statement)",
  },
  { dunder: "__len__", method: "len", token: "len", doc: "Python `len(a)`" },
  { dunder: "__contains__", method: "contains", token: "in", doc: "Python `b in a`" },
];

/**
 * Operand/result table per class: what Blender accepts on the right-hand side (from mathutils'
 * C sources: Vector_add, Matrix_matmul, …). `V` = Vector, `M` = Matrix, `Q` = Quaternion,
 * `C` = Color, `E` = Euler, `n` = number, `seq` = a plain number sequence.
 */
const OVERLOADS: Record<string, Record<string, [string, string][]>> = {
  Vector: {
    add: [["V|seq", "V"]],
    sub: [["V|seq", "V"]],
    mul: [
      ["n", "V"],
      ["V", "V"],
    ],
    div: [["n", "V"]],
    matmul: [
      ["V|seq", "n"],
      ["M", "V"],
    ],
    neg: [["", "V"]],
    pos: [["", "V"]],
    iadd: [["V|seq", "void"]],
    isub: [["V|seq", "void"]],
    imul: [["n|V", "void"]],
    idiv: [["n", "void"]],
    imatmul: [["M", "void"]],
  },
  Matrix: {
    add: [["M", "M"]],
    sub: [["M", "M"]],
    mul: [
      ["n", "M"],
      ["M", "M"],
    ],
    matmul: [
      ["M", "M"],
      ["V|seq", "V"],
    ],
    inv: [["", "M"]],
    imul: [["n|M", "void"]],
    imatmul: [["M", "void"]],
  },
  Quaternion: {
    add: [["Q", "Q"]],
    sub: [["Q", "Q"]],
    mul: [
      ["n", "Q"],
      ["Q", "Q"],
    ],
    matmul: [
      ["Q", "Q"],
      ["V|seq", "V"],
    ],
    neg: [["", "Q"]],
    pos: [["", "Q"]],
    imul: [["n|Q", "void"]],
    imatmul: [["Q", "void"]],
  },
  Color: {
    add: [["C", "C"]],
    sub: [["C", "C"]],
    mul: [["n", "C"]],
    div: [["n", "C"]],
    neg: [["", "C"]],
    pos: [["", "C"]],
    iadd: [["C", "void"]],
    isub: [["C", "void"]],
    imul: [["n", "void"]],
    idiv: [["n", "void"]],
  },
};

function expand(t: PyTypes, code: string, self: string): string {
  return code
    .split("|")
    .map((c) => {
      switch (c) {
        case "V":
          return t.imports.ref({ module: "mathutils", name: "Vector" });
        case "M":
          return t.imports.ref({ module: "mathutils", name: "Matrix" });
        case "Q":
          return t.imports.ref({ module: "mathutils", name: "Quaternion" });
        case "C":
          return t.imports.ref({ module: "mathutils", name: "Color" });
        case "E":
          return t.imports.ref({ module: "mathutils", name: "Euler" });
        case "n":
          return "number";
        case "seq":
          return "readonly number[]";
        case "self":
          return self;
        default:
          return c;
      }
    })
    .join(" | ");
}

export function operatorMethods(t: PyTypes, cls: PyClass, names: Set<string>): Member[] {
  const out: Member[] = [];
  const table = t.module === "mathutils" ? OVERLOADS[cls.name] : undefined;
  for (const op of OPERATORS) {
    if (!cls.operators.includes(op.dunder)) continue;
    if (names.has(op.method)) continue;
    const unary = op.token.startsWith("unary");
    const doc = `${op.doc}.\n@pyOperator ${op.token}`;
    const specific = table?.[op.method];
    if (specific) {
      for (const [arg, res] of specific) {
        out.push({
          kind: "method",
          doc,
          name: op.method,
          params: unary || arg === "" ? [] : [{ name: "other", type: expand(t, arg, cls.name) }],
          returns: expand(t, res, cls.name),
        });
      }
      continue;
    }
    if (
      [
        "add",
        "sub",
        "mul",
        "div",
        "matmul",
        "neg",
        "pos",
        "inv",
        "iadd",
        "isub",
        "imul",
        "idiv",
        "imatmul",
      ].includes(op.method)
    ) {
      // Arithmetic without a table entry (Euler has none): only emitted when the table knows it.
      continue;
    }
    // C types with a rich comparison get all six slots, but outside mathutils only == and !=
    // work (`scene < scene`: TypeError, verified live): no lt/le/gt/ge in their completion
    if (t.module !== "mathutils" && ["lt", "le", "gt", "ge"].includes(op.method)) continue;
    const param =
      op.method === "len"
        ? []
        : [
            {
              name: op.method === "contains" ? "item" : "other",
              type: op.method === "contains" ? "unknown" : cls.name,
            },
          ];
    out.push({
      kind: "method",
      doc,
      name: op.method,
      params: param,
      returns: op.method === "len" ? "number" : "boolean",
    });
    names.add(op.method);
  }
  // Sequence protocol (index + iteration).
  const qual = `${t.module}.${cls.name}`;
  const seqElem = SEQUENCE_ELEMENT[qual];
  if (t.module !== "mathutils" && seqElem !== undefined && seqElem !== "never") {
    const elem = t.placeholders(seqElem);
    if (cls.operators.includes("__getitem__")) out.push(indexMember("Python `a[i]`.", elem, true));
    if (cls.operators.includes("__iter__") || cls.operators.includes("__getitem__"))
      out.push(iteratorMember("Python `for x in a`.", elem));
  } else if (
    t.module !== "mathutils" &&
    cls.operators.includes("__iter__") &&
    seqElem !== "never"
  ) {
    out.push(
      iteratorMember("Python `for x in a` (element type not documented by Blender).", "unknown"),
    );
  }
  if (t.module === "mathutils" && cls.operators.includes("__getitem__")) {
    const elem =
      cls.name === "Matrix" ? t.imports.ref({ module: "mathutils", name: "Vector" }) : "number";
    out.push(
      indexMember("Python `a[i]` (negative indices count from the end in Python).", elem, false),
    );
    out.push(
      iteratorMember(
        `Iterate the ${cls.name === "Matrix" ? "rows" : "components"} (Python \`for x in a\`).`,
        elem,
      ),
    );
  }
  return out;
}

/** Vector swizzles: 1 letter → number; 2–4 letters → Vector (read-only when a letter repeats). */
export function swizzleMembers(t: PyTypes, cls: PyClass, a: PyAttribute): Member[] | null {
  if (t.module !== "mathutils" || cls.name !== "Vector") return null;
  if (!/^[xyzw]{2,4}$/.test(a.name)) return null;
  const v = t.imports.ref({ module: "mathutils", name: "Vector" });
  const repeated = new Set(a.name).size !== a.name.length;
  const doc = {
    inline: `Swizzle \`${a.name}\`: a new ${a.name.length}D Vector${repeated ? " (read-only: a letter repeats)" : ""}.`,
  };
  if (repeated) return [{ kind: "property", doc, readonly: true, name: a.name, type: v }];
  const tuple = `readonly [${Array(a.name.length).fill("number").join(", ")}]`;
  return [
    { kind: "get", doc, name: a.name, type: v },
    { kind: "set", name: a.name, type: `${v} | ${tuple}` },
  ];
}

/** `[index: number]: T` (Python `a[i]`). */
function indexMember(doc: string, elem: string, readonly: boolean): Member {
  return {
    kind: "index",
    doc: { inline: doc },
    readonly,
    key: "index",
    keyType: "number",
    type: elem,
  };
}

/** `[Symbol.iterator](): Iterator<T>` (Python `for x in a`). */
function iteratorMember(doc: string, elem: string): Member {
  return {
    kind: "method",
    doc: { inline: doc },
    name: "Symbol.iterator",
    computed: true,
    params: [],
    returns: `Iterator<${elem}>`,
  };
}
