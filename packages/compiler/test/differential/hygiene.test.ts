import { differential } from "./harness.js";
import cases from "./hygiene.cases.js";

differential("python hygiene", cases);
