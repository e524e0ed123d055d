import type { DutyLevel } from '../../shared/duties.ts';
import { admissionEffect, itemHours, type LevelBurden } from '../../domain/duties/burden.ts';
import type { AdmissionRow, ItemRow } from './store.ts';
import type * as s from './schemas.ts';

/* The only place that shapes the duty catalogs' JSON, with `policies`. */

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
/** hours and visits as people read them: one decimal */
export const tenth = (x: number) => Math.round(x * 10) / 10;

export function presentItem(i: ItemRow, edits: boolean): s.DutyItemViewT {
  const visits = Number(i.visits_per_month);
  return {
    id: i.id, version: i.version, level: i.level, listType: i.list_type, code: i.code, name: i.name, description: i.description,
    basis: i.basis, department: i.department, dutyCode: i.duty_code, visitsPerMonth: visits, minutesPerVisit: i.minutes_per_visit,
    hoursPerMonth: tenth(itemHours({ listType: i.list_type, visitsPerMonth: visits, minutesPerVisit: i.minutes_per_visit })),
    admissionId: i.admission_id, approvedByName: i.approved_by_name, approvedAt: iso(i.approved_at), createdAt: iso(i.created_at)!,
    retiredAt: iso(i.retired_at), retiredReason: i.retired_reason,
    policies: edits && i.retired_at === null ? ['edit', 'retire'] : [],
  };
}

function presentLevelBurden(b: LevelBurden): s.BurdenViewT['town'] {
  return {
    items: b.items, catalogHours: tenth(b.catalogHours), hours: tenth(b.hours),
    registry: b.registry === null ? null : {
      gridWorkers: b.registry.gridWorkers, keyPeople: b.registry.keyPeople, riskPoints: b.registry.riskPoints, buildings: b.registry.buildings,
      keyVisits: tenth(b.registry.keyVisits), inspections: tenth(b.registry.inspections), buildingChecks: tenth(b.registry.buildingChecks), hours: tenth(b.registry.hours),
    },
  };
}

export function presentBurden(b: Record<DutyLevel, LevelBurden>): s.BurdenViewT {
  return { town: presentLevelBurden(b.town), community: presentLevelBurden(b.community), grid: presentLevelBurden(b.grid) };
}

export function presentAdmission(a: AdmissionRow, burden: Record<DutyLevel, LevelBurden>, decides: boolean): s.AdmissionViewT {
  const visits = Number(a.visits_per_month);
  const effect = admissionEffect(burden[a.level].hours, { listType: a.item.listType, visitsPerMonth: visits, minutesPerVisit: a.item.minutesPerVisit });
  const pending = a.status === 'pending';
  return {
    id: a.id, version: a.version, townId: a.town_id, level: a.level,
    item: {
      name: a.item.name, listType: a.item.listType, basis: a.item.basis, description: a.item.description ?? null,
      department: a.item.department ?? null, dutyCode: a.item.dutyCode ?? null, minutesPerVisit: a.item.minutesPerVisit,
    },
    reason: a.reason, burden: visits, status: a.status, requestedByName: a.requested_by_name, requesterUnit: a.requester_unit,
    createdAt: iso(a.created_at)!, decidedByName: a.decided_by_name, decidedAt: iso(a.decided_at), decisionNote: a.decision_note,
    itemId: a.item_id, itemCode: a.item_code,
    effect: { added: tenth(effect.added), before: pending ? tenth(effect.before) : null, after: pending ? tenth(effect.after) : null },
    policies: decides && pending ? ['approve', 'refuse'] : [],
  };
}
