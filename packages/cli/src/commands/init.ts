import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { CliError } from "../errors.js";
import { initTsconfig } from "../project.js";
import { resolveTarget } from "../target.js";
import { installedVersions, majorMinor } from "../typings.js";

export interface InitOptions {
  blender?: string;
  target?: string;
}

/** This CLI's package folder, and the checkout around it when it runs from one (not from npm). */
function checkout(): { cli: string; root?: string } {
  const cli = resolve(import.meta.dirname, "../..");
  const root = resolve(cli, "../..");
  const isCheckout =
    existsSync(join(root, "packages", "runner", "package.json")) && existsSync(join(root, ".git"));
  return { cli, root: isCheckout ? root : undefined };
}

const mainTs = `// A bpyts script: TypeScript that compiles to Blender Python.
//   npx bpyts run src/main.ts                     run it in background Blender
//   npx bpyts run src/main.ts --input '{"size":2}' --result
import * as bpy from "bpy";
import { input, setResult } from "bpyts/runtime";

interface Input {
  size?: number;
}

const options = input<Input | null>() ?? {};
const scene = bpy.context.scene;
const names: string[] = [];
for (const obj of scene.objects) {
  names.push(obj.name);
}
console.log(\`Scene "\${scene.name}" has \${names.length} objects: \${names.join(", ")}\`);
setResult({ objects: names, size: options.size ?? 1 });
`;

/** `bpyts init <dir>`: a ready project (package.json, tsconfig, src/main.ts, README). */
export async function init(dir: string, options: InitOptions): Promise<number> {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new CliError("BPY0008", `${dir} exists and is not empty`);
  }
  const detected = majorMinor(await resolveTarget(options.target, options.blender));
  const { cli, root } = checkout();
  const available = installedVersions();
  let version = detected;
  if (available.length && !available.includes(detected)) {
    version = available.at(-1) ?? detected;
    process.stderr.write(
      `warning: no typings for Blender ${detected} in this bpyts; using ${version}\n`,
    );
  }
  const typingsPkg = `@bpyts/blender-${version}`;
  const { version: bpytsVersion } = JSON.parse(readFileSync(join(cli, "package.json"), "utf8")) as {
    version: string;
  };
  const deps: Record<string, string> = root
    ? {
        // Not published to a registry: link this checkout's packages.
        bpyts: `file:${cli}`,
        "@bpyts/runner": `file:${join(root, "packages", "runner")}`,
        [typingsPkg]: `file:${join(root, "packages", `blender-${version}`)}`,
      }
    : {
        bpyts: `^${bpytsVersion}`,
        "@bpyts/runner": `^${bpytsVersion}`,
        [typingsPkg]: `~${version}.0`,
      };
  const name =
    basename(target)
      .toLowerCase()
      .replace(/[^a-z0-9-_.]/g, "-") || "bpyts-project";
  await mkdir(join(target, "src"), { recursive: true });
  const files: Record<string, string> = {
    "package.json": `${JSON.stringify(
      {
        name,
        version: "0.1.0",
        private: true,
        type: "module",
        scripts: {
          start: "bpyts run src/main.ts",
          check: "bpyts check src/main.ts",
          build: "bpyts build src/main.ts -o dist/main.py",
          watch: "bpyts watch src/main.ts",
        },
        devDependencies: deps,
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(initTsconfig(typingsPkg), null, 2)}\n`,
    "src/main.ts": mainTs,
    ".gitignore": "node_modules/\ndist/\n",
    "README.md": `# ${name}

Blender automation in TypeScript with [bpyts](https://github.com/) — typed against Blender ${version}.

\`\`\`sh
npm install
npx bpyts run src/main.ts                               # compile and run in background Blender
npx bpyts run src/main.ts --input '{"size": 2}' --result # JSON in, JSON result out
npx bpyts check src/main.ts                             # type-check only
npx bpyts build src/main.ts -o dist/main.py             # write the Python (+ .py.map)
npx bpyts watch src/main.ts                             # rerun on change (warm Blender)
\`\`\`

Blender is found through \`--blender <path>\`, \`$BLENDER\`, then \`PATH\`. \`bpy\` comes from
\`${typingsPkg}\`; \`input()\`, \`setResult()\` and \`args\` from \`"bpyts/runtime"\`.
`,
  };
  for (const [rel, text] of Object.entries(files)) await writeFile(join(target, rel), text);
  process.stdout.write(
    `created ${dir} for Blender ${version}\nnext: cd ${dir} && npm install && npx bpyts run src/main.ts\n`,
  );
  return 0;
}
