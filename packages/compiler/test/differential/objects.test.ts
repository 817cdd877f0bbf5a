import { differential } from "./harness.js";
import cases from "./objects.cases.js";

differential("objects, Map, Set, JSON", cases);
