import { differential } from "./harness.js";
import cases from "./logic.cases.js";

differential("equality, truthiness, logic", cases);
