import { relative } from "node:path";
import { byCode, type CliCode } from "@bpyts/diagnostics";

/**
 * Driver-level failures (before or after compilation): they print in the same
 * `<file>:<line>:<col> - error BPY<code>: <message>` shape as compiler diagnostics, or without a
 * location when there is no file to point at (e.g. Blender missing). Run-time failures of the
 * script use the runner's BPY01xx codes (`runnerErrors` in @bpyts/runner).
 */
export type CliErrorCode = CliCode;
/** The CLI's codes with their titles, from the one code space (@bpyts/diagnostics). */
export const cliErrors = Object.fromEntries(
  [...byCode.values()]
    .filter((d) => d.phase === "cli" || d.code === "BPY0403" || d.code === "BPY0405")
    .map((d) => [d.code, d.message]),
) as Readonly<Record<CliErrorCode, string>>;

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
