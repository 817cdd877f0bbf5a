// Hand-written part of "bpy.types": the collection and array types RNA structs use, and members
// of generated structs that neither RNA nor bpy_types.py declares. Methods the schema lists for
// bpy_prop_collection / bpy_prop_array beyond these are appended by the generator.
declare module "bpy.types" {
  /**
   * A collection of RNA structs (`bpy_prop_collection`).
   *
   * - `coll[i]` → `T` (numeric index); `coll["name"]` → `T` on collection properties (KeyError when missing, see {@link bpy_prop_collection_names}); `coll.get(name)` → `T | null`
   * - `coll.length` is Python `len(coll)`; `for (const x of coll)` iterates
   * - collection-specific methods (`new`, `remove`, …) come from the wrapper struct, intersected on the property type
   * @blender {{version}}
   */
  export class bpy_prop_collection<T> {
    /** Instances are created by Blender. */
    protected constructor();
    /** Python `coll[index]`. */
    readonly [index: number]: T;
    /**
     * Python `len(coll)`.
     * @pyOperator len
     */
    readonly length: number;
    /** Python `for item in coll`. */
    [Symbol.iterator](): Iterator<T>;
    /** The item with this name (Python `coll.get(key)`), or null. */
    get(key: string): T | null;
    /** The item with this name, or `default_`.
    @pyName default_ default */
    get<D>(key: string, default_: D): T | D;
    /** Index of the item with this key, or -1. */
    find(key: string): number;
    /** Item names. */
    keys(): string[];
    /** The items. */
    values(): T[];
    /** (name, item) pairs. */
    items(): [string, T][];
    /** Read an attribute of every item into a flat sequence (a list, or a Float32Array/Float64Array: a buffer Blender fills directly). */
    foreach_get(attr: string, seq: number[] | boolean[] | Float32Array | Float64Array): void;
    /** Write an attribute of every item from a flat sequence (a list, or a Float32Array/Float64Array buffer). */
    foreach_set(
      attr: string,
      seq: readonly number[] | readonly boolean[] | Float32Array | Float64Array,
    ): void;
    /** The RNA type of the collection. */
    readonly rna_type: Struct;
    /** The ID data-block owning the collection. */
    readonly id_data: ID | null;
  }

  /**
   * Items of an RNA collection by name: `bpy.data.objects["Cube"]`, `node.inputs["Color"]` (Python `coll["Cube"]`). As in Python, a missing name raises KeyError; `coll.get(name)` returns null instead. Write the bracket form: `coll.Cube` is refused (BPY2012), so a misspelled member stays an error.
   * @blender {{version}}
   */
  export interface bpy_prop_collection_names<T> {
    /** Python `coll[name]` (KeyError when missing). */
    readonly [name: string]: T;
  }

  /**
   * An RNA array (`bpy_prop_array`): `a[i]`, `a.length` (Python `len(a)`), iteration.
   * @blender {{version}}
   */
  export class bpy_prop_array<T> {
    /** Instances are created by Blender. */
    protected constructor();
    /** Python `a[index]`. */
    [index: number]: T;
    /**
     * Python `len(a)`.
     * @pyOperator len
     */
    readonly length: number;
    /** Python `for x in a`. */
    [Symbol.iterator](): Iterator<T>;
    /** Copy the values into `seq` (a list, or a Float32Array/Float64Array buffer). */
    foreach_get(seq: T[] | Float32Array | Float64Array): void;
    /** Set the values from `seq` (a list, or a Float32Array/Float64Array buffer). */
    foreach_set(seq: readonly T[] | Float32Array | Float64Array): void;
  }

  /**
   * A bound RNA function object (`bpy_func`).
   * @blender {{version}}
   */
  export class bpy_func {
    protected constructor();
  }

  /** Base of all RNA structs. */
  export class bpy_struct {
    protected constructor();
  }

  // AddonPreferences.draw(context) / .layout: the Preferences editor (bl_ui/space_userpref.py,
  // 3.4/4.3/5.2) calls `getattr(prefs, "draw", None)(context)` after setting
  // `type(prefs).layout = box` (deleted again afterwards). Not RNA members, so the schema has
  // neither. `layout` is non-null while `draw` runs (the only place it exists).
  interface AddonPreferences {
    /**
     * The layout to draw into; set by the Preferences editor only while `draw` runs
     * (`bl_ui/space_userpref.py` assigns it to the class, then deletes it).
     */
    readonly layout: UILayout;
    /**
     * Optional draw callback: the Preferences editor calls `prefs.draw(context)` to draw the
     * add-on's preferences (with `this.layout` set).
     */
    draw?(context: Context): void;
  }
}
