import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DISPUTE_HANDLERS, DISPUTE_READERS } from '../../shared/disputes.ts';
import type { Role } from '../../shared/roles.ts';
import { pushDispute } from './push-dispute.ts';
import { changeTier, closeDispute, litigate, reassessRisk, replyToReferral } from './dispute-actions.ts';
import { registerDispute } from './register-dispute.ts';
import { reopenDispute } from './reopen-dispute.ts';
import { loadDisputeDetail, presentSummary } from './presenters.ts';
import { isHandler, isTerritorialReader } from './scope.ts';
import * as store from './store.ts';
import * as s from './schemas.ts';

const TAGS = ['disputes'];

const encodeCursor = (d: { created_at: Date; id: string }) => Buffer.from(`${new Date(d.created_at).toISOString()}|${d.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || id.length > 64 || !/^[0-9a-f-]+$/.test(id) || Number.isNaN(date.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  }
  return { at: date, id };
}

/** The caller's Idempotency-Key scoped to the caller (one account's key never answers another's request). */
const requestKeyOf = (req: FastifyRequest, p: Principal) => {
  const key = idempotencyKeyOf(req);
  return key === null ? null : `${p.accountId}:${key}`;
};

/**
 * Disputes (矛盾纠纷多元化解, issue 15): the list, registration, the dispute page (parties masked; whole on an audited
 * read by DISPUTE_HANDLERS of its scope) and the actions on one dispute, each answering the dispute page.
 */
export async function disputeRoutes(app: FastifyInstance): Promise<void> {
  const detail = (id: string, p: Principal) => loadDisputeDetail(app.db, id, p, app.pii, { unmask: false, now: app.clock() });

  app.get('/api/disputes', {
    config: { access: DISPUTE_READERS },
    schema: {
      summary: 'List disputes', tags: TAGS, querystring: s.DisputeListQuery, response: { 200: s.DisputeList },
      description: 'The disputes the caller reads, newest first, paged by `cursor` (`nextCursor`): territorial staff those of their scope (and of `orgUnitId` in it), a department\'s members those pushed to their departments, a resident those they are a party of (by their account\'s phone). Parties\' names masked. Filters: status, tier, risk, classCode, q (number, description, address).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.DisputeListQuery>;
    const limit = q.limit ?? 50;
    let unitPath: string | null = null;
    if (q.orgUnitId) {
      const u = isTerritorialReader(p)
        ? (await app.db.query<{ path: string }>('select path from org_units where id = $1 and path like $2', [q.orgUnitId, likePrefix(p.scopePath!)])).rows[0]
        : undefined;
      if (!u) throw notFound('organisation unit');
      unitPath = likePrefix(u.path);
    }
    const rows = await store.listDisputes(app.db, await store.readerOf(app.db, app.pii, p), {
      status: q.status ?? null, tier: q.tier ?? null, risk: q.risk ?? null, classCode: q.classCode ?? null, unitPath, q: q.q?.trim() || null,
    }, q.cursor ? decodeCursor(q.cursor) : null, limit + 1);
    const page = rows.slice(0, limit);
    const parties = await store.listParties(app.db, page.map((d) => d.id));
    return {
      items: page.map((d) => presentSummary(d, parties, p, app.pii)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
      policies: isHandler(p) ? ['create' as const] : [],
    };
  });

  app.post('/api/disputes', {
    config: { access: DISPUTE_HANDLERS },
    schema: {
      summary: 'Register a dispute', tags: TAGS, body: s.RegisterDisputeBody, response: { 200: s.DisputeDetail, 201: s.DisputeDetail },
      description: 'Registers a dispute of the caller\'s scope in one transaction: parties (≥ 1 applicant; a registry resident by residentId, or an outsider) sealed, risk and suggested tier by the rules (a tier below the suggested one needs tierReason: 422 DISPUTE_TIER_REASON_REQUIRED), the handling unit (grid, community or town by tier), a JF number and its work order in the case loop (matter 矛盾纠纷, dispatched: onSpot to the grid\'s full-time grid worker, else the town\'s 矛盾调解岗), or the case `caseId` attached (a dispute case of the scope with no dispute yet, else 422 DISPUTE_INVALID). Unknown class or subclass → 422 DISPUTE_CLASS_UNKNOWN; a point in no grid → 422 LOCATION_OUTSIDE_GRIDS; nothing is written on any refusal. 201 with the dispute; 200 with the first one for a repeated Idempotency-Key. Audited (dispute.register).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const r = await registerDispute(app.db, app, p, req.body as Static<typeof s.RegisterDisputeBody>, app.clock(), { requestKey: requestKeyOf(req, p), ip: req.ip });
    return reply.status(r.created ? 201 : 200).send(await detail(r.id, p));
  });

  app.get('/api/disputes/:id', {
    config: { access: DISPUTE_READERS },
    schema: {
      summary: 'A dispute', tags: TAGS, params: s.IdParams, querystring: s.DisputeDetailQuery, response: { 200: s.DisputeDetail },
      description: 'The dispute page: parties (masked: 张*, 138****1234, 5001**********1234; a resident sees their own party whole), its work order (number, status, light), risk with the rules\' reasons, tier with the suggested one and the handling unit, mediations with their agreements, follow-ups, referrals with replies, the flare-up chain, the timeline and `policies`. `unmask=true`: the parties whole, for DISPUTE_HANDLERS of its scope only (else 403), audited as dispute.parties.read. 404 when the caller does not read it.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    if ((req.query as { unmask?: boolean }).unmask !== true) return detail(id, p);
    const now = app.clock();
    return app.db.transaction(async (tx) => {
      const out = await loadDisputeDetail(tx, id, p, app.pii, { unmask: true, now });
      await appendAudit(tx, {
        at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'dispute.parties.read', targetType: 'dispute', targetId: id, success: true,
        detail: { number: out.number, parties: out.parties.length },
      });
      return out;
    });
  });

  /** One action route: its own static path, TypeBox body, the dispute page as its answer. */
  const action = <B extends TSchema>(name: string, access: readonly Role[], body: B, summary: string, description: string,
    run: (p: Principal, id: string, body: Static<B>, o: { requestKey: string | null; ip: string | null; now: Date }) => Promise<unknown>) => {
    app.post(`/api/disputes/:id/actions/${name}`, {
      config: { access },
      schema: { summary, tags: TAGS, params: s.IdParams, body, response: { 200: s.DisputeDetail }, description },
    }, async (req) => {
      const p = requirePrincipal(req);
      const { id } = req.params as { id: string };
      await run(p, id, req.body as Static<B>, { requestKey: requestKeyOf(req, p), ip: req.ip, now: app.clock() });
      return detail(id, p);
    });
  };

  const COMMON = ' A repeated Idempotency-Key changes nothing. 404 outside the caller\'s scope; 409 DISPUTE_STATE_CONFLICT when the dispute\'s status does not take the step. Event, audit row and version + 1 in one transaction.';

  action('push', DISPUTE_HANDLERS, s.PushBody, 'Push a dispute to a unit (协同化解)',
    'Pushes the dispute to a department of the town\'s district (`departmentId`; its members then read the dispute and reply; another district\'s → 422 DISPUTE_INVALID) or to a unit of the 综治中心 by kind and `unitName` (required then), due in `dueDays` working days. Audited (dispute.push).' + COMMON,
    async (p, id, b, o) => pushDispute(app.db, p, id, b, await app.calendar.current(), o));

  action('reply', [...DISPUTE_HANDLERS, 'department'], s.ReplyBody, 'Reply to a referral',
    'A unit\'s answer to its referral: a member of the referral\'s department, or DISPUTE_HANDLERS of the scope recording a reply given by phone. `done`: the unit has done its part (the referral then takes no more replies: 409). Unknown referral → 422 DISPUTE_INVALID. Audited (dispute.reply).' + COMMON,
    (p, id, b, o) => replyToReferral(app.db, p, id, b, o));

  action('litigate', DISPUTE_HANDLERS, s.LitigateBody, 'Transfer to court (诉调对接)',
    'The dispute goes to court: status litigation, the court and its case number kept. Audited (dispute.litigate).' + COMMON,
    (p, id, b, o) => litigate(app.db, p, id, b, o));

  action('change-tier', DISPUTE_HANDLERS, s.ChangeTierBody, 'Change a dispute\'s tier',
    'Another tier and so another handling unit (grid, community, town); the reason is kept; below the tier the rules suggest now it is required (422 DISPUTE_TIER_REASON_REQUIRED); the same tier → 422 DISPUTE_INVALID. Only while open. Audited (dispute.change_tier).' + COMMON,
    (p, id, b, o) => changeTier(app.db, p, id, b, o));

  action('assess-risk', DISPUTE_HANDLERS, s.AssessRiskBody, 'Re-assess a dispute\'s risk',
    'The risk by the rules from the factors given (threats, group size, amount), the parties\' vulnerability and the flare-ups, with its reasons; the tier stays (the page shows the suggested one). Audited (dispute.assess_risk).' + COMMON,
    (p, id, b, o) => reassessRisk(app.db, p, id, b, o));

  action('close', DISPUTE_HANDLERS, s.CloseBody, 'Close a dispute',
    'Closes the dispute with a reason and hands its work order in (case action report_done by the closer, when the loop lets them; the dispatcher verifies it as usual). Audited (dispute.close).' + COMMON,
    async (p, id, b, o) => closeDispute(app.db, p, id, b, await app.calendar.current(), o));

  app.post('/api/disputes/:id/actions/reopen', {
    config: { access: DISPUTE_HANDLERS },
    schema: {
      summary: 'Reopen a dispute that flared up again', tags: TAGS, params: s.IdParams, body: s.ReopenBody, response: { 200: s.DisputeDetail, 201: s.DisputeDetail },
      description: 'On a resolved or closed dispute: a NEW dispute (201, its page) with the same parties, class and place, one flare-up more, the risk re-assessed (flare-ups raise it), the suggested tier and a new work order; the earlier one gets a `reopened` event naming it. Reopened already (a later dispute exists) or another status → 409 DISPUTE_STATE_CONFLICT; 404 outside the scope. 200 with the first new dispute for a repeated Idempotency-Key. Audited (dispute.reopen).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const r = await reopenDispute(app.db, app, p, id, req.body as Static<typeof s.ReopenBody>, app.clock(), { requestKey: requestKeyOf(req, p), ip: req.ip });
    return reply.status(r.created ? 201 : 200).send(await detail(r.id, p));
  });
}
