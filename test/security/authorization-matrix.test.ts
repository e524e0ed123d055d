import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ACCESS_MATRIX, mayCall, type EndpointRule } from '../../src/server/platform/access-matrix.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';
import { demoCallers, isErrorShape, leaks, openApiOperations, unitIds, type Caller, type Operation } from './support.ts';

/**
 * Calls every operation of the OpenAPI document as anonymous and as every demo role, on records inside
 * and outside the caller's scope, and checks the status against the declared matrix
 * (src/server/platform/access-matrix.ts), which is written independently of the routes' `config.access`.
 */

let t: TestApp;
let ops: Operation[];
let callers: Caller[];
let u: Awaited<ReturnType<typeof unitIds>>;
let here: { lng: number; lat: number };
let rural: { lng: number; lat: number };
let base: string | null = null;
/** every unit's id followed by its ancestors' ids */
const chains = new Map<string, string[]>();
/** who reported each case this file created (all cases in this database) */
const reporterOf = new Map<string, string>();
let urbanCase: string;
let ruralCase: string;
let photo: { hash: string; url: string; thumbUrl: string };
let tracked: { number: string; phone: string };
let matterSerial = 0;
let addressSerial = 0;

const caller = (name: string) => callers.find((c) => c.name === name)!;
const auth = (c: Caller): Record<string, string> => (c.token ? bearer(c.token) : {});
const asAdmin = (o: InjectOptions) => t.app.inject({ ...o, headers: { ...(o.headers ?? {}), ...auth(caller('admin')) } });

async function chainOf(id: string): Promise<string[]> {
  const known = chains.get(id);
  if (known) return known;
  const res = await asAdmin({ method: 'GET', url: `/api/org-units/${id}` });
  if (res.statusCode !== 200) throw new Error(`unit ${id}: ${res.statusCode}`);
  const chain = [id, ...res.json().ancestors.map((a: { id: string }) => a.id)];
  chains.set(id, chain);
  return chain;
}

async function report(who: string, where: { lng: number; lat: number }, categoryCode: string): Promise<string> {
  const c = caller(who);
  const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: auth(c), payload: { categoryCode, description: `矩阵测试 ${who}`, location: where } });
  if (res.statusCode !== 201) throw new Error(`report as ${who}: ${res.statusCode} ${res.body}`);
  reporterOf.set(res.json().id, who);
  return res.json().id;
}

async function accountId(username: string): Promise<string> {
  const r = await t.db.query<{ id: string }>('select id from accounts where username = $1', [username]);
  if (!r.rows[0]) throw new Error(`no account ${username}`);
  return r.rows[0].id;
}

// ---- what the scope rules mean, for the fixtures at hand ----------------------------------------

type Outcome = 'in' | 'out' | 'name-the-town';

/** The unit lies in the caller's scope subtree. */
const unitIn = (c: Caller, unitId: string) => c.scopeOrgUnitId !== null && chains.get(unitId)!.includes(c.scopeOrgUnitId);

/** A case the caller may reach: in scope, or reported by the caller (fresh cases are unassigned). */
async function caseIn(c: Caller, caseId: string): Promise<boolean> {
  if (reporterOf.get(caseId) === c.name) return true;
  const res = await asAdmin({ method: 'GET', url: `/api/cases/${caseId}` });
  const k = res.json();
  return c.scopeOrgUnitId !== null && [k.gridId, ...k.ancestorIds].includes(c.scopeOrgUnitId);
}

/** 'own town': the named town in the caller's scope or holding it (a resident: the home town). */
function townOutcome(c: Caller, townId: string | null): Outcome {
  const own = c.scopeOrgUnitId ?? c.homeOrgUnitId;
  if (own === null) return 'out';
  const ownChain = chains.get(own)!;
  const ownTown = ownChain.find((id) => id === u.urbanTown || id === u.ruralTown) ?? null;
  if (townId === null) return ownTown ? 'in' : 'name-the-town';
  return unitIn(c, townId) || ownTown === townId ? 'in' : 'out';
}

/**
 * Differences between the matrix and the code that are reported as bugs and not asserted here, so the
 * suite stays green until they are fixed. Each is listed, never skipped silently: the test prints them.
 */
const KNOWN_GAPS: { op: string; when: (c: Caller, label: string) => boolean; accept: number[]; why: string }[] = [];

// ---- one minimal, valid-looking request per operation, in variants inside/outside the scope -------

interface Variant {
  label: string;
  outcome(c: Caller): Outcome | Promise<Outcome>;
  request(c: Caller): InjectOptions | Promise<InjectOptions>;
  /** more checks on a 2xx answer (lists never leak rows) */
  check?(res: LightMyRequestResponse, c: Caller): void | Promise<void>;
}
const inside = (): Outcome => 'in';

function builders(): Record<string, Variant[]> {
  const unitVariants = (suffix: string, targets: [string, string][]) => targets.map(([label, id]): Variant => ({
    label, outcome: (c) => (unitIn(c, id) ? 'in' : 'out'), request: () => ({ method: 'GET', url: `/api/org-units/${id}${suffix}` }),
  }));
  const towns: [string, (c: Caller) => string | null][] = [
    ['no townId', () => null],
    ['townId=own town', () => u.urbanTown],
    ['townId=青杠镇', () => u.ruralTown],
  ];
  const matterInput = { name: '矩阵测试事项', class: '测试', list: 'basic', tier: 'town', postCode: 'JJ-CSGX', departmentName: null, sla: { acceptMin: 5, handleH: 24 } };
  const townQuery = (id: string | null) => (id ? `?townId=${id}` : '');
  /** a fresh matter in the town a request will name, created by the admin (who sees both towns) */
  const freshMatter = async (townId: string | null): Promise<string> => {
    const code = `Y${String(++matterSerial).padStart(4, '0')}`;
    const res = await asAdmin({ method: 'POST', url: `/api/matters?townId=${townId ?? u.urbanTown}`, payload: { code, ...matterInput } });
    if (res.statusCode !== 201) throw new Error(`matter ${code}: ${res.statusCode} ${res.body}`);
    return code;
  };
  const townVariants = (make: (c: Caller, townId: string | null) => Promise<InjectOptions> | InjectOptions) =>
    towns.map(([label, town]): Variant => ({ label, outcome: (c) => townOutcome(c, town(c)), request: (c) => make(c, town(c)) }));

  return {
    'GET /api/health': [{ label: 'health', outcome: inside, request: () => ({ method: 'GET', url: '/api/health' }) }],
    'POST /api/auth/login': [{
      label: 'login', outcome: inside,
      request: () => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'demo1234' } }),
    }],
    'POST /api/auth/logout': [{
      label: 'a token of its own', outcome: inside,
      // a fresh session, so the caller's main token survives
      request: async (c) => ({ method: 'POST', url: '/api/auth/logout', headers: c.token ? bearer(await t.login(c.name)) : {} }),
    }],
    'GET /api/me': [{ label: 'me', outcome: inside, request: () => ({ method: 'GET', url: '/api/me' }) }],
    'POST /api/auth/password': [{
      label: 'own password, unchanged', outcome: inside,
      request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'demo1234', newPassword: 'demo1234' } }),
    }],
    'GET /api/accounts': [{ label: 'list', outcome: inside, request: () => ({ method: 'GET', url: '/api/accounts' }) }],
    ...Object.fromEntries((['disable', 'enable', 'unlock'] as const).map((action) => [`POST /api/accounts/{id}/${action}`, [
      { label: 'a 青杠镇 handler', outcome: (c: Caller) => (unitIn(c, u.ruralTown) ? 'in' : 'out'), request: async () => ({ method: 'POST', url: `/api/accounts/${await accountId('town2-leader1')}/${action}` }) },
      { label: 'no such account', outcome: () => 'out', request: () => ({ method: 'POST', url: `/api/accounts/no-such-account/${action}` }) },
    ] satisfies Variant[]])),
    'GET /api/audit': [{ label: 'search', outcome: inside, request: () => ({ method: 'GET', url: '/api/audit?limit=5' }) }],
    'GET /api/audit/verify': [{ label: 'verify', outcome: inside, request: () => ({ method: 'GET', url: '/api/audit/verify' }) }],
    'GET /api/org-units': [{
      label: 'list', outcome: inside, request: () => ({ method: 'GET', url: '/api/org-units?limit=1000' }),
      check: async (res, c) => {
        for (const item of res.json().items as { id: string; ancestorIds: string[] }[]) {
          expect([item.id, ...item.ancestorIds], `${c.name} sees unit ${item.id}`).toContain(c.scopeOrgUnitId);
        }
      },
    }],
    'GET /api/org-units/locate': [{ label: 'a point in the demo grid', outcome: inside, request: () => ({ method: 'GET', url: `/api/org-units/locate?lng=${here.lng}&lat=${here.lat}` }) }],
    'GET /api/org-units/features': ([['demo community', () => u.demoCommunity], ['青杠镇', () => u.ruralTown]] as const).map(([label, id]): Variant => ({
      label, outcome: (c) => (unitIn(c, id()) ? 'in' : 'out'), request: () => ({ method: 'GET', url: `/api/org-units/features?rootId=${id()}` }),
    })),
    'GET /api/org-units/{id}': unitVariants('', [['demo grid', u.demoGrid], ['春晖路街道', u.urbanTown], ['青杠镇', u.ruralTown], ['青杠镇 grid', u.ruralGrid]]),
    'GET /api/org-units/{id}/team': unitVariants('/team', [['demo grid', u.demoGrid], ['青杠镇 grid', u.ruralGrid]]),
    'GET /api/org-units/{id}/boards': unitVariants('/boards', [['春晖路街道', u.urbanTown], ['青杠镇', u.ruralTown]]),
    'GET /api/org-units/{id}/departments': unitVariants('/departments', [['春晖路街道', u.urbanTown], ['青杠镇', u.ruralTown]]),
    'POST /api/org-units/grids/import': [{
      label: 'the demo grid as it is', outcome: (c) => (unitIn(c, u.demoCommunity) ? 'in' : 'out'),
      request: async () => {
        const g = (await asAdmin({ method: 'GET', url: `/api/org-units/${u.demoGrid}` })).json();
        return {
          method: 'POST', url: '/api/org-units/grids/import',
          payload: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: g.geometry, properties: { code: g.code, name: g.name, communityCode: g.code.slice(0, 12) } }] },
        };
      },
    }],
    'GET /api/matters': townVariants((_c, town) => ({ method: 'GET', url: `/api/matters${townQuery(town)}` })),
    'GET /api/matters/{code}/versions': townVariants((_c, town) => ({ method: 'GET', url: `/api/matters/C0101/versions${townQuery(town)}` })),
    'POST /api/matters': townVariants((_c, town) => ({
      method: 'POST', url: `/api/matters${townQuery(town)}`, payload: { code: `Z${String(++matterSerial).padStart(4, '0')}`, ...matterInput },
    })),
    'PUT /api/matters/{code}': townVariants(async (_c, town) => ({ method: 'PUT', url: `/api/matters/${await freshMatter(town)}${townQuery(town)}`, payload: matterInput })),
    'POST /api/matters/{code}/retire': townVariants(async (_c, town) => ({ method: 'POST', url: `/api/matters/${await freshMatter(town)}/retire${townQuery(town)}` })),
    'GET /api/working-calendar': [{ label: 'the overview', outcome: inside, request: () => ({ method: 'GET', url: '/api/working-calendar' }) }],
    'GET /api/working-calendar/{year}': [{ label: '2026', outcome: inside, request: () => ({ method: 'GET', url: '/api/working-calendar/2026' }) }],
    'PUT /api/working-calendar/{year}': [{
      label: '2031', outcome: inside,
      request: () => ({ method: 'PUT', url: '/api/working-calendar/2031', payload: { source: 'test notice', holidays: ['2031-01-01'], workdays: [] } }),
    }],
    'POST /api/files': [{
      label: 'a JPEG', outcome: inside,
      request: async () => ({ method: 'POST', url: '/api/files', headers: { 'content-type': 'image/jpeg' }, payload: await makeJpeg(32, 24) }),
    }],
    'POST /api/public/files': [{
      label: 'a JPEG', outcome: inside,
      request: async () => ({ method: 'POST', url: '/api/public/files', headers: { 'content-type': 'image/jpeg' }, payload: await makeJpeg(32, 20) }),
    }],
    'GET /api/files/{hash}': [
      { label: 'signed', outcome: inside, request: () => ({ method: 'GET', url: photo.url }) },
      { label: 'bad signature', outcome: () => 'out', request: () => ({ method: 'GET', url: photo.url.replace(/sig=[^&]+/, 'sig=forged') }) },
    ],
    'GET /api/files/{hash}/thumb': [
      { label: 'signed', outcome: inside, request: () => ({ method: 'GET', url: photo.thumbUrl }) },
      { label: 'bad signature', outcome: () => 'out', request: () => ({ method: 'GET', url: photo.thumbUrl.replace(/sig=[^&]+/, 'sig=forged') }) },
    ],
    'POST /api/cases': [{
      label: 'in the demo grid', outcome: inside,
      request: () => ({ method: 'POST', url: '/api/cases', payload: { categoryCode: 'C0101', description: '矩阵测试：井盖', location: here } }),
      check: (res, c) => { reporterOf.set(res.json().id, c.name); },
    }],
    'GET /api/cases': [{
      label: 'list', outcome: inside, request: () => ({ method: 'GET', url: '/api/cases?limit=200' }),
      check: async (res, c) => {
        for (const item of res.json().items as { id: string }[]) expect(await caseIn(c, item.id), `${c.name} sees case ${item.id}`).toBe(true);
      },
    }],
    'GET /api/cases/{id}': [
      { label: 'case in 春晖路街道', outcome: (c) => caseIn(c, urbanCase).then((x) => (x ? 'in' : 'out')), request: () => ({ method: 'GET', url: `/api/cases/${urbanCase}` }) },
      { label: 'case in 青杠镇 (the resident\'s)', outcome: (c) => caseIn(c, ruralCase).then((x) => (x ? 'in' : 'out')), request: () => ({ method: 'GET', url: `/api/cases/${ruralCase}` }) },
    ],
    'POST /api/cases/{id}/actions/{action}': ([['fresh case in 春晖路街道', 'gridworker', () => here], ['fresh case in 青杠镇 (the resident\'s)', 'resident', () => rural]] as const)
      .map(([label, who, where]): Variant => {
        const fresh = new Map<string, string>();
        const caseFor = async (c: Caller) => fresh.get(c.name) ?? fresh.set(c.name, await report(who, where(), who === 'resident' ? 'E0101' : 'C0101')).get(c.name)!;
        return {
          label,
          outcome: async (c) => ((await caseIn(c, await caseFor(c))) ? 'in' : 'out'),
          request: async (c) => ({ method: 'POST', url: `/api/cases/${await caseFor(c)}/actions/accept`, payload: {} }),
        };
      }),
    'POST /api/public/cases': [{
      label: 'anonymous 随手拍', outcome: inside,
      request: () => ({ method: 'POST', url: '/api/public/cases', remoteAddress: `10.9.0.${++addressSerial}`, payload: { categoryCode: 'C0101', description: '矩阵测试', location: here, reporter: { phone: '13900000001' } } }),
    }],
    'GET /api/public/grid-map': [{
      label: 'a point in the demo grid', outcome: inside,
      request: () => ({ method: 'GET', url: `/api/public/grid-map?lng=${here.lng}&lat=${here.lat}`, remoteAddress: `10.9.3.${++addressSerial}` }),
    }],
    'GET /api/public/matters': [{
      label: 'a point in the demo grid', outcome: inside,
      request: () => ({ method: 'GET', url: `/api/public/matters?lng=${here.lng}&lat=${here.lat}`, remoteAddress: `10.9.2.${++addressSerial}` }),
    }],
    'GET /api/public/cases/{number}': [
      { label: 'number + phone', outcome: inside, request: () => ({ method: 'GET', url: `/api/public/cases/${tracked.number}?phone=${tracked.phone}`, remoteAddress: `10.9.1.${++addressSerial}` }) },
      { label: 'number + another phone', outcome: () => 'out', request: () => ({ method: 'GET', url: `/api/public/cases/${tracked.number}?phone=13911112222`, remoteAddress: `10.9.1.${++addressSerial}` }) },
    ],
    'GET /api/events': [{ label: 'stream', outcome: inside, request: () => ({ method: 'GET', url: '/api/events' }) }],
  };
}

/** Statuses the matrix allows for this caller and outcome. */
function allowedStatuses(rule: EndpointRule, c: Caller, outcome: Outcome): { ok: (s: number) => boolean; text: string } {
  if (!mayCall(rule, c.roles)) {
    const s = c.roles === null ? 401 : 403;
    return { ok: (x) => x === s, text: String(s) };
  }
  if (outcome === 'out') return { ok: (x) => x === 404, text: '404' };
  if (outcome === 'name-the-town') return { ok: (x) => x === 400, text: '400' };
  const extra = [...(rule.refusals ?? []), ...(rule.rateLimited ? [429] : [])];
  return { ok: (x) => (x >= 200 && x < 300) || extra.includes(x), text: `2xx${extra.length ? ` or ${extra.join('/')}` : ''}` };
}

/** The SSE endpoint over a real socket: status and content type, the first chunk, then hang up. */
async function streamStatus(c: Caller): Promise<{ status: number; contentType: string | null; body: string }> {
  base ??= await t.app.listen({ port: 0, host: '127.0.0.1' });
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 5000);
  try {
    const res = await fetch(`${base}/api/events`, { headers: auth(c), signal: ac.signal });
    const contentType = res.headers.get('content-type');
    let body = '';
    if (res.status === 200) {
      const reader = res.body!.getReader();
      const { value } = await reader.read();
      body = new TextDecoder().decode(value);
    } else {
      body = await res.text();
    }
    return { status: res.status, contentType, body };
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  ({ ops } = await openApiOperations(t));
  callers = await demoCallers(t);
  u = await unitIds(t);
  here = await gridCentre(t.db, DEMO_GRID);
  rural = await gridCentre(t.db, RURAL_GRID);
  for (const id of Object.values(u)) await chainOf(id);
  for (const c of callers) {
    if (c.scopeOrgUnitId) await chainOf(c.scopeOrgUnitId);
    if (c.homeOrgUnitId) await chainOf(c.homeOrgUnitId);
  }
  // fixtures through the API: a case on each side of the town border, a photo, an anonymous report
  urbanCase = await report('gridworker', here, 'C0101');
  ruralCase = await report('resident', rural, 'E0101');
  const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...auth(caller('gridworker')), 'content-type': 'image/jpeg' }, payload: await makeJpeg(64, 48) });
  expect(up.statusCode).toBe(201);
  photo = up.json();
  const pub = await t.app.inject({
    method: 'POST', url: '/api/public/cases', remoteAddress: '10.9.9.9',
    payload: { categoryCode: 'C0101', description: '匿名随手拍', location: here, reporter: { phone: '13800001111' } },
  });
  expect(pub.statusCode).toBe(201);
  tracked = { number: pub.json().number, phone: '13800001111' };
});
afterAll(async () => { await t?.close(); });

describe('the access matrix and the OpenAPI document', () => {
  it('declare the same operations', () => {
    const documented = ops.map((o) => `${o.method} ${o.path}`).sort();
    const declared = ACCESS_MATRIX.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented.filter((k) => !declared.includes(k)), 'operations without a matrix entry').toEqual([]);
    expect(declared.filter((k) => !documented.includes(k)), 'matrix entries with no such operation').toEqual([]);
    expect(new Set(declared).size, 'one entry per operation').toBe(declared.length);
  });

  it('has a minimal request for every operation', () => {
    const known = Object.keys(builders());
    expect(ACCESS_MATRIX.map((r) => `${r.method} ${r.path}`).filter((k) => !known.includes(k))).toEqual([]);
    expect(known.filter((k) => !ACCESS_MATRIX.some((r) => `${r.method} ${r.path}` === k))).toEqual([]);
  });
});

describe('every operation, as anonymous and as every role', () => {
  it.each(ACCESS_MATRIX.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (key, rule) => {
    expect(ops.some((o) => `${o.method} ${o.path}` === key), `${key} is in the OpenAPI document`).toBe(true);
    const variants = builders()[key];
    expect(variants, `a request for ${key}`).toBeDefined();
    const problems: string[] = [];
    const gaps: string[] = [];
    let succeeded = 0;
    for (const variant of variants!) {
      for (const c of callers) {
        const outcome = await variant.outcome(c);
        const allowed = allowedStatuses(rule, c, outcome);
        let status: number;
        let body: string;
        let res: LightMyRequestResponse | null = null;
        if (rule.path === '/api/events') {
          // an SSE answer never ends, so app.inject would hang on it: every caller asks over a real socket
          // (status and headers, then hang up), whether the matrix expects a stream, a 401 or a 403
          const s = await streamStatus(c);
          status = s.status;
          body = s.body;
          if (status === 200 && !/^text\/event-stream/.test(s.contentType ?? '')) problems.push(`${c.name} [${variant.label}]: stream answered ${s.contentType}`);
        } else {
          const o = await variant.request(c);
          res = await t.app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.url?.toString().startsWith('/api/auth/logout') ? {} : auth(c)) } });
          status = res.statusCode;
          body = res.body;
        }
        const where = `${c.name} [${variant.label}] → ${status}`;
        if (status >= 500) problems.push(`${where}: server error ${body.slice(0, 200)}`);
        const gap = KNOWN_GAPS.find((g) => g.op === key && g.when(c, variant.label) && g.accept.includes(status));
        if (gap) gaps.push(`${where} (known gap: ${gap.why})`);
        else if (!allowed.ok(status)) problems.push(`${where}, matrix allows ${allowed.text}: ${body.slice(0, 160)}`);
        if (status >= 200 && status < 300) {
          succeeded++;
          if (res && variant.check) {
            try { await variant.check(res, c); } catch (e) { problems.push(`${where}: ${(e as Error).message.split('\n')[0]}`); }
          }
        }
        if (status >= 400) {
          let parsed: unknown = null;
          try { parsed = JSON.parse(body); } catch { /* reported below */ }
          if (!isErrorShape(parsed)) problems.push(`${where}: error body is not { error: { code, message } }: ${body.slice(0, 160)}`);
          const leak = leaks(body);
          if (leak) problems.push(`${where}: error body leaks ${leak}: ${body.slice(0, 160)}`);
        }
      }
    }
    if (gaps.length) console.warn(`${key}: ${gaps.length} known gap(s), reported, not asserted:\n  ${gaps.join('\n  ')}`);
    expect(problems, key).toEqual([]);
    expect(succeeded, `${key}: at least one caller gets through with the minimal request`).toBeGreaterThan(0);
  });
});
