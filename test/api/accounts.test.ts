// Account administration by the security administrator (安全管理员), through the API, on PGlite and PostgreSQL:
// create → sign in with the one-time password → forced change → normal use; scope, duplicates, 三员分立, posts,
// Idempotency-Key, reset, disable, and the audit written with each change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { checkPasswordPolicy } from '../../src/domain/identity/password-policy.ts';

let t: TestApp;
let security: string;
const unit: Record<string, string> = {};
const CODES = { city: '500000000000', urbanTown: '500199001000', ruralTown: '500199101000', demoGrid: DEMO_GRID, ruralGrid: '500199101201001' };

beforeAll(async () => {
  t = await createTestApp();
  security = await t.login('security');
  for (const [k, code] of Object.entries(CODES)) {
    unit[k] = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [code])).rows[0]!.id;
  }
});
afterAll(async () => { await t.close(); });

const as = (token: string) => ({
  get: (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) }),
  post: (url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload ?? {}, headers: { ...bearer(token), ...headers } }),
  patch: (url: string, payload: object) => t.app.inject({ method: 'PATCH', url, payload, headers: bearer(token) }),
});
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const newWorker = (username: string, over: object = {}) => ({ username, name: '测试网格员', phone: '13900001234', roles: ['gridWorker'], scopeOrgUnitId: unit.demoGrid, ...over });
const auditOf = async (action: string, targetId: string) =>
  (await t.db.query<{ actor_name: string; detail: unknown }>('select actor_name, detail from audit_log where action = $1 and target_id = $2', [action, targetId])).rows;
const accountCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from accounts')).rows[0]!.n;

describe('a new grid worker, from creation to work', () => {
  it('is created with a one-time password, must change it first, then works as a grid worker', async () => {
    const created = await as(security).post('/api/accounts', newWorker('gw.new'));
    expect(created.statusCode, created.body).toBe(201);
    const { account, oneTimePassword } = created.json();
    expect(checkPasswordPolicy(oneTimePassword)).toBeNull();
    expect(account).toMatchObject({
      username: 'gw.new', roles: ['gridWorker'], scopeOrgUnitId: unit.demoGrid, phone: '139****1234', mustChangePassword: true,
      policies: { edit: true, disable: true, enable: false, unlock: false, resetPassword: true },
    });
    expect(await auditOf('account.create', account.id)).toEqual([expect.objectContaining({ actor_name: 'security' })]);
    const stored = (await t.db.query<{ phone: string; password_hash: string }>('select phone, password_hash from accounts where id = $1', [account.id])).rows[0]!;
    expect(stored.phone).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(oneTimePassword);

    const signIn = await login('gw.new', oneTimePassword);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ mustChangePassword: true, user: { mustChangePassword: true } });
    const token = signIn.json().token as string;
    const blocked = await as(token).get('/api/cases');
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    expect(blocked.json().error.messageZh).toContain('一次性密码');
    expect((await as(token).get('/api/me')).json().mustChangePassword).toBe(true);
    const same = await as(token).post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: oneTimePassword });
    expect([same.statusCode, same.json().error.details]).toEqual([400, [{ field: 'newPassword', problem: 'SAME_AS_ONE_TIME' }]]);

    expect((await as(token).post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Wangge-2026' })).statusCode).toBe(204);
    expect((await as(token).get('/api/me')).json()).toMatchObject({ mustChangePassword: false, roles: ['gridWorker'] });
    const here = await gridCentre(t.db, DEMO_GRID);
    const report = await as(token).post('/api/cases', { categoryCode: 'C0101', description: '新网格员的第一件', location: here });
    expect(report.statusCode, report.body).toBe(201);
    expect((await login('gw.new', oneTimePassword)).statusCode).toBe(401);
    expect((await login('gw.new', 'Wangge-2026')).json().mustChangePassword).toBe(false);
  });

  it('gets a new one-time password on reset: its sessions end and it must change it again', async () => {
    const { account } = (await as(security).post('/api/accounts', newWorker('gw.reset'))).json();
    const first = (await as(security).post(`/api/accounts/${account.id}/reset-password`)).json().oneTimePassword;
    const token = (await login('gw.reset', first)).json().token;
    expect((await as(token).post('/api/auth/password', { currentPassword: first, newPassword: 'Mine-2026x' })).statusCode).toBe(204);
    expect((await as(token).get('/api/org-units/locate?lng=106.5&lat=29.48')).statusCode).not.toBe(403);

    const reset = await as(security).post(`/api/accounts/${account.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const next = reset.json().oneTimePassword as string;
    expect(checkPasswordPolicy(next)).toBeNull();
    expect((await as(token).get('/api/me')).statusCode).toBe(401);
    expect((await login('gw.reset', 'Mine-2026x')).statusCode).toBe(401);
    expect((await login('gw.reset', next)).json().mustChangePassword).toBe(true);
    expect(await auditOf('account.resetPassword', account.id)).toHaveLength(2);
  });
});

describe('refusals', () => {
  it('answers a duplicate username 409 and writes nothing', async () => {
    const before = await accountCount();
    const r = await as(security).post('/api/accounts', newWorker('gridworker'));
    expect([r.statusCode, r.json().error.code]).toEqual([409, 'USERNAME_TAKEN']);
    expect(await accountCount()).toBe(before);
  });

  it('refuses two of the system, security and audit administrator on one account (三员分立), on create and on edit', async () => {
    const r = await as(security).post('/api/accounts', newWorker('two.hats', { roles: ['admin', 'auditor'], scopeOrgUnitId: unit.city }));
    expect([r.statusCode, r.json().error.code]).toEqual([422, 'SEPARATION_OF_DUTIES']);
    expect(r.json().error.messageZh).toContain('三员分立');
    const auditorId = (await t.db.query<{ id: string }>(`select id from accounts where username = 'auditor'`)).rows[0]!.id;
    const edit = await as(security).patch(`/api/accounts/${auditorId}`, { roles: ['auditor', 'securityAdmin'] });
    expect([edit.statusCode, edit.json().error.code]).toEqual([422, 'SEPARATION_OF_DUTIES']);
    expect((await t.db.query<{ roles: string[] }>('select roles from accounts where id = $1', [auditorId])).rows[0]!.roles).toEqual(['auditor']);
  });

  it.each([
    [[], 'ROLES_INVALID'],
    [['janitor'], 'ROLES_INVALID'],
    [['resident'], 'ROLES_INVALID'],
  ])('refuses roles %j with 422 %s', async (roles, code) => {
    const r = await as(security).post('/api/accounts', newWorker('bad.roles', { roles }));
    expect([r.statusCode, r.json().error.code]).toEqual([422, code]);
  });

  it('refuses a bad username or phone with 422 naming the field', async () => {
    const r = await as(security).post('/api/accounts', newWorker('x', { phone: '123' }));
    expect([r.statusCode, r.json().error.code]).toEqual([422, 'ACCOUNT_INVALID']);
    expect(r.json().error.details.map((d: { field: string }) => d.field)).toEqual(['username', 'phone']);
  });

  it('lets only the security administrator administer accounts', async () => {
    for (const who of ['admin', 'auditor', 'leader']) {
      const token = await t.login(who);
      expect((await as(token).get('/api/accounts')).statusCode, who).toBe(403);
      expect((await as(token).post('/api/accounts', newWorker(`by.${who}`))).statusCode, who).toBe(403);
    }
  });

  it('refuses changes to one\'s own account: another administrator makes them', async () => {
    const me = (await as(security).get('/api/me')).json().id;
    for (const r of [
      await as(security).patch(`/api/accounts/${me}`, { roles: ['securityAdmin', 'leader'] }),
      await as(security).post(`/api/accounts/${me}/disable`),
      await as(security).post(`/api/accounts/${me}/reset-password`),
    ]) expect([r.statusCode, r.json().error.code]).toEqual([409, 'CONFLICT']);
    const mine = (await as(security).get('/api/accounts?q=security')).json().items.find((a: { id: string }) => a.id === me);
    expect(mine.policies).toEqual({ edit: false, disable: false, enable: false, unlock: false, resetPassword: false });
  });
});

describe('scope', () => {
  let townSecurity: string;
  beforeAll(async () => {
    const created = await as(security).post('/api/accounts', newWorker('sec.qinggang', { roles: ['securityAdmin'], scopeOrgUnitId: unit.ruralTown }));
    expect(created.statusCode, created.body).toBe(201);
    const otp = created.json().oneTimePassword;
    const first = (await login('sec.qinggang', otp)).json().token;
    await as(first).post('/api/auth/password', { currentPassword: otp, newPassword: 'Qinggang-2026' });
    townSecurity = (await login('sec.qinggang', 'Qinggang-2026')).json().token;
  });

  it('lists only the accounts of the administrator\'s subtree', async () => {
    const items = (await as(townSecurity).get('/api/accounts')).json().items as { username: string }[];
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((a) => a.username.startsWith('town2-') || a.username === 'sec.qinggang'), items.map((a) => a.username).join()).toBe(true);
  });

  it('answers 404 for a scope, a post or an account outside its own', async () => {
    const outside = await as(townSecurity).post('/api/accounts', newWorker('gw.outside'));
    expect([outside.statusCode, outside.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const gridworker = (await t.db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
    expect((await as(townSecurity).patch(`/api/accounts/${gridworker}`, { name: '改名' })).statusCode).toBe(404);
    expect((await as(townSecurity).post(`/api/accounts/${gridworker}/disable`)).statusCode).toBe(404);
    expect((await as(townSecurity).post(`/api/accounts/${gridworker}/reset-password`)).statusCode).toBe(404);
    const inside = (await as(townSecurity).post('/api/accounts', newWorker('gw.rural', { scopeOrgUnitId: unit.ruralGrid }))).json().account;
    const moved = await as(townSecurity).patch(`/api/accounts/${inside.id}`, { scopeOrgUnitId: unit.demoGrid });
    expect(moved.statusCode).toBe(404);
    const urbanPost = (await t.db.query<{ id: string }>(`select id from posts where town_id = $1 and code = 'JJ-CSGX'`, [unit.urbanTown])).rows[0]!.id;
    expect((await as(townSecurity).patch(`/api/accounts/${inside.id}`, { postIds: [urbanPost] })).statusCode).toBe(404);
  });

  it('offers only its subtree\'s units and posts in the form choices', async () => {
    const c = (await as(townSecurity).get('/api/accounts/choices')).json();
    expect(c.roles).not.toContain('resident');
    expect(c.units.find((u: { id: string }) => u.id === unit.ruralTown)).toBeDefined();
    expect(c.units.find((u: { id: string }) => u.id === unit.urbanTown)).toBeUndefined();
    expect(c.units.some((u: { level: string }) => u.level === 'microGrid')).toBe(false);
    expect(c.posts.length).toBeGreaterThan(0);
    expect(c.posts.every((p: { townName: string }) => p.townName === '青杠镇')).toBe(true);
  });
});

describe('edits, posts and state', () => {
  const postOf = async (code: string) => (await t.db.query<{ id: string; a_holder_id: string | null; b_holder_id: string | null }>(
    'select id, a_holder_id, b_holder_id from posts where town_id = $1 and code = $2', [unit.urbanTown, code])).rows[0]!;

  it('edits name, phone, roles, scope and posts, audited with what changed', async () => {
    const made = await as(security).post('/api/accounts', newWorker('hd.new', { roles: ['handler'], scopeOrgUnitId: unit.urbanTown, phone: null }));
    expect(made.statusCode, made.body).toBe(201);
    const { account } = made.json();
    const post = await postOf('JJ-CSGX');
    await t.db.query('update posts set b_holder_id = null where id = $1', [post.id]); // A is the demo handler's: the new account takes B
    const r = await as(security).patch(`/api/accounts/${account.id}`, { name: '新处置人', phone: '13700007777', roles: ['handler', 'dispatcher'], postIds: [post.id] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ name: '新处置人', phone: '137****7777', roles: ['handler', 'dispatcher'], posts: [{ id: post.id, holder: 'B' }] });
    expect((await postOf('JJ-CSGX')).b_holder_id).toBe(account.id);
    const [entry] = await auditOf('account.update', account.id);
    expect(entry!.detail).toMatchObject({ changed: ['name', 'phone', 'roles', 'postIds'], roles: { from: ['handler'], to: ['handler', 'dispatcher'] } });
    expect(JSON.stringify(entry!.detail)).not.toContain('13700007777');
    // the post's holders changed through the posts' own command: its audit entry names the account edit that caused it
    const [held] = await auditOf('post.set_holders', post.id);
    expect(held).toMatchObject({ actor_name: 'security', detail: { code: 'JJ-CSGX', before: { b: null }, after: { b: account.id }, byAccountEdit: account.id } });

    const full = (await as(security).post('/api/accounts', newWorker('hd.third', { roles: ['handler'], scopeOrgUnitId: unit.urbanTown, postIds: [post.id] })));
    expect([full.statusCode, full.json().error.code]).toEqual([409, 'POST_FULL']);
    expect((await as(security).get('/api/accounts?q=hd.third')).json().items).toEqual([]);

    const wrongRole = await as(security).patch(`/api/accounts/${account.id}`, { roles: ['leader'] });
    expect([wrongRole.statusCode, wrongRole.json().error.code]).toEqual([422, 'POST_HOLDER_INELIGIBLE']);

    const retired = await postOf('JJ-NYNC');
    await t.db.query('update posts set retired_at = $2 where id = $1', [retired.id, t.clock.now]);
    expect((await as(security).patch(`/api/accounts/${account.id}`, { postIds: [post.id, retired.id] })).statusCode).toBe(404); // a retired post takes no holder
    await t.db.query('update posts set retired_at = null where id = $1', [retired.id]);

    const left = await as(security).patch(`/api/accounts/${account.id}`, { postIds: [] });
    expect(left.json().posts).toEqual([]);
    expect((await postOf('JJ-CSGX')).b_holder_id).toBeNull();
  });

  it('refuses to leave a post without holders while its cases are open, listing them', async () => {
    const here = await gridCentre(t.db, DEMO_GRID);
    const { account, oneTimePassword } = (await as(security).post('/api/accounts', newWorker('hd.sole', { roles: ['handler'], scopeOrgUnitId: unit.urbanTown }))).json();
    const post = await postOf('JJ-CSGX');
    await t.db.query('update posts set a_holder_id = null, b_holder_id = null where id = $1', [post.id]);
    expect((await as(security).patch(`/api/accounts/${account.id}`, { postIds: [post.id] })).json().posts).toEqual([{ id: post.id, name: '城市更新岗', holder: 'A' }]);
    const dispatcher = await t.login('dispatcher');
    const c = (await as(dispatcher).post('/api/cases', { categoryCode: 'C0101', description: '派给岗位', location: here, source: 'hotline', reporter: { phone: '13800009999' } })).json();
    expect((await as(dispatcher).post(`/api/cases/${c.id}/actions/accept`, {})).statusCode).toBe(200);
    expect((await as(dispatcher).post(`/api/cases/${c.id}/actions/dispatch`, { assignee: { postId: post.id }, reason: '改派测试' })).statusCode).toBe(200);
    const r = await as(security).patch(`/api/accounts/${account.id}`, { postIds: [] });
    expect([r.statusCode, r.json().error.code]).toEqual([409, 'POST_HAS_OPEN_CASES']);
    expect(r.json().error.details.cases).toContain(c.number);
    expect((await postOf('JJ-CSGX')).a_holder_id).toBe(account.id);
    expect(oneTimePassword).toBeTruthy();
  });

  it('disables (tokens stop at once), enables and unlocks, each audited', async () => {
    const { account, oneTimePassword } = (await as(security).post('/api/accounts', newWorker('gw.state'))).json();
    const token = (await login('gw.state', oneTimePassword)).json().token;
    expect((await as(security).post(`/api/accounts/${account.id}/disable`)).statusCode).toBe(204);
    expect((await as(token).get('/api/me')).statusCode).toBe(401);
    expect((await as(security).post(`/api/accounts/${account.id}/enable`)).statusCode).toBe(204);
    for (let i = 0; i < 5; i++) await login('gw.state', `wrong-${i}x`);
    const locked = (await as(security).get('/api/accounts?q=gw.state')).json().items[0];
    expect(locked).toMatchObject({ locked: true, policies: { unlock: true } });
    expect((await as(security).post(`/api/accounts/${account.id}/unlock`)).statusCode).toBe(204);
    expect((await login('gw.state', oneTimePassword)).statusCode).toBe(200);
    for (const action of ['disable', 'enable', 'unlock']) expect(await auditOf(`account.${action}`, account.id), action).toHaveLength(1);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retried create with the first result, also when the retries race', async () => {
    const key = { 'idempotency-key': 'create-gw-idem' };
    const answers = await Promise.all([0, 1, 2, 3].map(() => as(security).post('/api/accounts', newWorker('gw.idem'), key)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().account.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.json().oneTimePassword)).size).toBe(1);
    expect((await t.db.query(`select 1 from accounts where username = 'gw.idem'`)).rows).toHaveLength(1);
    const stored = (await t.db.query<{ one_time_password: string }>(`select one_time_password from accounts where username = 'gw.idem'`)).rows[0]!;
    expect(stored.one_time_password).toMatch(/^v1\./);

    // once the password is set, the one-time password is forgotten: a late retry cannot bring it back
    const otp = answers[0]!.json().oneTimePassword;
    const token = (await login('gw.idem', otp)).json().token;
    await as(token).post('/api/auth/password', { currentPassword: otp, newPassword: 'Idem-2026x' });
    const late = await as(security).post('/api/accounts', newWorker('gw.idem'), key);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'CONFLICT']);
    expect((await t.db.query(`select one_time_password from accounts where username = 'gw.idem'`)).rows[0]).toEqual({ one_time_password: null });
  });
});
