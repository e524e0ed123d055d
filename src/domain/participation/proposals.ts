// A proposal's path through its council, as data. Plain rules, no I/O.
//   open ──schedule──▶ scheduled ──decide──▶ decided ──start──▶ inProgress ──report-result──▶ done (residents rate it)
//   open | scheduled ──reject──▶ rejected
//   open | scheduled | decided ──send-up──▶ sentUp (a matter that needs the town: the 街道联席会 takes it over)
//   decide is allowed straight from open (a council may decide without a meeting, e.g. by its members' round).
import type { ProposalAction, ProposalStatus } from '../../shared/participation.ts';

export const PROPOSAL_ACTION_STATUSES: Record<ProposalAction, readonly ProposalStatus[]> = {
  schedule: ['open'],
  decide: ['open', 'scheduled'],
  reject: ['open', 'scheduled'],
  start: ['decided'],
  'report-result': ['inProgress'],
  'send-up': ['open', 'scheduled', 'decided'],
};

const AFTER: Record<ProposalAction, ProposalStatus> = {
  schedule: 'scheduled',
  decide: 'decided',
  reject: 'rejected',
  start: 'inProgress',
  'report-result': 'done',
  'send-up': 'sentUp',
};

export function proposalActionAllowed(status: ProposalStatus, action: ProposalAction): boolean {
  return PROPOSAL_ACTION_STATUSES[action]?.includes(status) ?? false;
}

/** The status after an allowed action. */
export function proposalStatusAfter(_status: ProposalStatus, action: ProposalAction): ProposalStatus {
  return AFTER[action];
}

/** Residents may support and comment while the proposal is being gathered and discussed. */
export function proposalOpenForSupport(status: ProposalStatus): boolean {
  return status === 'open' || status === 'scheduled';
}

/** Residents rate the result (1–5 stars) once it is done. */
export function proposalOpenForRating(status: ProposalStatus): boolean {
  return status === 'done';
}

/** The average of the ratings to one decimal (half up), null when nobody rated. */
export function averageRating(sum: number, count: number): number | null {
  if (!(count > 0)) return null;
  return Math.round((sum / count) * 10 + 1e-9) / 10;
}
