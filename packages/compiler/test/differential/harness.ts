/**
 * Differential testing in the style of TypeScriptToLua: each case is a TypeScript function body
 * whose return value is compared, as JSON, between Node (the TS transpiled and run in node:vm) and
 * python3 (the bpyts output). console.log output is compared too. All cases of a file run in one
 * python3 process, each isolated in its own namespace (try/except, 10 s alarm).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import util from "node:util";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { compileSource, formatDiagnostic } from "../../src/index.js";

export interface Case {
  name: string;
  /** a function body; its return value is the result */
  code: string;
  /** top-level declarations placed before the function (classes, enums, helpers) */
  top?: string;
  /** set to false when console.log prints arrays/objects (formatted differently on purpose) */
  logs?: boolean;
  /**
   * Python must raise an error containing this text: what bpyts cannot translate faithfully
   * fails loudly (Node must still run the snippet, the results are not compared).
   */
  raises?: string;
}

/** Shorthand: [name, code] or [name, code, top]. */
export type CaseRow = [string, string] | [string, string, string];
export function rows(list: CaseRow[], opts: Partial<Case> = {}): Case[] {
  return list.map(([name, code, top]) => ({ name, code, top, ...opts }));
}

export function caseSource(c: Case): string {
  return `${c.top ?? ""}\nfunction __case(): unknown {\n${c.code}\n}\nconst __result: string | undefined = JSON.stringify(__case());\n`;
}

interface Outcome {
  result?: string | null;
  logs: string;
  error?: string;
}

export function runNode(c: Case): Outcome {
  const js = ts.transpileModule(caseSource(c), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const logs: string[] = [];
  const log = (...a: unknown[]): void => void logs.push(util.format(...a));
  const context = vm.createContext({
    console: { log, info: log, debug: log, error: log, warn: log },
  });
  try {
    const result = vm.runInContext(`${js}\n;__result`, context, { timeout: 10_000 }) as
      string | undefined;
    return { result: result ?? null, logs: logs.map((l) => l + "\n").join("") };
  } catch (e) {
    return { error: String(e), logs: logs.map((l) => l + "\n").join("") };
  }
}

const PY_RUNNER = String.raw`
import contextlib, io, json, signal, sys

def _timeout(signum, frame):
    raise TimeoutError("case timed out")

signal.signal(signal.SIGALRM, _timeout)
cases = json.load(open(sys.argv[1]))
out = {}
for name, src in cases:
    buf = io.StringIO()
    ns = {"__name__": "__bpyts_case__"}
    try:
        code = compile(src, name, "exec")
        signal.alarm(10)
        try:
            with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
                exec(code, ns)
        finally:
            signal.alarm(0)
        out[name] = {"result": ns.get("__result"), "logs": buf.getvalue()}
    except BaseException as e:
        out[name] = {"error": type(e).__name__ + ": " + str(e), "logs": buf.getvalue()}
json.dump(out, sys.stdout)
`;

export interface Compiled {
  python?: string;
  errors: string[];
}

export function compileCase(c: Case, dir: string): Compiled {
  const r = compileSource(caseSource(c), { fileName: path.join(dir, "case.ts") });
  return {
    python: r.python,
    errors: r.diagnostics
      .filter((d) => d.category === "error")
      .map((d) => formatDiagnostic(d, dir)),
  };
}

export function runPython(sources: [string, string][], dir: string): Record<string, Outcome> {
  const casesFile = path.join(dir, "cases.json");
  const runner = path.join(dir, "runner.py");
  writeFileSync(casesFile, JSON.stringify(sources));
  writeFileSync(runner, PY_RUNNER);
  const out = execFileSync("python3", [runner, casesFile], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out) as Record<string, Outcome>;
}

/** Register one vitest test per case. */
export function differential(title: string, cases: Case[]): void {
  describe(title, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bpyts-diff-"));
    const compiled = new Map<string, Compiled>();
    let py: Record<string, Outcome> = {};
    const names = new Set<string>();
    for (const c of cases) {
      if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
      names.add(c.name);
    }
    beforeAll(() => {
      const sources: [string, string][] = [];
      for (const c of cases) {
        const r = compileCase(c, dir);
        compiled.set(c.name, r);
        if (r.python) sources.push([c.name, r.python]);
      }
      py = runPython(sources, dir);
    });
    for (const c of cases) {
      it(c.name, () => {
        const comp = compiled.get(c.name)!;
        expect(comp.errors, "compile errors").toEqual([]);
        const node = runNode(c);
        const p = py[c.name]!;
        expect(node.error, "node threw").toBeUndefined();
        if (c.raises !== undefined) {
          expect(p.error, `python did not raise (result ${p.result})`).toContain(c.raises);
          return;
        }
        if (p.error)
          throw new Error(
            `python raised ${p.error}\n--- python ---\n${comp
              .python!.split("\n")
              .filter((l) => !l.startsWith(" ") || true)
              .join("\n")
              .replace(/^[\s\S]*?\ndef __case/, "def __case")}`,
          );
        expect(
          p.result,
          `result differs\n--- python ---\n${comp.python!.replace(/^[\s\S]*?\ndef __case/, "def __case")}`,
        ).toEqual(node.result);
        if (c.logs !== false) expect(p.logs, "console output").toEqual(node.logs);
      });
    }
  });
}
