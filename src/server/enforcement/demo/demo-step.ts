import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Principal } from '../../platform/auth.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { uploadFile } from '../../files/upload-file.ts';
import { blobStoreOf, type BlobStore } from '../../files/blob-store.ts';
import { drawDemoPhoto } from '../../files/demo-photos.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import { WorkingCalendarCache } from '../../calendar/calendar-cache.ts';
import { reportCase, type IntakeServices, type ReportInput } from '../../cases/report-case.ts';
import { applyCaseAction } from '../../cases/apply-case-action.ts';
import { Cast } from '../../cases/demo/demo-cast.ts';
import { Random } from '../../cases/demo/random.ts';
import { birthDateFor, idNumberFor, mobileNumber } from '../../registry/demo/people.ts';
import { beijingAt } from '../../disputes/demo/demo-step.ts';
import * as common from '../../disputes/demo/demo-store.ts';
import { checklistSeedId } from '../seed-catalog.ts';
import { enforcementCommands, type EnforcementCommands, type SubjectInputT } from './commands.ts';
import { DEMO_ENFORCEMENT_CASES, DEMO_INSPECTIONS, type DemoCaseStep, type DemoEnforcementCase, type DemoInspection, type DemoSubject } from './scenarios.ts';
import * as store from './demo-store.ts';

/*
 * 综合执法's demo: the loop cases of 占道经营 and 占用消防通道 reported (by the grid worker, a resident's 随手拍 or a
 * 12345 call) and dispatched to 综合执法岗, the enforcement cases opened from them and on patrol, every step through the
 * enforcement commands at its instant (scenarios.ts), the closed cases' loop cases verified by the dispatcher; then
 * four joint inspections, one opening a case. In time order, so ZF/JC numbers and the yearly decision numbers follow
 * the calendar.
 */

const TOWN = '春晖路街道';
const MIN = 60_000;
const BJ = 8 * 60 * MIN;
const IP = '127.0.0.1';

export interface DemoEnforcementReport {
  loopCases: number;
  cases: number;
  steps: number;
  byStatus: Record<string, number>;
  inspections: number;
  inspectionsDone: number;
  verified: number;
  /** milliseconds spent per kind of command (report, open, evidence …), to see where the step's time goes */
  ms: Record<string, number>;
  failures: string[];
}

interface Ctx {
  db: Db;
  now: Date;
  cmd: EnforcementCommands;
  who: { enforcer: Principal; leader: Principal };
  cast: Cast;
  services: IntakeServices;
  grids: Map<string, common.DemoGrid>;
  r: Random;
  people: Subjects;
  blobs: BlobStore;
  report: DemoEnforcementReport;
  /** the enforcement case made for each scenario key */
  made: Map<string, string>;
  photo: number;
}

interface Timed { at: Date; order: number; what: string; run: () => Promise<unknown> }

export async function seedDemoEnforcement(db: Db, o: { now: Date; seed: number; pii: PiiCipher; blobs: BlobStore }): Promise<DemoEnforcementReport | null> {
  const town = await common.townByName(db, TOWN);
  if (!town || (await store.townHasEnforcement(db, town.id))) return null;
  const enforcer = await common.demoPrincipal(db, 'enforcer');
  const leader = await common.demoPrincipal(db, 'leader');
  if (!enforcer || !leader) return null;
  // caches that answer from memory during the step (the org tree and the calendar do not change meanwhile), warmed
  // here: a command never reads them inside its transaction (PGlite has one connection)
  const services: IntakeServices = { locator: new GridLocatorCache(db, Number.POSITIVE_INFINITY), pii: o.pii, calendar: new WorkingCalendarCache(db, Number.POSITIVE_INFINITY) };
  await services.locator.current();
  await services.calendar.current();
  const r = new Random(o.seed ^ 0x2f0a);
  const ctx: Ctx = {
    db, now: o.now, cmd: enforcementCommands(db, services), who: { enforcer, leader }, cast: await Cast.load(db, town.id), services,
    grids: await common.gridsOfTown(db, town.id), r, people: new Subjects(r, o.now), blobs: o.blobs,
    report: { loopCases: 0, cases: 0, steps: 0, byStatus: {}, inspections: 0, inspectionsDone: 0, verified: 0, ms: {}, failures: [] },
    made: new Map(), photo: 0,
  };
  const timeline: Timed[] = [];
  let order = 0;
  const latest = o.now.getTime() - MIN;
  const add = (at: Date, what: string, run: () => Promise<unknown>) => {
    if (at.getTime() <= latest) timeline.push({ at, order: order++, what, run });
  };
  for (const c of DEMO_ENFORCEMENT_CASES) scheduleCase(ctx, c, add);
  for (const i of DEMO_INSPECTIONS) scheduleInspection(ctx, i, add);
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  for (const t of timeline) {
    const started = performance.now();
    try {
      await t.run();
    } catch (e) {
      ctx.report.failures.push(`${t.what}: ${(e as Error).message}`);
    }
    const kind = t.what.split(' ')[0]!;
    ctx.report.ms[kind] = Math.round((ctx.report.ms[kind] ?? 0) + performance.now() - started);
  }
  ctx.report.byStatus = await store.statusCounts(db, town.id);
  return ctx.report;
}

/** 当事人: people with valid made-up ID numbers and phones, firms with a 统一社会信用代码 that passes its check. */
class Subjects {
  private readonly ids = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly today: string;
  private readonly r: Random;
  /** the same person met twice (the fruit shop's owner) keeps their number */
  private readonly known = new Map<string, SubjectInputT>();
  constructor(r: Random, now: Date) {
    this.r = r;
    this.today = new Date(now.getTime() + BJ).toISOString().slice(0, 10);
  }

  of(s: DemoSubject): SubjectInputT {
    const seen = this.known.get(s.name);
    if (seen) return seen;
    const made: SubjectInputT = s.kind === 'firm'
      ? { kind: 'firm', name: s.name, address: s.address, creditCode: creditCode(this.r), legalRepresentative: s.legalRepresentative ?? null, phone: mobileNumber(this.r, this.phones) }
      : {
        kind: 'person', name: s.name, address: s.address, phone: mobileNumber(this.r, this.phones),
        idNumber: idNumberFor(this.r, this.r.chance(0.7) ? '500104' : '500107', birthDateFor(this.r, s.age ?? 40, this.today), s.gender ?? 'male', this.ids),
      };
    this.known.set(s.name, made);
    return made;
  }
}

const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码 (GB 32100): 91 (a company), 500104 (大渡口区), a 9-character organisation code, the check character. */
export function creditCode(r: Random): string {
  let body = '91500104';
  for (let i = 0; i < 9; i++) body += USCC[i === 8 ? r.int(0, 30) : r.int(0, 9)];
  const sum = [...body].reduce((s, ch, i) => s + USCC.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return body + USCC[(31 - (sum % 31)) % 31]!;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function pointIn(ctx: Ctx, gridName: string, key: string): { lng: number; lat: number } {
  const g = ctx.grids.get(gridName);
  if (!g) throw new Error(`no grid ${gridName}`);
  const j = (k: number) => ((key.charCodeAt(k % key.length) % 9) - 4) * 0.00015;
  return { lng: round6(g.lng + j(2)), lat: round6(g.lat + j(3)) };
}

function scheduleCase(ctx: Ctx, c: DemoEnforcementCase, add: (at: Date, what: string, run: () => Promise<unknown>) => void): void {
  const openedAt = beijingAt(ctx.now, c.day, c.at);
  const where = pointIn(ctx, c.grid, c.key);
  let loopCaseId: string | null = null;
  if (c.loop) {
    const loop = c.loop;
    const reportedAt = new Date(openedAt.getTime() - loop.minutesBefore * MIN);
    add(reportedAt, `report ${c.key}`, async () => {
      loopCaseId = await reportLoopCase(ctx, c, loop, where, reportedAt);
      ctx.report.loopCases++;
    });
    const dispatchedAt = new Date(reportedAt.getTime() + Math.max(2, Math.round(loop.minutesBefore / 3)) * MIN);
    add(dispatchedAt, `dispatch ${c.key}`, async () => {
      if (!loopCaseId) throw new Error('the loop case was not reported');
      const dispatcher = ctx.cast.named('dispatcher');
      const version = await store.caseVersion(ctx.db, loopCaseId);
      await applyCaseAction(ctx.db, loopCaseId, { action: 'accept_dispatch', version }, dispatcher.actor, dispatcher.viewer, dispatcher.name,
        dispatchedAt, await ctx.services.calendar.current());
    });
  }
  add(openedAt, `open ${c.key}`, async () => {
    if (c.loop && !loopCaseId) throw new Error('the loop case was not reported');
    const id = await ctx.cmd.open(ctx.who.enforcer, {
      matterCode: c.matterCode, facts: c.facts, subject: ctx.people.of(c.subject), description: c.description, address: c.address,
      ...(loopCaseId ? { caseId: loopCaseId } : { location: where }),
    }, openedAt, `demo-enforcement:${c.key}`);
    ctx.made.set(c.key, id);
    ctx.report.cases++;
    // the officer starts the loop case's work order as he opens the enforcement case (开始处置): it is in hand
    if (loopCaseId) {
      const enforcer = ctx.cast.named('enforcer');
      const loop = await store.caseStatus(ctx.db, loopCaseId);
      if (loop?.status === 'dispatched') {
        await applyCaseAction(ctx.db, loopCaseId, { action: 'start', version: loop.version }, enforcer.actor, enforcer.viewer, enforcer.name,
          openedAt, await ctx.services.calendar.current());
      }
    }
  });
  scheduleSteps(ctx, c.key, c.scene, where, openedAt, c.steps, () => loopCaseId, add);
}

function scheduleSteps(
  ctx: Ctx, key: string, scene: DemoEnforcementCase['scene'], where: { lng: number; lat: number }, openedAt: Date, steps: readonly DemoCaseStep[],
  loopCase: () => string | null, add: (at: Date, what: string, run: () => Promise<unknown>) => void,
): void {
  steps.forEach((s, n) => {
    const at = new Date(openedAt.getTime() + s.min * MIN);
    const rk = `demo-enforcement:${key}:${n}:${s.kind}`;
    const idOf = () => {
      const id = ctx.made.get(key);
      if (!id) throw new Error(`enforcement case ${key} was not opened`);
      return id;
    };
    const officer = ctx.who.enforcer;
    const step = async (what: () => Promise<unknown>) => {
      await what();
      ctx.report.steps++;
    };
    switch (s.kind) {
      case 'evidence':
        add(at, `evidence ${key}`, () => step(async () => {
          if (s.evidence === 'photo') {
            const photo = await uploadFile(ctx.db, ctx.blobs, await drawDemoPhoto(scene, ctx.photo++ % 6, false), officer.accountId);
            return ctx.cmd.act(officer, idOf(), 'add-evidence', {
              kind: 'photo', fileHash: photo.hash, ...(s.note ? { note: s.note } : {}), takenAt: at.toISOString(), lng: where.lng, lat: where.lat,
            }, at, rk);
          }
          return ctx.cmd.act(officer, idOf(), 'add-evidence', { kind: 'statement', text: s.text ?? '当事人陈述。', note: s.note ?? '询问笔录', takenAt: at.toISOString() }, at, rk);
        }));
        return;
      case 'updateFacts':
        add(at, `facts ${key}`, () => step(() => ctx.cmd.act(officer, idOf(), 'update-facts', { facts: s.facts }, at, rk)));
        return;
      case 'confirm':
        add(at, `confirm ${key}`, () => step(async () => {
          const id = idOf();
          const benchmarkKey = s.benchmarkKey ?? (await store.proposedKey(ctx.db, id));
          return ctx.cmd.act(officer, id, 'confirm-band', {
            benchmarkKey, penalty: { kind: s.penalty.kind, fineYuan: s.penalty.fineYuan ?? null },
            ...(s.departureReason ? { departureReason: s.departureReason } : {}),
          }, at, rk);
        }));
        return;
      case 'review':
        add(at, `review ${key}`, () => step(() => ctx.cmd.act(ctx.who.leader, idOf(), 'review', { approved: s.approved, opinion: s.opinion }, at, rk)));
        return;
      case 'decide':
        add(at, `decide ${key}`, () => step(() => ctx.cmd.act(officer, idOf(), 'decide', {}, at, rk)));
        return;
      case 'pay':
        add(at, `pay ${key}`, () => step(() => ctx.cmd.act(officer, idOf(), 'pay', {
          receiptNo: `5001${String(ctx.r.int(0, 99_999_999)).padStart(8, '0')}${String(n).padStart(2, '0')}`, amountYuan: s.amountYuan,
        }, at, rk)));
        return;
      case 'execute':
        add(at, `execute ${key}`, () => step(() => ctx.cmd.act(officer, idOf(), 'execute', { note: s.note }, at, rk)));
        return;
      case 'close':
        add(at, `close ${key}`, () => step(async () => {
          await ctx.cmd.act(officer, idOf(), 'close', s.note ? { note: s.note } : {}, at, rk);
          // the dispatcher verifies the handed-in loop case within the hour
          const loopId = loopCase();
          const verifyAt = new Date(at.getTime() + 35 * MIN);
          if (loopId && verifyAt.getTime() < ctx.now.getTime() - MIN && await verify(ctx, loopId, verifyAt)) ctx.report.verified++;
        }));
        return;
      case 'drop':
        add(at, `drop ${key}`, () => step(() => ctx.cmd.act(officer, idOf(), 'drop', { reason: s.reason }, at, rk)));
        return;
      default: {
        const never: never = s;
        throw new Error(`unknown step ${String(never)}`);
      }
    }
  });
}

async function verify(ctx: Ctx, caseId: string, at: Date): Promise<boolean> {
  const c = await store.caseStatus(ctx.db, caseId);
  if (c?.status !== 'handled') return false;
  const dispatcher = ctx.cast.named('dispatcher');
  await applyCaseAction(ctx.db, caseId, { action: 'verify', version: c.version, reason: '执法案件已办结，现场已恢复，同意结案。' },
    dispatcher.actor, dispatcher.viewer, dispatcher.name, at, await ctx.services.calendar.current());
  return true;
}

const CALLERS = ['先生', '女士', '师傅', '阿姨'];

/** The loop case as it came in: the grid worker's report, a resident's 随手拍 with a phone, or a 12345 call the dispatcher took. */
async function reportLoopCase(
  ctx: Ctx, c: DemoEnforcementCase, loop: NonNullable<DemoEnforcementCase['loop']>, where: { lng: number; lat: number }, at: Date,
): Promise<string> {
  const photo = (await uploadFile(ctx.db, ctx.blobs, await drawDemoPhoto(c.scene, ctx.photo++ % 6, false), null)).hash;
  const base = { categoryCode: loop.categoryCode, description: loop.description, location: where, address: c.address, idempotencyKey: null, photos: [photo] };
  const caller = () => ({ name: `${ctx.r.pick(['王', '李', '张', '刘', '陈', '杨', '黄', '周'])}${ctx.r.pick(CALLERS)}`, phone: mobileNumber(ctx.r, new Set()) });
  let input: ReportInput;
  if (loop.reporter === 'gridworker') {
    const gw = ctx.cast.named('gridworker');
    // the demo grid worker reports in his grid; elsewhere the report is the community's staff on their rounds
    const inHisGrid = gw.row.grid_ids.includes(ctx.grids.get(c.grid)?.id ?? '');
    const who = inHisGrid ? gw : ctx.cast.named('community');
    input = inHisGrid
      ? { ...base, source: 'gridWorker', reporter: { kind: 'gridWorker', accountId: who.id, name: who.name, phone: null }, actorName: who.name }
      : { ...base, source: 'resident', reporter: { kind: 'resident', accountId: null, ...caller() }, actorName: null };
  } else if (loop.reporter === 'hotline') {
    const dispatcher = ctx.cast.named('dispatcher');
    input = { ...base, source: 'hotline', reporter: { kind: 'caller', accountId: null, ...caller() }, actorName: dispatcher.name, actorId: dispatcher.id };
  } else {
    input = { ...base, source: 'resident', reporter: { kind: 'resident', accountId: null, ...caller() }, actorName: null };
  }
  return (await reportCase(ctx.db, ctx.services, input, at)).caseId;
}

function scheduleInspection(ctx: Ctx, i: DemoInspection, add: (at: Date, what: string, run: () => Promise<unknown>) => void): void {
  // planned three days before the visit (or two days ago for one still ahead)
  const plannedAt = beijingAt(ctx.now, Math.max(i.plannedDay + 3, 2), [10, 0]);
  const plannedOn = new Date(beijingAt(ctx.now, i.plannedDay, [12, 0]).getTime() + BJ).toISOString().slice(0, 10);
  const where = pointIn(ctx, i.grid, i.key);
  let inspectionId: string | null = null;
  add(plannedAt, `plan inspection ${i.key}`, async () => {
    inspectionId = await ctx.cmd.planInspection(ctx.who.enforcer, {
      subjectName: i.subjectName, address: i.address, location: where, plannedOn, checklistIds: i.departments.map((d) => checklistSeedId(d)),
    }, plannedAt, `demo-inspection:${i.key}`);
    ctx.report.inspections++;
  });
  if (!i.done) return;
  const done = i.done;
  const doneAt = beijingAt(ctx.now, i.plannedDay, done.at);
  add(doneAt, `record inspection ${i.key}`, async () => {
    if (!inspectionId) throw new Error('the inspection was not planned');
    const sizes = await store.checklistSizes(ctx.db, i.departments.map((d) => checklistSeedId(d)));
    const opened = await ctx.cmd.recordInspection(ctx.who.enforcer, inspectionId, {
      results: i.departments.map((d) => {
        const issues = new Map(done.issues[d] ?? []);
        return {
          checklistId: checklistSeedId(d),
          items: Array.from({ length: sizes.get(checklistSeedId(d)) ?? 0 }, (_, k) => (issues.has(k) ? { result: 'issue' as const, note: issues.get(k)! } : { result: 'ok' as const })),
        };
      }),
      findings: done.findings,
      ...(done.openCase ? { openCase: { matterCode: done.openCase.matterCode, facts: done.openCase.facts, description: done.openCase.description, subject: ctx.people.of(done.openCase.subject) } } : {}),
    }, doneAt, `demo-inspection:${i.key}:results`);
    ctx.report.inspectionsDone++;
    if (opened) {
      ctx.made.set(`inspection:${i.key}`, opened);
      ctx.report.cases++;
    }
  });
  if (done.openCase) scheduleSteps(ctx, `inspection:${i.key}`, 'people', where, doneAt, done.openCase.steps, () => null, add);
}

/** The enforcement capability's demo, after the case history and the disputes. */
export const demoEnforcementStep: DemoStep = {
  name: 'enforcement',
  run: async ({ db, config, now, seed, progress }) => {
    if (!demoSwitches(config).history) return null;
    const started = performance.now();
    progress?.('playing the demo town\'s enforcement cases and joint inspections of the last six weeks (once)…');
    const r = await seedDemoEnforcement(db, { now, seed, pii: new PiiCipher(loadPiiKey(config.dataDir)), blobs: blobStoreOf(config) });
    if (!r) return null;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const states = Object.entries(r.byStatus).map(([s, n]) => `${n} ${s}`).join(', ');
    return `${r.cases} enforcement cases (${states}) from ${r.loopCases} loop cases and patrols, ${r.steps} steps, `
      + `${r.inspectionsDone} of ${r.inspections} joint inspections done in ${seconds} s`
      + `${r.failures.length ? ` (${r.failures.length} refused: ${r.failures[0]})` : ''}`;
  },
};

