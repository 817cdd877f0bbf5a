/**
 * Rewrites the diagnostics tables of the docs from src/codes.ts (`npm run docs:diagnostics`).
 * Each changed file is written beside itself and renamed over the original (atomic).
 */
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { drift } from "./docs-lib.js";

const root = path.resolve(import.meta.dirname, "../../..");
for (const [file, text] of await drift(root)) {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
  console.log(`updated ${path.relative(root, file)}`);
}
