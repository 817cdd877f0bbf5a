// TypeScript version of Blender's templates_py/ui_panel.py
import * as bpy from "bpy";

/** Creates a Panel in the scene context of the properties editor */
export class LayoutDemoPanel extends bpy.types.Panel {
  bl_label = "Layout Demo";
  bl_idname = "SCENE_PT_layout";
  bl_space_type = "PROPERTIES" as const;
  bl_region_type = "WINDOW" as const;
  bl_context = "scene";

  // typings gap: UILayout.row/column/split are declared `UILayout | null` (never None in Blender)
  draw(context: bpy.types.Context): void {
    const layout = this.layout;
    const scene = context.scene;

    // Create a simple row.
    layout.label({ text: " Simple Row:" });
    let row = layout.row()!;
    row.prop(scene, "frame_start");
    row.prop(scene, "frame_end");

    // Create an row where the buttons are aligned to each other.
    layout.label({ text: " Aligned Row:" });
    row = layout.row({ align: true })!;
    row.prop(scene, "frame_start");
    row.prop(scene, "frame_end");

    // Create two columns, by using a split layout.
    const split = layout.split()!;
    let col = split.column()!;
    col.label({ text: "Column One:" });
    col.prop(scene, "frame_end");
    col.prop(scene, "frame_start");
    col = split.column({ align: true })!;
    col.label({ text: "Column Two:" });
    col.prop(scene, "frame_start");
    col.prop(scene, "frame_end");

    // Big render button
    layout.label({ text: "Big Button:" });
    row = layout.row()!;
    row.scale_y = 3.0;
    row.operator("render.render");

    // Different sizes in a row
    layout.label({ text: "Different button sizes:" });
    row = layout.row({ align: true })!;
    row.operator("render.render");
    const sub = row.row()!;
    sub.scale_x = 2.0;
    sub.operator("render.render");
    row.operator("render.render");
  }
}
