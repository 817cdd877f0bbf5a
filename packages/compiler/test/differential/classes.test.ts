import { differential } from "./harness.js";
import cases from "./classes.cases.js";

differential("classes, errors, enums", cases);
