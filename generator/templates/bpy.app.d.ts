// Hand-written part of "bpy.app.handlers": the handler type and `@persistent`; the handler
// lists themselves come from the schema.
declare module "bpy.app.handlers" {
  import * as bpy_types from "bpy.types";

  /**
   * A handler: called with the scene (and, for most handlers, the depsgraph).
   */
  export type Handler = (scene: bpy_types.Scene, depsgraph: bpy_types.Depsgraph | null) => void;

  /**
   * Decorator keeping a handler registered across file loads (`@persistent`).
   */
  export function persistent<F extends Handler>(func: F): F;
}
