// Compiler benchmarks (subject and baseline measured in the same run):
// 1. compile throughput: the full bpyts compile (type-check + transform + print + source map,
//    `compileFile`) of a ~2,500-line multi-file TypeScript project vs the TypeScript 6 checker alone
//    on the same root files with the same compiler options (`ts.createProgram` +
//    `getPreEmitDiagnostics`). Both in-process, both with the declaration files (lib) parsed once
//    per process (bpyts caches them; the baseline host does the same), warm: one warm-up each,
//    then the median of alternating runs. Goal ≤ 1.3× (TypeScriptToLua measures 1.8× here).
//    The same comparison as two commands, each a fresh process: `bpyts build --target 3.4` vs
//    `tsc -p` on a tsconfig with the root files and options bpyts uses (the Blender 3.4 typings
//    included, as in a user's project), start-up and declaration parsing included.
// 2. generated Python run time vs hand-written Python for a few algorithms: the TS in
//    bench/fixtures/compiler/algos/*.ts compiled by bpyts vs the idiomatic *.py next to it, both run
//    by python3 and timed inside Python (time.perf_counter around the work, one warm-up call, then
//    the median of a few calls) so interpreter start-up doesn't count. Both results must be equal,
//    and equal to the TS run by Node (transpiled with ts.transpileModule). Goal ≤ 1.2×.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

// Temp folders of this run, removed when the process ends (also after a failure).
const temps = [];
function tempDir(prefix) {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
process.on("exit", () => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIX = join(ROOT, "bench/fixtures/compiler");
const PYTHON = process.env.PYTHON ?? "python3";
const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function compiler() {
  return import(pathToFileURL(join(ROOT, "packages/compiler/dist/index.js")).href);
}

function countLines(dir) {
  let lines = 0;
  let files = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      const sub = countLines(p);
      lines += sub.lines;
      files += sub.files;
    } else if (f.endsWith(".ts")) {
      lines += readFileSync(p, "utf8").split("\n").length - 1;
      files++;
    }
  }
  return { lines, files };
}

// ---------------------------------------------------------------- 1. throughput

async function throughputRow() {
  const bpy = await compiler();
  const entry = join(FIX, "project/main.ts");
  const options = { ...bpy.defaultCompilerOptions, noEmit: true };
  const rootNames = [entry, bpy.globalsDeclarationFile];
  // The checker alone, with a host that (like bpyts's) parses declaration files once per process.
  const declCache = new Map();
  const checkOnly = () => {
    const host = ts.createCompilerHost(options, true);
    const get = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, lang, onError, shouldCreate) => {
      if (!fileName.endsWith(".d.ts")) return get(fileName, lang, onError, shouldCreate);
      const key = `${fileName}\0${JSON.stringify(lang)}`;
      let sf = declCache.get(key);
      if (!sf) declCache.set(key, (sf = get(fileName, lang, onError, shouldCreate)));
      return sf;
    };
    const program = ts.createProgram({ rootNames, options, host });
    return ts.getPreEmitDiagnostics(program);
  };
  const full = () => bpy.compileFile({ entry });

  // warm-up (and correctness: no diagnostics at all on either side)
  const first = full();
  if (first.diagnostics.length || !first.python) {
    throw new Error(
      `compiler bench input has diagnostics:\n${first.diagnostics.map((d) => bpy.formatDiagnostic(d)).join("\n")}`,
    );
  }
  const tsDiags = checkOnly();
  if (tsDiags.length) throw new Error(`tsc diagnostics on the bench input: ${tsDiags.length}`);
  // the generated Python must at least compile
  const dir = tempDir("bpyts-bench-compile-");
  writeFileSync(join(dir, "main.py"), first.python);
  const pc = spawnSync(PYTHON, ["-m", "py_compile", join(dir, "main.py")], { encoding: "utf8" });
  if (pc.status !== 0) throw new Error(`generated Python does not compile:\n${pc.stderr}`);

  const reps = 7;
  const a = [];
  const b = [];
  for (let i = 0; i < reps; i++) {
    let t = now();
    full();
    a.push(now() - t);
    t = now();
    checkOnly();
    b.push(now() - t);
  }
  const { lines, files } = countLines(join(FIX, "project"));
  const pyLines = first.python.split("\n").length;
  return {
    name: `compile ${files} files / ${lines} TS lines (→ ${pyLines} py lines), warm, in-process`,
    subject: { label: "bpyts compileFile (check+transform+print+map)", ms: median(a) },
    baseline: { label: "TS 6 createProgram+getPreEmitDiagnostics", ms: median(b) },
    goal: "≤ 1.3× (TSTL: 1.8×)",
  };
}

// ---------------------------------------------------------------- 2. generated Python speed

const ALGOS = [
  {
    name: "sieve of Eratosthenes (n = 1e6)",
    ts: "sieve.ts",
    py: "sieve.py",
    tsFn: "bench",
    pyFn: "bench",
  },
  {
    name: "quicksort, 1e5 numbers",
    ts: "sort.ts",
    py: "sort.py",
    tsFn: "benchQuicksort",
    pyFn: "bench_quicksort",
  },
  {
    name: "merge sort, 1e5 numbers",
    ts: "sort.ts",
    py: "sort.py",
    tsFn: "benchMergeSort",
    pyFn: "bench_merge_sort",
  },
  {
    name: "string building + word count (Map), 2e5 words",
    ts: "words.ts",
    py: "words.py",
    tsFn: "bench",
    pyFn: "bench",
  },
  {
    name: "n-body float math, 2e4 steps",
    ts: "nbody.ts",
    py: "nbody.py",
    tsFn: "bench",
    pyFn: "bench",
  },
  {
    name: "JSON stringify+parse, 3 × 2e4 records",
    ts: "json-roundtrip.ts",
    py: "json_roundtrip.py",
    tsFn: "bench",
    pyFn: "bench",
  },
];
const PY_REPS = 5;

const footer = (fn) => `

if __name__ == "__main__":
    import json as _bench_json
    import time as _bench_time

    ${fn}()  # warm-up
    _bench_times = []
    for _ in range(${PY_REPS}):
        _bench_t0 = _bench_time.perf_counter()
        _bench_result = ${fn}()
        _bench_times.append((_bench_time.perf_counter() - _bench_t0) * 1000)
    print(_bench_json.dumps({"result": _bench_result, "times": _bench_times}))
`;

function runPython(dir, file, source, fn) {
  const p = join(dir, file);
  writeFileSync(p, source + footer(fn));
  const r = spawnSync(PYTHON, [p], { encoding: "utf8", cwd: dir, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${PYTHON} ${p} failed:\n${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split("\n").pop());
  return { result: out.result, ms: median(out.times) };
}

async function runNode(dir, tsFile, fn) {
  const src = readFileSync(join(FIX, "algos", tsFile), "utf8");
  const js = ts.transpileModule(src, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const p = join(dir, tsFile.replace(/\.ts$/, ".mjs"));
  writeFileSync(p, js);
  const mod = await import(pathToFileURL(p).href);
  return mod[fn]();
}

async function pythonRows() {
  const bpy = await compiler();
  const dir = tempDir("bpyts-bench-py-");
  const compiled = new Map();
  const rows = [];
  for (const a of ALGOS) {
    if (!compiled.has(a.ts)) {
      const r = bpy.compileFile({ entry: join(FIX, "algos", a.ts) });
      if (!r.python) {
        throw new Error(`${a.ts}: ${r.diagnostics.map((d) => bpy.formatDiagnostic(d)).join("\n")}`);
      }
      writeFileSync(join(dir, a.ts.replace(/\.ts$/, ".generated.py")), r.python);
      compiled.set(a.ts, r.python);
    }
    const expected = await runNode(dir, a.ts, a.tsFn);
    const gen = runPython(
      dir,
      `gen_${a.tsFn}_${a.ts.replace(/\W/g, "_")}.py`,
      compiled.get(a.ts),
      a.tsFn,
    );
    const hand = runPython(
      dir,
      `hand_${a.pyFn}_${a.py}`,
      readFileSync(join(FIX, "algos", a.py), "utf8"),
      a.pyFn,
    );
    for (const [who, got] of [
      ["bpyts output", gen.result],
      ["hand-written", hand.result],
    ]) {
      if (got !== expected) {
        throw new Error(
          `${a.name}: ${who} computed ${JSON.stringify(got)}, Node ${JSON.stringify(expected)}`,
        );
      }
    }
    rows.push({
      name: `py: ${a.name}`,
      subject: { label: `bpyts ${a.ts}`, ms: gen.ms },
      baseline: { label: `hand-written ${a.py}`, ms: hand.ms },
      goal: "≤ 1.2×",
    });
  }
  process.stderr.write(`compiler bench: generated Python kept in ${dir}\n`);
  return rows;
}

// ---------------------------------------------------------------- 1b. the two commands

async function cliRow() {
  const bpy = await compiler();
  const { runtimeTypes } = await import(
    pathToFileURL(join(ROOT, "packages/runner/dist/index.js")).href
  );
  const entry = join(FIX, "project/main.ts");
  const typings = join(ROOT, "packages/blender-3.4/index.d.ts");
  const dir = tempDir("bpyts-bench-cli-");
  // bpyts's options, spelled as a tsconfig (enum values back to their names)
  const o = bpy.defaultCompilerOptions;
  const compilerOptions = {
    strict: o.strict,
    target: ts.ScriptTarget[o.target].toLowerCase(),
    module: ts.ModuleKind[o.module].toLowerCase(),
    moduleResolution: "bundler",
    lib: o.lib.map((l) => l.replace(/^lib\./, "").replace(/\.d\.ts$/, "")),
    types: o.types,
    skipLibCheck: o.skipLibCheck,
    noEmit: true,
  };
  if (o.moduleResolution !== ts.ModuleResolutionKind.Bundler)
    throw new Error("bench: update the tsconfig spelling of moduleResolution");
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions,
      files: [entry, bpy.globalsDeclarationFile, typings, runtimeTypes],
    }),
  );
  const bin = join(ROOT, "packages/cli/dist/bin.js");
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const out = join(dir, "main.py");
  const run = (args) => {
    const t = now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    const ms = now() - t;
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
    return ms;
  };
  const bpytsRun = () => run([bin, "build", entry, "-o", out, "--target", "3.4"]);
  const tscRun = () => run([tsc, "-p", join(dir, "tsconfig.json")]);
  bpytsRun(); // warm the OS file cache for both
  tscRun();
  const a = [];
  const b = [];
  for (let i = 0; i < 5; i++) {
    a.push(bpytsRun());
    b.push(tscRun());
  }
  return {
    name: "compile the same project as a command, fresh process, Blender 3.4 typings included",
    subject: { label: "bpyts build --target 3.4", ms: median(a) },
    baseline: { label: "tsc -p (noEmit, same files and options)", ms: median(b) },
    goal: "≤ 1.3×",
  };
}

export default async function () {
  return [await throughputRow(), await cliRow(), ...(await pythonRows())];
}
