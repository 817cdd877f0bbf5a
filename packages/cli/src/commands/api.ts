// Commands backed by the other packages' public APIs: @bpyts/introspect and @bpyts/generator.
// They are loaded on demand, so `bpyts run` does not pay for ts-morph/prettier at start-up.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { IntrospectOptions } from "@bpyts/introspect";
import { CliError } from "../errors.js";
import { checkOutputPath, writeOutputs } from "../output.js";

async function loadSchemaFile(path: string) {
  const { loadSchema } = await import("@bpyts/introspect");
  try {
    return await loadSchema(resolve(path));
  } catch (e) {
    throw new CliError(
      "BPY0011",
      // the validator lists the first problems, each at its JSON path
      `not a valid schema: ${(e as Error).message}`,
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
  // The executables are inputs too: `-o` must not replace the Blender being run.
  const inputs = [options.blender, options.python].filter((p): p is string => !!p);
  if (options.out) await checkOutputPath(options.out, inputs);
  // introspect() writes its dump (gzipped for .gz) into a private folder; the CLI's writer then
  // puts it in place, so -o gets the same refusals and atomicity as every other output.
  const scratch = options.out ? await mkdtemp(join(tmpdir(), "bpyts-introspect-out-")) : undefined;
  try {
    const dump =
      scratch && join(scratch, options.out!.endsWith(".gz") ? "schema.json.gz" : "schema.json");
    const opts: IntrospectOptions = {
      blender: options.blender,
      python: options.python,
      output: dump,
      addons: options.addons
        ?.split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    };
    const schema = await introspect(opts).catch((e: unknown) => {
      if (e instanceof IntrospectError)
        throw new CliError("BPY0009", e.message.split("\n")[0] ?? e.message);
      throw e;
    });
    if (!options.out || !dump) {
      process.stdout.write(`${JSON.stringify(schema)}\n`);
      return 0;
    }
    await writeOutputs([{ path: options.out, data: await readFile(dump) }], { inputs });
    process.stderr.write(
      `wrote the Blender ${schema.blender.versionString} API to ${options.out}\n`,
    );
    return 0;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** `bpyts generate <schema> -o <dir>`: schema → typings package. */
export async function generateCommand(
  schemaPath: string,
  options: { out: string },
): Promise<number> {
  const schema = await loadSchemaFile(schemaPath);
  const { generate, OutputFolderError } = await import("@bpyts/generator");
  try {
    const result = await generate(schema, resolve(options.out), {
      writeFile: (path, text) => writeOutputs([{ path, data: text }], { inputs: [schemaPath] }),
    });
    process.stderr.write(
      `wrote ${result.files.length} files for Blender ${result.version} to ${options.out}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof OutputFolderError) throw new CliError("BPY0027", e.message);
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
  if (options.out) await checkOutputPath(options.out, [a, b]);
  const [from, to] = [await loadSchemaFile(a), await loadSchemaFile(b)];
  const { apiDiff, formatApiDiff } = await import("@bpyts/generator");
  const markdown = formatApiDiff(apiDiff(from, to));
  if (options.out) await writeOutputs([{ path: options.out, data: markdown }], { inputs: [a, b] });
  else process.stdout.write(markdown.endsWith("\n") ? markdown : `${markdown}\n`);
  return 0;
}
