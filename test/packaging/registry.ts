// A read-only npm registry on 127.0.0.1 for the packaging test: it serves the packed bpyts
// tarballs as if they were published, and every third-party package at exactly the version the
// monorepo's package-lock.json pins, with its tarball read from the local npm cache (where
// `npm ci` put it). So the test installs "from the registry" by package name, as a user would,
// with no network and no link to the checkout.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

interface Version {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, unknown>;
  bin?: Record<string, string> | string;
  engines?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  dist: { tarball: string; integrity: string };
}

export interface Registry {
  url: string;
  /** Names of packages that were asked for but are not in the registry (should stay empty). */
  missing: Set<string>;
  close(): Promise<void>;
}

/** Where cacache keeps a content blob: content-v2/<algo>/<hex[0:2]>/<hex[2:4]>/<hex[4:]>. */
function cachedTarball(cacheDir: string, integrity: string): string | undefined {
  const [algo, b64] = integrity.split(" ")[0]!.split("-", 2) as [string, string];
  const hex = Buffer.from(b64, "base64").toString("hex");
  const file = join(
    cacheDir,
    "_cacache",
    "content-v2",
    algo,
    hex.slice(0, 2),
    hex.slice(2, 4),
    hex.slice(4),
  );
  return existsSync(file) ? file : undefined;
}

export async function startRegistry(options: {
  lockfile: string;
  tarballs: string[];
  npmCache: string;
}): Promise<Registry> {
  const packages = new Map<
    string,
    Map<string, { meta: Omit<Version, "dist">; integrity: string; file: string }>
  >();
  const add = (meta: Omit<Version, "dist">, integrity: string, file: string) => {
    let versions = packages.get(meta.name);
    if (!versions) packages.set(meta.name, (versions = new Map()));
    versions.set(meta.version, { meta, integrity, file });
  };

  const lock = JSON.parse(readFileSync(options.lockfile, "utf8")) as {
    packages: Record<
      string,
      Record<string, unknown> & { version?: string; integrity?: string; link?: boolean }
    >;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    const at = path.lastIndexOf("node_modules/");
    if (at < 0 || entry.link || !entry.version || !entry.integrity) continue;
    const name = (entry.name as string | undefined) ?? path.slice(at + "node_modules/".length);
    const file = cachedTarball(options.npmCache, entry.integrity);
    if (!file) continue; // not in the cache (another platform's optional package, say)
    const {
      dependencies,
      optionalDependencies,
      peerDependencies,
      peerDependenciesMeta,
      bin,
      engines,
      os,
      cpu,
    } = entry as Partial<Version>;
    add(
      {
        name,
        version: entry.version,
        dependencies,
        optionalDependencies,
        peerDependencies,
        peerDependenciesMeta,
        bin,
        engines,
        os,
        cpu,
      },
      entry.integrity,
      file,
    );
  }

  for (const file of options.tarballs) {
    const manifest = JSON.parse(
      execFileSync("tar", ["-xOzf", file, "package/package.json"], { encoding: "utf8" }),
    ) as Omit<Version, "dist">;
    const integrity = `sha512-${createHash("sha512").update(readFileSync(file)).digest("base64")}`;
    add(manifest, integrity, file);
  }

  const missing = new Set<string>();
  let base = "";
  const server: Server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    const tarball = /^\/(.+)\/-\/(.+)\.tgz$/.exec(url);
    if (tarball) {
      const hit = packages.get(tarball[1]!)?.get(tarball[2]!);
      if (!hit) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(readFileSync(hit.file));
      return;
    }
    const name = url.slice(1);
    const versions = packages.get(name);
    if (!versions) {
      missing.add(name);
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    const all = [...versions.values()];
    const newest = all
      .map((v) => v.meta.version)
      .sort(compareVersions)
      .at(-1)!;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        name,
        "dist-tags": { latest: newest },
        versions: Object.fromEntries(
          all.map(({ meta, integrity }) => [
            meta.version,
            { ...meta, dist: { integrity, tarball: `${base}/${name}/-/${meta.version}.tgz` } },
          ]),
        ),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  const pb = b.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y)
      return typeof x === "number" && typeof y === "number"
        ? x - y
        : String(x) < String(y)
          ? -1
          : 1;
  }
  return 0;
}
