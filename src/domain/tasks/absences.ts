import { assign, type Absence, type GridTeam } from './assignment.ts';
import { daysBetween, isCalendarDay } from './deadlines.ts';

/**
 * A grid worker's absence (leave, training, sick): the daily generation gives them nothing on the days it covers.
 * Recording one also hands their open tasks that start during it to the colleagues present, by the same rule as the
 * generation; a task nobody else can take stays with them (it is not lost, and the town sees it overdue).
 */

/** The longest absence recorded at once, in days. */
export const ABSENCE_MAX_DAYS = 366;

export type AbsenceProblem = 'notADay' | 'endsBeforeStart' | 'tooLong';

export function absenceProblem(from: string, to: string): AbsenceProblem | null {
  if (!isCalendarDay(from) || !isCalendarDay(to)) return 'notADay';
  if (to < from) return 'endsBeforeStart';
  if (daysBetween(from, to) + 1 > ABSENCE_MAX_DAYS) return 'tooLong';
  return null;
}

/** An open task of the absent worker, as the hand-over reads it. */
export interface HeldTask {
  id: string;
  gridId: string;
  startsOn: string;
  /** what the same person should keep (a resident's household, else the subject) */
  stickKey: string;
  /** who may not take it (the one who handled a case to check) */
  exclude: readonly string[];
}

export interface HandOver { taskId: string; to: string; toName: string }

/**
 * Which of the absent worker's open tasks go to whom: those starting during the absence, each to a colleague present
 * in its grid (or the grid leader). `absences` must include the new one; `loads` is updated.
 */
export function handOverPlan(
  absent: Absence, tasks: readonly HeldTask[], teams: ReadonlyMap<string, GridTeam>, absences: readonly Absence[], loads: Map<string, number>,
): { handed: HandOver[]; kept: string[] } {
  const handed: HandOver[] = [];
  const kept: string[] = [];
  for (const t of tasks) {
    if (t.startsOn < absent.from || t.startsOn > absent.to) continue;
    const team = teams.get(t.gridId) ?? { workers: [], leader: null };
    const a = assign({ stickKey: t.stickKey, startsOn: t.startsOn, exclude: [...t.exclude, absent.accountId] }, team, absences, loads);
    if (a.assigneeId === null) kept.push(t.id);
    else handed.push({ taskId: t.id, to: a.assigneeId, toName: a.assigneeName });
  }
  return { handed, kept };
}

/** What a caller who may record absences may do to one: take it back. */
export function absencePolicies(): ('delete')[] {
  return ['delete'];
}
