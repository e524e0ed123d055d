import type { CaseStatus } from '../../shared/cases.ts';

/** The caller's own lists of cases: those they reported, those assigned to them, those waiting for their verification. */
export type MineList = 'reported' | 'assigned' | 'verify';

/** What a list holds, as the store filters it: the viewer as reporter, the viewer (posts, department, self) as assignee, or statuses. */
export type MineFilter = { reportedByViewer: true } | { assignedToViewer: true } | { statuses: readonly CaseStatus[]; notHandledByViewer?: true };

/**
 * A handled case waits for a verifier (the town dispatcher, the grid worker who reported it, the community for an
 * on-the-spot resolution) to close or reopen it; never for the one who handled it, so their own work is left out.
 */
export const VERIFIER_STATUSES: readonly CaseStatus[] = ['handled'];

export function mineFilter(list: MineList): MineFilter {
  switch (list) {
    case 'reported': return { reportedByViewer: true };
    case 'assigned': return { assignedToViewer: true };
    case 'verify': return { statuses: VERIFIER_STATUSES, notHandledByViewer: true };
    default: {
      const never: never = list;
      throw new Error(`unknown list ${String(never)}`);
    }
  }
}
