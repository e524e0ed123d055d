import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { createOnce } from '../registry/route-helpers.ts';
import { PLAN_EDITORS, PLAN_READERS, type PlanBody } from '../../shared/plans.ts';
import * as s from './plan-schemas.ts';
import * as store from './plan-store.ts';
import { createPlan, planActorOf, updatePlan } from './save-plan.ts';
import { retirePlan } from './retire-plan.ts';
import { hasContacts, openContacts } from './resource-contacts.ts';
import {
  mayEditPlans, presentPlanDetail, presentPlanSummary, presentPlanVersion, presentVersionSummary, seesContactsWhole, type PlanNames,
} from './plan-presenters.ts';

const TAGS = ['plans'];
const readers = { access: PLAN_READERS };
const editors = { access: PLAN_EDITORS };
const PAGE = 50;
/** a plan at every limit (80 steps of 20 checklist items of 200 characters, 200 resources) is about 1.1 MB of JSON */
const PLAN_BODY_LIMIT = 2 * 1024 * 1024;

/** 数字预案: the town's emergency plans, every save a version; retiring stops them from being started. */
export async function planRoutes(app: FastifyInstance): Promise<void> {
  const actor = (req: FastifyRequest) => planActorOf(requirePrincipal(req), req.ip, app.clock());

  /** The plan page as this caller sees it; an unmasked read of contact phones is audited in the same transaction. */
  const detail = (req: FastifyRequest, id: string) => app.db.transaction(async (tx) => {
    const p = requirePrincipal(req);
    const plan = p.scopePath ? await store.findPlan(tx, p.scopePath, id) : null;
    if (!plan) throw notFound('plan');
    const whole = seesContactsWhole(p.roles) && hasContacts(plan.body);
    if (whole) {
      await appendAudit(tx, {
        at: app.clock(), actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'plan.read_contacts', targetType: 'plan', targetId: plan.id,
        success: true, detail: { version: plan.current_version, fields: ['contactPhone'], resources: plan.body.resources.filter((r) => r.contactPhone !== null).map((r) => r.key) },
      });
    }
    return presentPlanDetail(plan, p.roles, {
      body: openContacts(plan.body, app.pii, { mask: !whole }), contactsWhole: whole,
      names: await namesOf(tx, plan.town_id, plan.body, plan.matter_name), versions: await store.listVersions(tx, plan.id),
    });
  });

  app.get('/api/plans', {
    config: readers,
    schema: {
      summary: 'Emergency plans', tags: TAGS, querystring: s.PlanListQuery, response: { 200: s.PlanList },
      description: 'The plans of the towns in (or holding) the caller\'s scope, most recently changed first, 50 a page (`cursor` = the last page\'s `nextCursor`): filter by hazard, status (active|retired), town, words of the name.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.PlanListQuery>;
    const after = q.cursor ? cursorOf(q.cursor) : null;
    const rows = p.scopePath ? await store.listPlans(app.db, p.scopePath, {
      hazard: q.hazard ?? null, status: q.status ?? null, q: q.q?.trim() || null, townId: q.townId ?? null,
    }, after, PAGE + 1) : [];
    const items = rows.slice(0, PAGE);
    const last = items.at(-1);
    return {
      items: items.map((r) => presentPlanSummary(r, p.roles)),
      nextCursor: rows.length > PAGE && last ? Buffer.from(JSON.stringify([last.updated_at.toISOString(), last.id])).toString('base64url') : null,
      policies: p.scopePath && mayEditPlans(p.roles) ? ['create' as const] : [],
    };
  });

  app.post('/api/plans', {
    config: editors, bodyLimit: PLAN_BODY_LIMIT,
    schema: {
      summary: 'Write a new plan', tags: TAGS, body: s.CreatePlanBody, response: { 201: s.PlanDetail, 200: s.PlanDetail },
      description: 'Saves version 1 of a plan of `townId` (default: the town holding the caller\'s scope). The body is checked by the schema (400: a negative due offset, limits), then by the plan rules and the town (422 PLAN_INVALID with `details.reasons` in Chinese: unique keys, steps\' roles, levels in order, the matter a current one of the town, the roles\' posts the town\'s, back-ups active staff of the town). Contact phones are sealed at rest. Audited. `Idempotency-Key`: the same key answers the first plan (200).',
    },
  }, async (req, reply) => {
    const body = req.body as Static<typeof s.CreatePlanBody>;
    let created = false;
    const id = await createOnce(app, req, 'plan', async (tx) => {
      created = true;
      return createPlan(tx, app.pii, body, actor(req));
    });
    return reply.status(created ? 201 : 200).send(await detail(req, id));
  });

  app.get('/api/plans/:id', {
    config: readers,
    schema: {
      summary: 'A plan', tags: TAGS, params: s.PlanIdParams, response: { 200: s.PlanDetail },
      description: 'The plan with its current version\'s body, the names of its matter, posts and back-ups, its versions (newest first) and what the caller may do (`policies`: edit, retire, activate, drill). Resource contact phones are masked (138****1234) for readers, whole for plan editors and commanders (`contactsWhole`), and such a read is written to the audit log.',
    },
  }, async (req) => detail(req, (req.params as Static<typeof s.PlanIdParams>).id));

  app.put('/api/plans/:id', {
    config: editors, bodyLimit: PLAN_BODY_LIMIT,
    schema: {
      summary: 'Save a new version of a plan', tags: TAGS, params: s.PlanIdParams, body: s.UpdatePlanBody, response: { 200: s.PlanDetail },
      description: 'Saves the body as the next version over `version`, the current one as read (409 CONFLICT when another save came first; 409 PLAN_RETIRED for a retired plan); checked like a new plan (400, 422 PLAN_INVALID). A contact phone sent back masked, as shown, keeps the stored phone. Incidents already started keep the version they started from. Audited.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.PlanIdParams>;
    const body = req.body as Static<typeof s.UpdatePlanBody>;
    await app.db.transaction((tx) => updatePlan(tx, app.pii, id, body, actor(req)));
    return detail(req, id);
  });

  app.post('/api/plans/:id/retire', {
    config: editors,
    schema: {
      summary: 'Retire a plan', tags: TAGS, params: s.PlanIdParams, body: s.RetirePlanBody, response: { 200: s.PlanDetail },
      description: 'Retires the plan with a reason: it can no longer be saved, started or matched by a trigger (409 PLAN_RETIRED, also when retired already); incidents started from it run on. Audited.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.PlanIdParams>;
    const { reason } = req.body as Static<typeof s.RetirePlanBody>;
    await app.db.transaction((tx) => retirePlan(tx, id, reason, actor(req)));
    return detail(req, id);
  });

  app.get('/api/plans/:id/versions', {
    config: readers,
    schema: {
      summary: 'A plan\'s versions', tags: TAGS, params: s.PlanIdParams, response: { 200: s.PlanVersionList },
      description: 'Every saved version of the plan, newest first: number, when and by whom saved, the note. The body of one: GET /api/plans/{id}/versions/{version}.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.PlanIdParams>;
    const plan = await reachable(app.db, req, id);
    const versions = await store.listVersions(app.db, id);
    return { items: versions.map((v) => presentVersionSummary(v, plan.current_version)) };
  });

  app.get('/api/plans/:id/versions/:version', {
    config: readers,
    schema: {
      summary: 'One version of a plan', tags: TAGS, params: s.PlanVersionParams, response: { 200: s.PlanVersionDetail },
      description: 'A saved version with its body, for comparing versions (contact phones masked for everyone here; the plan page shows the current ones).',
    },
  }, async (req) => {
    const { id, version } = req.params as Static<typeof s.PlanVersionParams>;
    const plan = await reachable(app.db, req, id);
    const v = await store.findVersion(app.db, id, version);
    if (!v) throw notFound('plan version');
    return presentPlanVersion(id, v, plan.current_version, openContacts(v.body, app.pii, { mask: true }),
      await namesOf(app.db, plan.town_id, v.body, null));
  });
}

async function reachable(tx: Tx, req: FastifyRequest, id: string): Promise<store.PlanRow> {
  const p = requirePrincipal(req);
  const plan = p.scopePath ? await store.findPlan(tx, p.scopePath, id) : null;
  if (!plan) throw notFound('plan');
  return plan;
}

/** The names a plan page shows beside codes: the matter, the roles' posts, the back-ups. */
async function namesOf(tx: Tx, townId: string, body: PlanBody, matterName: string | null): Promise<PlanNames> {
  const codes = [...new Set(body.roles.flatMap((r) => (r.postCode ? [r.postCode] : [])))];
  const ids = [...new Set(body.roles.flatMap((r) => r.backupAccountIds))];
  // one after another: a transaction's client runs one query at a time
  const posts = await store.postNamesOfTown(tx, townId, codes);
  const accounts = await store.accountNames(tx, ids);
  const matter = matterName === null ? await store.findCurrentMatter(tx, townId, body.matterCode) : { name: matterName };
  return { matterName: matter?.name ?? null, posts: Object.fromEntries(posts), accounts: Object.fromEntries(accounts) };
}

function cursorOf(raw: string): { at: Date; id: string } {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      const at = new Date(v[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: v[1] };
    }
  } catch { /* refused below */ }
  throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list handed out.', '分页游标无效。');
}
