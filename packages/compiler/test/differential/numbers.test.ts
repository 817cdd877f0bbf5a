import { differential } from "./harness.js";
import cases from "./numbers.cases.js";

differential("numbers", cases);
