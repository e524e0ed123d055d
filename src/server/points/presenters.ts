// 微积分 (issue 16): the JSON of rules, transactions, entries and assessments, with `policies` — what the caller may do
// to each now — so the web never re-derives permissions from roles. (The supermarket's are in supermarket files.)
import type { Principal } from '../platform/auth.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import type { PointTransactionKind } from '../../shared/points.ts';
import type { Static } from '@sinclair/typebox';
import type { EntryView, TransactionView } from './ledger-schemas.ts';
import { isKeeperOf, seesNames, type EntryRow, type TransactionRow } from './ledger-store.ts';

const REASON_NAMES: Record<string, string> = {
  redemption: '积分兑换',
  redemptionExpired: '兑换逾期退回',
  redemptionCancelled: '兑换取消退回',
  correction: '冲正',
};

/** The name of a transaction's reason: its rule's name, or the reason's in Chinese. */
export function reasonName(kind: string, reasonCode: string, ruleName: string | null): string {
  if (kind === 'reversal') return ruleName ? `冲正：${ruleName}` : '冲正';
  return ruleName ?? REASON_NAMES[reasonCode] ?? reasonCode;
}

export const nameFor = (p: Principal, name: string | null): string => (name ? (seesNames(p) ? name : maskName(name)) : '');

const reversible = (p: Principal, kind: string, orgPath: string, reversed: boolean) =>
  kind !== 'reversal' && !reversed && isKeeperOf(p, orgPath);

export function presentTransaction(t: TransactionRow, p: Principal, created: boolean): Static<typeof TransactionView> {
  return {
    id: t.id,
    kind: t.kind as PointTransactionKind,
    reasonCode: t.reason_code,
    reasonName: reasonName(t.kind, t.reason_code, t.rule_name),
    ruleCode: t.rule_code,
    subject: t.household_id ? `household:${t.household_id}` : `person:${t.resident_id}`,
    subjectName: nameFor(p, t.subject_name),
    points: t.points,
    eventRef: t.event_ref,
    note: t.note,
    at: new Date(t.at).toISOString(),
    reversesId: t.reverses_id,
    reversedById: t.reversed_by_id,
    vetoUntil: t.veto_until ? new Date(t.veto_until).toISOString() : null,
    created,
    policies: reversible(p, t.kind, t.org_path, t.reversed_by_id !== null) ? ['reverse'] : [],
  };
}

export function presentEntry(e: EntryRow, p: Principal, orgPath: string): Static<typeof EntryView> {
  return {
    transactionId: e.transaction_id,
    kind: e.kind as PointTransactionKind,
    reasonCode: e.reason_code,
    reasonName: reasonName(e.kind, e.reason_code, e.rule_name),
    amount: e.amount,
    at: new Date(e.at).toISOString(),
    note: e.note,
    eventRef: e.event_ref,
    reversesId: e.reverses_id,
    reversed: e.reversed,
    policies: reversible(p, e.kind, orgPath, e.reversed) ? ['reverse'] : [],
  };
}
