import { HAZARDS, PLAN_LEVELS, type Hazard, type PlanLevel, type StepState } from '../../shared/plans.ts';
import { stepTiming } from './scheduling.ts';

/*
 * The after-action review (复盘) of an incident against its plan's times, and the figures over many incidents. Plain
 * data in; the instants come from the store (and `now` for a report made before stand-down).
 */

const MIN_MS = 60_000;
const minutesBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / MIN_MS);

export interface ReviewStepInput {
  key: string;
  title: string;
  roleName: string;
  /** when the step (its work order) was opened: the activation, or the level change that added it */
  createdAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  state: StepState;
  checklist: { text: string; checkedAt: Date | null }[];
}

export interface ReviewInput {
  activatedAt: Date;
  stoodDownAt: Date | null;
  levels: { at: Date; from: PlanLevel; to: PlanLevel }[];
  steps: ReviewStepInput[];
  /** for a report before stand-down: open steps are measured up to now; without it (and without stoodDownAt) not at all */
  now?: Date | null;
}

export type StepOutcome = 'onTime' | 'late' | 'left' | 'open';

export interface StepReview {
  key: string;
  title: string;
  roleName: string;
  state: StepState;
  outcome: StepOutcome;
  createdAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  /** minutes the plan gave it (due − opened) */
  plannedMinutes: number;
  /** minutes from opened to done (rounded down); null when not done */
  minutesToDone: number | null;
  /** minutes from the activation to done; null when not done */
  minutesFromActivation: number | null;
  /** done after its due time, or left/open past it (measured to the stand-down, or `now`) */
  late: boolean;
  /** minutes past due (rounded up), 0 when not late */
  lateByMin: number;
  checklist: { text: string; checkedAt: Date | null }[];
  checked: number;
}

export interface IncidentReview {
  activatedAt: Date;
  stoodDownAt: Date | null;
  /** minutes from activation to stand-down; null while active */
  durationMin: number | null;
  levels: { at: Date; from: PlanLevel; to: PlanLevel }[];
  steps: StepReview[];
  totals: {
    steps: number;
    doneOnTime: number;
    doneLate: number;
    left: number;
    open: number;
    /** the step furthest past its due time (done late, left or open), or null when none was late */
    longestDelay: { key: string; title: string; lateByMin: number } | null;
    /** minutes from the activation to the first step done; null when none was */
    minutesToFirstStepDone: number | null;
  };
}

/** The review of one incident: each step planned against actual, and the totals. */
export function reviewIncident(input: ReviewInput): IncidentReview {
  const end = input.stoodDownAt ?? input.now ?? null;
  const steps: StepReview[] = input.steps.map((s) => {
    const done = s.state === 'done' && s.completedAt !== null;
    const t = stepTiming({ createdAt: s.createdAt, dueAt: s.dueAt, completedAt: done ? s.completedAt : null }, end);
    const outcome: StepOutcome = done ? (t.late ? 'late' : 'onTime') : s.state === 'left' ? 'left' : 'open';
    return {
      key: s.key, title: s.title, roleName: s.roleName, state: s.state, outcome,
      createdAt: s.createdAt, dueAt: s.dueAt, completedAt: done ? s.completedAt : null,
      plannedMinutes: t.plannedMinutes,
      minutesToDone: t.minutesToDone,
      minutesFromActivation: done ? minutesBetween(input.activatedAt, s.completedAt!) : null,
      late: t.late, lateByMin: t.lateByMin,
      checklist: s.checklist.map((c) => ({ text: c.text, checkedAt: c.checkedAt })),
      checked: s.checklist.filter((c) => c.checkedAt !== null).length,
    };
  });
  let longestDelay: IncidentReview['totals']['longestDelay'] = null;
  for (const s of steps) {
    if (s.lateByMin > 0 && (longestDelay === null || s.lateByMin > longestDelay.lateByMin)) {
      longestDelay = { key: s.key, title: s.title, lateByMin: s.lateByMin };
    }
  }
  const doneTimes = steps.flatMap((s) => (s.minutesFromActivation === null ? [] : [s.minutesFromActivation]));
  return {
    activatedAt: input.activatedAt,
    stoodDownAt: input.stoodDownAt,
    durationMin: input.stoodDownAt ? minutesBetween(input.activatedAt, input.stoodDownAt) : null,
    levels: input.levels.map((l) => ({ ...l })),
    steps,
    totals: {
      steps: steps.length,
      doneOnTime: steps.filter((s) => s.outcome === 'onTime').length,
      doneLate: steps.filter((s) => s.outcome === 'late').length,
      left: steps.filter((s) => s.outcome === 'left').length,
      open: steps.filter((s) => s.outcome === 'open').length,
      longestDelay,
      minutesToFirstStepDone: doneTimes.length ? Math.min(...doneTimes) : null,
    },
  };
}

export interface FiguresIncidentInput {
  hazard: Hazard;
  /** the highest level it reached (or its current one) */
  level: PlanLevel;
  drill: boolean;
  activatedAt: Date;
  steps: { dueAt: Date; completedAt: Date | null; state: StepState }[];
}

export interface IncidentFigures {
  count: number;
  /** whether these are drills (演练) or real incidents; null when there are none */
  drill: boolean | null;
  /** every hazard with at least one incident, most first (ties in HAZARDS order) */
  byHazard: { hazard: Hazard; count: number }[];
  /** every level with at least one incident, Ⅳ first */
  byLevel: { level: PlanLevel; count: number }[];
  /** median over incidents of the minutes from activation to their first step done; null when none was done */
  medianMinutesToFirstStep: number | null;
  /**
   * steps done by their due time ÷ steps decided (done, left, or open past due at `now`); null when none is decided.
   * Open steps not yet due are not counted either way.
   */
  onTimeRate: number | null;
  stepsDecided: number;
  stepsOnTime: number;
}

/** The median of numbers (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The figures of many incidents, for the statistics page. Drills and real incidents are never mixed: given both, it
 * throws (the store asks for one kind).
 */
export function incidentFigures(incidents: readonly FiguresIncidentInput[], now?: Date | null): IncidentFigures {
  const kinds = new Set(incidents.map((i) => i.drill));
  if (kinds.size > 1) throw new Error('incidentFigures: drills and real incidents are never mixed');
  const byHazard = HAZARDS.map((hazard) => ({ hazard, count: incidents.filter((i) => i.hazard === hazard).length }))
    .filter((h) => h.count > 0)
    .sort((a, b) => b.count - a.count || HAZARDS.indexOf(a.hazard) - HAZARDS.indexOf(b.hazard));
  const byLevel = PLAN_LEVELS.map((level) => ({ level, count: incidents.filter((i) => i.level === level).length })).filter((l) => l.count > 0);
  const firsts: number[] = [];
  let decided = 0;
  let onTime = 0;
  for (const inc of incidents) {
    const doneAts = inc.steps.flatMap((s) => (s.state === 'done' && s.completedAt ? [s.completedAt.getTime()] : []));
    if (doneAts.length) firsts.push((Math.min(...doneAts) - inc.activatedAt.getTime()) / MIN_MS);
    for (const s of inc.steps) {
      if (s.state === 'done' && s.completedAt) {
        decided += 1;
        if (s.completedAt.getTime() <= s.dueAt.getTime()) onTime += 1;
      } else if (s.state === 'left' || (now && now.getTime() > s.dueAt.getTime())) {
        decided += 1;
      }
    }
  }
  const med = median(firsts);
  return {
    count: incidents.length,
    drill: incidents.length ? incidents[0]!.drill : null,
    byHazard,
    byLevel,
    medianMinutesToFirstStep: med === null ? null : Math.round(med * 10) / 10,
    onTimeRate: decided ? Math.round((onTime / decided) * 1000) / 1000 : null,
    stepsDecided: decided,
    stepsOnTime: onTime,
  };
}
