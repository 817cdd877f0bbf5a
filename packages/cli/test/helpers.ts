import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { afterEach } from "vitest";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
/** The compiler is written in parallel: tests that need real TS compilation wait for its build. */
export const compilerReady = existsSync(join(repoRoot, "packages/compiler/dist/index.js"));
export const typingsReady = existsSync(join(repoRoot, "packages/blender-3.4/index.d.ts"));

export function bpyts(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return execa(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: options.env,
    reject: false,
    stdin: "ignore",
  });
}

export async function tempDir(prefix = "bpyts cli "): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export const helloSource = (): string => readFileSync(join(repoRoot, "examples/hello.ts"), "utf8");

/** A folder holding hello.ts, and a private $TMPDIR in it for the compile servers a test starts. */
export async function helloFolder(prefix: string): Promise<{ dir: string; tmp: string }> {
  const dir = await tempDir(prefix);
  const tmp = join(dir, "tmp");
  mkdirSync(tmp);
  writeFileSync(join(dir, "hello.ts"), helloSource());
  return { dir, tmp };
}

/** Register cleanups that run after each test of the calling file, the last registered first. */
export function cleanupsAfterEach(): (c: () => Promise<void> | void) => void {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return (c) => void cleanups.push(c);
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
 * Stand-in for compiler output: `script.py` + `script.py.map` whose Python line i+1 maps to the
 * TS position `lines[i]` ([line, column], 1-based) in `ts`.
 */
export async function handCompiled(
  dir: string,
  name: string,
  python: string,
  ts: string,
  lines: [number, number][],
) {
  let pl = 0;
  let pc = 0;
  const mappings = lines
    .map(([l, c]) => {
      const seg = vlq(0) + vlq(0) + vlq(l - 1 - pl) + vlq(c - 1 - pc);
      pl = l - 1;
      pc = c - 1;
      return seg;
    })
    .join(";");
  const py = join(dir, `${name}.py`);
  await writeFile(py, python);
  await writeFile(
    `${py}.map`,
    JSON.stringify({ version: 3, file: `${name}.py`, sources: [ts], names: [], mappings }),
  );
  return py;
}
