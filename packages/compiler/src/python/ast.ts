/**
 * A small Python AST: just enough node kinds to print readable Python. Every node may carry the
 * TypeScript position it came from; the printer turns those into source-map segments.
 */

export interface SrcPos {
  file: string;
  /** 0-based line */
  line: number;
  /** 0-based column */
  column: number;
}

interface Base {
  pos?: SrcPos;
}

export type Expr =
  | NameExpr
  | ConstExpr
  | AttrExpr
  | SubExpr
  | SliceExpr
  | CallExpr
  | BinOpExpr
  | UnaryExpr
  | BoolOpExpr
  | CompareExpr
  | IfExpr
  | LambdaExpr
  | ListExpr
  | TupleExpr
  | DictExpr
  | StarredExpr
  | WalrusExpr
  | YieldExpr
  | CompExpr
  | FStringExpr
  // Python set literals (used by transform/plugins/blender)
  | SetExpr;

export interface NameExpr extends Base {
  kind: "Name";
  id: string;
}
/** A literal, already rendered as Python source (`None`, `True`, `1`, `'a'`). */
export interface ConstExpr extends Base {
  kind: "Const";
  text: string;
  /** set for numeric constants */
  num?: number;
  /** set for string constants */
  str?: string;
}
export interface AttrExpr extends Base {
  kind: "Attr";
  value: Expr;
  attr: string;
}
export interface SubExpr extends Base {
  kind: "Sub";
  value: Expr;
  index: Expr;
}
export interface SliceExpr extends Base {
  kind: "Slice";
  lower?: Expr;
  upper?: Expr;
  step?: Expr;
}
export type Arg =
  | { kind: "pos"; value: Expr }
  | { kind: "kw"; name: string; value: Expr }
  | { kind: "star"; value: Expr }
  | { kind: "dstar"; value: Expr };
export interface CallExpr extends Base {
  kind: "Call";
  func: Expr;
  args: Arg[];
}
export interface BinOpExpr extends Base {
  kind: "BinOp";
  // "@": matrix multiplication (mathutils, transform/plugins/blender)
  op: "+" | "-" | "*" | "/" | "//" | "%" | "**" | "<<" | ">>" | "&" | "|" | "^" | "@";
  left: Expr;
  right: Expr;
}
export interface UnaryExpr extends Base {
  kind: "Unary";
  op: "not" | "-" | "+" | "~";
  operand: Expr;
}
export interface BoolOpExpr extends Base {
  kind: "BoolOp";
  op: "and" | "or";
  values: Expr[];
}
export type CmpOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "is" | "is not" | "in" | "not in";
export interface CompareExpr extends Base {
  kind: "Compare";
  left: Expr;
  ops: CmpOp[];
  comparators: Expr[];
}
export interface IfExpr extends Base {
  kind: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
  /** set when produced by an optional chain (`a?.b`): `orelse` is the non-null continuation */
  optionalChain?: boolean;
}
export interface Param {
  name: string;
  default?: Expr;
  star?: "*" | "**";
}
export interface LambdaExpr extends Base {
  kind: "Lambda";
  params: Param[];
  body: Expr;
}
export interface ListExpr extends Base {
  kind: "List";
  elts: Expr[];
}
export interface TupleExpr extends Base {
  kind: "Tuple";
  elts: Expr[];
}
export type DictEntry = { key: Expr; value: Expr } | { spread: Expr };
export interface DictExpr extends Base {
  kind: "Dict";
  entries: DictEntry[];
}
export interface StarredExpr extends Base {
  kind: "Starred";
  value: Expr;
}
export interface WalrusExpr extends Base {
  kind: "Walrus";
  target: string;
  value: Expr;
}
export interface YieldExpr extends Base {
  kind: "Yield";
  value?: Expr;
  from?: boolean;
}
export interface CompFor {
  target: Expr;
  iter: Expr;
  conds: Expr[];
}
/** list/generator comprehension */
export interface CompExpr extends Base {
  kind: "Comp";
  type: "list" | "gen" | "dict" | "set";
  elt: Expr;
  /** for dict comprehensions */
  value?: Expr;
  fors: CompFor[];
}
/** `{a, b}` (sets passed to bpy by transform/plugins/blender, e.g. operator return values) */
export interface SetExpr extends Base {
  kind: "Set";
  elts: Expr[];
}
export interface FStringExpr extends Base {
  kind: "FString";
  parts: (string | Expr)[];
}

export type Stmt =
  | ExprStmt
  | AssignStmt
  | AugAssignStmt
  | IfStmt
  | WhileStmt
  | ForStmt
  | DefStmt
  | ClassStmt
  | ReturnStmt
  | SimpleStmt
  | RaiseStmt
  | TryStmt
  | ScopeDeclStmt
  | ImportStmt
  | ImportFromStmt
  | DelStmt
  | CommentStmt
  | RawStmt
  // context managers and class annotations (used by transform/plugins/blender)
  | WithStmt
  | AnnAssignStmt;

/** `with a as x, b as y:` */
export interface WithStmt extends Base {
  kind: "With";
  items: { expr: Expr; target?: Expr }[];
  body: Stmt[];
}
/** `name: annotation` / `name: annotation = value` */
export interface AnnAssignStmt extends Base {
  kind: "AnnAssign";
  target: Expr;
  annotation: Expr;
  value?: Expr;
}

export interface ExprStmt extends Base {
  kind: "Expr";
  value: Expr;
}
export interface AssignStmt extends Base {
  kind: "Assign";
  targets: Expr[];
  value: Expr;
}
export interface AugAssignStmt extends Base {
  kind: "AugAssign";
  target: Expr;
  op: BinOpExpr["op"];
  value: Expr;
}
export interface IfStmt extends Base {
  kind: "If";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface WhileStmt extends Base {
  kind: "While";
  test: Expr;
  body: Stmt[];
  orelse?: Stmt[];
}
export interface ForStmt extends Base {
  kind: "For";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse?: Stmt[];
}
export interface DefStmt extends Base {
  kind: "Def";
  name: string;
  params: Param[];
  body: Stmt[];
  decorators: Expr[];
  docstring?: string;
  /** Locals whose TS type is `T | null` (no undefined): a debugger shows their `None` as `null`. */
  nullNames?: string[];
}
export interface ClassStmt extends Base {
  kind: "Class";
  name: string;
  bases: Expr[];
  body: Stmt[];
  decorators: Expr[];
}
export interface ReturnStmt extends Base {
  kind: "Return";
  value?: Expr;
}
export interface SimpleStmt extends Base {
  kind: "Pass" | "Break" | "Continue";
}
export interface RaiseStmt extends Base {
  kind: "Raise";
  exc?: Expr;
}
export interface Handler {
  type?: Expr;
  name?: string;
  body: Stmt[];
  pos?: SrcPos;
}
export interface TryStmt extends Base {
  kind: "Try";
  body: Stmt[];
  handlers: Handler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface ScopeDeclStmt extends Base {
  kind: "Global" | "Nonlocal";
  names: string[];
}
export interface ImportStmt extends Base {
  kind: "Import";
  module: string;
  asname?: string;
}
export interface ImportFromStmt extends Base {
  kind: "ImportFrom";
  module: string;
  names: { name: string; asname?: string }[];
}
export interface DelStmt extends Base {
  kind: "Del";
  targets: Expr[];
}
export interface CommentStmt extends Base {
  kind: "Comment";
  text: string;
}
/** verbatim lines (runtime helpers); printed at the current indentation */
export interface RawStmt extends Base {
  kind: "Raw";
  lines: string[];
}

export interface Module {
  header: Stmt[];
  body: Stmt[];
  /** Module-level names whose TS type is `T | null` (see `DefStmt.nullNames`). */
  nullNames?: string[];
}

// ---- identifiers --------------------------------------------------------------------------

const PY_HARD_KW = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/**
 * Is `s` read by every supported Python (3.10–3.13) as exactly this identifier? ASCII only
 * (Python NFKC-normalizes other identifiers and its identifier tables change between versions;
 * U+200C/U+200D are identifier characters in JavaScript only), not a hard keyword, not
 * `__debug__` (not assignable). The transform names everything through `memberName` (members)
 * and `Ctx.fresh`/`sanitize` (variables); the printer checks the result with this.
 */
export function isPyIdentifier(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !PY_HARD_KW.has(s) && s !== "__debug__";
}

/**
 * `obj.name`, or `getattr(obj, "name")` when Python cannot read `name` as an identifier (a
 * declaration file's member with a quoted name).
 */
export function attrOrGetattr(obj: Expr, a: string): Expr {
  return isPyIdentifier(a) ? attr(obj, a) : call("getattr", obj, str(a));
}

/** `s`, or an internal error when it is not a Python identifier (never printed unchecked). */
export function ident(s: string): string {
  if (!isPyIdentifier(s))
    throw new Error(`internal: ${JSON.stringify(s)} would be printed as a Python identifier`);
  return s;
}

// ---- constructors -------------------------------------------------------------------------

export const name = (id: string, pos?: SrcPos): NameExpr => ({ kind: "Name", id, pos });
// Shared by every compile in the process (watch, API use): frozen, so that no transform can
// give them a position (it would leak into the next compile's source map).
export const NONE: ConstExpr = Object.freeze({ kind: "Const", text: "None" });
export const TRUE: ConstExpr = Object.freeze({ kind: "Const", text: "True" });
export const FALSE: ConstExpr = Object.freeze({ kind: "Const", text: "False" });
export const bool = (b: boolean): ConstExpr => (b ? TRUE : FALSE);

export function num(n: number): Expr {
  if (Number.isNaN(n)) return attr(name("math"), "nan");
  if (n === Infinity) return attr(name("math"), "inf");
  if (n === -Infinity) return unary("-", attr(name("math"), "inf"));
  // -0 must stay a float (the int -0 is 0: 1 / -0 would be Infinity); no `num`, so that no
  // optimisation takes it for an integer literal
  if (Object.is(n, -0)) return unary("-", { kind: "Const", text: "0.0" });
  if (n < 0) return unary("-", num(-n));
  if (Number.isInteger(n) && n <= Number.MAX_SAFE_INTEGER) {
    return { kind: "Const", text: String(n), num: n };
  }
  let text = String(n);
  if (!/[.e]/.test(text)) text += ".0";
  return { kind: "Const", text, num: n };
}

export function pyStringLiteral(s: string, quote: '"' | "'" = '"'): string {
  let out: string = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + quote;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c >= 0xd800 && c <= 0xdfff) out += "\\u" + c.toString(16).padStart(4, "0");
    else if (c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0x85)
      out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + quote;
}

export const str = (s: string): ConstExpr => ({ kind: "Const", text: pyStringLiteral(s), str: s });
export const attr = (value: Expr, a: string): AttrExpr => ({ kind: "Attr", value, attr: a });
export const sub = (value: Expr, index: Expr): SubExpr => ({ kind: "Sub", value, index });
export const call = (func: Expr | string, ...args: Expr[]): CallExpr => ({
  kind: "Call",
  func: typeof func === "string" ? name(func) : func,
  args: args.map((value) => ({ kind: "pos", value })),
});
export const callArgs = (func: Expr | string, args: Arg[]): CallExpr => ({
  kind: "Call",
  func: typeof func === "string" ? name(func) : func,
  args,
});
export const method = (obj: Expr, m: string, ...args: Expr[]): CallExpr =>
  call(attr(obj, m), ...args);
export const bin = (op: BinOpExpr["op"], left: Expr, right: Expr): BinOpExpr => ({
  kind: "BinOp",
  op,
  left,
  right,
});
export const unary = (op: UnaryExpr["op"], operand: Expr): UnaryExpr => ({
  kind: "Unary",
  op,
  operand,
});
export const not = (e: Expr): Expr => {
  if (e.kind === "Compare" && e.ops.length === 1) {
    const inv: Partial<Record<CmpOp, CmpOp>> = {
      is: "is not",
      "is not": "is",
      in: "not in",
      "not in": "in",
      "==": "!=",
      "!=": "==",
    };
    const o = inv[e.ops[0]!];
    if (o) return { ...e, ops: [o] };
  }
  if (e === TRUE) return FALSE;
  if (e === FALSE) return TRUE;
  return unary("not", e);
};
export const boolOp = (op: "and" | "or", ...values: Expr[]): BoolOpExpr => ({
  kind: "BoolOp",
  op,
  values,
});
export const compare = (left: Expr, op: CmpOp, right: Expr): CompareExpr => ({
  kind: "Compare",
  left,
  ops: [op],
  comparators: [right],
});
export const ifExp = (test: Expr, body: Expr, orelse: Expr): IfExpr => ({
  kind: "IfExp",
  test,
  body,
  orelse,
});
export const list = (elts: Expr[]): ListExpr => ({ kind: "List", elts });
export const tuple = (elts: Expr[]): TupleExpr => ({ kind: "Tuple", elts });
export const starred = (value: Expr): StarredExpr => ({ kind: "Starred", value });
export const walrus = (target: string, value: Expr): WalrusExpr => ({
  kind: "Walrus",
  target,
  value,
});
export const lambda = (params: Param[], body: Expr): LambdaExpr => ({
  kind: "Lambda",
  params,
  body,
});
export const comp = (
  type: CompExpr["type"],
  elt: Expr,
  target: Expr,
  iter: Expr,
  conds: Expr[] = [],
): CompExpr => ({ kind: "Comp", type, elt, fors: [{ target, iter, conds }] });

export const exprStmt = (value: Expr, pos?: SrcPos): ExprStmt => ({ kind: "Expr", value, pos });
export const assign = (target: Expr, value: Expr, pos?: SrcPos): AssignStmt => ({
  kind: "Assign",
  targets: [target],
  value,
  pos,
});
export const ifStmt = (test: Expr, body: Stmt[], orelse: Stmt[] = [], pos?: SrcPos): IfStmt => ({
  kind: "If",
  test,
  body,
  orelse,
  pos,
});
export const ret = (value?: Expr, pos?: SrcPos): ReturnStmt => ({ kind: "Return", value, pos });
export const pass = (): SimpleStmt => ({ kind: "Pass" });

/** true when evaluating the expression twice is cheap and has no side effects */
export function isSimple(e: Expr): boolean {
  switch (e.kind) {
    case "Name":
    case "Const":
      return true;
    case "Attr":
      return isSimple(e.value);
    case "Unary":
      return e.op === "-" && e.operand.kind === "Const";
    default:
      return false;
  }
}
