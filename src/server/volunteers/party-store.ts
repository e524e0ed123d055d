// SQL of party members' 亮身份、践承诺、评星级 and the 微阵地: the transaction first, the caller's reach inside every
// query (a condition built by party-scope.ts), no decisions here.
import type { Tx } from '../platform/db/db.ts';

export interface MemberRow {
  id: string;
  name: string;
  grid_id: string;
  org_path: string;
  party_member: boolean;
  grid_name: string;
  community_name: string;
  community_path: string;
  commitment_id: string | null;
  post_id: string | null;
  post_name: string | null;
  commitments: string[] | null;
  stars: number | null;
  stars_note: string | null;
  rated_at: Date | null;
  total: string;
}

const MEMBER_SELECT = `select r.id, r.name, r.grid_id, r.org_path, r.party_member, g.name as grid_name,
    coalesce(c.name, g.name) as community_name, coalesce(c.path, g.path) as community_path,
    pc.id as commitment_id, pc.post_id, pp.name as post_name, pc.commitments, pc.stars, pc.stars_note, pc.rated_at,
    count(*) over () as total
  from registry_residents r
  join org_units g on g.id = r.grid_id
  left join org_units c on c.id = g.parent_id
  left join party_commitments pc on pc.resident_id = r.id and pc.year = $1
  left join party_posts pp on pp.id = pc.post_id`;

/** The living party members the condition reaches (on alias `r`), by community, grid and name. `params[0]` is the year. */
export async function listMembers(tx: Tx, cond: string, params: unknown[], page: { offset: number; limit: number }): Promise<MemberRow[]> {
  params.push(page.limit, page.offset);
  const r = await tx.query<MemberRow>(
    `${MEMBER_SELECT} where r.party_member and r.left_at is null and ${cond}
      order by coalesce(c.path, g.path), g.sort, g.name, r.name_pinyin, r.id limit $${params.length - 1} offset $${params.length}`, params);
  return r.rows;
}

/** One living registry person the condition reaches (party member or not: the caller tells them apart). */
export async function findPerson(tx: Tx, residentId: string, year: number, cond: string, params: unknown[]): Promise<MemberRow | null> {
  params.push(residentId);
  const r = await tx.query<MemberRow>(`${MEMBER_SELECT} where r.id = $${params.length} and r.left_at is null and ${cond}`, params);
  return r.rows[0] ?? null;
}

export interface PostRow {
  id: string;
  org_unit_id: string;
  org_path: string;
  unit_name: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  created_at: Date;
  members: string;
}

const POST_SELECT = `select p.id, p.org_unit_id, p.org_path, u.name as unit_name, p.name, p.address, p.lng, p.lat, p.created_at,
    (select count(*) from party_commitments pc where pc.post_id = p.id and pc.year = $1) as members
  from party_posts p join org_units u on u.id = p.org_unit_id`;

/** The posts the condition reaches (on alias `p`); `params[0]` is the year whose members are counted. */
export async function listPosts(tx: Tx, cond: string, params: unknown[]): Promise<PostRow[]> {
  const r = await tx.query<PostRow>(`${POST_SELECT} where ${cond} order by p.org_path, p.name, p.id`, params);
  return r.rows;
}

export async function findPost(tx: Tx, id: string, year: number): Promise<PostRow | null> {
  const r = await tx.query<PostRow>(`${POST_SELECT} where p.id = $2`, [year, id]);
  return r.rows[0] ?? null;
}

export async function postByKey(tx: Tx, key: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>('select id from party_posts where idempotency_key = $1', [key]);
  return r.rows[0]?.id ?? null;
}

export async function postNamed(tx: Tx, orgUnitId: string, name: string): Promise<boolean> {
  const r = await tx.query('select 1 from party_posts where org_unit_id = $1 and name = $2', [orgUnitId, name]);
  return r.rows.length > 0;
}

export async function insertPost(tx: Tx, v: {
  orgUnitId: string; orgPath: string; name: string; address: string | null; lng: number | null; lat: number | null;
  at: Date; by: string; key: string | null;
}): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `insert into party_posts (org_unit_id, org_path, name, address, lng, lat, created_at, created_by, idempotency_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (idempotency_key) do nothing returning id`,
    [v.orgUnitId, v.orgPath, v.name, v.address, v.lng, v.lat, v.at, v.by, v.key]);
  return r.rows[0]?.id ?? null;
}

/** Saves a member's commitments of a year (a second save replaces the first: version + 1); locks the row. */
export async function upsertCommitments(tx: Tx, v: {
  residentId: string; orgUnitId: string; orgPath: string; year: number; postId: string | null; commitments: string[]; at: Date; by: string;
}): Promise<{ id: string; version: number }> {
  const r = await tx.query<{ id: string; version: number }>(
    `insert into party_commitments (resident_id, org_unit_id, org_path, year, post_id, commitments, created_at, updated_at, updated_by)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $7, $8)
     on conflict (resident_id, year) do update set org_unit_id = excluded.org_unit_id, org_path = excluded.org_path,
       post_id = excluded.post_id, commitments = excluded.commitments, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by, version = party_commitments.version + 1
     returning id, version`,
    [v.residentId, v.orgUnitId, v.orgPath, v.year, v.postId, JSON.stringify(v.commitments), v.at, v.by]);
  return r.rows[0]!;
}

/** Gives a year's stars to a member with commitments of that year; null when they have none. */
export async function rateStars(tx: Tx, v: { residentId: string; year: number; stars: number; note: string | null; at: Date; by: string }): Promise<{ id: string; version: number } | null> {
  const r = await tx.query<{ id: string; version: number }>(
    `update party_commitments set stars = $3, stars_note = $4, rated_by = $5, rated_at = $6, version = version + 1
      where resident_id = $1 and year = $2 returning id, version`,
    [v.residentId, v.year, v.stars, v.note, v.by, v.at]);
  return r.rows[0] ?? null;
}
