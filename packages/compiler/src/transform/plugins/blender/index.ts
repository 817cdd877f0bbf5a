/**
 * The Blender layer as a plugin of the visitor registry (../../layers.ts): which values are
 * Python objects of the typings, keyword arguments, mathutils operators, `using` → `with`,
 * Python sets and tuples handed to Blender, add-on classes and their generated
 * register()/unregister(). Every Blender idiom is reached from here; the core visitors know none.
 */
import ts from "../../../ts.cjs";
import type { Layer } from "../../layers.js";
import { buildDef } from "../../functions.js";
import { checkBlInfo } from "./blinfo.js";
import {
  blenderArgs,
  blenderArrayLiteral,
  blenderCall,
  blenderCallbackArity,
  blenderNew,
  blenderSetValue,
} from "./calls.js";
import {
  asClassMethod,
  blenderCallbackDef,
  blenderClassFields,
  isBlenderClass,
  noteBlenderClassName,
  prepareRegistration,
  registrationCode,
  registrationIndex,
} from "./classes.js";
import { blenderElementGet, blenderPropertyGet, blenderPropertyTarget } from "./collections.js";
import { isPythonObjectType, pyNameOf } from "./markers.js";
import { isKwArgsParam, kwArgs } from "./kwargs.js";
import { mathutilsOperatorStatement } from "./mathutils.js";
import { checkContextManagerUse, isUsingStatement, transformUsing } from "./using.js";

const K = ts.SyntaxKind;

export const blenderLayer: Layer = {
  name: "blender",
  visitors: {
    [K.CallExpression]: (ctx, node) => {
      checkContextManagerUse(ctx, node); // context managers only through `using`
      return blenderCall(ctx, node);
    },
    [K.NewExpression]: blenderNew, // Python sets for bpy
    [K.ArrayLiteralExpression]: blenderArrayLiteral, // tuples for bpy
    [K.PropertyAccessExpression]: blenderPropertyGet,
    [K.ElementAccessExpression]: blenderElementGet,
    [K.ExpressionStatement]: mathutilsOperatorStatement, // `a.iadd(b);` → `a += b`
    [K.VariableStatement]: (ctx, block, at, rest) =>
      isUsingStatement(block[at]!) ? transformUsing(ctx, block.slice(at), rest) : undefined,
    [K.ClassDeclaration]: (ctx, node) =>
      isBlenderClass(ctx, node)
        ? {
            // fields → class attributes / bpy.props annotations
            fields: (fields, name) => {
              const r = blenderClassFields(ctx, node, fields);
              noteBlenderClassName(ctx, node, name);
              return r;
            },
            // registered callbacks take every argument Blender passes; static members (poll,
            // …) are class methods
            method: (m, name, isStatic) => {
              const def = buildDef(ctx, m, name, { self: true, thisName: "self" });
              return blenderCallbackDef(ctx, node, m, isStatic ? asClassMethod(def) : def);
            },
          }
        : undefined,
  },
  hooks: {
    prepare(ctx, entry) {
      prepareRegistration(ctx, entry);
      checkBlInfo(ctx, entry); // add-on metadata
    },
    finish(ctx, entry, body, imports) {
      // register()/unregister() for the bpy.types subclasses
      const pos = { file: entry.fileName, line: 0, column: 0 };
      const registration = registrationCode(ctx, pos);
      if (!registration.length) return;
      // registered before the top-level code that follows the classes (it may call their operators)
      body.splice(registrationIndex(ctx, body), 0, ...registration);
      if (!imports.modules.some((m) => m.module === "bpy" && !m.asname))
        imports.modules.push({ module: "bpy", pos });
    },
    // `import bpy` first, then its submodules (`from bpy.types import …`), then other modules
    importRank: (m) => (m === "bpy" ? 0 : m.startsWith("bpy.") ? 1 : undefined),
    assignTarget: blenderPropertyTarget,
    // an options object for a `KwArgs<{ … }>` parameter: Python keyword arguments
    argument: (ctx, arg, param) => (isKwArgsParam(ctx, param) ? kwArgs(ctx, arg) : undefined),
    callArgs: blenderArgs, // keyword-only RNA arguments, EnumFlagProperty, operator context
    valueOut: blenderSetValue, // a JS Set handed to Blender is a Python set, enum items tuples
    callbackArity: blenderCallbackArity,
    isObjectType: (ctx, t) => isPythonObjectType(ctx, t), // RNA structs/collections, mathutils
    importedName: pyNameOf, // @pyName (EnumFlagProperty)
  },
};
