/** Calls whose value is discarded that read better as Python statements (append, loops, …). */
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx } from "../context.js";
import * as T from "../../analysis/types.js";
import { transformExpr, spreadItems } from "../expressions/index.js";
import { nonNullType } from "../expressions/access.js";
import { mutatesCollection } from "../../analysis/writes.js";
import { inlineForEach } from "../statements/loops.js";
import { callbackArity } from "./callbacks.js";
import { elementType, numericComparator, reportHoles } from "./array.js";
import { builtinArgs, missingBuiltinArgument } from "../expressions/call.js";

function forEachLoop(
  ctx: Ctx,
  node: ts.CallExpression,
  iterFor: (n: number) => { iter: py.Expr; order: "vk" | "v" },
  obj: py.Expr,
): py.Stmt[] {
  const pos = ctx.pos(node);
  let cb = node.arguments[0]!;
  while (ts.isParenthesizedExpression(cb)) cb = cb.expression;
  const arity = callbackArity(ctx, cb);
  if (
    ts.isArrowFunction(cb) &&
    !cb.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) &&
    !cb.parameters.some((p) => p.dotDotDotToken || p.initializer)
  ) {
    const arrow = cb;
    return inlineForEach(
      ctx,
      arrow,
      (params) => {
        const { iter, order } = iterFor(params.length);
        const before: py.Stmt[] = [];
        if (params[2]) before.push(py.assign(params[2], obj, pos));
        if (params.length >= 2) {
          const t =
            order === "vk"
              ? py.tuple([params[1]!, params[0]!])
              : py.tuple([params[1]!, params[0]!]);
          return { target: t, iter, before };
        }
        return { target: params[0] ?? py.name("_"), iter, before };
      },
      pos,
    );
  }
  const f = transformExpr(ctx, cb);
  const v = ctx.fresh("_v");
  const k = ctx.fresh("_i");
  const { iter } = iterFor(arity);
  // a callback declared with fewer parameters gets fewer arguments (Python would refuse more)
  const args = [py.name(v), py.name(k), obj].slice(0, arity);
  return [
    {
      kind: "For",
      target: arity >= 2 ? py.tuple([py.name(k), py.name(v)]) : py.name(v),
      iter,
      body: [py.exprStmt(py.call(f, ...args), pos)],
      pos,
    },
  ];
}

const GROWERS = new Set(["push", "unshift", "splice"]);

/**
 * Does `body` call push/unshift/splice on the array `arr` (same text), or assign its length or
 * `arr[arr.length]`? (Growth through other aliases or user functions is not detected.)
 */
function growsArray(arr: ts.Expression, body: ts.Node): boolean {
  const text = arr.getText();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      GROWERS.has(n.expression.name.text) &&
      n.expression.expression.getText() === text
    )
      found = true;
    else if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      const t = n.left;
      if (
        (ts.isPropertyAccessExpression(t) &&
          t.name.text === "length" &&
          t.expression.getText() === text) ||
        (ts.isElementAccessExpression(t) &&
          t.expression.getText() === text &&
          t.argumentExpression.getText() === `${text}.length`)
      )
        found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

export function callStatement(ctx: Ctx, node: ts.CallExpression): py.Stmt[] | undefined {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken || node.questionDotToken)
    return undefined;
  const name = callee.name.text;
  const objNode = callee.expression;
  if (objNode.kind === ts.SyntaxKind.SuperKeyword) return undefined;
  const ot = nonNullType(ctx, objNode);
  // refused (BPY1035) by transformCall
  if (missingBuiltinArgument(ctx, node)) return undefined;
  const pos = ctx.pos(node);
  const args = builtinArgs(ctx, node, T.isArray(ctx, ot), name);
  if (T.isArray(ctx, ot)) {
    switch (name) {
      case "push": {
        const obj = transformExpr(ctx, objNode);
        if (args.length === 1 && !ts.isSpreadElement(args[0]!))
          return [py.exprStmt(py.method(obj, "append", transformExpr(ctx, args[0]!)), pos)];
        if (args.length === 1)
          return [
            py.exprStmt(
              py.method(obj, "extend", spreadItems(ctx, (args[0] as ts.SpreadElement).expression)),
              pos,
            ),
          ];
        return [
          py.exprStmt(
            py.method(
              obj,
              "extend",
              py.list(
                args.map((a) =>
                  ts.isSpreadElement(a)
                    ? py.starred(spreadItems(ctx, a.expression))
                    : transformExpr(ctx, a),
                ),
              ),
            ),
            pos,
          ),
        ];
      }
      case "unshift":
        if (args.length === 1 && !ts.isSpreadElement(args[0]!)) {
          const obj = transformExpr(ctx, objNode);
          return [
            py.exprStmt(py.method(obj, "insert", py.num(0), transformExpr(ctx, args[0]!)), pos),
          ];
        }
        return undefined;
      case "pop":
      case "shift": {
        const obj = transformExpr(ctx, objNode);
        if (!py.isSimple(obj)) return undefined;
        return [
          py.ifStmt(
            obj,
            [
              py.exprStmt(
                name === "pop" ? py.method(obj, "pop") : py.method(obj, "pop", py.num(0)),
              ),
            ],
            [],
            pos,
          ),
        ];
      }
      case "reverse":
        return [py.exprStmt(py.method(transformExpr(ctx, objNode), "reverse"), pos)];
      case "sort": {
        const obj = transformExpr(ctx, objNode);
        const et = elementType(ctx, ot);
        if (args.length === 0) {
          if (et && T.isString(ctx, et)) return [py.exprStmt(py.method(obj, "sort"), pos)];
          return undefined;
        }
        const dir = numericComparator(args[0]!);
        if (dir && et && T.isNumber(ctx, et)) {
          const call = py.method(obj, "sort");
          if (dir === "desc") call.args.push({ kind: "kw", name: "reverse", value: py.TRUE });
          return [py.exprStmt(call, pos)];
        }
        return undefined;
      }
      case "forEach": {
        if (reportHoles(ctx, node, objNode, name)) return [];
        const obj = transformExpr(ctx, objNode);
        // forEach visits the elements present when it starts, a Python loop also those pushed
        // meanwhile: bounded by the initial length when the callback visibly grows the array
        const items =
          args[0] && growsArray(objNode, args[0]) && py.isSimple(obj)
            ? py.call(py.attr(ctx.useModule("itertools"), "islice"), obj, py.call("len", obj))
            : obj;
        return forEachLoop(
          ctx,
          node,
          (n) => ({ iter: n >= 2 ? py.call("enumerate", items) : items, order: "v" }),
          obj,
        );
      }
    }
    return undefined;
  }
  if (T.isMap(ctx, ot)) {
    const obj = () => transformExpr(ctx, objNode);
    switch (name) {
      case "set":
        return [
          py.assign(py.sub(obj(), transformExpr(ctx, args[0]!)), transformExpr(ctx, args[1]!), pos),
        ];
      case "delete":
        return [py.exprStmt(py.method(obj(), "pop", transformExpr(ctx, args[0]!), py.NONE), pos)];
      case "forEach": {
        const o = obj();
        // a callback that changes the map reads it live (see liveIterable)
        const live = args[0] && mutatesCollection(ctx, objNode, args[0]);
        const iter = (n: number): py.Expr =>
          live
            ? ctx.callHelper("_js_live", o, py.num(n >= 2 ? 1 : 2))
            : n >= 2
              ? py.method(o, "items")
              : py.method(o, "values");
        return forEachLoop(ctx, node, (n) => ({ iter: iter(n), order: "vk" }), o);
      }
    }
    return undefined;
  }
  if (T.isSet(ctx, ot)) {
    const obj = () => transformExpr(ctx, objNode);
    switch (name) {
      case "add":
        return [py.assign(py.sub(obj(), transformExpr(ctx, args[0]!)), py.NONE, pos)];
      case "delete":
        return [py.exprStmt(py.method(obj(), "pop", transformExpr(ctx, args[0]!), py.NONE), pos)];
      case "forEach": {
        const o = obj();
        const values =
          args[0] && mutatesCollection(ctx, objNode, args[0]) ? ctx.callHelper("_js_live", o) : o;
        // Set.forEach passes each value as the key too
        const pairs = (): py.Expr => {
          const v = py.name(ctx.fresh("_v"));
          return {
            kind: "Comp",
            type: "gen",
            elt: py.tuple([v, v]),
            fors: [{ target: v, iter: values, conds: [] }],
          };
        };
        return forEachLoop(ctx, node, (n) => ({ iter: n >= 2 ? pairs() : values, order: "v" }), o);
      }
    }
  }
  return undefined;
}
