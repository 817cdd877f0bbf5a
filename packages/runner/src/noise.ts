/**
 * Blender's known noise: lines every run prints that say nothing about the script — the banner,
 * "Blender quit", the EGL fallback chatter of headless renders, Debian packaging warnings. A
 * per-version table (each rule names the Blender versions it was seen on; tested on each) and a
 * line filter for output streams. `bpyts run --verbose` shows the raw output instead.
 */

export interface NoiseRule {
  /** Where it was seen ("3.4", "4.3", "5.2"); undefined: every version. */
  versions?: readonly string[];
  /** A whole line that is noise. */
  line?: RegExp;
  /**
   * A block of lines: from `start` through `end`, every line between matching `inside` (at most
   * `maxLines`); a block that does not complete is kept.
   */
  block?: { start: RegExp; inside: RegExp; end: RegExp; maxLines: number };
  why: string;
}

export const blenderNoise: readonly NoiseRule[] = [
  { line: /^Blender \d+\.\d+\.\d+(?: (?:LTS|Alpha|Beta|Release Candidate))?$/, why: "the banner" },
  { line: /^Blender quit$/, why: "the exit line" },
  {
    versions: ["3.4", "4.3", "5.2"],
    line: /^EGL Error \(0x[0-9A-Fa-f]+\): EGL_\w+: /,
    why: "headless EGL probing before the surfaceless fallback (renders still work)",
  },
  {
    versions: ["3.4", "4.3", "5.2"],
    line: /^Managed to successfully fallback to surfaceless EGL rendering!$/,
    why: "headless EGL fallback",
  },
  {
    versions: ["4.3", "5.2"],
    line: /^(?:\d+:\d+\.\d+\s+system\.path\s+\|\s+WARNING )?[Cc]ould not get a list of mounted file-systems$/,
    why: "no /proc/mounts-style listing inside a chroot or container",
  },
  // An exception inside a Python operator: besides the traceback Python prints (stderr), Blender
  // reports it again on stdout ("Error: Python: Traceback …" through "Location: …"). The caller
  // gets it as a RuntimeError carrying that traceback, which bpyts reports at the TS lines.
  {
    block: {
      start: /^Error: Python: Traceback \(most recent call last\):$/,
      inside: /^(?: {2}|\s|[\w.]+(?:Error|Exception|Exit|Interrupt|Warning)\b)/,
      end: /^Location: .*:\d+$/,
      maxLines: 200,
    },
    why: "Blender's report of an operator's exception (a second copy of its traceback)",
  },
  {
    versions: ["5.2"],
    line: /^\d+:\d+\.\d+\s+bpy\.rna\s+\|\s+ERROR Python script error in \w+\.\w+$/,
    why: "5.x's log line announcing that report",
  },
  // Debian's Blender 5.x without python3-cattrs: the extensions add-on fails to register (its
  // remote asset listing); the header goes to stdout, the traceback to stderr.
  {
    versions: ["5.2"],
    line: /^Exception in module register\(\): .*[/\\]bl_pkg[/\\]__init__\.py$/,
    why: "bl_pkg without cattrs (header)",
  },
  {
    versions: ["5.2"],
    block: {
      start: /^Traceback \(most recent call last\):$/,
      inside: /^ {2}(?:File "|\s)/,
      end: /^ModuleNotFoundError: No module named 'cattrs'$/,
      maxLines: 40,
    },
    why: "bl_pkg without cattrs (traceback)",
  },
];

/** Blender's render chatter, shown by bpyts' own progress display instead. */
export const renderChatter: readonly RegExp[] = [
  /^Fra: ?\d+\b/,
  /^Saved: ['"].*['"]\s*$/,
  /^Append frame \d+$/,
  /^ ?Time: \d+:\d+\.\d+ \(Saving: \d+:\d+\.\d+\)$/,
  /^\d+:\d+\.\d+\s+render\s+\|\s/, // Blender ≥ 5 logs all of it through CLOG's render channel
];

/** The rules for a Blender version ("3.4.1" or "3.4"; undefined: every rule). */
export function noiseRules(version?: string): NoiseRule[] {
  const mm = version && /^(\d+\.\d+)/.exec(version)?.[1];
  return blenderNoise.filter((r) => !r.versions || !mm || r.versions.includes(mm));
}

export interface NoiseFilter {
  write(chunk: string): void;
  /**
   * End of the stream. `drop` sees each traceback still held (see `holdTracebacks`) and says
   * whether the run's own error report already shows it.
   */
  flush(drop?: (traceback: string) => boolean): void;
  /** Output any held traceback now (other output is about to appear, on another stream). */
  release(): void;
}

/**
 * A whole Python traceback as Python prints it: the header, `  File …` lines with their source
 * lines, the exception line. Blender prints one on stderr for an exception inside an operator,
 * which the caller also gets as a RuntimeError (reported by bpyts at the TS lines).
 */
const TRACEBACK = {
  start: /^Traceback \(most recent call last\):$/,
  inside: /^ {2}/,
  end: /^[A-Za-z_][\w.]*(?::.*)?$/,
  maxLines: 400,
};

/**
 * A stream filter: feed chunks, get the output without noise lines. Blank lines that only border
 * noise go with it; whole lines are forwarded as soon as they are known not to be noise (a blank
 * line waits for the next line, a possible block for its end). `flush()` at the end.
 *
 * `holdTracebacks`: a complete Python traceback is held back until more output follows (then it
 * is output, in order) or the stream ends (then `flush`'s `drop` decides), so that an operator's
 * exception the run reports anyway is shown once.
 */
export function noiseFilter(
  rules: readonly NoiseRule[],
  forward: (text: string) => void,
  extra: readonly RegExp[] = [],
  options: { holdTracebacks?: boolean } = {},
): NoiseFilter {
  const lines = rules.flatMap((r) => (r.line ? [r.line] : [])).concat(extra);
  const blocks = rules.flatMap((r) => (r.block ? [r.block] : []));
  let partial = "";
  let blanks = "";
  let afterNoise = false;
  // The block rules a run of held lines may still be (several can share a start line).
  let block: { rules: (NoiseRule["block"] & {})[]; held: string[] } | undefined;
  // A traceback being read (`trace`) or read and held back (`held`), with `holdTracebacks`.
  let trace: string[] | undefined;
  let held: string[] | undefined;

  const release = () => {
    const h = held;
    held = undefined;
    if (h) for (const l of h) emit(l);
  };
  const emit = (line: string) => {
    if (held) release();
    if (blanks && !afterNoise) forward(blanks);
    blanks = "";
    afterNoise = false;
    forward(line);
  };
  const noise = () => {
    blanks = "";
    afterNoise = true;
  };
  const take = (line: string) => {
    const text = line.replace(/\r?\n$/, "");
    if (block) {
      if (block.rules.some((r) => r.end.test(text))) {
        block = undefined;
        noise();
        return;
      }
      const n = block.held.length;
      block.rules = block.rules.filter((r) => r.inside.test(text) && n < r.maxLines);
      if (block.rules.length) {
        block.held.push(line);
        return;
      }
      const lines = block.held; // no such block after all: its lines are output
      block = undefined;
      if (options.holdTracebacks && TRACEBACK.start.test(lines[0]!.replace(/\r?\n$/, "")))
        trace = lines; // (a traceback, maybe: the lines go on below)
      else for (const l of lines) emit(l);
    }
    if (trace) {
      if (TRACEBACK.inside.test(text) && trace.length < TRACEBACK.maxLines) {
        trace.push(line);
        return;
      }
      const lines = trace;
      trace = undefined;
      if (lines.length > 1 && TRACEBACK.end.test(text)) {
        release();
        held = [...lines, line];
        return;
      }
      for (const l of lines) emit(l); // not a traceback after all
    }
    if (text.trim() === "") {
      blanks += line;
      return;
    }
    const starting = blocks.filter((b) => b.start.test(text));
    if (starting.length) {
      block = { rules: starting, held: [line] };
      return;
    }
    if (options.holdTracebacks && TRACEBACK.start.test(text)) {
      trace = [line];
      return;
    }
    if (lines.some((re) => re.test(text))) noise();
    else emit(line);
  };
  return {
    write(chunk) {
      const parts = (partial + chunk).split(/(?<=\n)/);
      partial = parts.at(-1)!.endsWith("\n") ? "" : parts.pop()!;
      for (const p of parts) take(p);
    },
    flush(drop) {
      if (partial) take(partial);
      partial = "";
      if (trace) for (const l of trace.splice(0)) emit(l);
      trace = undefined;
      if (block) for (const h of block.held) emit(h);
      block = undefined;
      if (held && drop?.(held.join(""))) held = undefined;
      release();
      if (blanks && !afterNoise) forward(blanks);
      blanks = "";
    },
    release,
  };
}
