import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it, onTestFinished } from "vitest";
import { bin, compilerReady, repoRoot, tempDir, typingsReady } from "./helpers.js";

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("bpyts watch", () => {
  it("reruns on change through the warm worker, and stops on SIGINT", async () => {
    const dir = await tempDir("bpyts watch ");
    const py = join(dir, "w.py");
    await writeFile(py, "print('version one')\n");
    const child = execa(process.execPath, [bin, "watch", py], {
      reject: false,
      stdin: "ignore",
      all: true,
    });
    let out = "";
    child.all?.on("data", (c: Buffer) => (out += c.toString()));
    await until(() => out.includes("version one") && out.includes("waiting for changes"));
    await writeFile(py, "print('version two')\nraise ValueError('second')\n");
    await until(
      () => out.includes("version two") && out.includes("error BPY0100: ValueError: second"),
    );
    const started = Date.now();
    child.kill("SIGINT");
    const r = await child;
    expect(r.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    // One Blender start for both runs: the second run took well under a cold start.
    const runs = [...out.matchAll(/exit (\d+) in (\d+) ms/g)].map((m) => Number(m[2]));
    expect(runs.length).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!compilerReady || !typingsReady)("bpyts watch (TypeScript entry)", () => {
  it("recompiles a .ts entry on change; compile errors keep watching", async () => {
    const dir = await tempDir("bpyts watch ts ");
    const entry = join(dir, "main.ts");
    await writeFile(entry, 'console.log("ts one");\n');
    const child = execa(process.execPath, [bin, "watch", entry], {
      reject: false,
      stdin: "ignore",
      all: true,
    });
    let out = "";
    child.all?.on("data", (c: Buffer) => (out += c.toString()));
    await until(() => out.includes("ts one") && out.includes("waiting for changes"));
    await writeFile(entry, "const n: number = ;\n");
    await until(
      () => /main\.ts:\d+:\d+ - error (TS|BPY)\d+/.test(out) && out.includes("failed — waiting"),
    );
    await writeFile(entry, 'console.log("ts two");\n');
    await until(() => out.includes("ts two"));
    child.kill("SIGINT");
    expect((await child).exitCode).toBe(0);
  });
});

describe("bpyts init", () => {
  it("creates a project that installs (--local: relative file: links to this checkout) and runs", async () => {
    const parent = await tempDir("bpyts init ");
    onTestFinished(() => rm(parent, { recursive: true, force: true }));
    const dir = join(parent, "my project");
    const created = await execa(process.execPath, [bin, "init", dir, "--local", repoRoot], {
      reject: false,
    });
    expect(created.exitCode, created.stderr).toBe(0);
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    // Relative links: the project keeps working when checkout and project move together.
    expect(pkg.devDependencies.bpyts).toMatch(/^file:\.\.?\//);
    expect(JSON.stringify(pkg)).not.toContain("file:/");
    expect(pkg.devDependencies.typescript).toMatch(/^~6\./);
    expect(Object.keys(pkg.scripts)).toEqual(["check", "build", "start", "watch"]);
    expect(existsSync(join(dir, ".vscode/tasks.json"))).toBe(true);
    expect(existsSync(join(dir, ".gitignore"))).toBe(true);
    const tsconfig = JSON.parse(await readFile(join(dir, "tsconfig.json"), "utf8"));
    expect(tsconfig.compilerOptions.types[0]).toMatch(/^@bpyts\/blender-\d+\.\d+$/);
    expect(existsSync(join(dir, "src/main.ts"))).toBe(true);
    expect(existsSync(join(dir, "README.md"))).toBe(true);

    // The npm cache first: a fresh machine's cache holds the tarballs `npm ci` fetched but not
    // always the registry's package documents, which --offline would then refuse (ENOTCACHED).
    const install = await execa("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: dir,
      reject: false,
    });
    expect(install.exitCode, install.stderr).toBe(0);
    const version = await execa("npx", ["bpyts", "--version"], { cwd: dir, reject: false });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);

    // The runtime module is importable from a project run (a .py stands in while the compiler is
    // not built; with the compiler, src/main.ts itself runs).
    await writeFile(
      join(dir, "probe.py"),
      "import bpy\nfrom bpyts.runtime import setResult\nsetResult(len(bpy.data.objects))\n",
    );
    const probe = await execa("npx", ["bpyts", "run", "probe.py", "--result"], {
      cwd: dir,
      reject: false,
    });
    expect(probe.exitCode, probe.stderr).toBe(0);
    expect(probe.stdout.trim().endsWith("3")).toBe(true);

    if (compilerReady && typingsReady) {
      const run = await execa(
        "npx",
        ["bpyts", "run", "src/main.ts", "--input", '{"size":2}', "--result"],
        { cwd: dir, reject: false },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain('"size": 2');
      // The generated tsconfig type-checks the example for an editor (bpy + bpyts/runtime).
      const tsc = await execa(
        process.execPath,
        [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", dir],
        { reject: false },
      );
      expect(tsc.exitCode, tsc.stdout).toBe(0);
    }
    // A non-empty folder is refused.
    const again = await execa(process.execPath, [bin, "init", dir], { reject: false });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/error BPY0008: .* is not empty/);
  });
});

describe("bpyts init: what it writes", () => {
  const init = async (...args: string[]) => {
    const parent = await tempDir("bpyts init ");
    onTestFinished(() => rm(parent, { recursive: true, force: true }));
    const dir = join(parent, "p");
    const r = await execa(process.execPath, [bin, "init", dir, ...args], { reject: false });
    return { parent, dir, r };
  };

  it("depends on registry names and ranges by default, never on a path", async () => {
    const { dir, r } = await init("--target", "4.3");
    expect(r.exitCode, r.stderr).toBe(0);
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    expect(pkg.devDependencies).toEqual({
      "@bpyts/blender-4.3": "~4.3.0",
      bpyts: expect.stringMatching(/^\^\d+\.\d+\.\d+$/),
      typescript: expect.stringMatching(/^~6\.0\./),
    });
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).not.toMatch(/https?:\/\//);
    // a debug configuration for the entry, of the type packages/vscode registers
    const launch = JSON.parse(await readFile(join(dir, ".vscode/launch.json"), "utf8"));
    expect(launch.configurations[0]).toEqual({
      name: expect.any(String),
      type: "bpyts",
      request: "launch",
      program: "${workspaceFolder}/src/main.ts",
    });
    const registered = JSON.parse(
      await readFile(join(repoRoot, "packages/vscode/package.json"), "utf8"),
    );
    expect(registered.contributes.debuggers[0].type).toBe("bpyts");
  });

  it("uses the nearest shipped typings for a Blender without its own, and says so", async () => {
    const { dir, r } = await init("--target", "4.0");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/no typings for Blender 4\.0 .*nearest, 4\.3/);
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    expect(Object.keys(pkg.devDependencies)).toContain("@bpyts/blender-4.3");
  });

  it("links a folder of packed tarballs relatively (--local)", async () => {
    const { parent, dir } = await init("--target", "3.4", "--local", ".");
    // "." is the repository (the test's cwd): a checkout. Now a folder of tarballs:
    await rm(dir, { recursive: true });
    const tgz = join(parent, "tgz");
    await execa("mkdir", [tgz]);
    for (const f of ["bpyts-0.1.0.tgz", "bpyts-compiler-0.1.0.tgz", "bpyts-blender-3.4-3.4.1.tgz"])
      await writeFile(join(tgz, f), "");
    const r = await execa(process.execPath, [bin, "init", dir, "--target", "3.4", "--local", tgz], {
      reject: false,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    expect(pkg.devDependencies).toMatchObject({
      bpyts: "file:../tgz/bpyts-0.1.0.tgz",
      "@bpyts/compiler": "file:../tgz/bpyts-compiler-0.1.0.tgz",
      "@bpyts/blender-3.4": "file:../tgz/bpyts-blender-3.4-3.4.1.tgz",
    });
  });

  it("refuses a file, a non-empty folder and a --local that is neither checkout nor tarballs (BPY0008)", async () => {
    const { parent } = await init("--target", "3.4");
    const file = join(parent, "a file");
    await writeFile(file, "x");
    const onFile = await execa(process.execPath, [bin, "init", file, "--target", "3.4"], {
      reject: false,
    });
    expect(onFile.exitCode).toBe(1);
    expect(onFile.stderr).toMatch(/^error BPY0008: .*a file exists and is not a folder$/m);
    expect(onFile.stderr).not.toMatch(/\n\s+at /); // no stack
    const badLocal = await execa(
      process.execPath,
      [bin, "init", join(parent, "q"), "--target", "3.4", "--local", parent],
      { reject: false },
    );
    expect(badLocal.exitCode).toBe(1);
    expect(badLocal.stderr).toMatch(/error BPY0008: --local .*neither a bpyts checkout/);
    expect(existsSync(join(parent, "q"))).toBe(false);
  });
});
