import type { Db } from '../../platform/db/db.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import type { Principal } from '../../platform/auth.ts';
import { territorialScope } from '../../../domain/identity/scope.ts';
import type { DeviceBindingKind, Rule } from '../../../shared/devices.ts';
import type { CaseAction } from '../../../shared/cases.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import { WorkingCalendarCache, loadWorkingCalendar } from '../../calendar/calendar-cache.ts';
import type { IntakeServices } from '../../cases/report-case.ts';
import { applyCaseAction } from '../../cases/apply-case-action.ts';
import { findCase } from '../../cases/store.ts';
import { Cast, type CastMember } from '../../cases/demo/demo-cast.ts';
import { reachOf } from '../../registry/reach.ts';
import { findDemoAccount, type DemoAccount } from '../../registry/demo/demo-store.ts';
import { dispatchAlarms } from '../../alarms/dispatch-alarms.ts';
import { escalateAlarms } from '../../alarms/escalate-alarms.ts';
import { acknowledgeAlarm, type AlarmActor } from '../../alarms/acknowledge-alarm.ts';
import { clearAlarm } from '../../alarms/clear-alarm.ts';
import { createDevice } from '../create-device.ts';
import { ReadingIngest } from '../ingest.ts';
import { fireDueDeadlines } from '../fire-deadlines.ts';
import type { DeviceActor } from '../presenters.ts';
import { DEMO_DEVICES, planDemoReadings, type DemoDeviceKey, type DemoRuleNumbers, type DemoStory, type PlannedReading } from './readings-plan.ts';
import * as store from './demo-store.ts';

/*
 * The demo's sensors: one device of each kind in the demo grid worker's grid, registered by the community's staff three
 * weeks ago, then everything they sent since through the reading ingest with the clock at each reading's time; the
 * alarms the rules raised went through the alarm clock's own steps (care order, notification, escalation), were
 * answered by the grid worker and their care orders walked through the case loop by whoever the lifecycle lets act.
 */

const IP = '127.0.0.1';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface DemoDevicesReport {
  devices: number;
  readings: number;
  alarms: number;
  careOrdersClosed: number;
  tasks: number;
  /** commands refused or failed (none expected: kept to see it when a rule or command changes) */
  failures: string[];
}

function principalOf(a: DemoAccount): Principal {
  return {
    accountId: a.id, username: a.username, name: a.name, kind: 'staff', roles: a.roles, scopeOrgUnitId: a.scope_org_unit_id,
    scopePath: territorialScope(a.roles, a.scope_path), homeOrgUnitId: null, posts: [],
    grids: a.grid_ids.map((grid_id) => ({ grid_id, team_role: 'fullTime' })), departmentIds: [], mustChangePassword: false, tokenHash: '',
  };
}

const alarmActor = (a: DemoAccount): AlarmActor => ({
  accountId: a.id, name: a.name, username: a.username, scopePath: territorialScope(a.roles, a.scope_path), ip: IP,
});

/** The numbers of the rules the stories play out (the profiles' as configured, else the defaults). */
function ruleNumbers(door: readonly Rule[], band: readonly Rule[]): DemoRuleNumbers {
  const inactivity = door.find((r) => r.kind === 'inactivity' && r.enabled);
  const low = band.find((r) => r.kind === 'threshold' && r.enabled && r.key === 'heartRate' && (r.op === '<' || r.op === '<='));
  return {
    doorAfterSec: inactivity?.kind === 'inactivity' ? inactivity.afterSec : 24 * 3600,
    heartLow: low?.kind === 'threshold' ? low.value : 45,
    heartForSec: low?.kind === 'threshold' ? low.forSec : 120,
  };
}

/** What the people did after each story's alarm: what the care order's handler wrote, and how long each step took. */
const STORY_NOTES: Record<DemoStory['kind'], { done: string; clear: string; arriveMin: number; doneMin: number }> = {
  doorInactivity: {
    done: '与老人女儿一同开门入户，老人在卫生间摔倒无法起身，意识清醒；已扶起并联系社区医生上门检查，无骨折，女儿留下陪护。',
    clear: '已入户，老人摔倒后无法起身，已处置，家属陪护。', arriveMin: 24, doneMin: 70,
  },
  heartRateLow: {
    done: '到场时老人意识模糊、心率约 40 次/分，已拨打 120 并联系派出所开道，随车送至区人民医院急诊，家属已到医院。',
    clear: '已送医，家属在院陪护。', arriveMin: 16, doneMin: 95,
  },
};

export async function seedDemoDevices(db: Db, o: { now: Date; seed: number; pii: PiiCipher }): Promise<DemoDevicesReport | null> {
  const worker = await findDemoAccount(db, 'gridworker');
  const staff = await findDemoAccount(db, 'community');
  const gridId = worker?.grid_ids[0] ?? null;
  if (!worker || !staff || !gridId) return null;
  if ((await store.existingDevices(db, DEMO_DEVICES.map((d) => d.id))).length > 0) return null;
  const subjects = await store.findDemoSubjects(db, gridId);
  const bindings: Record<DemoDeviceKey, { kind: DeviceBindingKind; id: string | null }> = {
    door: { kind: 'household', id: subjects.aloneHousehold },
    band: { kind: 'resident', id: subjects.heartResident },
    smoke: { kind: 'place', id: subjects.place },
    gas: { kind: 'household', id: subjects.gasHousehold },
    water: { kind: 'household', id: subjects.waterHousehold },
  };
  // no registry in the grid (the registry's demo did not run): nothing to bind to
  if (!bindings.door.id) return null;

  const numbers = ruleNumbers(await store.profileRules(db, 'platform-door-magnet'), await store.profileRules(db, 'platform-wristband'));
  const plan = planDemoReadings(o.seed, o.now, numbers);
  const report: DemoDevicesReport = { devices: 0, readings: 0, alarms: 0, careOrdersClosed: 0, tasks: 0, failures: [] };

  // registered by the community's staff on the morning they were installed
  const installer: DeviceActor = {
    reach: reachOf(principalOf(staff)), deviceEditor: true, ruleEditor: false, admin: false, ip: IP, now: plan.installedAt,
  };
  const made = new Set<DemoDeviceKey>();
  for (const spec of DEMO_DEVICES) {
    const binding = bindings[spec.key];
    if (!binding.id) continue;
    try {
      await db.transaction((tx) => createDevice(tx, installer, {
        type: spec.type, name: spec.name, serialNo: spec.serialNo, binding: { kind: binding.kind, id: binding.id! },
      }, { id: spec.id, token: spec.token }));
      made.add(spec.key);
      report.devices++;
    } catch (e) {
      report.failures.push(`create ${spec.id}: ${(e as Error).message}`);
    }
  }
  const idOf = (key: DemoDeviceKey) => DEMO_DEVICES.find((d) => d.key === key)!.id;
  const readings = plan.readings.filter((r) => made.has(r.device));

  const intake: IntakeServices = { locator: new GridLocatorCache(db), pii: o.pii, calendar: new WorkingCalendarCache(db) };
  const calendar = await loadWorkingCalendar(db);
  let clock = plan.installedAt;
  const ingest = new ReadingIngest(db, { clock: () => clock });
  let cast: Cast | null = null;

  /** Stores the readings before `until`, a day at a time, every device's in one go, the clock at the last one's time. */
  let next = 0;
  const feedUntil = async (until: Date) => {
    while (next < readings.length && readings[next]!.at < until) {
      const dayEnd = Math.min(until.getTime(), readings[next]!.at.getTime() + DAY);
      const chunk: PlannedReading[] = [];
      while (next < readings.length && readings[next]!.at.getTime() < dayEnd) chunk.push(readings[next++]!);
      clock = chunk[chunk.length - 1]!.at;
      const byDevice = new Map<DemoDeviceKey, PlannedReading[]>();
      for (const r of chunk) byDevice.set(r.device, [...(byDevice.get(r.device) ?? []), r]);
      const outcomes = await Promise.all([...byDevice].map(([key, rs]) => ingest.submit(idOf(key), rs.map((r) => r.payload))));
      for (const x of outcomes) report.readings += x.stored;
    }
  };

  const act = async (caseId: string, action: CaseAction, at: Date, candidates: readonly (CastMember | null)[], note?: string): Promise<boolean> => {
    const row = await findCase(db, caseId, null);
    if (!row) return false;
    cast ??= await Cast.load(db, row.town_id);
    const by = cast.firstAllowed(row, action, candidates);
    if (!by) return false;
    await applyCaseAction(db, caseId, { action, version: row.version, ...(note ? { note } : {}) }, by.actor, by.viewer, by.name, at, calendar);
    return true;
  };

  /** One story: the alarm at its instant, its care order, a round of escalation, the grid worker's answer, the loop closed. */
  const play = async (story: DemoStory) => {
    clock = story.raiseAt;
    await fireDueDeadlines(db, story.raiseAt);
    const alarm = await store.latestAlarm(db, idOf(story.device));
    if (!alarm || alarm.status !== 'active') throw new Error(`no ${story.kind} alarm was raised at ${story.raiseAt.toISOString()}`);
    report.alarms++;
    const raised = story.raiseAt.getTime();
    await dispatchAlarms(db, intake, new Date(raised + 3000), [alarm.id]);
    // nobody answered within the first step's window: the escalation's next round goes out
    const dispatched = await store.latestAlarm(db, idOf(story.device));
    let ackAt = raised + 4 * MIN;
    if (dispatched?.next_escalation_at) {
      await escalateAlarms(db, dispatched.next_escalation_at);
      ackAt = dispatched.next_escalation_at.getTime() + 2 * MIN;
    }
    const caseId = dispatched?.case_id;
    if (!caseId) throw new Error(`the ${story.kind} alarm opened no care order`);
    const notes = STORY_NOTES[story.kind];
    cast ??= await Cast.load(db, (await findCase(db, caseId, null))!.town_id);
    const w = cast.named('gridworker'), community = cast.named('community'), dispatcher = cast.named('dispatcher');
    const triage = [w, community, dispatcher];
    // taken in at once (the order is red and urgent), whoever may: the grid's tier takes it in the grid or the community
    if (!(await act(caseId, 'accept_dispatch', new Date(raised + 90_000), triage))) {
      await act(caseId, 'accept', new Date(raised + 90_000), triage);
      await act(caseId, 'dispatch', new Date(raised + 120_000), triage);
    }
    const acknowledged = await store.latestAlarm(db, idOf(story.device));
    await acknowledgeAlarm(db, acknowledged!.id, acknowledged!.version, alarmActor(worker), new Date(ackAt));
    const arrived = Math.max(ackAt + MIN, raised + notes.arriveMin * MIN);
    const handlers = async () => [w, ...cast!.workersOf((await findCase(db, caseId, null))?.assignee ?? null), community];
    await act(caseId, 'start', new Date(arrived), await handlers());
    const done = raised + notes.doneMin * MIN;
    await act(caseId, 'report_done', new Date(done), await handlers(), notes.done);
    const toClear = await store.latestAlarm(db, idOf(story.device));
    await clearAlarm(db, toClear!.id, toClear!.version, notes.clear, alarmActor(worker), new Date(done + MIN));
    // checked the next morning by the community, or the dispatcher when the community handled it itself
    if (await act(caseId, 'verify', new Date(done + 3 * HOUR), [community, dispatcher], '已电话回访家属，情况属实，处置到位。')) report.careOrdersClosed++;
  };

  try {
    for (const story of [...plan.stories].sort((a, b) => a.raiseAt.getTime() - b.raiseAt.getTime())) {
      if (!made.has(story.device)) continue;
      await feedUntil(story.raiseAt);
      try {
        await play(story);
      } catch (e) {
        report.failures.push(`${story.kind}: ${(e as Error).message}`);
      }
    }
    await feedUntil(o.now);
    // up to now: the water-leak sensor silent since two days is offline, a maintenance task for the grid worker
    clock = o.now;
    const fired = await fireDueDeadlines(db, o.now);
    report.alarms += fired.alarmIds.length;
    const run = await dispatchAlarms(db, intake, o.now, fired.alarmIds);
    report.tasks += run.taskIds.length;
  } finally {
    await ingest.close();
  }
  return report;
}
