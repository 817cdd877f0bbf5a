/**
 * Add-on packaging (src/addon): every metadata string reaches `bl_info` (Python) and
 * `blender_manifest.toml` escaped — quotes, backslashes, newlines, control characters, U+007F,
 * U+2028, non-BMP text — and reads back as the same text (issue 21: U+007F and lone surrogates
 * gave invalid TOML with exit 0). python3's ast.literal_eval and tomllib read the files back.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { addon } from "../src/index.js";

const HOSTILE = [
  'a"b',
  "a'b",
  "back\\slash",
  "new\nline",
  "cr\rlf",
  "tab\t",
  "del\x7f",
  "nul\0",
  "esc\x1b[31m",
  "ls\u2028ps\u2029",
  "emoji 😀 日本",
  '"""triple"""',
  "'''triple'''",
  "{braces} #hash",
  "\\u0041 not an escape",
];

const READ = String.raw`
import json, sys, tomllib
py, toml = json.loads(sys.stdin.read())
ns = {}
exec(compile(py, "__init__.py", "exec"), ns)


def plain(v):  # floats as their repr (JSON has no Infinity), tuples as lists
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


print(json.dumps({"bl_info": plain(ns["bl_info"]), "toml": tomllib.loads(toml)}))
`;

function meta(text: string): addon.AddonMetadata {
  return {
    id: "x",
    name: text,
    version: [1, 2, 3],
    blender: [4, 2, 0],
    author: text,
    description: text,
    category: "Object",
    location: text,
    license: "GPL-3.0-or-later",
    extra: { [text]: [text, 1e999, -1e999] },
  };
}

describe("add-on metadata", () => {
  it("bl_info and blender_manifest.toml read back as the same text", () => {
    for (const text of HOSTILE) {
      const m = meta(text);
      const out = JSON.parse(
        execFileSync("python3", ["-c", READ], {
          input: JSON.stringify([addon.blInfoPython(m), addon.manifestToml(m)]),
          encoding: "utf8",
        }),
      ) as { bl_info: Record<string, unknown>; toml: Record<string, unknown> };
      expect(out.bl_info.name, JSON.stringify(text)).toBe(text);
      expect(out.bl_info.location).toBe(text);
      // an extra key, and ±Infinity (written as float("inf"), not the undefined name Infinity)
      expect(out.bl_info[text]).toEqual([text, "inf", "-inf"]);
      expect(out.toml.name).toBe(text);
      expect(out.toml.maintainer).toBe(text);
    }
  });
  it("a lone surrogate (package.json text) is U+FFFD in the manifest, as in any UTF-8 file", () => {
    expect(addon.tomlString("a\ud800b")).toBe('"a\ufffdb"');
    expect(addon.tomlString("😀")).toBe('"😀"');
  });
});
