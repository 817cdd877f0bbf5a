import { z } from "zod";
import { FORMAT_VERSION, type Schema } from "./schema.js";

/** One problem found in a schema document, with a JSON path like `structs[12].properties[3].type`. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** The document is not a valid bpyts schema; `issues` lists every problem (the message the first ones). */
export class SchemaValidationError extends Error {
  override name = "SchemaValidationError";
  constructor(
    message: string,
    readonly issues: SchemaIssue[],
  ) {
    super(message);
  }
}

/** The document is a bpyts schema of another `formatVersion` (or not a bpyts schema at all). */
export class SchemaFormatVersionError extends SchemaValidationError {
  override name = "SchemaFormatVersionError";
}

const num = z.union([z.number(), z.literal("inf"), z.literal("-inf"), z.literal("nan")]);
const flag = z.literal(true).optional();
const str = z.string();

const propertyBase = {
  identifier: str,
  name: str,
  description: str,
  subtype: str,
  unit: str,
  readonly: flag,
  neverNone: flag,
  required: flag,
  output: flag,
  argumentOptional: flag,
  registered: flag,
  registeredOptional: flag,
  animatable: flag,
  hidden: flag,
  skipSave: flag,
  runtime: flag,
  libraryEditable: flag,
  pathOutput: flag,
};
const arrayFields = {
  arrayLength: z.number().int().nonnegative(),
  arrayDimensions: z.array(z.number().int().positive()).optional(),
};
const numeric = {
  hardMin: num,
  hardMax: num,
  softMin: num,
  softMax: num,
  step: num,
};

export const PROPERTY_TYPES = [
  "boolean",
  "int",
  "float",
  "string",
  "enum",
  "pointer",
  "collection",
] as const;

const property = z.discriminatedUnion("type", [
  z.object({
    ...propertyBase,
    ...arrayFields,
    type: z.literal("boolean"),
    default: z.union([z.boolean(), z.array(z.boolean())]),
  }),
  z.object({
    ...propertyBase,
    ...arrayFields,
    ...numeric,
    type: z.literal("int"),
    default: z.union([num, z.array(num)]),
  }),
  z.object({
    ...propertyBase,
    ...arrayFields,
    ...numeric,
    type: z.literal("float"),
    default: z.union([num, z.array(num)]),
    precision: z.number().int(),
  }),
  z.object({
    ...propertyBase,
    type: z.literal("string"),
    default: str,
    maxLength: z.number().int().nonnegative(),
  }),
  z.object({
    ...propertyBase,
    type: z.literal("enum"),
    enum: str,
    dynamic: flag,
    flag: flag,
    default: z.union([str, z.array(str)]),
  }),
  z.object({ ...propertyBase, type: z.literal("pointer"), fixedType: str }),
  z.object({
    ...propertyBase,
    type: z.literal("collection"),
    fixedType: str,
    srna: str.optional(),
  }),
]);

const rnaFunction = z.object({
  identifier: str,
  description: str,
  kind: z.enum(["method", "classmethod", "staticmethod"]),
  useSelf: z.boolean(),
  useSelfType: z.boolean(),
  parameters: z.array(property),
  returns: z.array(property),
  registered: flag,
  registeredOptional: flag,
});

const typeSource = z.enum(["docstring", "override", "runtime", "inferred", "unknown"]);

const pyFunction = z.object({
  name: str,
  kind: z.enum(["function", "method", "classmethod", "staticmethod", "contextmanager"]),
  signature: str.nullable(),
  signatureSource: z.enum(["inspect", "docstring", "unknown"]),
  parameters: z.array(
    z.object({
      name: str,
      kind: z.enum([
        "positional_only",
        "positional_or_keyword",
        "var_positional",
        "keyword_only",
        "var_keyword",
      ]),
      default: str.optional(),
      type: str.optional(),
      typeSource,
      description: str.optional(),
    }),
  ),
  returns: z.object({
    type: str.optional(),
    typeSource,
    description: str.optional(),
    returnsValue: z.boolean().optional(),
  }),
  doc: str,
});

const scalar = z.union([str, z.number(), z.boolean()]);

const pyAttribute = z.object({
  name: str,
  kind: z.enum(["property", "constant"]),
  type: str.optional(),
  typeSource,
  value: scalar.optional(),
  readonly: flag,
  doc: str,
});

const pyClass = z.object({
  name: str,
  bases: z.array(str),
  doc: str,
  constructor: pyFunction.nullable(),
  methods: z.array(pyFunction),
  attributes: z.array(pyAttribute),
  operators: z.array(str),
});

const pyModule = z.object({
  name: str,
  doc: str,
  importError: str.optional(),
  classes: z.array(pyClass),
  functions: z.array(pyFunction),
  attributes: z.array(pyAttribute),
  submodules: z.array(str),
});

const pythonMember = z.object({
  name: str,
  kind: z.enum([
    "method",
    "classmethod",
    "staticmethod",
    "contextmanager",
    "property",
    "attribute",
  ]),
  function: pyFunction.optional(),
  type: str.optional(),
  typeSource: typeSource.optional(),
  readonly: flag,
  doc: str,
  definedIn: str,
});

const struct = z.object({
  identifier: str,
  name: str,
  description: str,
  base: str.nullable(),
  nested: str.nullable(),
  isID: z.boolean(),
  nameProperty: str.optional(),
  inBpyTypes: z.boolean(),
  properties: z.array(property),
  functions: z.array(rnaFunction),
  python: z.array(pythonMember),
});

const enumDef = z.object({
  source: z.enum(["rna", "generated"]),
  cName: str.optional(),
  items: z.array(
    z.object({
      identifier: str,
      name: str,
      description: str,
      value: z.number().int().optional(),
      icon: str.optional(),
    }),
  ),
});

const operator = z.object({
  idname: str,
  rnaIdentifier: str,
  name: str,
  description: str,
  options: z.array(str),
  python: flag,
  properties: z.array(property),
});

/** The zod schema of the whole document (structure only; see `validateSchema` for references). */
export const schemaValidator = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  blender: z.object({
    version: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
    versionString: str,
    python: str,
  }),
  addons: z.array(str),
  structs: z.array(struct),
  enums: z.record(str, enumDef),
  operators: z.array(operator),
  context: z.array(
    z.object({
      name: str,
      type: str,
      typeKind: z.enum(["struct", "python"]),
      collection: z.boolean(),
      sources: z.array(str),
    }),
  ),
  data: str,
  app: z.object({
    fields: z.array(
      z.object({
        name: str,
        pyType: str,
        doc: str,
        value: z.union([scalar, z.array(scalar)]).optional(),
      }),
    ),
    handlers: z.array(str),
  }),
  modules: z.array(pyModule),
});

/** `structs[12].properties[3].type` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(root)";
}

const describeValue = (v: unknown): string =>
  v === undefined
    ? "undefined"
    : v === null
      ? "null"
      : Array.isArray(v)
        ? "array"
        : typeof v === "object"
          ? "object"
          : JSON.stringify(v);

function issueMessage(issue: z.core.$ZodIssue, doc: unknown): SchemaIssue {
  const path = [...issue.path];
  let message = issue.message;
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator) {
    // A property whose `type` is not one of the known kinds.
    const disc = String(issue.discriminator);
    if (path[path.length - 1] !== disc) path.push(disc);
    let value: unknown = doc;
    for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    message = `expected one of ${PROPERTY_TYPES.map((t) => JSON.stringify(t)).join(", ")}, got ${describeValue(value)}`;
  } else if (issue.code === "invalid_type") {
    let value: unknown = doc;
    for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    message =
      value === undefined
        ? `missing required field (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${describeValue(value)}`;
  } else if (issue.code === "invalid_value") {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return { path: formatPath(path), message };
}

function fail(issues: SchemaIssue[], source?: string): never {
  const shown = issues.slice(0, 10).map((i) => `  ${i.path}: ${i.message}`);
  if (issues.length > 10) shown.push(`  … and ${issues.length - 10} more`);
  throw new SchemaValidationError(
    `invalid bpyts schema${source ? ` ${source}` : ""} (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${shown.join("\n")}`,
    issues,
  );
}

/** Cross-references: every struct/enum named in the document exists. */
function checkReferences(doc: Schema): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const structs = new Set(doc.structs.map((s) => s.identifier));
  // Macro operators have pointer properties to their sub-operators' property structs.
  const targets = new Set([...structs, ...doc.operators.map((o) => o.rnaIdentifier)]);
  const checkProps = (props: Schema["structs"][number]["properties"], at: string) => {
    props.forEach((p, i) => {
      const here = `${at}[${i}]`;
      if ((p.type === "pointer" || p.type === "collection") && !targets.has(p.fixedType))
        issues.push({
          path: `${here}.fixedType`,
          message: `unknown struct ${JSON.stringify(p.fixedType)}`,
        });
      if (p.type === "collection" && p.srna !== undefined && !structs.has(p.srna))
        issues.push({ path: `${here}.srna`, message: `unknown struct ${JSON.stringify(p.srna)}` });
      if (p.type === "enum" && !Object.hasOwn(doc.enums, p.enum))
        issues.push({ path: `${here}.enum`, message: `unknown enum ${JSON.stringify(p.enum)}` });
    });
  };
  doc.structs.forEach((s, i) => {
    if (s.base !== null && !structs.has(s.base))
      issues.push({
        path: `structs[${i}].base`,
        message: `unknown struct ${JSON.stringify(s.base)}`,
      });
    checkProps(s.properties, `structs[${i}].properties`);
    s.functions.forEach((f, j) => {
      checkProps(f.parameters, `structs[${i}].functions[${j}].parameters`);
      checkProps(f.returns, `structs[${i}].functions[${j}].returns`);
    });
  });
  doc.operators.forEach((o, i) => checkProps(o.properties, `operators[${i}].properties`));
  doc.context.forEach((c, i) => {
    if (c.typeKind === "struct" && !structs.has(c.type))
      issues.push({
        path: `context[${i}].type`,
        message: `unknown struct ${JSON.stringify(c.type)}`,
      });
  });
  return issues;
}

/**
 * Validate a parsed document; returns it typed, or throws SchemaValidationError (precise JSON
 * paths) / SchemaFormatVersionError (another formatVersion). `source` names the file in messages.
 */
export function validateSchema(doc: unknown, source?: string): Schema {
  const where = source ? ` ${source}` : "";
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new SchemaFormatVersionError(
      `not a bpyts schema${where}: expected a JSON object, got ${describeValue(doc)}`,
      [{ path: "(root)", message: `expected object, got ${describeValue(doc)}` }],
    );
  }
  const version = (doc as Record<string, unknown>)["formatVersion"];
  if (version !== FORMAT_VERSION) {
    const message =
      version === undefined
        ? `not a bpyts schema${where}: missing formatVersion`
        : `unsupported bpyts schema formatVersion ${JSON.stringify(version)}${where}: this bpyts reads formatVersion ${FORMAT_VERSION}; regenerate the schema with \`bpyts introspect\``;
    throw new SchemaFormatVersionError(message, [{ path: "formatVersion", message }]);
  }
  const result = schemaValidator.safeParse(doc);
  if (!result.success)
    fail(
      result.error.issues.map((i) => issueMessage(i, doc)),
      source,
    );
  // Return the input itself (zod's copy would cost time and drop fields added by newer writers).
  const schema = doc as Schema;
  const refs = checkReferences(schema);
  if (refs.length) fail(refs, source);
  return schema;
}
