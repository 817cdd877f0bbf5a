// TypeScript version of Blender's templates_py/bmesh_simple.py
import * as bpy from "bpy";
import * as bmesh from "bmesh";

// Get the active mesh
const me = bpy.context.object!.data as bpy.types.Mesh;

// Get a BMesh representation
const bm = bmesh.new(); // create an empty BMesh
bm.from_mesh(me); // fill it in from a Mesh

// Modify the BMesh, can do anything here...
for (const v of bm.verts) v.co.x += 1.0;

// Finish up, write the bmesh back to the mesh
bm.to_mesh(me);
bm.free(); // free and prevent further access
