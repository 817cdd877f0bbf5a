export { findBlender, blenderVersion, BlenderNotFoundError } from "./discover.js";
export type { FindBlenderOptions } from "./discover.js";
export { runScript, blenderArgs } from "./binary.js";
export type { RunScriptOptions, RunScriptResult } from "./binary.js";
