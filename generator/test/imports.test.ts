// Every import a generated `declare module` block makes is used in that block: a type the
// generator could not map (`unknown`) or an option it spells without the class leaves none
// behind.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { VERSIONS, pkgDir } from "./helpers.js";

function unusedImports(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isModuleDeclaration(st) || !st.body || !ts.isModuleBlock(st.body)) continue;
    const imported = new Map<string, ts.Node>();
    const used = new Set<string>();
    for (const s of st.body.statements) {
      if (ts.isImportDeclaration(s)) {
        const b = s.importClause?.namedBindings;
        if (b && ts.isNamespaceImport(b)) imported.set(b.name.text, b);
        else if (b && ts.isNamedImports(b))
          for (const e of b.elements) imported.set(e.name.text, e);
        continue;
      }
      const visit = (n: ts.Node): void => {
        if (ts.isIdentifier(n)) used.add(n.text);
        n.forEachChild(visit);
      };
      visit(s);
    }
    for (const name of imported.keys())
      if (!used.has(name)) out.push(`${(st.name as ts.StringLiteral).text}: ${name}`);
  }
  return out;
}

describe.each(VERSIONS)("blender-%s", (v) => {
  it("imports nothing it does not use", () => {
    const dir = pkgDir(v);
    const unused = readdirSync(dir)
      .filter((f) => f.endsWith(".d.ts"))
      .flatMap((f) => unusedImports(join(dir, f)).map((u) => `${f} ${u}`));
    expect(unused).toEqual([]);
  });
});
