// Project mode (src/project.ts): tsconfig.json read by TypeScript's parser, the user's options
// honoured, options that cannot work in Blender refused with BPY19xx located in tsconfig.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, readProjectConfig, type BpyDiagnostic } from "../src/index.js";

const root = mkdtempSync(path.join(tmpdir(), "bpyts project "));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const good = {
  target: "ES2022",
  lib: ["ES2023", "ESNext.Disposable"],
  module: "ESNext",
  moduleResolution: "Bundler",
  strict: true,
  noEmit: true,
  types: [],
};

/** A project folder: `tsconfig.json` is written verbatim when a string, as JSON otherwise. */
function project(files: Record<string, unknown>): string {
  const dir = path.join(root, `p${n++}`);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** `code@file:line:col` with the file relative to the project. */
function where(dir: string, ds: BpyDiagnostic[]): string[] {
  return ds.map((d) => `${d.code}@${path.relative(dir, d.file)}:${d.line}:${d.column}`);
}

function checkAll(dir: string): BpyDiagnostic[] {
  const config = readProjectConfig(path.join(dir, "tsconfig.json"));
  expect(config.errors).toEqual([]);
  return createProject(config).check();
}

describe("tsconfig.json errors are TypeScript's, located in tsconfig.json", () => {
  const a = { "src/a.ts": "export const a = 1;\n" };
  it("a syntax error", () => {
    const dir = project({
      "tsconfig.json": '{\n  "compilerOptions": {\n    "strict": true,,\n  }\n}',
      ...a,
    });
    const c = readProjectConfig(path.join(dir, "tsconfig.json"));
    expect(where(dir, c.errors)).toEqual(["TS1136@tsconfig.json:3:20"]);
  });
  it("an unknown option", () => {
    const dir = project({
      "tsconfig.json": '{\n  "compilerOptions": {\n    "strictt": true\n  }\n}',
      ...a,
    });
    const c = readProjectConfig(path.join(dir, "tsconfig.json"));
    expect(where(dir, c.errors)).toEqual(["TS5025@tsconfig.json:3:5"]);
    expect(c.errors[0]!.message).toContain("Did you mean 'strict'?");
  });
  it("a missing extends (TypeScript gives no place: the `extends` value)", () => {
    const dir = project({ "tsconfig.json": '{\n  "extends": "./base.json"\n}', ...a });
    const c = readProjectConfig(path.join(dir, "tsconfig.json"));
    expect(where(dir, c.errors)).toEqual(["TS5083@tsconfig.json:2:14"]);
  });
});

describe("the user's compilerOptions are honoured (extends included)", () => {
  const src = { "src/a.ts": "export function same(x) {\n  return x;\n}\n" };
  it("strict: true → implicit any is an error", () => {
    const dir = project({ "tsconfig.json": { compilerOptions: good }, ...src });
    expect(where(dir, checkAll(dir))).toEqual(["TS7006@src/a.ts:1:22"]);
  });
  it('strict: false (through "extends"), null checks kept → no error', () => {
    const dir = project({
      "base.json": { compilerOptions: { ...good, strict: false, strictNullChecks: true } },
      "tsconfig.json": { extends: "./base.json" },
      ...src,
    });
    expect(checkAll(dir)).toEqual([]);
  });
});

describe("options that cannot work in Blender: a BPY19xx at the option", () => {
  const a = { "src/a.ts": "export const a = 1;\n" };
  it('BPY1901: DOM in "lib", no "lib" at all, /// <reference lib="dom" />', () => {
    const dom = project({
      "tsconfig.json": `{\n  "compilerOptions": {\n    "lib": ["ES2023", "DOM"]\n  }\n}`,
      ...a,
    });
    expect(where(dom, checkAll(dom))).toEqual(["BPY1901@tsconfig.json:3:23"]);
    const { lib: _lib, ...noLib } = good;
    const none = project({ "tsconfig.json": { compilerOptions: noLib }, ...a });
    const d = checkAll(none);
    expect(where(none, d)).toEqual(["BPY1901@tsconfig.json:2:22"]);
    expect(d[0]!.message).toContain('no "lib" is set');
    expect(d[0]!.suggestion).toContain('"lib": ["ES2023", "ESNext.Disposable"]');
    const ref = project({
      "tsconfig.json": { compilerOptions: good },
      "src/a.ts": '/// <reference lib="dom" />\nexport const a = 1;\n',
    });
    expect(where(ref, checkAll(ref))).toEqual(["BPY1901@src/a.ts:1:21"]);
  });
  it("BPY1902: a target below ES2022", () => {
    const dir = project({
      "tsconfig.json": { compilerOptions: { ...good, target: "ES2020" } },
      ...a,
    });
    const d = checkAll(dir);
    expect(where(dir, d)).toEqual(["BPY1902@tsconfig.json:3:15"]);
    expect(d[0]!.suggestion).toContain('"target": "ES2022"');
  });
  it("BPY1903: allowJs with a JavaScript file", () => {
    const dir = project({
      "tsconfig.json": { compilerOptions: { ...good, allowJs: true } },
      ...a,
      "src/b.js": "export const b = 2;\n",
    });
    const d = checkAll(dir);
    expect(where(dir, d)).toEqual(["BPY1903@tsconfig.json:13:16"]);
    expect(d[0]!.message).toContain(path.join("src", "b.js"));
    // allowJs alone (no .js file) is harmless
    const ts = project({ "tsconfig.json": { compilerOptions: { ...good, allowJs: true } }, ...a });
    expect(checkAll(ts)).toEqual([]);
  });
  it("BPY1904: CommonJS modules, node10 resolution", () => {
    const dir = project({
      "tsconfig.json": {
        compilerOptions: {
          ...good,
          module: "CommonJS",
          moduleResolution: "Node10",
          ignoreDeprecations: "6.0",
        },
      },
      ...a,
    });
    expect(where(dir, checkAll(dir))).toEqual([
      "BPY1904@tsconfig.json:8:15",
      "BPY1904@tsconfig.json:9:25",
    ]);
  });
  it("BPY1905: null checks off (strict: false, or strictNullChecks: false)", () => {
    const a2 = { "src/a.ts": "export const a = 1;\n" };
    const loose = project({
      "tsconfig.json": { compilerOptions: { ...good, strict: false } },
      ...a2,
    });
    const d = checkAll(loose);
    expect(where(loose, d)).toEqual(["BPY1905@tsconfig.json:10:15"]);
    expect(d[0]!.message).toMatch(/^"strict": false: /);
    expect(d[0]!.suggestion).toContain('"strictNullChecks": true');
    const snc = project({
      "tsconfig.json": { compilerOptions: { ...good, strictNullChecks: false } },
      ...a2,
    });
    expect(where(snc, checkAll(snc))).toEqual(["BPY1905@tsconfig.json:13:25"]);
  });
  it("an option inherited through extends is placed at `extends`", () => {
    const dir = project({
      "base.json": { compilerOptions: { ...good, target: "ES2019" } },
      "tsconfig.json": '{\n  "extends": "./base.json"\n}',
      ...a,
    });
    expect(where(dir, checkAll(dir))).toEqual(["BPY1902@tsconfig.json:2:14"]);
  });
});

describe("one program per project", () => {
  const files = {
    "tsconfig.json": { compilerOptions: good, include: ["src"] },
    "src/lib/util.ts": "export const twice = (n: number): number => n * 2;\n",
    "src/main.ts": 'import { twice } from "./lib/util";\nexport const r = twice(2);\n',
    "src/other.ts": 'const s: number = "x";\nexport {};\n',
    "src/types.d.ts": "declare const PROJECT_GLOBAL: number;\n",
  };
  it("check(entries) reports the entries and what they import; check() the whole project", () => {
    const dir = project(files);
    const p = createProject(readProjectConfig(path.join(dir, "tsconfig.json")));
    expect(p.check([path.join(dir, "src/main.ts")])).toEqual([]);
    expect(where(dir, p.check())).toEqual(["TS2322@src/other.ts:1:7"]);
    expect(
      p
        .defaultEntries()
        .map((f) => path.relative(dir, f))
        .sort(),
    ).toEqual([path.join("src", "main.ts"), path.join("src", "other.ts")]);
  });
  it("compiles an entry with its imports into one module", () => {
    const dir = project(files);
    const p = createProject(readProjectConfig(path.join(dir, "tsconfig.json")));
    const r = p.compile(path.join(dir, "src/main.ts"));
    expect(r.diagnostics).toEqual([]);
    expect(r.python).toContain("def twice(n):");
    expect(r.python).toContain("r = twice(2)");
  });
  it("entries compiled from one program equal each compiled from its own", () => {
    const dir = project({
      ...files,
      "src/second.ts": 'import { twice } from "./lib/util";\nexport const s = twice(twice(3));\n',
    });
    const config = readProjectConfig(path.join(dir, "tsconfig.json"));
    const shared = createProject(config);
    const entries = ["src/main.ts", "src/second.ts"].map((f) => path.join(dir, f));
    const together = entries.map((e) => shared.compile(e).python);
    const alone = entries.map((e) => createProject(config).compile(e).python);
    expect(together[1]).toContain("s = twice(twice(3))");
    expect(together).toEqual(alone);
  });
  it("outputFile: tsc's layout under outDir (rootDir honoured), as .py", () => {
    const dir = project({
      ...files,
      "tsconfig.json": { compilerOptions: { ...good, rootDir: "src", outDir: "dist" } },
    });
    const c = readProjectConfig(path.join(dir, "tsconfig.json"));
    expect(path.relative(dir, c.outputFile(path.join(dir, "src/lib/util.ts")))).toBe(
      path.join("dist", "lib", "util.py"),
    );
    expect(
      path.relative(dir, c.outputFile(path.join(dir, "src/main.ts"), path.join(dir, "out"))),
    ).toBe(path.join("out", "main.py"));
  });
});
