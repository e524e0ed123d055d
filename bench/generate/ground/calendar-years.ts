import type { Tx } from '../../../src/server/platform/db/db.ts';
import { saveCalendarYear } from '../../../src/server/calendar/store.ts';
import { validateCalendarYear } from '../../../src/domain/calendar/calendar-year.ts';

/**
 * The working calendar of the two years before the one migration 006 enters (2026), so the generated history's
 * working-day deadlines count the holidays of 2024 and 2025: each year as an admin enters it from the State Council's
 * notice (every day of each holiday, and the weekend days worked in exchange), checked by the app's own rule.
 */

const range = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

export const EARLIER_YEARS = [
  {
    year: 2024, source: '国务院办公厅关于2024年部分节假日安排的通知 (2023-10-25)',
    holidays: ['2024-01-01', ...range('2024-02-10', 8), ...range('2024-04-04', 3), ...range('2024-05-01', 5), ...range('2024-06-08', 3),
      ...range('2024-09-15', 3), ...range('2024-10-01', 7)],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
    at: '2023-10-25T09:00:00+08:00',
  },
  {
    year: 2025, source: '国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)',
    holidays: ['2025-01-01', ...range('2025-01-28', 8), ...range('2025-04-04', 3), ...range('2025-05-01', 5), ...range('2025-05-31', 3),
      ...range('2025-10-01', 8)],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    at: '2024-11-12T09:00:00+08:00',
  },
] as const;

/** Enters the years not there yet, as the city's admin. */
export async function enterEarlierYears(tx: Tx, adminId: string): Promise<number> {
  const there = new Set((await tx.query<{ year: number }>('select year from working_calendar_years')).rows.map((r) => r.year));
  let entered = 0;
  for (const y of EARLIER_YEARS) {
    if (there.has(y.year)) continue;
    const problems = validateCalendarYear(y);
    if (problems.length > 0) throw new Error(`calendar ${y.year}: ${problems.map((p) => p.message).join('; ')}`);
    await saveCalendarYear(tx, { year: y.year, source: y.source, holidays: y.holidays, workdays: y.workdays, at: new Date(y.at), by: adminId });
    entered++;
  }
  return entered;
}
