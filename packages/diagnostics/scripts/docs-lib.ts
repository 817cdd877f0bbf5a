/**
 * The code tables of the docs, generated from the one table (src/codes.ts): each document holds
 * `<!-- diagnostics:begin phase=a,b -->` … `<!-- diagnostics:end -->` and the text between the
 * markers is the table of those phases, formatted by prettier as CI checks it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as prettier from "prettier";
import { renderTable, type Phase } from "../src/index.js";

/** The documents with generated tables (repository-relative). */
export const generatedDocs = [
  "packages/compiler/README.md",
  "packages/cli/README.md",
  "docs/blender-compiler.md",
  "docs/debugging.md",
  "docs/farm.md",
] as const;

const PHASES: readonly Phase[] = [
  "cli",
  "runner",
  "farm",
  "debug",
  "compiler",
  "project",
  "blender",
];
const BLOCK = /(<!-- diagnostics:begin phase=([a-z,]+) -->\n)[\s\S]*?(<!-- diagnostics:end -->)/g;

/** `text` with every marked block regenerated; throws on an unknown phase or an unclosed block. */
export async function regenerate(file: string, text: string): Promise<string> {
  const begins = text.match(/<!-- diagnostics:begin\b/g)?.length ?? 0;
  let blocks = 0;
  const spliced = text.replace(BLOCK, (_, begin: string, list: string, end: string) => {
    blocks++;
    const phases = list.split(",") as Phase[];
    for (const p of phases)
      if (!PHASES.includes(p)) throw new Error(`${file}: unknown diagnostics phase '${p}'`);
    return `${begin}\n${renderTable(phases)}\n${end}`;
  });
  if (blocks !== begins) throw new Error(`${file}: a diagnostics:begin marker has no end`);
  if (blocks === 0) throw new Error(`${file}: no diagnostics:begin marker`);
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(spliced, { ...options, filepath: file });
}

/** Every generated document whose text differs from what it should be: file → expected text. */
export async function drift(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of generatedDocs) {
    const file = path.join(root, rel);
    const text = await readFile(file, "utf8");
    const want = await regenerate(file, text);
    if (want !== text) out.set(file, want);
  }
  return out;
}
