import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { drift } from "../scripts/docs-lib.js";
import { byCode, codes, diag, docAnchor, make, placeholders, renderTable } from "../src/index.js";

const root = path.resolve(import.meta.dirname, "../../..");
const all = [...byCode.values()];

/** The block of codes each phase owns (BPY0403/0405 are the farm's, reported by the CLI too). */
const blockOf: Record<string, RegExp> = {
  cli: /^BPY00\d\d$/,
  runner: /^BPY01\d\d$/,
  farm: /^BPY04\d\d$/,
  debug: /^BPY05\d\d$/,
  // BPY1999 (internal error) sits at the end of the compiler's block, after the project codes
  compiler: /^BPY1(?:[0-8]\d\d|999)$/,
  project: /^BPY19(?!99)\d\d$/,
  blender: /^BPY2\d\d\d$/,
};

describe("the code table", () => {
  it("lists every code once, in its phase's block", () => {
    const seen = new Map<string, string>();
    for (const [key, def] of Object.entries(codes)) {
      expect(seen.get(def.code), `${def.code} is both ${seen.get(def.code)} and ${key}`).toBe(
        undefined,
      );
      seen.set(def.code, key);
      expect(def.code, key).toMatch(blockOf[def.phase]!);
      expect(def.when.trim(), key).not.toBe("");
    }
    expect(byCode.size).toBe(Object.keys(codes).length);
  });

  it("a retired code names a live code of the same meaning, and only there", () => {
    const retired = all.filter((d) => d.retiredFor);
    expect(retired.map((d) => [d.code, d.retiredFor])).toEqual([["BPY0108", "BPY0006"]]);
    for (const d of retired) expect(byCode.get(d.retiredFor!)?.retiredFor).toBeUndefined();
  });

  it("compiler codes carry a suggestion; templates use identifier placeholders only", () => {
    for (const d of all) {
      if (["compiler", "project", "blender"].includes(d.phase))
        expect(d.suggestion, d.code).toBeTruthy();
      // positional placeholders are gone: a leftover `{0}` would print as it is
      for (const t of [d.message, d.suggestion ?? ""]) expect(t, d.code).not.toMatch(/\{\d+\}/);
    }
  });

  it("factories fill named parameters (numbers as JS prints them) and keep literal braces", () => {
    expect(diag.anyType({ operation: "'+'", type: "any" })).toEqual({
      code: "BPY1006",
      category: "error",
      message: "the translation of '+' depends on the operand types, but the type is 'any'",
      suggestion: "give the value a precise type (number, string, …) or narrow it first",
    });
    expect(diag.pythonLimit({ what: "nested brackets", found: 210, limit: 200 }).message).toBe(
      "the Python for this code has 210 nested brackets: Python allows at most 200",
    );
    expect(diag.optionalOperatorMacro({ method: "add" }).suggestion).toBe(
      "check for null first: if (a) { … a.add(b) … }",
    );
    expect(diag.mapJson({ operation: "JSON.stringify", where: "" }).message).toBe(
      "JSON.stringify of a Map or Set is not supported (JavaScript writes {})",
    );
    expect(diag.jsonUndefined({ key: "b" }).category).toBe("warning");
    expect(() => make("anyType", { operation: "'+'" })).toThrow(/anyType: no value for \{type\}/);
    expect(placeholders("a {x} b {y} {x} {} { … }")).toEqual(["x", "y"]);
    expect(docAnchor("BPY0404")).toBe("docs/farm.md#bpy0404");
  });

  it("a missing, misspelled or extra parameter is a TypeScript error", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bpyts-diag-types-"));
    try {
      const file = path.join(dir, "use.ts");
      const index = path.join(import.meta.dirname, "../src/index.ts");
      await writeFile(
        file,
        [
          `import { diag } from ${JSON.stringify(index.replace(/\.ts$/, ".js"))};`,
          `diag.anyType({ operation: "+", type: "any" });`, // fine
          `diag.tooDeep({ what: "x", depth: 3, limit: 200 });`, // fine: numbers
          `diag.bigint();`, // fine: no parameters
          `diag.anyType({ operation: "+" });`, // 5: missing
          `diag.anyType({ operation: "+", typ: "any" });`, // 6: misspelled
          `diag.bigint({ x: 1 });`, // 7: extra
          `diag.nope();`, // 8: no such code
          `diag.callbackArity({ name: "f", count: 1 });`, // 9: one from the message only
        ].join("\n"),
      );
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        allowImportingTsExtensions: false,
        types: [],
        skipLibCheck: true,
      });
      const lines = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName === file)
        .map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1);
      expect([...new Set(lines)].sort()).toEqual([5, 6, 7, 8, 9]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("generated documentation", () => {
  it("the code tables in the docs match the table (npm run docs:diagnostics)", async () => {
    const stale = await drift(root);
    expect([...stale.keys()].map((f) => path.relative(root, f))).toEqual([]);
  });

  it("every code has a row, with its anchor, in its phase's document", () => {
    for (const phase of Object.keys(blockOf) as (keyof typeof blockOf)[]) {
      const table = renderTable([phase as never]);
      for (const d of all.filter((x) => x.phase === phase))
        expect(table).toContain(`<a id="${d.code.toLowerCase()}"></a>${d.code} |`);
    }
  });
});

/**
 * One test per code: every code appears in a test that produces it. The compiler's tests check
 * this exactly (a case list per block compared with the table); here, across packages, a code
 * must be named by a test file. Codes no test can produce on this machine are listed with why,
 * and the list is kept true: a listed code that gains a test must leave it.
 */
const untested: Record<string, string> = {
  BPY0006:
    "needs an install where @bpyts/compiler cannot be imported (the packaging test installs it)",
  BPY0009: "needs a Blender whose introspection fails",
  BPY0108: "retired (reported as BPY0006)",
  BPY0408: "needs a farm job writing over 16 MiB through Redis (a slow test for one limit)",
  BPY0409: "needs a tampered artifact name from a worker (the worker only sends base names)",
};

/** Codes no test produces that tests name anyway (to exclude them, or to assert they never occur). */
const neverProduced: Record<string, string> = {
  BPY1000:
    "unreachable through the API: TypeScript reports a missing entry first (TS6053); a guard (the compiler's case list excludes it)",
  BPY1999:
    "the internal compiler error: tests assert it does not happen (builtin-fuzz, reliability)",
};

describe("one test per code", () => {
  it("every code is named by a test file, except the listed ones", () => {
    const testDirs = ["packages", "test", "generator/test", "introspect/test"];
    const named = (code: string) => {
      try {
        const out = execFileSync(
          "grep",
          ["-rlw", "--include=*.test.ts", "--exclude-dir=node_modules", code, ...testDirs],
          { cwd: root, encoding: "utf8" },
        );
        // this file names codes without producing them
        return out.split("\n").filter((f) => f && !f.endsWith("diagnostics/test/codes.test.ts"));
      } catch {
        return [];
      }
    };
    const missing = all.filter(
      (d) => !untested[d.code] && !neverProduced[d.code] && named(d.code).length === 0,
    );
    expect(missing.map((d) => d.code)).toEqual([]);
    const stale = Object.keys(untested).filter((c) => named(c).length > 0);
    expect(stale, "listed as untested but a test names it").toEqual([]);
  });
});
