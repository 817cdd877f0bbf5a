/**
 * Starting Blender (and the version probes) so that nothing outlives its run.
 *
 * Every process gets its own process group (`setsid`, Node's `detached`), and every kill — timeout,
 * cancel, pool shutdown, the host exiting — is sent to the whole group, so a subprocess the script
 * started dies with Blender. Two guards cover the host dying without a chance to clean up
 * (SIGKILL, OOM): on Linux the process is started through `setpriv --pdeathsig KILL` (util-linux),
 * so the kernel kills Blender when the host dies; and one small supervisor per host (a shell —
 * Node on Windows — in its own session, fed the live group ids on a pipe) kills those groups when
 * that pipe closes, i.e. when the host is gone. The run resolves once the process exited and its pipes
 * closed — or, when a process that left the group (`setsid`) still holds them, after a short
 * bounded drain: the pipes are then closed on our side.
 *
 * execa kills only the direct child and waits for pipe EOF, which a grandchild can hold forever;
 * hence node:child_process here.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { accessSync, constants as fsConstants, readFileSync, statSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import type { Readable, Writable } from "node:stream";

/** How many characters of each stream a result keeps (the whole stream goes to the callbacks). */
export const OUTPUT_TAIL_CHARS = 1 << 20;
/** After the process exited: how long its pipes may stay open (held by an escaped grandchild). */
const DRAIN_MS = 1000;
const POSIX = process.platform !== "win32";

export interface SpawnOptions {
  cwd?: string;
  /** The complete environment (not merged with process.env). */
  env?: NodeJS.ProcessEnv;
  /** `pipe` gives a writable `stdin` (pool workers); default `ignore`. */
  stdin?: "ignore" | "pipe";
  /** Extra pipes after stderr (fd 3, …), e.g. the pool's answer channel. */
  extraPipes?: number;
  /** Kill the group after this long (`timedOut` in the result). */
  timeoutMs?: number;
  /** Kill the group when aborted (`cancelled` in the result). */
  signal?: AbortSignal;
  /** On timeout/cancel: SIGTERM first, SIGKILL this much later (default 2000; 0: SIGKILL at once). */
  killGraceMs?: number;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /**
   * true (default): stdout/stderr are read here (UTF-8), passed to the callbacks, and their last
   * `OUTPUT_TAIL_CHARS` kept for the result. false: the caller reads the streams itself.
   */
  buffer?: boolean;
}

export interface ProcessResult {
  /** Undefined when the process was killed by a signal or could not start. */
  exitCode?: number;
  signal?: NodeJS.Signals;
  timedOut: boolean;
  cancelled: boolean;
  /** Set when the executable could not be started (ENOENT, EACCES, …). */
  spawnError?: NodeJS.ErrnoException;
  /** The last `OUTPUT_TAIL_CHARS` characters of each stream (empty with `buffer: false`). */
  stdout: string;
  stderr: string;
  /** Characters dropped from the front of `stdout` / `stderr` (0 when kept whole). */
  stdoutDropped: number;
  stderrDropped: number;
}

/** The last `limit` characters of a stream, in amortised linear time and bounded memory. */
export class OutputTail {
  private parts: string[] = [];
  private size = 0;
  /** Every character pushed so far. */
  total = 0;

  constructor(readonly limit = OUTPUT_TAIL_CHARS) {}

  push(text: string): void {
    this.total += text.length;
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 2 * this.limit) this.compact();
  }

  private compact(): void {
    let text = this.parts.join("");
    if (text.length > this.limit) {
      text = text.slice(-this.limit);
      // Do not start with half of a surrogate pair.
      if (/^[\uDC00-\uDFFF]/.test(text)) text = text.slice(1);
    }
    this.parts = [text];
    this.size = text.length;
  }

  get dropped(): number {
    this.compact();
    return this.total - this.size;
  }

  toString(): string {
    this.compact();
    return this.parts[0] ?? "";
  }
}

// ---------------------------------------------------------------------------------------------
// Host-death guards

let pdeathsig: string | null | undefined;

/**
 * `setpriv` when it supports `--pdeathsig` here (Linux, util-linux ≥ 2.33), else null. Told by
 * the option's name in the executable (its option table) rather than by running it: a probe
 * process costs every run ~10 ms before Blender can start.
 */
function setprivPath(): string | null {
  if (pdeathsig !== undefined) return pdeathsig;
  pdeathsig = null;
  if (process.platform !== "linux" || process.env["BPYTS_NO_PDEATHSIG"]) return null;
  for (const candidate of ["/usr/bin/setpriv", "/bin/setpriv"]) {
    try {
      accessSync(candidate, fsConstants.X_OK);
      const binary = readFileSync(candidate);
      // its usage text (util-linux's; busybox's setpriv has no such option)
      if (binary.includes("--pdeathsig")) pdeathsig = candidate;
    } catch {
      continue;
    }
    break;
  }
  return pdeathsig;
}

/** The supervisor: kills every registered group when its stdin closes (the host is gone). */
const SUPERVISOR =
  "/* bpyts: kill Blender's process groups when the host is gone */" +
  'const g=new Set();let b="";process.stdin.setEncoding("utf8");' +
  'process.stdin.on("data",c=>{b+=c;let i;while((i=b.indexOf("\\n"))>=0){const l=b.slice(0,i);' +
  'b=b.slice(i+1);const p=Number(l.slice(1));if(p>0)l[0]==="+"?g.add(p):g.delete(p);}});' +
  'const end=()=>{for(const p of g){try{process.kill(-p,"SIGKILL")}catch{}}process.exit(0)};' +
  'process.stdin.on("end",end);process.stdin.on("error",end);';

/**
 * The same supervisor in POSIX sh: started by every run, it must cost nothing next to Blender's
 * start (a shell is up in ~1 ms; a second Node process took ~50 ms of CPU from the 2 cores
 * Blender starts on).
 */
const SH_SUPERVISOR = [
  "g=",
  "while IFS= read -r l; do",
  '  case "$l" in',
  '    +*) g="$g ${l#+}" ;;',
  '    -*) n=; for p in $g; do [ "$p" = "${l#-}" ] || n="$n $p"; done; g=$n ;;',
  "  esac",
  "done",
  'for p in $g; do kill -KILL -"$p" 2>/dev/null; done',
].join("\n");

let supervisor: Writable | null | undefined;

function tell(line: string): void {
  if (supervisor === undefined) {
    supervisor = null;
    try {
      // No loaders or preloads of the host; an Electron host's binary runs as plain Node.
      const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: "1" };
      delete env["NODE_OPTIONS"];
      const [file, args] = POSIX
        ? ["/bin/sh", ["-c", SH_SUPERVISOR]]
        : [process.execPath, ["-e", SUPERVISOR]];
      const child = spawn(file, args, {
        detached: true, // its own session: a kill of the host's group or terminal spares it
        stdio: ["pipe", "ignore", "ignore"],
        env,
      });
      child.on("error", () => (supervisor = null));
      child.unref();
      const stdin = child.stdin as (Writable & { unref?: () => void }) | null;
      stdin?.on("error", () => (supervisor = null));
      stdin?.unref?.(); // never keeps the host alive
      supervisor = stdin;
    } catch {
      supervisor = null;
    }
  }
  supervisor?.write(line);
}

/** Groups started here and not yet reaped; killed when the host exits. */
const liveGroups = new Set<number>();
let exitHook = false;

function register(pid: number): void {
  liveGroups.add(pid);
  tell(`+${pid}\n`);
  if (!exitHook) {
    exitHook = true;
    process.on("exit", () => {
      for (const g of liveGroups) killGroup(g, "SIGKILL");
    });
  }
}

function unregister(pid: number): void {
  if (liveGroups.delete(pid)) tell(`-${pid}\n`);
}

/** Signal a process group; false when it no longer exists. */
function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

/** Why spawning would fail, checked up front (setpriv would otherwise report it as an exit). */
function notExecutable(
  command: string,
  cwd: string | undefined,
  env: NodeJS.ProcessEnv,
): NodeJS.ErrnoException | undefined {
  const fail = (code: string, message: string) =>
    Object.assign(new Error(message), { code }) as NodeJS.ErrnoException;
  if (cwd !== undefined && !isDirectory(cwd)) {
    return fail("ENOENT", `working directory not found: ${cwd}`);
  }
  const candidates =
    command.includes("/") || isAbsolute(command)
      ? [resolve(cwd ?? process.cwd(), command)]
      : (env["PATH"] ?? "")
          .split(delimiter)
          .filter(Boolean)
          .map((d) => join(resolve(cwd ?? process.cwd(), d), command));
  let denied = false;
  for (const file of candidates) {
    try {
      accessSync(file, fsConstants.X_OK);
      if (!isDirectory(file)) return undefined;
      denied = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EACCES") denied = true;
    }
  }
  return denied
    ? fail("EACCES", `permission denied: ${command}`)
    : fail("ENOENT", `not found: ${command}`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A started process in its own group. `kill()` signals the whole group; awaiting it (it is
 * PromiseLike) gives the result once the process exited and its pipes closed or were drained.
 */
export class ManagedProcess implements PromiseLike<ProcessResult> {
  readonly child?: ChildProcess;
  readonly stdin: Writable | null = null;
  readonly stdout: Readable | null = null;
  readonly stderr: Readable | null = null;
  /** stdio[0..]: as in ChildProcess (extra pipes from index 3). */
  readonly stdio: readonly (Readable | Writable | null | undefined)[] = [];
  private readonly done: Promise<ProcessResult>;
  private finish!: (r: ProcessResult) => void;
  private timedOut = false;
  private cancelled = false;
  private exit?: { code: number | null; signal: NodeJS.Signals | null };
  private finished = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly outTail = new OutputTail();
  private readonly errTail = new OutputTail();
  private openStreams = 0;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    command: string,
    args: readonly string[],
    private readonly options: SpawnOptions = {},
  ) {
    this.done = new Promise((r) => (this.finish = r));
    const env = options.env ?? process.env;
    const missing = POSIX ? notExecutable(command, options.cwd, env) : undefined;
    if (missing) {
      this.settle(missing);
      return;
    }
    const setpriv = POSIX ? setprivPath() : null;
    const [file, argv] = setpriv
      ? [setpriv, ["--pdeathsig", "KILL", "--", command, ...args]]
      : [command, [...args]];
    const stdio: StdioOptions = [
      options.stdin ?? "ignore",
      "pipe",
      "pipe",
      ...Array.from({ length: options.extraPipes ?? 0 }, () => "pipe" as const),
    ];
    let child: ChildProcess;
    try {
      child = spawn(file, argv, { cwd: options.cwd, env, stdio, detached: POSIX });
    } catch (e) {
      this.settle(e as NodeJS.ErrnoException);
      return;
    }
    this.child = child;
    this.stdin = child.stdin;
    this.stdout = child.stdout;
    this.stderr = child.stderr;
    this.stdio = child.stdio as ManagedProcess["stdio"];
    this.stdin?.on("error", () => {}); // EPIPE once the process died: reported by its exit
    if (child.pid === undefined) {
      child.once("error", (e) => this.settle(e));
      return;
    }
    const pid = child.pid;
    if (POSIX) register(pid);
    child.on("error", () => {}); // a failed kill(): the exit tells the story
    for (const stream of this.stdio.slice(1)) {
      if (!stream) continue;
      this.openStreams += 1;
      stream.once("close", () => {
        this.openStreams -= 1;
        this.maybeFinish();
      });
      stream.on("error", () => {});
    }
    if (options.buffer !== false) {
      for (const [stream, tail, callback] of [
        [child.stdout, this.outTail, options.onStdout],
        [child.stderr, this.errTail, options.onStderr],
      ] as const) {
        stream?.setEncoding("utf8");
        stream?.on("data", (chunk: string) => {
          tail.push(chunk);
          callback?.(chunk);
        });
      }
    }
    child.once("exit", (code, signal) => {
      this.exit = { code, signal };
      for (const t of this.timers.splice(0)) clearTimeout(t);
      // The run is over: whatever it left in its group goes too (its pipes close with it).
      if (POSIX) killGroup(pid, "SIGKILL");
      this.timers.push(
        setTimeout(() => {
          this.drained = true;
          this.maybeFinish();
        }, DRAIN_MS),
      );
      this.maybeFinish();
    });
    if (options.timeoutMs !== undefined && Number.isFinite(options.timeoutMs)) {
      this.timers.push(
        setTimeout(() => {
          this.timedOut = true;
          this.terminate();
        }, options.timeoutMs),
      );
    }
    const signal = options.signal;
    if (signal) {
      const onAbort = () => {
        this.cancelled = true;
        this.terminate();
      };
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener("abort", onAbort, { once: true });
        this.cleanups.push(() => signal.removeEventListener("abort", onAbort));
      }
    }
  }

  private drained = false;

  /** Timeout or cancel: SIGTERM to the group, SIGKILL after the grace period. */
  private terminate(): void {
    if (this.exit || this.finished) return;
    const grace = this.options.killGraceMs ?? 2000;
    if (grace <= 0) return this.kill("SIGKILL");
    this.kill("SIGTERM");
    this.timers.push(setTimeout(() => this.kill("SIGKILL"), grace));
  }

  /** Send a signal to the whole process group (default SIGKILL). */
  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    const child = this.child;
    if (!child || child.pid === undefined || this.finished) return;
    if (POSIX) {
      if (!killGroup(child.pid, signal) && !this.exit) child.kill(signal);
    } else child.kill(signal);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private maybeFinish(): void {
    if (this.finished || !this.exit) return;
    if (this.openStreams > 0 && !this.drained) return;
    this.settle();
  }

  private settle(spawnError?: NodeJS.ErrnoException): void {
    if (this.finished) return;
    this.finished = true;
    for (const t of this.timers.splice(0)) clearTimeout(t);
    for (const f of this.cleanups.splice(0)) f();
    const pid = this.child?.pid;
    if (pid !== undefined && POSIX) {
      killGroup(pid, "SIGKILL");
      unregister(pid);
    }
    // Pipes still held by a process outside the group: stop reading them.
    for (const stream of this.stdio) stream?.destroy();
    this.finish({
      exitCode: spawnError ? undefined : (this.exit?.code ?? undefined),
      signal: this.exit?.signal ?? undefined,
      timedOut: this.timedOut,
      cancelled: this.cancelled,
      spawnError,
      stdout: this.outTail.toString(),
      stderr: this.errTail.toString(),
      stdoutDropped: this.outTail.dropped,
      stderrDropped: this.errTail.dropped,
    });
  }

  then<A = ProcessResult, B = never>(
    onfulfilled?: ((value: ProcessResult) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.done.then(onfulfilled, onrejected);
  }
}

/** Start a process in its own group (see the module comment); never throws, never rejects. */
export function spawnProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): ManagedProcess {
  return new ManagedProcess(command, args, options);
}
