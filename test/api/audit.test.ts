import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { audit, pruneAudit } from '../../src/server/audit/audit-log.ts';
import { auditAnchorJob } from '../../src/server/audit/audit-anchor-job.ts';
import { anchorFileOf } from '../../src/server/audit/anchor-file.ts';
import type { AuditRow } from '../../src/server/audit/store.ts';
import { chainInput, GENESIS_HASH, type AuditFields } from '../../src/domain/identity/audit-chain.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'security', 'auditor', 'dispatcher', 'resident']) tokens[u] = await t.login(u);
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

  it('names the actor and the target where they still exist, in every entry of the page', async () => {
    const here = await gridCentre(t.db, DEMO_GRID);
    const c = (await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { categoryCode: 'E0101', description: '垃圾', location: here, reporter: { phone: '13800004444' } } })).json();
    const caseId = (await get(`/api/cases?q=${c.number}`, 'dispatcher')).json().items[0].id;
    await get(`/api/cases/${caseId}`, 'dispatcher');
    const one = async (sql: string) => (await t.db.query<{ id: string; name: string }>(sql)).rows[0]!;
    const [dispatcher, resident, unit, matter, post] = [
      await one(`select id, name from accounts where username = 'dispatcher'`), await one(`select id, name from accounts where username = 'resident'`),
      await one(`select id, name from org_units where level = 'grid' order by code limit 1`), await one(`select id, name from matters order by code, version limit 1`),
      await one(`select id, name from posts order by code limit 1`),
    ];
    const actor = { actorId: dispatcher.id, actorName: 'dispatcher', ip: '10.2.2.2', success: true };
    const targets: [string, string][] = [['account', resident.id], ['org_unit', unit.id], ['matter', matter.id], ['post', post.id], ['org_unit', 'gone-unit'], ['working_calendar', '2031']];
    for (const [targetType, targetId] of targets) await audit(t.db, { at: t.clock.now, ...actor, action: 'test.names', targetType, targetId });
    const items = (await get('/api/audit?action=test.names', 'auditor')).json().items;
    expect(items.map((e: { targetType: string; targetId: string; targetName: string | null }) => [e.targetType, e.targetId, e.targetName])).toEqual([
      ['working_calendar', '2031', null], ['org_unit', 'gone-unit', null], ['post', post.id, post.name], ['matter', matter.id, matter.name],
      ['org_unit', unit.id, unit.name], ['account', resident.id, resident.name],
    ]);
    expect(new Set(items.map((e: { actorName: string; actorDisplayName: string }) => `${e.actorDisplayName} ${e.actorName}`))).toEqual(new Set([`${dispatcher.name} dispatcher`]));
    const read = (await get(`/api/audit?action=case.read_contact&targetId=${caseId}`, 'auditor')).json().items;
    expect(read).toEqual([expect.objectContaining({ actorDisplayName: dispatcher.name, targetType: 'case', targetId: caseId, targetName: c.number })]);
    // a failed sign-in by a name no account has: no display name
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'wrong-one' } });
    const failed = (await get('/api/audit?action=login&success=false&limit=1', 'auditor')).json().items[0];
    expect(failed).toMatchObject({ actorName: 'nobody-here', actorDisplayName: null });
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
    expect((await post(`/api/accounts/${id}/disable`, 'security')).statusCode).toBe(204);
    expect((await get('/api/me', 'resident')).statusCode).toBe(401);
    await expect(t.login('resident')).rejects.toThrow(/401/);
    expect((await post(`/api/accounts/${id}/enable`, 'security')).statusCode).toBe(204);
    tokens.resident = await t.login('resident');
  });

  it('the security administrator unlocks an account locked by failed sign-ins', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'handler', password: 'bad-bad-bad' } });
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'handler', password: 'demo1234' } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.messageZh).toMatch(/分钟后再试/);
    const list = (await get('/api/accounts?q=handler', 'security')).json().items;
    expect(list.find((a: { username: string }) => a.username === 'handler')).toMatchObject({ locked: true });
    expect((await post(`/api/accounts/${await accountId('handler')}/unlock`, 'security')).statusCode).toBe(204);
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

  it('keeps the security administrator to its scope and away from disabling itself', async () => {
    expect((await post(`/api/accounts/${await accountId('security')}/disable`, 'security')).statusCode).toBe(409);
    expect((await post('/api/accounts/nope/disable', 'security')).statusCode).toBe(404);
    expect((await post(`/api/accounts/${await accountId('leader')}/disable`, 'dispatcher')).statusCode).toBe(403);
  });
});

describe('the keyed audit chain and its anchors outside the database', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const fieldsOf = (r: AuditRow): AuditFields => ({
    at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, ip: r.ip, action: r.action,
    targetType: r.target_type, targetId: r.target_id, success: r.success, detail: r.detail,
  });
  const logged: string[] = [];
  const anchor = () => auditAnchorJob(t.db, t.config.dataDir, { clock: () => t.clock.now, log: (line) => logged.push(line) }).handler({});
  const rows = async () => (await t.db.query<AuditRow>('select * from audit_log order by id')).rows;
  const verify = async () => {
    const res = await get('/api/audit/verify', 'auditor');
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  /** someone with the database owner's rights, past the append-only triggers */
  async function asOwner(sql: string, params: unknown[] = []): Promise<void> {
    await t.db.exec('alter table audit_log disable trigger user');
    try {
      await t.db.query(sql, params);
    } finally {
      await t.db.exec('alter table audit_log enable trigger user');
    }
  }
  /** what that someone can do without the key: recompute every row from `fromId` on with plain SHA-256 */
  async function rehashWithoutKey(fromId: number, o: { relabel: boolean; edit?: (f: AuditFields) => void }): Promise<void> {
    let prev = GENESIS_HASH;
    for (const r of await rows()) {
      if (r.id >= fromId) {
        const f = fieldsOf(r);
        o.edit?.(f);
        const hash = sha(chainInput(prev, f));
        await asOwner('update audit_log set prev_hash = $1, hash = $2, detail = $3, mac = $4 where id = $5',
          [prev, hash, f.detail === null ? null : JSON.stringify(f.detail), o.relabel ? 'sha256' : r.mac, r.id]);
        prev = hash;
      } else {
        prev = r.hash;
      }
    }
  }

  let anchoredId: number;
  beforeEach(async () => {
    // a fresh log and no anchors; then eight searches, with the sixth anchored
    await asOwner('delete from audit_log');
    await rm(anchorFileOf(t.config.dataDir), { force: true });
    logged.length = 0;
    for (let i = 0; i < 6; i++) await get(`/api/audit?limit=${i + 1}`, 'admin');
    await anchor();
    anchoredId = (await rows()).at(-1)!.id;
    for (let i = 0; i < 2; i++) await get('/api/audit?limit=1', 'admin');
  });

  it('verifies a clean log and its anchor, kept in a file and in the server log', async () => {
    const all = await rows();
    expect(all.every((r) => r.mac === 'hmac-sha256')).toBe(true);
    expect(all.map((r) => r.hash)).not.toContain(sha(chainInput(all[0]!.prev_hash, fieldsOf(all[0]!))));
    expect(await verify()).toEqual({
      ok: true, checked: 8, unkeyed: 0, brokenAt: null,
      anchors: { checked: 1, pruned: 0, latestAt: t.clock.now.toISOString(), brokenAt: null },
    });
    const file = anchorFileOf(t.config.dataDir);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: anchoredId, hash: all[5]!.hash, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(logged).toEqual([`audit anchor ${lines[0]}`]);
    // a new anchor only once the head has moved
    await anchor();
    expect(logged).toHaveLength(2);
    await anchor();
    expect(logged).toHaveLength(2);
    expect((await verify()).anchors).toMatchObject({ checked: 2, brokenAt: null });
  });

  it('finds the newest rows deleted, by the anchor', async () => {
    await asOwner('delete from audit_log where id >= $1', [anchoredId]);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: null, anchors: { brokenAt: { line: 1, id: anchoredId, reason: 'truncated' } } });
  });

  it('finds the oldest rows deleted before their time, by the anchor', async () => {
    await asOwner('delete from audit_log where id <= $1', [anchoredId]);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: null, anchors: { brokenAt: { id: anchoredId, reason: 'deleted' } } });
  });

  it('finds a row deleted and the rest re-hashed with plain SHA-256', async () => {
    const middle = anchoredId - 3;
    await asOwner('delete from audit_log where id = $1', [middle]);
    await rehashWithoutKey(middle, { relabel: false });
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { id: middle + 1, reason: 'hash' } });
  });

  it('finds a row deleted and the rest re-hashed as if written before the key', async () => {
    const middle = anchoredId - 3;
    await asOwner('delete from audit_log where id = $1', [middle]);
    await rehashWithoutKey(middle, { relabel: true });
    expect(await verify()).toMatchObject({
      ok: false, brokenAt: { id: middle + 1, reason: 'unkeyed' }, anchors: { brokenAt: { id: anchoredId, reason: 'rewritten' } },
    });
  });

  it('finds the whole log rewritten as if written before the key, by the anchor', async () => {
    await asOwner('delete from audit_log where id = $1', [anchoredId - 3]);
    await rehashWithoutKey(0, { relabel: true });
    expect(await verify()).toMatchObject({ ok: false, brokenAt: null, anchors: { brokenAt: { id: anchoredId, reason: 'rewritten' } } });
  });

  it.each([false, true])('finds the detail of the newest row edited and its hash recomputed without the key (relabelled: %s)', async (relabel) => {
    const newest = (await rows()).at(-1)!.id;
    await rehashWithoutKey(newest, { relabel, edit: (f) => { f.detail = { filter: {}, returned: 0 }; } });
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { id: newest, reason: relabel ? 'unkeyed' : 'hash' } });
  });

  it('finds an anchor edited to fit a shortened log', async () => {
    await asOwner('delete from audit_log where id >= $1', [anchoredId]);
    const head = (await rows()).at(-1)!;
    const file = anchorFileOf(t.config.dataDir);
    const a = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, `${JSON.stringify({ ...a, id: head.id, hash: head.hash, rowAt: head.at.toISOString() })}\n`);
    expect(await verify()).toMatchObject({
      ok: false, brokenAt: null, anchors: { checked: 1, latestAt: null, brokenAt: { line: 1, id: head.id, reason: 'signature' } },
    });
  });

  it('keeps verifying rows written before the key, followed by keyed ones', async () => {
    await asOwner('delete from audit_log');
    await rm(anchorFileOf(t.config.dataDir), { force: true });
    let prev = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const f: AuditFields = { at: new Date(t.clock.now.getTime() - (3 - i) * 60_000).toISOString(), actorId: null, actorName: 'leader', ip: '10.0.0.9', action: 'login', targetType: null, targetId: null, success: i > 0, detail: { n: i } };
      const hash = sha(chainInput(prev, f));
      await t.db.query(`insert into audit_log (at, actor_name, ip, action, success, detail, prev_hash, hash, mac) values ($1, $2, $3, $4, $5, $6, $7, $8, 'sha256')`,
        [f.at, f.actorName, f.ip, f.action, f.success, JSON.stringify(f.detail), prev, hash]);
      prev = hash;
    }
    await get('/api/audit?limit=1', 'admin');
    await anchor();
    await get('/api/audit?limit=2', 'admin');
    expect(await verify()).toMatchObject({ ok: true, checked: 5, unkeyed: 3, brokenAt: null, anchors: { checked: 1, brokenAt: null } });
  });

  it('takes an anchor of a row pruned by retention for what it is', async () => {
    const today = t.clock.now;
    try {
      await asOwner('delete from audit_log');
      await rm(anchorFileOf(t.config.dataDir));
      t.clock.set(new Date(today.getTime() - 400 * 86_400_000));
      for (let i = 0; i < 3; i++) await get('/api/audit?limit=1', 'admin');
      await anchor();
    } finally {
      t.clock.set(today);
    }
    await get('/api/audit?limit=1', 'admin');
    await anchor();
    expect(await pruneAudit(t.db, 183)).toBe(3);
    expect(await verify()).toMatchObject({ ok: true, checked: 1, brokenAt: null, anchors: { checked: 2, pruned: 1, brokenAt: null } });
  });
});
