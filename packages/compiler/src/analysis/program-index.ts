/**
 * The program index: per file, its identifiers and the nodes that may write a variable, in
 * position order, so subtree and whole-file analyses read a slice instead of walking the AST; the
 * symbol each name resolves to; and the program's call sites (identifiers by name, subclasses,
 * `new this()`), computed once and read by every analysis that asks who calls a function.
 */
import ts from "../ts.cjs";

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

/** The program's identifiers by name, its subclasses, and whether `new this()` occurs. */
export interface CallSites {
  byName: Map<string, ts.Identifier[]>;
  subclasses: { cls: ts.ClassLikeDeclaration; base: ts.Expression }[];
  newThis: boolean;
}

export class ProgramIndex {
  private readonly fileIndexes = new Map<ts.SourceFile, FileIndex | null>();
  private readonly symbols = new Map<ts.Node, ts.Symbol | null>();
  private sites: CallSites | undefined;

  /**
   * @param files the files whose code is compiled (filled before the transform asks)
   */
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly files: ReadonlySet<ts.SourceFile>,
  ) {}

  /** The symbol a name resolves to, through aliases (imports) and shorthand properties. */
  resolveSymbol(node: ts.Node): ts.Symbol | undefined {
    let sym = this.symbols.get(node);
    if (sym === undefined) this.symbols.set(node, (sym = this.resolveSymbolUncached(node) ?? null));
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

  /** Every identifier of a file, in walk order. */
  identifiersOfFile(sf: ts.SourceFile): readonly ts.Identifier[] {
    return this.fileIndex(sf)?.ids ?? this.identifiersIn(sf);
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

  /** The compiled files' identifiers by name (in file, then position order), subclasses, `new this()`. */
  callSites(): CallSites {
    if (this.sites) return this.sites;
    const cs: CallSites = { byName: new Map(), subclasses: [], newThis: false };
    for (const f of this.files) {
      for (const n of this.identifiersIn(f)) {
        let list = cs.byName.get(n.text);
        if (!list) cs.byName.set(n.text, (list = []));
        list.push(n);
        const p = n.parent;
        // `class B extends A`: the identifier A in the heritage clause
        if (
          ts.isExpressionWithTypeArguments(p) &&
          p.expression === n &&
          ts.isHeritageClause(p.parent) &&
          p.parent.token === ts.SyntaxKind.ExtendsKeyword
        )
          cs.subclasses.push({ cls: p.parent.parent as ts.ClassLikeDeclaration, base: n });
      }
    }
    // `new this()` is rare: one text search decides whether the walk is needed at all
    const visit = (n: ts.Node): void => {
      if (cs.newThis) return;
      if (ts.isNewExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword)
        cs.newThis = true;
      else ts.forEachChild(n, visit);
    };
    for (const f of this.files) if (/\bnew\s+this\b/.test(f.text)) visit(f);
    return (this.sites = cs);
  }

  /**
   * The identifiers named `name` in `sf`, in position order: from the program's call sites when
   * `sf` is compiled, else from the file's identifiers.
   */
  namedIn(sf: ts.SourceFile, name: string): readonly ts.Identifier[] {
    if (this.files.has(sf))
      return (this.callSites().byName.get(name) ?? []).filter((n) => n.getSourceFile() === sf);
    return this.identifiersIn(sf).filter((n) => n.text === name);
  }
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
