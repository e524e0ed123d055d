import type { Tx } from '../platform/db/db.ts';
import type { ReadingKind } from '../../shared/devices.ts';

/** One reading row as the ingest writes it (times in epoch ms). */
export interface ReadingRow {
  deviceId: string;
  at: number;
  dedupeKey: string;
  kind: ReadingKind;
  key: string | null;
  value: number | null;
  textValue: string | null;
  battery: number | null;
}

const rowKey = (deviceId: string, at: number, dedupeKey: string) => `${deviceId}\u0000${at}\u0000${dedupeKey}`;

/**
 * Claims the message ids of readings that came without a time (a retry arrives later, so only the id makes it the
 * same reading). Answers the `device\0messageId` pairs claimed now; the others were seen before (duplicates).
 */
export async function claimMessageIds(tx: Tx, ids: readonly { deviceId: string; messageId: string }[], receivedAt: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  // sorted, so two transactions claiming overlapping ids wait for each other in the same order (no deadlock)
  const sorted = [...ids].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
  const r = await tx.query<{ device_id: string; message_id: string }>(
    `insert into device_message_ids (device_id, message_id, received_at)
     select t.d, t.m, $2 from jsonb_to_recordset($1::jsonb) as t(d text, m text)
     on conflict do nothing
     returning device_id, message_id`,
    [JSON.stringify(sorted.map((x) => ({ d: x.deviceId, m: x.messageId }))), receivedAt],
  );
  return new Set(r.rows.map((x) => `${x.device_id}\u0000${x.message_id}`));
}

/**
 * Inserts the readings in one statement; a reading already stored (same device, time and dedupe key) is skipped.
 * Answers the keys (`rowKey`) of the rows inserted now.
 */
export async function insertReadings(tx: Tx, rows: readonly ReadingRow[], receivedAt: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const sorted = [...rows].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.at - b.at || (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0)));
  const r = await tx.query<{ device_id: string; at: Date; dedupe_key: string }>(
    `insert into device_readings (device_id, at, dedupe_key, received_at, kind, key, value, text_value, battery)
     select t.d, t.a, t.k, $2, t.n, t.y, t.v, t.x, t.b
       from jsonb_to_recordset($1::jsonb) as t(d text, a timestamptz, k text, n text, y text, v double precision, x text, b smallint)
     on conflict do nothing
     returning device_id, at, dedupe_key`,
    [JSON.stringify(sorted.map((x) => ({
      d: x.deviceId, a: new Date(x.at).toISOString(), k: x.dedupeKey, n: x.kind, y: x.key, v: x.value, x: x.textValue, b: x.battery,
    }))), receivedAt],
  );
  return new Set(r.rows.map((x) => rowKey(x.device_id, new Date(x.at).getTime(), x.dedupe_key)));
}

export { rowKey as readingRowKey };

export interface StoredReading {
  at: Date;
  receivedAt: Date;
  kind: ReadingKind;
  key: string | null;
  value: number | null;
  textValue: string | null;
  battery: number | null;
}

/** A device's readings in [from, to), oldest first (the rules' preview replays them), at most `limit`. */
export async function readingsBetween(tx: Tx, deviceId: string, from: Date, to: Date, limit = 20_000): Promise<StoredReading[]> {
  const r = await tx.query<{ at: Date; received_at: Date; kind: ReadingKind; key: string | null; value: number | null; text_value: string | null; battery: number | null }>(
    `select at, received_at, kind, key, value, text_value, battery from device_readings
      where device_id = $1 and at >= $2 and at < $3
      order by at, received_at limit $4`,
    [deviceId, from, to, limit],
  );
  return r.rows.map((x) => ({ at: new Date(x.at), receivedAt: new Date(x.received_at), kind: x.kind, key: x.key, value: x.value, textValue: x.text_value, battery: x.battery }));
}

/** Forgets message ids received before `before` (retries come within minutes; two days are kept). */
export async function deleteOldMessageIds(tx: Tx, before: Date): Promise<number> {
  const r = await tx.query(`delete from device_message_ids where received_at < $1`, [before]);
  return r.rowCount;
}
