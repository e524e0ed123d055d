import type { BackgroundService, CapabilityContext } from '../platform/capability.ts';
import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import type { IntakeServices } from '../cases/report-case.ts';
import { intakeServicesOf } from '../alarms/alarm-clock.ts';
import type { PlanLevel } from '../../shared/plans.ts';
import { matchBatch, type MatchedTrigger } from './match-triggers.ts';
import { markMatchActivated, markMatchFailed } from './trigger-store.ts';
import { activatePlan } from './activate-plan.ts';

/*
 * The plans' trigger service (数字预案 · 自动研判): every PLAN_TICK_MS (default 2000) on API and worker nodes it looks at
 * the alarms, platform alerts and cases that came in since, writes the plans they match (plan_trigger_matches), and
 * starts the plans whose trigger says `auto` (H3's activatePlan with the system as actor); `suggest` matches wait for the
 * command center (GET /api/plan-suggestions). Rows are claimed `skip locked`, so any number of nodes may run it; an
 * activation is idempotent on its trigger (one incident per plan and alarm/case/alert), so two nodes starting the same
 * auto match make one incident.
 */

export interface TriggerTickReport {
  /** outbox rows looked at */
  checked: number;
  /** matches written (suggest and auto) */
  matched: number;
  /** incidents the auto matches opened (or found already open) */
  activated: string[];
  /** auto matches refused (a role nobody holds, a retired plan …), their reasons kept on the match */
  failed: number;
  errors: string[];
}

const BATCH = 200;
/** open auto matches retried per tick (a node that died between matching and activating leaves them open) */
const AUTO_BATCH = 50;

/** One tick, now: what the tests call with their fake clock. Never throws; a failing part is in `errors`. */
export async function runTriggerTick(db: Db, services: IntakeServices, now: Date, log?: (line: string) => void): Promise<TriggerTickReport> {
  const report: TriggerTickReport = { checked: 0, matched: 0, activated: [], failed: 0, errors: [] };
  const fail = (what: string, err: unknown) => {
    const line = `plan triggers: ${what} failed: ${(err as Error).message}`;
    report.errors.push(line);
    log?.(line);
  };
  for (const kind of ['alarm', 'alert', 'case'] as const) {
    try {
      for (let i = 0; i < 20; i++) {
        const r = await db.transaction((tx) => matchBatch(tx, kind, now, BATCH));
        report.checked += r.claimed;
        report.matched += r.matches.length;
        if (r.claimed < BATCH) break;
      }
    } catch (err) {
      fail(`${kind} matching`, err);
    }
  }
  let open: MatchedTrigger[] = [];
  try {
    open = (await db.query<{ id: string; plan_id: string; level: string; mode: 'auto'; trigger_kind: 'alarm' | 'case' | 'alert'; trigger_ref: string; trigger_key: string }>(
      `select id, plan_id, level, mode, trigger_kind, trigger_ref, trigger_key from plan_trigger_matches
        where status = 'open' and mode = 'auto' order by matched_at, id limit $1`, [AUTO_BATCH])).rows
      .map((m) => ({ id: m.id, planId: m.plan_id, level: m.level, mode: m.mode, triggerKind: m.trigger_kind, triggerRef: m.trigger_ref, triggerKey: m.trigger_key }));
  } catch (err) {
    fail('auto matches', err);
  }
  for (const m of open) {
    try {
      const r = await activatePlan(db, services, {
        planId: m.planId, level: m.level as PlanLevel, reason: autoReason(m), drill: false,
        trigger: { kind: m.triggerKind, id: m.triggerRef }, actor: null,
      }, now);
      // activatePlan marks the match in its transaction; marked again here (idempotent) so a match never stays open
      await db.transaction((tx) => markMatchActivated(tx, m.planId, m.triggerKey, r.incidentId, now, null));
      report.activated.push(r.incidentId);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        // no retry changes a refusal: the match keeps the reason and the command center sees it among the suggestions
        await db.transaction((tx) => markMatchFailed(tx, m.id, `${err.code}: ${err.messageZh}`, now)).catch((e) => fail('marking a refusal', e));
        report.failed += 1;
      } else {
        fail(`activating plan ${m.planId} on ${m.triggerKey}`, err);
      }
    }
  }
  return report;
}

const KIND_NAMES = { alarm: '设备告警', case: '事件', alert: '平台预警' } as const;
const autoReason = (m: MatchedTrigger) => `${KIND_NAMES[m.triggerKind]}触发预案自动启动`;

/** PLAN_TICK_MS: the trigger service's tick (default 2000 ms, at least 50). */
export function planTickMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.PLAN_TICK_MS?.trim();
  if (!raw) return 2000;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 50) throw new Error(`PLAN_TICK_MS must be a number of milliseconds (50 or more), not ${raw}`);
  return Math.round(ms);
}

/** The trigger service of API and worker nodes; `tick` runs one now (tests with a fake clock call it). */
export function planTriggerService(
  ctx: CapabilityContext, deps: { intake?: IntakeServices; log?: (line: string) => void } = {},
): BackgroundService & { tick: () => Promise<TriggerTickReport> } {
  const clock = ctx.clock ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  let intake = deps.intake ?? null;
  const services = () => (intake ??= intakeServicesOf(ctx));
  const tickMs = planTickMs(ctx.config.env);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TriggerTickReport> | null = null;
  let stopped = true;
  const tick = async (): Promise<TriggerTickReport> => {
    while (running) await running.catch(() => undefined);
    const run = runTriggerTick(ctx.db, services(), clock(), log);
    running = run;
    try {
      return await run;
    } finally {
      running = null;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void tick().catch(() => undefined).finally(schedule);
    }, tickMs);
    timer.unref?.();
  };
  return {
    name: 'plan-triggers',
    runsOn: ['api', 'worker'],
    tick,
    start: async () => {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
