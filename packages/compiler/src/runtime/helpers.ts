/**
 * Runtime helpers: JavaScript semantics Python lacks, written once as Python in
 * packages/compiler/runtime/*.py (one module per area). scripts/build-runtime.py reads those
 * modules and writes manifest.generated.ts: each helper's source and the helpers and standard
 * modules it uses, computed from its syntax tree. A helper is emitted at the top of the output
 * (after the imports) only when the program uses it, together with what it depends on.
 */
import { HELPERS, type HelperName, type HelperSource } from "./manifest.generated.js";

export type { HelperName, HelperSource as Helper };

export const helpers: ReadonlyMap<HelperName, HelperSource> = new Map(
  HELPERS.map((h) => [h.name, h]),
);

/**
 * The helpers a script needs (those it uses and their dependencies) in the manifest's order,
 * deps first, plus the standard modules they import. The order is one fixed order restricted to
 * the helpers needed, so it does not depend on which of them the script names itself.
 */
export function resolveHelpers(used: Iterable<HelperName>): {
  code: HelperSource[];
  imports: string[];
} {
  const needed = new Set<HelperName>();
  const visit = (n: HelperName): void => {
    if (needed.has(n)) return;
    const h = helpers.get(n);
    if (!h) throw new Error(`unknown runtime helper ${n}`);
    needed.add(n);
    h.deps.forEach(visit);
  };
  for (const n of used) visit(n);
  const code = HELPERS.filter((h) => needed.has(h.name));
  return { code, imports: [...new Set(code.flatMap((h) => h.imports))].sort() };
}
