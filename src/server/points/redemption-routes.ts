import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { POINTS_KEEPERS, POINTS_READERS } from '../../shared/points.ts';
import { presentRedemption } from './supermarket-presenters.ts';
import { findRedemption, listRedemptions, readerOf, unitInScope } from './supermarket-store.ts';
import { cancelRedemption, pickUp, redeem } from './redemption-commands.ts';
import { buildStatement, statementWorkbook } from './statements.ts';
import * as s from './supermarket-schemas.ts';

const TAGS = ['points'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STAFF_READERS = POINTS_READERS.filter((r) => r !== 'resident');
const attachment = (ascii: string, zh: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/** The caller's Idempotency-Key scoped to the caller (one account's key never answers another's request). */
const requestKeyOf = (req: FastifyRequest, p: Principal) => {
  const key = idempotencyKeyOf(req);
  return key === null ? null : `${p.accountId}:${key}`;
};

/** 积分超市's redemptions with pickup codes, the pickup desk, cancellations, and the monthly statement. */
export async function redemptionRoutes(app: FastifyInstance): Promise<void> {
  const view = async (id: string, p: Principal) => {
    const r = await readerOf(app.db, app.pii, p);
    const rd = await findRedemption(app.db, r, id);
    if (!rd) throw notFound('redemption');
    return presentRedemption(rd, r);
  };

  app.post('/api/points/redemptions', {
    config: { access: ['resident', ...POINTS_KEEPERS] },
    schema: {
      summary: 'Redeem points for goods', tags: TAGS, body: s.NewRedemptionBody, response: { 200: s.RedemptionView, 201: s.RedemptionView },
      description: `A resident redeems for their own household (their registry person's; outside the registry 422 PERSON_NOT_IN_REGISTRY), a keeper at the desk for \`householdId\` of their scope. In one transaction: the points move from the household's account to its community's supermarket (a ledger transaction, reason redemption), the goods leave the stock, and a reservation is made with a 6-digit pickup code (unique among the community's reservations) that expires after 7 days (its points and goods come back then). Goods of another community or off the shelf → 404; a veto in force → 422 POINTS_VETOED { until }; beyond the stock → 422 STOCK_INSUFFICIENT { available }; beyond the balance → 422 POINTS_INSUFFICIENT { available }; nothing is written on a refusal. 201 with the reservation; 200 with the first for a repeated Idempotency-Key. Audited (points.redemption.reserve).`,
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.NewRedemptionBody>;
    const now = app.clock();
    const r = await app.db.transaction(async (tx) => redeem(tx, app.pii, await readerOf(tx, app.pii, p), b, { now, requestKey: requestKeyOf(req, p), ip: req.ip }));
    return reply.status(r.created ? 201 : 200).send(await view(r.id, p));
  });

  app.get('/api/points/redemptions', {
    config: { access: POINTS_READERS },
    schema: {
      summary: 'Redemptions', tags: TAGS, querystring: s.RedemptionListQuery, response: { 200: s.RedemptionList },
      description: 'Redemptions, newest first: staff those of their scope (filters status, orgUnitId, householdId), a resident their own household\'s (with the pickup codes of those waiting). At most `limit` (100 by default).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.RedemptionListQuery>;
    const r = await readerOf(app.db, app.pii, p);
    const rows = await listRedemptions(app.db, r, { status: q.status ?? null, orgUnitId: q.orgUnitId ?? null, householdId: q.householdId ?? null, limit: q.limit ?? 100 });
    return { items: rows.map((x) => presentRedemption(x, r)) };
  });

  app.post('/api/points/redemptions/pickup', {
    config: { access: POINTS_KEEPERS },
    schema: {
      summary: 'Hand redeemed goods over (pickup desk)', tags: TAGS, body: s.PickupBody, response: { 200: s.RedemptionView },
      description: 'The keeper types the household\'s 6-digit pickup code: the reservation of their scope holding it is handed over (pickedUp). No reservation waiting with that code → 404; the code waiting in several communities of the scope → 422 POINTS_INVALID (name `orgUnitId`); past its expiry → 409 REDEMPTION_STATE_CONFLICT. Audited (points.redemption.pickup).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.PickupBody>;
    const now = app.clock();
    const id = await app.db.transaction(async (tx) => pickUp(tx, await readerOf(tx, app.pii, p), b, { now, requestKey: null, ip: req.ip }));
    return view(id, p);
  });

  app.post('/api/points/redemptions/:id/cancel', {
    config: { access: ['resident', ...POINTS_KEEPERS] },
    schema: {
      summary: 'Cancel a reservation', tags: TAGS, params: s.IdParams, body: s.CancelBody, response: { 200: s.RedemptionView },
      description: 'The household (its resident) or a keeper of the scope cancels a reservation waiting for pickup: a reversing transaction gives the points back and the goods go back into stock. Already handed over, expired or cancelled → 409 REDEMPTION_STATE_CONFLICT; not the caller\'s → 404. Audited (points.redemption.cancel).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const b = req.body as Static<typeof s.CancelBody>;
    const now = app.clock();
    await app.db.transaction(async (tx) => cancelRedemption(tx, await readerOf(tx, app.pii, p), id, b.reason?.trim() || null, { now, requestKey: null, ip: req.ip }));
    return view(id, p);
  });

  app.get('/api/points/statements', {
    config: { access: STAFF_READERS },
    schema: {
      summary: 'A supermarket\'s monthly statement', tags: TAGS, querystring: s.StatementQuery,
      description: 'For the supermarket of `orgUnitId` (a community in or holding the caller\'s scope, else 404) and `month` (YYYY-MM, Beijing time): the reservations made in the month, goods handed over and points redeemed in the month, points given back by expired and cancelled reservations, each goods\' stock now. `format=xlsx` answers a workbook (汇总, 商品, 兑换明细) with a Chinese file name.',
      response: {
        200: {
          description: 'the statement',
          content: {
            'application/json': { schema: s.Statement },
            [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) },
          },
        },
      },
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.StatementQuery>;
    const r = await readerOf(app.db, app.pii, p);
    const unit = await unitInScope(app.db, r, q.orgUnitId);
    const st = await buildStatement(app.db, unit, q.month);
    if (q.format === 'xlsx') {
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(`statement-${q.month}.xlsx`, `${unit.name}积分超市${q.month}月报.xlsx`))
        .send(await statementWorkbook(st, app.clock()));
    }
    return reply.type('application/json').send(st);
  });
}
