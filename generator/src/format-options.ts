/**
 * Prettier options for the generated declarations. `babel-ts` is prettier's other TypeScript
 * parser for the same estree printer: byte-identical output on the three packages (checked by
 * the determinism test against the committed files) and ~25 % faster than `typescript` on
 * these comment-heavy files.
 */
export const PRETTIER_OPTIONS = { parser: "babel-ts", printWidth: 100 } as const;
