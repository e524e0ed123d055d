// 家事: reading help requests — scope in the SQL (scope.ts helpReadSql), names masked for residents other than the
// requester and the helper themselves, the helper's points for it, `policies`.
import type { Tx } from '../platform/db/db.ts';
import type { HelpStatus } from '../../shared/volunteers.ts';
import { HELP_COLUMNS, helpEventRef, helpNotFound, type HelpRow } from './help.ts';
import { helpReadSql, iso, isHelpOrganiserOf, isResident, maskName, type Reader } from './scope.ts';
import type { HelpPolicy, HelpViewT } from './help-schemas.ts';

export interface ListedHelp extends HelpRow {
  grid_name: string; requester_name: string | null; helper_name: string | null; team_name: string | null; points: number | null;
}

const SELECT = `select ${HELP_COLUMNS}, g.name as grid_name, rq.name as requester_name, hp.name as helper_name, t.name as team_name,
    (select sum(e.amount)::int from point_transactions pt join point_entries e on e.transaction_id = pt.id and e.account_id = pt.subject_id
      where pt.event_ref = 'help:' || h.id and pt.kind = 'award'
        and not exists (select 1 from point_transactions x where x.reverses_id = pt.id)) as points
  from help_requests h
  join org_units g on g.id = h.grid_id
  left join registry_residents rq on rq.id = h.requester_id
  left join registry_residents hp on hp.id = h.helper_resident_id
  left join volunteer_teams t on t.id = h.helper_team_id`;

export async function listHelp(
  tx: Tx, r: Reader, f: { status: HelpStatus | null; mine: boolean }, after: { at: Date; id: string } | null, limit: number,
): Promise<ListedHelp[]> {
  const params: unknown[] = [];
  const where = [helpReadSql(r, 'h', params)];
  if (f.status) { params.push(f.status); where.push(`h.status = $${params.length}`); }
  if (f.mine) {
    params.push(r.p.accountId, r.person?.residentId ?? null);
    where.push(`(h.created_by = $${params.length - 1} or h.requester_id = $${params.length} or h.helper_resident_id = $${params.length})`);
  }
  if (after) { params.push(after.at, after.id); where.push(`(h.created_at, h.id) < ($${params.length - 1}, $${params.length})`); }
  params.push(limit);
  return (await tx.query<ListedHelp>(`${SELECT} where ${where.join(' and ')} order by h.created_at desc, h.id desc limit $${params.length}`, params)).rows;
}

export async function findHelp(tx: Tx, r: Reader, id: string): Promise<ListedHelp | null> {
  const params: unknown[] = [id];
  return (await tx.query<ListedHelp>(`${SELECT} where h.id = $1 and ${helpReadSql(r, 'h', params)}`, params)).rows[0] ?? null;
}

export function helpPolicies(r: Reader, h: HelpRow): HelpPolicy[] {
  const organiser = isHelpOrganiserOf(r.p, h.org_path);
  const requester = (r.person !== null && h.requester_id === r.person.residentId) || h.created_by === r.p.accountId;
  const helper = r.person !== null && h.helper_resident_id === r.person.residentId;
  const out: HelpPolicy[] = [];
  if (h.status === 'open' && (organiser || (isResident(r.p) && r.person && !requester && r.person.gridId === h.grid_id))) out.push('take');
  if (h.status === 'taken' && (organiser || helper || requester)) out.push('done');
  if ((h.status === 'open' || h.status === 'taken') && (organiser || requester)) out.push('cancel');
  return out;
}

export function presentHelp(r: Reader, h: ListedHelp): HelpViewT {
  const organiser = isHelpOrganiserOf(r.p, h.org_path) || !isResident(r.p);
  const requester = (r.person !== null && h.requester_id === r.person.residentId) || h.created_by === r.p.accountId;
  const helper = r.person !== null && h.helper_resident_id === r.person.residentId;
  const name = (n: string | null, own: boolean) => (n === null ? null : organiser || own ? n : maskName(n));
  return {
    id: h.id, version: h.version, title: h.title, description: h.description, status: h.status, gridId: h.grid_id, gridName: h.grid_name,
    requesterName: name(h.requester_name, requester), helperName: name(h.helper_name, helper), helperTeamId: h.helper_team_id,
    helperTeamName: h.team_name, mine: requester, takenByMe: helper, matterId: h.matter_id, takenAt: iso(h.taken_at), doneAt: iso(h.done_at),
    doneNote: organiser || requester || helper ? h.done_note : null, pointsAwarded: h.points, createdAt: iso(h.created_at)!,
    policies: helpPolicies(r, h),
  };
}

export async function loadHelp(tx: Tx, r: Reader, id: string): Promise<HelpViewT> {
  const h = await findHelp(tx, r, id);
  if (!h) throw helpNotFound();
  return presentHelp(r, h);
}

export { helpEventRef };
