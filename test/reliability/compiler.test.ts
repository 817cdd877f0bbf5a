// Issue 21, compiler and generator part: the probe's repros, kept as regression tests.
// - string-named members (enum, fields, methods, statics, getters) were emitted raw as Python
//   identifiers: a SyntaxError, and a crafted name ran code in Blender;
// - `__builtins__` / `__debug__` as identifiers;
// - deep inputs overflowed the stack (BPY1999 or a raw TypeScript stack) or compiled into Python
//   that Python's parser refuses at run time;
// - a schema struct named `__proto__` (internal error) or carrying TypeScript (injected);
// - an extension manifest with U+007F was invalid TOML.
// Programs are compiled, loaded by python3 and by every Blender here, and compared with Node.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import util from "node:util";
import { gunzipSync } from "node:zlib";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { compileSource, type CompileResult } from "@bpyts/compiler";
import { noiseFilter, noiseRules } from "@bpyts/runner";
import { bpyts, repoRoot } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "bpyts-rel-compiler-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Blender 3.4 (host) and the chroot Blenders that exist here: their Pythons are 3.11–3.14. */
const blenders = [
  "/usr/bin/blender",
  "/var/lib/bpyts/chroots/bin/blender-4.3",
  "/var/lib/bpyts/chroots/bin/blender-5.2",
].filter((b) => existsSync(b));

let n = 0;
function compile(source: string): CompileResult {
  return compileSource(source, { fileName: join(dir, `case${++n}.ts`) });
}

function nodeOutput(source: string): string {
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const out: string[] = [];
  const log = (...a: unknown[]): void => void out.push(util.format(...a) + "\n");
  vm.runInContext(js, vm.createContext({ console: { log } }));
  return out.join("");
}

function writePy(python: string): string {
  const f = join(dir, `out${++n}.py`);
  writeFileSync(f, python);
  return f;
}

/** Run a .py file in Blender (no user config: factory settings, background) and return stdout. */
function inBlender(blender: string, file: string): string {
  const out = execFileSync(
    blender,
    ["-b", "--factory-startup", "--python-exit-code", "1", "--python", file],
    { encoding: "utf8", env: { ...process.env, BLENDER_USER_CONFIG: join(dir, "config") } },
  );
  // Blender's own lines (banner, quit, per-version packaging noise) go, as under `bpyts run`
  let kept = "";
  const filter = noiseFilter(noiseRules(), (t) => (kept += t));
  filter.write(out);
  filter.flush();
  return kept;
}

const MARKER = join(dir, "pwned");
const INJECTION = `
enum E { "a'b" = 1, "x y" = 2, ["c\\"d"] = 3 }
class C {
  "a b" = 1;
  "it's" = 2;
  $x = 3;
  "x = 1\\nimport os; open('${MARKER}', 'w')\\ny" = 4;
  static "s t" = 5;
  static "from"() { return 6; }
  "m n"() { return this["a b"] + this.$x; }
  get "g h"() { return 7; }
}
const c = new C();
console.log(JSON.stringify(c));
for (const k in c) console.log(k);
console.log(c["m n"](), c["g h"], C["s t"], C.from(), "a b" in c, "$x" in c);
console.log(E["a'b"], E[1], E["c\\"d"], E[E["x y"]]);
`;

describe("reliability: compiler", () => {
  it("string-named members are escaped one-to-one: python3 and Blender print what Node prints", () => {
    const r = compile(INJECTION);
    expect(r.diagnostics).toEqual([]);
    const expected = nodeOutput(INJECTION);
    const file = writePy(r.python!);
    expect(execFileSync("python3", [file], { encoding: "utf8" })).toBe(expected);
    for (const b of blenders) expect(inBlender(b, file), b).toBe(expected);
    expect(existsSync(MARKER), "the crafted member name ran code").toBe(false);
  });

  it("__builtins__ and __debug__ as identifiers are renamed", () => {
    const src = `
const __builtins__ = 3;
let __debug__ = 4;
function __class__(__init__: number) { return __init__ + __builtins__; }
__debug__ += __class__(1);
console.log(__builtins__, __debug__, [1, 2].length, String(5));
`;
    const r = compile(src);
    expect(r.diagnostics).toEqual([]);
    expect(execFileSync("python3", [writePy(r.python!)], { encoding: "utf8" })).toBe(
      nodeOutput(src),
    );
  });

  // Assignments, not 136k `console.log` calls: TypeScript's own flow analysis is quadratic in the
  // calls before each read of a global (tsc itself takes 10 s for 20k such lines).
  it("136k statements compile, load and compute what Node computes", () => {
    const src = `let a = 0;\n${Array.from({ length: 136_000 }, (_, i) => `a = a + ${i % 7};`).join("\n")}\nconsole.log(a);\n`;
    const r = compile(src);
    expect(r.diagnostics).toEqual([]);
    expect(execFileSync("python3", [writePy(r.python!)], { encoding: "utf8" })).toBe(
      nodeOutput(src),
    );
  }, 300_000);

  // each deep input gets a coded diagnostic at a location, never BPY1999 nor a thrown stack
  const deep: [string, string, string][] = [
    [
      "a 3,000-term a+a+… chain",
      `const a = 1;\nconsole.log(${Array(3000).fill("a").join("+")});`,
      "BPY1033",
    ],
    [
      "5,000 nested parentheses",
      `const a = 1;\nconsole.log(${"(".repeat(5000)}a${")".repeat(5000)});`,
      "BPY1033",
    ],
    [
      "5,000 nested blocks",
      `let a = 1;\n${"{".repeat(5000)}a++;${"}".repeat(5000)}\nconsole.log(a);`,
      "BPY1033",
    ],
    [
      "500 nested ifs",
      `let a = 1;\n${"if (a) {".repeat(500)}a++;${"}".repeat(500)}\nconsole.log(a);`,
      "BPY1034",
    ],
    [
      "250 nested calls",
      `function f(x: number) { return x + 1; }\nconsole.log(${"f(".repeat(250)}1${")".repeat(250)});`,
      "BPY1034",
    ],
    [
      "21 nested loops",
      `let a = 0;\n${"for (let i = 0; i < 1; i++) {".repeat(21)}a++;${"}".repeat(21)}\nconsole.log(a);`,
      "BPY1034",
    ],
  ];
  for (const [what, src, code] of deep) {
    it(`${what}: ${code}, located`, () => {
      const r = compile(src);
      expect(r.python).toBeUndefined();
      expect(r.diagnostics.map((d) => d.code)).toEqual([code]);
      expect(r.diagnostics[0]!.line).toBeGreaterThan(1);
      expect(r.diagnostics[0]!.suggestion).toBeTruthy();
    });
  }

  it("what stays within Python's limits loads in python3 and every Blender", () => {
    const limits = [
      `let a = 1;\n${"if (a) {".repeat(99)}a++;${"}".repeat(99)}\nconsole.log(a);`,
      `let a = 0;\n${"for (let i = 0; i < 1; i++) {".repeat(20)}a++;${"}".repeat(20)}\nconsole.log(a);`,
      `function f(x: number) { return x + 1; }\nconsole.log(${"f(".repeat(190)}1${")".repeat(190)});`,
      `const a = 1;\nconsole.log(${Array(450).fill("a").join("+")});`,
    ];
    const files = limits.map((src) => {
      const r = compile(src);
      expect(r.diagnostics).toEqual([]);
      const f = writePy(r.python!);
      expect(execFileSync("python3", [f], { encoding: "utf8" })).toBe(nodeOutput(src));
      return f;
    });
    const check = writePy(
      `import sys\nfor f in ${JSON.stringify(files)}:\n    compile(open(f).read(), f, "exec")\nprint("loaded", sys.version_info[:2])\n`,
    );
    for (const b of blenders) expect(inBlender(b, check), b).toMatch(/^loaded \(3, \d+\)\n$/);
  });
});

describe("reliability: schema names and add-on manifest", () => {
  it("bpyts generate: a struct named __proto__ or carrying TypeScript is BPY0011", async () => {
    const schema = JSON.parse(
      gunzipSync(readFileSync(join(repoRoot, "introspect/schemas/blender-3.4.json.gz"))).toString(),
    ) as { structs: { identifier: string }[] };
    const first = JSON.stringify(schema.structs[0]!.identifier);
    for (const name of ["__proto__", "AOV {} declare const injected: number; declare class X"]) {
      // renamed everywhere it is referenced, so that only the name itself is wrong
      const file = join(dir, `schema${++n}.json`);
      writeFileSync(file, JSON.stringify(schema).replaceAll(first, JSON.stringify(name)));
      const out = join(dir, `typings${n}`);
      const r = await bpyts(["generate", file, "-o", out]);
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stderr).toContain("error BPY0011");
      expect(r.stderr).toContain("structs[0].identifier");
    }
  });

  it("bpyts build --addon for 4.3: U+007F, quotes and newlines give a valid manifest", async () => {
    const proj = mkdtempSync(join(dir, "addon-"));
    const name = 'del\x7f "quoted" back\\slash\nline';
    writeFileSync(
      join(proj, "package.json"),
      JSON.stringify({ name: "x", bpyts: { addon: { name, tagline: name, maintainer: name } } }),
    );
    writeFileSync(join(proj, "main.ts"), 'console.log("hi");\n');
    const zip = join(proj, "a.zip");
    const r = await bpyts([
      "build",
      "--addon",
      join(proj, "main.ts"),
      "-o",
      zip,
      "--target",
      "4.3",
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
    const read = `import json, sys, tomllib, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps(tomllib.loads(z.read("blender_manifest.toml").decode())))`;
    const manifest = JSON.parse(execFileSync("python3", ["-c", read, zip], { encoding: "utf8" }));
    expect(manifest.name).toBe(name);
    expect(manifest.maintainer).toBe(name);
  });
});
