import type { Tx } from './db.ts';
import { caseNumberDay } from '../../../domain/cases/case-number.ts';

/** The kinds of readable numbers kept in `document_counters`, and whether they run per day or per year. */
const PERIODS = { dispute: 'day', enforcement: 'day', inspection: 'day', agreement: 'year', decision: 'year' } as const;
export type DocumentKind = keyof typeof PERIODS;

/**
 * The next sequence of a town's documents of one kind for the period `at` falls in (Asia/Shanghai days and years), taken
 * in the caller's transaction; a rollback gives the number back. Answers the period too, for the printed number.
 */
export async function nextDocumentSeq(tx: Tx, kind: DocumentKind, townId: string, at: Date): Promise<{ period: string; seq: number }> {
  const day = caseNumberDay(at);
  const period = PERIODS[kind] === 'day' ? day : day.slice(0, 4);
  const r = await tx.query<{ seq: number }>(
    `insert into document_counters (kind, town_id, period, seq) values ($1, $2, $3, 1)
     on conflict (kind, town_id, period) do update set seq = document_counters.seq + 1
     returning seq`,
    [kind, townId, period],
  );
  return { period, seq: r.rows[0]!.seq };
}

/** JF / ZF / JC + town code + yyyyMMdd + two-digit (or longer) sequence, e.g. JF50019900120261203-07. */
export function printDailyNumber(prefix: 'JF' | 'ZF' | 'JC', townCode: string, period: string, seq: number): string {
  return `${prefix}${townCode}${period}-${String(seq).padStart(2, '0')}`;
}
