// Issue 12, the grid worker's day end to end on generated tasks: the town's daily generation (POST /api/tasks/generate)
// puts a visit to an older person living alone on the grid worker's list, with the person's tags and household; the
// visit recorded from the phone closes it, and generating the day again makes nothing twice; a campaign pushed first is
// not pushed twice by the generation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let townId: string;
let gridId: string;
let residentId: string;
let householdId: string;

const idNumber = (birth: string, seq: number) => {
  const first17 = `500103${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
};
const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
async function ok<T = any>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<T> {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['gridworker', 'leader', 'dispatcher']) tokens[u] = await t.login(u);
  const g = (await t.db.query<{ id: string; path: string }>('select id, path from org_units where code = $1', [DEMO_GRID])).rows[0]!;
  gridId = g.id;
  townId = (await t.db.query<{ id: string }>(`select id from org_units where level = 'town' and $1 like path || '%'`, [g.path])).rows[0]!.id;
  const centre = await gridCentre(t.db, DEMO_GRID);
  const b = await ok(call('POST', '/api/registry/buildings', 'gridworker', { name: '生成1栋', address: '春晖路30号', location: centre, units: 1, floors: 2, roomsPerFloor: 2 }), 201);
  const h = await ok(call('POST', '/api/registry/households', 'gridworker', { buildingId: b.building.id, unitNo: 1, floorNo: 1, roomNo: '101' }), 201);
  householdId = h.household.id;
  const r = await ok(call('POST', '/api/registry/residents', 'gridworker', { name: '陈爷爷', idNumber: idNumber('1938-08-08', 11), householdId, relation: 'head', tags: ['elderly_alone'] }), 201);
  residentId = r.resident.id;
});
afterAll(async () => { await t.close(); });

describe('a generated day', () => {
  it('lists the generated visit with its subject, and the visit closes it; a second run makes nothing twice', async () => {
    await ok(call('POST', '/api/tasks/generate', 'leader', { orgUnitId: townId }));
    const list = await ok(call('GET', '/api/tasks?assignee=me', 'gridworker'));
    const visit = list.items.find((x: { kind: string; subject: { id: string } | null }) => x.kind === 'keyVisit' && x.subject?.id === residentId);
    expect(visit, JSON.stringify(list.items.map((x: { title: string }) => x.title))).toBeDefined();
    expect(visit).toMatchObject({ status: 'open', subject: { name: '陈爷爷', householdId, tags: [{ code: 'elderly_alone', name: '独居老人' }] }, policies: ['complete', 'visit', 'openFile'] });
    expect(visit.location).not.toBeNull();

    const v = await ok(call('POST', '/api/visits', 'gridworker', { subject: { kind: 'household', id: householdId }, at: '2026-11-23T08:30:00+08:00', findings: '身体尚好' }), 201);
    expect(v.closedTaskIds).toContain(visit.id);
    expect((await ok(call('GET', `/api/tasks/${visit.id}`, 'gridworker'))).status).toBe('done');

    const again = await ok(call('POST', '/api/tasks/generate', 'leader', { orgUnitId: townId }));
    expect(again.created).toBe(0);
    const after = await ok(call('GET', '/api/tasks?assignee=me', 'gridworker'));
    expect(after.items.filter((x: { subject: { id: string } | null; status: string }) => x.subject?.id === residentId && x.status === 'open')).toEqual([]);
  });

  it('finds a pushed campaign\'s tasks made: the generation does not push it again', async () => {
    const c = await ok(call('POST', '/api/task-campaigns', 'dispatcher', {
      title: '冬季防火', content: '提醒居民冬季用电用火安全', material: [], gridIds: [gridId], startsOn: '2026-11-23', dueOn: '2026-11-27',
    }), 201);
    await ok(call('POST', '/api/tasks/generate', 'leader', { orgUnitId: townId }));
    const n = await t.db.query('select 1 from tasks where campaign_id = $1', [c.id]);
    expect(n.rowCount).toBe(1);
  });
});
