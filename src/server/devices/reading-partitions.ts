import type { Db, Tx } from '../platform/db/db.ts';
import { deleteOldMessageIds } from './readings-store.ts';

/** Readings are kept this many whole months back from the current one (READINGS_RETENTION_MONTHS). */
export const DEFAULT_RETENTION_MONTHS = 13;
/** Partitions made ahead of the current month, so a month's first reading never lands in the default partition. */
export const MONTHS_AHEAD = 2;

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The first instant (UTC) of the month `offset` months from the one holding `at`, months counted in Asia/Shanghai. */
export function monthStart(at: Date, offset = 0): Date {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset, 1) - SHANGHAI_OFFSET_MS);
}

/** device_readings_y2026m03 for the month starting at `start` (a monthStart). */
export function partitionName(start: Date): string {
  const local = new Date(start.getTime() + SHANGHAI_OFFSET_MS);
  return `device_readings_y${local.getUTCFullYear()}m${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

const NAME_RE = /^device_readings_y(\d{4})m(\d{2})$/;

async function existingPartitions(tx: Tx): Promise<string[]> {
  const r = await tx.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      where p.relname = 'device_readings'`,
  );
  return r.rows.map((x) => x.name).filter((n) => NAME_RE.test(n));
}

export interface PartitionReport {
  created: string[];
  dropped: string[];
  /** readings moved out of the default partition into a month created now */
  moved: number;
  /** readings too old for any partition deleted from the default partition */
  expired: number;
  messageIdsDeleted: number;
}

/**
 * Keeps device_readings' monthly partitions (Asia/Shanghai months): one for each month from `retentionMonths` back to
 * MONTHS_AHEAD ahead of `now`; a month older than that is detached and dropped (its readings expire with it), and the
 * default partition (readings whose time fell outside the months made so far) is emptied into a month created now or
 * of what is too old. Message ids older than two days are forgotten. One transaction under an advisory lock: nodes
 * running it together take turns, the second finding nothing to do.
 */
export async function maintainReadingPartitions(db: Db, now: Date, retentionMonths = DEFAULT_RETENTION_MONTHS): Promise<PartitionReport> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('device_readings partitions'))`);
    const have = new Set(await existingPartitions(tx));
    const report: PartitionReport = { created: [], dropped: [], moved: 0, expired: 0, messageIdsDeleted: 0 };
    const keepFrom = monthStart(now, -retentionMonths);
    for (let m = -retentionMonths; m <= MONTHS_AHEAD; m++) {
      const from = monthStart(now, m);
      const to = monthStart(now, m + 1);
      const name = partitionName(from);
      if (have.has(name)) continue;
      // made detached, filled with what the default partition holds of its month, then attached (attaching checks both)
      await tx.exec(`create table ${name} (like device_readings including defaults including constraints)`);
      const moved = await tx.query(
        `with moved as (delete from device_readings_default where at >= $1 and at < $2 returning *)
         insert into ${name} select * from moved`,
        [from, to],
      );
      report.moved += moved.rowCount;
      await tx.exec(`alter table device_readings attach partition ${name} for values from ('${from.toISOString()}') to ('${to.toISOString()}')`);
      report.created.push(name);
    }
    for (const name of have) {
      const [, y, mo] = NAME_RE.exec(name)!;
      const start = new Date(Date.UTC(Number(y), Number(mo) - 1, 1) - SHANGHAI_OFFSET_MS);
      if (start.getTime() >= keepFrom.getTime()) continue;
      await tx.exec(`alter table device_readings detach partition ${name}`);
      await tx.exec(`drop table ${name}`);
      report.dropped.push(name);
    }
    const expired = await tx.query(`delete from device_readings_default where at < $1`, [keepFrom]);
    report.expired = expired.rowCount;
    report.messageIdsDeleted = await deleteOldMessageIds(tx, new Date(now.getTime() - 2 * 24 * 3600 * 1000));
    return report;
  });
}

/** READINGS_RETENTION_MONTHS, default 13 (a year and the month before, for year-on-year figures). */
export function retentionMonthsOf(env: Readonly<Record<string, string | undefined>>): number {
  const n = Number(env.READINGS_RETENTION_MONTHS ?? DEFAULT_RETENTION_MONTHS);
  return Number.isInteger(n) && n >= 1 && n <= 120 ? n : DEFAULT_RETENTION_MONTHS;
}
