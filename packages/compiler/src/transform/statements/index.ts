/** Statement dispatch, blocks, expression statements and function hoisting. */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr } from "../expressions/index.js";
import { condition } from "../expressions/convert.js";
import { assignmentStatement } from "../expressions/binary.js";
import { assignmentTarget, isSetterTarget, skipErased } from "../expressions/access.js";
import { tempAssignments, withEvaluatedTargets } from "../expressions/compound.js";
import { transformCall } from "../expressions/call.js";
import { transformDelete } from "../expressions/unary.js";
import { transformFunctionDeclaration } from "../functions.js";
import { transformClass } from "../classes.js";
import { transformVariableStatement } from "./variables.js";
import { transformIf } from "./if.js";
import { transformLoop, transformLabeled } from "./loops.js";
import { transformJump, jumpTo } from "./jumps.js";
import { transformSwitch } from "./switch.js";
import { swapStatement } from "./swap.js";
import { transformTry, transformThrow } from "./try.js";
import { transformEnum } from "./enum.js";
import { transformExportAssignment } from "./imports.js";
import { callStatement } from "../builtins/statements.js";

const K = ts.SyntaxKind;

/** Function declarations used before their position are moved to the top of their block. */
function hoistFunctions(ctx: Ctx, stmts: readonly ts.Statement[]): ts.Statement[] {
  const fns = stmts.filter(
    (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.body && !!s.name,
  );
  if (fns.length === 0) return [...stmts];
  const hoisted = new Set<ts.Statement>();
  const syms = new Map<ts.Symbol, ts.FunctionDeclaration>();
  for (const f of fns) {
    const s = ctx.checker.getSymbolAtLocation(f.name!);
    if (s) syms.set(s, f);
  }
  const seen = new Set<ts.Statement>();
  for (const s of stmts) {
    if (!ts.isFunctionDeclaration(s)) {
      for (const n of ctx.analysis.index.identifiersIn(s)) {
        const sym = ctx.resolveSymbol(n);
        const f = sym && syms.get(sym);
        if (f && !seen.has(f) && f !== s) hoisted.add(f);
      }
    }
    seen.add(s);
  }
  // a hoisted function pulls in the functions it calls that are declared later
  let changed = true;
  while (changed) {
    changed = false;
    for (const f of [...hoisted]) {
      for (const n of ctx.analysis.index.identifiersIn(f)) {
        const sym = ctx.resolveSymbol(n);
        const g = sym && syms.get(sym);
        if (g && !hoisted.has(g)) {
          hoisted.add(g);
          changed = true;
        }
      }
    }
  }
  if (hoisted.size === 0) return [...stmts];
  return [...stmts.filter((s) => hoisted.has(s)), ...stmts.filter((s) => !hoisted.has(s))];
}

/**
 * A `var` is hoisted: it exists, undefined, from the start of its function (or the module).
 * One that is read before its declaration runs — textually earlier, or by a function, which may
 * be called earlier — is set to None at the start of the body (Python: NameError).
 */
function varHoists(ctx: Ctx, stmts: readonly ts.Statement[]): py.Stmt[] {
  const container = stmts[0]?.parent;
  if (
    !container ||
    !(ts.isSourceFile(container) || (ts.isBlock(container) && ts.isFunctionLike(container.parent)))
  )
    return [];
  const decls: ts.VariableDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (
      ts.isVariableDeclarationList(n) &&
      !(n.flags & (ts.NodeFlags.BlockScoped | ts.NodeFlags.Using))
    )
      for (const d of n.declarations) if (ts.isIdentifier(d.name)) decls.push(d);
    ts.forEachChild(n, visit);
  };
  stmts.forEach(visit);
  if (!decls.length) return [];
  const out: py.Stmt[] = [];
  const ids = ctx.analysis.index.identifiersIn(container);
  for (const d of decls) {
    const name = d.name as ts.Identifier;
    const sym = ctx.checker.getSymbolAtLocation(name);
    if (!sym) continue;
    const early = ids.some((id) => {
      if (id === name || id.text !== name.text || ctx.resolveSymbol(id) !== sym) return false;
      if (id.end <= d.pos) return true;
      for (let p: ts.Node = id.parent; p !== container; p = p.parent)
        if (ts.isFunctionLike(p)) return true;
      return false;
    });
    if (!early) continue;
    ctx.earlyVars.add(sym);
    out.push(py.assign(py.name(ctx.declare(name)), py.NONE, ctx.pos(d)));
  }
  return out;
}

export function transformStatements(ctx: Ctx, stmts: readonly ts.Statement[]): py.Stmt[] {
  const out: py.Stmt[] = varHoists(ctx, stmts);
  const ordered = hoistFunctions(ctx, stmts);
  for (let i = 0; i < ordered.length; i++) {
    const s = ordered[i]!;
    // a layer's statement that takes the rest of the block (`using` → `with`)
    if (s.kind === K.VariableStatement) {
      const layered = ctx.layers.visit(K.VariableStatement, ctx, ordered, i, (rest) =>
        transformStatements(ctx, rest),
      );
      if (layered) {
        out.push(...layered);
        break;
      }
    }
    const [swap, swapPre] = ctx.collect(() => swapStatement(ctx, ordered, i));
    if (swap) {
      out.push(...swapPre, ...swap);
      i += 2;
      continue;
    }
    const [r, pre] = ctx.collect(() => transformStatement(ctx, s));
    out.push(...pre, ...r);
  }
  return out;
}

export function transformStatement(ctx: Ctx, node: ts.Statement): py.Stmt[] {
  const pos = ctx.pos(node);
  const withPos = (stmts: py.Stmt[]): py.Stmt[] => {
    for (const s of stmts) if (!s.pos) s.pos = pos;
    return stmts;
  };
  switch (node.kind) {
    case K.VariableStatement:
      return withPos(transformVariableStatement(ctx, node as ts.VariableStatement));
    case K.ExpressionStatement:
      return withPos(expressionStatement(ctx, (node as ts.ExpressionStatement).expression));
    case K.IfStatement:
      return withPos(transformIf(ctx, node as ts.IfStatement));
    case K.Block:
      return transformStatements(ctx, (node as ts.Block).statements);
    case K.ReturnStatement:
      return withPos(transformReturn(ctx, node as ts.ReturnStatement));
    case K.ForStatement:
    case K.ForOfStatement:
    case K.ForInStatement:
    case K.WhileStatement:
    case K.DoStatement:
      return withPos(transformLoop(ctx, node as ts.IterationStatement, []));
    case K.LabeledStatement:
      return withPos(transformLabeled(ctx, node as ts.LabeledStatement));
    case K.BreakStatement:
    case K.ContinueStatement:
      return withPos(transformJump(ctx, node as ts.BreakOrContinueStatement));
    case K.SwitchStatement:
      return withPos(transformSwitch(ctx, node as ts.SwitchStatement, []));
    case K.TryStatement:
      return withPos(transformTry(ctx, node as ts.TryStatement));
    case K.ThrowStatement:
      return withPos(transformThrow(ctx, node as ts.ThrowStatement));
    case K.FunctionDeclaration:
      return withPos(transformFunctionDeclaration(ctx, node as ts.FunctionDeclaration));
    case K.ClassDeclaration:
      return withPos(transformClass(ctx, node as ts.ClassDeclaration));
    case K.EnumDeclaration:
      return withPos(transformEnum(ctx, node as ts.EnumDeclaration));
    case K.ExportAssignment:
      return withPos(transformExportAssignment(ctx, node as ts.ExportAssignment));
    case K.ImportDeclaration:
    case K.ExportDeclaration:
    case K.InterfaceDeclaration:
    case K.TypeAliasDeclaration:
    case K.EmptyStatement:
    case K.DebuggerStatement:
      return [];
    case K.ModuleDeclaration:
      if ((node as ts.ModuleDeclaration).modifiers?.some((m) => m.kind === K.DeclareKeyword))
        return [];
      ctx.report(node, diag.namespace());
      return [];
    case K.ImportEqualsDeclaration:
      ctx.report(node, diag.importForm({ form: "import = require()" }));
      return [];
    case K.WithStatement:
      ctx.report(node, diag.unsupportedSyntax({ construct: "'with'" }));
      return [];
    default:
      ctx.report(node, diag.unsupportedSyntax({ construct: `'${K[node.kind]}'` }));
      return [];
  }
}

function transformReturn(ctx: Ctx, node: ts.ReturnStatement): py.Stmt[] {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  const frame = fn ? ctx.inlineReturns.get(fn) : undefined;
  if (frame) {
    const out: py.Stmt[] = [];
    if (node.expression) {
      const e = transformExpr(ctx, node.expression);
      if (!py.isSimple(e)) out.push(py.exprStmt(e));
    }
    return [...out, ...jumpTo(ctx, frame, "continue")];
  }
  // a constructor returning a value is the class's CTOR method, run by its __new__ (classes.ts)
  if (fn && ts.isConstructorDeclaration(fn) && !node.expression) return [py.ret()];
  if (!node.expression) return [py.ret()];
  // a value handed over (a JS Set returned by a registered method is a Python set)
  return [py.ret(ctx.layers.valueOut(ctx, node.expression, transformExpr(ctx, node.expression)))];
}

/** An expression whose value is discarded. */
export function expressionStatement(ctx: Ctx, expr: ts.Expression): py.Stmt[] {
  const e = skipErased(expr);
  const pos = ctx.pos(expr);
  if (ts.isBinaryExpression(e)) {
    const k = e.operatorToken.kind;
    if (k >= K.FirstAssignment && k <= K.LastAssignment) return assignmentStatement(ctx, e);
    if (k === K.CommaToken)
      return [...expressionStatement(ctx, e.left), ...expressionStatement(ctx, e.right)];
    if (k === K.AmpersandAmpersandToken || k === K.BarBarToken) {
      const test = condition(ctx, e.left);
      return [
        py.ifStmt(
          k === K.AmpersandAmpersandToken ? test : py.not(test),
          expressionStatement(ctx, e.right),
          [],
          pos,
        ),
      ];
    }
  }
  if (
    (ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) &&
    (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)
  ) {
    const op = e.operator === K.PlusPlusToken ? "+" : "-";
    // a setter call reads the target again: its object and key evaluated once
    if (isSetterTarget(ctx, e.operand))
      return withEvaluatedTargets(ctx, [e.operand], [], false, (temps) => {
        const tgt = assignmentTarget(ctx, e.operand);
        const next = py.bin(op, transformExpr(ctx, e.operand), py.num(1));
        return [
          ...tempAssignments(temps),
          tgt.kind === "setter"
            ? py.exprStmt(tgt.call(next), pos)
            : { kind: "AugAssign", target: tgt.expr, op, value: py.num(1), pos },
        ];
      });
    const tgt = assignmentTarget(ctx, e.operand);
    if (tgt.kind === "setter") {
      const cur = transformExpr(ctx, e.operand);
      return [py.exprStmt(tgt.call(py.bin(op, cur, py.num(1))), pos)];
    }
    if (!T.isNumber(ctx, T.typeOf(ctx, e.operand)))
      ctx.report(
        e,
        diag.anyType({
          operation: `'${op}${op}'`,
          type: ctx.checker.typeToString(T.typeOf(ctx, e.operand)),
        }),
      );
    return [{ kind: "AugAssign", target: tgt.expr, op, value: py.num(1), pos }];
  }
  if (ts.isCallExpression(e)) {
    const layered = ctx.layers.visit(K.ExpressionStatement, ctx, e);
    if (layered) return layered;
    const s = callStatement(ctx, e);
    if (s) return s;
    return [py.exprStmt(transformCall(ctx, e, true), pos)];
  }
  if (ts.isDeleteExpression(e)) return [py.exprStmt(transformDelete(ctx, e, true), pos)];
  if (ts.isConditionalExpression(e)) {
    return [
      py.ifStmt(
        condition(ctx, e.condition),
        expressionStatement(ctx, e.whenTrue),
        expressionStatement(ctx, e.whenFalse),
        pos,
      ),
    ];
  }
  if (ts.isVoidExpression(e)) return expressionStatement(ctx, e.expression);
  const v = transformExpr(ctx, e);
  if (v.kind === "Const" || v.kind === "Name") return [];
  return [py.exprStmt(v, pos)];
}
