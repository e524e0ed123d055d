// 党员亮身份、践承诺、评星级: commands and reads of party members and 微阵地. Each change writes its audit row in the same
// transaction (the audit log is the history of commitments and stars: a later save replaces the row, the log keeps both).
import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { periodKey } from '../../domain/points/rules.ts';
import * as store from './party-store.ts';
import { isOrganiser, memberReadSql, memberWriteSql, postReadSql, type PartyReader } from './party-scope.ts';
import { toMemberView, toPostView } from './party-presenters.ts';
import { cleanCommitments, postServesMember } from './party-rules.ts';
import type {
  CommitmentsInput, NewPartyPostInput, PartyMemberListT, PartyMemberViewT, PartyPostListT, PartyPostViewT, StarsInput,
} from './party-schemas.ts';

export const POST_LEVELS = ['town', 'community', 'grid'] as const;

export const partyYearOf = (now: Date): number => Number(periodKey('year', now));

const invalid = (en: string, zh: string, details?: unknown) => new AppError('VOLUNTEER_INVALID', en, zh, details);

interface Who { p: Principal; at: Date; ip: string | null }

/** The audit entry's who, when and where; the action and target are spelled at each call (the audit page names them). */
const by = (w: Who) => ({ at: w.at, actorId: w.p.accountId, actorName: w.p.name, ip: w.ip, success: true });

/** The unit filter (`orgUnitId`): its path, pushed as a LIKE on `column`; unknown units reach nothing. */
async function unitFilter(tx: Tx, orgUnitId: string | undefined, column: string, params: unknown[]): Promise<string> {
  if (!orgUnitId) return 'true';
  const u = await tx.query<{ path: string }>('select path from org_units where id = $1', [orgUnitId]);
  if (!u.rows[0]) return 'false';
  params.push(likePrefix(u.rows[0].path));
  return `${column} like $${params.length}`;
}

export async function listMembers(
  tx: Tx, rd: PartyReader, q: { year?: number; orgUnitId?: string; offset?: number; limit?: number }, now: Date,
): Promise<PartyMemberListT> {
  const thisYear = partyYearOf(now);
  const year = q.year ?? thisYear;
  const params: unknown[] = [year];
  const cond = `${memberReadSql(rd, params)} and ${await unitFilter(tx, q.orgUnitId, 'r.org_path', params)}`;
  const rows = await store.listMembers(tx, cond, params, { offset: q.offset ?? 0, limit: q.limit ?? 200 });
  return {
    year,
    total: rows[0] ? Number(rows[0].total) : 0,
    items: rows.map((m) => toMemberView(rd, m, year, thisYear)),
    policies: isOrganiser(rd.p) ? ['createPost'] : [],
  };
}

export async function loadMember(tx: Tx, rd: PartyReader, residentId: string, year: number, now: Date): Promise<PartyMemberViewT> {
  const params: unknown[] = [year];
  const m = await store.findPerson(tx, residentId, year, memberReadSql(rd, params), params);
  if (!m || !m.party_member) throw notFound('party member');
  return toMemberView(rd, m, year, partyYearOf(now));
}

export async function listPosts(tx: Tx, rd: PartyReader, q: { orgUnitId?: string }, now: Date): Promise<PartyPostListT> {
  const params: unknown[] = [partyYearOf(now)];
  const cond = `${postReadSql(rd, params)} and ${await unitFilter(tx, q.orgUnitId, 'p.org_path', params)}`;
  const rows = await store.listPosts(tx, cond, params);
  return { items: rows.map((r) => toPostView(rd.p, r)), policies: isOrganiser(rd.p) ? ['create'] : [] };
}

/** A new 微阵地 of a town, community or grid of the organiser's scope; Idempotency-Key answers the first. */
export async function createPost(tx: Tx, p: Principal, input: NewPartyPostInput, now: Date, key: string | null, ip: string | null): Promise<{ post: PartyPostViewT; created: boolean }> {
  if (!isOrganiser(p)) throw forbidden();
  const year = partyYearOf(now);
  if (key) {
    const first = await store.postByKey(tx, key);
    if (first) return { post: toPostView(p, (await store.findPost(tx, first, year))!), created: false };
  }
  const u = (await tx.query<{ id: string; path: string; level: string }>(
    'select id, path, level from org_units where id = $1 and path like $2', [input.orgUnitId, likePrefix(p.scopePath!)])).rows[0];
  if (!u) throw notFound('unit');
  if (!(POST_LEVELS as readonly string[]).includes(u.level)) {
    throw invalid('A party post belongs to a town, a community or a grid.', '微阵地只能设在街道、社区或网格。', { level: u.level });
  }
  const name = input.name.trim();
  if (name === '') throw invalid('Name the post.', '请填写微阵地名称。');
  if (await store.postNamed(tx, u.id, name)) throw invalid('This unit already has a post of that name.', '该单位已有同名的微阵地。', { name });
  const id = await store.insertPost(tx, {
    orgUnitId: u.id, orgPath: u.path, name, address: input.address?.trim() || null,
    lng: input.location?.lng ?? null, lat: input.location?.lat ?? null, at: now, by: p.accountId, key,
  });
  if (!id) return { post: toPostView(p, (await store.findPost(tx, (await store.postByKey(tx, key!))!, year))!), created: false };
  await appendAudit(tx, { ...by({ p, at: now, ip }), action: 'party.post.create', targetType: 'party_post', targetId: id, detail: { orgUnitId: u.id, name } });
  return { post: toPostView(p, (await store.findPost(tx, id, year))!), created: true };
}

/** The party member the organiser may change (404 outside their scope, 422 when the person is not a party member). */
async function memberToChange(tx: Tx, p: Principal, residentId: string, year: number): Promise<store.MemberRow> {
  if (!isOrganiser(p)) throw forbidden();
  const params: unknown[] = [year];
  const m = await store.findPerson(tx, residentId, year, memberWriteSql(p, params), params);
  if (!m) throw notFound('party member');
  if (!m.party_member) throw invalid('This person is not a party member in the registry.', '该居民在居民信息中不是党员。');
  await tx.query('select 1 from registry_residents where id = $1 for update', [residentId]);
  return m;
}

/** 践承诺: saves a member's commitments of a year (last year, this year or next) and the 微阵地 where they serve. */
export async function saveCommitments(tx: Tx, p: Principal, residentId: string, input: CommitmentsInput, now: Date, ip: string | null): Promise<void> {
  const thisYear = partyYearOf(now);
  const m = await memberToChange(tx, p, residentId, input.year);
  if (input.year < thisYear - 1 || input.year > thisYear + 1) {
    throw invalid(`Commitments are kept for ${thisYear - 1} to ${thisYear + 1}.`, `只能填写${thisYear - 1}至${thisYear + 1}年的承诺。`, { year: input.year });
  }
  const commitments = cleanCommitments(input.commitments);
  if (!commitments) throw invalid('Give one to five commitments, each at most 100 characters.', '请填写1至5条承诺，每条不超过100字。');
  let postId: string | null = null;
  if (input.postId) {
    const post = await store.findPost(tx, input.postId, input.year);
    if (!post) throw invalid('No such party post.', '没有这个微阵地。', { postId: input.postId });
    if (!postServesMember(post.org_path, m.org_path, m.community_path)) {
      throw invalid('This party post does not serve the member\'s community.', '该微阵地不在该党员所在的社区。', { postId: input.postId });
    }
    postId = post.id;
  }
  const saved = await store.upsertCommitments(tx, {
    residentId, orgUnitId: m.grid_id, orgPath: m.org_path, year: input.year, postId, commitments, at: now, by: p.accountId,
  });
  await appendAudit(tx, {
    ...by({ p, at: now, ip }), action: 'party.commitments.save', targetType: 'party_commitment', targetId: saved.id,
    detail: { residentId, year: input.year, postId, commitments, version: saved.version },
  });
}

/** 评星级: 1–5 stars for a year (this year or earlier) whose commitments were saved; a second rating replaces the first. */
export async function rateMember(tx: Tx, p: Principal, residentId: string, input: StarsInput, now: Date, ip: string | null): Promise<void> {
  const thisYear = partyYearOf(now);
  await memberToChange(tx, p, residentId, input.year);
  if (input.year > thisYear) throw invalid('Stars are given for this year or earlier.', '只能评定今年及以前年度的星级。', { year: input.year });
  const note = input.note?.trim() || null;
  const rated = await store.rateStars(tx, { residentId, year: input.year, stars: input.stars, note, at: now, by: p.accountId });
  if (!rated) throw invalid(`No commitments were saved for ${input.year}: save them before rating.`, `该党员${input.year}年还没有承诺，不能评星。`, { year: input.year });
  await appendAudit(tx, {
    ...by({ p, at: now, ip }), action: 'party.stars.rate', targetType: 'party_commitment', targetId: rated.id,
    detail: { residentId, year: input.year, stars: input.stars, note, version: rated.version },
  });
}
