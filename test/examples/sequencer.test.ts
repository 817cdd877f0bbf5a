// examples/sequencer: colour strip → transition → picture, with a title, rendered by real Blender
// to H.264; ffprobe checks container, codec, size, frame count and duration, ffmpeg-decoded frames
// check what is on screen when.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  channelStats,
  describeRun,
  ffprobe,
  pixel,
  runExample,
  tempDir,
  videoFrame,
  writePng,
  type Image,
  blenders,
} from "./support.js";

const entry = "examples/sequencer/main.ts";
const [W, H] = [160, 120];

/** A 96×64 black/white checkerboard: unmistakable, and nothing like the red colour strip. */
function checker(): Image {
  const data = new Uint8Array(96 * 64 * 4);
  for (let y = 0; y < 64; y++)
    for (let x = 0; x < 96; x++) {
      const c = ((x >> 3) + (y >> 3)) % 2 ? 230 : 20;
      data.set([c, c, c, 255], (y * 96 + x) * 4);
    }
  return { width: 96, height: 64, data };
}

/** The upper half of a frame (the title sits at the bottom). */
function top(img: Image): Image {
  const h = Math.floor(img.height / 2);
  return { width: img.width, height: h, data: img.data.slice(0, img.width * h * 4) };
}

describe.each(blenders)("examples/sequencer on Blender $version", ({ blender }) => {
  const run = <T = unknown>(
    file: string,
    input: unknown,
    extra: string[] = [],
    options: { env?: NodeJS.ProcessEnv } = {},
  ) => runExample<T>(file, input, extra, { ...options, blender });

  let dir: string;
  let image: string;
  beforeAll(async () => {
    dir = await tempDir("sequencer");
    image = join(dir, "checker.png");
    await writeFile(image, writePng(checker()));
  });

  it("renders colour → cross → picture with a title to H.264 MP4", async () => {
    const output = join(dir, "clip.mp4");
    const r = await run<{
      frames: number;
      timeline: { type: string; channel: number; start: number; end: number }[];
    }>(entry, {
      image,
      output,
      width: W,
      height: H,
      fps: 24,
      colourFrames: 24,
      imageFrames: 24,
      overlap: 8,
      title: "bpyts",
      transition: "CROSS",
    });
    expect(r.exitCode, describeRun(r)).toBe(0);
    expect(r.result?.frames).toBe(40);
    expect(r.result?.timeline.map((s) => [s.type, s.channel, s.start, s.end])).toEqual(
      expect.arrayContaining([
        ["COLOR", 1, 1, 25],
        ["IMAGE", 2, 17, 41],
        ["CROSS", 3, 17, 25],
        ["TEXT", 4, 1, 41],
      ]),
    );

    const info = await ffprobe(output);
    expect(info.format).toContain("mp4");
    expect(info.codec).toBe("h264");
    expect([info.width, info.height]).toEqual([W, H]);
    expect(info.frames).toBe(40);
    expect(info.frameRate).toBe("24/1");
    expect(info.duration).toBeCloseTo(40 / 24, 1);

    // Frame 3: the red colour strip. Frame 38: the checkerboard. Frame 21 (mid-cross): a mix.
    const red = top(await videoFrame(output, 2, W, H));
    const [r0, g0, b0] = pixel(red, W / 2, 20);
    expect(r0).toBeGreaterThan(150);
    expect(Math.max(g0, b0)).toBeLessThan(90);
    const picture = channelStats(top(await videoFrame(output, 37, W, H)));
    expect(picture.variance[1]).toBeGreaterThan(2000); // black and white squares
    expect(Math.abs(picture.mean[0] - picture.mean[1])).toBeLessThan(15); // grey, not red
    const mix = channelStats(top(await videoFrame(output, 20, W, H)));
    expect(mix.mean[0] - mix.mean[1]).toBeGreaterThan(20); // still reddish…
    expect(mix.variance[1]).toBeGreaterThan(200); // …but the checkerboard shows through
  });

  it("renders a wipe into Matroska", async () => {
    const output = join(dir, "clip.mkv");
    const r = await run(entry, {
      image,
      output,
      width: W,
      height: H,
      fps: 12,
      colourFrames: 10,
      imageFrames: 10,
      overlap: 4,
      transition: "WIPE",
      container: "MKV",
    });
    expect(r.exitCode, describeRun(r)).toBe(0);
    const info = await ffprobe(output);
    expect(info.format).toContain("matroska");
    expect(info.codec).toBe("h264");
    expect([info.width, info.height, info.frames]).toEqual([W, H, 16]);
    expect(info.duration).toBeCloseTo(16 / 12, 1);
  });
});
