// Issue 11, "things in the case loop" and "map layers": a report made at a registered thing links it, duplicate
// suggestions put the open cases of the same thing and category first, a thing lists its cases within the registry's
// reach, and the map layers answer the records of the caller's reach inside the view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';

/** the demo grid's neighbour in the same community: the community staff reach it, the demo grid's worker does not */
const NEXT_GRID = '500199001001002';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let next: { lng: number; lat: number };
let rural: { lng: number; lat: number };
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['dispatcher', 'gridworker', 'resident', 'community', 'handler', 'leader']) tokens[u] = await t.login(u);
  [here, next, rural] = await Promise.all([gridCentre(t.db, DEMO_GRID), gridCentre(t.db, NEXT_GRID), gridCentre(t.db, RURAL_GRID)]);
});
afterAll(async () => { await t.close(); });

const north = (at: { lng: number; lat: number }, m: number) => ({ lng: at.lng, lat: at.lat + m / 111_195 });
const east = (at: { lng: number; lat: number }, m: number) => ({ lng: at.lng + m / (111_195 * Math.cos(at.lat * Math.PI / 180)), lat: at.lat });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

let seq = 0;
/** A registry record placed in a grid (by its code) at a point: the registry's own commands are another helper's. */
async function insert(table: 'registry_things' | 'registry_places' | 'registry_buildings', gridCode: string, at: { lng: number; lat: number }, over: Record<string, unknown> = {}): Promise<string> {
  const g = (await t.db.query<{ id: string; path: string; town_id: string }>(
    `select g.id, g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`, [gridCode])).rows[0]!;
  const id = `${table.replace('registry_', '')}-${++seq}`;
  const cols: Record<string, unknown> = {
    id, town_id: g.town_id, grid_id: g.id, org_path: g.path, name: `${table}-${seq}`, lng: at.lng, lat: at.lat,
    created_at: t.clock.now, updated_at: t.clock.now,
    ...(table === 'registry_things' ? { kind: 'manhole', risk_level: 'high' } : table === 'registry_places' ? { kind: 'shop' } : { units: 2, floors: 6, rooms_per_floor: 2 }),
    ...over,
  };
  const keys = Object.keys(cols);
  await t.db.query(`insert into ${table} (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(cols));
  return id;
}
const thing = (gridCode: string, at: { lng: number; lat: number }, over: Record<string, unknown> = {}) => insert('registry_things', gridCode, at, over);

const report = (who: string, body: object) => call('POST', '/api/cases', who, { categoryCode: 'C0101', description: '井盖破损', ...body });
const thingOf = async (caseId: string) => (await t.db.query<{ thing_id: string | null }>('select thing_id from cases where id = $1', [caseId])).rows[0]!.thing_id;

describe('a report at a registered thing', () => {
  it('links the thing; the detail names it, its risk and page only to a registry reader whose reach holds it', async () => {
    const manhole = await thing(DEMO_GRID, north(here, 200), { name: '春晖路3号井盖', risk_level: 'major' });
    const r = await report('gridworker', { location: north(here, 205), thingId: manhole });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ thingId: manhole, thing: { id: manhole, name: '春晖路3号井盖', kind: 'manhole', riskLevel: 'major', policies: ['read'] } });
    expect(await thingOf(r.json().id)).toBe(manhole);

    // the dispatcher reads the town's registry
    const dispatcher = (await call('GET', `/api/cases/${r.json().id}`, 'dispatcher')).json();
    expect(dispatcher.thing).toMatchObject({ id: manhole, riskLevel: 'major', policies: ['read'] });

    // a resident names one within 30 m (from the code on its cover): linked, but the registry's risk level is not theirs
    const resident = await report('resident', { location: north(here, 220), thingId: manhole });
    expect(resident.statusCode, resident.body).toBe(201);
    expect(resident.json().thing).toEqual({ id: manhole, name: '春晖路3号井盖', kind: 'manhole', riskLevel: null, policies: [] });

    // anonymous 随手拍 too
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/public/cases', remoteAddress: '10.11.0.1',
      payload: { categoryCode: 'C0101', description: '井盖松动', location: north(here, 190), thingId: manhole, reporter: { phone: '13812340011' } } });
    expect(anonymous.statusCode, anonymous.body).toBe(201);
    const anon = (await t.db.query<{ thing_id: string }>('select thing_id from cases where number = $1', [anonymous.json().number])).rows[0]!;
    expect(anon.thing_id).toBe(manhole);
  });

  it('refuses a thing out of reach, retired, unknown or of another town, and writes nothing', async () => {
    const mine = await thing(DEMO_GRID, north(here, -200));
    const neighbours = await thing(NEXT_GRID, next);
    const retired = await thing(DEMO_GRID, north(here, -150), { retired_at: t.clock.now });
    const ruralThing = await thing(RURAL_GRID, rural);
    const before = Number((await t.db.query<{ n: string }>('select count(*) as n from cases')).rows[0]!.n);
    const refusals: [string, object][] = [
      ['resident', { location: north(here, -150), thingId: mine }], // 50 m away: only 30 m for those who do not read the registry
      ['handler', { location: north(here, -150), thingId: mine }],
      ['gridworker', { location: north(here, 50), thingId: mine }], // 250 m: beyond 200 m
      ['gridworker', { location: north(next, 10), thingId: neighbours }], // in the community, not the worker's grid
      ['gridworker', { location: north(here, -150), thingId: retired }],
      ['gridworker', { location: here, thingId: 'no-such-thing' }],
      ['dispatcher', { location: here, thingId: ruralThing, source: 'hotline' }], // another town's, out of the dispatcher's reach
      ['resident', { location: north(here, -150), thingId: retired }],
    ];
    for (const [who, body] of refusals) {
      const r = await report(who, body);
      expect(r.statusCode, `${who} ${JSON.stringify(body)}`).toBe(422);
      expect(r.json().error).toMatchObject({ code: 'CASE_THING_INVALID', messageZh: expect.any(String) });
    }
    expect(Number((await t.db.query<{ n: string }>('select count(*) as n from cases')).rows[0]!.n)).toBe(before);
    // the community staff reach the neighbouring grid's thing
    expect((await report('community', { location: north(next, 10), thingId: neighbours })).statusCode).toBe(201);
  });

  it('an idempotent retry answers the first case', async () => {
    const manhole = await thing(DEMO_GRID, east(here, 80));
    const send = () => t.app.inject({ method: 'POST', url: '/api/cases', headers: { ...bearer(tokens.gridworker!), 'idempotency-key': 'thing-retry' },
      payload: { categoryCode: 'C0101', description: '井盖破损', location: east(here, 85), thingId: manhole } });
    const first = await send();
    expect(first.statusCode).toBe(201);
    await t.db.query('update registry_things set retired_at = $2 where id = $1', [manhole, t.clock.now]);
    const again = await send();
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });
});

describe('duplicate suggestions at a thing', () => {
  it('put the open case of the same thing and category before a nearer one, at any distance; other categories and things apart', async () => {
    const base = east(here, -100);
    const manhole = await thing(DEMO_GRID, base);
    const other = await thing(DEMO_GRID, north(base, 3));
    // at the thing, its pin 150 m off (beyond the category's 100 m): still the same thing
    const made = async (body: object) => { const r = await report('gridworker', body); expect(r.statusCode, r.body).toBe(201); return r.json(); };
    const atThing = await made({ location: north(base, 150), thingId: manhole });
    const nearer = await made({ location: north(base, 2) });
    const atOther = await made({ location: north(base, 4), thingId: other });
    const otherCategory = await report('gridworker', { categoryCode: 'E0101', description: '垃圾', location: north(base, 150), thingId: manhole });
    expect(otherCategory.statusCode, otherCategory.body).toBe(201);

    const r = await report('dispatcher', { location: base, thingId: manhole, source: 'hotline' });
    expect(r.statusCode, r.body).toBe(201);
    const dups = r.json().duplicates as { id: string; sameThing?: boolean; distanceM: number }[];
    expect(dups.map((d) => d.id)).toEqual([atThing.id, nearer.id, atOther.id]);
    expect(dups[0]).toMatchObject({ sameThing: true, distanceM: expect.closeTo(150, 0) });
    expect(dups[1]!.sameThing).toBeUndefined();

    // a resident's report at it learns only how many (the same rule counts the same-thing case)
    const resident = (await report('resident', { location: north(base, 1), thingId: manhole })).json();
    expect(resident.duplicates).toBeUndefined();
    expect(resident.similarNearby.count).toBe(4);

    // once the case at the thing is closed off as rejected, it is no longer suggested
    expect((await call('POST', `/api/cases/${atThing.id}/actions/reject`, 'dispatcher', { reason: '误报' })).statusCode).toBe(200);
    const after = (await report('dispatcher', { location: base, thingId: manhole, source: 'hotline' })).json();
    expect(after.duplicates.map((d: { id: string }) => d.id)).not.toContain(atThing.id);
    expect(after.duplicates[0]).toMatchObject({ sameThing: true }); // the dispatcher's own first report at it
  });
});

describe('a thing\'s cases', () => {
  it('lists the cases reported at a thing of the caller\'s reach, newest first; 404 outside it, 403 without the registry', async () => {
    const spotWall = east(north(here, -100), 60);
    const wall = await thing(DEMO_GRID, spotWall, { kind: 'retainingWall', risk_level: 'medium' });
    const first = (await report('gridworker', { categoryCode: 'C0502', description: '堡坎开裂', location: spotWall, thingId: wall })).json();
    t.clock.advance(60_000);
    const second = (await report('gridworker', { categoryCode: 'C0502', description: '堡坎渗水', location: north(spotWall, 2), thingId: wall })).json();
    await report('gridworker', { categoryCode: 'C0502', description: '别处', location: north(spotWall, 4) });
    expect((await call('POST', `/api/cases/${first.id}/actions/reject`, 'dispatcher', { reason: '重复' })).statusCode).toBe(200);

    for (const who of ['gridworker', 'community', 'dispatcher', 'leader']) {
      const r = await call('GET', `/api/registry/things/${wall}/cases`, who);
      expect(r.statusCode, `${who} ${r.body}`).toBe(200);
      expect(r.json().items.map((c: { id: string }) => c.id), who).toEqual([second.id, first.id]);
      expect(r.json().items[0]).toMatchObject({ thingId: wall, number: second.number, policies: expect.any(Array) });
    }
    const open = (await call('GET', `/api/registry/things/${wall}/cases?open=true`, 'community')).json();
    expect(open.items.map((c: { id: string }) => c.id)).toEqual([second.id]);
    const paged = (await call('GET', `/api/registry/things/${wall}/cases?limit=1`, 'community')).json();
    expect(paged.items).toHaveLength(1);
    const rest = (await call('GET', `/api/registry/things/${wall}/cases?limit=1&cursor=${paged.nextCursor}`, 'community')).json();
    expect(rest.items.map((c: { id: string }) => c.id)).toEqual([first.id]);
    expect(rest.nextCursor).toBeNull();

    const neighbours = await thing(NEXT_GRID, north(next, 20));
    expect((await call('GET', `/api/registry/things/${neighbours}/cases`, 'gridworker')).statusCode).toBe(404);
    expect((await call('GET', `/api/registry/things/${neighbours}/cases`, 'community')).statusCode).toBe(200);
    expect((await call('GET', '/api/registry/things/no-such/cases', 'dispatcher')).statusCode).toBe(404);
    for (const who of ['resident', 'handler']) expect((await call('GET', `/api/registry/things/${wall}/cases`, who)).statusCode).toBe(403);
  });
});

describe('things near a point, to report at', () => {
  it('lists the things of the reach within 200 m, nearest first, and suggests the nearest of the category\'s kind within 5 m', async () => {
    const at = east(north(here, -80), -50);
    const hydrant = await thing(DEMO_GRID, north(at, 1), { kind: 'hydrant', name: '消防栓' });
    const manhole = await thing(DEMO_GRID, north(at, 4), { kind: 'manhole' });
    const far = await thing(DEMO_GRID, north(at, 190), { kind: 'facade' });
    await thing(DEMO_GRID, north(at, 3), { kind: 'manhole', retired_at: t.clock.now });
    const r = await call('GET', `/api/registry/things/nearby?lng=${at.lng}&lat=${at.lat}&categoryCode=C0101`, 'gridworker');
    expect(r.statusCode, r.body).toBe(200);
    const ids = r.json().items.map((i: { id: string }) => i.id);
    expect(ids.slice(0, 2)).toEqual([hydrant, manhole]);
    expect(ids).toContain(far);
    expect(r.json().items[0]).toEqual({ id: hydrant, name: '消防栓', kind: 'hydrant', distanceM: expect.closeTo(1, 0) });
    expect(r.json().suggestedId).toBe(manhole);
    const garbage = (await call('GET', `/api/registry/things/nearby?lng=${at.lng}&lat=${at.lat}&categoryCode=E0101`, 'gridworker')).json();
    expect(garbage.suggestedId).toBeNull();
    // the neighbouring grid's things are the community's, not the demo grid worker's
    const theirs = await thing(NEXT_GRID, north(next, -5));
    const nearIds = async (who: string) => (await call('GET', `/api/registry/things/nearby?lng=${next.lng}&lat=${next.lat}`, who)).json().items.map((i: { id: string }) => i.id);
    expect(await nearIds('gridworker')).not.toContain(theirs);
    expect(await nearIds('community')).toContain(theirs);
    expect((await call('GET', `/api/registry/things/nearby?lng=${at.lng}&lat=${at.lat}`, 'resident')).statusCode).toBe(403);
  });
});

describe('map layers', () => {
  it('answer the buildings, places and things of the caller\'s reach in the view, as GeoJSON points', async () => {
    const spot = north(east(here, -60), 60);
    const building = await insert('registry_buildings', DEMO_GRID, spot);
    const place = await insert('registry_places', DEMO_GRID, north(spot, 10), { kind: 'school' });
    const risk = await thing(DEMO_GRID, north(spot, 20), { kind: 'slope', risk_level: 'major', name: '后山边坡' });
    const gone = await thing(DEMO_GRID, north(spot, 25), { retired_at: t.clock.now });
    const neighbours = await thing(NEXT_GRID, next);
    const box = (a: { lng: number; lat: number }, m: number) => {
      const sw = east(north(a, -m), -m);
      const ne = east(north(a, m), m);
      return `${sw.lng},${sw.lat},${ne.lng},${ne.lat}`;
    };
    const layers = async (who: string, query: string) => {
      const r = await call('GET', `/api/registry/map-layers?${query}`, who);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { type: string; features: { id: string; geometry: { coordinates: number[] }; properties: Record<string, unknown> }[]; truncated: string[] };
    };

    const view = await layers('gridworker', `bbox=${box(spot, 60)}`);
    expect(view.type).toBe('FeatureCollection');
    const ids = view.features.map((f) => f.properties.recordId);
    expect(ids).toEqual(expect.arrayContaining([building, place, risk]));
    expect(ids).not.toContain(gone);
    expect(view.features.find((f) => f.properties.recordId === risk)).toEqual({
      type: 'Feature', id: `things:${risk}`, geometry: { type: 'Point', coordinates: [expect.closeTo(spot.lng, 9), expect.closeTo(north(spot, 20).lat, 9)] },
      properties: { layer: 'things', recordId: risk, name: '后山边坡', kind: 'slope', riskLevel: 'major' },
    });
    expect(view.features.find((f) => f.properties.recordId === building)!.properties).toMatchObject({ layer: 'buildings', kind: null, riskLevel: null });
    expect(view.truncated).toEqual([]);

    // only the layers asked for
    const onlyThings = await layers('gridworker', `bbox=${box(spot, 60)}&layers=things`);
    expect(new Set(onlyThings.features.map((f) => f.properties.layer))).toEqual(new Set(['things']));
    // the view limits: a small box away from the records holds none
    expect((await layers('gridworker', `bbox=${box(north(spot, 400), 30)}`)).features.map((f) => f.properties.recordId)).not.toContain(risk);
    // the reach limits: the neighbouring grid's thing is the community's, not the demo grid worker's
    expect((await layers('gridworker', `bbox=${box(next, 50)}`)).features.map((f) => f.properties.recordId)).not.toContain(neighbours);
    expect((await layers('community', `bbox=${box(next, 50)}`)).features.map((f) => f.properties.recordId)).toContain(neighbours);
    expect((await layers('dispatcher', `bbox=${box(spot, 60)}`)).features.map((f) => f.properties.recordId)).toContain(risk);

    for (const bad of ['bbox=1,2,3', `bbox=${spot.lng},${spot.lat},${spot.lng - 0.01},${spot.lat + 0.01}`, 'bbox=100,20,101,21', `bbox=${box(spot, 60)}&layers=people`]) {
      expect((await call('GET', `/api/registry/map-layers?${bad}`, 'gridworker')).statusCode, bad).toBe(400);
    }
    for (const who of ['resident', 'handler']) expect((await call('GET', `/api/registry/map-layers?bbox=${box(spot, 60)}`, who)).statusCode).toBe(403);
  });

  it('cut a layer at 2,000 records, the most severe risk points kept, and say so', async () => {
    const corner = east(north(here, 250), 250);
    const g = (await t.db.query<{ id: string; path: string; town_id: string }>(
      `select g.id, g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`, [DEMO_GRID])).rows[0]!;
    await t.db.query(
      `insert into registry_things (id, town_id, grid_id, org_path, kind, name, lng, lat, risk_level, created_at, updated_at)
       select 'bulk-' || i, $1, $2, $3, 'hydrant', '消防栓' || i, $4::float8 + (i % 50) * 0.00001, $5::float8 + (i / 50) * 0.00001,
              case when i = 1777 then 'major' else 'low' end, $6, $6
         from generate_series(1, 2100) i`,
      [g.town_id, g.id, g.path, corner.lng, corner.lat, t.clock.now]);
    const sw = corner;
    const ne = { lng: corner.lng + 0.0006, lat: corner.lat + 0.0006 };
    const r = (await call('GET', `/api/registry/map-layers?bbox=${sw.lng - 0.00001},${sw.lat - 0.00001},${ne.lng},${ne.lat}&layers=things`, 'dispatcher')).json();
    expect(r.features).toHaveLength(2000);
    expect(r.truncated).toEqual(['things']);
    expect(r.features[0].properties).toMatchObject({ recordId: 'bulk-1777', riskLevel: 'major' });
  });
});
