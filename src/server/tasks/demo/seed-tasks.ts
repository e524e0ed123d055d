import { pinyin } from 'pinyin-pro';
import type { Db, Tx } from '../../platform/db/db.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import type { Principal } from '../../platform/auth.ts';
import { territorialScope } from '../../../domain/identity/scope.ts';
import { dateOfDayNumber, dayNumberOfDate, isWorkingDay, shanghaiDate, type WorkingCalendar } from '../../../domain/sla/working-calendar.ts';
import { addDays, mondayOf, workingDaysAfter } from '../../../domain/tasks/deadlines.ts';
import { loadWorkingCalendar, WorkingCalendarCache } from '../../calendar/calendar-cache.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import { findTownByCode } from '../../org/town-store.ts';
import { listTeam } from '../../org/store.ts';
import { saveTeam } from '../../org/save-team.ts';
import { createAccount } from '../../identity/create-account.ts';
import { drawDemoPhoto, storeDemoPhotos } from '../../files/demo-photos.ts';
import { uploadFile } from '../../files/upload-file.ts';
import type { BlobStore } from '../../files/blob-store.ts';
import { reachOf as registryReachOf } from '../../registry/reach.ts';
import { inspectThing } from '../../registry/save-place-thing.ts';
import { Random } from '../../cases/demo/random.ts';
import { generateTasksForTown } from '../generate-tasks.ts';
import { completeTask, type TaskActorCtx } from '../complete-task.ts';
import { recordVisit } from '../record-visit.ts';
import { reportVisitCase } from '../report-visit-case.ts';
import { createAdHocTask } from '../create-task.ts';
import { pushCampaign } from '../push-campaign.ts';
import { recordAbsence } from '../absence-record.ts';
import { taskReachOf } from '../task-reach.ts';
import * as store from './demo-store.ts';
import * as text from './texts.ts';

/** 春晖路街道, the demo town (the same as the case history's, the registry's and the catalogs'). */
const DEMO_TOWN_CODE = '500199001000';
const MINUTE = 60_000;
const IP = '127.0.0.1';

export interface DemoTasksOptions {
  /** the end of the history: the lists look as if they had been worked until this instant */
  now: Date;
  seed: number;
  /** days of history before today (default 31: not a whole number of weeks, so the first day's backlog and its fortnightly echo fall before today) */
  days?: number;
  blobs: BlobStore;
  pii: PiiCipher;
}

export interface DemoTasksReport {
  days: number;
  generated: number;
  visits: number;
  far: number;
  ticks: number;
  cases: number;
  /** of the step's time, the daily generation's (ms) */
  generationMs: number;
  /** commands refused or failed (none expected: kept to see it when the tasks' rules change) */
  failures: string[];
}

/** An instant of a Shanghai day. */
const at = (day: string, hour: number, minute = 0) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/** The account as a signed-in session would present it to the commands. */
function principalOf(a: store.DemoAccount): Principal {
  return {
    accountId: a.id, username: a.username, name: a.name, kind: 'staff', roles: a.roles, scopeOrgUnitId: a.scope_org_unit_id,
    scopePath: territorialScope(a.roles, a.scope_path), homeOrgUnitId: null, posts: [],
    grids: a.grid_ids.map((grid_id) => ({ grid_id, team_role: 'fullTime' })), departmentIds: [], mustChangePassword: false, tokenHash: '',
  };
}

const actor = (a: store.DemoAccount, now: Date): TaskActorCtx => ({ reach: taskReachOf(principalOf(a)), ip: IP, now });

/** The working day on or before `day`. */
function workingDayOnOrBefore(day: string, calendar: WorkingCalendar): string {
  let d = day;
  while (!isWorkingDay(d, calendar)) d = addDays(d, -1);
  return d;
}

/** A point `metres` from (lng, lat) in a random direction. */
function near(r: Random, lng: number, lat: number, metres: number): { lng: number; lat: number } {
  const angle = r.between(0, 2 * Math.PI);
  const dLat = (metres * Math.cos(angle)) / 111_320;
  const dLng = (metres * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { lng: Number((lng + dLng).toFixed(6)), lat: Number((lat + dLat).toFixed(6)) };
}

function findingsFor(r: Random, tags: readonly string[]): string {
  if (tags.some((t) => t.startsWith('elderly_')) && r.chance(0.75)) return r.pick(text.ELDERLY_FINDINGS);
  if (tags.some((t) => t.startsWith('child_')) && r.chance(0.75)) return r.pick(text.CHILD_FINDINGS);
  if (tags.some((t) => ['disabled', 'subsistence', 'extreme_poverty'].includes(t)) && r.chance(0.75)) return r.pick(text.SUPPORT_FINDINGS);
  return r.pick(text.GENERAL_FINDINGS);
}

/** How a worker works a list: actions a day at most, the chance to take a task due later, and to leave one for good. */
interface Habit { perDay: number; early: number; stuck: number }

interface Worker { account: store.DemoAccount; habit: Habit; r: Random; stuck: Set<string> }

/**
 * The demo town's 照单履职 over the last month, made the way real use makes them: each day's generation for 春晖路街道
 * at 00:05 of that day, then the demo grids' workers working their lists in working hours through the same commands
 * as the phone (visits at the household's building — a few far from it, flagged — with short findings and now and then
 * a photo, three findings reported as cases; risk points inspected in the registry and ticked; building checks, sweeps,
 * verifications and the campaign ticked with notes), the community's staff covering grids without a worker now and
 * then, a campaign the town pushed two weeks ago, a "+1" from the community yesterday and a worker of the grid beside on
 * sick leave last week with his tasks handed over. Some tasks stay undone, so today's list holds overdue work.
 * Deterministic for a seed and `now` (ids aside); adds nothing to a town that has tasks.
 */
export async function seedDemoTasks(db: Db, o: DemoTasksOptions): Promise<DemoTasksReport | null> {
  const town = await findTownByCode(db, DEMO_TOWN_CODE);
  if (!town || (await store.townHasTasks(db, town.id))) return null;
  let gw = await store.findAccount(db, 'gridworker');
  let community = await store.findAccount(db, 'community');
  const dispatcher = await store.findAccount(db, 'dispatcher');
  const security = await store.findAccount(db, 'security');
  if (!gw?.grid_ids[0] || !community?.scope_org_unit_id || !community.scope_path || !dispatcher || !security?.scope_path) return null;
  const mainGridId = gw.grid_ids[0];
  const communityGrids = await store.gridsOfCommunity(db, community.scope_org_unit_id);
  const second = communityGrids.find((g) => g.id !== mainGridId && g.level === 'grid');
  if (!second) return null;

  const calendar = await loadWorkingCalendar(db);
  const today = shanghaiDate(o.now);
  const days = o.days ?? 31;
  const first = addDays(today, -days);
  const random = new Random(o.seed).fork('tasks');
  const report: DemoTasksReport = { days: 0, generated: 0, visits: 0, far: 0, ticks: 0, cases: 0, generationMs: 0, failures: [] };

  // the grid beside gets its full-time worker's account (made by the security administrator) and the community's staff
  // member as its grid leader (the team saved by her), before the first list: so it has a worker who can be away
  const setupDay = addDays(first, -3);
  const worker2 = await staffSecondGrid(db, o.pii, { security, community, grid: second, townPath: town.path, now: at(setupDay, 10) });
  gw = (await store.findAccount(db, 'gridworker'))!;
  community = (await store.findAccount(db, 'community'))!;

  const pool = await storeDemoPhotos(db, o.blobs, ['people'], 3, gw.id);
  const visitPhotos = pool.get('people')!.before;
  const poster = (await uploadFile(db, o.blobs, await drawDemoPhoto('poster', 2, false), dispatcher.id)).hash;
  const services = { locator: new GridLocatorCache(db), pii: o.pii, calendar: new WorkingCalendarCache(db) };

  // the days things happen on
  const lastWorkingDay = workingDayOnOrBefore(addDays(today, -1), calendar);
  const campaignDay = workingDayOnOrBefore(addDays(today, -14), calendar);
  const absenceFrom = mondayOf(addDays(today, -7));
  const absenceTo = addDays(absenceFrom, 2);
  const workingDays: string[] = [];
  for (let n = dayNumberOfDate(first); n <= dayNumberOfDate(today); n++) if (isWorkingDay(dateOfDayNumber(n), calendar)) workingDays.push(dateOfDayNumber(n));
  // three findings become cases: on the worker's 8th-, 4th- and 2nd-last working day
  const caseDays = new Map([8, 4, 2].flatMap((k, i) => (workingDays.length > k ? [[workingDays[workingDays.length - 1 - k]!, i] as const] : [])));

  const workers: Worker[] = [
    { account: gw, habit: { perDay: 16, early: 0.5, stuck: 0.012 }, r: random.fork('gridworker'), stuck: new Set() },
    ...(worker2 ? [{ account: worker2, habit: { perDay: 10, early: 0.3, stuck: 0.02 }, r: random.fork('worker2'), stuck: new Set<string>() }] : []),
    { account: community, habit: { perDay: 4, early: 0.2, stuck: 0 }, r: random.fork('community'), stuck: new Set() },
  ];
  const coverRandom = random.fork('cover');

  for (let n = dayNumberOfDate(first); n <= dayNumberOfDate(today); n++) {
    const day = dateOfDayNumber(n);
    const generatedAt = at(day, 0, 5);
    if (generatedAt >= o.now) break;
    const started = performance.now();
    const made = await generateTasksForTown(db, town.id, day, generatedAt, { calendar });
    report.generationMs += performance.now() - started;
    report.generated += made.created;
    report.days++;
    if (!isWorkingDay(day, calendar)) continue;

    if (day === absenceFrom && worker2) {
      await attempt(report, `absence on ${day}`, () => recordAbsence(db, {
        scopePath: community.scope_path!, actor: { actorId: community.id, actorName: community.username, ip: IP }, now: at(day, 8, 10),
      }, { accountId: worker2.id, from: absenceFrom, to: absenceTo, reason: '病假' }, null));
    }
    if (day === campaignDay) {
      const others = (await store.gridsOfOtherCommunities(db, town.path, community.scope_org_unit_id!)).slice(0, 2);
      const gridIds = [...communityGrids.filter((g) => g.level === 'grid'), ...others].map((g) => g.id);
      await attempt(report, `campaign on ${day}`, () => db.transaction((tx) => pushCampaign(tx, actor(dispatcher, at(day, 9, 30)), calendar, {
        title: text.CAMPAIGN.title, content: text.CAMPAIGN.content, material: [poster], gridIds, startsOn: day, dueOn: workingDaysAfter(day, 5, calendar),
      }, null)));
    }

    for (const w of workers) {
      if (w.account.id === worker2?.id && absenceFrom <= day && day <= absenceTo) continue;
      const end = day === today ? o.now : at(day, 17, 40);
      const caseIndex = w.account.id === gw.id ? caseDays.get(day) : undefined;
      const pending: { visitId: string; categoryCode: string }[] = [];
      await attempt(report, `${w.account.username} on ${day}`, () => db.transaction(async (tx) => {
        // the day before clears what it can (most of the list is today's new tasks then), leaving what is stuck
        const habit = day === lastWorkingDay ? { ...w.habit, perDay: Math.round(w.habit.perDay * 1.5), early: 0.9 } : w.habit;
        const found = await workDay(tx, { ...w, habit }, day, end, { gw: gw!, photos: visitPhotos, caseIndex, report });
        pending.push(...found);
      }));
      for (const p of pending) {
        await attempt(report, `case of a visit on ${day}`, async () => {
          const when = new Date(Math.min(o.now.getTime(), at(day, 17, 50).getTime()));
          await reportVisitCase(db, services, actor(w.account, when), principalOf(w.account), p.visitId, { categoryCode: p.categoryCode });
          report.cases++;
        });
      }
    }

    // the community's staff cover the weekly sweeps, the campaign and the on-site checks of handled cases in grids
    // without a worker's account, some grids
    // more faithfully than others, in the afternoons from Tuesday to Friday
    const weekday = (dayNumberOfDate(day) + 3) % 7;
    if (weekday >= 1 && day < today) {
      const rates = new Map(communityGrids.map((g, i) => [g.id, [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3][i % 8]!]));
      await attempt(report, `community cover on ${day}`, () => db.transaction(async (tx) => {
        let clock = at(day, 14, coverRandom.int(0, 30)).getTime();
        for (const t of await store.openUnassigned(tx, communityGrids.map((g) => g.id), ['disputeSweep', 'campaign', 'caseVerification'], day)) {
          if (!coverRandom.chance((rates.get(t.grid_id) ?? 0.3) * (t.kind === 'campaign' ? 0.5 : 0.3))) continue;
          if (t.kind === 'caseVerification' && !(await handledBefore(tx, t, at(day, 8, 0)))) continue;
          clock += coverRandom.int(10, 20) * MINUTE;
          if (clock >= Math.min(o.now.getTime(), at(day, 17, 50).getTime())) break;
          const note = coverRandom.pick(t.kind === 'campaign' ? text.CAMPAIGN_NOTES : t.kind === 'caseVerification' ? text.VERIFY_NOTES : text.SWEEP_NOTES);
          await completeTask(tx, actor(community, new Date(clock)), t.id, { note }, null);
          report.ticks++;
        }
      }));
    }

    if (day === lastWorkingDay) {
      await attempt(report, `"+1" on ${day}`, () => db.transaction((tx) => createAdHocTask(tx, actor(community, at(day, 15, 20)), {
        orgUnitId: mainGridId, title: text.AD_HOC.title, detail: text.AD_HOC.detail, assigneeId: gw!.id,
        startsOn: day, dueOn: workingDaysAfter(day, 3, calendar),
      }, null)));
    }
  }
  return report;
}

/** Whether the case a check is about was handled before `when` (the lists replayed for past days read today's cases). */
async function handledBefore(tx: Tx, t: store.OpenTask, when: Date): Promise<boolean> {
  if (t.subject_kind !== 'case' || !t.subject_id) return false;
  const handled = await store.caseHandledAt(tx, t.subject_id);
  return handled !== null && handled < when;
}

async function attempt(report: DemoTasksReport, what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (e) {
    report.failures.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * One worker's day: the list as the phone shows it (started by today, most urgent first), worked from about 08:40 with
 * a lunch break until `end` or the day's share of the worker's habit. Answers the visits whose findings are to become
 * cases (reported after the day's transaction, as intake runs in its own).
 */
async function workDay(
  tx: Tx, w: Worker, day: string, end: Date,
  c: { gw: store.DemoAccount; photos: readonly string[]; caseIndex: number | undefined; report: DemoTasksReport },
): Promise<{ visitId: string; categoryCode: string }[]> {
  const { r, habit } = w;
  const cases: { visitId: string; categoryCode: string }[] = [];
  let caseIndex = c.caseIndex;
  let clock = at(day, 8, 30 + r.int(0, 20)).getTime();
  let done = 0;
  const closed = new Set<string>();
  const registryReach = registryReachOf(principalOf(w.account));
  for (const t of await store.openTasksOf(tx, w.account.id, day)) {
    if (done >= habit.perDay) break;
    if (closed.has(t.id) || w.stuck.has(t.id)) continue;
    // pushed or assigned lately: seen on the list, done a working day or two later
    if ((t.kind === 'campaign' || t.kind === 'assigned') && dayNumberOfDate(day) - dayNumberOfDate(t.starts_on) < 2) continue;
    if (t.kind === 'keyVisit' && r.chance(habit.stuck)) {
      w.stuck.add(t.id); // nobody home for weeks, a key that cannot be found: it stays on the list, overdue
      continue;
    }
    if (!r.chance(t.due_on <= day ? 0.95 : habit.early)) continue;
    if (t.kind === 'caseVerification' && !(await handledBefore(tx, t, at(day, 8, 0)))) continue;
    clock += r.int(10, 26) * MINUTE;
    if (clock > at(day, 11, 50).getTime() && clock < at(day, 13, 30).getTime()) clock = at(day, 13, 30 + r.int(0, 15)).getTime();
    if (clock >= end.getTime()) break;
    const now = new Date(clock);
    const who = actor(w.account, now);
    done++;
    switch (t.kind) {
      case 'keyVisit': {
        if (t.subject_kind !== 'resident' || !t.subject_id) break;
        const household = t.household_id;
        const subject = household ? { kind: 'household' as const, id: household } : { kind: 'resident' as const, id: t.subject_id };
        const far = r.chance(0.04);
        const location = t.lng !== null && t.lat !== null ? { ...near(r, t.lng, t.lat, far ? r.int(350, 900) : r.int(3, 60)), accuracy: r.int(5, 30) } : undefined;
        const reportIt = caseIndex !== undefined && !far && household !== null && w.account.id === c.gw.id;
        const planned = reportIt ? text.CASE_FINDINGS[caseIndex!]! : null;
        const findings = planned ? planned.findings : findingsFor(r, t.tags);
        const photos = planned || r.chance(0.12) ? [r.pick(c.photos)] : [];
        const visitId = await recordVisit(tx, who, { subject, at: now.toISOString(), ...(location ? { location } : {}), findings, photos, taskId: t.id }, null);
        for (const id of await store.tasksOfVisit(tx, visitId)) closed.add(id);
        c.report.visits++;
        if (far) c.report.far++;
        if (planned) {
          cases.push({ visitId, categoryCode: planned.categoryCode });
          caseIndex = undefined;
        }
        break;
      }
      case 'riskInspection': {
        const note = r.pick(text.INSPECTION_NOTES);
        if (t.subject_kind === 'thing' && t.subject_id) {
          await inspectThing(tx, { reach: registryReach, ip: IP, now }, t.subject_id, { inspectedOn: day, result: 'normal', note });
        }
        await completeTask(tx, who, t.id, { note }, null);
        c.report.ticks++;
        break;
      }
      default: {
        const notes = { buildingCheck: text.CHECK_NOTES, disputeSweep: text.SWEEP_NOTES, caseVerification: text.VERIFY_NOTES, campaign: text.CAMPAIGN_NOTES, assigned: ['已核查，情况已登记'] as const, keyVisit: text.GENERAL_FINDINGS, deviceCheck: ['已更换电池，设备恢复在线'] as const }[t.kind];
        const photos = t.kind === 'campaign' ? [r.pick(c.photos)] : [];
        await completeTask(tx, who, t.id, { note: r.pick(notes), photos }, null);
        c.report.ticks++;
      }
    }
  }
  return cases;
}

/**
 * The grid beside the demo grid worker's gets an account for its full-time worker (by the security administrator) and
 * the community's staff member as its grid leader (her team edit), so it has a worker who can be away and someone his
 * tasks go to. Answers the worker's account; an account there already is kept.
 */
async function staffSecondGrid(
  db: Db, pii: PiiCipher,
  o: { security: store.DemoAccount; community: store.DemoAccount; grid: store.DemoGrid; townPath: string; now: Date },
): Promise<store.DemoAccount | null> {
  const team = await listTeam(db, o.grid.id);
  const slot = team.find((m) => m.team_role === 'fullTime');
  if (!slot) return null;
  if (slot.account_id) {
    const r = await db.query<{ username: string }>('select username from accounts where id = $1', [slot.account_id]);
    return r.rows[0] ? store.findAccount(db, r.rows[0].username) : null;
  }
  const username = pinyin(slot.name, { toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '') || 'gridworker2';
  const existing = await store.findAccount(db, username);
  const accountId = existing?.id ?? (await createAccount(db, pii, { id: o.security.id, username: o.security.username, ip: IP, scopePath: o.security.scope_path! }, {
    username, name: slot.name, roles: ['gridWorker'], scopeOrgUnitId: o.grid.id,
  }, null, o.now)).accountId;
  await saveTeam(db, pii, {
    scopePath: territorialScope(o.community.roles, o.community.scope_path)!, actor: { actorId: o.community.id, actorName: o.community.username, ip: IP },
    actorDisplayName: o.community.name, now: new Date(o.now.getTime() + 20 * MINUTE),
  }, { id: o.grid.id, path: o.grid.path, townPath: o.townPath }, {
    members: team.map((m) => ({
      id: m.id, teamRole: m.team_role,
      name: m.id === slot.id ? slot.name : m.team_role === 'gridLeader' ? o.community.name : m.name,
      ...(m.id === slot.id ? { accountId } : m.team_role === 'gridLeader' ? { accountId: o.community.id } : {}),
    })),
  });
  return store.findAccount(db, username);
}
