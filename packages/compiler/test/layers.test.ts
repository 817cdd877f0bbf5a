// The visitor registry (src/transform/layers.ts): layers answer in order, the Blender layer is a
// plugin the core does not import, and a layer given to a compile is what translates its idioms.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as py from "../src/python/ast.js";
import { printModule } from "../src/python/printer.js";
import { defaultCompilerOptions, globalsDeclarationFile } from "../src/index.js";
import { Layers, type Layer } from "../src/transform/layers.js";
import { transformProgram } from "../src/transform/program.js";
import { defaultLayers } from "../src/transform/plugins/index.js";
import type { Ctx } from "../src/transform/context.js";
import { pythonCompileErrors } from "./py-compile-setup.js";

const K = ts.SyntaxKind;
const SRC = path.join(import.meta.dirname, "../src");
const repo = path.join(import.meta.dirname, "../../..");
const typings = [
  path.join(repo, "packages/blender-3.4/index.d.ts"),
  path.join(repo, "packages/runner/runtime/bpyts-runtime.d.ts"),
];

/** Compile `source` with the given layers (a program built as compileSource builds it). */
function compileWith(source: string, layers: readonly Layer[], withTypings = false): string {
  const file = path.join(import.meta.dirname, "layers-input.ts");
  const options = { ...defaultCompilerOptions, noEmit: true };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) =>
    path.resolve(f) === file ? ts.createSourceFile(f, source, lang, true) : read(f, lang, ...rest);
  const roots = [file, globalsDeclarationFile, ...(withTypings ? typings : [])];
  const program = ts.createProgram(roots, options, host);
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === 1);
  expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  const { module, ctx } = transformProgram(program, program.getSourceFile(file)!, layers);
  expect(ctx.diagnostics).toEqual([]);
  const fallback = { file, line: 0, column: 0 };
  const code = printModule(module, { file: "out.py", fallback, sources: new Map() }).code;
  expect(pythonCompileErrors([code])).toEqual([]);
  return code;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith(".ts") ? [p] : [];
  });
}

describe("visitor registry", () => {
  it("asks the layers in order: the first answer wins, undefined falls through", () => {
    const seen: string[] = [];
    const layer = (name: string, answer?: string): Layer => ({
      name,
      visitors: {
        [K.CallExpression]: () => {
          seen.push(name);
          return answer === undefined ? undefined : py.name(answer);
        },
      },
      hooks: {
        callArgs: (_ctx, _node, args) => [...args, { kind: "pos", value: py.name(name) }],
        importRank: (m) => (m === name ? 1 : undefined),
      },
    });
    const ctx = {} as Ctx;
    const call = {} as ts.CallExpression;
    const layers = new Layers([layer("a"), layer("b", "B"), layer("c", "C")]);
    expect(layers.visit(K.CallExpression, ctx, call)).toEqual(py.name("B"));
    expect(seen).toEqual(["a", "b"]);
    expect(new Layers([layer("a")]).visit(K.CallExpression, ctx, call)).toBeUndefined();
    expect(new Layers([]).visit(K.NewExpression, ctx, {} as ts.NewExpression)).toBeUndefined();
    // hooks that adjust a value run in layer order, each on the previous one's result
    const args = layers.callArgs(ctx, call, []).map((a) => (a as { value: py.NameExpr }).value.id);
    expect(args).toEqual(["a", "b", "c"]);
    expect(layers.importRank("b")).toBe(1);
    expect(layers.importRank("other")).toBe(2);
  });

  it("the Blender idioms come from the Blender layer: without it, the core's translation", () => {
    const src = [
      'import * as bpy from "bpy";',
      "class Op extends bpy.types.Operator {",
      '  bl_idname = "object.op";',
      '  bl_label = "Op";',
      "  execute(context: bpy.types.Context) {",
      '    return new Set(["FINISHED"]);',
      "  }",
      "}",
      "",
    ].join("\n");
    const withBlender = compileWith(src, defaultLayers, true);
    expect(withBlender).toContain('return {"FINISHED"}');
    expect(withBlender).toMatch(/def register\(\):/);
    expect(withBlender.indexOf("import bpy")).toBeLessThan(withBlender.indexOf("def register"));
    const core = compileWith(src, [], true);
    expect(core).not.toContain('{"FINISHED"}');
    expect(core).not.toMatch(/def register\(\):/);
  });

  it("markers are the typings' symbols, not names: a user's own `KwArgs` type is no marker", () => {
    const src = [
      'import * as bpy from "bpy";',
      "type KwArgs<T> = T; // the script's own type, not the typings' marker",
      "function area(o: KwArgs<{ w: number; h: number }>): number {",
      "  return o.w * o.h;",
      "}",
      "console.log(area({ w: 2, h: 3 }));",
      "bpy.ops.mesh.primitive_cube_add({ size: 2 });",
      "",
    ].join("\n");
    const out = compileWith(src, defaultLayers, true);
    // the script's function takes one dict (keyword arguments would not match `def area(o)`)
    expect(out).toContain('area({"w": 2, "h": 3})');
    // the typings' KwArgs (imported into bpy.ops from "bpy") is the marker
    expect(out).toContain("bpy.ops.mesh.primitive_cube_add(size=2)");
  });

  it("a layer registered for a syntax kind translates it (an idiom in one folder)", () => {
    const shout: Layer = {
      name: "shout",
      visitors: {
        [K.CallExpression]: (ctx, node) =>
          ts.isIdentifier(node.expression) && node.expression.text === "shout"
            ? py.call("print", py.str(node.arguments[0]!.getText().toUpperCase()))
            : undefined,
      },
      hooks: {},
    };
    const src = "declare function shout(s: string): void;\nshout('hi');\nconsole.log('x');\n";
    expect(compileWith(src, [shout])).toBe('print("\'HI\'")\nprint("x")\n');
    expect(compileWith(src, [])).toBe('shout("hi")\nprint("x")\n');
  });

  it("no core visitor imports a layer (the layers reach the core through ctx.layers)", () => {
    const offenders: string[] = [];
    for (const f of [
      ...sources(path.join(SRC, "transform")),
      ...sources(path.join(SRC, "analysis")),
    ]) {
      const rel = path.relative(SRC, f);
      if (rel.startsWith(path.join("transform", "plugins"))) continue;
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/from "([^"]+)"/g)) {
        const target = path.relative(SRC, path.resolve(path.dirname(f), m[1]!));
        // the composition root names the layers of a compile
        if (rel === path.join("transform", "program.ts") && m[1] === "./plugins/index.js") continue;
        if (target.startsWith(path.join("transform", "plugins"))) offenders.push(`${rel}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
