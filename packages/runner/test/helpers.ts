import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SourceMapV3 } from "../src/index.js";

export async function tempDir(prefix = "bpyts-runner-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function pyFile(source: string, dir?: string, name = "script.py"): Promise<string> {
  const file = join(dir ?? (await tempDir()), name);
  await writeFile(file, source);
  return file;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = "";
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += B64[digit];
  } while (v);
  return out;
}

/**
 * A hand-written v3 source map (stands in for the compiler's): `lines[i]` is the TS position
 * (1-based line, 1-based column) of Python line i+1, mapped at Python column `pyCol`.
 */
export function handMap(
  source: string,
  lines: ([number, number] | [number, number, number] | null)[],
): SourceMapV3 {
  let prevSrcLine = 0;
  let prevSrcCol = 0;
  const groups = lines.map((pos) => {
    if (!pos) return "";
    const [line, col, pyCol = 0] = pos;
    const seg = vlq(pyCol) + vlq(0) + vlq(line - 1 - prevSrcLine) + vlq(col - 1 - prevSrcCol);
    prevSrcLine = line - 1;
    prevSrcCol = col - 1;
    return seg;
  });
  // Source index deltas: the first segment names source 0, later ones delta 0 — same string.
  return { version: 3, sources: [source], names: [], mappings: groups.join(";") };
}
