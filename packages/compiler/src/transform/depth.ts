/**
 * Deep inputs: the transform (like TypeScript's parser and checker) is recursive, so a node nested
 * deeper than `TS_DEPTH_LIMIT` is refused with BPY1033 before it could overflow the stack. The
 * walks here use an explicit stack.
 */
import ts from "../ts.cjs";

/**
 * Measured on Node 20's default stack (the most stack-hungry construct, nested arrow functions,
 * overflows the transform near 800 levels); Python's own limits (python/limits.ts) are lower for
 * everything but expression chains.
 */
export const TS_DEPTH_LIMIT = 500;

/**
 * The node where the deepest path of the file crosses `limit` (the ancestor of its deepest node
 * at depth `limit + 1`), with the path's depth.
 */
export function tooDeepNode(
  sf: ts.SourceFile,
  limit = TS_DEPTH_LIMIT,
): { node: ts.Node; depth: number } | undefined {
  const d = deepestNode(sf);
  if (d.depth <= limit) return undefined;
  let node = d.node;
  for (let i = d.depth; i > limit + 1; i--) node = node.parent;
  return { node, depth: d.depth };
}

/**
 * The first statement nested in more than `limit` statements that each indent their body in
 * Python (`if` — not an `else if` —, loops, `try`/`catch`/`finally`, `switch`, functions, classes):
 * its Python is indented more than Python's tokenizer allows.
 */
export function tooIndented(
  sf: ts.SourceFile,
  limit: number,
): { node: ts.Node; depth: number } | undefined {
  const stack: [ts.Node, number][] = [[sf, 0]];
  let found: { node: ts.Node; depth: number } | undefined;
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > limit && ts.isStatement(n)) {
      if (!found || n.pos < found.node.pos) found = { node: n, depth: d };
      continue;
    }
    const indents =
      (ts.isIfStatement(n) && !(ts.isIfStatement(n.parent) && n.parent.elseStatement === n)) ||
      ts.isIterationStatement(n, false) ||
      ts.isTryStatement(n) ||
      ts.isCatchClause(n) ||
      ts.isSwitchStatement(n) ||
      ts.isCaseOrDefaultClause(n) ||
      ts.isFunctionLike(n) ||
      ts.isClassLike(n);
    ts.forEachChild(n, (c) => void stack.push([c, d + (indents ? 1 : 0)]));
  }
  return found;
}

/**
 * Where brackets nest deepest in a source text TypeScript could not parse (its recursive parser
 * overflowed the stack): the first `(`, `[` or `{` deeper than `limit`, by a flat token scan.
 */
export function deepBracket(
  text: string,
  limit = TS_DEPTH_LIMIT,
): { pos: number; depth: number } | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  let depth = 0;
  let deepest = 0;
  let at: number | undefined;
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (
      k === ts.SyntaxKind.OpenParenToken ||
      k === ts.SyntaxKind.OpenBracketToken ||
      k === ts.SyntaxKind.OpenBraceToken
    ) {
      depth++;
      if (depth > limit && at === undefined) at = scanner.getTokenStart();
      deepest = Math.max(deepest, depth);
    } else if (
      k === ts.SyntaxKind.CloseParenToken ||
      k === ts.SyntaxKind.CloseBracketToken ||
      k === ts.SyntaxKind.CloseBraceToken
    )
      depth--;
  }
  return at === undefined ? undefined : { pos: at, depth: deepest };
}

/** Is this error a stack overflow (V8's RangeError)? */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The deepest node of a file (for a stack overflow that the depth limit did not foresee). */
export function deepestNode(sf: ts.SourceFile): { node: ts.Node; depth: number } {
  const stack: [ts.Node, number][] = [[sf, 0]];
  let best: { node: ts.Node; depth: number } = { node: sf, depth: 0 };
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > best.depth) best = { node: n, depth: d };
    ts.forEachChild(n, (c) => void stack.push([c, d + 1]));
  }
  return best;
}
