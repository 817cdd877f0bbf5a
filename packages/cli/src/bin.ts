#!/usr/bin/env node
import module from "node:module";

// Node ≥ 22.1 can keep V8's compiled code of bpyts and TypeScript between runs (tsc does the
// same); it must be switched on before those modules load, hence the dynamic import below.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import("./main.js");

process.exitCode = await main(process.argv.slice(2));
