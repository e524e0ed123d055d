import type { CapabilityContext } from '../platform/capability.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { PiiCipher, loadPiiKey } from '../platform/pii-cipher.ts';
import { installAuditKeys, loadAuditKeys } from '../audit/audit-keys.ts';
import { runReconciliation } from './reconcile.ts';
import { awardClosedCases } from './case-awards.ts';

/**
 * 微积分's books (issue 16): every night at 02:30 the reconciliation (each account's balance against its entries, each
 * transaction against zero; a mismatch raises the alarm: reconcile.ts); every 10 minutes the awards for cases closed
 * since the last run whose reporter is a registry resident (case-awards.ts).
 */
export function ledgerJobs({ db, config, clock }: CapabilityContext): JobDefinition[] {
  // both write audit rows: `npm run worker` builds no app, whose audit capability would install the keys
  installAuditKeys(loadAuditKeys(config.dataDir));
  const now = () => clock?.() ?? new Date();
  const pii = new PiiCipher(loadPiiKey(config.dataDir));
  return [
    { name: 'points-reconcile', cron: '30 2 * * *', handler: async () => { await runReconciliation(db, now()); } },
    { name: 'points-case-awards', cron: '*/10 * * * *', handler: async () => { await awardClosedCases(db, pii, now()); } },
  ];
}
