import type { Db } from '../../platform/db/db.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import { WorkingCalendarCache } from '../../calendar/calendar-cache.ts';
import { blobStoreOf } from '../../files/blob-store.ts';
import type { Config } from '../../platform/config.ts';
import { applyCaseAction } from '../apply-case-action.ts';
import { reportCase, type IntakeServices } from '../report-case.ts';
import * as store from '../store.ts';
import { listOpenCaseIds } from './demo-store.ts';
import { liveChannel, planReport, sceneOf, shanghaiHour, type CasePlan } from './history-plan.ts';
import { newProgress, nextStep } from './next-step.ts';
import { randomFor } from './random.ts';
import { DEMO_SEED, loadDemoTown, reportInput, type DemoTown } from './seed-history.ts';

/** The chance of a new report at one tick (every three minutes), by the hour in Shanghai. */
function reportChance(hour: number): number {
  if (hour >= 8 && hour < 20) return 0.5;
  if (hour === 7 || (hour >= 20 && hour < 23)) return 0.2;
  return 0.04;
}

/** At most this many open cases move one step at a tick, so the workbench moves without jumping. */
const MOVES_PER_TICK = 3;

export interface LiveTick {
  reported: string | null;
  moved: number;
}

/**
 * One tick of the live demo: now and then a new report through intake (mostly in working hours), and a few open cases
 * one step further through the action command (accepted, dispatched, started, reported done, verified) by whoever the
 * lifecycle lets take it. Keyed by the minute: a retried tick reports nothing twice (Idempotency-Key) and moves nothing
 * twice (each step names the case version it saw).
 */
export async function liveDemoTick(db: Db, town: DemoTown, services: IntakeServices, now: Date): Promise<LiveTick> {
  const minute = Math.floor(now.getTime() / 60_000);
  const r = randomFor(DEMO_SEED, `live:${minute}`);
  const tick: LiveTick = { reported: null, moved: 0 };
  if (r.chance(reportChance(shanghaiHour(now.getTime())))) {
    const plan = planReport(r, town.place, now, liveChannel(r, now));
    const scene = town.pool.get(plan.scene);
    const photos = scene && plan.photoCount > 0 ? [r.pick(scene.before)] : [];
    const result = await reportCase(db, services, { ...reportInput(plan, town.cast), photos, idempotencyKey: `demo-live:${minute}` }, now);
    tick.reported = result.caseId;
  }
  const calendar = await services.calendar.current();
  for (const id of await listOpenCaseIds(db, town.id, 100)) {
    if (tick.moved >= MOVES_PER_TICK) break;
    const row = await store.findCase(db, id, null);
    if (!row) continue;
    const step = nextStep(row, newProgress(livePlan(row)), town.cast, r, row.updated_at.getTime(), town.pool);
    if (!step || step.at > now.getTime()) continue;
    try {
      await applyCaseAction(db, id, { ...step.cmd, version: row.version }, step.by.actor, step.by.viewer, step.by.name, now, calendar);
      tick.moved++;
    } catch {
      // someone acted on it meanwhile (a person in the browser, the sweep): it is looked at again next tick
    }
  }
  return tick;
}

/** How a case the live demo finds open goes on: handled in good time, without rating. */
function livePlan(row: store.CaseRow): CasePlan {
  return {
    key: -1, at: row.created_at, channel: row.source === 'gridWorker' ? 'gridWorker' : 'public', categoryCode: row.category_code,
    gridId: row.grid_id, communityIndex: 0, location: { lng: row.lng, lat: row.lat }, address: row.address ?? '', description: row.description,
    caller: null, scene: sceneOf(row.category_code), photoCount: 0, outcome: 'normal', speed: 0.35, rating: null, revisit: false,
    suspendDays: 0, byCommunity: true, duplicateOf: null,
  };
}

/**
 * The live demo as a job, every three minutes: registered only when the demo runs live (`DEMO_LIVE`, see the cases
 * capability), and doing nothing on a database without the demo town.
 */
export function demoLiveJob(db: Db, config: Pick<Config, 'dataDir' | 'files'>, clock: () => Date = () => new Date()): JobDefinition {
  let ready: Promise<{ town: DemoTown; services: IntakeServices } | null> | null = null;
  const load = async () => {
    const town = await loadDemoTown(db, blobStoreOf(config));
    if (!town) return null;
    return { town, services: { locator: new GridLocatorCache(db), pii: new PiiCipher(loadPiiKey(config.dataDir)), calendar: new WorkingCalendarCache(db) } };
  };
  return {
    name: 'demo-live',
    cron: '*/3 * * * *',
    expireInSeconds: 120,
    handler: async () => {
      ready ??= load().catch((err: unknown) => {
        ready = null;
        throw err;
      });
      const live = await ready;
      if (live) await liveDemoTick(db, live.town, live.services, clock());
    },
  };
}
