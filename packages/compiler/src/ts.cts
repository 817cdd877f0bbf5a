// TypeScript ships as one CommonJS file of ~9 MB. Loaded through `require` it is only compiled;
// `import` from ESM would also make Node parse it twice more (module-format detection and the
// scan for named exports): ~280 ms per process on a 2-core machine. Every compiler file imports
// TypeScript from here.
import ts = require("typescript");
export = ts;
