// `npm run bench`: runs every bench/*.bench.mjs and prints one table of ratios.
//
// Contract: a benchmark module's default export is an async function returning rows
//   { name, subject: { label, ms }, baseline: { label, ms }, goal?, unit? }
// (`unit: "kB"` for size rows, whose `ms` fields then hold kilobytes)
// where subject and baseline are measured in the same run (never against a stored number), so
// the ratio means something on any machine. Pass names to run a subset: `npm run bench -- pool`.
import { readdir } from "node:fs/promises";
import { cpus, totalmem } from "node:os";

const dir = new URL(".", import.meta.url);
const only = process.argv.slice(2);
const files = (await readdir(dir))
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows = [];
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  const mod = await import(new URL(file, dir));
  for (const row of await mod.default()) rows.push({ file, ...row });
}

const fmtTime = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmt = (value, unit) => (unit === "kB" ? `${value.toFixed(0)} kB` : fmtTime(value));
// Small ratios (a warm pool against a cold start) read better as "1/N×".
const fmtRatio = (r) => (r > 0 && r < 0.1 ? `1/${(1 / r).toFixed(0)}×` : `${r.toFixed(2)}×`);
const table = rows.map((r) => ({
  benchmark: r.name,
  subject: `${r.subject.label}: ${fmt(r.subject.ms, r.unit)}`,
  baseline: `${r.baseline.label}: ${fmt(r.baseline.ms, r.unit)}`,
  ratio: fmtRatio(r.subject.ms / r.baseline.ms),
  goal: r.goal ?? "",
}));
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
const cols = ["benchmark", "subject", "baseline", "ratio", "goal"];
const width = Object.fromEntries(
  cols.map((c) => [c, Math.max(c.length, ...table.map((t) => t[c].length))]),
);
const line = (t) => `| ${cols.map((c) => t[c].padEnd(width[c])).join(" | ")} |`;
console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
console.log(`| ${cols.map((c) => "-".repeat(width[c])).join(" | ")} |`);
for (const t of table) console.log(line(t));
