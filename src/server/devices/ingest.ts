import type { Db, Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { READING_LIMITS } from '../../shared/devices.ts';
import { parseReading, sortReadings, type Reading, type ReadingRefusal } from '../../domain/devices/reading.ts';
import { evaluate, type RuleState } from '../../domain/devices/rules.ts';
import { insertAlarms, clearRecoveredAlarms, type NewAlarm } from '../alarms/raise-alarms.ts';
import { claimMessageIds, insertReadings, readingRowKey, type ReadingRow } from './readings-store.ts';
import { loadRuleStates, saveRuleStates, touchDevices, type DeviceHeard, type ProfileRulesCache, type RuleStateRow } from './rule-state-store.ts';

export interface IngestOutcome {
  stored: number;
  duplicates: number;
  /** alarms this submission's readings raised */
  alarmIds: string[];
}

interface Pending {
  deviceId: string;
  readings: Reading[];
  resolve: (o: IngestOutcome) => void;
  reject: (err: unknown) => void;
}

const REFUSAL_TEXT: Record<ReadingRefusal, [string, string]> = {
  notAnObject: ['is not a JSON object', '不是 JSON 对象'],
  noTimeOrMessageId: ['has neither ts nor messageId', '既无时间（ts）也无消息编号（messageId）'],
  tsInvalid: ['has a ts that is neither ISO 8601 with a zone nor epoch milliseconds', '时间（ts）格式无效：应为带时区的 ISO 8601 或毫秒时间戳'],
  tsInFuture: [`has a ts more than ${READING_LIMITS.futureSkewSec} s in the future`, `时间（ts）超前当前时间 ${READING_LIMITS.futureSkewSec} 秒以上`],
  messageIdInvalid: [`has a messageId that is empty or longer than ${READING_LIMITS.messageId}`, `消息编号（messageId）为空或超过 ${READING_LIMITS.messageId} 个字符`],
  kindInvalid: ['has an unknown kind (event, keepalive or status)', '类型（kind）无效：应为 event、keepalive 或 status'],
  keyInvalid: [`has a key that is not a name of at most ${READING_LIMITS.key} letters, digits, _ . -`, `键（key）无效：至多 ${READING_LIMITS.key} 个字母、数字或 _ . -，以字母开头`],
  valueInvalid: [`has a value that is not a number, a boolean or a text of at most ${READING_LIMITS.textValue}`, `值（value）应为数字、布尔值或不超过 ${READING_LIMITS.textValue} 字的文字`],
  batteryInvalid: ['has a battery outside 0–100', '电量（battery）应在 0–100 之间'],
  unknownField: ['has a field other than ts, messageId, kind, key, value, battery', '含有 ts、messageId、kind、key、value、battery 以外的字段'],
};

/** A device heard again within a minute of its stored offline state leaves that state unwritten (rules.ts, heard). */
const OFFLINE_SLACK_MS = 60_000;
/** A second transaction starts beside a running one only for at least this many readings (else they wait to join the next). */
const MIN_PARALLEL_BATCH = 64;

/** Checks every payload; answers the readings, or throws READING_INVALID naming each bad one (nothing is stored). */
export function parseReadings(payloads: readonly unknown[], now: number): Reading[] {
  if (payloads.length === 0 || payloads.length > READING_LIMITS.batch) {
    throw new AppError('READING_INVALID', `Send between 1 and ${READING_LIMITS.batch} readings at once.`, `每次应发送 1 至 ${READING_LIMITS.batch} 条读数。`);
  }
  const readings: Reading[] = [];
  const bad: { index: number; refusal: ReadingRefusal; message: string; messageZh: string }[] = [];
  payloads.forEach((p, index) => {
    const r = parseReading(p, now);
    if (r.ok) readings.push(r.reading);
    else bad.push({ index, refusal: r.refusal, message: REFUSAL_TEXT[r.refusal][0], messageZh: REFUSAL_TEXT[r.refusal][1] });
  });
  if (bad.length > 0) {
    const first = bad[0]!;
    throw new AppError(
      'READING_INVALID',
      `Reading ${first.index} ${first.message}${bad.length > 1 ? ` (and ${bad.length - 1} more)` : ''}; nothing was stored.`,
      `第 ${first.index + 1} 条读数${first.messageZh}${bad.length > 1 ? `（另有 ${bad.length - 1} 条有误）` : ''}，均未保存。`,
      { readings: bad.slice(0, 20).map(({ index, refusal }) => ({ index, refusal })) },
    );
  }
  return readings;
}

/**
 * The one way readings enter the platform (HTTP, MQTT, the demo). Concurrent submissions are gathered into one
 * transaction (a group commit): one insert of all readings, one locking select of their devices, one read of their rule
 * states, the rules evaluated in memory, one upsert of the states and deadlines, one update of the devices' last seen,
 * the alarms. A submission resolves only after its transaction committed — that is the device's acknowledgement.
 */
export class ReadingIngest {
  private readonly db: Db;
  private readonly clock: () => Date;
  private readonly onAlarms: ((alarmIds: string[]) => void) | undefined;
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private queue: Pending[] = [];
  private running = 0;
  private idle: (() => void)[] = [];
  private closed = false;
  private scheduled = false;
  private readonly profiles: ProfileRulesCache = new Map();

  constructor(db: Db, o: { clock: () => Date; onAlarms?: (alarmIds: string[]) => void; maxBatch?: number; concurrency?: number }) {
    this.db = db;
    this.clock = o.clock;
    this.onAlarms = o.onAlarms;
    this.maxBatch = o.maxBatch ?? 2000;
    // PGlite runs one transaction at a time anyway; on PostgreSQL two batches overlap (one commits while the next fills)
    this.concurrency = o.concurrency ?? (db.kind === 'postgres' ? 2 : 1);
  }

  /**
   * Validates every payload first (AppError READING_INVALID 422 naming the bad ones, nothing stored); then stores them
   * with the other submissions waiting now and resolves after the commit.
   */
  submit(deviceId: string, payloads: readonly unknown[]): Promise<IngestOutcome> {
    if (this.closed) return Promise.reject(new Error('the reading ingest is closed (the server is shutting down)'));
    let readings: Reading[];
    try {
      readings = parseReadings(payloads, this.clock().getTime());
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<IngestOutcome>((resolve, reject) => {
      this.queue.push({ deviceId, readings, resolve, reject });
      if (this.running > 0) {
        this.pump();
      } else if (!this.scheduled) {
        // idle: wait out this event-loop turn, so what else arrives in it (other sockets' messages) joins the batch
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Stores what was submitted, then refuses more. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.running === 0 && this.queue.length === 0 && !this.scheduled) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      if (this.running > 0 && this.queuedReadings() < MIN_PARALLEL_BATCH) break;
      const batch: Pending[] = [];
      let n = 0;
      while (this.queue.length > 0 && (batch.length === 0 || n + this.queue[0]!.readings.length <= this.maxBatch)) {
        const p = this.queue.shift()!;
        batch.push(p);
        n += p.readings.length;
      }
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        if (this.queue.length > 0) this.pump();
        else if (this.running === 0) for (const f of this.idle.splice(0)) f();
      });
    }
  }

  private queuedReadings(): number {
    let n = 0;
    for (const p of this.queue) n += p.readings.length;
    return n;
  }

  private async run(batch: Pending[]): Promise<void> {
    let result: { outcomes: IngestOutcome[]; alarmIds: string[] };
    for (let attempt = 1; ; attempt++) {
      try {
        result = await this.db.transaction((tx) => storeBatch(tx, batch, this.clock(), this.profiles));
        break;
      } catch (err) {
        // two nodes' batches locking the same devices crosswise: PostgreSQL ends one; it is run again
        if (attempt < 3 && (err as { code?: string }).code === '40P01') continue;
        for (const p of batch) p.reject(err);
        return;
      }
    }
    batch.forEach((p, i) => p.resolve(result.outcomes[i]!));
    if (result.alarmIds.length > 0 && this.onAlarms) {
      try {
        this.onAlarms(result.alarmIds);
      } catch (err) {
        console.error('ingest: onAlarms failed:', (err as Error).message);
      }
    }
  }
}

/** One batch in the caller's transaction; answers each submission's outcome (in batch order) and every alarm raised. */
async function storeBatch(tx: Tx, batch: readonly Pending[], now: Date, profiles: ProfileRulesCache): Promise<{ outcomes: IngestOutcome[]; alarmIds: string[] }> {
  // 1. readings without a time: their message id claimed first (a retry arrives later, at another arrival time)
  const messageIds: { deviceId: string; messageId: string }[] = [];
  const seenIds = new Set<string>();
  for (const p of batch) for (const r of p.readings) {
    if (r.messageIdOnly === null) continue;
    const k = `${p.deviceId}\u0000${r.messageIdOnly}`;
    if (!seenIds.has(k)) {
      seenIds.add(k);
      messageIds.push({ deviceId: p.deviceId, messageId: r.messageIdOnly });
    }
  }
  const claimed = await claimMessageIds(tx, messageIds, now);

  // 2. the readings, once each (a reading twice in one batch is a duplicate too)
  const rows: ReadingRow[] = [];
  const rowOf: (string | null)[][] = batch.map(() => []);
  const inBatch = new Set<string>();
  batch.forEach((p, i) => {
    for (const r of p.readings) {
      const key = readingRowKey(p.deviceId, r.at, r.dedupeKey);
      if (inBatch.has(key) || (r.messageIdOnly !== null && !claimed.has(`${p.deviceId}\u0000${r.messageIdOnly}`))) {
        rowOf[i]!.push(null);
        continue;
      }
      inBatch.add(key);
      rowOf[i]!.push(key);
      rows.push({ deviceId: p.deviceId, at: r.at, dedupeKey: r.dedupeKey, kind: r.kind, key: r.key, value: r.value, textValue: r.textValue, battery: r.battery });
    }
  });
  const inserted = await insertReadings(tx, rows, now);

  // 3. the new readings of each device, in time order and, within a millisecond, in arrival order
  const fresh = new Map<string, Reading[]>();
  const counts = batch.map(() => ({ stored: 0, duplicates: 0 }));
  batch.forEach((p, i) => {
    p.readings.forEach((r, j) => {
      const key = rowOf[i]![j];
      if (key && inserted.has(key)) {
        counts[i]!.stored++;
        let list = fresh.get(p.deviceId);
        if (!list) fresh.set(p.deviceId, (list = []));
        list.push(r);
      } else {
        counts[i]!.duplicates++;
      }
    });
  });

  // 4. the devices heard (locked, in id order) with their rules, their rule states; the rules evaluated in memory
  const deviceIds = [...fresh.keys()];
  const sorted = new Map<string, Reading[]>();
  const heardNow: DeviceHeard[] = [];
  for (const deviceId of deviceIds) {
    const readings = sortReadings(fresh.get(deviceId)!);
    sorted.set(deviceId, readings);
    let lastEvent: number | null = null;
    let battery: number | null = null;
    for (const r of readings) {
      if (r.kind === 'event') lastEvent = r.at;
      if (r.battery !== null) battery = r.battery;
    }
    heardNow.push({ id: deviceId, seen: new Date(readings[readings.length - 1]!.at).toISOString(), event: lastEvent === null ? null : new Date(lastEvent).toISOString(), battery });
  }
  const devices = await touchDevices(tx, heardNow, profiles);
  const active = deviceIds.filter((id) => devices.get(id)?.status === 'active');
  const states = await loadRuleStates(tx, active);
  const stateRows: RuleStateRow[] = [];
  const alarms: NewAlarm[] = [];
  const recovered: { deviceId: string; types: string[] }[] = [];
  for (const deviceId of active) {
    const device = devices.get(deviceId)!;
    const before = states.get(deviceId) ?? {};
    const ev = evaluate(device.rules, before, sorted.get(deviceId)!, now.getTime(), { offlineSlackMs: OFFLINE_SLACK_MS, lastSeenAt: device.lastSeenAt });
    for (const [ruleId, state] of Object.entries(ev.states)) {
      if (!sameState(before[ruleId], state)) stateRows.push({ deviceId, ruleId, state });
    }
    for (const a of ev.alarms) {
      alarms.push({ deviceId, alarmType: a.alarmType, category: a.category, ruleId: a.ruleId, level: a.level, matterCode: a.matterCode, raisedAt: new Date(a.raisedAt), details: a.details });
    }
    if (ev.recovered.length > 0) recovered.push({ deviceId, types: ev.recovered });
  }
  await saveRuleStates(tx, stateRows, now);
  // a device silent past its offline deadline in this very batch is offline again (its alarm stands)
  const wentOffline = alarms.filter((a) => a.category === 'maintenance');
  for (const a of wentOffline) await tx.query(`update devices set offline_since = $2 where id = $1`, [a.deviceId, a.raisedAt]);
  for (const r of recovered) await clearRecoveredAlarms(tx, r.deviceId, r.types, now);
  const alarmIds = await insertAlarms(tx, alarms);

  let byDevice = new Map<string, string[]>();
  if (alarmIds.length > 0) {
    const r = await tx.query<{ id: string; device_id: string }>(`select id, device_id from alarms where id = any($1::text[])`, [alarmIds]);
    byDevice = new Map();
    for (const x of r.rows) {
      const list = byDevice.get(x.device_id) ?? [];
      list.push(x.id);
      byDevice.set(x.device_id, list);
    }
  }
  const given = new Set<string>();
  const outcomes = batch.map((p, i) => {
    // a device's alarms go to its first submission in the batch
    const ids = given.has(p.deviceId) ? [] : (byDevice.get(p.deviceId) ?? []);
    given.add(p.deviceId);
    return { ...counts[i]!, alarmIds: ids };
  });
  return { outcomes, alarmIds };
}

function sameState(a: RuleState | undefined, b: RuleState): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

const raisedListeners = new WeakMap<Db, Set<(alarmIds: string[]) => void>>();

/**
 * Listens for alarms the app's ingest raised on this database (the alarm clock subscribes and ticks at once, so a care
 * order follows a reading within a second instead of at the next tick). Answers the unsubscribe.
 */
export function onAlarmsRaised(db: Db, listener: (alarmIds: string[]) => void): () => void {
  let set = raisedListeners.get(db);
  if (!set) raisedListeners.set(db, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}

/** Tells the listeners on this database that the ingest raised these alarms (committed). */
export function alarmsRaised(db: Db, alarmIds: string[]): void {
  for (const l of raisedListeners.get(db) ?? []) {
    try {
      l(alarmIds);
    } catch (err) {
      console.error('alarm listener failed:', (err as Error).message);
    }
  }
}
