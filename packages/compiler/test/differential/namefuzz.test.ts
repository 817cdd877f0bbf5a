import { differential } from "./harness.js";
import cases from "./namefuzz.cases.js";

differential("namefuzz", cases);
