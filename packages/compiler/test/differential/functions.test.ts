import { differential } from "./harness.js";
import cases from "./functions.cases.js";

differential("functions", cases);
