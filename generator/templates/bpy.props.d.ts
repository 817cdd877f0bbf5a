// Hand-written part of "bpy.props": the value types the property functions (generated from the
// schema, props.ts) return.
declare module "bpy.props" {
  import { Color, Euler, Matrix, Quaternion, Vector } from "mathutils";
  import * as bpy_types from "bpy.types";

  /**
   * The value a `FloatVectorProperty` reads as, by subtype and size (same rules as RNA arrays: vector subtypes of size 2–4 → Vector, MATRIX 9/16 → Matrix, EULER/QUATERNION 3 → Euler, 4 → Quaternion, COLOR/COLOR_GAMMA 3 → Color, else bpy_prop_array).
   */
  export type FloatVectorValue<S, N> = S extends
    "TRANSLATION" | "DIRECTION" | "VELOCITY" | "ACCELERATION" | "XYZ" | "XYZ_LENGTH" | "COORDINATES"
    ? N extends 2 | 3 | 4
      ? Vector
      : bpy_types.bpy_prop_array<number>
    : S extends "MATRIX"
      ? N extends 9 | 16 | readonly [3, 3] | readonly [4, 4]
        ? Matrix
        : bpy_types.bpy_prop_array<number>
      : S extends "EULER" | "QUATERNION"
        ? N extends 3
          ? Euler
          : N extends 4
            ? Quaternion
            : bpy_types.bpy_prop_array<number>
        : S extends "COLOR" | "COLOR_GAMMA"
          ? N extends 3
            ? Color
            : bpy_types.bpy_prop_array<number>
          : bpy_types.bpy_prop_array<number>;

  /**
   * One `items` entry of an EnumProperty: (identifier, name, description[, icon][, number]), or null for a separator.
   */
  export type EnumPropertyItem =
    | readonly [identifier: string, name: string, description: string]
    | readonly [identifier: string, name: string, description: string, number: number]
    | readonly [
        identifier: string,
        name: string,
        description: string,
        icon: string | number,
        number: number,
      ]
    | null;

  /**
   * A runtime collection property (CollectionProperty): a bpy_prop_collection with add/remove/clear/move.
   */
  export interface CollectionPropertyValue<T> extends bpy_types.bpy_prop_collection<T> {
    /** Add an item and return it. */
    add(): T;
    /** Remove the item at index. */
    remove(index: number): void;
    /** Remove all items. */
    clear(): void;
    /** Move an item from one index to another. */
    move(from_index: number, to_index: number): void;
  }
}
