import { relative } from "node:path";

/** Runner error codes (the `BPY01xx` block; `BPY00xx` are the CLI's driver errors). */
export const runnerErrors = {
  BPY0100: "uncaught exception in the script",
  BPY0101: "Blender crashed",
  BPY0102: "timed out",
  BPY0103: "cancelled",
  BPY0104: "Blender exited before the script finished",
  BPY0105: "input is not JSON-serialisable",
  BPY0106: "worker pool is closed",
  BPY0107: "file not found",
  BPY0108: "cannot compile (compiler unavailable)",
  BPY0109: "no Python interpreter with bpy",
  // A pool worker's channel broke the protocol (the job fails, the worker is replaced).
  BPY0110: "worker message too large",
  BPY0111: "worker message is not JSON",
  BPY0112: "worker message does not match the protocol",
  BPY0113: "worker message for another job (wrong id or nonce)",
  BPY0114: "worker channel closed during the job",
  BPY0115: "the script reads input() but the run was given none",
  // From the end of the block (other runner codes are added from the start).
  BPY0150: "not a Blender",
  BPY0151: "the Blender version probe timed out",
} as const;
export type RunnerErrorCode = keyof typeof runnerErrors;

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
