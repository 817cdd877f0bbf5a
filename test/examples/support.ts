// Shared helpers for the examples' end-to-end tests: run an example through the real `bpyts`
// CLI, read its result, sample PNG pixels, probe videos.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";
import { PNG } from "pngjs";
import { afterAll } from "vitest";
import { bpyts, repoRoot } from "../helpers.js";

export { repoRoot };

export const chroots = "/var/lib/bpyts/chroots/bin";
/** Blender 4.3 / 5.2 (root-only chroot wrappers): tests for them run only where they exist. */
export const otherBlenders = ["4.3", "5.2"]
  .map((v) => ({ version: v, blender: join(chroots, `blender-${v}`) }))
  .filter((b) => existsSync(b.blender));

/** Every Blender the example tests run on: the host's (3.4) and the chroots that exist. */
export const blenders: { version: string; blender?: string }[] = [
  { version: "3.4" },
  ...otherBlenders,
];

const made: string[] = [];
// Every test file that uses tempDir removes its folders when it is done.
afterAll(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `bpyts-ex-${name}-`));
  made.push(dir);
  return dir;
}

export interface ExampleRun<T> {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The script's `setResult` value (from `bpyts run --result`), or undefined. */
  result: T | undefined;
}

/**
 * `bpyts run <entry> --input <json> --result` as a user would type it. The result JSON is the last
 * thing on stdout, pretty-printed, so it starts at the last line that is exactly "{" or "[".
 */
export async function runExample<T = unknown>(
  entry: string,
  input: unknown,
  extra: string[] = [],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; blender?: string } = {},
): Promise<ExampleRun<T>> {
  // Options first: everything after a "--" in `extra` goes to the script.
  const args = ["run", resolve(repoRoot, entry), "--no-progress", "--result"];
  if (options.blender !== undefined) args.push("--blender", options.blender);
  if (input !== undefined) args.push("--input", JSON.stringify(input));
  args.push(...extra);
  const r = await bpyts(args, { cwd: options.cwd, env: options.env });
  const stdout = String(r.stdout);
  const lines = stdout.split("\n");
  let result: T | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i] === "{" || lines[i] === "[") {
      try {
        result = JSON.parse(lines.slice(i).join("\n")) as T;
      } catch {
        result = undefined;
      }
      break;
    }
  }
  return { exitCode: r.exitCode ?? 1, stdout, stderr: String(r.stderr), result };
}

export function describeRun(r: { exitCode: number; stdout: string; stderr: string }): string {
  return `exit ${r.exitCode}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-3000)}`;
}

// ---- images ---------------------------------------------------------------------------------

export interface Image {
  width: number;
  height: number;
  data: Uint8Array;
}

export async function readPng(path: string): Promise<Image> {
  const png = PNG.sync.read(await readFile(path));
  return { width: png.width, height: png.height, data: png.data };
}

export function writePng(image: Image): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png);
}

export type RGB = [number, number, number];

/** RGB at column x, row y (row 0 at the top). */
export function pixel(image: Image, x: number, y: number): RGB {
  const cx = Math.min(image.width - 1, Math.max(0, Math.round(x)));
  const cy = Math.min(image.height - 1, Math.max(0, Math.round(y)));
  const i = (cy * image.width + cx) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

export function distance(a: RGB, b: RGB): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** Blender's "Standard" view transform: linear scene colour → 8-bit sRGB. */
export function srgb(linear: RGB): RGB {
  return linear.map((c) => {
    const v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    return Math.round(255 * Math.min(1, Math.max(0, v)));
  }) as RGB;
}

/** Per-channel mean and variance over the whole image. */
export function channelStats(image: Image): { mean: RGB; variance: RGB } {
  const n = image.width * image.height;
  const mean: RGB = [0, 0, 0];
  const variance: RGB = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = image.data[i * 4 + c]!;
      s += v;
      s2 += v * v;
    }
    mean[c] = s / n;
    variance[c] = s2 / n - (s / n) * (s / n);
  }
  return { mean, variance };
}

// ---- video ----------------------------------------------------------------------------------

export interface VideoInfo {
  codec: string;
  width: number;
  height: number;
  frames: number;
  frameRate: string;
  duration: number;
  format: string;
}

export async function ffprobe(path: string): Promise<VideoInfo> {
  const { stdout } = await execa("ffprobe", [
    "-v",
    "error",
    "-count_frames",
    "-select_streams",
    "v:0",
    "-show_entries",
    "stream=codec_name,width,height,nb_read_frames,r_frame_rate:format=duration,format_name",
    "-of",
    "json",
    path,
  ]);
  const j = JSON.parse(stdout) as {
    streams: {
      codec_name: string;
      width: number;
      height: number;
      nb_read_frames: string;
      r_frame_rate: string;
    }[];
    format: { duration: string; format_name: string };
  };
  const s = j.streams[0]!;
  return {
    codec: s.codec_name,
    width: s.width,
    height: s.height,
    frames: Number(s.nb_read_frames),
    frameRate: s.r_frame_rate,
    duration: Number(j.format.duration),
    format: j.format.format_name,
  };
}

/** One decoded frame (0-based index) as RGB pixels, via ffmpeg. */
export async function videoFrame(
  path: string,
  index: number,
  width: number,
  height: number,
): Promise<Image> {
  const { stdout } = await execa(
    "ffmpeg",
    [
      "-v",
      "error",
      "-i",
      path,
      "-vf",
      `select=eq(n\\,${index})`,
      "-vframes",
      "1",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgba",
      "-",
    ],
    { encoding: "buffer" },
  );
  const data = new Uint8Array(stdout as Uint8Array);
  if (data.length !== width * height * 4)
    throw new Error(`frame ${index}: got ${data.length} bytes`);
  return { width, height, data };
}
