// The Python emitted for a line does not depend on unrelated lines (issue: the integer proof
// cached the `false` its depth limit returned, so `c1 % 3` compiled differently after a
// `console.log(c4 % 3)` above it).
import { describe, expect, it } from "vitest";
import { compileSource } from "../src/index.js";

const chain = (n: number) =>
  ["let c0 = 1;", ...Array.from({ length: n }, (_, i) => `let c${i + 1} = c${i} + 1;`)].join("\n");

/** The emitted Python of each `console.log` line, by its source text. */
function printed(lines: string[], n: number): Map<string, string> {
  const r = compileSource(`${chain(n)}\n${lines.join("\n")}\n`);
  expect(r.diagnostics).toEqual([]);
  const prints = r.python!.split("\n").filter((l) => l.startsWith("print("));
  return new Map(lines.map((l, i) => [l, prints[i]!]));
}

describe("order independence of the integer proofs", () => {
  it("a line compiles the same whatever lines come before it", () => {
    const probes = [1, 4, 7, 11].map((i) => `console.log(c${i} % 3);`);
    const alone = new Map(probes.map((p) => [p, printed([p], 11).get(p)!]));
    const orders = [
      probes,
      [...probes].reverse(),
      [probes[2]!, probes[0]!, probes[3]!, probes[1]!],
    ];
    for (const order of orders) {
      const together = printed(order, 11);
      for (const p of probes)
        expect(together.get(p), `${p} in ${order.join(" ")}`).toBe(alone.get(p));
    }
    // and the proof holds along the whole chain: plain `%`, no sign emulation
    for (const p of probes) expect(alone.get(p)).toMatch(/^print\(c\d+ % 3\)$/);
  });

  it("a chain longer than the proof's limit still compiles the same in any order", () => {
    const probes = [3, 150, 260].map((i) => `console.log(c${i} % 3);`);
    const alone = new Map(probes.map((p) => [p, printed([p], 260).get(p)!]));
    const together = printed([...probes].reverse(), 260);
    for (const p of probes) expect(together.get(p)).toBe(alone.get(p));
  });
});
