import { differential } from "./harness.js";
import cases from "./fastpaths.cases.js";

differential("performance fast paths", cases);
