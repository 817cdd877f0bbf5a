/**
 * Snapshot text only: the runtime section of a compiled script folded to the helpers' names
 * (`# runtime: _js_str`), so that editing a helper in runtime/*.py does not churn every fixture
 * that uses it. A block folds only when it is byte for byte the manifest's code for that helper
 * (helpers are emitted in manifest order), so the snapshot still pins the emitted text: a helper
 * emitted differently stays unfolded and shows up in the diff.
 */
import { HELPERS } from "../src/runtime/manifest.generated.js";

export const RUNTIME_HEADER = "# --- bpyts runtime: JavaScript semantics used by this script ---\n";

export function foldRuntime(python: string): string {
  const at = python.indexOf(RUNTIME_HEADER);
  if (at < 0 || (at > 0 && python[at - 1] !== "\n")) return python;
  const start = at + RUNTIME_HEADER.length;
  let p = start;
  const names: string[] = [];
  for (const h of HELPERS) {
    // blocks are separated by two blank lines; the last is followed by a newline
    const block = (names.length ? "\n\n\n" : "") + h.code;
    if (python.startsWith(block, p) && python[p + block.length] === "\n") {
      names.push(h.name);
      p += block.length;
    }
  }
  if (!names.length) return python;
  return python.slice(0, start) + names.map((n) => `# runtime: ${n}`).join("\n") + python.slice(p);
}
