import type { FarmCode } from "@bpyts/diagnostics";

/** A frame range, both ends included. */
export interface FrameRange {
  start: number;
  end: number;
}

/** `BPY04xx: message`, the form farm errors travel in (BullMQ keeps only a failed job's text). */
export function codedMessage(code: FarmCode, message: string): string {
  return `${code}: ${message}`;
}

export class FarmError extends Error {
  override name = "FarmError";
  constructor(
    readonly code: FarmCode,
    message: string,
  ) {
    super(codedMessage(code, message));
  }
}

/** Parses `1-240` or `7`. */
export function parseFrames(text: string): FrameRange {
  const m = /^\s*(-?\d+)\s*(?:-\s*(-?\d+))?\s*$/.exec(text);
  if (!m)
    throw new FarmError("BPY0400", `--frames '${text}' is not a frame range (write e.g. 1-240)`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (end < start)
    throw new FarmError("BPY0400", `--frames '${text}': the end is before the start`);
  return { start, end };
}

/** Splits a range into chunks of `size` frames, in order (the last may be shorter). */
export function chunkFrames(range: FrameRange, size: number): FrameRange[] {
  if (!Number.isInteger(size) || size < 1)
    throw new FarmError("BPY0401", `--chunk ${size} must be a whole number of frames, at least 1`);
  const out: FrameRange[] = [];
  for (let s = range.start; s <= range.end; s += size)
    out.push({ start: s, end: Math.min(range.end, s + size - 1) });
  return out;
}

/** The queue of one Blender version: a worker consumes only its own version's queue. */
export function queueName(name: string, blenderVersion: string): string {
  const mm = /^(\d+)\.(\d+)/.exec(blenderVersion);
  if (!mm)
    throw new FarmError("BPY0402", `'${blenderVersion}' is not a Blender version (major.minor)`);
  return `bpyts-${name}-${mm[1]}.${mm[2]}`;
}

/** Pub/sub channel on which a cancelled submission's id is announced to every worker. */
export const CANCEL_CHANNEL = "bpyts:farm:cancel";

/** Key set (for a day) when a submission is cancelled: workers refuse its jobs. */
export function cancelledKey(submission: string): string {
  return `bpyts:farm:cancelled:${submission}`;
}
