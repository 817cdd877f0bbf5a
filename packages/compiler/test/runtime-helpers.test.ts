/**
 * The runtime helpers (packages/compiler/runtime/*.py) and their manifest: the manifest is what
 * scripts/build-runtime.py makes of the modules, each helper emitted alone with what the manifest
 * says it needs is complete Python, the modules pass pyflakes and their unittest suites
 * (runtime/tests, expected values from Node), and helper names are checked by TypeScript.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { helpers, resolveHelpers, type HelperName } from "../src/runtime/helpers.js";

const pkg = path.join(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "bpyts-runtime-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Debian's pyflakes (python3-pyflakes, installed by .ci/setup), whichever python3 is first. */
function pyflakes(args: string[]): { status: number | null; out: string } {
  for (const [cmd, pre] of [
    ["pyflakes3", []],
    ["python3", ["-m", "pyflakes"]],
    ["/usr/bin/python3", ["-m", "pyflakes"]],
  ] as const) {
    const r = spawnSync(cmd, [...pre, ...args], { cwd: pkg, encoding: "utf8" });
    if (r.error || /No module named pyflakes/.test(r.stderr)) continue;
    return { status: r.status, out: r.stdout + r.stderr };
  }
  throw new Error("pyflakes not found: apt-get install python3-pyflakes (.ci/setup does)");
}

function py(helpers: HelperName[], code: string): string {
  const { code: defs, imports } = resolveHelpers(helpers);
  const src = [...imports.map((m) => `import ${m}`), ...defs.map((h) => h.code), code].join("\n\n");
  return execFileSync("python3", ["-c", src], { encoding: "utf8" });
}

describe("runtime helpers", () => {
  it("String(e) of any Python exception: its type name and str(e), whatever .name/.message hold", () => {
    const out = py(
      ["_js_str", "JsError", "JsTypeError"],
      String.raw`
class Custom(JsError):
    name = "Custom"
class Renamed(JsError):
    pass
r = Renamed("m")
r.name = "Mine"
for e in [
    AttributeError("no attr"),          # .name is None
    AttributeError("a", name="x", obj=1),
    ImportError("no module", name="mod"),  # .name is the module
    KeyError("k"),
    ValueError(),
    JsError("boom"),
    JsTypeError("t"),
    Custom(""),
    r,
]:
    print(_js_str(e))
`,
    );
    expect(out.split("\n")).toEqual([
      "AttributeError: no attr",
      "AttributeError: a",
      "ImportError: no module",
      "KeyError: 'k'",
      "ValueError",
      "Error: boom",
      "TypeError: t",
      "Custom",
      "Mine: m",
      "",
    ]);
  });
});

describe("runtime helper manifest", () => {
  it("is what scripts/build-runtime.py makes of runtime/*.py (run `npm run build -w @bpyts/compiler`)", () => {
    const r = spawnSync("python3", ["scripts/build-runtime.py", "--check"], {
      cwd: pkg,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("pyflakes finds nothing in the runtime modules, their tests and the build script", () => {
    const r = pyflakes(["runtime", "scripts"]);
    expect(r.out).toBe("");
    expect(r.status).toBe(0);
  });

  it("each helper emitted alone, with the helpers and modules the manifest lists, is complete", () => {
    // what a script using only this helper gets: pyflakes reports a name the manifest failed to
    // pull in (undefined name) or an import it lists for nothing (imported but unused)
    const dir = path.join(work, "alone");
    mkdirSync(dir);
    const files = [...helpers.keys()].map((name) => {
      const { code, imports } = resolveHelpers([name]);
      const file = path.join(dir, `${name}.py`);
      writeFileSync(
        file,
        [...imports.map((m) => `import ${m}`), ...code.map((h) => h.code), `${name}\n`].join(
          "\n\n\n",
        ),
      );
      return file;
    });
    const r = pyflakes(files);
    expect(r.out).toBe("");
    // and each loads (module-level code such as compiled regexps runs)
    execFileSync("python3", [
      "-c",
      "import runpy, sys\nfor f in sys.argv[1:]: runpy.run_path(f)",
      ...files,
    ]);
  });

  it("the runtime's unittest suites pass (python3 -m unittest, runtime/tests)", () => {
    const r = spawnSync(
      "python3",
      ["-m", "unittest", "discover", "-s", "runtime/tests", "-t", ".", "-q"],
      { cwd: pkg, encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    // one suite per area, none empty
    const ran = Number(/Ran (\d+) tests?/.exec(r.stderr)?.[1]);
    expect(ran).toBeGreaterThanOrEqual(helpers.size);
  });

  it("a misspelled helper name is a TypeScript error of the compiler", () => {
    const file = path.join(pkg, "src/runtime/__misspelled.ts");
    const source = [
      `import type { HelperName } from "./helpers.js";`,
      `export const ok: HelperName = "_js_str";`,
      `export const bad: HelperName = "_js_strr";`,
    ].join("\n");
    const host = ts.createCompilerHost({ strict: true, noEmit: true });
    const read = host.readFile.bind(host);
    host.readFile = (f) => (path.resolve(f) === file ? source : read(f));
    const exists = host.fileExists.bind(host);
    host.fileExists = (f) => path.resolve(f) === file || exists(f);
    const program = ts.createProgram(
      [file],
      {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
      },
      host,
    );
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ({
      line: d.file && d.file.getLineAndCharacterOfPosition(d.start!).line,
      text: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    }));
    expect(errors).toEqual([
      {
        line: 2,
        text: `Type '"_js_strr"' is not assignable to type 'HelperName'. Did you mean '"_js_str"'?`,
      },
    ]);
  });
});

describe("scripts/build-runtime.py on bad modules", () => {
  // each case: a module's text, and the located error the build must stop with
  const cases: [string, string, RegExp][] = [
    [
      "block without its name",
      `import math\n\n\n# helper: _js_a\ndef _js_b():\n    return math.pi\n`,
      /bad\.py:4: the block `# helper: _js_a` does not define _js_a at its top level/,
    ],
    [
      "name defined by two blocks",
      `# helper: _js_a\n_JS_X = 1\n\n\ndef _js_a():\n    return _JS_X\n\n\n# helper: _js_b\n_JS_X = 2\n\n\ndef _js_b():\n    return _JS_X\n`,
      /bad\.py:10: _JS_X is defined by helper _js_a and again by helper _js_b/,
    ],
    [
      "two blocks for one helper",
      `# helper: _js_a\ndef _js_a():\n    return 1\n\n\n# helper: _js_a\n_JS_A = 2\n`,
      /bad\.py:6: a second `# helper: _js_a` block \(the first is at bad\.py:1\)/,
    ],
    [
      "code before the first block",
      `import math\n\nX = math.pi\n\n\n# helper: _js_a\ndef _js_a():\n    return 1\n`,
      /bad\.py:3: before the first `# helper:` block only the docstring/,
    ],
    [
      "helpers that use each other",
      `# helper: _js_a\ndef _js_a():\n    return _js_b()\n\n\n# helper: _js_b\ndef _js_b():\n    return _js_a()\n`,
      /helpers _js_a, _js_b use each other: put them in one `# helper:` block/,
    ],
    [
      "a name that is not a helper's",
      `# helper: a_helper\ndef a_helper():\n    return 1\n`,
      /bad\.py:1: helper a_helper: a helper's name starts with _js_, _JS_ or Js/,
    ],
    [
      "a block that does not parse on its own",
      `# helper: _js_a\ndef _js_a():\n    return 1\n\n\n# helper: _js_b\n    return 2\n`,
      /bad\.py:7: unexpected indent/,
    ],
    [
      "an import from a module the runtime does not have",
      `from .other import _js_nope\n\n\n# helper: _js_a\ndef _js_a():\n    return _js_nope()\n`,
      /bad\.py:1: no runtime module other/,
    ],
  ];
  for (const [title, text, error] of cases)
    it(title, () => {
      const dir = mkdtempSync(path.join(work, "bad-"));
      writeFileSync(path.join(dir, "bad.py"), text);
      const out = path.join(dir, "manifest.ts");
      const r = spawnSync(
        "python3",
        [path.join(pkg, "scripts/build-runtime.py"), "--runtime", dir, "--out", out],
        { cwd: dir, encoding: "utf8" },
      );
      expect(r.stderr).toMatch(error);
      expect(r.status).toBe(2);
      // nothing written
      expect(existsSync(out)).toBe(false);
    });

  it("a good module: deps and imports computed from names, a local import is not a use", () => {
    const dir = mkdtempSync(path.join(work, "good-"));
    writeFileSync(
      path.join(dir, "area.py"),
      [
        `"""An area."""`,
        ``,
        `import math`,
        `import re`,
        ``,
        ``,
        `# helper: _js_b`,
        `def _js_b(x):`,
        `    import re  # local: not the module-level import`,
        `    # _js_a in a comment is not a use, nor "_js_a" in a string`,
        `    return re.escape(x), "_js_a"`,
        ``,
        ``,
        `# helper: _js_a`,
        `_JS_RE = re.compile("a")`,
        ``,
        ``,
        `def _js_a(x, default=math.pi):`,
        `    return _js_b(x), _JS_RE`,
        ``,
        ``,
        `# helper: _js_c`,
        `def _js_c(_js_b):`,
        `    return _js_b + _JS_RE.pattern`,
        ``,
      ].join("\n"),
    );
    const out = path.join(dir, "manifest.ts");
    const args = [path.join(pkg, "scripts/build-runtime.py"), "--runtime", dir, "--out", out];
    const r = spawnSync("python3", args, { cwd: dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const js = ts.transpileModule(readFileSync(out, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS },
    }).outputText;
    const mod = {
      exports: {} as { HELPERS: { name: string; deps: string[]; imports: string[] }[] },
    };
    new Function("module", "exports", js)(mod, mod.exports);
    expect(mod.exports.HELPERS.map(({ name, deps, imports }) => ({ name, deps, imports }))).toEqual(
      [
        { name: "_js_b", deps: [], imports: [] },
        { name: "_js_a", deps: ["_js_b"], imports: ["math", "re"] },
        { name: "_js_c", deps: ["_js_a"], imports: [] },
      ],
    );
    // unchanged input: --check passes
    expect(spawnSync("python3", [...args, "--check"], { cwd: dir }).status).toBe(0);
  });
});
