/**
 * Loop lowering: while/do/for/for…of/for…in and inlined forEach callbacks to Python loops; a
 * C-style `for` of the right shape (analysis/range-loops.ts) becomes `for … in range(…)` or a loop
 * over a list's elements, and a list length the loop cannot change is read once before it.
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx, LenFrame } from "../context.js";
import * as T from "../../analysis/types.js";
import { runsNoUserCode } from "../../analysis/effects.js";
import { isNonNegIntExpr } from "../../analysis/integers.js";
import { elementLoop, positiveCounter, rangeLoop } from "../../analysis/range-loops.js";
import {
  assignedInClosure,
  assignsSymbol,
  mutatesCollection,
  writesVariable,
} from "../../analysis/writes.js";
import { transformExpr } from "../expressions/index.js";
import { condition } from "../expressions/convert.js";
import { assignmentTarget } from "../expressions/access.js";
import { transformStatements, expressionStatement } from "./index.js";
import { transformDeclarationList } from "./variables.js";
import { destructureTo } from "./destructuring.js";
import { transformSwitch } from "./switch.js";
import { loopWithChecks, newFrame, withFrame } from "./jumps.js";

const K = ts.SyntaxKind;

export function transformLabeled(ctx: Ctx, node: ts.LabeledStatement): py.Stmt[] {
  const labels = [node.label.text];
  let s = node.statement;
  while (ts.isLabeledStatement(s)) {
    labels.push(s.label.text);
    s = s.statement;
  }
  if (ts.isIterationStatement(s, false)) return transformLoop(ctx, s, labels);
  if (ts.isSwitchStatement(s)) return transformSwitch(ctx, s, labels);
  ctx.report(node, diag.label());
  return [];
}

function loopBody(ctx: Ctx, s: ts.Statement): py.Stmt[] {
  const body = transformStatements(ctx, ts.isBlock(s) ? s.statements : [s]);
  return [...deadZoneResets(ctx, s), ...body];
}

/**
 * A `let`/`const`/class of a loop body is a new binding each iteration, unset until its
 * declaration runs: a function made earlier in the iteration that reads it throws a
 * ReferenceError there. Python's variable keeps the previous iteration's value, so one that
 * such a function reads is deleted at the start of each iteration (reading it is then a
 * NameError, which `catch` sees as a ReferenceError).
 */
function deadZoneResets(ctx: Ctx, s: ts.Statement): py.Stmt[] {
  if (!ts.isBlock(s)) return [];
  const names: string[] = [];
  const hoisted = s.statements.filter(ts.isFunctionDeclaration);
  for (const st of s.statements) {
    const decls: ts.NamedDeclaration[] = ts.isVariableStatement(st)
      ? st.declarationList.flags & ts.NodeFlags.BlockScoped
        ? [...st.declarationList.declarations]
        : []
      : ts.isClassDeclaration(st)
        ? [st]
        : [];
    for (const d of decls) {
      if (!d.name || !ts.isIdentifier(d.name)) continue;
      const sym = ctx.checker.getSymbolAtLocation(d.name);
      const name = sym && ctx.symbolNames.get(sym);
      if (!name) continue;
      const text = d.name.text;
      // read before the declaration, or by a function declaration (hoisted to the block's top)
      const early = ctx.analysis.index
        .identifiersIn(s)
        .some(
          (id) =>
            id.text === text &&
            (id.end <= d.pos || hoisted.some((f) => f.pos <= id.pos && id.end <= f.end)) &&
            ctx.resolveSymbol(id) === sym,
        );
      if (early) names.push(name);
    }
  }
  return names.map((n) => ({
    kind: "Try",
    body: [{ kind: "Del", targets: [py.name(n)] }],
    handlers: [{ type: py.name("NameError"), body: [py.pass()] }],
    orelse: [],
    finalbody: [],
  }));
}

export function transformLoop(ctx: Ctx, node: ts.IterationStatement, labels: string[]): py.Stmt[] {
  const frames = ctx.lenFrames;
  const frame: LenFrame = { node, lens: new Map() };
  frames.push(frame);
  let out: py.Stmt[];
  try {
    out = transformLoopStatement(ctx, node, labels);
  } finally {
    frames.pop();
  }
  if (frame.lens.size === 0) return out;
  const pos = ctx.pos(node);
  const hoisted = [...frame.lens.values()].map((l) =>
    py.assign(py.name(l.name), py.call("len", l.obj), pos),
  );
  return [...hoisted, ...out];
}

/**
 * `len(a)` for a read `a[i]` inside loops: when an enclosing loop cannot change the length of
 * `a` — it does not assign `a`, `a` is declared before it, and for a list, the loop runs no user
 * code and resizes no list — the length is read once into a name assigned right before the
 * outermost such loop. Undefined when no enclosing loop qualifies.
 */
export function loopInvariantLen(
  ctx: Ctx,
  arr: ts.Identifier,
  obj: py.NameExpr,
  at: ts.Node,
): py.Expr | undefined {
  const frames = ctx.lenFrames;
  if (!frames.length) return undefined;
  const sym = ctx.resolveSymbol(arr);
  if (!sym || !(sym.flags & ts.SymbolFlags.Variable) || !sym.declarations?.length) return undefined;
  const t = T.typeOf(ctx, arr);
  const isStr = T.isString(ctx, t);
  if (!isStr && !T.isArray(ctx, t)) return undefined;
  for (const f of frames) {
    // the read must be in the loop's own Python scope (no function in between)
    let inside = false;
    for (let p: ts.Node | undefined = at.parent; p; p = p.parent) {
      if (p === f.node) {
        inside = true;
        break;
      }
      if (ts.isFunctionLike(p) || ts.isClassLike(p)) break;
    }
    if (!inside) continue;
    const known = f.lens.get(sym);
    if (known) return py.name(known.name);
    const loopStart = f.node.getStart();
    if (
      sym.declarations.some(
        (d) => d.getSourceFile() !== f.node.getSourceFile() || d.end > loopStart,
      )
    )
      continue;
    if (writesVariable(ctx, f.node, sym)) continue;
    f.keepsLengths ??= runsNoUserCode(ctx, f.node);
    // a string is immutable: only a closure called in the loop could assign the variable
    if (!f.keepsLengths && !(isStr && !assignedInClosure(ctx, sym))) continue;
    const saved = ctx.scope;
    while (ctx.scope.kind === "comprehension" && ctx.scope.parent) ctx.scope = ctx.scope.parent;
    let name: string;
    try {
      name = ctx.fresh(`_${obj.id}_len`);
    } finally {
      ctx.scope = saved;
    }
    f.lens.set(sym, { name, obj });
    return py.name(name);
  }
  return undefined;
}

function transformLoopStatement(
  ctx: Ctx,
  node: ts.IterationStatement,
  labels: string[],
): py.Stmt[] {
  const pos = ctx.pos(node);
  switch (node.kind) {
    case K.WhileStatement: {
      const n = node as ts.WhileStatement;
      const test = condition(ctx, n.expression);
      const frame = newFrame("loop", node, labels);
      const body = withFrame(ctx, frame, () => loopBody(ctx, n.statement));
      return loopWithChecks(ctx, frame, { kind: "While", test, body, pos });
    }
    case K.DoStatement: {
      const n = node as ts.DoStatement;
      const frame = newFrame("loop", node, labels);
      if (hasContinue(n.statement, labels)) {
        const first = ctx.fresh("_first");
        const test = condition(ctx, n.expression);
        const body = withFrame(ctx, frame, () => loopBody(ctx, n.statement));
        return [
          py.assign(py.name(first), py.TRUE, pos),
          ...loopWithChecks(ctx, frame, {
            kind: "While",
            test: py.boolOp("or", py.name(first), test),
            body: [py.assign(py.name(first), py.FALSE, pos), ...body],
            pos,
          }),
        ];
      }
      const body = withFrame(ctx, frame, () => loopBody(ctx, n.statement));
      const [test, pre] = ctx.collect(() => condition(ctx, n.expression));
      body.push(...pre, py.ifStmt(py.not(test), [{ kind: "Break" }], [], ctx.pos(n.expression)));
      return loopWithChecks(ctx, frame, { kind: "While", test: py.TRUE, body, pos });
    }
    case K.ForStatement:
      return forStatement(ctx, node as ts.ForStatement, labels);
    case K.ForOfStatement:
      return forOf(ctx, node as ts.ForOfStatement, labels);
    case K.ForInStatement:
      return forIn(ctx, node as ts.ForInStatement, labels);
  }
  return [];
}

function hasContinue(body: ts.Node, labels: string[]): boolean {
  let found = false;
  const visit = (n: ts.Node, nested: boolean): void => {
    if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isContinueStatement(n)) {
      if (n.label ? labels.includes(n.label.text) : !nested) found = true;
      return;
    }
    const inner = nested || ts.isIterationStatement(n, false);
    ts.forEachChild(n, (c) => visit(c, inner));
  };
  visit(body, false);
  return found;
}

/** Inside a loop made by elementLoop: the name holding `a[i]`. */
export function loopElement(ctx: Ctx, node: ts.ElementAccessExpression): py.Expr | undefined {
  const names = ctx.elementNames;
  if (!ts.isIdentifier(node.argumentExpression) || !ts.isIdentifier(node.expression))
    return undefined;
  const i = ctx.resolveSymbol(node.argumentExpression);
  const e = i && names.get(i);
  return e && ctx.resolveSymbol(node.expression) === e.arr ? py.name(e.name) : undefined;
}

function forStatement(ctx: Ctx, node: ts.ForStatement, labels: string[]): py.Stmt[] {
  const pos = ctx.pos(node);
  const r = rangeLoop(ctx, node);
  if (r) {
    const start = transformExpr(ctx, r.start);
    let stop = transformExpr(ctx, r.stop);
    if (r.floatBound)
      stop = r.inclusive
        ? ctx.callHelper("_js_loop_stop", stop, py.TRUE)
        : ctx.callHelper("_js_loop_stop", stop);
    else if (r.inclusive)
      stop =
        stop.kind === "Const" && stop.num !== undefined
          ? py.num(stop.num + (r.step > 0 ? 1 : -1))
          : py.bin(r.step > 0 ? "+" : "-", stop, py.num(1));
    const each = elementLoop(ctx, node, r);
    if (each) {
      const arr = transformExpr(ctx, each);
      const name = ctx.fresh(`${arr.kind === "Name" ? arr.id : "item"}_i`);
      ctx.elementNames.set(r.sym, { arr: ctx.resolveSymbol(each)!, name });
      const frame = newFrame("loop", node, labels);
      const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
      return loopWithChecks(ctx, frame, {
        kind: "For",
        target: py.name(name),
        iter: arr,
        body,
        pos,
      });
    }
    const v = ctx.declare(r.decl.name as ts.Identifier);
    const args = r.stepVar
      ? [start, stop, transformExpr(ctx, r.stepVar)]
      : start.kind === "Const" && start.num === 0 && r.step === 1
        ? [stop]
        : r.step === 1
          ? [start, stop]
          : [start, stop, py.num(r.step)];
    const startNonNeg =
      (start.kind === "Const" && start.num !== undefined && start.num >= 0) ||
      isNonNegIntExpr(ctx, r.start);
    if (r.step > 0 && start.kind === "Const" && start.num !== undefined && start.num >= 1)
      ctx.analysis.ints.positiveCounters.add(r.sym);
    if (startNonNeg && r.step > 0) {
      ctx.analysis.ints.nonNegCounters.add(r.sym);
      if (
        ts.isPropertyAccessExpression(r.stop) &&
        ts.isIdentifier(r.stop.expression) &&
        !r.inclusive
      ) {
        const arr = ctx.resolveSymbol(r.stop.expression);
        if (
          arr &&
          !assignsSymbol(ctx, node.statement, arr) &&
          (T.isArray(ctx, T.typeOf(ctx, r.stop.expression)) ||
            T.isString(ctx, T.typeOf(ctx, r.stop.expression)))
        ) {
          const safeIndex = ctx.analysis.ints.safeIndex;
          let set = safeIndex.get(r.sym);
          if (!set) safeIndex.set(r.sym, (set = new Set()));
          set.add(arr);
        }
      }
    } else ctx.analysis.ints.intCounters.add(r.sym);
    const frame = newFrame("loop", node, labels);
    const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
    return loopWithChecks(ctx, frame, {
      kind: "For",
      target: py.name(v),
      iter: py.call("range", ...args),
      body,
      pos,
    });
  }
  const counter = positiveCounter(ctx, node);
  if (counter) ctx.analysis.ints.positiveCounters.add(counter);
  const init: py.Stmt[] = [];
  if (node.initializer) {
    if (ts.isVariableDeclarationList(node.initializer))
      init.push(...transformDeclarationList(ctx, node.initializer));
    else init.push(...expressionStatement(ctx, node.initializer));
  }
  const test = node.condition ? condition(ctx, node.condition) : py.TRUE;
  const frame = newFrame("loop", node, labels);
  frame.update = node.incrementor ? expressionStatement(ctx, node.incrementor) : [];
  const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
  const last = body[body.length - 1];
  const endsAbruptly =
    last &&
    (last.kind === "Continue" ||
      last.kind === "Break" ||
      last.kind === "Return" ||
      last.kind === "Raise");
  if (!endsAbruptly) body.push(...frame.update);
  return [...init, ...loopWithChecks(ctx, frame, { kind: "While", test, body, pos })];
}

// ---- for…of / for…in --------------------------------------------------------------------------

/**
 * A Set or Map read by a loop whose body changes it: `_js_live(o, mode)` (mode 0 keys, 1 entries,
 * 2 values) visits what JavaScript's iterator would; undefined when no such case applies.
 */
export function liveIterable(ctx: Ctx, expr: ts.Expression, body: ts.Node): py.Expr | undefined {
  let e = expr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  let coll = e;
  let mode: number | undefined;
  const t = T.typeOf(ctx, e);
  if (T.isMap(ctx, t)) mode = 1;
  else if (T.isSet(ctx, t)) mode = 0;
  else if (
    ts.isCallExpression(e) &&
    !e.arguments.length &&
    ts.isPropertyAccessExpression(e.expression) &&
    ["keys", "values", "entries"].includes(e.expression.name.text)
  ) {
    const ot = T.typeOf(ctx, e.expression.expression);
    const m = e.expression.name.text;
    if (T.isMap(ctx, ot)) mode = m === "keys" ? 0 : m === "entries" ? 1 : 2;
    else if (T.isSet(ctx, ot)) mode = m === "entries" ? 3 : 0;
    coll = e.expression.expression;
  }
  if (mode === undefined || mode === 3 || !mutatesCollection(ctx, coll, body)) return undefined;
  const o = transformExpr(ctx, coll);
  return ctx.callHelper("_js_live", ...(mode ? [o, py.num(mode)] : [o]));
}

function iterableOf(ctx: Ctx, expr: ts.Expression, body?: ts.Node): py.Expr {
  const live = body && liveIterable(ctx, expr, body);
  if (live) return live;
  let e = expr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.expression.getText() === "Object" &&
    e.arguments.length === 1
  ) {
    const t = T.typeOf(ctx, e.arguments[0]!);
    if (T.isDictLike(ctx, t)) {
      const m = e.expression.name.text;
      const o = transformExpr(ctx, e.arguments[0]!);
      if (m === "entries") return py.method(o, "items");
      if (m === "keys") return o;
      if (m === "values") return py.method(o, "values");
    }
  }
  const t = T.typeOf(ctx, expr);
  const v = transformExpr(ctx, expr);
  if (T.isMap(ctx, t)) return py.method(v, "items");
  if (
    v.kind === "Call" &&
    v.func.kind === "Name" &&
    v.func.id === "list" &&
    v.args.length === 1 &&
    v.args[0]!.kind === "pos"
  ) {
    const inner = (v.args[0] as { value: py.Expr }).value;
    if (
      inner.kind === "Call" &&
      inner.func.kind === "Attr" &&
      ["items", "values", "keys"].includes(inner.func.attr)
    )
      return inner;
  }
  return v;
}

function loopTarget(
  ctx: Ctx,
  init: ts.ForInitializer,
  elemType: ts.Type | undefined,
  pos: py.SrcPos,
): { target: py.Expr; prelude: py.Stmt[] } {
  if (ts.isVariableDeclarationList(init)) {
    const d = init.declarations[0]!;
    if (ts.isIdentifier(d.name)) return { target: py.name(ctx.declare(d.name)), prelude: [] };
    if (
      ts.isArrayBindingPattern(d.name) &&
      elemType &&
      T.tupleLength(ctx, elemType) === d.name.elements.length &&
      d.name.elements.every(
        (e) =>
          ts.isBindingElement(e) && ts.isIdentifier(e.name) && !e.initializer && !e.dotDotDotToken,
      )
    ) {
      return {
        target: py.tuple(
          d.name.elements.map((e) =>
            py.name(ctx.declare((e as ts.BindingElement).name as ts.Identifier)),
          ),
        ),
        prelude: [],
      };
    }
    const tmp = ctx.fresh(ts.isArrayBindingPattern(d.name) ? "_entry" : "_item");
    return {
      target: py.name(tmp),
      prelude: destructureTo(ctx, d.name, py.name(tmp), pos, elemType),
    };
  }
  const t = assignmentTarget(ctx, init);
  if (t.kind === "expr" && t.expr.kind === "Name") return { target: t.expr, prelude: [] };
  const tmp = ctx.fresh("_item");
  return {
    target: py.name(tmp),
    prelude:
      t.kind === "expr"
        ? [py.assign(t.expr, py.name(tmp), pos)]
        : [py.exprStmt(t.call(py.name(tmp)), pos)],
  };
}

function elementTypeOf(ctx: Ctx, node: ts.ForOfStatement): ts.Type | undefined {
  const init = node.initializer;
  if (ts.isVariableDeclarationList(init)) {
    const d = init.declarations[0]!;
    return ctx.checker.getTypeAtLocation(d.name);
  }
  return ctx.checker.getTypeAtLocation(init);
}

/** Iterator types whose value may be a generator (which a loop left early must close). */
const ITERATOR_TYPES = new Set(["Generator", "Iterator", "IterableIterator", "IteratorObject"]);

function forOf(ctx: Ctx, node: ts.ForOfStatement, labels: string[]): py.Stmt[] {
  if (node.awaitModifier) ctx.report(node, diag.asyncAwait());
  const pos = ctx.pos(node);
  let iter = iterableOf(ctx, node.expression, node.statement);
  // JavaScript closes the iterator of a loop left by break/return/throw (a generator's finally
  // runs, it is done afterwards). A generator made for the loop (`of gen()`) is closed by
  // CPython when the loop drops it; one kept in a variable or a field is closed here.
  let e = node.expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const lib = T.libTypeName(ctx, T.typeOf(ctx, node.expression));
  const closes = !!lib && ITERATOR_TYPES.has(lib) && !ts.isCallExpression(e);
  const before: py.Stmt[] = [];
  // held in a temporary: the body may assign the variable another iterator
  if (closes) {
    const tmp = ctx.fresh("_it");
    before.push(py.assign(py.name(tmp), iter, pos));
    iter = py.name(tmp);
  }
  const { target, prelude } = loopTarget(ctx, node.initializer, elementTypeOf(ctx, node), pos);
  const frame = newFrame("loop", node, labels);
  const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
  const loop = loopWithChecks(ctx, frame, {
    kind: "For",
    target,
    iter,
    body: [...prelude, ...body],
    pos,
  });
  if (!closes) return loop;
  const close =
    lib === "Generator" ? py.method(iter, "close") : ctx.callHelper("_js_iter_close", iter);
  return [
    ...before,
    {
      kind: "Try",
      body: loop,
      handlers: [],
      orelse: [],
      finalbody: [py.exprStmt(close, pos)],
      pos,
    },
  ];
}

function forIn(ctx: Ctx, node: ts.ForInStatement, labels: string[]): py.Stmt[] {
  const pos = ctx.pos(node);
  const t = T.typeOf(ctx, node.expression);
  const o = transformExpr(ctx, node.expression);
  const iter = T.isDictLike(ctx, t)
    ? T.mayHaveIndexKeys(ctx, t)
      ? ctx.callHelper("_js_own_keys", o) // array-index keys first, as JavaScript enumerates
      : o
    : (t.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Enum
      ? py.call("list", ctx.callHelper("_js_enum_fields", o))
      : ctx.callHelper("_js_keys", o);
  const { target, prelude } = loopTarget(ctx, node.initializer, undefined, pos);
  const frame = newFrame("loop", node, labels);
  const body = withFrame(ctx, frame, () => loopBody(ctx, node.statement));
  return loopWithChecks(ctx, frame, {
    kind: "For",
    target,
    iter,
    body: [...prelude, ...body],
    pos,
  });
}

/** arr.forEach((x, i) => { … }) as a statement: the callback body becomes the loop body. */
export function inlineForEach(
  ctx: Ctx,
  cb: ts.ArrowFunction,
  makeLoop: (params: py.Expr[]) => { target: py.Expr; iter: py.Expr; before?: py.Stmt[] },
  pos: py.SrcPos,
): py.Stmt[] {
  ctx.scope.aliases.add(cb);
  const prelude: py.Stmt[] = [];
  const params = cb.parameters.map((p) => {
    if (ts.isIdentifier(p.name)) return py.name(ctx.declare(p.name));
    const tmp = ctx.fresh("_item");
    prelude.push(...destructureTo(ctx, p.name, py.name(tmp), pos));
    return py.name(tmp);
  });
  const idx = cb.parameters[1];
  const idxSym =
    idx && ts.isIdentifier(idx.name) ? ctx.checker.getSymbolAtLocation(idx.name) : undefined;
  const call = cb.parent;
  const onArray =
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    T.isArray(ctx, T.typeOf(ctx, call.expression.expression));
  if (idxSym && onArray) ctx.analysis.ints.nonNegCounters.add(idxSym);
  const loop = makeLoop(params);
  const frame = newFrame("loop", cb, []);
  ctx.inlineReturns.set(cb, frame);
  const body = withFrame(ctx, frame, () => {
    if (ts.isBlock(cb.body)) return transformStatements(ctx, cb.body.statements);
    return expressionStatement(ctx, cb.body);
  });
  return [
    ...(loop.before ?? []),
    ...loopWithChecks(ctx, frame, {
      kind: "For",
      target: loop.target,
      iter: loop.iter,
      body: [...prelude, ...body],
      pos,
    }),
  ];
}
