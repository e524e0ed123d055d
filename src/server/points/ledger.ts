// 微积分's books (issue 16): the one writer of the double-entry ledger. Every other part of the platform moves points
// through `postTransaction` (the supermarket's redemptions, reversals) or `awardForEvent` (the system's own events:
// a closed case, a volunteer hour, a meeting attended, neighbour help done, an accepted idea). Nobody else inserts
// into point_transactions / point_entries or touches point_accounts.balance.
//
// What the database holds, so no caller can break it:
//   - point_accounts_never_negative: a household's, person's or supermarket's balance never goes below zero;
//   - point_transactions_once: one award per (rule, subject, event) — a repeat is answered with the first;
//   - reverses_id unique: a transaction is reversed at most once;
//   - the immutability triggers: transactions and entries are written once, never updated or deleted;
//   - point_entries_balanced (deferred to commit): each transaction's entries sum to zero.
// The balance is updated in the same statement that writes the transaction and its entries.
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import type { AutoEvent, PointRuleInput, PointSubject, PointTransactionKind } from '../../shared/points.ts';
import { personOfResident } from '../participation/person.ts';
import { periodStart } from './rules.ts';
import { transactionRefusals } from '../../domain/points/ledger.ts';
import { awardPoints, vetoUntil } from '../../domain/points/rules.ts';

export interface PostTransactionInput {
  kind: PointTransactionKind;
  /** the rule's code for a rule's transaction, else one of POINT_REASONS */
  reasonCode: string;
  ruleCode?: string | null;
  /** the household's or person's account the transaction is about */
  subjectAccountId: string;
  orgUnitId: string;
  /** what it answers ('case:<id>', 'activity:<id>', 'assessment:<id>' …): one award per rule, subject and event */
  eventRef?: string | null;
  reversesId?: string | null;
  note?: string | null;
  at: Date;
  by: string | null;
  idempotencyKey?: string | null;
  /** a veto's end (kind 'veto' only) */
  vetoUntil?: Date | null;
  /** at least two, non-zero integers summing to zero; none only for a veto of 0 points */
  entries: { accountId: string; amount: number }[];
}

export interface PointAccountRef {
  id: string;
  orgUnitId: string;
  orgPath: string;
  balance: number;
}

export const pointsInvalid = (reasons: string[]) => new AppError(
  'POINTS_INVALID', `The points are not valid: ${reasons.join('; ')}`, `积分数据有误：${reasons.join('；')}`, { reasons },
);

export const pointsInsufficient = (available: number) => new AppError(
  'POINTS_INSUFFICIENT',
  `Not enough points: ${available} available.`,
  `积分不足：当前可用 ${available} 分。`,
  { available },
);

export const alreadyReversed = () => new AppError(
  'POINTS_ALREADY_REVERSED', 'This transaction has already been reversed.', '该笔积分已冲正，不能重复冲正。',
);

/** The refusals of a transaction's entries (H1's rule; a veto of 0 points moves nothing and has none). */
export function entryRefusals(kind: PointTransactionKind, entries: { accountId: string; amount: number }[]): string[] {
  return entries.length === 0 && (kind === 'veto' || kind === 'reversal') ? [] : transactionRefusals(entries);
}

// One statement: the accounts locked in id order (so two transactions over the same accounts never deadlock), the
// transaction written only when every account is there and none but an issuer would end below zero, its entries, and
// the balances. A repeat (the unique keys) writes nothing and leaves the balances as they are.
const POST_SQL = `
with d as (
  select v.account_id, sum(v.amount)::bigint as amount from unnest($13::text[], $14::bigint[]) v(account_id, amount) group by v.account_id
), l as (
  select a.id, a.kind, a.balance, d.amount from point_accounts a join d on d.account_id = a.id
   where a.id = any($13::text[]) order by a.id for update of a
), short as (
  select id, balance from l where kind <> 'issuer' and balance + amount < 0 order by id limit 1
), t as (
  insert into point_transactions (kind, reason_code, rule_code, org_unit_id, org_path, subject_id, event_ref, reverses_id,
                                  note, at, created_by, idempotency_key, veto_until)
  select $1, $2, $3, $4, o.path, $5, $6, $7, $8, $9, $10, $11, $12 from org_units o
   where o.id = $4 and not exists (select 1 from short) and (select count(*) from l) = (select count(*) from d)
  on conflict do nothing
  returning id, at
), e as (
  insert into point_entries (transaction_id, account_id, amount, at)
  select t.id, v.account_id, v.amount, t.at from t, unnest($13::text[], $14::bigint[]) v(account_id, amount)
), u as (
  update point_accounts a set balance = a.balance + d.amount from d
   where a.id = any($13::text[]) and a.id = d.account_id and exists (select 1 from t) and (a.kind = 'issuer' or a.balance + d.amount >= 0)
  returning a.id
)
select (select id from t) as id, (select count(*) from u)::int as updated, (select count(*) from d)::int as moved,
       (select count(*) from l)::int as found, (select balance from short) as short_balance`;

/**
 * Writes one transaction, its entries and the balances. The same (rule, subject, eventRef), or the same idempotency
 * key, again → `{ id: first, created: false }`; a reversal of a reversed transaction → 409 POINTS_ALREADY_REVERSED;
 * a balance below zero → 422 POINTS_INSUFFICIENT { available } (the caller's transaction is to be rolled back: throw on).
 */
export async function postTransaction(tx: Tx, t: PostTransactionInput): Promise<{ id: string; created: boolean }> {
  const refusals = entryRefusals(t.kind, t.entries);
  if (refusals.length) throw pointsInvalid(refusals);
  const r = await tx.query<{ id: string | null; updated: number; moved: number; found: number; short_balance: number | null }>(POST_SQL, [
    t.kind, t.reasonCode, t.ruleCode ?? null, t.orgUnitId, t.subjectAccountId, t.eventRef ?? null, t.reversesId ?? null,
    t.note ?? null, t.at, t.by, t.idempotencyKey ?? null, t.vetoUntil ?? null,
    t.entries.map((e) => e.accountId), t.entries.map((e) => e.amount),
  ]);
  const row = r.rows[0]!;
  if (row.id === null) {
    const first = await repeatOf(tx, t);
    if (first) return { id: first, created: false };
    if (row.short_balance !== null) throw pointsInsufficient(Number(row.short_balance));
    if (row.found < row.moved) throw pointsInvalid(['积分账户不存在']);
    if (t.reversesId) throw alreadyReversed();
    throw pointsInvalid(['积分记录冲突']);
  }
  // the accounts were locked and checked in the statement: this is a backstop, the transaction is then rolled back
  if (row.updated < row.moved) throw pointsInsufficient(0);
  return { id: row.id, created: true };
}

/** The transaction that makes this one a repeat (the same idempotency key, or the same rule, subject and event), if any. */
async function repeatOf(tx: Tx, t: PostTransactionInput): Promise<string | null> {
  if (t.idempotencyKey) {
    const k = await tx.query<{ id: string }>(`select id from point_transactions where idempotency_key = $1`, [t.idempotencyKey]);
    if (k.rows[0]) return k.rows[0].id;
  }
  if (t.ruleCode && t.eventRef && t.kind !== 'reversal') {
    const o = await tx.query<{ id: string }>(
      `select id from point_transactions where rule_code = $1 and subject_id = $2 and event_ref = $3 and kind <> 'reversal'`,
      [t.ruleCode, t.subjectAccountId, t.eventRef],
    );
    if (o.rows[0]) return o.rows[0].id;
  }
  return null;
}

interface AccountRow { id: string; org_unit_id: string; org_path: string; balance: number }
const toRef = (r: AccountRow): PointAccountRef => ({ id: r.id, orgUnitId: r.org_unit_id, orgPath: r.org_path, balance: Number(r.balance) });

/** The community (grid's parent) of a grid; the unit itself when it has no parent above a grid. */
export async function communityOfGrid(tx: Tx, gridId: string): Promise<{ id: string; path: string; name: string }> {
  const r = await tx.query<{ id: string; path: string; name: string }>(
    `select coalesce(p.id, g.id) as id, coalesce(p.path, g.path) as path, coalesce(p.name, g.name) as name
       from org_units g left join org_units p on p.id = g.parent_id and g.level in ('grid','microGrid','dedicatedGrid')
      where g.id = $1`, [gridId],
  );
  if (!r.rows[0]) throw pointsInvalid(['网格不存在']);
  return r.rows[0];
}

/** A household's or person's account (created on first use); its OrgUnit is the community of their grid. */
export async function subjectAccount(tx: Tx, subject: PointSubject, at: Date): Promise<PointAccountRef> {
  const isHousehold = 'householdId' in subject;
  const id = isHousehold ? subject.householdId : subject.residentId;
  const col = isHousehold ? 'household_id' : 'resident_id';
  const kind = isHousehold ? 'household' : 'person';
  const found = await tx.query<AccountRow>(
    `select id, org_unit_id, org_path, balance from point_accounts where ${col} = $1 and kind = $2`, [id, kind],
  );
  if (found.rows[0]) return toRef(found.rows[0]);
  const src = await tx.query<{ grid_id: string }>(
    isHousehold
      ? `select grid_id from registry_households where id = $1 and retired_at is null`
      : `select grid_id from registry_residents where id = $1 and left_at is null`,
    [id],
  );
  if (!src.rows[0]) throw pointsInvalid([isHousehold ? '户不在居民信息中' : '居民不在居民信息中']);
  const unit = await communityOfGrid(tx, src.rows[0].grid_id);
  await tx.query(
    `insert into point_accounts (kind, org_unit_id, org_path, ${col}, created_at) values ($1, $2, $3, $4, $5) on conflict do nothing`,
    [kind, unit.id, unit.path, id, at],
  );
  const again = await tx.query<AccountRow>(
    `select id, org_unit_id, org_path, balance from point_accounts where ${col} = $1 and kind = $2`, [id, kind],
  );
  return toRef(again.rows[0]!);
}

async function unitAccount(tx: Tx, orgUnitId: string, kind: 'issuer' | 'supermarket', at: Date): Promise<PointAccountRef> {
  const q = `select id, org_unit_id, org_path, balance from point_accounts where org_unit_id = $1 and kind = $2`;
  const found = await tx.query<AccountRow>(q, [orgUnitId, kind]);
  if (found.rows[0]) return toRef(found.rows[0]);
  await tx.query(
    `insert into point_accounts (kind, org_unit_id, org_path, created_at)
     select $2, o.id, o.path, $3 from org_units o where o.id = $1 on conflict do nothing`,
    [orgUnitId, kind, at],
  );
  const again = await tx.query<AccountRow>(q, [orgUnitId, kind]);
  if (!again.rows[0]) throw pointsInvalid(['组织不存在']);
  return toRef(again.rows[0]);
}

/** The OrgUnit's issuing account: awards come from it, deductions go back to it; its balance is below zero. */
export const issuerAccount = (tx: Tx, orgUnitId: string, at: Date) => unitAccount(tx, orgUnitId, 'issuer', at);
/** The OrgUnit's supermarket: redeemed points go to it. */
export const supermarketAccount = (tx: Tx, orgUnitId: string, at: Date) => unitAccount(tx, orgUnitId, 'supermarket', at);

/** A published rule of a community (the snapshot residents read and awards follow). */
export type PublishedRule = PointRuleInput & { sort?: number };

/** The community's published rules (none when never published). */
export async function publishedRules(tx: Tx, orgUnitId: string): Promise<PublishedRule[]> {
  const r = await tx.query<{ rules: PublishedRule[] }>(`select rules from point_rule_publications where org_unit_id = $1`, [orgUnitId]);
  return r.rows[0]?.rules ?? [];
}

/** Points this rule has given the subject since `from` (reversals subtract). */
export async function awardedSince(tx: Tx, subjectAccountId: string, ruleCode: string, from: Date): Promise<number> {
  const r = await tx.query<{ s: number }>(
    `select coalesce(sum(e.amount), 0)::bigint as s from point_transactions t
       join point_entries e on e.transaction_id = t.id and e.account_id = t.subject_id
      where t.subject_id = $1 and t.rule_code = $2 and t.at >= $3`,
    [subjectAccountId, ruleCode, from],
  );
  return Number(r.rows[0]?.s ?? 0);
}

/** Points a rule gives (signed) for `units` now, capped by what it gave in the period (H1's awardPoints). */
export function rulePoints(rule: PublishedRule, units: number, awardedInPeriod: number): number {
  return awardPoints(rule, { units, awardedInPeriod: Math.abs(awardedInPeriod) });
}

export interface ApplyRuleInput {
  rule: PublishedRule;
  subject: PointSubject;
  orgUnitId: string;
  eventRef: string | null;
  units: number;
  note?: string | null;
  at: Date;
  by: string | null;
  idempotencyKey?: string | null;
}

/** Moves a published rule's points for a subject: an award, a deduction (at most the balance) or a veto. */
export async function applyRule(tx: Tx, a: ApplyRuleInput): Promise<{ transactionId: string; points: number; created: boolean }> {
  const subject = await subjectAccount(tx, a.subject, a.at);
  const issuer = await issuerAccount(tx, a.orgUnitId, a.at);
  const capped = a.rule.capPeriod && a.rule.capPoints
    ? await awardedSince(tx, subject.id, a.rule.code, periodStart(a.rule.capPeriod, a.at))
    : 0;
  let points = rulePoints(a.rule, a.units, capped);
  if (points < 0) points = -Math.min(-points, subject.balance);
  const kind: PointTransactionKind = a.rule.kind === 'veto' ? 'veto' : points < 0 || a.rule.kind === 'minus' ? 'deduction' : 'award';
  if (points === 0 && kind !== 'veto') {
    // nothing to move: a capped award, or a deduction from an empty account — still answer a repeat with the first
    const first = a.eventRef ? await tx.query<{ id: string }>(
      `select id from point_transactions where rule_code = $1 and subject_id = $2 and event_ref = $3 and kind <> 'reversal'`,
      [a.rule.code, subject.id, a.eventRef],
    ) : { rows: [] };
    if (first.rows[0]) return { transactionId: first.rows[0].id, points: 0, created: false };
    if (kind === 'deduction') throw pointsInsufficient(subject.balance);
    throw pointsInvalid([`「${a.rule.name}」本期已达上限`]);
  }
  const entries = points === 0 ? [] : [{ accountId: subject.id, amount: points }, { accountId: issuer.id, amount: -points }];
  const until = kind === 'veto' ? vetoUntil(a.at, a.rule.vetoMonths ?? 12) : null;
  const r = await postTransaction(tx, {
    kind, reasonCode: a.rule.code, ruleCode: a.rule.code, subjectAccountId: subject.id, orgUnitId: a.orgUnitId,
    eventRef: a.eventRef, note: a.note ?? null, at: a.at, by: a.by, idempotencyKey: a.idempotencyKey ?? null, vetoUntil: until, entries,
  });
  if (!r.created) {
    const p = await tx.query<{ s: number }>(
      `select coalesce(sum(amount), 0)::bigint as s from point_entries e join point_transactions t on t.id = e.transaction_id
        where t.id = $1 and e.account_id = t.subject_id`, [r.id],
    );
    return { transactionId: r.id, points: Number(p.rows[0]?.s ?? 0), created: false };
  }
  return { transactionId: r.id, points, created: true };
}

/**
 * The system's own award: the published rule of the person's community with this auto event (to their household or
 * to them, by the rule's subject), capped; no such rule, or the person not in the registry → null. A repeat of the
 * same event answers the first award.
 */
export async function awardForEvent(
  tx: Tx,
  e: { residentId: string; autoEvent: AutoEvent; eventRef: string; at: Date; by: string | null; units?: number },
): Promise<{ transactionId: string; points: number } | null> {
  const person = await personOfResident(tx, e.residentId);
  if (!person) return null;
  const unit = await communityOfGrid(tx, person.gridId);
  const rule = (await publishedRules(tx, unit.id)).find((r) => r.autoEvent === e.autoEvent);
  if (!rule || rule.kind === 'minus' || rule.kind === 'veto') return null;
  const subject: PointSubject | null = rule.subjectKind === 'person'
    ? { residentId: person.residentId }
    : person.householdId ? { householdId: person.householdId } : null;
  if (!subject) return null;
  const subjectRef = await subjectAccount(tx, subject, e.at);
  const capped = rule.capPeriod && rule.capPoints ? await awardedSince(tx, subjectRef.id, rule.code, periodStart(rule.capPeriod, e.at)) : 0;
  if (rulePoints(rule, e.units ?? 1, capped) <= 0) return null;
  const r = await applyRule(tx, {
    rule, subject, orgUnitId: unit.id, eventRef: e.eventRef, units: e.units ?? 1, at: e.at, by: e.by,
  });
  return { transactionId: r.transactionId, points: r.points };
}

/** The veto in force on a household at `at` (not reversed), the latest ending one. */
export async function vetoOf(tx: Tx, householdId: string, at: Date): Promise<{ until: Date; ruleName: string } | null> {
  const r = await tx.query<{ veto_until: Date; rule_code: string; org_unit_id: string }>(
    `select t.veto_until, t.rule_code, t.org_unit_id from point_transactions t
       join point_accounts a on a.id = t.subject_id and a.kind = 'household'
      where a.household_id = $1 and t.kind = 'veto' and t.at <= $2 and t.veto_until > $2
        and not exists (select 1 from point_transactions x where x.reverses_id = t.id)
      order by t.veto_until desc limit 1`,
    [householdId, at],
  );
  const v = r.rows[0];
  if (!v) return null;
  const name = await tx.query<{ name: string }>(
    `select name from point_rules where org_unit_id = $1 and code = $2`, [v.org_unit_id, v.rule_code],
  );
  return { until: new Date(v.veto_until), ruleName: name.rows[0]?.name ?? v.rule_code };
}

export const entryUnknown = () => new AppError(
  'POINTS_ENTRY_UNKNOWN', 'The points transaction does not exist or is outside your scope.', '该笔积分记录不存在，或不在您的数据范围内。',
);

/**
 * Reverses a transaction: the same entries negated, kind 'reversal', reason 'correction', the rule's code kept (so a
 * cap counts it back). Already reversed → 409; a reversal itself → 422; a balance that would go below zero → 422
 * POINTS_INSUFFICIENT. The caller has checked the transaction is in its scope.
 */
export async function reverseTransaction(
  tx: Tx,
  r: { id: string; reason: string; at: Date; by: string | null; idempotencyKey?: string | null },
): Promise<{ id: string; created: boolean }> {
  const t = (await tx.query<{ id: string; kind: string; rule_code: string | null; subject_id: string; org_unit_id: string }>(
    `select id, kind, rule_code, subject_id, org_unit_id from point_transactions where id = $1`, [r.id],
  )).rows[0];
  if (!t) throw entryUnknown();
  if (t.kind === 'reversal') throw pointsInvalid(['冲正记录不能再冲正']);
  if (r.idempotencyKey) {
    const k = await tx.query<{ id: string }>(`select id from point_transactions where idempotency_key = $1 and reverses_id = $2`, [r.idempotencyKey, r.id]);
    if (k.rows[0]) return { id: k.rows[0].id, created: false };
  }
  const done = await tx.query<{ id: string }>(`select id from point_transactions where reverses_id = $1`, [r.id]);
  if (done.rows[0]) throw alreadyReversed();
  const entries = (await tx.query<{ account_id: string; amount: number }>(
    `select account_id, amount from point_entries where transaction_id = $1 order by id`, [r.id],
  )).rows.map((e) => ({ accountId: e.account_id, amount: -Number(e.amount) }));
  return postTransaction(tx, {
    kind: 'reversal', reasonCode: 'correction', ruleCode: t.rule_code, subjectAccountId: t.subject_id, orgUnitId: t.org_unit_id,
    reversesId: t.id, note: r.reason, at: r.at, by: r.by, idempotencyKey: r.idempotencyKey ?? null, entries,
  });
}
