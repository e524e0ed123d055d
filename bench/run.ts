// `npm run bench [-- [--quick] [--strict] [--json FILE] [name …]]`
// Runs every bench/*.bench.ts (or those whose name contains one of the given words) one after another in this
// process, then prints one table. An entry exports `name` and `run(ctx)` (see bench/harness.ts); adding a file is
// all it takes to add an entry.
//   --quick   scale the work down (~10×) for a smoke run; figures are then only indicative
//   --strict  exit 1 when a target is missed (a failed correctness check always exits 1)
//   --json F  also write the rows to F
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { createContext, table, type BenchEntry, type Row } from './harness.ts';

const args = process.argv.slice(2);
const flag = (f: string) => {
  const i = args.indexOf(f);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const quick = flag('--quick');
const strict = flag('--strict');
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const filters = args.map((a) => a.toLowerCase());

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
const entries: BenchEntry[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as Partial<BenchEntry> & { default?: BenchEntry };
  const entry = mod.default ?? (mod as BenchEntry);
  if (typeof entry.name !== 'string' || typeof entry.run !== 'function') throw new Error(`bench/${f} must export name and run(ctx)`);
  if (filters.length === 0 || filters.some((w) => entry.name.toLowerCase().includes(w) || f.toLowerCase().includes(w))) entries.push(entry);
}
if (entries.length === 0) {
  console.error(`no bench entry matches ${filters.join(' ')} (have: ${files.join(', ')})`);
  process.exit(2);
}

const cpus = os.cpus();
console.log(
  `zhizhi bench — node ${process.version}, ${cpus[0]?.model.trim() ?? 'unknown cpu'}, ${os.availableParallelism()} cores, ` +
    `${os.platform()}/${os.arch()}${quick ? ', --quick' : ''}`,
);

const rows: Row[] = [];
const started = process.hrtime.bigint();
let crashed = 0;
for (const entry of entries) {
  console.log(`\n▸ ${entry.name}${entry.description ? ` — ${entry.description}` : ''}`);
  const t0 = process.hrtime.bigint();
  try {
    await entry.run(createContext(entry.name, rows, { scale: quick ? 0.1 : 1, print: (l) => console.log(l) }));
  } catch (err) {
    crashed++;
    rows.push({ kind: 'check', entry: entry.name, label: 'run', ok: false, detail: err instanceof Error ? err.message : String(err) });
    console.error(err);
  }
  console.log(`  (${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);
}

const { text, missed, failed } = table(rows);
console.log(`\n${text}\n`);
console.log(
  `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s; ` +
    `${missed} target${missed === 1 ? '' : 's'} missed, ${failed} check${failed === 1 ? '' : 's'} failed`,
);
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ node: process.version, cpu: cpus[0]?.model, cores: os.availableParallelism(), quick, rows }, null, 2));
}
process.exitCode = failed > 0 || crashed > 0 || (strict && missed > 0) ? 1 : 0;
