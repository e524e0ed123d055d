import type { Tx } from '../platform/db/db.ts';

export interface CalendarYearRow {
  year: number;
  source: string;
  holidays: string[];
  workdays: string[];
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
}

const COLUMNS = `w.year, w.source, w.holidays, w.workdays, w.updated_at, w.updated_by, a.name as updated_by_name`;

export async function listCalendarYears(db: Tx): Promise<CalendarYearRow[]> {
  return (await db.query<CalendarYearRow>(`select ${COLUMNS} from working_calendar_years w left join accounts a on a.id = w.updated_by order by w.year`)).rows;
}

export async function findCalendarYear(db: Tx, year: number): Promise<CalendarYearRow | null> {
  return (await db.query<CalendarYearRow>(`select ${COLUMNS} from working_calendar_years w left join accounts a on a.id = w.updated_by where w.year = $1`, [year])).rows[0] ?? null;
}

export async function saveCalendarYear(
  tx: Tx, e: { year: number; source: string; holidays: readonly string[]; workdays: readonly string[]; at: Date; by: string },
): Promise<void> {
  await tx.query(
    `insert into working_calendar_years (year, source, holidays, workdays, updated_at, updated_by) values ($1, $2, $3, $4, $5, $6)
     on conflict (year) do update set source = excluded.source, holidays = excluded.holidays, workdays = excluded.workdays,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [e.year, e.source, JSON.stringify(e.holidays), JSON.stringify(e.workdays), e.at, e.by],
  );
}
