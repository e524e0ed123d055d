import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { labelPoint } from '../../shared/geometry.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { listTagCatalog } from '../registry/tags-store.ts';
import type { TaskActorCtx } from './complete-task.ts';
import type { PresentContext } from './presenters.ts';
import { loadSubjects } from './subjects-store.ts';
import { unitGeometry, unitPathUnder } from './unit-store.ts';
import { reachOfRequest, type TaskReach } from './task-reach.ts';
import type { TaskRow } from './task-store.ts';

/* What the tasks' routes share: the actor, days in Asia/Shanghai, creating once, the presenting context. */

export function actorOf(app: FastifyInstance, req: FastifyRequest): TaskActorCtx {
  return { reach: reachOfRequest(req), ip: req.ip, now: app.clock() };
}

/** The start of a day in Asia/Shanghai, and of the next one. */
export function dayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

export const todayOf = (now: Date) => shanghaiDate(now);

/**
 * A command that creates, in a transaction: a retry racing the first request (both past the key's check, one losing
 * on the unique key) answers the record the winner made.
 */
export async function createOnce(app: FastifyInstance, key: string | null, lookup: (tx: Tx) => Promise<string | null>, run: (tx: Tx) => Promise<string>): Promise<string> {
  try {
    return await app.db.transaction(run);
  } catch (e) {
    const first = key === null ? null : await lookup(app.db);
    if (first) return first;
    throw e;
  }
}

/** The path of the unit a filter names, inside the caller's scope (404 outside); null for none. */
export async function unitPathOf(tx: Tx, reach: TaskReach, unitId: string | undefined): Promise<string | null> {
  if (!unitId) return null;
  const path = await unitPathUnder(tx, unitId, reach.scopePath);
  if (path === null) throw notFound('organisation unit');
  return path;
}

/** Everything presenting a page of tasks needs: the tag catalog and the tasks' subjects, read once for the page. */
export async function presentContext(app: FastifyInstance, reach: TaskReach, rows: readonly TaskRow[]): Promise<PresentContext> {
  const now = app.clock();
  const refs = rows.flatMap((t) => (t.subject_kind && t.subject_id ? [{ kind: t.subject_kind, id: t.subject_id }] : []));
  const [catalog, subjects] = await Promise.all([listTagCatalog(app.db, null), loadSubjects(app.db, refs)]);
  return { reach, urls: app.fileUrls, now, today: todayOf(now), catalog, subjects };
}

/** The centre of a grid (where a walk starts when the phone sends no position). */
export async function gridCentre(tx: Tx, gridId: string): Promise<{ lng: number; lat: number } | null> {
  const g = await unitGeometry(tx, gridId);
  const p = g ? labelPoint(g) : null;
  return p ? { lng: p[0], lat: p[1] } : null;
}
