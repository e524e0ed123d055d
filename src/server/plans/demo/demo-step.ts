import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Principal, HeldPost } from '../../platform/auth.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { territorialScope } from '../../../domain/identity/scope.ts';
import type { PlanBody, PlanLevel } from '../../../shared/plans.ts';
import type { ReadingPayload } from '../../../shared/devices.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import { WorkingCalendarCache, loadWorkingCalendar } from '../../calendar/calendar-cache.ts';
import type { IntakeServices } from '../../cases/report-case.ts';
import { reachOf } from '../../registry/reach.ts';
import { createPlace } from '../../registry/save-place-thing.ts';
import { findDemoAccount, type DemoAccount } from '../../registry/demo/demo-store.ts';
import { createDevice } from '../../devices/create-device.ts';
import { ReadingIngest } from '../../devices/ingest.ts';
import { createPlan, updatePlan, type PlanActor } from '../save-plan.ts';
import { activatePlan, type IncidentActor } from '../activate-plan.ts';
import { changeLevel } from '../change-level.ts';
import { standDown } from '../stand-down.ts';
import { checkStep } from '../check-step.ts';
import { DEMO_PLANS, FLOOD_PLAN, GEO_PLAN, HEAT_PLAN } from './demo-plans.ts';
import * as store from './demo-store.ts';

/*
 * 数字预案's demo: the town's five plans saved by its leader two months ago (the flood plan saved again after the
 * spring review), a water-level gauge on 跳蹬河 whose red alarm starts the flood plan by itself, and three incidents
 * made through the same commands as real use with the clock at each instant: the flood drill three weeks ago (raised to
 * Ⅲ级, every step ticked, stood down: its review is ready), last week's heat wave (stood down with a step left), and
 * today's rockfall at 双山 still active with some steps done. Steps are ticked by their posts' holders, so each tick
 * through hands the step's work order in, as it would on a phone.
 */

/** Fixed and published in README: demo only (a real device's token is random and shown once). */
export const DEMO_GAUGE = { id: 'demo-gauge-1', token: 'demo-gauge-token-not-secret', name: '跳蹬河春晖段水位计', serialNo: 'WLG-2026-0001' } as const;
const RIVER_PLACE = '跳蹬河春晖段水位监测点';

const IP = '127.0.0.1';
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** The instant of a Beijing wall-clock time `daysAgo` days before `now`. */
function beijingAt(now: Date, daysAgo: number, hh: number, mm: number): Date {
  const bj = now.getTime() + 8 * 60 * MIN;
  const dayStart = bj - (bj % DAY) - daysAgo * DAY;
  return new Date(dayStart + (hh * 60 + mm) * MIN - 8 * 60 * MIN);
}

function principalOf(a: DemoAccount, posts: HeldPost[] = []): Principal {
  return {
    accountId: a.id, username: a.username, name: a.name, kind: 'staff', roles: a.roles, scopeOrgUnitId: a.scope_org_unit_id,
    scopePath: territorialScope(a.roles, a.scope_path), homeOrgUnitId: null, posts,
    grids: a.grid_ids.map((grid_id) => ({ grid_id, team_role: 'fullTime' })), departmentIds: [], mustChangePassword: false, tokenHash: '',
  };
}
const incidentActor = (a: DemoAccount): IncidentActor => ({ accountId: a.id, name: a.name, scopePath: territorialScope(a.roles, a.scope_path), ip: IP });

export interface DemoPlansReport { plans: number; incidents: number; ticks: number; failures: string[] }

export const demoPlansStep: DemoStep = {
  name: 'plans',
  run: async ({ db, config, now, progress }) => {
    if (!demoSwitches(config).history) return null;
    const started = performance.now();
    progress?.('writing the demo town\'s emergency plans and replaying their drills and incidents (once)…');
    const report = await seedDemoPlans(db, { now, pii: new PiiCipher(loadPiiKey(config.dataDir)) });
    if (!report) return null;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${report.plans} plans, ${report.incidents} incidents, ${report.ticks} checklist ticks in ${seconds} s`
      + `${report.failures.length ? ` (${report.failures.length} refused: ${report.failures[0]})` : ''}`;
  },
};

export async function seedDemoPlans(db: Db, o: { now: Date; pii: PiiCipher }): Promise<DemoPlansReport | null> {
  const [leader, dispatcher, community, worker] = await Promise.all(
    ['leader', 'dispatcher', 'community', 'gridworker'].map((u) => findDemoAccount(db, u)));
  const gridId = worker?.grid_ids[0] ?? null;
  if (!leader || !dispatcher || !community || !gridId) return null;
  const town = await store.townOf(db, gridId);
  if (!town) return null;
  if ((await store.planIdsByName(db, town.id, DEMO_PLANS.map((p) => p.name))).size > 0) return null;
  const report: DemoPlansReport = { plans: 0, incidents: 0, ticks: 0, failures: [] };
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (e) {
      report.failures.push(`${what}: ${(e as Error).message}`);
      return null;
    }
  };

  // the plans, written by the leader two months ago; the flood plan's first version had no medical or rescue step
  const planActor = (at: Date): PlanActor => ({ accountId: leader.id, name: leader.name, scopePath: territorialScope(leader.roles, leader.scope_path)!, ip: IP, now: at });
  const written = beijingAt(o.now, 60, 10, 0);
  const ids = new Map<string, string>();
  for (const [n, body] of DEMO_PLANS.entries()) {
    const first: PlanBody = body === FLOOD_PLAN ? { ...body, steps: body.steps.filter((s) => s.key !== 'medical' && s.key !== 'rescue') } : body;
    const id = await attempt(`plan ${body.name}`, () => db.transaction((tx) => createPlan(tx, o.pii, { body: first, townId: town.id, note: '街道党工委会议审定' }, planActor(new Date(written.getTime() + n * 7 * MIN)))));
    if (id) { ids.set(body.name, id); report.plans++; }
  }
  const floodId = ids.get(FLOOD_PLAN.name);
  if (floodId) {
    await attempt('flood plan v2', () => db.transaction((tx) => updatePlan(tx, o.pii, floodId, {
      body: FLOOD_PLAN, version: 1, note: '汛前复盘：增加医疗救护组待命（Ⅱ级）和请求消防增援（Ⅰ级）两个步骤',
    }, planActor(beijingAt(o.now, 35, 15, 30)))));
  }

  // the gauge on 跳蹬河, installed by the community's staff two days ago, bound to the river's monitoring place; its
  // readings since (every 20 minutes, the river at 1–1.5 m) keep it online until the demo starts
  const river = await store.gridCentre(db, (await db.query<{ name: string }>('select name from org_units where id = $1', [gridId])).rows[0]!.name);
  const locator = new GridLocatorCache(db);
  if (river && !(await store.deviceExists(db, DEMO_GAUGE.id))) {
    const installedAt = beijingAt(o.now, 2, 10, 0);
    const reach = reachOf(principalOf(community));
    await attempt('gauge', () => db.transaction(async (tx) => {
      const placeId = await store.placeByName(tx, gridId, RIVER_PLACE) ?? await createPlace(tx, o.pii, locator, { reach, ip: IP, now: installedAt }, {
        kind: 'other', name: RIVER_PLACE, address: '跳蹬河春晖段河滨路桥下', location: { lng: river.lng, lat: river.lat }, gridId,
        note: '水位标尺零点高程 168.2 米；警戒水位 3.0 米，危险水位 3.5 米。',
      });
      await createDevice(tx, { reach, deviceEditor: true, ruleEditor: false, admin: false, ip: IP, now: installedAt }, {
        type: 'waterLevelGauge', name: DEMO_GAUGE.name, serialNo: DEMO_GAUGE.serialNo, binding: { kind: 'place', id: placeId },
      }, { id: DEMO_GAUGE.id, token: DEMO_GAUGE.token });
    }));
    const readings: ReadingPayload[] = [];
    for (let at = installedAt.getTime() + 5 * MIN, n = 0; at < o.now.getTime(); at += 20 * MIN, n++) {
      const level = 1.25 + 0.25 * Math.sin(n / 9) + ((n * 7) % 5) / 100;
      readings.push({ ts: new Date(at).toISOString(), messageId: `demo-gauge-${n}`, kind: 'event', key: 'waterLevel', value: Math.round(level * 100) / 100 });
    }
    const ingest = new ReadingIngest(db, { clock: () => o.now });
    try {
      if (await store.deviceExists(db, DEMO_GAUGE.id)) await attempt('gauge readings', () => ingest.submit(DEMO_GAUGE.id, readings));
    } finally {
      await ingest.close();
    }
  }

  const services: IntakeServices = { locator, pii: o.pii, calendar: new WorkingCalendarCache(db) };
  const calendar = await loadWorkingCalendar(db);
  const holders = await holdersOf(db, town.id);
  const clamp = (t: number) => new Date(Math.min(t, o.now.getTime() - MIN));

  /** Starts a plan at an instant; then ticks steps (every item, or the first `items`) at minutes after `at`. */
  const run = async (planName: string, s: {
    at: Date; level: PlanLevel; drill: boolean; reason: string; by: DemoAccount; where: { lng: number; lat: number } | null; address: string;
    ticks: { step: string; afterMin: number; items?: number }[];
    raise?: { afterMin: number; level: PlanLevel; reason: string; by: DemoAccount; ticks: { step: string; afterMin: number; items?: number }[] };
    standDown?: { afterMin: number; reason: string; by: DemoAccount };
  }) => {
    const planId = ids.get(planName);
    if (!planId || !s.where) return;
    const made = await attempt(`activate ${planName}`, () => activatePlan(db, services, {
      planId, level: s.level, reason: s.reason, drill: s.drill, location: s.where, address: s.address, actor: incidentActor(s.by),
    }, s.at));
    if (!made) return;
    report.incidents++;
    const body = (await db.query<{ snapshot: PlanBody }>('select snapshot from incidents where id = $1', [made.incidentId])).rows[0]!.snapshot;
    const tick = async (from: Date, t: { step: string; afterMin: number; items?: number }) => {
      const step = body.steps.find((x) => x.key === t.step);
      const role = body.roles.find((r) => r.key === step?.roleKey);
      if (!step || !role) return;
      const holder = (role.postCode && holders.get(role.postCode)) || null;
      const who = holder ? principalOf(holder.account, [holder.post]) : principalOf(s.by);
      const items = Math.min(t.items ?? step.checklist.length, step.checklist.length);
      for (let item = 0; item < items; item++) {
        // the items of a step ticked a few minutes apart, the last at the step's time
        const at = clamp(from.getTime() + (t.afterMin - (items - 1 - item) * 3) * MIN);
        if (at <= from) continue;
        const ok = await attempt(`tick ${planName} ${t.step}`, () => checkStep(db, calendar, made.incidentId, t.step, { item, checked: true }, who, IP, null, at));
        if (ok) report.ticks++;
      }
    };
    for (const t of s.ticks) await tick(s.at, t);
    if (s.raise) {
      const raisedAt = new Date(s.at.getTime() + s.raise.afterMin * MIN);
      await attempt(`raise ${planName}`, () => changeLevel(db, services, made.incidentId, { level: s.raise!.level, reason: s.raise!.reason }, incidentActor(s.raise!.by), raisedAt));
      for (const t of s.raise.ticks) await tick(raisedAt, t);
    }
    if (s.standDown) {
      const sd = s.standDown;
      await attempt(`stand down ${planName}`, () => standDown(db, o.pii, made.incidentId, sd.reason, incidentActor(sd.by), new Date(s.at.getTime() + sd.afterMin * MIN)));
    }
  };

  // three weeks ago: the flood drill before the rainy season, raised to Ⅲ级 halfway, every step done (one late)
  await run(FLOOD_PLAN.name, {
    at: beijingAt(o.now, 21, 9, 30), level: 'IV', drill: true, by: dispatcher, where: river, address: '跳蹬河春晖段河滨路桥下',
    reason: '汛前防汛演练：模拟跳蹬河春晖段水位超警戒（3.1 米）',
    ticks: [{ step: 'notify', afterMin: 7 }, { step: 'patrol', afterMin: 26 }, { step: 'warn', afterMin: 24 }],
    raise: {
      afterMin: 35, level: 'III', by: leader, reason: '模拟水位继续上涨至 3.6 米，超过危险水位',
      ticks: [{ step: 'close-road', afterMin: 38 }, { step: 'evacuate', afterMin: 72 }, { step: 'shelter', afterMin: 84 }, { step: 'report', afterMin: 105 }],
    },
    standDown: { afterMin: 150, by: leader, reason: '演练结束：各组按预案完成转移、安置和报告，转移环节超时 12 分钟，复盘时改进逐户通知分工。' },
  });

  // last week: a real heat wave, stood down when the warning ended with the outdoor-work check still open
  const heatGrid = await store.gridCentre(db, '锦霞社区第1网格');
  await run(HEAT_PLAN.name, {
    at: beijingAt(o.now, 7, 8, 40), level: 'IV', drill: false, by: leader, where: heatGrid, address: '春晖路街道全域',
    reason: '区气象台 08:20 发布高温橙色预警，未来三天最高气温 40℃ 以上',
    ticks: [{ step: 'publish', afterMin: 18 }, { step: 'cool-spots', afterMin: 95 }, { step: 'visit-alone', afterMin: 262 }, { step: 'outdoor', afterMin: 150, items: 1 }],
    standDown: { afterMin: 3 * 24 * 60 - 60, by: leader, reason: '区气象台解除高温橙色预警，纳凉点恢复日常开放。工地停工检查未完成，转日常巡查。' },
  });

  // today: rocks falling at 双山, started at Ⅲ级 three hours ago, the first steps done, the survey under way
  const geoGrid = await store.gridCentre(db, '双山社区第2网格');
  const geoAt = new Date(Math.min(o.now.getTime() - 3 * 60 * MIN, beijingAt(o.now, 0, 7, 50).getTime()));
  await run(GEO_PLAN.name, {
    at: geoAt, level: 'III', drill: false, by: dispatcher, where: geoGrid, address: '双山社区后山危岩带坡脚',
    reason: '群测群防员报告：双山危岩带裂缝由 2 厘米扩大到 5 厘米，夜间有掉块',
    ticks: [{ step: 'report', afterMin: 11 }, { step: 'cordon', afterMin: 27 }, { step: 'evacuate', afterMin: 58 }, { step: 'monitor', afterMin: 70, items: 1 }],
  });
  return report;
}

/** The A holder of each of the town's posts (with the post as the holder's principal carries it). */
async function holdersOf(db: Db, townId: string): Promise<Map<string, { account: DemoAccount; post: HeldPost }>> {
  const r = await db.query<DemoAccount & { post_id: string; code: string; post_name: string; board_name: string }>(
    `select a.id, a.username, a.name, a.roles, a.scope_org_unit_id, s.path as scope_path, '{}'::text[] as grid_ids,
            p.id as post_id, p.code, p.name as post_name, b.name as board_name
       from posts p join boards b on b.id = p.board_id join accounts a on a.id = p.a_holder_id
       left join org_units s on s.id = a.scope_org_unit_id
      where p.town_id = $1 and p.retired_at is null and a.disabled_at is null`, [townId]);
  return new Map(r.rows.map((x) => [x.code, {
    account: { id: x.id, username: x.username, name: x.name, roles: x.roles, scope_org_unit_id: x.scope_org_unit_id, scope_path: x.scope_path, grid_ids: [] },
    post: { id: x.post_id, code: x.code, name: x.post_name, town_id: townId, board_name: x.board_name, holder: 'A' as const },
  }]));
}
