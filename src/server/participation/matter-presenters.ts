// 三事分流: reading residents' matters — the caller's scope in the SQL (scope.ts), the links to the case, proposal or
// help request they became, names (the resident's, the submitter's) only to staff of the scope and to the resident
// themself (residents read only their own matters), and `policies`.
import type { Tx } from '../platform/db/db.ts';
import type { MatterClass } from '../../shared/participation.ts';
import type { CaseStatus } from '../../shared/cases.ts';
import type { ProposalStatus } from '../../shared/participation.ts';
import type { HelpStatus } from '../../shared/volunteers.ts';
import { MATTER_COLUMNS, matterNotFound, type MatterRow } from './matters.ts';
import { iso, isStaffOf, matterReadSql, type Reader } from './scope.ts';
import type { MatterDetailT, MatterPolicy, MatterSummaryT } from './matter-schemas.ts';

interface ListedMatter extends MatterRow {
  grid_name: string; resident_name: string | null; submitter_name: string | null;
  case_number: string | null; case_status: CaseStatus | null;
  proposal_title: string | null; proposal_status: ProposalStatus | null; council_name: string | null;
  help_status: HelpStatus | null;
}

const SELECT = `select ${MATTER_COLUMNS}, g.name as grid_name, rr.name as resident_name, a.name as submitter_name,
    c.number as case_number, c.status as case_status, p.title as proposal_title, p.status as proposal_status,
    co.name as council_name, h.status as help_status
  from resident_matters m
  join org_units g on g.id = m.grid_id
  left join registry_residents rr on rr.id = m.resident_id
  left join accounts a on a.id = m.submitted_by
  left join cases c on c.id = m.case_id
  left join proposals p on p.id = m.proposal_id
  left join councils co on co.id = p.council_id
  left join help_requests h on h.id = m.help_request_id`;

export async function listMatters(
  tx: Tx, r: Reader, f: { status: string | null; class: MatterClass | null }, after: { at: Date; id: string } | null, limit: number,
): Promise<ListedMatter[]> {
  const params: unknown[] = [];
  const where = [matterReadSql(r, 'm', params)];
  if (f.status) { params.push(f.status); where.push(`m.status = $${params.length}`); }
  if (f.class) { params.push(f.class); where.push(`coalesce(m.class, m.suggested_class) = $${params.length}`); }
  if (after) { params.push(after.at, after.id); where.push(`(m.created_at, m.id) < ($${params.length - 1}, $${params.length})`); }
  params.push(limit);
  const rows = await tx.query<ListedMatter>(`${SELECT} where ${where.join(' and ')} order by m.created_at desc, m.id desc limit $${params.length}`, params);
  return rows.rows;
}

export async function findMatter(tx: Tx, r: Reader, id: string): Promise<ListedMatter | null> {
  const params: unknown[] = [id];
  const rows = await tx.query<ListedMatter>(`${SELECT} where m.id = $1 and ${matterReadSql(r, 'm', params)}`, params);
  return rows.rows[0] ?? null;
}

function matterPolicies(r: Reader, m: MatterRow & { case_status?: unknown; proposal_status: ProposalStatus | null; help_status: HelpStatus | null }): MatterPolicy[] {
  if (!isStaffOf(r.p, m.org_path)) return [];
  if (m.status === 'new') return ['class'];
  if (m.status === 'closed' || m.class === 'public') return [];
  if (m.class === 'shared' && m.proposal_status !== 'open') return [];
  if (m.class === 'private' && m.help_status !== 'open') return [];
  return ['reclass'];
}

export function presentMatter(r: Reader, m: ListedMatter): MatterSummaryT {
  return {
    id: m.id, version: m.version, title: m.title, description: m.description,
    location: m.lng !== null && m.lat !== null ? { lng: m.lng, lat: m.lat } : null, address: m.address,
    source: m.source, status: m.status, suggestedClass: m.suggested_class, suggestionReasons: m.suggestion_reasons ?? [],
    class: m.class, classReason: m.class_reason, classedAt: iso(m.classed_at), gridId: m.grid_id, gridName: m.grid_name,
    townId: m.town_id, residentName: m.resident_name, submittedByName: m.submitter_name,
    links: {
      caseId: m.case_id, caseNumber: m.case_number, caseStatus: m.case_status,
      proposalId: m.proposal_id, proposalTitle: m.proposal_title, proposalStatus: m.proposal_status, councilName: m.council_name,
      helpRequestId: m.help_request_id, helpStatus: m.help_status,
    },
    createdAt: iso(m.created_at)!, updatedAt: iso(m.updated_at)!, policies: matterPolicies(r, m),
  };
}

export async function loadMatterDetail(tx: Tx, r: Reader, id: string): Promise<MatterDetailT> {
  const m = await findMatter(tx, r, id);
  if (!m) throw matterNotFound();
  const events = await tx.query<{ action: string; from_class: MatterClass | null; to_class: MatterClass | null; reason: string | null; at: Date; by_name: string | null }>(
    `select e.action, e.from_class, e.to_class, e.reason, e.at, a.name as by_name
       from resident_matter_events e left join accounts a on a.id = e.by_account
      where e.matter_id = $1 order by e.at, e.id`, [id]);
  return {
    ...presentMatter(r, m),
    events: events.rows.map((e) => ({ action: e.action, fromClass: e.from_class, toClass: e.to_class, reason: e.reason, at: iso(e.at)!, byName: e.by_name })),
  };
}
