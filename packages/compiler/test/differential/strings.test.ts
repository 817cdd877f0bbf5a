import { differential } from "./harness.js";
import cases from "./strings.cases.js";

differential("strings", cases);
