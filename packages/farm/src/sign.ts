import { createHmac, timingSafeEqual } from "node:crypto";

/** What a farm job carries: everything a worker needs, signed as one unit. */
export interface FarmPayload {
  submission: string;
  /** Blender major.minor the script was compiled for (the queue's version). */
  blenderVersion: string;
  python: string;
  sourceMap?: unknown;
  input?: unknown;
  timeoutMs?: number;
}

/** JSON with object keys sorted, so signer and verifier hash the same bytes whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

export function signPayload(payload: FarmPayload, secret: string | Buffer): string {
  return createHmac("sha256", secret).update(canonicalJson(payload)).digest("hex");
}

/** Why a job's signature is refused, or undefined when it is valid. */
export function verifyPayload(
  payload: FarmPayload,
  signature: unknown,
  secret: string | Buffer,
): string | undefined {
  if (typeof signature !== "string" || signature.length === 0) return "the job is not signed";
  const expected = Buffer.from(signPayload(payload, secret), "hex");
  const given = Buffer.from(signature, "hex");
  // Constant-time compare; a length mismatch is refused before (timingSafeEqual throws on it).
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return "the job's signature does not match its payload (tampered, or signed with another secret)";
  return undefined;
}
