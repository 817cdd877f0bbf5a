import { differential } from "./harness.js";
import cases from "./undefargs.cases.js";

differential("explicit undefined for optional built-in arguments", cases);
