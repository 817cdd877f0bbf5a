import { relative } from "node:path";

/**
 * Driver-level failures (before or after compilation): they print in the same
 * `<file>:<line>:<col> - error BPY<code>: <message>` shape as compiler diagnostics, or without a
 * location when there is no file to point at (e.g. Blender missing). Run-time failures of the
 * script use the runner's BPY01xx codes (`runnerErrors` in @bpyts/runner).
 */
export const cliErrors = {
  BPY0001: "entry file not found",
  BPY0002: "cannot write output",
  BPY0003: "Blender not found",
  BPY0004: "no typings for this Blender version",
  BPY0005: "Blender could not be started",
  BPY0006: "compiler unavailable",
  BPY0007: "invalid --input",
  BPY0008: "cannot initialise project",
  BPY0009: "introspection failed",
  BPY0010: "cannot generate typings",
  BPY0011: "not a valid schema",
  // Project mode (tsconfig.json): packages/cli/src/project.ts
  BPY0020: "no tsconfig.json",
  BPY0021: "entry outside rootDir",
  BPY0022: "no outDir for a project build",
  BPY0023: "invalid bpyts entries",
  BPY0024: "-o with several entries",
} as const;
export type CliErrorCode = keyof typeof cliErrors;

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly file?: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
  }

  format(cwd = process.cwd()): string {
    const where = this.file
      ? `${relative(cwd, this.file) || this.file}:${this.line}:${this.column} - `
      : "";
    return `${where}error ${this.code}: ${this.message}`;
  }
}
