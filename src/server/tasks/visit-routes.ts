import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { TASK_DOERS, TASK_LIMITS, TASK_OVERSEERS } from '../../shared/tasks.ts';
import * as s from './schemas.ts';
import { presentVisit } from './presenters.ts';
import { actorOf, createOnce, dayBounds, unitPathOf } from './route-helpers.ts';
import { reachOfRequest, type TaskReach } from './task-reach.ts';
import { recordVisit } from './record-visit.ts';
import { reportVisitCase } from './report-visit-case.ts';
import * as store from './visit-store.ts';

const TAGS = ['visits'];

export async function visitRoutes(app: FastifyInstance): Promise<void> {
  const visitView = async (reach: TaskReach, id: string) => {
    const v = await store.findVisit(app.db, reach, id);
    if (!v) throw notFound('visit');
    return presentVisit(v, { reach, urls: app.fileUrls, now: app.clock() });
  };

  app.post('/api/visits', {
    config: { access: TASK_DOERS },
    schema: {
      summary: 'Record a visit (走访)', tags: TAGS, body: s.VisitBody, response: { 201: s.VisitView },
      description: `A visit to a resident, household or place (an enterprise is a place) of the caller's grid: outside it 404. The phone's position is measured against the subject's building (the household's, the place's point): farther than ${TASK_LIMITS.farMeters} m it is flagged \`far\`, never refused. Sets the last visit day of the subject (a household's members too) and closes the task named (\`taskId\`, if it is still the caller's to do) and the subject's open key-visit tasks held by the caller (\`closedTaskIds\`). \`at\` may be past (sent later from offline), not in the future beyond a few minutes (422 VISIT_INVALID). Photos: hashes from POST /api/files (422 PHOTO_UNKNOWN). Honours Idempotency-Key: a visit sent twice is one.`,
    },
  }, async (req, reply) => {
    const who = actorOf(app, req);
    const key = idempotencyKeyOf(req);
    const id = await createOnce(app, key, (tx) => store.findVisitIdByKey(tx, who.reach.accountId, key ?? ''),
      (tx) => recordVisit(tx, who, req.body as s.VisitBodyT, key));
    return reply.code(201).send(await visitView(who.reach, id));
  });

  app.post('/api/visits/:id/case', {
    config: { access: TASK_DOERS },
    schema: {
      summary: 'Report a visit\'s finding as a case', tags: TAGS, params: s.VisitIdParams, body: s.VisitCaseBody, response: { 200: s.VisitCase },
      description: 'The finding becomes a case in one tap: reported through intake at the subject\'s building (or the visit\'s position: 422 VISIT_INVALID with neither), with its address, the findings as the description unless one is given, and the visit\'s photos; the visit then names the case. A visit becomes one case at most: again (or with the same Idempotency-Key) answers the same case. The visitor, or community staff of the grid, may; others 403.',
    },
  }, async (req) => {
    const who = actorOf(app, req);
    const { id } = req.params as { id: string };
    const made = await reportVisitCase(app.db, app, who, requirePrincipal(req), id, req.body as s.VisitCaseBodyT);
    return { caseId: made.caseId, number: made.number, visit: await visitView(who.reach, id) };
  });

  app.get('/api/visits', {
    config: { access: TASK_OVERSEERS },
    schema: {
      summary: 'Visits', tags: TAGS, querystring: s.VisitListQuery, response: { 200: s.VisitList },
      description: 'Visits in the caller\'s reach (a grid worker: its team\'s grids), newest first, with the phone\'s position, the subject\'s, the distance and the `far` flag (for the oversight map); filtered by unit (`orgUnitId`, 404 outside the scope), days (`from`, `to`, Asia/Shanghai), visitor, subject and `far`; paged.',
    },
  }, async (req) => {
    const reach = reachOfRequest(req);
    const q = req.query as s.VisitListQueryT;
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? TASK_LIMITS.pageSize;
    const found = await store.listVisits(app.db, reach, {
      underPath: await unitPathOf(app.db, reach, q.orgUnitId), from: q.from ? dayBounds(q.from).start : null, to: q.to ? dayBounds(q.to).end : null,
      visitorId: q.visitorId, subjectKind: q.subjectKind, subjectId: q.subjectId, far: q.far,
    }, pageSize, (page - 1) * pageSize);
    const ctx = { reach, urls: app.fileUrls, now: app.clock() };
    return { items: found.rows.map((v) => presentVisit(v, ctx)), total: found.total, page, pageSize, policies: reach.doer ? ['create' as const] : [] };
  });
}
