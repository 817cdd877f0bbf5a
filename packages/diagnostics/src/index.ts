/**
 * @bpyts/diagnostics — the one code space of bpyts: every `BPYxxxx` code with its phase,
 * category, message, suggestion and documentation anchor (`codes.ts`), typed factories for the
 * compiler's codes (`diag.anyType({ operation: "+", type: "any" })`), and the Markdown tables the
 * docs are generated from (`renderTable`, scripts/docs.ts). No dependencies.
 */
import { codes } from "./codes.js";
import type { CodeDef, Diagnostic, Factory, Phase } from "./types.js";

export { codes };
export type { CodeDef, Diagnostic, Factory, ParamsOf, Phase, Placeholders } from "./types.js";

export type CodeKey = keyof typeof codes;
type Codes = typeof codes;
type KeysOfPhase<P extends Phase> = {
  [K in CodeKey]: Codes[K]["phase"] extends P ? K : never;
}[CodeKey];
type CodesOfPhase<P extends Phase> = Codes[KeysOfPhase<P>]["code"];

/** The compiler's codes (language, project options, Blender layer), by key. */
export type CompilerKey = KeysOfPhase<"compiler" | "project" | "blender">;
/** Driver codes the CLI reports (its own, and the farm's it reports for the farm command). */
export type CliCode = CodesOfPhase<"cli"> | "BPY0403" | "BPY0405";
/** The runner's codes (a retired code is not among them: the runner reports its replacement). */
export type RunnerCode =
  Exclude<CodesOfPhase<"runner">, RetiredCode> | (typeof codes)["BPY0108"]["retiredFor"];
export type FarmCode = CodesOfPhase<"farm">;
/** The debug adapter's codes (@bpyts/debug, BPY05xx). */
export type DebugCode = CodesOfPhase<"debug">;
type RetiredCode = {
  [K in CodeKey]: Codes[K] extends { retiredFor: string } ? Codes[K]["code"] : never;
}[CodeKey];

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The parameter names of a template, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

function fill(key: string, template: string, params: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name];
    // Unreachable from typed code; a JS caller (or a cast) gets a located internal error.
    if (value === undefined) throw new Error(`diagnostic ${key}: no value for {${name}}`);
    return String(value);
  });
}

/** Builds the diagnostic of `key` (any phase) from its named parameters. */
export function make(key: CodeKey, params: Record<string, string | number> = {}): Diagnostic {
  const def: CodeDef = codes[key];
  return {
    code: def.code,
    category: def.category ?? "error",
    message: fill(key, def.message, params),
    ...(def.suggestion !== undefined && { suggestion: fill(key, def.suggestion, params) }),
  };
}

/** Typed factories of the compiler's codes: a missing or misspelled parameter is a type error. */
export const diag = Object.fromEntries(
  (Object.keys(codes) as CodeKey[])
    .filter((k) => isCompilerPhase(codes[k].phase))
    .map((k) => [k, (params?: Record<string, string | number>) => make(k, params)]),
) as unknown as { readonly [K in CompilerKey]: Factory<Codes[K]> };

function isCompilerPhase(p: Phase): boolean {
  return p === "compiler" || p === "project" || p === "blender";
}

/** Every code, by code string ("BPY1001"). */
export const byCode: ReadonlyMap<string, CodeDef & { key: CodeKey }> = new Map(
  (Object.keys(codes) as CodeKey[]).map((k) => [codes[k].code, { ...codes[k], key: k }]),
);

/** The document (repository-relative) whose generated table lists a phase's codes. */
export const docFor: Readonly<Record<Phase, string>> = {
  compiler: "packages/compiler/README.md",
  project: "packages/compiler/README.md",
  blender: "docs/blender-compiler.md",
  cli: "docs/debugging.md",
  runner: "docs/debugging.md",
  farm: "docs/farm.md",
  debug: "docs/debugging.md",
};

/** Where a code is documented: its row in the phase's table (`docs/farm.md#bpy0404`). */
export function docAnchor(code: string): string {
  const def = byCode.get(code);
  if (!def) throw new Error(`unknown diagnostic code ${code}`);
  return `${docFor[def.phase]}#${code.toLowerCase()}`;
}

/**
 * The Markdown table of the given phases' codes, sorted by code, each row with an HTML anchor
 * (`docAnchor`). Unformatted: the docs script runs prettier over it, as CI checks the docs.
 */
export function renderTable(phases: readonly Phase[]): string {
  const rows = [...byCode.values()]
    .filter((d) => phases.includes(d.phase))
    .sort((a, b) => a.code.localeCompare(b.code));
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = ["| code | when |", "| --- | --- |"];
  for (const d of rows) {
    const tags = [
      d.category === "warning" ? "(warning)" : "",
      d.phase === "project" && phases.length > 1 ? "(project)" : "",
      d.retiredFor ? `(retired: reported as ${d.retiredFor})` : "",
    ].filter(Boolean);
    lines.push(
      `| <a id="${d.code.toLowerCase()}"></a>${d.code} | ${cell([...tags, d.when].join(" "))} |`,
    );
  }
  return lines.join("\n") + "\n";
}
