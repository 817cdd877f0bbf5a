import { fileURLToPath } from "node:url";

/** The folder holding the `bpyts` Python package (runtime, bootstrap, worker). */
export const pythonDir = fileURLToPath(new URL("../python", import.meta.url));
/** The one-shot bootstrap run by `blender --python` or by a bpy-module interpreter. */
export const oneshotScript = fileURLToPath(new URL("../python/bpyts/_oneshot.py", import.meta.url));
/** The warm worker loop. */
export const workerScript = fileURLToPath(new URL("../python/bpyts/_worker.py", import.meta.url));
/**
 * `declare module "bpyts/runtime"`: pass it to the compiler as an extra `typeRoots` entry so a
 * script can `import { input, setResult, args } from "bpyts/runtime"`.
 */
export const runtimeTypes = fileURLToPath(
  new URL("../runtime/bpyts-runtime.d.ts", import.meta.url),
);
