import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { PiiCipher } from '../../src/server/platform/pii-cipher.ts';
import { sealPersonalData } from '../../src/server/platform/seal-personal-data.ts';

/** Personal data at rest (PIPL): phones of accounts and grid teams and reporters' names are sealed like reporters' phones. */

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let gridId: string;
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  gridId = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
});
afterAll(async () => { await t.close(); });

const get = (url: string, who: string) => t.app.inject({ url, headers: bearer(tokens[who]!) });
const plainCount = async () => (await t.db.query<{ accounts: number; team: number; names: number }>(
  `select (select count(*)::int from accounts where phone not like 'v1.%') as accounts,
          (select count(*)::int from grid_team_members where phone not like 'v1.%') as team,
          (select count(*)::int from cases where reporter_name not like 'v1.%') as names`)).rows[0]!;
const teamReads = async () => (await t.db.query<{ actor_name: string; target_id: string; detail: { members: number } }>(
  `select actor_name, target_id, detail from audit_log where action = 'org.read_team_contact' order by id`)).rows;

describe('sealed at rest', () => {
  it('holds no phone of an account or a grid team member, and no reporter\'s name, in the clear', async () => {
    const c = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(tokens.dispatcher!),
      payload: { categoryCode: 'C0101', description: '来电：井盖缺失', location: here, source: 'hotline', reporter: { name: '王小五', phone: '13811112222' } } })).json();
    expect(await plainCount()).toEqual({ accounts: 0, team: 0, names: 0 });
    const seeded = (await t.db.query<{ n: number }>(`select count(*)::int as n from grid_team_members where phone like 'v1.%'`)).rows[0]!.n;
    expect(seeded).toBeGreaterThan(500);
    const stored = JSON.stringify((await t.db.query('select * from cases where id = $1', [c.id])).rows)
      + JSON.stringify((await t.db.query('select * from case_events where case_id = $1', [c.id])).rows);
    expect(stored).not.toContain('王小五');
    expect(stored).not.toContain('13811112222');
    expect((await get(`/api/cases/${c.id}`, 'dispatcher')).json().reporter).toMatchObject({ name: '王小五', phone: '13811112222' });
  });

  it('seals the rows an earlier version left in the clear, once, at start', async () => {
    const { number } = (await t.app.inject({ method: 'POST', url: '/api/public/cases', remoteAddress: '10.7.0.1',
      payload: { categoryCode: 'E0101', description: '升级前的上报', location: here, reporter: { phone: '13811113333' } } })).json();
    const caseId = (await t.db.query<{ id: string }>('select id from cases where number = $1', [number])).rows[0]!.id;
    const member = (await t.db.query<{ id: string }>(`select id from grid_team_members where grid_id = $1 and team_role = 'volunteer' order by sort limit 1`, [gridId])).rows[0]!.id;
    // as an earlier version wrote them: plain values, and the report's timeline entry named the reporter
    await t.db.query(`update accounts set phone = '13811114444' where username = 'leader'`);
    await t.db.query('update grid_team_members set phone = $2 where id = $1', [member, '13811115555']);
    await t.db.query(`update cases set reporter_name = '赵六' where id = $1`, [caseId]);
    await t.db.transaction(async (tx) => {
      await tx.query(`select set_config('zhizhi.seal_personal_data', 'on', true)`);
      await tx.query(`update case_events set actor_name = '赵六' where case_id = $1 and action = 'report'`, [caseId]);
    });
    expect(await plainCount()).toEqual({ accounts: 1, team: 1, names: 1 });

    expect(await sealPersonalData(t.db, t.app.pii)).toEqual({ accountPhones: 1, teamPhones: 1, reporterNames: 1 });
    expect(await plainCount()).toEqual({ accounts: 0, team: 0, names: 0 });
    const sealed = async () => (await t.db.query<{ phone: string; team: string; name: string; actor: string | null }>(
      `select (select phone from accounts where username = 'leader') as phone, (select phone from grid_team_members where id = $1) as team,
              (select reporter_name from cases where id = $2) as name,
              (select actor_name from case_events where case_id = $2 and action = 'report') as actor`, [member, caseId])).rows[0]!;
    const after = await sealed();
    expect(t.app.pii.decrypt(after.phone)).toBe('13811114444');
    expect(t.app.pii.decrypt(after.team)).toBe('13811115555');
    expect(t.app.pii.decrypt(after.name)).toBe('赵六');
    expect(after.actor).toBeNull();
    expect((await get(`/api/cases/${caseId}`, 'dispatcher')).json()).toMatchObject({ reporter: { name: '赵六' }, timeline: [{ actor: '赵六' }] });

    // idempotent: a second start (or a second node) finds nothing left and changes nothing
    expect(await sealPersonalData(t.db, t.app.pii)).toEqual({ accountPhones: 0, teamPhones: 0, reporterNames: 0 });
    expect(await sealed()).toEqual(after);
  });
});

describe('the timeline', () => {
  it('stays append-only but for the one change the sealing step makes', async () => {
    const c = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(tokens.gridworker!),
      payload: { categoryCode: 'C0101', description: '时间线只增不改', location: here } })).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/accept`, headers: bearer(tokens.dispatcher!), payload: {} })).statusCode).toBe(200);
    const events = (await t.db.query<{ id: number; action: string }>('select id, action from case_events where case_id = $1 order by id', [c.id])).rows;
    const [report, accept] = events.map((e) => e.id) as [number, number];
    const sealing = (sql: string, id: number) => t.db.transaction(async (tx) => {
      await tx.query(`select set_config('zhizhi.seal_personal_data', 'on', true)`);
      await tx.query(sql, [id]);
    });
    await expect(t.db.query(`update case_events set actor_name = null where id = $1`, [report])).rejects.toThrow(/append-only/);
    await expect(sealing(`update case_events set reason = 'x' where id = $1`, report)).rejects.toThrow(/append-only/);
    await expect(sealing(`update case_events set actor_name = null, reason = 'x' where id = $1`, report)).rejects.toThrow(/append-only/);
    await expect(sealing(`update case_events set actor_name = null where id = $1`, accept)).rejects.toThrow(/append-only/);
    await expect(sealing(`delete from case_events where id = $1`, report)).rejects.toThrow(/append-only|foreign key/);
  });
});

describe('grid team phones', () => {
  const team = async (who: string) => {
    const r = await get(`/api/org-units/${gridId}/team`, who);
    expect(r.statusCode, `${who}: ${r.body}`).toBe(200);
    return r.json().members as { teamRole: string; phone: string | null; phoneUnavailable: boolean }[];
  };

  it('are shown to those who coordinate the grid and to its own team, masked to others; reads of volunteers\' phones are audited', async () => {
    const stored = (await t.db.query<{ phone: string }>('select phone from grid_team_members where grid_id = $1 order by sort, name', [gridId])).rows
      .map((r) => t.app.pii.decrypt(r.phone));
    const masked = stored.map((p) => `${p.slice(0, 3)}****${p.slice(-4)}`);
    const before = (await teamReads()).length;
    for (const who of ['community', 'dispatcher', 'leader', 'gridworker']) {
      expect((await team(who)).map((m) => m.phone), who).toEqual(stored);
    }
    for (const who of ['handler', 'admin']) {
      expect((await team(who)).map((m) => m.phone), who).toEqual(masked);
    }
    const reads = (await teamReads()).slice(before);
    expect(reads.map((r) => r.actor_name)).toEqual(['community', 'dispatcher', 'leader', 'gridworker']);
    expect(reads[0]).toMatchObject({ target_id: gridId, detail: { members: 3 } }); // the part-time grid worker and two volunteers
  });

  it('sealed with another key (a restore without its key) are unavailable, never a 500', async () => {
    const other = new PiiCipher(randomBytes(32));
    const member = (await t.db.query<{ id: string }>(`select id from grid_team_members where grid_id = $1 and team_role = 'instructor'`, [gridId])).rows[0]!.id;
    await t.db.query('update grid_team_members set phone = $2 where id = $1', [member, other.encrypt('13811116666')]);
    const members = await team('community');
    expect(members.find((m) => m.teamRole === 'instructor')).toMatchObject({ phone: null, phoneUnavailable: true });
    expect(members.filter((m) => m.phoneUnavailable)).toHaveLength(1);

    const c = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(tokens.dispatcher!),
      payload: { categoryCode: 'C0101', description: '换钥匙后的案卷', location: here, source: 'hotline', reporter: { name: '钱七', phone: '13811117777' } } })).json();
    await t.db.query('update cases set reporter_name = $2, reporter_phone = $3 where id = $1', [c.id, other.encrypt('钱七'), other.encrypt('13811117777')]);
    for (const who of ['dispatcher', 'leader']) {
      const r = await get(`/api/cases/${c.id}`, who);
      expect(r.statusCode).toBe(200);
      expect(r.json().reporter).toEqual({ kind: 'caller', name: null, phone: null, unavailable: true });
    }
  });
});
