// Generator benchmarks (subject and baseline measured in the same run):
// - generation time per version vs loading+parsing the schema alone (goal ≤ 5 s)
// - type-checking a hello script with the typings vs without, tsc 6 and tsgo 7 (goal ≤ 1.5×), with
//   the options `bpyts init` writes (skipLibCheck: true, as in `tsc --init`); the same with
//   skipLibCheck: false (every declaration checked) as an info row
// - completion latency after `bpy.context.scene.` through the LanguageService, warm
//   (goal ≤ 100 ms; baseline: the same completion in a file without the typings)
// - package size vs fake-bpy-module's single 3.5 MB file (stated reference; a size row, unit kB)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readdirSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const VERSIONS = ["3.4", "4.3", "5.2"];
const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function timeGenerate(v) {
  const { loadSchema } = await import(join(ROOT, "introspect/dist/index.js"));
  const { generate } = await import(join(ROOT, "generator/dist/index.js"));
  const schemaPath = join(ROOT, "introspect/schemas", `blender-${v}.json.gz`);
  let t = now();
  await loadSchema(schemaPath);
  const load = now() - t;
  const out = mkdtempSync(join(tmpdir(), "bpyts-bench-gen-"));
  let gen;
  try {
    t = now();
    const schema = await loadSchema(schemaPath);
    await generate(schema, out);
    gen = now() - t;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return {
    name: `generate blender-${v}`,
    subject: { label: "load + generate + prettier", ms: gen },
    baseline: { label: "load schema", ms: load },
    goal: "≤ 5 s",
  };
}

function tsconfig(dir, withTypings, v, skipLibCheck) {
  const files = [join(dir, "hello.ts"), join(dir, "console.d.ts")];
  if (withTypings) files.unshift(join(ROOT, "packages", `blender-${v}`, "index.d.ts"));
  const p = join(
    dir,
    `tsconfig.${withTypings ? "with" : "without"}${skipLibCheck ? "" : ".libcheck"}.json`,
  );
  writeFileSync(
    p,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck,
        target: "es2022",
        lib: ["es2023", "esnext.disposable"],
        module: "nodenext",
        types: [],
      },
      files,
    }),
  );
  return p;
}

function timeTsc(bin, project) {
  const t = now();
  const r = spawnSync(process.execPath, [bin, "-p", project], { encoding: "utf8" });
  const ms = now() - t;
  if (r.status !== 0) throw new Error(`${bin} -p ${project} failed:\n${r.stdout}${r.stderr}`);
  return { ms, ok: true };
}

function typecheckRows(v) {
  const dir = mkdtempSync(join(tmpdir(), "bpyts-bench-tc-"));
  writeFileSync(
    join(dir, "console.d.ts"),
    "declare const console: { log(...a: unknown[]): void };\n",
  );
  // with typings: the real hello; without: the same program against a one-line stub module
  writeFileSync(join(dir, "hello.ts"), readFileSync(join(ROOT, "examples/hello.ts"), "utf8"));

  const dir2 = mkdtempSync(join(tmpdir(), "bpyts-bench-tc0-"));
  writeFileSync(
    join(dir2, "console.d.ts"),
    'declare const console: { log(...a: unknown[]): void };\ndeclare module "bpy" { export const context: any; export const data: any; }\n',
  );
  writeFileSync(join(dir2, "hello.ts"), readFileSync(join(ROOT, "examples/hello.ts"), "utf8"));
  try {
    return typecheckPairs(v, dir, dir2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dir2, { recursive: true, force: true });
  }
}

function typecheckPairs(v, dir, dir2) {
  const rows = [];
  for (const skipLibCheck of [true, false]) {
    const withP = tsconfig(dir, true, v, skipLibCheck);
    const withoutP = tsconfig(dir2, false, v, skipLibCheck);
    for (const [label, bin] of [
      ["tsc 6", join(ROOT, "node_modules/typescript/bin/tsc")],
      ["tsgo 7", join(ROOT, "node_modules/typescript7/bin/tsc")],
    ]) {
      timeTsc(bin, withP); // warm the file cache
      const a = [];
      const b = [];
      for (let i = 0; i < 3; i++) {
        a.push(timeTsc(bin, withP).ms);
        b.push(timeTsc(bin, withoutP).ms);
      }
      rows.push({
        name: `type-check hello.ts, blender-${v}, ${label}, ${skipLibCheck ? "bpyts init options (skipLibCheck)" : "skipLibCheck: false"}, median of 3`,
        subject: { label: "with typings", ms: median(a) },
        baseline: { label: "without typings", ms: median(b) },
        goal: skipLibCheck ? "≤ 1.5×" : "info",
      });
    }
  }
  return rows;
}

// A hello-sized script, with and without the typings: re-checked after each edit.
const HELLO_BPY =
  'import * as bpy from "bpy";\nconst scene = bpy.context.scene;\nscene.frame_current = 1;\nbpy.ops.mesh.primitive_cube_add({ size: 2 });\nconst cube = bpy.context.active_object;\nif (cube) cube.location.x += 1;\nconsole.log(scene.name, bpy.data.objects.length);\n';
const HELLO_PLAIN =
  "const scene = { name: '', frame_current: 0 };\nscene.frame_current = 1;\nconst objects: { location: { x: number } }[] = [];\nconst cube = objects[0];\nif (cube) cube.location.x += 1;\nconsole.log(scene.name, objects.length);\n";

function completion(v, withTypings) {
  return languageService(
    v,
    withTypings,
    withTypings
      ? 'import * as bpy from "bpy";\nbpy.context.scene.'
      : "const scene = { name: '', frame_current: 1 };\nscene.",
    "completion",
  );
}

/** Warm LanguageService time after an edit: completions at the end, or the file's diagnostics. */
function languageService(v, withTypings, text, op) {
  const dir = mkdtempSync(join(tmpdir(), "bpyts-bench-ls-"));
  const file = join(dir, "main.ts");
  writeFileSync(file, text);
  const typings = withTypings
    ? readdirSync(join(ROOT, "packages", `blender-${v}`))
        .filter((f) => f.endsWith(".d.ts"))
        .map((f) => join(ROOT, "packages", `blender-${v}`, f))
    : [];
  // the compiler's globals (console, …), as bpyts check includes them
  const files = [file, join(ROOT, "packages/compiler/lib/bpyts-globals.d.ts"), ...typings];
  const versions = new Map(files.map((f) => [f, 1]));
  const options = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
    module: ts.ModuleKind.NodeNext,
    types: [],
  };
  const host = {
    getScriptFileNames: () => files,
    getScriptVersion: (f) => String(versions.get(f) ?? 1),
    getScriptSnapshot: (f) => {
      try {
        return ts.ScriptSnapshot.fromString(readFileSync(f, "utf8"));
      } catch {
        return undefined;
      }
    },
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
  };
  const ls = ts.createLanguageService(host);
  const pos = text.length;
  const run = () => {
    if (op === "completion") {
      const r = ls.getCompletionsAtPosition(file, pos, {});
      if (!r || r.entries.length === 0) throw new Error("no completions");
    } else {
      const d = [...ls.getSyntacticDiagnostics(file), ...ls.getSemanticDiagnostics(file)];
      if (d.length) throw new Error(`bench script has errors: ${d[0].messageText}`);
    }
  };
  run(); // cold: builds the program
  const samples = [];
  for (let i = 0; i < 5; i++) {
    // an edit in the user file, as in an editor: a changed number, same length
    writeFileSync(file, text.replace("frame_current = 1", `frame_current = ${i + 2}`));
    versions.set(file, (versions.get(file) ?? 1) + 1);
    const t = now();
    run();
    samples.push(now() - t);
  }
  rmSync(dir, { recursive: true, force: true });
  samples.sort((a, b) => a - b);
  return samples[2];
}

function dirBytes(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".d.ts"))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

export default async function bench() {
  const rows = [];
  for (const v of VERSIONS) rows.push(await timeGenerate(v));
  rows.push(...typecheckRows("3.4"));
  const warm = completion("3.4", true);
  const base = completion("3.4", false);
  rows.push({
    name: "completion after `bpy.context.scene.` (LanguageService, warm, median of 5)",
    subject: { label: "with blender-3.4 typings", ms: warm },
    baseline: { label: "file without typings", ms: base },
    goal: "≤ 100 ms warm",
  });
  rows.push({
    name: "re-check hello-sized script after an edit (LanguageService diagnostics, warm, median of 5)",
    subject: {
      label: "with blender-3.4 typings",
      ms: languageService("3.4", true, HELLO_BPY, "diagnostics"),
    },
    baseline: {
      label: "same-size script without typings",
      ms: languageService("3.4", false, HELLO_PLAIN, "diagnostics"),
    },
    goal: "≤ 50 ms warm",
  });
  const FAKE_BPY_MODULE_BYTES = 3.5e6; // stated reference: fake-bpy-module's single bpy file
  for (const v of VERSIONS) {
    const dir = join(ROOT, "packages", `blender-${v}`);
    const bytes = dirBytes(dir);
    const largest = Math.max(
      ...readdirSync(dir)
        .filter((f) => f.endsWith(".d.ts"))
        .map((f) => statSync(join(dir, f)).size),
    );
    rows.push({
      name: `package size blender-${v} (largest file ${(largest / 1e3).toFixed(0)} kB)`,
      unit: "kB",
      subject: { label: "all .d.ts", ms: bytes / 1e3 },
      baseline: { label: "fake-bpy-module single file (stated)", ms: FAKE_BPY_MODULE_BYTES / 1e3 },
    });
  }
  return rows;
}
