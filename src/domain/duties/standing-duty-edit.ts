import type { StandingDutyKind } from '../../shared/duties.ts';
import type { StandingDuty } from '../tasks/standing-duties.ts';
import { PLATFORM_STANDING_DUTIES } from '../tasks/standing-duties.ts';

/**
 * A town's edit of its standing duties ("6+1"): the same codes as the platform's, each once, with their kinds kept;
 * name, description, how often, deadline and on/off are the town's. A duty comes round on a fixed rhythm (everyDays)
 * only where the platform's does — the monthly building check, the weekly dispute sweep; visits follow the tags,
 * inspections the risk points, campaigns, verifications and assigned tasks come when they come (no rhythm).
 */

export interface StandingDutyEdit {
  code: string;
  name: string;
  description: string;
  everyDays: number | null;
  deadlineDays: number;
  enabled: boolean;
}

/** Kinds whose rhythm the town sets in days. */
export const RHYTHM_KINDS: readonly StandingDutyKind[] = ['buildingCheck', 'disputeSweep'];

export type StandingDutyProblem =
  | { problem: 'unknownCode'; code: string }
  | { problem: 'duplicateCode'; code: string }
  | { problem: 'missingCode'; code: string }
  | { problem: 'nameBlank'; code: string }
  | { problem: 'everyDaysRequired'; code: string }
  | { problem: 'everyDaysNotAllowed'; code: string };

/** What is wrong with an edit of the whole list; empty when nothing is. */
export function standingDutyProblems(edits: readonly StandingDutyEdit[], platform: readonly StandingDuty[] = PLATFORM_STANDING_DUTIES): StandingDutyProblem[] {
  const problems: StandingDutyProblem[] = [];
  const seen = new Set<string>();
  for (const e of edits) {
    const base = platform.find((d) => d.code === e.code);
    if (!base) { problems.push({ problem: 'unknownCode', code: e.code }); continue; }
    if (seen.has(e.code)) { problems.push({ problem: 'duplicateCode', code: e.code }); continue; }
    seen.add(e.code);
    if (e.name.trim() === '') problems.push({ problem: 'nameBlank', code: e.code });
    const rhythm = RHYTHM_KINDS.includes(base.kind);
    if (rhythm && e.everyDays === null) problems.push({ problem: 'everyDaysRequired', code: e.code });
    if (!rhythm && e.everyDays !== null) problems.push({ problem: 'everyDaysNotAllowed', code: e.code });
  }
  for (const d of platform) if (!seen.has(d.code) && !problems.some((p) => p.code === d.code)) problems.push({ problem: 'missingCode', code: d.code });
  return problems;
}

/** The edit as the town's duties, each with its platform kind and in the platform's order. */
export function applyStandingDutyEdit(edits: readonly StandingDutyEdit[], platform: readonly StandingDuty[] = PLATFORM_STANDING_DUTIES): StandingDuty[] {
  return platform.map((d) => {
    const e = edits.find((x) => x.code === d.code)!;
    return { code: d.code, kind: d.kind, name: e.name.trim(), description: e.description.trim(), everyDays: e.everyDays, deadlineDays: e.deadlineDays, enabled: e.enabled };
  });
}
