#!/usr/bin/env python3
"""Build src/runtime/manifest.generated.ts from the runtime's Python modules (runtime/*.py).

Each module is a docstring, its imports (`import math`, `from .convert import _js_str`), then
helper blocks, each opened by a `# helper: NAME` line and running to the next one. A block is
emitted verbatim into a compiled script that uses NAME. What a block needs is computed from its
syntax tree, not written by hand:

- deps: the other blocks whose top-level names (def, class, assignment) it reads;
- imports: the standard modules imported at the top of its module that it reads.

    python3 scripts/build-runtime.py          # write the manifest (only if it changed)
    python3 scripts/build-runtime.py --check  # exit 1 if the committed manifest is stale
    (--runtime DIR --out FILE: other modules and manifest, for the tests)

Errors name the file and line (`runtime/strings.py:12: ...`) and exit 2; nothing is written then.
"""

import argparse
import ast
import json
import os
import re
import symtable
import sys
import tempfile

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = re.compile(r"# helper: (\S+)\n")
# what the compiled output names: _js_x functions, _JS_X constants, JsX classes
HELPER_NAME = re.compile(r"(?:_js_|_JS_|Js)\w+\Z")


class BuildError(Exception):
    pass


def where(path, line):
    return "%s:%d" % (os.path.relpath(path), line)


def top_level_names(stmt):
    """The module-level names a statement binds."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [stmt.name]
    if isinstance(stmt, ast.Assign):
        return [n.id for t in stmt.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    if isinstance(stmt, (ast.AnnAssign, ast.AugAssign)) and isinstance(stmt.target, ast.Name):
        return [stmt.target.id]
    return []


def global_reads(code, path):
    """The module-level names a block reads, in any scope: a name bound in the function reading
    it (a parameter, a local `import struct`) is that function's own, not a use of the global."""
    out = set()

    def visit(table):
        for sym in table.get_symbols():
            if not sym.is_referenced():
                continue
            if table.get_type() == "module" or sym.is_global():
                out.add(sym.get_name())
        for child in table.get_children():
            visit(child)

    visit(symtable.symtable(code, path, "exec"))
    return out


def read_module(path):
    """A module's header imports and its helper blocks (name, code, marker line, code line, tree)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        ast.parse(text, path)
    except SyntaxError as e:
        raise BuildError("%s: %s" % (where(path, e.lineno or 1), e.msg)) from None
    marks = list(MARKER.finditer(text))
    header_end = marks[0].start() if marks else len(text)
    header = ast.parse(text[:header_end], path)
    std, local = set(), {}
    for i, stmt in enumerate(header.body):
        line = stmt.lineno
        if i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # the docstring
        if isinstance(stmt, ast.Import) and all(a.asname is None for a in stmt.names):
            std.update(a.name for a in stmt.names)
        elif isinstance(stmt, ast.ImportFrom) and stmt.level == 1 and stmt.module:
            for a in stmt.names:
                local[a.asname or a.name] = (stmt.module, a.name, line)
        else:
            raise BuildError(
                "%s: before the first `# helper:` block only the docstring, `import module` and "
                "`from .area import name` may stand (this is not emitted)" % where(path, line)
            )
    blocks = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        first_line = text.count("\n", 0, m.end()) + 1
        # the block as emitted: without the blank lines around it
        code = text[m.end() : end].lstrip("\n").rstrip()
        skipped = len(text[m.end() : end]) - len(text[m.end() : end].lstrip("\n"))
        try:
            tree = ast.parse(code, path)
        except SyntaxError as e:
            raise BuildError(
                "%s: %s (a `# helper:` block must parse on its own)"
                % (where(path, first_line + skipped + (e.lineno or 1) - 1), e.msg)
            ) from None
        blocks.append((m.group(1), code, first_line - 1, first_line + skipped, tree))
    return std, local, blocks


def build(runtime):
    modules = sorted(
        f[:-3] for f in os.listdir(runtime) if f.endswith(".py") and f != "__init__.py"
    )
    helpers = []  # (name, area, code, tree, path, marker line, std)
    owner = {}  # top-level name -> helper that defines it
    imported = []  # (path, local name, area, name, line)
    for area in modules:
        path = os.path.join(runtime, area + ".py")
        std, local, blocks = read_module(path)
        for name, (module, orig, line) in local.items():
            imported.append((path, name, module, orig, line))
        for name, code, mark, line, tree in blocks:
            first = next((h for h in helpers if h[0] == name), None)
            if first:
                raise BuildError(
                    "%s: a second `# helper: %s` block (the first is at %s)"
                    % (where(path, mark), name, where(first[4], first[5]))
                )
            if not HELPER_NAME.match(name):
                raise BuildError(
                    "%s: helper %s: a helper's name starts with _js_, _JS_ or Js"
                    % (where(path, mark), name)
                )
            defined = [n for stmt in tree.body for n in top_level_names(stmt)]
            if name not in defined:
                raise BuildError(
                    "%s: the block `# helper: %s` does not define %s at its top level"
                    % (where(path, mark), name, name)
                )
            for stmt in tree.body:
                for n in top_level_names(stmt):
                    if n in owner and owner[n] != name:
                        raise BuildError(
                            "%s: %s is defined by helper %s and again by helper %s"
                            % (where(path, line + stmt.lineno - 1), n, owner[n], name)
                        )
                    owner[n] = name
            helpers.append((name, area, code, tree, path, mark, std))
    for path, name, module, orig, line in imported:
        if module not in modules:
            raise BuildError("%s: no runtime module %s" % (where(path, line), module))
        if orig not in owner:
            raise BuildError(
                "%s: %s is not defined by any helper block of runtime/%s.py"
                % (where(path, line), orig, module)
            )
    out = []
    for name, area, code, _tree, path, _line, std in helpers:
        read = global_reads(code, path)
        deps = sorted({owner[n] for n in read if n in owner and owner[n] != name})
        imports = sorted(read & std)
        out.append({"name": name, "area": area, "deps": deps, "imports": imports, "code": code})
    return emission_order(out)


def emission_order(helpers):
    """All helpers deps-first, ties by name: a script's runtime section is this order restricted
    to the helpers it needs, so using one more helper never reorders the others."""
    pending = {h["name"]: h for h in helpers}
    placed, out = set(), []
    while pending:
        ready = sorted(n for n, h in pending.items() if placed.issuperset(h["deps"]))
        if not ready:
            raise BuildError(
                "helpers %s use each other: put them in one `# helper:` block"
                % ", ".join(on_cycles(pending))
            )
        n = ready[0]
        out.append(pending.pop(n))
        placed.add(n)
    return out


def on_cycles(pending):
    """The helpers that reach themselves through their deps (what blocks the order)."""

    def reach(start):
        seen, todo = set(), list(pending[start]["deps"])
        while todo:
            d = todo.pop()
            if d in pending and d not in seen:
                seen.add(d)
                todo.extend(pending[d]["deps"])
        return seen

    return sorted(n for n in pending if n in reach(n))


def render(helpers):
    q = lambda s: json.dumps(s, ensure_ascii=True)  # noqa: E731
    lines = [
        "// Generated by packages/compiler/scripts/build-runtime.py from packages/compiler/runtime/*.py.",
        "// Do not edit: edit the Python module, then run `npm run build -w @bpyts/compiler`.",
        "",
        "/** The name of a runtime helper (a `# helper:` block of packages/compiler/runtime/*.py). */",
        "export type HelperName =",
    ]
    lines += ["  | %s" % q(n) for n in sorted(h["name"] for h in helpers)]
    lines[-1] += ";"
    lines += [
        "",
        "export interface HelperSource {",
        "  readonly name: HelperName;",
        "  /** its module: packages/compiler/runtime/<area>.py */",
        "  readonly area: string;",
        "  /** the helpers whose names its code reads, sorted */",
        "  readonly deps: readonly HelperName[];",
        "  /** the standard modules its code reads, sorted */",
        "  readonly imports: readonly string[];",
        "  /** the Python emitted into a script that uses it */",
        "  readonly code: string;",
        "}",
        "",
        "/** Every helper, in the order a script emits the ones it needs: deps first, ties by name. */",
        "export const HELPERS: readonly HelperSource[] = [",
    ]
    for h in helpers:
        lines.append("  {")
        lines.append("    name: %s," % q(h["name"]))
        lines.append("    area: %s," % q(h["area"]))
        lines.append("    deps: [%s]," % ", ".join(q(d) for d in h["deps"]))
        lines.append("    imports: [%s]," % ", ".join(q(m) for m in h["imports"]))
        lines.append("    code: %s," % q(h["code"]))
        lines.append("  },")
    lines.append("];")
    return "\n".join(lines) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description="Build the runtime helper manifest.")
    parser.add_argument("--check", action="store_true", help="exit 1 if OUT is stale")
    parser.add_argument("--runtime", default=os.path.join(PACKAGE, "runtime"))
    parser.add_argument(
        "--out", default=os.path.join(PACKAGE, "src", "runtime", "manifest.generated.ts")
    )
    args = parser.parse_args(argv)
    try:
        text = render(build(args.runtime))
    except BuildError as e:
        print("build-runtime: %s" % e, file=sys.stderr)
        return 2
    try:
        with open(args.out, encoding="utf-8") as f:
            current = f.read()
    except FileNotFoundError:
        current = None
    rel = os.path.relpath(args.out)
    if args.check:
        if current != text:
            print(
                "build-runtime: %s is stale: run `npm run build -w @bpyts/compiler` and commit it"
                % rel,
                file=sys.stderr,
            )
            return 1
        return 0
    if current != text:
        # atomic: a reader never sees half a manifest
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(args.out), prefix=".manifest.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.replace(tmp, args.out)
        except BaseException:
            os.unlink(tmp)
            raise
        print("build-runtime: wrote %s" % rel)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
