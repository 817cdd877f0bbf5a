import { relative } from "node:path";
import { byCode, type RunnerCode } from "@bpyts/diagnostics";

/**
 * The runner's codes (the `BPY01xx` block of the one code space, @bpyts/diagnostics) with their
 * titles. BPY0108 is retired: a compiler that cannot be loaded is BPY0006, as in the CLI.
 */
export type RunnerErrorCode = RunnerCode;
export const runnerErrors = Object.fromEntries(
  [...byCode.values()]
    .filter((d) => (d.phase === "runner" && !d.retiredFor) || d.code === "BPY0006")
    .map((d) => [d.code, d.message]),
) as Readonly<Record<RunnerErrorCode, string>>;

/** One frame of a script's stack, mapped back to TypeScript when a source map covers it. */
export interface StackFrame {
  /** TS file (absolute) when mapped, else the Python file. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The Python function name (`<module>` at top level). */
  name: string;
  /** True when this position comes from the source map (a TS position). */
  mapped: boolean;
  /** A compiler runtime helper (`_js_*`), shown at the TS call that invoked it. */
  helper?: boolean;
}

/**
 * The frame an error is reported at: the innermost one in the user's TypeScript (not Blender's
 * or Python's library, not a runtime helper), else the innermost frame.
 */
export function headlineFrame(stack: readonly StackFrame[]): StackFrame | undefined {
  return stack.find((f) => f.mapped && !f.helper) ?? stack[0];
}

/** A Python frame as reported by the bootstrap (line 1-based, column 0-based when known). */
export interface PythonFrame {
  file: string;
  line: number;
  name: string;
  column?: number;
}

/**
 * Why a run failed: an uncaught exception (with a TS stack), a crash, a timeout, a cancellation.
 * `format()` prints `<file>:<line>:<col> - error BPY<code>: <message>` plus `    at …` lines.
 */
export class ScriptError extends Error {
  override name = "ScriptError";
  constructor(
    readonly code: RunnerErrorCode,
    message: string,
    readonly details: {
      /** Python exception type, e.g. `ValueError`. */
      type?: string;
      /** TS-mapped stack, innermost first. */
      stack?: StackFrame[];
      /** The raw Python frames, innermost last (as Python prints them). */
      pythonFrames?: PythonFrame[];
      /** Python's own formatted traceback (runner frames removed). */
      pythonTrace?: string;
      signal?: string;
    } = {},
  ) {
    super(message);
  }

  get type(): string | undefined {
    return this.details.type;
  }
  get tsStack(): StackFrame[] {
    return this.details.stack ?? [];
  }
  get pythonTrace(): string | undefined {
    return this.details.pythonTrace;
  }

  /** The error as the CLI prints it; `pythonTrace` appends Python's traceback. */
  format(options: { cwd?: string; pythonTrace?: boolean } = {}): string {
    const cwd = options.cwd ?? process.cwd();
    const where = (f: StackFrame) => `${relative(cwd, f.file) || f.file}:${f.line}:${f.column}`;
    const stack = this.tsStack;
    const top = headlineFrame(stack);
    const head = this.details.type ? `${this.details.type}: ${this.message}` : this.message;
    const lines = [`${top ? `${where(top)} - ` : ""}error ${this.code}: ${head}`];
    for (const f of stack) {
      lines.push(
        f.name && f.name !== "<module>" ? `    at ${f.name} (${where(f)})` : `    at ${where(f)}`,
      );
    }
    if (options.pythonTrace && this.details.pythonTrace) {
      lines.push(
        "Python traceback:",
        ...this.details.pythonTrace
          .trimEnd()
          .split("\n")
          .map((l) => `  ${l}`),
      );
    }
    return lines.join("\n");
  }
}

/** A failure of the runner's own setup (bad input, pool closed); thrown, not returned. */
export class RunnerError extends Error {
  override name = "RunnerError";
  constructor(
    readonly code: RunnerErrorCode,
    message: string,
  ) {
    super(message);
  }
  format(): string {
    return `error ${this.code}: ${this.message}`;
  }
}
