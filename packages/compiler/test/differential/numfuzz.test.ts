import { differential } from "./harness.js";
import cases from "./numfuzz.cases.js";

differential("numfuzz", cases);
