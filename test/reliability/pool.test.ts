// Reliability of the warm worker pool (issue 21, items 2 and 4) against real Blender 3.4: the
// worker channel is untrusted input (each attack fails only its job, with its code, and the host
// keeps working), the end of a job is decided by the worker's supervisor, and what a job changes
// is put back (or the worker is recycled) before the next job.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { getEventListeners } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFile, formatDiagnostic } from "../../packages/compiler/dist/index.js";
import {
  createPool,
  run,
  RunnerError,
  type RunResult,
  type WorkerPool,
} from "../../packages/runner/dist/index.js";
import { repoRoot } from "../helpers.js";

const haveBlender = existsSync("/usr/bin/blender");

describe.skipIf(!haveBlender)("warm pool reliability (real Blender 3.4)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "bpyts-reliability-pool-"));
  let pool: WorkerPool;
  let n = 0;
  const workerLog: string[] = [];
  const py = (source: string): string => {
    const file = join(tmp, `job${++n}.py`);
    writeFileSync(file, source);
    return file;
  };
  const job = <T = unknown>(source: string, options: Parameters<WorkerPool["run"]>[1] = {}) =>
    pool.run<T>(py(source), options);

  beforeAll(async () => {
    // One worker: every job runs on the worker the previous job left (or on its replacement).
    pool = await createPool({ size: 1, onWorkerOutput: (t) => workerLog.push(t) });
    await pool.ready();
  });
  afterAll(async () => {
    await pool?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Everything a job could have left behind, as the next job sees it. */
  const PROBE = String.raw`
import bpy, gc, io, os, random, signal, sys, threading
from bpyts.runtime import input, setResult, args
here = os.path.dirname(os.path.abspath(__file__))
umask = os.umask(0); os.umask(umask)
fds = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd") if os.path.exists(f"/proc/self/fd/{fd}")]
print("probe output")
print("probe error", file=sys.stderr)
p = bpy.context.preferences
setResult({
    "input": input(),
    "args": list(args),
    "addons": sorted(p.addons.keys()),
    "uiScale": round(p.view.ui_scale, 3),
    "autoexecPref": p.filepaths.use_scripts_auto_execute,
    "operator": hasattr(bpy.types, "BPYTS_OT_polluter"),
    "sceneProp": "bpyts_foo" in bpy.types.Scene.bl_rna.properties.keys(),
    "objectAttr": hasattr(bpy.types.Object, "bpyts_attr"),
    "objectMethod": "select_get" in vars(bpy.types.Object),
    "handlers": [len(getattr(bpy.app.handlers, h)) for h in ("load_post", "depsgraph_update_post", "frame_change_pre")],
    "timer": any(getattr(f, "__name__", "") == "bpyts_timer" and bpy.app.timers.is_registered(f) for f in gc.get_objects() if callable(f)),
    "driverNamespace": "bpyts_x" in bpy.app.driver_namespace,
    "moduleGlobal": hasattr(__import__("json"), "bpyts_mark") or hasattr(__import__("builtins"), "bpyts_mark"),
    "fakeModule": "bpyts_fake" in sys.modules,
    "jsonModule": getattr(sys.modules["json"], "__file__", None) is not None,
    "path": [x for x in sys.path if "polluted" in x],
    "env": os.environ.get("BPYTS_POLLUTED"),
    "cwd": os.getcwd(),
    "umask": umask,
    "recursion": sys.getrecursionlimit(),
    "seeded": random.random() == random.Random(1234).random(),
    "stdout": type(sys.stdout).__name__,
    "sigusr1": str(signal.getsignal(signal.SIGUSR1)),
    "alarm": signal.alarm(0),
    "threads": sum(1 for t in threading.enumerate() if t.name != "bpyts-output"),
    "hostnameFds": sum(1 for f in fds if f == "/etc/hostname"),
    "runtimeSetResult": setResult.__name__,
    "argv": sys.argv[-3:],
    "trace": [sys.gettrace() is None, sys.getprofile() is None],
    "gc": __import__("gc").isenabled(),
    "warnings": len(__import__("warnings").filters),
    "logging": [len(__import__("logging").getLogger().handlers), __import__("logging").getLogger().level],
    "socketTimeout": __import__("socket").getdefaulttimeout(),
    "decimalPrec": __import__("decimal").getcontext().prec,
    "nofile": __import__("resource").getrlimit(__import__("resource").RLIMIT_NOFILE),
    "nice": os.nice(0),
})
`;

  const POLLUTERS: { name: string; code: string; recycles: boolean }[] = [
    {
      name: "add-on enabled and preferences changed, is_dirty cleared",
      code: `bpy.ops.preferences.addon_enable(module="io_import_images_as_planes")\np = bpy.context.preferences\np.view.ui_scale = 1.5\np.is_dirty = False`,
      recycles: false,
    },
    {
      name: "raw register_class",
      code: `class BPYTS_OT_polluter(bpy.types.Operator):\n    bl_idname = "bpyts.polluter"\n    bl_label = "x"\n    def execute(self, context):\n        return {"FINISHED"}\nbpy.utils.register_class(BPYTS_OT_polluter)`,
      recycles: false,
    },
    {
      name: "RNA property added to bpy.types.Scene",
      code: `bpy.types.Scene.bpyts_foo = bpy.props.IntProperty()\nbpy.context.scene.bpyts_foo = 3`,
      recycles: false,
    },
    {
      name: "attributes set on bpy.types.Object (new and replaced)",
      code: `bpy.types.Object.bpyts_attr = 1\nbpy.types.Object.select_get = lambda self: True`,
      recycles: false,
    },
    {
      name: "app handlers added and Blender's removed",
      code: `bpy.app.handlers.load_post.append(lambda *a: None)\nbpy.app.handlers.frame_change_pre.append(lambda *a: None)\nbpy.app.handlers.load_post.clear()`,
      recycles: false,
    },
    {
      name: "app timer registered",
      code: `def bpyts_timer():\n    return 1.0\nbpy.app.timers.register(bpyts_timer, first_interval=100)`,
      recycles: false,
    },
    {
      name: "driver namespace entry",
      code: `bpy.app.driver_namespace["bpyts_x"] = 1`,
      recycles: false,
    },
    {
      name: "module globals (a stdlib module, builtins)",
      code: `import json, builtins\njson.bpyts_mark = 1\nbuiltins.bpyts_mark = 1`,
      recycles: true,
    },
    {
      name: "sys.modules: a fake module added, json replaced",
      code: `import types\nsys.modules["bpyts_fake"] = types.ModuleType("bpyts_fake")\nsys.modules["json"] = types.ModuleType("json")`,
      recycles: false,
    },
    {
      name: "sys.path, os.environ, cwd, umask, recursion limit",
      code: `sys.path.append("/bpyts-polluted")\nos.environ["BPYTS_POLLUTED"] = "1"\nos.chdir("/")\nos.umask(0o077)\nsys.setrecursionlimit(150)`,
      recycles: false,
    },
    {
      name: "random seed",
      code: `import random\nrandom.seed(1234)`,
      recycles: false,
    },
    {
      name: "sys.stdout replaced",
      code: `import io\nsys.stdout = io.StringIO()\nsys.stderr = io.StringIO()`,
      recycles: false,
    },
    {
      name: "sys.stdout closed",
      code: `sys.stdout.close()`,
      recycles: true,
    },
    {
      name: "signal handler and alarm",
      code: `import signal\nsignal.signal(signal.SIGUSR1, lambda *a: None)\nsignal.alarm(2)`,
      recycles: false,
    },
    {
      name: "a thread left printing",
      code: `import threading, time\ndef loop():\n    while True:\n        print("leaked thread output", flush=True)\n        time.sleep(0.01)\nthreading.Thread(target=loop, daemon=True).start()\ntime.sleep(0.05)`,
      recycles: true,
    },
    {
      name: "an open file descriptor",
      code: `os.open("/etc/hostname", os.O_RDONLY)`,
      recycles: true,
    },
    {
      name: "bpyts.runtime patched",
      code: `import bpyts.runtime as rt\nrt.setResult = lambda value: None\nrt.input = lambda: "evil"\nrt.args.append("evil")`,
      recycles: false,
    },
  ];

  POLLUTERS.push({
    name: "interpreter settings (argv, trace, gc, warnings, logging, socket timeout, decimal)",
    code:
      `import gc, warnings, logging, socket, decimal\nsys.argv.append("--polluted")\nsys.settrace(lambda *a: None)\n` +
      `sys.setprofile(lambda *a: None)\ngc.disable()\nwarnings.simplefilter("error")\nlogging.basicConfig(level=logging.DEBUG)\n` +
      `socket.setdefaulttimeout(1)\ndecimal.getcontext().prec = 3`,
    recycles: false,
  });

  POLLUTERS.push(
    {
      name: "a soft resource limit lowered",
      code: `import resource\nsoft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)\nresource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))`,
      recycles: false,
    },
    {
      name: "a loaded module reloaded",
      code: `import importlib, json\nimportlib.reload(json)`,
      recycles: true,
    },
    {
      name: "niceness raised (cannot be lowered again)",
      code: `os.nice(1)`,
      recycles: true,
    },
  );

  let clean: Record<string, unknown>;
  const probe = async (input: unknown) => {
    const r = await job<Record<string, unknown>>(PROBE, { input, args: ["a"] });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe("probe output\n");
    expect(r.stderr).toBe("probe error\n");
    return r.result!;
  };

  it("a probe sees the same clean state job after job", async () => {
    clean = await probe(1);
    expect(clean).toMatchObject({
      input: 1,
      args: ["a"],
      operator: false,
      sceneProp: false,
      objectAttr: false,
      timer: false,
      threads: 1,
      alarm: 0,
      hostnameFds: 0,
      runtimeSetResult: "setResult",
    });
    expect(await probe(1)).toEqual(clean);
  });

  it.each(POLLUTERS)("after a job that pollutes: $name", async ({ code, recycles }) => {
    await pool.ready();
    const before = pool.stats().recycled;
    const polluted = await job(`import bpy, os, sys\n${code}\n`);
    expect(polluted.error).toBeUndefined();
    expect(await probe(1)).toEqual(clean);
    expect(pool.stats().recycled - before).toBe(recycles ? 1 : 0);
  });

  it("the same add-on job (compiled register()) succeeds every time on one worker", async () => {
    const entry = join(tmp, "addon.ts");
    writeFileSync(
      entry,
      `import * as bpy from "bpy";
import { setResult } from "bpyts/runtime";

class Settings extends bpy.types.PropertyGroup {
  amount = bpy.props.FloatProperty({ name: "Amount", default: 2 });
}

class BPYTS_OT_move extends bpy.types.Operator {
  static bl_idname = "object.bpyts_reliability_move";
  bl_label = "Move";
  settings = bpy.props.PointerProperty({ type: Settings });
  execute(context: bpy.types.Context): Set<bpy.ops.OperatorReturn> {
    context.active_object!.location.x += this.settings.amount;
    return new Set(["FINISHED"]);
  }
}

function menu(self: bpy.types.Menu, context: bpy.types.Context): void {
  self.layout.operator(BPYTS_OT_move.bl_idname);
}

export function register(): void {
  bpy.types.VIEW3D_MT_object.append(menu);
  // Registration raised "already registered" on the second run before jobs were isolated.
  setResult(BPYTS_OT_move.bl_idname);
}
`,
    );
    const compiled = compileFile({
      entry,
      typeRoots: [
        join(repoRoot, "packages/blender-3.4/index.d.ts"),
        join(repoRoot, "packages/runner/runtime/bpyts-runtime.d.ts"),
      ],
    });
    expect(compiled.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    // As a script (its `if __name__ == "__main__": register()`), and as a module imported from
    // a folder outside the job's own (the module stays loaded: its classes are the same objects
    // on the next run, which raised "already registered" before jobs were isolated).
    const script = join(tmp, "addon.py");
    writeFileSync(script, compiled.python!);
    const lib = mkdtempSync(join(tmpdir(), "bpyts-reliability-lib-"));
    try {
      writeFileSync(join(lib, "bpyts_rel_addon.py"), compiled.python!);
      const viaImport = py(
        `import sys
sys.path.append(${JSON.stringify(lib)})
import bpyts_rel_addon
bpyts_rel_addon.register()
`,
      );
      await pool.ready();
      const before = pool.stats();
      for (const entry of [script, script, viaImport, viaImport, viaImport]) {
        const r = await pool.run<string>(entry);
        expect(r.error?.format()).toBeUndefined();
        expect(r.result).toBe("object.bpyts_reliability_move");
      }
      expect(pool.stats().started, workerLog.join("")).toBe(before.started); // reset, not recycled
    } finally {
      rmSync(lib, { recursive: true, force: true });
    }
  });

  describe("autorun is per job", () => {
    let blend: string;
    const marker = () => join(tmp, "autorun-ran.txt");
    beforeAll(async () => {
      blend = join(tmp, "autorun.blend");
      const made = await run(
        py(
          `import bpy\nt = bpy.data.texts.new("auto.py")\n` +
            `t.write(${JSON.stringify(`open(${JSON.stringify(marker())}, "a").write("x")\nimport bpy\nbpy.app.driver_namespace["bpyts_x"] = 1\n`)})\n` +
            `t.use_module = True\n` +
            `d = bpy.data.objects["Cube"].driver_add("location", 0).driver\nd.type = "SCRIPTED"\nd.expression = "__import__('os').getpid() * 0 + 7"\n` +
            `bpy.ops.wm.save_as_mainfile(filepath=${JSON.stringify(blend)})\n`,
        ),
      );
      expect(made.error).toBeUndefined();
    });

    const OPEN = (how: string) =>
      `import bpy\nfrom bpyts.runtime import setResult\n${how}\nbpy.context.view_layer.update()\n` +
      `setResult({"x": bpy.data.objects["Cube"].location.x, "fail": bpy.app.autoexec_fail, "ns": "bpyts_x" in bpy.app.driver_namespace})\n`;

    it("a job with allowAutorun runs the .blend's scripts; later jobs without it do not", async () => {
      const yes = await job<Record<string, unknown>>(OPEN(""), {
        blendFile: blend,
        allowAutorun: true,
      });
      expect(yes.result).toEqual({ x: 7, fail: false, ns: true });
      expect(readFileSync(marker(), "utf8")).toBe("x");
      // The job opens the .blend itself (use_scripts left to its default) or through blendFile.
      const own = await job<Record<string, unknown>>(
        OPEN(`bpy.ops.wm.open_mainfile(filepath=${JSON.stringify(blend)})`),
      );
      expect(own.result).toEqual({ x: 0, fail: true, ns: false });
      const given = await job<Record<string, unknown>>(OPEN(""), { blendFile: blend });
      expect(given.result).toEqual({ x: 0, fail: true, ns: false });
      expect(readFileSync(marker(), "utf8")).toBe("x");
    });

    it("a job that turns on the auto-run preference does not turn it on for the next", async () => {
      await job(`import bpy\nbpy.context.preferences.filepaths.use_scripts_auto_execute = True\n`);
      const own = await job<Record<string, unknown>>(
        OPEN(`bpy.ops.wm.open_mainfile(filepath=${JSON.stringify(blend)})`),
      );
      expect(own.result).toEqual({ x: 0, fail: true, ns: false });
      expect(readFileSync(marker(), "utf8")).toBe("x");
    });
  });

  describe("the worker channel is untrusted", () => {
    // A job is code in the worker's process: it can find the worker's private descriptors. These
    // attacks write to every private writable pipe or socket (the response channel is one).
    const ATTACK = (frame: string) => String.raw`
import os, stat, struct, fcntl, sys
def channel_fds():
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            st = os.fstat(fd)
        except OSError:
            continue
        if fd >= 100 and (stat.S_ISSOCK(st.st_mode) or stat.S_ISFIFO(st.st_mode)) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDONLY:
            yield fd
def supervisor_job():
    f = sys._getframe()
    while f:
        m = f.f_locals.get("msg")
        if isinstance(m, dict) and "nonce" in m:
            return m
        f = f.f_back
job = supervisor_job()
for fd in channel_fds():
    os.write(fd, ${frame})
print("attack sent", flush=True)
import time
time.sleep(1)
`;
    const json = (o: string) =>
      `(lambda b: struct.pack(">I", len(b)) + b)(__import__("json").dumps(${o}).encode())`;

    const attack = async (frame: string) => {
      await pool.ready();
      const before = pool.stats().started;
      const r = await job(ATTACK(frame));
      const after = await probe(2);
      expect(after).toEqual({ ...clean, input: 2 });
      expect(pool.stats().started).toBe(before + 1); // the attacked worker was replaced
      return r;
    };

    it("BPY0111: a well-framed message that is not JSON", async () => {
      const r = await attack(`struct.pack(">I", 5) + b"hello"`);
      expect(r.error?.code).toBe("BPY0111");
      expect(r.error?.message).toMatch(/not JSON/);
    });

    it("BPY0112: a forged `ready`", async () => {
      const r = await attack(json(`{"type": "ready", "pid": 1, "version": "x"}`));
      expect(r.error?.code).toBe("BPY0112");
      expect(r.error?.message).toMatch(/ready/);
    });

    it("BPY0112: a message of no known type / a bad field", async () => {
      const r = await attack(
        json(
          `{"type": "out", "id": job["id"], "nonce": job["nonce"], "stream": "stdin", "data": "x"}`,
        ),
      );
      expect(r.error?.code).toBe("BPY0112");
    });

    it("BPY0113: a forged `done` with the wrong nonce (it cannot hide the job's real outcome)", async () => {
      const r = await attack(
        json(
          `{"type": "done", "id": job["id"], "nonce": "0" * 32, "exitCode": 0, "error": None, "hasResult": True, "result": "42"}`,
        ),
      );
      expect(r.error?.code).toBe("BPY0113");
      expect(r.hasResult).toBe(false);
    });

    it("BPY0113: output for another job", async () => {
      const r = await attack(
        json(
          `{"type": "out", "id": job["id"] + 1, "nonce": job["nonce"], "stream": "stdout", "data": "x"}`,
        ),
      );
      expect(r.error?.code).toBe("BPY0113");
    });

    it("BPY0110: raw bytes announcing a huge frame (no waiting for 1.7 GB)", async () => {
      const r = await attack(`b"hello world, not a frame"`);
      expect(r.error?.code).toBe("BPY0110");
      expect(r.error?.message).toMatch(/1751477356-byte/);
    });

    it("BPY0114: the job closes every descriptor (the worker's channel included)", async () => {
      await pool.ready();
      const before = pool.stats().started;
      const r = await job(`import os\nprint("closing", flush=True)\nos.closerange(3, 4096)\n`);
      expect(r.error?.code).toBe("BPY0114");
      expect(r.error?.message).toMatch(/channel closed/);
      expect(await probe(3)).toEqual({ ...clean, input: 3 });
      expect(pool.stats().started).toBe(before + 1);
    });

    it("raw bytes written to fd 3 do not reach the channel", async () => {
      const r = await job(
        `import os, struct\ntry:\n    os.write(3, struct.pack(">I", 0x7fffffff))\nexcept OSError as e:\n    print(type(e).__name__)\n`,
      );
      expect(r.error).toBeUndefined();
      expect(await probe(4)).toEqual({ ...clean, input: 4 });
    });

    it("os.close(3), then a file the job opens gets only what the job writes", async () => {
      const file = join(tmp, "own-file.txt");
      const r = await job<string>(
        `import os\nfrom bpyts.runtime import setResult\ntry:\n    os.close(3)\nexcept OSError:\n    pass\n` +
          `with open(${JSON.stringify(file)}, "w") as f:\n    f.write("mine")\n    print("printed", flush=True)\nsetResult(open(${JSON.stringify(file)}).read())\n`,
      );
      expect(r.error).toBeUndefined();
      expect(r.result).toBe("mine");
      expect(r.stdout).toBe("printed\n");
      expect(await probe(5)).toEqual({ ...clean, input: 5 });
    });

    it("os.dup2(devnull, 1): the job ends (its later output is discarded), the next job's output is whole", async () => {
      const before = pool.stats().started;
      const r = await job<number>(
        `import os, sys\nfrom bpyts.runtime import setResult\nprint("before", flush=True)\n` +
          `null = os.open(os.devnull, os.O_WRONLY)\nos.dup2(null, 1)\nos.dup2(null, 2)\nos.close(null)\nprint("after", flush=True)\nsetResult(1)\n`,
      );
      expect(r.error).toBeUndefined();
      expect(r.result).toBe(1);
      expect(r.stdout).toBe("before\n");
      expect(await probe(6)).toEqual({ ...clean, input: 6 });
      expect(pool.stats().started).toBe(before);
    });

    it("a child process that keeps the job's stdout: the job still ends, the worker is recycled", async () => {
      await pool.ready();
      const before = pool.stats().recycled;
      const r = await job<number>(
        `import subprocess\nfrom bpyts.runtime import setResult\np = subprocess.Popen(["sleep", "60"])\nprint("started", flush=True)\nsetResult(p.pid)\n`,
      );
      try {
        expect(r.error).toBeUndefined();
        expect(r.stdout).toBe("started\n");
        expect(await probe(8)).toEqual({ ...clean, input: 8 });
        expect(pool.stats().recycled - before).toBe(1);
        expect(workerLog.join("")).toMatch(/output pipe is still held/);
      } finally {
        try {
          process.kill(r.result!, "SIGKILL");
        } catch {
          /* already gone with its worker's process group */
        }
      }
    });

    it(
      "a pool timeout holds when the job's child process keeps its output pipes",
      { timeout: 30_000 },
      async () => {
        const r = await job(
          `import subprocess, time\nsubprocess.Popen(["sleep", "60"])\nprint("looping", flush=True)\nwhile True:\n    time.sleep(0.1)\n`,
          { timeoutMs: 2000 },
        );
        expect(r.error?.code).toBe("BPY0102");
        expect(r.stdout).toBe("looping\n");
        expect(await probe(9)).toEqual({ ...clean, input: 9 });
      },
    );

    it("600 MB of stdout: streamed to onStdout, a bounded tail kept, the host keeps working", async () => {
      let streamed = 0;
      const r: RunResult = await job(
        `import sys\nline = "x" * 1023 + "\\n"\nblock = line * 1024\nfor _ in range(600):\n    sys.stdout.write(block)\nprint("end")\n`,
        { onStdout: (t) => (streamed += t.length) },
      );
      expect(r.error).toBeUndefined();
      expect(streamed).toBe(600 * 1024 * 1024 + 4);
      expect(r.stdout.length).toBeLessThan(1100 * 1024);
      expect(r.stdout).toMatch(/^\[bpyts: the first \d+ characters are not kept/);
      expect(r.stdout.endsWith("x\nend\n")).toBe(true);
      expect(await probe(7)).toEqual({ ...clean, input: 7 });
    });
  });

  describe("low-severity pool behaviour", () => {
    it("BPY0107: a missing per-job cwd is refused before the job runs", async () => {
      const missing = join(tmp, "no such dir");
      await expect(job("pass\n", { cwd: missing })).rejects.toSatisfy(
        (e: unknown) =>
          e instanceof RunnerError && e.code === "BPY0107" && e.message.includes(missing),
      );
    });

    it("one AbortSignal shared by many jobs holds no listener once they ended", async () => {
      const controller = new AbortController();
      const script = py("pass\n");
      await Promise.all([1, 2, 3].map(() => pool.run(script, { signal: controller.signal })));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    });

    it("a large result (54 MB) comes back whole", async () => {
      const r = await job<string[]>(
        `from bpyts.runtime import setResult\nsetResult(["y" * 1000] * 54000)\n`,
      );
      expect(r.error).toBeUndefined();
      expect(r.result).toHaveLength(54000);
      expect(r.result?.[53999]).toBe("y".repeat(1000));
    });

    it("setResult of a Map or Set is refused like JSON.stringify of one (BPY1024), not sent as {1: null}", () => {
      const entry = join(tmp, "set-result.ts");
      writeFileSync(
        entry,
        `import { setResult } from "bpyts/runtime";\nconst s = new Set([1, 2]);\nsetResult(s);\nsetResult(new Map([["a", 1]]));\nsetResult([...s]);\n`,
      );
      const r = compileFile({
        entry,
        typeRoots: [join(repoRoot, "packages/runner/runtime/bpyts-runtime.d.ts")],
      });
      expect(r.diagnostics.map((d) => `${d.code}:${d.line}`)).toEqual(["BPY1024:3", "BPY1024:4"]);
      expect(formatDiagnostic(r.diagnostics[0]!)).toMatch(/setResult of a Map or Set/);
    });

    it("close({ force: true }) cancels the running job (BPY0103), it is not reported as a crash", async () => {
      const p = await createPool({ size: 1 });
      await p.ready();
      let started!: () => void;
      const running = new Promise<void>((r) => (started = r));
      const hung = p.run(
        py("import time\nprint('go', flush=True)\nwhile True:\n    time.sleep(0.1)\n"),
        {
          onStdout: () => started(),
        },
      );
      const queued = p.run(py("pass\n"));
      await running;
      await p.close({ force: true });
      const [a, b] = await Promise.all([hung, queued]);
      expect(a.error?.code).toBe("BPY0103");
      expect(a.error?.message).toMatch(/closed with force/);
      expect(b.error?.code).toBe("BPY0103");
    });
  });

  it("the worker reported why it was recycled", () => {
    expect(workerLog.join("")).toMatch(/worker recycled \(.*module global json\.bpyts_mark/);
  });
});
