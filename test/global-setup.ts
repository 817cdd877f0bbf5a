// One private temp root for the whole test run: every test process, Blender included (it makes
// its blender_* session folders under $TMPDIR), writes its temporary files below it, and the
// teardown removes it — so a run leaves nothing in /tmp even when a test or Blender is killed.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "bpyts-tests-"));
  process.env.TMPDIR = root;
  // No compile-server start-up snapshots (a ~70 MB blob built in the background after a first
  // compile, per $TMPDIR): tests that use their own $TMPDIR would each build one.
  // packages/cli/test/snapshot.test.ts switches them on.
  process.env.BPYTS_SNAPSHOT ??= "0";
  return () => {
    const left = readdirSync(root);
    // Not an error (the folder goes anyway), but worth a look: a test that forgot to clean up.
    if (left.length && process.env.BPYTS_TEST_LEFTOVERS)
      process.stderr.write(`temp folders left by tests: ${left.join(", ")}\n`);
    rmSync(root, { recursive: true, force: true });
  };
}
