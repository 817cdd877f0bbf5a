import { differential } from "./harness.js";
import cases from "./loads.cases.js";

differential("emitted Python loads", cases);
