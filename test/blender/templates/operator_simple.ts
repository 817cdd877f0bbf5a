// TypeScript version of Blender's templates_py/operator_simple.py
import * as bpy from "bpy";

function main(context: bpy.types.Context): void {
  for (const ob of context.scene.objects) console.log(ob.name);
}

/** Tooltip */
export class SimpleOperator extends bpy.types.Operator {
  static bl_idname = "object.simple_operator";
  static bl_label = "Simple Object Operator";

  static poll(context: bpy.types.Context): boolean {
    return context.active_object !== null;
  }

  execute(context: bpy.types.Context): Set<bpy.ops.OperatorReturn> {
    main(context);
    return new Set(["FINISHED"]);
  }
}

function menu_func(self: bpy.types.Menu, context: bpy.types.Context): void {
  self.layout.operator(SimpleOperator.bl_idname, { text: SimpleOperator.bl_label });
}

export function register(): void {
  bpy.types.VIEW3D_MT_object.append(menu_func);
}

export function unregister(): void {
  bpy.types.VIEW3D_MT_object.remove(menu_func);
}
