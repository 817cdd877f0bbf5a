import { byCode, type DebugCode } from "@bpyts/diagnostics";
import { watch, type FSWatcher } from "node:fs";
import { basename, resolve } from "node:path";
import {
  DebugSession,
  ExitedEvent,
  InitializedEvent,
  OutputEvent,
  StoppedEvent,
  TerminatedEvent,
} from "@vscode/debugadapter";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { connectWithRetry, DapRequestError, type DapClient } from "./client.js";
import { ScriptIndex } from "./mapping.js";
import { isHiddenVariable, jsType, jsValue, tsNameOf } from "./values.js";

/** `launch` arguments (launch.json): what to run and how to show it. */
export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** The entry .ts file (`bpyts run --debug` and `bpyts debug <entry>` give a default). */
  program?: string;
  /** Arguments for the script (`args` of `bpyts/runtime`). */
  args?: string[];
  /** Working folder of the run (default: the adapter's). */
  cwd?: string;
  /** Show runtime-helper, runner and Blender frames too (greyed). */
  showAllFrames?: boolean;
  /**
   * Watch the program's TS files: on a change Blender is stopped and the session ends with
   * `terminated { restart: true }`, which makes the editor launch it again (recompiled).
   */
  watch?: boolean;
  /** Blender executable (default: discovery, as `bpyts run`). */
  blender?: string;
  /** Typings version to check against (`--target`). */
  target?: string;
  /** tsconfig.json (`-p`). */
  project?: string;
  /** JSON input for the script (`input()` of `bpyts/runtime`). */
  input?: unknown;
}

/** A program started for debugging, with debugpy listening on `port`. */
export interface LaunchedProgram {
  /** Absolute path of the .py the runner runs (its `.py.map` beside it once debugpy listens). */
  script: string;
  /** Settles when Blender has exited: the script's exit code and, on failure, its TS trace. */
  done: Promise<{ exitCode: number; errorText?: string }>;
  /** Stop Blender and every process it started. */
  kill(): void;
}

/** Starts the program; `@bpyts/debug` stays free of the CLI, which supplies this. */
export type Launcher = (
  args: LaunchArguments,
  io: { port: number; output: (category: "stdout" | "stderr", text: string) => void },
) => Promise<LaunchedProgram>;

export interface SessionOptions {
  launcher: Launcher;
  /** A free loopback port for debugpy (default: one the OS picks). */
  freePort: () => Promise<number>;
  /** The runner's Python folder (`pythonDir` of `@bpyts/runner`): never user code. */
  runnerDir: string;
  /** Launch attributes used when the editor's `launch` does not give them (`watch` for `bpyts watch --debug`). */
  launchDefaults?: Partial<LaunchArguments>;
  /** How long to wait for debugpy to listen (Blender start + compile). */
  attachTimeoutMs?: number;
}

interface Step {
  threadId: number;
  kind: "next" | "stepIn" | "stepOut";
  from?: { file: string; line: number };
  depth: number;
  /**
   * A step in that reached a runtime helper: the helper runs (a `stepOut`) with a temporary
   * breakpoint on every function's first line, so a callback it calls stops the step there.
   */
  armed?: boolean;
}

interface BreakpointEntry {
  requested: DebugProtocol.SourceBreakpoint;
  pyLine?: number;
  reason?: string;
}

/**
 * The adapter's own errors: a DAP error response whose `body.error.id` is the number and whose
 * message starts with the code (`BPY0502: …`). Errors debugpy reports are passed on as they are.
 */
export type DebugErrorCode = DebugCode;
/** The adapter's codes with their titles, from the one code space (@bpyts/diagnostics). */
export const debugErrors = Object.fromEntries(
  [...byCode.values()].filter((d) => d.phase === "debug").map((d) => [d.code, d.message]),
) as Readonly<Record<DebugErrorCode, string>>;

/**
 * Requests forwarded as they are after which a stopped thread may have run (its stack changed).
 * The steps are not listed: they read the stack first, then clear it (`resume`).
 */
const RESUMING = new Set([
  "continue",
  "stepBack",
  "reverseContinue",
  "goto",
  "restartFrame",
  "pause",
]);

/** Requests whose purpose is to let the program run (see `dispatchRequest`'s error path). */
const RESUMED_BY = new Set(["continue", "next", "stepIn", "stepOut", "configurationDone"]);

const FORWARDED_EVENTS = new Set(["continued", "thread", "module", "loadedSource", "process"]);

/**
 * A Debug Adapter Protocol server for bpyts: the editor speaks DAP to it about TypeScript, it
 * speaks DAP to debugpy (inside Blender) about the compiled Python, translating through the
 * script's source map — breakpoints, frames, stepping, variables and evaluation.
 */
export class BpytsDebugSession extends DebugSession {
  private dbg: DapClient | undefined;
  private index: ScriptIndex | undefined;
  private program: LaunchedProgram | undefined;
  private showAllFrames = false;
  private step: Step | undefined;
  private readonly breakpoints = new Map<string, BreakpointEntry[]>();
  private ended = false;
  /** Set once the editor disconnected (or went away); `closed` settles then. */
  private closing = false;
  private markClosed!: () => void;
  private readonly closed = new Promise<void>((r) => (this.markClosed = r));
  private readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    super();
    this.options = options;
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    // A message the framing cannot parse: say so (there is no request to answer), keep serving.
    // A stream error means the editor is gone: end the session like a closed stream.
    this.on("error", (e: DebugProtocol.Event) => {
      const text = String(e.body);
      if (text.startsWith("Error handling data"))
        this.sendEvent(
          new OutputEvent(`bpyts debug: ignored a malformed message (${text})\n`, "important"),
        );
      else this.emit("close");
    });
  }

  /** The library exits the process after `disconnect` on stdio; the CLI decides that instead. */
  override shutdown(): void {
    this.emit("shutdown");
  }

  protected override dispatchRequest(request: DebugProtocol.Request): void {
    const response: DebugProtocol.Response = {
      type: "response",
      seq: 0,
      request_seq: request.seq,
      command: request.command,
      success: true,
    };
    const handlers: Record<string, (a: never) => Promise<unknown>> = {
      initialize: (a) => this.onInitialize(a),
      launch: (a) => this.onLaunch(a),
      attach: async () => {
        throw this.fail("BPY0504", "attach is not supported: use launch");
      },
      setBreakpoints: (a) => this.onSetBreakpoints(a),
      setExceptionBreakpoints: (a) => this.onSetExceptionBreakpoints(a),
      stackTrace: (a) => this.onStackTrace(a),
      scopes: (a) => this.onScopes(a),
      variables: (a) => this.onVariables(a),
      evaluate: (a) => this.onEvaluate(a),
      setVariable: (a) => this.onSetVariable(a),
      next: (a) => this.onStep("next", a),
      stepIn: (a) => this.onStep("stepIn", a),
      stepOut: (a) => this.onStep("stepOut", a),
      disconnect: () => this.onDisconnect(),
      terminate: () => this.onDisconnect(),
    };
    // own properties only: a command named "toString" is forwarded, not called
    const handler = Object.hasOwn(handlers, request.command)
      ? handlers[request.command]
      : undefined;
    if (RESUMING.has(request.command)) this.clearStopState();
    const work = (
      handler
        ? handler((request.arguments ?? {}) as never)
        : this.forward(request.command, request.arguments)
    ).catch((e: unknown) => this.lostResume(request.command, e));
    work.then(
      (body) => {
        if (body !== undefined) response.body = body;
        this.sendResponse(response);
        if (request.command === "disconnect" || request.command === "terminate")
          this.emit("disconnected");
      },
      (e: unknown) => {
        const message =
          e instanceof DapRequestError
            ? ((e.response.body as { error?: DebugProtocol.Message })?.error ?? {
                id: 0,
                format: e.message,
              })
            : e instanceof AdapterError
              ? { id: e.id, format: e.message, showUser: true }
              : { id: 0, format: (e as Error).message ?? String(e) };
        this.sendErrorResponse(response, message);
      },
    );
  }

  /**
   * A request that resumed the program failed because debugpy's connection closed: when the
   * program ended meanwhile (a pool job's worker leaves as soon as the job is done, before
   * debugpy's answer is relayed), the request did what it asked and succeeds. Else `e` stands.
   */
  private async lostResume(command: string, e: unknown): Promise<unknown> {
    const program = this.program;
    if (!RESUMED_BY.has(command) || !program || !this.dbg?.isClosed) throw e;
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      program.done.then(() => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 5000))),
    ]).finally(() => clearTimeout(timer));
    if (!ended) throw e;
    return command === "continue" ? { allThreadsContinued: true } : undefined;
  }

  private fail(code: DebugErrorCode, message: string): AdapterError {
    return new AdapterError(code, message);
  }

  private connected(): DapClient {
    if (!this.dbg || this.dbg.isClosed)
      throw this.fail("BPY0501", "the program is not running (launch it first)");
    return this.dbg;
  }

  private async forward(command: string, args: unknown): Promise<unknown> {
    const r = await this.connected().request(command, args);
    return r.body;
  }

  // ---- start ----------------------------------------------------------------------------------

  private async onInitialize(
    _args: DebugProtocol.InitializeRequestArguments,
  ): Promise<DebugProtocol.Capabilities> {
    return {
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsExceptionInfoRequest: true,
      supportsTerminateRequest: true,
      supportsSetVariable: true,
      exceptionBreakpointFilters: [
        {
          filter: "uncaught",
          label: "Uncaught Exceptions",
          description: "Pause where an exception leaves the script uncaught",
          default: true,
        },
        {
          filter: "raised",
          label: "All Exceptions",
          description: "Pause at every throw, caught or not",
          default: false,
        },
      ],
    };
  }

  private async onLaunch(given: LaunchArguments): Promise<undefined> {
    const args: LaunchArguments = { ...this.options.launchDefaults, ...given };
    if (args.program !== undefined && typeof args.program !== "string")
      throw this.fail("BPY0503", "launch `program` must be the entry .ts file");
    this.showAllFrames = args.showAllFrames === true;
    const port = await this.options.freePort();
    try {
      this.program = await this.options.launcher(args, {
        port,
        output: (category, text) => this.sendEvent(new OutputEvent(text, category)),
      });
    } catch (e) {
      throw this.fail("BPY0503", (e as Error).message);
    }
    const program = this.program;
    void program.done.then((end) => this.onProgramEnd(end));
    // the editor went away while Blender was starting: nobody is left to stop it
    if (this.closing) {
      program.kill();
      throw this.fail("BPY0503", "the session ended during launch");
    }
    let ended: { exitCode: number; errorText?: string } | undefined;
    void program.done.then((end) => (ended = end));
    const { client } = await connectWithRetry(port, {
      timeoutMs: this.options.attachTimeoutMs ?? 120_000,
      giveUp: Promise.race([program.done, this.closed]),
    }).catch((e: Error) => {
      program.kill();
      const why = ended?.errorText ? `${e.message}:\n${ended.errorText}` : e.message;
      throw this.fail("BPY0503", why);
    });
    this.dbg = client;
    client.on("event", (e: DebugProtocol.Event) => this.onDebugpyEvent(e));
    // debugpy listens only after the script and its map are written
    const index = ScriptIndex.load(program.script);
    if (!index) {
      program.kill();
      throw this.fail("BPY0503", `no source map beside ${program.script}`);
    }
    this.index = index;
    if (args.watch) this.watchSources(index, program);
    await client.request("initialize", {
      clientID: "bpyts",
      adapterID: "debugpy",
      pathFormat: "path",
      linesStartAt1: true,
      columnsStartAt1: true,
    });
    const initialized = client.waitEvent("initialized");
    // debugpy answers attach only after configurationDone, which the editor sends
    const attached = client.request(
      "attach",
      {
        // The runner's bootstrap is not user code: an exception leaving the script for it is
        // "user-unhandled" (the runner catches it to report it), and its SystemExit is not one.
        justMyCode: true,
        rules: [{ path: this.options.runnerDir, include: false }],
        redirectOutput: false,
        showReturnValue: false,
        subProcess: false,
        variablePresentation: {
          special: "hide",
          function: "hide",
          class: "hide",
          protected: "inline",
        },
      },
      24 * 3600_000,
    );
    attached.catch(() => {});
    await initialized;
    this.sendEvent(new InitializedEvent());
    // The launch response follows the editor's configurationDone (debugpy's attach answers then).
    // A program that ran to its end at once (a pool worker leaves right after the job) may take
    // debugpy's answer with it: launched all the same.
    await attached.catch((e: unknown) =>
      this.lostResume("configurationDone", e).catch((e: Error) => {
        program.kill();
        throw this.fail("BPY0503", `debugpy refused to attach: ${e.message}`);
      }),
    );
    return undefined;
  }

  private onProgramEnd(end: { exitCode: number; errorText?: string }): void {
    if (this.ended) return;
    this.ended = true;
    for (const w of this.watchers) w.close();
    if (this.restarting) {
      // stopped for a change, not ended: ask the editor to launch again
      this.sendEvent(new TerminatedEvent(true));
      this.dbg?.stop();
      return;
    }
    if (end.errorText) this.sendEvent(new OutputEvent(`${end.errorText}\n`, "stderr"));
    this.sendEvent(new ExitedEvent(end.exitCode));
    this.sendEvent(new TerminatedEvent());
    this.dbg?.stop();
  }

  private readonly watchers: FSWatcher[] = [];
  private restarting = false;

  private watchSources(index: ScriptIndex, program: LaunchedProgram): void {
    const changed = (file: string) => {
      if (this.restarting || this.ended) return;
      this.restarting = true;
      this.sendEvent(new OutputEvent(`bpyts debug: ${file} changed, restarting\n`, "console"));
      program.kill();
    };
    for (const file of index.sources) {
      try {
        this.watchers.push(watch(file, () => changed(basename(file))));
      } catch {
        // a source that cannot be watched (gone): the others still are
      }
    }
  }

  /** Stop the program (the editor went away without a disconnect): Blender is never left behind. */
  async close(): Promise<void> {
    await this.onDisconnect();
  }

  private async onDisconnect(): Promise<undefined> {
    for (const w of this.watchers) w.close();
    this.closing = true;
    this.markClosed();
    // The program is stopped first: a debugpy `disconnect` resumes the paused script, which would
    // then run on (a pool job to its end) until the kill lands.
    this.program?.kill();
    if (this.dbg && !this.dbg.isClosed)
      await this.dbg.request("disconnect", { terminateDebuggee: false }, 2000).catch(() => {});
    this.dbg?.stop();
    if (this.program) {
      // Blender's exit (its whole process group) is part of a clean end
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.program.done,
        new Promise((r) => (timer = setTimeout(r, 10_000))),
      ]).finally(() => clearTimeout(timer));
    }
    return undefined;
  }

  // ---- breakpoints ----------------------------------------------------------------------------

  private async onSetBreakpoints(
    args: DebugProtocol.SetBreakpointsArguments,
  ): Promise<DebugProtocol.SetBreakpointsResponse["body"]> {
    const client = this.connected();
    const index = this.index!;
    const path = args.source?.path;
    if (typeof path !== "string") throw this.fail("BPY0502", "setBreakpoints needs source.path");
    const file = resolve(path);
    if (!index.hasSource(file))
      throw this.fail(
        "BPY0502",
        `${path} is not part of the program being debugged (its TypeScript files are: ${[...index.sources].map((s) => basename(s)).join(", ")})`,
      );
    const entries: BreakpointEntry[] = (args.breakpoints ?? []).map((b) => {
      const target = index.breakpointLine(file, this.convertClientLineToDebugger(b.line));
      return target.pyLine === undefined
        ? { requested: b, reason: target.reason }
        : { requested: b, pyLine: target.pyLine };
    });
    this.breakpoints.set(file, entries);
    const answers = await this.syncBreakpoints(client);
    return {
      breakpoints: entries.map((e) => {
        const a = answers.get(e);
        const verified = e.pyLine !== undefined && (a?.verified ?? false);
        return {
          verified,
          line: e.requested.line,
          source: { name: basename(file), path: file },
          ...(verified ? {} : { message: e.reason ?? a?.message ?? "not verified by debugpy" }),
        };
      }),
    };
  }

  /**
   * Every TS file compiles into the one script: debugpy gets the union of the editor's
   * breakpoints, in a known order, plus the temporary ones of an armed step in (after them).
   * Answers debugpy's breakpoint for each editor breakpoint.
   */
  private async syncBreakpoints(
    client: DapClient,
  ): Promise<Map<BreakpointEntry, DebugProtocol.Breakpoint | undefined>> {
    const all = [...this.breakpoints.values()].flat().filter((e) => e.pyLine !== undefined);
    const own = new Set(all.map((e) => e.pyLine!));
    const temporary = this.step?.armed
      ? this.index!.functionEntries().filter((l) => !own.has(l))
      : [];
    const r = await client.request<DebugProtocol.SetBreakpointsResponse>("setBreakpoints", {
      source: { path: this.index!.script },
      breakpoints: [
        ...all.map((e) => ({
          line: e.pyLine!,
          condition: e.requested.condition,
          hitCondition: e.requested.hitCondition,
          logMessage: e.requested.logMessage,
        })),
        ...temporary.map((line) => ({ line })),
      ],
    });
    return new Map(all.map((e, i) => [e, r.body.breakpoints[i]]));
  }

  /** Whether Python line `pyLine` holds one of the editor's breakpoints. */
  private isUserBreakpoint(pyLine: number): boolean {
    return [...this.breakpoints.values()].some((list) => list.some((e) => e.pyLine === pyLine));
  }

  private async arm(step: Step): Promise<void> {
    step.armed = true;
    await this.syncBreakpoints(this.connected());
  }

  private async disarm(step: Step): Promise<void> {
    if (!step.armed) return;
    step.armed = false;
    if (this.dbg && !this.dbg.isClosed) await this.syncBreakpoints(this.dbg);
  }

  private async onSetExceptionBreakpoints(
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): Promise<unknown> {
    // The runner catches the script's exception to report it, so for debugpy nothing is
    // "uncaught": an exception leaving the script for the runner is "userUnhandled" (the
    // runner's folder is excluded from user code by the attach rules).
    const filters = (args.filters ?? []).flatMap((f) =>
      f === "uncaught" ? ["userUnhandled"] : f === "raised" ? ["raised"] : [],
    );
    return this.forward("setExceptionBreakpoints", { filters });
  }

  // ---- stack ----------------------------------------------------------------------------------

  /** A debugpy frame as the editor sees it, or undefined when it is hidden. */
  private tsFrame(f: DebugProtocol.StackFrame): DebugProtocol.StackFrame | undefined {
    const index = this.index!;
    const inScript = f.source?.path !== undefined && resolve(f.source.path) === index.script;
    const pos = inScript ? index.tsPosition(f.line) : undefined;
    if (pos)
      return {
        id: f.id,
        name: frameName(f.name),
        source: { name: basename(pos.file), path: pos.file },
        line: this.convertDebuggerLineToClient(pos.line),
        column: this.convertDebuggerColumnToClient(pos.column),
      };
    return this.showAllFrames ? { ...f, presentationHint: "subtle" } : undefined;
  }

  /**
   * debugpy's whole stack of a stopped thread. Kept until the thread runs again: a step reads it
   * before it starts and after each Python step, and the editor asks for it after every stop —
   * one round trip instead of three (step latency).
   */
  private async pyStack(threadId: number): Promise<DebugProtocol.StackFrame[]> {
    const cached = this.stacks.get(threadId);
    if (cached) return cached;
    const r = await this.connected().request<DebugProtocol.StackTraceResponse>("stackTrace", {
      threadId,
    });
    this.stacks.set(threadId, r.body.stackFrames);
    return r.body.stackFrames;
  }

  private readonly stacks = new Map<number, DebugProtocol.StackFrame[]>();

  /**
   * Variables references of the current stop whose `None` values read `null`: a scope's →
   * the names that do (the compiler's facts for its function), a container's → all of them.
   */
  private readonly nullRefs = new Map<number, ReadonlySet<string> | "all">();

  /** The thread(s) ran: stacks and variables references of the last stop are stale. */
  private clearStopState(): void {
    this.stacks.clear();
    this.nullRefs.clear();
  }

  /** A frame of a cached stack, by id. */
  private frameById(id: number): DebugProtocol.StackFrame | undefined {
    for (const frames of this.stacks.values()) {
      const f = frames.find((x) => x.id === id);
      if (f) return f;
    }
    return undefined;
  }

  /** The compiler's `T | null` names of a frame of the script (its function's, or the module's). */
  private frameNulls(
    frameId: number | undefined,
    globals = false,
  ): ReadonlySet<string> | undefined {
    const frame = frameId === undefined ? undefined : this.frameById(frameId);
    const index = this.index;
    if (!frame || !index || !frame.source?.path || resolve(frame.source.path) !== index.script)
      return undefined;
    return index.nullNames(frame.line, globals || frameName(frame.name) === "<module>");
  }

  private async onScopes(
    args: DebugProtocol.ScopesArguments,
  ): Promise<DebugProtocol.ScopesResponse["body"]> {
    const r = await this.connected().request<DebugProtocol.ScopesResponse>("scopes", args);
    for (const scope of r.body.scopes) {
      const names = this.frameNulls(args.frameId, /^globals$/i.test(scope.name));
      if (names?.size) this.nullRefs.set(scope.variablesReference, names);
    }
    return r.body;
  }

  /** Send a request that lets threads run: every cached stack is stale from now on. */
  private resume(command: string, args: unknown): Promise<DebugProtocol.Response> {
    this.clearStopState();
    return this.connected().request(command, args);
  }

  private async onStackTrace(
    args: DebugProtocol.StackTraceArguments,
  ): Promise<DebugProtocol.StackTraceResponse["body"]> {
    const py = await this.pyStack(args.threadId);
    let frames = py.map((f) => this.tsFrame(f)).filter((f) => f !== undefined);
    // Paused outside the script (a pause request inside Blender's code): show where, greyed.
    if (!frames.length) frames = py.map((f) => ({ ...f, presentationHint: "subtle" as const }));
    const start = args.startFrame ?? 0;
    const end = args.levels ? start + args.levels : undefined;
    return { stackFrames: frames.slice(start, end), totalFrames: frames.length };
  }

  // ---- stepping -------------------------------------------------------------------------------

  /** Where a stack's innermost user frame is: its TS line and how many user frames deep. */
  private userTop(py: DebugProtocol.StackFrame[]): {
    at?: { file: string; line: number };
    depth: number;
    top: "user" | "helper" | "outside";
    anyUser: boolean;
  } {
    const index = this.index!;
    let at: { file: string; line: number } | undefined;
    let depth = 0;
    let top: "user" | "helper" | "outside" = "outside";
    py.forEach((f, i) => {
      const inScript = f.source?.path !== undefined && resolve(f.source.path) === index.script;
      const pos = inScript ? index.tsPosition(f.line) : undefined;
      if (i === 0) top = pos ? "user" : inScript ? "helper" : "outside";
      if (pos) {
        depth++;
        at ??= { file: pos.file, line: pos.line };
      }
    });
    return { at, depth, top, anyUser: depth > 0 };
  }

  private async onStep(kind: Step["kind"], args: DebugProtocol.NextArguments): Promise<undefined> {
    const client = this.connected();
    const where = this.userTop(await this.pyStack(args.threadId));
    this.step = { threadId: args.threadId, kind, from: where.at, depth: where.depth };
    await this.resume(kind, { threadId: args.threadId });

    return undefined;
  }

  /**
   * debugpy stopped after one Python step: stop there if it is a new TS line in the script,
   * otherwise keep going — out of helpers and Blender's code, over the rest of the TS line.
   */
  private async continueStep(step: Step, e: DebugProtocol.StoppedEvent): Promise<void> {
    await this.disarm(step); // the helper returned without calling back into the program
    const where = this.userTop(await this.pyStack(step.threadId));
    let next: "next" | "stepIn" | "stepOut" | "continue" | undefined;
    if (where.top === "helper") {
      // A step in runs a helper that calls back what it is given armed: a callback it calls
      // (`xs.sort(cmp)`) stops the step. Most helpers call nothing back (`_js_str(x)`).
      const helper = (await this.pyStack(step.threadId))[0]?.name ?? "";
      if (step.kind === "stepIn" && this.index!.helperCallsBack(helper)) await this.arm(step);
      next = "stepOut";
    } else if (where.top === "outside") next = where.anyUser ? "stepOut" : "continue";
    else {
      const sameLine =
        where.at?.file === step.from?.file &&
        where.at?.line === step.from?.line &&
        where.depth === step.depth;
      if (sameLine && step.kind !== "stepOut") next = step.kind;
      else if (step.kind === "stepOut" && where.depth >= step.depth && step.depth > 0)
        next = "stepOut";
    }
    if (!next) {
      this.step = undefined;
      this.sendEvent(new StoppedEvent("step", e.body.threadId));
      return;
    }
    if (next === "continue") this.step = undefined;
    await this.resume(next, { threadId: step.threadId });
  }

  private onDebugpyEvent(e: DebugProtocol.Event): void {
    if (e.event === "continued" || e.event === "stopped") this.clearStopState();
    if (e.event === "stopped") {
      const stopped = e as DebugProtocol.StoppedEvent;
      const step = this.step;
      const stepDone =
        step && stopped.body.reason === "step" && stopped.body.threadId === step.threadId;
      if (step?.armed && !stepDone) {
        // A stop while a helper ran armed: a temporary breakpoint is where the step in ends (a
        // callback's first line); anything else (the editor's breakpoint, an exception) ends it.
        this.step = undefined;
        const callback =
          stopped.body.reason === "breakpoint" && stopped.body.threadId === step.threadId;
        void this.pyStack(stopped.body.threadId ?? step.threadId)
          .then((py) => (callback && py[0] && !this.isUserBreakpoint(py[0].line) ? "step" : null))
          .catch(() => null)
          .then(async (reason) => {
            await this.disarm(step).catch(() => {});
            this.sendEvent(reason ? new StoppedEvent(reason, stopped.body.threadId) : stopped);
          });
        return;
      }
      if (step && stepDone) {
        this.continueStep(step, stopped).catch((err: Error) => {
          this.step = undefined;
          this.sendEvent(
            new OutputEvent(`bpyts debug: stepping failed: ${err.message}\n`, "important"),
          );
          this.sendEvent(new StoppedEvent("step", stopped.body.threadId));
        });
        return;
      }
      this.step = undefined; // a breakpoint or an exception ends a step
      this.sendEvent(stopped);
      return;
    }
    if (FORWARDED_EVENTS.has(e.event)) this.sendEvent(e);
    else if (e.event === "output") {
      const body = (e as DebugProtocol.OutputEvent).body;
      if (body.category !== "telemetry") this.sendEvent(e);
    }
  }

  // ---- variables and evaluation ---------------------------------------------------------------

  private async onVariables(
    args: DebugProtocol.VariablesArguments,
  ): Promise<DebugProtocol.VariablesResponse["body"]> {
    const r = await this.connected().request<DebugProtocol.VariablesResponse>("variables", args);
    const nulls = this.nullRefs.get(args.variablesReference);
    return {
      variables: r.body.variables
        .filter((v) => this.showAllFrames || !isHiddenVariable(v.name, v.type))
        .map((v) => {
          const none = nulls === "all" || nulls?.has(v.name) ? "null" : "undefined";
          // the elements of a `(T | null)[]` read `null` too when the editor expands it
          if (none === "null" && v.variablesReference > 0)
            this.nullRefs.set(v.variablesReference, "all");
          return {
            ...v,
            name: tsNameOf(v.name),
            value: jsValue(v.value, v.type, none),
            type: jsType(v.type, none),
            // debugpy's evaluateName is Python (`max_`): keep it so "copy as expression" runs
          };
        }),
    };
  }

  /** A variable shown under its TS name (`max`) is set under its Python name (`max_`). */
  private async onSetVariable(
    args: DebugProtocol.SetVariableArguments,
  ): Promise<DebugProtocol.SetVariableResponse["body"]> {
    const client = this.connected();
    const py = typeof args.name === "string" && tsNameOf(`${args.name}_`) === args.name;
    const r = await client
      .request<DebugProtocol.SetVariableResponse>("setVariable", {
        ...args,
        name: py ? `${args.name}_` : args.name,
      })
      .catch((e: unknown) => {
        if (!py) throw e;
        return client.request<DebugProtocol.SetVariableResponse>("setVariable", args);
      });
    return { ...r.body, value: jsValue(r.body.value, r.body.type), type: jsType(r.body.type) };
  }

  private async onEvaluate(
    args: DebugProtocol.EvaluateArguments,
  ): Promise<DebugProtocol.EvaluateResponse["body"]> {
    const client = this.connected();
    let body: DebugProtocol.EvaluateResponse["body"];
    // A bare TS identifier that the compiler renamed (`max` → `max_`): evaluate the Python name.
    const bare = /^[A-Za-z_$][\w$]*$/.test(args.expression);
    const renamed = bare ? `${args.expression}_` : undefined;
    let pyName = bare ? args.expression : undefined;
    try {
      if (!renamed || tsNameOf(renamed) !== args.expression) throw new Error("not renamed");
      body = (
        await client.request<DebugProtocol.EvaluateResponse>("evaluate", {
          ...args,
          expression: renamed,
        })
      ).body;
      pyName = renamed;
    } catch {
      body = (await client.request<DebugProtocol.EvaluateResponse>("evaluate", args)).body;
    }
    // A variable of the frame (a hover): its TS type says whether None reads null. Only the
    // frame's own scope is asked: a local may shadow a module name of another type.
    const none =
      pyName !== undefined && this.frameNulls(args.frameId)?.has(pyName) ? "null" : "undefined";
    return {
      ...body,
      result: jsValue(body.result, body.type, none),
      type: jsType(body.type, none),
    };
  }
}

class AdapterError extends Error {
  readonly id: number;
  constructor(
    readonly code: DebugErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.id = Number(code.slice(3));
  }
}

/** The TS name of a Python frame's function. */
function frameName(raw: string): string {
  // pydevd marks the frame an exception stop is paused in: " (Current frame)"
  const py = raw.replace(/ \(Current frame\)$/, "");
  if (py === "<module>") return "<module>";
  if (py.startsWith("<")) return "<anonymous>"; // lambdas, comprehensions: an inline arrow
  return tsNameOf(py);
}
