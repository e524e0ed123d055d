import type { Db, Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { disputeActionAllowed, type DisputeStep } from '../../domain/disputes/lifecycle.ts';
import type { DisputeStatus } from '../../shared/disputes.ts';
import * as store from './store.ts';

/* The frame every action on one dispute runs in: lock, repeat check, lifecycle check, change, event, audit, version. */

const STATUS_ZH: Record<DisputeStatus, string> = { open: '化解中', resolved: '已化解', litigation: '诉调对接中', closed: '已办结' };
const STEP_ZH: Record<DisputeStep, string> = {
  mediate: '记录调解', push: '推送协同', reply: '回复', litigate: '诉调对接', 'change-tier': '调整化解层级', 'assess-risk': '重新评估风险',
  'follow-up': '回访', 'attach-signed': '上传签字协议', close: '办结', reopen: '再次发生', unmask: '查看完整信息',
};

export const stateConflict = (status: DisputeStatus, step: DisputeStep) => new AppError('DISPUTE_STATE_CONFLICT',
  `A ${status} dispute does not take the step ${step}.`, `纠纷当前状态为「${STATUS_ZH[status]}」，不能${STEP_ZH[step]}。`, { status, step });

export interface ActionOutcome {
  /** the timeline entry's action and data */
  event: string;
  data: Record<string, unknown>;
  /** the audit row's action (dispute.<step>) and detail beside the number */
  audit: string;
  /** the columns changed; version and updated_at are bumped either way */
  set?: Parameters<typeof store.updateDispute>[3];
}

/**
 * Runs one action on a dispute in a transaction: the dispute locked as `find` reaches it (404 otherwise); a repeated
 * `requestKey` changes nothing; a status the lifecycle refuses the step in → 409 DISPUTE_STATE_CONFLICT; then `change`
 * (which may refuse), the event, the audit row and version + 1, all in the same transaction.
 */
export async function actOnDispute(db: Db, p: Principal, id: string, step: DisputeStep, o: { requestKey: string | null; ip: string | null; now: Date },
  change: (tx: Tx, d: store.DisputeRow) => Promise<ActionOutcome>,
  find: (tx: Tx) => Promise<store.DisputeRow | null> = (tx) => store.findDisputeForAction(tx, id, p)): Promise<{ repeated: boolean }> {
  return db.transaction(async (tx) => {
    const d = await find(tx);
    if (!d) throw notFound('dispute');
    if (o.requestKey && (await store.findEventByRequestKey(tx, d.id, o.requestKey))) return { repeated: true };
    if (!disputeActionAllowed(d.status, step)) throw stateConflict(d.status, step);
    const out = await change(tx, d);
    await store.appendDisputeEvent(tx, { disputeId: d.id, at: o.now, actor: { id: p.accountId, name: p.name }, action: out.event, data: out.data, requestKey: o.requestKey });
    if (out.set && Object.keys(out.set).length > 0) await store.updateDispute(tx, d.id, o.now, out.set);
    else await store.bumpDispute(tx, d.id, o.now);
    await appendAudit(tx, {
      at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: out.audit, targetType: 'dispute', targetId: d.id, success: true,
      detail: { number: d.number, ...out.data },
    });
    return { repeated: false };
  });
}
