/**
 * Project mode: the tsconfig a bpyts project type-checks with. `bpyts init` writes
 * `initTsconfig()`; the compiler must check with the same options, so editor and CLI agree.
 */
export function initTsconfig(typingsPkg: string): Record<string, unknown> {
  return {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [typingsPkg],
    },
    include: ["src", "node_modules/@bpyts/runner/runtime/bpyts-runtime.d.ts"],
  };
}
