import { differential } from "./harness.js";
import cases from "./builtins.cases.js";

differential("built-ins (Math.imul/fround/clz32, console.log, RegExp)", cases);
