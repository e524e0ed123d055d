// The phone's outbox (离线待发): writes made without a network — ticks, visits, a visit's follow-up case, new case
// reports — kept in IndexedDB in the order they were made, each with the Idempotency-Key made when it was queued and
// its photos as blobs. Plain TypeScript over an injected IDBFactory, so Node tests run it on fake-indexeddb.
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';

/** What kind of write an entry is: what the user sees in the waiting and attention lists. */
export type OutboxKind = 'complete' | 'visit' | 'visitCase' | 'report';

export interface OutboxPhoto {
  /** the photo's id on the phone */
  localId: string;
  blob: Blob;
  /** set once POST /api/files has taken it (kept, so a retry does not send the bytes again) */
  hash?: string;
}

/** Why the server refused a write (409 TASK_CONFLICT, 403, 404, 422 …), in both languages, as it said it. */
export interface OutboxProblem {
  status: number;
  code: string;
  message: string;
  messageZh?: string;
  /** the answer's `error.details` (a TASK_CONFLICT says what became of the task: reassigned, cancelled, done by another) */
  details?: unknown;
}

export interface OutboxItem {
  /** the order of sending (auto-increment) */
  seq?: number;
  /** the Idempotency-Key made when the write was queued: the same on every retry, so the server answers the first result */
  key: string;
  /** whose write it is: only the signed-in account's entries are sent */
  accountId: string;
  kind: OutboxKind;
  path: string;
  /** the JSON body; `{ref:<name>}` in the path or the body is replaced by the server id another entry produced */
  body: Record<string, unknown>;
  /** the photos to upload before the write; their hashes are appended to `body.photos` */
  photos: OutboxPhoto[];
  /** the name under which the server id of the answer is kept (a visit's id, for its follow-up case) */
  produces?: string;
  /** the names this write waits for */
  needs?: string[];
  /** what the write is about, for the lists: a person's or a task's name, a category */
  subject: string;
  /** the task a tick or a visit is for: the list shows it as done while it waits */
  taskId?: string;
  queuedAt: string;
  state: 'waiting' | 'attention';
  attempts: number;
  /** not before this instant (ms): the backoff after a network error or a 5xx */
  nextTryAt: number;
  problem?: OutboxProblem;
}

/** The answer a produced name stands for: the server id and what the page may want to show of it (a visit's far flag). */
export interface OutboxRef {
  name: string;
  id: string;
  answer: Record<string, unknown>;
}

interface OutboxSchema extends DBSchema {
  items: { key: number; value: OutboxItem; indexes: { byAccount: string } };
  refs: { key: string; value: OutboxRef };
}

export type OutboxDb = IDBPDatabase<OutboxSchema>;

export const OUTBOX_DB_NAME = 'zhizhi-outbox';

/** Opens (creating on first use) the outbox database through the given IndexedDB factory. */
export async function openOutboxDb(factory: IDBFactory, name = OUTBOX_DB_NAME): Promise<OutboxDb> {
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    const items = db.createObjectStore('items', { keyPath: 'seq', autoIncrement: true });
    items.createIndex('byAccount', 'accountId');
    db.createObjectStore('refs', { keyPath: 'name' });
  };
  const db = (await wrap(request)) as unknown as OutboxDb;
  // another tab upgrading the database: let it, this one reopens on its next start
  db.addEventListener('versionchange', () => db.close());
  return db;
}

export type NewOutboxItem = Omit<OutboxItem, 'seq' | 'state' | 'attempts' | 'nextTryAt' | 'queuedAt' | 'problem'>;

export async function addItem(db: OutboxDb, item: NewOutboxItem, now: Date): Promise<OutboxItem> {
  const full: OutboxItem = { ...item, state: 'waiting', attempts: 0, nextTryAt: 0, queuedAt: now.toISOString() };
  const seq = await db.add('items', full);
  return { ...full, seq };
}

/** The account's entries in the order they were made. */
export async function itemsOf(db: OutboxDb, accountId: string): Promise<OutboxItem[]> {
  const rows = await db.getAllFromIndex('items', 'byAccount', accountId);
  return rows.sort((a, b) => a.seq! - b.seq!);
}

export const putItem = (db: OutboxDb, item: OutboxItem) => db.put('items', item);
export const deleteItem = (db: OutboxDb, seq: number) => db.delete('items', seq);
export const getRef = (db: OutboxDb, name: string) => db.get('refs', name);

/** Keeps the answer of a write and removes the write, in one transaction: a write is either waiting or answered. */
export async function settleItem(db: OutboxDb, seq: number, ref: OutboxRef | null): Promise<void> {
  const tx = db.transaction(['items', 'refs'], 'readwrite');
  if (ref) await tx.objectStore('refs').put(ref);
  await tx.objectStore('items').delete(seq);
  await tx.done;
}
