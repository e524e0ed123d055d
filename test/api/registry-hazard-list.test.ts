// Issue 11, the grids' hazard ledger (GET /api/registry/hazards): scope (a grid worker sees its grid's entries, the
// community staff the community's), filters by status, org unit and overdue next check, the overdue count, refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

const NEXT_GRID = '500199001001002';

let t: TestApp;
const tokens: Record<string, string> = {};
let gridId: string;
let nextGridId: string;
const made: Record<string, string> = {};

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

type Ledger = { items: { id: string; status: string; nextCheckOn: string | null; buildingName: string | null; policies: string[]; followUps: unknown[] }[]; total: number; overdue: number; today: string; policies: string[] };
const ledger = async (who: string, query = '') => {
  const r = await call('GET', `/api/registry/hazards${query}`, who);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Ledger;
};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['gridworker', 'community', 'resident']) tokens[u] = await t.login(u);
  const [here, next] = await Promise.all([gridCentre(t.db, DEMO_GRID), gridCentre(t.db, NEXT_GRID)]);
  const ids = (await t.db.query<{ id: string; code: string }>('select id, code from org_units where code = any($1)', [[DEMO_GRID, NEXT_GRID]])).rows;
  gridId = ids.find((r) => r.code === DEMO_GRID)!.id;
  nextGridId = ids.find((r) => r.code === NEXT_GRID)!.id;
  const building = async (who: string, at: { lng: number; lat: number }, name: string) => {
    const r = await call('POST', '/api/registry/buildings', who, { name, address: '春晖路8号', location: at, units: 1, floors: 3, roomsPerFloor: 2 });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().building.id as string;
  };
  const hazard = async (who: string, buildingId: string, description: string, nextCheckOn: string | null, status: 'open' | 'resolved' = 'open') => {
    const r = await call('POST', '/api/registry/hazards', who, { buildingId, foundOn: '2025-06-01', description, nextCheckOn, status });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const mine = await building('gridworker', here, '台账1栋');
  const theirs = await building('community', next, '台账2栋');
  made.overdue = await hazard('gridworker', mine, '外立面瓷砖空鼓', '2025-07-01');
  made.later = await hazard('gridworker', mine, '楼道堆放杂物', '2099-01-01');
  made.resolved = await hazard('gridworker', mine, '消防通道占用', null, 'resolved');
  made.next = await hazard('community', theirs, '堡坎裂缝', '2025-07-02');
});
afterAll(async () => { await t.close(); });

describe('the hazard ledger', () => {
  it('lists a grid worker\'s grid only: open first, the earliest next check first, overdue counted', async () => {
    const l = await ledger('gridworker');
    expect(l.items.map((z) => z.id)).toEqual([made.overdue, made.later, made.resolved]);
    expect(l).toMatchObject({ total: 3, overdue: 1, policies: ['create'] });
    expect(l.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(l.items[0]).toMatchObject({ buildingName: '台账1栋', nextCheckOn: '2025-07-01', policies: ['update'] });
    expect(l.items[0]!.followUps.length).toBe(1);
  });

  it('filters by status and by an overdue next check', async () => {
    expect((await ledger('gridworker', '?status=resolved')).items.map((z) => z.id)).toEqual([made.resolved]);
    expect((await ledger('gridworker', '?status=open')).total).toBe(2);
    const overdue = await ledger('gridworker', '?overdue=true');
    expect(overdue.items.map((z) => z.id)).toEqual([made.overdue]);
    // resolved, it is no longer overdue
    const v = (await t.db.query<{ version: number }>('select version from registry_hazards where id = $1', [made.overdue])).rows[0]!.version;
    const r = await call('PATCH', `/api/registry/hazards/${made.overdue}`, 'gridworker', { version: v, actionTaken: '已拆除空鼓瓷砖', status: 'resolved' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await ledger('gridworker', '?overdue=true')).items).toEqual([]);
  });

  it('gives the community staff their community, narrowed by gridId', async () => {
    const all = await ledger('community');
    expect(all.items.map((z) => z.id)).toEqual(expect.arrayContaining([made.overdue, made.later, made.resolved, made.next]));
    const next = await ledger('community', `?gridId=${nextGridId}`);
    expect(next.items.map((z) => z.id)).toEqual([made.next]);
    expect(next.overdue).toBe(1);
    expect((await ledger('community', `?gridId=${gridId}`)).items.map((z) => z.id)).not.toContain(made.next);
  });

  it('refuses a unit outside the scope, bad filters, and callers who do not read the registry', async () => {
    expect((await call('GET', `/api/registry/hazards?gridId=${nextGridId}`, 'gridworker')).statusCode).toBe(404);
    const bad = await call('GET', '/api/registry/hazards?status=gone', 'gridworker');
    expect(bad.statusCode).toBe(400);
    expect((await call('GET', '/api/registry/hazards', 'resident')).statusCode).toBe(403);
  });
});
