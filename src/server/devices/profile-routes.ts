import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { notFound } from '../platform/errors.ts';
import { DEVICE_READERS, RULE_EDITORS, type Rule } from '../../shared/devices.ts';
import { resolveRules } from '../../domain/devices/overrides.ts';
import { previewRules } from '../../domain/devices/preview.ts';
import type { Reading } from '../../domain/devices/reading.ts';
import { findDevice } from './device-store.ts';
import { findProfile, listProfiles } from './profile-store.ts';
import { readingsBetween } from './readings-store.ts';
import { refuseRules, saveProfileRules } from './save-profile-rules.ts';
import { validateRules } from '../../domain/devices/rule-validation.ts';
import { deviceActorFor, presentProfile, presentProfileRules, type DeviceActor } from './presenters.ts';
import * as s from './schemas.ts';

const TAGS = ['devices'];
const readers = { access: DEVICE_READERS };
const DAY_MS = 86_400_000;

/** Device profiles (issue 13): the rules and escalation each type of device works by, and the preview of a draft. */
export async function profileRoutes(app: FastifyInstance): Promise<void> {
  const profileOf = async (id: string, who: DeviceActor) => {
    const p = await findProfile(app.db, who.reach.scopePath, id);
    if (!p) throw notFound('device profile');
    return p;
  };

  /** The rules replayed over a device's last 24 hours of readings (the device in the caller's territory, else 404). */
  const preview = async (who: DeviceActor, deviceId: string, rules: readonly Rule[]) => {
    const d = await findDevice(app.db, who.reach, deviceId);
    if (!d) throw notFound('device');
    const to = who.now;
    const dayAgo = new Date(to.getTime() - DAY_MS);
    const stored = await readingsBetween(app.db, deviceId, dayAgo, to);
    // the rules count from the device's registration (or its first reading of the day, if earlier): not from before it existed
    const firstAt = stored[0]?.at.getTime() ?? Infinity;
    const from = new Date(Math.max(dayAgo.getTime(), Math.min(new Date(d.created_at).getTime(), firstAt)));
    const readings: Reading[] = stored.map((r, i) => ({
      at: r.at.getTime(), kind: r.kind, key: r.key, value: r.value === null ? null : Number(r.value), textValue: r.textValue,
      battery: r.battery === null ? null : Number(r.battery), dedupeKey: String(i), messageIdOnly: null,
    }));
    const out = previewRules(resolveRules(rules, d.overrides), readings, from.getTime(), to.getTime());
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      deviceId, from: iso(from.getTime()), to: iso(to.getTime()), readings: readings.length,
      alarms: out.alarms.map((a) => ({ ...a, at: iso(a.at) })),
      recovered: out.recovered.map((r) => ({ at: iso(r.at), alarmType: r.alarmType })),
    };
  };

  app.get('/api/device-profiles', {
    config: readers,
    schema: {
      summary: 'Device profiles', tags: TAGS, querystring: s.ProfileListQuery, response: { 200: s.ProfileList },
      description: 'The platform\'s profiles and those of the towns in (or holding) the caller\'s scope, with their rules, escalation and the count of active devices the caller sees using each. `policies: editRules` when the caller may change the rules: a rule editor (admin, leaders) who governs every device using the profile.',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    const { type } = req.query as Static<typeof s.ProfileListQuery>;
    return { items: (await listProfiles(app.db, who.reach, type)).map((p) => presentProfile(p, who)) };
  });

  app.get('/api/device-profiles/:id/rules', {
    config: readers,
    schema: {
      summary: 'A profile\'s rules', tags: TAGS, params: s.IdParams, response: { 200: s.ProfileRules },
      description: 'The rules and the escalation policy of a profile the caller sees (404 otherwise), with the version to save against.',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    return presentProfileRules(await profileOf((req.params as Static<typeof s.IdParams>).id, who), who);
  });

  app.put('/api/device-profiles/:id/rules', {
    config: { access: RULE_EDITORS },
    schema: {
      summary: 'Save a profile\'s rules', tags: TAGS, params: s.IdParams, body: s.ProfileRulesBody, response: { 200: s.ProfileRules },
      description: 'Saves the rules and escalation as the next version (409 CONFLICT when someone saved since the version read). Checked as a set: ids unique, numbers in range, a Matter of the catalog for every rule but an offline one (422 RULE_INVALID naming the first problem, all in `details.refusals`); the first escalation step goes out at once, later ones at least a minute apart. 403 for a profile used by devices outside the caller\'s territory (the administrator excepted). The profile\'s active devices are re-armed from now. Audited.',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    await app.db.transaction((tx) => saveProfileRules(tx, who, id, req.body as Static<typeof s.ProfileRulesBody>));
    return presentProfileRules(await profileOf(id, who), who);
  });

  app.get('/api/device-profiles/:id/rules/preview', {
    config: readers,
    schema: {
      summary: 'Preview a profile\'s rules on a device', tags: TAGS, params: s.IdParams, querystring: s.PreviewQuery, response: { 200: s.PreviewAnswer },
      description: 'What the profile\'s saved rules (with the device\'s overrides) would have raised over the device\'s last 24 hours of readings, and when: every firing, and every recovery. Nothing is stored or sent. The device must be in the caller\'s territory (404 otherwise).',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    const p = await profileOf((req.params as Static<typeof s.IdParams>).id, who);
    return preview(who, (req.query as Static<typeof s.PreviewQuery>).deviceId, p.rules);
  });

  app.post('/api/device-profiles/:id/rules/preview', {
    config: readers,
    schema: {
      summary: 'Preview draft rules on a device', tags: TAGS, params: s.IdParams, body: s.PreviewBody, response: { 200: s.PreviewAnswer },
      description: 'As the GET, with draft rules from the body (checked like a save: 422 RULE_INVALID), so the editor previews before saving. Nothing is stored.',
    },
  }, async (req) => {
    const who = deviceActorFor(app, req);
    await profileOf((req.params as Static<typeof s.IdParams>).id, who);
    const body = req.body as Static<typeof s.PreviewBody>;
    const rules = body.rules as Rule[];
    refuseRules(validateRules(rules));
    return preview(who, body.deviceId, rules);
  });
}
