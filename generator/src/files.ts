/**
 * Which file a declaration lands in. Names say what is inside and do not move between Blender
 * versions (a struct is in the same file in 3.4 and 5.2, so two packages diff file by file):
 * structs by family (the root of their base chain), the rest by initial; operators one file per
 * `bpy.ops` namespace.
 */
import type { Struct } from "@bpyts/introspect";
import type { GenContext } from "./context.js";

/** Base struct → family file, checked from the struct itself up its base chain. */
const FAMILIES: Record<string, string> = {
  Node: "nodes",
  NodeSocket: "node-sockets",
  NodeSocketInterface: "node-sockets",
  NodeTreeInterfaceItem: "node-sockets",
  Modifier: "modifiers",
  GpencilModifier: "modifiers",
  ShaderFx: "modifiers",
  Constraint: "constraints",
  Sequence: "sequencer",
  Strip: "sequencer",
  Space: "spaces",
  ID: "data-blocks",
  PropertyGroup: "data-blocks",
  Gizmo: "ui",
  GizmoGroup: "ui",
  Panel: "ui",
  Menu: "ui",
  Header: "ui",
  UIList: "ui",
  Operator: "ui",
};

/** Name prefix → family, for structs outside those chains (theme and preference settings). */
const PREFIXES: [RegExp, string][] = [
  [/^Theme/, "theme"],
  [/^Preferences/, "preferences"],
];

/** The rest, by initial: fixed ranges so that a struct never changes file. */
const INITIALS: [RegExp, string][] = [
  [/^[A-Ba-b]/, "a-b"],
  [/^[Cc]/, "c"],
  [/^[D-Fd-f]/, "d-f"],
  [/^[G-Lg-l]/, "g-l"],
  [/^[M-Om-o]/, "m-o"],
  [/^[P-Rp-r]/, "p-r"],
  [/^[Ss]/, "s"],
];

export function structFile(ctx: GenContext, s: Struct): string {
  for (const a of [s, ...ctx.ancestors(s)]) {
    const family = FAMILIES[a.identifier];
    if (family) return `bpy.types.${family}`;
  }
  for (const [re, family] of PREFIXES) if (re.test(s.identifier)) return `bpy.types.${family}`;
  for (const [re, range] of INITIALS) if (re.test(s.identifier)) return `bpy.types.${range}`;
  return "bpy.types.t-z";
}

export function operatorFile(namespace: string): string {
  return `bpy.ops.${namespace}`;
}
