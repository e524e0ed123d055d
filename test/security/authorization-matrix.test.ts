import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ACCESS_MATRIX, mayCall, ruleFor } from '../../src/server/platform/access-matrix.ts';
import { bearer } from '../support/test-app.ts';
import { makeJpeg } from '../support/images.ts';
import { gridCentre } from '../support/places.ts';
import { accountWorkbook, XLSX } from '../support/workbooks.ts';
import { isErrorShape, leaks, openApiOperations, type Caller, type DemoUser, type Operation } from './support.ts';
import { createWorld, departmentCases, type DepartmentCases, type World } from './fixtures.ts';
import { codeHash } from '../../src/server/identity/send-registration-code.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';
import { registerDispute } from '../../src/server/disputes/register-dispute.ts';
import { recordMediation } from '../../src/server/disputes/record-mediation.ts';
import { attachSigned } from '../../src/server/disputes/attach-signed.ts';
import { createSweep } from '../../src/server/disputes/sweeps.ts';
import { actOnMeeting, createMeeting } from '../../src/server/participation/meetings.ts';
import { closeOpenMotions, createMotion } from '../../src/server/participation/votes.ts';
import { submitIdea } from '../../src/server/participation/ideas.ts';
import { submitMatter, classMatter } from '../../src/server/participation/matters.ts';
import { createProposalIn, decideProposal, lockProposal, reportProposalResult, startProposal } from '../../src/server/participation/proposals.ts';
import { openHelpRequest, takeHelp, lockHelp } from '../../src/server/participation/help.ts';
import { quarterOf } from '../../src/domain/participation/ideas.ts';
import { applyRule, issuerAccount, postTransaction, subjectAccount } from '../../src/server/points/ledger.ts';
import { redeem } from '../../src/server/points/redemption-commands.ts';
import { accountPhoneHash } from '../../src/server/identity/account-phone-hash.ts';
import { planInspection } from '../../src/server/enforcement/plan-inspection.ts';
import { openEnforcementCase } from '../../src/server/enforcement/open-case.ts';
import { openWorkOrders } from '../../src/server/cases/open-work-orders.ts';
import { findCurrentMatter } from '../../src/server/matters/store.ts';
import { shanghaiDate } from '../../src/domain/sla/working-calendar.ts';
import type { Principal } from '../../src/server/platform/auth.ts';
import {
  DEPARTMENT_UNIT_CODES, OPERATIONS, ORG_SUBTREE, PLACES, TOWN_STAFF, caseViewers, type OperationPromise, type Place, type Who,
} from './promises.ts';

/**
 * Calls every operation of the OpenAPI document as anonymous and as every demo account, on records inside
 * and outside each account's reach, and holds every answer to the product's promises (promises.ts): who may
 * call the operation at all (others 403, anonymous 401), and, per request, which accounts get through
 * (2xx, or one of the operation's listed refusals); every other permitted caller gets 404, unless the
 * variant names another answer. Lists must show exactly the promised rows.
 */

let w: World;
let ops: Operation[];
let dept: DepartmentCases;
let photo: { hash: string; url: string; thumbUrl: string };
let tracked: { number: string; phone: string };
let base: string | null = null;
let matterSerial = 0;
let postSerial = 0;
let unitSerial = 0;
let accountSerial = 0;
let addressSerial = 0;

interface Variant {
  label: string;
  /** the accounts that get through; 'everyone' = every permitted caller */
  in: readonly Who[] | 'everyone';
  /** answers other than 404 for permitted callers not let in (e.g. 400: name the town) */
  otherwise?: Partial<Record<Who, readonly number[]>>;
  request(c: Caller): InjectOptions | Promise<InjectOptions>;
  /** more checks on a 2xx answer (lists show exactly the promised rows) */
  check?(res: LightMyRequestResponse, c: Caller): void | Promise<void>;
}

const everyone = 'everyone' as const;
const U = (k: keyof World['unit']) => w.unit[k];
const asAdmin = (o: InjectOptions) => w.inject('admin', o);

/** Expected statuses for one caller on one variant, from the promises alone. */
function expected(p: OperationPromise, v: Variant, who: Who): { ok: (s: number) => boolean; text: string } {
  const exact = (...s: number[]) => ({ ok: (x: number) => s.includes(x), text: s.join('/') });
  if (p.callers !== 'public') {
    if (who === 'anonymous') return exact(401);
    if (p.callers !== 'signed-in' && !p.callers.includes(who)) return exact(403);
  }
  if (v.in === everyone || v.in.includes(who)) {
    const extra = p.refusals ?? [];
    return { ok: (x) => (x >= 200 && x < 300) || extra.includes(x), text: `2xx${extra.length ? ` or ${extra.join('/')}` : ''}` };
  }
  return exact(...(v.otherwise?.[who] ?? [404]));
}

/** The units an account's org reads may return. */
function unitAllowed(who: DemoUser, item: { id: string; ancestorIds: string[] }): boolean {
  if (who === 'department') return DEPARTMENT_UNIT_CODES.some((code) => w.unitIdByCode.get(code) === item.id);
  const root = ORG_SUBTREE[who];
  return root !== undefined && [item.id, ...item.ancestorIds].includes(w.unitIdByCode.get(root)!);
}

function builders(): Record<string, Variant[]> {
  const townStaff = TOWN_STAFF;
  const units = (suffix: string, targets: [string, string, readonly Who[]][]) => targets.map(([label, id, inside]): Variant => ({
    label, in: inside, request: () => ({ method: 'GET', url: `/api/org-units/${id}${suffix}` }),
  }));
  const demoGridReaders = ['admin', ...townStaff, 'community', 'gridworker'] as const;
  const deptGridReaders = ['admin', ...townStaff, 'department'] as const;
  const urbanTownReaders = ['admin', ...townStaff, 'department'] as const;
  const matterInput = { name: '矩阵测试事项', class: '测试', list: 'basic', tier: 'town', postCode: 'JJ-CSGX', departmentName: null, sla: { acceptMin: 5, handleH: 24 } };
  const townQuery = (id: string | null) => (id ? `?townId=${id}` : '');
  /** a grid's team as it is, as a PUT body (the admin reads it) */
  const teamAsItIs = async (gridId: string) => ({
    members: ((await asAdmin({ method: 'GET', url: `/api/org-units/${gridId}/team` })).json().members as { id: string; teamRole: string; name: string }[])
      .map(({ id, teamRole, name }) => ({ id, teamRole, name })),
  });
  /** a post of 春晖路街道 with its holders as they are */
  const urbanPost = async (code: string) => ((await asAdmin({ method: 'GET', url: `/api/posts?townId=${U('urbanTown')}` })).json().items as
    { id: string; code: string; holders: Record<'a' | 'b' | 'backup', { id: string } | null> }[]).find((p) => p.code === code)!;
  /** a fresh matter in the town a request will name, created by the admin */
  const freshMatter = async (townId: string | null): Promise<string> => {
    const code = `Y${String(++matterSerial).padStart(4, '0')}`;
    const res = await asAdmin({ method: 'POST', url: `/api/matters?townId=${townId ?? U('urbanTown')}`, payload: { code, ...matterInput } });
    if (res.statusCode !== 201) throw new Error(`matter ${code}: ${res.statusCode} ${res.body}`);
    return code;
  };
  // a town's duty catalog: its own staff and residents; the admin names a town; the department reads cases, not catalogs
  const townVariants = (make: (townId: string | null) => InjectOptions | Promise<InjectOptions>): Variant[] => [
    { label: 'no townId', in: [...townStaff, 'community', 'gridworker', 'resident'], otherwise: { admin: [400], department: [400, 404] }, request: () => make(null) },
    { label: 'townId=春晖路街道', in: ['admin', ...townStaff, 'community', 'gridworker', 'resident'], request: () => make(U('urbanTown')) },
    { label: 'townId=青杠镇', in: ['admin'], request: () => make(U('ruralTown')) },
  ];
  const caseVariant = (label: string, id: () => string): Variant => ({
    label, in: [...w.viewersOf(id())], request: () => ({ method: 'GET', url: `/api/cases/${id()}` }),
  });
  /** a fresh case per caller, so each caller's accept meets a reported case */
  const freshCase = (reporter: DemoUser, place: 'demoGrid' | 'ruralGrid', categoryCode: string): Variant => {
    const fresh = new Map<string, string>();
    return {
      label: `accept a fresh case in ${PLACES[place].name} reported by ${reporter}`,
      in: [...caseViewers(place, reporter, false)],
      request: async (c) => {
        const id = fresh.get(c.name) ?? await w.report(reporter, place, categoryCode, `新案件 for ${c.name}`);
        fresh.set(c.name, id);
        return { method: 'POST', url: `/api/cases/${id}/actions/accept`, payload: {} };
      },
    };
  };

  return {
    'GET /api/health': [{ label: 'health', in: everyone, request: () => ({ method: 'GET', url: '/api/health' }) }],
    'GET /metrics': [{ label: 'metrics', in: everyone, request: () => ({ method: 'GET', url: '/metrics' }) }],
    'POST /api/auth/login': [{
      label: 'login', in: everyone,
      request: () => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'demo1234' } }),
    }],
    'GET /api/auth/demo-accounts': [{ label: 'the list (demo data)', in: everyone, request: () => ({ method: 'GET', url: '/api/auth/demo-accounts' }) }],
    'POST /api/auth/register/code': [{
      label: 'a code to a new number', in: everyone,
      request: () => ({ method: 'POST', url: '/api/auth/register/code', remoteAddress: `10.9.5.${++addressSerial}`, payload: { phone: `1370000${String(addressSerial).padStart(4, '0')}` } }),
    }],
    'POST /api/auth/register': [{
      label: 'a registration with the code sent to a new number', in: everyone,
      request: async () => {
        const phone = `1370001${String(++addressSerial).padStart(4, '0')}`;
        const phoneHash = w.t.app.pii.lookupHash(phone);
        // the code as POST /api/auth/register/code keeps it (its SMS goes to the server log here)
        await w.t.db.query(`insert into verification_codes (purpose, phone_hash, code_hash, ip, sent_at) values ('register', $1, $2, '10.9.6.0', $3)`,
          [phoneHash, codeHash(w.t.app.pii, phoneHash, '246810'), w.t.clock.now]);
        return { method: 'POST', url: '/api/auth/register', remoteAddress: `10.9.6.${addressSerial % 250}`,
          payload: { phone, code: '246810', name: '矩阵居民', password: 'matrix2026!', address: '1 栋', location: w.at.demoGrid } };
      },
    }],
    'GET /api/auth/register/grids': [{ label: 'the address search', in: everyone, request: () => ({ method: 'GET', url: `/api/auth/register/grids?q=${encodeURIComponent('春晖')}`, remoteAddress: `10.9.7.${++addressSerial}` }) }],
    'POST /api/auth/logout': [{
      label: 'a token of its own', in: everyone,
      // a fresh session, so the caller's main token survives
      request: async (c) => ({ method: 'POST', url: '/api/auth/logout', headers: c.token ? bearer(await w.t.login(c.name)) : {} }),
    }],
    'GET /api/me': [{ label: 'me', in: everyone, request: () => ({ method: 'GET', url: '/api/me' }) }],
    'POST /api/auth/password': [{
      label: 'own password, unchanged', in: everyone,
      request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'demo1234', newPassword: 'demo1234' } }),
    }],
    'GET /api/accounts': [{ label: 'list', in: everyone, request: () => ({ method: 'GET', url: '/api/accounts' }) }],
    'GET /api/accounts/choices': [{ label: 'the form choices', in: everyone, request: () => ({ method: 'GET', url: '/api/accounts/choices' }) }],
    'POST /api/accounts': [
      {
        label: 'a grid worker of 春晖社区第1网格', in: everyone,
        request: () => ({ method: 'POST', url: '/api/accounts', payload: { username: `matrix.gw${++accountSerial}`, name: '矩阵网格员', roles: ['gridWorker'], scopeOrgUnitId: U('demoGrid') } }),
      },
      { label: 'a scope that does not exist', in: [], request: () => ({ method: 'POST', url: '/api/accounts', payload: { username: `matrix.gw${++accountSerial}`, name: '矩阵网格员', roles: ['gridWorker'], scopeOrgUnitId: 'no-such-unit' } }) },
    ],
    'GET /api/accounts/import-template': [{ label: 'the template', in: everyone, request: () => ({ method: 'GET', url: '/api/accounts/import-template' }) }],
    'POST /api/accounts/import': [{
      label: 'a workbook of one grid worker of 春晖社区第1网格', in: everyone,
      request: async () => ({ method: 'POST', url: '/api/accounts/import', headers: { 'content-type': XLSX },
        payload: await accountWorkbook([[`matrix.imp${++accountSerial}`, '矩阵导入', '', '网格员', PLACES.demoGrid.code, '']]) }),
    }],
    'PATCH /api/accounts/{id}': [
      { label: 'a 青杠镇 handler', in: ['security'], request: async () => ({ method: 'PATCH', url: `/api/accounts/${await w.accountId('town2-leader5')}`, payload: { name: '矩阵改名' } }) },
      { label: 'no such account', in: [], request: () => ({ method: 'PATCH', url: '/api/accounts/no-such-account', payload: { name: '矩阵改名' } }) },
    ],
    ...Object.fromEntries((['disable', 'enable', 'unlock', 'reset-password'] as const).map((action) => [`POST /api/accounts/{id}/${action}`, [
      { label: 'a 青杠镇 handler', in: ['security'], request: async () => ({ method: 'POST', url: `/api/accounts/${await w.accountId('town2-leader6')}/${action}` }) },
      { label: 'no such account', in: [], request: () => ({ method: 'POST', url: `/api/accounts/no-such-account/${action}` }) },
    ] satisfies Variant[]])),
    'GET /api/audit': [{ label: 'search', in: everyone, request: () => ({ method: 'GET', url: '/api/audit?limit=5' }) }],
    'GET /api/audit/verify': [{ label: 'verify', in: everyone, request: () => ({ method: 'GET', url: '/api/audit/verify' }) }],
    'GET /api/org-units': [{
      label: 'list', in: everyone, request: () => ({ method: 'GET', url: '/api/org-units?limit=1000' }),
      check: (res, c) => {
        const outside = (res.json().items as { id: string; name: string; ancestorIds: string[] }[]).filter((item) => !unitAllowed(c.name as DemoUser, item));
        expect(outside.map((x) => x.name).slice(0, 8), `${c.name} lists ${outside.length} unit(s) outside its reach`).toEqual([]);
      },
    }],
    'GET /api/org-units/locate': [{ label: 'a point in the demo grid', in: everyone, request: () => ({ method: 'GET', url: `/api/org-units/locate?lng=${w.at.demoGrid.lng}&lat=${w.at.demoGrid.lat}` }) }],
    'GET /api/org-units/features': ([
      ['春晖社区', 'demoCommunity', ['admin', ...townStaff, 'community']],
      ['春晖社区第1网格', 'demoGrid', demoGridReaders],
      ['锦霞社区第1网格 (holds the department\'s cases)', 'jinxiaGrid', deptGridReaders],
      ['青杠镇', 'ruralTown', ['admin']],
    ] as const).map(([label, key, inside]): Variant => ({ label, in: inside, request: () => ({ method: 'GET', url: `/api/org-units/features?rootId=${U(key)}` }) })),
    'GET /api/org-units/{id}': units('', [
      ['春晖社区第1网格', U('demoGrid'), demoGridReaders],
      ['锦霞社区第1网格', U('jinxiaGrid'), deptGridReaders],
      ['春晖社区第2网格', U('demoGrid2'), ['admin', ...townStaff, 'community']],
      ['春晖路街道', U('urbanTown'), urbanTownReaders],
      ['示范区', U('district'), ['admin', 'department']],
      ['青杠镇', U('ruralTown'), ['admin']],
      ['青杠村第1网格', U('ruralGrid'), ['admin']],
    ]),
    'GET /api/org-units/{id}/team': units('/team', [
      ['春晖社区第1网格', U('demoGrid'), demoGridReaders],
      ['锦霞社区第1网格', U('jinxiaGrid'), deptGridReaders],
      ['春晖社区第2网格', U('demoGrid2'), ['admin', ...townStaff, 'community']],
      ['青杠村第1网格', U('ruralGrid'), ['admin']],
    ]),
    'GET /api/org-units/{id}/boards': units('/boards', [['春晖路街道', U('urbanTown'), urbanTownReaders], ['青杠镇', U('ruralTown'), ['admin']]]),
    'GET /api/org-units/{id}/departments': units('/departments', [['春晖路街道', U('urbanTown'), urbanTownReaders], ['青杠镇', U('ruralTown'), ['admin']]]),
    'POST /api/org-units': [{
      label: 'a community of 春晖路街道', in: everyone,
      request: () => ({ method: 'POST', url: '/api/org-units', payload: { parentId: U('urbanTown'), level: 'community', code: `500199001${String(100 + ++unitSerial)}`, name: '矩阵测试社区' } }),
    }],
    'PATCH /api/org-units/{id}': [{ label: '春晖社区第2网格, same name', in: everyone, request: () => ({ method: 'PATCH', url: `/api/org-units/${U('demoGrid2')}`, payload: { name: '春晖社区第2网格' } }) }],
    'POST /api/org-units/{id}/retire': [{
      label: 'a fresh micro-grid', in: everyone,
      request: async () => {
        const m = await asAdmin({ method: 'POST', url: '/api/org-units', payload: { parentId: U('demoGrid'), level: 'microGrid', code: `${PLACES.demoGrid.code}${String(50 + ++unitSerial).slice(-2)}`, name: '矩阵测试微网格' } });
        if (m.statusCode !== 201) throw new Error(`micro-grid: ${m.statusCode} ${m.body}`);
        return { method: 'POST', url: `/api/org-units/${m.json().id}/retire` };
      },
    }],
    'POST /api/org-units/{id}/move': [{
      label: 'a fresh micro-grid to 春晖社区第2网格', in: everyone,
      request: async () => {
        const m = await asAdmin({ method: 'POST', url: '/api/org-units', payload: { parentId: U('demoGrid'), level: 'microGrid', code: `${PLACES.demoGrid.code}${String(50 + ++unitSerial).slice(-2)}`, name: '矩阵测试微网格' } });
        if (m.statusCode !== 201) throw new Error(`micro-grid: ${m.statusCode} ${m.body}`);
        return { method: 'POST', url: `/api/org-units/${m.json().id}/move`, payload: { parentId: U('demoGrid2') } };
      },
    }],
    'GET /api/org-units/{id}/move-targets': [{ label: 'the demo grid', in: everyone, request: () => ({ method: 'GET', url: `/api/org-units/${U('demoGrid')}/move-targets` }) }],
    'PUT /api/org-units/{id}/boundary': [{
      label: 'the demo grid as it is', in: everyone,
      request: async () => ({ method: 'PUT', url: `/api/org-units/${U('demoGrid')}/boundary`, payload: { geometry: (await asAdmin({ method: 'GET', url: `/api/org-units/${U('demoGrid')}` })).json().geometry } }),
    }],
    'GET /api/org-units/{id}/boundaries': [{ label: 'the demo grid', in: everyone, request: () => ({ method: 'GET', url: `/api/org-units/${U('demoGrid')}/boundaries` }) }],
    'POST /api/org-units/{id}/boundary-preview': [{
      label: 'the demo grid as it is', in: everyone,
      request: async () => ({ method: 'POST', url: `/api/org-units/${U('demoGrid')}/boundary-preview`, payload: { geometry: (await asAdmin({ method: 'GET', url: `/api/org-units/${U('demoGrid')}` })).json().geometry } }),
    }],
    'PUT /api/org-units/{id}/team': ([
      ['春晖社区第1网格, its team as it is', 'demoGrid', ['admin', 'community']],
      ['锦霞社区第1网格', 'jinxiaGrid', ['admin']],
      ['青杠村第1网格', 'ruralGrid', ['admin']],
    ] as const).map(([label, key, inside]): Variant => ({
      label, in: inside, request: async () => ({ method: 'PUT', url: `/api/org-units/${U(key)}/team`, payload: await teamAsItIs(U(key)) }),
    })),
    'GET /api/posts': townVariants((town) => ({ method: 'GET', url: `/api/posts${townQuery(town)}` })),
    'POST /api/posts': [{
      label: 'a post on 春晖路街道\'s command center', in: everyone,
      request: async () => {
        const board = (await w.t.db.query<{ id: string }>(`select id from boards where town_id = $1 and code = 'ZH'`, [U('urbanTown')])).rows[0]!.id;
        return { method: 'POST', url: '/api/posts', payload: { boardId: board, code: `ZH-MX${++postSerial}`, name: '矩阵测试岗' } };
      },
    }],
    'PATCH /api/posts/{id}': [
      { label: '春晖路街道 宣传统战岗, same name', in: everyone, request: async () => ({ method: 'PATCH', url: `/api/posts/${(await urbanPost('DJ-XCTZ')).id}`, payload: { name: '宣传统战岗' } }) },
      { label: 'no such post', in: [], request: () => ({ method: 'PATCH', url: '/api/posts/no-such-post', payload: { name: '矩阵测试岗' } }) },
    ],
    'PUT /api/posts/{id}/holders': [
      {
        label: '春晖路街道 宣传统战岗, its holders as they are', in: everyone,
        request: async () => {
          const p = await urbanPost('DJ-XCTZ');
          return { method: 'PUT', url: `/api/posts/${p.id}/holders`, payload: { a: p.holders.a?.id ?? null, b: p.holders.b?.id ?? null, backup: p.holders.backup?.id ?? null } };
        },
      },
      { label: 'no such post', in: [], request: () => ({ method: 'PUT', url: '/api/posts/no-such-post/holders', payload: { a: null, b: null } }) },
    ],
    'GET /api/duty-roster': townVariants((town) => ({ method: 'GET', url: `/api/duty-roster${town ? `?orgUnitId=${town}` : ''}` })),
    'PUT /api/duty-roster': ([['春晖路街道', 'urbanTown', ['admin', 'leader']], ['青杠镇', 'ruralTown', ['admin']]] as const).map(([label, key, inside]): Variant => ({
      label, in: inside, request: () => ({ method: 'PUT', url: `/api/duty-roster?orgUnitId=${U(key)}&week=2026-W50`, payload: { slots: [] } }),
    })),
    'POST /api/org-units/grids/import': [{
      label: 'the demo grid as it is', in: everyone,
      request: async () => {
        const g = (await asAdmin({ method: 'GET', url: `/api/org-units/${U('demoGrid')}` })).json();
        return {
          method: 'POST', url: '/api/org-units/grids/import',
          payload: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: g.geometry, properties: { code: g.code, name: g.name, communityCode: g.code.slice(0, 12) } }] },
        };
      },
    }],
    'GET /api/matters': townVariants((town) => ({ method: 'GET', url: `/api/matters${townQuery(town)}` })),
    'GET /api/matters/{code}/versions': townVariants((town) => ({ method: 'GET', url: `/api/matters/C0101/versions${townQuery(town)}` })),
    'POST /api/matters': townVariants((town) => ({
      method: 'POST', url: `/api/matters${townQuery(town)}`, payload: { code: `Z${String(++matterSerial).padStart(4, '0')}`, ...matterInput },
    })),
    'PUT /api/matters/{code}': townVariants(async (town) => ({ method: 'PUT', url: `/api/matters/${await freshMatter(town)}${townQuery(town)}`, payload: matterInput })),
    'POST /api/matters/{code}/retire': townVariants(async (town) => ({ method: 'POST', url: `/api/matters/${await freshMatter(town)}/retire${townQuery(town)}` })),
    'GET /api/working-calendar': [{ label: 'the overview', in: everyone, request: () => ({ method: 'GET', url: '/api/working-calendar' }) }],
    'GET /api/working-calendar/{year}': [{ label: '2026', in: everyone, request: () => ({ method: 'GET', url: '/api/working-calendar/2026' }) }],
    'PUT /api/working-calendar/{year}': [{
      label: '2031', in: everyone,
      request: () => ({ method: 'PUT', url: '/api/working-calendar/2031', payload: { source: 'test notice', holidays: ['2031-01-01'], workdays: [] } }),
    }],
    'POST /api/files': [{
      label: 'a JPEG', in: everyone,
      request: async () => ({ method: 'POST', url: '/api/files', headers: { 'content-type': 'image/jpeg' }, payload: await makeJpeg(32, 24) }),
    }],
    'POST /api/public/files': [{
      label: 'a JPEG', in: everyone,
      request: async () => ({ method: 'POST', url: '/api/public/files', remoteAddress: `10.9.4.${++addressSerial}`, headers: { 'content-type': 'image/jpeg' }, payload: await makeJpeg(32, 20) }),
    }],
    'GET /api/files/{hash}': [
      { label: 'signed', in: everyone, request: () => ({ method: 'GET', url: photo.url }) },
      { label: 'bad signature', in: [], request: () => ({ method: 'GET', url: photo.url.replace(/sig=[^&]+/, 'sig=forged') }) },
    ],
    'GET /api/files/{hash}/thumb': [
      { label: 'signed', in: everyone, request: () => ({ method: 'GET', url: photo.thumbUrl }) },
      { label: 'bad signature', in: [], request: () => ({ method: 'GET', url: photo.thumbUrl.replace(/sig=[^&]+/, 'sig=forged') }) },
    ],
    'POST /api/cases': [{
      label: 'in 春晖社区第1网格', in: everyone,
      request: () => ({ method: 'POST', url: '/api/cases', payload: { categoryCode: 'C0101', description: '矩阵测试：井盖', location: w.at.demoGrid } }),
      check: (res, c) => {
        const id = res.json().id as string;
        w.register({ id, label: `reported by ${c.name}`, place: 'demoGrid', reporter: c.name as DemoUser, sentToDepartment: false, phone: null });
      },
    }],
    'GET /api/cases': [{
      label: 'list', in: everyone, request: () => ({ method: 'GET', url: '/api/cases?limit=200' }),
      check: (res, c) => {
        const listed = new Set((res.json().items as { id: string }[]).map((x) => x.id));
        const promised = w.visibleTo(c.name as DemoUser);
        const name = (id: string) => w.known.get(id)?.label ?? `unknown case ${id}`;
        expect([...listed].filter((id) => !promised.has(id)).map(name), `${c.name} lists cases it must not see`).toEqual([]);
        expect([...promised].filter((id) => !listed.has(id)).map(name), `${c.name} misses cases it must see`).toEqual([]);
      },
    }],
    'GET /api/cases/routing-preview': [{
      label: 'C0101 in the demo grid', in: everyone,
      request: () => ({ method: 'GET', url: `/api/cases/routing-preview?categoryCode=C0101&lng=${w.at.demoGrid.lng}&lat=${w.at.demoGrid.lat}` }),
    }, ...(['ruralGrid', 'demoGrid'] as const).map((place): Variant => ({
      // the history search's filters narrow what the caller sees, never widen it
      label: `history search in ${place}`, in: everyone,
      request: () => ({ method: 'GET', url: `/api/cases?limit=200&total=true&orgUnitId=${U(place)}&category=C0101&source=gridWorker&source=resident&source=hotline&from=2000-01-01&q=${encodeURIComponent('井盖')}` }),
      check: (res, c) => {
        const promised = w.visibleTo(c.name as DemoUser);
        const listed = (res.json().items as { id: string }[]).map((x) => x.id);
        expect(listed.filter((id) => !promised.has(id)).map((id) => w.known.get(id)?.label ?? id), `${c.name} finds cases it must not see`).toEqual([]);
        expect(res.json().total).toBe(listed.length);
      },
    }))],
    'GET /api/cases/figures': [{ label: 'the caller\'s cases counted', in: everyone, request: () => ({ method: 'GET', url: '/api/cases/figures' }) }],
    'GET /api/cases/{id}': [
      caseVariant('春晖社区第1网格, reported by gridworker', () => [...w.known.values()].find((k) => k.label === 'gridworker 的井盖')!.id),
      caseVariant('春晖社区第2网格, hotline', () => [...w.known.values()].find((k) => k.label === '第2网格的井盖')!.id),
      caseVariant('青杠镇, reported by the resident', () => [...w.known.values()].find((k) => k.label === 'resident 在青杠镇')!.id),
      caseVariant('青杠镇, reported by gridworker outside its grid', () => [...w.known.values()].find((k) => k.label === 'gridworker 在青杠镇')!.id),
      caseVariant('锦霞社区第1网格, at 区城市管理局 now', () => dept.current),
      caseVariant('锦霞社区第1网格, returned by 区城市管理局', () => dept.returned),
      caseVariant('锦霞社区第1网格, escalated away from 区城市管理局', () => dept.escalated),
      caseVariant('锦霞社区第1网格, never sent to 区城市管理局', () => dept.never),
    ],
    'POST /api/cases/{id}/actions/{action}': [
      freshCase('gridworker', 'demoGrid', 'C0101'),
      freshCase('resident', 'ruralGrid', 'E0101'),
      // only its assignee may start it: the department gets 200, the other viewers 403 (then 409 once started)
      { label: 'start the case at 区城市管理局', in: [...w.viewersOf(dept.current)], request: () => ({ method: 'POST', url: `/api/cases/${dept.current}/actions/start`, payload: {} }) },
    ],
    'POST /api/public/cases': [{
      label: 'anonymous 随手拍', in: everyone,
      request: () => ({ method: 'POST', url: '/api/public/cases', remoteAddress: `10.9.0.${++addressSerial}`, payload: { categoryCode: 'C0101', description: '矩阵测试', location: w.at.demoGrid, reporter: { phone: '13900000001' } } }),
      check: async (res) => {
        const id = (await w.t.db.query<{ id: string }>('select id from cases where number = $1', [res.json().number])).rows[0]!.id;
        w.register({ id, label: `anonymous ${res.json().number}`, place: 'demoGrid', reporter: null, sentToDepartment: false, phone: '13900000001' });
      },
    }],
    'GET /api/public/grid-map': [{
      label: 'a point in the demo grid', in: everyone,
      request: () => ({ method: 'GET', url: `/api/public/grid-map?lng=${w.at.demoGrid.lng}&lat=${w.at.demoGrid.lat}`, remoteAddress: `10.9.3.${++addressSerial}` }),
    }],
    'GET /api/map/area': [{ label: 'the caller\'s own area', in: everyone, request: () => ({ method: 'GET', url: '/api/map/area' }) }],
    'GET /api/places/search': [{ label: 'chsq in the caller\'s town', in: everyone, request: () => ({ method: 'GET', url: '/api/places/search?q=chsq' }) }],
    'GET /api/map/config': [{ label: 'the basemap', in: everyone, request: () => ({ method: 'GET', url: '/api/map/config', remoteAddress: `10.9.6.${++addressSerial}` }) }],
    'GET /api/public/map/area': [{ label: 'the default town', in: everyone, request: () => ({ method: 'GET', url: '/api/public/map/area', remoteAddress: `10.9.7.${++addressSerial}` }) }],
    'GET /api/public/places/search': [{ label: 'chsq', in: everyone, request: () => ({ method: 'GET', url: '/api/public/places/search?q=chsq', remoteAddress: `10.9.8.${++addressSerial}` }) }],
    'GET /api/public/matters': [{
      label: 'a point in the demo grid', in: everyone,
      request: () => ({ method: 'GET', url: `/api/public/matters?lng=${w.at.demoGrid.lng}&lat=${w.at.demoGrid.lat}`, remoteAddress: `10.9.2.${++addressSerial}` }),
    }],
    'GET /api/public/routing-preview': [{
      label: 'C0101 in the demo grid', in: everyone,
      request: () => ({ method: 'GET', url: `/api/public/routing-preview?categoryCode=C0101&lng=${w.at.demoGrid.lng}&lat=${w.at.demoGrid.lat}`, remoteAddress: `10.9.5.${++addressSerial}` }),
    }],
    'GET /api/public/cases/{number}': [
      { label: 'number + phone', in: everyone, request: () => ({ method: 'GET', url: `/api/public/cases/${tracked.number}?phone=${tracked.phone}`, remoteAddress: `10.9.1.${++addressSerial}` }) },
      { label: 'number + another phone', in: [], request: () => ({ method: 'GET', url: `/api/public/cases/${tracked.number}?phone=13911112222`, remoteAddress: `10.9.1.${++addressSerial}` }) },
    ],
    'GET /api/events': [{ label: 'stream', in: everyone, request: () => ({ method: 'GET', url: '/api/events' }) }],
    // things in the case loop, the map layers: the registry's readers, each within its reach
    'GET /api/registry/things/{id}/cases': (['demoGrid', 'demoGrid2', 'ruralGrid'] as const).map((place): Variant => ({
      label: `a thing in ${PLACES[place].name}`, in: registryReadersOf(place),
      request: async () => ({ method: 'GET', url: `/api/registry/things/${await thingIn(place)}/cases` }),
    })),
    'GET /api/registry/things/nearby': [{
      label: `near a thing in ${PLACES.demoGrid2.name}`, in: everyone,
      request: async () => { await thingIn('demoGrid2'); return { method: 'GET', url: `/api/registry/things/nearby?lng=${w.at.demoGrid2.lng}&lat=${w.at.demoGrid2.lat}` }; },
      check: async (res, c) => {
        const listed = (res.json().items as { id: string }[]).some((x) => x.id === things.get('demoGrid2'));
        expect(listed, `${c.name} lists the thing`).toBe(registryReadersOf('demoGrid2').includes(c.name as DemoUser));
      },
    }],
    ...registryVariants(),
    ...partyVariants(),
    ...meetingVariants(),
    ...participationVariants(),
    ...pointsVariants(),
    ...supermarketVariants(),
    ...dutyVariants(),
    ...taskGenerationVariants(),
    ...taskVariants(),
    ...partnerVariants(),
    ...planVariants(),
    ...incidentVariants(),
    ...suggestionVariants(),
    ...disputeVariants(),
    ...mediationVariants(),
    ...inspectionVariants(),
    ...enforcementCaseVariants(),
    ...alarmVariants(),
    ...deviceVariants(),
    ...registryImportVariants(),
    ...rankingVariants(),
    ...analyticsVariants(),
    ...indicatorVariants(),
    ...ratingVariants(),
    ...reportVariants(),
    'GET /api/registry/map-layers': [{
      label: `a view around a thing in ${PLACES.demoGrid2.name}`, in: everyone,
      request: async () => {
        await thingIn('demoGrid2');
        const { lng, lat } = w.at.demoGrid2;
        return { method: 'GET', url: `/api/registry/map-layers?bbox=${lng - 0.002},${lat - 0.002},${lng + 0.002},${lat + 0.002}` };
      },
      check: async (res, c) => {
        const drawn = (res.json().features as { properties: { recordId: string } }[]).some((f) => f.properties.recordId === things.get('demoGrid2'));
        expect(drawn, `${c.name} draws the thing`).toBe(registryReadersOf('demoGrid2').includes(c.name as DemoUser));
      },
    }],
  };
}

/** Who reads a place's registry records: admin, the town's leader and dispatcher, its community's staff, its grid's worker. */
function registryReadersOf(place: Place): DemoUser[] {
  const readers: readonly DemoUser[] = ['admin', 'leader', 'dispatcher', 'community', 'gridworker'];
  return readers.filter((r) => PLACES[place].seenBy.includes(r as never));
}

/** A registered thing (a manhole) at a place's point, made once; the registry's own commands are tested elsewhere. */
const things = new Map<Place, string>();
async function thingIn(place: Place): Promise<string> {
  const made = things.get(place);
  if (made) return made;
  const g = (await w.t.db.query<{ id: string; path: string; town_id: string }>(
    `select g.id, g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`,
    [PLACES[place].code])).rows[0]!;
  const id = `matrix-thing-${place}`;
  await w.t.db.query(
    `insert into registry_things (id, town_id, grid_id, org_path, kind, name, lng, lat, risk_level, created_at, updated_at)
     values ($1, $2, $3, $4, 'manhole', $5, $6, $7, 'high', now(), now())`,
    [id, g.town_id, g.id, g.path, `${PLACES[place].name}的井盖`, w.at[place].lng, w.at[place].lat]);
  things.set(place, id);
  return id;
}

// ---- the registry's records (issue 11) ------------------------------------------------------------------------------

const REGISTRY_PLACES = ['demoGrid', 'demoGrid2', 'ruralGrid'] as const;
const editorsOf = (place: Place) => registryReadersOf(place).filter((r) => (['admin', 'community', 'gridworker'] as DemoUser[]).includes(r));
const carersOf = (place: Place) => registryReadersOf(place).filter((r) => r === 'community' || r === 'gridworker');
let registrySerial = 0;
/** a valid ID number no other request used */
function freshIdNumber(): string {
  const first17 = `50010319800101${String(++registrySerial).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
}

interface RegistryRecords { building: string; household: string; resident: string; place: string; hazard: string; gridId: string }
const registryRecords = new Map<Place, RegistryRecords>();

/** A building, a household in it, a resident of it (with a phone), a place and a hazard in a place's grid, made once through SQL. */
async function registryIn(place: Place): Promise<RegistryRecords> {
  const made = registryRecords.get(place);
  if (made) return made;
  const g = (await w.t.db.query<{ id: string; path: string; town_id: string }>(
    `select g.id, g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`,
    [PLACES[place].code])).rows[0]!;
  const at = w.at[place];
  const common = [g.town_id, g.id, g.path];
  const building = `matrix-building-${place}`;
  await w.t.db.query(`insert into registry_buildings (id, town_id, grid_id, org_path, name, lng, lat, units, floors, rooms_per_floor, created_at, updated_at)
    values ($1, $2, $3, $4, $5, $6, $7, 1, 3, 2, now(), now())`, [building, ...common, `${PLACES[place].name}矩阵楼`, at.lng, at.lat]);
  const household = `matrix-household-${place}`;
  await w.t.db.query(`insert into registry_households (id, town_id, grid_id, org_path, building_id, unit_no, room_no, address, created_at, updated_at)
    values ($1, $2, $3, $4, $5, 1, '101', $6, now(), now())`, [household, ...common, building, `${PLACES[place].name}矩阵楼101`]);
  const resident = await matrixResident(place, household);
  const placeId = `matrix-place-${place}`;
  await w.t.db.query(`insert into registry_places (id, town_id, grid_id, org_path, kind, name, lng, lat, contact_phone, contact_phone_hash, contact_phone_masked, created_at, updated_at)
    values ($1, $2, $3, $4, 'shop', $5, $6, $7, $8, $9, '139****0000', now(), now())`,
  [placeId, ...common, `${PLACES[place].name}矩阵店`, at.lng, at.lat, w.t.app.pii.encrypt('13900000000'), w.t.app.pii.lookupHash('13900000000')]);
  const hazard = `matrix-hazard-${place}`;
  await w.t.db.query(`insert into registry_hazards (id, town_id, grid_id, org_path, building_id, found_on, description, status, created_at, updated_at)
    values ($1, $2, $3, $4, $5, '2026-11-01', '外墙空鼓', 'open', now(), now())`, [hazard, ...common, building]);
  const records = { building, household, resident, place: placeId, hazard, gridId: g.id };
  registryRecords.set(place, records);
  return records;
}

/** A resident of the place's household, with a phone and an ID number sealed as the registry stores them. */
async function matrixResident(place: Place, household: string): Promise<string> {
  const g = (await w.t.db.query<{ grid_id: string; org_path: string; town_id: string }>('select grid_id, org_path, town_id from registry_households where id = $1', [household])).rows[0]!;
  const id = `matrix-resident-${place}-${++registrySerial}`;
  const idNumber = freshIdNumber();
  const pii = w.t.app.pii;
  await w.t.db.query(`insert into registry_residents (id, town_id, grid_id, org_path, household_id, name, name_pinyin, name_initials, id_number, id_number_hash,
      id_number_masked, phone, phone_hash, phone_masked, gender, birth_date, created_at, updated_at)
    values ($1, $2, $3, $4, $5, '矩阵居民', 'juzhenjumin', 'jzjm', $6, $7, '500***********0000', $8, $9, '138****0000', 'male', '1980-01-01', now(), now())`,
  [id, g.town_id, g.grid_id, g.org_path, household, pii.encrypt(idNumber), pii.lookupHash(idNumber), pii.encrypt('13800000000'), pii.lookupHash('13800000000')]);
  return id;
}

const versionOf = async (table: string, id: string) =>
  (await w.t.db.query<{ version: number }>(`select version from ${table} where id = $1`, [id])).rows[0]!.version;

function registryVariants(): Record<string, Variant[]> {
  const each = (make: (place: Place) => Omit<Variant, 'label'> & { label?: string }) => REGISTRY_PLACES.map((place): Variant => ({ label: `in ${PLACES[place].name}`, ...make(place) }));
  const get = (path: (r: RegistryRecords) => string) => each((place) => ({
    in: registryReadersOf(place), request: async () => ({ method: 'GET', url: path(await registryIn(place)) }),
  }));
  const patch = (table: string, path: (r: RegistryRecords) => string, key: keyof RegistryRecords) => each((place) => ({
    in: editorsOf(place),
    request: async () => {
      const r = await registryIn(place);
      return { method: 'PATCH', url: path(r), payload: { version: await versionOf(table, r[key]), note: '矩阵测试' } };
    },
  }));
  const create = (url: string, body: (r: RegistryRecords, place: Place) => object | Promise<object>) => each((place) => ({
    in: editorsOf(place), request: async () => { const r = await registryIn(place); return { method: 'POST', url, payload: await body(r, place) }; },
  }));
  /** a list shows the next grid's record to exactly those who reach it */
  const list = (url: string, id: (r: RegistryRecords) => string): Variant[] => [{
    label: `the list around ${PLACES.demoGrid2.name}`, in: everyone,
    request: async () => { await registryIn('demoGrid2'); return { method: 'GET', url }; },
    check: async (res, c) => {
      const wanted = id(await registryIn('demoGrid2'));
      const listed = (res.json().items as { id: string }[]).some((x) => x.id === wanted);
      expect(listed, `${c.name} lists the record`).toBe(registryReadersOf('demoGrid2').includes(c.name as DemoUser));
    },
  }];
  return {
    'GET /api/registry/tags': [{ label: 'the catalog', in: everyone, request: () => ({ method: 'GET', url: '/api/registry/tags' }) }],
    'GET /api/registry/residents': list('/api/registry/residents?q=jzjm&pageSize=500', (r) => r.resident),
    'GET /api/registry/households': list('/api/registry/households?pageSize=500', (r) => r.household),
    'GET /api/registry/buildings': list('/api/registry/buildings?pageSize=500', (r) => r.building),
    'GET /api/registry/places': list('/api/registry/places?pageSize=500', (r) => r.place),
    'GET /api/registry/hazards': list('/api/registry/hazards?pageSize=500', (r) => r.hazard),
    'GET /api/registry/things': [{
      label: `the list around ${PLACES.demoGrid2.name}`, in: everyone,
      request: async () => { await thingIn('demoGrid2'); return { method: 'GET', url: '/api/registry/things?pageSize=500' }; },
      check: async (res, c) => {
        const listed = (res.json().items as { id: string }[]).some((x) => x.id === things.get('demoGrid2'));
        expect(listed, `${c.name} lists the thing`).toBe(registryReadersOf('demoGrid2').includes(c.name as DemoUser));
      },
    }],
    'GET /api/registry/residents/{id}': get((r) => `/api/registry/residents/${r.resident}`),
    'GET /api/registry/households/{id}': get((r) => `/api/registry/households/${r.household}`),
    'GET /api/registry/buildings/{id}': get((r) => `/api/registry/buildings/${r.building}`),
    'GET /api/registry/buildings/{id}/layout': get((r) => `/api/registry/buildings/${r.building}/layout`),
    'GET /api/registry/places/{id}': get((r) => `/api/registry/places/${r.place}`),
    'GET /api/registry/things/{id}': each((place) => ({
      in: registryReadersOf(place), request: async () => ({ method: 'GET', url: `/api/registry/things/${await thingIn(place)}` }),
    })),
    'PATCH /api/registry/residents/{id}': patch('registry_residents', (r) => `/api/registry/residents/${r.resident}`, 'resident'),
    'PATCH /api/registry/households/{id}': patch('registry_households', (r) => `/api/registry/households/${r.household}`, 'household'),
    'PATCH /api/registry/buildings/{id}': patch('registry_buildings', (r) => `/api/registry/buildings/${r.building}`, 'building'),
    'PATCH /api/registry/places/{id}': patch('registry_places', (r) => `/api/registry/places/${r.place}`, 'place'),
    'PATCH /api/registry/things/{id}': each((place) => ({
      in: editorsOf(place),
      request: async () => {
        const id = await thingIn(place);
        return { method: 'PATCH', url: `/api/registry/things/${id}`, payload: { version: await versionOf('registry_things', id), note: '矩阵测试' } };
      },
    })),
    'PATCH /api/registry/hazards/{id}': each((place) => ({
      in: editorsOf(place),
      request: async () => {
        const r = await registryIn(place);
        return { method: 'PATCH', url: `/api/registry/hazards/${r.hazard}`, payload: { version: await versionOf('registry_hazards', r.hazard), actionTaken: '矩阵测试' } };
      },
    })),
    'POST /api/registry/residents/{id}/leave': each((place) => ({
      in: editorsOf(place),
      // a resident of its own for each caller: one who left cannot leave again
      request: async () => ({ method: 'POST', url: `/api/registry/residents/${await matrixResident(place, (await registryIn(place)).household)}/leave`, payload: { reason: 'movedAway' } }),
    })),
    'POST /api/registry/residents/{id}/reveal': [
      ...each((place) => ({
        label: `the phone of a resident in ${PLACES[place].name}`, in: carersOf(place),
        request: async () => ({ method: 'POST', url: `/api/registry/residents/${(await registryIn(place)).resident}/reveal`, payload: { field: 'phone' } }),
      })),
      // the ID number whole to community staff only: the grid worker who reaches the resident is refused (403)
      ...each((place) => ({
        label: `the ID number of a resident in ${PLACES[place].name}`, in: carersOf(place).filter((r) => r === 'community'),
        ...(carersOf(place).includes('gridworker') ? { otherwise: { gridworker: [403] } } : {}),
        request: async () => ({ method: 'POST', url: `/api/registry/residents/${(await registryIn(place)).resident}/reveal`, payload: { field: 'idNumber' } }),
      })),
    ],
    'POST /api/registry/places/{id}/reveal': each((place) => ({
      in: carersOf(place), request: async () => ({ method: 'POST', url: `/api/registry/places/${(await registryIn(place)).place}/reveal`, payload: {} }),
    })),
    'POST /api/registry/things/{id}/inspections': each((place) => ({
      in: editorsOf(place),
      request: async () => ({ method: 'POST', url: `/api/registry/things/${await thingIn(place)}/inspections`, payload: { inspectedOn: '2026-11-01', result: 'normal' } }),
    })),
    // created in the place's grid, named by gridId (a grid out of reach: 404)
    'POST /api/registry/residents': create('/api/registry/residents', (r) => ({ name: '矩阵新居民', idNumber: freshIdNumber(), gridId: r.gridId })),
    'POST /api/registry/households': create('/api/registry/households', (r) => ({ address: '矩阵路1号', gridId: r.gridId })),
    'POST /api/registry/buildings': create('/api/registry/buildings', (r, place) => ({ name: '矩阵新楼', location: w.at[place], gridId: r.gridId, units: 1, floors: 2, roomsPerFloor: 2 })),
    'POST /api/registry/places': create('/api/registry/places', (r, place) => ({ kind: 'shop', name: '矩阵新店', location: w.at[place], gridId: r.gridId })),
    'POST /api/registry/things': create('/api/registry/things', (r, place) => ({ kind: 'hydrant', name: '矩阵消防栓', location: w.at[place], gridId: r.gridId, riskLevel: 'low' })),
    'POST /api/registry/hazards': create('/api/registry/hazards', async (_r, place) => ({ thingId: await thingIn(place), foundOn: '2026-11-01', description: '矩阵隐患' })),
  };
}

/** The SSE endpoint over a real socket: status and content type, the first chunk, then hang up. */
async function streamStatus(c: Caller): Promise<{ status: number; contentType: string | null; body: string }> {
  base ??= await w.t.app.listen({ port: 0, host: '127.0.0.1' });
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 5000);
  try {
    const res = await fetch(`${base}/api/events`, { headers: c.token ? bearer(c.token) : {}, signal: ac.signal });
    const contentType = res.headers.get('content-type');
    let body = '';
    if (res.status === 200) {
      const { value } = await res.body!.getReader().read();
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
  w = await createWorld();
  ({ ops } = await openApiOperations(w.t));
  // fixtures through the API, each registered with the facts its viewers follow from
  await w.report('gridworker', 'demoGrid', 'C0101', 'gridworker 的井盖');
  await w.report('dispatcher', 'demoGrid2', 'C0101', '第2网格的井盖', '13700000009');
  await w.report('resident', 'ruralGrid', 'E0101', 'resident 在青杠镇');
  await w.report('gridworker', 'ruralGrid', 'E0101', 'gridworker 在青杠镇');
  dept = await departmentCases(w);
  const up = await w.inject('gridworker', { method: 'POST', url: '/api/files', headers: { 'content-type': 'image/jpeg' }, payload: await makeJpeg(64, 48) });
  expect(up.statusCode).toBe(201);
  photo = up.json();
  const pub = await w.t.app.inject({
    method: 'POST', url: '/api/public/cases', remoteAddress: '10.9.9.9',
    payload: { categoryCode: 'C0101', description: '匿名随手拍', location: w.at.demoGrid, reporter: { phone: '13800001111' } },
  });
  expect(pub.statusCode).toBe(201);
  tracked = { number: pub.json().number, phone: '13800001111' };
  const id = (await w.t.db.query<{ id: string }>('select id from cases where number = $1', [tracked.number])).rows[0]!.id;
  w.register({ id, label: 'anonymous, tracked', place: 'demoGrid', reporter: null, sentToDepartment: false, phone: tracked.phone });
}, 120_000);
afterAll(async () => { await w?.t.close(); });

describe('the promises, the access matrix and the OpenAPI document', () => {
  it('name the same operations', () => {
    const documented = ops.map((o) => `${o.method} ${o.path}`).sort();
    const declared = ACCESS_MATRIX.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented.filter((k) => !declared.includes(k)), 'operations without a matrix entry').toEqual([]);
    expect(declared.filter((k) => !documented.includes(k)), 'matrix entries with no such operation').toEqual([]);
    expect(new Set(declared).size, 'one entry per operation').toBe(declared.length);
    expect(documented.filter((k) => !(k in OPERATIONS)), 'operations without a promise').toEqual([]);
    expect(Object.keys(OPERATIONS).filter((k) => !documented.includes(k)), 'promises with no such operation').toEqual([]);
    expect(Object.keys(OPERATIONS).filter((k) => !(k in builders())), 'promises without a request').toEqual([]);
  });

  it('agree on who may call each operation (the product\'s declaration against the promises)', () => {
    const differ: string[] = [];
    for (const [key, p] of Object.entries(OPERATIONS)) {
      const [method, path] = key.split(' ') as [string, string];
      const rule = ruleFor(method, path);
      if (!rule) continue; // reported by the test above
      for (const c of w.callers) {
        const promised = p.callers === 'public' || (c.name !== 'anonymous' && (p.callers === 'signed-in' || p.callers.includes(c.name)));
        if (mayCall(rule, c.roles) !== promised) differ.push(`${key}: ${c.name} ${promised ? 'promised' : 'not promised'}, declared the other way`);
      }
    }
    expect(differ).toEqual([]);
  });
});

/**
 * Every request starts with the demo resident in no registry entry: the sections whose requests need her as a registry
 * person (a support, a vote, a join) tie her inside their request, and one left tied must not change the next
 * operation's promises (a resident outside the registry reads no household's points).
 */
async function untieResident(): Promise<void> {
  const account = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'resident'`)).rows[0]!.id;
  const hash = await accountPhoneHash(w.t.db, w.t.app.pii, account);
  if (hash) await w.t.db.query('update registry_residents set phone_hash = null where phone_hash = $1', [hash]);
}

describe('every operation, as anonymous and as every demo account', () => {
  it.each(Object.keys(OPERATIONS))('%s', async (key) => {
    const promise = OPERATIONS[key]!;
    const problems: string[] = [];
    let succeeded = 0;
    for (const variant of builders()[key]!) {
      for (const c of w.callers) {
        const allowed = expected(promise, variant, c.name);
        let status: number;
        let body: string;
        let res: LightMyRequestResponse | null = null;
        if (key === 'GET /api/events') {
          // an SSE answer never ends, so app.inject would hang on it: every caller asks over a real socket
          const s = await streamStatus(c);
          status = s.status;
          body = s.body;
          if (status === 200 && !/^text\/event-stream/.test(s.contentType ?? '')) problems.push(`${c.name} [${variant.label}]: stream answered ${s.contentType}`);
        } else {
          await untieResident();
          const o = await variant.request(c);
          const own = key === 'POST /api/auth/logout' ? {} : c.token ? bearer(c.token) : {};
          res = await w.t.app.inject({ ...o, headers: { ...(o.headers ?? {}), ...own } });
          status = res.statusCode;
          body = res.body;
        }
        const where = `${c.name} [${variant.label}] → ${status}`;
        if (status >= 500) problems.push(`${where}: server error ${body.slice(0, 200)}`);
        else if (!allowed.ok(status)) problems.push(`${where}, promised ${allowed.text}: ${body.slice(0, 160)}`);
        if (status >= 200 && status < 300) {
          succeeded++;
          if (res && variant.check) {
            try { await variant.check(res, c); } catch (e) { problems.push(`${where}: ${(e as Error).message.split('\n').slice(0, 12).join(' ')}`); }
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
    expect(problems, key).toEqual([]);
    expect(succeeded, `${key}: at least one caller gets through with the minimal request`).toBeGreaterThan(0);
  });
});


// ---- registry import and export ---------------------------------------------------------------------------------------

const importCsv = () => Buffer.from(`姓名,身份证号,住址\n矩阵导入,${freshIdNumber()},矩阵路2号\n矩阵错误,123,矩阵路3号\n`, 'utf8');
let gridworkerImport: Promise<string> | null = null;

/** An import by the grid worker, finished: read by it and by the admin of the city, by no other editor (404). */
function importOfGridworker(): Promise<string> {
  gridworkerImport ??= (async () => {
    const r = await w.inject('gridworker', { method: 'POST', url: '/api/registry/imports?kind=residents', headers: { 'content-type': 'text/csv' }, payload: importCsv() });
    const id = r.json().id as string;
    for (let i = 0; i < 400; i++) {
      const s = (await w.t.db.query<{ status: string }>('select status from registry_imports where id = $1', [id])).rows[0]!.status;
      if (s === 'done' || s === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return id;
  })();
  return gridworkerImport;
}

function registryImportVariants(): Record<string, Variant[]> {
  return {
    'GET /api/registry/templates/{kind}': [{ label: 'the residents template', in: everyone, request: () => ({ method: 'GET', url: '/api/registry/templates/residents' }) }],
    'POST /api/registry/imports': [{
      label: 'a CSV of residents', in: everyone,
      request: () => ({ method: 'POST', url: '/api/registry/imports?kind=residents', headers: { 'content-type': 'text/csv' }, payload: importCsv() }),
    }],
    'GET /api/registry/imports': [{ label: 'own imports', in: everyone, request: () => ({ method: 'GET', url: '/api/registry/imports' }) }],
    'GET /api/registry/imports/{id}': [{
      label: 'the grid worker\'s import', in: ['gridworker', 'admin'],
      request: async () => ({ method: 'GET', url: `/api/registry/imports/${await importOfGridworker()}` }),
    }],
    'GET /api/registry/imports/{id}/report': [{
      label: 'the grid worker\'s import', in: ['gridworker', 'admin'],
      request: async () => ({ method: 'GET', url: `/api/registry/imports/${await importOfGridworker()}/report` }),
    }],
    'GET /api/registry/exports/{kind}': [{ label: 'the residents list', in: everyone, request: () => ({ method: 'GET', url: '/api/registry/exports/residents?q=jzjm' }) }],
  };
}

/** The duty catalogs (issue 12): a town's lists, admissions and standing duties, in 春晖路街道 and in 青杠镇. */
function dutyVariants(): Record<string, Variant[]> {
  const townStaff = TOWN_STAFF;
  let dutySerial = 0;
  const q = (id: string | null) => (id ? `?orgUnitId=${id}` : '');
  // readers: the town's staff and the community's and grid's own; the admin and the district's department name a town
  const readVariants = (path: string): Variant[] => [
    { label: 'no orgUnitId (a reader above the towns: the first of its scope)', in: ['admin', ...townStaff, 'community', 'gridworker', 'department'], request: () => ({ method: 'GET', url: path }) },
    { label: 'orgUnitId=春晖路街道', in: ['admin', ...townStaff, 'community', 'gridworker', 'department'], request: () => ({ method: 'GET', url: `${path}${q(U('urbanTown'))}` }) },
    { label: 'orgUnitId=春晖社区第1网格', in: ['admin', ...townStaff, 'community', 'gridworker', 'department'], request: () => ({ method: 'GET', url: `${path}${q(U('demoGrid'))}` }) },
    { label: 'orgUnitId=青杠镇', in: ['admin', 'department'], request: () => ({ method: 'GET', url: `${path}${q(U('ruralTown'))}` }) },
  ];
  const proposal = () => ({ level: 'grid', item: { name: `矩阵事项${++dutySerial}`, listType: 'basic', basis: '《矩阵测试依据》第一条', minutesPerVisit: 20 }, reason: '矩阵测试', burden: 1 });
  /** a pending admission in a town, filed by the admin */
  const pendingIn = async (town: 'urbanTown' | 'ruralTown') => {
    const r = await asAdmin({ method: 'POST', url: '/api/duty-catalog/admissions', payload: { ...proposal(), orgUnitId: U(town) } });
    if (r.statusCode !== 201) throw new Error(`admission: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  };
  /** an item of a town's grid list, admitted by the admin */
  const itemIn = async (town: 'urbanTown' | 'ruralTown') => {
    const r = await asAdmin({ method: 'POST', url: `/api/duty-catalog/admissions/${await pendingIn(town)}/approve`, payload: {} });
    if (r.statusCode !== 200) throw new Error(`approve: ${r.statusCode} ${r.body}`);
    return r.json().itemId as string;
  };
  const towns = [['春晖路街道', 'urbanTown', ['admin', 'leader']], ['青杠镇', 'ruralTown', ['admin']]] as const;
  const perTown = (make: (town: 'urbanTown' | 'ruralTown') => Promise<InjectOptions>) => towns.map(([label, key, inside]): Variant => ({ label, in: inside, request: () => make(key) }));
  const itemVersion = async (id: string) => (await w.t.db.query<{ version: number }>('select version from duty_items where id = $1', [id])).rows[0]!.version;
  const standing = async (townId: string | null) => {
    const version = townId ? (await w.t.db.query<{ v: number }>('select coalesce(max(version), 0)::int as v from standing_duties where town_id = $1', [townId])).rows[0]!.v : 0;
    const duties = (await asAdmin({ method: 'GET', url: `/api/standing-duties?orgUnitId=${townId ?? U('urbanTown')}` })).json().duties as Record<string, unknown>[];
    return { ...(townId ? { orgUnitId: townId } : {}), version, duties: duties.map(({ code, name, description, everyDays, deadlineDays, enabled }) => ({ code, name, description, everyDays, deadlineDays, enabled })) };
  };
  return {
    'GET /api/duty-catalog': readVariants('/api/duty-catalog'),
    'GET /api/duty-catalog/admissions': readVariants('/api/duty-catalog/admissions'),
    'GET /api/standing-duties': readVariants('/api/standing-duties'),
    'POST /api/duty-catalog/admissions': [
      { label: 'no orgUnitId', in: ['leader', 'dispatcher', 'community'], otherwise: { admin: [400], department: [400] }, request: () => ({ method: 'POST', url: '/api/duty-catalog/admissions', payload: proposal() }) },
      { label: 'in 春晖路街道', in: ['admin', 'leader', 'dispatcher', 'community', 'department'], request: () => ({ method: 'POST', url: '/api/duty-catalog/admissions', payload: { ...proposal(), orgUnitId: U('urbanTown') } }) },
      { label: 'in 青杠镇', in: ['admin', 'department'], request: () => ({ method: 'POST', url: '/api/duty-catalog/admissions', payload: { ...proposal(), orgUnitId: U('ruralTown') } }) },
    ],
    'POST /api/duty-catalog/admissions/{id}/approve': perTown(async (town) => ({ method: 'POST', url: `/api/duty-catalog/admissions/${await pendingIn(town)}/approve`, payload: {} })),
    'POST /api/duty-catalog/admissions/{id}/refuse': perTown(async (town) => ({ method: 'POST', url: `/api/duty-catalog/admissions/${await pendingIn(town)}/refuse`, payload: { note: '矩阵测试不予准入' } })),
    'PATCH /api/duty-catalog/items/{id}': perTown(async (town) => {
      const id = await itemIn(town);
      return { method: 'PATCH', url: `/api/duty-catalog/items/${id}`, payload: { version: await itemVersion(id), name: '矩阵改名' } };
    }),
    'POST /api/duty-catalog/items/{id}/retire': perTown(async (town) => {
      const id = await itemIn(town);
      return { method: 'POST', url: `/api/duty-catalog/items/${id}/retire`, payload: { version: await itemVersion(id), reason: '矩阵测试退出' } };
    }),
    'PUT /api/standing-duties': [
      { label: 'no orgUnitId', in: ['leader'], otherwise: { admin: [400] }, request: async () => ({ method: 'PUT', url: '/api/standing-duties', payload: { ...(await standing(U('urbanTown'))), orgUnitId: undefined } }) },
      ...perTown(async (town) => ({ method: 'PUT', url: '/api/standing-duties', payload: await standing(U(town)) })),
    ],
  };
}

/** The daily task generation run by hand, and staff absences (issue 12): in 春晖路街道 and in 青杠镇. */
function taskGenerationVariants(): Record<string, Variant[]> {
  const assigners = ['admin', 'leader', 'dispatcher', 'community'] as const;
  let rural: string | null = null;
  /** a worker of 青杠村第1网格: a town-2 account put on the grid's team as its leader, once */
  const ruralWorker = async () => {
    if (rural) return rural;
    rural = await w.accountId('town2-leader1');
    await w.t.db.query(`insert into grid_team_members (grid_id, account_id, team_role, name, sort) values ($1, $2, 'gridLeader', '矩阵网格长', 99)`, [U('ruralGrid'), rural]);
    return rural;
  };
  let day = 0;
  /** a fresh absence body, on days of its own */
  const leave = (accountId: string) => {
    const d = `2026-12-${String(10 + (day++ % 18)).padStart(2, '0')}`;
    return { accountId, from: d, to: d, reason: '矩阵测试' };
  };
  const absence = async (accountId: string) => {
    const r = await asAdmin({ method: 'POST', url: '/api/absences', payload: leave(accountId) });
    if (r.statusCode !== 201) throw new Error(`absence: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  };
  return {
    'POST /api/tasks/generate': [
      { label: '春晖路街道', in: ['admin', 'leader'], request: () => ({ method: 'POST', url: '/api/tasks/generate', payload: { orgUnitId: U('urbanTown') } }) },
      { label: '青杠镇', in: ['admin'], request: () => ({ method: 'POST', url: '/api/tasks/generate', payload: { orgUnitId: U('ruralTown') } }) },
    ],
    'GET /api/absences': [
      { label: 'the caller\'s scope', in: assigners, request: () => ({ method: 'GET', url: '/api/absences' }) },
      { label: 'orgUnitId=春晖社区第1网格', in: assigners, request: () => ({ method: 'GET', url: `/api/absences?orgUnitId=${U('demoGrid')}` }) },
      { label: 'orgUnitId=青杠村第1网格', in: ['admin'], request: () => ({ method: 'GET', url: `/api/absences?orgUnitId=${U('ruralGrid')}` }) },
    ],
    'POST /api/absences': [
      { label: 'the grid worker of 春晖社区第1网格', in: assigners, request: async () => ({ method: 'POST', url: '/api/absences', payload: leave(await w.accountId('gridworker')) }) },
      { label: 'a worker of 青杠村第1网格', in: ['admin'], request: async () => ({ method: 'POST', url: '/api/absences', payload: leave(await ruralWorker()) }) },
    ],
    'DELETE /api/absences/{id}': [
      { label: 'an absence in 春晖社区第1网格', in: assigners, request: async () => ({ method: 'DELETE', url: `/api/absences/${await absence(await w.accountId('gridworker'))}` }) },
      { label: 'an absence in 青杠村第1网格', in: ['admin'], request: async () => ({ method: 'DELETE', url: `/api/absences/${await absence(await ruralWorker())}` }) },
    ],
  };
}

/**
 * Tasks, visits, campaigns and progress (issue 12): a task and a visit in 春晖社区第1网格 (the grid worker's) and in
 * 青杠村第1网格 (another town: the admin's alone); fresh tasks and visits per caller where a call changes them.
 */
function taskVariants(): Record<string, Variant[]> {
  const overseers = ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] as const;
  const doers = ['community', 'gridworker'] as const;
  let serial = 0;
  const gridRow = async (k: 'demoGrid' | 'ruralGrid') =>
    (await w.t.db.query<{ path: string }>('select path from org_units where id = $1', [U(k)])).rows[0]!.path;
  /** a fresh open task in the grid, held by the demo grid worker there and by nobody in 青杠村 */
  const freshTask = async (k: 'demoGrid' | 'ruralGrid') => {
    const town = k === 'demoGrid' ? U('urbanTown') : U('ruralTown');
    const assignee = k === 'demoGrid' ? await w.accountId('gridworker') : null;
    const r = await w.t.db.query<{ id: string }>(
      `insert into tasks (town_id, grid_id, org_path, kind, title, assignee_id, assignee_name, starts_on, due_on, dedupe_key, created_at, updated_at)
       values ($1, $2, $3, 'assigned', '矩阵任务', $4, '李明辉', '2026-11-20', '2026-11-30', $5, now(), now()) returning id`,
      [town, U(k), await gridRow(k), assignee, `matrix:${k}:${++serial}:${Math.random()}`]);
    return r.rows[0]!.id;
  };
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => {
    if (!fixed.has(key)) fixed.set(key, await make());
    return fixed.get(key)!;
  };
  /** a place of the grid (the admin records it), to visit */
  const placeIn = (k: 'demoGrid' | 'ruralGrid') => once(`place:${k}`, async () => {
    const r = await asAdmin({ method: 'POST', url: '/api/registry/places', payload: { kind: 'enterprise', name: `矩阵走访企业${k}`, location: w.at[k] } });
    if (r.statusCode !== 201) throw new Error(`place: ${r.statusCode} ${r.body}`);
    return r.json().place.id as string;
  });
  /** a fresh visit with a finding in the demo grid, by its grid worker */
  const freshVisit = async () => {
    const r = await w.inject('gridworker', { method: 'POST', url: '/api/visits', payload: { subject: { kind: 'place', id: await placeIn('demoGrid') }, at: '2026-11-23T08:00:00+08:00', findings: '矩阵走访发现井盖破损' } });
    if (r.statusCode !== 201) throw new Error(`visit: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  };
  /** a visit in 青杠村第1网格, written straight in (no doer of the matrix reaches it) */
  const ruralVisit = () => once('visit:rural', async () => {
    const r = await w.t.db.query<{ id: string }>(
      `insert into visits (town_id, grid_id, org_path, subject_kind, subject_id, subject_name, visitor_id, visitor_name, at, findings, created_at)
       values ($1, $2, $3, 'place', $4, '矩阵走访企业', $5, '黄志刚', now(), '矩阵发现', now()) returning id`,
      [U('ruralTown'), U('ruralGrid'), await gridRow('ruralGrid'), await placeIn('ruralGrid'), await w.accountId('admin')]);
    return r.rows[0]!.id;
  });
  const ruralListed = (what: string) => async (res: LightMyRequestResponse, c: Caller) => {
    const id = await once(what, () => (what === 'task:rural' ? freshTask('ruralGrid') : ruralVisit()));
    const listed = (res.json().items as { id: string }[]).some((x) => x.id === id);
    expect(listed, `${c.name} lists the record of 青杠村`).toBe(c.name === 'admin');
  };
  return {
    'GET /api/tasks': [
      { label: 'the caller\'s list (assignee=me)', in: everyone, request: () => ({ method: 'GET', url: '/api/tasks?assignee=me&date=today' }) },
      {
        label: 'every task in reach', in: everyone,
        request: async () => { await once('task:rural', () => freshTask('ruralGrid')); return { method: 'GET', url: '/api/tasks?pageSize=500&status=open&kind=assigned' }; },
        check: ruralListed('task:rural'),
      },
      { label: 'orgUnitId=春晖社区第1网格', in: overseers, request: () => ({ method: 'GET', url: `/api/tasks?orgUnitId=${U('demoGrid')}` }) },
      { label: 'orgUnitId=青杠村第1网格', in: ['admin'], request: () => ({ method: 'GET', url: `/api/tasks?orgUnitId=${U('ruralGrid')}` }) },
    ],
    'GET /api/tasks/{id}': [
      { label: 'a task in 春晖社区第1网格', in: overseers, request: async () => ({ method: 'GET', url: `/api/tasks/${await once('task:demo', () => freshTask('demoGrid'))}` }) },
      { label: 'a task in 青杠村第1网格', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/tasks/${await once('task:rural', () => freshTask('ruralGrid'))}` }) },
    ],
    'POST /api/tasks/{id}/complete': [
      { label: 'a fresh task of the grid worker of 春晖社区第1网格', in: doers, request: async () => ({ method: 'POST', url: `/api/tasks/${await freshTask('demoGrid')}/complete`, payload: { note: '矩阵完成' } }) },
      { label: 'a task in 青杠村第1网格', in: [], request: async () => ({ method: 'POST', url: `/api/tasks/${await freshTask('ruralGrid')}/complete`, payload: {} }) },
    ],
    'POST /api/tasks': [
      { label: 'to 春晖社区第1网格', in: ['admin', 'leader', 'dispatcher', 'community'], request: () => ({ method: 'POST', url: '/api/tasks', payload: { orgUnitId: U('demoGrid'), title: '矩阵交办', dueOn: '2026-12-31' } }) },
      { label: 'to 青杠村第1网格', in: ['admin'], request: () => ({ method: 'POST', url: '/api/tasks', payload: { orgUnitId: U('ruralGrid'), title: '矩阵交办', dueOn: '2026-12-31' } }) },
    ],
    'GET /api/tasks/progress': [
      { label: 'the caller\'s scope', in: everyone, request: () => ({ method: 'GET', url: '/api/tasks/progress' }) },
      { label: 'orgUnitId=春晖社区第1网格', in: overseers, request: () => ({ method: 'GET', url: `/api/tasks/progress?orgUnitId=${U('demoGrid')}` }) },
      { label: 'orgUnitId=青杠村第1网格', in: ['admin'], request: () => ({ method: 'GET', url: `/api/tasks/progress?orgUnitId=${U('ruralGrid')}` }) },
    ],
    'POST /api/task-campaigns': [
      { label: 'to 春晖社区第1网格', in: ['admin', 'leader', 'dispatcher'], request: () => ({ method: 'POST', url: '/api/task-campaigns', payload: { title: '矩阵宣传', content: '矩阵测试', material: [], gridIds: [U('demoGrid')], startsOn: '2026-11-24', dueOn: '2026-12-31' } }) },
      { label: 'to 青杠村第1网格', in: ['admin'], request: () => ({ method: 'POST', url: '/api/task-campaigns', payload: { title: '矩阵宣传', content: '矩阵测试', material: [], gridIds: [U('ruralGrid')], startsOn: '2026-11-24', dueOn: '2026-12-31' } }) },
    ],
    'GET /api/task-campaigns': [
      { label: 'the caller\'s scope', in: everyone, request: () => ({ method: 'GET', url: '/api/task-campaigns' }) },
      { label: 'orgUnitId=青杠村第1网格', in: ['admin'], request: () => ({ method: 'GET', url: `/api/task-campaigns?orgUnitId=${U('ruralGrid')}` }) },
    ],
    'POST /api/visits': [
      { label: 'a place of 春晖社区第1网格', in: doers, request: async () => ({ method: 'POST', url: '/api/visits', payload: { subject: { kind: 'place', id: await placeIn('demoGrid') }, at: '2026-11-23T08:00:00+08:00', findings: '' } }) },
      { label: 'a place of 青杠村第1网格', in: [], request: async () => ({ method: 'POST', url: '/api/visits', payload: { subject: { kind: 'place', id: await placeIn('ruralGrid') }, at: '2026-11-23T08:00:00+08:00', findings: '' } }) },
    ],
    'POST /api/visits/{id}/case': [
      { label: 'a fresh visit in 春晖社区第1网格', in: doers, request: async () => ({ method: 'POST', url: `/api/visits/${await freshVisit()}/case`, payload: { categoryCode: 'C0101' } }) },
      { label: 'a visit in 青杠村第1网格', in: [], request: async () => ({ method: 'POST', url: `/api/visits/${await ruralVisit()}/case`, payload: { categoryCode: 'C0101' } }) },
    ],
    'GET /api/visits': [
      { label: 'every visit in reach', in: everyone, request: async () => { await ruralVisit(); return { method: 'GET', url: '/api/visits?pageSize=500' }; }, check: ruralListed('visit:rural') },
      { label: 'orgUnitId=青杠村第1网格', in: ['admin'], request: () => ({ method: 'GET', url: `/api/visits?orgUnitId=${U('ruralGrid')}` }) },
    ],
  };
}

/**
 * 数字预案 (issue 14): a plan of 春晖路街道 (read by its staff and its community's, written by its leader and the admin)
 * and one of 青杠镇 (the admin's alone); a retirement retires a fresh plan each time.
 */
function planVariants(): Record<string, Variant[]> {
  const readers = ['admin', 'leader', 'dispatcher', 'handler', 'community'] as const;
  const fixed = new Map<string, string>();
  let serial = 0;
  const body = (n: number) => ({
    name: `矩阵预案${n}`, hazard: 'flood', matterCode: 'S0302', summary: '', levels: ['IV', 'III'], triggers: [{ kind: 'manual' }],
    roles: [{ key: 'c', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] }],
    steps: [{ key: 's', title: '沿河巡查', roleKey: 'c', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看水位'] }],
    resources: [{ key: 'r', kind: 'team', name: '应急分队', quantity: 10, unit: '人', location: null, address: null, contactName: '张队长', contactPhone: '13812345678' }],
    notice: { event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '河道涨水', description: '水位上涨', instruction: '远离河道', areaDesc: '沿河', expiresAfterH: 6 },
  });
  const make = async (k: 'urbanTown' | 'ruralTown') => {
    const r = await asAdmin({ method: 'POST', url: '/api/plans', payload: { townId: U(k), body: body(++serial) } });
    if (r.statusCode !== 201) throw new Error(`plan: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  };
  const planIn = async (k: 'urbanTown' | 'ruralTown') => {
    if (!fixed.has(k)) fixed.set(k, await make(k));
    return fixed.get(k)!;
  };
  const versionOf = async (id: string) => (await asAdmin({ method: 'GET', url: `/api/plans/${id}` })).json().currentVersion as number;
  const perTown = (inside: readonly Who[], req: (id: string) => Promise<InjectOptions>, fresh = false): Variant[] => [
    { label: 'a plan of 春晖路街道', in: inside, request: async () => req(fresh ? await make('urbanTown') : await planIn('urbanTown')) },
    { label: 'a plan of 青杠镇', in: ['admin'], request: async () => req(fresh ? await make('ruralTown') : await planIn('ruralTown')) },
  ];
  return {
    'GET /api/plans': [{
      label: 'the caller\'s towns', in: everyone,
      request: async () => { await planIn('ruralTown'); return { method: 'GET', url: '/api/plans' }; },
      check: async (res, c) => {
        const rural = await planIn('ruralTown');
        expect((res.json().items as { id: string }[]).some((x) => x.id === rural), `${c.name} lists 青杠镇's plan`).toBe(c.name === 'admin');
      },
    }],
    'POST /api/plans': [
      { label: 'for 春晖路街道', in: ['admin', 'leader'], request: () => ({ method: 'POST', url: '/api/plans', payload: { townId: U('urbanTown'), body: body(++serial) } }) },
      { label: 'for 青杠镇', in: ['admin'], request: () => ({ method: 'POST', url: '/api/plans', payload: { townId: U('ruralTown'), body: body(++serial) } }) },
    ],
    'GET /api/plans/{id}': perTown(readers, async (id) => ({ method: 'GET', url: `/api/plans/${id}` })),
    'PUT /api/plans/{id}': perTown(['admin', 'leader'], async (id) => ({ method: 'PUT', url: `/api/plans/${id}`, payload: { body: body(++serial), version: await versionOf(id) } })),
    'POST /api/plans/{id}/retire': perTown(['admin', 'leader'], async (id) => ({ method: 'POST', url: `/api/plans/${id}/retire`, payload: { reason: '矩阵测试停用' } }), true),
    'GET /api/plans/{id}/versions': perTown(readers, async (id) => ({ method: 'GET', url: `/api/plans/${id}/versions` })),
    'GET /api/plans/{id}/versions/{version}': perTown(readers, async (id) => ({ method: 'GET', url: `/api/plans/${id}/versions/1` })),
  };
}

/**
 * Incidents (issue 14): a fresh incident of a plan of 春晖路街道 (started, changed and stood down by its command center,
 * read by its staff and its community's; its step's work order goes to 城市更新岗, whose holder 王建国 (handler) ticks it)
 * and one of 青杠镇 (the admin's alone), each request on its own incident.
 */
function incidentVariants(): Record<string, Variant[]> {
  const readers = ['admin', 'leader', 'dispatcher', 'handler', 'community'] as const;
  const commanders = ['admin', 'leader', 'dispatcher'] as const;
  let serial = 0;
  const plans = new Map<string, string>();
  const body = (n: number) => ({
    name: `矩阵事件预案${n}`, hazard: 'flood', matterCode: 'S0302', summary: '', levels: ['IV', 'III'], triggers: [{ kind: 'manual' }],
    roles: [{ key: 'c', name: '堡坎巡查', postCode: 'JJ-CSGX', backupAccountIds: [] }],
    steps: [{ key: 's', title: '沿河巡查', roleKey: 'c', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看水位'] }],
    resources: [],
    notice: { event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '河道涨水', description: '水位上涨', instruction: '远离河道', areaDesc: '沿河', expiresAfterH: 6 },
  });
  const grids = { urbanTown: PLACES.demoGrid.code, ruralTown: PLACES.ruralGrid.code } as const;
  const planIn = async (k: 'urbanTown' | 'ruralTown') => {
    if (!plans.has(k)) {
      const r = await asAdmin({ method: 'POST', url: '/api/plans', payload: { townId: U(k), body: body(++serial) } });
      if (r.statusCode !== 201) throw new Error(`plan: ${r.statusCode} ${r.body}`);
      plans.set(k, r.json().id as string);
    }
    return plans.get(k)!;
  };
  const activation = async (k: 'urbanTown' | 'ruralTown') => ({ level: 'IV', reason: '矩阵测试', location: await gridCentre(w.t.db, grids[k]) });
  const incidentIn = async (k: 'urbanTown' | 'ruralTown') => {
    const r = await asAdmin({ method: 'POST', url: `/api/plans/${await planIn(k)}/activate`, payload: await activation(k) });
    if (r.statusCode !== 201) throw new Error(`incident: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  };
  const closedIn = async (k: 'urbanTown' | 'ruralTown') => {
    const id = await incidentIn(k);
    const r = await asAdmin({ method: 'POST', url: `/api/incidents/${id}/stand-down`, payload: { reason: '矩阵测试解除' } });
    if (r.statusCode !== 200) throw new Error(`stand-down: ${r.statusCode} ${r.body}`);
    return id;
  };
  const perTown = (inside: readonly Who[], req: (id: string) => InjectOptions): Variant[] => [
    { label: 'an incident of 春晖路街道', in: inside, request: async () => req(await incidentIn('urbanTown')) },
    { label: 'an incident of 青杠镇', in: ['admin'], request: async () => req(await incidentIn('ruralTown')) },
  ];
  return {
    'POST /api/plans/{id}/activate': [
      { label: 'a plan of 春晖路街道', in: commanders, request: async () => ({ method: 'POST', url: `/api/plans/${await planIn('urbanTown')}/activate`, payload: await activation('urbanTown') }) },
      { label: 'a plan of 青杠镇', in: ['admin'], request: async () => ({ method: 'POST', url: `/api/plans/${await planIn('ruralTown')}/activate`, payload: await activation('ruralTown') }) },
    ],
    'GET /api/incidents': [{
      label: 'the caller\'s towns', in: everyone,
      request: async () => { plans.set('ruralIncident', await incidentIn('ruralTown')); return { method: 'GET', url: '/api/incidents?limit=200' }; },
      check: async (res, c) => {
        const rural = plans.get('ruralIncident')!;
        expect((res.json().items as { id: string }[]).some((x) => x.id === rural), `${c.name} lists 青杠镇's incident`).toBe(c.name === 'admin');
      },
    }],
    'GET /api/incidents/{id}': perTown(readers, (id) => ({ method: 'GET', url: `/api/incidents/${id}` })),
    'POST /api/incidents/{id}/level': perTown(commanders, (id) => ({ method: 'POST', url: `/api/incidents/${id}/level`, payload: { level: 'III', reason: '矩阵测试' } })),
    'POST /api/incidents/{id}/stand-down': perTown(commanders, (id) => ({ method: 'POST', url: `/api/incidents/${id}/stand-down`, payload: { reason: '矩阵测试' } })),
    'POST /api/incidents/{id}/steps/{stepKey}/checks': perTown([...commanders, 'handler'], (id) => ({ method: 'POST', url: `/api/incidents/${id}/steps/s/checks`, payload: { item: 0, checked: true } })),
    'GET /api/incidents/{id}/cap/{seq}.xml': perTown(readers, (id) => ({ method: 'GET', url: `/api/incidents/${id}/cap/1.xml` })),
    // the after-action review of a stood-down incident, and the figures of the caller's incidents
    'GET /api/incidents/{id}/review': [
      { label: 'a stood-down incident of 春晖路街道', in: readers, request: async () => ({ method: 'GET', url: `/api/incidents/${await closedIn('urbanTown')}/review` }) },
      { label: 'a stood-down incident of 青杠镇', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/incidents/${await closedIn('ruralTown')}/review` }) },
    ],
    'GET /api/incidents/figures': [{ label: 'the caller\'s towns', in: everyone, request: () => ({ method: 'GET', url: '/api/incidents/figures?drill=false' }) }],
  };
}

/**
 * 矛盾纠纷 (issue 15): a dispute in 春晖社区第1网格 (read by the grid's viewers, acted on by the handlers among them) and
 * one in 青杠村第1网格 (the admin's to read, nobody's to act on), registered through the command as a city-wide handler
 * would; a dispute pushed to 区城市管理局 (its member reads it and replies); actions that change the status take a fresh
 * dispute each time. A handler registering a dispute outside their scope is refused (422), not ignored.
 */
function disputeVariants(): Record<string, Variant[]> {
  const readers = PLACES.demoGrid.seenBy;
  const handlers = ['dispatcher', 'handler', 'community', 'gridworker'] as const;
  const fixed = new Map<string, string>();
  let serial = 0;
  const input = (place: 'demoGrid' | 'ruralGrid', n: number) => ({
    classCode: '02', parties: [{ role: 'applicant' as const, name: `矩阵甲${n}` }, { role: 'respondent' as const, name: `矩阵乙${n}` }],
    description: `矩阵测试纠纷${n}`, location: w.at[place],
  });
  const cityHandler = async (): Promise<Principal> => {
    const city = (await w.t.db.query<{ id: string; path: string }>(`select id, path from org_units where level = 'city'`)).rows[0]!;
    const admin = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'admin'`)).rows[0]!;
    return {
      accountId: admin.id, username: 'admin', name: '黄志刚', kind: 'staff', roles: ['dispatcher'], scopeOrgUnitId: city.id, scopePath: city.path,
      homeOrgUnitId: null, posts: [], grids: [], departmentIds: [], mustChangePassword: false, tokenHash: '',
    };
  };
  const make = async (place: 'demoGrid' | 'ruralGrid', then?: (id: string, p: Principal) => Promise<void>) => {
    const p = await cityHandler();
    const r = await registerDispute(w.t.app.db, w.t.app, p, input(place, ++serial), w.t.clock.now, { requestKey: null, ip: null });
    if (then) await then(r.id, p);
    return r.id;
  };
  const once = async (key: string, build: () => Promise<string>) => {
    if (!fixed.has(key)) fixed.set(key, await build());
    return fixed.get(key)!;
  };
  const closed = (id: string) => w.t.db.query(`update disputes set status = 'closed', closed_at = now() where id = $1`, [id]).then(() => undefined);
  const pushed = async (id: string): Promise<string> => {
    const dep = (await w.t.db.query<{ id: string }>(`select id from departments where name = '区城市管理局'`)).rows[0]!.id;
    const r = await w.t.db.query<{ id: string }>(
      `insert into dispute_referrals (dispute_id, unit_kind, department_id, unit_name, due_at, created_at) values ($1, 'department', $2, '区城市管理局', now() + interval '5 days', now()) returning id`,
      [id, dep]);
    return r.rows[0]!.id;
  };
  const referrals = new Map<string, string>();
  const withReferral = async (place: 'demoGrid' | 'ruralGrid') => {
    const id = await make(place);
    referrals.set(id, await pushed(id));
    return id;
  };
  const perPlace = (inside: readonly Who[], req: (id: string) => InjectOptions | Promise<InjectOptions>, fresh?: (place: 'demoGrid' | 'ruralGrid') => Promise<string>, ruralInside: readonly Who[] = []): Variant[] => [
    { label: `a dispute in ${PLACES.demoGrid.name}`, in: inside, request: async () => req(fresh ? await fresh('demoGrid') : await once('demoGrid', () => make('demoGrid'))) },
    { label: `a dispute in ${PLACES.ruralGrid.name}`, in: ruralInside, request: async () => req(fresh ? await fresh('ruralGrid') : await once('ruralGrid', () => make('ruralGrid'))) },
  ];
  const act = (name: string, body: object) => (id: string): InjectOptions => ({ method: 'POST', url: `/api/disputes/${id}/actions/${name}`, payload: body });
  const fresh = (place: 'demoGrid' | 'ruralGrid') => make(place);
  return {
    'GET /api/disputes/classes': [{ label: 'the catalog', in: everyone, request: () => ({ method: 'GET', url: '/api/disputes/classes' }) }],
    'POST /api/disputes/classes': [{ label: 'a new class', in: everyone, request: () => ({ method: 'POST', url: '/api/disputes/classes', payload: { code: `8${++serial}`, name: `矩阵类别${serial}`, subclasses: [] } }) }],
    'PUT /api/disputes/classes/{code}': [{ label: 'class 18', in: everyone, request: () => ({ method: 'PUT', url: '/api/disputes/classes/18', payload: { name: '其他纠纷', subclasses: [{ code: '18-01', name: '其他' }] } }) }],
    'GET /api/disputes': [{
      label: 'the caller\'s disputes', in: everyone,
      request: async () => { await once('ruralGrid', () => make('ruralGrid')); await once('demoGrid', () => make('demoGrid')); return { method: 'GET', url: '/api/disputes?limit=200' }; },
      check: async (res, c) => {
        const ids = (res.json().items as { id: string }[]).map((x) => x.id);
        expect(ids.includes(fixed.get('ruralGrid')!), `${c.name} lists 青杠村's dispute`).toBe(c.name === 'admin');
        expect(ids.includes(fixed.get('demoGrid')!), `${c.name} lists 春晖's dispute`).toBe((readers as readonly string[]).includes(c.name));
      },
    }],
    'POST /api/disputes': [
      { label: `in ${PLACES.demoGrid.name}`, in: handlers, request: () => ({ method: 'POST', url: '/api/disputes', payload: input('demoGrid', ++serial) }) },
      { label: `in ${PLACES.ruralGrid.name}`, in: [], otherwise: { dispatcher: [422], handler: [422], community: [422], gridworker: [422] }, request: () => ({ method: 'POST', url: '/api/disputes', payload: input('ruralGrid', ++serial) }) },
    ],
    'GET /api/disputes/{id}': [
      ...perPlace(readers, (id) => ({ method: 'GET', url: `/api/disputes/${id}` }), undefined, ['admin']),
      { label: 'a dispute pushed to 区城市管理局', in: [...readers, 'department'], request: async () => ({ method: 'GET', url: `/api/disputes/${await once('pushed', () => withReferral('demoGrid'))}` }) },
    ],
    'POST /api/disputes/{id}/actions/push': perPlace(handlers, act('push', { unitKind: 'policeStation', unitName: '春晖路派出所', dueDays: 3 })),
    'POST /api/disputes/{id}/actions/reply': [
      { label: `a referral of a dispute in ${PLACES.demoGrid.name}`, in: [...handlers, 'department'], request: async () => { const id = await withReferral('demoGrid'); return act('reply', { referralId: referrals.get(id)!, text: '矩阵回复', done: false })(id); } },
      { label: `a referral of a dispute in ${PLACES.ruralGrid.name}`, in: ['department'], request: async () => { const id = await withReferral('ruralGrid'); return act('reply', { referralId: referrals.get(id)!, text: '矩阵回复', done: false })(id); } },
    ],
    'POST /api/disputes/{id}/actions/litigate': perPlace(handlers, act('litigate', { court: '矩阵法院', courtCaseNumber: '（2026）矩0001号' }), fresh),
    'POST /api/disputes/{id}/actions/change-tier': perPlace(handlers, act('change-tier', { tier: 'escalated', reason: '矩阵测试' }), fresh),
    'POST /api/disputes/{id}/actions/assess-risk': perPlace(handlers, act('assess-risk', { factors: { threats: false, groupSize: 2, amountYuan: null, note: null } })),
    'POST /api/disputes/{id}/actions/close': perPlace(handlers, act('close', { reason: '矩阵测试' }), fresh),
    'POST /api/disputes/{id}/actions/reopen': perPlace(handlers, act('reopen', { description: '矩阵再次发生', reason: '矩阵测试' }), (place) => make(place, closed)),
  };
}

/**
 * Mediations, the 人民调解协议书, follow-ups and the signed paper (issue 15): a dispute in 春晖社区第1网格 and one in
 * 青杠村第1网格, each with a resolved session, its agreement and the signed photo, made through the commands by a
 * city-wide handler. The agreement shows the parties whole: readers of the dispute who are not its handlers get 403.
 * Sweeps of 春晖路街道 and 青杠镇 (the town's staff and grid workers read theirs, the admin both), and the figures.
 */
function mediationVariants(): Record<string, Variant[]> {
  const handlers = ['dispatcher', 'handler', 'community', 'gridworker'] as const;
  const sweepReaders = ['admin', ...TOWN_STAFF, 'community', 'gridworker'] as const;
  const fixed = new Map<string, string>();
  let serial = 0;
  const cityStaff = async (): Promise<Principal> => {
    const city = (await w.t.db.query<{ id: string; path: string }>(`select id, path from org_units where level = 'city'`)).rows[0]!;
    return {
      accountId: await w.accountId('admin'), username: 'admin', name: '黄志刚', kind: 'staff', roles: ['dispatcher'], scopeOrgUnitId: city.id, scopePath: city.path,
      homeOrgUnitId: null, posts: [], grids: [], departmentIds: [], mustChangePassword: false, tokenHash: '',
    };
  };
  const session = () => ({
    at: w.t.clock.now.toISOString(), place: '调解室', mediator: { kind: 'peopleMediator' as const, name: '矩阵调解员' },
    attendees: [{ name: '矩阵甲', partySeq: 1 }], statements: [{ partySeq: 1, said: '矩阵陈述' }], terms: ['矩阵条款'], outcome: 'resolved' as const,
  });
  const once = async (key: string, build: () => Promise<string>) => {
    if (!fixed.has(key)) fixed.set(key, await build());
    return fixed.get(key)!;
  };
  const agreed = (place: 'demoGrid' | 'ruralGrid') => once(place, async () => {
    const p = await cityStaff();
    const d = await registerDispute(w.t.app.db, w.t.app, p, {
      classCode: '02', parties: [{ role: 'applicant', name: `矩阵甲${++serial}` }, { role: 'respondent', name: `矩阵乙${serial}` }],
      description: `矩阵调解纠纷${serial}`, location: w.at[place],
    }, w.t.clock.now, { requestKey: null, ip: null });
    const m = await recordMediation(w.t.app.db, w.t.app.pii, p, d.id, session(), w.t.clock.now, null, null);
    await attachSigned(w.t.app.db, p, d.id, { mediationId: m.mediationId, fileHash: photo.hash }, w.t.clock.now, null, null);
    fixed.set(`${place}:mediation`, m.mediationId);
    return d.id;
  });
  const sweep = (town: 'urbanTown' | 'ruralTown') => once(town, async () => (await createSweep(w.t.app.db, await cityStaff(), {
    title: `矩阵排查${++serial}`, dueOn: shanghaiDate(w.t.clock.now), townId: U(town),
  }, w.t.clock.now, null, null)).id);
  const perPlace = (inside: readonly Who[], req: (id: string, place: 'demoGrid' | 'ruralGrid') => InjectOptions, o: { ruralInside?: readonly Who[]; otherwise?: Variant['otherwise']; ruralOtherwise?: Variant['otherwise'] } = {}): Variant[] => [
    { label: `a dispute with an agreement in ${PLACES.demoGrid.name}`, in: inside, otherwise: o.otherwise, request: async () => req(await agreed('demoGrid'), 'demoGrid') },
    { label: `a dispute with an agreement in ${PLACES.ruralGrid.name}`, in: o.ruralInside ?? [], otherwise: o.ruralOtherwise, request: async () => req(await agreed('ruralGrid'), 'ruralGrid') },
  ];
  const mediation = (place: 'demoGrid' | 'ruralGrid') => fixed.get(`${place}:mediation`)!;
  return {
    'POST /api/disputes/{id}/mediations': perPlace(handlers, (id) => ({ method: 'POST', url: `/api/disputes/${id}/mediations`, payload: session() })),
    'GET /api/disputes/{id}/agreement': perPlace(handlers, (id) => ({ method: 'GET', url: `/api/disputes/${id}/agreement?format=docx` }), {
      otherwise: { admin: [403], leader: [403] }, ruralOtherwise: { admin: [403] },
    }),
    'GET /api/disputes/{id}/signed-scan': perPlace(handlers, (id, place) => ({ method: 'GET', url: `/api/disputes/${id}/signed-scan?mediationId=${mediation(place)}` })),
    'POST /api/disputes/{id}/actions/follow-up': perPlace(handlers, (id) => ({ method: 'POST', url: `/api/disputes/${id}/actions/follow-up`, payload: { at: w.t.clock.now.toISOString(), method: 'phone', holds: true } })),
    'POST /api/disputes/{id}/actions/attach-signed': perPlace(handlers, (id, place) => ({ method: 'POST', url: `/api/disputes/${id}/actions/attach-signed`, payload: { mediationId: mediation(place), fileHash: photo.hash } })),
    'GET /api/disputes/sweeps': [{
      label: 'the sweeps of the caller\'s towns', in: everyone,
      request: async () => { await sweep('urbanTown'); await sweep('ruralTown'); return { method: 'GET', url: '/api/disputes/sweeps' }; },
      check: (res, c) => {
        const ids = (res.json().items as { id: string }[]).map((x) => x.id);
        expect(ids.includes(fixed.get('ruralTown')!), `${c.name} lists 青杠镇's sweep`).toBe(c.name === 'admin');
        expect(ids.includes(fixed.get('urbanTown')!), `${c.name} lists 春晖路街道's sweep`).toBe(true);
      },
    }],
    'POST /api/disputes/sweeps': [
      { label: 'townId=春晖路街道', in: everyone, request: () => ({ method: 'POST', url: '/api/disputes/sweeps', payload: { title: '矩阵排查', dueOn: shanghaiDate(w.t.clock.now), townId: U('urbanTown') } }) },
      { label: 'townId=青杠镇', in: ['admin'], request: () => ({ method: 'POST', url: '/api/disputes/sweeps', payload: { title: '矩阵排查', dueOn: shanghaiDate(w.t.clock.now), townId: U('ruralTown') } }) },
      { label: 'no townId', in: TOWN_STAFF, otherwise: { admin: [422] }, request: () => ({ method: 'POST', url: '/api/disputes/sweeps', payload: { title: '矩阵排查', dueOn: shanghaiDate(w.t.clock.now) } }) },
    ],
    'GET /api/disputes/sweeps/mine': [{ label: 'the grid worker\'s sweeps', in: everyone, request: () => ({ method: 'GET', url: '/api/disputes/sweeps/mine' }) }],
    'GET /api/disputes/sweeps/{id}': [
      { label: 'a sweep of 春晖路街道', in: sweepReaders, request: async () => ({ method: 'GET', url: `/api/disputes/sweeps/${await sweep('urbanTown')}` }) },
      { label: 'a sweep of 青杠镇', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/disputes/sweeps/${await sweep('ruralTown')}` }) },
    ],
    'POST /api/disputes/sweeps/{id}/reports': [
      { label: `${PLACES.demoGrid.name}'s answer`, in: sweepReaders, request: async () => ({ method: 'POST', url: `/api/disputes/sweeps/${await sweep('urbanTown')}/reports`, payload: { gridId: U('demoGrid'), noneFound: true } }) },
      { label: `${PLACES.ruralGrid.name}'s answer`, in: ['admin'], request: async () => ({ method: 'POST', url: `/api/disputes/sweeps/${await sweep('ruralTown')}/reports`, payload: { gridId: U('ruralGrid'), noneFound: true } }) },
    ],
    'GET /api/disputes/stats': [
      { label: 'the caller\'s scope', in: everyone, request: () => ({ method: 'GET', url: '/api/disputes/stats' }) },
      { label: '青杠镇', in: ['admin'], request: () => ({ method: 'GET', url: `/api/disputes/stats?orgUnitId=${U('ruralTown')}` }) },
    ],
    'GET /api/indicators/runs': [{ label: 'the runs', in: everyone, request: () => ({ method: 'GET', url: '/api/indicators/runs' }) }],
    'POST /api/indicators/recompute': [
      { label: 'today', in: everyone, request: () => ({ method: 'POST', url: '/api/indicators/recompute', payload: { from: shanghaiDate(w.t.clock.now), to: shanghaiDate(w.t.clock.now) } }) },
    ],
    'GET /api/screen/summary': [
      { label: 'the caller\'s scope', in: everyone, request: () => ({ method: 'GET', url: '/api/screen/summary' }) },
      { label: '春晖路街道', in: ['admin', 'leader', 'dispatcher', 'handler'], request: () => ({ method: 'GET', url: `/api/screen/summary?orgUnitId=${U('urbanTown')}` }) },
      { label: '青杠镇', in: ['admin'], request: () => ({ method: 'GET', url: `/api/screen/summary?orgUnitId=${U('ruralTown')}` }) },
    ],
    'GET /api/screen/children': [
      { label: 'the caller\'s scope', in: everyone, request: () => ({ method: 'GET', url: '/api/screen/children' }) },
      { label: '青杠镇', in: ['admin'], request: () => ({ method: 'GET', url: `/api/screen/children?orgUnitId=${U('ruralTown')}` }) },
    ],
  };
}

/**
 * Joint inspections, the decision document and the enforcement figures (issue 15): an inspection in 春晖社区第1网格 (read
 * by the town's staff, answered by its handler) and one in 青杠村第1网格 (the admin's to read, nobody's to act on),
 * planned through the command as a city-wide officer would; each recording answers a fresh inspection. A decided
 * enforcement case in each place (opened through the command, its decision written in): its decision for the town's
 * officers and legal reviewers. A handler planning outside their scope is refused (422), not ignored.
 */
function inspectionVariants(): Record<string, Variant[]> {
  const readers = ['admin', ...TOWN_STAFF] as const;
  const fixed = new Map<string, string>();
  let serial = 0;
  const cityOfficer = async (): Promise<Principal> => {
    const city = (await w.t.db.query<{ id: string; path: string }>(`select id, path from org_units where level = 'city'`)).rows[0]!;
    const admin = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'admin'`)).rows[0]!;
    return {
      accountId: admin.id, username: 'admin', name: '黄志刚', kind: 'staff', roles: ['handler'], scopeOrgUnitId: city.id, scopePath: city.path,
      homeOrgUnitId: null, posts: [], grids: [], departmentIds: [], mustChangePassword: false, tokenHash: '',
    };
  };
  const checklistIds = async () => (await w.t.db.query<{ id: string }>(`select id from inspection_checklists order by sort, department limit 2`)).rows.map((r) => r.id);
  const body = async (place: 'demoGrid' | 'ruralGrid') => ({
    subjectName: `矩阵商铺${++serial}`, location: w.at[place], plannedOn: shanghaiDate(w.t.clock.now), checklistIds: await checklistIds(),
  });
  const make = async (place: 'demoGrid' | 'ruralGrid') => {
    const p = await cityOfficer();
    const r = await planInspection(w.t.app.db, w.t.app, { accountId: p.accountId, name: p.name, scopePath: p.scopePath, ip: null }, await body(place), w.t.clock.now, null);
    return r.inspectionId;
  };
  const once = async (key: string, build: () => Promise<string>) => {
    if (!fixed.has(key)) fixed.set(key, await build());
    return fixed.get(key)!;
  };
  const results = async (id: string): Promise<InjectOptions> => {
    const held = (await w.t.db.query<{ checklists: { checklistId: string; items: unknown[] }[] }>(`select checklists from joint_inspections where id = $1`, [id])).rows[0]!.checklists;
    return { method: 'POST', url: `/api/enforcement/inspections/${id}/results`, payload: { results: held.map((c) => ({ checklistId: c.checklistId, items: c.items.map(() => ({ result: 'ok' })) })) } };
  };
  const decided = async (place: 'demoGrid' | 'ruralGrid') => {
    const p = await cityOfficer();
    await w.t.app.locator.current();
    const r = await openEnforcementCase(w.t.app.db, w.t.app, p, {
      matterCode: 'ZF-SR-001', facts: { areaSqm: 2, firstOffence: true, correctedAtOnce: false }, description: `矩阵执法案件${++serial}`,
      location: w.at[place], subject: { kind: 'person', name: '矩阵当事人', phone: '13800001111' },
    }, w.t.clock.now, null);
    await w.t.db.query(
      `update enforcement_cases set status = 'decided', decided_at = opened_at,
              confirmed = '{"benchmarkKey":"light","name":"从轻","penalty":{"kind":"warning","fineYuan":null},"departureReasons":[]}'::jsonb,
              decision = jsonb_build_object('number', '矩阵罚决字〔2026〕第' || $2 || '号', 'at', opened_at, 'penalty', '{"kind":"warning","fineYuan":null}'::jsonb, 'text', '')
        where id = $1`, [r.id, serial]);
    return r.id;
  };
  const perPlace = (inside: readonly Who[], ruralInside: readonly Who[], req: (id: string) => InjectOptions | Promise<InjectOptions>, fresh?: boolean): Variant[] => [
    { label: `an inspection in ${PLACES.demoGrid.name}`, in: inside, request: async () => req(fresh ? await make('demoGrid') : await once('demoGrid', () => make('demoGrid'))) },
    { label: `an inspection in ${PLACES.ruralGrid.name}`, in: ruralInside, request: async () => req(fresh ? await make('ruralGrid') : await once('ruralGrid', () => make('ruralGrid'))) },
  ];
  return {
    'GET /api/enforcement/checklists': [{ label: 'the catalog', in: everyone, request: () => ({ method: 'GET', url: '/api/enforcement/checklists' }) }],
    'GET /api/enforcement/inspections': [{
      label: 'the caller\'s inspections', in: everyone,
      request: async () => { await once('ruralGrid', () => make('ruralGrid')); await once('demoGrid', () => make('demoGrid')); return { method: 'GET', url: '/api/enforcement/inspections?limit=200' }; },
      check: async (res, c) => {
        const ids = (res.json().items as { id: string }[]).map((x) => x.id);
        expect(ids.includes(fixed.get('ruralGrid')!), `${c.name} lists 青杠村's inspection`).toBe(c.name === 'admin');
        expect(ids.includes(fixed.get('demoGrid')!), `${c.name} lists 春晖's inspection`).toBe((readers as readonly string[]).includes(c.name));
      },
    }],
    'POST /api/enforcement/inspections': [
      { label: `in ${PLACES.demoGrid.name}`, in: ['handler'], request: async () => ({ method: 'POST', url: '/api/enforcement/inspections', payload: await body('demoGrid') }) },
      { label: `in ${PLACES.ruralGrid.name}`, in: [], otherwise: { handler: [422] }, request: async () => ({ method: 'POST', url: '/api/enforcement/inspections', payload: await body('ruralGrid') }) },
    ],
    'GET /api/enforcement/inspections/{id}': perPlace(readers, ['admin'], (id) => ({ method: 'GET', url: `/api/enforcement/inspections/${id}` })),
    'POST /api/enforcement/inspections/{id}/results': perPlace(['handler'], [], results, true),
    'GET /api/enforcement/cases/{id}/decision': [
      { label: `a decided case in ${PLACES.demoGrid.name}`, in: ['leader', 'handler'], request: async () => ({ method: 'GET', url: `/api/enforcement/cases/${await once('decidedDemo', () => decided('demoGrid'))}/decision` }) },
      { label: `a decided case in ${PLACES.ruralGrid.name}`, in: [], request: async () => ({ method: 'GET', url: `/api/enforcement/cases/${await once('decidedRural', () => decided('ruralGrid'))}/decision` }) },
    ],
    'GET /api/enforcement/stats': [
      { label: 'the caller\'s scope', in: everyone, request: () => ({ method: 'GET', url: '/api/enforcement/stats' }) },
      { label: 'orgUnitId=春晖路街道', in: readers, request: () => ({ method: 'GET', url: `/api/enforcement/stats?orgUnitId=${U('urbanTown')}` }) },
      { label: 'orgUnitId=青杠镇', in: ['admin'], request: () => ({ method: 'GET', url: `/api/enforcement/stats?orgUnitId=${U('ruralTown')}` }) },
    ],
  };
}

/**
 * 大综合一体化执法 (issue 15): the city's matter list (read by every enforcement reader, saved by the admin); an
 * enforcement case in 春晖社区第1网格 (read by the town's staff, worked by its officer, reviewed by its leader) and one
 * in 青杠村第1网格 (the admin's to read, nobody's to act on), opened through the command as a city-wide officer would,
 * each step taken on a fresh case put in the status it needs. A handler opening one outside their scope is refused (403).
 */
function enforcementCaseVariants(): Record<string, Variant[]> {
  const readers = ['admin', ...TOWN_STAFF] as const;
  const fixed = new Map<string, string>();
  let serial = 0;
  type Place = 'demoGrid' | 'ruralGrid';
  const cityOfficer = async (): Promise<Principal> => {
    const city = (await w.t.db.query<{ id: string; path: string }>(`select id, path from org_units where level = 'city'`)).rows[0]!;
    const admin = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'admin'`)).rows[0]!;
    return {
      accountId: admin.id, username: 'admin', name: '黄志刚', kind: 'staff', roles: ['handler'], scopeOrgUnitId: city.id, scopePath: city.path,
      homeOrgUnitId: null, posts: [], grids: [], departmentIds: [], mustChangePassword: false, tokenHash: '',
    };
  };
  const FACTS = { areaSqm: 2, firstOffence: true, correctedAtOnce: false };
  const body = (place: Place) => ({
    matterCode: 'ZF-SR-001', facts: FACTS, description: `矩阵执法案件${++serial}`, location: w.at[place], subject: { kind: 'person' as const, name: '矩阵当事人', phone: '13800001111' },
  });
  /** a case in the status a step needs (the band confirmed as proposed: 从轻, a warning or a fine of 60 yuan) */
  const make = async (place: Place, status = 'investigating', fine = false) => {
    await w.t.app.locator.current();
    const r = await openEnforcementCase(w.t.app.db, w.t.app, await cityOfficer(), body(place), w.t.clock.now, null);
    if (status !== 'investigating') {
      const penalty = fine ? { kind: 'fine', fineYuan: 60 } : { kind: 'warning', fineYuan: null };
      await w.t.db.query(
        `update enforcement_cases set status = $2, confirmed = $3::jsonb, decided_at = case when $2 in ('decided', 'executed') then opened_at end,
                decision = case when $2 in ('decided', 'executed') then jsonb_build_object('number', '矩阵罚决字〔2026〕第' || $4 || '号', 'at', opened_at, 'penalty', $5::jsonb, 'text', '') end
          where id = $1`,
        [r.id, status, JSON.stringify({ benchmarkKey: 'light', name: '从轻', penalty, departureReasons: [] }), serial, JSON.stringify(penalty)]);
    }
    return r.id;
  };
  const once = async (key: string, build: () => Promise<string>) => {
    if (!fixed.has(key)) fixed.set(key, await build());
    return fixed.get(key)!;
  };
  /** an enforcement case opened from a 占道经营 work order of the place */
  const fromLoopCase = async (place: Place) => {
    const g = (await w.t.db.query<{ id: string; path: string; town_id: string; town_code: string }>(
      `select g.id, g.path, t.id as town_id, t.code as town_code from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.id = $1`,
      [U(place)])).rows[0]!;
    const calendar = await w.t.app.calendar.current();
    await w.t.app.locator.current();
    const [o] = await w.t.db.transaction(async (tx) => openWorkOrders(tx, [{
      townId: g.town_id, townCode: g.town_code, gridId: g.id, orgPath: g.path, matter: (await findCurrentMatter(tx, g.town_id, 'E0401'))!,
      lng: w.at[place].lng, lat: w.at[place].lat, address: '矩阵路1号', source: 'enforcement',
      assignee: { postId: (await tx.query<{ id: string }>(`select id from posts where town_id = $1 and code = 'PA-ZHZF'`, [g.town_id])).rows[0]!.id }, actor: { id: null, name: '矩阵' },
      data: {}, description: '矩阵占道经营', dueAt: new Date(w.t.clock.now.getTime() + 8 * 3600_000),
    }], calendar, w.t.clock.now));
    const r = await openEnforcementCase(w.t.app.db, w.t.app, await cityOfficer(), { ...body(place), location: undefined, caseId: o!.id }, w.t.clock.now, null);
    fixed.set(`${place}:enforcement`, r.id);
    return o!.id;
  };
  const perPlace = (inside: readonly Who[], ruralInside: readonly Who[], req: (id: string) => InjectOptions, status?: string, fine?: boolean): Variant[] => [
    { label: `an enforcement case in ${PLACES.demoGrid.name}`, in: inside, request: async () => req(status ? await make('demoGrid', status, fine) : await once('demoGrid', () => make('demoGrid'))) },
    { label: `an enforcement case in ${PLACES.ruralGrid.name}`, in: ruralInside, request: async () => req(status ? await make('ruralGrid', status, fine) : await once('ruralGrid', () => make('ruralGrid'))) },
  ];
  const act = (name: string, payload: object) => (id: string): InjectOptions => ({ method: 'POST', url: `/api/enforcement/cases/${id}/actions/${name}`, payload });
  const officer = ['handler'] as const;
  const matter = (n: number) => ({
    code: `ZF-MX-${n}`, name: `矩阵事项${n}`, category: '市容环境卫生', source: 'statutory', delegatedBy: null,
    violationBasis: { law: '《矩阵条例》', article: '第一条', text: '矩阵' }, penaltyBasis: { law: '《矩阵条例》', article: '第二条', text: '矩阵' },
    loopCategoryCodes: [], facts: [{ key: 'first', label: '首次', kind: 'boolean' }],
    benchmarks: [{ key: 'general', name: '一般', conditions: [], penalty: { kinds: ['warning'], minYuan: null, maxYuan: null }, description: '矩阵' }],
  });
  return {
    'GET /api/enforcement/matters': [{ label: 'the city\'s list', in: everyone, request: () => ({ method: 'GET', url: '/api/enforcement/matters' }) }],
    'POST /api/enforcement/matters': [{ label: 'a new matter', in: everyone, request: () => ({ method: 'POST', url: '/api/enforcement/matters', payload: matter(++serial) }) }],
    'GET /api/enforcement/matters/{code}': [{ label: 'ZF-SR-001', in: everyone, request: () => ({ method: 'GET', url: '/api/enforcement/matters/ZF-SR-001' }) }],
    'GET /api/enforcement/matters/{code}/benchmarks': [{ label: 'ZF-SR-001', in: everyone, request: () => ({ method: 'GET', url: '/api/enforcement/matters/ZF-SR-001/benchmarks' }) }],
    'GET /api/enforcement/cases': [{
      label: 'the caller\'s enforcement cases', in: everyone,
      request: async () => { await once('ruralGrid', () => make('ruralGrid')); await once('demoGrid', () => make('demoGrid')); return { method: 'GET', url: '/api/enforcement/cases?limit=100' }; },
      check: async (res, c) => {
        const ids = (res.json().items as { id: string }[]).map((x) => x.id);
        expect(ids.includes(fixed.get('ruralGrid')!), `${c.name} lists 青杠村's case`).toBe(c.name === 'admin');
        expect(ids.includes(fixed.get('demoGrid')!), `${c.name} lists 春晖's case`).toBe((readers as readonly string[]).includes(c.name));
      },
    }],
    'POST /api/enforcement/cases': [
      { label: `in ${PLACES.demoGrid.name}`, in: officer, request: () => ({ method: 'POST', url: '/api/enforcement/cases', payload: body('demoGrid') }) },
      { label: `in ${PLACES.ruralGrid.name}`, in: [], otherwise: { handler: [403] }, request: () => ({ method: 'POST', url: '/api/enforcement/cases', payload: body('ruralGrid') }) },
    ],
    'GET /api/enforcement/cases/by-loop-case/{caseId}': [
      { label: `a loop case in ${PLACES.demoGrid.name}`, in: readers, request: async () => ({ method: 'GET', url: `/api/enforcement/cases/by-loop-case/${await once('demoGrid:loop', () => fromLoopCase('demoGrid'))}` }) },
      { label: `a loop case in ${PLACES.ruralGrid.name}`, in: ['admin'], request: async () => ({ method: 'GET', url: `/api/enforcement/cases/by-loop-case/${await once('ruralGrid:loop', () => fromLoopCase('ruralGrid'))}` }) },
    ],
    'GET /api/enforcement/cases/{id}': perPlace(readers, ['admin'], (id) => ({ method: 'GET', url: `/api/enforcement/cases/${id}` })),
    'POST /api/enforcement/cases/{id}/actions/update-facts': perPlace(officer, [], act('update-facts', { facts: FACTS }), 'investigating'),
    'POST /api/enforcement/cases/{id}/actions/add-evidence': perPlace(officer, [], act('add-evidence', { kind: 'statement', text: '矩阵笔录' }), 'investigating'),
    'POST /api/enforcement/cases/{id}/actions/confirm-band': perPlace(officer, [], act('confirm-band', { benchmarkKey: 'light', penalty: { kind: 'warning' } }), 'investigating'),
    'POST /api/enforcement/cases/{id}/actions/review': perPlace(['leader'], [], act('review', { approved: true, opinion: '矩阵同意' }), 'awaitingReview'),
    'POST /api/enforcement/cases/{id}/actions/decide': perPlace(officer, [], act('decide', {}), 'reviewed'),
    'POST /api/enforcement/cases/{id}/actions/pay': perPlace(officer, [], act('pay', { receiptNo: 'MX-1', amountYuan: 60 }), 'decided', true),
    'POST /api/enforcement/cases/{id}/actions/execute': perPlace(officer, [], act('execute', { note: '矩阵执行' }), 'decided'),
    'POST /api/enforcement/cases/{id}/actions/close': perPlace(officer, [], act('close', { note: '矩阵结案' }), 'executed'),
    'POST /api/enforcement/cases/{id}/actions/drop': perPlace(officer, [], act('drop', { reason: '矩阵撤销' }), 'investigating'),
  };
}

/**
 * Plan suggestions (issue 14): a match of a plan of 春晖路街道 (read by its staff and its community's, dismissed by its
 * command center) and one of 青杠镇 (the admin's alone), written as the trigger service writes them; a dismissal
 * dismisses a fresh one each time.
 */
function suggestionVariants(): Record<string, Variant[]> {
  const plans = new Map<string, string>();
  const fixed = new Map<string, string>();
  let serial = 0;
  const body = (n: number) => ({
    name: `矩阵建议预案${n}`, hazard: 'flood', matterCode: 'S0302', summary: '', levels: ['IV'],
    triggers: [{ kind: 'case', categoryCode: 'S0302', level: 'IV', activate: 'suggest' }],
    roles: [{ key: 'c', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] }],
    steps: [{ key: 's', title: '沿河巡查', roleKey: 'c', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看水位'] }],
    resources: [],
    notice: { event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '河道涨水', description: '水位上涨', instruction: '远离河道', areaDesc: '沿河', expiresAfterH: 6 },
  });
  const planIn = async (k: 'urbanTown' | 'ruralTown') => {
    if (!plans.has(k)) {
      const r = await asAdmin({ method: 'POST', url: '/api/plans', payload: { townId: U(k), body: body(++serial) } });
      if (r.statusCode !== 201) throw new Error(`plan: ${r.statusCode} ${r.body}`);
      plans.set(k, r.json().id as string);
    }
    return plans.get(k)!;
  };
  const make = async (k: 'urbanTown' | 'ruralTown') => {
    const planId = await planIn(k);
    const ref = `matrix-case-${++serial}`;
    const r = await w.t.db.query<{ id: string }>(
      `insert into plan_trigger_matches (plan_id, plan_version, town_id, org_path, trigger_kind, trigger_ref, trigger_key, level, mode, matched_at)
       select p.id, p.current_version, p.town_id, p.org_path, 'case', $2, 'case:' || $2, 'IV', 'suggest', now() from plans p where p.id = $1
       returning id`, [planId, ref]);
    return r.rows[0]!.id;
  };
  const suggestionIn = async (k: 'urbanTown' | 'ruralTown') => {
    if (!fixed.has(k)) fixed.set(k, await make(k));
    return fixed.get(k)!;
  };
  return {
    'GET /api/plan-suggestions': [{
      label: 'the caller\'s towns', in: everyone,
      request: async () => { await suggestionIn('ruralTown'); return { method: 'GET', url: '/api/plan-suggestions?limit=100' }; },
      check: async (res, c) => {
        const rural = await suggestionIn('ruralTown');
        expect((res.json().items as { id: string }[]).some((x) => x.id === rural), `${c.name} lists 青杠镇's suggestion`).toBe(c.name === 'admin');
      },
    }],
    'POST /api/plan-suggestions/{id}/dismiss': [
      { label: 'a suggestion of 春晖路街道', in: ['admin', 'leader', 'dispatcher'], request: async () => ({ method: 'POST', url: `/api/plan-suggestions/${await make('urbanTown')}/dismiss`, payload: { reason: '矩阵测试' } }) },
      { label: 'a suggestion of 青杠镇', in: ['admin'], request: async () => ({ method: 'POST', url: `/api/plan-suggestions/${await make('ruralTown')}/dismiss`, payload: { reason: '矩阵测试' } }) },
    ],
  };
}

/**
 * Partners (issue 13): a webhook of 春晖路街道 (its leader's and the admin's) and one of 青杠镇 (the admin's alone), kept
 * inactive and pointed at a name that never resolves, so a test-send fails fast and nothing real is called; platforms
 * are the admin's; an alert is sent by anyone holding the platform's key.
 */
function partnerVariants(): Record<string, Variant[]> {
  let serial = 0;
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => {
    if (!fixed.has(key)) fixed.set(key, await make());
    return fixed.get(key)!;
  };
  const hookIn = (k: 'urbanTown' | 'ruralTown') => once(`hook:${k}`, async () => {
    const r = await asAdmin({ method: 'POST', url: '/api/webhooks', payload: { townId: U(k), name: '矩阵合作方', url: 'https://partner.invalid/hook', alarmTypes: ['*'], active: false } });
    if (r.statusCode !== 201) throw new Error(`webhook: ${r.statusCode} ${r.body}`);
    return r.json().webhook.id as string;
  });
  const hookVersion = async (id: string) =>
    ((await asAdmin({ method: 'GET', url: '/api/webhooks' })).json().items as { id: string; version: number }[]).find((x) => x.id === id)!.version;
  const platform = (id: string) => once(`platform:${id}`, async () => {
    const r = await asAdmin({ method: 'POST', url: '/api/alert-platforms', payload: { id, name: '矩阵平台', orgUnitId: U('urbanTown'), typeMatters: { 'fire.smoke': 'S0201' } } });
    if (r.statusCode !== 201) throw new Error(`platform: ${r.statusCode} ${r.body}`);
    fixed.set(`key:${id}`, r.json().apiKey as string);
    return id;
  });
  const platformVersion = async (id: string) =>
    ((await asAdmin({ method: 'GET', url: '/api/alert-platforms' })).json().items as { id: string; version: number }[]).find((x) => x.id === id)!.version;
  const perTown = (make: (id: string) => Promise<InjectOptions>): Variant[] => [
    { label: 'a webhook of 春晖路街道', in: ['admin', 'leader'], request: async () => make(await hookIn('urbanTown')) },
    { label: 'a webhook of 青杠镇', in: ['admin'], request: async () => make(await hookIn('ruralTown')) },
  ];
  return {
    'GET /api/webhooks': [{
      label: 'the caller\'s towns', in: everyone,
      request: async () => { await hookIn('ruralTown'); return { method: 'GET', url: '/api/webhooks' }; },
      check: async (res, c) => {
        const rural = await hookIn('ruralTown');
        expect((res.json().items as { id: string }[]).some((x) => x.id === rural), `${c.name} lists 青杠镇's webhook`).toBe(c.name === 'admin');
      },
    }],
    'POST /api/webhooks': [
      { label: 'for 春晖路街道', in: ['admin', 'leader'], request: () => ({ method: 'POST', url: '/api/webhooks', payload: { townId: U('urbanTown'), name: '矩阵新合作方', url: 'https://partner.invalid/new', alarmTypes: ['fall'], active: false } }) },
      { label: 'for 青杠镇', in: ['admin'], request: () => ({ method: 'POST', url: '/api/webhooks', payload: { townId: U('ruralTown'), name: '矩阵新合作方', url: 'https://partner.invalid/new', alarmTypes: ['fall'], active: false } }) },
    ],
    'PUT /api/webhooks/{id}': perTown(async (id) => ({ method: 'PUT', url: `/api/webhooks/${id}`, payload: { name: '矩阵合作方', url: 'https://partner.invalid/hook', alarmTypes: ['*'], active: false, version: await hookVersion(id) } })),
    'POST /api/webhooks/{id}/test': perTown(async (id) => ({ method: 'POST', url: `/api/webhooks/${id}/test` })),
    'GET /api/webhooks/{id}/deliveries': perTown(async (id) => ({ method: 'GET', url: `/api/webhooks/${id}/deliveries` })),
    'POST /api/alerts': [{
      label: 'an alert with the platform\'s key', in: everyone,
      request: async () => {
        await platform('matrix-ai');
        return { method: 'POST', url: '/api/alerts', headers: { 'x-api-key': fixed.get('key:matrix-ai')! },
          payload: { platform: 'matrix-ai', type: 'fire.smoke', level: 'red', location: w.at.demoGrid, text: '矩阵告警', externalId: `matrix-${++serial}` } };
      },
    }],
    'GET /api/alert-platforms': [{ label: 'the list', in: everyone, request: () => ({ method: 'GET', url: '/api/alert-platforms' }) }],
    'POST /api/alert-platforms': [{
      label: 'a platform on 春晖路街道', in: everyone,
      request: () => ({ method: 'POST', url: '/api/alert-platforms', payload: { id: `matrix-new-${++serial}`, name: '矩阵平台', orgUnitId: U('urbanTown'), typeMatters: {} } }),
    }],
    'PUT /api/alert-platforms/{id}': [{
      label: 'a platform on 春晖路街道', in: everyone,
      request: async () => {
        const id = await platform('matrix-edit');
        return { method: 'PUT', url: `/api/alert-platforms/${id}`, payload: { name: '矩阵平台', orgUnitId: U('urbanTown'), typeMatters: { 'fire.smoke': 'S0201' }, active: true, version: await platformVersion(id) } };
      },
    }],
    'POST /api/alert-platforms/{id}/key': [{
      label: 'a platform on 春晖路街道', in: everyone,
      request: async () => {
        const id = await platform('matrix-rotate');
        return { method: 'POST', url: `/api/alert-platforms/${id}/key`, payload: { version: await platformVersion(id) } };
      },
    }],
  };
}

/**
 * Alarms (issue 13): an alarm of a door magnet in 春晖社区第1网格 (the grid worker's) and in 青杠村第1网格 (another town:
 * the admin's alone), written straight in as the rules would (not dispatched: nobody is notified, so only the
 * territory decides); a fresh one per call where the call answers it.
 */
function alarmVariants(): Record<string, Variant[]> {
  const readers = ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] as const;
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => {
    if (!fixed.has(key)) fixed.set(key, await make());
    return fixed.get(key)!;
  };
  const freshAlarm = async (k: 'demoGrid' | 'ruralGrid') => {
    const town = k === 'demoGrid' ? U('urbanTown') : U('ruralTown');
    const path = (await w.t.db.query<{ path: string }>('select path from org_units where id = $1', [U(k)])).rows[0]!.path;
    const device = (await w.t.db.query<{ id: string }>(
      `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, token_hash, created_at, updated_at)
       values (gen_random_uuid()::text, $1, $2, $3, 'doorMagnet', 'platform-door-magnet', '矩阵门磁', 'household', 'matrix', $4, $5, 'x', now(), now()) returning id`,
      [town, U(k), path, w.at[k].lng, w.at[k].lat])).rows[0]!.id;
    return (await w.t.db.query<{ id: string }>(
      `insert into alarms (device_id, town_id, grid_id, org_path, alarm_type, category, rule_id, level, matter_code, raised_at)
       values ($1, $2, $3, $4, 'inactivity', 'care', 'no-door', 'red', 'S0101', now()) returning id`, [device, town, U(k), path])).rows[0]!.id;
  };
  const answer = (action: 'acknowledge' | 'clear'): Variant[] => [
    { label: 'a fresh alarm in 春晖社区第1网格', in: readers, request: async () => ({ method: 'POST', url: `/api/alarms/${await freshAlarm('demoGrid')}/${action}`, payload: action === 'clear' ? { version: 1, note: '矩阵解除' } : { version: 1 } }) },
    { label: 'a fresh alarm in 青杠村第1网格', in: ['admin'], request: async () => ({ method: 'POST', url: `/api/alarms/${await freshAlarm('ruralGrid')}/${action}`, payload: action === 'clear' ? { version: 1, note: '矩阵解除' } : { version: 1 } }) },
  ];
  return {
    'GET /api/alarms': [{
      label: 'every alarm in reach', in: everyone,
      request: async () => { await once('rural', () => freshAlarm('ruralGrid')); return { method: 'GET', url: '/api/alarms?limit=200' }; },
      check: async (res, c) => {
        const rural = await once('rural', () => freshAlarm('ruralGrid'));
        expect((res.json().items as { id: string }[]).some((x) => x.id === rural), `${c.name} lists the alarm of 青杠村`).toBe(c.name === 'admin');
      },
    }],
    'GET /api/alarms/{id}': [
      { label: 'an alarm in 春晖社区第1网格', in: readers, request: async () => ({ method: 'GET', url: `/api/alarms/${await once('demo', () => freshAlarm('demoGrid'))}` }) },
      { label: 'an alarm in 青杠村第1网格', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/alarms/${await once('rural', () => freshAlarm('ruralGrid'))}` }) },
    ],
    'POST /api/alarms/{id}/acknowledge': answer('acknowledge'),
    'POST /api/alarms/{id}/clear': answer('clear'),
  };
}

/**
 * Devices (issue 13): a door magnet bound to the matrix household of each registry place (made once by the admin through
 * the API), seen by exactly those who reach that place's registry records and changed by the device editors among them;
 * a device editor who does not reach the household cannot bind to it (422). Readings carry the device's own token: a
 * session token in its place is refused (401), so only the anonymous caller's request gets through.
 */
function deviceVariants(): Record<string, Variant[]> {
  const DEVICE_EDITORS: readonly DemoUser[] = ['admin', 'leader', 'dispatcher', 'community'];
  const editorsOf = (place: Place) => registryReadersOf(place).filter((r) => DEVICE_EDITORS.includes(r));
  const made = new Map<string, { id: string; token: string }>();
  const register = async (place: Place) => {
    const r = await asAdmin({ method: 'POST', url: '/api/devices', payload: { type: 'doorMagnet', binding: { kind: 'household', id: (await registryIn(place)).household }, name: `${PLACES[place].name}矩阵门磁` } });
    if (r.statusCode !== 201) throw new Error(`device: ${r.statusCode} ${r.body}`);
    return { id: r.json().id as string, token: r.json().token as string };
  };
  const deviceIn = async (place: Place) => {
    if (!made.has(place)) made.set(place, await register(place));
    return made.get(place)!;
  };
  const each = (make: (place: Place) => Omit<Variant, 'label'>) => REGISTRY_PLACES.map((place): Variant => ({ label: `a device in ${PLACES[place].name}`, ...make(place) }));
  const read = (path: (id: string) => string) => each((place) => ({
    in: registryReadersOf(place), request: async () => ({ method: 'GET', url: path((await deviceIn(place)).id) }),
  }));
  const profile = async (id: string) => (await asAdmin({ method: 'GET', url: `/api/device-profiles/${id}/rules` })).json() as { version: number; rules: unknown[]; escalation: unknown };
  return {
    'GET /api/devices': [{
      label: `the list around ${PLACES.demoGrid2.name}`, in: everyone,
      request: async () => { await deviceIn('demoGrid2'); return { method: 'GET', url: '/api/devices?limit=200' }; },
      check: async (res, c) => {
        const wanted = (await deviceIn('demoGrid2')).id;
        const listed = (res.json().items as { id: string }[]).some((x) => x.id === wanted);
        expect(listed, `${c.name} lists the device`).toBe(registryReadersOf('demoGrid2').includes(c.name as DemoUser));
      },
    }],
    'POST /api/devices': each((place) => ({
      in: editorsOf(place),
      otherwise: Object.fromEntries(DEVICE_EDITORS.filter((e) => !editorsOf(place).includes(e)).map((e) => [e, [422]])),
      request: async () => ({ method: 'POST', url: '/api/devices', payload: { type: 'doorMagnet', binding: { kind: 'household', id: (await registryIn(place)).household }, name: '矩阵新门磁' } }),
    })),
    'GET /api/devices/{id}': read((id) => `/api/devices/${id}`),
    'GET /api/devices/{id}/readings': read((id) => `/api/devices/${id}/readings`),
    'PATCH /api/devices/{id}': each((place) => ({
      in: editorsOf(place),
      request: async () => {
        const { id } = await deviceIn(place);
        return { method: 'PATCH', url: `/api/devices/${id}`, payload: { version: await versionOf('devices', id), name: '矩阵门磁' } };
      },
    })),
    'POST /api/devices/{id}/retire': each((place) => ({
      in: editorsOf(place),
      request: async () => ({ method: 'POST', url: `/api/devices/${(await register(place)).id}/retire`, payload: { version: 1 } }),
    })),
    'POST /api/devices/{id}/token': each((place) => ({
      in: editorsOf(place), request: async () => ({ method: 'POST', url: `/api/devices/${(await register(place)).id}/token` }),
    })),
    'POST /api/devices/{id}/readings': [{
      label: 'a reading with the device\'s token', in: everyone,
      request: async () => {
        const d = await deviceIn('demoGrid');
        return { method: 'POST', url: `/api/devices/${d.id}/readings`, headers: { authorization: `Bearer ${d.token}` }, payload: { messageId: `matrix-${Math.random()}`, kind: 'keepalive' } };
      },
      check: (res, c) => { expect(res.statusCode, `${c.name}: only the device's own token gets in`).toBe(c.name === 'anonymous' ? 200 : 401); },
    }],
    'GET /api/device-profiles': [{ label: 'the list', in: everyone, request: () => ({ method: 'GET', url: '/api/device-profiles' }) }],
    'GET /api/device-profiles/{id}/rules': [{ label: 'the platform\'s gas sensor', in: everyone, request: () => ({ method: 'GET', url: '/api/device-profiles/platform-gas-sensor/rules' }) }],
    'PUT /api/device-profiles/{id}/rules': [{
      label: 'the platform\'s gas sensor (no device outside 春晖路街道)', in: everyone,
      request: async () => {
        const p = await profile('platform-gas-sensor');
        return { method: 'PUT', url: '/api/device-profiles/platform-gas-sensor/rules', payload: { version: p.version, rules: p.rules, escalation: p.escalation } };
      },
    }],
    'GET /api/device-profiles/{id}/rules/preview': each((place) => ({
      in: registryReadersOf(place), request: async () => ({ method: 'GET', url: `/api/device-profiles/platform-door-magnet/rules/preview?deviceId=${(await deviceIn(place)).id}` }),
    })),
    'POST /api/device-profiles/{id}/rules/preview': each((place) => ({
      in: registryReadersOf(place),
      request: async () => ({ method: 'POST', url: '/api/device-profiles/platform-door-magnet/rules/preview', payload: { deviceId: (await deviceIn(place)).id, rules: (await profile('platform-door-magnet')).rules } }),
    })),
  };
}

// ---- party members and 微阵地 (issue 16) -----------------------------------------------------------------------------

/** Who writes party members' commitments and stars, and posts, of a place: the volunteers' organisers who reach it. */
const partyOrganisersOf = (place: Place) => registryReadersOf(place).filter((r) => (['dispatcher', 'community', 'gridworker'] as DemoUser[]).includes(r));
let partySerial = 0;

/** A party member of the place's matrix household; with `commitments`, this year's commitments saved straight. */
async function partyMemberIn(place: Place, commitments = false): Promise<string> {
  const id = await matrixResident(place, (await registryIn(place)).household);
  await w.t.db.query('update registry_residents set party_member = true where id = $1', [id]);
  if (commitments) {
    await w.t.db.query(`insert into party_commitments (resident_id, org_unit_id, org_path, year, commitments, created_at)
      select id, grid_id, org_path, $2, '["矩阵承诺"]'::jsonb, now() from registry_residents where id = $1`, [id, partyYear()]);
  }
  return id;
}
const partyYear = () => Number(shanghaiDate(w.t.clock.now).slice(0, 4));

function partyVariants(): Record<string, Variant[]> {
  const each = (make: (place: Place) => Omit<Variant, 'label'>) => REGISTRY_PLACES.map((place): Variant => ({ label: `in ${PLACES[place].name}`, ...make(place) }));
  const postIn = async (place: Place) => (await w.t.db.query<{ id: string }>(`insert into party_posts (org_unit_id, org_path, name, created_at)
    select id, path, $2, now() from org_units where code = $1 returning id`, [PLACES[place].code, `矩阵微阵地${++partySerial}`])).rows[0]!.id;
  return {
    'GET /api/volunteers/party-posts': [{
      label: `posts of ${PLACES.demoGrid2.name} and ${PLACES.ruralGrid.name}`, in: everyone,
      request: async () => { await partyPost('demoGrid2', postIn); await partyPost('ruralGrid', postIn); return { method: 'GET', url: '/api/volunteers/party-posts' }; },
      check: async (res, c) => {
        const listed = (res.json().items as { id: string }[]).map((x) => x.id);
        if (c.name === 'resident') return;
        expect(listed.includes(await partyPost('demoGrid2', postIn)), `${c.name} lists the post of ${PLACES.demoGrid2.name}`).toBe(registryReadersOf('demoGrid2').includes(c.name as DemoUser));
        expect(listed.includes(await partyPost('ruralGrid', postIn)), `${c.name} lists the post of ${PLACES.ruralGrid.name}`).toBe(c.name === 'admin');
      },
    }],
    'POST /api/volunteers/party-posts': each((place) => ({
      in: partyOrganisersOf(place),
      request: async () => ({ method: 'POST', url: '/api/volunteers/party-posts', payload: { orgUnitId: (await registryIn(place)).gridId, name: `矩阵新微阵地${++partySerial}` } }),
    })),
    'GET /api/volunteers/party-members': [{
      label: `the party members around ${PLACES.demoGrid2.name}`, in: everyone,
      request: async () => { await partyMember2(); return { method: 'GET', url: '/api/volunteers/party-members?limit=500' }; },
      check: async (res, c) => {
        const listed = (res.json().items as { residentId: string | null }[]).some((x) => x.residentId === partyMember2Id);
        expect(listed, `${c.name} lists the party member`).toBe(registryReadersOf('demoGrid2').includes(c.name as DemoUser));
      },
    }],
    'PUT /api/volunteers/party-members/{residentId}/commitments': each((place) => ({
      in: partyOrganisersOf(place),
      request: async () => ({ method: 'PUT', url: `/api/volunteers/party-members/${await partyMemberIn(place)}/commitments`, payload: { year: partyYear(), commitments: ['矩阵承诺'] } }),
    })),
    'POST /api/volunteers/party-members/{residentId}/stars': each((place) => ({
      in: partyOrganisersOf(place),
      request: async () => ({ method: 'POST', url: `/api/volunteers/party-members/${await partyMemberIn(place, true)}/stars`, payload: { year: partyYear(), stars: 4, note: '矩阵' } }),
    })),
  };
}

const partyPosts = new Map<Place, string>();
async function partyPost(place: Place, make: (place: Place) => Promise<string>): Promise<string> {
  if (!partyPosts.has(place)) partyPosts.set(place, await make(place));
  return partyPosts.get(place)!;
}
let partyMember2Id: string | null = null;
async function partyMember2(): Promise<string> {
  partyMember2Id ??= await partyMemberIn('demoGrid2');
  return partyMember2Id;
}

// ---- 三事分流, councils, proposals and neighbour help (issue 16) ---------------------------------------------------------

/** Matters, proposals and help requests of 春晖社区第1网格: its staff and the town's reach them; the resident (not in the registry here) reads lists and her area's councils and proposals but may not support, propose or ask (422). */
function participationVariants(): Record<string, Variant[]> {
  let serial = 0;
  const STAFF_OF_GRID: Who[] = ['admin', 'leader', 'dispatcher', 'community', 'gridworker'];
  const cityStaff = async (): Promise<Principal> => {
    const city = (await w.t.db.query<{ id: string; path: string }>(`select id, path from org_units where level = 'city'`)).rows[0]!;
    const admin = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'admin'`)).rows[0]!;
    return {
      accountId: admin.id, username: 'admin', name: '黄志刚', kind: 'staff', roles: ['dispatcher'], scopeOrgUnitId: city.id, scopePath: city.path,
      homeOrgUnitId: null, posts: [], grids: [], departmentIds: [], mustChangePassword: false, tokenHash: '',
    };
  };
  const who = (p: Principal) => ({ accountId: p.accountId, name: p.name, ip: null, at: w.t.clock.now, requestKey: null });
  const gridId = async () => (await w.t.db.query<{ id: string }>('select id from org_units where code = $1', [PLACES.demoGrid.code])).rows[0]!.id;
  const councilId = async () => (await w.t.db.query<{ id: string }>(
    'select c.id from councils c join org_units u on u.id = c.org_unit_id where u.code = $1', [PLACES.demoGrid.code])).rows[0]!.id;
  const matterIn = async () => {
    const p = await cityStaff();
    const g = await gridId();
    return (await w.t.db.transaction((tx) => submitMatter(tx, w.t.app.pii, g, p, { title: `矩阵事项${++serial}`, description: '矩阵测试', location: w.at.demoGrid }, who(p), null))).id;
  };
  const classedMatter = async () => {
    const id = await matterIn();
    const p = await cityStaff();
    await classMatter({ db: w.t.db, locator: w.t.app.locator, pii: w.t.app.pii, calendar: w.t.app.calendar }, p, id, { class: 'shared', reason: '矩阵' }, who(p), { reclass: false });
    return id;
  };
  const proposalIn = async () => {
    const p = await cityStaff();
    const c = await councilId();
    return (await w.t.db.transaction((tx) => createProposalIn(tx, { councilId: c, title: `矩阵议题${++serial}`, body: '矩阵测试', proposerAccountId: null, proposerName: '矩阵居民', who: who(p) }))).id;
  };
  const personIn = async () => matrixResident('demoGrid', (await registryIn('demoGrid')).household);
  /** a proposal moved on to `to` (decided, inProgress or done) */
  const proposalAt = async (to: 'decided' | 'inProgress' | 'done') => {
    const id = await proposalIn();
    const p = await cityStaff();
    await w.t.db.transaction(async (tx) => {
      await decideProposal(tx, await lockProposal(tx, id), { decision: '矩阵', ownerName: '矩阵' }, who(p));
      if (to !== 'decided') await startProposal(tx, await lockProposal(tx, id), who(p));
      if (to === 'done') await reportProposalResult(tx, await lockProposal(tx, id), '矩阵', who(p));
    });
    return id;
  };
  /** the demo resident as a registry person of the demo grid for one request; untied before the next */
  let tied: string | null = null;
  const untie = async () => {
    if (tied) await w.t.db.query('update registry_residents set left_at = now(), phone_hash = null where id = $1', [tied]);
    tied = null;
  };
  const tie = async (c: Caller) => {
    await untie();
    if (c.name !== 'resident') return;
    const account = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'resident'`)).rows[0]!.id;
    const hash = await accountPhoneHash(w.t.db, w.t.app.pii, account);
    tied = await personIn();
    await w.t.db.query('update registry_residents set phone_hash = $2 where id = $1', [tied, hash]);
  };
  const helpIn = async (o: { taken?: boolean } = {}) => {
    const p = await cityStaff();
    const requester = await personIn();
    const helper = o.taken ? await personIn() : null;
    const g = await gridId();
    return w.t.db.transaction(async (tx) => {
      const h = await openHelpRequest(tx, { gridId: g, title: `矩阵互助${++serial}`, description: '矩阵测试', requesterId: requester, who: who(p) });
      if (helper) await takeHelp(tx, await lockHelp(tx, h.id), { residentId: helper, teamId: null }, who(p));
      return h.id;
    });
  };
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => { if (!fixed.has(key)) fixed.set(key, await make()); return fixed.get(key)!; };
  // every request starts with the resident untied (a support or rating ties her for its own request only)
  const one = (label: string, v: Omit<Variant, 'label'>): Variant[] => [{ label, ...v, request: async (c) => { await untie(); return v.request(c); } }];
  const g1 = PLACES.demoGrid.name;
  /** a resident of the grid (tied to a registry person there for the request) reads and takes its open help requests (neighbours help) */
  const RESIDENT_OF_GRID = (statuses: number[]): Partial<Record<Who, readonly number[]>> => ({ resident: statuses });
  return {
    'GET /api/participation/matters': one(`matters of ${g1}`, { in: everyone, request: async () => { await once('m', matterIn); return { method: 'GET', url: '/api/participation/matters' }; } }),
    'POST /api/participation/matters': one(`a matter at a point of ${g1}`, { in: everyone, request: () => ({ method: 'POST', url: '/api/participation/matters', payload: { title: `矩阵新事项${++serial}`, description: '矩阵', location: w.at.demoGrid } }) }),
    'GET /api/participation/matters/{id}': one(`a matter of ${g1}`, { in: STAFF_OF_GRID, request: async () => ({ method: 'GET', url: `/api/participation/matters/${await once('m', matterIn)}` }) }),
    'POST /api/participation/matters/{id}/actions/class': one(`a new matter of ${g1}`, { in: everyone, request: async () => ({ method: 'POST', url: `/api/participation/matters/${await matterIn()}/actions/class`, payload: { class: 'private', reason: '矩阵' } }) }),
    'POST /api/participation/matters/{id}/actions/reclass': one(`a shared matter of ${g1}`, { in: everyone, request: async () => ({ method: 'POST', url: `/api/participation/matters/${await classedMatter()}/actions/reclass`, payload: { class: 'private', reason: '矩阵' } }) }),
    'GET /api/councils': one('the councils', { in: everyone, request: () => ({ method: 'GET', url: '/api/councils' }) }),
    'GET /api/councils/{id}': one(`${g1}'s council`, { in: everyone, request: async () => ({ method: 'GET', url: `/api/councils/${await councilId()}` }) }),
    'PUT /api/councils/{id}': one(`${g1}'s council`, { in: everyone, request: async () => ({ method: 'PUT', url: `/api/councils/${await councilId()}`, payload: { partyOrg: '矩阵党小组', leaderName: null } }) }),
    'GET /api/proposals': one(`proposals of ${g1}'s council`, { in: everyone, request: async () => { await once('p', proposalIn); return { method: 'GET', url: '/api/proposals' }; } }),
    'POST /api/proposals': one(`a proposal on ${g1}'s council`, { in: everyone, request: async () => ({ method: 'POST', url: '/api/proposals', payload: { councilId: await councilId(), title: `矩阵新议题${++serial}`, body: '矩阵' } }) }),
    'GET /api/proposals/{id}': one(`a proposal of ${g1}'s council`, { in: everyone, request: async () => ({ method: 'GET', url: `/api/proposals/${await once('p', proposalIn)}` }) }),
    'POST /api/proposals/{id}/support': one(`a proposal of ${g1}'s council`, { in: everyone, request: async (c) => { const id = await proposalIn(); await tie(c); return { method: 'POST', url: `/api/proposals/${id}/support` }; } }),
    'POST /api/proposals/{id}/comments': one(`a proposal of ${g1}'s council`, { in: everyone, request: async () => ({ method: 'POST', url: `/api/proposals/${await proposalIn()}/comments`, payload: { body: '矩阵留言' } }) }),
    'POST /api/proposals/{id}/rating': one(`a proposal of ${g1}'s council`, { in: everyone, request: async (c) => { const id = await proposalAt('done'); await tie(c); return { method: 'POST', url: `/api/proposals/${id}/rating`, payload: { stars: 4 } }; } }),
    ...Object.fromEntries(([['decide', { decision: '矩阵决定', ownerName: '矩阵' }, null], ['reject', { reason: '矩阵' }, null], ['start', {}, 'decided'], ['report-result', { result: '矩阵' }, 'inProgress'], ['send-up', { reason: '矩阵' }, null]] as const).map(([a, payload, at]) => [
      `POST /api/proposals/{id}/actions/${a}`,
      one(`a proposal of ${g1}'s council`, { in: everyone, request: async () => ({ method: 'POST', url: `/api/proposals/${at ? await proposalAt(at) : await proposalIn()}/actions/${a}`, payload }) }),
    ])),
    'GET /api/help-requests': one(`help requests of ${g1}`, { in: everyone, request: async () => { await once('h', () => helpIn()); return { method: 'GET', url: '/api/help-requests' }; } }),
    'POST /api/help-requests': one(`help for a person of ${g1}`, { in: everyone, request: async () => ({ method: 'POST', url: '/api/help-requests', payload: { title: `矩阵求助${++serial}`, description: '矩阵', residentId: await personIn() } }) }),
    'GET /api/help-requests/{id}': one(`a help request of ${g1}`, { in: STAFF_OF_GRID, otherwise: RESIDENT_OF_GRID([200]), request: async (c) => { const id = await once('h', () => helpIn()); await tie(c); return { method: 'GET', url: `/api/help-requests/${id}` }; } }),
    'POST /api/help-requests/{id}/actions/take': one(`an open help request of ${g1}`, { in: ['dispatcher', 'community', 'gridworker'], otherwise: RESIDENT_OF_GRID([200, 409, 422]), request: async (c) => { const id = await helpIn(); const helperResidentId = await personIn(); await tie(c); return { method: 'POST', url: `/api/help-requests/${id}/actions/take`, payload: { helperResidentId } }; } }),
    'POST /api/help-requests/{id}/actions/done': one(`a taken help request of ${g1}`, { in: ['dispatcher', 'community', 'gridworker'], request: async () => ({ method: 'POST', url: `/api/help-requests/${await helpIn({ taken: true })}/actions/done`, payload: { note: '矩阵' } }) }),
    'POST /api/help-requests/{id}/actions/cancel': one(`an open help request of ${g1}`, { in: ['dispatcher', 'community', 'gridworker'], otherwise: RESIDENT_OF_GRID([409]), request: async (c) => { const id = await helpIn(); await tie(c); return { method: 'POST', url: `/api/help-requests/${id}/actions/cancel`, payload: { reason: '矩阵' } }; } }),
  };
}

// ---- meetings, votes and ideas (issue 16) -----------------------------------------------------------------------------

type MeetingPlace = 'demoGrid' | 'demoGrid2' | 'ruralGrid';
/** Who reads a grid council's meetings and ideas: staff whose scope holds the grid (or lies inside it), residents of the grid. */
const meetingReadersOf = (place: MeetingPlace): DemoUser[] => ({
  demoGrid: ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident'],
  demoGrid2: ['admin', 'leader', 'dispatcher', 'community'],
  ruralGrid: ['admin'],
} as Record<MeetingPlace, DemoUser[]>)[place];
/** Who runs them: PARTICIPATION_STAFF whose scope holds the grid. */
const meetingRunnersOf = (place: MeetingPlace): DemoUser[] => ({
  demoGrid: ['dispatcher', 'community', 'gridworker'],
  demoGrid2: ['dispatcher', 'community'],
  ruralGrid: [],
} as Record<MeetingPlace, DemoUser[]>)[place];

function meetingVariants(): Record<string, Variant[]> {
  let serial = 0;
  const cityStaff = async (): Promise<Principal> => {
    const city = (await w.t.db.query<{ id: string; path: string }>(`select id, path from org_units where level = 'city'`)).rows[0]!;
    const admin = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'admin'`)).rows[0]!;
    return {
      accountId: admin.id, username: 'admin', name: '黄志刚', kind: 'staff', roles: ['dispatcher'], scopeOrgUnitId: city.id, scopePath: city.path,
      homeOrgUnitId: null, posts: [], grids: [], departmentIds: [], mustChangePassword: false, tokenHash: '',
    };
  };
  const councilIn = async (place: MeetingPlace) => (await w.t.db.query<{ id: string }>(
    'select c.id from councils c join org_units u on u.id = c.org_unit_id where u.code = $1', [PLACES[place].code])).rows[0]!.id;
  const who = (p: Principal) => ({ accountId: p.accountId, name: p.name, ip: null, at: w.t.clock.now, requestKey: null });
  /** a fresh online meeting of the place's grid council, opened unless `scheduled` */
  const meetingIn = async (place: MeetingPlace, o: { scheduled?: boolean } = {}) => {
    const p = await cityStaff();
    const councilId = await councilIn(place);
    return w.t.db.transaction(async (tx) => {
      const m = await createMeeting(tx, p, {
        councilId, kind: 'online', title: `矩阵议事${++serial}`, startsAt: w.t.clock.now,
        endsAt: new Date(w.t.clock.now.getTime() + 86_400_000), proposalIds: [],
      }, who(p));
      if (!o.scheduled) await actOnMeeting(tx, { p, person: null, areaPath: null }, m.id, 'open', null, who(p), closeOpenMotions);
      return m.id;
    });
  };
  const motionIn = async (place: MeetingPlace) => {
    const p = await cityStaff();
    const meetingId = await meetingIn(place);
    const m = await w.t.db.transaction((tx) => createMotion(tx, { p, person: null, areaPath: null }, meetingId, {
      title: `矩阵表决${++serial}`, rules: { unit: 'person', electorate: 'residents', quorum: { kind: 'count', value: 1 }, passShare: 0.5, secret: false },
      closesAt: new Date(w.t.clock.now.getTime() + 86_400_000),
    }, who(p)));
    return { meetingId, motionId: m.id };
  };
  const ideaIn = async (place: MeetingPlace) => {
    const grid = (await w.t.db.query<{ id: string }>('select id from org_units where code = $1', [PLACES[place].code])).rows[0]!.id;
    return (await w.t.db.transaction((tx) => submitIdea(tx, { accountId: null, person: null, name: '矩阵居民', unitId: grid },
      { title: `矩阵金点子${++serial}`, body: '矩阵测试', category: 'other' }, { accountId: null, name: null, ip: null, at: w.t.clock.now, requestKey: null }))).id;
  };
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => { if (!fixed.has(key)) fixed.set(key, await make()); return fixed.get(key)!; };
  const PLACES3: MeetingPlace[] = ['demoGrid', 'demoGrid2', 'ruralGrid'];
  const each = (make: (place: MeetingPlace) => Omit<Variant, 'label'>, places: MeetingPlace[] = ['demoGrid2', 'ruralGrid']) =>
    places.map((place): Variant => ({ label: `a meeting of ${PLACES[place].name}'s council`, ...make(place) }));
  const townId = async (town: 'urbanTown' | 'ruralTown') => (await w.t.db.query<{ id: string }>('select id from org_units where code = $1', [town === 'urbanTown' ? '500199001000' : '500199101000'])).rows[0]!.id;
  const rules = { unit: 'person', electorate: 'residents', quorum: { kind: 'count', value: 1 }, passShare: 0.5, secret: false };
  /** the demo resident as a registry person of the demo grid (by her account's phone) for one request; untied after it */
  let tied: string | null = null;
  const untie = async () => {
    if (tied) await w.t.db.query('update registry_residents set left_at = now(), phone_hash = null where id = $1', [tied]);
    tied = null;
  };
  const tie = async (c: Caller) => {
    await untie();
    if (c.name !== 'resident') return;
    const account = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'resident'`)).rows[0]!.id;
    const hash = await accountPhoneHash(w.t.db, w.t.app.pii, account);
    tied = await matrixResident('demoGrid', (await registryIn('demoGrid')).household);
    await w.t.db.query('update registry_residents set phone_hash = $2 where id = $1', [tied, hash]);
  };
  /** an accepted idea of 春晖社区第1网格 in this quarter, so the town's top ten can be published */
  const acceptedIdea = async () => {
    const id = await ideaIn('demoGrid');
    await w.t.db.query(`update ideas set status = 'accepted' where id = $1`, [id]);
    return id;
  };
  return {
    'GET /api/meetings': [{
      label: 'meetings of three grids\' councils', in: everyone,
      request: async () => { for (const pl of PLACES3) await once(`m-${pl}`, () => meetingIn(pl)); return { method: 'GET', url: '/api/meetings?limit=200' }; },
      check: (res, c) => {
        const ids = (res.json().items as { id: string }[]).map((x) => x.id);
        for (const pl of PLACES3) expect(ids.includes(fixed.get(`m-${pl}`)!), `${c.name} lists the meeting of ${PLACES[pl].name}`).toBe(meetingReadersOf(pl).includes(c.name as DemoUser));
      },
    }],
    'POST /api/meetings': each((place) => ({
      in: meetingRunnersOf(place),
      request: async () => ({ method: 'POST', url: '/api/meetings', payload: { councilId: await councilIn(place), kind: 'onSite', title: `矩阵新议事${++serial}`, startsAt: w.t.clock.now.toISOString(), endsAt: new Date(w.t.clock.now.getTime() + 3_600_000).toISOString(), proposalIds: [] } }),
    })),
    'GET /api/meetings/{id}': each((place) => ({ in: meetingReadersOf(place), request: async () => ({ method: 'GET', url: `/api/meetings/${await once(`m-${place}`, () => meetingIn(place))}` }) }), PLACES3),
    'POST /api/meetings/{id}/actions/{action}': each((place) => ({
      in: meetingRunnersOf(place),
      request: async () => ({ method: 'POST', url: `/api/meetings/${await meetingIn(place, { scheduled: true })}/actions/open`, payload: {} }),
    })),
    'PUT /api/meetings/{id}/minutes': each((place) => ({
      in: meetingRunnersOf(place), request: async () => ({ method: 'PUT', url: `/api/meetings/${await meetingIn(place)}/minutes`, payload: { minutes: '矩阵纪要' } }),
    })),
    'GET /api/meetings/{id}/checkin': each((place) => ({
      in: meetingRunnersOf(place), request: async () => ({ method: 'GET', url: `/api/meetings/${await once(`m-${place}`, () => meetingIn(place))}/checkin` }),
    })),
    'POST /api/meetings/{id}/attendance': [
      ...each((place) => ({
        in: meetingReadersOf(place), request: async () => ({ method: 'POST', url: `/api/meetings/${await once(`m-${place}`, () => meetingIn(place))}/attendance`, payload: {} }),
      }), PLACES3),
      {
        label: 'the demo resident, in the registry, joins the online meeting of her grid', in: meetingReadersOf('demoGrid'),
        request: async (c) => { await tie(c); return { method: 'POST', url: `/api/meetings/${await meetingIn('demoGrid')}/attendance`, payload: {} }; },
        check: async (res, c) => { if (c.name === 'resident') expect(res.statusCode).toBe(201); await untie(); },
      },
    ],
    'POST /api/meetings/{id}/comments': each((place) => ({
      in: meetingReadersOf(place), request: async () => ({ method: 'POST', url: `/api/meetings/${await once(`m-${place}`, () => meetingIn(place))}/comments`, payload: { body: '矩阵留言' } }),
    }), PLACES3),
    'POST /api/meetings/{id}/motions': each((place) => ({
      in: meetingRunnersOf(place), request: async () => ({ method: 'POST', url: `/api/meetings/${await meetingIn(place)}/motions`, payload: { title: '矩阵表决', rules, closesAt: new Date(w.t.clock.now.getTime() + 3_600_000).toISOString() } }),
    })),
    'POST /api/meetings/{id}/votes': [
      ...each((place) => ({
        in: meetingReadersOf(place),
        request: async () => { const m = await motionIn(place); return { method: 'POST', url: `/api/meetings/${m.meetingId}/votes`, payload: { motionId: m.motionId, choice: 'for' } }; },
      }), PLACES3),
      {
        label: 'the demo resident, in the registry, votes on a motion of her grid', in: meetingReadersOf('demoGrid'),
        request: async (c) => { await tie(c); const m = await motionIn('demoGrid'); return { method: 'POST', url: `/api/meetings/${m.meetingId}/votes`, payload: { motionId: m.motionId, choice: 'for' } }; },
        check: async (res, c) => { if (c.name === 'resident') expect(res.statusCode).toBe(201); await untie(); },
      },
    ],
    'POST /api/meetings/{id}/motions/{motionId}/close': each((place) => ({
      in: meetingRunnersOf(place),
      request: async () => { const m = await motionIn(place); return { method: 'POST', url: `/api/meetings/${m.meetingId}/motions/${m.motionId}/close` }; },
    })),
    'GET /api/ideas': [{
      label: 'ideas of three grids', in: everyone,
      request: async () => { for (const pl of PLACES3) await once(`i-${pl}`, () => ideaIn(pl)); return { method: 'GET', url: '/api/ideas?limit=200&sort=newest' }; },
      check: (res, c) => {
        const ids = (res.json().items as { id: string }[]).map((x) => x.id);
        for (const pl of PLACES3) {
          // staff: ideas under their scope; a resident: her town's
          const readers: DemoUser[] = pl === 'ruralGrid' ? ['admin'] : pl === 'demoGrid2' ? ['admin', 'leader', 'dispatcher', 'community', 'resident'] : meetingReadersOf(pl);
          expect(ids.includes(fixed.get(`i-${pl}`)!), `${c.name} lists the idea of ${PLACES[pl].name}`).toBe(readers.includes(c.name as DemoUser));
        }
      },
    }],
    'POST /api/ideas': [{ label: 'an idea to the resident\'s town', in: everyone, request: () => ({ method: 'POST', url: '/api/ideas', payload: { title: `矩阵新金点子${++serial}`, body: '矩阵测试', category: 'other' } }) }],
    'GET /api/ideas/top': [
      { label: 'the top ten of 春晖路街道', in: everyone, request: async () => ({ method: 'GET', url: `/api/ideas/top?townId=${await townId('urbanTown')}` }) },
      { label: 'the top ten of the rural town', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/ideas/top?townId=${await townId('ruralTown')}` }) },
    ],
    'POST /api/ideas/top': [
      { label: 'publish 春晖路街道\'s', in: everyone, request: async () => { await once('accepted', acceptedIdea); return { method: 'POST', url: '/api/ideas/top', payload: { quarter: quarterOf(w.t.clock.now), townId: await townId('urbanTown') } }; } },
      { label: 'publish the rural town\'s', in: [], request: async () => ({ method: 'POST', url: '/api/ideas/top', payload: { quarter: '2026Q3', townId: await townId('ruralTown') } }) },
    ],
    'GET /api/ideas/{id}': ([['demoGrid2', ['admin', 'leader', 'dispatcher', 'community', 'resident']], ['ruralGrid', ['admin']]] as const).map(([place, inside]): Variant => ({
      label: `an idea of ${PLACES[place].name}`, in: inside, request: async () => ({ method: 'GET', url: `/api/ideas/${await once(`i-${place}`, () => ideaIn(place))}` }),
    })),
    'POST /api/ideas/{id}/support': [
      ...([['demoGrid2', ['resident']], ['ruralGrid', []]] as const).map(([place, inside]): Variant => ({
        label: `an idea of ${PLACES[place].name}`, in: inside, request: async () => ({ method: 'POST', url: `/api/ideas/${await ideaIn(place)}/support` }),
      })),
      {
        label: 'the demo resident, in the registry, supports an idea of her town', in: ['resident'],
        request: async (c) => { await tie(c); return { method: 'POST', url: `/api/ideas/${await ideaIn('demoGrid2')}/support` }; },
        check: async (res, c) => { if (c.name === 'resident') expect(res.statusCode).toBe(201); await untie(); },
      },
    ],
    'POST /api/ideas/{id}/actions/{action}': ([['demoGrid2', ['dispatcher', 'community']], ['ruralGrid', []]] as const).map(([place, inside]): Variant => ({
      label: `an idea of ${PLACES[place].name}`, in: inside, request: async () => ({ method: 'POST', url: `/api/ideas/${await ideaIn(place)}/actions/screen`, payload: { accepted: true, note: '矩阵' } }),
    })),
  };
}

// ---- 微积分 points (issue 16) -------------------------------------------------------------------------------------------

/** numbers the points fixtures (event refs, periods) across the operations' builders */
let pointsSerial = 0;

function pointsVariants(): Record<string, Variant[]> {
  const PLACES_P = ['demoGrid', 'demoGrid2', 'ruralGrid'] as const;
  type P = (typeof PLACES_P)[number];
  const keepersOf = (place: P) => registryReadersOf(place).filter((r) => r === 'community');
  const peersOf = (place: P) => registryReadersOf(place).filter((r) => r === 'community' || r === 'gridworker');
  /** who reads a community's rules: staff whose scope lies in or holds it */
  const ruleReadersOf = (place: P): DemoUser[] => (place === 'ruralGrid' ? ['admin'] : ['admin', 'leader', 'dispatcher', 'community', 'gridworker']);
  const each = (make: (place: P) => Omit<Variant, 'label'>, places: readonly P[] = PLACES_P) =>
    places.map((place): Variant => ({ label: `in ${PLACES[place].name}`, ...make(place) }));
  const communityOf = async (place: P) => (await w.t.db.query<{ id: string; path: string }>(
    'select p.id, p.path from org_units g join org_units p on p.id = g.parent_id where g.code = $1', [PLACES[place].code])).rows[0]!;
  /** the community's draft and published rules hold 矩阵细则 (base, 5 points a household) */
  const ensureRules = async (place: P) => {
    const c = await communityOf(place);
    await w.t.db.query(`insert into point_rules (org_unit_id, org_path, code, name, kind, points, subject_kind, version, updated_at)
      values ($1, $2, 'matrix', '矩阵细则', 'base', 5, 'household', 1, now()) on conflict do nothing`, [c.id, c.path]);
    await w.t.db.query(`insert into point_rule_publications (org_unit_id, version, published_at, rules)
      values ($1, 1, now(), '[{"code":"matrix","name":"矩阵细则","kind":"base","points":5,"subjectKind":"household"}]'::jsonb) on conflict do nothing`, [c.id]);
    return c;
  };
  /** a fresh award of 5 points to the place's household, through the ledger */
  const transactionIn = async (place: P) => {
    const { household } = await registryIn(place);
    const c = await communityOf(place);
    return w.t.db.transaction(async (tx) => {
      const acc = await subjectAccount(tx, { householdId: household }, w.t.clock.now);
      const issuer = await issuerAccount(tx, c.id, w.t.clock.now);
      return (await postTransaction(tx, {
        kind: 'award', reasonCode: 'matrix', ruleCode: 'matrix', subjectAccountId: acc.id, orgUnitId: c.id, eventRef: `matrix-${++pointsSerial}`,
        at: w.t.clock.now, by: null, entries: [{ accountId: acc.id, amount: 5 }, { accountId: issuer.id, amount: -5 }],
      })).id;
    });
  };
  /** a fresh assessment of the place's household in a period of its own, in the given state */
  const assessmentIn = async (place: P, status: 'selfReported' | 'peerReviewed' = 'selfReported') => {
    const { household } = await registryIn(place);
    const c = await ensureRules(place);
    const n = ++pointsSerial;
    const period = `${1990 + Math.floor(n / 12)}-${String(1 + (n % 12)).padStart(2, '0')}`;
    return (await w.t.db.query<{ id: string }>(
      `insert into point_assessments (org_unit_id, org_path, household_id, period, status, items, self_at)
       select $1, h.org_path, h.id, $3, $4, '[{"ruleCode":"matrix","claimed":true}]'::jsonb, now() from registry_households h where h.id = $2 returning id`,
      [c.id, household, period, status])).rows[0]!.id;
  };
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => { if (!fixed.has(key)) fixed.set(key, await make()); return fixed.get(key)!; };
  const items = [{ ruleCode: 'matrix', claimed: true, peer: true, approved: true }];
  return {
    'GET /api/points/rules': each((place) => ({ in: ruleReadersOf(place), request: async () => ({ method: 'GET', url: `/api/points/rules?orgUnitId=${(await communityOf(place)).id}` }) })),
    'PUT /api/points/rules': each((place) => ({
      in: keepersOf(place),
      request: async () => {
        const c = await communityOf(place);
        const version = (await w.t.db.query<{ v: number }>('select coalesce(max(version), 0)::int as v from point_rules where org_unit_id = $1', [c.id])).rows[0]!.v;
        return { method: 'PUT', url: `/api/points/rules?orgUnitId=${c.id}`, payload: { version, rules: [{ code: 'matrix', name: '矩阵细则', kind: 'base', points: 5, subjectKind: 'household' }] } };
      },
    }), ['demoGrid2', 'ruralGrid']),
    'POST /api/points/rules/publish': each((place) => ({
      in: keepersOf(place), request: async () => ({ method: 'POST', url: `/api/points/rules/publish?orgUnitId=${(await ensureRules(place)).id}` }),
    }), ['demoGrid2', 'ruralGrid']),
    'POST /api/points/awards': each((place) => ({
      in: keepersOf(place),
      request: async () => { await ensureRules(place); return { method: 'POST', url: '/api/points/awards', payload: { subject: { householdId: (await registryIn(place)).household }, ruleCode: 'matrix', eventRef: `matrix-award-${++pointsSerial}` } }; },
    })),
    'POST /api/points/transactions/{id}/reverse': each((place) => ({
      in: keepersOf(place), request: async () => ({ method: 'POST', url: `/api/points/transactions/${await transactionIn(place)}/reverse`, payload: { reason: '矩阵冲正' } }),
    })),
    'GET /api/points/accounts': [{
      label: 'households of three grids', in: everyone,
      request: async () => { for (const pl of PLACES_P) await registryIn(pl); return { method: 'GET', url: `/api/points/accounts?q=${encodeURIComponent('矩阵楼')}&limit=200` }; },
      check: async (res, c) => {
        const listed = (res.json().items as { householdId: string }[]).map((x) => x.householdId);
        for (const pl of PLACES_P) expect(listed.includes((await registryIn(pl)).household), `${c.name} lists the household of ${PLACES[pl].name}`).toBe(registryReadersOf(pl).includes(c.name as DemoUser));
      },
    }],
    'GET /api/points/accounts/{subject}': each((place) => ({
      in: registryReadersOf(place), request: async () => ({ method: 'GET', url: `/api/points/accounts/household:${(await registryIn(place)).household}` }),
    })),
    'GET /api/points/reconciliations': [{ label: 'the runs', in: everyone, request: () => ({ method: 'GET', url: '/api/points/reconciliations' }) }],
    'POST /api/points/reconciliations': [{ label: 'reconcile now', in: everyone, request: () => ({ method: 'POST', url: '/api/points/reconciliations' }) }],
    'GET /api/points/assessments': [{
      label: 'assessments of three grids', in: everyone,
      request: async () => { for (const pl of PLACES_P) await once(`a-${pl}`, () => assessmentIn(pl)); return { method: 'GET', url: '/api/points/assessments?limit=200' }; },
      check: (res, c) => {
        const listed = (res.json().items as { id: string }[]).map((x) => x.id);
        for (const pl of PLACES_P) expect(listed.includes(fixed.get(`a-${pl}`)!), `${c.name} lists the assessment of ${PLACES[pl].name}`).toBe(registryReadersOf(pl).includes(c.name as DemoUser));
      },
    }],
    'POST /api/points/assessments': each((place) => ({
      // a resident not in the registry: 422 PERSON_NOT_IN_REGISTRY wherever
      in: [...peersOf(place), 'resident'],
      request: async () => ({ method: 'POST', url: '/api/points/assessments', payload: { period: `2026-${String(1 + (++pointsSerial % 12)).padStart(2, '0')}`, householdId: (await registryIn(place)).household, items: [{ ruleCode: 'matrix', claimed: true }] } }),
    })),
    'GET /api/points/assessments/{id}': each((place) => ({
      in: registryReadersOf(place), request: async () => ({ method: 'GET', url: `/api/points/assessments/${await once(`a-${place}`, () => assessmentIn(place))}` }),
    })),
    'POST /api/points/assessments/{id}/peer-review': each((place) => ({
      in: peersOf(place), request: async () => ({ method: 'POST', url: `/api/points/assessments/${await assessmentIn(place)}/peer-review`, payload: { items } }),
    })),
    'POST /api/points/assessments/{id}/approve': each((place) => ({
      in: peersOf(place), request: async () => ({ method: 'POST', url: `/api/points/assessments/${await assessmentIn(place, 'peerReviewed')}/approve`, payload: { items } }),
    })),
    'POST /api/points/assessments/{id}/return': each((place) => ({
      in: peersOf(place), request: async () => ({ method: 'POST', url: `/api/points/assessments/${await assessmentIn(place)}/return`, payload: { note: '矩阵退回' } }),
    })),
  };
}

// ---- 积分超市, 红黑榜 and 志愿服务 (issue 16) --------------------------------------------------------------------------

function supermarketVariants(): Record<string, Variant[]> {
  const PL = ['demoGrid', 'demoGrid2', 'ruralGrid'] as const;
  type P = (typeof PL)[number];
  const inChunhui = (place: P) => place !== 'ruralGrid';
  const each = (make: (place: P) => Omit<Variant, 'label'>, places: readonly P[] = PL) =>
    places.map((place): Variant => ({ label: `in ${PLACES[place].name}`, ...make(place) }));
  const keepers = (place: P): DemoUser[] => (inChunhui(place) ? ['community'] : []);
  /** staff who read a community's rows: their scope lies in it or holds it */
  const staffOfCommunity = (place: P): DemoUser[] => (inChunhui(place) ? ['admin', 'leader', 'dispatcher', 'community', 'gridworker'] : ['admin']);
  const readersOfCommunity = (place: P): DemoUser[] => (inChunhui(place) ? [...staffOfCommunity(place), 'resident'] : ['admin']);
  /** organisers who manage a community's team and the registry people of a place: their scope holds the place */
  const organisersOf = (place: P): DemoUser[] => (place === 'demoGrid' ? ['dispatcher', 'community', 'gridworker'] : place === 'demoGrid2' ? ['dispatcher', 'community'] : []);
  const communityOf = async (place: P) => (await w.t.db.query<{ id: string; path: string }>(
    'select p.id, p.path from org_units g join org_units p on p.id = g.parent_id where g.code = $1', [PLACES[place].code])).rows[0]!;
  const gridOf = async (place: P) => (await w.t.db.query<{ id: string; path: string }>('select id, path from org_units where code = $1', [PLACES[place].code])).rows[0]!;
  let serial = 0;
  const goodsIn = async (place: P) => {
    const c = await communityOf(place);
    return (await w.t.db.query<{ id: string }>(`insert into point_goods (org_unit_id, org_path, name, price_points, stock, created_at, updated_at)
      values ($1, $2, $3, 5, 50, now(), now()) returning id`, [c.id, c.path, `矩阵商品${++pointsSerial}`])).rows[0]!.id;
  };
  /** a reservation of the place's household, made at the desk with points given first */
  const reservationIn = async (place: P) => {
    const { household } = await registryIn(place);
    const c = await communityOf(place);
    const goodsId = await goodsIn(place);
    const admin = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'admin'`)).rows[0]!.id;
    return w.t.db.transaction(async (tx) => {
      await applyRule(tx, { rule: { code: 'matrix-sm', name: '矩阵加分', kind: 'bonus', points: 10, subjectKind: 'household' }, subject: { householdId: household }, orgUnitId: c.id, eventRef: `matrix-sm-${++pointsSerial}`, units: 1, at: w.t.clock.now, by: null });
      const p = { accountId: admin, name: '矩阵', roles: ['communityStaff'], scopePath: '/', kind: 'staff' } as unknown as Principal;
      return (await redeem(tx, w.t.app.pii, { p, staff: true, keeper: true, person: null, residentPath: null }, { goodsId, qty: 1, householdId: household }, { now: w.t.clock.now, requestKey: null, ip: null })).id;
    });
  };
  const teams = new Map<P, string>();
  const teamIn = async (place: P) => {
    const c = await communityOf(place);
    if (!teams.has(place)) {
      teams.set(place, (await w.t.db.query<{ id: string }>(`insert into volunteer_teams (org_unit_id, org_path, colour, name, focus, created_at)
        values ($1, $2, 'orange', '民和橙', '邻里互助', now()) on conflict (org_unit_id, colour) do update set name = excluded.name returning id`, [c.id, c.path])).rows[0]!.id);
    }
    return teams.get(place)!;
  };
  /** an open activity at the place's grid that started ten minutes ago */
  const activityIn = async (place: P, checkedIn?: string) => {
    const g = await gridOf(place);
    const now = w.t.clock.now.getTime();
    const id = (await w.t.db.query<{ id: string }>(`insert into volunteer_activities (org_unit_id, org_path, kind, title, place, starts_at, ends_at, checkin_token, created_at)
      values ($1, $2, 'activity', $3, '矩阵广场', $4, $5, 'matrix-token', now()) returning id`,
    [g.id, g.path, `矩阵活动${++pointsSerial}`, new Date(now - 600_000), new Date(now + 7_200_000)])).rows[0]!.id;
    if (checkedIn) {
      await w.t.db.query(`insert into activity_signups (activity_id, person_key, resident_id, signed_up_at, checked_in_at)
        select $1, id_number_hash, id, now(), $3 from registry_residents where id = $2`, [id, checkedIn, new Date(now - 300_000)]);
    }
    return id;
  };
  const person = async (place: P) => (await registryIn(place)).resident;
  const givePoints = async (place: P) => {
    const { household } = await registryIn(place);
    const c = await communityOf(place);
    await w.t.db.transaction((tx) => applyRule(tx, { rule: { code: 'matrix-sm', name: '矩阵加分', kind: 'bonus', points: 10, subjectKind: 'household' }, subject: { householdId: household }, orgUnitId: c.id, eventRef: `matrix-sm-${++serial}`, units: 1, at: w.t.clock.now, by: null }));
  };
  /** the demo resident as a registry person of the demo grid (by her account's phone), for one request; untied after it */
  let tied: string | null = null;
  const tieResident = async () => {
    const account = (await w.t.db.query<{ id: string }>(`select id from accounts where username = 'resident'`)).rows[0]!.id;
    const hash = await accountPhoneHash(w.t.db, w.t.app.pii, account);
    tied = await matrixResident('demoGrid', (await registryIn('demoGrid')).household);
    await w.t.db.query('update registry_residents set phone_hash = $2 where id = $1', [tied, hash]);
  };
  const untieResident = async () => {
    if (!tied) return;
    await w.t.db.query('delete from volunteer_members where resident_id = $1', [tied]);
    await w.t.db.query('update registry_residents set left_at = now(), phone_hash = null where id = $1', [tied]);
    tied = null;
  };
  return {
    'GET /api/points/goods': [{ label: 'the shelves', in: everyone, request: () => ({ method: 'GET', url: '/api/points/goods' }) }],
    'POST /api/points/goods': each((place) => ({
      in: keepers(place), request: async () => ({ method: 'POST', url: '/api/points/goods', payload: { orgUnitId: (await communityOf(place)).id, name: `矩阵新品${++pointsSerial}`, pricePoints: 5, stock: 3 } }),
    })),
    'PUT /api/points/goods/{id}': each((place) => ({
      in: keepers(place), request: async () => ({ method: 'PUT', url: `/api/points/goods/${await goodsIn(place)}`, payload: { version: 1, stock: 9 } }),
    })),
    'POST /api/points/redemptions': [
      ...each((place) => ({
        in: keepers(place), otherwise: { resident: [403] },
        request: async () => {
          await givePoints(place);
          return { method: 'POST', url: '/api/points/redemptions', payload: { goodsId: await goodsIn(place), qty: 1, householdId: (await registryIn(place)).household } };
        },
      })),
      { label: 'for the caller\'s own household (the resident is not in the registry here: 422)', in: ['resident', 'community'],
        request: async () => ({ method: 'POST', url: '/api/points/redemptions', payload: { goodsId: await goodsIn('demoGrid'), qty: 1 } }) },
    ],
    'GET /api/points/redemptions': [{ label: 'the list', in: everyone, request: () => ({ method: 'GET', url: '/api/points/redemptions' }) }],
    'POST /api/points/redemptions/pickup': each((place) => ({
      in: keepers(place),
      request: async () => {
        const id = await reservationIn(place);
        const code = (await w.t.db.query<{ pickup_code: string }>('select pickup_code from point_redemptions where id = $1', [id])).rows[0]!.pickup_code;
        return { method: 'POST', url: '/api/points/redemptions/pickup', payload: { pickupCode: code, orgUnitId: (await communityOf(place)).id } };
      },
    })),
    'POST /api/points/redemptions/{id}/cancel': each((place) => ({
      in: keepers(place), request: async () => ({ method: 'POST', url: `/api/points/redemptions/${await reservationIn(place)}/cancel`, payload: {} }),
    })),
    'GET /api/points/statements': each((place) => ({
      in: staffOfCommunity(place), request: async () => ({ method: 'GET', url: `/api/points/statements?orgUnitId=${(await communityOf(place)).id}&month=2026-11` }),
    }), ['demoGrid', 'ruralGrid']),
    'GET /api/points/civility': [{ label: 'the lists', in: everyone, request: () => ({ method: 'GET', url: '/api/points/civility' }) }],
    'POST /api/points/civility/derive': each((place) => ({
      in: keepers(place), request: async () => ({ method: 'POST', url: `/api/points/civility/derive?orgUnitId=${(await communityOf(place)).id}&period=2026-10` }),
    }), ['demoGrid', 'ruralGrid']),
    'GET /api/volunteers/teams': [{ label: 'the teams', in: everyone, request: () => ({ method: 'GET', url: '/api/volunteers/teams' }) }],
    'POST /api/volunteers/teams': each((place) => ({
      in: place === 'ruralGrid' ? [] : ['dispatcher', 'community'],
      request: async () => ({ method: 'POST', url: '/api/volunteers/teams', payload: { orgUnitId: (await communityOf(place)).id, colour: 'blue' } }),
    }), ['demoGrid', 'ruralGrid']),
    'GET /api/volunteers/teams/{id}': each((place) => ({
      in: readersOfCommunity(place), request: async () => ({ method: 'GET', url: `/api/volunteers/teams/${await teamIn(place)}` }),
    }), ['demoGrid', 'ruralGrid']),
    'POST /api/volunteers/teams/{id}/members': each((place) => ({
      in: organisersOf(place), request: async () => ({ method: 'POST', url: `/api/volunteers/teams/${await teamIn(place)}/members`, payload: { residentId: await person(place) } }),
    })),
    'POST /api/volunteers/teams/{id}/join': each((place) => ({
      in: ['resident'],
      request: async (c) => {
        if (c.name === 'resident') await tieResident();
        return { method: 'POST', url: `/api/volunteers/teams/${await teamIn(place)}/join` };
      },
      check: async () => { await untieResident(); },
    }), ['demoGrid']),
    'DELETE /api/volunteers/teams/{id}/members/{residentId}': each((place) => ({
      in: organisersOf(place), otherwise: inChunhui(place) ? { resident: [403] } : {},
      request: async () => {
        const team = await teamIn(place);
        const r = await person(place);
        await w.t.db.query(`insert into volunteer_members (team_id, resident_id, joined_at) values ($1, $2, now())
          on conflict (team_id, resident_id) do update set left_at = null`, [team, r]);
        return { method: 'DELETE', url: `/api/volunteers/teams/${team}/members/${r}` };
      },
    })),
    'GET /api/volunteers/activities': [{ label: 'the list', in: everyone, request: () => ({ method: 'GET', url: '/api/volunteers/activities' }) }],
    'POST /api/volunteers/activities': each((place) => ({
      in: organisersOf(place),
      request: async () => ({
        method: 'POST', url: '/api/volunteers/activities',
        payload: { orgUnitId: (await gridOf(place)).id, kind: 'activity', title: '矩阵新活动', place: '矩阵广场', startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T11:00:00+08:00' },
      }),
    })),
    'GET /api/volunteers/activities/{id}': each((place) => ({
      in: [...PLACES[place].seenBy, ...(place === 'demoGrid' ? ['resident' as const] : [])],
      request: async () => ({ method: 'GET', url: `/api/volunteers/activities/${await activityIn(place)}` }),
    })),
    ...Object.fromEntries((['sign-up', 'check-in', 'check-out'] as const).map((step) => [`POST /api/volunteers/activities/{id}/${step}`, each((place) => ({
      in: organisersOf(place), otherwise: place === 'demoGrid' ? { resident: [403] } : {},
      request: async () => {
        const r = await person(place);
        return { method: 'POST', url: `/api/volunteers/activities/${await activityIn(place, step === 'check-out' ? r : undefined)}/${step}`, payload: { residentId: r } };
      },
    }))])),
    'POST /api/volunteers/activities/{id}/actions': each((place) => ({
      in: organisersOf(place), request: async () => ({ method: 'POST', url: `/api/volunteers/activities/${await activityIn(place)}/actions`, payload: { action: 'cancel' } }),
    })),
    'GET /api/volunteers/me': [{ label: 'my volunteering', in: everyone, request: () => ({ method: 'GET', url: '/api/volunteers/me' }) }],
  };
}

/**
 * 赛马比拼 and 线上通报 (issue 17): the board of 春晖路街道 (the default: the caller's town) is read by every staff account of
 * the town — a grid worker and community staff too, since peers are public inside a town — and 青杠镇's by the admin
 * only; a bulletin of 春晖社区 is generated by the town's leader and dispatcher and the admin, read by the town's staff,
 * one of 青杠镇 by the admin alone.
 */
function rankingVariants(): Record<string, Variant[]> {
  const townReaders = ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] as const;
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => { if (!fixed.has(key)) fixed.set(key, await make()); return fixed.get(key)!; };
  const bulletinOf = (k: 'demoCommunity' | 'ruralTown') => once(k, async () => {
    const r = await asAdmin({ method: 'POST', url: '/api/rankings/bulletins', payload: { level: 'grid', period: '2026-11', parentId: U(k) } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id as string;
  });
  return {
    'GET /api/rankings': [
      { label: 'the caller\'s town', in: everyone, request: () => ({ method: 'GET', url: '/api/rankings?level=community&indicator=closeRate&period=2026-11' }) },
      { label: 'parentId=春晖社区', in: townReaders, request: () => ({ method: 'GET', url: `/api/rankings?level=grid&indicator=closeRate&period=2026-11&parentId=${U('demoCommunity')}` }) },
      { label: 'parentId=青杠镇', in: ['admin'], request: () => ({ method: 'GET', url: `/api/rankings?level=grid&indicator=closeRate&period=2026-11&parentId=${U('ruralTown')}` }) },
    ],
    'POST /api/rankings/bulletins': [
      { label: 'a bulletin of 春晖社区', in: ['admin', 'leader', 'dispatcher'], request: () => ({ method: 'POST', url: '/api/rankings/bulletins', payload: { level: 'grid', period: '2026-11', parentId: U('demoCommunity') } }) },
      { label: 'a bulletin of 青杠镇', in: ['admin'], request: () => ({ method: 'POST', url: '/api/rankings/bulletins', payload: { level: 'grid', period: '2026-11', parentId: U('ruralTown') } }) },
    ],
    'GET /api/rankings/bulletins': [{ label: 'the caller\'s bulletins', in: everyone, request: () => ({ method: 'GET', url: '/api/rankings/bulletins' }) }],
    'GET /api/rankings/bulletins/{id}': [
      { label: 'a bulletin of 春晖社区', in: townReaders, request: async () => ({ method: 'GET', url: `/api/rankings/bulletins/${await bulletinOf('demoCommunity')}` }) },
      { label: 'a bulletin of 青杠镇', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/rankings/bulletins/${await bulletinOf('ruralTown')}` }) },
    ],
    'GET /api/rankings/bulletins/{id}/document': [
      { label: 'a bulletin of 春晖社区', in: townReaders, request: async () => ({ method: 'GET', url: `/api/rankings/bulletins/${await bulletinOf('demoCommunity')}/document` }) },
      { label: 'a bulletin of 青杠镇', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/rankings/bulletins/${await bulletinOf('ruralTown')}/document` }) },
    ],
  };
}

/**
 * 高频诉求 and the 15-minute circle (issue 17): the hot spots of the caller's scope go to every reader, those of 春晖社区
 * to the staff whose scope holds it, 青杠镇's to the admin; a project of 春晖社区 is read by the town's readers and the
 * grid worker of its grid, made and run by its community staff and the town's leader; one of a 青杠镇 community is read
 * by the admin alone and run by nobody here.
 */
function analyticsVariants(): Record<string, Variant[]> {
  const holders = ['admin', 'leader', 'dispatcher', 'community'] as const;
  const readers = [...holders, 'gridworker'] as const;
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => { if (!fixed.has(key)) fixed.set(key, await make()); return fixed.get(key)!; };
  const projectOf = (k: 'demo' | 'rural') => once(k, async () => {
    if (k === 'demo') {
      const r = await w.inject('leader', { method: 'POST', url: '/api/analytics/projects', payload: { communityId: U('demoCommunity'), name: '矩阵项目' } });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    }
    const c = (await w.t.db.query<{ id: string; path: string; town: string }>(
      `select u.id, u.path, u.parent_id as town from org_units u where u.level = 'community' and u.parent_id = $1 order by u.code limit 1`, [U('ruralTown')])).rows[0]!;
    return (await w.t.db.query<{ id: string }>(`insert into circle_projects (town_id, community_id, org_path, name, owner_name, created_at, updated_at)
      values ($1, $2, $3, '矩阵村项目', '管理员', now(), now()) returning id`, [c.town, c.id, c.path])).rows[0]!.id;
  });
  const version = async (id: string) => ((await asAdmin({ method: 'GET', url: `/api/analytics/projects/${id}` })).json().version as number);
  const caseOf = (place: 'demoGrid' | 'ruralGrid') => once(`case:${place}`, async () =>
    (await w.t.db.query<{ id: string }>('select c.id from cases c join org_units g on g.id = c.grid_id where g.code = $1 order by c.created_at limit 1', [PLACES[place].code])).rows[0]?.id ?? 'none');
  const both = (make: (k: 'demo' | 'rural') => Omit<Variant, 'label' | 'in'>, demoIn: readonly Who[]): Variant[] => [
    { label: 'a project of 春晖社区', in: demoIn, ...make('demo') },
    { label: 'a project of a 青杠镇 community', in: demoIn === readers ? ['admin'] : [], ...make('rural') },
  ];
  return {
    'GET /api/analytics/hotspots': [
      { label: 'the caller\'s scope', in: everyone, request: () => ({ method: 'GET', url: '/api/analytics/hotspots' }) },
      { label: 'orgUnitId=春晖社区', in: holders, request: () => ({ method: 'GET', url: `/api/analytics/hotspots?orgUnitId=${U('demoCommunity')}` }) },
      { label: 'orgUnitId=青杠镇', in: ['admin'], request: () => ({ method: 'GET', url: `/api/analytics/hotspots?orgUnitId=${U('ruralTown')}` }) },
    ],
    'GET /api/analytics/projects': [
      { label: 'the caller\'s projects', in: everyone, request: () => ({ method: 'GET', url: '/api/analytics/projects' }) },
      { label: 'orgUnitId=春晖社区', in: holders, request: () => ({ method: 'GET', url: `/api/analytics/projects?orgUnitId=${U('demoCommunity')}` }) },
    ],
    'GET /api/analytics/projects/{id}': both((k) => ({ request: async () => ({ method: 'GET', url: `/api/analytics/projects/${await projectOf(k)}` }) }), readers),
    'POST /api/analytics/projects': [
      { label: 'for 春晖社区', in: ['leader', 'community'], request: () => ({ method: 'POST', url: '/api/analytics/projects', payload: { communityId: U('demoCommunity'), name: '矩阵立项' } }) },
      { label: 'for 青杠镇\'s first community', in: [], request: async () => ({ method: 'POST', url: '/api/analytics/projects', payload: {
        communityId: (await w.t.db.query<{ id: string }>(`select id from org_units where level = 'community' and parent_id = $1 order by code limit 1`, [U('ruralTown')])).rows[0]!.id, name: '矩阵立项' } }) },
    ],
    'PUT /api/analytics/projects/{id}': both((k) => ({
      request: async () => { const id = await projectOf(k); return { method: 'PUT', url: `/api/analytics/projects/${id}`, payload: { version: await version(id), description: `矩阵 ${Math.random()}` } }; },
    }), ['leader', 'community']),
    'POST /api/analytics/projects/{id}/actions/{action}': both((k) => ({
      request: async () => ({ method: 'POST', url: `/api/analytics/projects/${await projectOf(k)}/actions/start`, payload: {} }),
    }), ['leader', 'community']),
    'POST /api/analytics/projects/{id}/cases': both((k) => ({
      request: async () => ({ method: 'POST', url: `/api/analytics/projects/${await projectOf(k)}/cases`, payload: { caseIds: [await caseOf(k === 'demo' ? 'demoGrid' : 'ruralGrid')] } }),
    }), ['leader', 'community']),
  };
}

/**
 * 一表通 (issue 17): the forms are listed to every reader; a form of 春晖路街道 is made and changed by its leader and the
 * admin, one of 青杠镇 by the admin alone, a standard one changed by the admin alone (the leader 403); tables and fills
 * of 春晖社区 go to every reader (their scopes hold it), those of 青杠镇 to the admin; a fill of 春晖社区 downloads again
 * for every reader, one of 青杠镇 for the admin.
 */
function reportVariants(): Record<string, Variant[]> {
  const body = (town: 'urbanTown' | 'ruralTown') => ({
    orgUnitId: U(town), name: '矩阵结案月报', rowKind: 'children', periodKind: 'month', columns: [{ indicatorCode: 'closeRate' }, { indicatorCode: 'measure:casesClosed' }],
  });
  const newForm = async (town: 'urbanTown' | 'ruralTown') => {
    const r = await asAdmin({ method: 'POST', url: '/api/reports/forms', payload: body(town) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; version: number };
  };
  const fixed = new Map<string, string>();
  const once = async (key: string, make: () => Promise<string>) => { if (!fixed.has(key)) fixed.set(key, await make()); return fixed.get(key)!; };
  const formOf = (town: 'urbanTown' | 'ruralTown') => once(`form:${town}`, async () => (await newForm(town)).id);
  const standard = () => once('standard', async () => ((await asAdmin({ method: 'GET', url: '/api/reports/forms' })).json().items as { id: string; code: string | null }[])
    .find((f) => f.code === 'grid-service-monthly')!.id);
  const current = async (id: string) => ((await asAdmin({ method: 'GET', url: '/api/reports/forms?archived=true' })).json().items as { id: string; version: number; name: string; description: string; rowKind: string; periodKind: string; columns: { indicatorCode: string; label: string | null }[] }[])
    .find((f) => f.id === id)!;
  const change = async (id: string): Promise<InjectOptions> => {
    const f = await current(id);
    return { method: 'PUT', url: `/api/reports/forms/${id}`, payload: { name: f.name, description: f.description, rowKind: f.rowKind, periodKind: f.periodKind, columns: f.columns.map((c) => ({ indicatorCode: c.indicatorCode, label: c.label })), version: f.version } };
  };
  const fillOf = (unit: 'demoCommunity' | 'ruralTown') => once(`fill:${unit}`, async () => {
    const r = await asAdmin({ method: 'POST', url: `/api/reports/forms/${await standard()}/fill?orgUnitId=${U(unit)}&period=2026-10&format=xlsx` });
    expect(r.statusCode, r.body).toBe(200);
    const fills = (await asAdmin({ method: 'GET', url: '/api/reports/fills?limit=200' })).json().items as { id: string; orgUnitId: string }[];
    return fills.find((f) => f.orgUnitId === U(unit))!.id;
  });
  return {
    'GET /api/reports/forms': [{ label: 'the forms', in: everyone, request: () => ({ method: 'GET', url: '/api/reports/forms' }) }],
    'POST /api/reports/forms': [
      { label: 'a form of 春晖路街道', in: ['admin', 'leader'], request: () => ({ method: 'POST', url: '/api/reports/forms', payload: body('urbanTown') }) },
      { label: 'a form of 青杠镇', in: ['admin'], request: () => ({ method: 'POST', url: '/api/reports/forms', payload: body('ruralTown') }) },
    ],
    'PUT /api/reports/forms/{id}': [
      { label: 'a form of 春晖路街道', in: ['admin', 'leader'], request: async () => change(await formOf('urbanTown')) },
      { label: 'a form of 青杠镇', in: ['admin'], request: async () => change(await formOf('ruralTown')) },
      { label: 'a standard form', in: ['admin'], otherwise: { leader: [403] }, request: async () => change(await standard()) },
    ],
    'POST /api/reports/forms/{id}/archive': [
      { label: 'a form of 春晖路街道', in: ['admin', 'leader'], request: async () => ({ method: 'POST', url: `/api/reports/forms/${(await newForm('urbanTown')).id}/archive` }) },
      { label: 'a form of 青杠镇', in: ['admin'], request: async () => ({ method: 'POST', url: `/api/reports/forms/${(await newForm('ruralTown')).id}/archive` }) },
    ],
    'GET /api/reports/forms/{id}/preview': [
      { label: 'the table of 春晖社区', in: everyone, request: async () => ({ method: 'GET', url: `/api/reports/forms/${await standard()}/preview?orgUnitId=${U('demoCommunity')}&period=2026-10` }) },
      { label: 'the table of 青杠镇', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/reports/forms/${await standard()}/preview?orgUnitId=${U('ruralTown')}&period=2026-10` }) },
    ],
    'POST /api/reports/forms/{id}/fill': [
      { label: 'a fill of 春晖社区', in: everyone, request: async () => ({ method: 'POST', url: `/api/reports/forms/${await standard()}/fill?orgUnitId=${U('demoCommunity')}&period=2026-10&format=pdf` }) },
      { label: 'a fill of 青杠镇', in: ['admin'], request: async () => ({ method: 'POST', url: `/api/reports/forms/${await standard()}/fill?orgUnitId=${U('ruralTown')}&period=2026-10&format=xlsx` }) },
    ],
    'GET /api/reports/fills': [{ label: 'the fills', in: everyone, request: () => ({ method: 'GET', url: '/api/reports/fills' }) }],
    'GET /api/reports/fills/{id}/file': [
      { label: 'a fill of 春晖社区', in: everyone, request: async () => ({ method: 'GET', url: `/api/reports/fills/${await fillOf('demoCommunity')}/file` }) },
      { label: 'a fill of 青杠镇', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/reports/fills/${await fillOf('ruralTown')}/file` }) },
    ],
  };
}

/**
 * 三级五星评价 (issue 17): October's grid ratings of 春晖路街道 and 青杠镇, published once. Every staff account of the town
 * reads 第1网格's published rating (peers are public inside the town), 青杠镇's only the admin; the rules, compute and
 * publish of a town are its leader's and the admin's; only 第1网格's grid worker appeals its rating (the leader and the
 * community's staff are refused 403 APPEAL_NOT_OWN); the judges above it answer; the town's leader and dispatcher review
 * a department it sent a case to, the department reads its own reviews, the admin names the town.
 */
function ratingVariants(): Record<string, Variant[]> {
  const townReaders = ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] as const;
  let ready: Promise<void> | null = null;
  const setUp = () => (ready ??= (async () => {
    for (const k of ['urbanTown', 'ruralTown'] as const) {
      for (const path of ['compute', 'publish']) {
        const r = await asAdmin({ method: 'POST', url: `/api/ratings/${path}`, payload: { level: 'grid', period: '2026-10', townId: U(k) } });
        expect(r.statusCode, r.body).toBe(200);
      }
    }
  })());
  const ratingOf = async (k: 'demoGrid' | 'ruralGrid') => {
    await setUp();
    return (await w.t.db.query<{ id: string }>(`select id from ratings where org_unit_id = $1 and period = '2026-10' and level = 'grid'`, [U(k)])).rows[0]!.id;
  };
  const noOpenAppeal = async () => { await w.t.db.query(`update rating_appeals set status = 'rejected', answer = '矩阵' where status = 'open'`); };
  const openAppeal = async () => {
    await noOpenAppeal();
    const r = await w.inject('gridworker', { method: 'POST', url: `/api/ratings/${await ratingOf('demoGrid')}/appeal`, payload: { reason: '矩阵申诉' } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const ruleVersion = async (k: 'urbanTown' | 'ruralTown') =>
    (await asAdmin({ method: 'GET', url: `/api/ratings/rules?level=grid&townId=${U(k)}` })).json().version as number;
  const rule = { thresholds: [90, 80, 70, 60, 50], vetoes: [], items: [{ indicatorCode: 'closeRate', weight: 50, full: 95, zero: 60 }, { indicatorCode: 'satisfiedRate', weight: 50, full: 98, zero: 70 }] };
  const sentCase = async () => {
    const dep = (await w.t.db.query<{ department_id: string }>(`select m.department_id from department_members m join accounts a on a.id = m.account_id where a.username = 'department'`)).rows[0]!.department_id;
    await w.t.db.query(`update cases set department_ids = array[$2]::text[], created_at = '2026-10-15T10:00:00+08:00'
      where id = (select id from cases where town_id = $1 order by created_at limit 1)`, [U('urbanTown'), dep]);
    return dep;
  };
  return {
    'GET /api/ratings': [
      { label: 'grids, 2026-10', in: everyone, request: () => ({ method: 'GET', url: '/api/ratings?level=grid&period=2026-10' }) },
    ],
    'GET /api/ratings/{id}': [
      { label: '春晖社区第1网格, published', in: townReaders, request: async () => ({ method: 'GET', url: `/api/ratings/${await ratingOf('demoGrid')}` }) },
      { label: '青杠村第1网格, published', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/ratings/${await ratingOf('ruralGrid')}` }) },
    ],
    'GET /api/ratings/rules': [
      { label: 'the caller\'s town (the admin: the city default)', in: everyone, request: () => ({ method: 'GET', url: '/api/ratings/rules?level=grid' }) },
      { label: 'townId=青杠镇', in: ['admin'], request: () => ({ method: 'GET', url: `/api/ratings/rules?level=grid&townId=${U('ruralTown')}` }) },
    ],
    'PUT /api/ratings/rules': (['urbanTown', 'ruralTown'] as const).map((k): Variant => ({
      label: `the grid rule of ${k}`, in: k === 'urbanTown' ? ['admin', 'leader'] : ['admin'],
      request: async () => ({ method: 'PUT', url: `/api/ratings/rules?level=grid&townId=${U(k)}`, payload: { ...rule, version: await ruleVersion(k) } }),
    })),
    'POST /api/ratings/compute': (['urbanTown', 'ruralTown'] as const).map((k): Variant => ({
      label: `October of ${k}`, in: k === 'urbanTown' ? ['admin', 'leader'] : ['admin'],
      request: () => ({ method: 'POST', url: '/api/ratings/compute', payload: { level: 'community', period: '2026-10', townId: U(k) } }),
    })),
    'POST /api/ratings/publish': (['urbanTown', 'ruralTown'] as const).map((k): Variant => ({
      label: `October of ${k}`, in: k === 'urbanTown' ? ['admin', 'leader'] : ['admin'],
      request: () => ({ method: 'POST', url: '/api/ratings/publish', payload: { level: 'community', period: '2026-10', townId: U(k) } }),
    })),
    'POST /api/ratings/{id}/appeal': [{
      label: '春晖社区第1网格\'s rating', in: ['gridworker'], otherwise: { leader: [403], community: [403] },
      request: async () => { await noOpenAppeal(); return { method: 'POST', url: `/api/ratings/${await ratingOf('demoGrid')}/appeal`, payload: { reason: '矩阵申诉' } }; },
    }],
    'POST /api/ratings/appeals/{id}/answer': [{
      label: 'an appeal of 春晖社区第1网格', in: ['admin', 'leader'],
      request: async () => ({ method: 'POST', url: `/api/ratings/appeals/${await openAppeal()}/answer`, payload: { decision: 'rejected', answer: '维持' } }),
    }],
    'GET /api/ratings/appeals': [{ label: 'the caller\'s', in: everyone, request: () => ({ method: 'GET', url: '/api/ratings/appeals' }) }],
    'GET /api/ratings/departments': [
      { label: 'the caller\'s town, October', in: ['leader', 'dispatcher', 'department'], otherwise: { admin: [400] }, request: () => ({ method: 'GET', url: '/api/ratings/departments?period=2026-10' }) },
      { label: 'townId=青杠镇', in: ['admin', 'department'], request: () => ({ method: 'GET', url: `/api/ratings/departments?period=2026-10&townId=${U('ruralTown')}` }) },
    ],
    'POST /api/ratings/departments': [{
      label: 'a department 春晖路街道 sent a case to', in: ['leader', 'dispatcher'],
      request: async () => ({ method: 'POST', url: '/api/ratings/departments', payload: { period: '2026-10', departmentId: await sentCase(), scores: { timeliness: 5, quality: 4, cooperation: 4 }, comment: '矩阵' } }),
    }],
  };
}

/**
 * 体征指标 (issue 17): the catalog of 春晖路街道 (the default: the caller's town) is read by every staff account of the town,
 * 青杠镇's by the admin; values of a unit go to those whose scope holds it and to those inside it from the town down (a
 * grid worker reads its grid, community and town, not the next grid), children of such a unit to the same (peers are
 * public inside the town); a town's own indicators and targets are changed by its leader and the admin.
 */
/** builders() runs once per operation: the codes made must not repeat across runs */
let indicatorSerial = 0;
function indicatorVariants(): Record<string, Variant[]> {
  const townReaders = ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker'] as const;
  const ownOf = async (k: 'urbanTown' | 'ruralTown') => {
    const code = `matrix${k}${++indicatorSerial}`;
    const r = await asAdmin({ method: 'POST', url: '/api/indicators', payload: {
      code, townId: U(k), nameZh: '矩阵指标', board: 'center', unit: 'count', direction: 'higher', formula: { kind: 'count', measures: ['casesAccepted'] },
    } });
    expect(r.statusCode, r.body).toBe(201);
    return code;
  };
  const fixed = new Map<string, string>();
  const once = async (k: 'urbanTown' | 'ruralTown') => { if (!fixed.has(k)) fixed.set(k, await ownOf(k)); return fixed.get(k)!; };
  const versionOf = async (code: string, k: 'urbanTown' | 'ruralTown') =>
    (await asAdmin({ method: 'GET', url: `/api/indicators/${code}?townId=${U(k)}` })).json().version as number;
  const body = { nameZh: '矩阵指标改', board: 'center', unit: 'count', direction: 'higher', formula: { kind: 'count', measures: ['casesClosed'] } };
  const values = (unit: UnitKeyOf, path = 'values') => `/api/indicators/${path}?${path === 'values' ? 'codes=closeRate' : 'code=closeRate'}&orgUnitId=${U(unit)}&period=2026-11`;
  type UnitKeyOf = Parameters<typeof U>[0];
  return {
    'GET /api/indicators': [
      { label: 'the caller\'s town', in: everyone, request: () => ({ method: 'GET', url: '/api/indicators' }) },
      { label: 'townId=青杠镇', in: ['admin'], request: () => ({ method: 'GET', url: `/api/indicators?townId=${U('ruralTown')}` }) },
    ],
    'GET /api/indicators/{code}': [
      { label: '结案率', in: everyone, request: () => ({ method: 'GET', url: '/api/indicators/closeRate' }) },
      { label: '青杠镇\'s own', in: ['admin'], request: async () => ({ method: 'GET', url: `/api/indicators/${await once('ruralTown')}?townId=${U('ruralTown')}` }) },
    ],
    'POST /api/indicators': (['urbanTown', 'ruralTown'] as const).map((k): Variant => ({
      label: `an indicator of ${k}`, in: k === 'urbanTown' ? ['admin', 'leader'] : ['admin'],
      request: () => ({ method: 'POST', url: '/api/indicators', payload: { ...body, code: `matrixNew${++indicatorSerial}`, townId: U(k) } }),
    })),
    'PUT /api/indicators/{code}': (['urbanTown', 'ruralTown'] as const).map((k): Variant => ({
      label: `the own indicator of ${k}`, in: k === 'urbanTown' ? ['admin', 'leader'] : ['admin'],
      request: async () => { const code = await once(k); return { method: 'PUT', url: `/api/indicators/${code}`, payload: { ...body, version: await versionOf(code, k) } }; },
    })),
    'POST /api/indicators/{code}/archive': (['urbanTown', 'ruralTown'] as const).map((k): Variant => ({
      label: `an own indicator of ${k}`, in: k === 'urbanTown' ? ['admin', 'leader'] : ['admin'],
      request: async () => ({ method: 'POST', url: `/api/indicators/${await ownOf(k)}/archive`, payload: { version: 1 } }),
    })),
    'PUT /api/indicators/{code}/target': (['urbanTown', 'ruralTown'] as const).map((k): Variant => ({
      label: `结案率 of ${k}`, in: k === 'urbanTown' ? ['admin', 'leader'] : ['admin'],
      request: () => ({ method: 'PUT', url: '/api/indicators/closeRate/target', payload: { orgUnitId: U(k), target: 96, warnBand: 4 } }),
    })),
    'GET /api/indicators/values': [
      { label: 'the caller\'s unit', in: everyone, request: () => ({ method: 'GET', url: '/api/indicators/values?period=2026-11' }) },
      { label: '春晖社区第1网格', in: townReaders, request: () => ({ method: 'GET', url: values('demoGrid') }) },
      { label: '春晖社区第2网格', in: ['admin', 'leader', 'dispatcher', 'handler', 'community'], request: () => ({ method: 'GET', url: values('demoGrid2') }) },
      { label: '春晖路街道', in: townReaders, request: () => ({ method: 'GET', url: values('urbanTown') }) },
      { label: 'the district', in: ['admin'], request: () => ({ method: 'GET', url: values('district') }) },
      { label: '青杠村第1网格', in: ['admin'], request: () => ({ method: 'GET', url: values('ruralGrid') }) },
    ],
    'GET /api/indicators/values/children': [
      { label: '春晖社区\'s grids', in: townReaders, request: () => ({ method: 'GET', url: values('demoCommunity', 'values/children') }) },
      { label: '锦霞社区\'s grids', in: ['admin', 'leader', 'dispatcher', 'handler'], request: () => ({ method: 'GET', url: values('jinxiaCommunity', 'values/children') }) },
      { label: 'the district\'s towns', in: ['admin'], request: () => ({ method: 'GET', url: values('district', 'values/children') }) },
    ],
    'GET /api/indicators/series': [
      { label: '春晖社区第2网格', in: ['admin', 'leader', 'dispatcher', 'handler', 'community'], request: () => ({ method: 'GET', url: `/api/indicators/series?code=closeRate&orgUnitId=${U('demoGrid2')}&from=2026-09-01&to=2026-11-30` }) },
      { label: '青杠村第1网格', in: ['admin'], request: () => ({ method: 'GET', url: `/api/indicators/series?code=closeRate&orgUnitId=${U('ruralGrid')}&from=2026-09-01&to=2026-11-30` }) },
    ],
  };
}
