// Hand-written part of "bpy.ops": the callable operator type. `ExecutionContext` and
// `OperatorReturn` are the schema's enums (generate.ts opsCore).
declare module "bpy.ops" {
  import { KwArgs } from "bpy";
  import * as bpy_types from "bpy.types";

  /**
   * An operator: call it with an exactly typed options object (Python keyword arguments), optionally followed by the execution context and the undo flag (Python takes these two first: the compiler moves them).
   *
   * ```ts
   * bpy.ops.mesh.primitive_cube_add({ size: 2, location: [0, 0, 1] });
   * bpy.ops.mesh.primitive_cube_add({ size: 2 }, "INVOKE_DEFAULT", true); // ('INVOKE_DEFAULT', True, size=2)
   * ```
   * One signature, so a misspelled option is one error with TypeScript's "Did you mean".
   */
  export interface BpyOperator<O> {
    /**
     * Run the operator (hover its name for what it does).
     * @param options its properties, as Python keyword arguments
     * @param execution_context Python's first positional argument (`'EXEC_DEFAULT'` unless given)
     * @param undo whether the call pushes an undo step (Python's second positional argument)
     * @returns the operator's result set, e.g. `{'FINISHED'}`
     */
    (
      options?: KwArgs<O>,
      execution_context?: ExecutionContext,
      undo?: boolean,
    ): Set<OperatorReturn>;
    /** Whether the operator can run in the current context. */
    poll(execution_context?: ExecutionContext): boolean;
    /** The RNA identifier, e.g. `MESH_OT_primitive_cube_add`. */
    idname(): string;
    /** The Python identifier, e.g. `mesh.primitive_cube_add`. */
    idname_py(): string;
    /** The operator's RNA type. */
    get_rna_type(): bpy_types.Struct;
    /** The operator's `bl_options`. */
    readonly bl_options: Set<string>;
  }
}
