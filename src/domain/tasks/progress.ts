/**
 * Progress figures of grid workers and their units (the figures the rating will use): counts come from the store,
 * the rates are these formulas. Plain functions over plain numbers.
 */

/** What the store counts for one worker or unit over a period. */
export interface ProgressCounts {
  tasksDue: number;
  tasksDone: number;
  overdueOpen: number;
  keyVisitsDue: number;
  keyVisitsInTime: number;
  activeDays: number;
  reports: number;
  visits: number;
  workers: number;
}

export interface ProgressFigures extends ProgressCounts {
  /** done ÷ due; null when nothing was due */
  completionRate: number | null;
  /** key-population attention rate: key visits done by their due day ÷ key visits due; null when none were due */
  attentionRate: number | null;
  /** active days ÷ (workers × days of the period); null without workers */
  activityRate: number | null;
}

/** A share rounded to four places (0.8333), null for an empty denominator. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((Math.min(part, whole) / whole) * 10_000) / 10_000;
}

/** Days from `from` to `to`, both counted (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function progressFigures(c: ProgressCounts, days: number): ProgressFigures {
  return {
    ...c,
    completionRate: rate(c.tasksDone, c.tasksDue),
    attentionRate: rate(c.keyVisitsInTime, c.keyVisitsDue),
    activityRate: rate(c.activeDays, c.workers * days),
  };
}

export const NO_COUNTS: ProgressCounts = {
  tasksDue: 0, tasksDone: 0, overdueOpen: 0, keyVisitsDue: 0, keyVisitsInTime: 0, activeDays: 0, reports: 0, visits: 0, workers: 0,
};

/** The counts of several units or workers together (a unit's total from its children). */
export function sumCounts(rows: readonly ProgressCounts[]): ProgressCounts {
  const out = { ...NO_COUNTS };
  for (const r of rows) for (const k of Object.keys(out) as (keyof ProgressCounts)[]) out[k] += r[k];
  return out;
}

/** Lowest completion first (those who need a word first), nothing due last, then by name. */
export function byNeed<T extends { completionRate: number | null; name: string }>(a: T, b: T): number {
  const ra = a.completionRate ?? 2;
  const rb = b.completionRate ?? 2;
  return ra - rb || a.name.localeCompare(b.name, 'zh-CN');
}
