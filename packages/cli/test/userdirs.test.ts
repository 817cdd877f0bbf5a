// Runs never read or change the user's Blender folders (~/.config/blender) unless asked to:
// each run gets a private empty set, removed afterwards; --real-user-dirs uses the real ones.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createPool } from "@bpyts/runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bpyts, tempDir } from "./helpers.js";

const chroot = "/var/lib/bpyts/chroots/bin/blender-5.2";
let dir = "";
beforeAll(async () => {
  dir = await tempDir("bpyts userdirs ");
  await writeFile(
    join(dir, "touch.py"),
    [
      "import bpy",
      // What installing an add-on does first: create the user's add-on folder.
      "print('SCRIPTS', bpy.utils.user_resource('SCRIPTS', path='addons', create=True))",
      "",
    ].join("\n"),
  );
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const blenders = [{ name: "3.4 (host)", args: [] as string[] }].concat(
  existsSync(chroot) ? [{ name: "5.2 (chroot)", args: ["--blender", chroot] }] : [],
);

describe.each(blenders)("user folders, Blender $name", ({ args }) => {
  it("a run writes into a private folder that is gone afterwards; ~/.config/blender stays untouched", async () => {
    const home = join(dir, `home-${args.length}`);
    await mkdir(home, { recursive: true });
    const env = { ...process.env, HOME: home };
    const r = await bpyts(["run", "touch.py", ...args], { cwd: dir, env });
    expect(r.exitCode, r.stderr).toBe(0);
    const used = /SCRIPTS (.*)/.exec(r.stdout)?.[1]?.trim();
    expect(used).toBeDefined();
    expect(used!.startsWith(home)).toBe(false);
    expect(existsSync(used!)).toBe(false); // removed after the run
    expect(existsSync(join(home, ".config", "blender"))).toBe(false);

    const real = await bpyts(["run", "touch.py", "--real-user-dirs", ...args], { cwd: dir, env });
    expect(real.exitCode, real.stderr).toBe(0);
    expect(/SCRIPTS (.*)/.exec(real.stdout)?.[1]?.trim()).toMatch(
      new RegExp(`^${home.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/\\.config/blender/`),
    );
    expect(readdirSync(join(home, ".config", "blender")).length).toBe(1);
  });
});

describe("user folders of a warm pool", () => {
  it("workers use private folders, removed when the pool closes", async () => {
    const home = join(dir, "pool-home");
    await mkdir(home, { recursive: true });
    const pool = await createPool({ size: 1, env: { ...process.env, HOME: home } });
    let used: string | undefined;
    try {
      const r = await pool.run(join(dir, "touch.py"));
      expect(r.exitCode, r.error?.format()).toBe(0);
      used = /SCRIPTS (.*)/.exec(r.stdout)?.[1]?.trim();
      expect(used).toBeDefined();
      expect(used!.startsWith(home)).toBe(false);
      expect(existsSync(used!)).toBe(true);
    } finally {
      await pool.close();
    }
    expect(existsSync(used!)).toBe(false);
    expect(existsSync(join(home, ".config", "blender"))).toBe(false);
  });
});
