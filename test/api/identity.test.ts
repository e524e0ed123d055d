import { buildApp } from '../../src/server/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login, me and logout', () => {
  it('logs each demo account in and tells who it is', async () => {
    for (const [username, role] of [['admin', 'admin'], ['leader', 'leader'], ['dispatcher', 'dispatcher'], ['handler', 'handler'],
      ['community', 'communityStaff'], ['gridworker', 'gridWorker'], ['resident', 'resident']] as const) {
      const token = await t.login(username);
      const me = await t.app.inject({ url: '/api/me', headers: bearer(token) });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ username, roles: [role] });
    }
  });

  it('shows the posts an account holds and the grid a grid worker serves', async () => {
    const handler = (await t.app.inject({ url: '/api/me', headers: bearer(await t.login('handler')) })).json();
    expect(handler.posts).toEqual([expect.objectContaining({ code: 'JJ-CSGX', name: '城市更新岗', holder: 'A' })]);
    expect(handler.scopeOrgUnit).toMatchObject({ name: '春晖路街道', level: 'town' });
    const gw = (await t.app.inject({ url: '/api/me', headers: bearer(await t.login('gridworker')) })).json();
    expect(gw.grids).toEqual([expect.objectContaining({ teamRole: 'fullTime' })]);
    expect(gw.scopeOrgUnit.level).toBe('grid');
  });

  it('refuses a wrong password and an unknown user alike, without saying which', async () => {
    const wrong = await login('dispatcher', 'nope-nope', '10.0.0.2');
    const unknown = await login('nobody', 'nope-nope', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('BAD_CREDENTIALS');
  });

  it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('leader', 'wrong-pass', '10.0.0.3')).statusCode).toBe(401);
    const blocked = await login('leader', 'demo1234', '10.0.0.3');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    t.clock.advance(16 * 60_000);
    expect((await login('leader', 'demo1234', '10.0.0.3')).statusCode).toBe(200);
  });

  it('expires tokens and revokes them at logout', async () => {
    const token = await t.login('admin');
    expect((await t.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/me', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');

    const other = await t.login('admin');
    t.clock.advance(t.config.tokenTtlSeconds * 1000 + 1);
    expect((await t.app.inject({ url: '/api/me', headers: bearer(other) })).statusCode).toBe(401);
  });

  it('answers 401 without a token or with garbage', async () => {
    expect((await t.app.inject({ url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer x' } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('stores no plain password or token', async () => {
    const token = await t.login('dispatcher');
    const rows = (await t.db.query<{ password_hash: string }>(`select password_hash from accounts where username = 'dispatcher'`)).rows;
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
    const sessions = (await t.db.query<{ token_hash: string }>('select token_hash from sessions')).rows;
    expect(sessions.map((s) => s.token_hash)).not.toContain(token);
  });
});

describe('errors', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('MALFORMED_JSON');
  });

  it('answers a schema failure with 400 and the field names', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(r.json().error.message).toContain('password');
  });

  it('names the demo accounts for the sign-in page of a demo server, and never in production', async () => {
    const demo = (await t.app.inject({ url: '/api/auth/demo-accounts' })).json();
    expect(demo.password).toBe('demo1234');
    expect(demo.accounts.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['admin', 'dispatcher', 'resident']));
    expect(demo.accounts).toContainEqual({ username: 'dispatcher', name: '刘晓燕', roles: ['dispatcher'] }); // whom the sign-in page says you become
    const production = await buildApp({ db: t.db, config: { ...t.config, production: true } });
    try {
      const r = await production.inject({ url: '/api/auth/demo-accounts' });
      expect([r.statusCode, r.json().error.code]).toEqual([404, 'NOT_FOUND']);
    } finally {
      await production.close();
    }
  });

  it('answers an unknown route with a JSON 404', async () => {
    const r = await t.app.inject({ url: '/api/nothing-here' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves health and the OpenAPI document', async () => {
    const health = (await t.app.inject({ url: '/api/health' })).json();
    expect(health).toMatchObject({ status: 'ok', db: t.db.kind });
    expect(Object.keys(health).sort()).toEqual(['db', 'status', 'version']); // nothing about demo accounts
    const doc = (await t.app.inject({ url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/org-units/locate']));
  });
});
