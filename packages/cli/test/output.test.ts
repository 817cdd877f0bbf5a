// The output contract of `bpyts run`: the script's output on stdout, bpyts' messages on stderr,
// Blender's known noise filtered (per-version table; --verbose shows it), --json and
// --result-file for machines — on every Blender this machine has.
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { noiseFilter, noiseRules, parseProgress, renderChatter } from "@bpyts/runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bpyts, compilerReady, tempDir, typingsReady } from "./helpers.js";

const chroots = "/var/lib/bpyts/chroots/bin";
const blenders = [{ version: "3.4", args: [] as string[] }].concat(
  ["4.3", "5.2"]
    .filter((v) => existsSync(join(chroots, `blender-${v}`)))
    .map((v) => ({ version: v, args: ["--blender", join(chroots, `blender-${v}`)] })),
);

/** Noise any version may print; none of it may reach a filtered run's output. */
const NOISE =
  /^Blender \d+\.\d+\.\d+|^Blender quit$|EGL Error|surfaceless EGL|mounted file-systems|cattrs|bl_pkg|^Fra:|render\s+\|/m;

let dir = "";
beforeAll(async () => {
  dir = await tempDir("bpyts output ");
  await writeFile(
    join(dir, "render.ts"),
    `import * as bpy from "bpy";
import { setResult } from "bpyts/runtime";
const scene = bpy.context.scene;
scene.render.engine = "BLENDER_WORKBENCH";
scene.render.resolution_x = 64;
scene.render.resolution_y = 36;
scene.render.filepath = "${dir}/frame.png";
console.log("before render");
bpy.ops.render.render({ write_still: true });
console.log("after render");
setResult({ objects: bpy.data.objects.length, engine: scene.render.engine });
`,
  );
  await writeFile(join(dir, "fail.ts"), `console.log("x");\nthrow new Error("nope");\n`);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(compilerReady && typingsReady).each(blenders)(
  "bpyts run output, Blender $version",
  ({ version, args }) => {
    it("filters Blender's noise by default; --verbose shows it", async () => {
      const r = await bpyts(["run", "render.ts", "--target", version, ...args], { cwd: dir });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toBe("before render\nafter render"); // (execa drops the final newline)
      expect(r.stderr).not.toMatch(NOISE);
      expect(r.stderr).toContain("progress: saved");
      const raw = await bpyts(["run", "render.ts", "--verbose", ...args], { cwd: dir });
      expect(raw.exitCode).toBe(0);
      expect(raw.stdout + raw.stderr).toMatch(
        new RegExp(`^Blender ${version.replace(".", "\\.")}`, "m"),
      );
    });

    it("--json: only the result on stdout; --result-file: the result in a file", async () => {
      const out = join(dir, `result-${version}.json`);
      const r = await bpyts(["run", "render.ts", "--json", "--result-file", out, ...args], {
        cwd: dir,
      });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ objects: 3, engine: "BLENDER_WORKBENCH" });
      expect(r.stderr).toContain("before render"); // the script's output, out of the way
      expect(JSON.parse(await readFile(out, "utf8"))).toEqual(JSON.parse(r.stdout));
    });

    it("--json on failure: an error object at the TS line, non-zero exit", async () => {
      const r = await bpyts(["run", "fail.ts", "--json", ...args], { cwd: dir });
      expect(r.exitCode).toBe(1);
      const { error } = JSON.parse(r.stdout) as { error: Record<string, unknown> };
      expect(error).toMatchObject({ code: "BPY0100", line: 2, message: "nope" });
      expect(String(error.file)).toMatch(/fail\.ts$/);
    });
  },
);

describe.runIf(compilerReady && typingsReady)("hints", () => {
  it("warns when --target is not the Blender that runs the script", async () => {
    const r = await bpyts(["run", "fail.ts", "--target", "4.3"], { cwd: dir });
    expect(r.stderr).toMatch(
      /warning: type-checking against Blender 4\.3 \(--target\), but Blender 3\.4 runs the script/,
    );
  });
});

describe("noise filter", () => {
  const filter = (chunks: string[], version?: string) => {
    let out = "";
    const f = noiseFilter(noiseRules(version), (t) => (out += t));
    for (const c of chunks) f.write(c);
    f.flush();
    return out;
  };

  it("drops noise lines and the blank lines around them, keeps the script's blank lines", () => {
    expect(
      filter(
        [
          "Blender 3.4.1\nEGL Error (0x3001): EGL_NOT_INITIALIZED: x\n\nManaged to successfully ",
          "fallback to surfaceless EGL rendering!\n\na\n\nb\n\nBlender quit\n",
        ],
        "3.4",
      ),
    ).toBe("a\n\nb\n");
  });

  it("keeps a line that only looks like noise in another version's table", () => {
    expect(filter(["could not get a list of mounted file-systems\n"], "3.4")).toBe(
      "could not get a list of mounted file-systems\n",
    );
  });

  it("releases a held block that turns out not to be noise, in order", () => {
    const text =
      'Error: Python: Traceback (most recent call last):\n  File "x", line 1\nthen something else\nend\n';
    expect(filter([text])).toBe(text);
    expect(
      filter(
        ['Traceback (most recent call last):\n  File "a", line 2, in f\nValueError: x\n'],
        "5.2",
      ),
    ).toBe('Traceback (most recent call last):\n  File "a", line 2, in f\nValueError: x\n');
  });

  it("takes a video's frames for progress, not output", () => {
    expect(parseProgress("Append frame 12")).toEqual({
      kind: "appended",
      frame: 12,
      line: "Append frame 12",
    });
    let out = "";
    const f = noiseFilter([], (t) => (out += t), renderChatter);
    f.write(
      "Fra:1 Mem:1M | Rendering 1 / 4 samples\nAppend frame 1\n Time: 00:00.12 (Saving: 00:00.00)\n\nmine\n",
    );
    f.flush();
    expect(out).toBe("mine\n");
  });

  it("holds a complete traceback back: output in order if more follows, dropped if the run reports it", () => {
    const tb =
      'Traceback (most recent call last):\n  File "x.py", line 3, in execute\n    raise E\nValueError: boom\n';
    const run = (chunks: string[], drop?: (t: string) => boolean) => {
      let out = "";
      const f = noiseFilter(noiseRules("5.2"), (t) => (out += t), [], { holdTracebacks: true });
      for (const c of chunks) f.write(c);
      f.flush(drop);
      return out;
    };
    // split anywhere, followed by output: kept, in order
    expect(run(["a\n" + tb.slice(0, 40), tb.slice(40) + "after\n"])).toBe(`a\n${tb}after\n`);
    // at the end: the run's report decides
    expect(run([tb], (t) => t === tb)).toBe("");
    expect(run([tb], () => false)).toBe(tb);
    expect(run([tb])).toBe(tb);
    // not a traceback after all (no exception line): output as is
    expect(run(["Traceback (most recent call last):\nplain\n"], () => true)).toBe(
      "Traceback (most recent call last):\nplain\n",
    );
    // 5.2's cattrs traceback is still noise; a user traceback after it is held like any other
    const cattrs =
      "Traceback (most recent call last):\n  File \"/usr/x.py\", line 1, in <module>\n    import cattrs\nModuleNotFoundError: No module named 'cattrs'\n";
    expect(run([cattrs + tb], (t) => t === tb)).toBe("");
    // another stream's output releases it first
    let out = "";
    const f = noiseFilter([], (t) => (out += t), [], { holdTracebacks: true });
    f.write(tb);
    expect(out).toBe("");
    f.release();
    expect(out).toBe(tb);
    f.flush(() => true);
    expect(out).toBe(tb);
  });
});
