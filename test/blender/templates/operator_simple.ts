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

// typings gap: Menu.append/remove (bpy_types._GenericUI, defined in Python) are not declared
declare class MenuHooks {
  append(f: typeof menu_func): void;
  remove(f: typeof menu_func): void;
}
const objectMenu = bpy.types.VIEW3D_MT_object as unknown as MenuHooks;

export function register(): void {
  objectMenu.append(menu_func);
}

export function unregister(): void {
  objectMenu.remove(menu_func);
}
