import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import type { Schema } from "./schema.js";
import { SchemaValidationError, validateSchema } from "./validate.js";

/** The schema file cannot be read, decompressed or parsed (before validation). */
export class SchemaReadError extends SchemaValidationError {
  override name = "SchemaReadError";
}

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Parse (and gunzip if needed) schema bytes; `source` names the file in error messages. */
export function parseSchema(bytes: Uint8Array, source = "<buffer>"): Schema {
  let text: string;
  if (isGzip(bytes) || source.endsWith(".gz")) {
    try {
      text = gunzipSync(bytes).toString("utf8");
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new SchemaReadError(`corrupt gzip in bpyts schema ${source}: ${why}`, [
        { path: "(root)", message: `corrupt gzip: ${why}` },
      ]);
    }
  } else {
    text = Buffer.from(bytes).toString("utf8");
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new SchemaReadError(`invalid JSON in bpyts schema ${source} (truncated?): ${why}`, [
      { path: "(root)", message: `invalid JSON: ${why}` },
    ]);
  }
  return validateSchema(doc, source);
}

/** Read a schema from a `.json` or `.json.gz` file and validate it. */
export async function loadSchema(path: string): Promise<Schema> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new SchemaReadError(`cannot read bpyts schema ${path}: ${why}`, [
      { path: "(root)", message: why },
    ]);
  }
  return parseSchema(bytes, path);
}
