// Hand-written members of "bmesh.types" classes that their docs do not list.
declare module "bmesh.types" {
  // `elem[layer]` (bmesh/bmesh_py_types_customdata.c): the value an element holds in a custom-data
  // layer, typed by the layer (see the BMLayerCollection overrides in src/overrides.ts).
  interface BMVert {
    /**
     * This element's value in a custom-data layer: Python `elem[layer]`
     * (`loop.layer(uv_layer).uv`, `vert.layer(deform_layer)`). KeyError for a layer of another mesh.
     * @pyOperator []
     */
    layer<T>(layer: BMLayerItem<T>): T;
  }
  interface BMEdge {
    /**
     * This element's value in a custom-data layer: Python `elem[layer]`
     * (`loop.layer(uv_layer).uv`, `vert.layer(deform_layer)`). KeyError for a layer of another mesh.
     * @pyOperator []
     */
    layer<T>(layer: BMLayerItem<T>): T;
  }
  interface BMFace {
    /**
     * This element's value in a custom-data layer: Python `elem[layer]`
     * (`loop.layer(uv_layer).uv`, `vert.layer(deform_layer)`). KeyError for a layer of another mesh.
     * @pyOperator []
     */
    layer<T>(layer: BMLayerItem<T>): T;
  }
  interface BMLoop {
    /**
     * This element's value in a custom-data layer: Python `elem[layer]`
     * (`loop.layer(uv_layer).uv`, `vert.layer(deform_layer)`). KeyError for a layer of another mesh.
     * @pyOperator []
     */
    layer<T>(layer: BMLayerItem<T>): T;
  }
}
