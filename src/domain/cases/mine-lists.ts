import type { CaseStatus } from '../../shared/cases.ts';
import type { Actor } from './case-state.ts';

/** The caller's own lists of cases: those they reported, those assigned to them, those waiting for their verification. */
export type MineList = 'reported' | 'assigned' | 'verify';

/**
 * What a list holds, as the store filters it: the viewer as reporter, the viewer (posts, department, self) as assignee,
 * or the cases the actor may verify now (`verifiableBy`: in a verifier status, and the lifecycle's verifier rule,
 * src/domain/cases/verification.ts, lets this actor verify it).
 */
export type MineFilter = { reportedByViewer: true } | { assignedToViewer: true } | { statuses: readonly CaseStatus[]; verifiableBy: Actor };

/**
 * A handled case waits for its verifiers (`verifierKinds`: the town dispatcher, the grid worker who reported it, the
 * community for an on-the-spot resolution) to close or reopen it; never for the one who handled it. The store says the
 * rule in SQL (`verifiableBy` in src/server/cases/store.ts); test/store/case-verification.test.ts holds both to one table.
 */
export const VERIFIER_STATUSES: readonly CaseStatus[] = ['handled'];

export function mineFilter(list: MineList, actor: Actor): MineFilter {
  switch (list) {
    case 'reported': return { reportedByViewer: true };
    case 'assigned': return { assignedToViewer: true };
    case 'verify': return { statuses: VERIFIER_STATUSES, verifiableBy: actor };
    default: {
      const never: never = list;
      throw new Error(`unknown list ${String(never)}`);
    }
  }
}
