# Live oracle for the generator tests (independent of introspect/): walks the running Blender
# and writes every bpy.types struct (with its RNA properties and functions) and every operator
# (with its properties) as JSON. Usage:
#   blender -b --factory-startup --python-exit-code 1 --python walk_blender.py -- out.json
import json
import sys

import bpy

out_path = sys.argv[sys.argv.index("--") + 1]
structs = {}
for name in dir(bpy.types):
    cls = getattr(bpy.types, name)
    rna = getattr(cls, "bl_rna", None)
    if rna is None or not isinstance(cls, type):
        continue
    if "_OT_" in rna.identifier:
        continue  # operator structs: checked through bpy.ops below
    base = rna.base.identifier if rna.base else None
    base_props = {p.identifier for p in rna.base.properties} if rna.base else set()
    base_funcs = {f.identifier for f in rna.base.functions} if rna.base else set()
    structs[rna.identifier] = {
        "base": base,
        "properties": sorted(p.identifier for p in rna.properties if p.identifier not in base_props),
        "functions": sorted(f.identifier for f in rna.functions if f.identifier not in base_funcs),
    }
operators = {}
for mod_name in dir(bpy.ops):
    if mod_name.startswith("_"):
        continue
    mod = getattr(bpy.ops, mod_name)
    for op_name in dir(mod):
        if op_name.startswith("_"):
            continue
        op = getattr(mod, op_name)
        try:
            rna = op.get_rna_type()
        except Exception:
            continue
        operators["%s.%s" % (mod_name, op_name)] = sorted(p.identifier for p in rna.properties if p.identifier != "rna_type")
version = "%d.%d.%d" % bpy.app.version
with open(out_path, "w") as f:
    json.dump({"version": version, "structs": structs, "operators": operators}, f, sort_keys=True)
