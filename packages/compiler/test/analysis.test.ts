// Every fact and cache of a compile lives on its context (`ctx.analysis`, `ctx.state(KEY)`): no
// module of the compiler keeps state between compiles, so one compile cannot change what another
// emits (watch, API use) and no answer depends on which compile asked first.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compileSource } from "../src/index.js";

const SRC = path.join(import.meta.dirname, "../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.[cm]?ts$/.test(f) && !f.endsWith(".d.ts") ? [p] : [];
  });
}

/** Module-level declarations that hold mutable state: `let`/`var`, an empty Map/Set/WeakMap. */
function moduleState(file: string, text = readFileSync(file, "utf8")): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const list = st.declarationList;
    const where = (d: ts.Node): string =>
      `${path.relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(d.getStart()).line + 1}`;
    for (const d of list.declarations) {
      if (!(list.flags & ts.NodeFlags.Const)) out.push(`${where(d)} ${d.name.getText()} (let/var)`);
      else if (
        d.initializer &&
        ts.isNewExpression(d.initializer) &&
        /^(Weak)?(Map|Set)$/.test(d.initializer.expression.getText()) &&
        !d.initializer.arguments?.length
      )
        out.push(`${where(d)} ${d.name.getText()} (empty ${d.initializer.expression.getText()})`);
    }
  }
  return out;
}

describe("the analysis is per compile", () => {
  it("no compiler module keeps state at module level (caches live on the context)", () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(40);
    // host.ts is process-wide plumbing on purpose, holding no fact of a compile: declaration
    // files parsed once per process (keyed by path and mtime), the ts.sys recorder's listener
    const allowed = /^host\.ts:\d+ /;
    expect(files.flatMap((f) => moduleState(f)).filter((e) => !allowed.test(e))).toEqual([]);
  });

  it("the guard above finds module-level state", () => {
    const text = [
      "let hits = 0;",
      "const cache = new WeakMap<object, number>();",
      "const TABLE = new Set([1, 2]);",
      "const seen = new Set();",
    ].join("\n");
    expect(moduleState(path.join(SRC, "probe.ts"), text)).toEqual([
      "probe.ts:1 hits (let/var)",
      "probe.ts:2 cache (empty WeakMap)",
      "probe.ts:4 seen (empty Set)",
    ]);
  });

  it("compiling another program in between does not change the output", () => {
    const a = `function f(n: number): number { return n % 3; }\nconsole.log(f(4), f(7));\n`;
    const b = `function f(n: number): number { return n % 3; }\nconsole.log(f(-4.5));\n`;
    const first = compileSource(a).python;
    compileSource(b);
    expect(compileSource(a).python).toBe(first);
    // and the per-program facts differ: integer arguments prove n ≥ 0, a float does not
    expect(first).toMatch(/return n % 3/);
    expect(compileSource(b).python).not.toMatch(/return n % 3\n/);
  });
});
