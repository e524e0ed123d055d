import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { AppError, notFound } from '../platform/errors.ts';
import { DEVICE_EDITORS, DEVICE_READERS } from '../../shared/devices.ts';
import { POPULATION_TAGS } from '../../domain/registry/tags.ts';
import { resolveRules } from '../../domain/devices/overrides.ts';
import { filterPath } from '../registry/reach.ts';
import { createOnce } from '../registry/route-helpers.ts';
import { deviceAuthenticatorFor } from './device-auth.ts';
import { findDevice, listDevices, listDeviceAlarms } from './device-store.ts';
import { findProfile } from './profile-store.ts';
import { alarmsByType, listReadings, readingsPerDay } from './figures-store.ts';
import { createDevice } from './create-device.ts';
import { updateDeviceCmd } from './update-device.ts';
import { retireDevice } from './retire-device.ts';
import { rotateDeviceToken } from './rotate-device-token.ts';
import { deviceActorFor, presentAlarmRef, presentDevice, type DeviceActor } from './presenters.ts';
import * as s from './schemas.ts';

const TAGS = ['devices'];
const readers = { access: DEVICE_READERS };
const editors = { access: DEVICE_EDITORS };
const DAY_MS = 86_400_000;

const badCursor = () => new AppError('VALIDATION_FAILED', 'The cursor is not one this list handed out.', '分页游标无效。');

export const encodeCursor = (a: string, b: string) => Buffer.from(JSON.stringify([a, b])).toString('base64url');
export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string') && !Number.isNaN(Date.parse(v[0] as string))) {
      return [v[0] as string, v[1] as string];
    }
  } catch { /* refused below */ }
  throw badCursor();
}

/** Devices (issue 13): the registry of sensors bound to residents, households and places, and their readings. */
export async function deviceRoutes(app: FastifyInstance): Promise<void> {
  const auth = deviceAuthenticatorFor(app.db);

  const view = async (id: string, who: DeviceActor) => {
    const d = await findDevice(app.db, who.reach, id);
    if (!d) throw notFound('device');
    return presentDevice(d, who, POPULATION_TAGS);
  };

  app.get('/api/devices', {
    config: readers,
    schema: {
      summary: 'Devices', tags: TAGS, querystring: s.DeviceListQuery, response: { 200: s.DeviceList },
      description: 'Devices in the caller\'s territory (a grid worker: its team\'s grids), newest first, paged by cursor. `state`: online, offline (its offline rule fired and stands) or never heard; `q` matches part of the name, serial number, id or address. The bound person\'s name is masked.',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.DeviceListQuery>;
    const who = deviceActorFor(app, req);
    const limit = q.limit ?? 50;
    const rows = await listDevices(app.db, who.reach, {
      status: q.status, type: q.type, q: q.q?.trim() || undefined, state: q.state, bindingKind: q.bindingKind, bindingId: q.bindingId,
      underPath: await filterPath(app.db, who.reach, q.orgUnitId),
    }, decodeCursor(q.cursor), limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((d) => presentDevice(d, who, POPULATION_TAGS)),
      nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.created_at).toISOString(), last.id) : null,
      policies: who.deviceEditor ? ['create' as const] : [],
    };
  });

  app.post('/api/devices', {
    config: editors,
    schema: {
      summary: 'Register a device', tags: TAGS, body: s.DeviceCreateBody, response: { 201: s.DeviceCreated },
      description: 'Registers a device bound to a resident, household or place the caller reaches (422 DEVICE_BINDING_INVALID otherwise): it takes the record\'s grid and the point and address a responder goes to. Without `profileId` it gets its town\'s (else the platform\'s) profile for its type. Its rules are armed from now, so a device that never sends anything is still flagged. Answers the device token ONCE (only its SHA-256 is kept). Honours Idempotency-Key: a retry answers the same device with `token: null` (rotate the token if the first answer was lost).',
    },
  }, async (req, reply) => {
    const who = deviceActorFor(app, req);
    const body = req.body as Static<typeof s.DeviceCreateBody>;
    let made: { id: string; token: string } | null = null;
    const id = await createOnce(app, req, 'device', async (tx) => {
      made = await createDevice(tx, who, body);
      return made.id;
    });
    const created = made as { id: string; token: string } | null;
    const token = created !== null && created.id === id ? created.token : null;
    return reply.code(201).send({ id, token, device: await view(id, who) });
  });

  app.get('/api/devices/:id', {
    config: readers,
    schema: {
      summary: 'A device', tags: TAGS, params: s.IdParams, response: { 200: s.DeviceDetail },
      description: 'A device in the caller\'s territory (404 outside): its binding (personal data masked), state, battery, last seen, the rules that apply to it (its profile\'s with the bound person\'s overrides), its alarms, and its figures (readings per day over 30 days, alarms by type).',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const d = await findDevice(app.db, who.reach, id);
    if (!d) throw notFound('device');
    const [profile, alarms, perDay, byType] = await Promise.all([
      findProfile(app.db, '', d.profile_id), listDeviceAlarms(app.db, id), readingsPerDay(app.db, id, who.now), alarmsByType(app.db, id),
    ]);
    return {
      device: presentDevice(d, who, POPULATION_TAGS),
      overrides: d.overrides ?? {},
      rules: resolveRules(profile?.rules ?? [], d.overrides) as Static<typeof s.RulesSchema>,
      alarms: alarms.map(presentAlarmRef),
      figures: { readingsPerDay: perDay, alarmsByType: byType },
    };
  });

  app.patch('/api/devices/:id', {
    config: editors,
    schema: {
      summary: 'Change a device', tags: TAGS, params: s.IdParams, body: s.DevicePatch, response: { 200: s.DeviceView },
      description: 'Changes the name, serial number, profile (one of its type), the bound person\'s overrides (admin and leaders only: 403 otherwise; they name the profile\'s rules, 422 RULE_INVALID) or the binding (the device moves to the new record\'s grid and point; the overrides are dropped), with the version read (409 CONFLICT when someone changed it meanwhile). A change of profile, overrides or binding re-arms its rules from now.',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    await app.db.transaction((tx) => updateDeviceCmd(tx, who, id, req.body as Static<typeof s.DevicePatch>));
    return view(id, who);
  });

  app.post('/api/devices/:id/retire', {
    config: editors,
    schema: {
      summary: 'Retire a device', tags: TAGS, params: s.IdParams, body: s.VersionBody, response: { 200: s.DeviceView },
      description: 'The device is taken away: its token is refused from now (on every node within a few seconds), its rules stop; the device, its readings and alarms stay for the record. 409 CONFLICT when stale, 422 DEVICE_INVALID when retired already.',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    await app.db.transaction((tx) => retireDevice(tx, who, id, (req.body as Static<typeof s.VersionBody>).version));
    auth.forget(id);
    return view(id, who);
  });

  app.post('/api/devices/:id/token', {
    config: editors,
    schema: {
      summary: 'A new device token', tags: TAGS, params: s.IdParams, response: { 200: s.DeviceTokenAnswer },
      description: 'Replaces the device\'s token and answers the new one ONCE; the old one is refused from now (on every node within a few seconds). Audited.',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const token = await app.db.transaction((tx) => rotateDeviceToken(tx, who, id));
    auth.forget(id);
    return { id, token, device: await view(id, who) };
  });

  app.get('/api/devices/:id/readings', {
    config: readers,
    schema: {
      summary: 'A device\'s readings', tags: TAGS, params: s.IdParams, querystring: s.ReadingListQuery, response: { 200: s.ReadingList },
      description: 'The readings of a device in the caller\'s territory between `from` and `to` (default: the last 24 hours; at most 31 days), newest first, paged by cursor.',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const q = req.query as Static<typeof s.ReadingListQuery>;
    if (!(await findDevice(app.db, who.reach, id))) throw notFound('device');
    const to = q.to ? new Date(q.to) : who.now;
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DAY_MS);
    if (Number.isNaN(to.getTime()) || Number.isNaN(from.getTime()) || from > to || to.getTime() - from.getTime() > 31 * DAY_MS) {
      throw new AppError('VALIDATION_FAILED', 'from must be before to, at most 31 days apart.', '起止时间有误：开始应早于结束，且跨度不超过 31 天。');
    }
    const limit = q.limit ?? 200;
    const rows = await listReadings(app.db, id, from, to, decodeCursor(q.cursor), limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({
        at: new Date(r.at).toISOString(), receivedAt: new Date(r.received_at).toISOString(), kind: r.kind, key: r.key,
        value: r.value === null ? null : Number(r.value), textValue: r.text_value, battery: r.battery === null ? null : Number(r.battery),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.at).toISOString(), last.dedupe_key) : null,
    };
  });
}
