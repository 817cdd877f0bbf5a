import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadSiblingMap, mapPosition, type ScriptMap } from "@bpyts/runner";

export interface TsPosition {
  file: string;
  line: number;
  column: number;
}

/** Where a TS line's code went: the Python line to stop on, or why there is none. */
export type LineTarget = { pyLine: number; tsLine: number } | { pyLine: undefined; reason: string };

/** Names the compiler gives its runtime helpers (`helpers.ts`): user names never take them. */
const HELPER_NAME = /^(_js_|_JS_|_Js|Js)/;
const RUNTIME_MARKER = "# --- bpyts runtime:";
const NONE: ReadonlySet<string> = new Set();
/** Calls of builtins that only inspect or convert a value (never call the program back). */
const INSPECTING_CALLS =
  /(?<![\w.])(?:isinstance|issubclass|type|id|len|callable|hasattr|str|repr|int|float|abs|bool|round)\s*\([^()]*\)/g;

/**
 * One compiled script read both ways through its source map: Python line → TS position, TS line →
 * the Python line its statement starts on, and which Python lines are runtime helpers (the
 * header the compiler emits after `# --- bpyts runtime:`, where every line maps to the entry's
 * first line).
 */
export class ScriptIndex {
  readonly script: string;
  /** TS files the script was compiled from (absolute). */
  readonly sources: Set<string>;
  private readonly toTs: (TsPosition | undefined)[] = [];
  /** file → TS line → Python lines mapped to it (ascending). */
  private readonly toPy = new Map<string, Map<number, number[]>>();
  private readonly helperLines = new Set<number>();
  private readonly pyLines: string[];

  constructor(readonly scriptMap: ScriptMap) {
    this.script = scriptMap.script;
    this.pyLines = readFileSync(this.script, "utf8").split("\n");
    this.markHelpers();
    this.sources = new Set();
    for (let line = 1; line <= this.pyLines.length; line++) {
      const text = this.pyLines[line - 1]!;
      const pos = mapPosition(scriptMap, line);
      this.toTs[line] = pos;
      if (!pos) continue;
      this.sources.add(pos.file);
      // Only lines a statement can stop on: not blank, not comments, not helpers, not the
      // continuation of a bracketed expression the printer split (`)` / `]` / `}` lines).
      if (this.helperLines.has(line) || !isStatementStart(text)) continue;
      let byLine = this.toPy.get(pos.file);
      if (!byLine) this.toPy.set(pos.file, (byLine = new Map()));
      const list = byLine.get(pos.line) ?? [];
      list.push(line);
      byLine.set(pos.line, list);
    }
  }

  /** `def` ranges with names whose `None` reads `null` (the map's `x_bpyts_nulls`), innermost last. */
  private nullScopes: { start: number; end: number; names: Set<string> }[] | undefined;
  private moduleNulls: Set<string> | undefined;

  private loadNullFacts(): void {
    if (this.nullScopes) return;
    this.nullScopes = [];
    const facts = this.scriptMap.map.x_bpyts_nulls;
    if (!facts || typeof facts !== "object") return;
    for (const [key, names] of Object.entries(facts)) {
      if (!Array.isArray(names)) continue;
      const set = new Set(names.filter((n): n is string => typeof n === "string"));
      const start = Number(key);
      if (start === 0) {
        this.moduleNulls = set;
        continue;
      }
      const head = this.pyLines[start - 1];
      if (!Number.isInteger(start) || head === undefined || !/^\s*def\s/.test(head)) continue;
      // the body: every following line that is blank or indented deeper than the `def`
      const indent = /^\s*/.exec(head)![0].length;
      let end = start;
      for (let i = start; i < this.pyLines.length; i++) {
        const t = this.pyLines[i]!;
        if (t.trim() === "") continue;
        if (/^\s*/.exec(t)![0].length <= indent) break;
        end = i + 1;
      }
      this.nullScopes.push({ start, end, names: set });
    }
    this.nullScopes.sort((a, b) => a.start - b.start);
  }

  /**
   * Names whose `None` reads `null` (TS type `T | null`): the module's (a `<module>` frame, or
   * the Globals scope), else those of the innermost function holding Python line `pyLine`.
   */
  nullNames(pyLine: number, module: boolean): ReadonlySet<string> {
    this.loadNullFacts();
    if (module) return this.moduleNulls ?? NONE;
    let found: ReadonlySet<string> = NONE;
    for (const s of this.nullScopes!) if (s.start <= pyLine && pyLine <= s.end) found = s.names;
    return found;
  }

  static load(script: string): ScriptIndex | undefined {
    const map = loadSiblingMap(script);
    return map ? new ScriptIndex(map) : undefined;
  }

  /** Runtime-helper header: from the marker, the top-level blocks named like helpers. */
  private markHelpers(): void {
    const start = this.pyLines.findIndex((l) => l.startsWith(RUNTIME_MARKER));
    if (start < 0) return;
    let inHelper = true;
    for (let i = start; i < this.pyLines.length; i++) {
      const text = this.pyLines[i]!;
      const topLevel = /^\S/.test(text) && !text.startsWith("#");
      if (topLevel) {
        const name = /^(?:(?:async\s+)?def\s+|class\s+)?([A-Za-z_]\w*)/.exec(text)?.[1];
        // a helper's statement, a decorator, or the closing bracket of a multi-line helper value
        inHelper = (name !== undefined && HELPER_NAME.test(name)) || /^[@)\]}]/.test(text);
        if (!inHelper) return;
      }
      if (inHelper) this.helperLines.add(i + 1);
    }
  }

  /** A top-level import before any other statement (the compiler's header). */
  private isHeaderImport(pyLine: number): boolean {
    for (let i = 0; i < pyLine; i++) {
      const t = this.pyLines[i]!;
      if (/^\S/.test(t) && !/^(import|from)\s/.test(t) && !t.startsWith("#")) return false;
    }
    return /^(import|from)\s/.test(this.pyLines[pyLine - 1]!);
  }

  isHelperLine(pyLine: number): boolean {
    return this.helperLines.has(pyLine);
  }

  /** The TS position of a Python line (undefined: not mapped, or a helper line). */
  tsPosition(pyLine: number): TsPosition | undefined {
    if (this.helperLines.has(pyLine)) return undefined;
    return this.toTs[pyLine];
  }

  /** Whether `file` is one of the TS files this script was compiled from. */
  hasSource(file: string): boolean {
    return this.sources.has(resolve(file));
  }

  /**
   * The Python line a breakpoint on TS `line` stops at: the first statement emitted for that
   * line. A line without code (a comment, a type, a blank line, a closing brace) gets none.
   */
  breakpointLine(file: string, line: number): LineTarget {
    const byLine = this.toPy.get(resolve(file));
    if (!byLine) return { pyLine: undefined, reason: "this file is not part of the program" };
    const lines = byLine.get(line);
    // The header's imports (`import math` for a helper) map to the entry's first line: a TS
    // statement on that line is preferred; with none, the stop is at the program's start.
    const first = lines?.find((l) => !this.isHeaderImport(l)) ?? lines?.[0];
    if (first !== undefined) return { pyLine: first, tsLine: line };
    return { pyLine: undefined, reason: "no code was generated for this line" };
  }

  private helperCode: Map<string, { params: string[]; body: string }> | undefined;
  private readonly callers = new Map<string, boolean>();

  /**
   * Whether runtime helper `name` may call one of the program's functions: it calls a parameter
   * (`compare(a, b)`) or a value it looked up (`to_string = x.get("toString")`), or hands a
   * parameter on to a call that may (another helper that does, or any call but the builtins that
   * only inspect a value: `isinstance`, `len`, `str`…). Read from the helper's code in the script;
   * a name that is not a top-level helper answers yes (arming is only slower).
   */
  helperCallsBack(name: string, seen = new Set<string>()): boolean {
    const known = this.callers.get(name);
    if (known !== undefined) return known;
    const code = this.helpers().get(name);
    if (!code) return true;
    if (seen.has(name)) return false; // a recursive helper: decided by its other uses
    seen.add(name);
    const body = code.body.replace(INSPECTING_CALLS, "");
    const assigned = [...body.matchAll(/^\s*(\w+)\s*=[^=]/gm)].map((m) => m[1]!);
    const calls = (n: string) => new RegExp(`(?<![\\w.])${n}\\s*\\(`).test(body);
    let answer = code.params.some(calls) || assigned.some(calls);
    if (!answer)
      for (const m of body.matchAll(/(?<![\w.])([A-Za-z_][\w.]*)\s*\(([^()]*)\)/g)) {
        const args = m[2]!.split(",").map((a) => a.trim().replace(/^\*+/, ""));
        if (!code.params.some((p) => args.includes(p))) continue;
        const callee = m[1]!;
        answer = HELPER_NAME.test(callee) ? this.helperCallsBack(callee, seen) : true;
        if (answer) break;
      }
    this.callers.set(name, answer);
    return answer;
  }

  /** The script's top-level helper functions: parameters and body text. */
  private helpers(): Map<string, { params: string[]; body: string }> {
    if (this.helperCode) return this.helperCode;
    const out = new Map<string, { params: string[]; body: string }>();
    let current: { name: string; params: string[]; body: string[] } | undefined;
    const close = () => {
      if (current) out.set(current.name, { params: current.params, body: current.body.join("\n") });
      current = undefined;
    };
    for (const line of [...this.helperLines].sort((a, b) => a - b)) {
      const text = this.pyLines[line - 1]!;
      const def = /^def\s+(\w+)\s*\((.*)\)\s*:/.exec(text);
      if (def) {
        close();
        const params = def[2]!
          .split(",")
          .map((p) => p.replace(/[*\s]/g, "").split(/[=:]/)[0]!)
          .filter((p) => /^\w+$/.test(p));
        current = { name: def[1]!, params, body: [] };
      } else if (/^\S/.test(text) && !text.startsWith("#")) close();
      else current?.body.push(text);
    }
    close();
    return (this.helperCode = out);
  }

  private entries: number[] | undefined;

  /**
   * The first line of every function of the program (not the runtime helpers) that runs: where a
   * callback a helper calls starts (stepping into `xs.sort(cmp)` stops there). `global` /
   * `nonlocal` lines and a docstring are skipped: Python reports no line event for them.
   */
  functionEntries(): readonly number[] {
    if (this.entries) return this.entries;
    const out: number[] = [];
    this.pyLines.forEach((text, i) => {
      const def = /^(\s*)(?:async\s+)?def\s/.exec(text);
      if (!def || this.helperLines.has(i + 1)) return;
      const indent = def[1]!.length;
      for (let j = i + 1; j < this.pyLines.length; j++) {
        const t = this.pyLines[j]!;
        const body = t.trim();
        if (body === "" || body.startsWith("#")) continue;
        if (/^\s*/.exec(t)![0].length <= indent) break;
        if (/^(global|nonlocal)\s/.test(body)) continue;
        if (j === i + 1 && /^[rbuRBU]*("""|'''|"|')/.test(body)) continue; // docstring
        if (this.toTs[j + 1]) out.push(j + 1);
        break;
      }
    });
    return (this.entries = out);
  }

  /** Python lines of a TS line (any statement mapped there), for tests and tools. */
  pythonLines(file: string, line: number): number[] {
    return this.toPy.get(resolve(file))?.get(line) ?? [];
  }
}

function isStatementStart(text: string): boolean {
  const t = text.trim();
  return t !== "" && !t.startsWith("#") && !/^[)\]}]/.test(t);
}
