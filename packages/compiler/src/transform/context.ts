/**
 * The transform context: type checker, diagnostics sink, Python scopes and name allocation,
 * statements hoisted before the current expression, loop/jump frames and runtime-helper usage.
 */
import ts from "../ts.cjs";
import type { BpyDiagnostic } from "../index.js";
import type { Diagnostic } from "@bpyts/diagnostics";
import * as py from "../python/ast.js";
import type { HelperName } from "../runtime/helpers.js";

export { PY_HARD_KEYWORDS, PY_KEYWORDS, PY_RESERVED } from "../names.js";
import { PY_RESERVED, takesRenameSuffix } from "../names.js";

export interface Scope {
  kind: "module" | "function" | "comprehension" | "class";
  node: ts.Node | undefined;
  used: Set<string>;
  parent: Scope | undefined;
  globals: Set<string>;
  nonlocals: Set<string>;
  /** TS nodes (function-likes) whose locals live in this Python scope (inlined callbacks) */
  aliases: Set<ts.Node>;
  /** the name `this` maps to */
  thisName?: string;
  /** inside a static member: the class name */
  staticClass?: string;
  isGenerator?: boolean;
  /**
   * Python names of bindings whose TS type has `null` and no `undefined` (`T | null`): the
   * debugger shows their `None` as `null` (`nullNames` of the Def / Module).
   */
  nullNames?: Set<string>;
}

export interface JumpFrame {
  kind: "loop" | "switch";
  node: ts.Node;
  labels: string[];
  /** true when the frame is a Python loop (`while`/`for`) */
  pyLoop: boolean;
  /** statements that must run before `continue` (the update of a for loop emitted as while) */
  update?: py.Stmt[];
  /** flags set by jumps that pass through this Python loop, checked right after it */
  exitChecks: { flag: string; target: JumpFrame; action: "break" | "continue" }[];
}

export class Ctx {
  readonly diagnostics: BpyDiagnostic[] = [];
  /** runtime helpers used, and `@module` for a standard module the output imports */
  readonly helpers = new Set<HelperName | `@${string}`>();
  readonly symbolNames = new Map<ts.Symbol, string>();
  readonly symbolScopes = new Map<ts.Symbol, Scope>();
  readonly moduleScope: Scope;
  scope: Scope;
  preStack: py.Stmt[][] = [];
  jumps: JumpFrame[] = [];
  /** files whose top-level code is part of the module scope */
  readonly files = new Set<ts.SourceFile>();
  private tempCounter = 0;
  currentClass: { name: string; node: ts.ClassLikeDeclaration; base?: py.Expr } | undefined;
  /** inlined forEach callbacks: their `return` continues this loop */
  readonly inlineReturns = new Map<ts.Node, JumpFrame>();
  private implemented: Set<ts.Symbol> | undefined;
  /** interfaces/type aliases named in a class's `implements` clause: their values are objects */
  implementedInterfaces(): Set<ts.Symbol> {
    if (this.implemented) return this.implemented;
    const out = new Set<ts.Symbol>();
    for (const sf of this.program.getSourceFiles()) {
      // keywords cannot be written with escapes: no such text, no such clause
      if (sf.isDeclarationFile || !sf.text.includes("implements")) continue;
      const visit = (n: ts.Node): void => {
        if (ts.isClassLike(n)) {
          for (const h of n.heritageClauses ?? []) {
            if (h.token !== ts.SyntaxKind.ImplementsKeyword) continue;
            for (const t of h.types) {
              const s = this.checker.getTypeAtLocation(t).getSymbol();
              if (s) out.add(s);
            }
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    return (this.implemented = out);
  }
  /** A mark for `dropSymbolNamesSince`: names are only ever dropped after their mark. */
  symbolNamesMark(): number {
    return this.symbolNames.size;
  }
  /**
   * Forget the names given since `mark` (an attempt that is thrown away). Entries are only
   * appended, and only dropped here, so the first `mark` entries are exactly those of the mark.
   */
  dropSymbolNamesSince(mark: number): void {
    if (this.symbolNames.size === mark) return;
    const drop: ts.Symbol[] = [];
    let i = 0;
    for (const k of this.symbolNames.keys()) if (i++ >= mark) drop.push(k);
    for (const k of drop) this.symbolNames.delete(k);
  }
  /** callbacks inlined into comprehensions (their parameters are per-call bindings) */
  readonly inlinedCallbacks = new Set<ts.Node>();
  /** loop counters known to be non-negative integers */
  readonly nonNegInts = new Set<ts.Symbol>();
  /** loop counters known to be integers ≥ 1 inside their loop body */
  readonly positiveInts = new Set<ts.Symbol>();
  /** loop counters known to be integers */
  readonly intSymbols = new Set<ts.Symbol>();
  /** index symbol → arrays it is known to be a valid index of (range(len(a)) loops) */
  readonly safeIndex = new Map<ts.Symbol, Set<ts.Symbol>>();

  readonly checker: ts.TypeChecker;

  constructor(
    readonly program: ts.Program,
    checker: ts.TypeChecker,
    reserved: Iterable<string> = [],
  ) {
    this.checker = memoChecker(checker, this.typeCache);
    this.moduleScope = this.newScope("module", undefined);
    for (const r of reserved) this.moduleScope.used.add(r);
    this.scope = this.moduleScope;
  }

  newScope(kind: Scope["kind"], node: ts.Node | undefined): Scope {
    return {
      kind,
      node,
      used: new Set(),
      parent: this.scope as Scope | undefined,
      globals: new Set(),
      nonlocals: new Set(),
      aliases: new Set(),
    };
  }

  /** Run `fn` inside a new Python scope. */
  withScope<T>(
    kind: Scope["kind"],
    node: ts.Node | undefined,
    fn: (s: Scope) => T,
    init?: (s: Scope) => void,
  ): T {
    const s = this.newScope(kind, node);
    const saved = this.scope;
    const savedJumps = this.jumps;
    if (kind !== "comprehension") this.jumps = [];
    this.scope = s;
    try {
      init?.(s);
      if (node) this.reserveFreeNames(node, s);
      return fn(s);
    } finally {
      this.scope = saved;
      this.jumps = savedJumps;
    }
  }

  // ---- diagnostics --------------------------------------------------------------------------

  /** Records `d` at `node` (once per code and position): `ctx.report(node, diag.bigint())`. */
  report(node: ts.Node, d: Diagnostic): void {
    const sf = node.getSourceFile();
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    if (
      this.diagnostics.some(
        (x) =>
          x.code === d.code &&
          x.file === sf.fileName &&
          x.line === line + 1 &&
          x.column === character + 1,
      )
    )
      return;
    this.diagnostics.push({ file: sf.fileName, line: line + 1, column: character + 1, ...d });
  }

  pos(node: ts.Node): py.SrcPos {
    const sf = node.getSourceFile();
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { file: sf.fileName, line, column: character };
  }

  // ---- helpers ------------------------------------------------------------------------------

  helper(name: HelperName): py.NameExpr {
    this.helpers.add(name);
    return py.name(name);
  }
  callHelper(name: HelperName, ...args: py.Expr[]): py.CallExpr {
    return py.call(this.helper(name), ...args);
  }
  mathAttr(a: string): py.Expr {
    this.helpers.add("@math");
    return py.attr(py.name("math"), a);
  }
  /**
   * A member name as a string for the attribute helpers (`_js_assign_attr(o, "…", v)`). Python
   * mangles a private `__x` only where it is written as an identifier inside a class body, so the
   * string carries the mangled form the class's own `self.__x` reads use.
   */
  attrString(attr: string): py.Expr {
    const cls = this.currentClass?.name.replace(/^_+/, "");
    if (cls && attr.startsWith("__") && !attr.endsWith("__")) return py.str(`_${cls}${attr}`);
    return py.str(attr);
  }
  useModule(m: string): py.NameExpr {
    this.helpers.add(`@${m}`);
    return py.name(m);
  }

  // ---- hoisted statements -------------------------------------------------------------------

  /** Collect statements that must run before the expression being transformed. */
  collect<T>(fn: () => T): [T, py.Stmt[]] {
    this.preStack.push([]);
    try {
      const r = fn();
      return [r, this.preStack[this.preStack.length - 1]!];
    } finally {
      this.preStack.pop();
    }
  }
  addPre(s: py.Stmt): void {
    const top = this.preStack[this.preStack.length - 1];
    if (!top) throw new Error("internal: no statement context for hoisted statement");
    top.push(s);
  }

  // ---- names --------------------------------------------------------------------------------

  temp(base = "_t"): string {
    let n: string;
    do n = `${base}${++this.tempCounter === 1 && base !== "_t" ? "" : this.tempCounter}`;
    while (this.isTaken(n, this.scope));
    this.scope.used.add(n);
    return n;
  }

  /** A fresh Python name in the current scope, derived from `base`. */
  fresh(base: string): string {
    let b = sanitize(base);
    if (takesRenameSuffix(b)) b = b + "_";
    let n = b;
    for (let i = 1; this.isTaken(n, this.scope); i++) n = `${b}_${i}`;
    this.scope.used.add(n);
    return n;
  }

  private isTaken(n: string, s: Scope): boolean {
    if (PY_RESERVED.has(n)) return true;
    if (s.used.has(n)) return true;
    // module-level names are visible everywhere: never shadow one the scope may need
    return this.moduleScope.used.has(n) && s !== this.moduleScope && this.moduleReferenced(n, s);
  }
  private moduleReferenced(_n: string, _s: Scope): boolean {
    return false;
  }

  /** per-node caches of checker answers (the checker is fixed for the whole transform) */
  readonly typeCache = new Map<ts.Node, ts.Type>();
  /**
   * Sub-expressions already evaluated into a temporary (the object and key of a compound
   * assignment target): transformExpr gives this instead of translating them again.
   */
  readonly exprOverrides = new Map<ts.Node, py.Expr>();
  /** isDictLike per type */
  readonly dictLikeCache = new Map<ts.Type, boolean>();
  private readonly symbolCache = new Map<ts.Node, ts.Symbol | null>();

  resolveSymbol(node: ts.Node): ts.Symbol | undefined {
    let sym = this.symbolCache.get(node);
    if (sym === undefined)
      this.symbolCache.set(node, (sym = this.resolveSymbolUncached(node) ?? null));
    return sym ?? undefined;
  }

  private resolveSymbolUncached(node: ts.Node): ts.Symbol | undefined {
    let sym: ts.Symbol | undefined;
    if (ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node) {
      sym = this.checker.getShorthandAssignmentValueSymbol(node.parent);
    } else sym = this.checker.getSymbolAtLocation(node);
    if (sym && sym.flags & ts.SymbolFlags.Alias) {
      try {
        sym = this.checker.getAliasedSymbol(sym);
      } catch {
        /* keep alias */
      }
    }
    return sym;
  }

  /** The Python scope a symbol's declaration lives in (one of the scopes on the stack). */
  scopeOfSymbol(sym: ts.Symbol): Scope {
    const known = this.symbolScopes.get(sym);
    if (known) return known;
    const decl = sym.valueDeclaration ?? sym.declarations?.[0];
    if (!decl) return this.scope;
    let container: ts.Node | undefined = decl.parent;
    if (ts.isParameter(decl)) container = decl.parent;
    else
      while (
        container &&
        !ts.isFunctionLike(container) &&
        !ts.isSourceFile(container) &&
        !ts.isClassStaticBlockDeclaration(container)
      )
        container = container.parent;
    if (!container || ts.isSourceFile(container)) return this.moduleScope;
    for (let s: Scope | undefined = this.scope; s; s = s.parent) {
      if (s.node === container || s.aliases.has(container)) return s;
    }
    return this.scope;
  }

  /** The Python name of a declared symbol, allocating one in its scope on first sight. */
  nameOfSymbol(sym: ts.Symbol, hint?: string): string {
    const known = this.symbolNames.get(sym);
    if (known) return known;
    const scope = this.scopeOfSymbol(sym);
    const saved = this.scope;
    this.scope = scope;
    try {
      const n = this.fresh(hint ?? this.unmangledBase(sym, sym.name));
      this.symbolNames.set(sym, n);
      this.symbolScopes.set(sym, scope);
      this.noteNullOnly(sym, n, scope);
      return n;
    } finally {
      this.scope = saved;
    }
  }

  /** Declare a binding in the current Python scope (a variable, parameter, function). */
  declare(nameNode: ts.Identifier): string {
    let sym = this.checker.getSymbolAtLocation(nameNode);
    const p = nameNode.parent;
    if (ts.isParameter(p) && ts.isParameterPropertyDeclaration(p, p.parent)) {
      sym = this.checker.getSymbolsOfParameterPropertyDeclaration(p, nameNode.text)[0] ?? sym;
    }
    if (!sym) return this.fresh(nameNode.text);
    const known = this.symbolNames.get(sym);
    if (known) return known;
    const n = this.fresh(this.unmangledBase(sym, nameNode.text));
    this.symbolNames.set(sym, n);
    this.symbolScopes.set(sym, this.scope);
    this.noteNullOnly(sym, n, this.scope);
    return n;
  }

  /**
   * Debugger facts: a variable or parameter whose declared type has `null` and no `undefined`
   * (`T | null`, `null`, `(T | null)[]`) is recorded in its scope's `nullNames`. An annotation
   * that does not say `null` is skipped without asking the checker.
   */
  private noteNullOnly(sym: ts.Symbol, name: string, scope: Scope): void {
    const decl = sym.valueDeclaration;
    if (!decl || !(ts.isVariableDeclaration(decl) || ts.isParameter(decl))) return;
    if (!ts.isIdentifier(decl.name)) return;
    if (decl.type && !/\bnull\b/.test(decl.type.getText())) return;
    if (ts.isParameter(decl) && decl.questionToken) return;
    if (!nullOnly(this.checker, this.checker.getTypeAtLocation(decl.name))) return;
    (scope.nullNames ??= new Set()).add(name);
  }

  /**
   * Python mangles a name `__x` (not `__x__`) inside a class body to `_C__x`: a variable declared
   * outside a class and read in it loses the leading underscores (`_x`).
   */
  private unmangledBase(sym: ts.Symbol, base: string): string {
    if (!base.startsWith("__") || base.endsWith("__")) return base;
    const decls = sym.declarations ?? [];
    for (const sf of this.files) {
      const index = this.fileIndex(sf);
      const ids = index ? index.ids : this.identifiersIn(sf);
      for (const id of ids) {
        if (this.resolveSymbol(id) !== sym) continue;
        for (let p: ts.Node | undefined = id.parent; p; p = p.parent) {
          if (ts.isClassLike(p) && !decls.some((d) => isInside(d, p!)))
            return base.replace(/^_+/, "_");
        }
      }
    }
    return base;
  }

  /** The name of `export default function () {}` / `export default class {}` (no own name). */
  declareDefaultExport(node: ts.FunctionDeclaration | ts.ClassDeclaration): string {
    const sf = node.getSourceFile();
    const base = sf.fileName.replace(/^.*[\\/]/, "").replace(/\.[cm]?tsx?$/, "");
    const fileSym = this.checker.getSymbolAtLocation(sf);
    const def = fileSym
      ? this.checker.getExportsOfModule(fileSym).find((s) => s.escapedName === "default")
      : undefined;
    if (def && this.symbolNames.has(def)) return this.symbolNames.get(def)!;
    const name = this.fresh(`${base}_default`);
    if (def) {
      this.symbolNames.set(def, name);
      this.symbolScopes.set(def, this.moduleScope);
    }
    return name;
  }

  /** Record that the current scope assigns `sym`: adds global/nonlocal declarations as needed. */
  noteAssignment(sym: ts.Symbol | undefined): void {
    if (!sym) return;
    const owner = this.symbolScopes.get(sym);
    if (!owner) return;
    let s: Scope = this.scope;
    while (s.kind === "comprehension" && s.parent) s = s.parent;
    if (owner === s) return;
    const n = this.symbolNames.get(sym)!;
    if (owner.kind === "module") s.globals.add(n);
    else s.nonlocals.add(n);
  }

  private readonly fileIndexes = new Map<ts.SourceFile, FileIndex | null>();

  /** The identifiers and writes of a file (null when the walk order is not position order). */
  private fileIndex(sf: ts.SourceFile): FileIndex | null {
    let index = this.fileIndexes.get(sf);
    if (index === undefined) {
      const ids: ts.Identifier[] = [];
      const writes: Write[] = [];
      let sorted = true;
      let lastEnd = -1;
      const visit = (n: ts.Node): void => {
        if (n.kind === ts.SyntaxKind.Identifier) {
          if (n.pos < lastEnd) sorted = false;
          lastEnd = n.end;
          ids.push(n as ts.Identifier);
          return;
        }
        if (isWrite(n)) writes.push(n);
        ts.forEachChild(n, visit);
      };
      visit(sf);
      for (let i = 1; i < writes.length; i++)
        if (writes[i]!.pos < writes[i - 1]!.pos) sorted = false;
      this.fileIndexes.set(sf, (index = sorted ? { ids, writes } : null));
    }
    return index;
  }

  /**
   * The identifiers inside `node` (not `node` itself), in the order of a `ts.forEachChild` walk:
   * a lookup in the file's position-ordered list instead of a walk of the subtree.
   */
  identifiersIn(node: ts.Node): readonly ts.Identifier[] {
    const index = this.fileIndex(node.getSourceFile());
    if (!index) {
      const out: ts.Identifier[] = [];
      const visit = (n: ts.Node): void => {
        if (ts.isIdentifier(n)) out.push(n);
        ts.forEachChild(n, visit);
      };
      ts.forEachChild(node, visit);
      return out;
    }
    const { ids } = index;
    let lo = firstAtOrAfter(ids, node.pos);
    let hi = lo;
    while (hi < ids.length && ids[hi]!.end <= node.end) hi++;
    if (lo < hi && ids[lo] === node) lo++;
    return ids.slice(lo, hi);
  }

  /**
   * The assignments (`=`, `+=`, …), prefix/postfix unary expressions and `for…of`/`for…in`
   * statements inside `node`, `node` included, in the order of a `ts.forEachChild` walk (parents
   * before children): the nodes that may write a variable, without a walk of the subtree.
   */
  writesIn(node: ts.Node): readonly Write[] {
    const index = this.fileIndex(node.getSourceFile());
    if (!index) {
      const out: Write[] = [];
      const visit = (n: ts.Node): void => {
        if (isWrite(n)) out.push(n);
        ts.forEachChild(n, visit);
      };
      visit(node);
      return out;
    }
    const { writes } = index;
    const out: Write[] = [];
    for (let i = firstAtOrAfter(writes, node.pos); i < writes.length; i++) {
      const w = writes[i]!;
      if (w.pos >= node.end) break;
      // an enclosing write that starts where `node` starts is not inside it
      if (w.end <= node.end) out.push(w);
    }
    return out;
  }

  /** Names of outer symbols referenced inside `node` are reserved in the scope it opens. */
  reserveFreeNames(node: ts.Node, s: Scope): void {
    const nodeFile = node.getSourceFile();
    for (const n of this.identifiersIn(node)) {
      const sym = this.resolveSymbol(n);
      if (
        sym &&
        sym.flags &
          (ts.SymbolFlags.Variable |
            ts.SymbolFlags.Function |
            ts.SymbolFlags.Class |
            ts.SymbolFlags.Enum) &&
        !(sym.flags & ts.SymbolFlags.Property)
      ) {
        const decl = sym.valueDeclaration ?? sym.declarations?.[0];
        const sf = decl?.getSourceFile();
        if (
          decl &&
          !sf!.isDeclarationFile &&
          this.files.has(sf!) &&
          // disjoint ranges in one file: not inside, without walking up from the declaration
          ((sf === nodeFile && (decl.end <= node.pos || decl.pos >= node.end)) ||
            !isInside(decl, node))
        ) {
          const saved = this.scope;
          this.scope = s.parent ?? s;
          try {
            s.used.add(this.nameOfSymbol(sym));
          } finally {
            this.scope = saved;
          }
        }
      }
    }
  }
}

export type Write =
  | ts.BinaryExpression
  | ts.PrefixUnaryExpression
  | ts.PostfixUnaryExpression
  | ts.ForOfStatement
  | ts.ForInStatement;

interface FileIndex {
  /** every identifier, in walk order (= position order) */
  ids: ts.Identifier[];
  /** every assignment, prefix/postfix unary expression and for…of/in statement, in walk order */
  writes: Write[];
}

function isWrite(n: ts.Node): n is Write {
  const kind = n.kind;
  if (
    kind === ts.SyntaxKind.PrefixUnaryExpression ||
    kind === ts.SyntaxKind.PostfixUnaryExpression ||
    kind === ts.SyntaxKind.ForOfStatement ||
    kind === ts.SyntaxKind.ForInStatement
  )
    return true;
  if (n.kind !== ts.SyntaxKind.BinaryExpression) return false;
  const k = (n as ts.BinaryExpression).operatorToken.kind;
  return k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
}

/** Index of the first node whose `pos` is at least `pos` (nodes sorted by `pos`). */
function firstAtOrAfter(nodes: readonly ts.Node[], pos: number): number {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid]!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The checker with the node/type queries the transform repeats memoized: the program is fully
 * checked and does not change, so every answer is stable (and the checker recomputes most of them,
 * flow analysis included, on each call).
 */
function memoChecker(checker: ts.TypeChecker, types: Map<ts.Node, ts.Type>): ts.TypeChecker {
  // null stands for an undefined answer
  const symbols = new Map<ts.Node, ts.Symbol | null>();
  const contextual = new Map<ts.Node, ts.Type | null>();
  const signatures = new Map<ts.Node, ts.Signature | null>();
  const nonNullable = new Map<ts.Type, ts.Type>();
  // the checker's methods are closures that do not use `this`
  const c = Object.create(checker) as ts.TypeChecker;
  c.getTypeAtLocation = (node) => {
    let t = types.get(node);
    if (t === undefined) types.set(node, (t = checker.getTypeAtLocation(node)));
    return t;
  };
  c.getSymbolAtLocation = (node) => {
    let s = symbols.get(node);
    if (s === undefined) symbols.set(node, (s = checker.getSymbolAtLocation(node) ?? null));
    return s ?? undefined;
  };
  c.getContextualType = (node) => {
    let t = contextual.get(node);
    if (t === undefined) contextual.set(node, (t = checker.getContextualType(node) ?? null));
    return t ?? undefined;
  };
  c.getResolvedSignature = (node, candidates, argumentCount) => {
    if (candidates !== undefined || argumentCount !== undefined)
      return checker.getResolvedSignature(node, candidates, argumentCount);
    let s = signatures.get(node);
    if (s === undefined) signatures.set(node, (s = checker.getResolvedSignature(node) ?? null));
    return s ?? undefined;
  };
  c.getNonNullableType = (t) => {
    let n = nonNullable.get(t);
    if (n === undefined) nonNullable.set(t, (n = checker.getNonNullableType(t)));
    return n;
  };
  return c;
}

export function isInside(n: ts.Node, container: ts.Node): boolean {
  for (let p: ts.Node | undefined = n; p; p = p.parent) if (p === container) return true;
  return false;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function sanitize(s: string): string {
  if (PLAIN_NAME.test(s)) return s; // nearly every name: nothing to replace
  let r = s.replace(/^#/, "__").replace(/[^A-Za-z0-9_]/g, (c) => (c === "$" ? "S" : "_"));
  if (/^[0-9]/.test(r) || r === "") r = "_" + r;
  return r;
}

/** Whether `t` holds `null` and never `undefined`/`void`, itself or as an array's elements. */
function nullOnly(checker: ts.TypeChecker, t: ts.Type): boolean {
  let sawNull = false;
  const visit = (t: ts.Type, depth: number): boolean => {
    if (
      t.flags &
      (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown)
    )
      return false;
    if (t.flags & ts.TypeFlags.Null) {
      sawNull = true;
      return true;
    }
    if (t.isUnion()) return t.types.every((m) => visit(m, depth));
    if (depth === 0 && (checker.isArrayType(t) || checker.isTupleType(t)))
      return checker.getTypeArguments(t as ts.TypeReference).every((e) => visit(e, 1));
    return true;
  };
  return visit(t, 0) && sawNull;
}
