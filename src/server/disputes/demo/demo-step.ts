import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Principal } from '../../platform/auth.ts';
import { PiiCipher, isSealed, loadPiiKey } from '../../platform/pii-cipher.ts';
import { uploadFile } from '../../files/upload-file.ts';
import { blobStoreOf, type BlobStore } from '../../files/blob-store.ts';
import { Random } from '../../cases/demo/random.ts';
import { birthDateFor, idNumberFor, mobileNumber } from '../../registry/demo/people.ts';
import { Cast } from '../../cases/demo/demo-cast.ts';
import { applyCaseAction } from '../../cases/apply-case-action.ts';
import { WorkingCalendarCache } from '../../calendar/calendar-cache.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import type { PartyInput, RiskFactors } from '../../../shared/disputes.ts';
import { DEMO_DISPUTES, DEMO_SWEEPS, type DemoActor, type DemoDispute, type DemoParty, type DemoStep as DemoDisputeStep } from './scenarios.ts';
import { drawSignedAgreement } from './signed-scan.ts';
import { disputeCommands, type DisputeCommands } from './commands.ts';
import * as store from './demo-store.ts';

/*
 * 矛盾纠纷's demo: about thirty disputes of 春晖路街道 over the last six weeks (scenarios.ts), played through the disputes'
 * own commands — registration (its work order opened in the case loop), mediation sessions with their agreements and
 * signed scans, follow-ups, pushes and replies, 诉调对接, tier and risk changes, closing (the work order handed in and
 * verified by the dispatcher) and a flare-up reopened — in time order, each at its instant; then two sweeps (大排查):
 * last week's, answered by all grids but six, and this week's, just begun.
 */

const TOWN = '春晖路街道';
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const BJ = 8 * 60 * MIN;

/** The instant of a Beijing wall-clock time `daysAgo` days before `now`. */
export function beijingAt(now: Date, daysAgo: number, [hh, mm]: readonly [number, number]): Date {
  const bj = now.getTime() + BJ;
  const dayStart = bj - (bj % DAY) - daysAgo * DAY;
  return new Date(dayStart + (hh * 60 + mm) * MIN - BJ);
}

export interface DemoDisputesReport {
  disputes: number;
  mediations: number;
  agreements: number;
  signed: number;
  followUps: number;
  referrals: number;
  replies: number;
  closed: number;
  reopened: number;
  verified: number;
  sweeps: number;
  sweepReports: number;
  /** milliseconds spent per kind of command (register, mediate, sweep …), to see where the step's time goes */
  ms: Record<string, number>;
  /** commands refused or failed (none expected: kept to see it when the rules change) */
  failures: string[];
}

interface Ctx {
  db: Db;
  now: Date;
  pii: PiiCipher;
  blobs: BlobStore;
  cmd: DisputeCommands;
  who: Map<DemoActor, Principal>;
  calendar: WorkingCalendarCache;
  cast: Cast;
  grids: Map<string, store.DemoGrid>;
  subclasses: Map<string, string>;
  departments: Map<string, string>;
  /** the dispute made for each scenario key */
  made: Map<string, { id: string; grid: string; at: Date }>;
  report: DemoDisputesReport;
}

/** One timed thing to do; sorted by `at`, so numbers (JF…, the yearly agreement numbers) follow the calendar. */
interface Timed { at: Date; order: number; what: string; run: () => Promise<unknown> }

export async function seedDemoDisputes(db: Db, o: { now: Date; seed: number; pii: PiiCipher; blobs: BlobStore }): Promise<DemoDisputesReport | null> {
  const town = await store.townByName(db, TOWN);
  if (!town || (await store.townHasDisputes(db, town.id))) return null;
  const who = new Map<DemoActor, Principal>();
  for (const u of ['mediator', 'gridworker', 'dispatcher', 'community', 'department'] as const) {
    const p = await store.demoPrincipal(db, u);
    if (p) who.set(u, p);
  }
  if (!who.has('mediator') || !who.has('dispatcher')) return null;
  // caches that answer from memory during the step (the org tree and the calendar do not change meanwhile), warmed
  // here: a command never reads them inside its transaction (PGlite has one connection)
  const locator = new GridLocatorCache(db, Number.POSITIVE_INFINITY);
  const calendar = new WorkingCalendarCache(db, Number.POSITIVE_INFINITY);
  await locator.current();
  await calendar.current();
  const ctx: Ctx = {
    db, now: o.now, pii: o.pii, blobs: o.blobs, cmd: disputeCommands(db, { pii: o.pii, locator, calendar }), who, calendar,
    cast: await Cast.load(db, town.id),
    grids: await store.gridsOfTown(db, town.id), subclasses: await store.subclassCodes(db), departments: await store.departmentsByName(db),
    made: new Map(), report: {
      disputes: 0, mediations: 0, agreements: 0, signed: 0, followUps: 0, referrals: 0, replies: 0, closed: 0, reopened: 0, verified: 0,
      sweeps: 0, sweepReports: 0, ms: {}, failures: [],
    },
  };
  const r = new Random(o.seed ^ 0x15d1);
  const residentPhone = await store.accountPhone(db, 'resident');
  const people = new People(r, o.now, residentPhone === null ? null : isSealed(residentPhone) ? o.pii.tryDecrypt(residentPhone) : residentPhone);

  const timeline: Timed[] = [];
  let order = 0;
  const latest = o.now.getTime() - MIN;
  const add = (at: Date, what: string, run: () => Promise<unknown>) => {
    if (at.getTime() <= latest) timeline.push({ at, order: order++, what, run });
  };
  DEMO_DISPUTES.forEach((d, n) => {
    // a dispute of this morning registered before `now` even when the demo starts early
    const at = new Date(Math.min(beijingAt(o.now, d.day, d.at).getTime(), latest - (DEMO_DISPUTES.length - n) * 7 * MIN));
    add(at, `register ${d.key}`, () => register(ctx, d, people, at));
    scheduleSteps(ctx, d.key, d, d.steps, add);
  });
  for (const s of DEMO_SWEEPS) scheduleSweep(ctx, s, r, add);
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
  return ctx.report;
}

/** The parties' ID numbers and phones: made up, valid, the same for a seed; the demo resident's phone is hers. */
class People {
  private readonly ids = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly today: string;
  private readonly r: Random;
  private readonly residentPhone: string | null;
  constructor(r: Random, now: Date, residentPhone: string | null) {
    this.r = r;
    this.residentPhone = residentPhone;
    this.today = new Date(now.getTime() + BJ).toISOString().slice(0, 10);
  }

  party(p: DemoParty, residentName: string | null): PartyInput {
    if (p.firm) return { role: p.role, name: p.name, address: p.address ?? null };
    const born = birthDateFor(this.r, p.age, this.today);
    return {
      role: p.role,
      name: p.demoResident && residentName ? residentName : p.name,
      idNumber: p.age >= 16 || this.r.chance(0.5) ? idNumberFor(this.r, this.r.chance(0.8) ? '500104' : '500107', born, p.gender, this.ids) : null,
      phone: p.demoResident ? this.residentPhone : p.age >= 16 ? mobileNumber(this.r, this.phones) : null,
      address: p.address ?? null,
      ...(p.vulnerableReason ? { vulnerable: true, vulnerableReason: p.vulnerableReason } : {}),
    };
  }
}

const factorsOf = (f: Partial<RiskFactors> | undefined): RiskFactors =>
  ({ threats: f?.threats ?? false, groupSize: f?.groupSize ?? 0, amountYuan: f?.amountYuan ?? null, note: f?.note ?? null });

async function register(ctx: Ctx, d: DemoDispute, people: People, at: Date): Promise<void> {
  const grid = ctx.grids.get(d.grid);
  if (!grid) throw new Error(`no grid ${d.grid}`);
  const by = actor(ctx, d.by, d.grid);
  const resident = d.parties.some((p) => p.demoResident) ? (await ctx.db.query<{ name: string }>(`select name from accounts where username = 'resident'`)).rows[0]?.name ?? null : null;
  // a point inside the grid, off its centre by a little (the same for a seed: the key's letters)
  const jitter = (k: number) => ((d.key.charCodeAt(k % d.key.length) % 11) - 5) * 0.00012;
  const made = await ctx.cmd.register(by, {
    classCode: d.classCode,
    subclassCode: ctx.subclasses.get(`${d.classCode}:${d.subclass}`) ?? null,
    parties: d.parties.map((p) => people.party(p, resident)),
    description: d.description,
    location: { lng: round6(grid.lng + jitter(1)), lat: round6(grid.lat + jitter(2)) },
    address: d.address,
    source: d.source,
    riskFactors: factorsOf(d.factors),
    ...(d.tier ? { tier: d.tier.tier, tierReason: d.tier.reason } : {}),
  }, at, `demo-dispute:${d.key}`);
  ctx.made.set(d.key, { id: made.id, grid: d.grid, at });
  ctx.report.disputes++;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The account that acts; one whose scope does not hold the dispute's grid (or missing) leaves it to the town's mediator. */
function actor(ctx: Ctx, a: DemoActor, gridName?: string): Principal {
  const p = ctx.who.get(a);
  const grid = gridName === undefined ? undefined : ctx.grids.get(gridName);
  if (p && (!grid || a === 'department' || (p.scopePath !== null && grid.path.startsWith(p.scopePath)))) return p;
  return ctx.who.get('mediator')!;
}

function scheduleSteps(ctx: Ctx, key: string, d: DemoDispute, steps: readonly DemoDisputeStep[], add: (at: Date, what: string, run: () => Promise<unknown>) => void): void {
  steps.forEach((s, n) => {
    const at = beijingAt(ctx.now, s.day, s.at);
    const by = () => actor(ctx, s.by ?? d.by, d.grid);
    const idOf = () => {
      const m = ctx.made.get(key);
      if (!m) throw new Error(`dispute ${key} was not registered`);
      return m.id;
    };
    const rk = `demo-dispute:${key}:${n}:${s.kind}`;
    switch (s.kind) {
      case 'mediate':
        add(at, `mediate ${key}`, async () => {
          const p = by();
          // a grid worker's session names the grid's full-time worker (the demo grid worker in his grid)
          const gridWorker = s.mediator.kind === 'gridWorker' && !s.mediator.name ? await store.gridWorkerOf(ctx.db, ctx.grids.get(d.grid)!.id) : null;
          const named = s.mediator.name ?? (gridWorker && gridWorker.accountId !== p.accountId ? gridWorker.name : null);
          const parties = d.parties;
          const m = await ctx.cmd.mediate(p, idOf(), {
            at: at.toISOString(), place: s.place,
            mediator: { kind: s.mediator.kind, name: named ?? p.name, accountId: named ? null : p.accountId },
            attendees: [
              ...parties.map((x, i) => ({ name: x.name, partySeq: i + 1 })),
              ...(s.extraAttendees ?? []).map((name) => ({ name, partySeq: null })),
            ],
            statements: s.statements.flatMap((said, i) => (said ? [{ partySeq: i + 1, said }] : [])),
            agreed: s.agreed ?? null,
            terms: s.terms,
            outcome: s.outcome,
          }, at, rk);
          ctx.report.mediations++;
          if (m.agreementNumber) ctx.report.agreements++;
          if (m.agreementNumber && s.signedAfterH !== undefined) {
            const signedAt = new Date(at.getTime() + s.signedAfterH * 60 * MIN);
            if (signedAt.getTime() < ctx.now.getTime() - MIN) {
              const photo = await uploadFile(ctx.db, ctx.blobs, await drawSignedAgreement(ctx.report.signed, parties.length), p.accountId);
              await ctx.cmd.attachSigned(p, idOf(), { mediationId: m.mediationId, fileHash: photo.hash }, signedAt, `${rk}:signed`);
              ctx.report.signed++;
            }
          }
        });
        return;
      case 'followUp':
        add(at, `follow-up ${key}`, async () => {
          await ctx.cmd.followUp(by(), idOf(), { at: at.toISOString(), method: s.method, holds: s.holds, note: s.note }, at, rk);
          ctx.report.followUps++;
        });
        return;
      case 'push':
        add(at, `push ${key}`, async () => {
          const departmentId = s.unitKind === 'department' ? ctx.departments.get(s.unitName) ?? null : null;
          await ctx.cmd.push(by(), idOf(), {
            unitKind: s.unitKind, ...(departmentId ? { departmentId } : { unitName: s.unitName }), dueDays: s.dueDays, note: s.note,
          }, at, rk);
          ctx.report.referrals++;
        });
        return;
      case 'reply':
        add(at, `reply ${key}`, async () => {
          const id = idOf();
          const referralId = await store.lastReferral(ctx.db, id);
          if (!referralId) throw new Error('no referral to reply to');
          await ctx.cmd.reply(by(), id, { referralId, text: s.text, done: s.done }, at, rk);
          ctx.report.replies++;
        });
        return;
      case 'litigate':
        add(at, `litigate ${key}`, () => ctx.cmd.litigate(by(), idOf(), { court: s.court, courtCaseNumber: s.courtCaseNumber, note: s.note }, at, rk));
        return;
      case 'changeTier':
        add(at, `change tier ${key}`, () => ctx.cmd.changeTier(by(), idOf(), { tier: s.tier, reason: s.reason }, at, rk));
        return;
      case 'assessRisk':
        add(at, `assess risk ${key}`, () => ctx.cmd.assessRisk(by(), idOf(), { factors: factorsOf({ ...d.factors, ...s.factors }) }, at, rk));
        return;
      case 'close':
        add(at, `close ${key}`, async () => {
          const id = idOf();
          await ctx.cmd.close(by(), id, { reason: s.reason }, at, rk);
          ctx.report.closed++;
          // the dispatcher verifies the handed-in work order within the hour, as in the loop
          const verifyAt = new Date(at.getTime() + 40 * MIN);
          if (verifyAt.getTime() < ctx.now.getTime() - MIN && await verifyWorkOrder(ctx, id, verifyAt)) ctx.report.verified++;
        });
        return;
      case 'reopen':
        add(at, `reopen ${key}`, async () => {
          const made = await ctx.cmd.reopen(by(), idOf(), { description: s.description, reason: s.reason }, at, rk);
          const earlier = ctx.made.get(key)!;
          ctx.made.set(s.key, { id: made.id, grid: earlier.grid, at });
          ctx.report.reopened++;
          ctx.report.disputes++;
        });
        scheduleSteps(ctx, s.key, { ...d, key: s.key, steps: s.steps }, s.steps, add);
        return;
      default: {
        const never: never = s;
        throw new Error(`unknown step ${String(never)}`);
      }
    }
  });
}

/** The dispatcher verifies a dispute's work order once it is handed in (closing hands it in when the closer holds it). */
async function verifyWorkOrder(ctx: Ctx, disputeId: string, at: Date): Promise<boolean> {
  const wo = await store.workOrderOf(ctx.db, disputeId);
  if (!wo || wo.status !== 'handled') return false;
  const dispatcher = ctx.cast.named('dispatcher');
  await applyCaseAction(ctx.db, wo.caseId, { action: 'verify', version: wo.version, reason: '回访核实纠纷已化解，同意结案。' },
    dispatcher.actor, dispatcher.viewer, dispatcher.name, at, await ctx.calendar.current());
  return true;
}

/** A sweep started by the dispatcher; the grids answer over the following days, each by who works it. */
function scheduleSweep(ctx: Ctx, s: (typeof DEMO_SWEEPS)[number], r: Random, add: (at: Date, what: string, run: () => Promise<unknown>) => void): void {
  const createdAt = beijingAt(ctx.now, s.createdDay, [9, 0]);
  const dueOn = new Date(createdAt.getTime() + BJ + s.dueInDays * DAY).toISOString().slice(0, 10);
  let sweepId: string | null = null;
  add(createdAt, `sweep ${s.title}`, async () => {
    sweepId = await ctx.cmd.createSweep(actor(ctx, 'dispatcher'), { title: s.title, dueOn, note: s.note }, createdAt, `demo-sweep:${s.title}`);
    ctx.report.sweeps++;
  });
  const grids = [...ctx.grids.values()].filter((g) => g.level === 'grid' && !(s.missing ?? []).includes(g.name));
  const gridworker = ctx.who.get('gridworker');
  const community = ctx.who.get('community');
  // this week's sweep: the first grids of the list answered so far, not the demo grid worker's
  const answering = s.answered !== undefined ? grids.filter((g) => !gridworker?.grids.some((x) => x.grid_id === g.id)).slice(0, s.answered) : grids;
  for (const g of answering) {
    // answers over the days up to the due date (some on the last day), never after `now`
    const until = Math.min(createdAt.getTime() + s.dueInDays * DAY, ctx.now.getTime() - 10 * MIN);
    const at = new Date(createdAt.getTime() + 30 * MIN + r.next() * (until - createdAt.getTime() - 30 * MIN));
    add(at, `sweep report ${g.name}`, async () => {
      if (!sweepId) throw new Error('the sweep was not made');
      const reporter = gridworker?.grids.some((x) => x.grid_id === g.id) ? gridworker
        : community && community.scopePath && g.path.startsWith(community.scopePath) ? community : actor(ctx, 'mediator');
      // what the grid found: its disputes of the last month still being handled when the sweep began
      const found = [...ctx.made.values()].filter((m) => m.grid === g.name && m.at.getTime() > createdAt.getTime() - 30 * DAY && m.at <= at);
      await ctx.cmd.reportSweep(reporter, sweepId, {
        gridId: g.id, noneFound: found.length === 0, disputeIds: found.map((m) => m.id),
        note: found.length === 0 ? '网格内逐户排查，未发现矛盾纠纷。' : `排查发现${found.length}起，均已登记化解。`,
      }, at);
      ctx.report.sweepReports++;
    });
  }
}

/** The disputes capability's demo, after the base seed and the case history. */
export const demoDisputesStep: DemoStep = {
  name: 'disputes',
  run: async ({ db, config, now, seed, progress }) => {
    if (!demoSwitches(config).history) return null;
    const started = performance.now();
    progress?.('playing the demo town\'s disputes of the last six weeks (once)…');
    const r = await seedDemoDisputes(db, { now, seed, pii: new PiiCipher(loadPiiKey(config.dataDir)), blobs: blobStoreOf(config) });
    if (!r) return null;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${r.disputes} disputes (${r.reopened} reopened), ${r.mediations} mediations, ${r.agreements} agreements (${r.signed} signed), `
      + `${r.followUps} follow-ups, ${r.referrals} pushes, ${r.sweeps} sweeps with ${r.sweepReports} answers in ${seconds} s`
      + `${r.failures.length ? ` (${r.failures.length} refused: ${r.failures[0]})` : ''}`;
  },
};
