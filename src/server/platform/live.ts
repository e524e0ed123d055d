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
  at: string;
}

export const CASE_CHANNEL = 'zhizhi_case_changes';

/** Called inside the transaction that changes the case: PostgreSQL delivers it only if that transaction commits. */
export async function notifyCaseChange(tx: Tx, change: CaseChange): Promise<void> {
  await tx.query('select pg_notify($1, $2)', [CASE_CHANNEL, JSON.stringify(change)]);
}

type Subscriber = { accepts: (c: CaseChange) => boolean; send: (c: CaseChange) => void; end: () => void };

/**
 * Fans case changes out to this node's live connections. The changes come through PostgreSQL
 * LISTEN/NOTIFY (or PGlite's in-process equivalent), so an action on any node reaches every node.
 */
export class LiveHub {
  private readonly db: Db;
  private readonly subscribers = new Set<Subscriber>();
  private stopListening: (() => Promise<void>) | null = null;

  constructor(db: Db) {
    this.db = db;
  }

  async start(): Promise<void> {
    this.stopListening = await this.db.listen(CASE_CHANNEL, (payload) => {
      let change: CaseChange;
      try {
        change = JSON.parse(payload) as CaseChange;
      } catch {
        return;
      }
      for (const s of this.subscribers) if (s.accepts(change)) s.send(change);
    });
  }

  subscribe(accepts: Subscriber['accepts'], send: Subscriber['send'], end: Subscriber['end']): () => void {
    const s = { accepts, send, end };
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  get connections(): number {
    return this.subscribers.size;
  }

  async stop(): Promise<void> {
    for (const s of this.subscribers) s.end();
    this.subscribers.clear();
    await this.stopListening?.();
  }
}
