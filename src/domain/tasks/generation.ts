import type { TaskKind, TaskSubjectKind } from '../../shared/tasks.ts';
import type { WorkingCalendar } from '../sla/working-calendar.ts';
import { nextVisitDue, visitEveryDays, type TagDefinition } from '../registry/tags.ts';
import type { StandingDuty } from './standing-duties.ts';
import { addDays, periodOf, taskDays } from './deadlines.ts';
import { assign, type Absence, type GridTeam } from './assignment.ts';

/**
 * The daily generation (照单履职): what a grid's standing duties ask of its team on a day, from the registry and the
 * cases. Each task names its subject and period in `dedupeKey` (visit:<resident>:<due day>, inspect:<thing>:<due day>,
 * check:<building>:<month>, sweep:<grid>:<week>, verify:<case>, campaign:<campaign>:<grid>), which is unique per town:
 * generating a day twice, or the next day while a task is still open, makes nothing twice. A task not done stays open
 * and rolls over (overdue once its due day has passed); nothing here makes it again. Plain rules: the day, the
 * calendar and every record are arguments; each function reads only the records it is given, so a caller may hand
 * them over page by page.
 */

export interface GenerationContext {
  /** the day generated (YYYY-MM-DD, Asia/Shanghai) */
  day: string;
  /** the town's standing duties; a kind with no enabled duty generates nothing */
  duties: readonly StandingDuty[];
  calendar: WorkingCalendar;
  /** the tag catalog with the town's visit frequencies (withTownFrequencies) */
  tags: readonly TagDefinition[];
}

export interface GridRef {
  id: string;
}

export interface ResidentRecord {
  id: string;
  name: string;
  householdId: string | null;
  tags: readonly string[];
  lastVisitedOn: string | null;
  /** the day the resident was entered in the grid: never visited, they are due from that day */
  arrivedOn: string;
  /** where they live: the household's point, else its building's */
  lng: number | null;
  lat: number | null;
}

export interface ThingRecord {
  id: string;
  name: string;
  inspectionEveryDays: number | null;
  lastInspectedOn: string | null;
  createdOn: string;
  lng: number;
  lat: number;
}

export interface BuildingRecord {
  id: string;
  name: string;
  lng: number;
  lat: number;
}

export interface CaseRecord {
  id: string;
  number: string;
  status: string;
  resolvedOnSpot: boolean;
  handledBy: string | null;
  reporterKind: string;
  reporterAccountId: string | null;
  lng: number;
  lat: number;
}

export interface CampaignRecord {
  id: string;
  title: string;
  startsOn: string;
  dueOn: string;
  gridIds: readonly string[];
}

/** A task due, before it is given to someone. */
export interface DueTask {
  kind: TaskKind;
  dutyCode: string;
  subjectKind: TaskSubjectKind;
  subjectId: string;
  title: string;
  detail: string | null;
  campaignId: string | null;
  dedupeKey: string;
  startsOn: string;
  dueOn: string;
  lng: number | null;
  lat: number | null;
  /** for the assignment: keep with the same person (a resident's household), prefer someone, exclude someone */
  stickKey: string;
  prefer: string | null;
  exclude: readonly string[];
}

/** The enabled duty of a kind (the first, when a town lists two), or none. */
export function dutyOf(ctx: GenerationContext, kind: TaskKind): StandingDuty | null {
  return ctx.duties.find((d) => d.kind === kind && d.enabled) ?? null;
}

function task(duty: StandingDuty, ctx: GenerationContext, dueDay: string, t: Omit<DueTask, 'kind' | 'dutyCode' | 'startsOn' | 'dueOn' | 'prefer' | 'exclude' | 'campaignId'> & Partial<Pick<DueTask, 'prefer' | 'exclude' | 'campaignId'>>): DueTask {
  return {
    kind: duty.kind, dutyCode: duty.code, campaignId: null, prefer: null, exclude: [],
    ...taskDays(dueDay, ctx.day, duty.deadlineDays, ctx.calendar), ...t,
  };
}

/**
 * 走访 (keyVisit): a resident whose tags ask for visits is due their last visit plus the most frequent tag's interval,
 * or, never visited, from the day they were entered (a new resident mid-week is due the day they arrive).
 */
export function visitTasks(_grid: GridRef, residents: readonly ResidentRecord[], ctx: GenerationContext): DueTask[] {
  const duty = dutyOf(ctx, 'keyVisit');
  if (!duty) return [];
  const out: DueTask[] = [];
  for (const r of residents) {
    const due = nextVisitDue(r.lastVisitedOn, r.tags, ctx.tags, r.arrivedOn);
    if (due === null || due > ctx.day) continue;
    const every = visitEveryDays(r.tags, ctx.tags)!;
    out.push(task(duty, ctx, due, {
      subjectKind: 'resident', subjectId: r.id, title: `走访 ${r.name}`,
      detail: `每${every}天走访一次；上次走访：${r.lastVisitedOn ?? '无'}`,
      dedupeKey: `visit:${r.id}:${due}`, lng: r.lng, lat: r.lat, stickKey: r.householdId ?? `resident:${r.id}`,
    }));
  }
  return out;
}

/**
 * For each tag that asks for visits, the last visit day on or before which a resident carrying it is due on the day
 * (the day minus the tag's interval): a resident is due when one of their tags' cutoffs is reached, or never visited.
 * The store narrows its reads by these; `visitTasks` still decides.
 */
export function visitCutoffs(ctx: GenerationContext): { code: string; cutoff: string }[] {
  return ctx.tags.filter((t) => t.visitEveryDays !== null).map((t) => ({ code: t.code, cutoff: addDays(ctx.day, -t.visitEveryDays!) }));
}

/** 隐患排查 (riskInspection): a risk point with an inspection interval is due its last inspection plus the interval, or from the day it was entered. */
export function inspectionTasks(_grid: GridRef, things: readonly ThingRecord[], ctx: GenerationContext): DueTask[] {
  const duty = dutyOf(ctx, 'riskInspection');
  if (!duty) return [];
  const out: DueTask[] = [];
  for (const t of things) {
    if (t.inspectionEveryDays === null) continue;
    const due = t.lastInspectedOn === null ? t.createdOn : addDays(t.lastInspectedOn, t.inspectionEveryDays);
    if (due > ctx.day) continue;
    out.push(task(duty, ctx, due, {
      subjectKind: 'thing', subjectId: t.id, title: `巡查 ${t.name}`,
      detail: `每${t.inspectionEveryDays}天巡查一次；上次巡查：${t.lastInspectedOn ?? '无'}`,
      dedupeKey: `inspect:${t.id}:${due}`, lng: t.lng, lat: t.lat, stickKey: `thing:${t.id}`,
    }));
  }
  return out;
}

/** 基础信息采集 (buildingCheck): each building once a period of the duty (a calendar month for D1), from the period's first day. */
export function buildingCheckTasks(_grid: GridRef, buildings: readonly BuildingRecord[], ctx: GenerationContext): DueTask[] {
  const duty = dutyOf(ctx, 'buildingCheck');
  if (!duty) return [];
  const period = periodOf(ctx.day, duty.everyDays);
  return buildings.map((b) => task(duty, ctx, period.start, {
    subjectKind: 'building', subjectId: b.id, title: `核查 ${b.name} 人房信息`, detail: `${period.key} 楼栋信息核查`,
    dedupeKey: `check:${b.id}:${period.key}`, lng: b.lng, lat: b.lat, stickKey: `building:${b.id}`,
  }));
}

/** 矛盾纠纷排查 (disputeSweep): the grid once a period of the duty (an ISO week for D4), from the period's first day. */
export function sweepTasks(grid: GridRef, ctx: GenerationContext): DueTask[] {
  const duty = dutyOf(ctx, 'disputeSweep');
  if (!duty) return [];
  const period = periodOf(ctx.day, duty.everyDays ?? 7);
  return [task(duty, ctx, period.start, {
    subjectKind: 'grid', subjectId: grid.id, title: `矛盾纠纷排查（${period.key}）`, detail: duty.description || null,
    dedupeKey: `sweep:${grid.id}:${period.key}`, lng: null, lat: null, stickKey: `sweep:${grid.id}`,
  })];
}

/**
 * 事件核查 (caseVerification): a handled case of the grid is checked on site. One resolved on the spot is left to the
 * community's staff (the lifecycle sends it to them). The grid worker who reported it is preferred, since the
 * lifecycle lets them verify it; whoever handled it never checks their own work.
 */
export function verificationTasks(_grid: GridRef, cases: readonly CaseRecord[], ctx: GenerationContext): DueTask[] {
  const duty = dutyOf(ctx, 'caseVerification');
  if (!duty) return [];
  const out: DueTask[] = [];
  for (const c of cases) {
    if (c.status !== 'handled' || c.resolvedOnSpot) continue;
    const reporterMayVerify = c.reporterKind === 'gridWorker' && c.reporterAccountId !== null && c.reporterAccountId !== c.handledBy;
    out.push(task(duty, ctx, ctx.day, {
      subjectKind: 'case', subjectId: c.id, title: `核查事件 ${c.number}`, detail: duty.description || null,
      dedupeKey: `verify:${c.id}`, lng: c.lng, lat: c.lat, stickKey: `case:${c.id}`,
      prefer: reporterMayVerify ? c.reporterAccountId : null, exclude: c.handledBy ? [c.handledBy] : [],
    }));
  }
  return out;
}

/** 政策宣传 (campaign): a campaign the town pushed to the grid, from its first day to its own due day. */
export function campaignTasks(grid: GridRef, campaigns: readonly CampaignRecord[], ctx: GenerationContext): DueTask[] {
  const duty = dutyOf(ctx, 'campaign');
  if (!duty) return [];
  const out: DueTask[] = [];
  for (const c of campaigns) {
    if (!c.gridIds.includes(grid.id) || c.startsOn > ctx.day || c.dueOn < ctx.day) continue;
    const { startsOn } = taskDays(c.startsOn, ctx.day, 0, ctx.calendar);
    out.push({
      kind: duty.kind, dutyCode: duty.code, subjectKind: 'grid', subjectId: grid.id, title: `宣传：${c.title}`, detail: null,
      campaignId: c.id, dedupeKey: `campaign:${c.id}:${grid.id}`, startsOn, dueOn: c.dueOn < startsOn ? startsOn : c.dueOn,
      lng: null, lat: null, stickKey: `campaign:${c.id}`, prefer: null, exclude: [],
    });
  }
  return out;
}

/** Everything due in one grid on the day, from records given whole (the API's run and the tests; the job pages residents). */
export function dueTasks(
  grid: GridRef,
  records: { residents: readonly ResidentRecord[]; things: readonly ThingRecord[]; buildings: readonly BuildingRecord[]; cases: readonly CaseRecord[]; campaigns: readonly CampaignRecord[] },
  ctx: GenerationContext,
): DueTask[] {
  return [
    ...visitTasks(grid, records.residents, ctx),
    ...inspectionTasks(grid, records.things, ctx),
    ...buildingCheckTasks(grid, records.buildings, ctx),
    ...sweepTasks(grid, ctx),
    ...verificationTasks(grid, records.cases, ctx),
    ...campaignTasks(grid, records.campaigns, ctx),
  ];
}

/** A task due, given to someone (or to nobody, flagged, when the grid has nobody present). */
export interface GeneratedTask extends DueTask {
  assigneeId: string | null;
  assigneeName: string | null;
}

/** Gives each task, in order, to the team (see `assign`); `loads` carries the open load across calls. */
export function assignDueTasks(tasks: readonly DueTask[], team: GridTeam, absences: readonly Absence[], loads: Map<string, number>): GeneratedTask[] {
  return tasks.map((t) => {
    const a = assign({ stickKey: t.stickKey, startsOn: t.startsOn, prefer: t.prefer, exclude: t.exclude }, team, absences, loads);
    return { ...t, assigneeId: a.assigneeId, assigneeName: a.assigneeName };
  });
}
