// Project mode of the CLI (src/project.ts): check/build/run read tsconfig.json; bad tsconfig
// input is a located, coded error with exit 1 and nothing written.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blenderVersion, findBlender } from "@bpyts/runner";
import { afterAll, describe, expect, it } from "vitest";
import { defaultCompilerOptions } from "../src/project.js";
import { bpyts, compilerReady, tempDir, typingsReady } from "./helpers.js";
import { initProject } from "./project-fixture.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function dir(): Promise<string> {
  const d = await tempDir("bpyts project ");
  dirs.push(d);
  return d;
}

const main = `import * as bpy from "bpy";
import { input, setResult } from "bpyts/runtime";
import { twice } from "./lib/util";

const n = input<number | null>() ?? 1;
setResult({ doubled: twice(n), scene: bpy.context.scene.name });
`;
const util = "export function twice(n: number): number {\n  return n * 2;\n}\n";
const files = { "src/main.ts": main, "src/lib/util.ts": util };

describe.skipIf(!compilerReady)("without a tsconfig.json", () => {
  it("the options are the ones bpyts init writes, which are the compiler's defaults", async () => {
    const compiler = await import("@bpyts/compiler");
    const parsed = compiler.defaultProjectConfig(defaultCompilerOptions(), tmpdir(), [
      join(tmpdir(), "main.ts"),
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.options).toEqual(compiler.defaultCompilerOptions);
  });
});

describe.skipIf(!compilerReady || !typingsReady)("bpyts check/build/run in a project", () => {
  it("check without an entry checks every file; build writes every entry to outDir", async () => {
    const d = await dir();
    await initProject(d, { files: { ...files, "src/tool.ts": 'console.log("tool");\n' } });
    const c = await bpyts(["check"], { cwd: d });
    expect(c.exitCode, c.stderr).toBe(0);
    const b = await bpyts(["build"], { cwd: d });
    expect(b.exitCode, b.stderr).toBe(0);
    // Entries: files no other file imports (lib/util.ts is bundled into main.py).
    expect(readdirSync(join(d, "dist")).sort()).toEqual([
      "main.py",
      "main.py.map",
      "tool.py",
      "tool.py.map",
    ]);
    expect(await readFile(join(d, "dist/main.py"), "utf8")).toContain("def twice(n):");
    // A type error anywhere in the project fails `check`; an entry's check sees its imports only.
    await writeFile(join(d, "src/broken.ts"), 'export const n: number = "x";\n');
    const bad = await bpyts(["check"], { cwd: d });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^src\/broken\.ts:1:14 - error TS2322: /m);
    expect((await bpyts(["check", "src/main.ts"], { cwd: d })).exitCode).toBe(0);
  });

  it('"bpyts": { "entries" } names the entries; arguments and --out-dir; -o for one entry', async () => {
    const d = await dir();
    await initProject(d, {
      files: { ...files, "src/tool.ts": 'console.log("tool");\n' },
      tsconfig: { bpyts: { entries: ["src/tool.ts"] } },
    });
    expect((await bpyts(["build"], { cwd: d })).exitCode).toBe(0);
    expect(readdirSync(join(d, "dist")).sort()).toEqual(["tool.py", "tool.py.map"]);
    const args = await bpyts(["build", "src/main.ts", "--out-dir", "out"], { cwd: d });
    expect(args.exitCode, args.stderr).toBe(0);
    expect(readdirSync(join(d, "out")).sort()).toEqual(["main.py", "main.py.map"]);
    const one = await bpyts(["build", "src/main.ts", "-o", "single/x.py"], { cwd: d });
    expect(one.exitCode, one.stderr).toBe(0);
    expect(existsSync(join(d, "single/x.py.map"))).toBe(true);
  });

  it("entries the tsconfig names but excludes join the program", async () => {
    const d = await dir();
    await initProject(d, {
      files: {
        ...files,
        "src/extra/x.ts": 'import { twice } from "../lib/util";\nconsole.log(twice(1));\n',
      },
      tsconfig: { exclude: ["src/extra"], bpyts: { entries: ["src/main.ts", "src/extra/x.ts"] } },
    });
    const b = await bpyts(["build"], { cwd: d });
    expect(b.exitCode, b.stderr).toBe(0);
    expect(readdirSync(join(d, "dist/extra"))).toEqual(["x.py", "x.py.map"]);
    expect(existsSync(join(d, "dist/main.py"))).toBe(true);
  });

  it("the user's options apply: the nearest tsconfig.json holding the entry, or -p", async () => {
    const d = await dir();
    const loose = "export function same(x) {\n  return x;\n}\n";
    await initProject(d, {
      compilerOptions: { strict: false, strictNullChecks: true },
      files: { "src/loose.ts": loose },
    });
    // A nested tsconfig.json that does not hold the file is passed over, as an editor does.
    await writeFile(join(d, "src/tsconfig.json"), '{ "files": [] }\n');
    const ok = await bpyts(["check", join(d, "src/loose.ts")]);
    expect(ok.exitCode, ok.stderr).toBe(0);
    // -p names the project: a strict one reports the implicit any.
    await writeFile(
      join(d, "strict.json"),
      JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { strict: true } }),
    );
    const strict = await bpyts(["check", "src/loose.ts", "-p", "strict.json"], { cwd: d });
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toMatch(/^src\/loose\.ts:1:22 - error TS7006: /m);
  });

  it("--target overrides the tsconfig's typings (as tsc's flags override tsconfig.json)", async () => {
    const d = await dir();
    // eevee.use_ssr exists in Blender 3.4, not in 4.3 (EEVEE Next)
    const ssr = 'import * as bpy from "bpy";\nbpy.context.scene.eevee.use_ssr = true;\n';
    await initProject(d, { blender: "4.3", files: { "src/ssr.ts": ssr } });
    const v43 = await bpyts(["check", "src/ssr.ts"], { cwd: d });
    expect(v43.exitCode).toBe(1);
    expect(v43.stderr).toMatch(/^src\/ssr\.ts:2:25 - error TS2339: /m);
    const v34 = await bpyts(["check", "src/ssr.ts", "--target", "3.4"], { cwd: d });
    expect(v34.exitCode, v34.stderr).toBe(0);
  });

  it("run compiles in the project and runs in real Blender", async () => {
    const running = (await blenderVersion(await findBlender())).split(".").slice(0, 2).join(".");
    const d = await dir();
    await initProject(d, { blender: running, files });
    const r = await bpyts(["run", "src/main.ts", "--input", "21", "--result"], { cwd: d });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf("{")))).toEqual({
      doubled: 42,
      scene: "Scene",
    });
    expect(r.stderr).not.toContain("warning");
    // Typings of another Blender than the one that runs the script: said, not refused.
    const typed = running === "5.2" ? "4.3" : "5.2";
    const other = await dir();
    await initProject(other, { blender: typed, files });
    const w = await bpyts(["run", "src/main.ts", "--result"], { cwd: other });
    expect(w.exitCode, w.stderr).toBe(0);
    expect(w.stderr).toMatch(
      new RegExp(
        `^warning: tsconfig\\.json types the script against Blender ${typed}, but Blender ${running} runs it`,
        "m",
      ),
    );
  });
});

describe.skipIf(!compilerReady || !typingsReady)(
  "bad project input: located, coded, exit 1",
  () => {
    /** Run, expect exit 1 with `tsconfig.json:<line>:<col> - error <code>` and nothing written. */
    async function refused(d: string, args: string[], code: string, line: number, col: number) {
      const r = await bpyts(args, { cwd: d });
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(`^tsconfig\\.json:${line}:${col} - error ${code}: `, "m"),
      );
      expect(existsSync(join(d, "dist"))).toBe(false);
      expect(existsSync(join(d, "x.py"))).toBe(false);
    }
    const tsconfig = (body: string) => `{\n  "compilerOptions": {\n${body}\n  }\n}\n`;

    it("a tsconfig.json with a syntax error (TS1136)", async () => {
      const d = await dir();
      await initProject(d, { files });
      await writeFile(
        join(d, "tsconfig.json"),
        tsconfig('    "strict": true,,\n    "outDir": "dist"'),
      );
      for (const args of [["build"], ["check"], ["build", "src/main.ts", "-o", "x.py"]])
        await refused(d, args, "TS1136", 3, 20);
    });

    it("an unknown compiler option (TS5025)", async () => {
      const d = await dir();
      await initProject(d, { files });
      await writeFile(
        join(d, "tsconfig.json"),
        tsconfig('    "outDir": "dist",\n    "stric": true'),
      );
      for (const args of [["build"], ["check", "src/main.ts"], ["run", "src/main.ts"]])
        await refused(d, args, "TS5025", 4, 5);
    });

    it("a missing extends (TS5083)", async () => {
      const d = await dir();
      await initProject(d, { files, tsconfig: { extends: "./base/tsconfig.json" } });
      const at = (await readFile(join(d, "tsconfig.json"), "utf8")).split("\n");
      const line = at.findIndex((l) => l.includes('"extends"')) + 1;
      await refused(d, ["build"], "TS5083", line, 14);
      await refused(d, ["build", "src/main.ts", "-o", "x.py"], "TS5083", line, 14);
    });

    it("BPY0021: an entry outside rootDir", async () => {
      const d = await dir();
      await initProject(d, { files: { ...files, "scripts/extra.ts": 'console.log("x");\n' } });
      const line = (await readFile(join(d, "tsconfig.json"), "utf8"))
        .split("\n")
        .findIndex((l) => l.includes('"rootDir"'));
      for (const args of [
        ["build", "scripts/extra.ts", "-p", "."],
        ["build", "scripts/extra.ts", "-o", "x.py", "-p", "tsconfig.json"],
        ["check", "scripts/extra.ts", "-p", "."],
      ])
        await refused(d, args, "BPY0021", line + 1, 16);
    });

    it("BPY0020: no tsconfig.json for a project command; -p naming nothing", async () => {
      const d = await dir();
      await mkdir(join(d, "empty"));
      const none = await bpyts(["check"], { cwd: join(d, "empty") });
      expect(none.exitCode).toBe(1);
      expect(none.stderr).toMatch(/^error BPY0020: no tsconfig\.json in .* or a parent folder/);
      const p = await bpyts(["build", "-p", "nope.json"], { cwd: join(d, "empty") });
      expect(p.exitCode).toBe(1);
      expect(p.stderr).toMatch(/^error BPY0020: no tsconfig\.json at nope\.json/);
    });

    it("BPY0022: a project build without outDir", async () => {
      const d = await dir();
      await initProject(d, { files, compilerOptions: { outDir: undefined } });
      await refused(d, ["build"], "BPY0022", 2, 22);
    });

    it("BPY0023: bpyts.entries that is not a list of files; a listed entry that is missing", async () => {
      const d = await dir();
      await initProject(d, { files, tsconfig: { bpyts: { entries: "src/main.ts" } } });
      const text = await readFile(join(d, "tsconfig.json"), "utf8");
      const line = text.split("\n").findIndex((l) => l.includes('"entries"')) + 1;
      await refused(d, ["build"], "BPY0023", line, 16);
      await writeFile(
        join(d, "tsconfig.json"),
        text.replace('"entries": "src/main.ts"', '"entries": ["src/main.ts", "src/nope.ts"]'),
      );
      await refused(d, ["build"], "BPY0001", line, 32);
    });

    it("BPY0024: -o with several entries", async () => {
      const d = await dir();
      await initProject(d, { files: { ...files, "src/b.ts": "export {};\n" } });
      const r = await bpyts(["build", "src/main.ts", "src/b.ts", "-o", "x.py"], { cwd: d });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^error BPY0024: -o names one output file/);
      expect(existsSync(join(d, "x.py"))).toBe(false);
    });

    it("an output path refused for one entry (BPY0026): no entry is written", async () => {
      const d = await dir();
      await initProject(d, { files: { ...files, "src/tool.ts": 'console.log("tool");\n' } });
      await mkdir(join(d, "dist/tool.py"), { recursive: true }); // a folder where tool.py goes
      const r = await bpyts(["build"], { cwd: d });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/error BPY0026: refusing to write dist\/tool\.py/);
      expect(readdirSync(join(d, "dist"))).toEqual(["tool.py"]);
    });

    it("a compile error in one entry: no entry is written", async () => {
      const d = await dir();
      await initProject(d, {
        files: { ...files, "src/bad.ts": "const f = async () => 1;\nexport { f };\n" },
      });
      const r = await bpyts(["build"], { cwd: d });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^src\/bad\.ts:1:11 - error BPY1001: /m);
      expect(existsSync(join(d, "dist"))).toBe(false);
    });
  },
);
