/**
 * Every diagnostic code of bpyts, once: the compiler's (BPY1xxx language, BPY19xx project options,
 * BPY2xxx Blender layer), the CLI's driver errors (BPY00xx), the runner's (BPY01xx) and the farm's
 * (BPY04xx). Codes are stable: never renumber, only append; a code that is no longer reported stays
 * here with `retiredFor` (the code reported instead), so its documentation keeps answering.
 *
 * `message` and `suggestion` are templates: `{name}` is a named parameter of the code's factory
 * (`diag.anyType({ operation, type })`, typed from these strings). `when` is the documentation
 * text (Markdown) of the generated code tables (scripts/docs.ts).
 */
import type { CodeDef } from "./types.js";

export const codes = {
  unreadableEntry: {
    code: "BPY1000",
    phase: "compiler",
    when: "the entry is in no source file of the program (TypeScript normally reports a missing file first, as TS6053)",
    message: "cannot read {file}",
    suggestion: "check that the entry exists and is a TypeScript file the project includes",
  },
  asyncAwait: {
    code: "BPY1001",
    phase: "compiler",
    when: "`async`/`await`, `for await`",
    message: "async functions and await are not supported",
    suggestion:
      "Blender scripts run synchronously; call the function directly and drop async/await",
  },
  eval: {
    code: "BPY1002",
    phase: "compiler",
    when: "`eval`, `Function` constructor",
    message: "eval and the Function constructor are not supported",
    suggestion: "write the code directly instead of building it at runtime",
  },
  arguments: {
    code: "BPY1003",
    phase: "compiler",
    when: "`arguments`",
    message: "the 'arguments' object is not supported",
    suggestion: "declare a rest parameter: function f(...args: T[])",
  },
  objectAccessor: {
    code: "BPY1004",
    phase: "compiler",
    when: "getters/setters in object literals",
    message: "getters and setters in object literals are not supported",
    suggestion: "use a class with get/set accessors, or a plain property",
  },
  prototype: {
    code: "BPY1005",
    phase: "compiler",
    when: "`prototype`/`__proto__`",
    message: "prototype manipulation is not supported",
    suggestion: "use classes and inheritance",
  },
  anyType: {
    code: "BPY1006",
    phase: "compiler",
    when: "operators whose translation depends on an `any`/`unknown`/mixed type (`+`, `<`, index, …)",
    message:
      "the translation of {operation} depends on the operand types, but the type is '{type}'",
    suggestion: "give the value a precise type (number, string, …) or narrow it first",
  },
  label: {
    code: "BPY1007",
    phase: "compiler",
    when: "labels on non-loop statements, `break`/`continue` without a target",
    message: "labels are only supported on loops",
    suggestion: "remove the label, or restructure the code with a loop or a function",
  },
  regexp: {
    code: "BPY1008",
    phase: "compiler",
    when: "a regular expression Python's `re` would read differently (see RegExp above: `\\p{…}`, variable-width lookbehind, `\\c`, a backreference before its group closes, octal escapes, `\\D`/`\\W`/`\\S` in a class, flags `d`/`v`, group modifiers, names with `$`, surrogate escapes, a pattern computed at run time)",
    message: "this regular expression has no exact translation to Python's re: {reason}",
    suggestion:
      "rewrite that part of the pattern (see the RegExp section of the compiler README), or use string methods",
  },
  unboundThis: {
    code: "BPY1009",
    phase: "compiler",
    when: "`this` outside class members (and arrows inside them)",
    message: "'this' is only supported inside class members and arrow functions within them",
    suggestion: "turn the function into a class method or pass the object as a parameter",
  },
  kwargs: {
    code: "BPY1010",
    phase: "compiler",
    when: "KwArgs argument that is not an object literal or a plain record",
    message: "a keyword-argument parameter (KwArgs) needs an object literal or a plain record",
    suggestion: "write the options inline: op({ size: 2 }), or spread a Record<string, …>",
  },
  namespace: {
    code: "BPY1011",
    phase: "compiler",
    when: "namespaces",
    message: "namespaces and 'declare' blocks in compiled code are not supported",
    suggestion: "use ES modules (import/export) instead of namespaces",
  },
  looseEquality: {
    code: "BPY1012",
    phase: "compiler",
    when: "`==`/`!=` between different types (other than `== null`)",
    message: "'{operator}' between values of different types is not supported",
    suggestion: "use === / !==, or compare with null (x == null) only",
  },
  throwNonError: {
    code: "BPY1013",
    phase: "compiler",
    when: "throwing a non-Error value",
    message: "only Error objects can be thrown",
    suggestion: "throw new Error(String(value)) or a subclass of Error",
  },
  bigint: {
    code: "BPY1014",
    phase: "compiler",
    when: "bigint",
    message: "bigint is not supported",
    suggestion: "use number",
  },
  symbol: {
    code: "BPY1015",
    phase: "compiler",
    when: "symbols",
    message: "symbols are not supported",
    suggestion: "use string keys",
  },
  unsupportedMember: {
    code: "BPY1016",
    phase: "compiler",
    when: "unsupported built-in members (`localeCompare`, `toPrecision`, `Date` other than `Date.now()`, …)",
    message: "'{member}' is not supported by the compiler",
    suggestion: "see the list of supported built-ins in the compiler README",
  },
  complexUpdate: {
    code: "BPY1017",
    phase: "compiler",
    when: "assignments/`++` on complex targets inside expressions",
    message: "assignments or ++/-- on a property inside a larger expression are not supported",
    suggestion: "move the assignment into its own statement",
  },
  taggedTemplate: {
    code: "BPY1018",
    phase: "compiler",
    when: "tagged templates",
    message: "tagged template literals are not supported",
    suggestion: "call the function with a normal template literal",
  },
  importForm: {
    code: "BPY1019",
    phase: "compiler",
    when: "unsupported import forms (default import from a Python module, `import =`, npm packages, dynamic `import()`)",
    message: "unsupported import: {form}",
    suggestion:
      'import Python modules with `import * as m from "m"` or `import { a } from "m"`; project files with relative paths',
  },
  classExpression: {
    code: "BPY1020",
    phase: "compiler",
    when: "class expressions",
    message: "class expressions are not supported",
    suggestion: "declare the class at statement level",
  },
  arrayDelete: {
    code: "BPY1021",
    phase: "compiler",
    when: "`delete` on array elements",
    message: "'delete' on an array element is not supported (it would leave a hole)",
    suggestion: "use splice(i, 1), or assign undefined",
  },
  generatorMethod: {
    code: "BPY1022",
    phase: "compiler",
    when: "`.return()`/`.throw()` on iterators that are not `Generator`s, other iterator methods; `next()` is supported on every iterator, `next(v)`, `return(v)` and `throw(e)` on generators",
    message: "calling .{method}() on this iterator is not supported",
    suggestion: "iterate it with for…of or spread it into an array",
  },
  objectThis: {
    code: "BPY1023",
    phase: "compiler",
    when: "object-literal methods using `this`",
    message: "methods in object literals cannot use 'this'",
    suggestion: "use a class",
  },
  mapJson: {
    code: "BPY1024",
    phase: "compiler",
    when: "`JSON.stringify` of a Map/Set",
    message: "{operation} of a Map or Set{where} is not supported (JavaScript writes {})",
    suggestion: "convert it first: Object.fromEntries(map) or [...set]",
  },
  unhashableKey: {
    code: "BPY1025",
    phase: "compiler",
    when: "Map keys / Set values that are plain objects or arrays",
    message:
      "Map keys and Set values that are plain objects or arrays are not supported (Python dicts need hashable keys)",
    suggestion: "use class instances, strings or numbers as keys",
  },
  comma: {
    code: "BPY1026",
    phase: "compiler",
    when: "comma operator outside `for` headers",
    message: "the comma operator is only supported in for-loop headers",
    suggestion: "split the expression into statements",
  },
  unsupportedSyntax: {
    code: "BPY1027",
    phase: "compiler",
    when: "other syntax (`new.target`, static blocks, computed class member names, …)",
    message: "{construct} is not supported",
    suggestion: "rewrite the code without this construct",
  },
  nullAndUndefined: {
    code: "BPY1028",
    phase: "compiler",
    when: "`=== null`/`=== undefined` on a type that allows both",
    message:
      "comparing with === against {compared} when the type also allows {other}: both become None in Python",
    suggestion:
      "compare with == null to test for both, or use only one of null/undefined in the type",
  },
  mixedObject: {
    code: "BPY1029",
    phase: "compiler",
    when: "a type used both as a plain object (dict) and as a class instance (interface implemented by a class and created as an object literal, class instance passed where a plain object type is expected; a Blender object passed as, or cast to, a plain object type or `Record`)",
    message:
      "'{type}' is used both as a plain object (a Python dict) and as a class instance (a Python object)",
    suggestion:
      "create the value with a class (new …) everywhere, or do not implement the interface with a class; for a Blender object, use its Blender type (bpy.types.MeshPolygon, …) instead of an object type or Record",
  },
  jsonUndefined: {
    code: "BPY1030",
    phase: "compiler",
    category: "warning",
    when: "`JSON.stringify` of a value whose type lets one property name be both `undefined` and `null` (written as `null`; a property that can only be `undefined` is left out, as in JavaScript)",
    message:
      "JSON.stringify: '{key}' may be undefined or null; Python has one None, so undefined is written as null instead of being left out",
    suggestion: "use only one of null and undefined in the type of '{key}'",
  },
  mixedKeys: {
    code: "BPY1031",
    phase: "compiler",
    when: "Map keys / Set values mixing numbers and booleans (`True` is the key `1` in Python)",
    message:
      "Map keys and Set values that mix numbers and booleans are not supported (in Python, True is the key 1 and False the key 0)",
    suggestion: "use one key type, e.g. String(b) for the booleans",
  },
  loopClosureWrite: {
    code: "BPY1032",
    phase: "compiler",
    when: "a closure made in a loop capturing a per-iteration variable that is assigned (or declared) after the closure is created",
    message:
      "a closure created in a loop captures '{variable}', which is assigned after the closure is created: Python binds the value the variable has when the closure is made",
    suggestion:
      "give the closure a const holding the final value, or assign the variable before creating the closure",
  },
  tooDeep: {
    code: "BPY1033",
    phase: "compiler",
    when: "code nested deeper than the compiler (or TypeScript itself) can take: expressions, blocks, brackets",
    message: "{what} nested {depth} levels deep: the compiler handles at most {limit}",
    suggestion:
      "split it: put inner parts of the expression in variables, move inner blocks into functions",
  },
  pythonLimit: {
    code: "BPY1034",
    phase: "compiler",
    when: "Python's own limits exceeded by the output (nested brackets, indentation levels)",
    message: "the Python for this code has {found} {what}: Python allows at most {limit}",
    suggestion: "move the inner part into a function, or put parts of the expression in variables",
  },
  missingBuiltinArgument: {
    code: "BPY1035",
    phase: "compiler",
    when: "a built-in called with fewer arguments than it requires, its type error suppressed (`// @ts-expect-error` over `xs.map()`, `s.indexOf()`)",
    message: "{builtin} needs {required} argument(s), {given} given (the type error is suppressed)",
    suggestion: "pass every required argument (an explicit `undefined` where that is meant)",
  },
  builtinAsValue: {
    code: "BPY1036",
    phase: "compiler",
    when: "a global function other than `Number`/`String`/`Boolean`/`parseInt`/`parseFloat` used as a value (`const f = isNaN`, `xs.filter(isNaN)`): write an arrow, `(x) => isNaN(x)`",
    message: "the global function '{name}' is translated where it is called, not as a value",
    suggestion: "wrap it in an arrow: (x) => {name}(x)",
  },
  functionThisArgument: {
    code: "BPY1037",
    phase: "compiler",
    when: "`obj.method.call(other, \u2026)` / `.apply` / `.bind` on a class or object method: the method would run with another `this`; call it on the object itself",
    message: "calling a method through .{method}() with another 'this' is not supported",
    suggestion:
      "call the method on the object itself (obj.method(...)), or pass the object as a parameter",
  },
  functionThisEffects: {
    code: "BPY1038",
    phase: "compiler",
    when: "the `this` argument of `f.call/apply/bind` has effects (a call, an assignment): it is dropped in Python (functions have no `this` to set), so evaluate it in a statement first and pass `null`",
    message:
      "the 'this' argument of .{method}() is dropped in Python, but evaluating it has effects",
    suggestion: "evaluate it in a statement before the call and pass null",
  },
  builtinObjectAsValue: {
    code: "BPY1039",
    phase: "compiler",
    when: "a built-in object (`Map`, `Set`, `Array`, `Date`, `Object`, `JSON`, \u2026) used as a value or a base class (`class Counts extends Map`): it is translated where it is used (`new Map()`, `Array.from`); keep one in a field instead of extending it (Error classes can be extended)",
    message:
      "the built-in '{name}' is translated where it is used (new {name}(…), {name}.member), not as a value or a base class",
    suggestion:
      "use it directly where needed; instead of extending it, keep one in a field of your class",
  },
  decorator: {
    code: "BPY1040",
    phase: "compiler",
    when: "decorators on a class, its members or their parameters (reported as BPY1020 before this code existed)",
    message: "decorators are not supported",
    suggestion:
      "remove the decorator and call what it does explicitly after the class: register(C) instead of @register",
  },
  arrayHoles: {
    code: "BPY1041",
    phase: "compiler",
    when: "a method that skips holes (`forEach`, `map`, `filter`, `reduce`, `some`, `every`, `indexOf`, …) on an array made by `new Array(n)` / `Array(n)` or a literal with an elision (`[1, , 3]`) whose elements are never written: JavaScript skips the holes, a Python list has `None` there and would visit them as `undefined`; `[...Array(n)]`, `Array(n).fill(v)`, `.length` and element reads are exact",
    message:
      ".{method}() skips the holes of an array made by new Array(n) or [a, , b], which a Python list cannot have: it would visit each as undefined",
    suggestion:
      "create the elements first: Array.from({ length: n }, (_, i) => …), new Array(n).fill(value), [...Array(n)], or write undefined in the literal",
  },
  defaultReplacesNull: {
    code: "BPY1042",
    phase: "compiler",
    category: "warning",
    when: "a default (a parameter's, or in a destructuring pattern) for a value whose type allows `null`: JavaScript applies it only to `undefined`, Python's one None is both, so it also replaces `null` (a declared property typed `T | null`, never undefined, keeps its null and takes no default)",
    message:
      "the default of '{name}' also replaces null here: Python has one None for null and undefined",
    suggestion:
      "use only one of null and undefined in the type, or apply the default yourself (x === undefined ? d : x)",
  },
  inplaceOperatorExpression: {
    code: "BPY2001",
    phase: "blender",
    when: "an in-place operator macro (`iadd`, `imatmul`, …) used as a value",
    message:
      "'{method}' is the in-place Python operator '{operator}': it can only be used as a statement",
    suggestion:
      "write it on its own line (a.iadd(b);), or use the non-mutating form (a = a.add(b))",
  },
  usingNotContextManager: {
    code: "BPY2002",
    phase: "blender",
    when: "`using` on a value that is no `ContextManager<…>`",
    message:
      "'using' needs a Python context manager (a value typed ContextManager<…>), got '{type}'",
    suggestion:
      "use 'using' only with calls the typings declare as ContextManager<…> (bpy.data.libraries.load, bpy.data.temp_data, context.temp_override)",
  },
  awaitUsing: {
    code: "BPY2003",
    phase: "blender",
    when: "`await using`",
    message: "'await using' is not supported: Blender context managers are synchronous",
    suggestion: "write 'using x = …'",
  },
  addonClassMember: {
    code: "BPY2004",
    phase: "blender",
    when: "a constructor (or computed field name) in a class registered with Blender",
    message: "{member} is not supported in a class registered with Blender ({reason})",
    suggestion:
      "declare bl_* settings and bpy.props.* properties as instance fields with initialisers, and poll/description as static methods",
  },
  optionalOperatorMacro: {
    code: "BPY2005",
    phase: "blender",
    when: "optional call (`a?.add(b)`) of an operator macro",
    message: "optional call of the Python operator method '{method}' is not supported",
    suggestion: "check for null first: if (a) { … a.{method}(b) … }",
  },
  registrationCall: {
    code: "BPY2006",
    phase: "blender",
    when: "a call of `register()`/`unregister()` the generated code already makes",
    message:
      "'{name}()' is called by the generated register()/unregister() of the Blender classes: do not call it yourself",
    suggestion:
      'remove the call: `bpyts run` runs the generated register() (if __name__ == "__main__"), Blender runs it for an add-on',
  },
  internalError: {
    code: "BPY1999",
    phase: "compiler",
    when: "an internal compiler error (a bug of bpyts: the compiler threw while translating)",
    message: "internal compiler error: {detail}",
    suggestion:
      "please report it at https://github.com/bpyts/bpyts/issues with the code that triggers it; rewriting that construct may avoid it meanwhile",
  },
  domLib: {
    code: "BPY1901",
    phase: "project",
    when: '`lib` includes `DOM`/`WebWorker`/`ScriptHost`, or no `lib` (the default has the DOM), or `/// <reference lib="dom" />`',
    message:
      "{option}: a bpyts script runs in Blender's Python, where the browser's document, window and setTimeout do not exist",
    suggestion:
      'write "lib": ["ES2023", "ESNext.Disposable"] in compilerOptions (what bpyts init writes)',
  },
  lowTarget: {
    code: "BPY1902",
    phase: "project",
    when: "`target` below `ES2022`",
    message:
      '"target": "{target}" is below ES2022: bpyts compiles the ES2022 language, and TypeScript checks class fields by the target\'s rules (useDefineForClassFields follows it)',
    suggestion: 'write "target": "ES2022" (or later) in compilerOptions',
  },
  javaScriptFile: {
    code: "BPY1903",
    phase: "project",
    when: "`allowJs` with a `.js` file in the program",
    message: "{file} is JavaScript (allowJs): bpyts compiles TypeScript files only",
    suggestion: 'rename it to .ts, or remove "allowJs" from compilerOptions',
  },
  moduleKind: {
    code: "BPY1904",
    phase: "project",
    when: "`module` CommonJS/AMD/UMD/System/None, `moduleResolution` Classic/Node10",
    message:
      "{option}: bpyts bundles ES module imports; CommonJS/AMD/UMD/System modules and classic/node10 resolution are not compiled",
    suggestion:
      'write "module": "ESNext" and "moduleResolution": "Bundler" in compilerOptions (what bpyts init writes)',
  },
  nullChecks: {
    code: "BPY1905",
    phase: "project",
    when: 'null checks off (`"strict": false` or `"strictNullChecks": false`): keep `strictNullChecks`',
    message:
      '{option}: bpyts chooses its Python from the types, and without null checks they hide null and undefined ("a" + s would raise in Python where JavaScript gives "aundefined")',
    suggestion:
      'write "strictNullChecks": true in compilerOptions (the rest of "strict" may stay off)',
  },
  addonMetadata: {
    code: "BPY2007",
    phase: "blender",
    when: "`bl_info` metadata that is not plain text / integer versions",
    message: "bl_info: {problem}",
    suggestion:
      "write the add-on metadata as plain text, and versions as arrays of integers ([1, 2, 0])",
  },
  contextManagerWithoutUsing: {
    code: "BPY2008",
    phase: "blender",
    when: "a `ContextManager<…>` call not bound with `using`",
    message:
      "'{name}' returns a Python context manager: its value exists only inside Python's 'with', so it must be bound with 'using'",
    suggestion: "write 'using x = {name}(…);' — the rest of the block runs inside 'with … as x:'",
  },
  callbackArity: {
    code: "BPY2009",
    phase: "blender",
    when: "a registered callback declaring more parameters than Blender passes",
    message:
      "'{name}' is a callback Blender calls as {call}: it checks at registration that the method takes exactly {count} argument(s)",
    suggestion:
      "declare the parameters Blender passes, no more (ones you do not use may be left out at the end)",
  },
  registeredItem: {
    code: "BPY2010",
    phase: "blender",
    when: "an item a registered class writes that Blender does not accept",
    message: "'{value}' is not an item of {property}: Blender accepts {accepted}",
    suggestion: "{suggestion}",
  },
  operatorContextOrder: {
    code: "BPY2011",
    phase: "blender",
    when: "an operator's execution context / undo flag that is not a literal or const",
    message:
      "an operator's execution context and undo flag are passed before its options in Python: moving this expression there would evaluate it before the options",
    suggestion:
      'write a literal ("INVOKE_DEFAULT", true) or a const name here, or compute it into a const before the call',
  },
  collectionDotName: {
    code: "BPY2012",
    phase: "blender",
    when: '`coll.name` for a collection item by name (write `coll["name"]`)',
    message:
      "'{name}' is no member of this Blender collection: reading it as an item's name would hide a misspelled member",
    suggestion:
      'for the item named "{name}", write coll["{name}"] (KeyError when missing) or coll.get("{name}")',
  },
  BPY0001: {
    code: "BPY0001",
    phase: "cli",
    when: "the entry file (an argument or an item of `bpyts.entries`) does not exist",
    message: "entry file not found",
  },
  BPY0002: {
    code: "BPY0002",
    phase: "cli",
    when: "an output file or folder cannot be written (permissions, a symlink loop, a full disk); nothing is left half-written",
    message: "cannot write output",
  },
  BPY0003: {
    code: "BPY0003",
    phase: "cli",
    when: "no Blender: not on PATH, not `$BLENDER`, not `--blender`",
    message: "Blender not found",
  },
  BPY0004: {
    code: "BPY0004",
    phase: "cli",
    when: "`--target` is not a Blender version, or no `@bpyts/blender-X.Y` typings are installed",
    message: "no typings for this Blender version",
  },
  BPY0005: {
    code: "BPY0005",
    phase: "cli",
    when: "the Blender (or the `--python` interpreter of `--backend module`) could not be started or has no `bpy`",
    message: "Blender could not be started",
  },
  BPY0006: {
    code: "BPY0006",
    phase: "cli",
    when: "`@bpyts/compiler` cannot be loaded (not installed or not built), or `bpyts compile-server snapshot` cannot build the compile server's start-up snapshot",
    message: "compiler unavailable",
  },
  BPY0007: {
    code: "BPY0007",
    phase: "cli",
    when: "`--input` (or its `@file`) is not valid JSON, located in the file",
    message: "invalid --input",
  },
  BPY0008: {
    code: "BPY0008",
    phase: "cli",
    when: "`bpyts init`: the target exists and is not an empty folder, or `--local` names no checkout or tarballs",
    message: "cannot initialise project",
  },
  BPY0009: {
    code: "BPY0009",
    phase: "cli",
    when: "`bpyts introspect`: the dump inside Blender failed",
    message: "introspection failed",
  },
  BPY0010: {
    code: "BPY0010",
    phase: "cli",
    when: "`bpyts generate`: the typings cannot be generated or written",
    message: "cannot generate typings",
  },
  BPY0011: {
    code: "BPY0011",
    phase: "cli",
    when: "a schema file that is not the introspection format (the first problems, each at its JSON path)",
    message: "not a valid schema",
  },
  BPY0020: {
    code: "BPY0020",
    phase: "cli",
    when: "no tsconfig.json where a project is needed (`check`/`build` without entry or `-o`), `-p` names nothing",
    message: "no tsconfig.json",
  },
  BPY0021: {
    code: "BPY0021",
    phase: "cli",
    when: "an entry outside `rootDir` (located at `rootDir`)",
    message: "entry outside rootDir",
  },
  BPY0022: {
    code: "BPY0022",
    phase: "cli",
    when: "a project build without `outDir` (or `--out-dir`)",
    message: "no outDir for a project build",
  },
  BPY0023: {
    code: "BPY0023",
    phase: "cli",
    when: "`bpyts.entries` is not a list of paths, or the project has no entry",
    message: "invalid bpyts entries",
  },
  BPY0024: {
    code: "BPY0024",
    phase: "cli",
    when: "`-o` with several entries, or `--addon` without exactly one entry and `-o`",
    message: "-o with several entries",
  },
  BPY0025: {
    code: "BPY0025",
    phase: "cli",
    when: "an output path is a source file of the program (or another input)",
    message: "output would overwrite an input",
  },
  BPY0026: {
    code: "BPY0026",
    phase: "cli",
    when: "an output path is a folder, link, device or other special file",
    message: "output is not a regular file",
  },
  BPY0027: {
    code: "BPY0027",
    phase: "cli",
    when: "`generate -o` into a non-empty folder bpyts did not write (no `.bpyts-generated.json`)",
    message: "output folder not generated by bpyts",
  },
  BPY0400: {
    code: "BPY0400",
    phase: "farm",
    when: "`--frames` is not a frame range (`1-240`, `7`), or its end is before its start",
    message: "not a frame range",
  },
  BPY0401: {
    code: "BPY0401",
    phase: "farm",
    when: "`--chunk` is not a whole number of frames, at least 1",
    message: "invalid chunk size",
  },
  BPY0402: {
    code: "BPY0402",
    phase: "farm",
    when: "the Blender version a job asks for is not `major.minor`",
    message: "not a Blender version",
  },
  BPY0403: {
    code: "BPY0403",
    phase: "farm",
    when: "a farm worker or submitter started without the shared secret (`--secret-file` or `$BPYTS_FARM_SECRET`)",
    message: "farm: no shared secret",
  },
  BPY0405: {
    code: "BPY0405",
    phase: "farm",
    when: "`--secret-file` cannot be read",
    message: "farm: cannot read the secret file",
  },
  BPY0404: {
    code: "BPY0404",
    phase: "farm",
    when: "a worker refused an unsigned or tampered job (failed at once, no retry)",
    message: "farm: job refused",
  },
  BPY0406: {
    code: "BPY0406",
    phase: "farm",
    when: "a farm job failed after its last attempt (the submitter prints its error with the TS stack)",
    message: "farm: job failed",
  },
  BPY0407: {
    code: "BPY0407",
    phase: "farm",
    when: "the submission was cancelled (its waiting jobs were removed)",
    message: "farm: submission cancelled",
  },
  BPY0408: {
    code: "BPY0408",
    phase: "farm",
    when: "the files a job wrote in `outDir` exceed the artifact limit (16 MiB per job; no retry)",
    message: "farm: job outputs too large",
  },
  BPY0409: {
    code: "BPY0409",
    phase: "farm",
    when: "a job returned an artifact name that is not a plain file name",
    message: "farm: refused artifact name",
  },
  BPY0501: {
    code: "BPY0501",
    phase: "debug",
    when: "the request needs a running program (`launch` first), or the program has ended",
    message: "the program is not running",
  },
  BPY0502: {
    code: "BPY0502",
    phase: "debug",
    when: "`setBreakpoints` in a file that is not one of the program's TS files (the message lists them)",
    message: "breakpoint in a file that is not part of the program",
  },
  BPY0503: {
    code: "BPY0503",
    phase: "debug",
    when: "`launch` failed: the entry is missing (`BPY0001`\u2026), does not compile (its diagnostics follow), Blender did not start or debugpy did not listen",
    message: "the program could not be launched",
  },
  BPY0504: {
    code: "BPY0504",
    phase: "debug",
    when: "`attach` (use `launch`; `bpyts run --debug` for a program started from a terminal)",
    message: "request not supported",
  },
  BPY0100: {
    code: "BPY0100",
    phase: "runner",
    when: "an uncaught exception in the script: its type, message and TS-mapped stack (headline at the innermost frame in your TypeScript)",
    message: "uncaught exception in the script",
  },
  BPY0101: {
    code: "BPY0101",
    phase: "runner",
    when: "Blender crashed (a signal, e.g. SIGSEGV; the crash log path when Blender wrote one), also after the result was written",
    message: "Blender crashed",
  },
  BPY0102: {
    code: "BPY0102",
    phase: "runner",
    when: "the run or pool job exceeded `--timeout` / `timeoutMs`: Blender and what it started were killed (a pool worker is replaced)",
    message: "timed out",
  },
  BPY0103: {
    code: "BPY0103",
    phase: "runner",
    when: "the run was cancelled (Ctrl-C, an AbortSignal, `close({ force: true })`)",
    message: "cancelled",
  },
  BPY0104: {
    code: "BPY0104",
    phase: "runner",
    when: "Blender exited before the script finished (or could not be started)",
    message: "Blender exited before the script finished",
  },
  BPY0105: {
    code: "BPY0105",
    phase: "runner",
    when: "`--input` / `input` is not JSON-serialisable",
    message: "input is not JSON-serialisable",
  },
  BPY0106: {
    code: "BPY0106",
    phase: "runner",
    when: "a job given to a worker pool that is closing or closed",
    message: "worker pool is closed",
  },
  BPY0107: {
    code: "BPY0107",
    phase: "runner",
    when: "the `.blend` file or working directory of a run does not exist",
    message: "file not found",
  },
  BPY0108: {
    code: "BPY0108",
    phase: "runner",
    when: "the runner could not load the compiler",
    message: "cannot compile (compiler unavailable)",
    retiredFor: "BPY0006",
  },
  BPY0109: {
    code: "BPY0109",
    phase: "runner",
    when: "`--backend module`: the interpreter cannot be started or does not import `bpy`",
    message: "no Python interpreter with bpy",
  },
  BPY0110: {
    code: "BPY0110",
    phase: "runner",
    when: "a pool worker announced a frame over 256 MiB (its channel is corrupt; the worker is replaced)",
    message: "worker message too large",
  },
  BPY0111: {
    code: "BPY0111",
    phase: "runner",
    when: "a pool worker sent a frame that is not JSON",
    message: "worker message is not JSON",
  },
  BPY0112: {
    code: "BPY0112",
    phase: "runner",
    when: "a pool worker sent a message outside the protocol or at the wrong time, or refused the pool's request as malformed",
    message: "worker message does not match the protocol",
  },
  BPY0113: {
    code: "BPY0113",
    phase: "runner",
    when: "a pool worker sent a message for another job, or with the wrong nonce (a forged message)",
    message: "worker message for another job (wrong id or nonce)",
  },
  BPY0114: {
    code: "BPY0114",
    phase: "runner",
    when: "a pool worker's channel closed while the job ran (the job closed the worker's descriptors)",
    message: "worker channel closed during the job",
  },
  BPY0115: {
    code: "BPY0115",
    phase: "runner",
    when: "the script called `input()` without a fallback and the run was given no `--input` (at the TS line of the call)",
    message: "the script reads input() but the run was given none",
  },
  BPY0116: {
    code: "BPY0116",
    phase: "runner",
    when: "a pool job's `debugpy.port` is not a TCP port number (1–65535)",
    message: "bad debugpy port",
    suggestion: "pass `debugpy: { port }` with a free loopback port (`freePort()` of @bpyts/debug)",
  },
  BPY0150: {
    code: "BPY0150",
    phase: "runner",
    when: "the `--blender` executable does not print `Blender X.Y` for `--version`",
    message: "not a Blender",
  },
  BPY0151: {
    code: "BPY0151",
    phase: "runner",
    when: "`blender --version` did not answer in time (60 s, or `$BPYTS_VERSION_TIMEOUT_MS`)",
    message: "the Blender version probe timed out",
  },
} as const satisfies Record<string, CodeDef>;
