import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSource, diagnostics, formatDiagnostic } from "../src/index.js";

const typings = path.join(import.meta.dirname, "blender-typings.d.ts");

/** `⟨` marks where the diagnostic must point. */
const cases: [code: string, source: string][] = [
  ["BPY1001", "⟨async function f() {}"],
  ["BPY1002", 'const x = 1;\n⟨eval("1");'],
  ["BPY1003", "function f() {\n  return ⟨arguments.length;\n}"],
  ["BPY1004", "const o = { ⟨get x() { return 1; } };"],
  ["BPY1005", "class A {}\nconst p = ⟨A.prototype;"],
  ["BPY1006", "declare const a: any;\nconst b = ⟨a + 1;"],
  ["BPY1007", "⟨lbl: {\n  break lbl;\n}"],
  ["BPY1008", "const r = ⟨/\\p{L}/u;"],
  ["BPY1009", "function f(this: unknown) {\n  return ⟨this;\n}"],
  [
    "BPY1010",
    'import * as bpy from "bpy";\nclass Opts { size = 2; }\nbpy.ops.mesh.primitive_cube_add(⟨new Opts());',
  ],
  ["BPY1011", "⟨namespace N {\n  export const x = 1;\n}"],
  ["BPY1012", "const a = 1 as number | string;\nconst b = ⟨a == 1;"],
  ["BPY1013", 'function f() {\n  throw ⟨"oops";\n}'],
  ["BPY1014", "const b = ⟨10n;"],
  ["BPY1015", 'const s = ⟨Symbol("x");'],
  ["BPY1016", 'const s = ⟨"a".localeCompare("b");'],
  ["BPY1017", "const a = [1];\nconst x = ⟨a.length++;"],
  ["BPY1018", "function tag(s: TemplateStringsArray) { return s; }\n⟨tag`x`;"],
  ["BPY1019", 'import ⟨value from "withdefault";\nconsole.log(value);'],
  ["BPY1020", "const C = ⟨class {};"],
  ["BPY1021", "const a = [1];\n⟨delete a[0];"],
  // an array's iterator has no return() (JavaScript throws a TypeError), a generator has
  ["BPY1022", "const it = [1].values();\nconst r = ⟨it.return!();"],
  ["BPY1023", "const o = { v: 1, ⟨f() { return this.v; } };"],
  ["BPY1024", "const m = new Map<string, number>();\nconst s = ⟨JSON.stringify(m);"],
  ["BPY1025", "const m = ⟨new Map<number[], string>();"],
  ["BPY1026", "let a = 1;\nconst b = (⟨a++, a);"],
  ["BPY1027", "class A {\n  constructor() {\n    const t = ⟨new.target;\n  }\n}"],
  ["BPY1028", "function f(x: number | null | undefined) {\n  return ⟨x === null;\n}"],
  [
    "BPY1029",
    "interface Shape {\n  area(): number;\n}\nclass Sq implements Shape {\n  area() {\n    return 4;\n  }\n}\nconst s: Shape = ⟨{ area: () => 1 };",
  ],
  [
    "BPY1030",
    "const o: { a: number; b?: string | null } = { a: 1 };\nconsole.log(⟨JSON.stringify(o));",
  ],
  ["BPY1031", "const s = ⟨new Set<number | boolean>([1, true]);"],
  [
    "BPY1032",
    "const fs: (() => number)[] = [];\nfor (const x of [1, 2]) {\n  let y = x;\n  fs.push(⟨() => y);\n  y += 10;\n}",
  ],
  // a 600-term chain: reported where its left spine crosses the depth limit (its first term)
  ["BPY1033", `const a = 1;\nconst b = ⟨${"a + ".repeat(600)}a;`],
  // 210 nested calls: more brackets than Python's tokenizer takes, at the statement
  [
    "BPY1034",
    `function f(x: number) { return x; }\n⟨console.log(${"f(".repeat(210)}1${")".repeat(210)});`,
  ],
  ["BPY1035", "const xs = [1];\n// @ts-expect-error\nconst ys = ⟨xs.map();"],
  ["BPY1036", "const f = ⟨isNaN;\nconsole.log(f(1));"],
  ["BPY1039", "class Counts extends ⟨Map<string, number> {}\nconsole.log(new Counts().size);"],
  [
    "BPY1037",
    "class C { k = 1; m(x: number) { return this.k + x; } }\nconst c = new C();\nconsole.log(⟨c.m.call(new C(), 2));",
  ],
  [
    "BPY1038",
    "const f = (x: number) => x;\nconst objs: object[] = [];\nconsole.log(f.call(⟨objs.pop(), 1));",
  ],
  // a member's decorator (was dropped silently: the method ran undecorated)
  [
    "BPY1040",
    "function dec<T>(m: T, c: ClassMethodDecoratorContext) { return m; }\nclass A {\n  ⟨@dec m() { return 1; }\n}\nconsole.log(new A().m());",
  ],
  // holes: forEach calls its callback 0 times in JavaScript
  // f(null) keeps null in JavaScript; Python's None test (needed for f(undefined)) replaces it
  [
    "BPY1042",
    "function f(p: number | null = ⟨9) {\n  return p;\n}\nconsole.log(f(null), f(undefined));",
  ],
  ["BPY1041", "let calls = 0;\n⟨new Array(3).forEach(() => calls++);\nconsole.log(calls);"],
];

describe("diagnostics", () => {
  it("has one test per code", () => {
    // BPY1xxx: the language core (this file); BPY19xx: project options (test/project.test.ts);
    // BPY2xxx: the Blender layer (test/blender-*.test.ts)
    // BPY1000 (an entry TypeScript could not read: TS6053 comes first) and BPY1999 (internal
    // error) have no program that produces them (packages/diagnostics/test/codes.test.ts)
    const core = Object.keys(diagnostics).filter(
      (c) => c.startsWith("BPY1") && !c.startsWith("BPY19") && c !== "BPY1000",
    );
    expect(cases.map((c) => c[0]).sort()).toEqual(core.sort());
  });
  for (const [code, marked] of cases) {
    it(`${code}: ${diagnostics[code]?.message}`, () => {
      const at = marked.indexOf("⟨");
      const source = marked.replace("⟨", "");
      const before = source.slice(0, at).split("\n");
      const line = before.length;
      const column = before[before.length - 1]!.length + 1;
      const r = compileSource(source, {
        fileName: path.join(import.meta.dirname, "diag-input.ts"),
        typeRoots: [typings],
      });
      const warning = diagnostics[code]!.category === "warning";
      expect(r.python === undefined, "no output for errors").toBe(!warning);
      const ts = r.diagnostics.filter((d) => d.code.startsWith("TS"));
      expect(ts, "no TypeScript errors").toEqual([]);
      const d = r.diagnostics.find((x) => x.code === code);
      expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
      expect({ line: d!.line, column: d!.column }).toEqual({ line, column });
      expect(d!.suggestion).toBeTruthy();
      expect(formatDiagnostic(d!, import.meta.dirname)).toMatch(
        new RegExp(
          `^diag-input\\.ts:${line}:${column} - ${warning ? "warning" : "error"} ${code}: `,
        ),
      );
    });
  }
  it("BPY1008: each regular expression Python's re would read differently, once, with the reason", () => {
    const refused: [string, RegExp][] = [
      ["/\\p{L}+/u", /Unicode property/],
      ["/(?<=a+)b/", /lookbehind/],
      ["/\\1(a)/", /before it is closed/],
      ["/(a\\1)/", /before it is closed/],
      ["/\\cJ/", /control escape/],
      ["/a/d", /'d' flag/],
      ["/[\\D]/", /inside a character class/],
      ['new RegExp("\\\\8")', /octal/],
      ["/(?<a$>x)/", /group name/],
      ["/\\uD83D/", /surrogate/],
      ["/\\z/", /escape/],
      ["new RegExp(String(1))", /run time/],
    ];
    for (const [re, why] of refused) {
      const r = compileSource(
        `const s = "x".replace(${re}, (m: string) => m + "!");\nconsole.log(s);`,
      );
      const got = r.diagnostics.map((d) => d.code);
      expect(got, re).toEqual(["BPY1008"]);
      expect(r.diagnostics[0]!.message, re).toMatch(why);
    }
  });
  it("reports TypeScript errors first and stops", () => {
    const r = compileSource("const x: number = 'a';\nconst y = /re/;");
    expect(r.python).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["TS2322"]);
    expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 7, category: "error" });
  });
  it("formats suggestions on a second line", () => {
    const s = formatDiagnostic(
      {
        file: "/a/b.ts",
        line: 2,
        column: 3,
        code: "BPY1008",
        category: "error",
        message: "m",
        suggestion: "s",
      },
      "/a",
    );
    expect(s).toBe("b.ts:2:3 - error BPY1008: m\n  suggestion: s");
  });
});

describe("BPY1024 finds a Map or Set anywhere in the value", () => {
  const messages = (src: string) =>
    compileSource(src, { typeRoots: [] })
      .diagnostics.filter((d) => d.code === "BPY1024")
      .map((d) => `${d.line}: ${d.message}`);
  it("nested in objects and arrays (JavaScript writes {} there too); plain values pass", () => {
    expect(
      messages(
        [
          "const m = new Map<string, number>([['a', 1]]);",
          "const s = new Set([1, 2]);",
          "console.log(JSON.stringify({ counts: m }));",
          "console.log(JSON.stringify([{ tags: s }]));",
          "console.log(JSON.stringify({ counts: Object.fromEntries(m), tags: [...s] }));",
          "console.log(JSON.stringify(m));",
        ].join("\n"),
      ),
    ).toEqual([
      "3: JSON.stringify of a Map or Set (at counts) is not supported (JavaScript writes {})",
      "4: JSON.stringify of a Map or Set (at […].tags) is not supported (JavaScript writes {})",
      "6: JSON.stringify of a Map or Set is not supported (JavaScript writes {})",
    ]);
  });
});

describe("BPY1013 also refuses undefined and possibly-undefined errors", () => {
  // Python's `raise None` is a TypeError, where JavaScript throws undefined itself
  const codes = (src: string) => compileSource(src).diagnostics.map((d) => d.code);
  it("throw undefined, a value typed Error | undefined; an Error or subclass is fine", () => {
    expect(codes("throw undefined;")).toEqual(["BPY1013"]);
    expect(codes("function f(e: Error | undefined): void {\n  throw e;\n}\nf(undefined);")).toEqual(
      ["BPY1013"],
    );
    expect(codes('class E extends Error {}\nthrow new E("x");')).toEqual([]);
  });
});

describe("BPY1040 covers every decorator of a class", () => {
  it("the class's own and each member's, at its @", () => {
    const source =
      "function cd<T>(c: T, x: ClassDecoratorContext) { return c; }\n" +
      "function fd(v: undefined, x: ClassFieldDecoratorContext) {}\n" +
      "function ad<T>(v: T, x: ClassGetterDecoratorContext) { return v; }\n" +
      "@cd\nclass A {\n  @fd x = 1;\n  @ad get y() { return 2; }\n}\n";
    const r = compileSource(source, {
      fileName: path.join(import.meta.dirname, "diag-input.ts"),
      typeRoots: [typings],
    });
    expect(r.diagnostics.filter((d) => d.code.startsWith("TS"))).toEqual([]);
    expect(r.python).toBeUndefined();
    expect(
      r.diagnostics.map((d) => [d.code, d.line, d.column]),
      JSON.stringify(r.diagnostics),
    ).toEqual([
      ["BPY1040", 4, 1],
      ["BPY1040", 6, 3],
      ["BPY1040", 7, 3],
    ]);
  });
});

describe("BPY1041 reports only arrays that certainly have holes", () => {
  const codes = (source: string) =>
    compileSource(source, {
      fileName: path.join(import.meta.dirname, "diag-input.ts"),
      typeRoots: [typings],
    }).diagnostics.map((d) => `${d.code}@${d.line}`);
  it("a variable initialised with new Array(n) and only read keeps its holes", () => {
    expect(
      codes(
        "const a = new Array<number>(3);\na.push(1);\nconsole.log(a.map((x) => x * 2), a.indexOf(1));",
      ),
    ).toEqual(["BPY1041@3", "BPY1041@3"]);
    expect(codes("const n = 2;\nconsole.log(Array(n).some((x) => x === undefined));")).toEqual([
      "BPY1041@2",
    ]);
    // an elision is a hole too
    expect(
      codes(
        "let n = 0;\n[1, , 3].forEach(() => n++);\nconst a = [1, , 3];\nconsole.log(a.filter((x) => x));",
      ),
    ).toEqual(["BPY1041@2", "BPY1041@4"]);
  });
  it("an array whose elements may be written, filled or passed on is not reported", () => {
    expect(
      codes(
        "const a = new Array<number>(3);\nfor (let i = 0; i < 3; i++) a[i] = i;\nconsole.log(a.map((x) => x * 2));\n" +
          "const b = new Array<number>(2);\nb.fill(1);\nb.forEach((x) => console.log(x));\n" +
          "function f(xs: number[]) { xs[0] = 1; }\nconst c = new Array<number>(1);\nf(c);\nconsole.log(c.filter((x) => x > 0));\n" +
          "console.log([...Array(2)].map((_, i) => i), new Array(0).map((x) => x), Array(2).fill(0).map((x) => x));",
      ),
    ).toEqual([]);
  });
});

describe("BPY1032 for a closure capturing a loop variable declared after it", () => {
  it("is reported at the closure (Python would raise NameError binding it)", () => {
    const r = compileSource(
      "const fs: (() => number)[] = [];\nfor (let i = 0; i < 2; i++) {\n  fs.push(() => x);\n  const x = i * 10;\n}\nconsole.log(fs.map((f) => f()));\n",
      { fileName: path.join(import.meta.dirname, "diag-input.ts"), typeRoots: [typings] },
    );
    expect(r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(["BPY1032@3:11"]);
  });
});

describe("BPY1027 for a class extending one whose constructor returns a value", () => {
  it("is reported at the extends clause (its constructor would run with the subclass's arguments)", () => {
    const r = compileSource(
      "class B {\n  constructor(o?: B) {\n    if (o) return o;\n  }\n}\nclass Q extends B {}\nconsole.log(new Q());\n",
      { fileName: path.join(import.meta.dirname, "diag-input.ts"), typeRoots: [typings] },
    );
    expect(r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(["BPY1027@6:17"]);
  });
});
