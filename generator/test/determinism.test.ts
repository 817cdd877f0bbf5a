// Determinism + CI drift check: generating from the committed schema gives byte-identical
// output, twice in a row and compared with the committed packages/blender-X.Y.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchema } from "@bpyts/introspect";
import { MANIFEST_NAME, generate } from "../src/index.js";
import { VERSIONS, pkgDir, schemaFile } from "./helpers.js";

function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith(".d.ts") || f === "package.json" || f === MANIFEST_NAME)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );
}

describe.each(VERSIONS)("blender-%s", (v) => {
  it("regenerates byte-identically (twice) and matches the committed package (drift)", async () => {
    const schema = await loadSchema(schemaFile(v));
    const a = mkdtempSync(join(tmpdir(), "bpyts-gen-a-"));
    const b = mkdtempSync(join(tmpdir(), "bpyts-gen-b-"));
    await generate(schema, a);
    await generate(schema, b);
    const sa = snapshot(a);
    const sb = snapshot(b);
    expect([...sa.keys()]).toEqual([...sb.keys()]);
    for (const [f, text] of sa)
      expect(sb.get(f) === text, `${f} differs between two runs`).toBe(true);
    const committed = snapshot(pkgDir(v));
    expect([...committed.keys()]).toEqual([...sa.keys()]);
    for (const [f, text] of sa)
      expect(
        committed.get(f) === text,
        `packages/blender-${v}/${f} drifted: run npm run generate -w @bpyts/generator`,
      ).toBe(true);
  }, 180_000);
});
