// Globals supported by the bpyts compiler (the output runs in Blender's Python, not in a browser
// or Node). Included automatically as a root file of every compilation.

interface Console {
  /** print() to stdout; strings raw, numbers JavaScript-style, arrays/objects as JSON */
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  /** print() to stderr */
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
}

declare var console: Console;
