/**
 * The bpyts runtime: pass this file to the compiler as an extra `typeRoots` entry (the CLI does).
 * It compiles to `from bpyts.runtime import …`; @bpyts/runner puts that Python package on
 * `sys.path` for every run.
 */
declare module "bpyts/runtime" {
  /**
   * The job's JSON input (`bpyts run x.ts --input '{"size": 2}'`, `run(…, { input })`).
   *
   * When the run was given none (or JSON `null`), this throws `NoInputError` (reported as
   * BPY0115, naming `--input`); give a fallback to make input optional: `input<Options>({})`.
   */
  export function input<T = unknown>(): T;
  /** The job's JSON input, or `fallback` when the run was given none (or JSON `null`). */
  export function input<T>(fallback: T): T;
  /** Send a JSON-serialisable result back to Node (a private channel, never stdout). */
  export function setResult(value: unknown): void;
  /** The script's arguments (`bpyts run x.ts -- a b`, `run(…, { args })`). */
  export const args: string[];
}
