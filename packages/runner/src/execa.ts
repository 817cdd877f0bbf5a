/**
 * execa, loaded on first use: its module tree costs ~100 ms to import, which `bpyts build` and
 * `bpyts check` (no Blender involved) should not pay.
 */
import type { execa as Execa } from "execa";

let loaded: typeof Execa | undefined;

export async function loadExeca(): Promise<typeof Execa> {
  return (loaded ??= (await import("execa")).execa);
}

/** For synchronous spawners, after `loadExeca()` has been awaited once (e.g. at pool start). */
export function execaLoaded(): typeof Execa {
  if (!loaded) throw new Error("internal: execa used before loadExeca()");
  return loaded;
}
