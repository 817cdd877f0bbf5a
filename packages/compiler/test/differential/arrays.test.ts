import { differential } from "./harness.js";
import cases from "./arrays.cases.js";

differential("arrays", cases);
