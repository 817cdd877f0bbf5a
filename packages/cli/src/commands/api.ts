// Commands backed by the other packages' public APIs: @bpyts/introspect and @bpyts/generator.
// They are loaded on demand, so `bpyts run` does not pay for ts-morph/prettier at start-up.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { IntrospectOptions } from "@bpyts/introspect";
import { CliError } from "../errors.js";

async function loadSchemaFile(path: string) {
  const { loadSchema } = await import("@bpyts/introspect");
  try {
    return await loadSchema(resolve(path));
  } catch (e) {
    throw new CliError(
      "BPY0011",
      `not a valid schema: ${(e as Error).message.split("\n")[0]}`,
      resolve(path),
    );
  }
}

/** `bpyts introspect`: dump a Blender's Python API as a schema (stdout or -o). */
export async function introspectCommand(options: {
  blender?: string;
  python?: string;
  out?: string;
  addons?: string;
}): Promise<number> {
  const { introspect, IntrospectError } = await import("@bpyts/introspect");
  const opts: IntrospectOptions = {
    blender: options.blender,
    python: options.python,
    output: options.out && resolve(options.out),
    addons: options.addons
      ?.split(",")
      .map((a) => a.trim())
      .filter(Boolean),
  };
  try {
    const schema = await introspect(opts);
    if (!options.out) process.stdout.write(`${JSON.stringify(schema)}\n`);
    else
      process.stderr.write(
        `wrote the Blender ${schema.blender.versionString} API to ${options.out}\n`,
      );
    return 0;
  } catch (e) {
    if (e instanceof IntrospectError)
      throw new CliError("BPY0009", e.message.split("\n")[0] ?? e.message);
    throw e;
  }
}

/** `bpyts generate <schema> -o <dir>`: schema → typings package. */
export async function generateCommand(
  schemaPath: string,
  options: { out: string },
): Promise<number> {
  const schema = await loadSchemaFile(schemaPath);
  const { generate } = await import("@bpyts/generator");
  try {
    const result = await generate(schema, resolve(options.out));
    process.stderr.write(
      `wrote ${result.files.length} files for Blender ${result.version} to ${options.out}\n`,
    );
    return 0;
  } catch (e) {
    throw new CliError(
      (e as { code?: unknown }).code === "BPY0011" ? "BPY0011" : "BPY0010",
      `cannot generate typings: ${(e as Error).message}`,
    );
  }
}

/** `bpyts api-diff <a> <b>`: what changed between two Blender APIs, as Markdown. */
export async function apiDiffCommand(
  a: string,
  b: string,
  options: { out?: string },
): Promise<number> {
  const [from, to] = [await loadSchemaFile(a), await loadSchemaFile(b)];
  const { apiDiff, formatApiDiff } = await import("@bpyts/generator");
  const markdown = formatApiDiff(apiDiff(from, to));
  if (options.out) await writeFile(resolve(options.out), markdown);
  else process.stdout.write(markdown.endsWith("\n") ? markdown : `${markdown}\n`);
  return 0;
}
