/** Typed progress parsed from Blender's render output. */
export type ProgressEvent =
  | { kind: "frame"; frame: number; line: string }
  | { kind: "samples"; frame?: number; current: number; total: number; line: string }
  | { kind: "tiles"; frame?: number; current: number; total: number; line: string }
  | { kind: "saved"; path: string; line: string }
  | { kind: "finished"; frame?: number; line: string };

const FRAME = /^Fra:\s*(\d+)\b/;
/** Blender ≥ 5 logs render progress through CLOG: `00:00.473  render           | Fra: 1 | …`. */
const LOG_PREFIX = /^\s*\d+:\d+\.\d+\s+[\w.]+\s+\|\s/;
const SAMPLE = /\bSample (\d+)\/(\d+)/;
const RENDERING_SAMPLES = /\bRendering (\d+) \/ (\d+) samples\b/;
const TILES = /\b(?:Rendered|Tile) (\d+)\/(\d+) Tiles?\b/i;
const SAVED = /^Saved: ['"]?(.+?)['"]?\s*$/;
const FINISHED = /\|\s*Finished\s*$/;

/** Parse one line of Blender's output; undefined when it is not render progress. */
export function parseProgress(line: string): ProgressEvent | undefined {
  const text = line.replace(/\r$/, "").replace(LOG_PREFIX, "");
  const saved = SAVED.exec(text);
  if (saved?.[1]) return { kind: "saved", path: saved[1], line: text };
  const fra = FRAME.exec(text);
  if (!fra?.[1]) return undefined;
  const frame = Number(fra[1]);
  const samples = SAMPLE.exec(text) ?? RENDERING_SAMPLES.exec(text);
  if (samples?.[1] && samples[2]) {
    return {
      kind: "samples",
      frame,
      current: Number(samples[1]),
      total: Number(samples[2]),
      line: text,
    };
  }
  const tiles = TILES.exec(text);
  if (tiles?.[1] && tiles[2]) {
    return { kind: "tiles", frame, current: Number(tiles[1]), total: Number(tiles[2]), line: text };
  }
  if (FINISHED.test(text)) return { kind: "finished", frame, line: text };
  return { kind: "frame", frame, line: text };
}

/** Progress lines are short: a longer unfinished line is not one (and is not kept growing). */
const MAX_PENDING = 64 * 1024;

/** Feed output chunks, get progress events per complete line (linear in the output's size). */
export function progressParser(onProgress: (e: ProgressEvent) => void): (chunk: string) => void {
  let pending = "";
  return (chunk) => {
    if (pending.endsWith("\r")) {
      // A lone \r at a chunk's end may be half of \r\n: decide with the next chunk.
      pending = pending.slice(0, -1);
      chunk = `\r${chunk}`;
    }
    const lines = chunk.split(/\r?\n|\r(?!$)/);
    const last = lines.pop() ?? "";
    if (lines.length) {
      lines[0] = pending + lines[0];
      pending = last;
    } else pending += last;
    if (pending.length > MAX_PENDING) pending = "\u0000"; // never a progress line
    for (const line of lines) {
      const event = parseProgress(line);
      if (event) onProgress(event);
    }
  };
}
