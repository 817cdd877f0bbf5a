import { blenderVersion, findBlender, BlenderNotFoundError } from "@bpyts/runner";
import { CliError } from "./errors.js";
import { installedVersions } from "./typings.js";

/** Find Blender (--blender, $BLENDER, PATH, usual places) and turn "not found" into a CLI error. */
export async function locateBlender(blender?: string): Promise<string> {
  try {
    return await findBlender({ blender });
  } catch (e) {
    if (e instanceof BlenderNotFoundError) throw new CliError("BPY0003", e.message);
    throw e;
  }
}

/**
 * The Blender version to type-check against: `--target`, else the Blender that would run the
 * script, else the newest typings that ship with bpyts.
 */
export async function resolveTarget(target?: string, blender?: string): Promise<string> {
  if (target) return target;
  try {
    return await blenderVersion(await findBlender({ blender }));
  } catch (e) {
    // A Blender that was named (--blender, $BLENDER) and is missing is an error; none at all
    // means type-checking against the newest typings that ship with bpyts.
    if (!(e instanceof BlenderNotFoundError)) throw e;
    if (blender || process.env.BLENDER) throw new CliError("BPY0003", e.message);
  }
  const newest = installedVersions().at(-1);
  if (!newest) throw new CliError("BPY0004", "no Blender typings installed (@bpyts/blender-X.Y)");
  return newest;
}
