import type { FastifyInstance } from 'fastify';
import { INCIDENT_COMMANDERS, PLAN_READERS } from '../../shared/plans.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { assigneeNames } from '../cases/store.ts';
import { activatePlan, type IncidentActor } from './activate-plan.ts';
import { changeLevel } from './change-level.ts';
import { standDown } from './stand-down.ts';
import { checkStep } from './check-step.ts';
import { hasContacts } from './resource-contacts.ts';
import { isCommander, mayCheck, presentDetail, presentStep, presentSummary } from './incident-presenters.ts';
import * as store from './incident-store.ts';
import * as s from './incident-schemas.ts';

const TAGS = ['incidents'];
/** who may tick a step: the readers, and the grid workers a role's back-up may name (holders only, checked per step) */
const STEP_CHECKERS = [...PLAN_READERS, 'gridWorker'] as const;

const actorOf = (p: Principal, ip: string): IncidentActor => ({ accountId: p.accountId, name: p.name, scopePath: p.scopePath, ip });

const encodeCursor = (i: { activated_at: Date; id: string }) => Buffer.from(`${new Date(i.activated_at).toISOString()}|${i.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || id.length > 64 || !/^[0-9a-f-]+$/.test(id) || Number.isNaN(date.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  }
  return { at: date, id };
}

/**
 * Incidents (事件处置, issue 14): starting a plan (all or nothing), the incident list and command page, level changes,
 * stand-down and the steps' checklists. Work orders of the steps live in the case loop; their changes reach the live
 * stream as case changes (the incident page listens for the changes of its work orders).
 */
export async function incidentRoutes(app: FastifyInstance): Promise<void> {
  const detail = async (id: string, p: Principal, ip: string) => {
    const i = await store.findIncident(app.db, id, p.scopePath);
    if (!i) throw notFound('incident');
    const [steps, checks, roles, events] = await Promise.all([
      store.listSteps(app.db, [i.id]), store.listChecks(app.db, i.id), store.listRoles(app.db, i.id), store.listEvents(app.db, i.id),
    ]);
    const ids = steps.flatMap((x) => (x.case_assignee ? [('postId' in x.case_assignee ? x.case_assignee.postId : 'staffId' in x.case_assignee ? x.case_assignee.staffId : x.case_assignee.departmentId)] : []));
    const names = await assigneeNames(app.db, [...new Set(ids)]);
    const now = app.clock();
    const out = presentDetail({ incident: { ...i, plan_name: await store.planName(app.db, i.plan_id) }, steps, checks, roles, events, assigneeNames: names }, p, app.pii, now);
    if (isCommander(p) && hasContacts(i.snapshot)) {
      // the resources' phones were shown whole: a read of personal data
      await appendAudit(app.db, {
        at: now, actorId: p.accountId, actorName: p.name, ip, action: 'incident.read_contacts', targetType: 'incident', targetId: i.id, success: true,
        detail: { number: i.number },
      });
    }
    return out;
  };

  app.post('/api/plans/:id/activate', {
    config: { access: INCIDENT_COMMANDERS },
    schema: {
      summary: 'Start a plan (an incident or a drill)', tags: TAGS, params: s.PlanIdParams, body: s.ActivateBody,
      response: { 200: s.IncidentDetail, 201: s.IncidentDetail },
      description: 'Starts the plan\'s current version at `level`, all or nothing: the incident, its roles filled from the town\'s posts (or back-ups), one dispatched work order per step the level reaches (due at activation + the step\'s offset), the log, the CAP 1.2 alert (status Exercise for a drill) queued to partners, the audit row. 201 with the incident; 200 with the first one for a repeated Idempotency-Key or the same `trigger`. 409 PLAN_RETIRED, 422 PLAN_LEVEL_INVALID (a level the plan lacks), 422 PLAN_ROLE_UNSTAFFED (naming the role), 422 PLAN_INVALID (no place inside the town, the Matter withdrawn, a trigger of another town), 422 CAP_INVALID; nothing is written on any of them.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as s.ActivateBody & { id: string };
    const body = req.body as s.ActivateBody;
    const key = idempotencyKeyOf(req);
    const r = await activatePlan(app.db, app, {
      planId: id, level: body.level, reason: body.reason, drill: body.drill, trigger: body.trigger ?? null, location: body.location ?? null,
      address: body.address ?? null, actor: actorOf(p, req.ip), idempotencyKey: key ? `${p.accountId}:${key}` : null,
    }, app.clock());
    const out = await detail(r.incidentId, p, req.ip);
    return reply.status(r.created ? 201 : 200).send(out);
  });

  app.get('/api/incidents', {
    config: { access: PLAN_READERS },
    schema: {
      summary: 'List incidents', tags: TAGS, querystring: s.IncidentListQuery, response: { 200: s.IncidentList },
      description: 'Incidents of the towns inside the caller\'s scope (or holding it), newest first, with their steps counted (done, left, late). `drill=true|false` keeps drills and real incidents apart. Pages by `cursor` (`nextCursor`).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as s.IncidentListQuery;
    if (p.scopePath === null) return { items: [], nextCursor: null };
    const limit = q.limit ?? 50;
    const drill = q.drill === undefined ? null : q.drill === true || q.drill === 'true';
    const rows = await store.listIncidents(app.db, p.scopePath, { status: q.status ?? null, drill, hazard: q.hazard ?? null, planId: q.planId ?? null },
      q.cursor ? decodeCursor(q.cursor) : null, limit + 1);
    const page = rows.slice(0, limit);
    const steps = await store.listSteps(app.db, page.map((i) => i.id));
    const now = app.clock();
    return {
      items: page.map((i) => presentSummary(i, steps.filter((x) => x.incident_id === i.id), p, now)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
    };
  });

  app.get('/api/incidents/:id', {
    config: { access: PLAN_READERS },
    schema: {
      summary: 'An incident', tags: TAGS, params: s.IncidentIdParams, response: { 200: s.IncidentDetail },
      description: 'The incident as its command page shows it: the plan version\'s summary, level history, steps with their work orders (number, status, assignee, deadline light) and checklist ticks, roles with their holders, resources (contact phones masked unless the caller commands incidents; a whole read is audited), the affected grids, the log, the CAP alerts and `policies` (level, standDown; `check` per step). 404 outside the caller\'s scope.',
    },
  }, async (req) => detail((req.params as { id: string }).id, requirePrincipal(req), req.ip));

  app.post('/api/incidents/:id/level', {
    config: { access: INCIDENT_COMMANDERS },
    schema: {
      summary: 'Change an incident\'s level', tags: TAGS, params: s.IncidentIdParams, body: s.LevelBody, response: { 200: s.IncidentDetail },
      description: 'Records `level_changed` (from, to, reason); raising it opens the steps the new level reaches (work orders due at this time + their offsets) and sends an `Update` CAP alert; lowering adds nothing. 422 PLAN_LEVEL_INVALID for the same level or one the plan lacks, 409 INCIDENT_STATE_CONFLICT once stood down. Audited.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    await changeLevel(app.db, app, id, req.body as s.LevelBody, actorOf(p, req.ip), app.clock());
    return detail(id, p, req.ip);
  });

  app.post('/api/incidents/:id/stand-down', {
    config: { access: INCIDENT_COMMANDERS },
    schema: {
      summary: 'Stand an incident down', tags: TAGS, params: s.IncidentIdParams, body: s.StandDownBody, response: { 200: s.IncidentDetail },
      description: 'Ends the response with a reason (required): the incident closes, its open steps become `left` and are listed in the `stood_down` log entry, a `Cancel` CAP alert goes out. The left steps\' work orders stay in the case loop for their assignees. 409 INCIDENT_STATE_CONFLICT once stood down. Audited.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    await standDown(app.db, app.pii, id, (req.body as s.StandDownBody).reason, actorOf(p, req.ip), app.clock());
    return detail(id, p, req.ip);
  });

  app.post('/api/incidents/:id/steps/:stepKey/checks', {
    config: { access: STEP_CHECKERS },
    schema: {
      summary: 'Tick a step\'s checklist item', tags: TAGS, params: s.StepParams, body: s.CheckBody, response: { 200: s.CheckResult },
      description: 'Ticks (or unticks) one checklist item, by a holder of the step\'s work order or a commander. The last tick completes the step and hands its work order in (`report_done`, when the lifecycle lets the caller: a commander who is not its assignee leaves that to the assignee). Idempotency-Key: a repeat changes nothing. 409 INCIDENT_STATE_CONFLICT when stood down or the step is no longer open. Audited.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id, stepKey } = req.params as { id: string; stepKey: string };
    const key = idempotencyKeyOf(req);
    const now = app.clock();
    const r = await checkStep(app.db, await app.calendar.current(), id, stepKey, req.body as s.CheckBody, p, req.ip, key ? `${p.accountId}:${key}` : null, now);
    const i = (await store.findIncident(app.db, id, '/'))!;
    const step = (await store.listSteps(app.db, [id])).find((x) => x.step_key === stepKey)!;
    const [checks, roles] = await Promise.all([store.listChecks(app.db, id), store.listRoles(app.db, id)]);
    const a = step.case_assignee;
    const aid = a ? ('postId' in a ? a.postId : 'staffId' in a ? a.staffId : a.departmentId) : null;
    const names = aid ? await assigneeNames(app.db, [aid]) : new Map<string, string>();
    return {
      step: presentStep(step, checks, roles.find((x) => x.role_key === step.role_key)?.name ?? step.role_key, aid ? names.get(aid) ?? null : null,
        mayCheck(p, i, step), now),
      completed: r.completed,
    };
  });
}
