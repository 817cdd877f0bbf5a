/**
 * The compile server's start-up snapshots (src/compile-server/snapshots.ts): built in the
 * background after a first compile (or by `bpyts compile-server snapshot`), used by the next cold
 * start for that Blender version, giving what an in-process compile gives; refused — and the plain
 * server started — when damaged, truncated, built from files that changed, or switched off. Real
 * Node snapshots of the real compiler and typings, each test in its own $TMPDIR.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bpyts,
  cleanupsAfterEach,
  compilerReady,
  helloFolder,
  helloSource,
  repoRoot,
  typingsReady,
} from "./helpers.js";

const hello = helloSource();
const uid = process.getuid!();
const cleanup = cleanupsAfterEach();

async function world() {
  const { dir, tmp } = await helloFolder("bpyts snapshot ");
  const store = join(tmp, `bpyts-${uid}`, "snapshots");
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    bpyts(args, {
      cwd: dir,
      env: {
        ...process.env,
        TMPDIR: tmp,
        BPYTS_COMPILE_SERVER: "1",
        BPYTS_SNAPSHOT: "1",
        ...extra,
      },
    });
  const status = async () => (await cli(["compile-server", "status"])).stdout;
  const stop = () => cli(["compile-server", "stop"]);
  const files = () => (existsSync(store) ? readdirSync(store).sort() : []);
  /** hello built in the command's own process: what every served compile must give */
  const reference = async (target: string) => {
    const out = `ref-${target}.py`;
    const r = await cli(["build", "hello.ts", "-o", out, "--target", target], {
      BPYTS_COMPILE_SERVER: "0",
    });
    expect(r.exitCode, r.stderr).toBe(0);
    return readFileSync(join(dir, out), "utf8");
  };
  const build = async (target: string, out: string) => {
    const r = await cli(["build", "hello.ts", "-o", out, "--target", target]);
    expect(r.exitCode, r.stderr).toBe(0);
    return { python: readFileSync(join(dir, out), "utf8"), stderr: r.stderr };
  };
  cleanup(async () => {
    await stop();
    await waitFor(() => !files().some((f) => f.endsWith(".lock")), 60_000); // a builder done
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, store, cli, status, stop, files, reference, build };
}

async function waitFor(ok: () => boolean, withinMs: number): Promise<boolean> {
  for (const end = Date.now() + withinMs; Date.now() < end;)
    if (ok()) return true;
    else await new Promise((r) => setTimeout(r, 200));
  return ok();
}

/**
 * One letter changed in a comment of the Blender typings' text inside the blob: a process
 * started from it would run (nothing it executes changed) with parsed files that differ from the
 * ones on disk — only V8's checksum tells.
 */
function damage(blob: string): void {
  const typings = readFileSync(join(repoRoot, "packages/blender-3.4/bpy.types.theme.d.ts"), "utf8");
  const line = typings.split("\n").find((l) => /^\s+\* [A-Za-z ,]{40,}/.test(l))!;
  const bytes = readFileSync(blob);
  const at = bytes.indexOf(Buffer.from(line));
  expect(at, `"${line}" in the blob`).toBeGreaterThan(0);
  const fd = openSync(blob, "r+");
  try {
    const i = at + line.indexOf("* ") + 2;
    writeSync(fd, Buffer.from([bytes[i] === 0x78 ? 0x79 : 0x78]), 0, 1, i);
  } finally {
    closeSync(fd);
  }
}

const fromSnapshot = /started from a snapshot \(Blender 3\.4 typings\)/;

describe.skipIf(!compilerReady || !typingsReady)("compile server start-up snapshots", () => {
  it("a first compile builds one in the background; the next cold start uses it and compiles the same", async () => {
    const w = await world();
    const ref34 = await w.reference("3.4");
    const ref43 = await w.reference("4.3");
    expect(w.files()).toEqual([]); // an in-process compile schedules nothing
    expect((await w.build("3.4", "a.py")).python).toBe(ref34);
    expect(await w.status()).not.toMatch(/started from a snapshot/);
    const built = await waitFor(
      () => w.files().some((f) => f.endsWith(".json")) && !w.files().some((f) => /\.lock$/.test(f)),
      90_000,
    );
    expect(built, w.files().join(", ")).toBe(true);
    // Blob and manifest; no log (the build went well), no temporary file.
    expect(w.files().map((f) => f.replace(/-[0-9a-f]{16}\./, "-ID."))).toEqual([
      "server-3.4-ID.blob",
      "server-3.4-ID.json",
    ]);
    // What it was built from: the bundled modules and the typings it holds parsed.
    const manifest = JSON.parse(
      readFileSync(
        join(
          w.store,
          w.files().find((f) => f.endsWith(".json"))!,
        ),
        "utf8",
      ),
    ) as { inputs: [string, number, number][] };
    const from = manifest.inputs.map(([f]) => f);
    expect(from).toContain(realpathSync(join(repoRoot, "packages/blender-3.4/bpy.types.d.ts")));
    expect(from).toContain(realpathSync(join(repoRoot, "packages/compiler/dist/index.js")));
    await w.stop();
    expect((await w.build("3.4", "b.py")).python).toBe(ref34);
    expect(await w.status()).toMatch(fromSnapshot);
    // Another Blender's typings are parsed the plain way by the same server.
    expect((await w.build("4.3", "c.py")).python).toBe(ref43);
    // An edit is compiled fresh (the snapshot holds declaration files only).
    writeFileSync(join(w.dir, "hello.ts"), `${hello}\nconsole.log("edited");\n`);
    expect((await w.build("3.4", "d.py")).python).toContain('print("edited")');
  });

  it("a first run on a Blender not yet known starts the server from the snapshot of the version guessed", async () => {
    const w = await world();
    expect((await w.cli(["compile-server", "snapshot", "3.4"])).exitCode).toBe(0);
    const r = await w.cli(["run", "hello.ts", "--blender", "/usr/bin/blender", "--no-progress"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Scene "Scene" has 3 objects/);
    expect(await w.status()).toMatch(fromSnapshot);
  });

  it("`bpyts compile-server snapshot` builds it now; a damaged blob is refused, removed, and the plain server compiles", async () => {
    const w = await world();
    const made = await w.cli(["compile-server", "snapshot", "3.4"]);
    expect(made.exitCode, made.stderr).toBe(0);
    expect(made.stdout).toMatch(
      /^Blender 3\.4: .*server-3\.4-[0-9a-f]{16}\.blob \(\d+ MiB, [\d.]+ s\)$/m,
    );
    const blob = join(
      w.store,
      w.files().find((f) => f.endsWith(".blob"))!,
    );
    damage(blob);
    const ref = await w.reference("3.4");
    const r = await w.build("3.4", "a.py");
    expect(r.python).toBe(ref);
    expect(r.stderr).toContain("the compile server's start-up snapshot did not start");
    expect(await w.status()).not.toMatch(/started from a snapshot/);
    expect(existsSync(blob)).toBe(false);
    expect(existsSync(blob.replace(/\.blob$/, ".json"))).toBe(false);
  });

  it("is not used when a file it was built from changed, or when it is truncated", async () => {
    const w = await world();
    expect((await w.cli(["compile-server", "snapshot", "3.4"])).exitCode).toBe(0);
    const manifest = join(
      w.store,
      w.files().find((f) => f.endsWith(".json"))!,
    );
    const m = JSON.parse(readFileSync(manifest, "utf8")) as { inputs: [string, number, number][] };
    // One bundled file of the runner (not part of the compile cache's stamp) seen as changed.
    const i = m.inputs.findIndex(([f]) => f.includes("/runner/"));
    expect(i).toBeGreaterThanOrEqual(0);
    m.inputs[i]![2] += 1000;
    writeFileSync(manifest, JSON.stringify(m));
    const ref = await w.reference("3.4");
    expect((await w.build("3.4", "a.py")).python).toBe(ref);
    expect(await w.status()).not.toMatch(/started from a snapshot/);
    expect(w.files().filter((f) => /\.(json|blob)$/.test(f))).toEqual([]); // dropped

    await w.stop();
    expect((await w.cli(["compile-server", "snapshot", "3.4"])).exitCode).toBe(0);
    const blob = join(
      w.store,
      w.files().find((f) => f.endsWith(".blob"))!,
    );
    writeFileSync(blob, readFileSync(blob).subarray(0, 1 << 20));
    expect((await w.build("3.4", "b.py")).python).toBe(ref);
    expect(await w.status()).not.toMatch(/started from a snapshot/);
  });

  it("BPYTS_SNAPSHOT=0: none built, none used", async () => {
    const w = await world();
    const off = { BPYTS_SNAPSHOT: "0" };
    expect(
      (await w.cli(["build", "hello.ts", "-o", "a.py", "--target", "3.4"], off)).exitCode,
    ).toBe(0);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(w.files().filter((f) => !f.endsWith(".lock"))).toEqual([]);
    const r = await w.cli(["compile-server", "snapshot", "3.4"], off);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/BPY0007.*switched off \(BPYTS_SNAPSHOT\)/);
  });

  it("a version without typings is refused before anything is built", async () => {
    const w = await world();
    const r = await w.cli(["compile-server", "snapshot", "2.79"]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/BPY0004.*no typings for Blender 2\.79/);
    expect(w.files()).toEqual([]);
  });
});
