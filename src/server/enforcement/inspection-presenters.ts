import type { Principal } from '../platform/auth.ts';
import { ENFORCEMENT_OFFICERS, type EnforcementStatus } from '../../shared/enforcement.ts';
import type { InspectionDetail, InspectionPolicy, InspectionSummary } from './inspection-schemas.ts';
import type { HeldChecklist, InspectionCaseRow, InspectionRow } from './inspection-store.ts';

/** The departments whose checklists an inspection answers, each once, in the order of their first checklist. */
export function departmentsOf(checklists: readonly Pick<HeldChecklist, 'department'>[]): string[] {
  return [...new Set(checklists.map((c) => c.department))];
}

/**
 * The separate visits a joint inspection spared the firm: each department would have come on its own, so a done
 * inspection of n departments saves n − 1 visits; one not done (planned, cancelled) saves none yet.
 */
export function visitsSaved(status: string, checklists: readonly Pick<HeldChecklist, 'department'>[]): number {
  return status === 'done' ? Math.max(0, departmentsOf(checklists).length - 1) : 0;
}

const isOfficer = (p: Principal) => p.roles.some((r) => (ENFORCEMENT_OFFICERS as readonly string[]).includes(r));

export function inspectionPolicies(row: Pick<InspectionRow, 'status'>, p: Principal): InspectionPolicy[] {
  const out: InspectionPolicy[] = [];
  if (!isOfficer(p)) return out;
  if (row.status === 'planned') out.push('record');
  if (row.status !== 'cancelled') out.push('openCase');
  return out;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentInspectionSummary(row: InspectionRow, p: Principal): InspectionSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    townId: row.town_id,
    townName: row.town_name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    placeId: row.place_id,
    subjectName: row.subject_name,
    address: row.address,
    location: row.lng !== null && row.lat !== null ? { lng: row.lng, lat: row.lat } : null,
    plannedOn: row.planned_on,
    departments: departmentsOf(row.checklists),
    issues: row.checklists.reduce((n, c) => n + c.items.filter((i) => i.result === 'issue').length, 0),
    visitsSaved: visitsSaved(row.status, row.checklists),
    doneAt: iso(row.done_at),
    createdAt: iso(row.created_at)!,
    policies: inspectionPolicies(row, p),
  };
}

export function presentInspectionDetail(
  row: InspectionRow, names: Map<string, string>, cases: readonly InspectionCaseRow[], p: Principal,
): InspectionDetail {
  return {
    ...presentInspectionSummary(row, p),
    checklists: row.checklists.map((c) => ({
      checklistId: c.checklistId, department: c.department, title: c.title,
      items: c.items.map((i) => ({ text: i.text, result: i.result, note: i.note })),
    })),
    inspectors: row.inspector_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    findings: row.findings,
    createdById: row.created_by,
    createdByName: row.created_by_name,
    cases: cases.map((c) => ({ id: c.id, number: c.number, status: c.status as EnforcementStatus, matterCode: c.matter_code, matterName: c.matter_name })),
  };
}
