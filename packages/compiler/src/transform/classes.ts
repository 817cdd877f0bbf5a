/** Classes: fields, parameter properties, methods, accessors (@property), static members. */
import { diag } from "@bpyts/diagnostics";
import ts from "../ts.cjs";
import * as py from "../python/ast.js";
import type { Ctx } from "./context.js";
import { transformExpr } from "./expressions/index.js";
import { memberName, staticPropertyName } from "./expressions/access.js";
import { buildDef } from "./functions.js";
import { transformStatements } from "./statements/index.js";
import { usesThis } from "../analysis/effects.js";

function hasMod(n: ts.Node, k: ts.SyntaxKind): boolean {
  return !!(ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === k));
}

function propName(ctx: Ctx, n: ts.PropertyName): string {
  // names known statically, literal computed names included (`["a b"]`, `[1]`)
  const known = staticPropertyName(n);
  if (known !== undefined) return memberName(known, ts.isPrivateIdentifier(n));
  // *[Symbol.iterator]() { yield … } makes instances iterable: Python's __iter__
  if (ts.isComputedPropertyName(n) && n.expression.getText() === "Symbol.iterator") {
    const m = n.parent;
    if (ts.isMethodDeclaration(m) && m.asteriskToken) return "__iter__";
    ctx.report(
      n,
      diag.unsupportedSyntax({ construct: "a [Symbol.iterator] method that is not a generator" }),
    );
    return "__iter__";
  }
  ctx.report(n, diag.unsupportedSyntax({ construct: "computed class member names" }));
  return "_computed";
}

function isSuperCall(s: ts.Statement): boolean {
  return (
    ts.isExpressionStatement(s) &&
    ts.isCallExpression(s.expression) &&
    s.expression.expression.kind === ts.SyntaxKind.SuperKeyword
  );
}

function isConstInit(e: ts.Expression): boolean {
  return (
    ts.isNumericLiteral(e) ||
    ts.isStringLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    e.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand))
  );
}

/**
 * Decorators change what a class or member is at run time; dropping them would change meaning,
 * so each one is BPY1040 at its `@` (the class's, its members', their parameters').
 */
function reportDecorators(ctx: Ctx, node: ts.ClassDeclaration): void {
  const at = (n: ts.Node) => {
    for (const d of (ts.canHaveDecorators(n) && ts.getDecorators(n)) || [])
      ctx.report(d, diag.decorator());
  };
  at(node);
  for (const m of node.members) {
    at(m);
    if (ts.isFunctionLike(m)) m.parameters.forEach(at);
  }
}

/** The method a constructor that returns a value becomes (a name no TS member maps to). */
const CTOR = "__js_init__";

/** A `return <value>` of the constructor itself (not of a function inside it). */
function returnsValue(body: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isReturnStatement(n)) return !!n.expression;
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return false;
    return !!ts.forEachChild(n, visit);
  };
  return !!ts.forEachChild(body, visit);
}

/**
 * `__new__` runs the constructor (CTOR) on a new instance and gives what it returned, else the
 * instance; `__init__` does nothing, since Python calls it again on a returned instance of the
 * class (`if (C.instance) return C.instance;`).
 */
function constructorReturning(pos: py.SrcPos | undefined): py.Stmt[] {
  const star = (n: string): py.Arg => ({ kind: "star", value: py.name(n) });
  const newDef: py.DefStmt = {
    kind: "Def",
    name: "__new__",
    params: [{ name: "cls" }, { name: "args", star: "*" }],
    body: [
      py.assign(py.name("self"), py.method(py.call("super"), "__new__", py.name("cls"))),
      py.assign(py.name("result"), py.callArgs(py.attr(py.name("self"), CTOR), [star("args")])),
      // a primitive (None included) is ignored, as in JavaScript
      py.ret(
        py.ifExp(
          py.boolOp(
            "or",
            py.compare(py.name("result"), "is", py.NONE),
            py.call(
              "isinstance",
              py.name("result"),
              py.tuple(["bool", "int", "float", "str"].map((n) => py.name(n))),
            ),
          ),
          py.name("self"),
          py.name("result"),
        ),
      ),
    ],
    decorators: [],
    pos,
  };
  const initDef: py.DefStmt = {
    kind: "Def",
    name: "__init__",
    params: [{ name: "self" }, { name: "args", star: "*" }],
    body: [py.pass()],
    decorators: [],
    pos,
  };
  return [newDef, initDef];
}

export function transformClass(ctx: Ctx, node: ts.ClassDeclaration): py.Stmt[] {
  if (hasMod(node, ts.SyntaxKind.DeclareKeyword)) return [];
  reportDecorators(ctx, node);
  const pos = ctx.pos(node);
  const name = node.name ? ctx.declare(node.name) : ctx.declareDefaultExport(node);
  // a class a layer owns (Blender: bpy.types subclasses) gets its fields and methods translated
  const layered = ctx.layers.visit(ts.SyntaxKind.ClassDeclaration, ctx, node);
  const ext = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const baseDecl = ext && ctx.checker.getSymbolAtLocation(ext.expression)?.valueDeclaration;
  if (baseDecl && ts.isClassDeclaration(baseDecl)) {
    const baseCtor = baseDecl.members.find(
      (m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body,
    );
    if (baseCtor && returnsValue(baseCtor.body!))
      ctx.report(
        ext,
        diag.unsupportedSyntax({
          construct: "extending a class whose constructor returns a value",
        }),
      );
  }
  const bases = ext ? [transformExpr(ctx, ext.expression)] : [];
  const body: py.Stmt[] = [];
  const after: py.Stmt[] = [];
  const savedClass = ctx.currentClass;
  ctx.currentClass = { name, node, base: bases[0] };
  try {
    let fields = node.members.filter(
      (m): m is ts.PropertyDeclaration =>
        ts.isPropertyDeclaration(m) &&
        !hasMod(m, ts.SyntaxKind.StaticKeyword) &&
        !hasMod(m, ts.SyntaxKind.DeclareKeyword) &&
        !hasMod(m, ts.SyntaxKind.AbstractKeyword),
    );
    const ctor = node.members.find(
      (m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body,
    );
    if (layered) {
      const own = layered.fields(fields, name);
      body.push(...own.stmts);
      fields = own.rest;
    }
    const paramProps = ctor
      ? ctor.parameters.filter((p) => ts.isParameterPropertyDeclaration(p, ctor))
      : [];

    // static fields
    for (const m of node.members) {
      if (ts.isPropertyDeclaration(m) && hasMod(m, ts.SyntaxKind.StaticKeyword)) {
        const n = propName(ctx, m.name);
        if (m.initializer && isConstInit(m.initializer))
          body.push(py.assign(py.name(n), transformExpr(ctx, m.initializer), ctx.pos(m)));
        else {
          const [v, pre] = ctx.collect(() =>
            m.initializer ? transformExpr(ctx, m.initializer) : py.NONE,
          );
          after.push(...pre, py.assign(py.attr(py.name(name), n), v, ctx.pos(m)));
        }
      } else if (ts.isClassStaticBlockDeclaration(m)) {
        ctx.report(m, diag.unsupportedSyntax({ construct: "static blocks" }));
      }
    }

    const fieldInits = (c: Ctx): py.Stmt[] => {
      const out: py.Stmt[] = [];
      for (const f of fields) {
        const [v, pre] = c.collect(() =>
          f.initializer ? transformExpr(c, f.initializer) : py.NONE,
        );
        out.push(...pre, py.assign(py.attr(py.name("self"), propName(c, f.name)), v, c.pos(f)));
      }
      for (const p of paramProps) {
        const local =
          c.symbolNames.get(c.checker.getSymbolAtLocation(p.name)!) ??
          (p.name as ts.Identifier).text;
        out.push(
          py.assign(
            py.attr(py.name("self"), memberName((p.name as ts.Identifier).text)),
            py.name(local),
            c.pos(p),
          ),
        );
      }
      return out;
    };

    if (ctor) {
      // `return obj` in a constructor makes `new C()` give obj (a primitive TypeScript refuses):
      // Python's __init__ cannot, so __new__ runs the constructor and returns what it returned
      const returns = returnsValue(ctor.body!);
      if (returns) body.push(...constructorReturning(pos));
      const def = buildDef(ctx, ctor, returns ? CTOR : "__init__", {
        self: true,
        thisName: "self",
        body: (c) => {
          const stmts = ctor.body!.statements;
          const superIdx = ext ? stmts.findIndex(isSuperCall) : -1;
          const before = transformStatements(c, stmts.slice(0, superIdx + 1));
          const inits = fieldInits(c);
          const rest = transformStatements(c, stmts.slice(superIdx + 1));
          return [...before, ...inits, ...rest];
        },
      });
      body.push(def);
    } else if (fields.length) {
      const def = ctx.withScope(
        "function",
        undefined,
        (): py.DefStmt => {
          const stmts: py.Stmt[] = [];
          const params: py.Param[] = [{ name: "self" }];
          if (ext) {
            // not a name the field initialisers read
            const args = ctx.fresh("args");
            params.push({ name: args, star: "*" });
            stmts.push(
              py.exprStmt(
                py.callArgs(py.attr(py.call("super"), "__init__"), [
                  { kind: "star", value: py.name(args) },
                ]),
              ),
            );
          }
          stmts.push(...fieldInits(ctx));
          return { kind: "Def", name: "__init__", params, body: stmts, decorators: [], pos };
        },
        (s) => {
          s.thisName = "self";
          s.used.add("self");
          for (const f of fields) ctx.reserveFreeNames(f, s);
        },
      );
      body.push(def);
    }

    // methods and accessors
    const accessorsDone = new Set<string>();
    for (const m of node.members) {
      const isStatic = hasMod(m, ts.SyntaxKind.StaticKeyword);
      if (ts.isMethodDeclaration(m)) {
        if (!m.body) {
          // an optional method without implementation is undefined
          if (m.questionToken)
            body.push(py.assign(py.name(propName(ctx, m.name)), py.NONE, ctx.pos(m)));
          continue;
        }
        const n = propName(ctx, m.name);
        if (layered) {
          body.push(layered.method(m, n, isStatic));
          continue;
        }
        // a static method using `this`/`super` sees the class it is called on (B.f() on a
        // subclass B): a class method
        if (isStatic && usesThis(m.body, true)) {
          body.push(
            buildDef(ctx, m, n, {
              self: true,
              selfName: "cls",
              thisName: "cls",
              decorators: [py.name("classmethod")],
            }),
          );
          continue;
        }
        body.push(
          buildDef(ctx, m, n, {
            self: !isStatic,
            thisName: isStatic ? name : "self",
            decorators: isStatic ? [py.name("staticmethod")] : [],
          }),
        );
      } else if (ts.isGetAccessor(m) || ts.isSetAccessor(m)) {
        const n = propName(ctx, m.name);
        if (accessorsDone.has(n)) continue;
        accessorsDone.add(n);
        if (isStatic) {
          ctx.report(m, diag.unsupportedSyntax({ construct: "static accessors" }));
          continue;
        }
        const getter = node.members.find(
          (x): x is ts.GetAccessorDeclaration => ts.isGetAccessor(x) && propName(ctx, x.name) === n,
        );
        const setter = node.members.find(
          (x): x is ts.SetAccessorDeclaration => ts.isSetAccessor(x) && propName(ctx, x.name) === n,
        );
        if (getter)
          body.push(
            buildDef(ctx, getter, n, {
              self: true,
              thisName: "self",
              decorators: [py.name("property")],
            }),
          );
        if (setter) {
          if (!getter) {
            ctx.report(setter, diag.unsupportedSyntax({ construct: "a setter without a getter" }));
            continue;
          }
          body.push(
            buildDef(ctx, setter, n, {
              self: true,
              thisName: "self",
              decorators: [py.attr(py.name(n), "setter")],
            }),
          );
        }
      }
    }
  } finally {
    ctx.currentClass = savedClass;
  }
  return [{ kind: "Class", name, bases, body, decorators: [], pos }, ...after];
}
