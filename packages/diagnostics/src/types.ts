/** Where a code is reported; each phase has its documentation table (see `docFor`). */
export type Phase = "cli" | "runner" | "farm" | "debug" | "compiler" | "project" | "blender";

export interface CodeDef {
  /** `BPY` and four digits; unique over all phases. */
  readonly code: string;
  readonly phase: Phase;
  /** "error" unless set. */
  readonly category?: "error" | "warning";
  /** When the code is reported, for the documentation tables (Markdown). */
  readonly when: string;
  /** Message template; `{name}` is a parameter of the factory. */
  readonly message: string;
  /** What to write instead (template, same parameters). */
  readonly suggestion?: string;
  /** A retired code: no longer reported, this code is reported for the same failure instead. */
  readonly retiredFor?: string;
}

/** A located-by-the-caller diagnostic: what a factory returns. */
export interface Diagnostic {
  readonly code: string;
  readonly category: "error" | "warning";
  readonly message: string;
  readonly suggestion?: string;
}

// ---- typed parameters from the templates ---------------------------------------------------
// `{name}` placeholders are identifiers; literal braces in a template (`{}`, `{ … }`) are not
// parameters. The runtime (`placeholders` in index.ts) reads the same identifiers.

/** The text after the last `{` (a placeholder inside literal braces: `{ … a.{name}(b) … }`). */
type AfterLastBrace<S extends string> = S extends `${string}{${infer R}` ? AfterLastBrace<R> : S;
type Identifier<S extends string> = S extends ""
  ? never
  : S extends `${string}${" " | "…" | "." | "(" | ")" | "," | ":" | "'" | '"'}${string}`
    ? never
    : S;
export type Placeholders<S extends string> = S extends `${string}{${infer N}}${infer Rest}`
  ? Identifier<AfterLastBrace<N>> | Placeholders<Rest>
  : never;

type TemplatesOf<D> =
  | (D extends { message: infer M extends string } ? M : never)
  | (D extends {
      suggestion: infer S extends string;
    }
      ? S
      : never);

/** The factory's argument object: one property per placeholder, numbers printed as JS does. */
export type ParamsOf<D> = { readonly [K in Placeholders<TemplatesOf<D>>]: string | number };

export type Factory<D> = [Placeholders<TemplatesOf<D>>] extends [never]
  ? () => Diagnostic
  : (params: ParamsOf<D>) => Diagnostic;
