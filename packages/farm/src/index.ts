export { startWorker } from "./worker.js";
export { ARTIFACT_LIMIT_BYTES } from "./worker.js";
export type { FarmWorker, FarmWorkerOptions, FarmJobResult, FarmArtifact } from "./worker.js";
export { submit } from "./submit.js";
export type { SubmitOptions, Submission } from "./submit.js";
export { signPayload, verifyPayload, canonicalJson } from "./sign.js";
export type { FarmPayload } from "./sign.js";
export { parseFrames, chunkFrames, queueName, FarmError, codedMessage } from "./frames.js";
export type { FrameRange } from "./frames.js";
