import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError } from "../errors.js";
import { initTsconfig } from "../project.js";
import { resolveTarget } from "../target.js";
import { installedVersions, majorMinor, nearestVersion } from "../typings.js";

export interface InitOptions {
  blender?: string;
  target?: string;
  /** A bpyts checkout or a folder of packed bpyts tarballs to depend on instead of the registry. */
  local?: string;
}

const mainTs = `// A bpyts script: TypeScript that compiles to Blender Python.
//   npm start                                  run it in background Blender (bpyts run)
//   npx bpyts run src/main.ts --input '{"size":2}' --result
import * as bpy from "bpy";
import { input, setResult } from "bpyts/runtime";

interface Input {
  size?: number;
}

const options = input<Input>({}); // --input JSON, or this fallback
const scene = bpy.context.scene;
const names: string[] = [];
for (const obj of scene.objects) {
  names.push(obj.name);
}
console.log(\`Scene "\${scene.name}" has \${names.length} objects: \${names.join(", ")}\`);
setResult({ objects: names, size: options.size ?? 1 });
`;

/** The bpyts CLI package's own folder and manifest. */
function cliPackage(): { dir: string; version: string } {
  const dir = resolve(import.meta.dirname, "../..");
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    version: string;
  };
  return { dir, version };
}

/** The TypeScript the compiler checks with, as a version range (@bpyts/compiler's dependency). */
function typescriptRange(): string {
  const compilerMain = fileURLToPath(import.meta.resolve("@bpyts/compiler"));
  const pkg = JSON.parse(readFileSync(resolve(compilerMain, "../../package.json"), "utf8")) as {
    dependencies: { typescript: string };
  };
  return pkg.dependencies.typescript;
}

/** `file:` spec of `target` as seen from the project folder: relative, POSIX separators. */
function fileSpec(project: string, target: string): string {
  const rel = relative(project, target).split(sep).join("/");
  return `file:${rel.startsWith(".") ? rel : `./${rel}`}`;
}

const TARBALL = /^bpyts-(?:(.+)-)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.tgz$/;

/**
 * Dependencies on a local bpyts instead of the registry: a checkout (its workspace folders are
 * linked) or a folder of `npm pack` tarballs (each bpyts package listed, so npm takes them instead
 * of looking them up in the registry).
 */
function localDependencies(project: string, local: string, typingsPkg: string) {
  const from = resolve(local);
  if (!existsSync(from) || !statSync(from).isDirectory()) {
    throw new CliError("BPY0008", `--local ${local}: not a folder`);
  }
  const cliDir = join(from, "packages", "cli");
  if (existsSync(join(cliDir, "package.json"))) {
    const typingsDir = join(from, "packages", typingsPkg.slice("@bpyts/".length));
    if (!existsSync(join(typingsDir, "package.json"))) {
      throw new CliError("BPY0008", `--local ${local}: this checkout has no ${typingsPkg}`);
    }
    return { bpyts: fileSpec(project, cliDir), [typingsPkg]: fileSpec(project, typingsDir) };
  }
  const deps: Record<string, string> = {};
  for (const file of readdirSync(from).sort()) {
    const m = TARBALL.exec(file);
    if (m) deps[m[1] ? `@bpyts/${m[1]}` : "bpyts"] = fileSpec(project, join(from, file));
  }
  if (!deps.bpyts || !deps[typingsPkg]) {
    throw new CliError(
      "BPY0008",
      `--local ${local}: neither a bpyts checkout nor a folder with bpyts-<version>.tgz and the ${typingsPkg} tarball (npm pack)`,
    );
  }
  return deps;
}

/** A path as a POSIX shell word (for the printed `cd` hint). */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

const vscodeTasks = {
  version: "2.0.0",
  tasks: ["check", "build", "start", "watch"].map((script) => ({
    label: `bpyts: ${script}`,
    type: "npm",
    script,
    ...(script === "check" ? { group: { kind: "build", isDefault: true } } : {}),
    ...(script === "watch" ? { isBackground: true } : {}),
    // `file:line:col - error BPY1234: message`, as bpyts and tsc print them.
    problemMatcher: {
      owner: "bpyts",
      fileLocation: ["relative", "${workspaceFolder}"],
      pattern: {
        regexp: "^(.+?):(\\d+):(\\d+) - (error|warning) ((?:BPY|TS)\\d+): (.*)$",
        file: 1,
        line: 2,
        column: 3,
        severity: 4,
        code: 5,
        message: 6,
      },
    },
  })),
};

/**
 * Debug configurations. The `bpyts` type is registered by the small extension in
 * packages/vscode (VS Code knows a debug type only from an extension); other DAP clients run
 * `npx bpyts debug` themselves (docs/debugging.md).
 */
const vscodeLaunch = {
  version: "0.2.0",
  configurations: [
    {
      name: "bpyts: debug src/main.ts in Blender",
      type: "bpyts",
      request: "launch",
      program: "${workspaceFolder}/src/main.ts",
    },
    {
      name: "bpyts: connect to `bpyts run --debug --debug-port 4711`",
      type: "bpyts",
      request: "launch",
      debugServer: 4711,
    },
  ],
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `bpyts init <dir>`: a ready project (package.json, tsconfig, src/main.ts, editor settings). */
export async function init(dir: string, options: InitOptions): Promise<number> {
  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      throw new CliError("BPY0008", `${dir} exists and is not a folder`);
    }
    if (readdirSync(target).length > 0) {
      throw new CliError("BPY0008", `${dir} exists and is not empty`);
    }
  }
  const detected = majorMinor(await resolveTarget(options.target, options.blender));
  const available = installedVersions();
  let version = detected;
  if (!available.includes(detected)) {
    version = nearestVersion(detected, available);
    process.stderr.write(
      `warning: bpyts has no typings for Blender ${detected} (it has ${available.join(", ")}); ` +
        `using the nearest, ${version}. Typings for any Blender: bpyts introspect + bpyts generate\n`,
    );
  }
  const typingsPkg = `@bpyts/blender-${version}`;
  const { version: bpytsVersion } = cliPackage();
  const deps: Record<string, string> = {
    ...(options.local
      ? localDependencies(target, options.local, typingsPkg)
      : { bpyts: `^${bpytsVersion}`, [typingsPkg]: `~${version}.0` }),
    typescript: typescriptRange(),
  };
  const name =
    basename(target)
      .toLowerCase()
      .replace(/[^a-z0-9-_.]/g, "-")
      .replace(/^[._]+/, "") || "bpyts-project";
  const files: Record<string, string> = {
    "package.json": json({
      name,
      version: "0.1.0",
      private: true,
      type: "module",
      scripts: {
        check: "bpyts check",
        build: "bpyts build",
        start: "bpyts run src/main.ts",
        watch: "bpyts watch src/main.ts",
      },
      devDependencies: Object.fromEntries(
        Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)),
      ),
    }),
    "tsconfig.json": json(initTsconfig(typingsPkg)),
    "src/main.ts": mainTs,
    ".gitignore": "node_modules/\ndist/\n",
    ".vscode/settings.json": json({
      // The editor type-checks with the project's TypeScript, the version bpyts compiles with.
      "typescript.tsdk": "node_modules/typescript/lib",
      "typescript.enablePromptUseWorkspaceTsdk": true,
    }),
    ".vscode/tasks.json": json(vscodeTasks),
    ".vscode/launch.json": json(vscodeLaunch),
    "README.md": `# ${name}

Blender automation in TypeScript with bpyts, type-checked against Blender ${version}
(\`${typingsPkg}\`).

\`\`\`sh
npm install
npm start                                               # bpyts run src/main.ts: run it in background Blender
npx bpyts run src/main.ts --input '{"size": 2}' --result # JSON in, JSON result out
npm run check                                           # type-check the whole project
npm run build                                           # every entry to dist/ (main.py + .py.map)
npm run watch                                           # rerun on every change (warm Blender)
\`\`\`

Blender is found through \`--blender <path>\`, \`$BLENDER\`, then \`PATH\`. \`bpy\` comes from
\`${typingsPkg}\`; \`input()\`, \`setResult()\` and \`args\` from \`"bpyts/runtime"\`. In VS Code the
tasks \`bpyts: check\` / \`build\` / \`start\` / \`watch\` put errors in the Problems panel.

Debug the TypeScript while it runs in Blender (breakpoints, stepping, variables):
\`.vscode/launch.json\` has a \`bpyts\` configuration (it needs the small bpyts VS Code extension,
\`packages/vscode\` in the bpyts repository); any other DAP client runs \`npx bpyts debug\`.
`,
  };
  try {
    await mkdir(join(target, "src"), { recursive: true });
    await mkdir(join(target, ".vscode"), { recursive: true });
    for (const [rel, text] of Object.entries(files)) await writeFile(join(target, rel), text);
  } catch (e) {
    throw new CliError("BPY0008", `cannot create ${dir}: ${(e as Error).message}`);
  }
  process.stdout.write(
    `created ${dir} for Blender ${version}\nnext: cd ${shellWord(dir)} && npm install && npm start\n`,
  );
  return 0;
}
