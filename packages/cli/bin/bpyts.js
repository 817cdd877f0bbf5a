#!/usr/bin/env node
// The `bpyts` command. A committed shim rather than `dist/bin.js` itself: npm links a package's
// bin at install time, before a workspace checkout has built `dist/`, so the bin must exist then.
import { existsSync } from "node:fs";

const built = new URL("../dist/bin.js", import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    "error BPY0006: bpyts is not built yet (no dist/): run `npm run build` in the bpyts checkout\n",
  );
  process.exit(1);
}
await import(built.href);
