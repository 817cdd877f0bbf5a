// The newcomer's first hour, timed: a fresh clone of this repository to the first rendered PNG
// with the README's main command run verbatim (`.ci/readme-commands`). Baseline, measured in the
// same run: what cannot be avoided — `npm ci` of the clone, `tsc -b`, and plain Blender rendering
// the same scene from hand-written Python. The ratio is what bpyts adds on top (set-up checks,
// compiling render.ts, the runner).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const renderPy = `import bpy
scene = bpy.context.scene
scene.render.engine = "BLENDER_WORKBENCH"
scene.render.resolution_x = 640
scene.render.resolution_y = 360
scene.render.resolution_percentage = 100
scene.render.image_settings.file_format = "PNG"
scene.render.filepath = "out/plain.png"
cube = bpy.data.objects.get("Cube")
if cube is not None:
    cube.rotation_euler.z = 0.6
bpy.ops.render.render(write_still=True)
`;

function timed(command, args, cwd) {
  const start = performance.now();
  execFileSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  return performance.now() - start;
}

export default async function newcomer() {
  const work = mkdtempSync(join(tmpdir(), "bpyts-bench-newcomer-"));
  try {
    const clone = join(work, "clone");
    execFileSync("git", ["clone", "-q", ROOT, clone]);
    const [mainCommand] = execFileSync("bash", [".ci/readme-commands"], {
      cwd: clone,
      encoding: "utf8",
    })
      .trim()
      .split("\n");
    const subject = timed("bash", ["-c", mainCommand], clone);
    statSync(join(clone, "out/render.png")); // the product exists

    // Baseline in a second clone: npm ci + tsc -b + plain Blender on the same scene.
    const base = join(work, "base");
    execFileSync("git", ["clone", "-q", ROOT, base]);
    writeFileSync(join(base, "render.py"), renderPy);
    const baseline =
      timed("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], base) +
      timed("npx", ["tsc", "-b"], base) +
      timed(
        "blender",
        ["-b", "--factory-startup", "--python-exit-code", "1", "--python", join(base, "render.py")],
        base,
      );
    return [
      {
        name: "fresh clone → first rendered PNG (README main command)",
        subject: { label: "README command", ms: subject },
        baseline: { label: "npm ci + tsc -b + plain Blender render", ms: baseline },
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
