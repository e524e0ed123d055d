import type { PlanLevel, PlanStep } from '../../shared/plans.ts';
import { stepsAt } from './plan-rules.ts';

/*
 * When an incident's steps fall due, and how a step went against its time. Time is an argument: the activation (or
 * level change) instant and, for open steps, `now`.
 */

const MIN_MS = 60_000;

export interface ScheduledStep {
  stepKey: string;
  dueAt: Date;
}

/**
 * The steps that apply at `level` (fromLevel at or below it), in the plan's order, each due `dueOffsetMin` after
 * `startedAt`. For a level change pass the steps the change adds (stepsAddedBy) and the change's instant.
 */
export function scheduleSteps(
  steps: readonly Pick<PlanStep, 'key' | 'dueOffsetMin' | 'fromLevel'>[], startedAt: Date, level: PlanLevel,
): ScheduledStep[] {
  return stepsAt({ steps }, level).map((s) => ({ stepKey: s.key, dueAt: new Date(startedAt.getTime() + s.dueOffsetMin * MIN_MS) }));
}

export interface StepTimesInput {
  createdAt: Date;
  dueAt: Date;
  completedAt: Date | null;
}

export interface StepTiming {
  /** whole minutes (rounded down) from the step's start to its completion; null while open */
  minutesToDone: number | null;
  /** minutes the step was given (due − start) */
  plannedMinutes: number;
  /** done after its due time, or still open at `now` past it */
  late: boolean;
  /** whole minutes (rounded up) past the due time at completion (or at `now` while open); 0 when not late */
  lateByMin: number;
}

/** How one step went: minutes to done and whether it was (or is, at `now`) late. Without `now` an open step is not late. */
export function stepTiming(step: StepTimesInput, now?: Date | null): StepTiming {
  const start = step.createdAt.getTime();
  const due = step.dueAt.getTime();
  const end = step.completedAt?.getTime() ?? now?.getTime() ?? null;
  const over = end === null ? 0 : end - due;
  return {
    minutesToDone: step.completedAt ? Math.floor((step.completedAt.getTime() - start) / MIN_MS) : null,
    plannedMinutes: Math.round((due - start) / MIN_MS),
    late: over > 0,
    lateByMin: over > 0 ? Math.ceil(over / MIN_MS) : 0,
  };
}

/** stepTiming of each step, in order. */
export function stepTimings(steps: readonly StepTimesInput[], now?: Date | null): StepTiming[] {
  return steps.map((s) => stepTiming(s, now));
}
