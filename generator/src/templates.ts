/**
 * Hand-written declarations: `generator/templates/*.d.ts`, real declaration files that tsc
 * checks (`generator/templates/tsconfig.json`, part of `npm run build`). Each file holds
 * `declare module "M" { … }` blocks:
 *
 * - an `export`ed declaration is one the generator prints where the schema-driven code asks for
 *   it by name (`declaration(module, name)`); a class's members can be followed by members the
 *   generator adds from the schema (`bpy_prop_collection`'s extra methods);
 * - a non-exported `interface X { … }` adds members to the class `X` the generator emits from
 *   the schema (`AddonPreferences.draw`, `BMVert.layer`); naming a class the generator does not
 *   emit is an error;
 * - `import` declarations say what the declarations refer to in other modules; the generator
 *   imports the same names under the same spelling (an alias it would spell differently is an
 *   error).
 *
 * In a declaration's JSDoc, `{{version}}` is the Blender version of the schema. Only JSDoc comments travel into
 * the typings; `//` comments are for the reader of the template. Everything is parsed with
 * TypeScript's own parser; a syntax error, or a construct a template cannot hold, is reported
 * as `file:line:col - message` (TemplateError).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type * as TS from "typescript";
import type { Imports } from "./context.js";
import { block, printMember, type Member, type Statement } from "./model.js";

/** The folder of the templates (beside `src/` and `dist/`). */
export const TEMPLATES_DIR = resolve(fileURLToPath(new URL("../templates", import.meta.url)));

export class TemplateError extends Error {
  override name = "TemplateError";
}

/** TypeScript through ts-morph (already a dependency): loaded on the first template read. */
let tsModule: typeof TS | undefined;
function typescript(): typeof TS {
  tsModule ??= (createRequire(import.meta.url)("ts-morph") as { ts: typeof TS }).ts;
  return tsModule;
}

interface Located {
  file: string;
  line: number;
  col: number;
}

const where = (l: Located) => `${l.file}:${l.line}:${l.col}`;

/** An import a template declares inside a module block. */
type TemplateImport =
  | { kind: "named"; module: string; name: string; at: Located }
  | { kind: "namespace"; module: string; alias: string; at: Located };

/** An exported declaration, printed where the generator asks for it. */
export interface TemplateDeclaration {
  name: string;
  at: Located;
  /** The declaration's text (JSDoc first) with `{{version}}` filled in and `extra` members last. */
  print(version: string, extra?: readonly Member[]): string;
  /** The same as a module statement (a class or interface is a block). */
  statement(version: string, extra?: readonly Member[]): Statement;
  /** Member keys of a class or interface (what the schema must not declare again). */
  memberNames: Set<string>;
}

interface ModuleTemplate {
  imports: TemplateImport[];
  declarations: Map<string, TemplateDeclaration>;
  /** Class name → members added to the class the generator emits. */
  additions: Map<string, { members: Member[]; at: Located }>;
}

/** Normalize a JSDoc comment's lines to the layout `jsdoc()` prints (` * ` prefixes). */
function normalizeDoc(comment: string): string {
  return comment
    .split("\n")
    .map((l, i) => {
      if (i === 0) return l.trim();
      const t = l.trim();
      return t.startsWith("*") ? ` ${t}` : t;
    })
    .join("\n");
}

const fill = (text: string, version: string) => text.replaceAll("{{version}}", version);

export class Templates {
  private readonly modules = new Map<string, ModuleTemplate>();
  /** Additions the generator has placed (the rest name classes it does not emit). */
  private readonly used = new Set<string>();

  constructor(readonly dir: string = TEMPLATES_DIR) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".d.ts"))
      .sort();
    for (const f of files) this.load(join(dir, f));
  }

  private load(path: string): void {
    const ts = typescript();
    const file = relative(process.cwd(), path) || path;
    const text = readFileSync(path, "utf8");
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const at = (pos: number): Located => {
      const { line, character } = sf.getLineAndCharacterOfPosition(pos);
      return { file, line: line + 1, col: character + 1 };
    };
    const fail = (pos: number, message: string): never => {
      throw new TemplateError(`${where(at(pos))} - ${message}`);
    };
    // The parser's own diagnostics (internal, but what ts-morph and tsc's program read too):
    // syntax errors without building a program for six small files.
    const parseErrors = (sf as unknown as { parseDiagnostics: readonly TS.Diagnostic[] })
      .parseDiagnostics;
    const first = parseErrors[0];
    if (first)
      fail(
        first.start ?? 0,
        `syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, "\n")}`,
      );
    const docs = (node: TS.Node): string[] =>
      (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [])
        .map((r) => text.slice(r.pos, r.end))
        .filter((c) => c.startsWith("/**"))
        .map(normalizeDoc);
    // a declaration's text with its continuation lines moved left by its own indentation
    const dedent = (node: TS.Node): string => {
      const col = sf.getLineAndCharacterOfPosition(node.getStart(sf)).character;
      const indent = new RegExp(`^ {0,${col}}`);
      return node
        .getText(sf)
        .split("\n")
        .map((l, i) => (i === 0 ? l : l.replace(indent, "")))
        .join("\n");
    };
    const withDocs = (node: TS.Node, body: string) => [...docs(node), body].join("\n");
    const memberOf = (m: TS.TypeElement | TS.ClassElement): Member => {
      const name = m.name;
      let key: string;
      if (ts.isConstructorDeclaration(m)) key = "constructor";
      else if (ts.isCallSignatureDeclaration(m)) key = "()";
      else if (ts.isIndexSignatureDeclaration(m)) key = `[${m.parameters[0]?.type?.getText(sf)}]`;
      else if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) key = name.text;
      else if (name && ts.isComputedPropertyName(name)) key = `[${name.expression.getText(sf)}]`;
      else return fail(m.getStart(sf), "a template member needs a name");
      const isStatic =
        ts.canHaveModifiers(m) &&
        (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
      return {
        kind: "template",
        key,
        static: isStatic,
        text: withDocs(m, dedent(m)),
      };
    };
    for (const st of sf.statements) {
      if (
        !ts.isModuleDeclaration(st) ||
        !ts.isStringLiteral(st.name) ||
        !st.body ||
        !ts.isModuleBlock(st.body)
      )
        fail(st.getStart(sf), 'a template holds only `declare module "name" { … }` blocks');
      const decl = st as TS.ModuleDeclaration;
      const moduleName = (decl.name as TS.StringLiteral).text;
      let mod = this.modules.get(moduleName);
      if (!mod) {
        mod = { imports: [], declarations: new Map(), additions: new Map() };
        this.modules.set(moduleName, mod);
      }
      for (const s of (decl.body as TS.ModuleBlock).statements) {
        if (ts.isImportDeclaration(s)) {
          const from = (s.moduleSpecifier as TS.StringLiteral).text;
          const bindings = s.importClause?.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings))
            mod.imports.push({
              kind: "namespace",
              module: from,
              alias: bindings.name.text,
              at: at(s.getStart(sf)),
            });
          else if (bindings && ts.isNamedImports(bindings))
            for (const e of bindings.elements) {
              if (e.propertyName)
                fail(e.getStart(sf), "a template imports names as they are (no `as`)");
              mod.imports.push({
                kind: "named",
                module: from,
                name: e.name.text,
                at: at(e.getStart(sf)),
              });
            }
          else fail(s.getStart(sf), "a template import is `{ A, B }` or `* as name`");
          continue;
        }
        const exported = (ts.canHaveModifiers(s) ? (ts.getModifiers(s) ?? []) : []).some(
          (x) => x.kind === ts.SyntaxKind.ExportKeyword,
        );
        const named = s as TS.Statement & { name?: TS.Node };
        const name = named.name && ts.isIdentifier(named.name) ? named.name.text : undefined;
        if (!name)
          fail(
            s.getStart(sf),
            "a template statement is a named declaration (class, interface, type, function, const)",
          );
        const loc = at(s.getStart(sf));
        if (!exported) {
          if (!ts.isInterfaceDeclaration(s))
            fail(
              s.getStart(sf),
              `\`${name}\`: only an interface adds members to a generated class; export a whole declaration`,
            );
          const i = s as TS.InterfaceDeclaration;
          if (mod.additions.has(name!))
            fail(s.getStart(sf), `members for \`${name}\` are added twice in "${moduleName}"`);
          mod.additions.set(name!, { members: i.members.map(memberOf), at: loc });
          continue;
        }
        if (mod.declarations.has(name!))
          fail(s.getStart(sf), `\`${name}\` is declared twice in "${moduleName}"`);
        let body: TS.NodeArray<TS.ClassElement | TS.TypeElement> | undefined;
        if (ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s)) body = s.members;
        const doc = docs(s);
        const members = body?.map(memberOf) ?? [];
        const head = body ? text.slice(s.getStart(sf), body.pos - 1).trimEnd() : undefined;
        const whole = dedent(s);
        const print = (version: string, extra: readonly Member[] = []): string => {
          const d = doc.map((c) => fill(c, version));
          if (head === undefined) {
            if (extra.length) throw new TemplateError(`${where(loc)} - \`${name}\` has no members`);
            return [...d, whole].join("\n");
          }
          const all = [...members, ...extra];
          return [...d, `${head} {\n${all.map(printMember).join("\n")}\n}`].join("\n");
        };
        mod.declarations.set(name!, {
          name: name!,
          at: loc,
          memberNames: new Set(members.map((m) => (m.kind === "template" ? m.key : ""))),
          print,
          statement: (version, extra) =>
            head === undefined ? print(version, extra) : block(print(version, extra)),
        });
      }
    }
  }

  private module(name: string): ModuleTemplate | undefined {
    return this.modules.get(name);
  }

  /** The exported declaration `name` of module `moduleName` (an error when there is none). */
  declaration(moduleName: string, name: string): TemplateDeclaration {
    const d = this.module(moduleName)?.declarations.get(name);
    if (!d)
      throw new TemplateError(
        `${relative(process.cwd(), this.dir) || this.dir}: no template declares \`${name}\` in module "${moduleName}"`,
      );
    return d;
  }

  /** Members the templates add to the generated class `className` of `moduleName`. */
  additions(moduleName: string, className: string): Member[] {
    const a = this.module(moduleName)?.additions.get(className);
    if (!a) return [];
    this.used.add(`${moduleName}\0${className}`);
    return a.members;
  }

  /**
   * Register the imports the templates of `moduleName` declare with the file's `imports`; an
   * import the generator would spell differently (a namespace alias, a clash with a local
   * name) is an error.
   */
  addImports(moduleName: string, imports: Imports): void {
    for (const i of this.module(moduleName)?.imports ?? []) {
      const spelled =
        i.kind === "named" ? imports.named(i.module, i.name) : imports.namespace(i.module);
      const wanted = i.kind === "named" ? i.name : i.alias;
      if (spelled !== wanted)
        throw new TemplateError(
          `${where(i.at)} - the generator refers to ${i.kind === "named" ? `\`${i.name}\` of` : ""} "${i.module}" as \`${spelled}\` in "${moduleName}", not \`${wanted}\``,
        );
    }
  }

  /**
   * After a generation: additions to a class the generator did not emit (a misspelled or
   * removed class would otherwise drop its members silently) are an error.
   */
  checkAdditionsUsed(): void {
    for (const [moduleName, mod] of this.modules)
      for (const [className, a] of mod.additions)
        if (!this.used.has(`${moduleName}\0${className}`))
          throw new TemplateError(
            `${where(a.at)} - members are added to \`${className}\`, which the generator does not emit in "${moduleName}"`,
          );
  }
}
