export {
  findBlender,
  blenderVersion,
  bpyModuleVersion,
  guessBlenderVersion,
  BlenderNotFoundError,
} from "./discover.js";
export type { FindBlenderOptions, VersionProbeOptions } from "./discover.js";
export { runScript, blenderArgs, blenderArgv } from "./binary.js";
export type { BlenderArgvOptions } from "./binary.js";
export { spawnProcess, ManagedProcess, OutputTail, OUTPUT_TAIL_CHARS } from "./process.js";
export type { SpawnOptions, ProcessResult } from "./process.js";
export type { RunScriptOptions, RunScriptResult } from "./binary.js";
export { run, isDeferred } from "./run.js";
export type {
  Backend,
  BackendOptions,
  DeferredRunnable,
  JobOptions,
  RunOptions,
  RunResult,
} from "./run.js";
export { createPool } from "./pool.js";
export type { PoolOptions, PoolJobOptions, PoolStats, WorkerPool } from "./pool.js";
export { ScriptError, RunnerError, runnerErrors, headlineFrame } from "./errors.js";
export type { RunnerErrorCode, StackFrame, PythonFrame } from "./errors.js";
export { mapFrames, mapPosition, loadSiblingMap } from "./traceback.js";
export type { SourceMapV3, ScriptMap } from "./traceback.js";
export { parseProgress, progressParser } from "./progress.js";
export { blenderNoise, noiseFilter, noiseRules, renderChatter } from "./noise.js";
export type { NoiseRule } from "./noise.js";
export type { ProgressEvent } from "./progress.js";
export {
  prepareScript,
  scriptFileName,
  blenderTypings,
  CompileError,
  defaultCompile,
} from "./script.js";
export type { CompiledScript, Runnable, CompileHook } from "./script.js";
export {
  encodeFrame,
  frameDecoder,
  parseWorkerMessage,
  workerMessageDecoder,
  encodeRequest,
  REQUEST_REFUSED,
  parseOutcome,
  ProtocolError,
  MAX_FRAME_BYTES,
} from "./protocol.js";
export type { PoolRequest, WorkerMessage } from "./protocol.js";
export { pythonDir, runtimeTypes } from "./paths.js";
