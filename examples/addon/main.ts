// Development: a small Blender add-on written in TypeScript — an operator that adds a grid of
// cubes, and a panel in the 3D viewport's sidebar (N panel → "bpyts" tab) with a button for it.
//
//   npx bpyts build --addon examples/addon/main.ts -o out/bpyts_cube_grid.zip
//   blender → Edit → Preferences → Add-ons → Install… → out/bpyts_cube_grid.zip
//
// The zip holds the package `bpyts_cube_grid` (named after bl_info.name), with bl_info in its
// __init__.py; for Blender ≥ 4.2 `--addon` writes an extension instead.
//
// Once enabled it is an ordinary operator: F3 → "Add Cube Grid", or from Python
// `bpy.ops.object.bpyts_grid(count_x=4, count_y=2)`.
import * as bpy from "bpy";

export const bl_info = {
  name: "bpyts Cube Grid",
  description: "Add a grid of cubes (an example add-on written in TypeScript with bpyts)",
  author: "bpyts examples",
  version: [0, 1, 0],
  blender: [3, 4, 0],
  location: "View3D > Sidebar > bpyts",
  category: "Object",
} as const;

export class OBJECT_OT_bpyts_grid extends bpy.types.Operator {
  bl_idname = "object.bpyts_grid";
  bl_label = "Add Cube Grid";
  bl_description = "Add a grid of cubes around the 3D cursor";
  bl_options = new Set(["REGISTER", "UNDO"] as const);

  count_x = bpy.props.IntProperty({
    name: "X",
    description: "Cubes along X",
    default: 3,
    min: 1,
    max: 50,
  });
  count_y = bpy.props.IntProperty({
    name: "Y",
    description: "Cubes along Y",
    default: 3,
    min: 1,
    max: 50,
  });
  spacing = bpy.props.FloatProperty({ name: "Spacing", default: 2.5, min: 0.1 });
  size = bpy.props.FloatProperty({ name: "Size", default: 1, min: 0.01 });

  execute(context: bpy.types.Context): Set<"FINISHED" | "CANCELLED"> {
    const origin = context.scene.cursor.location;
    for (let i = 0; i < this.count_x; i++) {
      for (let j = 0; j < this.count_y; j++) {
        bpy.ops.mesh.primitive_cube_add({
          size: this.size,
          location: [origin.x + i * this.spacing, origin.y + j * this.spacing, origin.z],
        });
        const cube = context.active_object;
        if (cube !== null) cube.name = `Grid ${i}-${j}`;
      }
    }
    this.report(new Set(["INFO"]), `Added ${this.count_x * this.count_y} cubes`);
    return new Set(["FINISHED"]);
  }
}

export class VIEW3D_PT_bpyts_grid extends bpy.types.Panel {
  bl_space_type = "VIEW_3D" as const;
  bl_region_type = "UI" as const;
  bl_category = "bpyts";
  bl_label = "Cube Grid";

  draw(context: bpy.types.Context): void {
    const col = this.layout.column({ align: true });
    col.label({ text: `${context.scene.objects.length} objects in the scene` });
    col.operator("object.bpyts_grid", { text: "Add Cube Grid", icon: "MESH_GRID" });
  }
}

// No register()/unregister() needed: the compiler generates them for the top-level classes that
// extend bpy.types (write your own `register` only for extra set-up; it runs after theirs).
