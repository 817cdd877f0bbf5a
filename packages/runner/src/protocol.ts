/** Length-prefixed JSON frames: a 4-byte big-endian byte length, then UTF-8 JSON. */
export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), "utf8");
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Incremental decoder: push chunks, get whole messages. */
export function frameDecoder(onMessage: (message: unknown) => void): (chunk: Buffer) => void {
  let buffered: Buffer = Buffer.alloc(0);
  return (chunk) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (buffered.length < 4 + length) break;
      const body = buffered.subarray(4, 4 + length);
      buffered = buffered.subarray(4 + length);
      onMessage(JSON.parse(body.toString("utf8")) as unknown);
    }
  };
}

const MARK = "\x1e";
const END = /^\x1ebpyts:end:(\d+)\x1e\n/;

/**
 * Splits a worker's stdout/stderr into jobs: text is forwarded to `onText` until the end marker
 * `\x1ebpyts:end:<id>\x1e\n` the worker writes after each job, which calls `onEnd(id)`.
 */
export function markerSplitter(
  onText: (text: string) => void,
  onEnd: (id: number) => void,
): (chunk: string) => void {
  let held = "";
  return (chunk) => {
    let text = held + chunk;
    held = "";
    for (;;) {
      const at = text.indexOf(MARK);
      if (at < 0) {
        if (text) onText(text);
        return;
      }
      if (at > 0) onText(text.slice(0, at));
      text = text.slice(at);
      const m = END.exec(text);
      if (m?.[1]) {
        onEnd(Number(m[1]));
        text = text.slice(m[0].length);
        continue;
      }
      // A marker may be split across chunks: hold a possible prefix, forward anything else.
      const prefix = `${MARK}bpyts:end:`;
      const possible =
        text.length < prefix.length + 12 &&
        (prefix.startsWith(text) ||
          (text.startsWith(prefix) && /^\d*\x1e?$/.test(text.slice(prefix.length))));
      if (possible) {
        held = text;
        return;
      }
      onText(MARK);
      text = text.slice(1);
    }
  };
}
