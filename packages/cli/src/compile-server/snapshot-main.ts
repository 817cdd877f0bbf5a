// The background snapshot builder's process entry (spawned by ./snapshots.ts `scheduleSnapshot`):
// `node snapshot-main.js <stamp> <version> <lock>`. Its log (stdout and stderr, beside the lock)
// stays only when the build failed.
import { rmSync } from "node:fs";
import { buildSnapshot } from "./snapshots.js";

const [stamp, version, lock] = process.argv.slice(2);
if (!stamp || !version || !lock) {
  process.stderr.write("usage: snapshot-main.js <stamp> <version> <lock>\n");
  process.exitCode = 2;
} else
  try {
    const started = performance.now();
    const blob = await buildSnapshot(stamp, version);
    process.stdout.write(`${blob} built in ${Math.round(performance.now() - started)} ms\n`);
    rmSync(lock.replace(/\.lock$/, ".log"), { force: true });
  } catch (e) {
    process.stderr.write(`no snapshot: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  } finally {
    rmSync(lock, { force: true });
  }
