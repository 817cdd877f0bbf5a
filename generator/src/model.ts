/**
 * The member model: what a declaration consists of (classes, interfaces, their properties,
 * accessors, methods, parameters, overloads, docs) as data, printed once by `printMember` /
 * `printClass`. The emitters (rna.ts, pymod.ts, props.ts, mathutils.ts, generate.ts) build
 * these values; nothing reads printed text back. Type expressions are text built by the emitters
 * (their references already resolved through the file's `Imports`), except object literal types
 * whose fields are members themselves (`KwArgs<{ … }>`, operator options), which are data too.
 *
 * Why a small printer and not ts-morph's structure printer or `ts.factory` + `ts.createPrinter`:
 * the output is formatted by prettier afterwards, so a printer only has to give prettier the
 * right tokens, comments and blank lines; ts-morph cost ~1 s per version for the same text and
 * `ts.factory` nodes for ~200,000 members plus JSDoc trivia cost more than the strings they
 * produce (generator/README.md).
 */
import { docSafe, propKey } from "./naming.js";

/** JSDoc of a member: a block (`/**\n * …\n *\/`) or, `inline`, one line (`/** … *\/`). */
export type Doc = string | { inline: string };

/** A type: text, or an object literal type whose fields are members (`{ a?: number; … }`). */
export type Type = string | ObjectType;

export interface ObjectType {
  kind: "object";
  fields: Member[];
  /** Printed as `wrapper<{ … }>` (the `KwArgs` marker, under its local name). */
  wrapper?: string;
}

export interface Param {
  name: string;
  type: Type;
  optional?: boolean;
  /** `...name: type` */
  rest?: boolean;
}

interface MemberBase {
  doc?: Doc;
}

export interface PropertyMember extends MemberBase {
  kind: "property";
  name: string;
  type: Type;
  static?: boolean;
  readonly?: boolean;
  optional?: boolean;
}

export interface GetterMember extends MemberBase {
  kind: "get";
  name: string;
  type: Type;
}

export interface SetterMember extends MemberBase {
  kind: "set";
  name: string;
  type: Type;
}

export interface MethodMember extends MemberBase {
  kind: "method";
  name: string;
  params: Param[];
  returns: Type;
  static?: boolean;
  optional?: boolean;
  /** Type parameters, without the angle brackets (`const I extends readonly X[]`). */
  typeParams?: string;
  /** `name` is an expression, printed `[name]` (`Symbol.iterator`). */
  computed?: boolean;
}

export interface ConstructorMember extends MemberBase {
  kind: "constructor";
  params: Param[];
  protected?: boolean;
}

/** `[index: number]: T` */
export interface IndexMember extends MemberBase {
  kind: "index";
  key: string;
  keyType: string;
  type: Type;
  readonly?: boolean;
}

/** A member taken verbatim from a `.d.ts` template (templates.ts): its key and its text. */
export interface TemplateMember extends MemberBase {
  kind: "template";
  key: string;
  static?: boolean;
  text: string;
}

export type Member =
  | PropertyMember
  | GetterMember
  | SetterMember
  | MethodMember
  | ConstructorMember
  | IndexMember
  | TemplateMember;

/** A class or interface declaration. */
export interface ClassDecl {
  kind: "class" | "interface";
  name: string;
  doc?: Doc;
  typeParams?: string;
  extends?: string;
  members: Member[];
}

export function blockDoc(text: string): string {
  const body = docSafe(text)
    .split("\n")
    .map((l) => (l ? ` * ${l}` : " *"))
    .join("\n");
  return `/**\n${body}\n */`;
}

function printDoc(doc: Doc | undefined): string {
  if (doc === undefined) return "";
  if (typeof doc === "string") return `${blockDoc(doc)}\n`;
  return `/** ${docSafe(doc.inline)} */\n`;
}

export function printType(t: Type): string {
  if (typeof t === "string") return t;
  const body = `{\n${t.fields.map(printMember).join("\n")}\n}`;
  return t.wrapper ? `${t.wrapper}<${body}>` : body;
}

function printParam(p: Param): string {
  return `${p.rest ? "..." : ""}${p.name}${p.optional ? "?" : ""}: ${printType(p.type)}`;
}

export function printParams(params: readonly Param[]): string {
  return params.map(printParam).join(", ");
}

/** A member's text, JSDoc included. */
export function printMember(m: Member): string {
  return printDoc(m.doc) + printDecl(m);
}

function printDecl(m: Member): string {
  switch (m.kind) {
    case "property":
      return `${m.static ? "static " : ""}${m.readonly ? "readonly " : ""}${propKey(m.name)}${m.optional ? "?" : ""}: ${printType(m.type)};`;
    case "get":
      return `get ${propKey(m.name)}(): ${printType(m.type)};`;
    case "set":
      return `set ${propKey(m.name)}(value: ${printType(m.type)});`;
    case "method":
      return `${m.static ? "static " : ""}${m.computed ? `[${m.name}]` : propKey(m.name)}${m.optional ? "?" : ""}${m.typeParams ? `<${m.typeParams}>` : ""}(${printParams(m.params)}): ${printType(m.returns)};`;
    case "constructor":
      return `${m.protected ? "protected " : ""}constructor(${printParams(m.params)});`;
    case "index":
      return `${m.readonly ? "readonly " : ""}[${m.key}: ${m.keyType}]: ${printType(m.type)};`;
    case "template":
      return m.text;
  }
}

/**
 * The name members are grouped and compared by: a getter and its setter share one, static
 * members are apart from instance ones.
 */
export function memberKey(m: Member): string {
  switch (m.kind) {
    case "constructor":
      return "constructor";
    case "index":
      return `[${m.keyType}]`;
    case "template":
      return `${m.static ? "static " : ""}${m.key}`;
    case "get":
    case "set":
      return m.name;
    case "method":
      return `${m.static ? "static " : ""}${m.computed ? `[${m.name}]` : m.name}`;
    default:
      return `${m.static ? "static " : ""}${m.name}`;
  }
}

export function isStatic(m: Member): boolean {
  return "static" in m && m.static === true;
}

/** A class or interface; `body`: its members already printed (generate.ts prints a struct's once). */
export function printClass(
  c: ClassDecl,
  body: readonly string[] = c.members.map(printMember),
): string {
  const head = `export ${c.kind} ${c.name}${c.typeParams ? `<${c.typeParams}>` : ""}${c.extends ? ` extends ${c.extends}` : ""}`;
  return `${printDoc(c.doc)}${head} {\n${body.join("\n")}\n}`;
}

/** An object type's fields are all optional (an index signature counts as optional). */
export function allOptional(fields: readonly Member[]): boolean {
  return fields.every((f) => f.kind === "index" || ("optional" in f && f.optional === true));
}

/** A module-level function declaration (`export function name<T>(…): R;`). */
export interface FunctionDecl {
  name: string;
  doc?: Doc;
  typeParams?: string;
  params: Param[];
  returns: Type;
}

export function printFunction(f: FunctionDecl): string {
  return `${printDoc(f.doc)}export function ${f.name}${f.typeParams ? `<${f.typeParams}>` : ""}(${printParams(f.params)}): ${printType(f.returns)};`;
}

/**
 * A module-level statement, printed. `{ block }`: one that ends with a body (`class X { … }`,
 * `namespace m { … }`), after which the file printer leaves a blank line.
 */
export type Statement = string | { block: string };

export function block(text: string): Statement {
  return { block: text };
}

export function statementText(s: Statement): string {
  return typeof s === "string" ? s : s.block;
}

export function isBlock(s: Statement): boolean {
  return typeof s !== "string";
}
