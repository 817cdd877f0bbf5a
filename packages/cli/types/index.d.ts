// The ambient declarations every bpyts script is checked with, for a project's tsconfig:
//   "compilerOptions": { "types": ["@bpyts/blender-4.3", "bpyts/types"] }
// so that an editor (the TypeScript language service) and `bpyts check` see the same program.
// The globals the compiler supports (console, …):
/// <reference types="@bpyts/compiler/globals" />
// The "bpyts/runtime" module (input(), setResult(), args):
/// <reference types="@bpyts/runner/runtime" />
