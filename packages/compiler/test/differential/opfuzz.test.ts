import { differential } from "./harness.js";
import cases from "./opfuzz.cases.js";

differential("operator fuzz", cases);
