import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { STAFF_ROLES } from '../../shared/roles.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { actorOf } from '../audit/audit-log.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { ROSTER_EDITORS, isoWeekOf, rosterPolicies, shiftWeek, watchAt, weekDates } from '../../domain/org/duty-roster.ts';
import { resolveTown } from './town-of.ts';
import * as store from './roster-store.ts';
import * as s from './roster-schemas.ts';
import { presentRoster } from './roster-presenter.ts';
import { saveRoster } from './save-roster.ts';

const noSuchWeek = (week: string) => new AppError('VALIDATION_FAILED', `${week} is not a week of its year.`, `${week} 不是该年的有效周次。`, { week });

/** 值班表: the command center's 24-hour watch, one ISO week of a town at a time. Its admins and leaders edit it. */
export async function rosterRoutes(app: FastifyInstance): Promise<void> {
  const read = async (p: Principal, townId: string | undefined, week: string) => {
    const dates = weekDates(week);
    if (!dates) throw noSuchWeek(week);
    const town = await resolveTown(app.db, p.scopePath, townId);
    const policies = rosterPolicies(p, town.path);
    const watch = watchAt(app.clock());
    return presentRoster({
      town, week, dates, previousWeek: shiftWeek(week, -1)!, nextWeek: shiftWeek(week, 1)!,
      saved: await store.findRosterWeek(app.db, town.id, week),
      slots: await store.listRosterSlots(app.db, town.id, { week }),
      onDuty: { date: watch.date, slots: await store.listRosterSlots(app.db, town.id, { day: watch.date, shifts: watch.shifts }) },
      staff: policies.length > 0 ? await store.listTownStaff(app.db, town.path) : [],
      policies,
    });
  };

  app.get('/api/duty-roster', {
    config: { access: STAFF_ROLES },
    schema: {
      summary: 'A week of the duty roster',
      tags: ['org'], querystring: s.RosterQuery, response: { 200: s.Roster },
      description: 'A week of the command center\'s duty roster (leader on duty, day and night shift of each day) and who keeps the watch now. Default: the caller\'s town, this week.',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.RosterQuery>;
    return read(requirePrincipal(req), q.orgUnitId, q.week ?? isoWeekOf(shanghaiDate(app.clock())));
  });

  app.put('/api/duty-roster', {
    config: { access: ROSTER_EDITORS },
    schema: {
      summary: 'Save a week of the duty roster',
      tags: ['org'], querystring: s.RosterWriteQuery, body: s.RosterBody, response: { 200: s.Roster },
      description: 'Replaces a week of a town\'s duty roster. Everyone on it must be staff of the town (the leader on duty a leader); a week saved by someone else since `version` is refused (409).',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.RosterWriteQuery>;
    const p = requirePrincipal(req);
    if (!weekDates(q.week)) throw noSuchWeek(q.week);
    const town = await resolveTown(app.db, p.scopePath, q.orgUnitId);
    if (rosterPolicies(p, town.path).length === 0) throw notFound('town');
    await saveRoster(app.db, { scopePath: p.scopePath!, actor: actorOf(req), now: app.clock() }, town, q.week, req.body as Static<typeof s.RosterBody>);
    return read(p, town.id, q.week);
  });
}
