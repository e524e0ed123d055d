import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../platform/errors.ts';
import { TASK_ASSIGNERS, TASK_DOERS, TASK_LIMITS, TASK_OVERSEERS } from '../../shared/tasks.ts';
import { walkingOrder } from '../../domain/tasks/walk.ts';
import * as s from './schemas.ts';
import { presentTask } from './presenters.ts';
import { actorOf, createOnce, dayBounds, gridCentre, presentContext, todayOf, unitPathOf } from './route-helpers.ts';
import { reachOfRequest, type TaskReach } from './task-reach.ts';
import * as store from './task-store.ts';
import { completeTask } from './complete-task.ts';
import { assignedDedupeKey, createAdHocTask } from './create-task.ts';

const TAGS = ['tasks'];

export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const taskView = async (reach: TaskReach, id: string) => {
    const t = await store.findTask(app.db, reach, id);
    if (!t) throw notFound('task');
    return presentTask(t, await presentContext(app, reach, [t]));
  };

  app.get('/api/tasks', {
    config: { access: TASK_OVERSEERS },
    schema: {
      summary: 'Today\'s list, or the tasks of a unit', tags: TAGS, querystring: s.TaskListQuery, response: { 200: s.TaskList },
      description: 'With `assignee=me`: the caller\'s list for `date` (default today, Asia/Shanghai) — every open task of theirs that starts on or before the day (those past their due day flagged `overdue`), in walking order (nearest neighbour from `lng`/`lat`, else from the centre of their grid; tasks without a place last), then the tasks they did that day. Each task with its subject (name, address, household for the file link, the tags the caller may see by name, last visit) and `policies`. Without it: the tasks in the caller\'s reach (a grid worker: its team\'s grids) filtered by unit (`orgUnitId`, 404 outside the scope), status, overdue, kind, assignee, campaign and due days (`from`, `to`), overdue open ones first, paged.',
    },
  }, async (req) => {
    const reach = reachOfRequest(req);
    const q = req.query as s.TaskListQueryT;
    const now = app.clock();
    const today = todayOf(now);
    const policies = [...(reach.assigner ? ['create' as const] : []), ...(reach.pusher ? ['createCampaign' as const] : [])];
    if (q.assignee === 'me') {
      const day = q.date === undefined || q.date === 'today' ? today : q.date;
      const { start, end } = dayBounds(day);
      const rows = await store.listMine(app.db, reach, day, start, end);
      const ctx = await presentContext(app, reach, rows);
      const items = rows.map((t) => presentTask(t, ctx));
      const open = items.filter((t) => t.status === 'open');
      const given = q.lng !== undefined && q.lat !== undefined ? { lng: q.lng, lat: q.lat } : null;
      const centreGrid = rows[0]?.grid_id ?? reach.gridIds?.[0] ?? null;
      const centre = given ?? (centreGrid ? await gridCentre(app.db, centreGrid) : null);
      const walk = walkingOrder(centre, open.map((t) => ({ id: t.id, at: t.location })));
      const byId = new Map(open.map((t) => [t.id, t]));
      const done = items.filter((t) => t.status !== 'open').sort((a, b) => (b.done?.at ?? '').localeCompare(a.done?.at ?? ''));
      const ordered = [...walk.order.map((id) => byId.get(id)!), ...done];
      return {
        mode: 'mine' as const, date: day, origin: centre ? { ...centre, from: given ? 'worker' as const : 'grid' as const } : null,
        walkMeters: walk.meters, counts: { open: open.length, overdue: open.filter((t) => t.overdue).length, doneToday: items.length - open.length },
        items: ordered, total: ordered.length, page: 1, pageSize: Math.max(ordered.length, 1), policies,
      };
    }
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? TASK_LIMITS.pageSize;
    const { start, end } = dayBounds(today);
    const found = await store.listOversight(app.db, reach, {
      underPath: await unitPathOf(app.db, reach, q.orgUnitId), status: q.status, overdue: q.overdue === true, kind: q.kind,
      assigneeId: q.assigneeId, campaignId: q.campaignId, from: q.from, to: q.to, today,
    }, pageSize, (page - 1) * pageSize, start, end);
    const ctx = await presentContext(app, reach, found.rows);
    return {
      mode: 'oversight' as const, date: today, origin: null, walkMeters: null,
      counts: { open: found.counts.open, overdue: found.counts.overdue, doneToday: found.counts.done_today },
      items: found.rows.map((t) => presentTask(t, ctx)), total: found.counts.total, page, pageSize, policies,
    };
  });

  app.get('/api/tasks/:id', {
    config: { access: TASK_OVERSEERS },
    schema: {
      summary: 'A task', tags: TAGS, params: s.TaskIdParams, response: { 200: s.TaskView },
      description: 'One task in the caller\'s reach (404 outside) with its subject, what was done and `policies`.',
    },
  }, async (req) => taskView(reachOfRequest(req), (req.params as { id: string }).id));

  app.post('/api/tasks/:id/complete', {
    config: { access: TASK_DOERS },
    schema: {
      summary: 'Complete a task', tags: TAGS, params: s.TaskIdParams, body: s.CompleteBody, response: { 200: s.TaskView },
      description: 'Ticks the caller\'s task off with a note, photos (hashes from POST /api/files: 422 PHOTO_UNKNOWN otherwise) and the visit that did it; `at` is when it was ticked on the phone (counts for the deadline). Someone else\'s task: 403 TASK_NOT_YOURS. A task already done by the caller (or with the same Idempotency-Key) answers as it is, 200. A task cancelled, done by someone else, or given to another since the phone saw it as the caller\'s (`expectedAssigneeId`): 409 TASK_CONFLICT with `details` (status, reason, who holds it now), so the phone shows the conflict instead of dropping the tick. An open task nobody holds may be taken by a worker of its grid.',
    },
  }, async (req) => {
    const who = actorOf(app, req);
    const { id } = req.params as { id: string };
    await app.db.transaction((tx) => completeTask(tx, who, id, req.body as s.CompleteBodyT, idempotencyKeyOf(req)));
    return taskView(who.reach, id);
  });

  app.post('/api/tasks', {
    config: { access: TASK_ASSIGNERS },
    schema: {
      summary: 'Assign an ad hoc task (the "+1")', tags: TAGS, body: s.AdHocTaskBody, response: { 201: s.TaskView },
      description: 'A task the community or the town gives a grid (`orgUnitId`, in the caller\'s scope: 404 outside): to `assigneeId`, who must be on the grid\'s team with a grid worker\'s or community staff account (422 TASK_INVALID), else to a present worker of the grid as the daily generation would choose. `subject` must be a record of that grid; the due day not before today or the first day (422 TASK_INVALID). Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorOf(app, req);
    const body = req.body as s.AdHocTaskBodyT;
    const key = idempotencyKeyOf(req);
    const id = await createOnce(app, key,
      (tx) => store.findTaskIdByDedupeKey(tx, assignedDedupeKey(who.reach.accountId, key!)),
      (tx) => createAdHocTask(tx, who, body, key));
    return reply.code(201).send(await taskView(who.reach, id));
  });
}
