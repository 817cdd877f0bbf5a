// A small fake of the Blender typings contract, for the compiler's tests.
type KwArgs<T> = T;

declare module "bpy" {
  interface ID {
    name: string;
  }
  interface Object extends ID {
    location: [number, number, number];
    hide_viewport: boolean;
    select_set(state: boolean): void;
  }
  class bpy_prop_collection<T> {
    readonly [index: number]: T;
    readonly length: number;
    [Symbol.iterator](): Iterator<T>;
    get(key: string): T | undefined;
    remove(item: T, options?: KwArgs<{ do_unlink?: boolean }>): void;
  }
  namespace data {
    const objects: bpy_prop_collection<Object>;
  }
  interface Scene extends ID {
    frame_current: number;
  }
  namespace context {
    const scene: Scene;
    let active_object: Object | null;
  }
  namespace ops {
    namespace mesh {
      function primitive_cube_add(
        options?: KwArgs<{ size?: number; location?: [number, number, number] }>,
      ): Set<string>;
      function primitive_uv_sphere_add(
        options?: KwArgs<{ radius?: number; segments?: number }>,
      ): Set<string>;
    }
    namespace object {
      function select_all(
        options?: KwArgs<{ action?: "SELECT" | "DESELECT" | "TOGGLE" }>,
      ): Set<string>;
      function transform_apply(
        mode: string,
        options?: KwArgs<{ location?: boolean; rotation?: boolean; scale?: boolean }>,
      ): Set<string>;
    }
  }
}

declare module "mathutils" {
  class Vector {
    constructor(values: [number, number, number]);
    x: number;
    y: number;
    z: number;
    readonly length: number;
    normalized(): Vector;
    dot(other: Vector): number;
  }
  class Matrix {
    static Identity(size: number): Matrix;
  }
}

declare module "bmesh" {
  function new_(): unknown;
}

declare module "bmesh/ops" {
  function triangulate(bm: unknown, options: KwArgs<{ faces: unknown[] }>): void;
}

declare module "withdefault" {
  const value: number;
  export default value;
}
