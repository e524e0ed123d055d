import type { CapabilityContext } from '../platform/capability.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import type { Db } from '../platform/db/db.ts';
import { installAuditKeys, loadAuditKeys } from '../audit/audit-keys.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { RATING_LEVELS } from '../../shared/ratings.ts';
import { periodOf, previousPeriod } from '../../domain/indicators/periods.ts';
import { computeRatings } from './compute-ratings.ts';

/**
 * Last month's ratings of every grid, community and town, computed for every town (left unpublished: a judge
 * publishes them after looking). Published ratings are left as they are. One audit row (ratings.compute, no actor).
 */
export async function computeLastMonth(db: Db, now: Date): Promise<{ period: string; computed: number }> {
  const period = previousPeriod(periodOf('month', now));
  return db.transaction(async (tx) => {
    const towns = (await tx.query<{ id: string }>(`select id from org_units where level = 'town' order by path`)).rows;
    let computed = 0;
    for (const t of towns) for (const level of RATING_LEVELS) computed += (await computeRatings(tx, { level, period, townId: t.id }, now)).computed;
    await appendAudit(tx, { at: now, actorId: null, actorName: null, ip: null, action: 'ratings.compute', targetType: 'rating_period', targetId: period, success: true, detail: { period, towns: towns.length, computed, by: 'monthly job' } });
    return { period, computed };
  });
}

/** monthly on the 2nd at 02:00 (Asia/Shanghai), after the nightly indicators count of the 1st */
export function ratingJobs({ db, config, clock }: CapabilityContext): JobDefinition[] {
  installAuditKeys(loadAuditKeys(config.dataDir));
  const now = () => clock?.() ?? new Date();
  return [{ name: 'ratings-monthly', cron: '0 2 2 * *', handler: async () => { await computeLastMonth(db, now()); } }];
}
