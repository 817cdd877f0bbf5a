import { differential } from "./harness.js";
import cases from "./control.cases.js";

differential("control flow, destructuring, TS syntax", cases);
