import type { FastifyInstance } from 'fastify';
import type { Db } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { checkPhotos } from '../cases/assignees.ts';
import { disputeActionAllowed } from '../../domain/disputes/lifecycle.ts';
import * as disputes from './store.ts';
import * as store from './mediation-store.ts';
import type { AttachSignedInput, SignedScanViewT } from './mediation-schemas.ts';
import { disputeInvalid } from './parties.ts';
import { scopedKey, stateConflict } from './record-mediation.ts';

/**
 * Attaches the photo of the signed 人民调解协议书 (uploaded first through POST /api/files: an unknown hash is 422
 * PHOTO_UNKNOWN) to the session that made the agreement, by DISPUTE_HANDLERS of the dispute's scope. A session without an
 * agreement → 422 DISPUTE_INVALID. A second photo replaces the first (the timeline keeps both hashes). The same
 * Idempotency-Key, or the same photo again, changes nothing.
 */
export async function attachSigned(
  db: Db, p: Principal, disputeId: string, input: AttachSignedInput, now: Date, requestKey: string | null, ip: string | null,
): Promise<{ repeated: boolean }> {
  return db.transaction(async (tx) => {
    const d = await disputes.findDisputeForAction(tx, disputeId, p);
    if (!d) throw notFound('dispute');
    const key = scopedKey(p, requestKey);
    if (key !== null && (await disputes.findEventByRequestKey(tx, d.id, key)) !== null) return { repeated: true };
    if (!disputeActionAllowed(d.status, 'attach-signed')) throw stateConflict(d.status, 'attach-signed', '上传签字协议书');
    const m = await store.findMediation(tx, d.id, input.mediationId);
    if (!m) throw notFound('mediation session');
    if (m.agreement_number === null) {
      throw disputeInvalid('This session made no agreement: there is no signed paper to attach.', '该次调解未形成调解协议，无需上传签字协议书。', { field: 'mediationId' });
    }
    await checkPhotos(tx, [input.fileHash]);
    if (m.signed_scan_hash === input.fileHash) return { repeated: true };
    await store.setSignedScan(tx, m.id, input.fileHash, now);
    await disputes.bumpDispute(tx, d.id, now);
    await disputes.appendDisputeEvent(tx, {
      disputeId: d.id, at: now, action: 'signedAttached', actor: { id: p.accountId, name: p.name }, requestKey: key,
      data: { mediationId: m.id, seq: m.seq, agreementNumber: m.agreement_number, fileHash: input.fileHash, replaced: m.signed_scan_hash },
    });
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip, action: 'dispute.attach_signed', targetType: 'dispute', targetId: d.id, success: true,
      detail: { number: d.number, mediationId: m.id, agreementNumber: m.agreement_number, fileHash: input.fileHash, replaced: m.signed_scan_hash !== null },
    });
    return { repeated: false };
  });
}

/**
 * Signed URLs of a session's signed paper, for DISPUTE_HANDLERS of the dispute's scope (the photo shows the parties whole;
 * others 404), with the audit row of that read (dispute.signed_scan.read) written before the URLs are handed out.
 */
export async function readSignedScan(app: FastifyInstance, p: Principal, disputeId: string, mediationId: string, ip: string | null): Promise<SignedScanViewT> {
  const now = app.clock();
  const m = await app.db.transaction(async (tx) => {
    const d = await disputes.findDisputeForAction(tx, disputeId, p);
    if (!d) throw notFound('dispute');
    const row = await store.findMediation(tx, d.id, mediationId);
    if (!row || row.signed_scan_hash === null) throw notFound('signed agreement');
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip, action: 'dispute.signed_scan.read', targetType: 'dispute', targetId: d.id, success: true,
      detail: { number: d.number, mediationId: row.id, agreementNumber: row.agreement_number },
    });
    return row;
  });
  const hash = m.signed_scan_hash!;
  return { url: app.fileUrls.url(hash, 'full', now), thumbUrl: app.fileUrls.url(hash, 'thumb', now), signedAt: m.signed_at === null ? null : new Date(m.signed_at).toISOString() };
}
