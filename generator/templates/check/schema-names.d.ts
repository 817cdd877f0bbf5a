// What the templates refer to that the generator makes from a schema (structs, enums, Python
// classes): declared here only so that tsc can check the templates on their own. The generated
// packages check them again in place (generator/test/typecheck.test.ts).
declare module "bpy.types" {
  export class Struct extends bpy_struct {}
  export class ID extends bpy_struct {}
  export class Context extends bpy_struct {}
  export class UILayout extends bpy_struct {}
  export class Scene extends ID {}
  export class Depsgraph extends bpy_struct {}
  export class AddonPreferences extends bpy_struct {}
}
declare module "bpy.ops" {
  export type ExecutionContext = "INVOKE_DEFAULT" | "EXEC_DEFAULT";
  export type OperatorReturn = "FINISHED" | "CANCELLED";
}
declare module "mathutils" {
  export class Vector {}
  export class Matrix {}
  export class Euler {}
  export class Quaternion {}
  export class Color {}
}
declare module "bmesh.types" {
  export class BMLayerItem<T = unknown> {
    private readonly value: T;
  }
  export class BMVert {}
  export class BMEdge {}
  export class BMFace {}
  export class BMLoop {}
}
