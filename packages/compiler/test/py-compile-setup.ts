/**
 * Every compile made by the compiler's tests must emit Python that loads: compileSource and
 * compileFile are wrapped, each emitted module is recorded, and after each test file one python3
 * process `compile()`s them all (one process per file keeps this cheap). A SyntaxError (or any
 * other failure to compile) fails the file and names the test that produced the source.
 */
import { spawnSync } from "node:child_process";
import { afterAll, expect, vi } from "vitest";

const emitted: { test: string; python: string }[] = [];

vi.mock(import("../src/index.js"), async (importOriginal) => {
  const m = await importOriginal();
  const record = <R extends { python?: string }>(r: R): R => {
    if (r.python !== undefined)
      emitted.push({ test: expect.getState().currentTestName ?? "(no test)", python: r.python });
    return r;
  };
  return {
    ...m,
    compileSource: (...a: Parameters<typeof m.compileSource>) => record(m.compileSource(...a)),
    compileFile: (...a: Parameters<typeof m.compileFile>) => record(m.compileFile(...a)),
  };
});

const CHECKER = String.raw`
import json, sys
bad = []
for i, src in enumerate(json.load(sys.stdin)):
    try:
        compile(src, "<bpyts %d>" % i, "exec")
    except BaseException as e:
        bad.append([i, "%s: %s (line %s)" % (type(e).__name__, e, getattr(e, "lineno", "?"))])
json.dump(bad, sys.stdout)
`;

/** Indices and errors of the sources python3 refuses to compile. */
export function pythonCompileErrors(sources: string[]): [number, string][] {
  if (sources.length === 0) return [];
  const r = spawnSync("python3", ["-c", CHECKER], {
    input: JSON.stringify(sources),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`python3 compile check failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as [number, string][];
}

afterAll(() => {
  const batch = emitted.splice(0);
  const bad = pythonCompileErrors(batch.map((e) => e.python));
  if (bad.length > 0)
    throw new Error(
      `emitted Python does not load (py_compile):\n` +
        bad
          .slice(0, 5)
          .map(([i, err]) => `- ${batch[i]!.test}: ${err}\n${batch[i]!.python}`)
          .join("\n"),
    );
});
