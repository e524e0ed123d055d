import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { pruneAudit } from '../../src/server/audit/audit-log.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'auditor', 'dispatcher', 'resident']) tokens[u] = await t.login(u);
});
afterAll(async () => { await t.close(); });

const get = (url: string, who: string) => t.app.inject({ url, headers: bearer(tokens[who]!) });
const post = (url: string, who: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
const accountId = async (username: string) => (await t.db.query<{ id: string }>('select id from accounts where username = $1', [username])).rows[0]!.id;

describe('the auditor (审计管理员, 三员分立)', () => {
  it('searches the whole log and verifies its chain', async () => {
    const me = (await get('/api/me', 'auditor')).json();
    expect(me).toMatchObject({ username: 'auditor', kind: 'staff', roles: ['auditor'] });
    const search = await get('/api/audit?action=login', 'auditor');
    expect(search.statusCode).toBe(200);
    // platform-wide: the admin's sign-in (scope: the whole city) is there, though the auditor's scope is the district
    expect(search.json().items.some((e: { actorName: string }) => e.actorName === 'admin')).toBe(true);
    expect((await get('/api/audit/verify', 'auditor')).json()).toMatchObject({ ok: true, brokenAt: null });
  });

  it('gets nothing else: no cases, accounts, matters, organisation, calendar or uploads', async () => {
    const here = await gridCentre(t.db, DEMO_GRID);
    const { number } = (await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { categoryCode: 'E0101', description: '垃圾', location: here, reporter: { phone: '13800006666' } } })).json();
    const someCase = (await t.db.query<{ id: string }>('select id from cases where number = $1', [number])).rows[0]!.id;
    const refused: [string, string, object?][] = [
      ['GET', '/api/cases'], ['GET', `/api/cases/${someCase}`],
      ['POST', '/api/cases', { categoryCode: 'C0101', description: '审计员不报案', location: here }],
      ['POST', `/api/cases/${someCase}/actions/accept`, {}],
      ['GET', '/api/events'],
      ['GET', '/api/accounts'], ['POST', `/api/accounts/${await accountId('resident')}/disable`], ['POST', `/api/accounts/${await accountId('handler')}/unlock`],
      ['GET', '/api/matters'], ['GET', '/api/matters/C0101/versions'], ['POST', '/api/matters', { code: 'Z9999' }],
      ['GET', '/api/org-units'], ['GET', `/api/org-units/${(await get('/api/me', 'auditor')).json().scopeOrgUnitId}`],
      ['GET', '/api/working-calendar'], ['PUT', '/api/working-calendar/2031', { source: 'x', holidays: [], workdays: [] }],
      ['POST', '/api/files'],
    ];
    for (const [method, url, payload] of refused) {
      const res = await t.app.inject({ method: method as 'GET', url, headers: bearer(tokens.auditor!), ...(payload ? { payload } : {}) });
      expect(`${method} ${url} → ${res.statusCode}`).toBe(`${method} ${url} → 403`);
    }
  });
});

describe('audit log', () => {
  it('records sign-ins, failed ones too, with where from', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'wrong-one' }, remoteAddress: '10.1.1.1' });
    const items = (await get('/api/audit?action=login', 'admin')).json().items;
    expect(items[0]).toMatchObject({ action: 'login', actorName: 'leader', ip: '10.1.1.1', success: false });
    expect(items.some((e: { actorName: string; success: boolean }) => e.actorName === 'dispatcher' && e.success)).toBe(true);
  });

  it('records each unmasked read of a reporter\'s phone', async () => {
    const here = await gridCentre(t.db, DEMO_GRID);
    const c = (await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { categoryCode: 'E0101', description: '垃圾', location: here, reporter: { phone: '13800005555' } } })).json();
    const found = (await get(`/api/cases?q=${c.number}`, 'dispatcher')).json().items[0];
    const detail = (await get(`/api/cases/${found.id}`, 'dispatcher')).json();
    expect(detail.reporter.phone).toBe('13800005555');
    const reads = (await get(`/api/audit?action=case.read_contact&targetId=${found.id}`, 'admin')).json().items;
    expect(reads).toEqual([expect.objectContaining({ actorName: 'dispatcher', targetType: 'case', success: true })]);
  });

  it('is for the auditor and admins only, and records who was turned away', async () => {
    expect((await get('/api/audit', 'dispatcher')).statusCode).toBe(403);
    expect((await get('/api/audit/verify', 'dispatcher')).statusCode).toBe(403);
    expect((await get('/api/audit', 'resident')).statusCode).toBe(403);
    const denied = (await get('/api/audit?action=access.denied&success=false', 'auditor')).json().items;
    expect(denied.map((e: { actorName: string; targetId: string }) => `${e.actorName} ${e.targetId}`)).toEqual(expect.arrayContaining([
      'dispatcher GET /api/audit', 'dispatcher GET /api/audit/verify', 'resident GET /api/audit',
    ]));
    expect(denied[0]).toMatchObject({ success: false, targetType: 'route', ip: expect.any(String) });
  });

  it('records every search and every check of the log, with the filter asked', async () => {
    await get('/api/audit?action=login&success=false&limit=3', 'admin');
    await get('/api/audit/verify', 'admin');
    const searches = (await get('/api/audit?action=audit.', 'auditor')).json().items;
    expect(searches).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'audit.search', actorName: 'admin', success: true, detail: { filter: { action: 'login', success: false }, returned: expect.any(Number) } }),
      expect.objectContaining({ action: 'audit.verify', actorName: 'admin', success: true, detail: expect.objectContaining({ ok: true }) }),
    ]));
    // the auditor's own search is on record too, once it has run
    const next = (await get('/api/audit?action=audit.search&limit=1', 'admin')).json().items;
    expect(next[0]).toMatchObject({ actorName: 'auditor', detail: { filter: { action: 'audit.' } } });
  });

  it('cannot be edited or deleted, and its hash chain shows tampering', async () => {
    expect((await get('/api/audit/verify', 'admin')).json()).toMatchObject({ ok: true, brokenAt: null });
    await expect(t.db.query(`update audit_log set success = true`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`update case_events set reason = 'x'`)).rejects.toThrow(/append-only/);
    expect(await pruneAudit(t.db, 183)).toBe(0); // nothing is old enough
    // someone with the database's owner rights switches the guard off and edits a row: the chain shows it
    await t.db.exec(`alter table audit_log disable trigger audit_log_no_update`);
    await t.db.query(`update audit_log set actor_name = 'nobody' where id = (select min(id) + 1 from audit_log)`);
    await t.db.exec(`alter table audit_log enable trigger audit_log_no_update`);
    const verdict = (await get('/api/audit/verify', 'admin')).json();
    expect(verdict).toMatchObject({ ok: false, brokenAt: { reason: 'hash' } });
  });
});

describe('account administration', () => {
  it('disabling an account stops its tokens at once; enabling lets it sign in again', async () => {
    const id = await accountId('resident');
    expect((await get('/api/me', 'resident')).statusCode).toBe(200);
    expect((await post(`/api/accounts/${id}/disable`, 'admin')).statusCode).toBe(204);
    expect((await get('/api/me', 'resident')).statusCode).toBe(401);
    await expect(t.login('resident')).rejects.toThrow(/401/);
    expect((await post(`/api/accounts/${id}/enable`, 'admin')).statusCode).toBe(204);
    tokens.resident = await t.login('resident');
  });

  it('an admin unlocks an account locked by failed sign-ins', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'handler', password: 'bad-bad-bad' } });
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'handler', password: 'demo1234' } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.messageZh).toMatch(/分钟后再试/);
    const list = (await get('/api/accounts?q=handler', 'admin')).json().items;
    expect(list.find((a: { username: string }) => a.username === 'handler')).toMatchObject({ locked: true });
    expect((await post(`/api/accounts/${await accountId('handler')}/unlock`, 'admin')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'handler', password: 'demo1234' } })).statusCode).toBe(200);
  });

  it('changes one\'s password under the policy, signing out other sessions', async () => {
    const other = await t.login('dispatcher');
    const weak = await post('/api/auth/password', 'dispatcher', { currentPassword: 'demo1234', newPassword: 'abcdefgh' });
    expect([weak.statusCode, weak.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const wrong = await post('/api/auth/password', 'dispatcher', { currentPassword: 'nope', newPassword: 'Better-2026' });
    expect(wrong.statusCode).toBe(401);
    expect((await post('/api/auth/password', 'dispatcher', { currentPassword: 'demo1234', newPassword: 'Better-2026' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: bearer(other) })).statusCode).toBe(401);
    expect((await get('/api/me', 'dispatcher')).statusCode).toBe(200);
  });

  it('keeps admins to their scope and away from disabling themselves', async () => {
    expect((await post(`/api/accounts/${await accountId('admin')}/disable`, 'admin')).statusCode).toBe(409);
    expect((await post('/api/accounts/nope/disable', 'admin')).statusCode).toBe(404);
    expect((await post(`/api/accounts/${await accountId('leader')}/disable`, 'dispatcher')).statusCode).toBe(403);
  });
});
