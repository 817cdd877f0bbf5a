export * from "./schema.js";
export {
  validateSchema,
  schemaValidator,
  formatPath,
  PROPERTY_TYPES,
  SchemaValidationError,
  SchemaFormatVersionError,
} from "./validate.js";
export type { SchemaIssue } from "./validate.js";
export { loadSchema, parseSchema, SchemaReadError } from "./load.js";
export {
  introspect,
  introspectArgs,
  IntrospectError,
  PYTHON_DIR,
  DUMPER_SCRIPT,
} from "./introspect.js";
export type { IntrospectOptions } from "./introspect.js";
