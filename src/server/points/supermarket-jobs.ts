import type { Db } from '../platform/db/db.ts';
import type { CapabilityContext } from '../platform/capability.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { installAuditKeys, loadAuditKeys } from '../audit/audit-keys.ts';
import { expireReservations } from './redemption-commands.ts';
import { deriveMarks, lastMonthOf } from './civility.ts';

/** Reservations past their expiry, all of them, in batches of 500 each in its own transaction. Answers how many. */
export async function expireDue(db: Db, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction((tx) => expireReservations(tx, now, 500));
    total += n;
    if (n < 500) return total;
  }
}

/** Derives last month's 红黑榜 and 文明户 of every community that has households with points (a rerun writes nothing twice). */
export async function deriveLastMonth(db: Db, now: Date): Promise<number> {
  const period = lastMonthOf(now);
  const units = (await db.query<{ id: string; path: string; name: string }>(
    `select distinct o.id, o.path, o.name from point_accounts a join org_units o on o.id = a.org_unit_id
      where a.kind = 'household' and o.level = 'community' order by o.path`)).rows;
  for (const u of units) await db.transaction((tx) => deriveMarks(tx, u, period, now, { id: null, name: null, ip: null }));
  return units.length;
}

/**
 * 积分超市's jobs: every hour, reservations not picked up within their days expire and give back their points and stock;
 * on the 1st of each month at 03:00, last month's 红黑榜 and 文明户 are derived for each community.
 */
export function supermarketJobs({ db, config, clock }: CapabilityContext): JobDefinition[] {
  // both write audit rows: `npm run worker` builds no app, whose audit capability would install the keys
  installAuditKeys(loadAuditKeys(config.dataDir));
  const now = () => clock?.() ?? new Date();
  return [
    { name: 'points-reservations-expire', cron: '7 * * * *', handler: async () => { await expireDue(db, now()); } },
    { name: 'points-civility-monthly', cron: '0 3 1 * *', handler: async () => { await deriveLastMonth(db, now()); } },
  ];
}
