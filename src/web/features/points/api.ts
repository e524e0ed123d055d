// The points calls of the staff pages (微积分): rules, accounts and their ledgers, awards and reversals, assessments
// (户自查 → 组互评 → 村评定), the supermarket's goods, redemptions, pickup and statements, 红黑榜, reconciliations.
// Types are the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api, ApiError, tokenStore } from '../../lib/api.ts';
import type * as r from '../../../server/points/rule-schemas.ts';
import type * as l from '../../../server/points/ledger-schemas.ts';
import type * as a from '../../../server/points/assessment-schemas.ts';
import type * as s from '../../../server/points/supermarket-schemas.ts';
import type { AssessmentStatus, CivilityKind, RedemptionStatus } from '../../../shared/points.ts';

export type RuleSet = r.RuleSetViewT;
export type Rule = r.PointRuleViewT;
export type RuleInput = Static<typeof r.PointRuleInputSchema>;
export type AccountSummary = Static<typeof l.AccountSummary>;
export type AccountList = Static<typeof l.AccountList>;
export type AccountDetail = l.AccountDetailT;
export type Entry = Static<typeof l.EntryView>;
export type Transaction = l.TransactionViewT;
export type AwardInput = l.AwardBodyT;
export type Reconciliation = Static<typeof l.ReconciliationView>;
export type ReconciliationList = Static<typeof l.ReconciliationList>;
export type Assessment = a.AssessmentViewT;
export type AssessmentList = Static<typeof a.AssessmentList>;
export type AssessmentItemInput = Static<typeof a.AssessmentItemInput>;
export type Goods = s.GoodsViewT;
export type GoodsList = Static<typeof s.GoodsList>;
export type NewGoods = Static<typeof s.NewGoodsBody>;
export type GoodsUpdate = Static<typeof s.GoodsUpdateBody>;
export type Redemption = s.RedemptionViewT;
export type RedemptionList = Static<typeof s.RedemptionList>;
export type Statement = s.StatementT;
export type CivilityMark = Static<typeof s.CivilityMarkView>;
export type CivilityList = Static<typeof s.CivilityList>;
export type DeriveResult = Static<typeof s.DeriveResult>;

const keyed = (key: string) => ({ 'idempotency-key': key });
const enc = encodeURIComponent;

// ---- rules -----------------------------------------------------------------------------------------------------------
export const fetchRules = (orgUnitId: string, signal?: AbortSignal) => api<RuleSet>('/api/points/rules', { query: { orgUnitId }, signal });
export const saveRules = (orgUnitId: string, body: r.PutRulesBodyT) => api<RuleSet>('/api/points/rules', { method: 'PUT', query: { orgUnitId }, body });
export const publishRules = (orgUnitId: string) => api<RuleSet>('/api/points/rules/publish', { method: 'POST', query: { orgUnitId }, body: {} });

// ---- accounts, awards, reversals -------------------------------------------------------------------------------------
export interface AccountFilter { orgUnitId: string; q?: string }
export const listAccounts = (f: AccountFilter, cursor: string | null, signal?: AbortSignal) =>
  api<AccountList>('/api/points/accounts', { query: { orgUnitId: f.orgUnitId, q: f.q || undefined, cursor }, signal });
export const fetchAccount = (subject: string, o: { asOf?: string | null; cursor?: string | null } = {}, signal?: AbortSignal) =>
  api<AccountDetail>(`/api/points/accounts/${enc(subject)}`, { query: { asOf: o.asOf ?? undefined, cursor: o.cursor ?? undefined }, signal });
export const award = (body: AwardInput, key: string) => api<Transaction>('/api/points/awards', { method: 'POST', body, headers: keyed(key) });
export const reverse = (transactionId: string, reason: string, key: string) =>
  api<Transaction>(`/api/points/transactions/${enc(transactionId)}/reverse`, { method: 'POST', body: { reason }, headers: keyed(key) });
export const listReconciliations = (signal?: AbortSignal) => api<ReconciliationList>('/api/points/reconciliations', { signal });
export const runReconciliation = () => api<Static<typeof l.ReconciliationRun>>('/api/points/reconciliations', { method: 'POST', body: {} });

// ---- assessments -----------------------------------------------------------------------------------------------------
export interface AssessmentFilter { orgUnitId?: string; period?: string; status?: AssessmentStatus }
export const listAssessments = (f: AssessmentFilter, cursor: string | null, signal?: AbortSignal) =>
  api<AssessmentList>('/api/points/assessments', { query: { ...f, cursor }, signal });
export type AssessmentAction = 'peer-review' | 'approve' | 'return';
export const actOnAssessment = (id: string, action: AssessmentAction, body: { version?: number; items?: AssessmentItemInput[]; note?: string }) =>
  api<Assessment>(`/api/points/assessments/${enc(id)}/${action}`, { method: 'POST', body });

// ---- supermarket -----------------------------------------------------------------------------------------------------
export const listGoods = (orgUnitId: string, signal?: AbortSignal) =>
  api<GoodsList>('/api/points/goods', { query: { orgUnitId, includeInactive: 'true' }, signal });
export const createGoods = (body: NewGoods, key: string) => api<Goods>('/api/points/goods', { method: 'POST', body, headers: keyed(key) });
export const updateGoods = (id: string, body: GoodsUpdate) => api<Goods>(`/api/points/goods/${enc(id)}`, { method: 'PUT', body });
export const listRedemptions = (f: { orgUnitId: string; status?: RedemptionStatus }, signal?: AbortSignal) =>
  api<RedemptionList>('/api/points/redemptions', { query: { ...f, limit: 200 }, signal });
export const pickUp = (pickupCode: string, orgUnitId: string) =>
  api<Redemption>('/api/points/redemptions/pickup', { method: 'POST', body: { pickupCode, orgUnitId } });
export const cancelRedemption = (id: string) => api<Redemption>(`/api/points/redemptions/${enc(id)}/cancel`, { method: 'POST', body: {} });
export const fetchStatement = (orgUnitId: string, month: string, signal?: AbortSignal) =>
  api<Statement>('/api/points/statements', { query: { orgUnitId, month }, signal });

/** Downloads the month's statement as Excel (the bearer token goes in the header, so through fetch, then saved). */
export async function downloadStatement(orgUnitId: string, month: string): Promise<void> {
  const res = await fetch(`/api/points/statements?orgUnitId=${enc(orgUnitId)}&month=${enc(month)}&format=xlsx`, {
    headers: { authorization: `Bearer ${tokenStore.get() ?? ''}` },
  });
  if (!res.ok) {
    const body = await res.json().catch(() => undefined) as { error?: { code: string; message: string; messageZh?: string } } | undefined;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? res.statusText, body?.error?.messageZh);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `积分超市对账单-${month}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- 红黑榜 ----------------------------------------------------------------------------------------------------------
export const listCivility = (orgUnitId: string, kind?: CivilityKind, signal?: AbortSignal) =>
  api<CivilityList>('/api/points/civility', { query: { orgUnitId, kind }, signal });
export const deriveCivility = (orgUnitId: string, period?: string) =>
  api<DeriveResult>('/api/points/civility/derive', { method: 'POST', query: { orgUnitId, period }, body: {} });
