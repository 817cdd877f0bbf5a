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

/** Python frames (innermost last) → a stack (innermost first), mapped where the map covers it. */
export function mapFrames(frames: PythonFrame[], scriptMap?: ScriptMap): StackFrame[] {
  const out: StackFrame[] = [];
  for (const f of [...frames].reverse()) {
    const mapped =
      scriptMap && resolve(f.file) === scriptMap.script
        ? mapPosition(scriptMap, f.line, f.column)
        : undefined;
    out.push(
      mapped
        ? { ...mapped, name: f.name, mapped: true }
        : { file: f.file, line: f.line, column: (f.column ?? 0) + 1, name: f.name, mapped: false },
    );
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

export function exceptionError(exc: PythonException, scriptMap?: ScriptMap): ScriptError {
  return new ScriptError("BPY0100", exc.message, {
    type: exc.type,
    stack: mapFrames(exc.frames, scriptMap),
    pythonFrames: exc.frames,
    pythonTrace: exc.pythonTrace,
  });
}
