// A household's periodic assessment: 户自查 (self-report) → 组互评 (the group's peer review) → 村评定 (the village's
// approval), as data. Plain rules, no I/O.
//   selfReported ──peer-review──▶ peerReviewed ──approve──▶ approved (the approved items are awarded)
//   selfReported | peerReviewed ──return──▶ returned ──self-report──▶ selfReported (the household reports again)
// An item is awarded when the household claimed it and the village approved it; where the village gave no decision on
// an item, the group's peer review stands (approved ?? peer), and no peer review either means not awarded.
import type { AssessmentItem, AssessmentStatus } from '../../shared/points.ts';

export const ASSESSMENT_ACTIONS = ['self-report', 'peer-review', 'approve', 'return'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

export const ASSESSMENT_ACTION_STATUSES: Record<AssessmentAction, readonly AssessmentStatus[]> = {
  'self-report': ['returned'],
  'peer-review': ['selfReported'],
  approve: ['peerReviewed'],
  return: ['selfReported', 'peerReviewed'],
};

export function assessmentActionAllowed(status: AssessmentStatus, action: AssessmentAction): boolean {
  return ASSESSMENT_ACTION_STATUSES[action]?.includes(status) ?? false;
}

export function assessmentStatusAfter(_status: AssessmentStatus, action: AssessmentAction): AssessmentStatus {
  switch (action) {
    case 'self-report': return 'selfReported';
    case 'peer-review': return 'peerReviewed';
    case 'approve': return 'approved';
    case 'return': return 'returned';
  }
}

/** The rule codes awarded by an approved assessment, in the order of the items, each once. */
export function approvedItems(items: readonly AssessmentItem[]): string[] {
  const out: string[] = [];
  for (const i of items) {
    if (!i.claimed) continue;
    if ((i.approved ?? i.peer ?? false) !== true) continue;
    if (!out.includes(i.ruleCode)) out.push(i.ruleCode);
  }
  return out;
}
