import type { Principal } from '../platform/auth.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { actionsOf, isOpen } from '../../domain/analytics/projects.ts';
import type { EventRow, LinkedCaseRow, ProjectRow } from './project-store.ts';
import type { ProjectDetailT, ProjectPolicy, ProjectViewT } from './schemas.ts';
import { edits } from './scope.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the caller may do to a project: editors whose scope holds its community, by its status. */
export function projectPolicies(row: ProjectRow, p: Principal): ProjectPolicy[] {
  if (!edits(p, row.org_path)) return [];
  return [...(isOpen(row.status) ? (['update', 'linkCases'] as const) : []), ...actionsOf(row.status)];
}

export function presentProject(row: ProjectRow, p: Principal, now: Date): ProjectViewT {
  return {
    id: row.id, townId: row.town_id, communityId: row.community_id, communityName: row.community_name,
    name: row.name, categoryCode: row.category_code, categoryName: row.category_name, description: row.description,
    ownerAccountId: row.owner_account_id, ownerName: row.owner_name, status: row.status, dueOn: row.due_on,
    overdue: isOpen(row.status) && row.due_on !== null && row.due_on < shanghaiDate(now),
    lng: row.lng, lat: row.lat, cells: row.cells, spanFrom: row.span_from, spanTo: row.span_to, result: row.result,
    cases: row.cases, casesClosed: row.cases_closed,
    version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
    startedAt: iso(row.started_at), finishedAt: iso(row.finished_at), droppedAt: iso(row.dropped_at),
    policies: projectPolicies(row, p),
  };
}

export function presentDetail(row: ProjectRow, cases: LinkedCaseRow[], events: EventRow[], p: Principal, now: Date): ProjectDetailT {
  return {
    ...presentProject(row, p, now),
    caseList: cases.map((c) => ({
      id: c.id, number: c.number, status: c.status, categoryName: c.category_name, address: c.address, gridName: c.grid_name,
      createdAt: c.created_at.toISOString(), closedAt: iso(c.closed_at), linkedAt: c.linked_at.toISOString(),
    })),
    events: events.map((e) => ({ at: e.at.toISOString(), action: e.action, actorName: e.actor_name, fromStatus: e.from_status, toStatus: e.to_status, note: e.note })),
  };
}
