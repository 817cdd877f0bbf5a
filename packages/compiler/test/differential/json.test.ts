import { differential } from "./harness.js";
import cases from "./json.cases.js";

differential("JSON.stringify fast path and writer", cases);
