import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  blenderVersion,
  bpyModuleVersion,
  guessBlenderVersion,
  encodeFrame,
  frameDecoder,
  parseProgress,
  progressParser,
  type ProgressEvent,
} from "../src/index.js";

describe("progress parsing", () => {
  it("recognises frames, samples, tiles, saved files", () => {
    expect(
      parseProgress(
        "Fra:1 Mem:9.35M (Peak 9.42M) | Time:00:00.00 | Mem:0.00M, Peak:0.00M | Scene, ViewLayer | Initializing",
      ),
    ).toMatchObject({ kind: "frame", frame: 1 });
    expect(
      parseProgress(
        "Fra:3 Mem:10.36M (Peak 10.47M) | Time:00:00.04 | Remaining:00:00.00 | Mem:0.90M, Peak:0.90M | Scene, ViewLayer | Sample 1/16",
      ),
    ).toMatchObject({ kind: "samples", frame: 3, current: 1, total: 16 });
    expect(
      parseProgress("Fra:1 Mem:1M | Time:00:01.00 | Scene, ViewLayer | Rendering 3 / 16 samples"),
    ).toMatchObject({ kind: "samples", current: 3, total: 16 });
    expect(
      parseProgress("Fra:2 Mem:1M | Time:00:01.00 | Scene | Rendered 5/64 Tiles, Sample 10/32"),
    ).toMatchObject({ kind: "samples", current: 10, total: 32 });
    expect(
      parseProgress("Fra:2 Mem:1M | Time:00:01.00 | Scene | Rendered 5/64 Tiles"),
    ).toMatchObject({ kind: "tiles", current: 5, total: 64 });
    expect(
      parseProgress("Fra:1 Mem:10.43M | Time:00:00.05 | Scene, ViewLayer | Finished"),
    ).toMatchObject({ kind: "finished", frame: 1 });
    expect(parseProgress("Saved: '/tmp/a b/x.png'")).toMatchObject({
      kind: "saved",
      path: "/tmp/a b/x.png",
    });
    expect(parseProgress("hello")).toBeUndefined();
    // Blender ≥ 5 (CLOG): a timestamp and category prefix, `Fra: 1`.
    expect(
      parseProgress(
        "00:00.475  render           | Fra: 1 | Remaining: 00:00.00 | Mem: 1M | Sample 1/4",
      ),
    ).toMatchObject({ kind: "samples", frame: 1, current: 1, total: 4 });
    expect(parseProgress("00:00.630  render           | Saved: '/tmp/out/r.png'")).toMatchObject({
      kind: "saved",
      path: "/tmp/out/r.png",
    });
  });

  it("splits chunks into lines (including \\r progress redraws)", () => {
    const events: ProgressEvent[] = [];
    const feed = progressParser((e) => events.push(e));
    feed("Fra:1 Mem:1M | Sample 1/4\rFra:1 Mem:1M | Sa");
    feed("mple 2/4\nSaved: 'x.png'\n");
    expect(events.map((e) => e.kind)).toEqual(["samples", "samples", "saved"]);
  });
});

describe("worker protocol", () => {
  it("decodes length-prefixed JSON frames across chunk boundaries", () => {
    const got: unknown[] = [];
    const decode = frameDecoder((m) => got.push(m));
    const bytes = Buffer.concat([encodeFrame({ a: 1 }), encodeFrame({ text: "é\n" })]);
    for (let i = 0; i < bytes.length; i += 3) decode(bytes.subarray(i, i + 3));
    expect(got).toEqual([{ a: 1 }, { text: "é\n" }]);
  });
});

describe("module backend probe", () => {
  it("BPY0109: a Python without bpy is refused with the interpreter's own error", async () => {
    // the host's python3 has no bpy module (CI and here: no PyPI)
    await expect(bpyModuleVersion("python3")).rejects.toMatchObject({
      code: "BPY0109",
      message: expect.stringMatching(
        /cannot read the bpy version from python3: .*No module named 'bpy'/,
      ),
    });
  });
});

describe("guessBlenderVersion (the file system's hint, confirmed when Blender runs)", () => {
  it("reads a version from the name, the folder, a data folder or the Debian package", async () => {
    const root = mkdtempSync(join(tmpdir(), "bpyts-guess-"));
    try {
      const exe = (path: string, folders: string[] = []) => {
        const file = join(root, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
        for (const f of folders) mkdirSync(join(root, f), { recursive: true });
        return file;
      };
      expect(guessBlenderVersion(exe("wrappers/blender-4.3"))).toBe("4.3");
      expect(guessBlenderVersion(exe("blender-5.2.2-linux-x64/blender"))).toBe("5.2");
      expect(guessBlenderVersion(exe("official/blender", ["official/4.2/scripts"]))).toBe("4.2");
      expect(
        guessBlenderVersion(exe("prefix/bin/blender", ["prefix/share/blender/3.6/scripts"])),
      ).toBe("3.6");
      expect(
        guessBlenderVersion(
          exe("Blender.app/Contents/MacOS/Blender", ["Blender.app/Contents/Resources/4.1/scripts"]),
        ),
      ).toBe("4.1");
      // a link is followed to the real file (its folder), the name as called counts first
      symlinkSync(join(root, "official/blender"), join(root, "linked"));
      expect(guessBlenderVersion(join(root, "linked"))).toBe("4.2");
      // nothing says it, or two data folders: no guess rather than a wrong one
      expect(guessBlenderVersion(exe("plain/blender"))).toBeUndefined();
      expect(
        guessBlenderVersion(exe("two/blender", ["two/4.2/scripts", "two/4.3/scripts"])),
      ).toBeUndefined();
      expect(guessBlenderVersion(join(root, "missing"))).toBeUndefined();
      expect(guessBlenderVersion(exe("blender-3/blender"))).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync("/var/lib/dpkg/info/blender.list"))(
    "a Debian Blender: the installed package's version, as `blender --version` says",
    async () => {
      const real = (await blenderVersion("/usr/bin/blender")).split(".").slice(0, 2).join(".");
      expect(guessBlenderVersion("/usr/bin/blender")).toBe(real);
    },
  );
});
