import { absencePolicies } from '../../domain/tasks/absences.ts';
import type { AbsenceViewT } from './absence-schemas.ts';
import type { AbsenceRow } from './absence-store.ts';

export function presentAbsence(r: AbsenceRow): AbsenceViewT {
  return {
    id: r.id, accountId: r.account_id, accountName: r.account_name, grids: r.grids, from: r.from_day, to: r.to_day, reason: r.reason,
    handedOver: r.handed_over, createdByName: r.created_by_name, createdAt: new Date(r.created_at).toISOString(), policies: absencePolicies(),
  };
}
