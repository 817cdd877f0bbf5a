/**
 * `bpyts build --addon`: package a compiled entry as an installable Blender add-on.
 *
 * Metadata (first found wins, per field):
 *   1. `export const bl_info = { name, author, version: [1, 0, 0], blender: [3, 4, 0], category,
 *      description, location, … }` in the entry (a literal; strings, numbers, arrays);
 *   2. the `bpyts.addon` object of the nearest package.json (`{ "id", "name", "version": "1.0.0",
 *      "category", "tagline", "maintainer", "license", "blender": "3.4.0" }`);
 *   3. that package.json's own `name`, `version`, `description`, `author`, `license`.
 * Layout by target Blender version:
 *   - < 4.2 (legacy add-on): `<id>/__init__.py` in the zip, starting with a generated `bl_info`
 *     literal (tuples, as addon_utils expects), the compiled `bl_info` assignment removed;
 *   - ≥ 4.2 (extension): `__init__.py` + `blender_manifest.toml` (schema_version "1.0.0", id,
 *     version, name, tagline, maintainer, type "add-on", blender_version_min, license) at the
 *     zip root.
 */
import ts from "../ts.cjs";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { pyStringLiteral } from "../python/ast.js";

export interface AddonMetadata {
  id: string;
  name: string;
  version: [number, number, number];
  blender: [number, number, number];
  author: string;
  description: string;
  category: string;
  location?: string;
  license: string;
  extra: Record<string, unknown>;
}

type Lit = string | number | boolean | null | Lit[] | { [k: string]: Lit };

function literal(e: ts.Expression): Lit | undefined {
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e))
    e = e.expression;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (e.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(e)) {
    const out: Lit[] = [];
    for (const x of e.elements) {
      const v = literal(x);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  if (ts.isObjectLiteralExpression(e)) {
    const out: Record<string, Lit> = {};
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p)) return undefined;
      const k = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
      const v = literal(p.initializer);
      if (k === undefined || v === undefined) return undefined;
      out[k] = v;
    }
    return out;
  }
  return undefined;
}

/** The literal value of a top-level `export const bl_info = {...}` in the entry, if any. */
export function readBlInfo(entry: string): Record<string, Lit> | undefined {
  const sf = ts.createSourceFile(entry, fs.readFileSync(entry, "utf8"), ts.ScriptTarget.Latest);
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === "bl_info" && d.initializer) {
        const v = literal(d.initializer);
        if (v && typeof v === "object" && !Array.isArray(v)) return v;
      }
    }
  }
  return undefined;
}

function nearestPackageJson(dir: string): Record<string, unknown> | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const f = path.join(d, "package.json");
    if (fs.existsSync(f)) {
      try {
        return JSON.parse(fs.readFileSync(f, "utf8")) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    }
    if (path.dirname(d) === d) return undefined;
  }
}

function triple(v: unknown): [number, number, number] | undefined {
  if (Array.isArray(v)) {
    // a version is integers (anything else was reported as BPY2007 for bl_info)
    const n = v.map(Number);
    if (!n.every((x) => Number.isSafeInteger(x) && x >= 0)) return undefined;
    return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0];
  }
  if (typeof v === "string") {
    const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v);
    if (m) return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "name" in v && typeof v.name === "string") return v.name;
  return undefined;
}

/** Collect the add-on metadata of an entry for a target Blender version ("4.3", "3.4.1"). */
export function addonMetadata(entry: string, target: string): AddonMetadata {
  const bl = readBlInfo(entry) ?? {};
  const pkg = nearestPackageJson(path.dirname(entry)) ?? {};
  const cfg = ((pkg.bpyts as Record<string, unknown> | undefined)?.addon ?? {}) as Record<
    string,
    unknown
  >;
  const base = path.basename(entry).replace(/\.[cm]?tsx?$/, "");
  const name = str(bl.name) ?? str(cfg.name) ?? str(pkg.name) ?? base;
  const id = (str(cfg.id) ?? name)
    .toLowerCase()
    .replace(/^@[^/]+\//, "")
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^(\d)/, "_$1");
  const known = new Set([
    "name",
    "author",
    "version",
    "blender",
    "category",
    "description",
    "location",
    "license",
    "id",
  ]);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(bl)) if (!known.has(k)) extra[k] = v;
  return {
    id: id || "bpyts_addon",
    name,
    version: triple(bl.version) ?? triple(cfg.version) ?? triple(pkg.version) ?? [1, 0, 0],
    blender: triple(bl.blender) ?? triple(cfg.blender) ?? triple(target) ?? [3, 0, 0],
    author: str(bl.author) ?? str(cfg.maintainer) ?? str(cfg.author) ?? str(pkg.author) ?? "",
    description:
      str(bl.description) ?? str(cfg.tagline) ?? str(cfg.description) ?? str(pkg.description) ?? "",
    category: str(bl.category) ?? str(cfg.category) ?? "Object",
    location: str(bl.location) ?? str(cfg.location),
    license: str(cfg.license) ?? str(bl.license) ?? str(pkg.license) ?? "GPL-3.0-or-later",
    extra,
  };
}

/** Is the target an extension-platform Blender (≥ 4.2)? */
export function isExtensionTarget(target: string): boolean {
  const [M = 0, m = 0] = target.split(".").map(Number);
  return M > 4 || (M === 4 && m >= 2);
}

/** A Python literal of a metadata value (strings escaped by the compiler's own string printer). */
function pyLit(v: unknown): string {
  if (typeof v === "string") return pyStringLiteral(v);
  if (typeof v === "number") {
    if (Number.isNaN(v)) return 'float("nan")';
    if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : '-float("inf")';
    return String(v);
  }
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null || v === undefined) return "None";
  if (Array.isArray(v)) return `(${v.map(pyLit).join(", ")}${v.length === 1 ? "," : ""})`;
  return `{${Object.entries(v as object)
    .map(([k, x]) => `${pyStringLiteral(k)}: ${pyLit(x)}`)
    .join(", ")}}`;
}

/** The `bl_info = {...}` block of a legacy add-on. */
export function blInfoPython(m: AddonMetadata): string {
  const entries: [string, unknown][] = [
    ["name", m.name],
    ["author", m.author],
    ["version", m.version],
    ["blender", m.blender],
    ["description", m.description],
    ["category", m.category],
  ];
  if (m.location) entries.push(["location", m.location]);
  for (const [k, v] of Object.entries(m.extra)) entries.push([k, v]);
  return `bl_info = {\n${entries.map(([k, v]) => `    ${pyStringLiteral(k)}: ${pyLit(v)},\n`).join("")}}\n`;
}

/**
 * A TOML basic string: `"` and `\\` escaped, every control character (U+0000–U+001F, U+007F,
 * which TOML forbids raw) as `\\uXXXX`. A lone surrogate has no UTF-8 form (the zip is UTF-8):
 * it is written as U+FFFD, as any UTF-8 encoder does — bl_info strings with one are refused
 * earlier (BPY2007), this only concerns package.json text.
 */
export function tomlString(v: string): string {
  let out = '"';
  for (const ch of v) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (c < 0x20 || c === 0x7f) out += "\\u" + c.toString(16).padStart(4, "0").toUpperCase();
    else if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd";
    else out += ch;
  }
  return out + '"';
}

const toml = tomlString;

/** `blender_manifest.toml` of an extension. */
export function manifestToml(m: AddonMetadata): string {
  let tagline = (m.description || m.name).replace(/[.!?\s]+$/, "");
  // cut by code points: a cut surrogate pair would be a lone surrogate
  const points = [...tagline];
  if (points.length > 64)
    tagline =
      points
        .slice(0, 61)
        .join("")
        .replace(/[.!?\s]+$/, "") + "…";
  const license = m.license.startsWith("SPDX:") ? m.license : `SPDX:${m.license}`;
  return [
    `schema_version = "1.0.0"`,
    ``,
    `id = ${toml(m.id)}`,
    `version = ${toml(m.version.join("."))}`,
    `name = ${toml(m.name)}`,
    `tagline = ${toml(tagline)}`,
    `maintainer = ${toml(m.author || "Unknown")}`,
    `type = "add-on"`,
    ``,
    `blender_version_min = ${toml(isExtensionTarget(`${m.blender[0]}.${m.blender[1]}`) ? m.blender.join(".") : "4.2.0")}`,
    ``,
    `license = [${toml(license)}]`,
    ``,
  ].join("\n");
}

/** Remove the compiled top-level `bl_info = {...}` assignment (replaced by the generated one). */
export function stripBlInfo(python: string): string {
  const i = python.search(/^bl_info = \{/m);
  if (i < 0) return python;
  let depth = 0;
  let j = python.indexOf("{", i);
  let inStr: string | undefined;
  for (; j < python.length; j++) {
    const c = python[j]!;
    if (inStr) {
      if (c === "\\") j++;
      else if (c === inStr) inStr = undefined;
      continue;
    }
    if (c === '"' || c === "'") inStr = c;
    else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") {
      depth--;
      if (depth === 0) break;
    }
  }
  const end = python.indexOf("\n", j);
  return python.slice(0, i) + python.slice(end < 0 ? python.length : end + 1);
}

/** The files of the add-on zip (path → contents). */
export function addonFiles(python: string, m: AddonMetadata, target: string): Map<string, string> {
  const body = stripBlInfo(python);
  const files = new Map<string, string>();
  if (isExtensionTarget(target)) {
    files.set("__init__.py", body);
    files.set("blender_manifest.toml", manifestToml(m));
  } else {
    files.set(`${m.id}/__init__.py`, `${blInfoPython(m)}\n\n${body}`);
  }
  return files;
}

/** A zip archive (deflate) of the given files. */
export function zip(files: Map<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // fixed timestamp: reproducible archives (1980-01-01 00:00)
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const [name, content] of files) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = zlib.deflateRawSync(data);
    const crc = zlib.crc32(data) >>> 0;
    const nameBuf = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
