/**
 * The compile cache wired into `bpyts run` (src/compile.ts cachedCompile), with real Blender 3.4.
 *
 * Test hook: BPYTS_TEST_FORBID_COMPILER=1 makes loading the compiler fail (src/compiler.ts). A run
 * under it that succeeds proves the hit built no TypeScript program (TypeScript is not even
 * loaded); one that fails with the hook's message proves the cache missed and a compile began.
 * Such a failing run stops before Blender starts, so the invalidation checks stay cheap.
 */
import { symlink, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bpyts, compilerReady, repoRoot, tempDir, typingsReady } from "./helpers.js";
import { initProject } from "./project-fixture.js";

const blender = "/usr/bin/blender";
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const forbid = { ...process.env, BPYTS_TEST_FORBID_COMPILER: "1" };
const HOOK = "BPYTS_TEST_FORBID_COMPILER";

describe.skipIf(!compilerReady || !typingsReady)("compile cache for bpyts run", () => {
  let dir: string;
  const main = () => join(dir, "src/main.ts");
  const run = (extra: string[] = [], env?: NodeJS.ProcessEnv) =>
    bpyts(["run", main(), "--blender", blender, ...extra], { cwd: dir, env });
  /** A run that must be a hit: no compiler, and the script's current output. */
  async function expectHit(out: string, extra: string[] = []) {
    const r = await run(extra, forbid);
    expect(r.stderr).not.toContain(HOOK);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(out);
    return r;
  }
  /** An edit must miss (the compiler is asked for), then a normal run compiles and runs it. */
  async function expectRebuild(out: string, extra: string[] = []) {
    const miss = await run(extra, forbid);
    expect(miss.exitCode).not.toBe(0);
    expect(miss.stderr).toContain(HOOK);
    const r = await run(extra);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(out);
    await expectHit(out, extra);
  }

  beforeAll(async () => {
    dir = await tempDir("bpyts cache run ");
    dirs.push(dir);
    await initProject(dir, {
      blender: "3.4",
      files: {
        "src/main.ts": `import { word } from "./util";\nconsole.log("main-v1", word);\n`,
        "src/util/index.ts": `export const word = "util-dir";\n`,
      },
    });
    await symlink(
      join(repoRoot, "packages/blender-4.3"),
      join(dir, "node_modules/@bpyts/blender-4.3"),
    );
  });

  it("a no-op rerun reuses the output without loading the compiler", async () => {
    const first = await run();
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toContain("main-v1 util-dir");
    // one compiled entry, and the Blender versions remembered beside it
    const files = await readdir(join(dir, "node_modules/.cache/bpyts"));
    expect(files.filter((f) => f !== "blenders.json")).toEqual([
      expect.stringMatching(/^[0-9a-f]{40}\.json$/),
    ]);
    expect(files).toContain("blenders.json");
    await expectHit("main-v1 util-dir");
    // --no-cache compiles even so
    const r = await run(["--no-cache"], forbid);
    expect(r.stderr).toContain(HOOK);
  });

  it("editing the entry, an import, tsconfig.json, or shadowing a resolution rebuilds", async () => {
    await writeFile(main(), `import { word } from "./util";\nconsole.log("main-v2", word);\n`);
    await expectRebuild("main-v2 util-dir");
    await writeFile(join(dir, "src/util/index.ts"), `export const word = "util-dir-2";\n`);
    await expectRebuild("main-v2 util-dir-2");
    // ./util now resolves to src/util.ts before src/util/index.ts
    await writeFile(join(dir, "src/util.ts"), `export const word = "util-file";\n`);
    await expectRebuild("main-v2 util-file");
    const tsconfig = JSON.parse(await readFile(join(dir, "tsconfig.json"), "utf8"));
    tsconfig.compilerOptions.noUnusedLocals = false;
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    await expectRebuild("main-v2 util-file");
  });

  it("another typings version (tsconfig types, --target) rebuilds; warnings replay on a hit", async () => {
    const tsconfig = JSON.parse(await readFile(join(dir, "tsconfig.json"), "utf8"));
    tsconfig.compilerOptions.types = ["@bpyts/blender-4.3", "bpyts/types"];
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    await expectRebuild("main-v2 util-file");
    // the compile's warning (typings 4.3, Blender 3.4 runs it) comes back from the cache
    const hit = await expectHit("main-v2 util-file");
    expect(hit.stderr).toMatch(/types the script against Blender 4\.3, but Blender 3\.4 runs it/);
    tsconfig.compilerOptions.types = ["@bpyts/blender-3.4", "bpyts/types"];
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    await expectRebuild("main-v2 util-file");
    await expectRebuild("main-v2 util-file", ["--target", "4.3"]);
  });

  it("a corrupt entry recompiles and says so once", async () => {
    const cache = join(dir, "node_modules/.cache/bpyts");
    for (const f of await readdir(cache)) {
      const text = await readFile(join(cache, f), "utf8");
      await writeFile(join(cache, f), text.slice(0, text.length / 2));
    }
    const r = await run();
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain("main-v2 util-file");
    expect(r.stderr.match(/is corrupt; recompiling/g)).toHaveLength(1);
    await expectHit("main-v2 util-file");
  });

  it("an unwritable cache folder runs uncached and says so once", async () => {
    const cache = join(dir, "node_modules/.cache/bpyts");
    await rm(cache, { recursive: true });
    await writeFile(cache, "not a folder"); // (root ignores permission bits: a file blocks it)
    try {
      const r = await run();
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain("main-v2 util-file");
      expect(r.stderr.match(/compile cache not written/g)).toHaveLength(1);
      const again = await run([], forbid);
      expect(again.stderr).toContain(HOOK);
    } finally {
      await rm(cache, { force: true });
    }
  });

  it("two runs racing on one entry both succeed and run the current code", async () => {
    await writeFile(main(), `import { word } from "./util";\nconsole.log("main-v3", word);\n`);
    const [a, b] = await Promise.all([run(), run()]);
    for (const r of [a, b]) {
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain("main-v3 util-file");
      expect(r.stdout).not.toContain("main-v2");
    }
    await expectHit("main-v3 util-file");
    // no temp file left behind by either writer
    const left = await readdir(join(dir, "node_modules/.cache/bpyts"));
    expect(left.filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("Blender's version is never probed for a .ts entry: learnt from its report, remembered, corrected", async () => {
    // a wrapper that logs how it is called, so the probe can be seen
    const bin = join(dir, "bin");
    await mkdir(bin, { recursive: true });
    const wrapper = join(bin, "blender");
    const log = join(bin, "calls.log");
    await writeFile(wrapper, `#!/bin/sh\necho "$@" >> '${log}'\nexec ${blender} "$@"\n`, {
      mode: 0o755,
    });
    const calls = async () => (await readFile(log, "utf8")).trim().split("\n");
    // (--no-progress: with progress shown, a Blender whose version is neither known nor guessed
    // is still asked once, for the log arguments Blender ≥ 5 needs to report render progress)
    const viaWrapper = () =>
      bpyts(["run", main(), "--blender", wrapper, "--no-progress"], { cwd: dir });
    // Nothing about this Blender is known, and nothing in its name or folder says its version:
    // the script compiles once Blender has reported it, still without `blender --version`.
    const first = await viaWrapper();
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toContain("util-file");
    expect(await calls()).not.toContainEqual(expect.stringMatching(/^--version/));
    const versions = join(dir, "node_modules/.cache/bpyts/blenders.json");
    const known = JSON.parse(await readFile(versions, "utf8"));
    expect(known[wrapper].version).toMatch(/^3\.4\./);
    await rm(log);
    const second = await viaWrapper();
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toContain("util-file");
    expect(await calls()).not.toContainEqual(expect.stringMatching(/^--version/));
    // a wrong remembered version (same executable stamp): Blender's own report wins and is kept
    known[wrapper].version = "4.3.2";
    await writeFile(versions, JSON.stringify(known));
    const third = await viaWrapper();
    expect(third.exitCode, third.stderr).toBe(0);
    expect(third.stdout).toContain("util-file");
    expect(JSON.parse(await readFile(versions, "utf8"))[wrapper].version).toMatch(/^3\.4\./);
    // A new project's first run: the user's own record ($TMPDIR/bpyts-<uid>) knows this Blender.
    const other = await tempDir("bpyts cache other ");
    dirs.push(other);
    await writeFile(join(other, "hello.ts"), `console.log("other project");\n`);
    await rm(log);
    const fresh = await bpyts(
      ["run", join(other, "hello.ts"), "--blender", wrapper, "--no-progress"],
      { cwd: other },
    );
    expect(fresh.exitCode, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain("other project");
    expect(await calls()).not.toContainEqual(expect.stringMatching(/^--version/));
    // …and the project's own cache learns it (it stays whole without the user's record)
    expect(await readdir(join(other, "node_modules/.cache/bpyts"))).toContain("blenders.json");
  });

  it("a wrong guess from the executable's name (blender-4.3 running 3.4) is corrected by Blender's report", async () => {
    const bin = await tempDir("bpyts cache guess ");
    dirs.push(bin);
    const wrapper = join(bin, "blender-4.3");
    const log = join(bin, "calls.log");
    await writeFile(wrapper, `#!/bin/sh\necho "$@" >> '${log}'\nexec ${blender} "$@"\n`, {
      mode: 0o755,
    });
    // uses an API 3.4 has and 4.3 does not: compiled against the guessed 4.3 typings it fails
    const only34 = join(bin, "only34.ts");
    await writeFile(
      only34,
      `import * as bpy from "bpy";\nconsole.log("engine", bpy.context.scene.render.engine);\n` +
        `console.log("eevee", typeof bpy.context.scene.eevee.use_ssr);\n` +
        // a warning (BPY1030): shown once, for the compile that runs (with the 4.3 typings the
        // script fails to compile, and that compile's diagnostics are not shown at all)
        `const v: { k?: string | null } = { k: null };\nconsole.log(JSON.stringify(v));\n`,
    );
    const r = await bpyts(["run", only34, "--blender", wrapper], { cwd: bin });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain("eevee boolean");
    expect(r.stderr.match(/BPY1030/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/use_ssr|error/);
    // a script that compiles for both: the guessed compile's warning is dropped with it
    const both = join(bin, "both.ts");
    await writeFile(
      both,
      `const v: { k?: string | null } = { k: null };\nconsole.log(JSON.stringify(v));\n`,
    );
    // (another executable: this one is now remembered, in the project and the user's record)
    await mkdir(join(bin, "again"));
    const again = join(bin, "again", "blender-4.3");
    await writeFile(again, `#!/bin/sh\nexec ${blender} "$@"\n`, { mode: 0o755 });
    const b = await bpyts(["run", both, "--blender", again], { cwd: bin });
    expect(b.exitCode, b.stderr).toBe(0);
    expect(b.stderr.match(/BPY1030/g)).toHaveLength(1);
    // the script prepared for the wrong guess leaves no temp folder behind (a $TMPDIR of its
    // own to look in; compiled in the command's process, so no compile server is started there)
    const tmp = join(bin, "tmp");
    await mkdir(tmp);
    await mkdir(join(bin, "third"));
    const third = join(bin, "third", "blender-4.3");
    await writeFile(third, `#!/bin/sh\nexec ${blender} "$@"\n`, { mode: 0o755 });
    const c = await bpyts(["run", both, "--blender", third, "--no-cache"], {
      cwd: bin,
      env: { ...process.env, TMPDIR: tmp, BPYTS_COMPILE_SERVER: "0" },
    });
    expect(c.exitCode, c.stderr).toBe(0);
    expect(c.stderr.match(/BPY1030/g)).toHaveLength(1);
    expect((await readdir(tmp)).filter((n) => !/^bpyts-\d+$/.test(n))).toEqual([]);
    // --target: the script does not depend on the Blender that runs it; Blender saying it is not
    // the version the run started with (the target's) compiles nothing again (warnings once)
    await mkdir(join(bin, "fourth"));
    const fourth = join(bin, "fourth", "blender");
    await writeFile(fourth, `#!/bin/sh\nexec ${blender} "$@"\n`, { mode: 0o755 });
    const d = await bpyts(["run", both, "--blender", fourth, "--target", "4.3"], { cwd: bin });
    expect(d.exitCode, d.stderr).toBe(0);
    expect(d.stderr.match(/BPY1030/g)).toHaveLength(1);
    expect(d.stderr).toMatch(
      /type-checking against Blender 4\.3 \(--target\), but Blender 3\.4 runs/,
    );
    expect(await readFile(log, "utf8")).not.toMatch(/^--version/m);
    const known = JSON.parse(
      await readFile(join(bin, "node_modules/.cache/bpyts/blenders.json"), "utf8"),
    );
    expect(known[wrapper].version).toMatch(/^3\.4\./);
  });
});

describe.skipIf(!compilerReady || !typingsReady)("compile cache without a project", () => {
  it("a script with no package.json caches beside itself and stays valid", async () => {
    const dir = await tempDir("bpyts cache bare ");
    dirs.push(dir);
    await mkdir(join(dir, "s"));
    const file = join(dir, "s/hello.ts");
    await writeFile(file, `console.log("bare-v1");\n`);
    const first = await bpyts(["run", file, "--blender", blender], { cwd: dir });
    expect(first.exitCode, first.stderr).toBe(0);
    const hit = await bpyts(["run", file, "--blender", blender], { cwd: dir, env: forbid });
    expect(hit.exitCode, hit.stderr).toBe(0);
    expect(hit.stdout).toContain("bare-v1");
  });
});
