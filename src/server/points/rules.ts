// 积分细则 (issue 16): a community's rules — the draft staff edit (point_rules, one set version per community: every
// rule of the set carries it) and the published snapshot residents read and awards follow (point_rule_publications).
import type { CapPeriod } from '../../shared/points.ts';

const SHANGHAI_MS = 8 * 3600_000;

/** The first instant of the cap period holding `at`, in Asia/Shanghai (UTC+8, no daylight saving). */
export function periodStart(period: CapPeriod, at: Date): Date {
  const local = new Date(at.getTime() + SHANGHAI_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const month = period === 'month' ? m : period === 'quarter' ? m - (m % 3) : 0;
  return new Date(Date.UTC(y, month, 1) - SHANGHAI_MS);
}
