// The points ledger's rules (微积分), double entry. Plain rules over plain data, no I/O, no clock. Written down:
//   - a transaction has at least two entries, each a non-zero whole number of points, and its entries sum to zero
//     (points are never made or lost: the issuer account of a community gives them, the supermarket account takes them);
//   - applying a transaction moves every account's balance by its entries; no account but an issuer may end below
//     zero (the issuer's balance is minus the points it has given out). A refused transaction changes nothing;
//   - an account's balance at a date is the sum of its entries made at or before that instant;
//   - reconciliation: an account whose stored balance differs from the sum of its entries is a mismatch, and all the
//     entries of the books sum to zero.
import type { PointAccountKind } from '../../shared/points.ts';

export interface EntryInput {
  accountId: string;
  amount: number;
}

/** What is wrong with a transaction's entries (zh), empty when it may be posted. */
export function transactionRefusals(entries: readonly EntryInput[]): string[] {
  const out: string[] = [];
  if (entries.length < 2) out.push('一笔积分交易至少要有两条分录');
  if (entries.some((e) => !Number.isInteger(e.amount) || e.amount === 0)) out.push('每条分录的积分必须是非零整数');
  if (entries.some((e) => typeof e.accountId !== 'string' || e.accountId === '')) out.push('每条分录都要有账户');
  const sum = entries.reduce((s, e) => s + (Number.isFinite(e.amount) ? e.amount : NaN), 0);
  if (!(sum === 0)) out.push('一笔积分交易的分录合计必须为零');
  return out;
}

export type ApplyResult = { ok: true } | { ok: false; accountId: string; shortBy: number };

/**
 * Applies a transaction's entries to the balances (accounts missing from the map start at 0 as non-issuers). When an
 * account other than an issuer would end below zero, nothing changes and the first such account (in entry order) is
 * named with how many points it lacks; otherwise the map holds the new balances.
 */
export function applyEntries(balances: Map<string, { kind: PointAccountKind; balance: number }>, entries: readonly EntryInput[]): ApplyResult {
  const next = new Map<string, number>();
  for (const e of entries) {
    const before = next.get(e.accountId) ?? balances.get(e.accountId)?.balance ?? 0;
    next.set(e.accountId, before + e.amount);
  }
  for (const [accountId, balance] of next) {
    const kind = balances.get(accountId)?.kind ?? 'household';
    if (kind !== 'issuer' && balance < 0) return { ok: false, accountId, shortBy: -balance };
  }
  for (const [accountId, balance] of next) {
    const acc = balances.get(accountId);
    if (acc) acc.balance = balance;
    else balances.set(accountId, { kind: 'household', balance });
  }
  return { ok: true };
}

/** The balance at `asOf`: the sum of the entries made at or before it. */
export function balanceAsOf(entries: readonly { amount: number; at: Date }[], asOf: Date): number {
  const t = asOf.getTime();
  let sum = 0;
  for (const e of entries) if (e.at.getTime() <= t) sum += e.amount;
  return sum;
}

export interface Mismatch {
  accountId: string;
  /** the balance stored on the account */
  balance: number;
  /** the sum of its entries */
  sum: number;
}

/** The accounts whose stored balance is not the sum of their entries (an account without entries sums to 0). */
export function reconcile(accounts: readonly { id: string; balance: number }[], sums: ReadonlyMap<string, number>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const a of accounts) {
    const sum = sums.get(a.id) ?? 0;
    if (sum !== a.balance) out.push({ accountId: a.id, balance: a.balance, sum });
  }
  return out;
}

/** The books balance when all entries (or all accounts' balances) sum to zero. */
export function booksBalanced(amounts: Iterable<number>): boolean {
  let sum = 0;
  for (const a of amounts) sum += a;
  return sum === 0;
}
