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
  private loadedAt = 0;
  private loading: Promise<WorkingCalendar> | null = null;

  constructor(db: Tx, maxAgeMs = 60_000) {
    this.db = db;
    this.maxAgeMs = maxAgeMs;
  }

  invalidate(): void {
    this.loadedAt = 0;
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
    const years = await listCalendarYears(this.db);
    this.calendar = calendarFrom(years.map((y) => ({ source: y.source, holidays: y.holidays, workdays: y.workdays })));
    this.loadedAt = startedAt;
    return this.calendar;
  }
}
