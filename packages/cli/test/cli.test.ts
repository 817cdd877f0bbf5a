import { existsSync } from "node:fs";
import { readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import {
  bin,
  bpyts,
  compilerReady,
  handCompiled,
  repoRoot,
  tempDir,
  typingsReady,
} from "./helpers.js";

const LOCATED = /^[^\n]+:\d+:\d+ - error (BPY|TS)\d{4}: /m;

describe("bpyts --help / --version", () => {
  it("prints help and the version for every command", async () => {
    for (const cmd of [
      [],
      ["run"],
      ["build"],
      ["check"],
      ["watch"],
      ["init"],
      ["introspect"],
      ["generate"],
      ["api-diff"],
    ]) {
      const help = await bpyts([...cmd, "--help"]);
      expect(help.exitCode).toBe(0);
      expect(help.stdout).toMatch(/^Usage: bpyts/);
      const v = await bpyts([...cmd, "--version"]);
      expect(v.exitCode).toBe(0);
      expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe("bpyts build / check / run: errors", () => {
  it("missing entry: located error, exit 1, no output file", async () => {
    const dir = await tempDir();
    const out = join(dir, "out.py");
    for (const args of [
      ["build", join(dir, "nope.ts"), "-o", out],
      ["check", join(dir, "nope.ts")],
      ["run", join(dir, "nope.ts")],
    ]) {
      const r = await bpyts(args);
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stderr).toMatch(LOCATED);
      expect(r.stderr).toContain("error BPY0001: entry file not found");
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it("Blender missing: one line naming apt-get, --blender and $BLENDER", async () => {
    const dir = await tempDir();
    const py = join(dir, "x.py");
    await writeFile(py, "print('hi')\n");
    const r = await bpyts(["run", py], { env: { ...process.env, BLENDER: "/nope/blender" } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/error BPY0003: .*apt-get install blender.*--blender.*\$BLENDER/);
    const r2 = await bpyts(["run", py, "--blender", join(dir, "no blender")]);
    expect(r2.stderr).toMatch(
      /^error BPY0003: Blender not found at .*no blender \(from --blender\)/,
    );
  });

  it.skipIf(!compilerReady || !typingsReady)(
    "syntax and type errors: located TS/BPY errors, exit 1, no output file",
    async () => {
      const dir = await tempDir();
      const out = join(dir, "out.py");
      await writeFile(join(dir, "syntax.ts"), "const x = ;\n");
      await writeFile(join(dir, "types.ts"), 'const n: number = "no";\n');
      for (const file of ["syntax.ts", "types.ts"]) {
        for (const args of [
          ["build", join(dir, file), "-o", out],
          ["check", join(dir, file)],
          ["run", join(dir, file)],
        ]) {
          const r = await bpyts(args);
          expect(r.exitCode, r.stderr).toBe(1);
          expect(r.stderr).toMatch(LOCATED);
          expect(existsSync(out)).toBe(false);
        }
      }
    },
  );

  it("BPY0002: an output path the system cannot write (a symlink loop in it), nothing written", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.ts"), "console.log(1);\n");
    await symlink("loop", join(dir, "loop"));
    const r = await bpyts(["build", join(dir, "a.ts"), "-o", join(dir, "loop", "out.py")]);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^error BPY0002: cannot write .*out\.py: ELOOP/);
    expect((await readdir(dir)).sort()).toEqual(["a.ts", "loop"]);
  });

  it("BPY0004: a --target that is not a Blender version, nothing written", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.ts"), "console.log(1);\n");
    const r = await bpyts(["build", join(dir, "a.ts"), "-o", join(dir, "a.py"), "--target", "abc"]);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^error BPY0004: not a Blender version: abc/);
    expect(await readdir(dir)).toEqual(["a.ts"]);
  });

  it("bad --input JSON is a clear error; @file input works", async () => {
    const dir = await tempDir();
    const py = join(dir, "echo.py");
    await writeFile(py, "from bpyts.runtime import input, setResult\nsetResult(input())\n");
    const bad = await bpyts(["run", py, "--input", "{bad"]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^error BPY0007: --input is not valid JSON/);
    await writeFile(join(dir, "in.json"), "[1, 2");
    const badFile = await bpyts(["run", py, "--input", `@${join(dir, "in.json")}`]);
    expect(badFile.stderr).toMatch(/in\.json:1:1 - error BPY0007: --input is not valid JSON/);
    await writeFile(join(dir, "in.json"), '{"a": [1, 2]}');
    const good = await bpyts(["run", py, "--input", `@${join(dir, "in.json")}`, "--result"]);
    expect(good.exitCode, good.stderr).toBe(0);
    expect(good.stdout).toContain('"a": [\n    1,\n    2\n  ]');
  });
});

describe.skipIf(!compilerReady || !typingsReady)(
  "bpyts check / build / run with the real compiler",
  () => {
    it("maps a TS exception to its line; input/result through bpyts/runtime", async () => {
      const dir = await tempDir("bpyts ts 'quoted' ");
      const entry = join(dir, "main.ts");
      await writeFile(
        entry,
        [
          'import * as bpy from "bpy";',
          'import { input, setResult } from "bpyts/runtime";',
          "",
          "function check(n: number): number {",
          "  if (n > 2) {",
          '    throw new Error("too big: " + n);',
          "  }",
          "  return n * 2;",
          "}",
          "",
          "const n = input<number>();",
          "setResult({ doubled: check(n), scene: bpy.context.scene.name });",
          "",
        ].join("\n"),
      );
      expect((await bpyts(["check", entry])).exitCode).toBe(0);
      const ok = await bpyts(["run", entry, "--input", "2", "--result"]);
      expect(ok.exitCode, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout.slice(ok.stdout.indexOf("{")))).toEqual({
        doubled: 4,
        scene: "Scene",
      });
      const bad = await bpyts(["run", entry, "--input", "5"]);
      expect(bad.exitCode).toBe(1);
      const rel = relative(repoRoot, entry);
      expect(bad.stderr).toMatch(
        new RegExp(
          `${rel.replace(/[.*+?^${}()|[\]\\']/g, "\\$&")}:6:\\d+ - error BPY0100: .*too big: 5`,
        ),
      );
      expect(bad.stderr).toMatch(/at check \(.*main\.ts:6:\d+\)\n    at .*main\.ts:12:\d+/);
    });
  },
);

describe("bpyts run (hand-written .py + .py.map standing in for the compiler)", () => {
  it("maps an uncaught exception to the TS line; --python-trace adds Python's frames", async () => {
    const dir = await tempDir("bpyts cli 'quoted' ");
    const ts = join(dir, "my script.ts");
    await writeFile(ts, "// stand-in source\n");
    const py = await handCompiled(
      dir,
      "my script",
      "import bpy\nprint('before')\nraise ValueError('boom')\n",
      ts,
      [
        [1, 1],
        [5, 1],
        [12, 5],
      ],
    );
    const r = await bpyts(["run", py]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("before");
    const rel = relative(repoRoot, ts);
    expect(r.stderr).toContain(`${rel}:12:5 - error BPY0100: ValueError: boom\n    at ${rel}:12:5`);
    expect(r.stderr).not.toContain("Traceback");
    const traced = await bpyts(["run", py, "--python-trace"]);
    expect(traced.stderr).toMatch(/Python traceback:[\s\S]*my script\.py", line 3/);
  });

  it("--backend module runs under a Python with `import bpy` (fake bpy test double)", async () => {
    const dir = await tempDir();
    const py = join(dir, "m.py");
    await writeFile(
      py,
      "import bpy\nfrom bpyts.runtime import setResult, args\nsetResult([bpy.app.version_string, bpy.app.binary_path, args])\n",
    );
    const env = { ...process.env, PYTHONPATH: join(repoRoot, "packages/runner/test/fake-bpy") };
    const r = await bpyts(
      ["run", py, "--backend", "module", "--python", "python3", "--result", "--", "a"],
      { env },
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(["4.2.0 (fake)", expect.stringMatching(/blender/), ["a"]]);
    const missing = await bpyts(["run", py, "--backend", "module", "--python", "python3"]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/^error BPY0005: no `bpy` module in python3/);
  });

  it("exits with the script's status; a segfault is non-zero with a clear error", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "exit.py"), "import sys\nsys.exit(4)\n");
    expect((await bpyts(["run", join(dir, "exit.py")])).exitCode).toBe(4);
    await writeFile(join(dir, "crash.py"), "import ctypes\nctypes.string_at(0)\n");
    const crash = await bpyts(["run", join(dir, "crash.py")]);
    expect(crash.exitCode).not.toBe(0);
    expect(crash.stderr).toMatch(/error BPY0101: Blender crashed \(SIGSEGV\)/);
  });

  it("--timeout kills a hanging script", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "hang.py"), "import time\nwhile True:\n    time.sleep(1)\n");
    const r = await bpyts(["run", join(dir, "hang.py"), "--timeout", "2000"]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/error BPY0102: timed out after 2000 ms/);
  });

  it("--out-dir keeps the .py and .py.map; args reach the script", async () => {
    const dir = await tempDir();
    const ts = join(dir, "k.ts");
    const py = await handCompiled(
      dir,
      "k",
      "from bpyts.runtime import args\nprint('args', args)\n",
      ts,
      [
        [1, 1],
        [2, 1],
      ],
    );
    const out = join(dir, "kept out");
    const r = await bpyts(["run", py, "--out-dir", out, "--", "one", "two words"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain("args ['one', 'two words']");
    expect(await readFile(join(out, "k.py"), "utf8")).toContain("print('args', args)");
    expect(JSON.parse(await readFile(join(out, "k.py.map"), "utf8")).sources).toEqual([ts]);
  });

  it("prints render progress as plain lines when stderr is not a TTY", async () => {
    const dir = await tempDir();
    const py = join(dir, "render.py");
    await writeFile(
      py,
      `import bpy\ns = bpy.context.scene\ns.render.engine = "CYCLES"\ns.cycles.samples = 4\ns.cycles.use_denoising = False\n` +
        `s.render.resolution_x = 16\ns.render.resolution_y = 16\ns.render.filepath = ${JSON.stringify(join(dir, "r.png"))}\n` +
        `bpy.ops.render.render(write_still=True)\n`,
    );
    const r = await bpyts(["run", py]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain("progress: frame 1 4/4 samples");
    expect(r.stderr).toContain(`progress: saved ${join(dir, "r.png")}`);
    const quiet = await bpyts(["run", py, "--no-progress"]);
    expect(quiet.stderr).not.toContain("progress:");

    // On a terminal (util-linux `script` provides one): a cli-progress bar instead of lines.
    if (existsSync("/usr/bin/script")) {
      const tty = await execa(
        "script",
        ["-qec", `${process.execPath} ${bin} run '${py}'`, "/dev/null"],
        { reject: false, stdin: "ignore" },
      );
      expect(tty.exitCode, tty.stdout).toBe(0);
      expect(tty.stdout).toMatch(/frame 1 \[[^\]]*\] 100% \| 4\/4 samples/);
      expect(tty.stdout).not.toContain("progress:");
    }
  });
});
