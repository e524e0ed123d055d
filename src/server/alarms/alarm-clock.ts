import type { BackgroundService, CapabilityContext } from '../platform/capability.ts';
import type { Db } from '../platform/db/db.ts';
import { loadPiiKey, PiiCipher } from '../platform/pii-cipher.ts';
import { GridLocatorCache } from '../org/locator-cache.ts';
import { WorkingCalendarCache } from '../calendar/calendar-cache.ts';
import type { IntakeServices } from '../cases/report-case.ts';
import { fireDueDeadlines } from '../devices/fire-deadlines.ts';
import { onAlarmsRaised } from '../devices/ingest.ts';
import { dispatchAlarms } from './dispatch-alarms.ts';
import { escalateAlarms } from './escalate-alarms.ts';
import { deliverDueWebhooks } from './deliver-webhooks.ts';

/** One tick's work, each part counted (for the log and the tests). */
export interface TickReport {
  fired: number;
  dispatched: number;
  caseIds: string[];
  taskIds: string[];
  escalated: number;
  webhooks: number;
  errors: string[];
}

export interface AlarmClockOptions {
  db: Db;
  intake: IntakeServices;
  clock: () => Date;
  /** between ticks when nothing kicks it (ALARM_TICK_MS, default 1000) */
  tickMs: number;
  log?: (line: string) => void;
}

/** Rule deadlines claimed per call; the tick calls again while a call claims this many. */
const DEADLINE_BATCH = 500;

/**
 * The alarm clock (issue 13): every `tickMs`, and at once when the ingest raises alarms on this node, it fires the rule
 * deadlines that fell due (inactivity, durations, devices gone silent), opens the care orders and tasks of new alarms,
 * sends the escalation steps that are due, and delivers the partners' webhooks. Every part claims its rows `skip
 * locked`, so any number of nodes may run a clock; on one node never two ticks at once (a kick during a tick runs
 * another right after it). A failing part is logged and the others still run; nothing is thrown out of the loop.
 */
export class AlarmClock {
  private readonly o: AlarmClockOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickReport> | null = null;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void) | null = null;
  private webhooks: Promise<void> | null = null;

  constructor(o: AlarmClockOptions) {
    this.o = o;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = onAlarmsRaised(this.o.db, () => this.kick());
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.webhooks;
  }

  /** Ticks now (or right after the tick under way): new alarms get their care order without waiting for the next tick. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * One tick, now: what the tests call with their fake clock. Waits for a tick under way first (never two at once). The
   * running loop does not wait for the partners' webhooks (they run beside the next ticks); a test waits by default.
   */
  async tick(o: { waitForWebhooks?: boolean } = {}): Promise<TickReport> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.work(o.waitForWebhooks ?? true);
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick({ waitForWebhooks: false }).finally(() => {
        const soon = this.again;
        this.again = false;
        this.schedule(soon ? 0 : this.o.tickMs);
      });
    }, ms);
    this.timer.unref?.();
  }

  private async work(waitForWebhooks: boolean): Promise<TickReport> {
    const { db } = this.o;
    const now = this.o.clock();
    const report: TickReport = { fired: 0, dispatched: 0, caseIds: [], taskIds: [], escalated: 0, webhooks: 0, errors: [] };
    const part = async (name: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        const line = `alarm clock: ${name} failed: ${(err as Error).message}`;
        report.errors.push(line);
        this.o.log?.(line);
      }
    };
    await part('rule deadlines', async () => {
      for (let i = 0; i < 20; i++) {
        const r = await fireDueDeadlines(db, now, DEADLINE_BATCH);
        report.fired += r.fired;
        if (r.claimed < DEADLINE_BATCH) break;
      }
    });
    await part('care orders', async () => {
      const r = await dispatchAlarms(db, this.o.intake, now, undefined, { log: this.o.log });
      report.dispatched += r.dispatched;
      report.caseIds.push(...r.caseIds);
      report.taskIds.push(...r.taskIds);
    });
    await part('escalation', async () => {
      report.escalated += (await escalateAlarms(db, now)).escalated;
    });
    await part('webhooks', async () => {
      // one delivery run at a time per node, beside the ticks: a partner slow to answer (5 s at most) must not hold back
      // the next deadlines and escalations; what is due meanwhile waits for the next run
      if (this.webhooks) return;
      const run = deliverDueWebhooks(db, this.o.intake.pii, now)
        .then((r) => { report.webhooks += r.sent; })
        .catch((err: Error) => {
          const line = `alarm clock: webhooks failed: ${err.message}`;
          report.errors.push(line);
          this.o.log?.(line);
        })
        .finally(() => { this.webhooks = null; });
      this.webhooks = run;
      if (waitForWebhooks) await run;
    });
    return report;
  }
}

/** ALARM_TICK_MS: the alarm clock's tick (default 1000 ms, at least 50). */
export function alarmTickMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.ALARM_TICK_MS?.trim();
  if (!raw) return 1000;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 50) throw new Error(`ALARM_TICK_MS must be a number of milliseconds (50 or more), not ${raw}`);
  return Math.round(ms);
}

/** The intake a node's clock opens care orders through: its own caches over the database (as the demo's jobs do). */
export function intakeServicesOf(ctx: CapabilityContext): IntakeServices {
  return { locator: new GridLocatorCache(ctx.db), pii: new PiiCipher(loadPiiKey(ctx.config.dataDir)), calendar: new WorkingCalendarCache(ctx.db) };
}

/** The alarm clock as a service of API and worker nodes; `clock` is the clock itself, for tests that tick it by hand. */
export function alarmClockService(ctx: CapabilityContext, deps: { intake?: IntakeServices; log?: (line: string) => void } = {}): BackgroundService & { clock: AlarmClock } {
  const clock = new AlarmClock({
    db: ctx.db, intake: deps.intake ?? intakeServicesOf(ctx), clock: ctx.clock ?? (() => new Date()), tickMs: alarmTickMs(ctx.config.env),
    log: deps.log ?? ((line) => console.error(line)),
  });
  return {
    name: 'alarm-clock',
    runsOn: ['api', 'worker'],
    clock,
    start: async () => clock.start(),
    stop: () => clock.stop(),
  };
}
