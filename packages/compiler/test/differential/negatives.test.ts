import { differential } from "./harness.js";
import cases from "./negatives.cases.js";

differential("negative indices and negative zero", cases);
