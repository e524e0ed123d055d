import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoHistory, DEMO_SEED, type HistoryReport } from '../../src/server/cases/demo/seed-history.ts';
import { demoSwitches } from '../../src/server/cases/demo/demo-step.ts';
import { liveDemoTick, type LiveTick } from '../../src/server/cases/demo/demo-live-job.ts';
import { loadDemoTown } from '../../src/server/cases/demo/seed-history.ts';
import { blobStoreOf } from '../../src/server/files/blob-store.ts';
import { loadConfig } from '../../src/server/platform/config.ts';

/**
 * The demo town's two months of history: made through intake, the action command and the sweep, so what it leaves must
 * be what the case loop produces — every state a workbench shows, timelines that hold together, and the same result
 * for the same seed.
 */
const NOW = new Date('2026-11-23T09:00:00+08:00');

interface EventRow { case_id: string; at: Date; action: string; from_status: string | null; to_status: string; reason: string | null; data: Record<string, unknown> | null }
interface CaseRow { id: string; number: string; status: string; tier: string; source: string; reporter_kind: string; category_code: string; grid_id: string;
  created_at: Date; escalated_at: Date | null; duplicate_of: string | null; suspension: { state: string } | null; satisfaction: { score: number } | null; clocks: Record<string, { due: number; stoppedAt: number | null; suspendedMs: number; pausedAt: number | null }> }

async function history(t: TestApp): Promise<HistoryReport | null> {
  return seedDemoHistory(t.db, { now: NOW, seed: DEMO_SEED, blobs: blobStoreOf(t.config), pii: t.app.pii });
}

describe('the demo history', () => {
  let t: TestApp;
  let report: HistoryReport;
  let seconds = 0;
  let cases: CaseRow[];
  let timeline: Map<string, EventRow[]>;

  beforeAll(async () => {
    t = await createTestApp();
    const started = performance.now();
    report = (await history(t))!;
    seconds = (performance.now() - started) / 1000;
    cases = (await t.db.query<CaseRow>('select * from cases order by number')).rows;
    timeline = new Map(cases.map((c) => [c.id, []]));
    for (const e of (await t.db.query<EventRow>('select * from case_events order by case_id, id')).rows) timeline.get(e.case_id)!.push(e);
  }, 600_000);
  afterAll(async () => t?.close());

  it('makes a few hundred cases over the 60 days through the commands, none refused', () => {
    console.log(`demo history: ${report.cases} cases, ${report.actions} steps, ${report.sweeps} sweeps in ${seconds.toFixed(1)} s`, report.byStatus);
    expect(report.failures).toEqual([]);
    expect(cases.length).toBe(report.cases);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.length).toBeLessThanOrEqual(500);
    const first = Math.min(...cases.map((c) => c.created_at.getTime()));
    expect(NOW.getTime() - first).toBeGreaterThan(58 * 86_400_000);
    expect(Math.max(...cases.map((c) => c.created_at.getTime()))).toBeLessThan(NOW.getTime());
  });

  it('leaves cases in every state a township has', () => {
    const lastAction = (c: CaseRow) => timeline.get(c.id)!.filter((e) => e.action !== 'overdue').at(-1)!.action;
    const open = cases.filter((c) => !['closed', 'rejected'].includes(c.status));
    const red = (c: CaseRow) => Object.values(c.clocks).some((k) => k.stoppedAt === null && k.pausedAt === null && NOW.getTime() > k.due + k.suspendedMs);
    const states = {
      closedAndRated: cases.filter((c) => c.status === 'closed' && c.satisfaction !== null).length,
      closedUnrated: cases.filter((c) => c.status === 'closed' && c.satisfaction === null).length,
      reported: cases.filter((c) => timeline.get(c.id)!.some((e) => e.action === 'report')).length,
      inProgress: cases.filter((c) => c.status === 'in_progress' && c.suspension === null).length,
      openOverdueEscalated: open.filter((c) => c.escalated_at !== null && red(c)).length,
      openOverdue: open.filter(red).length,
      suspended: open.filter((c) => c.suspension?.state === 'active').length,
      suspensionPending: open.filter((c) => c.suspension?.state === 'requested').length,
      returnedWaiting: open.filter((c) => c.status === 'accepted' && lastAction(c) === 'return').length,
      handled: open.filter((c) => c.status === 'handled').length,
      rejected: cases.filter((c) => c.status === 'rejected').length,
      duplicates: cases.filter((c) => c.status === 'rejected' && /^与案件 \S+ 反映的是同一问题/.test(timeline.get(c.id)!.at(-1)!.reason ?? '')).length,
      reopened: cases.filter((c) => timeline.get(c.id)!.some((e) => e.action === 'reopen')).length,
      returned: cases.filter((c) => timeline.get(c.id)!.some((e) => e.action === 'return')).length,
      resolvedOnSpot: cases.filter((c) => timeline.get(c.id)!.some((e) => e.action === 'resolve_on_spot')).length,
      resumed: cases.filter((c) => timeline.get(c.id)!.some((e) => e.action === 'resume')).length,
      autoEscalated: cases.filter((c) => timeline.get(c.id)!.some((e) => e.action === 'escalate' && e.data?.automatic === true)).length,
    };
    console.log(states);
    for (const [state, n] of Object.entries(states)) expect(n, state).toBeGreaterThan(0);
    expect(states.closedAndRated + states.closedUnrated).toBeGreaterThan(cases.length / 2);
  });

  it('leaves work in the inboxes: the handler\'s post and the department hold sent cases, the dispatcher the last hour\'s reports', async () => {
    t.clock.set(NOW);
    const list = async (who: string, query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/cases?${query}&limit=200`, headers: bearer(await t.login(who)) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { number: string; status: string; createdAt: string; assignee: { kind: string; name: string } | null; policies: string[] }[];
    };
    const handler = await list('handler', 'mine=assigned&status=dispatched');
    expect(handler.filter((c) => c.assignee?.kind === 'post' && c.policies.includes('start')).length).toBeGreaterThanOrEqual(2);
    const department = await list('department', 'mine=assigned&status=dispatched&status=in_progress');
    const toDepartment = department.filter((c) => c.assignee?.kind === 'department' && c.assignee.name === '区城市管理局');
    expect(toDepartment.length).toBeGreaterThanOrEqual(2);
    expect(new Set(toDepartment.map((c) => c.status)).size, JSON.stringify(toDepartment)).toBe(2); // one at work, one not yet started
    const waiting = (await list('dispatcher', 'status=reported')).filter((c) => NOW.getTime() - new Date(c.createdAt).getTime() < 3_600_000);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(waiting.length).toBeLessThanOrEqual(3);
    for (const c of waiting) expect(c.policies, c.number).toContain('accept');
  });

  it('links every repeat to its original: an earlier case of the same category, named in the reject', () => {
    const byId = new Map(cases.map((c) => [c.id, c]));
    const repeats = cases.filter((c) => c.status === 'rejected' && /^与案件 \S+ 反映的是同一问题/.test(timeline.get(c.id)!.at(-1)!.reason ?? ''));
    expect(repeats.length).toBeGreaterThan(0);
    for (const c of repeats) {
      const original = byId.get(c.duplicate_of ?? '');
      expect(original, c.number).toBeDefined();
      expect(original!.category_code, c.number).toBe(c.category_code);
      expect(original!.created_at.getTime(), c.number).toBeLessThan(c.created_at.getTime());
      expect(original!.status, c.number).not.toBe('rejected');
      const reject = timeline.get(c.id)!.at(-1)!;
      expect(reject.reason, c.number).toContain(original!.number);
      expect(reject.data, c.number).toMatchObject({ duplicateOf: { id: original!.id, number: original!.number } });
    }
    expect(cases.filter((c) => c.duplicate_of !== null)).toHaveLength(repeats.length);
  });

  it('keeps every timeline true: one chain of states, in time order, from the report on', () => {
    for (const c of cases) {
      const events = timeline.get(c.id)!;
      expect(events[0]).toMatchObject({ action: 'report', from_status: null, to_status: 'reported' });
      expect(events[0]!.at.getTime()).toBe(c.created_at.getTime());
      let status = 'reported';
      for (const e of events.slice(1)) {
        expect(e.at.getTime(), `${c.number} ${e.action}`).toBeGreaterThanOrEqual(events[0]!.at.getTime());
        expect(e.at.getTime(), `${c.number} ${e.action} in the future`).toBeLessThanOrEqual(NOW.getTime());
        expect(e.from_status, `${c.number} ${e.action}`).toBe(status);
        status = e.to_status;
      }
      expect(status, c.number).toBe(c.status);
      const times = events.map((e) => e.at.getTime());
      expect(times, c.number).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('closes a case only after acceptance, dispatch, handling and a verification by someone else than the handler', () => {
    for (const c of cases.filter((x) => x.status === 'closed')) {
      const events = timeline.get(c.id)!;
      const actions = events.map((e) => e.action);
      const verify = events.findLast((e) => e.action === 'verify')!;
      const handled = events.findLast((e) => e.action === 'report_done' || e.action === 'resolve_on_spot')!;
      expect(verify, c.number).toBeDefined();
      expect(handled, c.number).toBeDefined();
      expect(handled.at.getTime()).toBeLessThanOrEqual(verify.at.getTime());
      if (handled.action === 'report_done') {
        for (const step of ['accept', 'dispatch']) expect(actions, `${c.number} ${step}`).toContain(step);
        expect(actions.indexOf('accept')).toBeLessThan(actions.indexOf('dispatch'));
        expect(actions.lastIndexOf('dispatch')).toBeLessThan(actions.lastIndexOf('report_done'));
      }
    }
    const handlers = new Map<string, string | null>();
    for (const c of cases) {
      for (const e of timeline.get(c.id)!) {
        if (e.action === 'report_done' || e.action === 'resolve_on_spot') handlers.set(c.id, (e as unknown as { actor_id: string }).actor_id);
        if (e.action === 'verify') expect((e as unknown as { actor_id: string }).actor_id, c.number).not.toBe(handlers.get(c.id));
      }
    }
  });

  it('escalates only what ran late: every automatic escalation follows an overdue clock or the matter\'s time', async () => {
    const matters = new Map((await t.db.query<{ id: string; escalate_after_h: number | null; sla: { acceptMin: number } }>('select id, escalate_after_h, sla from matters')).rows.map((m) => [m.id, m]));
    const matterOf = new Map((await t.db.query<{ id: string; matter_id: string }>('select id, matter_id from cases')).rows.map((c) => [c.id, matters.get(c.matter_id)!]));
    let checked = 0;
    for (const c of cases) {
      const events = timeline.get(c.id)!;
      events.forEach((e, i) => {
        if (e.action !== 'escalate' || e.data?.automatic !== true) return;
        checked++;
        const before = events.slice(0, i);
        const rule = String(e.reason);
        if (rule.includes('acceptOverdue')) {
          const since = before.findLast((x) => x.action === 'escalate' || x.action === 'report')!;
          expect(e.at.getTime() - since.at.getTime(), c.number).toBeGreaterThan(matterOf.get(c.id)!.sla.acceptMin * 60_000);
        } else if (rule.includes('handleOverdue')) {
          expect(before.some((x) => x.action === 'overdue'), `${c.number} ${rule}`).toBe(true);
        } else {
          expect(rule, c.number).toContain('escalateAfterH');
          expect(e.at.getTime() - c.created_at.getTime(), c.number).toBeGreaterThanOrEqual(Number(matterOf.get(c.id)!.escalate_after_h) * 3_600_000);
        }
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('spreads over categories, grids, channels and the hours of the day, with photos', async () => {
    const by = <K>(f: (c: CaseRow) => K) => new Set(cases.map(f));
    expect(by((c) => c.category_code).size).toBeGreaterThanOrEqual(15);
    expect(by((c) => c.grid_id).size).toBeGreaterThanOrEqual(40);
    expect([...by((c) => `${c.source}/${c.reporter_kind}`)].sort()).toEqual(['gridWorker/gridWorker', 'hotline/caller', 'resident/resident', 'visit/staff']);
    const anonymous = await t.db.query<{ n: number }>(`select count(*)::int as n from cases where source = 'resident' and reporter_account_id is null`);
    expect(anonymous.rows[0]!.n).toBeGreaterThan(30);
    const hour = (c: CaseRow) => (c.created_at.getUTCHours() + 8) % 24;
    const working = cases.filter((c) => hour(c) >= 8 && hour(c) < 18).length;
    const night = cases.filter((c) => hour(c) < 6).length;
    expect(working / cases.length).toBeGreaterThan(0.6);
    expect(night).toBeGreaterThan(0);
    expect(night / cases.length).toBeLessThan(0.05);
    const photos = await t.db.query<{ phase: string; n: number }>(
      'select phase, count(distinct case_id)::int as n from case_photos group by phase order by phase');
    expect(photos.rows.map((p) => p.phase)).toEqual(['after', 'before']);
    for (const p of photos.rows) expect(p.n).toBeGreaterThan(30);
  });

  it('adds nothing the second time', async () => {
    expect(await history(t)).toBeNull();
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n).toBe(cases.length);
  });

  it('gives the same case numbers, states and timelines for the same seed', async () => {
    const again = await createTestApp();
    try {
      await history(again);
      const shape = async (db: TestApp['db']) => (await db.query<{ number: string; status: string; tier: string; steps: string }>(
        `select c.number, c.status, c.tier, string_agg(e.action || '@' || (extract(epoch from e.at) * 1000)::bigint, ' ' order by e.id) as steps
           from cases c join case_events e on e.case_id = c.id group by c.id order by c.number`)).rows;
      expect(await shape(again.db)).toEqual(await shape(t.db));
    } finally {
      await again.close();
    }
  }, 600_000);
  it('goes on live: a report now and then in working hours, and open cases moving along, nothing twice', async () => {
    const town = (await loadDemoTown(t.db, blobStoreOf(t.config)))!;
    const services = { locator: t.app.locator, pii: t.app.pii, calendar: t.app.calendar };
    const ticks: LiveTick[] = [];
    for (let i = 1; i <= 40; i++) ticks.push(await liveDemoTick(t.db, town, services, new Date(NOW.getTime() + i * 180_000)));
    const reported = ticks.flatMap((x) => (x.reported ? [x.reported] : []));
    expect(reported.length).toBeGreaterThanOrEqual(8);
    expect(reported.length).toBeLessThanOrEqual(32);
    expect(ticks.reduce((n, x) => n + x.moved, 0)).toBeGreaterThanOrEqual(20);
    const moved = await t.db.query<{ action: string; n: number }>(
      'select action, count(*)::int as n from case_events where at > $1 group by action order by action', [NOW]);
    const actions = moved.rows.map((x) => x.action);
    for (const a of ['report', 'accept', 'dispatch']) expect(actions).toContain(a);
    // the same tick again (a retried job): the same report, nothing moved twice
    const again = await liveDemoTick(t.db, town, services, new Date(NOW.getTime() + 40 * 180_000));
    expect(again.reported).toBe(ticks.at(-1)!.reported);
  });
});

describe('the demo switches', () => {
  it('are off unless set, and always off in production', () => {
    expect(demoSwitches(loadConfig({}))).toEqual({ history: false, live: false });
    expect(demoSwitches(loadConfig({ DEMO_HISTORY: 'on', DEMO_LIVE: 'on' }))).toEqual({ history: true, live: true });
    expect(demoSwitches(loadConfig({ DEMO_HISTORY: 'on', DEMO_LIVE: 'off' }))).toEqual({ history: true, live: false });
    expect(demoSwitches(loadConfig({ NODE_ENV: 'production', DEMO_HISTORY: 'on', DEMO_LIVE: 'on' }))).toEqual({ history: false, live: false });
  });
});
