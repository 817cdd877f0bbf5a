/**
 * switch: an if/elif chain when no case falls through into another; otherwise a `while True`
 * block that runs every case body from the matching one on (`break` leaves it).
 */
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "../expressions/index.js";
import { strictEquals } from "../expressions/convert.js";
import { transformStatements } from "./index.js";
import { loopWithChecks, newFrame, withFrame } from "./jumps.js";

const K = ts.SyntaxKind;

function endsAbruptly(stmts: readonly ts.Statement[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  if (ts.isBlock(last)) return endsAbruptly(last.statements);
  if (ts.isIfStatement(last))
    return (
      !!last.elseStatement &&
      endsAbruptly([last.thenStatement]) &&
      endsAbruptly([last.elseStatement])
    );
  return [K.BreakStatement, K.ReturnStatement, K.ThrowStatement, K.ContinueStatement].includes(
    last.kind,
  );
}

function isTrailingBreak(s: ts.Statement | undefined, labels: string[]): boolean {
  return !!s && ts.isBreakStatement(s) && (!s.label || labels.includes(s.label.text));
}

/** Does the clause contain a break targeting the switch other than a trailing one? */
function hasInnerBreak(stmts: readonly ts.Statement[], labels: string[]): boolean {
  let found = false;
  const visit = (n: ts.Node, nested: boolean): void => {
    if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isBreakStatement(n)) {
      if (n.label ? labels.includes(n.label.text) : !nested) found = true;
      return;
    }
    const inner = nested || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n);
    ts.forEachChild(n, (c) => visit(c, inner));
  };
  const body = isTrailingBreak(stmts[stmts.length - 1], labels) ? stmts.slice(0, -1) : stmts;
  for (const s of body) visit(s, false);
  return found;
}

interface Group {
  tests: ts.Expression[];
  isDefault: boolean;
  stmts: readonly ts.Statement[];
}

export function transformSwitch(ctx: Ctx, node: ts.SwitchStatement, labels: string[]): py.Stmt[] {
  const pos = ctx.pos(node);
  const clauses = node.caseBlock.clauses;
  const dt = T.typeOf(ctx, node.expression);
  let disc = transformExpr(ctx, node.expression);
  const out: py.Stmt[] = [];
  if (!py.isSimple(disc)) {
    const tmp = ctx.fresh("_switch");
    out.push(py.assign(py.name(tmp), disc, pos));
    disc = py.name(tmp);
  }
  const simple = clauses.every(
    (c, i) =>
      (i === clauses.length - 1 || c.statements.length === 0 || endsAbruptly(c.statements)) &&
      !hasInnerBreak(c.statements, labels),
  );
  const test = (e: ts.Expression): py.Expr =>
    strictEquals(ctx, dt, T.typeOf(ctx, e), disc, transformExpr(ctx, e), e);

  if (simple) {
    const groups: Group[] = [];
    let cur: Group = { tests: [], isDefault: false, stmts: [] };
    for (const c of clauses) {
      if (ts.isDefaultClause(c)) cur.isDefault = true;
      else cur.tests.push(c.expression);
      if (c.statements.length) {
        cur.stmts = c.statements;
        groups.push(cur);
        cur = { tests: [], isDefault: false, stmts: [] };
      }
    }
    if (cur.tests.length || cur.isDefault) groups.push(cur);
    const frame = newFrame("switch", node, labels, false);
    const bodies = withFrame(ctx, frame, () =>
      groups.map((g) => {
        const stmts = isTrailingBreak(g.stmts[g.stmts.length - 1], labels)
          ? g.stmts.slice(0, -1)
          : g.stmts;
        return transformStatements(
          ctx,
          stmts.length === 1 && ts.isBlock(stmts[0]!) ? (stmts[0] as ts.Block).statements : stmts,
        );
      }),
    );
    let orelse: py.Stmt[] = [];
    const defIdx = groups.findIndex((g) => g.isDefault);
    if (defIdx >= 0) orelse = bodies[defIdx]!.length ? bodies[defIdx]! : [];
    let chain: py.Stmt[] = orelse;
    for (let i = groups.length - 1; i >= 0; i--) {
      if (i === defIdx) continue;
      const g = groups[i]!;
      const tests = g.tests.map(test);
      let cond: py.Expr;
      const literals = g.tests.every((t) => ts.isStringLiteral(t) || ts.isNumericLiteral(t));
      if (tests.length > 1 && literals && (T.isString(ctx, dt) || T.isNumber(ctx, dt))) {
        cond = py.compare(disc, "in", py.tuple(g.tests.map((t) => transformExpr(ctx, t))));
      } else cond = tests.length === 1 ? tests[0]! : py.boolOp("or", ...tests);
      chain = [py.ifStmt(cond, bodies[i]!, chain, ctx.pos(g.tests[0] ?? node))];
    }
    return [...out, ...chain];
  }

  // fall-through: find the first matching clause, then run the bodies from there on
  const caseVar = ctx.fresh("_case");
  const defaultIdx = clauses.findIndex((c) => ts.isDefaultClause(c));
  let pick: py.Stmt[] = [
    py.assign(py.name(caseVar), py.num(defaultIdx >= 0 ? defaultIdx : clauses.length), pos),
  ];
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i]!;
    if (ts.isDefaultClause(c)) continue;
    pick = [
      py.ifStmt(
        test(c.expression),
        [py.assign(py.name(caseVar), py.num(i), ctx.pos(c))],
        pick,
        ctx.pos(c),
      ),
    ];
  }
  const frame = newFrame("switch", node, labels, true);
  const body: py.Stmt[] = withFrame(ctx, frame, () =>
    clauses.flatMap((c, i): py.Stmt[] =>
      c.statements.length
        ? [
            py.ifStmt(
              py.compare(py.name(caseVar), "<=", py.num(i)),
              transformStatements(ctx, c.statements),
              [],
              ctx.pos(c),
            ),
          ]
        : [],
    ),
  );
  body.push({ kind: "Break" });
  return [
    ...out,
    ...pick,
    ...loopWithChecks(ctx, frame, { kind: "While", test: py.TRUE, body, pos }),
  ];
}
