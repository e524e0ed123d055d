// 金点子 (城市治理我建言, 心愿墙): residents submit ideas to their town, others support them (once per person: the primary
// key (idea, person key)), staff of the scope screen them (accepted → ideaAccepted points to the author when in the
// registry) and answer them; the town's leads publish the quarter's top ten as a snapshot (once per town and quarter:
// unique (town, quarter)). Reading: staff ideas under their scope (a town's staff the town's); residents their town's,
// rejected ones only their own. Every change: audit row in the same transaction; creation honours the Idempotency-Key.
import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { awardForEvent } from '../points/ledger.ts';
import type { IdeaCategory, IdeaStatus } from '../../shared/participation.ts';
import { ideaActionAllowed, ideaOpenForSupport, ideaStatusAfter, quarterOf, topTen, type IdeaAction } from '../../domain/participation/ideas.ts';
import { personOfAccount, type RegistryPerson } from './person.ts';
import { isLeadOf, isResident, isStaffOf, isTerritorial, type Actor, type Reader } from './scope.ts';
import { invalid } from './meetings.ts';

export interface IdeaRow {
  id: string; town_id: string; org_unit_id: string; org_unit_name: string; org_path: string; title: string; body: string;
  category: IdeaCategory | null; submitted_by: string | null; author_name: string; status: IdeaStatus; screen_note: string | null;
  screened_at: Date | null; response: string | null; responded_at: Date | null; support_count: number; quarter: string;
  version: number; created_at: Date; supported_by_me: boolean;
}

const IDEA_COLUMNS = (supporterParam: string) => `i.id, i.town_id, i.org_unit_id, u.name as org_unit_name, i.org_path, i.title, i.body,
  i.category, i.submitted_by, i.author_name, i.status, i.screen_note, i.screened_at, i.response, i.responded_at, i.support_count,
  i.quarter, i.version, i.created_at,
  exists (select 1 from idea_supports s where s.idea_id = i.id and s.person_key = ${supporterParam}) as supported_by_me`;

const push = (params: unknown[], v: unknown) => { params.push(v); return `$${params.length}`; };

/** The town (id, path) a resident's ideas go to and that they read: their person's, else their home unit's. */
export async function townOfReader(tx: Tx, r: Reader): Promise<{ id: string; path: string; name: string } | null> {
  if (!r.areaPath) return null;
  return (await tx.query<{ id: string; path: string; name: string }>(
    `select id, path, name from org_units where level = 'town' and starts_with($1, path) order by length(path) desc limit 1`, [r.areaPath])).rows[0] ?? null;
}

/** The read condition on ideas (alias `i`). */
export function ideaReadSql(r: Reader, i: string, params: unknown[], town: { id: string } | null): string {
  const parts: string[] = [];
  if (isTerritorial(r.p)) parts.push(`${i}.org_path like ${push(params, likePrefix(r.p.scopePath!))}`);
  if (isResident(r.p)) {
    parts.push(`${i}.submitted_by = ${push(params, r.p.accountId)}`);
    if (town) parts.push(`(${i}.town_id = ${push(params, town.id)} and ${i}.status <> 'rejected')`);
  }
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

export interface IdeaFilter {
  sort: 'support' | 'newest'; status: IdeaStatus | null; category: IdeaCategory | null; quarter: string | null; mine: boolean;
}

export async function listIdeas(tx: Tx, r: Reader, f: IdeaFilter, after: { support: number; at: Date; id: string } | null, limit: number): Promise<IdeaRow[]> {
  const params: unknown[] = [r.person?.personKey ?? ''];
  const town = isResident(r.p) ? await townOfReader(tx, r) : null;
  const where = [ideaReadSql(r, 'i', params, town)];
  if (f.status) where.push(`i.status = ${push(params, f.status)}`);
  if (f.category) where.push(`i.category = ${push(params, f.category)}`);
  if (f.quarter) where.push(`i.quarter = ${push(params, f.quarter)}`);
  if (f.mine) where.push(`i.submitted_by = ${push(params, r.p.accountId)}`);
  if (after) {
    if (f.sort === 'support') {
      where.push(`(i.support_count < ${push(params, after.support)} or (i.support_count = $${params.length} and (i.created_at, i.id) < (${push(params, after.at)}, ${push(params, after.id)})))`);
    } else {
      where.push(`(i.created_at, i.id) < (${push(params, after.at)}, ${push(params, after.id)})`);
    }
  }
  const order = f.sort === 'support' ? 'i.support_count desc, i.created_at desc, i.id desc' : 'i.created_at desc, i.id desc';
  return (await tx.query<IdeaRow>(
    `select ${IDEA_COLUMNS('$1')} from ideas i join org_units u on u.id = i.org_unit_id
      where ${where.join(' and ')} order by ${order} limit ${push(params, limit)}`, params)).rows;
}

export async function findIdea(tx: Tx, r: Reader, id: string, o: { lock?: boolean } = {}): Promise<IdeaRow> {
  const params: unknown[] = [r.person?.personKey ?? '', id];
  const town = isResident(r.p) ? await townOfReader(tx, r) : null;
  const row = (await tx.query<IdeaRow>(
    `select ${IDEA_COLUMNS('$1')} from ideas i join org_units u on u.id = i.org_unit_id where i.id = $2 and ${ideaReadSql(r, 'i', params, town)}`, params)).rows[0];
  if (!row) throw notFound('idea');
  if (o.lock) await tx.query('select 1 from ideas where id = $1 for update', [id]);
  return row;
}

const audit = (tx: Tx, who: Actor, action: string, targetId: string, detail: unknown) => appendAudit(tx, {
  at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action, targetType: 'idea', targetId, success: true, detail,
});

export interface NewIdea { title: string; body: string; category: IdeaCategory }

/**
 * A resident's idea, to their town, filed under their grid (their person's, else their account's home unit). `author`
 * lets the demo file ideas of registry people who have no account (accountId null).
 */
export async function submitIdea(tx: Tx, author: { accountId: string | null; person: RegistryPerson | null; name: string; unitId: string | null },
  n: NewIdea, who: Actor): Promise<{ id: string; created: boolean }> {
  if (who.requestKey) {
    const first = (await tx.query<{ id: string }>('select id from ideas where idempotency_key = $1', [who.requestKey])).rows[0];
    if (first) return { id: first.id, created: false };
  }
  const unitId = author.person?.gridId ?? author.unitId;
  const unit = unitId ? (await tx.query<{ id: string; path: string }>('select id, path from org_units where id = $1', [unitId])).rows[0] : undefined;
  if (!unit) throw invalid('Your account belongs to no community: ask your grid worker.', '您的账号未关联社区，请联系网格员。');
  const town = (await tx.query<{ id: string }>(`select id from org_units where level = 'town' and starts_with($1, path) order by length(path) desc limit 1`, [unit.path])).rows[0];
  if (!town) throw invalid('Your account belongs to no town.', '您的账号未关联街道。');
  const title = n.title.trim();
  const body = n.body.trim();
  if (!title || !body) throw invalid('Give the idea a title and say what it is.', '请填写金点子的标题和内容。');
  const ins = await tx.query<{ id: string }>(
    `insert into ideas (town_id, org_unit_id, org_path, title, body, category, submitted_by, author_name, quarter, idempotency_key, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) on conflict (idempotency_key) do nothing returning id`,
    [town.id, unit.id, unit.path, title, body, n.category, author.accountId, author.name, quarterOf(who.at), who.requestKey ?? null, who.at]);
  if (!ins.rows[0]) {
    const first = (await tx.query<{ id: string }>('select id from ideas where idempotency_key = $1', [who.requestKey])).rows[0]!;
    return { id: first.id, created: false };
  }
  await audit(tx, who, 'participation.idea.create', ins.rows[0].id, { title, category: n.category, residentId: author.person?.residentId ?? null });
  return { id: ins.rows[0].id, created: true };
}

export const ideaStateConflict = (status: IdeaStatus) => new AppError('IDEA_STATE_CONFLICT', `The idea is ${status}: it does not take this step.`,
  `金点子当前${({ submitted: '待筛选', accepted: '已采纳', rejected: '未采纳', answered: '已答复' } as const)[status]}，不能进行此操作。`, { status });

/** Once per person: the first support counts, a repeat answers created false. Only submitted or accepted ideas. */
export async function supportIdea(tx: Tx, ideaId: string, person: RegistryPerson, accountId: string | null, who: Actor): Promise<{ created: boolean; supportCount: number }> {
  const idea = (await tx.query<{ status: IdeaStatus; town_id: string }>('select status, town_id from ideas where id = $1 for update', [ideaId])).rows[0];
  if (!idea) throw notFound('idea');
  if (idea.town_id !== person.townId) throw notFound('idea');
  if (!ideaOpenForSupport(idea.status)) throw ideaStateConflict(idea.status);
  const ins = await tx.query('insert into idea_supports (idea_id, person_key, account_id, at) values ($1, $2, $3, $4) on conflict do nothing returning idea_id',
    [ideaId, person.personKey, accountId, who.at]);
  if (!ins.rows[0]) {
    const c = (await tx.query<{ support_count: number }>('select support_count from ideas where id = $1', [ideaId])).rows[0]!;
    return { created: false, supportCount: c.support_count };
  }
  const c = await tx.query<{ support_count: number }>('update ideas set support_count = support_count + 1 where id = $1 returning support_count', [ideaId]);
  await audit(tx, who, 'participation.idea.support', ideaId, { residentId: person.residentId });
  return { created: true, supportCount: c.rows[0]!.support_count };
}

/** screen { accepted, note } | respond { response }: staff of the idea's scope. Accepting awards ideaAccepted to the author. */
export async function actOnIdea(tx: Tx, pii: PiiCipher, r: Reader, id: string,
  a: { kind: 'screen'; accepted: boolean; note: string } | { kind: 'respond'; response: string }, who: Actor): Promise<void> {
  const idea = await findIdea(tx, r, id, { lock: true });
  if (!isStaffOf(r.p, idea.org_path)) throw new AppError('FORBIDDEN', 'Only staff of the idea\'s area screen and answer it.', '只有金点子所在辖区的工作人员可以筛选和答复。');
  const action: IdeaAction = a.kind === 'respond' ? 'answer' : a.accepted ? 'accept' : 'reject';
  if (!ideaActionAllowed(idea.status, action)) throw ideaStateConflict(idea.status);
  const to = ideaStatusAfter(idea.status, action);
  if (a.kind === 'screen') {
    const note = a.note.trim();
    if (!note) throw invalid('Say why.', '请填写筛选意见。');
    await tx.query(`update ideas set status = $2, screen_note = $3, screened_by = $4, screened_at = $5, version = version + 1, updated_at = $5 where id = $1`,
      [id, to, note, who.accountId, who.at]);
    let points: number | null = null;
    if (a.accepted && idea.submitted_by) {
      const author = await personOfAccount(tx, pii, idea.submitted_by);
      if (author) points = (await awardForEvent(tx, { residentId: author.residentId, autoEvent: 'ideaAccepted', eventRef: `idea:${id}`, at: who.at, by: who.accountId }))?.points ?? null;
    }
    await audit(tx, who, 'participation.idea.screen', id, { from: idea.status, to, note, points });
  } else {
    const response = a.response.trim();
    if (!response) throw invalid('The response is empty.', '请填写答复内容。');
    await tx.query(`update ideas set status = $2, response = $3, responded_by = $4, responded_at = $5, version = version + 1, updated_at = $5 where id = $1`,
      [id, to, response, who.accountId, who.at]);
    await audit(tx, who, 'participation.idea.respond', id, { from: idea.status, to, length: response.length });
  }
}

export interface TopItemRow {
  rank: number; ideaId: string; title: string; category: IdeaCategory | null; authorName: string; supportCount: number;
  status: IdeaStatus; response: string | null;
}

/** The live ranking of a town's quarter (H1's topTen over its accepted and answered ideas). */
export async function liveTopTen(tx: Tx, townId: string, quarter: string): Promise<TopItemRow[]> {
  const rows = (await tx.query<{ id: string; title: string; category: IdeaCategory | null; author_name: string; support_count: number; status: IdeaStatus; response: string | null; created_at: Date }>(
    `select id, title, category, author_name, support_count, status, response, created_at from ideas
      where town_id = $1 and quarter = $2 and status in ('accepted', 'answered')`, [townId, quarter])).rows;
  const byId = new Map(rows.map((x) => [x.id, x]));
  return topTen(rows.map((x) => ({ id: x.id, status: x.status, supportCount: x.support_count, createdAt: new Date(x.created_at) }))).map((id, i) => {
    const x = byId.get(id)!;
    return { rank: i + 1, ideaId: x.id, title: x.title, category: x.category, authorName: x.author_name, supportCount: x.support_count, status: x.status, response: x.response };
  });
}

export async function publishedTopTen(tx: Tx, townId: string, quarter: string): Promise<{ items: TopItemRow[]; publishedAt: Date } | null> {
  const r = (await tx.query<{ items: TopItemRow[]; published_at: Date }>('select items, published_at from idea_top_lists where town_id = $1 and quarter = $2', [townId, quarter])).rows[0];
  return r ? { items: r.items, publishedAt: r.published_at } : null;
}

/** Publishes the quarter's top ten of a town (leads whose scope holds the town); once per town and quarter (409). */
export async function publishTopTen(tx: Tx, p: Principal, town: { id: string; path: string }, quarter: string, who: Actor): Promise<void> {
  if (!isLeadOf(p, town.path)) throw new AppError('FORBIDDEN', 'Only the town\'s leads publish its top ten.', '只有街道（或其上级）的负责人可以发布十佳金点子。');
  if (quarter > quarterOf(who.at)) throw invalid('That quarter has not begun.', '该季度尚未开始。');
  const items = await liveTopTen(tx, town.id, quarter);
  if (items.length === 0) throw invalid('No accepted idea in that quarter yet.', '该季度还没有采纳的金点子。');
  const ins = await tx.query(
    `insert into idea_top_lists (town_id, quarter, items, published_at, published_by) values ($1, $2, $3::jsonb, $4, $5)
     on conflict (town_id, quarter) do nothing returning id`, [town.id, quarter, JSON.stringify(items), who.at, who.accountId]);
  if (!ins.rows[0]) throw new AppError('IDEA_STATE_CONFLICT', 'That quarter\'s top ten is published already.', '该季度的十佳金点子已经发布。');
  await appendAudit(tx, {
    at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action: 'participation.idea.top.publish', targetType: 'org_unit', targetId: town.id, success: true,
    detail: { quarter, ideas: items.map((i) => i.ideaId) },
  });
}
