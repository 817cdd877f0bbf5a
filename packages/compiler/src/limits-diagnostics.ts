/**
 * Limits as diagnostics: nesting deeper than the (recursive) transform or TypeScript itself can
 * take, and Python's own nesting limits on the output, each located at the offending code.
 */
import fs from "node:fs";
import ts from "./ts.cjs";
import { diag, type Diagnostic } from "@bpyts/diagnostics";
import type { BpyDiagnostic } from "./index.js";
import type { LimitViolation } from "./python/limits.js";
import { deepBracket, TS_DEPTH_LIMIT } from "./transform/depth.js";

export function diagnosticAt(
  file: string,
  line: number,
  column: number,
  d: Diagnostic,
): BpyDiagnostic {
  return { file, line, column, ...d };
}

export function tooDeepDiagnostic(node: ts.Node, depth: number): BpyDiagnostic {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const what = ts.isExpression(node) ? "this expression is" : "this code is";
  return diagnosticAt(
    sf.fileName,
    line + 1,
    character + 1,
    diag.tooDeep({ what, depth, limit: TS_DEPTH_LIMIT }),
  );
}

/** TypeScript overflowed the stack: locate the deepest brackets of the entry by a token scan. */
export function overflowInText(entry: string, virtual: Map<string, string>): BpyDiagnostic {
  let text = virtual.get(entry);
  if (text === undefined) {
    try {
      text = fs.readFileSync(entry, "utf8");
    } catch {
      text = "";
    }
  }
  const at = deepBracket(text);
  if (!at)
    return diagnosticAt(
      entry,
      1,
      1,
      diag.tooDeep({ what: "the program is", depth: "too many", limit: TS_DEPTH_LIMIT }),
    );
  const before = text.slice(0, at.pos).split(/\r\n|\r|\n|\u2028|\u2029/);
  return diagnosticAt(
    entry,
    before.length,
    before[before.length - 1]!.length + 1,
    diag.tooDeep({ what: "these brackets are", depth: at.depth, limit: TS_DEPTH_LIMIT }),
  );
}

export function limitDiagnostic(v: LimitViolation, entry: string): BpyDiagnostic {
  return diagnosticAt(
    v.pos?.file ?? entry,
    (v.pos?.line ?? 0) + 1,
    (v.pos?.column ?? 0) + 1,
    diag.pythonLimit({ what: v.what, found: v.found, limit: v.limit }),
  );
}
