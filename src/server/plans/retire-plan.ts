import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import * as store from './plan-store.ts';
import { planRetired, type PlanActor } from './save-plan.ts';

/**
 * Retires a plan with the editor's reason: it can no longer be changed or started (activation 409 PLAN_RETIRED) and no
 * trigger matches it; incidents started from it run on from their own snapshot. Retiring it again: 409 PLAN_RETIRED.
 */
export async function retirePlan(tx: Tx, id: string, reason: string, by: PlanActor): Promise<void> {
  const plan = await store.findPlan(tx, by.scopePath, id, true);
  if (!plan) throw notFound('plan');
  if (plan.status === 'retired' || !(await store.retirePlan(tx, id, reason.trim(), { accountId: by.accountId, name: by.name }, by.now))) {
    throw planRetired();
  }
  await appendAudit(tx, {
    at: by.now, actorId: by.accountId, actorName: by.name ?? '系统', ip: by.ip, action: 'plan.retire', targetType: 'plan', targetId: id,
    success: true, detail: { name: plan.name, version: plan.current_version, reason: reason.trim() },
  });
}
