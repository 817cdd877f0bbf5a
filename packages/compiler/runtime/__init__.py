"""The bpyts runtime: JavaScript semantics Python lacks, one module per area.

scripts/build-runtime.py turns these modules into src/runtime/manifest.generated.ts; the compiler
emits the `# helper:` blocks a script uses. Importable for the tests in tests/.
"""
