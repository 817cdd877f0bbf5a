// The pool's channel decoder and message schemas (no Blender): a worker's frames are untrusted.
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  encodeFrame,
  encodeRequest,
  frameDecoder,
  parseWorkerMessage,
  ProtocolError,
  MAX_FRAME_BYTES,
  parseOutcome,
  pythonDir,
  workerMessageDecoder,
  type PoolRequest,
  type WorkerMessage,
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

describe("the worker channel's one decoder", () => {
  it("returns checked messages, and a frame outside the protocol is BPY0112 (nothing after it)", () => {
    const messages: WorkerMessage[] = [];
    const errors: ProtocolError[] = [];
    const decode = workerMessageDecoder(
      (m) => messages.push(m),
      (e) => errors.push(e),
    );
    decode(Buffer.concat([encodeFrame({ type: "idle" }), encodeFrame({ type: "idle", x: 1 })]));
    decode(encodeFrame({ type: "idle" }));
    expect(messages).toEqual([{ type: "idle" }]);
    expect(errors.map((e) => e.code)).toEqual(["BPY0112"]);
  });
});

describe("pool requests, as the worker checks them (python/bpyts/_channel.py)", () => {
  const job: PoolRequest = {
    type: "job",
    id: 7,
    nonce: "n",
    script: "/tmp/x.py",
    input: { a: [1] },
    args: ["--x"],
    blendFile: "/tmp/a.blend",
    allowAutorun: false,
    emptyScene: true,
    cwd: "/tmp",
    debugpy: { port: 5678 },
  };
  /** decode_request over each case in python3 (the module needs no Blender): "ok" or the refusal. */
  function pythonDecode(cases: unknown[]): string[] {
    const code =
      "import json, sys\nfrom bpyts._channel import decode_request, ProtocolViolation\n" +
      "for case in json.loads(sys.stdin.read()):\n" +
      "    try:\n        decode_request(case)\n        print('ok')\n" +
      "    except ProtocolViolation as e:\n        print('refused:', e)\n";
    const out = execFileSync("python3", ["-c", code], {
      input: JSON.stringify(cases),
      env: { ...process.env, PYTHONPATH: pythonDir },
      encoding: "utf8",
    });
    return out.trim().split("\n");
  }

  it("accepts what the pool sends (every field of PoolRequest) and refuses anything else", () => {
    const { blendFile: _, ...noBlend } = job;
    const quit: PoolRequest = { type: "quit" };
    expect(
      pythonDecode([
        job,
        noBlend,
        quit,
        { ...job, id: true },
        { ...job, args: [1] },
        { ...job, cwd: undefined },
        { ...job, extra: 1 },
        { ...job, debugpy: { port: "5678" } },
        { ...job, debugpy: { port: 5678, host: "0.0.0.0" } },
        { type: "run" },
        [job],
      ]),
    ).toEqual([
      "ok",
      "ok",
      "ok",
      "refused: job request with a bad 'id': True",
      "refused: job request with a bad 'args': [1]",
      "refused: job request without 'cwd'",
      "refused: job request with unknown fields: extra",
      "refused: job request with a bad 'debugpy': {'port': '5678'}",
      "refused: job request with a bad 'debugpy': {'port': 5678, 'host': '0.0.0.0'}",
      expect.stringMatching(/^refused: not a request/),
      expect.stringMatching(/^refused: not a request/),
    ]);
  });

  it("encodeRequest frames a request as the worker reads it", () => {
    const frame = encodeRequest(job);
    expect(frame.readUInt32BE(0)).toBe(frame.length - 4);
    expect(JSON.parse(frame.subarray(4).toString("utf8"))).toEqual(job);
  });
});

describe("a one-shot run's result file", () => {
  it("is checked like a done frame's fields: a malformed one counts as no result", () => {
    const ok = { exitCode: 0, error: null, hasResult: true, result: "[1]" };
    expect(parseOutcome(ok)).toBe(ok);
    expect(parseOutcome({ ...ok, exitCode: true })).toBeDefined(); // sys.exit(True)
    expect(parseOutcome({ ...ok, result: 1 })).toBeUndefined();
    expect(parseOutcome({ ...ok, error: { type: "E" } })).toBeUndefined();
    expect(parseOutcome({ exitCode: 0 })).toBeUndefined();
    expect(parseOutcome(null)).toBeUndefined();
  });
});
