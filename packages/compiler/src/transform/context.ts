/**
 * The transform context: the program's analysis (facts and caches, `analysis/`), diagnostics
 * sink, Python scopes and name allocation, statements hoisted before the current expression,
 * loop/jump frames and runtime-helper usage.
 */
import ts from "../ts.cjs";
import { Analysis } from "../analysis/index.js";
import { Layers, type Layer } from "./layers.js";
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

/** A loop being lowered, for the list lengths read once before it (statements/loops.ts). */
export interface LenFrame {
  node: ts.IterationStatement;
  /** the loop runs no user code and resizes no list (computed when first asked) */
  keepsLengths?: boolean;
  /** list/string symbol → the name holding its length, assigned before the loop */
  lens: Map<ts.Symbol, { name: string; obj: py.NameExpr }>;
}

/**
 * A key for state a layer keeps per compile (`ctx.state(KEY)`): the key is a module constant, the
 * state is created on first use and lives on the context, so nothing outlives one compile.
 */
export interface StateKey<T> {
  readonly create: () => T;
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
  /** `var`s read before their declaration runs (undefined in JavaScript until then) */
  readonly earlyVars = new Set<ts.Symbol>();
  /** loops being lowered, innermost last */
  readonly lenFrames: LenFrame[] = [];
  /** counters of loops over a list's elements → the list and the name holding `a[i]` */
  readonly elementNames = new Map<ts.Symbol, { arr: ts.Symbol; name: string }>();

  /** every fact and cache about the program (one per compile) */
  readonly analysis: Analysis;
  /** the layers' visitors and hooks (Blender), asked by the core visitors */
  readonly layers: Layers;
  private readonly states = new Map<StateKey<unknown>, unknown>();
  /** The state of `key` for this compile (created on first use). */
  state<T>(key: StateKey<T>): T {
    let s = this.states.get(key) as T | undefined;
    if (s === undefined) this.states.set(key, (s = key.create()));
    return s;
  }
  readonly checker: ts.TypeChecker;

  constructor(
    readonly program: ts.Program,
    checker: ts.TypeChecker,
    layers: readonly Layer[],
    reserved: Iterable<string> = [],
  ) {
    this.layers = new Layers(layers);
    this.analysis = new Analysis(checker, this.files);
    this.checker = this.analysis.checker;
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

  /**
   * Sub-expressions already evaluated into a temporary (the object and key of a compound
   * assignment target): transformExpr gives this instead of translating them again.
   */
  readonly exprOverrides = new Map<ts.Node, py.Expr>();
  resolveSymbol(node: ts.Node): ts.Symbol | undefined {
    return this.analysis.index.resolveSymbol(node);
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
      for (const id of this.analysis.index.identifiersOfFile(sf)) {
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

  /** Names of outer symbols referenced inside `node` are reserved in the scope it opens. */
  reserveFreeNames(node: ts.Node, s: Scope): void {
    const nodeFile = node.getSourceFile();
    for (const n of this.analysis.index.identifiersIn(node)) {
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
