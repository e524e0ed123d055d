import type { OrgLevel } from '../../shared/org-levels.ts';
import type { AdmissionStatus, DutyLevel, ListType } from '../../shared/duties.ts';
import { DUTY_LEVELS } from '../../shared/duties.ts';

/**
 * 清单准入: who may ask for a new duty at which level, what a proposed item must carry, and the one decision on a
 * request. Plain rules over plain data; the commands in src/server/duties apply them.
 */

/** The catalog level each org level speaks for: a district (its departments) or the city above every town. */
const REQUESTER_RANK: Record<OrgLevel, number> = {
  city: -1, district: -1, town: 0, community: 1, grid: 2, microGrid: 2, dedicatedGrid: 2,
};

/**
 * Whether a requester whose scope unit is at `requesterLevel` may ask for a duty at `level`: its own level or a lower
 * one. A district department (its scope is the district) or the city asks at any level; the town's offices at the town,
 * a community or a grid; a community's staff at a community or a grid — never above itself.
 */
export function mayRequestAt(requesterLevel: OrgLevel, level: DutyLevel): boolean {
  return DUTY_LEVELS.indexOf(level) >= REQUESTER_RANK[requesterLevel];
}

/** The levels a requester may ask at, top first. */
export function requestLevels(requesterLevel: OrgLevel): DutyLevel[] {
  return DUTY_LEVELS.filter((l) => mayRequestAt(requesterLevel, l));
}

/** What a catalog item says of itself (a proposal, or the text of an item being edited). */
export interface DutyItemText {
  name: string;
  listType: ListType;
  basis: string;
  department?: string | null | undefined;
}

export type DutyItemProblem = 'nameBlank' | 'basisBlank' | 'departmentMissing';

/**
 * What is wrong with an item's text: a name or a basis of blanks only, and no department on an item that assists a
 * department (配合履职) or was withdrawn to one (部门收回). Empty when nothing is.
 */
export function dutyItemProblems(item: DutyItemText): DutyItemProblem[] {
  const problems: DutyItemProblem[] = [];
  if (item.name.trim() === '') problems.push('nameBlank');
  if (item.basis.trim() === '') problems.push('basisBlank');
  if (item.listType !== 'basic' && (item.department ?? '').trim() === '') problems.push('departmentMissing');
  return problems;
}

export const DUTY_ITEM_PROBLEM_MESSAGES: Record<DutyItemProblem, { en: string; zh: string }> = {
  nameBlank: { en: 'Give the duty a name.', zh: '请填写事项名称。' },
  basisBlank: { en: 'Give the legal or policy basis of the duty.', zh: '请填写事项的法律或政策依据。' },
  departmentMissing: { en: 'Name the department the duty assists or was withdrawn to.', zh: '配合履职和部门收回事项须填写对应部门。' },
};

export type AdmissionDecision = 'approve' | 'refuse';

/**
 * The decision on a request: a pending one becomes approved or refused; one decided already is refused ('decided',
 * 409), and a refusal needs words ('noteMissing').
 */
export function decideAdmission(
  status: AdmissionStatus, decision: AdmissionDecision, note: string | null | undefined,
): { ok: true; status: AdmissionStatus } | { ok: false; refusal: 'decided' | 'noteMissing' } {
  if (status !== 'pending') return { ok: false, refusal: 'decided' };
  if (decision === 'refuse' && (note ?? '').trim() === '') return { ok: false, refusal: 'noteMissing' };
  return { ok: true, status: decision === 'approve' ? 'approved' : 'refused' };
}

/** Codes of new items: a letter per level and a number past the highest the town's catalog holds at that level. */
export const CODE_PREFIX: Record<DutyLevel, string> = { town: 'Z', community: 'S', grid: 'W' };

export function nextItemCode(level: DutyLevel, existing: readonly string[]): string {
  const prefix = `${CODE_PREFIX[level]}-`;
  const highest = existing.filter((c) => c.startsWith(prefix)).map((c) => Number(c.slice(prefix.length))).filter(Number.isInteger)
    .reduce((a, b) => Math.max(a, b), 0);
  return `${prefix}${String(highest + 1).padStart(3, '0')}`;
}
