import type { Db } from '../platform/db/db.ts';
import { appendAudit, audit, type AuditEntry } from '../audit/audit-log.ts';
import { writeGrids } from './import-grids.ts';
import {
  applyPlan, countsByKind, lockRedrawn, planBoundaryChange, reasonRequired, redrawnUnits, strandsRecords, type RedrawnUnit,
} from '../registry/boundary-change.ts';

export interface BoundarySave {
  geometry?: unknown;
  /** other grids of the town redrawn in the same save (a strip handed to a neighbour, a merge, a split) */
  units?: readonly RedrawnUnit[];
  /** why (勘界 decision, merger of communities …): required when registry records change grid */
  reason?: string;
}

/**
 * A grid's new boundary, drawn on the map, alone or with its neighbours': the same checks as a GeoJSON import of those
 * grids, and in the same transaction the registry records that change grid move (grid, path, town, a history row each
 * with the reason). A save that would leave a record in no grid is refused with the list (422
 * BOUNDARY_STRANDS_RECORDS); one that moves records needs a reason (422 BOUNDARY_REASON_REQUIRED). Open cases are
 * left in the grid they were routed in: their tier, post, assignee and clocks were chosen for it (the preview lists
 * them, a dispatcher re-dispatches if needed). The boundaries replaced go into the units' history (migration 018's
 * trigger). One audit entry (org.set_boundary, apart from a GeoJSON import's org.import_grids), with the moves
 * counted; a refused save changes nothing and is audited on its own.
 */
export async function setUnitBoundary(db: Db, id: string, save: BoundarySave, scopePath: string, actor: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>, now: Date): Promise<void> {
  const units = redrawnUnits(id, save);
  const reason = save.reason?.trim() || null;
  const entry = { at: now, ...actor, action: 'org.set_boundary', targetType: 'org_unit', targetId: id };
  try {
    await db.transaction(async (tx) => {
      const locked = await lockRedrawn(tx, units, scopePath);
      const byId = new Map(locked.map((r) => [r.id, r]));
      const written = await writeGrids(tx, units.map((u) => {
        const r = byId.get(u.id)!;
        return { geometry: u.geometry, properties: { code: r.code, name: r.name, communityCode: r.parent_code, level: r.level } };
      }), scopePath);
      const plan = await planBoundaryChange(tx, locked, units, scopePath);
      if (plan.outcome.outside.length > 0) throw strandsRecords(plan);
      if (plan.outcome.moves.length > 0 && !reason) throw reasonRequired(plan);
      await applyPlan(tx, plan, { at: now, actorId: actor.actorId ?? null, actorName: actor.actorName ?? null, reason: reason ?? '' });
      await appendAudit(tx, {
        ...entry, success: true,
        detail: {
          ...written, units: locked.map((r) => r.id), reason,
          moved: countsByKind(plan.outcome.moves), openCasesLeft: plan.outcome.openCases.map((c) => c.number),
        },
      });
    });
  } catch (err) {
    await audit(db, { ...entry, success: false, detail: { units: units.map((u) => u.id), code: (err as { code?: string }).code ?? 'ERROR' } });
    throw err;
  }
}
