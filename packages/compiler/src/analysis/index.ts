/**
 * The analysis of one program: every fact and cache the transform reads (the program index,
 * writes, effects, integer proofs, call sites and parameter defaults, type predicates), owned by
 * one object created per compile (`ctx.analysis`), so nothing is kept between compiles or shared
 * by two of them (watch, API use). The questions themselves are functions of the modules beside
 * this one, taking the transform context: `isIntExpr(ctx, e)`, `runsNoUserCode(ctx, n)`, ….
 */
import ts from "../ts.cjs";
import { CallFacts } from "./calls.js";
import { EffectFacts } from "./effects.js";
import { IntegerFacts } from "./integers.js";
import { ProgramIndex } from "./program-index.js";
import { TypeFacts } from "./types.js";
import { WriteFacts } from "./writes.js";

export class Analysis {
  /** the program's checker, with the node/type queries the transform repeats memoized */
  readonly checker: ts.TypeChecker;
  readonly index: ProgramIndex;
  readonly types = new TypeFacts();
  readonly effects = new EffectFacts();
  readonly writes = new WriteFacts();
  readonly ints = new IntegerFacts();
  readonly calls = new CallFacts();

  /** @param files the files whose code is compiled (filled before the transform asks) */
  constructor(checker: ts.TypeChecker, files: ReadonlySet<ts.SourceFile>) {
    this.checker = memoChecker(checker, this.types.types);
    this.index = new ProgramIndex(this.checker, files);
  }
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
