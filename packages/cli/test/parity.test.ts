// Editor parity: for the corpus in fixtures/parity, the diagnostics of the TypeScript language
// service over an `init`-style project (what an editor shows) equal the TS diagnostics of
// `bpyts check` (same codes, files, lines, columns). One project — one language service and one
// CLI run — per (Blender version, strict) pair of the corpus.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bpyts, compilerReady, repoRoot, tempDir, typingsReady } from "./helpers.js";
import { initProject } from "./project-fixture.js";

const corpus = join(import.meta.dirname, "fixtures/parity");
const TSGO = join(repoRoot, "node_modules/typescript7/bin/tsc");

interface Case {
  name: string;
  blender: string;
  strict: boolean;
  expect: string[];
}

function readCorpus(): Case[] {
  return readdirSync(corpus)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((name) => {
      const header = /^\/\/ parity:(.*)$/m.exec(readFileSync(join(corpus, name), "utf8"));
      if (!header) throw new Error(`${name}: no "// parity:" header`);
      const kv = Object.fromEntries(
        header[1]!
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map((p) => p.split("=") as [string, string]),
      );
      return {
        name,
        blender: kv["blender"] ?? "4.3",
        strict: kv["strict"] !== "false",
        expect: kv["expect"] ? kv["expect"].split(",").sort() : [],
      };
    });
}

const cases = readCorpus();
const groups = new Map<string, Case[]>();
for (const c of cases) {
  const key = `blender-${c.blender}${c.strict ? "" : " loose"}`;
  groups.set(key, [...(groups.get(key) ?? []), c]);
}

/** An init project per group: the corpus files in src/, lib/ in src/lib/. */
async function makeProject(dir: string, group: Case[]): Promise<void> {
  const { blender, strict } = group[0]!;
  const copy: Record<string, string> = { "src/lib": join(corpus, "lib") };
  for (const c of group) copy[`src/${c.name}`] = join(corpus, c.name);
  await initProject(dir, { blender, compilerOptions: { strict }, copy });
}

const registry = ts.createDocumentRegistry();

/** What an editor shows: a language service whose host reads tsconfig.json as tsserver does. */
function editorDiagnostics(dir: string): string[] & { syntactic: string[] } {
  const configFile = join(dir, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error("tsconfig.json did not parse");
  expect(parsed.errors).toEqual([]);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => parsed.options,
    getScriptFileNames: () => parsed.fileNames,
    getProjectReferences: () => parsed.projectReferences,
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) =>
      existsSync(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, "utf8")) : undefined,
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
  };
  const ls = ts.createLanguageService(host, registry);
  const out: string[] = [];
  const syntactic: string[] = [];
  const add = (d: ts.Diagnostic, into = out) => {
    if (d.category !== ts.DiagnosticCategory.Error && d.category !== ts.DiagnosticCategory.Warning)
      return;
    if (!d.file || d.start === undefined) {
      into.push(`tsconfig.json TS${d.code}`);
      return;
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    into.push(`${relative(dir, d.file.fileName)}:${line + 1}:${character + 1} TS${d.code}`);
  };
  ls.getCompilerOptionsDiagnostics().forEach((d) => add(d));
  for (const f of parsed.fileNames) {
    ls.getSyntacticDiagnostics(f).forEach((d) => (add(d), add(d, syntactic)));
    ls.getSemanticDiagnostics(f).forEach((d) => add(d));
  }
  ls.dispose();
  return Object.assign(out.sort(), { syntactic: syntactic.sort() });
}

/** The TS diagnostics `bpyts check` prints (`file:line:col - error TSxxxx: …`). */
function cliDiagnostics(stderr: string): string[] {
  const out: string[] = [];
  for (const m of stderr.matchAll(/^(.+?):(\d+):(\d+) - (?:error|warning) (TS\d+): /gm)) {
    out.push(
      m[1] === "tsconfig.json" ? `tsconfig.json ${m[4]}` : `${m[1]}:${m[2]}:${m[3]} ${m[4]}`,
    );
  }
  return out.sort();
}

describe.skipIf(!compilerReady || !typingsReady)(
  "editor parity (language service = bpyts check)",
  () => {
    let root: string;
    const dirs = new Map<string, string>();
    beforeAll(async () => {
      root = await tempDir("bpyts parity ");
      for (const [key, group] of groups) {
        const dir = join(root, key);
        await mkdir(dir, { recursive: true });
        await makeProject(dir, group);
        dirs.set(key, dir);
      }
    });
    afterAll(async () => {
      if (root) await rm(root, { recursive: true, force: true });
    });

    it("the corpus has at least 30 files, valid and invalid, for every Blender version and strict on/off", () => {
      expect(cases.length).toBeGreaterThanOrEqual(30);
      expect(new Set(cases.map((c) => c.blender))).toEqual(new Set(["3.4", "4.3", "5.2"]));
      expect(new Set(cases.map((c) => c.strict))).toEqual(new Set([true, false]));
      expect(cases.some((c) => c.expect.length === 0)).toBe(true);
      expect(cases.some((c) => c.expect.length > 0)).toBe(true);
    });

    for (const [key, group] of groups) {
      it(`${key}: ${group.length} files — the editor reports what each file expects, and bpyts check the same`, async () => {
        const dir = dirs.get(key)!;
        const editor = editorDiagnostics(dir);
        // The corpus says what TypeScript reports: the language service must agree, file by file.
        const reported = Object.fromEntries(
          group.map((c) => [
            c.name,
            editor
              .filter((d) => d.startsWith(`src/${c.name}:`))
              .map((d) => d.split(" ")[1]!)
              .sort(),
          ]),
        );
        expect(reported).toEqual(Object.fromEntries(group.map((c) => [c.name, c.expect])));
        expect(editor.filter((d) => d.startsWith("src/lib/") || d.startsWith("tsconfig"))).toEqual(
          [],
        );
        const r = await bpyts(["check"], { cwd: dir });
        expect(cliDiagnostics(r.stderr)).toEqual([...editor]);
        // Beyond TypeScript's: null checks off is refused at "strict" (BPY1905), nothing else.
        const strict = group[0]!.strict;
        const own = [...r.stderr.matchAll(/^\S+:\d+:\d+ - error (BPY\d+): /gm)].map((m) => m[1]);
        expect(own, r.stderr).toEqual(strict ? [] : ["BPY1905"]);
        expect(r.exitCode, r.stderr).toBe(editor.length || !strict ? 1 : 0);
        // tsc -p over the same project reports the same (tsgo, when installed, too) — except
        // that tsc stops at syntax errors when there are any, where an editor goes on.
        const fromEditor = editor.syntactic.length ? editor.syntactic : [...editor];
        for (const tsc of [join(repoRoot, "node_modules/typescript/bin/tsc"), TSGO]) {
          if (!existsSync(tsc)) continue;
          const t = spawnSync(process.execPath, [tsc, "-p", dir, "--pretty", "false"], {
            cwd: dir,
            encoding: "utf8",
          });
          const fromTsc = [...t.stdout.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): /gm)]
            .map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`)
            .sort();
          expect(fromTsc, tsc).toEqual(fromEditor);
        }
      });
    }

    it("a project without errors also compiles every entry (bpyts check of the valid corpus)", async () => {
      const dir = join(root, "valid");
      const valid = cases.filter((c) => c.expect.length === 0 && c.blender === "4.3" && c.strict);
      await mkdir(dir);
      await makeProject(dir, valid);
      expect([...editorDiagnostics(dir)]).toEqual([]);
      const r = await bpyts(["check"], { cwd: dir });
      expect(r.exitCode, r.stderr).toBe(0);
      const b = await bpyts(["build"], { cwd: dir });
      expect(b.exitCode, b.stderr).toBe(0);
      // Every entry (a file no other file imports) is written to outDir; lib/ is bundled, not an entry.
      const written = readdirSync(join(dir, "dist"))
        .filter((f) => f.endsWith(".py"))
        .sort();
      expect(written).toEqual(valid.map((c) => c.name.replace(/\.ts$/, ".py")).sort());
    });
  },
);
