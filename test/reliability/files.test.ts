// Output files (issue 21, item 5): `-o` never replaces a special file, a link or an input; writes
// are atomic with unique temps, `.py`/`.map` land as a pair, nothing is left behind on an error
// or a signal; `generate -o` touches only folders and files it generated. Runs the built CLI.
import { execa } from "execa";
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { link, mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { bpyts, bpytsBin, repoRoot } from "../helpers.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "bpyts-files-"));
  dirs.push(d);
  return d;
}

const schema = (v: string) => join(repoRoot, "introspect/schemas", `blender-${v}.json.gz`);

/** Every entry of `dir` (recursively): kind, and content for regular files. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = lstatSync(p);
      const key = rel + name;
      if (s.isSymbolicLink()) out[key] = "link";
      else if (s.isFIFO()) out[key] = "fifo";
      else if (s.isDirectory()) {
        out[key] = "dir";
        walk(p, `${key}/`);
      } else out[key] = `file:${readFileSync(p, "utf8")}`;
    }
  };
  walk(dir, "");
  return out;
}

const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

/** A two-file program (entry imports lib) whose output says which program it is. */
async function program(dir: string, name: string, size = 0): Promise<string> {
  const filler = Array.from({ length: size }, (_, i) => `console.log("${name} line ${i}");`);
  await writeFile(join(dir, `${name}-lib.ts`), `export const who = "${name}";\n`);
  await writeFile(
    join(dir, `${name}.ts`),
    [`import { who } from "./${name}-lib";`, "console.log(who);", ...filler, ""].join("\n"),
  );
  return join(dir, `${name}.ts`);
}

const build = (entry: string, out: string, env?: NodeJS.ProcessEnv) =>
  bpyts(["build", entry, "-o", out, "--target", "3.4"], env && { env: { ...process.env, ...env } });

/** Which program built the .py (its `# --- x.ts ---` banner) and which one the .map describes. */
function owners(out: string): { py: string; map: string } {
  const py = readFileSync(out, "utf8").match(/^# --- (\w+)\.ts ---$/m)?.[1] ?? "?";
  const map = JSON.parse(readFileSync(`${out}.map`, "utf8")) as { sources: string[] };
  const entry = map.sources.find((s) => !s.endsWith("-lib.ts")) ?? "?";
  return { py, map: entry.replace(/^.*\//, "").replace(/\.ts$/, "") };
}

async function waitFor(file: string, child: { exitCode: number | null }) {
  while (!existsSync(file)) {
    if (child.exitCode !== null) throw new Error(`the build exited before reaching ${file}`);
    await sleep(20);
  }
}

describe("build -o refuses what it must not replace (nothing written, nothing changed)", () => {
  it("BPY0026: /dev/null, a FIFO, a symlink, a directory (also as the .map path)", async () => {
    const dir = await tempDir();
    const entry = await program(dir, "a");
    await writeFile(join(dir, "target.py"), "keep me\n");
    await symlink("target.py", join(dir, "link.py"));
    await execa("mkfifo", [join(dir, "pipe.py")]);
    await mkdir(join(dir, "folder.py"));
    await mkdir(join(dir, "pair.py.map"));
    const before = snapshot(dir);
    const devnull = statSync("/dev/null");
    const cases: [string, RegExp][] = [
      ["/dev/null", /\/dev\/null: it is a character device/],
      [join(dir, "pipe.py"), /pipe\.py: it is a FIFO/],
      [join(dir, "link.py"), /link\.py: it is a symbolic link/],
      [join(dir, "folder.py"), /folder\.py: it is a directory/],
      [join(dir, "pair.py"), /pair\.py\.map: it is a directory/],
    ];
    for (const [out, message] of cases) {
      const r = await build(entry, out);
      expect(r.exitCode, `${out}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/^error BPY0026: refusing to write /m);
      expect(r.stderr).toMatch(message);
    }
    expect(snapshot(dir)).toEqual(before);
    const after = statSync("/dev/null");
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(devnull.rdev);
    expect(lstatSync(join(dir, "pipe.py")).isFIFO()).toBe(true);
  });

  it("BPY0025: the entry, another source of the program, a hard link to a source", async () => {
    const dir = await tempDir();
    const entry = await program(dir, "a");
    await link(join(dir, "a-lib.ts"), join(dir, "hard.py"));
    await link(join(dir, "a-lib.ts"), join(dir, "pair.py.map"));
    const before = snapshot(dir);
    for (const [out, located] of [
      [entry, "a.ts"],
      [join(dir, "sub", "..", "a-lib.ts"), "a-lib.ts"],
      [join(dir, "hard.py"), "a-lib.ts"],
      [join(dir, "pair.py"), "a-lib.ts"],
    ] as const) {
      const r = await build(entry, out);
      expect(r.exitCode, `${out}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(`${located.replace(".", "\\.")}:1:1 - error BPY0025: refusing to write `),
      );
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it("--addon, api-diff -o and introspect -o go through the same checks", async () => {
    const dir = await tempDir();
    const entry = await program(dir, "a");
    await execa("mkfifo", [join(dir, "pipe")]);
    const before = snapshot(dir);
    const addon = await bpyts(["build", "--addon", entry, "-o", entry, "--target", "3.4"]);
    expect(addon.exitCode, addon.stderr).toBe(1);
    expect(addon.stderr).toContain("error BPY0025");
    const diffIn = await bpyts(["api-diff", schema("3.4"), schema("4.3"), "-o", schema("4.3")]);
    expect(diffIn.exitCode, diffIn.stderr).toBe(1);
    expect(diffIn.stderr).toContain("error BPY0025");
    const diffFifo = await bpyts([
      "api-diff",
      schema("3.4"),
      schema("4.3"),
      "-o",
      join(dir, "pipe"),
    ]);
    expect(diffFifo.stderr).toMatch(/^error BPY0026: .*pipe: it is a FIFO/m);
    // Refused before Blender starts.
    const intro = await bpyts(["introspect", "-o", "/dev/null"]);
    expect(intro.exitCode, intro.stderr).toBe(1);
    expect(intro.stderr).toMatch(/^error BPY0026: refusing to write \/dev\/null/m);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(snapshot(dir)).toEqual(before);
    // And a normal -o still works, leaving only the output.
    const ok = await bpyts(["api-diff", schema("3.4"), schema("4.3"), "-o", join(dir, "d.md")]);
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(await readFile(join(dir, "d.md"), "utf8")).toMatch(/^# .*3\.4\.\d+ → 4\.3\.\d+/);
    const zip = await bpyts([
      "build",
      "--addon",
      entry,
      "-o",
      join(dir, "a.zip"),
      "--target",
      "3.4",
    ]);
    expect(zip.exitCode, zip.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...Object.keys(before), "a.zip", "d.md"].sort());
  });
});

describe("atomic writes: unique temps, .py/.map as a pair, nothing left behind", () => {
  it("a path that turns into a FIFO while the temps are written: refused, no temp left", async () => {
    const dir = await tempDir();
    const entry = await program(dir, "a");
    const out = join(dir, "out.py");
    const marker = join(dir, "paused");
    const child = build(entry, out, { BPYTS_TEST_OUTPUT_PAUSE: `before-rename:${marker}` });
    await waitFor(marker, child);
    expect(temps(dir)).toHaveLength(2);
    await execa("mkfifo", [out]);
    await unlink(marker);
    const r = await child;
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toContain("error BPY0026");
    expect(temps(dir)).toEqual([]);
    expect(lstatSync(out).isFIFO()).toBe(true);
    expect(existsSync(`${out}.map`)).toBe(false);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal} during the write: the process dies of it, no temp, old output intact`, async () => {
      const dir = await tempDir();
      const entry = await program(dir, "a", 5000);
      const out = join(dir, "out.py");
      await writeFile(out, "old\n");
      await writeFile(`${out}.map`, "old map\n");
      const marker = join(dir, "paused");
      const child = build(entry, out, { BPYTS_TEST_OUTPUT_PAUSE: `before-rename:${marker}` });
      await waitFor(marker, child);
      expect(temps(dir)).toHaveLength(2);
      // The temps hold the whole program (5,000 lines): the write is done, the rename pending.
      child.kill(signal);
      const r = await child;
      expect(r.signal).toBe(signal);
      expect(temps(dir)).toEqual([]);
      expect(await readFile(out, "utf8")).toBe("old\n");
      expect(await readFile(`${out}.map`, "utf8")).toBe("old map\n");
    });
  }

  it("a signal between the two renames waits for the pair to be complete", async () => {
    const dir = await tempDir();
    const entry = await program(dir, "a");
    const out = join(dir, "out.py");
    const marker = join(dir, "paused");
    const child = build(entry, out, { BPYTS_TEST_OUTPUT_PAUSE: `between-renames:${marker}` });
    await waitFor(marker, child);
    child.kill("SIGINT");
    await sleep(100); // let the signal reach the child while it is paused (not an assertion)
    expect(child.exitCode).toBe(null);
    await unlink(marker);
    const r = await child;
    expect(r.signal).toBe("SIGINT");
    expect(owners(out)).toEqual({ py: "a", map: "a" });
    expect(temps(dir)).toEqual([]);
  });

  it("a build that lands between another build's .map and .py: the pair is rewritten", async () => {
    const dir = await tempDir();
    const a = await program(dir, "a");
    const b = await program(dir, "b");
    const out = join(dir, "out.py");
    const marker = join(dir, "paused");
    // A renames its .map, pauses; B writes its whole pair; A renames its .py over B's.
    const first = build(a, out, { BPYTS_TEST_OUTPUT_PAUSE: `between-renames:${marker}` });
    await waitFor(marker, first);
    const second = await build(b, out);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(owners(out)).toEqual({ py: "b", map: "b" });
    await unlink(marker);
    const r = await first;
    expect(r.exitCode, r.stderr).toBe(0);
    // Without the check after the renames this would be a's .py with b's .map.
    expect(owners(out)).toEqual({ py: "a", map: "a" });
    expect(temps(dir)).toEqual([]);
  });

  it("concurrent builds of two programs to one -o: both succeed, the pair matches", async () => {
    const dir = await tempDir();
    const a = await program(dir, "a", 3000);
    const b = await program(dir, "b", 3000);
    const out = join(dir, "out.py");
    for (let round = 0; round < 3; round++) {
      const [ra, rb] = await Promise.all([build(a, out), build(b, out)]);
      expect(ra.exitCode, ra.stderr).toBe(0);
      expect(rb.exitCode, rb.stderr).toBe(0);
      const o = owners(out);
      expect(o.py).toBe(o.map);
      expect(["a", "b"]).toContain(o.py);
      expect(temps(dir)).toEqual([]);
    }
  }, 300_000); // several builds / two whole typings packages on a shared machine
});

describe("generate -o writes only into folders and files it generated", () => {
  it("BPY0027: a non-empty folder it did not create is refused, nothing touched", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "mine.d.ts"), "declare const mine: 1;\n");
    await writeFile(join(dir, "package.json"), '{"name":"mine"}\n');
    const before = snapshot(dir);
    const r = await bpyts(["generate", schema("3.4"), "-o", dir]);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^error BPY0027: .* is not empty and was not generated by bpyts/m);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a folder it generated: user files kept, its own stale files removed, collisions refused", async () => {
    const dir = join(await tempDir(), "typings");
    const first = await bpyts(["generate", schema("3.4"), "-o", dir]);
    expect(first.exitCode, first.stderr).toBe(0);
    const manifestPath = join(dir, ".bpyts-generated.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { files: string[] };
    expect(manifest.files).toEqual(
      readdirSync(dir)
        .filter((f) => f !== ".bpyts-generated.json")
        .sort(),
    );
    // The committed package carries the same manifest (generated deterministically).
    expect(await readFile(manifestPath, "utf8")).toBe(
      await readFile(join(repoRoot, "packages/blender-3.4/.bpyts-generated.json"), "utf8"),
    );
    await writeFile(join(dir, "extra.d.ts"), "declare const extra: 1;\n");
    await writeFile(join(dir, "stale.d.ts"), "// from an older run\n");
    await writeFile(
      manifestPath,
      JSON.stringify({ ...manifest, files: [...manifest.files, "stale.d.ts"] }),
    );
    const second = await bpyts(["generate", schema("3.4"), "-o", dir]);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(await readFile(join(dir, "extra.d.ts"), "utf8")).toBe("declare const extra: 1;\n");
    expect(existsSync(join(dir, "stale.d.ts"))).toBe(false);
    expect(JSON.parse(await readFile(manifestPath, "utf8"))).toEqual(manifest);
    expect(temps(dir)).toEqual([]);

    // A file the package would write that the manifest does not list is the user's: refused.
    await writeFile(
      manifestPath,
      JSON.stringify({ ...manifest, files: manifest.files.filter((f) => f !== "aud.d.ts") }),
    );
    await writeFile(join(dir, "aud.d.ts"), "// mine now\n");
    const before = snapshot(dir);
    const third = await bpyts(["generate", schema("3.4"), "-o", dir]);
    expect(third.exitCode, third.stderr).toBe(1);
    expect(third.stderr).toMatch(/^error BPY0027: .*aud\.d\.ts was not generated by bpyts/m);
    expect(snapshot(dir)).toEqual(before);

    // A manifest that is not ours (e.g. naming a path outside the folder) is refused too.
    await writeFile(
      manifestPath,
      JSON.stringify({ generator: "@bpyts/generator", files: ["../outside"] }),
    );
    const fourth = await bpyts(["generate", schema("3.4"), "-o", dir]);
    expect(fourth.exitCode, fourth.stderr).toBe(1);
    expect(fourth.stderr).toMatch(/^error BPY0027: .*is not a bpyts manifest/m);
  }, 300_000); // several builds / two whole typings packages on a shared machine
});

it("the test hook is inert without an exact stage and a marker", async () => {
  const dir = await tempDir();
  const entry = await program(dir, "a");
  for (const hook of ["before-rename", "before-rename:", "pause", `rename:${join(dir, "m")}`]) {
    const args = ["build", entry, "-o", join(dir, "o.py"), "--target", "3.4"];
    const r = await execa(process.execPath, [bpytsBin, ...args], {
      env: { ...process.env, BPYTS_TEST_OUTPUT_PAUSE: hook },
      reject: false,
      stdin: "ignore",
    });
    expect(r.exitCode, r.stderr).toBe(0);
  }
  expect(existsSync(join(dir, "m"))).toBe(false);
});
