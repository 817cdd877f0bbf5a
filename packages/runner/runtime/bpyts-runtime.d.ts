/**
 * The bpyts runtime: pass this file to the compiler as an extra `typeRoots` entry (the CLI does).
 * It compiles to `from bpyts.runtime import …`; @bpyts/runner puts that Python package on
 * `sys.path` for every run.
 */
declare module "bpyts/runtime" {
  /** The job's JSON input (`run(…, { input })`, `bpyts run --input`); `null` when none was given. */
  export function input<T = unknown>(): T;
  /** Send a JSON-serialisable result back to Node (a private channel, never stdout). */
  export function setResult(value: unknown): void;
  /** The script's arguments (`bpyts run x.ts -- a b`, `run(…, { args })`). */
  export const args: string[];
}
