// Resident self-registration through the API, on PGlite and PostgreSQL: a code to the phone (written to the server
// log when no SMS gateway is configured), the account with its home grid from a pin or from the address search,
// signed in, then signing in by phone; throttles per number and per address, code expiry and tries, sealing, audit.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { sendRegistrationCode } from '../../src/server/identity/send-registration-code.ts';
import { smsSenderFor, webhookSender, type SmsMessage } from '../../src/server/identity/sms-sender.ts';

let t: TestApp;
const logLines: string[] = [];
let demoGrid: { id: string; at: { lng: number; lat: number } };
let ruralGridId: string;
let ipSerial = 0;

beforeAll(async () => {
  t = await createTestApp({ logLines });
  const id = async (code: string) => (await t.db.query<{ id: string }>('select id from org_units where code = $1', [code])).rows[0]!.id;
  demoGrid = { id: await id(DEMO_GRID), at: await gridCentre(t.db, DEMO_GRID) };
  ruralGridId = await id(RURAL_GRID);
});
afterAll(async () => { await t.close(); });

const freshIp = () => `10.77.${Math.floor(++ipSerial / 250)}.${ipSerial % 250}`;
const askCode = (phone: string, remoteAddress = freshIp()) =>
  t.app.inject({ method: 'POST', url: '/api/auth/register/code', payload: { phone }, remoteAddress });
const register = (body: object, remoteAddress = freshIp(), headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body, remoteAddress, headers });
/** the code the log sender wrote for this number (the newest) */
const loggedCode = (phone: string) => {
  const line = logLines.filter((l) => l.includes(`to ${phone}:`)).at(-1);
  return line ? /验证码是 (\d{6})/.exec(line)![1]! : null;
};
const body = (phone: string, code: string, over: object = {}) =>
  ({ phone, code, name: '吴新居', password: 'home2026!', address: '春晖路 8 号 3 栋 2 单元 501', location: demoGrid.at, ...over });
const auditOf = async (action: string) =>
  (await t.db.query<{ actor_id: string | null; actor_name: string; success: boolean; target_id: string | null; detail: Record<string, unknown> | null }>(
    'select actor_id, actor_name, success, target_id, detail from audit_log where action = $1 order by id', [action])).rows;

describe('a resident registers with a phone and a pin, and is signed in', () => {
  it('gets a code in the server log (no gateway here), registers, is placed in the grid of the pin, signs in by phone', async () => {
    const phone = '13712340001';
    const sent = await askCode(phone);
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toEqual({ expiresAt: '2026-11-23T01:10:00.000Z', resendAt: '2026-11-23T01:01:00.000Z', resendAfterSeconds: 60 });
    expect(logLines.some((l) => l.includes('[SMS NOT SENT: no gateway (SMS_WEBHOOK_URL unset), development only]'))).toBe(true);
    const code = loggedCode(phone)!;
    expect(code).toMatch(/^\d{6}$/);

    const res = await register(body(phone, code));
    expect(res.statusCode, res.body).toBe(201);
    const { token, user, mustChangePassword } = res.json();
    expect(mustChangePassword).toBe(false);
    expect(user).toMatchObject({ kind: 'resident', roles: ['resident'], name: '吴新居', homeOrgUnitId: demoGrid.id, homeOrgUnit: { id: demoGrid.id, level: 'grid' } });
    expect(user.username).toMatch(/^jm\d{8}$/);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
    expect(me.json()).toMatchObject({ id: user.id, homeOrgUnitId: demoGrid.id });

    // sealed: no number, address or code in the clear anywhere in the account's row or the code table
    const row = (await t.db.query<Record<string, string>>('select phone, phone_hash, home_address from accounts where id = $1', [user.id])).rows[0]!;
    expect(row.phone).toMatch(/^v1\./);
    expect(row.home_address).toMatch(/^v1\./);
    expect(t.app.pii.decrypt(row.home_address!)).toBe('春晖路 8 号 3 栋 2 单元 501');
    expect(row.phone_hash).toBe(t.app.pii.lookupHash(phone));
    const codes = JSON.stringify((await t.db.query('select * from verification_codes')).rows);
    expect(codes).not.toContain(phone);
    expect(codes).not.toContain(`"${code}"`);

    // audited, the number masked, in the transaction that created the account
    const [entry] = (await auditOf('account.register')).filter((e) => e.success);
    expect(entry).toMatchObject({ actor_id: user.id, actor_name: '137****0001', target_id: user.id, detail: { homeOrgUnitId: demoGrid.id, placedBy: 'pin' } });
    expect(JSON.stringify(await auditOf('account.register_code'))).not.toContain(phone);

    const byPhone = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: phone, password: 'home2026!' } });
    expect(byPhone.statusCode, byPhone.body).toBe(200);
    expect(byPhone.json().user.id).toBe(user.id);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: phone, password: 'nothome2026!' } });
    expect(wrong.statusCode).toBe(401);
    expect(JSON.stringify((await t.db.query('select username from login_failures')).rows)).not.toContain(phone);
  });

  it('is placed in the grid picked from the address search when no pin is put', async () => {
    const found = await t.app.inject({ method: 'GET', url: `/api/auth/register/grids?q=${encodeURIComponent('春晖 第1网格')}` });
    expect(found.statusCode, found.body).toBe(200);
    const pick = found.json().items.find((g: { id: string }) => g.id === demoGrid.id);
    expect(pick).toMatchObject({ level: 'grid', communityName: expect.stringContaining('春晖'), geometry: { type: 'Polygon' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/register/grids?q=%25' })).json().items).toEqual([]);

    const phone = '13712340002';
    await askCode(phone);
    const res = await register(body(phone, loggedCode(phone)!, { location: undefined, gridId: ruralGridId }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user.homeOrgUnitId).toBe(ruralGridId);
  });

  it('refuses a second account for a registered number, a place outside the grids, a community picked as a grid, a weak password', async () => {
    t.clock.advance(61_000);
    const taken = await askCode('13712340001');
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'PHONE_TAKEN']);

    const phone = '13712340003';
    await askCode(phone);
    const code = loggedCode(phone)!;
    const outside = await register(body(phone, code, { location: { lng: 100, lat: 20 } }));
    expect([outside.statusCode, outside.json().error.code]).toEqual([422, 'LOCATION_OUTSIDE_GRIDS']);
    const community = (await t.db.query<{ id: string }>(`select id from org_units where level = 'community' limit 1`)).rows[0]!.id;
    const notGrid = await register(body(phone, code, { location: undefined, gridId: community }));
    expect([notGrid.statusCode, notGrid.json().error.details]).toEqual([400, [{ field: 'gridId', problem: 'not_a_grid' }]]);
    const weak = await register(body(phone, code, { password: 'password' }));
    expect([weak.statusCode, weak.json().error.details]).toEqual([400, [{ field: 'password', problem: 'TOO_SIMPLE' }]]);
    expect(weak.json().error.messageZh).toContain('密码');
    // none of these cost the code: it still registers
    expect((await register(body(phone, code))).statusCode).toBe(201);
    expect(await t.db.query('select 1 from accounts where phone_hash = $1', [t.app.pii.lookupHash(phone)])).toMatchObject({ rowCount: 1 });
  });
});

describe('codes', () => {
  it('expire after 10 minutes, are void after 3 wrong tries, count only the latest, and 5 wrong codes lock the number', async () => {
    const phone = '13712340010';
    await askCode(phone);
    const first = loggedCode(phone)!;
    t.clock.advance(10 * 60_000);
    const late = await register(body(phone, first));
    expect([late.statusCode, late.json().error.code, late.json().error.details.reason]).toEqual([422, 'VERIFICATION_CODE_INVALID', 'expired']);

    await askCode(phone);
    const second = loggedCode(phone)!;
    const wrongCode = second === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) {
      const r = await register(body(phone, wrongCode));
      expect([r.statusCode, r.json().error.details.reason]).toEqual([422, 'wrong']);
    }
    const voidCode = await register(body(phone, second));
    expect([voidCode.statusCode, voidCode.json().error.details.reason, voidCode.json().error.messageZh]).toEqual([422, 'used_up', '验证码错误次数过多，请重新获取。']);

    t.clock.advance(61_000);
    await askCode(phone);
    const third = loggedCode(phone)!;
    // only the latest code counts: the one before is a wrong code now (the 4th of the number), then a 5th
    expect((await register(body(phone, third === second ? wrongCode : second))).json().error.details.reason).toBe('wrong');
    expect((await register(body(phone, third === wrongCode ? '222222' : wrongCode))).json().error.details.reason).toBe('wrong');
    // five wrong codes within 15 minutes lock the number, whatever the address, until the oldest is 15 minutes old
    const locked = await register(body(phone, third));
    expect([locked.statusCode, locked.json().error.details.limit, locked.headers['retry-after']]).toEqual([429, 'phone', String(15 * 60 - 61)]);
    expect(locked.json().error.messageZh).toContain('验证码错误次数过多');

    t.clock.advance(15 * 60_000);
    await askCode(phone);
    const fourth = loggedCode(phone)!;
    expect((await register(body(phone, fourth))).statusCode).toBe(201);
    const again = await register(body(phone, fourth));
    expect([again.statusCode, again.json().error.details.reason]).toEqual([422, 'none']);
  });

  it('are throttled per number (one a minute, five an hour) and per address', async () => {
    const phone = '13712340020';
    expect((await askCode(phone)).statusCode).toBe(202);
    const again = await askCode(phone);
    expect([again.statusCode, again.json().error.details.limit, again.headers['retry-after']]).toEqual([429, 'resend', '60']);
    expect(again.json().error.messageZh).toContain('60 秒');
    for (let i = 0; i < 4; i++) {
      t.clock.advance(61_000);
      expect((await askCode(phone)).statusCode).toBe(202);
    }
    t.clock.advance(61_000);
    const sixth = await askCode(phone);
    expect([sixth.statusCode, sixth.json().error.details.limit]).toEqual([429, 'phone']);

    // one address asking for many numbers: 20 freely, then slowed down (the in-memory limit of the route is per 10 minutes)
    const ip = '10.78.0.1';
    for (let i = 0; i < 10; i++) { t.clock.advance(61_000); expect((await askCode(`1371235${String(i).padStart(4, '0')}`, ip)).statusCode).toBe(202); }
    const throttles = (await auditOf('account.register_code')).filter((e) => !e.success && e.detail?.reason === 'throttled');
    expect(throttles.length).toBeGreaterThanOrEqual(2);
  });

  it('slows down an address past its free sends', async () => {
    const { DEFAULT_CODE_POLICY } = await import('../../src/domain/identity/phone-verification.ts');
    const ip = '10.79.0.1';
    const now = t.clock.now;
    for (let i = 0; i < DEFAULT_CODE_POLICY.sends.freeFailuresPerAddress; i++) {
      await t.db.query(`insert into verification_codes (purpose, phone_hash, code_hash, ip, sent_at) values ('register', $1, 'x', $2, $3)`, [`h${i}`, ip, now]);
    }
    const slowed = await askCode('13712349999', ip);
    expect([slowed.statusCode, slowed.json().error.details.limit, slowed.headers['retry-after']]).toEqual([429, 'address', '5']);
    t.clock.advance(5_000);
    expect((await askCode('13712349999', ip)).statusCode).toBe(202);
  });

  it('go to an SMS gateway adapter by HTTP POST, and are forgotten when it fails', async () => {
    const received: { auth: string | undefined; body: SmsMessage }[] = [];
    let fail = false;
    const server: Server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => { raw += c; });
      req.on('end', () => { received.push({ auth: req.headers.authorization, body: JSON.parse(raw) }); res.statusCode = fail ? 500 : 200; res.end('{}'); });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
      const sender = webhookSender(url, 'gw-secret');
      await sendRegistrationCode(t.db, t.app.pii, sender, { phone: '13712340030', ip: freshIp(), now: t.clock.now });
      expect(received).toEqual([{ auth: 'Bearer gw-secret', body: expect.objectContaining({ to: '13712340030', template: 'register_code', params: { code: expect.stringMatching(/^\d{6}$/), minutes: 10 } }) }]);
      expect(received[0]!.body.text).toContain(received[0]!.body.params.code as string);
      const code = received[0]!.body.params.code as string;
      expect((await register(body('13712340030', code))).statusCode).toBe(201);

      fail = true;
      await expect(sendRegistrationCode(t.db, t.app.pii, sender, { phone: '13712340031', ip: freshIp(), now: t.clock.now }))
        .rejects.toMatchObject({ code: 'SMS_UNAVAILABLE' });
      const kept = await t.db.query('select 1 from verification_codes where phone_hash = $1', [t.app.pii.lookupHash('13712340031')]);
      expect(kept.rowCount).toBe(0);
    } finally {
      server.close();
    }
  });

  it('cannot be sent in production without a gateway', async () => {
    const none = smsSenderFor({ webhookUrl: null, webhookToken: null }, true, t.app.log);
    expect(none).toBeNull();
    await expect(sendRegistrationCode(t.db, t.app.pii, none, { phone: '13712340040', ip: freshIp(), now: t.clock.now }))
      .rejects.toMatchObject({ code: 'SMS_UNAVAILABLE', status: 503, messageZh: expect.stringContaining('短信') });
    expect(smsSenderFor({ webhookUrl: 'http://gw.example/sms', webhookToken: null }, true, t.app.log)?.kind).toBe('webhook');
    expect(smsSenderFor({ webhookUrl: null, webhookToken: null }, false, t.app.log)?.kind).toBe('log');
  });
});

describe('Idempotency-Key', () => {
  it('answers a retried registration signed in to the account the first created, with the same password only', async () => {
    const phone = '13712340050';
    await askCode(phone);
    const b = body(phone, loggedCode(phone)!);
    const first = await register(b, freshIp(), { 'idempotency-key': 'reg-1' });
    expect(first.statusCode).toBe(201);
    const retry = await register(b, freshIp(), { 'idempotency-key': 'reg-1' });
    expect([retry.statusCode, retry.json().user.id]).toEqual([200, first.json().user.id]);
    // another password is not a retry: a new registration, whose code is used already
    const otherPassword = await register({ ...b, password: 'other2026!' }, freshIp(), { 'idempotency-key': 'reg-1' });
    expect([otherPassword.statusCode, otherPassword.json().error.details.reason]).toEqual([422, 'none']);
    expect((await t.db.query('select 1 from accounts where phone_hash = $1', [t.app.pii.lookupHash(phone)])).rowCount).toBe(1);
  });
});
