export { generate, buildFiles, renderFiles } from "./generate.js";
export type { GenerateOptions, GenerateResult, GeneratedFile } from "./generate.js";
export { apiDiff, formatApiDiff } from "./diff.js";
export type { ApiDiff, DiffSection } from "./diff.js";
export { mapText } from "./rst.js";
export { MANIFEST_NAME, OutputFolderError } from "./write.js";
export type { WriteFileFn } from "./write.js";
export { SchemaNameError } from "./schema-names.js";
export { TemplateError, Templates, TEMPLATES_DIR } from "./templates.js";
