import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { findFile } from '../files/store.ts';
import { POINTS_KEEPERS, POINTS_READERS } from '../../shared/points.ts';
import { presentGoods } from './supermarket-presenters.ts';
import { findGoods, keeperSql, listGoods, pointsInvalid, readerOf, unitInScope } from './supermarket-store.ts';
import * as s from './supermarket-schemas.ts';

const TAGS = ['points'];

async function checkImage(tx: Tx, hash: string | null | undefined): Promise<void> {
  if (hash && !(await findFile(tx, hash))) throw pointsInvalid('The image is not an uploaded file.', '图片不是已上传的文件。', { field: 'imageHash' });
}

/** 积分超市's shelf: each community's goods with prices in points and stock, kept by its POINTS_KEEPERS. */
export async function goodsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/points/goods', {
    config: { access: POINTS_READERS },
    schema: {
      summary: 'Goods of the points supermarkets', tags: TAGS, querystring: s.GoodsListQuery, response: { 200: s.GoodsList },
      description: 'The goods a caller reads: staff those of the communities in (or holding) their scope, of `orgUnitId` when given (with `includeInactive=true` also those off the shelf); a resident the active goods of their community (by their registry person, else their home unit), with their household\'s balance (`myBalance`). Stock is what is left to reserve, `reserved` what waits for pickup.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.GoodsListQuery>;
    const r = await readerOf(app.db, app.pii, p);
    const rows = await listGoods(app.db, r, { orgUnitId: q.orgUnitId ?? null, includeInactive: q.includeInactive === true });
    let myBalance: number | null = null;
    if (r.person?.householdId) {
      const b = await app.db.query<{ balance: string }>(`select balance from point_accounts where household_id = $1 and kind = 'household'`, [r.person.householdId]);
      myBalance = Number(b.rows[0]?.balance ?? 0);
    }
    return { items: rows.map((g) => presentGoods(g, r)), myBalance, policies: r.keeper ? ['create' as const] : [] };
  });

  app.post('/api/points/goods', {
    config: { access: POINTS_KEEPERS },
    schema: {
      summary: 'Put goods on a supermarket\'s shelf', tags: TAGS, body: s.NewGoodsBody, response: { 201: s.GoodsView },
      description: 'New goods in the supermarket of `orgUnitId` (a community of the keeper\'s scope, else 404; another level → 422 POINTS_INVALID): name, price in points, stock, an image (`imageHash`, a file uploaded through /api/files, else 422). Audited (points.goods.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.NewGoodsBody>;
    const now = app.clock();
    const id = await app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const unit = await unitInScope(tx, r, b.orgUnitId);
      if (!unit.path.startsWith(p.scopePath!)) throw notFound('organisation unit');
      if (unit.level !== 'community') throw pointsInvalid('A supermarket belongs to a community.', '积分超市设在社区（村）一级。', { field: 'orgUnitId' });
      await checkImage(tx, b.imageHash);
      const ins = await tx.query<{ id: string }>(
        `insert into point_goods (org_unit_id, org_path, name, description, price_points, stock, image_hash, active, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) returning id`,
        [unit.id, unit.path, b.name.trim(), b.description?.trim() || null, b.pricePoints, b.stock, b.imageHash ?? null, b.active ?? true, now]);
      const gid = ins.rows[0]!.id;
      await appendAudit(tx, {
        at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'points.goods.create', targetType: 'point_goods', targetId: gid,
        success: true, detail: { name: b.name, pricePoints: b.pricePoints, stock: b.stock, orgUnit: unit.name },
      });
      return gid;
    });
    const r = await readerOf(app.db, app.pii, p);
    return reply.status(201).send(presentGoods((await findGoods(app.db, r, id))!, r));
  });

  app.put('/api/points/goods/:id', {
    config: { access: POINTS_KEEPERS },
    schema: {
      summary: 'Edit goods', tags: TAGS, params: s.IdParams, body: s.GoodsUpdateBody, response: { 200: s.GoodsView },
      description: 'Changes the name, description, price, stock left, image or takes the goods off the shelf (`active: false`; reservations already made are still handed over). `version` must be the current one (409 CONFLICT otherwise). 404 outside the keeper\'s scope. Audited (points.goods.update) with what changed.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const b = req.body as Static<typeof s.GoodsUpdateBody>;
    const now = app.clock();
    await app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const params: unknown[] = [id];
      const before = (await tx.query<{ name: string; price_points: number; stock: number; active: boolean; version: number; description: string | null; image_hash: string | null }>(
        `select name, description, price_points, stock, active, version, image_hash from point_goods g where g.id = $1 and ${keeperSql(r, 'g.org_path', params)} for update`, params)).rows[0];
      if (!before) throw notFound('goods');
      if (before.version !== b.version) throw new AppError('CONFLICT', 'The goods were changed meanwhile: reload them.', '商品已被他人修改，请刷新后再试。');
      await checkImage(tx, b.imageHash);
      const after = {
        name: b.name?.trim() ?? before.name, description: b.description === undefined ? before.description : (b.description?.trim() || null),
        price_points: b.pricePoints ?? before.price_points, stock: b.stock ?? before.stock, active: b.active ?? before.active,
        image_hash: b.imageHash === undefined ? before.image_hash : b.imageHash,
      };
      await tx.query(
        `update point_goods set name = $2, description = $3, price_points = $4, stock = $5, active = $6, image_hash = $7,
                version = version + 1, updated_at = $8 where id = $1`,
        [id, after.name, after.description, after.price_points, after.stock, after.active, after.image_hash, now]);
      const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v)
        .map(([k, v]) => [k, { from: (before as Record<string, unknown>)[k], to: v }]));
      await appendAudit(tx, {
        at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'points.goods.update', targetType: 'point_goods', targetId: id,
        success: true, detail: { name: after.name, changed },
      });
    });
    const r = await readerOf(app.db, app.pii, p);
    return presentGoods((await findGoods(app.db, r, id))!, r);
  });
}
