// 家事: neighbour help (邻里互助). A request is opened by a resident, by staff for a registry person, or by classing a
// matter 家事; a neighbour or a volunteer team takes it; done awards the helper points by the community's helpDone rule.
// Every change writes an audit row in the caller's transaction (help requests have no event table: the audit log is
// their history).
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { HelpStatus } from '../../shared/volunteers.ts';
import { awardForEvent } from '../points/ledger.ts';
import type { Actor } from './scope.ts';

export interface HelpRow {
  id: string;
  matter_id: string | null;
  grid_id: string;
  org_path: string;
  title: string;
  description: string;
  requester_id: string | null;
  status: HelpStatus;
  helper_resident_id: string | null;
  helper_team_id: string | null;
  taken_at: Date | null;
  done_at: Date | null;
  done_note: string | null;
  version: number;
  created_at: Date;
  created_by: string | null;
}

export const HELP_COLUMNS = `h.id, h.matter_id, h.grid_id, h.org_path, h.title, h.description, h.requester_id, h.status,
  h.helper_resident_id, h.helper_team_id, h.taken_at, h.done_at, h.done_note, h.version, h.created_at, h.created_by`;

export const helpNotFound = () => new AppError('NOT_FOUND', 'No such help request.', '没有这个互助请求。');
export const helpStateConflict = (status: HelpStatus, action: string) => new AppError(
  'HELP_STATE_CONFLICT', `The help request is ${status}: "${action}" is not possible now.`, `互助请求当前状态不允许此操作（${action}）。`, { status });

/** The event reference of a help request's award to its helper. */
export const helpEventRef = (id: string) => `help:${id}`;

async function audit(tx: Tx, who: Actor, action: 'participation.help.open' | 'participation.help.take' | 'participation.help.done' | 'participation.help.cancel', id: string, detail?: unknown): Promise<void> {
  await appendAudit(tx, {
    at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action,
    targetType: 'help_request', targetId: id, success: true, detail,
  });
}

export async function lockHelp(tx: Tx, id: string): Promise<HelpRow> {
  const r = await tx.query<HelpRow>(`select ${HELP_COLUMNS} from help_requests h where h.id = $1 for update`, [id]);
  if (!r.rows[0]) throw helpNotFound();
  return r.rows[0];
}

export interface NewHelpRequest {
  gridId: string;
  title: string;
  description: string;
  /** the registry person who needs help */
  requesterId: string | null;
  matterId?: string | null;
  idempotencyKey?: string | null;
  who: Actor;
}

/** Opens a help request in a grid (used by POST /api/help-requests and by classing a matter 家事). */
export async function openHelpRequest(tx: Tx, n: NewHelpRequest): Promise<{ id: string; created: boolean }> {
  if (n.idempotencyKey) {
    const first = await tx.query<{ id: string }>('select id from help_requests where idempotency_key = $1', [n.idempotencyKey]);
    if (first.rows[0]) return { id: first.rows[0].id, created: false };
  }
  const grid = await tx.query<{ path: string }>(`select path from org_units where id = $1`, [n.gridId]);
  if (!grid.rows[0]) throw new AppError('PARTICIPATION_INVALID', 'No such grid.', '没有这个网格。');
  const ins = await tx.query<{ id: string }>(
    `insert into help_requests (matter_id, grid_id, org_path, title, description, requester_id, idempotency_key, created_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (idempotency_key) do nothing returning id`,
    [n.matterId ?? null, n.gridId, grid.rows[0].path, n.title.trim(), n.description.trim(), n.requesterId,
      n.idempotencyKey ?? null, n.who.at, n.who.accountId]);
  if (!ins.rows[0]) {
    const first = await tx.query<{ id: string }>('select id from help_requests where idempotency_key = $1', [n.idempotencyKey]);
    return { id: first.rows[0]!.id, created: false };
  }
  await audit(tx, n.who, 'participation.help.open', ins.rows[0].id, { gridId: n.gridId, matterId: n.matterId ?? null });
  return { id: ins.rows[0].id, created: true };
}

/** open → taken, by a registry person and/or a volunteer team. */
export async function takeHelp(
  tx: Tx, h: HelpRow, helper: { residentId: string | null; teamId: string | null }, who: Actor,
): Promise<void> {
  if (h.status !== 'open') throw helpStateConflict(h.status, 'take');
  if (!helper.residentId && !helper.teamId) {
    throw new AppError('VOLUNTEER_INVALID', 'Name who takes it: a neighbour or a volunteer team.', '请指定帮忙的邻居或志愿队伍。');
  }
  if (helper.residentId && helper.residentId === h.requester_id) {
    throw new AppError('VOLUNTEER_INVALID', 'The person who asked cannot take their own request.', '求助人不能自己接单。');
  }
  if (helper.teamId) {
    const t = await tx.query('select 1 from volunteer_teams where id = $1', [helper.teamId]);
    if (!t.rows[0]) throw new AppError('VOLUNTEER_INVALID', 'No such volunteer team.', '没有这个志愿队伍。');
  }
  if (helper.residentId) {
    const r = await tx.query('select 1 from registry_residents where id = $1 and left_at is null', [helper.residentId]);
    if (!r.rows[0]) throw new AppError('VOLUNTEER_INVALID', 'The helper is not in the registry.', '帮忙的人不在居民信息中。');
  }
  await tx.query(
    `update help_requests set status = 'taken', helper_resident_id = $2, helper_team_id = $3, taken_at = $4, version = version + 1
      where id = $1`, [h.id, helper.residentId, helper.teamId, who.at]);
  await audit(tx, who, 'participation.help.take', h.id, { helperResidentId: helper.residentId, helperTeamId: helper.teamId });
}

/** taken → done, with a note; the helper (a registry person) gets the community's helpDone points (once per request). */
export async function finishHelp(tx: Tx, h: HelpRow, note: string, who: Actor): Promise<{ points: number | null }> {
  if (h.status !== 'taken') throw helpStateConflict(h.status, 'done');
  await tx.query(
    `update help_requests set status = 'done', done_at = $2, done_note = $3, version = version + 1 where id = $1`,
    [h.id, who.at, note.trim()]);
  const award = h.helper_resident_id
    ? await awardForEvent(tx, { residentId: h.helper_resident_id, autoEvent: 'helpDone', eventRef: helpEventRef(h.id), at: who.at, by: who.accountId })
    : null;
  await audit(tx, who, 'participation.help.done', h.id, { points: award?.points ?? null });
  if (h.matter_id) await tx.query(`update resident_matters set status = 'closed', updated_at = $2, version = version + 1 where id = $1 and help_request_id = $3`, [h.matter_id, who.at, h.id]);
  return { points: award?.points ?? null };
}

/** open | taken → cancelled, with the reason. */
export async function cancelHelp(tx: Tx, h: HelpRow, reason: string, who: Actor): Promise<void> {
  if (h.status !== 'open' && h.status !== 'taken') throw helpStateConflict(h.status, 'cancel');
  await tx.query(`update help_requests set status = 'cancelled', done_note = $2, version = version + 1 where id = $1`, [h.id, reason.trim()]);
  await audit(tx, who, 'participation.help.cancel', h.id, { reason: reason.trim() });
}
