/**
 * `export const bl_info = {...}` of an add-on entry (Blender layer): its text goes into the
 * generated `bl_info` literal and `blender_manifest.toml` (src/addon), which Blender reads as
 * UTF-8. A string with a lone surrogate has no UTF-8 form, and version numbers must be
 * non-negative integers: both are refused here, at the literal (BPY2007).
 */
import { diag } from "@bpyts/diagnostics";
import ts from "../../../ts.cjs";
import type { Ctx } from "../../context.js";

const LONE_SURROGATE = /[\ud800-\udfff]/u;

export function checkBlInfo(ctx: Ctx, entry: ts.SourceFile): void {
  for (const st of entry.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== "bl_info" || !d.initializer) continue;
      const stack: ts.Node[] = [d.initializer];
      while (stack.length) {
        const n = stack.pop()!;
        if (
          (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) &&
          LONE_SURROGATE.test(n.text)
        )
          ctx.report(
            n,
            diag.addonMetadata({ problem: "a string with a lone surrogate (no UTF-8 form)" }),
          );
        if (
          ts.isPropertyAssignment(n) &&
          ts.isIdentifier(n.name) &&
          (n.name.text === "version" || n.name.text === "blender") &&
          ts.isArrayLiteralExpression(n.initializer)
        ) {
          for (const e of n.initializer.elements) {
            const v = ts.isNumericLiteral(e) ? Number(e.text) : NaN;
            if (!Number.isSafeInteger(v) || v < 0)
              ctx.report(
                e,
                diag.addonMetadata({ problem: `'${n.name.text}' needs non-negative integers` }),
              );
          }
        }
        ts.forEachChild(n, (c) => void stack.push(c));
      }
    }
  }
}
