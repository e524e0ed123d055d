// The benchmark harness: what an entry gets (`BenchContext`), the timer, the rows and the table.
// An entry is a file `bench/<name>.bench.ts` exporting `name` and `run(ctx)`; `bench/run.ts` finds it by its name.

export interface BenchContext {
  /** `--quick`: entries scale their work by this (1 normally, 0.1 with --quick) for a smoke run */
  readonly scale: number;
  /** environment (e.g. BENCH_POSTGIS_URL) */
  readonly env: NodeJS.ProcessEnv;
  /** an information line under the entry (sizes, hit rates, plan checks) */
  log(line: string): void;
  /**
   * Times `fn` with process.hrtime.bigint(): `warmup` untimed calls, then `rounds` timed calls; each call does `ops`
   * operations (round = 0.. rounds-1, warm-up calls get -1). The figure is ops per second over the median round.
   * Adds a row to the table and returns the measurement.
   */
  measure(label: string, o: MeasureOptions, fn: (round: number) => unknown): Promise<Measurement>;
  /** A row whose figure is subject / baseline (both measured earlier in this run, by label), with an optional target. */
  compare(label: string, subject: string, baseline: string, o?: { target?: number }): void;
  /** A row that says why something was not measured. */
  skip(label: string, reason: string): void;
  /** A pass/fail row for a correctness check; a failed check makes the run exit non-zero. */
  check(label: string, ok: boolean, detail: string): void;
  /**
   * A row of latencies the entry timed itself (one sample per operation, in ms): p50 and p95, the ratio of its p95 to
   * an earlier latency row's (`vs`), and a ceiling for the p95 (`targetP95Ms`, met when below). Returns the percentiles.
   */
  latency(label: string, samplesMs: readonly number[], o?: { vs?: string; targetP95Ms?: number }): Latency;
}

export interface Latency {
  label: string;
  n: number;
  p50: number;
  p95: number;
}

/** The p-th percentile (0–100) of samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface MeasureOptions {
  /** operations per call of fn */
  ops: number;
  /** what one operation is, for the figure: "lookups" → "lookups/s" */
  unit: string;
  rounds?: number;
  warmup?: number;
  /** show this row's ratio against an earlier row of the same entry */
  vs?: string;
  /** minimum ops per second this row should reach */
  target?: number;
}

export interface Measurement {
  label: string;
  ops: number;
  unit: string;
  roundsNs: number[];
  medianNs: number;
  perSecond: number;
}

export interface BenchEntry {
  name: string;
  description?: string;
  run(ctx: BenchContext): unknown;
}

export type Row =
  | { kind: 'measure'; entry: string; m: Measurement; vs?: string; target?: number }
  | { kind: 'compare'; entry: string; label: string; subject: string; baseline: string; ratio: number; target?: number }
  | { kind: 'skip'; entry: string; label: string; reason: string }
  | { kind: 'check'; entry: string; label: string; ok: boolean; detail: string }
  | { kind: 'latency'; entry: string; l: Latency; vs?: string; targetP95Ms?: number };

/** Deterministic PRNG (mulberry32): the same seed gives the same points on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Swallows results so the JIT cannot drop the work that made them. */
export let sink: unknown = undefined;
export function consume(x: unknown): void {
  sink = x;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const fmtRate = (n: number) => (n >= 100 ? fmt(n) : n >= 10 ? fmt(n, 1) : fmt(n, 2));
const fmtRatio = (r: number) => `×${r >= 100 ? fmt(r) : r >= 10 ? fmt(r, 1) : fmt(r, 2)}`;
const fmtMs = (ms: number) => (ms >= 100 ? fmt(ms) : ms >= 10 ? fmt(ms, 1) : fmt(ms, 2));

export function createContext(entry: string, rows: Row[], o: { scale: number; print: (line: string) => void }): BenchContext {
  const measured = new Map<string, Measurement>();
  const latencies = new Map<string, Latency>();
  const find = (label: string) => {
    const m = measured.get(label);
    if (!m) throw new Error(`bench ${entry}: no earlier measurement labelled "${label}"`);
    return m;
  };
  return {
    scale: o.scale,
    env: process.env,
    log: (line) => o.print(`  · ${line}`),
    async measure(label, mo, fn) {
      const rounds = Math.max(1, mo.rounds ?? 5);
      for (let i = 0; i < (mo.warmup ?? 1); i++) await fn(-1);
      const roundsNs: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const t0 = process.hrtime.bigint();
        await fn(r);
        roundsNs.push(Number(process.hrtime.bigint() - t0));
      }
      const medianNs = median(roundsNs);
      const m: Measurement = { label, ops: mo.ops, unit: mo.unit, roundsNs, medianNs, perSecond: (mo.ops * 1e9) / medianNs };
      measured.set(label, m);
      if (mo.vs) find(mo.vs);
      rows.push({ kind: 'measure', entry, m, vs: mo.vs, target: mo.target });
      o.print(`  ${label}: ${fmtRate(m.perSecond)} ${m.unit}/s (median of ${rounds} × ${fmt(mo.ops)}; spread ${spread(m)})`);
      return m;
    },
    compare(label, subject, baseline, co = {}) {
      const ratio = find(subject).perSecond / find(baseline).perSecond;
      rows.push({ kind: 'compare', entry, label, subject, baseline, ratio, target: co.target });
      o.print(`  ${label}: ${fmtRatio(ratio)}`);
    },
    skip(label, reason) {
      rows.push({ kind: 'skip', entry, label, reason });
      o.print(`  ${label}: skipped — ${reason}`);
    },
    check(label, ok, detail) {
      rows.push({ kind: 'check', entry, label, ok, detail });
      o.print(`  ${label}: ${ok ? 'ok' : 'FAILED'} — ${detail}`);
    },
    latency(label, samplesMs, lo = {}) {
      if (samplesMs.length === 0) throw new Error(`bench ${entry}: no samples for "${label}"`);
      if (lo.vs && !latencies.has(lo.vs)) throw new Error(`bench ${entry}: no earlier latency row labelled "${lo.vs}"`);
      const l: Latency = { label, n: samplesMs.length, p50: percentile(samplesMs, 50), p95: percentile(samplesMs, 95) };
      latencies.set(label, l);
      rows.push({ kind: 'latency', entry, l, vs: lo.vs, targetP95Ms: lo.targetP95Ms });
      const base = lo.vs ? latencies.get(lo.vs)! : null;
      o.print(`  ${label}: p95 ${fmtMs(l.p95)} ms, p50 ${fmtMs(l.p50)} ms (${fmt(l.n)} samples)${base ? `; p95 ${fmtRatio(l.p95 / base.p95)} ${lo.vs}'s` : ''}`);
      return l;
    },
  };
}

function spread(m: Measurement): string {
  if (m.roundsNs.length < 2) return 'n/a';
  const lo = Math.min(...m.roundsNs), hi = Math.max(...m.roundsNs);
  return `±${fmt(((hi - lo) / 2 / m.medianNs) * 100, 1)}%`;
}

/** The summary table: one line per row, the ratio against the row it names and the target with ✓ or ✗. */
export function table(rows: readonly Row[]): { text: string; missed: number; failed: number } {
  const byLabel = new Map<string, Measurement>();
  const latencyByLabel = new Map<string, Latency>();
  for (const r of rows) if (r.kind === 'measure') byLabel.set(`${r.entry}\u0000${r.m.label}`, r.m);
  for (const r of rows) if (r.kind === 'latency') latencyByLabel.set(`${r.entry}\u0000${r.l.label}`, r.l);
  let missed = 0, failed = 0;
  const lines: string[][] = [['entry', 'measure', 'figure', 'ratio', 'target', '']];
  for (const r of rows) {
    if (r.kind === 'measure') {
      const base = r.vs ? byLabel.get(`${r.entry}\u0000${r.vs}`) : undefined;
      const met = r.target === undefined ? '' : r.m.perSecond >= r.target ? '✓' : '✗';
      if (met === '✗') missed++;
      lines.push([
        r.entry,
        r.m.label,
        `${fmtRate(r.m.perSecond)} ${r.m.unit}/s`,
        base ? `${fmtRatio(r.m.perSecond / base.perSecond)} vs ${r.vs}` : '',
        r.target === undefined ? '' : `≥ ${fmt(r.target)}/s`,
        met,
      ]);
    } else if (r.kind === 'compare') {
      const met = r.target === undefined ? '' : r.ratio >= r.target ? '✓' : '✗';
      if (met === '✗') missed++;
      lines.push([r.entry, r.label, fmtRatio(r.ratio), `${r.subject} / ${r.baseline}`, r.target === undefined ? '' : `≥ ×${r.target}`, met]);
    } else if (r.kind === 'latency') {
      const base = r.vs ? latencyByLabel.get(`${r.entry}\u0000${r.vs}`) : undefined;
      const met = r.targetP95Ms === undefined ? '' : r.l.p95 < r.targetP95Ms ? '✓' : '✗';
      if (met === '✗') missed++;
      lines.push([
        r.entry,
        r.l.label,
        `p95 ${fmtMs(r.l.p95)} ms (p50 ${fmtMs(r.l.p50)})`,
        base ? `${fmtRatio(r.l.p95 / base.p95)} vs ${r.vs}` : '',
        r.targetP95Ms === undefined ? '' : `p95 < ${fmt(r.targetP95Ms)} ms`,
        met,
      ]);
    } else if (r.kind === 'skip') {
      lines.push([r.entry, r.label, 'skipped', r.reason, '', '']);
    } else {
      if (!r.ok) failed++;
      lines.push([r.entry, r.label, r.ok ? 'ok' : 'FAILED', r.detail, '', r.ok ? '✓' : '✗']);
    }
  }
  const width = (s: string) => [...s].length;
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => width(l[c]!))));
  const render = (l: string[]) => l.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join('  ').trimEnd();
  const out = [render(lines[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.slice(1).map(render)];
  return { text: out.join('\n'), missed, failed };
}
