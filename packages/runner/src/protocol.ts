import type { RunnerErrorCode } from "./errors.js";

/** Length-prefixed JSON frames: a 4-byte big-endian byte length, then UTF-8 JSON. */
export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), "utf8");
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/**
 * The largest frame a worker may send (a `done` frame carries the result's JSON text, escaped
 * once more): 256 MiB, under V8's string limit, so a frame that passes can be decoded.
 */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;

/** Why a worker's channel cannot be trusted any more (the pool fails the job, replaces the worker). */
export class ProtocolError extends Error {
  override name = "ProtocolError";
  constructor(
    readonly code: RunnerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Incremental decoder: push chunks, get whole messages. Linear in the bytes received (chunks are
 * joined once per frame, not once per chunk). A frame over `maxBytes` (known from its header,
 * before its body arrives), a body that is not JSON, or one `parse` refuses (a ProtocolError)
 * calls `onError` once; the decoder then ignores the rest of the stream (nothing after a bad
 * frame is trusted).
 */
export function frameDecoder<T = unknown>(
  onMessage: (message: T) => void,
  onError: (error: ProtocolError) => void = (e) => {
    throw e;
  },
  maxBytes = MAX_FRAME_BYTES,
  parse: (json: unknown) => T = (json) => json as T,
): (chunk: Buffer) => void {
  let chunks: Buffer[] = [];
  let size = 0;
  let broken = false;
  const fail = (error: ProtocolError) => {
    broken = true;
    chunks = [];
    size = 0;
    onError(error);
  };
  return (chunk) => {
    if (broken) return;
    chunks.push(chunk);
    size += chunk.length;
    while (size >= 4) {
      if (chunks[0]!.length < 4) chunks = [Buffer.concat(chunks, size)];
      const length = chunks[0]!.readUInt32BE(0);
      if (length > maxBytes) {
        return fail(
          new ProtocolError(
            "BPY0110",
            `the worker announced a ${length}-byte message (more than ${maxBytes}); its channel is corrupt`,
          ),
        );
      }
      if (size < 4 + length) return;
      const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      const body = all.subarray(4, 4 + length);
      const rest = all.subarray(4 + length);
      chunks = rest.length ? [rest] : [];
      size = rest.length;
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8")) as unknown;
      } catch (e) {
        const preview = JSON.stringify(body.subarray(0, 40).toString("utf8"));
        return fail(
          new ProtocolError(
            "BPY0111",
            `the worker sent a message that is not JSON (${(e as Error).message}; starts ${preview})`,
          ),
        );
      }
      let message: T;
      try {
        message = parse(json);
      } catch (e) {
        if (e instanceof ProtocolError) return fail(e);
        throw e;
      }
      onMessage(message);
      if (broken) return;
    }
  };
}

/**
 * The one decoder of a worker's channel: length-prefixed frames → JSON → a checked
 * `WorkerMessage`. Every way a frame can be wrong is a coded ProtocolError: too large (BPY0110),
 * not JSON (BPY0111), not a message of the protocol (BPY0112).
 */
export function workerMessageDecoder(
  onMessage: (message: WorkerMessage) => void,
  onError: (error: ProtocolError) => void,
  maxBytes = MAX_FRAME_BYTES,
): (chunk: Buffer) => void {
  return frameDecoder(onMessage, onError, maxBytes, parseWorkerMessage);
}

/**
 * What the pool sends a worker (stdin), checked on the Python side by `decode_request`
 * (python/bpyts/_channel.py) with the same fields: a worker exits with REQUEST_REFUSED rather
 * than run a request it does not understand.
 */
export type PoolRequest =
  | ({
      type: "job";
      /** The `.py` to run (absolute). */
      script: string;
      /** The job's input (JSON), null for none. */
      input: unknown;
      args: readonly string[];
      /** A `.blend` to open first (absolute). */
      blendFile?: string;
      allowAutorun: boolean;
      emptyScene: boolean;
      cwd: string;
      /** Run the job under debugpy listening on 127.0.0.1:`port` (the worker is replaced after). */
      debugpy?: { port: number };
    } & JobTag)
  | { type: "quit" };

export function encodeRequest(request: PoolRequest): Buffer {
  return encodeFrame(request);
}

/** A worker's exit status when a request did not match the protocol (python/bpyts/_worker.py). */
export const REQUEST_REFUSED = 72;

/** A job's identity on the channel: the pool's job id and a random nonce made for that job. */
export interface JobTag {
  id: number;
  nonce: string;
}

export interface PythonExceptionMessage {
  type: string;
  message: string;
  frames: { file: string; line: number; name: string; column?: number }[];
  pythonTrace: string;
}

/** What a worker may say, checked field by field (`parseWorkerMessage`). */
export type WorkerMessage =
  | { type: "ready"; pid: number; version: string; tempdir?: string }
  | ({ type: "out"; stream: "stdout" | "stderr"; data: string } & JobTag)
  | ({
      type: "done";
      exitCode: number;
      error: PythonExceptionMessage | null;
      hasResult: boolean;
      result: string | null;
    } & JobTag)
  | { type: "idle" }
  | { type: "recycle"; reasons: string[] };

type Check = (v: unknown) => boolean;
const isInt: Check = (v) => typeof v === "number" && Number.isSafeInteger(v);
const isStr: Check = (v) => typeof v === "string";
const isBool: Check = (v) => typeof v === "boolean";
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const arrayOf =
  (c: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(c);
const shape =
  (fields: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v) =>
    isObj(v) &&
    Object.entries(fields).every(([k, c]) => c(v[k])) &&
    Object.entries(optional).every(([k, c]) => v[k] === undefined || c(v[k])) &&
    Object.keys(v).every((k) => k in fields || k in optional);

const frame = shape({ file: isStr, line: isInt, name: isStr }, { column: isInt });
const exception = shape({
  type: isStr,
  message: isStr,
  frames: arrayOf(frame),
  pythonTrace: isStr,
});
const tag = { type: isStr, id: isInt, nonce: isStr };
/** A job's outcome: the `done` frame's fields, and the one-shot run's result file. */
const outcomeFields = {
  exitCode: (v: unknown) => isInt(v) || isBool(v),
  error: nullable(exception),
  hasResult: isBool,
  result: nullable(isStr),
};
const outcome = shape(outcomeFields);
const schemas: Record<WorkerMessage["type"], Check> = {
  ready: shape({ type: isStr, pid: isInt, version: isStr }, { tempdir: isStr }),
  out: shape({ ...tag, stream: (v) => v === "stdout" || v === "stderr", data: isStr }),
  done: shape({ ...tag, ...outcomeFields }),
  idle: shape({ type: isStr }),
  recycle: shape({ type: isStr, reasons: arrayOf(isStr) }),
};

/** Check a decoded frame against the schema of its type; throws ProtocolError (BPY0112). */
export function parseWorkerMessage(message: unknown): WorkerMessage {
  const type = isObj(message) ? message["type"] : undefined;
  const check = typeof type === "string" ? schemas[type as WorkerMessage["type"]] : undefined;
  if (!check || !Object.hasOwn(schemas, type as string) || !check(message)) {
    const text = JSON.stringify(message) ?? String(message);
    throw new ProtocolError(
      "BPY0112",
      `the worker sent a message that does not match the protocol: ${text.length > 120 ? `${text.slice(0, 120)}…` : text}`,
    );
  }
  return message as WorkerMessage;
}

/** A job outcome as the one-shot bootstrap writes it (its result file); undefined if malformed. */
export function parseOutcome(json: unknown): JobOutcomeMessage | undefined {
  return outcome(json) ? (json as JobOutcomeMessage) : undefined;
}

export interface JobOutcomeMessage {
  exitCode: number | boolean;
  error: PythonExceptionMessage | null;
  hasResult: boolean;
  result: string | null;
}
