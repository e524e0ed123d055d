// Issue 14, an incident's notices: each activation, level change and stand-down drafts a CAP 1.2 alert (Alert, Update,
// Cancel referencing the earlier ones; Exercise for a drill), keeps it on the incident, logs `notified` with the roles'
// holders, and queues it to the town's partners whose hazards include the incident's (once per alert); the delivery
// carries the CAP XML and JSON signed as every webhook, and its outcome goes on the incident's log. The XML downloads
// as application/cap+xml inside the caller's scope. Partners are a local HTTP server.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedId } from '../../src/server/platform/seed/demo-town.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { verifySignature } from '../../src/server/alarms/webhook-signing.ts';
import { deliverDueWebhooks } from '../../src/server/alarms/deliver-webhooks.ts';
import type { CapAlert, PlanBody } from '../../src/shared/plans.ts';

process.env.WEBHOOK_ALLOW_PRIVATE = '1';

interface Received { headers: IncomingHttpHeaders; body: string; path: string }
let t: TestApp;
let partner: Server;
let base: string;
const received: Received[] = [];
let answers: number[] = [];
const tokens: Record<string, string> = {};
const secrets: Record<string, string> = {};
const hooks: Record<string, string> = {};
let planId: string;
let incidentId: string;
let here: { lng: number; lat: number };

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
const events = async (action: string) => (await t.db.query<{ actor_name: string | null; data: Record<string, unknown> }>(
  `select actor_name, data from incident_events where incident_id = $1 and action = $2 order by id`, [incidentId, action])).rows;
const deliveries = async () => (await t.db.query<{ webhook_id: string; notice_key: string; status: string }>(
  `select webhook_id, notice_key, status from webhook_deliveries where incident_id = $1 order by notice_key, webhook_id`, [incidentId])).rows;
const deliver = () => deliverDueWebhooks(t.db, t.app.pii, t.clock.now, { allowPrivate: true });

function plan(): PlanBody {
  return {
    name: '清水河涨水应急预案', hazard: 'flood', matterCode: 'S0302', summary: '', levels: ['IV', 'III'], triggers: [{ kind: 'manual' }],
    roles: [
      { key: 'commander', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] },
      { key: 'renewal', name: '堡坎巡查', postCode: 'JJ-CSGX', backupAccountIds: [seedId('account', 'handler')] },
    ],
    steps: [
      { key: 'patrol', title: '沿河巡查', roleKey: 'commander', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看水位尺'] },
      { key: 'evacuate', title: '组织低洼处群众转移', roleKey: 'renewal', dueOffsetMin: 60, fromLevel: 'III', checklist: ['逐户敲门'] },
    ],
    resources: [],
    notice: {
      event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水河水位上涨，请远离河道',
      description: '清水河水位已超过警戒水位。', instruction: '沿河居民请向高处转移。', areaDesc: '春晖路街道清水河沿岸', expiresAfterH: 12,
    },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker']) tokens[u] = await t.login(u);
  partner = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
      res.statusCode = req.url === '/refuses' ? 400 : answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => partner.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
  const p = await call('POST', '/api/plans', 'leader', { body: plan() });
  expect(p.statusCode, p.body).toBe(201);
  planId = p.json().id;
  here = await gridCentre(t.db, DEMO_GRID);
});
afterAll(async () => {
  await new Promise((r) => partner.close(r));
  await t.close();
});

describe('partners of hazards', () => {
  it('a webhook takes the incidents of chosen hazards, alarms or both; never neither', async () => {
    const mk = async (key: string, body: object) => {
      const r = await call('POST', '/api/webhooks', 'leader', { url: `${base}/${key}`, ...body });
      expect(r.statusCode, r.body).toBe(201);
      hooks[key] = r.json().webhook.id;
      secrets[key] = r.json().secret;
      return r.json().webhook;
    };
    expect(await mk('water', { name: '区水利局', alarmTypes: [], hazards: ['flood'] })).toMatchObject({ alarmTypes: [], hazards: ['flood'] });
    await mk('all', { name: '区应急管理局', alarmTypes: ['smoke'], hazards: ['*'] });
    await mk('forest', { name: '林业站', alarmTypes: [], hazards: ['forestFire'] });
    await mk('refuses', { name: '拒收方', alarmTypes: [], hazards: ['flood'] });
    await mk('alarms', { name: '家庭医生', alarmTypes: ['fall'] });
    const neither = await call('POST', '/api/webhooks', 'leader', { name: '无', url: `${base}/none`, alarmTypes: [] });
    expect([neither.statusCode, neither.json().error.code]).toEqual([422, 'WEBHOOK_INVALID']);
    expect((await call('POST', '/api/webhooks', 'leader', { name: '错', url: `${base}/x`, alarmTypes: [], hazards: ['volcano'] })).statusCode).toBe(400);
    const list = (await call('GET', '/api/webhooks', 'leader')).json().items as { name: string; hazards: string[] }[];
    expect(list.find((w) => w.name === '家庭医生')!.hazards).toEqual([]);
    // an update without hazards keeps them
    const w = list.find((x) => x.name === '区水利局') as unknown as { id: string; version: number };
    const u = await call('PUT', `/api/webhooks/${w.id}`, 'leader', { name: '区水利局', url: `${base}/water`, alarmTypes: [], active: true, version: w.version });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json().webhook.hazards).toEqual(['flood']);
  });
});

describe('activation', () => {
  it('drafts the Alert, logs who was notified and queues it to the flood partners only', async () => {
    const a = await call('POST', `/api/plans/${planId}/activate`, 'dispatcher', { level: 'IV', reason: '水位超警戒', location: here });
    expect(a.statusCode, a.body).toBe(201);
    incidentId = a.json().id;
    const caps = (await t.db.query<{ cap_alerts: CapAlert[] }>(`select cap_alerts from incidents where id = $1`, [incidentId])).rows[0]!.cap_alerts;
    expect(caps.map((c) => [c.msgType, c.status, c.info.severity])).toEqual([['Alert', 'Actual', 'Minor']]);
    const notified = await events('notified');
    expect(notified).toHaveLength(1);
    expect(notified[0]!.data).toMatchObject({ seq: 1, msgType: 'Alert', identifier: caps[0]!.identifier });
    expect((notified[0]!.data.recipients as { roleKey: string }[]).map((r) => r.roleKey)).toContain('commander');
    expect((notified[0]!.data.partners as { name: string }[]).map((p) => p.name).sort()).toEqual(['区应急管理局', '区水利局', '拒收方'].sort());
    expect((await deliveries()).map((d) => [d.webhook_id, d.notice_key]).sort()).toEqual(
      [hooks.water, hooks.all, hooks.refuses].map((h) => [h, `incident:${incidentId}:1`]).sort());
  });

  it('delivers the CAP XML and JSON signed; the outcome goes on the incident\'s log', async () => {
    const run = await deliver();
    expect(run).toMatchObject({ sent: 3, delivered: 2, failed: 1 });
    const water = received.find((r) => r.path === '/water')!;
    expect(verifySignature(water.headers['x-zhizhi-signature'] as string, secrets.water!, water.body, t.clock.now)).toBeNull();
    expect(water.headers['x-zhizhi-event']).toBe('incident.notice');
    const body = JSON.parse(water.body);
    expect(body).toMatchObject({ event: 'incident.notice', seq: 1, msgType: 'Alert', incident: { id: incidentId, hazard: 'flood', level: 'IV', drill: false } });
    expect(body.capXml).toMatch(/^<\?xml[^>]*\?>\s*<alert xmlns="urn:oasis:names:tc:emergency:cap:1\.2">/);
    expect(body.capXml).toContain(`<identifier>${body.cap.identifier}</identifier>`);
    expect(JSON.stringify(body)).not.toMatch(/(?<![\d.])1[3-9]\d{9}(?![\d.])/);
    expect((await events('partner_notified')).map((e) => e.data.partner).sort()).toEqual(['区应急管理局', '区水利局']);
    expect(await events('partner_failed')).toEqual([expect.objectContaining({ actor_name: '系统', data: expect.objectContaining({ partner: '拒收方', seq: 1, responseStatus: 400 }) })]);
    // the partner's delivery log names the incident
    const log = await call('GET', `/api/webhooks/${hooks.water}/deliveries`, 'leader');
    expect(log.json().items[0]).toMatchObject({ kind: 'incident', incidentId, incidentNumber: expect.stringMatching(/^YA/), status: 'delivered' });
  });

  it('downloads the alert as CAP XML inside the scope only', async () => {
    const x = await call('GET', `/api/incidents/${incidentId}/cap/1.xml`, 'handler');
    expect(x.statusCode, x.body).toBe(200);
    expect(x.headers['content-type']).toMatch(/^application\/cap\+xml/);
    expect(x.body).toContain('<msgType>Alert</msgType>');
    expect((await call('GET', `/api/incidents/${incidentId}/cap/2.xml`, 'handler')).statusCode).toBe(404);
    expect((await call('GET', `/api/incidents/${incidentId}/cap/1.xml`, 'gridworker')).statusCode).toBe(403);
    // an incident of a town outside the caller's scope (its path moved under the other town's) is not there for them
    const [{ path: orig }, { path: rural }] = (await t.db.query<{ path: string }>(
      `select org_path as path from incidents where id = $1 union all select path from org_units where level = 'town' and name <> '春晖路街道'`, [incidentId])).rows as [{ path: string }, { path: string }];
    await t.db.query(`update incidents set org_path = $2 where id = $1`, [incidentId, rural]);
    expect((await call('GET', `/api/incidents/${incidentId}/cap/1.xml`, 'handler')).statusCode).toBe(404);
    expect((await call('GET', `/api/incidents/${incidentId}/cap/1.xml`, 'admin')).statusCode).toBe(200);
    await t.db.query(`update incidents set org_path = $2 where id = $1`, [incidentId, orig]);
  });
});

describe('level change and stand-down', () => {
  it('an Update and a Cancel reference the earlier alerts and are queued once each', async () => {
    const l = await call('POST', `/api/incidents/${incidentId}/level`, 'dispatcher', { level: 'III', reason: '水位继续上涨' });
    expect(l.statusCode, l.body).toBe(200);
    const s = await call('POST', `/api/incidents/${incidentId}/stand-down`, 'dispatcher', { reason: '水位回落至警戒线以下' });
    expect(s.statusCode, s.body).toBe(200);
    const caps = (await t.db.query<{ cap_alerts: CapAlert[] }>(`select cap_alerts from incidents where id = $1`, [incidentId])).rows[0]!.cap_alerts;
    expect(caps.map((c) => c.msgType)).toEqual(['Alert', 'Update', 'Cancel']);
    expect(caps[1]!.references).toEqual([`${caps[0]!.sender},${caps[0]!.identifier},${caps[0]!.sent}`]);
    expect(caps[2]!.references).toHaveLength(2);
    expect(new Set(caps.map((c) => c.identifier)).size).toBe(3);
    expect((await events('notified')).map((e) => e.data.msgType)).toEqual(['Alert', 'Update', 'Cancel']);
    const keys = (await deliveries()).filter((d) => d.webhook_id === hooks.water).map((d) => d.notice_key);
    expect(keys).toEqual([1, 2, 3].map((n) => `incident:${incidentId}:${n}`));
    const x = await call('GET', `/api/incidents/${incidentId}/cap/3.xml`, 'dispatcher');
    expect(x.body).toContain('<msgType>Cancel</msgType>');
    expect(x.body).toContain('<references>');
  });
});

describe('a drill', () => {
  it('sends an Exercise alert', async () => {
    const a = await call('POST', `/api/plans/${planId}/activate`, 'dispatcher', { level: 'IV', reason: '汛前演练', drill: true, location: here });
    expect(a.statusCode, a.body).toBe(201);
    const caps = (await t.db.query<{ cap_alerts: CapAlert[] }>(`select cap_alerts from incidents where id = $1`, [a.json().id])).rows[0]!.cap_alerts;
    expect(caps.map((c) => [c.msgType, c.status])).toEqual([['Alert', 'Exercise']]);
  });
});
