/**
 * The visitor registry. The core visitors (expressions/, statements/, classes.ts, functions.ts)
 * translate JavaScript; a layer (the Blender layer: plugins/blender/) registers visitors keyed by
 * syntax kind, and hooks at the few points where a translation is a value the core has already
 * built (a call's arguments, a value handed over). Layers are ordered: a core visitor asks the
 * layers first, in order, and the first answer replaces its own translation. The core imports no
 * layer; `transformProgram` is given the layers of a compile (`defaultLayers`).
 */
import ts from "../ts.cjs";
import type * as py from "../python/ast.js";
import type { Ctx } from "./context.js";
import type { PyImports } from "./statements/imports.js";

const K = ts.SyntaxKind;

/** How a layer translates a class it owns (Blender: bpy.types subclasses, registered). */
export interface ClassVisitor {
  /** the instance fields: statements for the class body, and the fields left to the core */
  fields(
    fields: ts.PropertyDeclaration[],
    name: string,
  ): {
    stmts: py.Stmt[];
    rest: ts.PropertyDeclaration[];
  };
  /** a method with a body (`name` its Python name) */
  method(m: ts.MethodDeclaration, name: string, isStatic: boolean): py.Stmt;
}

/**
 * Visitors by syntax kind. Each answers a translation or undefined (not the layer's: the next
 * layer, then the core). Kinds whose core visitor has already translated part of the node get
 * that part (the object of a property read).
 */
export interface KindVisitors {
  [K.CallExpression]?: (ctx: Ctx, node: ts.CallExpression) => py.Expr | undefined;
  [K.NewExpression]?: (ctx: Ctx, node: ts.NewExpression) => py.Expr | undefined;
  [K.ArrayLiteralExpression]?: (ctx: Ctx, node: ts.ArrayLiteralExpression) => py.Expr | undefined;
  /** a property read, its object translated (`obj`) and of type `objType` */
  [K.PropertyAccessExpression]?: (
    ctx: Ctx,
    node: ts.PropertyAccessExpression,
    obj: py.Expr,
    objType: ts.Type,
  ) => py.Expr | undefined;
  /** an element read, its object translated (`obj`) and of type `objType` */
  [K.ElementAccessExpression]?: (
    ctx: Ctx,
    node: ts.ElementAccessExpression,
    obj: py.Expr,
    objType: ts.Type,
  ) => py.Expr | undefined;
  /** a call whose value is discarded (`v.iadd(w);` → `v += w`) */
  [K.ExpressionStatement]?: (ctx: Ctx, call: ts.CallExpression) => py.Stmt[] | undefined;
  /**
   * `block[at]` with the rest of its block (`using x = cm()` → `with cm() as x:` around the
   * rest); `rest` translates statements the core's way
   */
  [K.VariableStatement]?: (
    ctx: Ctx,
    block: readonly ts.Statement[],
    at: number,
    rest: (stmts: readonly ts.Statement[]) => py.Stmt[],
  ) => py.Stmt[] | undefined;
  [K.ClassDeclaration]?: (ctx: Ctx, node: ts.ClassDeclaration) => ClassVisitor | undefined;
}

/** Hooks at points of the core where a layer adjusts what the core built. */
export interface LayerHooks {
  /** before anything else of a compile (`entry` the entry file) */
  prepare?(ctx: Ctx, entry: ts.SourceFile): void;
  /** after the files are translated: add to the module body and its imports */
  finish?(ctx: Ctx, entry: ts.SourceFile, body: py.Stmt[], imports: PyImports): void;
  /**
   * Where a module's import goes in the header: rank 0 first of all, rank 1 with it before the
   * other modules (within `import` and `from` lines alike); undefined: with the others.
   */
  importRank?(module: string): number | undefined;
  /** a property assignment target, `objType` the object's type */
  assignTarget?(ctx: Ctx, node: ts.PropertyAccessExpression, objType: ts.Type): py.Expr | undefined;
  /** an argument for parameter `param` (not a spread): its Python arguments (`KwArgs` options) */
  argument?(ctx: Ctx, arg: ts.Expression, param: ts.ParameterDeclaration): py.Arg[] | undefined;
  /** the arguments of a call the core translated */
  callArgs?(ctx: Ctx, node: ts.CallExpression, args: py.Arg[]): py.Arg[];
  /** a value handed over (returned, assigned, a callback's result): `value` its translation */
  valueOut?(ctx: Ctx, node: ts.Expression, value: py.Expr): py.Expr;
  /** how many positional parameters a function expression must declare (a callback's arity) */
  callbackArity?(
    ctx: Ctx,
    node: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration,
  ): number | undefined;
  /** values of this type are Python objects (attributes, not dict keys) */
  isObjectType?(ctx: Ctx, t: ts.Type): boolean;
  /** the Python name an imported symbol has (`@pyName`) */
  importedName?(ctx: Ctx, target: ts.Symbol | undefined): string | undefined;
}

export interface Layer {
  name: string;
  visitors: KindVisitors;
  hooks: LayerHooks;
}

type Visitor<Kind extends keyof KindVisitors> = NonNullable<KindVisitors[Kind]>;

/** The ordered layers of a compile, with each visitor and hook listed once per kind. */
export class Layers {
  private readonly byKind = new Map<ts.SyntaxKind, unknown[]>();

  constructor(readonly layers: readonly Layer[]) {
    for (const l of layers)
      for (const [kind, v] of Object.entries(l.visitors) as [string, unknown][]) {
        if (!v) continue;
        const k = Number(kind) as ts.SyntaxKind;
        let list = this.byKind.get(k);
        if (!list) this.byKind.set(k, (list = []));
        list.push(v);
      }
  }

  /** The visitors registered for `kind`, in layer order. */
  visitors<Kind extends keyof KindVisitors>(kind: Kind): readonly Visitor<Kind>[] {
    return (this.byKind.get(kind) ?? []) as Visitor<Kind>[];
  }

  /** The first answer of the visitors for `kind` (undefined: the core translates). */
  visit<Kind extends keyof KindVisitors>(
    kind: Kind,
    ...args: Parameters<Visitor<Kind>>
  ): ReturnType<Visitor<Kind>> | undefined {
    for (const v of this.visitors(kind)) {
      const r = (v as (...a: unknown[]) => ReturnType<Visitor<Kind>>)(...args);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  prepare(ctx: Ctx, entry: ts.SourceFile): void {
    for (const l of this.layers) l.hooks.prepare?.(ctx, entry);
  }
  finish(ctx: Ctx, entry: ts.SourceFile, body: py.Stmt[], imports: PyImports): void {
    for (const l of this.layers) l.hooks.finish?.(ctx, entry, body, imports);
  }
  importRank(module: string): number {
    let rank = 2;
    for (const l of this.layers) rank = Math.min(rank, l.hooks.importRank?.(module) ?? 2);
    return rank;
  }
  assignTarget(ctx: Ctx, node: ts.PropertyAccessExpression, objType: ts.Type): py.Expr | undefined {
    for (const l of this.layers) {
      const r = l.hooks.assignTarget?.(ctx, node, objType);
      if (r) return r;
    }
    return undefined;
  }
  argument(ctx: Ctx, arg: ts.Expression, param: ts.ParameterDeclaration): py.Arg[] | undefined {
    for (const l of this.layers) {
      const r = l.hooks.argument?.(ctx, arg, param);
      if (r) return r;
    }
    return undefined;
  }
  callArgs(ctx: Ctx, node: ts.CallExpression, args: py.Arg[]): py.Arg[] {
    for (const l of this.layers) if (l.hooks.callArgs) args = l.hooks.callArgs(ctx, node, args);
    return args;
  }
  valueOut(ctx: Ctx, node: ts.Expression, value: py.Expr): py.Expr {
    for (const l of this.layers) if (l.hooks.valueOut) value = l.hooks.valueOut(ctx, node, value);
    return value;
  }
  callbackArity(
    ctx: Ctx,
    node: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration,
  ): number | undefined {
    for (const l of this.layers) {
      const r = l.hooks.callbackArity?.(ctx, node);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  isObjectType(ctx: Ctx, t: ts.Type): boolean {
    return this.layers.some((l) => l.hooks.isObjectType?.(ctx, t));
  }
  importedName(ctx: Ctx, target: ts.Symbol | undefined): string | undefined {
    for (const l of this.layers) {
      const r = l.hooks.importedName?.(ctx, target);
      if (r !== undefined) return r;
    }
    return undefined;
  }
}
