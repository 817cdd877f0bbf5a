// A value whose type says it is null/undefined folds to a constant (a test, a string, an
// equality) only when evaluating it does nothing: a call of a void function, a callback of
// find/filter/some/every, a function returning null still runs, in order, exactly once.
import { rows } from "./harness.js";

const top = `let calls = 0;
function v(): void { calls++; }
function u(): undefined { calls++; return undefined; }
function nl(): null { calls++; return null; }`;

export default rows([
  ["console.log of a void call", `console.log(v()); return calls;`, top],
  [
    "template and String() of null/undefined calls",
    "const s = `${nl()}|${String(u())}|${v()}`; return [s, calls];",
    top,
  ],
  ["conditional on a null call", `const d = nl() ? 1 : 2; return [d, calls];`, top],
  ["Boolean and ! of nullish calls", `return [Boolean(v()), !nl(), !!u(), calls];`, top],
  [
    "=== and == against null of a null call",
    `return [nl() === null, nl() == undefined, nl() != null, v() === undefined, calls];`,
    top,
  ],
  ["?? of a null call", `return [nl() ?? "x", u() ?? 2, calls];`, top],
  [
    "void predicates of find/filter/some/every are called",
    `const h = [1, 2].find((x): void => { calls++; });
const e = [1, 2].filter((x): void => { calls++; });
const f = [1, 2].some((x): void => { calls++; });
const g = [1, 2].every((x): undefined => { calls++; return undefined; });
return [h === undefined, e.length, f, g, calls];`,
    top,
  ],
  [
    "a void callback that returns a value at run time",
    `const pick = ((x: number) => x > 1) as (x: number) => void;
return [[1, 2, 3].find(pick), [0, 1, 2].filter(pick)];`,
  ],
]);
