import type { Tx } from '../platform/db/db.ts';
import { calendarFrom, type WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import { listCalendarYears } from './store.ts';

/**
 * The working calendar each node counts working-day deadlines on, read from the database and kept in memory.
 * A year saved on this node is used at once (`invalidate`); other nodes pick it up within `maxAgeMs`, which is
 * harmless for a calendar entered weeks before the days it describes.
 */
export class WorkingCalendarCache {
  private readonly db: Tx;
  private readonly maxAgeMs: number;
  private calendar: WorkingCalendar | null = null;
  private loadedAt = -Infinity;
  private loading: Promise<WorkingCalendar> | null = null;

  constructor(db: Tx, maxAgeMs = 60_000) {
    this.db = db;
    this.maxAgeMs = maxAgeMs;
  }

  invalidate(): void {
    this.loadedAt = -Infinity;
  }

  async current(): Promise<WorkingCalendar> {
    if (this.calendar && performance.now() - this.loadedAt < this.maxAgeMs) return this.calendar;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<WorkingCalendar> {
    const startedAt = performance.now();
    this.calendar = await loadWorkingCalendar(this.db);
    this.loadedAt = startedAt;
    return this.calendar;
  }
}

/** Every year entered, as one calendar (for a job that runs without the API's cache). */
export async function loadWorkingCalendar(db: Tx): Promise<WorkingCalendar> {
  const years = await listCalendarYears(db);
  return calendarFrom(years.map((y) => ({ source: y.source, holidays: y.holidays, workdays: y.workdays })));
}
