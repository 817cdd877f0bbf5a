/**
 * Jump frames: the loops and switches `break`/`continue` can target, and the flags a jump sets to
 * leave nested Python loops (a labeled `break` out of two loops, a `continue` inside a switch).
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../ts.cjs";
import * as py from "../../python/ast.js";
import type { Ctx, JumpFrame } from "../context.js";

const K = ts.SyntaxKind;

export function withFrame<T>(ctx: Ctx, frame: JumpFrame, fn: () => T): T {
  ctx.jumps.push(frame);
  try {
    return fn();
  } finally {
    ctx.jumps.pop();
  }
}

export function newFrame(
  kind: JumpFrame["kind"],
  node: ts.Node,
  labels: string[],
  pyLoop = true,
): JumpFrame {
  return { kind, node, labels, pyLoop, exitChecks: [] };
}

/** Wrap a finished loop with the flag resets/checks of jumps that pass through it. */
export function loopWithChecks(ctx: Ctx, frame: JumpFrame, loop: py.Stmt): py.Stmt[] {
  const flags = [...new Set(frame.exitChecks.map((c) => c.flag))];
  const before = flags.map((f) => py.assign(py.name(f), py.FALSE, loop.pos));
  const after: py.Stmt[] = [];
  for (const f of flags) {
    const c = frame.exitChecks.find((x) => x.flag === f)!;
    after.push(py.ifStmt(py.name(f), jumpTo(ctx, c.target, c.action, f), [], loop.pos));
  }
  return [...before, loop, ...after];
}

/** Statements that jump to `target` from the current position. */
export function jumpTo(
  ctx: Ctx,
  target: JumpFrame,
  action: "break" | "continue",
  existingFlag?: string,
): py.Stmt[] {
  const idx = ctx.jumps.indexOf(target);
  const between = ctx.jumps.slice(idx + 1).filter((f) => f.pyLoop);
  if (between.length === 0) {
    if (action === "continue") return [...(target.update ?? []), { kind: "Continue" }];
    return target.pyLoop ? [{ kind: "Break" }] : [];
  }
  let flag = existingFlag;
  if (!flag) {
    const key = `${action}`;
    const store = target as JumpFrame & { flags?: Record<string, string> };
    store.flags ??= {};
    flag = store.flags[key] ??= ctx.fresh(
      `_${action}_${target.labels[0] ?? (target.kind === "switch" ? "switch" : "loop")}`,
    );
  }
  for (const f of between)
    if (!f.exitChecks.some((c) => c.flag === flag)) f.exitChecks.push({ flag, target, action });
  return existingFlag
    ? [{ kind: "Break" }]
    : [py.assign(py.name(flag), py.TRUE), { kind: "Break" }];
}

export function transformJump(ctx: Ctx, node: ts.BreakOrContinueStatement): py.Stmt[] {
  const isBreak = node.kind === K.BreakStatement;
  let target: JumpFrame | undefined;
  for (let i = ctx.jumps.length - 1; i >= 0; i--) {
    const f = ctx.jumps[i]!;
    if (node.label ? f.labels.includes(node.label.text) : isBreak || f.kind === "loop") {
      target = f;
      break;
    }
  }
  if (!target) {
    ctx.report(node, diag.label());
    return [];
  }
  return jumpTo(ctx, target, isBreak ? "break" : "continue");
}
