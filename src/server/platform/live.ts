import type { Db, Tx } from './db/db.ts';

/** What every node hears when a case changes; subscribers filter it by the caller's scope. */
export interface CaseChange {
  caseId: string;
  number: string;
  eventId: number;
  action: string;
  status: string;
  orgPath: string;
  reporterAccountId: string | null;
  assignee: { postId?: string; departmentId?: string; staffId?: string } | null;
  /** every department the case was ever sent to (they follow it) */
  departmentIds: readonly string[];
  at: string;
}

export const CASE_CHANNEL = 'zhizhi_case_changes';
/** Carries alarm and incident changes (ScreenChange) for the command screen (issue 17). */
export const SCREEN_CHANNEL = 'zhizhi_screen_changes';

/**
 * What every node hears when an alarm is raised, acknowledged or cleared, or an incident starts, changes level or stands
 * down: the command screen patches its windows with it. Staff whose territory holds `orgPath` receive it. It names no
 * person (an alarm's type and level, an incident's number, level and title).
 */
export interface ScreenChange {
  subject: 'alarm' | 'incident';
  id: string;
  /** alarm: raised | acknowledged | cleared; incident: activated | changed | closed */
  action: string;
  status: string;
  orgPath: string;
  at: string;
  /** alarm: the alarm type code; incident: the hazard */
  type: string;
  /** alarm: red | orange | yellow; incident: IV..I */
  level: string;
  /** the grid (alarm) or null */
  gridId: string | null;
  /** incident: its number and title */
  number?: string;
  title?: string;
}
/** Carries the id of an account whose sessions ended or whose access changed (migration 010's triggers). */
export const ACCESS_CHANNEL = 'zhizhi_access_changes';
const CHANNELS = [CASE_CHANNEL, SCREEN_CHANNEL, ACCESS_CHANNEL];

/** Called inside the transaction that changes the alarms or incidents: delivered only if that transaction commits. */
export async function notifyScreenChanges(tx: Tx, changes: readonly ScreenChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(`select pg_notify($1, c::text) from jsonb_array_elements($2::jsonb) c`, [SCREEN_CHANNEL, JSON.stringify(changes)]);
}

/** Called inside the transaction that changes the case: PostgreSQL delivers it only if that transaction commits. */
export async function notifyCaseChange(tx: Tx, change: CaseChange): Promise<void> {
  await tx.query('select pg_notify($1, $2)', [CASE_CHANNEL, JSON.stringify(change)]);
}

/** The current access of each given session that is still live, by token hash; a dead session is absent. */
export type SessionAccessCheck = (tokenHashes: string[]) => Promise<Map<string, string>>;

export type RevokedReason = 'sessionEnded' | 'accessChanged';

export interface LiveStream {
  accountId: string;
  tokenHash: string;
  /** the session's access when the stream opened, in the form the SessionAccessCheck answers */
  access: string;
  accepts(c: CaseChange): boolean;
  send(c: CaseChange): void;
  /** alarm and incident changes (the command screen); a stream without these hears none */
  acceptsScreen?(c: ScreenChange): boolean;
  sendScreen?(c: ScreenChange): void;
  /** ends the stream: `revoked` says why when its session ended or its access changed; absent at shutdown */
  end(revoked?: RevokedReason): void;
  /**
   * Changes may have been missed (this node's LISTEN connection was lost and is back): tell the client to read again,
   * and end the stream. Without it the stream is just ended (a client reconnects).
   */
  resync?(): void;
}

/** A NOTIFY payload that is not a change: a node's probe of its own LISTEN connections (not JSON, so no reader takes it). */
const PROBE_PREFIX = '~probe:';

/** How often a node checks that its LISTEN connections still hear (LIVE_PROBE_MS, default 5 s; 0 turns it off). */
export function liveProbeMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const ms = Number(env.LIVE_PROBE_MS ?? 5000);
  return Number.isFinite(ms) && ms >= 0 ? ms : 5000;
}

/** A stream, and the changes held back from it while a check of its session is under way. */
interface Entry {
  stream: LiveStream;
  checks: number;
  held: (() => void)[];
}

/**
 * Fans case changes out to this node's live connections. The changes come through PostgreSQL
 * LISTEN/NOTIFY (or PGlite's in-process equivalent), so an action on any node reaches every node.
 * A stream lives only as long as its session does, with the access it opened with: an access change heard on
 * ACCESS_CHANNEL re-checks that account's streams at once, and every stream is re-checked every few seconds
 * (expiry, and changes no trigger announces). Changes that arrive during a check wait for its outcome.
 *
 * On PostgreSQL the LISTEN connections can be lost without a word (the server restarted or failed over, a proxy or
 * firewall dropped an idle connection, the backend was terminated): NOTIFYs sent meanwhile are gone for this node. So
 * every `probeMs` the hub notifies its own channels with a probe only it recognises; a probe not heard back by the
 * next round (while the database answered) means the connections are dead: they are opened again, and every stream
 * is told to read again (`resync`), since what happened in between never reached it.
 */
export class LiveHub {
  private readonly db: Db;
  private readonly entries = new Set<Entry>();
  private stopListening: (() => Promise<void>)[] = [];
  private readonly probeMs: number;
  private readonly probeId = Math.random().toString(36).slice(2, 10);
  private probeSeq = 0;
  /** the channels that have not yet heard the last probe sent (null: none outstanding) */
  private probePending: Set<string> | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private probeSentAt = 0;
  /** the probe round under way, if any (stop waits for it) */
  private probing: Promise<void> | null = null;
  /** false while the LISTEN connections are being (re)opened or could not be */
  private listening = false;
  private stopped = false;
  /** how often the LISTEN connections were found lost and opened again */
  resyncs = 0;
  private check: SessionAccessCheck | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private sweepQueued = false;
  /** checks run one at a time, in the order they were asked for */
  private checking: Promise<void> = Promise.resolve();

  constructor(db: Db, o: { probeMs?: number } = {}) {
    this.db = db;
    this.probeMs = db.kind === 'postgres' ? o.probeMs ?? liveProbeMs() : 0;
  }

  async start(): Promise<void> {
    await this.listenAll();
    if (this.probeMs > 0) {
      this.probeTimer = setInterval(() => void this.probe(), this.probeMs);
      this.probeTimer.unref();
    }
  }

  /** One probe round: judge the last probe, then send the next (or open the connections again). */
  private probe(): Promise<void> {
    if (this.probing || this.stopped) return this.probing ?? Promise.resolve();
    this.probing = this.probeRound().finally(() => { this.probing = null; });
    return this.probing;
  }

  private async probeRound(): Promise<void> {
    if (this.listening && this.probePending && this.probePending.size > 0) {
      // a busy database or node may answer late: a probe counts as lost only after a grace of its own
      if (Date.now() - this.probeSentAt < Math.max(this.probeMs, 2000)) return;
      console.warn(`live: this node's LISTEN connection stopped hearing (${[...this.probePending].join(', ')}): listening again; open streams will read again`);
      this.listening = false;
    }
    this.probePending = null;
    if (!this.listening) {
      for (const stop of this.stopListening.splice(0)) await stop().catch(() => undefined);
      try {
        await this.listenAll();
      } catch {
        return; // the database is unreachable: tried again next round
      }
      if (this.stopped) {
        for (const stop of this.stopListening.splice(0)) await stop().catch(() => undefined);
        return;
      }
      this.resyncs++;
      for (const e of [...this.entries]) {
        this.entries.delete(e);
        if (e.stream.resync) e.stream.resync();
        else e.stream.end();
      }
    }
    const payload = `${PROBE_PREFIX}${this.probeId}:${++this.probeSeq}`;
    const pending = new Set(CHANNELS);
    this.probePending = pending;
    this.probeSentAt = Date.now();
    try {
      await this.db.query(`select pg_notify(c, $2) from unnest($1::text[]) c`, [CHANNELS, payload]);
    } catch {
      if (this.probePending === pending) this.probePending = null; // nothing was sent: nothing to conclude
    }
  }

  /** A probe payload: heard back on `channel` if it is this hub's latest; true when the payload was a probe at all. */
  private heardProbe(channel: string, payload: string): boolean {
    if (!payload.startsWith(PROBE_PREFIX)) return false;
    if (payload === `${PROBE_PREFIX}${this.probeId}:${this.probeSeq}`) this.probePending?.delete(channel);
    return true;
  }

  private async listenAll(): Promise<void> {
    try {
      await this.listenChannels();
      this.listening = true;
    } catch (err) {
      for (const stop of this.stopListening.splice(0)) await stop().catch(() => undefined);
      throw err;
    }
  }

  private async listenChannels(): Promise<void> {
    this.stopListening.push(await this.db.listen(CASE_CHANNEL, (payload) => {
      if (this.heardProbe(CASE_CHANNEL, payload)) return;
      let change: CaseChange;
      try {
        change = JSON.parse(payload) as CaseChange;
      } catch {
        return;
      }
      for (const e of this.entries) {
        if (!e.stream.accepts(change)) continue;
        if (e.checks > 0) e.held.push(() => e.stream.send(change));
        else e.stream.send(change);
      }
    }));
    this.stopListening.push(await this.db.listen(SCREEN_CHANNEL, (payload) => {
      if (this.heardProbe(SCREEN_CHANNEL, payload)) return;
      let change: ScreenChange;
      try {
        change = JSON.parse(payload) as ScreenChange;
      } catch {
        return;
      }
      for (const e of this.entries) {
        const { acceptsScreen, sendScreen } = e.stream;
        if (!acceptsScreen || !sendScreen || !acceptsScreen.call(e.stream, change)) continue;
        if (e.checks > 0) e.held.push(() => sendScreen.call(e.stream, change));
        else sendScreen.call(e.stream, change);
      }
    }));
    this.stopListening.push(await this.db.listen(ACCESS_CHANNEL, (accountId) => {
      if (this.heardProbe(ACCESS_CHANNEL, accountId)) return;
      void this.recheck((e) => e.stream.accountId === accountId);
    }));
  }

  /** Checks the open streams' sessions with `check`, at once on an access change and every `everyMs`. */
  guardSessions(check: SessionAccessCheck, everyMs: number): void {
    this.check = check;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = setInterval(() => {
      if (this.sweepQueued) return;
      this.sweepQueued = true;
      void this.recheck(() => true).finally(() => { this.sweepQueued = false; });
    }, everyMs);
    this.sweepTimer.unref();
  }

  /** Adds a stream and checks its session once more, for a change that committed while it was opening. */
  subscribe(stream: LiveStream): () => void {
    const entry: Entry = { stream, checks: 0, held: [] };
    this.entries.add(entry);
    void this.recheck((e) => e === entry);
    return () => this.entries.delete(entry);
  }

  private recheck(which: (e: Entry) => boolean): Promise<void> {
    const check = this.check;
    const due = [...this.entries].filter(which);
    if (!check || due.length === 0) return Promise.resolve();
    for (const e of due) e.checks++;
    const run = this.checking.then(async () => {
      const access = await check([...new Set(due.map((e) => e.stream.tokenHash))]).catch(() => null);
      for (const e of due) e.checks--;
      for (const e of due) {
        if (!this.entries.has(e)) continue;
        const now = access?.get(e.stream.tokenHash);
        if (access && now === e.stream.access) {
          if (e.checks === 0) for (const send of e.held.splice(0)) send();
          continue;
        }
        // a session that cannot be checked (the database is unreachable) is not trusted: its client reconnects
        this.entries.delete(e);
        e.stream.end(access ? (now === undefined ? 'sessionEnded' : 'accessChanged') : undefined);
      }
    });
    // one stream's failing callback must not stop the checks of all others that follow
    this.checking = run.catch(() => undefined);
    return this.checking;
  }

  get connections(): number {
    return this.entries.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.probeTimer) clearInterval(this.probeTimer);
    await this.probing;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.check = null;
    for (const e of this.entries) e.stream.end();
    this.entries.clear();
    await this.checking;
    for (const stop of this.stopListening.splice(0)) await stop();
  }
}
