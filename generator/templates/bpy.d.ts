// Hand-written part of "bpy": the markers the compiler recognises by name (generator/README.md,
// "Usage contract"). Checked by tsc: generator/templates/tsconfig.json.
declare module "bpy" {
  /**
   * Keyword-arguments marker: a parameter typed `KwArgs<{ … }>` is an object literal that the compiler turns into Python keyword arguments (`f({ a: 1 })` → `f(a=1)`).
   */
  export type KwArgs<T> = T;

  /**
   * Context-manager marker: a function returning `ContextManager<T>` is a Python context manager; `using x = f()` compiles to `with f() as x:` (x: T). Needs the TS lib `esnext.disposable`.
   */
  export type ContextManager<T> = T & Disposable;
}
