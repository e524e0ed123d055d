// Sign-in throttling under attack: parallel guesses, the password change route, and many accounts behind one address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { openPostgres } from '../../src/server/platform/db/db.ts';
import { buildApp } from '../../src/server/app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const RIGHT = 'demo1234';
const login = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

/** How many answers of each status, and whether every 429 says how long to wait. */
function tally(statuses: { statusCode: number; headers: Record<string, unknown> }[]) {
  const count = (s: number) => statuses.filter((r) => r.statusCode === s).length;
  const waits = statuses.filter((r) => r.statusCode === 429).map((r) => Number(r.headers['retry-after']));
  return { count, waits };
}

describe('parallel guesses', () => {
  it.each([
    ['from one address', 'leader', (_i: number) => '10.8.0.1'],
    ['from fifteen addresses', 'gridworker', (i: number) => `10.8.1.${i + 1}`],
  ])('check at most five passwords of an account sent at once, %s', async (_name, username, ip) => {
    const passwords = [...Array.from({ length: 14 }, (_, i) => `wrong-${i}`), RIGHT];
    const answers = await Promise.all(passwords.map((p, i) => login(username, p, ip(i))));
    const { count, waits } = tally(answers);
    expect(count(401)).toBeLessThanOrEqual(5);
    expect(count(401) + count(200)).toBeLessThanOrEqual(5);
    expect(count(401) + count(200) + count(429)).toBe(15);
    expect(waits.every((w) => w > 0)).toBe(true);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('check at most five passwords when the guesses are split over two nodes', async () => {
    const raw = t.db.raw;
    if (!('pool' in raw)) throw new Error('PostgreSQL expected');
    const db2 = await openPostgres(raw.connectionString, 5);
    const node2 = await buildApp({ db: db2, config: t.config, clock: () => t.clock.now });
    try {
      await node2.ready();
      const passwords = [...Array.from({ length: 14 }, (_, i) => `wrong-${i}`), RIGHT];
      const answers = await Promise.all(passwords.map((password, i) => (i % 2 ? node2 : t.app).inject({
        method: 'POST', url: '/api/auth/login', payload: { username: 'auditor', password }, remoteAddress: `10.8.4.${i + 1}`,
      })));
      const { count } = tally(answers);
      expect(count(401)).toBeLessThanOrEqual(5);
      expect(count(401) + count(200)).toBeLessThanOrEqual(5);
      expect(count(401) + count(200) + count(429)).toBe(15);
    } finally {
      await node2.close();
      await db2.close();
    }
  });

  it('check at most five current passwords sent at once to the password change, and audit every failure', async () => {
    const token = await t.login('handler');
    const id = (await t.db.query<{ id: string }>(`select id from accounts where username = 'handler'`)).rows[0]!.id;
    const currents = [...Array.from({ length: 14 }, (_, i) => `wrong-${i}`), RIGHT];
    const answers = await Promise.all(currents.map((currentPassword, i) => t.app.inject({
      method: 'POST', url: '/api/auth/password', headers: bearer(token), remoteAddress: `10.8.2.${i + 1}`,
      payload: { currentPassword, newPassword: 'Better-2026' },
    })));
    const { count, waits } = tally(answers);
    expect(count(401)).toBeLessThanOrEqual(5);
    expect(count(401) + count(204)).toBeLessThanOrEqual(5);
    expect(count(401) + count(204) + count(429)).toBe(15);
    expect(waits.every((w) => w > 0)).toBe(true);
    const audited = await t.db.query<{ reason: string }>(
      `select detail->>'reason' as reason from audit_log where action = 'account.password' and success = false and target_id = $1`, [id]);
    expect(audited.rows.length).toBe(count(401) + count(429));
    expect(audited.rows.filter((r) => r.reason === 'throttled').length).toBe(count(429));
  });

  it('counts wrong current passwords against the account\'s sign-in too', async () => {
    const token = await t.login('department');
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(token), remoteAddress: `10.8.3.${i + 1}`,
        payload: { currentPassword: `wrong-${i}`, newPassword: 'Better-2026' } });
      expect(r.statusCode).toBe(401);
    }
    expect((await login('department', RIGHT, '10.8.3.9')).statusCode).toBe(429);
  });
});

describe('many accounts behind one address', () => {
  it('slows an address down for a few seconds and never locks a real account out with made-up usernames', async () => {
    const ip = '10.9.0.1';
    let slowed = 0;
    for (let i = 0; i < 32; i++) {
      let r = await login(`ghost-${i}`, 'wrong-pass', ip);
      if (r.statusCode === 429) {
        slowed++;
        const wait = Number(r.headers['retry-after']);
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(30);
        expect(r.json().error.messageZh).toMatch(/秒后再试/);
        t.clock.advance(wait * 1000);
        r = await login(`ghost-${i}`, 'wrong-pass', ip);
      }
      expect(r.statusCode).toBe(401);
    }
    expect(slowed).toBeGreaterThan(0);
    let real = await login('community', RIGHT, ip);
    if (real.statusCode === 429) {
      expect(Number(real.headers['retry-after'])).toBeLessThanOrEqual(30);
      t.clock.advance(Number(real.headers['retry-after']) * 1000);
      real = await login('community', RIGHT, ip);
    }
    expect(real.statusCode).toBe(200);
  });
});
