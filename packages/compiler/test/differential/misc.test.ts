import { differential } from "./harness.js";
import cases from "./misc.cases.js";

differential("mixed programs", cases);
