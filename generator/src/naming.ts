/** Identifier helpers: TS reserved words and the `@pyName` renaming rule. */

/** Words that cannot be used as a declaration name or a parameter name in a .d.ts. */
export const RESERVED = new Set([
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "implements",
  "interface",
  "let",
  "package",
  "private",
  "protected",
  "public",
  "static",
  "yield",
  "await",
  "arguments",
  "eval",
]);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENT.test(name);
}

/** Usable as a binding (declaration/parameter) name. */
export function isBindingName(name: string): boolean {
  return isIdentifier(name) && !RESERVED.has(name);
}

/** A property key: bare when it is an identifier name (reserved words are fine as keys), else quoted. */
export function propKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** The TS binding used for a Python name that is not a usable binding: `<name>_` (documented with @pyName). */
export function bindingName(name: string): string {
  if (isBindingName(name)) return name;
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, "_");
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : `${cleaned}_`;
}

export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** Make text safe inside a JSDoc block. */
export function docSafe(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\r/g, "");
}
