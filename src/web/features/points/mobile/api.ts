// The calls of the resident's phone pages of 微积分: their household's account, the published rules, this period's
// self-check (户自查), the supermarket's goods and their redemptions. Types are the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../../lib/api.ts';
import type * as ls from '../../../../server/points/ledger-schemas.ts';
import type * as rs from '../../../../server/points/rule-schemas.ts';
import type * as as from '../../../../server/points/assessment-schemas.ts';
import type * as ss from '../../../../server/points/supermarket-schemas.ts';

export type Account = ls.AccountDetailT;
export type Entry = Account['entries'][number];
export type RuleSet = rs.RuleSetViewT;
export type Rule = rs.PointRuleViewT;
export type Assessment = as.AssessmentViewT;
export type AssessmentList = Static<typeof as.AssessmentList>;
export type NewAssessment = Static<typeof as.NewAssessmentBody>;
export type GoodsList = Static<typeof ss.GoodsList>;
export type Goods = ss.GoodsViewT;
export type Redemption = ss.RedemptionViewT;
export type RedemptionList = Static<typeof ss.RedemptionList>;

export const fetchMyAccount = (cursor: string | null, signal?: AbortSignal) =>
  api<Account>('/api/points/accounts/me', { signal, query: { cursor: cursor ?? undefined, limit: 30 } });
export const fetchRules = (signal?: AbortSignal) => api<RuleSet>('/api/points/rules', { signal });
export const listMyAssessments = (period: string, signal?: AbortSignal) => api<AssessmentList>('/api/points/assessments', { signal, query: { period } });
export const selfReport = (body: NewAssessment) =>
  api<Assessment>('/api/points/assessments', { method: 'POST', body, headers: { 'idempotency-key': crypto.randomUUID() } });

export const listGoods = (signal?: AbortSignal) => api<GoodsList>('/api/points/goods', { signal });
export const listMyRedemptions = (signal?: AbortSignal) => api<RedemptionList>('/api/points/redemptions', { signal, query: { limit: 50 } });
export const redeem = (goodsId: string, qty: number) =>
  api<Redemption>('/api/points/redemptions', { method: 'POST', body: { goodsId, qty }, headers: { 'idempotency-key': crypto.randomUUID() } });
export const cancelRedemption = (id: string) => api<Redemption>(`/api/points/redemptions/${id}/cancel`, { method: 'POST', body: {} });

/** this month in China's time, YYYY-MM: the period of a self-check */
export function thisPeriod(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}
