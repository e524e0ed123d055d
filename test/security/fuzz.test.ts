import { hashPassword } from '../../src/server/identity/password-hash.ts';
import { DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ACCESS_MATRIX, mayCall, ruleFor } from '../../src/server/platform/access-matrix.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { PLATFORM_STANDING_DUTIES } from '../../src/domain/tasks/standing-duties.ts';
import { makeJpeg } from '../support/images.ts';
import { accountWorkbook, XLSX } from '../support/workbooks.ts';
import { demoCallers, openApiOperations, unitIds, type Caller, type Operation } from './support.ts';
import {
  HOSTILE_NUMBERS, NUMBER_LITERALS, apply, authHeaders, checkAnswer, describeReq, jsonWithLiteral, mutations, numericFields, toInject,
  untouchedPrototype, type Mutation, type Req,
} from './hostile-input.ts';

/**
 * Bad input against every operation of the OpenAPI document, in three parts:
 *  1. every query and path parameter, and every numeric body field, with every hostile number (1e999,
 *     Infinity, NaN, -0, 1e400, 2^53 + 1, …), the rest of the request valid;
 *  2. random hostile mutations generated from each operation's schemas (hostile-input.ts), from a new seed each run;
 *  3. requests at once: the same photo five times, the same report, accept, matter, login; one of every operation.
 * Any 5xx, any error body not in the API's shape or carrying a stack, path or SQL, or a touched
 * Object.prototype fails the test, with the request that caused it.
 *
 * The seed is printed first; replay a failure with
 *   FUZZ_SEED=<seed> node node_modules/vitest/vitest.mjs run test/security/fuzz.test.ts
 * FUZZ_RUNS sets the random requests per operation, FUZZ_BUDGET_MS the time each operation may take for them.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31 - 1);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 1000);
console.info(`fuzz seed ${SEED} — replay with FUZZ_SEED=${SEED} node node_modules/vitest/vitest.mjs run test/security/fuzz.test.ts`);

let t: TestApp;
let ops: Operation[];
let callers: Caller[];
let u: Awaited<ReturnType<typeof unitIds>>;
let here: { lng: number; lat: number };
let photo: { hash: string; url: string };
let tracked: { number: string; phone: string };
let caseId: string;
let accountToFuzz: string;
let postToFuzz: string;
let boardToFuzz: string;
let workerToFuzz: string;

const SSE = 'GET /api/events';
/** these hash passwords (memory-hard, on purpose slow): fewer random runs */
const SLOW = ['POST /api/auth/logout', 'POST /api/auth/login', 'POST /api/auth/password', 'POST /api/accounts', 'POST /api/accounts/{id}/reset-password', 'POST /api/accounts/import', 'POST /api/auth/register', 'GET /api/accounts/import-template',
  // a grid file's import re-validates and re-indexes every polygon: one request can pass 1 s on a loaded machine
  'POST /api/org-units/grids/import'];
const keyOf = (o: Operation) => `${o.method} ${o.path}`;
const who = (name: string) => callers.find((c) => c.name === name)!;

// ---- the valid request each operation starts from -----------------------------------------------

/** Who calls: an account the product lets in (the least privileged that still reaches the handler). */
const PREFERENCE = ['dispatcher', 'leader', 'auditor', 'security', 'admin', 'gridworker', 'handler', 'community', 'department', 'resident'] as const;
function callerFor(o: Operation): Caller {
  const rule = ruleFor(o.method, o.path);
  if (!rule) throw new Error(`${keyOf(o)} has no access matrix entry`);
  if (rule.callers === 'public') return who('anonymous');
  const special: Record<string, string> = { 'POST /api/matters': 'leader', 'PUT /api/matters/{code}': 'leader', 'POST /api/matters/{code}/retire': 'leader' };
  return who(special[keyOf(o)] ?? PREFERENCE.find((n) => mayCall(rule, who(n).roles))!);
}

async function baseRequest(o: Operation, c: Caller): Promise<Req> {
  const key = keyOf(o);
  const signed = new URL(photo.url, 'http://x');
  const pathParams: Record<string, string> = {
    id: o.path.startsWith('/api/cases') ? caseId : o.path.startsWith('/api/accounts') ? accountToFuzz : o.path.startsWith('/api/posts') ? postToFuzz : u.demoGrid, action: 'accept', code: 'C0101', hash: photo.hash, number: tracked.number, year: '2031', kind: 'residents',
  };
  if (key === 'POST /api/matters/{code}/retire') pathParams.code = 'F9001';
  // a registry person who is not there (404), for the routes that name one
  pathParams.residentId ??= u.demoGrid;
  // a points account: the caller's own
  pathParams.subject ??= 'me';
  // a grid whose team holds no account, so no replacement of it moves a case
  if (key === 'PUT /api/org-units/{id}/team') pathParams.id = u.ruralGrid;
  // 体征指标 (issue 17): a standard indicator (its target is set; editing it is refused 422)
  if (o.path.startsWith('/api/indicators/{code}')) pathParams.code = 'closeRate';
  const query: Record<string, string | string[]> = {};
  for (const p of (o.op.parameters ?? []).filter((x) => x.in === 'query' && x.required)) {
    query[p.name] = { rootId: u.demoCommunity, lng: String(here.lng), lat: String(here.lat), exp: signed.searchParams.get('exp')!, sig: signed.searchParams.get('sig')!, phone: tracked.phone, orgUnitId: u.urbanTown, week: '2026-W50', categoryCode: 'C0101', kind: 'residents', drill: 'false', level: 'grid', indicator: 'closeRate', period: '2026-11', code: 'closeRate', from: '2026-11-01', to: '2026-11-30',
      format: 'xlsx', bbox: `${here.lng - 0.005},${here.lat - 0.005},${here.lng + 0.005},${here.lat + 0.005}` }[p.name] ?? 'x';
  }
  const fuzzPlan = {
    name: '模糊预案', hazard: 'flood', matterCode: 'S0302', summary: '', levels: ['IV'], triggers: [{ kind: 'manual' }],
    roles: [{ key: 'c', name: '指挥', postCode: 'PA-YJGL', backupAccountIds: [] }],
    steps: [{ key: 's', title: '巡查', roleKey: 'c', dueOffsetMin: 0, fromLevel: 'IV', checklist: [] }],
    resources: [{ key: 'r', kind: 'supply', name: '沙袋', quantity: 1, unit: '袋', location: here, address: null, contactName: null, contactPhone: '13800003333' }],
    notice: { event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '模糊', description: '模糊', instruction: '模糊', areaDesc: '模糊', expiresAfterH: 1 },
  };
  const matter = { name: '模糊测试事项', class: '测试', list: 'basic', tier: 'town', postCode: 'JJ-CSGX', departmentName: null, sla: { acceptMin: 5, handleH: 24 } };
  const bodies: Record<string, unknown> = {
    'POST /api/auth/login': { username: 'town1-leader1', password: 'demo1234' },
    'POST /api/auth/register/code': { phone: '13700009999' },
    'POST /api/auth/register': { phone: '13700009998', code: '123456', name: '模糊居民', password: 'fuzz2026!', address: '1 栋 1 单元', location: here },
    'POST /api/auth/password': { currentPassword: 'demo1234', newPassword: 'demo1234' },
    'POST /api/org-units': { parentId: u.urbanTown, level: 'community', code: '500199001199', name: '模糊测试社区' },
    'PATCH /api/org-units/{id}': { name: '春晖社区第1网格' },
    // the demo grid to its own community: refused (SAME_PARENT), so no mutation of it moves the grid the others use
    'POST /api/org-units/{id}/move': { parentId: u.demoCommunity },
    'PUT /api/org-units/{id}/boundary': { geometry: { type: 'Polygon', coordinates: [[[106.5, 29.48], [106.501, 29.48], [106.501, 29.481], [106.5, 29.48]]] } },
    'POST /api/org-units/{id}/boundary-preview': { geometry: { type: 'Polygon', coordinates: [[[106.5, 29.48], [106.501, 29.48], [106.501, 29.481], [106.5, 29.48]]] } },
    'POST /api/org-units/grids/import': { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { code: '500199001001001', name: '春晖社区第1网格', communityCode: '500199001001' } }] },
    'POST /api/matters': { code: 'F9002', ...matter },
    'PUT /api/matters/{code}': matter,
    'POST /api/cases': { categoryCode: 'C0101', description: '模糊测试', location: here, address: '春晖路1号', reporter: { name: '测试', phone: '13800001111' } },
    'POST /api/cases/{id}/actions/{action}': { version: 1, reason: '模糊测试', note: '备注' },
    'POST /api/public/cases': { categoryCode: 'C0101', description: '模糊测试', location: here, reporter: { phone: '13800002222' } },
    'PUT /api/working-calendar/{year}': { source: '模糊测试通知', holidays: ['2031-01-01'], workdays: ['2031-01-04'] },
    'PUT /api/org-units/{id}/team': { members: [{ teamRole: 'volunteer', name: '模糊测试志愿者', phone: '13800001111' }] },
    'POST /api/posts': { boardId: boardToFuzz, code: 'ZH-FZ01', name: '模糊测试岗', special: true },
    'PATCH /api/posts/{id}': { name: '模糊测试岗' },
    'PUT /api/posts/{id}/holders': { a: null, b: null },
    'PUT /api/duty-roster': { version: 0, slots: [{ date: '2026-12-07', shift: 'day', accountIds: [] }] },
    'POST /api/accounts': { username: 'fuzz.gw', name: '模糊测试', phone: '13800001111', roles: ['gridWorker'], scopeOrgUnitId: u.demoGrid, postIds: [] },
    'PATCH /api/accounts/{id}': { name: '模糊测试', phone: '13800001111', roles: ['handler'], scopeOrgUnitId: u.ruralTown },
    // the registry (issue 11): records in the demo grid, named by gridId or found by location
    'POST /api/registry/residents': { name: '模糊居民', idNumber: '11010519491231002X', phone: '13800001111', gridId: u.demoGrid, tags: ['elderly_alone'] },
    'PATCH /api/registry/residents/{id}': { version: 1, note: '模糊测试' },
    'POST /api/registry/residents/{id}/leave': { reason: 'movedAway' },
    'POST /api/registry/residents/{id}/reveal': { field: 'phone' },
    'POST /api/registry/households': { address: '春晖路1号', gridId: u.demoGrid },
    'PATCH /api/registry/households/{id}': { version: 1, note: '模糊测试' },
    'POST /api/registry/buildings': { name: '模糊测试楼', location: here, units: 1, floors: 3, roomsPerFloor: 2 },
    'PATCH /api/registry/buildings/{id}': { version: 1, note: '模糊测试' },
    'POST /api/registry/places': { kind: 'shop', name: '模糊测试店', location: here, contactPhone: '13800001111' },
    'PATCH /api/registry/places/{id}': { version: 1, note: '模糊测试' },
    'POST /api/registry/places/{id}/reveal': {},
    'POST /api/registry/things': { kind: 'manhole', name: '模糊测试井盖', location: here, riskLevel: 'low', inspectionEveryDays: 30 },
    'PATCH /api/registry/things/{id}': { version: 1, note: '模糊测试' },
    'POST /api/registry/things/{id}/inspections': { inspectedOn: '2026-11-01', result: 'normal' },
    'POST /api/registry/hazards': { buildingId: u.demoGrid, foundOn: '2026-11-01', description: '模糊测试隐患' },
    'PATCH /api/registry/hazards/{id}': { version: 1, status: 'resolved' },
    // the duty catalogs (issue 12)
    'POST /api/duty-catalog/admissions': { level: 'grid', item: { name: '模糊测试事项', listType: 'assisting', basis: '《模糊测试条例》第一条', department: '区城市管理局', dutyCode: 'D3', minutesPerVisit: 20 }, reason: '模糊测试', burden: 2 },
    'POST /api/duty-catalog/admissions/{id}/approve': { note: '同意' },
    'POST /api/duty-catalog/admissions/{id}/refuse': { note: '不予准入' },
    'PATCH /api/duty-catalog/items/{id}': { version: 1, name: '模糊测试', basis: '《模糊测试条例》第二条' },
    'POST /api/duty-catalog/items/{id}/retire': { version: 1, reason: '模糊测试' },
    'PUT /api/standing-duties': { version: 0, duties: PLATFORM_STANDING_DUTIES.map(({ kind: _, ...d }) => d) },
    // the daily generation run by hand, and staff absences (issue 12)
    'POST /api/tasks/generate': { orgUnitId: u.urbanTown, day: '2026-11-24' },
    'POST /api/absences': { accountId: workerToFuzz, from: '2026-12-20', to: '2026-12-21', reason: '模糊测试' },
    // tasks, visits and campaigns (issue 12)
    'POST /api/tasks/{id}/complete': { note: '模糊测试', photos: [photo.hash] },
    'POST /api/tasks': { orgUnitId: u.demoGrid, title: '模糊测试任务', dueOn: '2026-12-31' },
    'POST /api/task-campaigns': { title: '模糊测试宣传', content: '模糊测试', material: [photo.hash], gridIds: [u.demoGrid], startsOn: '2026-11-24', dueOn: '2026-12-31' },
    'POST /api/visits': { subject: { kind: 'household', id: u.demoGrid }, at: '2026-11-23T08:00:00+08:00', location: { ...here, accuracy: 10 }, findings: '模糊测试', photos: [photo.hash] },
    'POST /api/visits/{id}/case': { categoryCode: 'C0101', description: '模糊测试' },
    // alarms (issue 13)
    'POST /api/alarms/{id}/acknowledge': { version: 1 },
    'POST /api/alarms/{id}/clear': { version: 1, note: '模糊测试' },
    'POST /api/webhooks': { name: '模糊合作方', url: 'https://partner.invalid/hook', alarmTypes: ['*'], active: false },
    'PUT /api/webhooks/{id}': { name: '模糊合作方', url: 'https://partner.invalid/hook', alarmTypes: ['*'], active: false, version: 1 },
    // 数字预案 (issue 14): a valid plan of the caller's town; changes to a plan that is not there (404)
    'POST /api/plans': { body: fuzzPlan },
    'PUT /api/plans/{id}': { body: fuzzPlan, version: 1, note: '模糊测试' },
    'POST /api/plans/{id}/retire': { reason: '模糊测试' },
    'POST /api/plans/{id}/activate': { level: 'IV', reason: '模糊测试', location: here },
    'POST /api/incidents/{id}/level': { level: 'III', reason: '模糊测试' },
    'POST /api/incidents/{id}/stand-down': { reason: '模糊测试' },
    'POST /api/incidents/{id}/steps/{stepKey}/checks': { item: 0, checked: true },
    'POST /api/plan-suggestions/{id}/dismiss': { reason: '模糊测试' },
    // 矛盾纠纷 (issue 15): a valid dispute of the demo grid; changes to a dispute that is not there (404)
    'POST /api/disputes/classes': { code: '90', name: '模糊类别', subclasses: [{ name: '模糊子类' }] },
    'PUT /api/disputes/classes/{code}': { name: '模糊类别', subclasses: [{ name: '模糊子类' }] },
    'POST /api/disputes': { classCode: '02', subclassCode: '02-01', parties: [{ role: 'applicant', name: '模糊甲', phone: '13800001111' }, { role: 'respondent', name: '模糊乙' }], description: '模糊测试纠纷', location: here, address: '春晖路1号' },
    'POST /api/disputes/{id}/actions/push': { unitKind: 'policeStation', unitName: '模糊派出所', dueDays: 3, note: '模糊测试' },
    'POST /api/disputes/{id}/actions/reply': { referralId: 'x', text: '模糊回复', done: false },
    'POST /api/disputes/{id}/actions/litigate': { court: '模糊法院', courtCaseNumber: '（2026）模0001号' },
    'POST /api/disputes/{id}/actions/change-tier': { tier: 'joint', reason: '模糊测试' },
    'POST /api/disputes/{id}/actions/assess-risk': { factors: { threats: false, groupSize: 2, amountYuan: null, note: null } },
    'POST /api/disputes/{id}/actions/close': { reason: '模糊测试' },
    'POST /api/disputes/{id}/actions/reopen': { description: '模糊测试', reason: '模糊测试' },
    'POST /api/disputes/{id}/mediations': { at: '2026-11-23T08:00:00+08:00', place: '调解室', mediator: { kind: 'peopleMediator', name: '模糊调解员' }, attendees: [{ name: '模糊甲', partySeq: 1 }], statements: [{ partySeq: 1, said: '模糊陈述' }], agreed: '模糊', terms: ['模糊条款'], outcome: 'resolved' },
    'POST /api/disputes/{id}/actions/follow-up': { at: '2026-11-23T08:00:00+08:00', method: 'phone', holds: true, note: '模糊回访' },
    'POST /api/disputes/{id}/actions/attach-signed': { mediationId: 'x', fileHash: photo.hash },
    'POST /api/disputes/sweeps': { title: '模糊排查', dueOn: '2026-11-30', note: '模糊', townId: u.urbanTown },
    'POST /api/disputes/sweeps/{id}/reports': { gridId: u.demoGrid, noneFound: true, note: '模糊' },
    // the indicators job (issue 17): a recompute of the day the test clock stands on
    'POST /api/indicators/recompute': { from: '2026-11-23', to: '2026-11-23' },
    // 大综合一体化执法 (issue 15): a valid matter of the city's admin, a patrol case of the demo grid; steps of a case that is not there (404)
    'POST /api/enforcement/matters': {
      code: 'ZF-FUZZ-01', name: '模糊事项', category: '市容环境卫生', source: 'empowered', delegatedBy: '区城市管理局',
      violationBasis: { law: '《模糊条例》', article: '第一条', text: '模糊' }, penaltyBasis: { law: '《模糊条例》', article: '第二条', text: '模糊' },
      loopCategoryCodes: ['E0401'], facts: [{ key: 'first', label: '首次', kind: 'boolean' }, { key: 'area', label: '面积', kind: 'number', unit: '平方米', min: 0, max: 100 }],
      benchmarks: [{ key: 'general', name: '一般', conditions: [{ fact: 'area', op: 'lte', value: 10 }], penalty: { kinds: ['warning', 'fine'], minYuan: 50, maxYuan: 200 }, description: '模糊' }],
    },
    'POST /api/enforcement/cases': { matterCode: 'ZF-SR-001', facts: { areaSqm: 2, firstOffence: true, correctedAtOnce: false }, subject: { kind: 'person', name: '模糊当事人', phone: '13800001111' }, description: '模糊测试', location: here, address: '春晖路1号' },
    'POST /api/enforcement/cases/{id}/actions/update-facts': { facts: { areaSqm: 2, firstOffence: true, correctedAtOnce: false } },
    'POST /api/enforcement/cases/{id}/actions/add-evidence': { kind: 'statement', text: '模糊笔录', note: '模糊', takenAt: '2026-11-23T08:00:00+08:00', lng: here.lng, lat: here.lat },
    'POST /api/enforcement/cases/{id}/actions/confirm-band': { benchmarkKey: 'light', penalty: { kind: 'fine', fineYuan: 60 }, departureReason: '模糊' },
    'POST /api/enforcement/cases/{id}/actions/review': { approved: true, opinion: '模糊' },
    'POST /api/enforcement/cases/{id}/actions/decide': {},
    'POST /api/enforcement/cases/{id}/actions/pay': { receiptNo: 'FZ-1', amountYuan: 60 },
    'POST /api/enforcement/cases/{id}/actions/execute': { note: '模糊' },
    'POST /api/enforcement/cases/{id}/actions/close': { note: '模糊' },
    'POST /api/enforcement/cases/{id}/actions/drop': { reason: '模糊' },
    // joint inspections (issue 15): checklists that are not there (422), results of an inspection that is not there (404)
    'POST /api/enforcement/inspections': { subjectName: '模糊商铺', address: '春晖路1号', location: here, plannedOn: '2026-11-25', checklistIds: ['x', 'y'], inspectorIds: [] },
    'POST /api/enforcement/inspections/{id}/results': { results: [{ checklistId: 'x', items: [{ result: 'ok', note: '模糊测试' }] }], findings: '模糊测试' },
    'POST /api/alerts': { platform: 'fuzz-ai', type: 'fire.smoke', level: 'red', location: here, text: '模糊告警', externalId: 'fuzz-1' },
    'POST /api/alert-platforms': { id: 'fuzz-ai', name: '模糊平台', orgUnitId: u.urbanTown, typeMatters: { 'fire.smoke': 'S0201' } },
    'PUT /api/alert-platforms/{id}': { name: '模糊平台', orgUnitId: u.urbanTown, typeMatters: {}, active: true, version: 1 },
    'POST /api/alert-platforms/{id}/key': { version: 1 },
    // devices (issue 13): a binding the fuzzer's caller does not have (422), changes to a device that is not there (404)
    'POST /api/devices': { type: 'doorMagnet', binding: { kind: 'household', id: u.demoGrid }, name: '模糊门磁', serialNo: 'FZ-1' },
    'PATCH /api/devices/{id}': { version: 1, name: '模糊门磁' },
    'POST /api/devices/{id}/retire': { version: 1 },
    'POST /api/devices/{id}/readings': { ts: '2026-11-23T09:00:00+08:00', key: 'door', value: 'open', battery: 80 },
    'PUT /api/device-profiles/{id}/rules': { version: 1, rules: [], escalation: { steps: [{ notify: ['gridWorker'], afterMin: 0 }], repeatEveryMin: 5 } },
    'POST /api/device-profiles/{id}/rules/preview': { deviceId: u.demoGrid, rules: [] },
    // party members (issue 16): a post of the demo grid; commitments and stars of a person who is not there (404)
    'POST /api/volunteers/party-posts': { orgUnitId: u.demoGrid, name: '模糊微阵地', address: '春晖路1号', location: here },
    'PUT /api/volunteers/party-members/{residentId}/commitments': { year: 2026, postId: null, commitments: ['模糊承诺'] },
    'POST /api/volunteers/party-members/{residentId}/stars': { year: 2026, stars: 4, note: '模糊' },
    // matters, councils, proposals and help (issue 16): a matter at the demo grid; records that are not there (404)
    'POST /api/participation/matters': { title: '模糊事项', description: '模糊测试', location: here },
    'POST /api/participation/matters/{id}/actions/class': { class: 'private', reason: '模糊' },
    'POST /api/participation/matters/{id}/actions/reclass': { class: 'private', reason: '模糊' },
    'PUT /api/councils/{id}': { partyOrg: '模糊党小组', leaderName: null },
    'POST /api/proposals': { councilId: 'x', title: '模糊议题', body: '模糊测试' },
    'POST /api/proposals/{id}/comments': { body: '模糊留言' },
    'POST /api/proposals/{id}/rating': { stars: 4 },
    'POST /api/proposals/{id}/actions/decide': { decision: '模糊', ownerName: '模糊' },
    'POST /api/proposals/{id}/actions/reject': { reason: '模糊' },
    'POST /api/proposals/{id}/actions/start': {},
    'POST /api/proposals/{id}/actions/report-result': { result: '模糊' },
    'POST /api/proposals/{id}/actions/send-up': { reason: '模糊' },
    'POST /api/help-requests': { title: '模糊求助', description: '模糊测试' },
    'POST /api/help-requests/{id}/actions/take': {},
    'POST /api/help-requests/{id}/actions/done': { note: '模糊' },
    'POST /api/help-requests/{id}/actions/cancel': { reason: '模糊' },
    // meetings, votes and ideas (issue 16): a council, meeting, motion or idea that is not there (404); an idea of the caller's town
    'POST /api/meetings': { councilId: 'x', kind: 'online', title: '模糊议事', startsAt: '2026-11-23T19:00:00+08:00', endsAt: '2026-11-23T21:00:00+08:00', proposalIds: [] },
    'POST /api/meetings/{id}/actions/{action}': { reason: '模糊' },
    'PUT /api/meetings/{id}/minutes': { minutes: '模糊纪要' },
    'POST /api/meetings/{id}/attendance': {},
    'POST /api/meetings/{id}/comments': { body: '模糊留言' },
    'POST /api/meetings/{id}/motions': { title: '模糊表决', rules: { unit: 'person', electorate: 'residents', quorum: { kind: 'count', value: 1 }, passShare: 0.5, secret: false }, closesAt: '2026-11-30T08:00:00+08:00' },
    'POST /api/meetings/{id}/votes': { motionId: 'x', choice: 'for' },
    'POST /api/ideas': { title: '模糊金点子', body: '模糊测试', category: 'other' },
    'POST /api/ideas/top': { quarter: '2026Q3' },
    'POST /api/ideas/{id}/actions/{action}': { accepted: true, note: '模糊' },
    // 微积分 points (issue 16): a rule set of the caller's community; awards, reversals and assessments of what is not there (404)
    // 一表通 (issue 17): a form of the caller's town; a change of one with its version
    'POST /api/reports/forms': { name: '模糊报表', rowKind: 'children', periodKind: 'month', columns: [{ indicatorCode: 'closeRate' }] },
    'PUT /api/reports/forms/{id}': { name: '模糊报表', rowKind: 'children', periodKind: 'month', columns: [{ indicatorCode: 'closeRate' }], version: 1 },
    // 线上通报 (issue 17): a bulletin of the demo community's grids
    'POST /api/rankings/bulletins': { level: 'grid', period: '2026-11', parentId: u.demoCommunity },
    // 三级五星评价 (issue 17): the town's grid rule (the default's items), October's ratings; appeals and answers of what is
    // not there (404); a review of a department that is not there (404)
    'PUT /api/ratings/rules': { version: 0, thresholds: [90, 80, 70, 60, 50], vetoes: [], items: [{ indicatorCode: 'closeRate', weight: 50, full: 95, zero: 60 }, { indicatorCode: 'satisfiedRate', weight: 50, full: 98, zero: 70 }] },
    'POST /api/ratings/compute': { level: 'grid', period: '2026-10' },
    'POST /api/ratings/publish': { level: 'grid', period: '2026-10' },
    'POST /api/ratings/{id}/appeal': { reason: '模糊申诉' },
    'POST /api/ratings/appeals/{id}/answer': { decision: 'rejected', answer: '模糊答复' },
    'POST /api/ratings/departments': { period: '2026-10', departmentId: 'x', scores: { timeliness: 5, quality: 5, cooperation: 5 }, comment: '模糊' },
    // 体征指标 (issue 17): a town's own indicator of the caller's town; a standard one's target
    'POST /api/indicators': { code: 'fuzzOwn', nameZh: '模糊指标', board: 'center', unit: 'percent', direction: 'higher', formula: { kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue'], scale: 100 }, target: 90, warnBand: 5 },
    'PUT /api/indicators/{code}': { nameZh: '模糊指标', board: 'center', unit: 'count', direction: 'higher', formula: { kind: 'count', measures: ['casesAccepted'] }, version: 1 },
    'POST /api/indicators/{code}/archive': { version: 1 },
    'PUT /api/indicators/{code}/target': { orgUnitId: u.urbanTown, target: 90, warnBand: 5 },
    'PUT /api/points/rules': { version: 0, rules: [{ code: 'fuzz', name: '模糊细则', kind: 'base', points: 5, subjectKind: 'household' }] },
    'POST /api/points/awards': { subject: { householdId: 'x' }, ruleCode: 'fuzz', eventRef: '模糊' },
    'POST /api/points/transactions/{id}/reverse': { reason: '模糊' },
    'POST /api/points/assessments': { period: '2026-11', householdId: 'x', items: [{ ruleCode: 'fuzz', claimed: true }] },
    'POST /api/points/assessments/{id}/peer-review': { items: [{ ruleCode: 'fuzz', claimed: true, peer: true }] },
    'POST /api/points/assessments/{id}/approve': { items: [{ ruleCode: 'fuzz', claimed: true, approved: true }] },
    'POST /api/points/assessments/{id}/return': { note: '模糊' },
    // 积分超市 and 志愿服务 (issue 16): goods of the caller's scope; redemptions, teams and activities of what is not there (404)
    'POST /api/points/goods': { orgUnitId: u.demoGrid, name: '模糊商品', pricePoints: 5, stock: 3 },
    'PUT /api/points/goods/{id}': { version: 1, stock: 3 },
    'POST /api/points/redemptions': { goodsId: 'x', qty: 1 },
    'POST /api/points/redemptions/pickup': { pickupCode: '123456' },
    'POST /api/points/redemptions/{id}/cancel': { reason: '模糊' },
    'POST /api/volunteers/teams': { orgUnitId: u.demoGrid, colour: 'red' },
    'POST /api/analytics/projects': { communityId: u.demoCommunity, name: '矩阵' },
    'PUT /api/analytics/projects/{id}': { version: 1, name: '矩阵' },
    'POST /api/analytics/projects/{id}/actions/{action}': { note: '矩阵' },
    'POST /api/analytics/projects/{id}/cases': { caseIds: ['x'] },
    'POST /api/volunteers/teams/{id}/members': { residentId: 'x' },
    'POST /api/volunteers/activities': { orgUnitId: u.demoGrid, kind: 'activity', title: '模糊活动', place: '春晖路1号', startsAt: '2026-11-25T09:00:00+08:00', endsAt: '2026-11-25T11:00:00+08:00' },
    'POST /api/volunteers/activities/{id}/sign-up': {},
    'POST /api/volunteers/activities/{id}/check-in': { token: 'x' },
    'POST /api/volunteers/activities/{id}/check-out': {},
    'POST /api/volunteers/activities/{id}/actions': { action: 'cancel' },
  };
  let body: unknown = bodies[key];
  let rawBody: Buffer | null = null;
  let contentType: string | null = null;
  if (key === 'POST /api/files' || key === 'POST /api/public/files') { rawBody = await makeJpeg(16, 16); contentType = 'image/jpeg'; body = undefined; }
  if (key === 'POST /api/registry/imports') { rawBody = Buffer.from('姓名,身份证号,住址\n模糊导入,11010519491231002X,春晖路1号\n', 'utf8'); contentType = 'text/csv'; }
  if (key === 'POST /api/accounts/import') { rawBody = await accountWorkbook([['fuzz.imp', '模糊导入', '', '网格员', DEMO_GRID, '']]); contentType = XLSX; }
  if (body === undefined && rawBody === null && o.op.requestBody) throw new Error(`${key}: no valid body to start from`);
  // logout revokes the token it is called with, a password change may end the account's sessions: each such
  // request gets a session of its own, of an account no other request uses
  const token = key === 'POST /api/auth/logout' ? await t.login('town1-leader4')
    : key === 'POST /api/auth/password' ? await freshPasswordSession() : c.token;
  return {
    method: o.method, path: o.path, pathParams, query, rawQuery: null, rawPath: {}, headers: token ? bearer(token) : {},
    body, rawBody, contentType,
  };
}

/**
 * A session of the account whose password the fuzzer changes: a mutated body may set a new password that passes the
 * policy, and wrong current passwords count as failed sign-ins, so its password and failures are put back first.
 */
async function freshPasswordSession(): Promise<string> {
  demoHash ??= await hashPassword(DEMO_PASSWORD);
  await t.db.query(`update accounts set password_hash = $1 where username = 'town1-leader3'`, [demoHash]);
  await t.db.query(`delete from login_failures where username = 'town1-leader3'`);
  return t.login('town1-leader3');
}
let demoHash: string | undefined;

async function send(o: InjectOptions): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within 15 s: ${describeReq(o)}`)), 15_000); });
  try { return await Promise.race([t.app.inject(o), timeout]); } finally { clearTimeout(timer); }
}

/** Sends the requests `width` at a time; returns every problem with the request that caused it. */
async function sendAll(reqs: InjectOptions[], width: number): Promise<{ problems: string[]; answers: LightMyRequestResponse[] }> {
  const problems: string[] = [];
  const answers: LightMyRequestResponse[] = [];
  for (let i = 0; i < reqs.length; i += width) {
    const batch = reqs.slice(i, i + width);
    const got = await Promise.all(batch.map(send));
    got.forEach((res, j) => {
      answers.push(res);
      const problem = checkAnswer(res, batch[j]);
      if (problem) problems.push(`${problem}\n    request: ${describeReq(batch[j]!)}`);
    });
  }
  return { problems, answers };
}

const byOperation = () => ACCESS_MATRIX.map((r) => `${r.method} ${r.path}`);
const op = (key: string) => {
  const o = ops.find((x) => keyOf(x) === key);
  if (!o) throw new Error(`${key} is not in the OpenAPI document`);
  return o;
};

beforeAll(async () => {
  t = await createTestApp();
  ({ ops } = await openApiOperations(t));
  callers = await demoCallers(t);
  u = await unitIds(t);
  here = await gridCentre(t.db, DEMO_GRID);
  const gw = who('gridworker');
  const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(gw.token!), 'content-type': 'image/jpeg' }, payload: await makeJpeg(32, 32) });
  photo = up.json();
  const k = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(gw.token!), payload: { categoryCode: 'C0101', description: '模糊测试底稿', location: here } });
  caseId = k.json().id;
  accountToFuzz = (await t.db.query<{ id: string }>(`select id from accounts where username = 'town2-leader2'`)).rows[0]!.id;
  workerToFuzz = (await t.db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
  // a post no case is assigned to, and the board to add posts to
  postToFuzz = (await t.db.query<{ id: string }>(`select id from posts where town_id = $1 and code = 'DJ-QTGZ'`, [u.urbanTown])).rows[0]!.id;
  boardToFuzz = (await t.db.query<{ id: string }>(`select id from boards where town_id = $1 and code = 'ZH'`, [u.urbanTown])).rows[0]!.id;
  const m = await t.app.inject({ method: 'POST', url: '/api/matters', headers: bearer(who('leader').token!), payload: { code: 'F9001', name: '待撤销', class: '测试', list: 'basic', tier: 'town', postCode: 'JJ-CSGX', sla: { acceptMin: 5 } } });
  expect(m.statusCode).toBe(201);
  const pub = await t.app.inject({ method: 'POST', url: '/api/public/cases', remoteAddress: '10.78.0.1', payload: { categoryCode: 'C0101', description: '匿名', location: here, reporter: { phone: '13800001111' } } });
  tracked = { number: pub.json().number, phone: '13800001111' };
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('every parameter and numeric field, with every hostile number', () => {
  it('covers every operation of the OpenAPI document with an access matrix entry', () => {
    expect(ops.length).toBe(ACCESS_MATRIX.length);
    for (const o of ops) expect(ruleFor(o.method, o.path), keyOf(o)).toBeDefined();
  });

  it.each(byOperation().filter((k) => k !== SSE))('%s', async (key) => {
    const o = op(key);
    const c = callerFor(o);
    const reqs: InjectOptions[] = [];
    for (const p of (o.op.parameters ?? []).filter((x) => x.in === 'query' || x.in === 'path')) {
      for (const value of HOSTILE_NUMBERS) {
        const r = await baseRequest(o, c);
        if (p.in === 'query') r.query[p.name] = value;
        else r.rawPath[p.name] = encodeURIComponent(value);
        reqs.push(toInject(r));
      }
    }
    const base = await baseRequest(o, c);
    if (base.body !== undefined && base.rawBody === null) {
      for (const path of numericFields(o.op.requestBody?.content['application/json']?.schema, base.body)) {
        for (const literal of NUMBER_LITERALS) {
          reqs.push(toInject({ ...(await baseRequest(o, c)), rawBody: jsonWithLiteral(base.body, path, literal), contentType: 'application/json' }));
        }
      }
    }
    const started = Date.now();
    // reads eight at once; writes one by one, so that a failure names its value (races have tests of their own below)
    const { problems } = await sendAll(reqs, o.method === 'GET' ? 8 : 1);
    console.info(`${key} as ${c.name}: ${reqs.length} hostile numbers in ${Date.now() - started} ms`);
    expect(problems.slice(0, 10), `${key}: ${problems.length} of ${reqs.length} answers wrong`).toEqual([]);
  });
});

describe(`random hostile input (FUZZ_SEED=${SEED})`, () => {
  it.each(byOperation())('%s', async (key) => {
    const o = op(key);
    const c = callerFor(o);
    // An SSE answer never ends: the stream is fuzzed through its refusals only (a bad token on every request).
    const arb = key === SSE
      ? fc.tuple(authHeaders(c.token).filter((a) => !c.token || !a.endsWith(c.token)).map((value): Mutation => ({ kind: 'header', name: 'authorization', value })),
        fc.array(mutations(o, null), { maxLength: 2 })).map(([a, rest]) => [...rest, a])
      : fc.array(mutations(o, c.token), { minLength: 1, maxLength: 3 });
    const slow = SLOW.includes(key);
    let sent = 0;
    const statuses = new Map<number, number>();
    const started = Date.now();
    try {
      await fc.assert(fc.asyncProperty(arb, async (ms) => {
        const req = toInject(apply(await baseRequest(o, c), ms));
        const res = await send(req);
        sent++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const problem = checkAnswer(res, req);
        if (problem) throw new Error(`${problem}\n  request: ${describeReq(req)}`);
      }), { seed: SEED, numRuns: slow ? Math.min(RUNS, 6) : RUNS, endOnFailure: true, interruptAfterTimeLimit: slow ? Math.max(BUDGET_MS, 2500) : BUDGET_MS, markInterruptAsFailure: false });
    } catch (e) {
      const cause = (e as Error).cause instanceof Error ? `\n${((e as Error).cause as Error).message}` : '';
      throw new Error(`${key} as ${c.name} (FUZZ_SEED=${SEED}): ${(e as Error).message.slice(0, 1500)}${cause.slice(0, 3000)}`);
    }
    const spread = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    console.info(`${key} as ${c.name}: ${sent} requests in ${Date.now() - started} ms (${spread})`);
    expect(sent).toBeGreaterThan(0);
  });

  it('batches of random hostile requests to random operations, eight at once', async () => {
    const fuzzable = ops.filter((o) => keyOf(o) !== SSE && !SLOW.includes(keyOf(o)));
    const picks = fc.sample(fc.constantFrom(...fuzzable).chain((o) =>
      fc.array(mutations(o, callerFor(o).token), { minLength: 1, maxLength: 3 }).map((ms) => [o, ms] as const)), { seed: SEED, numRuns: 96 });
    const reqs: InjectOptions[] = [];
    for (const [o, ms] of picks) reqs.push(toInject(apply(await baseRequest(o, callerFor(o)), ms)));
    const { problems } = await sendAll(reqs, 8);
    expect(problems.slice(0, 10), `${problems.length} of ${reqs.length} answers wrong`).toEqual([]);
  });
});

describe('requests at once', () => {
  const jpegUpload = (body: Buffer, c: Caller | null, i: number): InjectOptions => ({
    method: 'POST', url: c ? '/api/files' : '/api/public/files', payload: body, remoteAddress: `10.79.${i}.${i}`,
    headers: { 'content-type': 'image/jpeg', ...(c?.token ? bearer(c.token) : {}) },
  });

  it('the same photo five times at once: by one account, by five accounts, anonymously, and mixed', async () => {
    const uploaders = ['gridworker', 'resident', 'dispatcher', 'handler', 'community'].map(who);
    const rounds: [string, (body: Buffer) => InjectOptions[]][] = [
      ['one account', (b) => [0, 1, 2, 3, 4].map((i) => jpegUpload(b, who('gridworker'), i))],
      ['five accounts', (b) => uploaders.map((c, i) => jpegUpload(b, c, i))],
      ['anonymous', (b) => [0, 1, 2, 3, 4].map((i) => jpegUpload(b, null, i))],
      ['mixed', (b) => [jpegUpload(b, null, 1), jpegUpload(b, who('resident'), 2), jpegUpload(b, null, 3), jpegUpload(b, who('gridworker'), 4), jpegUpload(b, null, 5)]],
    ];
    for (const [i, [label, make]] of rounds.entries()) {
      const body = await makeJpeg(120 + i, 90, '#aa3355');
      const { problems, answers } = await sendAll(make(body), 5);
      expect(problems, label).toEqual([]);
      expect(answers.map((a) => a.statusCode).filter((s) => s !== 201 && s !== 200), label).toEqual([]);
      expect(new Set(answers.map((a) => a.json().hash)).size, `${label}: one hash`).toBe(1);
    }
  });

  it('five identical requests at once, for every read', async () => {
    const reads = ops.filter((o) => o.method === 'GET' && keyOf(o) !== SSE);
    for (const o of reads) {
      const r = await baseRequest(o, callerFor(o));
      const { problems, answers } = await sendAll([0, 1, 2, 3, 4].map(() => toInject(r)), 5);
      expect(problems, keyOf(o)).toEqual([]);
      expect(new Set(answers.map((a) => a.statusCode)).size, `${keyOf(o)}: ${answers.map((a) => a.statusCode).join(' ')}`).toBe(1);
    }
  });

  it('one valid request of every operation at once', async () => {
    const reqs: InjectOptions[] = [];
    for (const o of ops.filter((x) => keyOf(x) !== SSE)) reqs.push(toInject(await baseRequest(o, callerFor(o))));
    const { problems } = await sendAll(reqs, reqs.length);
    expect(problems).toEqual([]);
  });

  it('one report sent five times at once with the same Idempotency-Key makes one case', async () => {
    const gw = who('gridworker');
    const payload = { categoryCode: 'C0101', description: '同时重试的报告', location: here };
    const req = { method: 'POST' as const, url: '/api/cases', payload, headers: { ...bearer(gw.token!), 'idempotency-key': `same-${SEED}` } };
    const { problems, answers } = await sendAll([0, 1, 2, 3, 4].map(() => req), 5);
    expect(problems).toEqual([]);
    const ok = answers.filter((a) => a.statusCode < 300);
    expect(ok.length, answers.map((a) => `${a.statusCode} ${a.body.slice(0, 80)}`).join(' | ')).toBeGreaterThan(0);
    expect(new Set(ok.map((a) => a.json().id)).size, 'one case').toBe(1);
    expect(ok.filter((a) => a.statusCode === 201).length).toBeLessThanOrEqual(1);
  });

  it('one anonymous report sent five times at once with the same Idempotency-Key makes one case', async () => {
    const payload = { categoryCode: 'C0101', description: '匿名同时重试', location: here, reporter: { phone: '13800003333' } };
    const reqs = [0, 1, 2, 3, 4].map((i) => ({ method: 'POST' as const, url: '/api/public/cases', payload, remoteAddress: `10.80.0.${i}`, headers: { 'idempotency-key': `anon-${SEED}` } }));
    const { problems, answers } = await sendAll(reqs, 5);
    expect(problems).toEqual([]);
    const ok = answers.filter((a) => a.statusCode < 300);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((a) => a.json().number)).size, 'one case').toBe(1);
  });

  it('five accepts of one case at once: one succeeds, the others are refused as conflicts', async () => {
    const k = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(who('gridworker').token!), payload: { categoryCode: 'C0101', description: '同时受理', location: here } });
    const req = { method: 'POST' as const, url: `/api/cases/${k.json().id}/actions/accept`, payload: { version: 1 }, headers: bearer(who('dispatcher').token!) };
    const { problems, answers } = await sendAll([0, 1, 2, 3, 4].map(() => req), 5);
    expect(problems).toEqual([]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
  });

  it('one matter created five times at once: one 201, the others 409', async () => {
    const req = {
      method: 'POST' as const, url: '/api/matters', headers: bearer(who('leader').token!),
      payload: { code: 'F9003', name: '同时新建', class: '测试', list: 'basic', tier: 'town', postCode: 'JJ-CSGX', sla: { acceptMin: 5 } },
    };
    const { problems, answers } = await sendAll([0, 1, 2, 3, 4].map(() => req), 5);
    expect(problems).toEqual([]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('five updates of one matter at once: each applied in turn or refused as a conflict', async () => {
    const req = {
      method: 'PUT' as const, url: '/api/matters/C0102', headers: bearer(who('leader').token!),
      payload: { name: '同时修改', class: '测试', list: 'basic', tier: 'town', postCode: 'JJ-CSGX', sla: { acceptMin: 5, handleH: 24 } },
    };
    const { problems, answers } = await sendAll([0, 1, 2, 3, 4].map(() => req), 5);
    expect(problems).toEqual([]);
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 200 && s !== 409)).toEqual([]);
  });

  it('five sign-ins of one account at once', async () => {
    const login = { method: 'POST' as const, url: '/api/auth/login', payload: { username: 'town1-leader2', password: 'demo1234' } };
    const { problems, answers } = await sendAll([0, 1, 2, 3, 4].map(() => login), 5);
    expect(problems).toEqual([]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('afterwards', () => {
  it('the server is healthy and the prototype untouched', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
    expect(untouchedPrototype()).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(who('dispatcher').token!) });
    expect(me.statusCode).toBe(200);
  });
});
