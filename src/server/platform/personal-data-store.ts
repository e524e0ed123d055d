import type { Tx } from './db/db.ts';
import { SEALED_PREFIX, type Sealed } from './pii-cipher.ts';

/** The columns that hold personal data in the clear until sealed; the text is fixed here, never from input. */
const COLUMNS = {
  accountPhones: { table: 'accounts', column: 'phone' },
  teamPhones: { table: 'grid_team_members', column: 'phone' },
  reporterNames: { table: 'cases', column: 'reporter_name' },
} as const;
export type PersonalColumn = keyof typeof COLUMNS;

export interface PlainValue {
  id: string;
  plain: string;
}

/** Values not sealed yet, by id after `afterId` (the partial indexes of migration 012 find them without a scan). */
export async function listPlainValues(tx: Tx, which: PersonalColumn, afterId: string, limit: number): Promise<PlainValue[]> {
  const { table, column } = COLUMNS[which];
  const r = await tx.query<PlainValue>(
    `select id, ${column} as plain from ${table}
      where ${column} is not null and ${column} not like '${SEALED_PREFIX}%' and id > $1 order by id limit $2`,
    [afterId, limit],
  );
  return r.rows;
}

/** Replaces each plain value by its sealed one, unless another node did first (the plain value is gone). */
export async function writeSealedValues(tx: Tx, which: PersonalColumn, rows: (PlainValue & { sealed: Sealed })[]): Promise<number> {
  const { table, column } = COLUMNS[which];
  const r = await tx.query(
    `update ${table} t set ${column} = x.sealed
       from jsonb_to_recordset($1::jsonb) as x(id text, plain text, sealed text)
      where t.id = x.id and t.${column} = x.plain`,
    [JSON.stringify(rows)],
  );
  return r.rowCount;
}

/**
 * Earlier versions copied the reporter's name into the report's timeline entry as its actor. The entry names the
 * signed-in account that reported instead (the dispatcher who took a call, the grid worker), and no one for residents,
 * whose names are shown only through the reporter's contact. Run before the cases' names are sealed.
 */
export async function forgetReporterNamesInTimeline(tx: Tx, caseIds: readonly string[]): Promise<void> {
  // the timeline is append-only; migration 012 lets this one change through
  await tx.query(`select set_config('zhizhi.seal_personal_data', 'on', true)`);
  await tx.query(
    `update case_events e
        set actor_name = case when c.reporter_kind = 'resident' then null else (select a.name from accounts a where a.id = e.actor_id) end
       from cases c
      where c.id = any($1::text[]) and e.case_id = c.id and e.action = 'report' and e.actor_name = c.reporter_name
        and c.reporter_kind in ('resident', 'staff', 'gridWorker')`,
    [caseIds],
  );
}
