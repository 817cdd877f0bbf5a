/**
 * The compiler's diagnostics table. Codes are stable: never renumber, only append.
 */
export interface DiagnosticInfo {
  code: string;
  message: string;
  suggestion?: string;
  /** "error" unless set */
  category?: "error" | "warning";
}

export const diagnostics = {
  asyncAwait: {
    code: "BPY1001",
    message: "async functions and await are not supported",
    suggestion:
      "Blender scripts run synchronously; call the function directly and drop async/await",
  },
  eval: {
    code: "BPY1002",
    message: "eval and the Function constructor are not supported",
    suggestion: "write the code directly instead of building it at runtime",
  },
  arguments: {
    code: "BPY1003",
    message: "the 'arguments' object is not supported",
    suggestion: "declare a rest parameter: function f(...args: T[])",
  },
  objectAccessor: {
    code: "BPY1004",
    message: "getters and setters in object literals are not supported",
    suggestion: "use a class with get/set accessors, or a plain property",
  },
  prototype: {
    code: "BPY1005",
    message: "prototype manipulation is not supported",
    suggestion: "use classes and inheritance",
  },
  anyType: {
    code: "BPY1006",
    message: "the translation of {0} depends on the operand types, but the type is '{1}'",
    suggestion: "give the value a precise type (number, string, …) or narrow it first",
  },
  label: {
    code: "BPY1007",
    message: "labels are only supported on loops",
    suggestion: "remove the label, or restructure the code with a loop or a function",
  },
  regexp: {
    code: "BPY1008",
    message: "this regular expression has no exact translation to Python's re: {0}",
    suggestion:
      "rewrite that part of the pattern (see the RegExp section of the compiler README), or use string methods",
  },
  unboundThis: {
    code: "BPY1009",
    message: "'this' is only supported inside class members and arrow functions within them",
    suggestion: "turn the function into a class method or pass the object as a parameter",
  },
  kwargs: {
    code: "BPY1010",
    message: "a keyword-argument parameter (KwArgs) needs an object literal or a plain record",
    suggestion: "write the options inline: op({ size: 2 }), or spread a Record<string, …>",
  },
  namespace: {
    code: "BPY1011",
    message: "namespaces and 'declare' blocks in compiled code are not supported",
    suggestion: "use ES modules (import/export) instead of namespaces",
  },
  looseEquality: {
    code: "BPY1012",
    message: "'{0}' between values of different types is not supported",
    suggestion: "use === / !==, or compare with null (x == null) only",
  },
  throwNonError: {
    code: "BPY1013",
    message: "only Error objects can be thrown",
    suggestion: "throw new Error(String(value)) or a subclass of Error",
  },
  bigint: {
    code: "BPY1014",
    message: "bigint is not supported",
    suggestion: "use number",
  },
  symbol: {
    code: "BPY1015",
    message: "symbols are not supported",
    suggestion: "use string keys",
  },
  unsupportedMember: {
    code: "BPY1016",
    message: "'{0}' is not supported by the compiler",
    suggestion: "see the list of supported built-ins in the compiler README",
  },
  complexUpdate: {
    code: "BPY1017",
    message: "assignments or ++/-- on a property inside a larger expression are not supported",
    suggestion: "move the assignment into its own statement",
  },
  taggedTemplate: {
    code: "BPY1018",
    message: "tagged template literals are not supported",
    suggestion: "call the function with a normal template literal",
  },
  importForm: {
    code: "BPY1019",
    message: "unsupported import: {0}",
    suggestion:
      'import Python modules with `import * as m from "m"` or `import { a } from "m"`; project files with relative paths',
  },
  classExpression: {
    code: "BPY1020",
    message: "{0} are not supported",
    suggestion: "declare the class at statement level",
  },
  arrayDelete: {
    code: "BPY1021",
    message: "'delete' on an array element is not supported (it would leave a hole)",
    suggestion: "use splice(i, 1), or assign undefined",
  },
  generatorMethod: {
    code: "BPY1022",
    message: "calling .{0}() on a generator is not supported",
    suggestion: "iterate the generator with for…of or spread it into an array",
  },
  objectThis: {
    code: "BPY1023",
    message: "methods in object literals cannot use 'this'",
    suggestion: "use a class",
  },
  mapJson: {
    code: "BPY1024",
    message: "{0} of a Map or Set{1} is not supported (JavaScript writes {})",
    suggestion: "convert it first: Object.fromEntries(map) or [...set]",
  },
  unhashableKey: {
    code: "BPY1025",
    message:
      "Map keys and Set values that are plain objects or arrays are not supported (Python dicts need hashable keys)",
    suggestion: "use class instances, strings or numbers as keys",
  },
  comma: {
    code: "BPY1026",
    message: "the comma operator is only supported in for-loop headers",
    suggestion: "split the expression into statements",
  },
  unsupportedSyntax: {
    code: "BPY1027",
    message: "{0} is not supported",
    suggestion: "rewrite the code without this construct",
  },
  nullAndUndefined: {
    code: "BPY1028",
    message:
      "comparing with === against {0} when the type also allows {1}: both become None in Python",
    suggestion:
      "compare with == null to test for both, or use only one of null/undefined in the type",
  },
  mixedObject: {
    code: "BPY1029",
    message:
      "'{0}' is used both as a plain object (a Python dict) and as a class instance (a Python object)",
    suggestion:
      "create the value with a class (new …) everywhere, or do not implement the interface with a class; for a Blender object, use its Blender type (bpy.types.MeshPolygon, …) instead of an object type or Record",
  },
  jsonUndefined: {
    code: "BPY1030",
    category: "warning",
    message:
      "JSON.stringify: '{0}' may be undefined; Python has one None, so it is written as null instead of being left out",
    suggestion: "use null explicitly, or delete the key before stringifying",
  },
  mixedKeys: {
    code: "BPY1031",
    message:
      "Map keys and Set values that mix numbers and booleans are not supported (in Python, True is the key 1 and False the key 0)",
    suggestion: "use one key type, e.g. String(b) for the booleans",
  },
  loopClosureWrite: {
    code: "BPY1032",
    message:
      "a closure created in a loop captures '{0}', which is assigned after the closure is created: Python binds the value the variable has when the closure is made",
    suggestion:
      "give the closure a const holding the final value, or assign the variable before creating the closure",
  },
  tooDeep: {
    code: "BPY1033",
    message: "{0} nested {1} levels deep: the compiler handles at most {2}",
    suggestion:
      "split it: put inner parts of the expression in variables, move inner blocks into functions",
  },
  pythonLimit: {
    code: "BPY1034",
    message: "the Python for this code has {1} {0}: Python allows at most {2}",
    suggestion: "move the inner part into a function, or put parts of the expression in variables",
  },
  missingBuiltinArgument: {
    code: "BPY1035",
    message: "{0} needs {1} argument(s), {2} given (the type error is suppressed)",
    suggestion: "pass every required argument (an explicit `undefined` where that is meant)",
  },
  builtinAsValue: {
    code: "BPY1036",
    message: "the global function '{0}' is translated where it is called, not as a value",
    suggestion: "wrap it in an arrow: (x) => {0}(x)",
  },
  functionThisArgument: {
    code: "BPY1037",
    message: "calling a method through .{0}() with another 'this' is not supported",
    suggestion:
      "call the method on the object itself (obj.method(...)), or pass the object as a parameter",
  },
  functionThisEffects: {
    code: "BPY1038",
    message: "the 'this' argument of .{0}() is dropped in Python, but evaluating it has effects",
    suggestion: "evaluate it in a statement before the call and pass null",
  },
  builtinObjectAsValue: {
    code: "BPY1039",
    message:
      "the built-in '{0}' is translated where it is used (new {0}(…), {0}.member), not as a value or a base class",
    suggestion:
      "use it directly where needed; instead of extending it, keep one in a field of your class",
  },

  // ---- Blender layer (transform/blender): BPY2xxx ------------------------------------------
  inplaceOperatorExpression: {
    code: "BPY2001",
    message: "'{0}' is the in-place Python operator '{1}': it can only be used as a statement",
    suggestion:
      "write it on its own line (a.iadd(b);), or use the non-mutating form (a = a.add(b))",
  },
  usingNotContextManager: {
    code: "BPY2002",
    message: "'using' needs a Python context manager (a value typed ContextManager<…>), got '{0}'",
    suggestion:
      "use 'using' only with calls the typings declare as ContextManager<…> (bpy.data.libraries.load, bpy.data.temp_data, context.temp_override)",
  },
  awaitUsing: {
    code: "BPY2003",
    message: "'await using' is not supported: Blender context managers are synchronous",
    suggestion: "write 'using x = …'",
  },
  addonClassMember: {
    code: "BPY2004",
    message: "{0} is not supported in a class registered with Blender ({1})",
    suggestion:
      "declare bl_* settings and bpy.props.* properties as instance fields with initialisers, and poll/description as static methods",
  },
  optionalOperatorMacro: {
    code: "BPY2005",
    message: "optional call of the Python operator method '{0}' is not supported",
    suggestion: "check for null first: if (a) { … a.{0}(b) … }",
  },
  registrationCall: {
    code: "BPY2006",
    message:
      "'{0}()' is called by the generated register()/unregister() of the Blender classes: do not call it yourself",
    suggestion:
      'remove the call: `bpyts run` runs the generated register() (if __name__ == "__main__"), Blender runs it for an add-on',
  },
  // Project options (tsconfig.json) that cannot work for a script that runs in Blender: located
  // at the option in tsconfig.json (src/project.ts). The BPY19xx block is for project options.
  domLib: {
    code: "BPY1901",
    message:
      "{0}: a bpyts script runs in Blender's Python, where the browser's document, window and setTimeout do not exist",
    suggestion:
      'write "lib": ["ES2023", "ESNext.Disposable"] in compilerOptions (what bpyts init writes)',
  },
  lowTarget: {
    code: "BPY1902",
    message:
      '"target": "{0}" is below ES2022: bpyts compiles the ES2022 language, and TypeScript checks class fields by the target\'s rules (useDefineForClassFields follows it)',
    suggestion: 'write "target": "ES2022" (or later) in compilerOptions',
  },
  javaScriptFile: {
    code: "BPY1903",
    message: "{0} is JavaScript (allowJs): bpyts compiles TypeScript files only",
    suggestion: 'rename it to .ts, or remove "allowJs" from compilerOptions',
  },
  moduleKind: {
    code: "BPY1904",
    message:
      "{0}: bpyts bundles ES module imports; CommonJS/AMD/UMD/System modules and classic/node10 resolution are not compiled",
    suggestion:
      'write "module": "ESNext" and "moduleResolution": "Bundler" in compilerOptions (what bpyts init writes)',
  },
  nullChecks: {
    code: "BPY1905",
    message:
      '{0}: bpyts chooses its Python from the types, and without null checks they hide null and undefined ("a" + s would raise in Python where JavaScript gives "aundefined")',
    suggestion:
      'write "strictNullChecks": true in compilerOptions (the rest of "strict" may stay off)',
  },
  addonMetadata: {
    code: "BPY2007",
    message: "bl_info: {0}",
    suggestion:
      "write the add-on metadata as plain text, and versions as arrays of integers ([1, 2, 0])",
  },
  contextManagerWithoutUsing: {
    code: "BPY2008",
    message:
      "'{0}' returns a Python context manager: its value exists only inside Python's 'with', so it must be bound with 'using'",
    suggestion: "write 'using x = {0}(…);' — the rest of the block runs inside 'with … as x:'",
  },
  callbackArity: {
    code: "BPY2009",
    message:
      "'{0}' is a callback Blender calls as {2}: it checks at registration that the method takes exactly {1} argument(s)",
    suggestion:
      "declare the parameters Blender passes, no more (ones you do not use may be left out at the end)",
  },
  registeredItem: {
    code: "BPY2010",
    message: "'{0}' is not an item of {1}: Blender accepts {2}",
    suggestion: "{3}",
  },
  operatorContextOrder: {
    code: "BPY2011",
    message:
      "an operator's execution context and undo flag are passed before its options in Python: moving this expression there would evaluate it before the options",
    suggestion:
      'write a literal ("INVOKE_DEFAULT", true) or a const name here, or compute it into a const before the call',
  },
  collectionDotName: {
    code: "BPY2012",
    message:
      "'{0}' is no member of this Blender collection: reading it as an item's name would hide a misspelled member",
    suggestion:
      'for the item named "{0}", write coll["{0}"] (KeyError when missing) or coll.get("{0}")',
  },
} satisfies Record<string, DiagnosticInfo>;

export type DiagnosticKey = keyof typeof diagnostics;

export function formatMessage(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? "");
}
