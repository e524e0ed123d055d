// 微积分 (issue 16): who reaches which points, and the ledger's reads. Always a condition inside the SQL:
//   - staff (POINTS_READERS but resident) with a scope: households, accounts and transactions whose household (or
//     person) lies under their scope path; rules and assessments of the communities in or holding their scope;
//   - a resident: their own household's account and their own person's account, and their community's published rules;
//   - writes: POINTS_KEEPERS whose scope holds the community (peer review: POINTS_PEER_REVIEWERS of the household's grid).
import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { POINTS_KEEPERS, POINTS_PEER_REVIEWERS, POINTS_READERS } from '../../shared/points.ts';
import { personOfAccount, type RegistryPerson } from '../participation/person.ts';
import { communityOfGrid } from './ledger.ts';

export const POINTS_STAFF = POINTS_READERS.filter((r) => r !== 'resident');

export const isResident = (p: Principal): boolean => p.kind === 'resident' || p.roles.includes('resident');
export const isPointsStaff = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, POINTS_STAFF);
export const isKeeperOf = (p: Principal, path: string): boolean =>
  p.scopePath !== null && holdsAnyRole(p.roles, POINTS_KEEPERS) && path.startsWith(p.scopePath);
export const isPeerReviewerOf = (p: Principal, householdPath: string): boolean =>
  p.scopePath !== null && holdsAnyRole(p.roles, POINTS_PEER_REVIEWERS) && householdPath.startsWith(p.scopePath);
/** Staff names are shown to staff of the scope; residents see names masked (their own household's too). */
export const seesNames = (p: Principal): boolean => isPointsStaff(p);

export interface Unit { id: string; path: string; name: string; level: string }

/** Who did it. */
export interface Actor { accountId: string | null; name: string | null; ip: string | null; at: Date }
export const actorOf = (p: Principal, ip: string | null, at: Date): Actor => ({ accountId: p.accountId, name: p.name, ip, at });

const notCommunity = () => new AppError('POINTS_INVALID', 'Points rules belong to a community: choose one.', '积分细则按社区制定：请选择一个社区。', { reasons: ['请选择社区'] });

/**
 * The community a caller reads rules (and lists) of: `orgUnitId` when given and reachable (staff: in or holding their
 * scope; a grid is taken to its community), else the caller's own — a resident's person's community, a staff member's
 * scope when it is a community or a grid. 404 outside reach; 422 when none can be chosen.
 */
export async function communityFor(tx: Tx, pii: PiiCipher, p: Principal, orgUnitId: string | undefined): Promise<Unit> {
  if (isPointsStaff(p)) {
    const id = orgUnitId ?? p.scopeOrgUnitId;
    if (!id) throw notCommunity();
    const u = (await tx.query<Unit>(
      `select id, path, name, level from org_units where id = $1 and (path like $2 or $3 like path || '%')`,
      [id, likePrefix(p.scopePath!), p.scopePath!],
    )).rows[0];
    if (!u) throw notFound('organisation unit');
    return asCommunity(tx, u);
  }
  const person = await personOfAccount(tx, pii, p.accountId);
  if (!person) throw notFound('community');
  const c = await communityOfGrid(tx, person.gridId);
  if (orgUnitId && orgUnitId !== c.id) throw notFound('community');
  return { ...c, level: 'community' };
}

async function asCommunity(tx: Tx, u: Unit): Promise<Unit> {
  if (u.level === 'community') return u;
  if (u.level === 'grid' || u.level === 'microGrid' || u.level === 'dedicatedGrid') {
    const c = await communityOfGrid(tx, u.id);
    return { ...c, level: 'community' };
  }
  throw notCommunity();
}

/** A resident caller's registry person (null when not in the registry). */
export const personOf = (tx: Tx, pii: PiiCipher, p: Principal): Promise<RegistryPerson | null> =>
  isResident(p) ? personOfAccount(tx, pii, p.accountId) : Promise.resolve(null);

// ---------------------------------------------------------------------------------------------------------------------
// households and accounts

export interface HouseholdRow {
  id: string; address: string; grid_id: string; grid_name: string; org_path: string; head_name: string | null;
  community_id: string; community_path: string;
}

/** A living household of the registry in the staff caller's scope (or any, `scopePath` null). */
export async function findHousehold(tx: Tx, id: string, scopePath: string | null): Promise<HouseholdRow | null> {
  const r = await tx.query<HouseholdRow>(
    `select h.id, h.address, h.grid_id, g.name as grid_name, h.org_path,
            (select r.name from registry_residents r where r.id = h.head_resident_id) as head_name,
            coalesce(c.id, g.id) as community_id, coalesce(c.path, g.path) as community_path
       from registry_households h join org_units g on g.id = h.grid_id left join org_units c on c.id = g.parent_id
      where h.id = $1 and h.retired_at is null and ($2::text is null or h.org_path like $2)`,
    [id, scopePath === null ? null : likePrefix(scopePath)],
  );
  return r.rows[0] ?? null;
}

export interface AccountListRow {
  household_id: string; address: string; grid_id: string; grid_name: string; head_name: string | null;
  balance: number | null; last_at: Date | null; veto_until: Date | null;
}

/** Households of a path (and their balances: 0 when no account yet), ordered by address, keyset by (address, id). */
export async function listHouseholdAccounts(
  tx: Tx, underPath: string, f: { q: string | null; after: { address: string; id: string } | null; limit: number; now: Date },
): Promise<AccountListRow[]> {
  const params: unknown[] = [likePrefix(underPath), f.now, f.limit];
  let where = '';
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where += ` and (h.address like $${params.length} or exists (select 1 from registry_residents r where r.household_id = h.id and r.left_at is null and r.name like $${params.length}))`;
  }
  if (f.after) {
    params.push(f.after.address, f.after.id);
    where += ` and (h.address, h.id) > ($${params.length - 1}, $${params.length})`;
  }
  const r = await tx.query<AccountListRow>(
    `select h.id as household_id, h.address, h.grid_id, g.name as grid_name,
            (select r.name from registry_residents r where r.id = h.head_resident_id) as head_name,
            a.balance,
            (select max(t.at) from point_transactions t where t.subject_id = a.id) as last_at,
            (select max(t.veto_until) from point_transactions t where t.subject_id = a.id and t.kind = 'veto' and t.at <= $2 and t.veto_until > $2
                and not exists (select 1 from point_transactions x where x.reverses_id = t.id)) as veto_until
       from registry_households h join org_units g on g.id = h.grid_id
       left join point_accounts a on a.household_id = h.id and a.kind = 'household'
      where h.org_path like $1 and h.retired_at is null ${where}
      order by h.address, h.id limit $3`,
    params,
  );
  return r.rows;
}

export interface AccountRow { id: string; kind: string; org_unit_id: string; org_path: string; balance: number }

export async function accountOfSubject(tx: Tx, kind: 'household' | 'person', id: string): Promise<AccountRow | null> {
  const col = kind === 'household' ? 'household_id' : 'resident_id';
  const r = await tx.query<AccountRow>(`select id, kind, org_unit_id, org_path, balance from point_accounts where ${col} = $1 and kind = $2`, [id, kind]);
  return r.rows[0] ?? null;
}

export interface EntryRow {
  entry_id: number; transaction_id: string; kind: string; reason_code: string; rule_code: string | null; amount: number;
  at: Date; note: string | null; event_ref: string | null; reverses_id: string | null; reversed: boolean;
  rule_name: string | null;
}

/** An account's entries, newest first, keyset by entry id. */
export async function listEntries(tx: Tx, accountId: string, f: { before: number | null; limit: number }): Promise<EntryRow[]> {
  const r = await tx.query<EntryRow>(
    `select e.id as entry_id, t.id as transaction_id, t.kind, t.reason_code, t.rule_code, e.amount, t.at, t.note, t.event_ref, t.reverses_id,
            exists (select 1 from point_transactions x where x.reverses_id = t.id) as reversed,
            (select pr.name from point_rules pr where pr.org_unit_id = t.org_unit_id and pr.code = t.rule_code) as rule_name
       from point_entries e join point_transactions t on t.id = e.transaction_id
      where e.account_id = $1 and ($2::bigint is null or e.id < $2)
      order by e.id desc limit $3`,
    [accountId, f.before, f.limit],
  );
  return r.rows.map((x) => ({ ...x, amount: Number(x.amount), entry_id: Number(x.entry_id) }));
}

/** The balance at an instant: the sum of the account's entries at or before it. */
export async function balanceAt(tx: Tx, accountId: string, asOf: Date): Promise<number> {
  const r = await tx.query<{ s: number }>(
    `select coalesce(sum(amount), 0)::bigint as s from point_entries where account_id = $1 and at <= $2`, [accountId, asOf],
  );
  return Number(r.rows[0]?.s ?? 0);
}

/** Points earned (positive entries of awards) since an instant. */
export async function earnedSince(tx: Tx, accountId: string, from: Date): Promise<number> {
  const r = await tx.query<{ s: number }>(
    `select coalesce(sum(e.amount), 0)::bigint as s from point_entries e join point_transactions t on t.id = e.transaction_id
      where e.account_id = $1 and e.at >= $2 and t.kind = 'award'`, [accountId, from],
  );
  return Number(r.rows[0]?.s ?? 0);
}

export interface TransactionRow {
  id: string; kind: string; reason_code: string; rule_code: string | null; org_unit_id: string; org_path: string;
  subject_id: string; event_ref: string | null; reverses_id: string | null; note: string | null; at: Date;
  veto_until: Date | null; household_id: string | null; resident_id: string | null; subject_path: string;
  reversed_by_id: string | null; points: number; rule_name: string | null; subject_name: string | null;
}

/** A transaction with its subject (the household's or person's path, for the caller's scope). */
export async function findTransaction(tx: Tx, id: string): Promise<TransactionRow | null> {
  const r = await tx.query<TransactionRow>(
    `select t.id, t.kind, t.reason_code, t.rule_code, t.org_unit_id, t.org_path, t.subject_id, t.event_ref, t.reverses_id,
            t.note, t.at, t.veto_until, a.household_id, a.resident_id,
            coalesce(h.org_path, rr.org_path, a.org_path) as subject_path,
            (select x.id from point_transactions x where x.reverses_id = t.id) as reversed_by_id,
            coalesce((select sum(e.amount) from point_entries e where e.transaction_id = t.id and e.account_id = t.subject_id), 0)::bigint as points,
            (select pr.name from point_rules pr where pr.org_unit_id = t.org_unit_id and pr.code = t.rule_code) as rule_name,
            coalesce((select r.name from registry_residents r where r.id = h.head_resident_id), rr.name) as subject_name
       from point_transactions t join point_accounts a on a.id = t.subject_id
       left join registry_households h on h.id = a.household_id
       left join registry_residents rr on rr.id = a.resident_id
      where t.id = $1`,
    [id],
  );
  const row = r.rows[0];
  return row ? { ...row, points: Number(row.points) } : null;
}

/** The household's living members. */
export async function membersOf(tx: Tx, householdId: string): Promise<{ id: string; name: string }[]> {
  return (await tx.query<{ id: string; name: string }>(
    `select id, name from registry_residents where household_id = $1 and left_at is null order by (relation = 'head') desc, birth_date, id`,
    [householdId],
  )).rows;
}
