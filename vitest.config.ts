import { defineConfig } from "vitest/config";

// One vitest run covers every package: unit tests live beside each package
// (`<pkg>/test`), cross-package and end-to-end tests in `test/`.
export default defineConfig({
  // The compiler loads TypeScript through a CommonJS shim (src/ts.cts, for Node's start-up time);
  // Vite does not transform .cts sources, so tests import the same module directly.
  resolve: { alias: [{ find: /^(?:\.\.?\/)+ts\.cjs$/, replacement: "typescript" }] },
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "generator/test/**/*.test.ts",
      "introspect/test/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    // Blender start-up alone is ~1 s; real-Blender tests get room without being "timed tests".
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // A private $TMPDIR for the run, removed at the end (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    // Every compile in the compiler's tests must emit Python that python3 can compile.
    setupFiles: ["packages/compiler/test/py-compile-setup.ts"],
    // .ci/run asks for a JSON report too (its closing "N passed, N failed" line is read from it).
    reporters: process.env.BPYTS_TEST_REPORT
      ? ["default", ["json", { outputFile: process.env.BPYTS_TEST_REPORT }]]
      : ["default"],
  },
});
