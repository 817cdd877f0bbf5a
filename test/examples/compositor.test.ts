// examples/compositor: a Node-generated checkerboard/gradient PNG through real compositor node
// chains; pixel statistics of input and output must move the way each node says.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  channelStats,
  describeRun,
  pixel,
  readPng,
  runExample,
  srgb,
  tempDir,
  writePng,
  type Image,
  blenders,
} from "./support.js";

const entry = "examples/compositor/main.ts";

/** 96×64: an 8-px black/white checkerboard in red and green, a left-to-right ramp in blue. */
function testImage(): Image {
  const width = 96;
  const height = 64;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const c = ((x >> 3) + (y >> 3)) % 2 ? 220 : 30;
      data.set([c, c, Math.round((255 * x) / (width - 1)), 255], i);
    }
  }
  return { width, height, data };
}

/** 8-bit sRGB → linear. */
const linear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
};

describe.each(blenders)("examples/compositor on Blender $version", ({ version, blender }) => {
  const run = <T = unknown>(
    file: string,
    input: unknown,
    extra: string[] = [],
    options: { env?: NodeJS.ProcessEnv } = {},
  ) => runExample<T>(file, input, extra, { ...options, blender });

  let dir: string;
  let source: string;
  const original = testImage();
  const before = channelStats(original);

  beforeAll(async () => {
    dir = await tempDir("compositor");
    source = join(dir, "input.png");
    await writeFile(source, writePng(original));
  });

  async function process(name: string, steps: unknown[]): Promise<Image> {
    const output = join(dir, `${name}.png`);
    const r = await run<{ width: number; height: number; chain: string[] }>(entry, {
      input: source,
      output,
      steps,
    });
    expect(r.exitCode, describeRun(r)).toBe(0);
    expect(r.result).toMatchObject({ width: 96, height: 64 });
    expect(r.result?.chain).toHaveLength(steps.length);
    const img = await readPng(output);
    expect([img.width, img.height]).toEqual([96, 64]);
    return img;
  }

  it("passes the image through unchanged with no steps (colour management is neutral)", async () => {
    const img = await process("identity", []);
    let worst = 0;
    for (let i = 0; i < img.data.length; i++)
      if (i % 4 !== 3) worst = Math.max(worst, Math.abs(img.data[i]! - original.data[i]!));
    expect(worst).toBeLessThanOrEqual(2);
  });

  it("blurs: the checkerboard's variance collapses, the smooth ramp barely changes", async () => {
    const after = channelStats(await process("blur", [{ op: "blur", size: 6 }]));
    expect(after.variance[0]).toBeLessThan(before.variance[0] * 0.4);
    expect(after.variance[1]).toBeLessThan(before.variance[1] * 0.4);
    expect(after.variance[2]).toBeGreaterThan(before.variance[2] * 0.8);
    expect(Math.abs(after.mean[2] - before.mean[2])).toBeLessThan(5);
  });

  it("colour-balances: gain (1, 0.5, 0.5) keeps red and darkens green and blue", async () => {
    const img = await process("balance", [{ op: "colorbalance", gain: [1, 0.5, 0.5] }]);
    const after = channelStats(img);
    expect(Math.abs(after.mean[0] - before.mean[0])).toBeLessThan(3);
    if (Number(version) < 5) {
      expect(after.mean[1]).toBeLessThan(before.mean[1] * 0.7);
      expect(after.mean[2]).toBeLessThan(before.mean[2] * 0.7);
    } else {
      // Blender 5.0's Color Balance applies the gain to linear values (before 5.0, to display-like
      // ones): green's 30 and 220 squares become sRGB(linear × 0.5) = 19 and 161.
      for (const [x, y, v] of [
        [4, 4, 30],
        [12, 4, 220],
      ] as const) {
        const [r, g] = pixel(img, x, y);
        expect(Math.abs(r - v), `red at ${x},${y}`).toBeLessThanOrEqual(2);
        expect(
          Math.abs(g - srgb([linear(v) * 0.5, 0, 0])[0]),
          `green at ${x},${y}`,
        ).toBeLessThanOrEqual(3);
      }
      expect(after.mean[2]).toBeLessThan(before.mean[2] * 0.8);
    }
  });

  it("chains nodes: blur then brightness", async () => {
    const after = channelStats(
      await process("chain", [
        { op: "blur", size: 6 },
        { op: "brightcontrast", bright: 20, contrast: 0 },
      ]),
    );
    const blurredOnly = channelStats(await readPng(join(dir, "blur.png")));
    expect(after.variance[0]).toBeLessThan(before.variance[0] * 0.4);
    for (const c of [0, 1, 2]) expect(after.mean[c]).toBeGreaterThan(blurredOnly.mean[c] + 5);
  });
});
