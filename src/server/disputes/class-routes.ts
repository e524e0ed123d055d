import type { FastifyInstance } from 'fastify';
import type { Tx } from '../platform/db/db.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { DISPUTE_CLASS_EDITORS, DISPUTE_READERS } from '../../shared/disputes.ts';
import { subclassCode } from './seed-catalog.ts';
import { disputeInvalid } from './parties.ts';
import * as store from './store.ts';
import * as s from './schemas.ts';
import type { Static } from '@sinclair/typebox';

const TAGS = ['disputes'];
type Body = Static<typeof s.DisputeClassBody>;

const present = (c: store.ClassRow, p: Principal, includeRetired: boolean): s.DisputeClassViewT => ({
  code: c.code, name: c.name, sort: c.sort, retired: c.retired, updatedAt: new Date(c.updated_at).toISOString(),
  subclasses: c.subclasses.filter((x) => includeRetired || !x.retired).map((x) => ({ code: x.code, name: x.name, retired: x.retired === true })),
  policies: holdsAnyRole(p.roles, DISPUTE_CLASS_EDITORS) ? ['update'] : [],
});

/**
 * The subclasses as saved: those named by code keep it (it must be one of the class's), new ones take the next free
 * `<class>-<nn>`, and one left out stays retired (disputes name it; it is never deleted). Names unique among the active.
 */
function savedSubclasses(code: string, before: store.ClassRow['subclasses'], given: Body['subclasses']): store.ClassRow['subclasses'] {
  const known = new Map(before.map((x) => [x.code, x]));
  let next = before.reduce((n, x) => Math.max(n, Number(x.code.split('-').pop()) || 0), 0);
  const out: store.ClassRow['subclasses'] = [];
  for (const [i, x] of given.entries()) {
    if (x.code !== undefined && !known.has(x.code)) {
      throw disputeInvalid(`Subclass ${i + 1}: ${x.code} is not a subclass of class ${code}.`, `第 ${i + 1} 个子类：${x.code} 不是本类别的子类。`, { field: `subclasses/${i}/code` });
    }
    out.push({ code: x.code ?? subclassCode(code, ++next), name: x.name.trim(), retired: x.retired === true });
  }
  for (const old of before) if (!out.some((x) => x.code === old.code)) out.push({ ...old, retired: true });
  const active = out.filter((x) => !x.retired).map((x) => x.name);
  const twice = active.find((n, i) => active.indexOf(n) !== i);
  if (twice) throw disputeInvalid(`Two subclasses are named ${twice}.`, `子类名称重复：${twice}。`, { field: 'subclasses' });
  return out;
}

async function save(tx: Tx, p: Principal, ip: string, code: string, body: Body, before: store.ClassRow | null, now: Date): Promise<void> {
  const row = {
    code, name: body.name.trim(), retired: body.retired === true,
    sort: body.sort ?? before?.sort ?? 1000,
    subclasses: savedSubclasses(code, before?.subclasses ?? [], body.subclasses),
  };
  await store.upsertClass(tx, row, p.accountId, now);
  await appendAudit(tx, {
    at: now, actorId: p.accountId, actorName: p.name, ip, action: before ? 'dispute_class.update' : 'dispute_class.create',
    targetType: 'dispute_class', targetId: code, success: true,
    detail: { name: row.name, retired: row.retired, subclasses: row.subclasses.map((x) => `${x.code} ${x.name}${x.retired ? ' (retired)' : ''}`) },
  });
}

/** The dispute class catalog (the 18 classes of 人民调解 statistics and their subclasses), edited by the city. */
export async function classRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/disputes/classes', {
    config: { access: DISPUTE_READERS },
    schema: {
      summary: 'Dispute classes', tags: TAGS, querystring: s.DisputeClassListQuery, response: { 200: s.DisputeClassList },
      description: 'The classes of disputes and their subclasses (codes `<class>-<nn>`) in catalog order: the active ones, or every one with `includeRetired=true` (the catalog editor). No personal data; the same for every reader.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const all = (req.query as { includeRetired?: boolean }).includeRetired === true;
    const rows = await store.listClasses(app.db, all);
    return { items: rows.map((c) => present(c, p, all)), policies: holdsAnyRole(p.roles, DISPUTE_CLASS_EDITORS) ? ['create'] : [] };
  });

  app.post('/api/disputes/classes', {
    config: { access: DISPUTE_CLASS_EDITORS },
    schema: {
      summary: 'Add a dispute class', tags: TAGS, body: s.NewDisputeClassBody, response: { 201: s.DisputeClassView },
      description: 'A new class with its subclasses (numbered `<class>-01` …). A code in use → 409 CONFLICT; two active subclasses of one name → 422 DISPUTE_INVALID. Audited (dispute_class.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const body = req.body as Static<typeof s.NewDisputeClassBody>;
    const now = app.clock();
    await app.db.transaction(async (tx) => {
      if (await store.findClass(tx, body.code, true)) {
        throw new AppError('CONFLICT', `Class ${body.code} exists already.`, `类别编码 ${body.code} 已存在。`);
      }
      await save(tx, p, req.ip, body.code, body, null, now);
    });
    return reply.status(201).send(present((await store.findClass(app.db, body.code))!, p, true));
  });

  app.put('/api/disputes/classes/:code', {
    config: { access: DISPUTE_CLASS_EDITORS },
    schema: {
      summary: 'Edit a dispute class', tags: TAGS, params: s.ClassCodeParams, body: s.DisputeClassBody, response: { 200: s.DisputeClassView },
      description: 'Renames the class, edits, adds (without code) or retires its subclasses, or retires the class (then no new dispute takes it; those that have it keep it). A subclass left out is kept retired. Unknown class → 404; a subclass code of another class or a repeated name → 422 DISPUTE_INVALID. Audited (dispute_class.update).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { code } = req.params as { code: string };
    const now = app.clock();
    await app.db.transaction(async (tx) => {
      const before = await store.findClass(tx, code, true);
      if (!before) throw notFound('dispute class');
      await save(tx, p, req.ip, code, req.body as Body, before, now);
    });
    return present((await store.findClass(app.db, code))!, p, true);
  });
}
