export { BpytsDebugSession, debugErrors } from "./session.js";
export type {
  DebugErrorCode,
  LaunchArguments,
  LaunchedProgram,
  Launcher,
  SessionOptions,
} from "./session.js";
export { DapClient, DapRequestError, connectWithRetry } from "./client.js";
export { ScriptIndex } from "./mapping.js";
export type { LineTarget, TsPosition } from "./mapping.js";
export { isHiddenVariable, jsNumber, jsType, jsValue, tsNameOf } from "./values.js";
export { freePort } from "./port.js";
export { debugPoolJob, poolLauncher } from "./pool.js";
export type { PoolJobDebug, PoolJobDebugOptions } from "./pool.js";
