import { differential } from "./harness.js";
import cases from "./compound.cases.js";

differential("compound assignments", cases);
