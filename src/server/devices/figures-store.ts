import type { Tx } from '../platform/db/db.ts';
import type { ReadingKind } from '../../shared/devices.ts';

/* Figures per device (readings per day, alarms by type) and its readings page by page. Callers checked the device's reach. */

const DAY_MS = 86_400_000;
/** Asia/Shanghai keeps +08:00 all year */
const CST_MS = 8 * 3_600_000;
const cstDay = (ms: number) => new Date(ms + CST_MS).toISOString().slice(0, 10);

/** Readings per Asia/Shanghai day over the last `days` days up to `now` (today included), oldest first, empty days as 0. */
export async function readingsPerDay(tx: Tx, deviceId: string, now: Date, days = 30): Promise<{ day: string; count: number }[]> {
  const todayStart = Math.floor((now.getTime() + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
  const from = new Date(todayStart - (days - 1) * DAY_MS);
  const r = await tx.query<{ day: string; n: number }>(
    `select to_char(at + interval '8 hours', 'YYYY-MM-DD') as day, count(*)::int as n from device_readings
      where device_id = $1 and at >= $2 and at <= $3 group by 1`, [deviceId, from, now]);
  const byDay = new Map(r.rows.map((x) => [x.day, Number(x.n)]));
  return Array.from({ length: days }, (_, i) => {
    const day = cstDay(from.getTime() + i * DAY_MS);
    return { day, count: byDay.get(day) ?? 0 };
  });
}

export async function alarmsByType(tx: Tx, deviceId: string): Promise<{ alarmType: string; count: number }[]> {
  const r = await tx.query<{ alarm_type: string; n: number }>(
    'select alarm_type, count(*)::int as n from alarms where device_id = $1 group by alarm_type order by n desc, alarm_type', [deviceId]);
  return r.rows.map((x) => ({ alarmType: x.alarm_type, count: Number(x.n) }));
}

export interface ReadingRow {
  at: Date; received_at: Date; dedupe_key: string; kind: ReadingKind; key: string | null; value: number | null;
  text_value: string | null; battery: number | null;
}

/** A device's readings in [from, to], newest first; keyset after (at, dedupe_key) of the previous page's last row. */
export async function listReadings(tx: Tx, deviceId: string, from: Date, to: Date, after: [string, string] | null, limit: number): Promise<ReadingRow[]> {
  const params: unknown[] = [deviceId, from, to];
  let where = 'device_id = $1 and at >= $2 and at <= $3';
  if (after) {
    params.push(after[0], after[1]);
    where += ` and (at, dedupe_key) < ($4::timestamptz, $5::text)`;
  }
  params.push(limit);
  return (await tx.query<ReadingRow>(
    `select at, received_at, dedupe_key, kind, key, value, text_value, battery from device_readings
      where ${where} order by at desc, dedupe_key desc limit $${params.length}`, params)).rows;
}
