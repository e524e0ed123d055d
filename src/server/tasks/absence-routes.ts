import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { TASK_ASSIGNERS, TASK_LIMITS } from '../../shared/tasks.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { actorOf } from '../audit/audit-log.ts';
import { isWithinScope } from '../../domain/identity/scope.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import * as s from './absence-schemas.ts';
import * as store from './absence-store.ts';
import { presentAbsence } from './absence-presenter.ts';
import { recordAbsence, removeAbsence, type AbsenceCommand } from './absence-record.ts';
import * as units from './unit-store.ts';

const TAGS = ['tasks'];

/** Staff absences: the grid workers of the caller's territory away on leave, training or sick; the generation gives them nothing then. */
export async function absenceRoutes(app: FastifyInstance): Promise<void> {
  const command = (req: FastifyRequest): AbsenceCommand => {
    const p = requirePrincipal(req);
    if (!p.scopePath) throw notFound('absence');
    return { scopePath: p.scopePath, actor: actorOf(req), now: app.clock() };
  };
  const unitPath = async (req: FastifyRequest, orgUnitId: string | undefined): Promise<string> => {
    const scope = command(req).scopePath;
    if (orgUnitId === undefined) return scope;
    const path = await units.unitPath(app.db, orgUnitId);
    if (!path || !isWithinScope(path, scope)) throw notFound('organisation unit');
    return path;
  };
  const view = async (id: string, scopePath: string) => presentAbsence((await store.findAbsence(app.db, id, scopePath))!);

  app.get('/api/absences', {
    config: { access: TASK_ASSIGNERS },
    schema: {
      summary: 'Staff absences', tags: TAGS, querystring: s.AbsenceQuery, response: { 200: s.AbsenceList },
      description: 'Absences of the workers (grid leader, full-time and part-time members) of the grids in `orgUnitId` and below (the caller\'s scope when absent; 404 outside it), the latest first; `current=true` leaves out those that ended before today.',
    },
  }, async (req) => {
    const q = req.query as s.AbsenceQueryT;
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? TASK_LIMITS.pageSize;
    const path = await unitPath(req, q.orgUnitId);
    const found = await store.listAbsences(app.db, path, { today: q.current ? shanghaiDate(app.clock()) : null }, pageSize, (page - 1) * pageSize);
    return { items: found.rows.map(presentAbsence), total: found.total, page, pageSize, policies: ['create' as const] };
  });

  app.post('/api/absences', {
    config: { access: TASK_ASSIGNERS },
    schema: {
      summary: 'Record a staff absence', tags: TAGS, body: s.AbsenceBody, response: { 201: s.AbsenceView },
      description: 'Records that a worker of a grid in the caller\'s scope (404 otherwise) is away from `from` to `to` (inclusive, at most 366 days; 422 TASK_INVALID otherwise): the daily generation gives them nothing on those days, and their open tasks in the caller\'s scope that start during the absence are handed to colleagues present (the grid leader when nobody is; a task nobody can take stays with them); `handedOver` counts them. Audited. Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const c = command(req);
    const id = await recordAbsence(app.db, c, req.body as s.AbsenceBodyT, idempotencyKeyOf(req));
    return reply.code(201).send(await view(id, c.scopePath));
  });

  app.delete('/api/absences/:id', {
    config: { access: TASK_ASSIGNERS },
    schema: {
      summary: 'Take a staff absence back', tags: TAGS, params: s.AbsenceParams, response: { 200: s.AbsenceRemoved },
      description: 'Removes an absence of a worker of a grid in the caller\'s scope (404 otherwise). Tasks handed to colleagues when it was recorded stay with them. Audited.',
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    await removeAbsence(app.db, command(req), id);
    return { id, removed: true as const };
  });
}
