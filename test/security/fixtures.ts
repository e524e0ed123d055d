import { expect } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { gridCentre } from '../support/places.ts';
import { demoCallers, type Caller, type DemoUser } from './support.ts';
import { caseViewers, PLACES, type Place } from './promises.ts';

/** A case this test file created, with where it is and what happened to it: the facts its promised viewers follow from. */
export interface KnownCase {
  id: string;
  label: string;
  place: Place;
  reporter: DemoUser | null;
  sentToDepartment: boolean;
  phone: string | null;
}

/** Unit ids by the codes the fixtures use. */
export const UNIT_CODES = {
  city: '500000000000', district: '500199000000', urbanTown: '500199001000', ruralTown: '500199101000',
  demoCommunity: '500199001001', jinxiaCommunity: '500199001002',
  demoGrid: PLACES.demoGrid.code, demoGrid2: PLACES.demoGrid2.code, jinxiaGrid: PLACES.jinxiaGrid.code, ruralGrid: PLACES.ruralGrid.code,
} as const;
export type UnitKey = keyof typeof UNIT_CODES;

/**
 * A seeded app with every demo account signed in and a registry of the cases the file creates, so that
 * who may see each case follows from the promises (promises.ts), not from the code under test.
 */
export interface World {
  t: TestApp;
  callers: Caller[];
  caller(name: 'anonymous' | DemoUser): Caller;
  unit: Record<UnitKey, string>;
  unitIdByCode: Map<string, string>;
  at: Record<Place, { lng: number; lat: number }>;
  known: Map<string, KnownCase>;
  viewersOf(id: string): Set<DemoUser>;
  /** the case ids a demo account is promised to see, among those the file created */
  visibleTo(who: DemoUser): Set<string>;
  inject(who: 'anonymous' | DemoUser, o: InjectOptions): Promise<LightMyRequestResponse>;
  report(who: DemoUser, place: Place, categoryCode: string, label: string, phone?: string): Promise<string>;
  /** registers a case created some other way (the public form) */
  register(k: KnownCase): void;
  /** a case action that must succeed */
  act(who: DemoUser, id: string, action: string, body?: Record<string, unknown>): Promise<void>;
  accountId(username: string): Promise<string>;
  postId(town: 'urbanTown' | 'ruralTown', code: string): Promise<string>;
  departmentId(name: string): Promise<string>;
}

export async function createWorld(): Promise<World> {
  const t = await createTestApp();
  const callers = await demoCallers(t);
  const rows = (await t.db.query<{ id: string; code: string; name: string }>('select id, code, name from org_units where code = any($1)', [Object.values(UNIT_CODES)])).rows;
  const unitIdByCode = new Map(rows.map((r) => [r.code, r.id]));
  const unit = Object.fromEntries(Object.entries(UNIT_CODES).map(([k, code]) => {
    const id = unitIdByCode.get(code);
    if (!id) throw new Error(`seed has no unit ${code}`);
    return [k, id];
  })) as Record<UnitKey, string>;
  // the names the promises use are the seed's names
  for (const p of Object.values(PLACES)) expect(rows.find((r) => r.code === p.code)?.name, p.code).toBe(p.name);
  const at = {} as Record<Place, { lng: number; lat: number }>;
  for (const [k, p] of Object.entries(PLACES) as [Place, (typeof PLACES)[Place]][]) at[k] = await gridCentre(t.db, p.code);

  const known = new Map<string, KnownCase>();
  const caller = (name: 'anonymous' | DemoUser) => callers.find((c) => c.name === name)!;
  const inject = (who: 'anonymous' | DemoUser, o: InjectOptions) => {
    const c = caller(who);
    return t.app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(c.token ? bearer(c.token) : {}) } });
  };
  const viewersOf = (id: string) => {
    const k = known.get(id);
    if (!k) throw new Error(`case ${id} was not created by this file`);
    return caseViewers(k.place, k.reporter, k.sentToDepartment);
  };
  const one = async <T>(sql: string, params: unknown[], what: string): Promise<T> => {
    const r = await t.db.query<{ id: T }>(sql, params);
    if (!r.rows[0]) throw new Error(`no ${what}`);
    return r.rows[0].id;
  };
  return {
    t, callers, caller, unit, unitIdByCode, at, known, viewersOf, inject,
    visibleTo: (who) => new Set([...known.keys()].filter((id) => viewersOf(id).has(who))),
    register: (k) => { known.set(k.id, k); },
    async report(who, place, categoryCode, label, phone) {
      const res = await inject(who, {
        method: 'POST', url: '/api/cases',
        payload: { categoryCode, description: `安全测试：${label}`, location: at[place], ...(phone ? { reporter: { name: '测试报告人', phone } } : {}) },
      });
      if (res.statusCode !== 201) throw new Error(`report as ${who}: ${res.statusCode} ${res.body}`);
      const id = res.json().id as string;
      known.set(id, { id, label, place, reporter: who, sentToDepartment: false, phone: phone ?? null });
      return id;
    },
    async act(who, id, action, body = {}) {
      const res = await inject(who, { method: 'POST', url: `/api/cases/${id}/actions/${action}`, payload: body });
      if (res.statusCode !== 200) throw new Error(`${action} by ${who} on ${known.get(id)?.label ?? id}: ${res.statusCode} ${res.body}`);
      const a = body.assignee as { departmentId?: string } | undefined;
      if (a?.departmentId) known.get(id)!.sentToDepartment = true;
    },
    accountId: (username) => one<string>('select id from accounts where username = $1', [username], `account ${username}`),
    postId: (town, code) => one<string>('select id from posts where town_id = $1 and code = $2', [unit[town], code], `post ${code}`),
    departmentId: (name) => one<string>('select id from departments where name = $1', [name], `department ${name}`),
  };
}

/** The three cases the department held, each left in a different way, plus one of its grid it never held. */
export interface DepartmentCases {
  /** sent to 区城市管理局 and still there */
  current: string;
  /** sent there, returned by the department, then dispatched to a post of the town */
  returned: string;
  /** sent there, then escalated away by the dispatcher */
  escalated: string;
  /** in the same grid, never sent to the department */
  never: string;
}

export const DEPARTMENT = '区城市管理局';

export async function departmentCases(w: World): Promise<DepartmentCases> {
  const department = { departmentId: await w.departmentId(DEPARTMENT) };
  const post = { postId: await w.postId('urbanTown', 'JJ-CSGX') };
  const sent = async (label: string, phone: string) => {
    const id = await w.report('dispatcher', 'jinxiaGrid', 'C0201', label, phone);
    await w.act('dispatcher', id, 'accept');
    await w.act('dispatcher', id, 'dispatch', { assignee: department, reason: '改派测试' });
    return id;
  };
  const current = await sent('路灯损坏，在区城市管理局', '13700000001');
  const returned = await sent('路灯损坏，区城市管理局退回', '13700000002');
  await w.act('department', returned, 'return', { reason: '不属于本部门' });
  await w.act('dispatcher', returned, 'dispatch', { assignee: post, reason: '部门退回，改派岗位' });
  const escalated = await sent('路灯损坏，已上报', '13700000003');
  await w.act('dispatcher', escalated, 'escalate', { reason: '需要区级协调' });
  const never = await w.report('dispatcher', 'jinxiaGrid', 'C0101', '井盖，未派区城市管理局', '13700000004');
  return { current, returned, escalated, never };
}
