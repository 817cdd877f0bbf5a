// examples/dataviz: bar chart, scatter plot, animation — rendered by real Blender, checked pixel by
// pixel against the layout the example documents (orthographic camera, ortho_scale 10).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  describeRun,
  distance,
  pixel,
  readPng,
  runExample,
  srgb,
  tempDir,
  type Image,
  type RGB,
  blenders,
} from "./support.js";

const entry = "examples/dataviz/main.ts";
// The example's documented plot area (see the header of examples/dataviz/main.ts).
const LEFT = -4.5;
const RIGHT = 4.5;
const BOTTOM = -2.8;
const TOP = 3.2;

/** World (x, z) → pixel (column, row from the top) for the example's orthographic camera. */
function toPixel(img: Image, x: number, z: number): [number, number] {
  const perUnit = img.width / 10;
  return [img.width / 2 + x * perUnit, img.height / 2 - z * perUnit];
}

interface Bar {
  x: number;
  top: number;
  value: number;
}

function expectedBars(values: number[]): Bar[] {
  const max = Math.max(...values);
  const slot = (RIGHT - LEFT) / values.length;
  return values.map((value, i) => ({
    x: LEFT + (i + 0.5) * slot,
    top: BOTTOM + (TOP - BOTTOM) * (value / max),
    value,
  }));
}

/** Rows (in this column) whose pixel is within `tol` of `colour`. */
function colouredRows(img: Image, column: number, colour: RGB, tol: number): number {
  let n = 0;
  for (let y = 0; y < img.height; y++) if (distance(pixel(img, column, y), colour) <= tol) n++;
  return n;
}

const red: RGB = [0.8, 0.1, 0.1];
const blue: RGB = [0.1, 0.4, 0.8];
const grey: RGB = [0.9, 0.9, 0.9];
const values = [3, 7, 1, 5];

describe.each(blenders)("examples/dataviz on Blender $version", ({ blender }) => {
  const run = <T = unknown>(
    file: string,
    input: unknown,
    extra: string[] = [],
    options: { env?: NodeJS.ProcessEnv } = {},
  ) => runExample<T>(file, input, extra, { ...options, blender });

  it("renders a bar chart (Workbench) with every bar where the data puts it", async () => {
    const dir = await tempDir("bars");
    const output = join(dir, "bars.png");
    const r = await run<{ boxes: unknown[] }>(entry, {
      kind: "bar",
      values,
      labels: ["Q1", "Q2", "Q3", "Q4"],
      palette: [red, blue],
      output,
    });
    expect(r.exitCode, describeRun(r)).toBe(0);
    expect(r.result?.boxes).toHaveLength(4);
    const img = await readPng(output);
    expect([img.width, img.height]).toEqual([320, 240]);

    const background = srgb(grey);
    expectedBars(values).forEach((bar, i) => {
      const colour = srgb(i % 2 === 0 ? red : blue);
      const [px, topRow] = toPixel(img, bar.x, bar.top);
      const [, baseRow] = toPixel(img, bar.x, BOTTOM);
      // Inside the bar: middle, just below the top, just above the base, and 1/4 width off-centre.
      for (const y of [(topRow + baseRow) / 2, topRow + 3, baseRow - 3]) {
        expect(distance(pixel(img, px, y), colour), `bar ${i} at row ${y}`).toBeLessThanOrEqual(12);
      }
      expect(
        distance(pixel(img, px + (img.width / 10) * 0.5, (topRow + baseRow) / 2), colour),
      ).toBeLessThanOrEqual(12);
      // Above the bar: background (the tallest bar reaches TOP; there is still sky above it).
      expect(
        distance(pixel(img, px, topRow - 4), background),
        `above bar ${i}`,
      ).toBeLessThanOrEqual(12);
      // Its height in pixels matches the value (±2 px of anti-aliasing).
      const expected = baseRow - topRow;
      expect(
        Math.abs(colouredRows(img, px, colour, 12) - expected),
        `height of bar ${i}`,
      ).toBeLessThanOrEqual(2);
    });
    // Between bars: background.
    const [gap] = toPixel(img, LEFT + (RIGHT - LEFT) / 4, 0);
    expect(
      distance(pixel(img, gap, toPixel(img, 0, BOTTOM + 0.5)[1]), background),
    ).toBeLessThanOrEqual(12);
  });

  it("renders a scatter plot with a dot at every data point and nothing in between", async () => {
    const dir = await tempDir("scatter");
    const output = join(dir, "scatter.png");
    const points: [number, number][] = [
      [0, 0],
      [1, 2],
      [2, 1],
      [3, 3],
      [4, 2.5],
    ];
    const r = await run(entry, { kind: "scatter", points, output, palette: [blue] });
    expect(r.exitCode, describeRun(r)).toBe(0);
    const img = await readPng(output);
    expect([img.width, img.height]).toEqual([320, 240]);
    const dot = srgb(blue);
    const at = ([x, y]: [number, number]) =>
      toPixel(img, LEFT + ((RIGHT - LEFT) * x) / 4, BOTTOM + ((TOP - BOTTOM) * y) / 3);
    for (const p of points) {
      const [cx, cy] = at(p);
      expect(distance(pixel(img, cx, cy), dot), `point ${p}`).toBeLessThanOrEqual(25);
    }
    // Half-way between (1, 2) and (2, 1): background.
    const [mx, my] = at([1.5, 1.5]);
    expect(distance(pixel(img, mx, my), srgb(grey))).toBeLessThanOrEqual(12);
    // The x axis (0.06 thick, its bottom 0.25 below the plot area): dark.
    const [ax, ay] = toPixel(img, 0, BOTTOM - 0.22);
    const darkest = Math.min(...[-2, -1, 0, 1, 2].map((d) => Math.max(...pixel(img, ax, ay + d))));
    expect(darkest).toBeLessThan(100);
  });

  it("renders the chart with Cycles (4 samples, no denoiser) and EEVEE", async () => {
    const dir = await tempDir("engines");
    for (const engine of ["CYCLES", "BLENDER_EEVEE"] as const) {
      const output = join(dir, `${engine}.png`);
      const r = await run(entry, {
        kind: "bar",
        values,
        engine,
        samples: 4,
        width: 160,
        height: 120,
        output,
      });
      expect(r.exitCode, describeRun(r)).toBe(0);
      const img = await readPng(output);
      expect([img.width, img.height]).toEqual([160, 120]);
      for (const bar of expectedBars(values)) {
        const [px, topRow] = toPixel(img, bar.x, bar.top);
        const [, baseRow] = toPixel(img, bar.x, BOTTOM);
        const [r0, g0, b0] = pixel(img, px, (topRow + baseRow) / 2);
        expect(r0 - Math.max(g0, b0), `${engine}: bar at x=${bar.x} is red`).toBeGreaterThan(40);
        const above = pixel(img, px, topRow - 4);
        expect(Math.abs(above[0] - above[1]), `${engine}: grey above the bar`).toBeLessThan(25);
      }
    }
  });

  it("animates the bars growing and renders each frame", async () => {
    const dir = await tempDir("anim");
    const prefix = join(dir, "frame_");
    const frames = 4;
    const r = await run<{ files: string[] }>(entry, {
      kind: "bar",
      values,
      frames,
      width: 160,
      height: 120,
      output: prefix,
    });
    expect(r.exitCode, describeRun(r)).toBe(0);
    const files = Array.from(
      { length: frames },
      (_, i) => `${prefix}${String(i + 1).padStart(4, "0")}.png`,
    );
    expect(r.result?.files).toEqual(files);
    expect(files.every((f) => existsSync(f))).toBe(true);
    const colour = srgb(red);
    const tallest = expectedBars(values)[1]!;
    const heights: number[] = [];
    for (const f of files) {
      const img = await readPng(f);
      expect([img.width, img.height]).toEqual([160, 120]);
      heights.push(colouredRows(img, toPixel(img, tallest.x, 0)[0], colour, 12));
    }
    const full = (((TOP - BOTTOM) * 160) / 10) | 0;
    expect(heights[0]).toBeLessThanOrEqual(1); // flat at frame 1
    expect(Math.abs(heights[frames - 1]! - full)).toBeLessThanOrEqual(2); // full height at the end
    for (let i = 1; i < frames; i++) expect(heights[i]!).toBeGreaterThan(heights[i - 1]!); // growing
  });
});
