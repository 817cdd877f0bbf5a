import { createRequire } from "node:module";
import type cliProgressModule from "cli-progress";
import { parseProgress, type ProgressEvent } from "@bpyts/runner";

/** cli-progress, loaded only when a bar is drawn (a run without a terminal never needs it). */
const loadCliProgress = () =>
  createRequire(import.meta.url)("cli-progress") as typeof cliProgressModule;

export interface ProgressDisplay {
  onStdout: (chunk: string) => void;
  onProgress?: (event: ProgressEvent) => void;
  stop: () => void;
}

/**
 * Render progress for `bpyts run`: a cli-progress bar on stderr when it is a TTY (Blender's own
 * `Fra:` lines are then hidden), plain `progress:` lines otherwise (throttled to 10% steps).
 * The script's stdout is always forwarded.
 */
export function progressDisplay(
  enabled: boolean,
  forward: (chunk: string) => void = (c) => void process.stdout.write(c),
): ProgressDisplay {
  if (!enabled) return { onStdout: forward, stop: () => {} };
  if (process.stderr.isTTY) {
    const cliProgress = loadCliProgress();
    const multibar = new cliProgress.MultiBar(
      {
        stream: process.stderr,
        format: " {label} [{bar}] {percentage}% | {value}/{total} {unit}",
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let bar: cliProgressModule.SingleBar | undefined;
    let pending = "";
    const sameTerminal = Boolean(process.stdout.isTTY);
    return {
      onStdout: (chunk) => {
        // Only the new chunk is split (linear however long a line is); an overlong unfinished
        // line is forwarded as it comes.
        const lines = chunk.split("\n");
        const last = lines.pop() ?? "";
        if (lines.length) {
          lines[0] = pending + lines[0];
          pending = last;
        } else pending += last;
        if (pending.length > 65_536) {
          forward(pending);
          pending = "";
        }
        const kept = lines
          .filter((l) => !l.startsWith("Fra:"))
          .map((l) => `${l}\n`)
          .join("");
        if (!kept) return;
        if (bar && sameTerminal) multibar.log(kept);
        else forward(kept);
      },
      onProgress: (e) => {
        if (e.kind === "samples" || e.kind === "tiles") {
          const payload = { label: `frame ${e.frame ?? "?"}`, unit: e.kind };
          if (!bar) bar = multibar.create(e.total, e.current, payload);
          else {
            bar.setTotal(e.total);
            bar.update(e.current, payload);
          }
        }
      },
      stop: () => {
        if (pending) forward(pending);
        multibar.stop();
      },
    };
  }
  // Plain lines: a still shows its samples in 10 % steps; an animation or a video, one line per
  // frame once the first frame is done (not a sample count per frame).
  let last = "";
  let framesDone = 0;
  return {
    onStdout: forward,
    onProgress: (e) => {
      let line: string | undefined;
      if ((e.kind === "samples" || e.kind === "tiles") && framesDone === 0) {
        const step = Math.floor((10 * e.current) / Math.max(1, e.total));
        const key = `${e.frame}:${e.kind}:${step}`;
        if (key !== last) {
          last = key;
          line = `progress: frame ${e.frame ?? "?"} ${e.current}/${e.total} ${e.kind}`;
        }
      } else if (e.kind === "saved") {
        framesDone++;
        line = `progress: saved ${e.path}`;
      } else if (e.kind === "appended") {
        framesDone++;
        line = `progress: frame ${e.frame} added to the video`;
      }
      if (line) process.stderr.write(`${line}\n`);
    },
    stop: () => {},
  };
}
