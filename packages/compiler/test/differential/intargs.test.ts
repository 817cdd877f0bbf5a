import { differential } from "./harness.js";
import cases from "./intargs.cases.js";

differential("float arguments of built-ins", cases);
