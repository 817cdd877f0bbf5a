import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import {
  GREATEST_LOWER_BOUND,
  LEAST_UPPER_BOUND,
  TraceMap,
  originalPositionFor,
  type SourceMapInput,
} from "@jridgewell/trace-mapping";
import { ScriptError, type PythonFrame, type StackFrame } from "./errors.js";

/** A standard v3 source map object (sources = the TS files). */
export interface SourceMapV3 {
  version: 3;
  file?: string;
  sourceRoot?: string;
  sources: (string | null)[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
  /** The compiler's debugger facts: `def` line (0: module) → names whose None reads `null`. */
  x_bpyts_nulls?: Record<string, string[]>;
}

/** A script's source map, bound to the Python file it describes. */
export interface ScriptMap {
  /** Absolute path of the .py file the map describes (frames with this filename are mapped). */
  script: string;
  map: SourceMapV3;
  /** Folder that relative `sources` are resolved against. */
  baseDir: string;
}

/** Load `<script>.map` when it exists (the layout `bpyts build` writes). */
export function loadSiblingMap(script: string): ScriptMap | undefined {
  try {
    const map = JSON.parse(readFileSync(`${script}.map`, "utf8")) as SourceMapV3;
    return { script: resolve(script), map, baseDir: dirname(resolve(script)) };
  } catch {
    return undefined;
  }
}

const cache = new WeakMap<SourceMapV3, TraceMap>();

/** Map one Python position (line 1-based, column 0-based or unknown) to TS. */
export function mapPosition(
  scriptMap: ScriptMap,
  line: number,
  column?: number,
): { file: string; line: number; column: number } | undefined {
  let tracer = cache.get(scriptMap.map);
  if (!tracer) {
    tracer = new TraceMap(scriptMap.map as SourceMapInput);
    cache.set(scriptMap.map, tracer);
  }
  const attempts: { column: number; bias: 1 | -1 }[] =
    column === undefined
      ? [{ column: 0, bias: LEAST_UPPER_BOUND }]
      : [
          { column, bias: GREATEST_LOWER_BOUND },
          { column, bias: LEAST_UPPER_BOUND },
        ];
  for (const a of attempts) {
    const pos = originalPositionFor(tracer, { line, column: a.column, bias: a.bias });
    if (pos.source !== null && pos.line !== null && pos.column !== null) {
      // trace-mapping resolves sources against the map's own URL; we want real paths.
      const raw = pos.source.startsWith("file://") ? new URL(pos.source).pathname : pos.source;
      const file = isAbsolute(raw)
        ? raw
        : resolve(scriptMap.baseDir, scriptMap.map.sourceRoot ?? "", raw);
      return { file, line: pos.line, column: pos.column + 1 };
    }
  }
  return undefined;
}

/**
 * The compiler's runtime helpers (`_js_*`, a prefix user names never get) sit in the script's
 * header, which maps to the entry's first line; a helper frame is shown at the TS call that
 * invoked it instead.
 */
const isHelper = (name: string) => name.startsWith("_js_");

/** Python frames (innermost last) → a stack (innermost first), mapped where the map covers it. */
export function mapFrames(frames: PythonFrame[], scriptMap?: ScriptMap): StackFrame[] {
  const out: StackFrame[] = [];
  for (const f of [...frames].reverse()) {
    const inScript = scriptMap !== undefined && resolve(f.file) === scriptMap.script;
    const mapped = inScript ? mapPosition(scriptMap, f.line, f.column) : undefined;
    out.push(
      mapped
        ? { ...mapped, name: f.name, mapped: true, ...(isHelper(f.name) ? { helper: true } : {}) }
        : { file: f.file, line: f.line, column: (f.column ?? 0) + 1, name: f.name, mapped: false },
    );
  }
  // Helpers take the position of the nearest outer frame that is user code.
  for (let i = out.length - 1, caller: StackFrame | undefined; i >= 0; i--) {
    const f = out[i]!;
    if (f.helper && caller)
      out[i] = { ...f, file: caller.file, line: caller.line, column: caller.column };
    else if (f.mapped && !f.helper) caller = f;
  }
  return out;
}

/** The bootstrap's structured description of an uncaught exception. */
export interface PythonException {
  type: string;
  message: string;
  frames: PythonFrame[];
  pythonTrace: string;
}

/**
 * An exception raised inside a Python operator (the script's own `execute`, say) reaches the
 * caller of `bpy.ops.…` as a RuntimeError whose message is the operator's whole traceback:
 * `Error: Python: Traceback …\n  File "…", line N, in execute\n …\nValueError: boom\nLocation: …`.
 * Its frames are the innermost ones, so they go on top of the stack and the type and message
 * become the operator's own exception's.
 */
const OPERATOR_TRACE =
  /^(?:Error: )?Python: Traceback \(most recent call last\):\n((?: {2}File "[^\n]*", line \d+, in [^\n]*\n(?: {4}[^\n]*\n)*)+)([^\n]+)\n(?:Location: [^\n]*\n?)?$/;
const OPERATOR_FRAME = / {2}File "([^\n]*)", line (\d+), in ([^\n]*)/g;

function operatorTrace(exc: PythonException): PythonException {
  const m = exc.type === "RuntimeError" ? OPERATOR_TRACE.exec(exc.message.trimEnd() + "\n") : null;
  if (!m) return exc;
  const inner = [...m[1]!.matchAll(OPERATOR_FRAME)].map((f) => ({
    file: f[1]!,
    line: Number(f[2]),
    name: f[3]!,
  }));
  // The exception line: `JsError: boom`, `ValueError: x`, or a bare `KeyboardInterrupt`.
  const line = /^([A-Za-z_][\w.]*)(?:: ([\s\S]*))?$/.exec(m[2]!);
  const type = line ? line[1]! : exc.type;
  const message = line ? (line[2] ?? "") : m[2]!;
  return { ...exc, type, message, frames: [...exc.frames, ...inner] };
}

export function exceptionError(exc: PythonException, scriptMap?: ScriptMap): ScriptError {
  const e = operatorTrace(exc);
  // bpyts/runtime's input() without input: its own code, so that tools can tell it apart
  const code = e.type === "bpyts.runtime.NoInputError" ? "BPY0115" : "BPY0100";
  return new ScriptError(code, e.message, {
    type: e.type,
    stack: mapFrames(e.frames, scriptMap),
    pythonFrames: e.frames,
    pythonTrace: e.pythonTrace,
  });
}
