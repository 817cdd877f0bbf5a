import { differential } from "./harness.js";
import cases from "./fidelity3.cases.js";

differential("fidelity round 3 (issue 18)", cases);
