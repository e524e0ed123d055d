import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tianditu/${name}`, import.meta.url), 'utf8');

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['dispatcher', 'gridworker', 'resident', 'community']) tokens[u] = await t.login(u);
});
afterAll(async () => { await t.close(); });

const get = (url: string, who?: string) => t.app.inject({ url, headers: who ? bearer(tokens[who]!) : {} });
const unit = async (code: string) => (await t.db.query<{ id: string; path: string; name: string }>('select id, path, name from org_units where code = $1', [code])).rows[0]!;
const pathOf = async (id: string) => (await t.db.query<{ path: string }>('select path from org_units where id = $1', [id])).rows[0]!.path;

describe('the map area a report opens on', () => {
  it('is the resident\'s home grid inside its community, with a starting point in that grid', async () => {
    const r = await get('/api/map/area', 'resident');
    expect(r.statusCode).toBe(200);
    const a = r.json();
    const home = await unit('500199001001001');
    expect(a.focus).toMatchObject({ id: home.id, level: 'grid', name: '春晖社区第1网格' });
    const levels = new Set(a.units.features.map((f: { properties: { level: string } }) => f.properties.level));
    expect([...levels].sort()).toEqual(['community', 'dedicatedGrid', 'grid']);
    expect(a.units.features.every((f: { properties: { population: unknown } }) => f.properties.population === null)).toBe(true);
    const located = (await get(`/api/org-units/locate?lng=${a.focus.at.lng}&lat=${a.focus.at.lat}`, 'resident')).json();
    expect(located.grid.id).toBe(home.id);
  });

  it('is a grid worker\'s grid, community staff\'s community and a dispatcher\'s town', async () => {
    const gw = (await get('/api/map/area', 'gridworker')).json();
    expect(gw.focus.level).toBe('grid');
    expect(gw.units.features.some((f: { properties: { level: string } }) => f.properties.level === 'community')).toBe(true);
    const cm = (await get('/api/map/area', 'community')).json();
    expect(cm.focus).toMatchObject({ level: 'community', name: '春晖社区' });
    const town = (await get('/api/map/area', 'dispatcher')).json();
    expect(town.focus).toMatchObject({ level: 'town', name: '春晖路街道' });
    expect(town.units.features.filter((f: { properties: { level: string } }) => f.properties.level === 'community')).toHaveLength(10);
    // the starting point lies in a grid of that town
    const located = (await get(`/api/org-units/locate?lng=${town.focus.at.lng}&lat=${town.focus.at.lat}`, 'dispatcher'));
    expect(located.statusCode).toBe(200);
    expect(located.json().ancestors.map((x: { name: string }) => x.name)).toContain('春晖路街道');
  });

  it('is the default town for the anonymous page, outlines and names only', async () => {
    const r = await get('/api/public/map/area');
    expect(r.statusCode).toBe(200);
    expect(r.json().focus).toMatchObject({ level: 'town', name: '春晖路街道' });
    expect(r.json().focus.bounds).toHaveLength(4);
    expect(r.headers['x-ratelimit-limit']).toBe('60');
  });

  it('needs a sign-in for the account\'s own area, and is not the security administrator\'s', async () => {
    expect((await get('/api/map/area')).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/map/area', headers: bearer(await t.login('security')) })).statusCode).toBe(403);
  });
});

describe('place search', () => {
  const names = (r: { json(): { items: { name: string }[] } }) => r.json().items.map((p) => p.name);

  it('finds a community by pinyin initials, before its grids', async () => {
    const r = await get('/api/places/search?q=chsq', 'dispatcher');
    expect(r.statusCode).toBe(200);
    expect(names(r)[0]).toBe('春晖社区');
    expect(r.json().geocoder).toBe('none');
    expect(r.json().items[0]).toMatchObject({ source: 'org', kind: 'community', context: '春晖路街道' });
  });

  it('finds the place an address starts from, and names with a prefix', async () => {
    expect(names(await get(`/api/places/search?q=${encodeURIComponent('春晖社区3号楼旁')}`, 'dispatcher'))[0]).toBe('春晖社区');
    const grids = names(await get(`/api/places/search?q=${encodeURIComponent('春晖社区第1')}`, 'dispatcher'));
    expect(grids[0]).toBe('春晖社区第1网格');
    expect(grids).toContain('春晖社区第10网格');
    expect(names(await get(`/api/places/search?q=${encodeURIComponent('春晖路小学')}`, 'resident'))[0]).toBe('春晖路小学专属网格');
  });

  it('never returns another town\'s units to a grid worker, in the query', async () => {
    const urban = await unit('500199001000');
    for (const q of ['村', 'qgc', '青杠村', 'sq', '网格']) {
      const r = await get(`/api/places/search?q=${encodeURIComponent(q)}&limit=20`, 'gridworker');
      expect(r.statusCode).toBe(200);
      for (const p of r.json().items as { key: string }[]) expect(await pathOf(p.key.slice(4))).toMatch(new RegExp(`^${urban.path}`));
    }
    expect(names(await get(`/api/places/search?q=${encodeURIComponent('青杠村')}`, 'gridworker'))).toEqual([]);
    // the anonymous search covers every town
    expect(names(await get(`/api/public/places/search?q=${encodeURIComponent('青杠村')}`))[0]).toBe('青杠村');
  });

  it('refuses an empty or over-long query with a code', async () => {
    const r = await get('/api/places/search?q=', 'dispatcher');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect((await get(`/api/public/places/search?q=${'a'.repeat(61)}`)).statusCode).toBe(400);
  });
});

describe('with a Tianditu key', () => {
  let server: Server;
  let answer: { status: number; body: string; delayMs: number } = { status: 200, body: '', delayMs: 0 };
  const asked: URL[] = [];
  let g: TestApp;
  let token = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      asked.push(new URL(req.url!, 'http://x'));
      setTimeout(() => { res.writeHead(answer.status, { 'content-type': 'application/json' }); res.end(answer.body); }, answer.delayMs);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    g = await createTestApp({ env: { TIANDITU_KEY: 'server-key', TIANDITU_SEARCH_URL: `http://127.0.0.1:${port}/v2/search`, MAP_GEOCODER_TIMEOUT_MS: '300' } });
    token = await g.login('dispatcher');
  });
  afterAll(async () => { await g.close(); server.closeAllConnections(); await new Promise((ok) => server.close(ok)); });

  it('adds Tianditu\'s places after ours, searched in the caller\'s town', async () => {
    answer = { status: 200, body: fixture('search-poi.json'), delayMs: 0 };
    const r = await g.app.inject({ url: `/api/places/search?q=${encodeURIComponent('春晖路小学')}`, headers: bearer(token) });
    expect(r.statusCode).toBe(200);
    expect(r.json().geocoder).toBe('used');
    expect(r.json().items.map((p: { source: string; name: string }) => `${p.source}:${p.name}`)).toEqual([
      'org:春晖路小学专属网格', 'tianditu:春晖路小学', 'tianditu:春晖路小学(东门)',
    ]);
    expect(r.json().items[2].at).toEqual({ lng: 106.4841, lat: 29.4655 });
    const post = JSON.parse(asked.at(-1)!.searchParams.get('postStr')!);
    expect(post.keyWord).toBe('春晖路小学');
    expect(asked.at(-1)!.searchParams.get('tk')).toBe('server-key');
    const [w, s, e, n] = post.mapBound.split(',').map(Number);
    expect(w).toBeGreaterThan(106.4); expect(e).toBeLessThan(106.6); expect(s).toBeGreaterThan(29.4); expect(n).toBeLessThan(29.6);
    // the server key never reaches a browser
    expect((await g.app.inject({ url: '/api/map/config' })).body).not.toContain('server-key');
    expect((await g.app.inject({ url: '/api/map/config' })).json().geocoder).toBe('tianditu');
  });

  it('answers with the offline places when Tianditu is slow, refuses or breaks', async () => {
    for (const a of [
      { status: 200, body: fixture('search-poi.json'), delayMs: 1500 },
      { status: 200, body: fixture('search-refused.json'), delayMs: 0 },
      { status: 502, body: 'bad gateway', delayMs: 0 },
    ]) {
      answer = a;
      const started = Date.now();
      const r = await g.app.inject({ url: '/api/places/search?q=chsq', headers: bearer(token) });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ geocoder: 'failed' });
      expect(r.json().items[0].name).toBe('春晖社区');
      expect(Date.now() - started).toBeLessThan(1400);
    }
  });
});

describe('map configuration', () => {
  it('has no basemap by default: the web draws the outlines on a plain ground', async () => {
    const r = await get('/api/map/config');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ basemap: null, geocoder: null });
  });

  const configWith = async (env: Record<string, string>) => {
    const a = await createTestApp({ seed: false, env });
    try {
      const r = await a.app.inject({ url: '/api/map/config' });
      return { config: r.json(), csp: String(r.headers['content-security-policy']) };
    } finally { await a.close(); }
  };

  it('serves Tianditu vec_w and cva_w with the browser key, and lets the browser reach their hosts', async () => {
    const { config, csp } = await configWith({ MAP_TIANDITU_KEY: 'browser-key' });
    expect(config.basemap).toMatchObject({ source: 'tianditu', datum: 'wgs84' });
    expect(config.basemap.layers).toHaveLength(2);
    expect(config.basemap.layers[0].tiles[0]).toMatch(/^https:\/\/t0\.tianditu\.gov\.cn\/vec_w\/wmts\?.*LAYER=vec.*TILEMATRIX=\{z\}&TILEROW=\{y\}&TILECOL=\{x\}&tk=browser-key$/);
    expect(config.basemap.layers[1].tiles[0]).toContain('/cva_w/wmts?');
    expect(csp).toMatch(/connect-src 'self' https:\/\/t0\.tianditu\.gov\.cn .*https:\/\/t7\.tianditu\.gov\.cn/);
  });

  it('serves an XYZ template in GCJ-02 with its subdomains', async () => {
    const amap = await configWith({ MAP_TILES_URL: 'https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}', MAP_TILES_SUBDOMAINS: '1,2,3,4', MAP_TILES_DATUM: 'GCJ-02', MAP_TILES_ATTRIBUTION: '© 高德' });
    expect(amap.config.basemap).toMatchObject({ source: 'xyz', datum: 'gcj02', attribution: '© 高德' });
    expect(amap.config.basemap.layers[0].tiles).toEqual([1, 2, 3, 4].map((n) => `https://webrd0${n}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}`));
    // WMTS templates and PMTiles files: test/unit/places/tianditu.test.ts
  });

  it('refuses to start with a malformed setting, naming it', async () => {
    await expect(createTestApp({ seed: false, env: { MAP_TILES_URL: 'https://tiles.example.com/tile.png' } })).rejects.toThrow(/MAP_TILES_URL needs \{z\}/);
  });
});
