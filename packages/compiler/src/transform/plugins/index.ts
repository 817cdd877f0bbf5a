/** The layers every compile uses, in order (see ../layers.ts). */
import type { Layer } from "../layers.js";
import { blenderLayer } from "./blender/index.js";

export const defaultLayers: readonly Layer[] = [blenderLayer];
