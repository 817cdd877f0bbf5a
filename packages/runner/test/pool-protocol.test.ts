// The pool's channel decoder and message schemas (no Blender): a worker's frames are untrusted.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  encodeFrame,
  frameDecoder,
  parseWorkerMessage,
  ProtocolError,
  MAX_FRAME_BYTES,
} from "../src/index.js";

function collect(maxBytes?: number) {
  const messages: unknown[] = [];
  const errors: ProtocolError[] = [];
  const decode = frameDecoder(
    (m) => messages.push(m),
    (e) => errors.push(e),
    maxBytes,
  );
  return { decode, messages, errors };
}

describe("frame decoder", () => {
  afterEach(() => vi.restoreAllMocks());

  it("decodes frames split anywhere and several frames in one chunk", () => {
    const { decode, messages, errors } = collect();
    const bytes = Buffer.concat([
      encodeFrame({ a: 1 }),
      encodeFrame({ t: "é\n" }),
      encodeFrame([]),
    ]);
    for (let i = 0; i < bytes.length; i += 3) decode(bytes.subarray(i, i + 3));
    decode(Buffer.concat([encodeFrame(1), encodeFrame(2)]));
    expect(messages).toEqual([{ a: 1 }, { t: "é\n" }, [], 1, 2]);
    expect(errors).toEqual([]);
  });

  it("joins the chunks of a large frame once, not once per chunk (linear decoding)", () => {
    const { decode, messages } = collect();
    const big = encodeFrame({ data: "x".repeat(8 * 1024 * 1024) });
    const concat = vi.spyOn(Buffer, "concat");
    for (let i = 0; i < big.length; i += 64 * 1024) decode(big.subarray(i, i + 64 * 1024));
    expect(messages).toHaveLength(1);
    // 129 chunks: the old decoder joined the buffered bytes on every chunk (quadratic).
    expect(concat.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it("BPY0110: a frame announced over the cap fails at its header, before its body", () => {
    const { decode, messages, errors } = collect(1024);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(1025);
    decode(header);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe("BPY0110");
    decode(encodeFrame({ after: true })); // nothing after a bad frame is trusted
    expect(messages).toEqual([]);
    expect(MAX_FRAME_BYTES).toBeLessThan(512 * 1024 * 1024); // decodable as one V8 string
  });

  it("BPY0111: a well-framed body that is not JSON", () => {
    const { decode, errors } = collect();
    const body = Buffer.from("not json");
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length);
    decode(Buffer.concat([header, body]));
    expect(errors.map((e) => e.code)).toEqual(["BPY0111"]);
    expect(errors[0]?.message).toMatch(/not JSON/);
  });
});

describe("worker message schemas", () => {
  const tag = { id: 3, nonce: "ab" };
  const valid = [
    { type: "ready", pid: 1, version: "3.4.1" },
    { type: "out", ...tag, stream: "stdout", data: "x" },
    {
      type: "done",
      ...tag,
      exitCode: 0,
      error: {
        type: "ValueError",
        message: "m",
        frames: [{ file: "f", line: 1, name: "<module>" }],
        pythonTrace: "",
      },
      hasResult: true,
      result: "1",
    },
    { type: "idle" },
    { type: "recycle", reasons: ["threads left running: x"] },
  ];

  it("accepts each message type", () => {
    for (const m of valid) expect(parseWorkerMessage(m)).toBe(m);
  });

  it.each([
    ["an unknown type", { type: "job" }],
    ["a prototype key as type", { type: "constructor" }],
    ["not an object", "ready"],
    ["a missing field", { type: "out", ...tag, stream: "stdout" }],
    [
      "a wrong field type",
      { type: "done", ...tag, exitCode: "0", error: null, hasResult: false, result: null },
    ],
    ["an extra field", { type: "idle", id: 1 }],
    ["a bad stream", { type: "out", ...tag, stream: "stdin", data: "" }],
    [
      "a bad nested frame",
      {
        type: "done",
        ...tag,
        exitCode: 1,
        error: { type: "E", message: "", frames: [{}], pythonTrace: "" },
        hasResult: false,
        result: null,
      },
    ],
  ])("BPY0112: %s", (_, message) => {
    expect(() => parseWorkerMessage(message)).toThrow(
      expect.objectContaining({ name: "ProtocolError", code: "BPY0112" }),
    );
  });
});
