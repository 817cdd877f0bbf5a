// The walking skeleton: list the default scene's objects.
import * as bpy from "bpy";

const scene = bpy.context.scene;
console.log(`Scene "${scene.name}" has ${scene.objects.length} objects:`);
for (const obj of scene.objects) {
  console.log(`- ${obj.name} (${obj.type}) at z=${obj.location.z}`);
}
