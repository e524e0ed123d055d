import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { DISPUTE_HANDLERS, DISPUTE_READERS } from '../../shared/disputes.ts';
import { DisputeDetail } from './schemas.ts';
import { loadDisputeDetail } from './presenters.ts';
import {
  AgreementQuery, AttachSignedBody, DisputeIdParams, FollowUpBody, RecordMediationBody, SignedScanQuery, SignedScanView,
  type AttachSignedInput, type FollowUpInput, type RecordMediationInput,
} from './mediation-schemas.ts';
import { recordMediation } from './record-mediation.ts';
import { followUp } from './follow-up.ts';
import { attachSigned, readSignedScan } from './attach-signed.ts';
import { downloadAgreement } from './agreement-document.ts';
import { documentResponse } from '../platform/documents/index.ts';

const TAGS = ['disputes'];

/** POST …/actions/follow-up answers the detail and whether reopening is suggested (the agreement was found broken). */
export const FollowUpResult = Type.Composite([DisputeDetail, Type.Object({
  suggestReopen: Type.Boolean({ description: 'the agreement was found broken and the dispute may be reopened (POST …/actions/reopen)' }),
})]);
export type FollowUpResultT = Static<typeof FollowUpResult>;

/**
 * Mediation sessions and their 人民调解协议书, follow-up visits (回访) and the signed paper's photo. Each write answers
 * the dispute's detail as the caller reads it (H2's presenter).
 */
export async function mediationRoutes(app: FastifyInstance): Promise<void> {
  const detail = (id: string, p: ReturnType<typeof requirePrincipal>) => loadDisputeDetail(app.db, id, p, app.pii, { unmask: false, now: app.clock() });

  app.post('/api/disputes/:id/mediations', {
    config: { access: DISPUTE_HANDLERS },
    schema: {
      summary: 'Record a mediation session', tags: TAGS, params: DisputeIdParams, body: RecordMediationBody,
      description: 'One mediation session of a dispute in the caller\'s scope (404 outside): when and where, the mediator (网格员, 乡贤, 人民调解员, 司法所工作人员), who attended (a party by its seq), what each side said, what was agreed, the terms and the outcome. A resolved or partial session with terms makes a 人民调解协议书 numbered （2026）春晖调字第7号 (the town\'s yearly sequence); a resolved session resolves an open dispute. `at` in the future, or a party seq the dispute lacks: 422 DISPUTE_INVALID; a closed dispute or one in litigation: 409 DISPUTE_STATE_CONFLICT. Honours Idempotency-Key (a retry answers 200 with the same session). Answers the dispute; the new session is the last of `mediations`.',
      response: { 201: DisputeDetail, 200: DisputeDetail },
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof DisputeIdParams>;
    const r = await recordMediation(app.db, app.pii, p, id, req.body as RecordMediationInput, app.clock(), idempotencyKeyOf(req), req.ip);
    return reply.status(r.repeated ? 200 : 201).send(await detail(id, p));
  });

  app.get('/api/disputes/:id/agreement', {
    config: { access: DISPUTE_READERS },
    schema: {
      summary: 'The 人民调解协议书 of a session', tags: TAGS, params: DisputeIdParams, querystring: AgreementQuery,
      description: 'The agreement a session made (`mediationId`; default: the latest session with one) as PDF (`format=pdf`, the default) or Word (`format=docx`), with a Chinese file name: its number, the parties whole (the paper is for them to sign), the dispute\'s facts and what each side said, the terms numbered, performance and legal effect (《人民调解法》第三十一条, 司法确认 第三十三条), signature lines for each party and the mediator, and the 人民调解委员会 seal line. Only DISPUTE_HANDLERS of the dispute\'s scope (who may read the parties whole): other readers 403. Each download is audited (dispute.agreement.download). No agreement on the session: 404.',
      response: { 200: documentResponse('人民调解协议书') },
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof DisputeIdParams>;
    return downloadAgreement(app, reply, p, id, req.query as Static<typeof AgreementQuery>, req.ip);
  });

  app.get('/api/disputes/:id/signed-scan', {
    config: { access: DISPUTE_HANDLERS },
    schema: {
      summary: 'The photo of a signed agreement', tags: TAGS, params: DisputeIdParams, querystring: SignedScanQuery, response: { 200: SignedScanView },
      description: 'Short-lived signed URLs of the photo of the signed 协议书 of a session (it shows the parties whole): for DISPUTE_HANDLERS of the dispute\'s scope only (others 404), audited (dispute.signed_scan.read). No photo attached: 404.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof DisputeIdParams>;
    return readSignedScan(app, p, id, (req.query as Static<typeof SignedScanQuery>).mediationId, req.ip);
  });

  app.post('/api/disputes/:id/actions/follow-up', {
    config: { access: DISPUTE_HANDLERS },
    schema: {
      summary: 'Record a follow-up visit (回访)', tags: TAGS, params: DisputeIdParams, body: FollowUpBody, response: { 200: FollowUpResult },
      description: 'A visit or call that checks whether the agreement of a resolved or closed dispute holds (409 DISPUTE_STATE_CONFLICT otherwise; `at` in the future: 422). When it does not, the answer says `suggestReopen`: the dispute flared again and may be reopened. Honours Idempotency-Key.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof DisputeIdParams>;
    const r = await followUp(app.db, p, id, req.body as FollowUpInput, app.clock(), idempotencyKeyOf(req), req.ip);
    return { ...(await detail(id, p)), suggestReopen: r.suggestReopen };
  });

  app.post('/api/disputes/:id/actions/attach-signed', {
    config: { access: DISPUTE_HANDLERS },
    schema: {
      summary: 'Attach the signed agreement\'s photo', tags: TAGS, params: DisputeIdParams, body: AttachSignedBody, response: { 200: DisputeDetail },
      description: 'The photo of the signed 人民调解协议书 (uploaded first through POST /api/files: JPEG, PNG or WebP; an unknown hash is 422 PHOTO_UNKNOWN) for the session that made it (a session without an agreement: 422 DISPUTE_INVALID). A later photo replaces the earlier one. Honours Idempotency-Key.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof DisputeIdParams>;
    await attachSigned(app.db, p, id, req.body as AttachSignedInput, app.clock(), idempotencyKeyOf(req), req.ip);
    return detail(id, p);
  });
}
