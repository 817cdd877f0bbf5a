// Publish-readiness, as a user meets it: every public package is packed with `npm pack` (its
// `prepack` builds it), served by a loopback registry (registry.ts), and installed by NAME into
// an empty project outside the monorepo — no network (a dead proxy catches any other host) and
// no link to the checkout. Then `bpyts init` (registry ranges, the default), `npm install`,
// `check`, `build`, `run` in real Blender, and `tsc` over the project as an editor sees it.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers.js";
import { startRegistry, type Registry } from "./registry.js";

const publicPackages = [
  "packages/cli",
  "packages/compiler",
  "packages/runner",
  "packages/farm",
  "packages/diagnostics",
  "packages/debug",
  "introspect",
  "generator",
  "packages/blender-3.4",
  "packages/blender-4.3",
  "packages/blender-5.2",
];

/** Packages the lockfile names only as optional (other platforms' builds, optional peers). */
const optionalNames = new Set<string>();

let work = "";
let registry: Registry;
let env: NodeJS.ProcessEnv;

const npm = (args: string[], cwd: string) =>
  execa("npm", args, { cwd, env, reject: false, stdin: "ignore" });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bpyts-pack-"));
  const tgz = join(work, "tarballs");
  await mkdir(tgz);
  for (const dir of publicPackages) {
    const packed = await execa("npm", ["pack", "--pack-destination", tgz, "--silent"], {
      cwd: join(repoRoot, dir),
      reject: false,
    });
    if (packed.exitCode !== 0) throw new Error(`npm pack ${dir}: ${packed.stderr}`);
  }
  const lock = JSON.parse(await readFile(join(repoRoot, "package-lock.json"), "utf8")) as {
    packages: Record<
      string,
      {
        optionalDependencies?: Record<string, string>;
        peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      }
    >;
  };
  for (const entry of Object.values(lock.packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) optionalNames.add(name);
    for (const [name, meta] of Object.entries(entry.peerDependenciesMeta ?? {}))
      if (meta.optional) optionalNames.add(name);
  }
  const npmCache = execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim();
  registry = await startRegistry({
    lockfile: join(repoRoot, "package-lock.json"),
    tarballs: readdirSync(tgz).map((f) => join(tgz, f)),
    npmCache,
  });
  env = {
    ...process.env,
    npm_config_registry: registry.url,
    npm_config_cache: join(work, "npm-cache"), // the user's cache is neither used nor changed
    // Any host but the loopback registry goes to a dead proxy: the test cannot use the network.
    npm_config_proxy: "http://127.0.0.1:9",
    npm_config_https_proxy: "http://127.0.0.1:9",
    npm_config_noproxy: "127.0.0.1",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
}, 300_000);

afterAll(async () => {
  await registry?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("packed packages", () => {
  it("each tarball carries its metadata, built code and nothing from the monorepo's dev side", () => {
    const tgz = join(work, "tarballs");
    const files = readdirSync(tgz).sort();
    expect(files).toHaveLength(publicPackages.length);
    for (const file of files) {
      const listing = execFileSync("tar", ["-tzf", join(tgz, file)], { encoding: "utf8" });
      const manifest = JSON.parse(
        execFileSync("tar", ["-xOzf", join(tgz, file), "package/package.json"], {
          encoding: "utf8",
        }),
      ) as Record<string, unknown>;
      expect(manifest.license, file).toBe("MIT");
      expect(manifest.repository, file).toMatchObject({ type: "git" });
      expect(listing, file).not.toMatch(/(^|\/)(test|src)\//m);
      if (manifest.main) {
        expect(listing, file).toContain(`package/${manifest.main as string}`);
        expect(manifest.engines, file).toEqual({ node: ">=20.11" });
        expect(manifest.exports, file).toBeDefined();
      } else {
        expect(listing, file).toContain("package/index.d.ts"); // a typings package
      }
      for (const [dep, range] of Object.entries(
        (manifest.dependencies ?? {}) as Record<string, string>,
      )) {
        expect(range, `${file}: ${dep}`).not.toMatch(/^(file|link|workspace):/);
      }
    }
  });

  it("install by name into an empty project, then init → install → check → build → run in Blender", async () => {
    const tool = join(work, "tool");
    await mkdir(tool);
    expect((await npm(["init", "-y"], tool)).exitCode).toBe(0);
    const installed = await npm(["install", "bpyts"], tool);
    expect(installed.exitCode, installed.stderr).toBe(0);
    // Nothing links back to the checkout.
    expect(realpathSync(join(tool, "node_modules/bpyts")).startsWith(work)).toBe(true);

    const created = await execa("npx", ["bpyts", "init", "app", "--target", "3.4"], {
      cwd: tool,
      env,
      reject: false,
    });
    expect(created.exitCode, created.stderr).toBe(0);
    const app = join(tool, "app");
    const pkg = JSON.parse(await readFile(join(app, "package.json"), "utf8"));
    expect(JSON.stringify(pkg.devDependencies)).not.toContain("file:"); // registry ranges

    const appInstall = await npm(["install"], app);
    expect(appInstall.exitCode, appInstall.stderr).toBe(0);
    // npm asks for optional dependencies of other platforms (msgpackr-extract's darwin/win32
    // builds under bullmq) and optional peers (ioredis' `redis`) and skips them when they are
    // missing; anything else missing would be a real gap
    expect([...registry.missing].filter((name) => !optionalNames.has(name))).toEqual([]);

    const check = await npm(["run", "check"], app);
    expect(check.exitCode, check.stderr + check.stdout).toBe(0);

    const build = await npm(["run", "build"], app);
    expect(build.exitCode, build.stderr + build.stdout).toBe(0);
    expect(existsSync(join(app, "dist/main.py"))).toBe(true);
    expect(existsSync(join(app, "dist/main.py.map"))).toBe(true);
    const compiled = await execa("python3", ["-m", "py_compile", join(app, "dist/main.py")], {
      reject: false,
    });
    expect(compiled.exitCode, compiled.stderr).toBe(0);

    const run = await execa(
      "npx",
      ["bpyts", "run", "src/main.ts", "--input", '{"size":2}', "--result"],
      { cwd: app, env, reject: false },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('Scene "Scene" has 3 objects');
    expect(run.stdout).toContain('"size": 2');

    // The compile server's start-up snapshot bundles the installed layout (node_modules/bpyts
    // beside node_modules/@bpyts/*, not the checkout's packages/): built, then used by a cold
    // server (a private $TMPDIR: its own servers and snapshots).
    const tmp = join(work, "snapshot-tmp");
    await mkdir(tmp);
    const snapEnv = { ...env, TMPDIR: tmp, BPYTS_SNAPSHOT: "1", BPYTS_COMPILE_SERVER: "1" };
    const bpyts = (args: string[]) =>
      execa("npx", ["bpyts", ...args], { cwd: app, env: snapEnv, reject: false });
    try {
      const snap = await bpyts(["compile-server", "snapshot", "3.4"]);
      expect(snap.exitCode, snap.stderr).toBe(0);
      const served = await bpyts([
        "run",
        "src/main.ts",
        "--no-cache",
        "--input",
        '{"size":3}',
        "--result",
      ]);
      expect(served.exitCode, served.stderr).toBe(0);
      expect(served.stdout).toContain('"size": 3');
      expect((await bpyts(["compile-server", "status"])).stdout).toMatch(
        /started from a snapshot \(Blender 3\.4 typings\)/,
      );
    } finally {
      await bpyts(["compile-server", "stop"]);
    }

    // The editor's view: the project's own TypeScript over its tsconfig.
    const tsc = await execa("npx", ["tsc", "-p", "."], { cwd: app, env, reject: false });
    expect(tsc.exitCode, tsc.stdout).toBe(0);
  }, 600_000);
});
