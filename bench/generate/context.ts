// What every generator step gets: the scale, a seeded random source per step, COPY into a table, and progress lines.
// Steps talk to each other only through the database (a later step reads the ids an earlier one wrote).
import type pg from 'pg';

export type ScaleName = 'town' | 'district' | 'city';

/** The shape of the generated city at one scale; every figure can be overridden on the command line. */
export interface ScaleSpec {
  name: ScaleName;
  districts: number;
  townsPerDistrict: number;
  communitiesPerTown: number;
  gridsPerCommunity: number;
  /** grid workers per grid (the city: ~100,000 for ~65,000 grids) */
  gridWorkersPerGrid: number;
  /** registry density: residents per grid (households ≈ residents / 2.6, buildings ≈ households / 12) */
  residentsPerGrid: number;
  placesPerGrid: number;
  riskPointsPerGrid: number;
  /** care devices per 100 residents */
  devicesPer100Residents: number;
  /** historical cases over `historyDays` ending at the generation's `now` */
  cases: number;
  /** of which still open at `now` (the SLA sweep's working set) */
  openCases: number;
  historyDays: number;
}

export const SCALES: Record<ScaleName, ScaleSpec> = {
  // the whole city of the sources: 38 × 27 ≈ 1,031 towns, ~11,000 communities, ~65,000 grids, 8,000,000 cases
  city: { name: 'city', districts: 38, townsPerDistrict: 27, communitiesPerTown: 11, gridsPerCommunity: 6, gridWorkersPerGrid: 1.55,
    residentsPerGrid: 40, placesPerGrid: 3, riskPointsPerGrid: 1, devicesPer100Residents: 1, cases: 8_000_000, openCases: 1_000_000, historyDays: 730 },
  // one district: 1/38 of the city
  district: { name: 'district', districts: 1, townsPerDistrict: 27, communitiesPerTown: 11, gridsPerCommunity: 6, gridWorkersPerGrid: 1.55,
    residentsPerGrid: 40, placesPerGrid: 3, riskPointsPerGrid: 1, devicesPer100Residents: 1, cases: 210_000, openCases: 26_000, historyDays: 730 },
  // one town: a laptop's and the tests' scale
  town: { name: 'town', districts: 1, townsPerDistrict: 1, communitiesPerTown: 11, gridsPerCommunity: 6, gridWorkersPerGrid: 1.55,
    residentsPerGrid: 40, placesPerGrid: 3, riskPointsPerGrid: 1, devicesPer100Residents: 1, cases: 7_800, openCases: 970, historyDays: 730 },
};

export interface GenerateContext {
  scale: ScaleSpec;
  seed: number;
  /** the instant the generated history ends at (the generation's "now"; deterministic from the seed when --now is given) */
  now: Date;
  /** a pool on the target PostgreSQL database (already migrated, empty of generated rows) */
  pool: pg.Pool;
  /** a deterministic random source in [0, 1) for one named purpose: same seed and label, same sequence */
  random(label: string): () => number;
  /** COPY rows into a table (text format); returns the row count. Values: null, string, number, boolean, Date, object (→ json). */
  copy(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number>;
  /** rows a step wrote without `copy` (its own COPY inside a transaction), so they count in the step's rows/s */
  countRows?(rows: number): void;
  /** a progress line: "cases 1,200,000 / 8,000,000 (41,000 rows/s)" */
  progress(step: string, done: number, total: number): void;
  log(line: string): void;
}

/** One generator step: runs after the steps before it in the list (main.ts). */
export interface GenerateStep {
  name: string;
  run(ctx: GenerateContext): Promise<void>;
}

function hashLabel(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32 seeded by the run's seed and the label */
export function seededRandom(seed: number, label: string): () => number {
  let a = (seed ^ hashLabel(label)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

