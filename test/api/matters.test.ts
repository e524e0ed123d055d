import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'resident']) tokens[u] = await t.login(u);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

const newMatter = {
  code: 'E0999', name: '共享单车乱停放', class: '事件/街面秩序', list: 'basic', tier: 'town', postCode: 'PA-ZHZF',
  sla: { acceptMin: 5, handleH: 8 },
};

describe('matter catalog', () => {
  it('lists the town\'s catalog for staff and residents', async () => {
    const staff = (await call('GET', '/api/matters', 'dispatcher')).json().items;
    expect(staff.length).toBeGreaterThan(20);
    expect(staff.find((m: { code: string }) => m.code === 'C0101')).toMatchObject({ name: '井盖破损缺失', tier: 'town', postCode: 'JJ-CSGX', postName: '城市更新岗', version: 1 });
    // the post by its name, for people; none where a department alone handles it
    expect(staff.find((m: { code: string }) => m.code === 'C0201')).toMatchObject({ postCode: null, postName: null, departmentName: '区城市管理局' });
    const resident = (await call('GET', '/api/matters', 'resident')).json().items;
    expect(resident.length).toBe(staff.length);
    const withdrawn = (await call('GET', '/api/matters?list=withdrawn', 'dispatcher')).json().items;
    expect(withdrawn.map((m: { code: string }) => m.code)).toEqual(['C0201']);
  });

  it('says with the catalog and each matter what the reader may do: leaders create, edit and retire; others read', async () => {
    const read = async (who: string) => (await call('GET', '/api/matters', who)).json();
    const [leader, dispatcher, resident] = [await read('leader'), await read('dispatcher'), await read('resident')];
    expect([leader.policies, dispatcher.policies, resident.policies]).toEqual([['create'], [], []]);
    const policiesOf = (page: { items: { code: string; policies: string[] }[] }) => page.items.find((m) => m.code === 'C0101')!.policies;
    expect([policiesOf(leader), policiesOf(dispatcher), policiesOf(resident)]).toEqual([['edit', 'retire'], [], []]);
    expect((await call('GET', '/api/matters?townId=' + leader.items[0].townId, 'admin')).json().policies).toEqual(['create']);
  });

  it('asks admins scoped above a town to name it', async () => {
    const r = await call('GET', '/api/matters', 'admin');
    expect(r.statusCode).toBe(400);
  });

  it('creates, versions and retires a matter; dispatchers may not edit', async () => {
    expect((await call('POST', '/api/matters', 'dispatcher', newMatter)).statusCode).toBe(403);
    const created = await call('POST', '/api/matters', 'leader', newMatter);
    expect(created.json()).toMatchObject({ postCode: 'PA-ZHZF', postName: '综合执法岗' }); // named in the answer of a write too
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'E0999', version: 1, policies: ['edit', 'retire'] });
    expect((await call('POST', '/api/matters', 'leader', newMatter)).statusCode).toBe(409);
    const { code: _c, ...edit } = newMatter;
    const edited = await call('PUT', '/api/matters/E0999', 'leader', { ...edit, sla: { acceptMin: 5, handleH: 4 } });
    expect(edited.json()).toMatchObject({ version: 2, sla: { handleH: 4 } });
    const versions = (await call('GET', '/api/matters/E0999/versions', 'dispatcher')).json().items;
    expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
    // an earlier version is history: nothing is done to it
    const leaderVersions = (await call('GET', '/api/matters/E0999/versions', 'leader')).json().items;
    expect(leaderVersions.map((v: { policies: string[] }) => v.policies)).toEqual([['edit', 'retire'], []]);
    const retired = await call('POST', '/api/matters/E0999/retire', 'leader');
    expect(retired.json()).toMatchObject({ version: 3, retired: true, policies: [] });
    const list = (await call('GET', '/api/matters', 'dispatcher')).json().items;
    expect(list.find((m: { code: string }) => m.code === 'E0999')).toBeUndefined();
  });

  it('serialises concurrent writers of one code: one create wins, the rest 409; concurrent edits make consecutive versions', async () => {
    const m = { ...newMatter, code: 'E0998', name: '同时创建的事项' };
    const creates = await Promise.all(Array.from({ length: 5 }, () => call('POST', '/api/matters', 'leader', m)));
    expect(creates.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const { code: _c, ...edit } = m;
    const edits = await Promise.all(Array.from({ length: 5 }, (_, i) => call('PUT', '/api/matters/E0998', 'leader', { ...edit, sla: { acceptMin: 5, handleH: i + 1 } })));
    expect(edits.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const versions = (await call('GET', '/api/matters/E0998/versions', 'dispatcher')).json().items;
    expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[6, true], [5, false], [4, false], [3, false], [2, false], [1, false]]);
  });

  it('refuses invalid matters with the fields named', async () => {
    const noTarget = await call('POST', '/api/matters', 'leader', { ...newMatter, code: 'E0998', postCode: null });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().error.details.map((d: { field: string }) => d.field)).toContain('post');
    const badPost = await call('POST', '/api/matters', 'leader', { ...newMatter, code: 'E0997', postCode: 'XX-NONE' });
    expect(badPost.json().error.details.map((d: { field: string }) => d.field)).toContain('post');
    const badUnit = await call('POST', '/api/matters', 'leader', { ...newMatter, code: 'E0996', sla: { acceptMin: 5, handleDays: 3 } });
    expect(badUnit.statusCode).toBe(400);
    const negative = await call('POST', '/api/matters', 'leader', { ...newMatter, code: 'E0995', sla: { acceptMin: -1 } });
    expect(negative.statusCode).toBe(400);
  });
});

describe('matter details', () => {
  it('treats null as "not set" and answers field problems in Chinese too', async () => {
    const ok = await call('POST', '/api/matters', 'leader', { ...newMatter, code: 'E0990', escalateAfterH: null, duplicateRadiusM: 50 });
    expect(ok.statusCode).toBe(201);
    const bad = await call('POST', '/api/matters', 'leader', { ...newMatter, code: 'E0991', tier: 'district', postCode: null });
    expect(bad.json().error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'department', code: 'REQUIRED', messageZh: '区县级事项和收回事项须指定承办部门' }),
    ]));
  });

  it('lists the district departments a town\'s cases can go to', async () => {
    const town = (await call('GET', '/api/me', 'dispatcher')).json().scopeOrgUnitId;
    const items = (await call('GET', `/api/org-units/${town}/departments`, 'dispatcher')).json().items;
    expect(items.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['区城市管理局', '区应急管理局']));
  });
});

describe('a catalog change and its audit entry', () => {
  // the audit append of the listed actions fails for matter E0980, as a full disk or a broken chain would
  beforeAll(async () => {
    await t.db.exec(`
      create table test_refused_audit (action text primary key);
      create function test_refuse_audit() returns trigger language plpgsql as $$ begin
        if new.detail->>'code' = 'E0980' and exists (select 1 from test_refused_audit where action = new.action) then
          raise exception 'audit append refused by the test';
        end if;
        return new;
      end $$;
      create trigger test_refuse_audit before insert on audit_log for each row execute function test_refuse_audit();`);
  });
  afterAll(async () => {
    await t.db.exec('drop trigger test_refuse_audit on audit_log; drop function test_refuse_audit(); drop table test_refused_audit;');
  });
  const refuseAudit = (action: string | null) =>
    t.db.exec(`delete from test_refused_audit;${action ? ` insert into test_refused_audit values ('${action}');` : ''}`);
  const versionsOf = async () => (await call('GET', '/api/matters/E0980/versions', 'dispatcher')).json().items as { version: number; retired: boolean }[];
  const m = { ...newMatter, code: 'E0980', name: '审计失败时的事项' };
  const { code: _c, ...edit } = m;

  it('writes nothing when the entry cannot be written: no create, no new version, no retirement', async () => {
    await refuseAudit('matter.create');
    expect((await call('POST', '/api/matters', 'leader', m)).statusCode).toBe(500);
    expect((await call('GET', '/api/matters/E0980/versions', 'dispatcher')).statusCode).toBe(404);

    await refuseAudit(null);
    expect((await call('POST', '/api/matters', 'leader', m)).statusCode).toBe(201);

    await refuseAudit('matter.update');
    expect((await call('PUT', '/api/matters/E0980', 'leader', { ...edit, sla: { acceptMin: 5, handleH: 2 } })).statusCode).toBe(500);
    await refuseAudit('matter.retire');
    expect((await call('POST', '/api/matters/E0980/retire', 'leader')).statusCode).toBe(500);
    expect((await versionsOf()).map((v) => [v.version, v.retired])).toEqual([[1, false]]);

    await refuseAudit(null);
    const logged = await t.db.query<{ action: string }>(`select action from audit_log where detail->>'code' = 'E0980' order by id`);
    expect(logged.rows.map((r) => r.action)).toEqual(['matter.create']);
  });
});
