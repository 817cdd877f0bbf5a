import { differential } from "./harness.js";
import cases from "./folding.cases.js";

differential("null/undefined folding keeps effects", cases);
