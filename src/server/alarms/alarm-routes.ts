import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { ALARM_READERS, ALARM_RESPONDERS } from '../../shared/alarms.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { listUnitsByIds } from '../org/store.ts';
import { teamGridsOnly } from '../registry/reach.ts';
import * as store from './alarm-store.ts';
import { acknowledgeAlarm, type AlarmActor } from './acknowledge-alarm.ts';
import { clearAlarm } from './clear-alarm.ts';
import { presentAlarmDetail, presentAlarmSummary } from './presenters.ts';
import * as s from './schemas.ts';

const TAGS = ['alarms'];

const viewerOf = (p: Principal): store.AlarmViewer => ({ accountId: p.accountId, scopePath: p.scopePath, gridIds: teamGridsOnly(p, ALARM_READERS) });
const actorOf = (p: Principal, ip: string): AlarmActor => ({ ...viewerOf(p), name: p.name, username: p.username, ip });

const encodeCursor = (a: { raised_at: Date; id: string }) => Buffer.from(`${new Date(a.raised_at).toISOString()}|${a.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || id.length > 64 || !/^[0-9a-f-]+$/.test(id) || Number.isNaN(date.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  }
  return { at: date, id };
}

/**
 * The alarm panel's API (告警中心, issue 13): alarms inside the caller's territory, newest
 * first; acknowledge stops the escalation, clear ends the alarm. Each answer and change goes through the care order's
 * timeline too, so the live stream carries it.
 */
export const alarmRoutes: FastifyPluginAsync = async (app) => {
  const detail = async (id: string, p: Principal) => {
    const a = await store.findAlarm(app.db, id, viewerOf(p));
    if (!a) throw notFound('alarm');
    return presentAlarmDetail(a, await store.listNotifications(app.db, id), p.roles);
  };

  app.get('/api/alarms', {
    config: { access: ALARM_READERS },
    schema: {
      summary: 'List alarms', tags: TAGS, querystring: s.AlarmListQuery, response: { 200: s.AlarmPage },
      description: 'Alarms inside the caller\'s territory, newest first, with their device, the bound person (name masked) or place, the care order, the escalation step and `policies`. `mine=true` (or `1`): only those notified to the caller. Pages by `cursor` (`nextCursor`).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.AlarmListQuery>;
    let orgUnitPath: string | undefined;
    if (q.orgUnitId) {
      const [unit] = await listUnitsByIds(app.db, [q.orgUnitId]);
      if (!unit) throw notFound('organisation unit');
      orgUnitPath = unit.path;
    }
    const limit = q.limit ?? 50;
    const rows = await store.listAlarms(app.db, viewerOf(p), {
      status: q.status, category: q.category, orgUnitPath, deviceId: q.deviceId, mine: q.mine === true || q.mine === '1',
      before: q.cursor ? decodeCursor(q.cursor) : undefined, limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((a) => presentAlarmSummary(a, p.roles)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
    };
  });

  app.get('/api/alarms/:id', {
    config: { access: ALARM_READERS },
    schema: {
      summary: 'An alarm', tags: TAGS, params: s.AlarmIdParams, response: { 200: s.AlarmDetail },
      description: 'The alarm with its device (battery, last heard), the bound person (name masked) or place, where to go, what raised it, the care order\'s number and status, and each step of its escalation with whom it went to. 404 outside the caller\'s territory.',
    },
  }, async (req) => detail((req.params as Static<typeof s.AlarmIdParams>).id, requirePrincipal(req)));

  app.post('/api/alarms/:id/acknowledge', {
    config: { access: ALARM_RESPONDERS },
    schema: {
      summary: 'Acknowledge an alarm', tags: TAGS, params: s.AlarmIdParams, body: s.AcknowledgeBody, response: { 200: s.AlarmDetail },
      description: 'Someone is on it (已响应): the alarm stops escalating; `alarm_acknowledged` goes on the care order\'s timeline. 409 ALARM_STATE_CONFLICT when it is acknowledged or cleared already, 409 CONFLICT when `version` is not the current one. Audited.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.AlarmIdParams>;
    const body = req.body as Static<typeof s.AcknowledgeBody>;
    await acknowledgeAlarm(app.db, id, body.version, actorOf(p, req.ip), app.clock());
    return detail(id, p);
  });

  app.post('/api/alarms/:id/clear', {
    config: { access: ALARM_RESPONDERS },
    schema: {
      summary: 'Clear an alarm', tags: TAGS, params: s.AlarmIdParams, body: s.ClearBody, response: { 200: s.AlarmDetail },
      description: 'It is over (已解除): the alarm stops escalating and the device may raise it again; `alarm_cleared` with the note goes on the care order\'s timeline (the order itself goes on through the case loop). A care or safety alarm needs `note` (400 VALIDATION_FAILED without). 409 ALARM_STATE_CONFLICT when it is cleared already, 409 CONFLICT when `version` is not the current one. Audited.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.AlarmIdParams>;
    const body = req.body as Static<typeof s.ClearBody>;
    await clearAlarm(app.db, id, body.version, body.note, actorOf(p, req.ip), app.clock());
    return detail(id, p);
  });
};
