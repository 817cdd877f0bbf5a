import { execFile } from "node:child_process";
import { chmod, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheDirFor, CompileCache, fingerprint, type CacheInput } from "../src/cache.js";
import { tempDir } from "./helpers.js";

let dir = "";
beforeEach(async () => {
  dir = await tempDir("bpyts cache ");
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

const output = { python: "print(1)\n", sourceMap: { version: 3, mappings: "" }, warnings: [] };

async function fixture() {
  const src = join(dir, "main.ts");
  await writeFile(src, "console.log(1);\n");
  const inputs: CacheInput[] = [
    { path: src, kind: "file", hash: fingerprint(src)! },
    { path: join(dir, "util.ts"), kind: "missing" },
    { path: join(dir, "lib"), kind: "dir", exists: false },
  ];
  const notes: string[] = [];
  const cache = new CompileCache(join(dir, "cache"), (m) => notes.push(m));
  const key = CompileCache.key({ entry: src, options: {} });
  cache.store(key, inputs, output);
  return { src, cache, key, notes };
}

describe("compile cache", () => {
  it("hits while every recorded input holds", async () => {
    const { cache, key, notes } = await fixture();
    expect(cache.lookup(key)).toEqual(output);
    expect(cache.lookup(CompileCache.key({ entry: "other" }))).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it("misses when a file read changes, a probed file appears, or a folder appears", async () => {
    const a = await fixture();
    await writeFile(a.src, "console.log(2);\n");
    expect(a.cache.lookup(a.key)).toBeUndefined();

    const b = await fixture();
    await writeFile(join(dir, "util.ts"), "export {};\n"); // would now resolve an import
    expect(b.cache.lookup(b.key)).toBeUndefined();

    await rm(join(dir, "util.ts"));
    const c = await fixture();
    await mkdir(join(dir, "lib"));
    expect(c.cache.lookup(c.key)).toBeUndefined();
  });

  it("takes a corrupt or truncated entry for a miss, and says so once", async () => {
    const { cache, key, notes } = await fixture();
    const file = join(dir, "cache", `${key}.json`);
    await writeFile(file, '{"format":1,"key":"');
    expect(cache.lookup(key)).toBeUndefined();
    expect(cache.lookup(key)).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/corrupt; recompiling/);
  });

  it("skips a folder it cannot write, once, leaving no temp file", async () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a file where the folder should be stands in for "not writable".
      await writeFile(join(dir, "cache"), "");
    } else {
      await mkdir(join(dir, "cache"));
      await chmod(join(dir, "cache"), 0o555);
    }
    const notes: string[] = [];
    const cache = new CompileCache(join(dir, "cache"), (m) => notes.push(m));
    cache.store("k", [], output);
    cache.store("k", [], output);
    expect(cache.lookup("k")).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/compile cache not written/);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps whole entries when two processes store the same key at once", async () => {
    const cacheDir = join(dir, "cache");
    const moduleUrl = new URL("../src/cache.ts", import.meta.url).href;
    const writer = `
      const { CompileCache } = await import(${JSON.stringify(moduleUrl)});
      const c = new CompileCache(${JSON.stringify(cacheDir)});
      const big = "x".repeat(200000);
      for (let i = 0; i < 40; i++) c.store("race", [], { python: big + i, sourceMap: { version: 3 }, warnings: [] });
    `;
    const run = () =>
      promisify(execFile)(process.execPath, [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        writer,
      ]);
    const reader = new CompileCache(cacheDir, (m) => {
      throw new Error(m);
    });
    const racing = Promise.all([run(), run()]);
    let seen = 0;
    while (seen < 200) {
      const hit = reader.lookup("race");
      if (hit) expect(hit.python).toMatch(/^x{200000}\d+$/);
      seen++;
      await new Promise((r) => setTimeout(r, 1));
    }
    await racing;
    expect(reader.lookup("race")?.python).toMatch(/^x{200000}\d+$/);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("lives in node_modules/.cache/bpyts of the project around the entry", async () => {
    await mkdir(join(dir, "proj", "src"), { recursive: true });
    await writeFile(join(dir, "proj", "package.json"), "{}");
    expect(cacheDirFor(join(dir, "proj", "src", "main.ts"))).toBe(
      join(dir, "proj", "node_modules", ".cache", "bpyts"),
    );
  });
});
