// Live oracle: walk the running Blender 3.4 with our own small script (not the introspect code)
// and assert that every struct, RNA property, RNA function and operator (with its options) is
// declared in packages/blender-3.4 with the matching kind — read back with ts-morph.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Node, Project, SyntaxKind, type ModuleDeclaration } from "ts-morph";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, findBlender, pkgDir } from "./helpers.js";

interface Walk {
  version: string;
  structs: Record<string, { base: string | null; properties: string[]; functions: string[] }>;
  operators: Record<string, string[]>;
}

/** Deliberate exceptions, each with its reason. */
const EXCEPTIONS: Record<string, string> = {
  "RenderEngine.render()":
    "RenderEngine has both an RNA property `render` (RenderSettings) and a registered callback `render(depsgraph)`; a TS class can declare only one member per name, the property is declared (the callback is documented on it)",
};

const blender = findBlender();

interface Decl {
  kind: "class" | "interface";
  base: string | null;
  props: Set<string>;
  methods: Set<string>;
}

function readDeclarations(dir: string) {
  const project = new Project({ useInMemoryFileSystem: false, skipAddingFilesFromTsConfig: true });
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".d.ts")))
    project.addSourceFileAtPath(join(dir, f));
  const structs = new Map<string, Decl>();
  const ops = new Map<string, Set<string>>();
  const modules = (name: string): ModuleDeclaration[] =>
    project
      .getSourceFiles()
      .flatMap((sf) => sf.getModules().filter((m) => m.getName() === JSON.stringify(name)));
  for (const m of modules("bpy.types")) {
    for (const c of m.getClasses()) {
      const props = new Set<string>();
      const methods = new Set<string>();
      for (const p of c.getProperties()) props.add(p.getName());
      for (const g of c.getGetAccessors()) props.add(g.getName());
      for (const me of c.getMethods()) methods.add(me.getName());
      structs.set(c.getName()!, {
        kind: "class",
        base: c.getExtends()?.getExpression().getText() ?? null,
        props,
        methods,
      });
    }
    for (const i of m.getInterfaces()) {
      const props = new Set<string>();
      const methods = new Set<string>();
      for (const p of i.getProperties()) props.add(p.getName());
      for (const g of i.getGetAccessors()) props.add(g.getName());
      for (const me of i.getMethods()) methods.add(me.getName());
      structs.set(i.getName(), {
        kind: "interface",
        base: i.getExtends()[0]?.getExpression().getText() ?? null,
        props,
        methods,
      });
    }
  }
  const opInterfaces = new Map(
    modules("bpy.ops").flatMap((m) => m.getInterfaces().map((i) => [i.getName(), i] as const)),
  );
  for (const m of modules("bpy.ops")) {
    for (const ns of m.getModules()) {
      for (const stmt of ns.getVariableStatements()) {
        for (const d of stmt.getDeclarations()) {
          // exported under the Python name (reserved words: `_delete` exported as `delete`)
          const tag = stmt
            .getJsDocs()
            .flatMap((j) => j.getTags())
            .find((t) => t.getTagName() === "pyName");
          const pyName = tag ? tag.getCommentText()!.trim() : d.getName();
          // BpyOperator<{ … }>, or BpyOperator<TRANSFORM_OT_translate> for macro parts
          const arg = d.getTypeNode()?.asKind(SyntaxKind.TypeReference)?.getTypeArguments()[0];
          const options = new Set<string>();
          const members = arg?.isKind(SyntaxKind.TypeLiteral)
            ? arg.getProperties()
            : arg?.isKind(SyntaxKind.TypeReference)
              ? (opInterfaces.get(arg.getTypeName().getText())?.getProperties() ?? [])
              : [];
          for (const p of members) options.add(p.getName().replace(/^"|"$/g, ""));
          ops.set(`${ns.getName()}.${pyName}`, options);
        }
      }
      void Node;
    }
  }
  return { structs, ops };
}

describe.skipIf(!blender)("live oracle: Blender 3.4 vs packages/blender-3.4", () => {
  let walk: Walk;
  let decl: ReturnType<typeof readDeclarations>;
  beforeAll(() => {
    const out = join(mkdtempSync(join(tmpdir(), "bpyts-oracle-")), "walk.json");
    const r = spawnSync(
      blender!,
      [
        "-b",
        "--factory-startup",
        "--python-exit-code",
        "1",
        "--python",
        join(ROOT, "generator/test/oracle/walk_blender.py"),
        "--",
        out,
      ],
      { encoding: "utf8", maxBuffer: 64 << 20 },
    );
    expect(r.status, r.stderr).toBe(0);
    walk = JSON.parse(readFileSync(out, "utf8")) as Walk;
    decl = readDeclarations(pkgDir("3.4"));
  }, 300_000);

  const lookup = (name: string, member: string, kind: "props" | "methods"): boolean => {
    let cur: string | null = name;
    while (cur) {
      const d = decl.structs.get(cur);
      if (!d) return false;
      if (d[kind].has(member)) return true;
      cur = d.base;
    }
    return false;
  };

  it("is Blender 3.4", () => {
    expect(walk.version.startsWith("3.4.")).toBe(true);
  });

  it("declares every struct as a class or interface in bpy.types", () => {
    const missing = Object.keys(walk.structs).filter((s) => !decl.structs.has(s) && !EXCEPTIONS[s]);
    expect(missing).toEqual([]);
    expect(Object.keys(walk.structs).length).toBeGreaterThan(2500);
  });

  it("declares every RNA property as a property/accessor (own or inherited)", () => {
    const missing: string[] = [];
    let n = 0;
    for (const [s, info] of Object.entries(walk.structs))
      for (const p of info.properties) {
        n++;
        if (!lookup(s, p, "props") && !EXCEPTIONS[`${s}.${p}`]) missing.push(`${s}.${p}`);
      }
    expect(missing).toEqual([]);
    expect(n).toBeGreaterThan(9000);
  });

  it("declares every RNA function as a method (own or inherited)", () => {
    const missing: string[] = [];
    for (const [s, info] of Object.entries(walk.structs))
      for (const f of info.functions)
        if (!lookup(s, f, "methods") && !EXCEPTIONS[`${s}.${f}()`]) missing.push(`${s}.${f}()`);
    expect(missing).toEqual([]);
  });

  it("declares every operator with exactly its options", () => {
    const missing: string[] = [];
    const wrongOptions: string[] = [];
    for (const [id, props] of Object.entries(walk.operators)) {
      const d = decl.ops.get(id);
      if (!d) {
        missing.push(id);
        continue;
      }
      const want = [...props].sort().join(",");
      const have = [...d].sort().join(",");
      if (want !== have) wrongOptions.push(`${id}: want {${want}} have {${have}}`);
    }
    expect(missing).toEqual([]);
    expect(wrongOptions).toEqual([]);
    expect(Object.keys(walk.operators).length).toBeGreaterThan(2000);
  });
});

// Pointer nullness: every RNA pointer the 3.4 typings declare non-null must never be None over
// the live sweep (oracle/pointer_sweep.py: ~2600 instances incl. every object/node/modifier/
// constraint type and ID copies). The embedded allow-list (POINTER_NEVER_NONE) must also show a
// single fixed offset inside its owner (a DNA member), and the known-nullable pointers must
// actually have been seen as None (so the sweep is not vacuous).
describe.skipIf(!blender)("live oracle: pointer nullness (Blender 3.4)", () => {
  interface Stat {
    none: number;
    set: number;
    readonly: boolean;
    neverNone: boolean;
    runtime: boolean;
    targetIsID: boolean;
    offsets: Record<string, number[]>;
  }
  let sweep: { version: string; instances: number; pointers: Record<string, Stat> };
  beforeAll(() => {
    const out = join(mkdtempSync(join(tmpdir(), "bpyts-sweep-")), "sweep.json");
    const r = spawnSync(
      blender!,
      [
        "-b",
        "--factory-startup",
        "--python-exit-code",
        "1",
        "--python",
        join(ROOT, "generator/test/oracle/pointer_sweep.py"),
        "--",
        out,
      ],
      { encoding: "utf8", maxBuffer: 64 << 20 },
    );
    expect(r.status, r.stderr).toBe(0);
    sweep = JSON.parse(readFileSync(out, "utf8"));
  }, 300_000);

  it("covers enough instances", () => {
    expect(sweep.version.startsWith("3.4.")).toBe(true);
    expect(sweep.instances).toBeGreaterThan(2000);
  });

  it("never sees None in a pointer typed non-null", async () => {
    const { POINTER_NEVER_NONE, POINTER_MAYBE_NONE } = await import("../src/overrides.js");
    const { loadSchema } = await import("@bpyts/introspect");
    const schema = await loadSchema(join(ROOT, "introspect/schemas/blender-3.4.json.gz"));
    const isID = new Map(schema.structs.map((s) => [s.identifier, s.isID]));
    const nonNull: string[] = [];
    for (const s of schema.structs)
      for (const p of s.properties) {
        if (p.type !== "pointer") continue;
        const key = `${s.identifier}.${p.identifier}`;
        if (POINTER_MAYBE_NONE.has(key)) continue;
        if (
          p.neverNone ||
          POINTER_NEVER_NONE.has(key) ||
          (p.runtime && isID.get(p.fixedType) === false)
        )
          nonNull.push(key);
      }
    const bad = nonNull
      .filter((k) => (sweep.pointers[k]?.none ?? 0) > 0)
      .map((k) => `${k}: None ${sweep.pointers[k]!.none}×`);
    expect(bad).toEqual([]);
    const embedded = [...POINTER_NEVER_NONE].filter((k) => !/\.layout(_type)?$/.test(k));
    const notEmbedded = embedded.filter((k) => {
      const st = sweep.pointers[k];
      return (
        !st ||
        st.set === 0 ||
        !Object.values(st.offsets).every((o) => o.length === 1 && o[0]! >= 0 && o[0]! < 65536)
      );
    });
    expect(notEmbedded).toEqual([]);
  });

  it("sees None in the pointers that stay nullable", () => {
    for (const k of ["Object.pose", "Object.field", "Mesh.shape_keys", "Object.parent"])
      expect(sweep.pointers[k]?.none, k).toBeGreaterThan(0);
  });
});
