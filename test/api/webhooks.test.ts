import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { verifySignature } from '../../src/server/alarms/webhook-signing.ts';
import { MAX_ATTEMPTS } from '../../src/domain/alarms/retry-backoff.ts';
import { queuePartnerNotifications } from '../../src/server/alarms/queue-partner-notifications.ts';
import { deliverDueWebhooks } from '../../src/server/alarms/deliver-webhooks.ts';

// the partner is a local HTTP server: loopback is allowed for these tests only
process.env.WEBHOOK_ALLOW_PRIVATE = '1';

interface Received { headers: IncomingHttpHeaders; body: string; at: number }
let t: TestApp;
let partner: Server;
let partnerUrl: string;
const received: Received[] = [];
/** the statuses the partner answers, in turn; 200 once they run out */
let answers: number[] = [];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'gridworker']) tokens[u] = await t.login(u);
  partner = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => partner.listen(0, '127.0.0.1', r));
  partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise((r) => partner.close(r));
  await t.close();
});
const START = new Date('2026-11-23T09:00:00+08:00');
afterEach(async () => {
  // each test starts with no partner active and nothing queued, at the same hour (the sessions stay valid)
  await t.db.query('update partner_webhooks set active = false');
  await t.db.query(`update webhook_deliveries set status = 'failed' where status = 'pending'`);
  received.length = 0;
  answers = [];
  process.env.WEBHOOK_ALLOW_PRIVATE = '1';
  t.clock.set(START);
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

const townOf = async (gridCode: string) =>
  (await t.db.query<{ id: string }>(
    `select t.id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`, [gridCode])).rows[0]!.id;

/** A device in the demo grid with an active alarm and its care order (as the alarm clock's dispatch leaves them). */
async function alarmWithOrder(alarmType: string): Promise<{ alarmId: string; caseId: string; townId: string }> {
  const here = await gridCentre(t.db, DEMO_GRID);
  const reported = await call('POST', '/api/cases', 'gridworker', { categoryCode: 'C0101', description: `告警测试 ${alarmType}`, location: here, address: '春晖路1号' });
  expect(reported.statusCode).toBe(201);
  const caseId = reported.json().id as string;
  const grid = (await t.db.query<{ id: string; path: string }>('select id, path from org_units where code = $1', [DEMO_GRID])).rows[0]!;
  const townId = await townOf(DEMO_GRID);
  const now = t.clock.now;
  await t.db.query(
    `insert into device_profiles (id, device_type, name, rules, escalation, updated_at)
     values ('wh-test-profile', 'doorMagnet', '测试', '[]', '{"steps":[],"repeatEveryMin":5}', $1) on conflict do nothing`, [now]);
  const deviceId = `wh-dev-${alarmType}`;
  await t.db.query(
    `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, address, token_hash, created_at, updated_at)
     values ($1, $2, $3, $4, 'doorMagnet', 'wh-test-profile', '门磁', 'place', 'x', $5, $6, '春晖路1号', 'h', $7, $7)`,
    [deviceId, townId, grid.id, grid.path, here.lng, here.lat, now]);
  const alarm = await t.db.query<{ id: string }>(
    `insert into alarms (device_id, town_id, grid_id, org_path, alarm_type, category, level, matter_code, raised_at, case_id, dispatched_at, details)
     values ($1, $2, $3, $4, $5, 'care', 'red', 'S0101', $6, $7, $6, '{"forSec": 86400}') returning id`,
    [deviceId, townId, grid.id, grid.path, alarmType, now, caseId]);
  return { alarmId: alarm.rows[0]!.id, caseId, townId };
}

const queue = (a: { alarmId: string; caseId: string; townId: string }, alarmType: string) =>
  t.db.transaction((tx) => queuePartnerNotifications(tx, { ...a, alarmType }, t.clock.now));
const deliver = () => deliverDueWebhooks(t.db, t.app.pii, t.clock.now);
const events = async (caseId: string) =>
  (await t.db.query<{ action: string; data: Record<string, unknown> }>(
    `select action, data from case_events where case_id = $1 and action like 'partner_%' order by id`, [caseId])).rows;

async function makeWebhook(alarmTypes: string[], name = '家庭医生') {
  const res = await call('POST', '/api/webhooks', 'leader', { name, url: partnerUrl, alarmTypes });
  expect(res.statusCode).toBe(201);
  return res.json() as { webhook: { id: string; version: number }; secret: string };
}

describe('partner webhooks: set up', () => {
  it('a town leader adds one; the secret is answered once, sealed at rest, never listed', async () => {
    const res = await call('POST', '/api/webhooks', 'leader', { name: '120急救', url: partnerUrl, alarmTypes: ['fall', 'heartRateLow'] });
    expect(res.statusCode).toBe(201);
    const { webhook, secret } = res.json();
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ name: '120急救', url: partnerUrl, alarmTypes: ['fall', 'heartRateLow'], active: true, version: 1, townName: expect.any(String), policies: ['edit', 'test'] });
    const stored = (await t.db.query<{ secret: string }>('select secret from partner_webhooks where id = $1', [webhook.id])).rows[0]!;
    expect(stored.secret.startsWith('v1.')).toBe(true);
    expect(stored.secret).not.toContain(secret);
    const list = await call('GET', '/api/webhooks', 'leader');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.json().items.map((w: { id: string }) => w.id)).toContain(webhook.id);
    // audited
    expect((await t.db.query(`select 1 from audit_log where action = 'webhook.create' and target_id = $1`, [webhook.id])).rows).toHaveLength(1);
  });

  it('the same Idempotency-Key answers the first webhook and its secret', async () => {
    const body = { name: '交警', url: partnerUrl, alarmTypes: ['*'] };
    const a = await call('POST', '/api/webhooks', 'leader', body, { 'idempotency-key': 'wh-1' });
    const b = await call('POST', '/api/webhooks', 'leader', body, { 'idempotency-key': 'wh-1' });
    expect([a.statusCode, b.statusCode]).toEqual([201, 200]);
    expect(b.json().webhook.id).toBe(a.json().webhook.id);
    expect(b.json().secret).toBe(a.json().secret);
  });

  it('the SSRF guard refuses loopback, private and metadata addresses unless WEBHOOK_ALLOW_PRIVATE=1', async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'ftp://example.com/', 'https://user:pw@example.com/']) {
      const res = await call('POST', '/api/webhooks', 'leader', { name: 'x', url, alarmTypes: ['*'] });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().error.code, url).toBe('WEBHOOK_INVALID');
    }
    expect((await call('POST', '/api/webhooks', 'leader', { name: '公网', url: 'https://partner.example.com/hook', alarmTypes: ['*'] })).statusCode).toBe(201);
  });

  it('a webhook saved while private addresses were allowed is still refused at delivery when they are not', async () => {
    const { webhook } = await makeWebhook(['*'], '内网');
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    const res = await call('POST', `/api/webhooks/${webhook.id}/test`, 'leader');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed', lastError: 'target refused: private' });
    expect(received).toHaveLength(0);
    await call('PUT', `/api/webhooks/${webhook.id}`, 'admin', { name: '内网', url: partnerUrl, alarmTypes: ['*'], active: false, version: 1 });
  });

  it('only the town\'s leaders and admins: others 403, another town\'s webhook 404', async () => {
    expect((await call('GET', '/api/webhooks', 'dispatcher')).statusCode).toBe(403);
    expect((await call('POST', '/api/webhooks', 'gridworker', { name: 'x', url: partnerUrl, alarmTypes: ['*'] })).statusCode).toBe(403);
    const rural = await call('POST', '/api/webhooks', 'admin', { townId: await townOf(RURAL_GRID), name: '乡镇卫生院', url: partnerUrl, alarmTypes: ['*'], active: false });
    expect(rural.statusCode).toBe(201);
    const id = rural.json().webhook.id;
    expect((await call('GET', `/api/webhooks/${id}/deliveries`, 'leader')).statusCode).toBe(404);
    expect((await call('POST', `/api/webhooks/${id}/test`, 'leader')).statusCode).toBe(404);
    expect((await call('PUT', `/api/webhooks/${id}`, 'leader', { name: 'x', url: partnerUrl, alarmTypes: ['*'], active: true, version: 1 })).statusCode).toBe(404);
    expect((await call('GET', '/api/webhooks', 'leader')).json().items.map((w: { id: string }) => w.id)).not.toContain(id);
    expect((await call('GET', '/api/webhooks', 'admin')).json().items.map((w: { id: string }) => w.id)).toContain(id);
    // the leader cannot name a town outside its scope
    expect((await call('POST', '/api/webhooks', 'leader', { townId: await townOf(RURAL_GRID), name: 'x', url: partnerUrl, alarmTypes: ['*'] })).statusCode).toBe(404);
  });

  it('a change checks the version; rotating the secret answers a new one once', async () => {
    const { webhook, secret } = await makeWebhook(['smoke']);
    const stale = await call('PUT', `/api/webhooks/${webhook.id}`, 'leader', { name: '改名', url: partnerUrl, alarmTypes: ['smoke'], active: true, version: 9 });
    expect(stale.statusCode).toBe(409);
    const res = await call('PUT', `/api/webhooks/${webhook.id}`, 'leader', { name: '改名', url: partnerUrl, alarmTypes: ['smoke', 'gas'], active: false, version: 1, rotateSecret: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().webhook).toMatchObject({ name: '改名', alarmTypes: ['smoke', 'gas'], active: false, version: 2 });
    expect(res.json().secret).toMatch(/^whsec_/);
    expect(res.json().secret).not.toBe(secret);
    const again = await call('PUT', `/api/webhooks/${webhook.id}`, 'leader', { name: '改名', url: partnerUrl, alarmTypes: ['smoke'], active: false, version: 2 });
    expect(again.json().secret).toBeNull();
  });
});

describe('partner webhooks: test-send and deliveries', () => {
  it('a test-send arrives signed with the secret and is kept in the delivery log', async () => {
    const { webhook, secret } = await makeWebhook(['*'], '测试');
    const res = await call('POST', `/api/webhooks/${webhook.id}/test`, 'leader');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'test', status: 'delivered', responseStatus: 200, attempts: 1 });
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(verifySignature(String(r.headers['x-zhizhi-signature']), secret, r.body, t.clock.now)).toBeNull();
    expect(verifySignature(String(r.headers['x-zhizhi-signature']), 'whsec_wrong', r.body, t.clock.now)).toBe('mismatch');
    expect(JSON.parse(r.body)).toMatchObject({ event: 'test', test: true });
    const log = (await call('GET', `/api/webhooks/${webhook.id}/deliveries`, 'leader')).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ kind: 'test', status: 'delivered' });
    expect((await call('GET', '/api/webhooks', 'leader')).json().items.find((w: { id: string }) => w.id === webhook.id).lastDelivery.status).toBe('delivered');
    await call('PUT', `/api/webhooks/${webhook.id}`, 'leader', { name: '测试', url: partnerUrl, alarmTypes: ['*'], active: false, version: 1 });
  });

  it('an alarm goes to the partners taking its type, signed, once, and is written on the care order\'s timeline', async () => {
    const doctor = await makeWebhook(['heartRateLow'], '家庭医生A');
    const police = await makeWebhook(['smoke'], '消防');
    const a = await alarmWithOrder('heartRateLow');
    expect(await queue(a, 'heartRateLow')).toBe(1);
    expect(await queue(a, 'heartRateLow')).toBe(0); // queued once per alarm and partner
    const [one, two] = await Promise.all([deliver(), deliver()]); // two nodes ticking at once
    expect(one.sent + two.sent).toBe(1);
    expect(received).toHaveLength(1);
    const body = JSON.parse(received[0]!.body);
    expect(verifySignature(String(received[0]!.headers['x-zhizhi-signature']), doctor.secret, received[0]!.body, t.clock.now)).toBeNull();
    expect(body).toMatchObject({
      event: 'alarm.raised', attempt: 1, alarm: { id: a.alarmId, type: 'heartRateLow', level: 'red', matterCode: 'S0101' },
      location: { address: '春晖路1号' }, careOrder: { id: a.caseId, number: expect.stringMatching(/^\d+-\d{8}-\d{4}$/) },
    });
    expect(received[0]!.body).not.toMatch(/周淑芬|李明辉/);
    expect(await events(a.caseId)).toEqual([{ action: 'partner_notified', data: expect.objectContaining({ partner: '家庭医生A', attempts: 1, responseStatus: 200 }) }]);
    expect((await deliver()).sent).toBe(0);
    for (const w of [doctor, police]) await call('PUT', `/api/webhooks/${w.webhook.id}`, 'leader', { name: 'off', url: partnerUrl, alarmTypes: ['*'], active: false, version: 1 });
  });

  it('a partner that fails is retried with growing waits, and the order\'s timeline says when it got through', async () => {
    const w = await makeWebhook(['fall'], '家庭医生B');
    const a = await alarmWithOrder('fall');
    await queue(a, 'fall');
    answers = [500, 503];
    expect(await deliver()).toMatchObject({ sent: 1, retrying: 1 });
    expect((await deliver()).sent).toBe(0); // not yet due
    t.clock.advance(9_000);
    expect((await deliver()).sent).toBe(0);
    t.clock.advance(2_000);
    expect(await deliver()).toMatchObject({ sent: 1, retrying: 1 });
    t.clock.advance(67_000);
    expect(await deliver()).toMatchObject({ sent: 1, delivered: 1 });
    expect(received.map((r) => JSON.parse(r.body).attempt)).toEqual([1, 2, 3]);
    expect(await events(a.caseId)).toEqual([{ action: 'partner_notified', data: expect.objectContaining({ attempts: 3 }) }]);
    const log = (await call('GET', `/api/webhooks/${w.webhook.id}/deliveries`, 'leader')).json().items;
    expect(log[0]).toMatchObject({ kind: 'alarm', status: 'delivered', attempts: 3, caseId: a.caseId, caseNumber: expect.any(String) });
    await call('PUT', `/api/webhooks/${w.webhook.id}`, 'leader', { name: 'off', url: partnerUrl, alarmTypes: ['*'], active: false, version: 1 });
  });

  it('after the last retry, or at once when the partner refuses the payload (4xx), it fails on the timeline', async () => {
    const w = await makeWebhook(['gas', 'water'], '燃气公司');
    const gas = await alarmWithOrder('gas');
    const water = await alarmWithOrder('water');
    await queue(gas, 'gas');
    answers = Array(MAX_ATTEMPTS).fill(500);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliver();
      t.clock.advance(3 * 3600_000);
    }
    expect(received).toHaveLength(MAX_ATTEMPTS);
    expect(await events(gas.caseId)).toEqual([{ action: 'partner_failed', data: expect.objectContaining({ attempts: MAX_ATTEMPTS, responseStatus: 500, error: 'HTTP 500' }) }]);

    await queue(water, 'water');
    answers = [400];
    expect(await deliver()).toMatchObject({ failed: 1 });
    expect(await events(water.caseId)).toEqual([{ action: 'partner_failed', data: expect.objectContaining({ attempts: 1, responseStatus: 400 }) }]);
    await call('PUT', `/api/webhooks/${w.webhook.id}`, 'leader', { name: 'off', url: partnerUrl, alarmTypes: ['*'], active: false, version: 1 });
  });

  it('a partner that does not answer in time is a failed attempt, not a stuck tick', async () => {
    const slow = createServer(() => undefined);
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
    const res = await call('POST', '/api/webhooks', 'leader', { name: '慢', url, alarmTypes: ['slow'] });
    const a = await alarmWithOrder('slow');
    await queue(a, 'slow');
    const started = Date.now();
    const run = await deliverDueWebhooks(t.db, t.app.pii, t.clock.now, { timeoutMs: 300 });
    expect(run).toMatchObject({ sent: 1, retrying: 1 });
    expect(Date.now() - started).toBeLessThan(3000);
    slow.closeAllConnections();
    await new Promise((r) => slow.close(r));
    await call('PUT', `/api/webhooks/${res.json().webhook.id}`, 'leader', { name: 'off', url, alarmTypes: ['*'], active: false, version: 1 });
  });
});
