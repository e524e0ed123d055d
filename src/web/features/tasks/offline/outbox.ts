// The outbox of this phone as the pages use it: one per tab, started by the first page that shows its banner (the mobile
// home, the task pages). It sends on start, when the browser says the network is back, on a timer and after the
// backoff, and tells the pages what waits to be sent and what needs the user's attention.
import { useSyncExternalStore } from 'react';
import { tokenStore } from '../../../lib/api.ts';
import { addItem, getRef, itemsOf, openOutboxDb, type NewOutboxItem, type OutboxDb, type OutboxItem, type OutboxRef } from './outbox-db.ts';
import { dismissItem, syncOutbox } from './sync.ts';

export interface OutboxSnapshot {
  /** the signed-in account's entries in the order they were made */
  items: readonly OutboxItem[];
  waiting: number;
  attention: readonly OutboxItem[];
  syncing: boolean;
  /** bumped whenever a pass sent something: pages that show server data reload on it */
  sentGeneration: number;
}

const EMPTY: OutboxSnapshot = { items: [], waiting: 0, attention: [], syncing: false, sentGeneration: 0 };
const RETRY_EVERY_MS = 30_000;

let snapshot = EMPTY;
let accountId: string | null = null;
let dbPromise: Promise<OutboxDb> | null = null;
let running: Promise<void> | null = null;
let again = false;
let urgentAgain = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

const db = () => (dbPromise ??= openOutboxDb(indexedDB));

function publish(next: Partial<OutboxSnapshot>) {
  snapshot = { ...snapshot, ...next };
  for (const l of listeners) l();
}

async function refresh(): Promise<void> {
  if (!accountId) { publish({ items: [], waiting: 0, attention: [] }); return; }
  const items = await itemsOf(await db(), accountId);
  publish({ items, waiting: items.filter((i) => i.state === 'waiting').length, attention: items.filter((i) => i.state === 'attention') });
}

async function pass(urgent: boolean): Promise<void> {
  // the browser knows it has no network: nothing to try (the `online` event starts the next pass)
  if (!navigator.onLine) return;
  const handle = await db();
  publish({ syncing: true });
  try {
    const outcome = await syncOutbox({
      db: handle, fetch: (...a) => fetch(...a), now: () => Date.now(), ignoreBackoff: urgent,
      session: () => { const token = tokenStore.get(); return accountId && token ? { accountId, token } : null; },
    });
    if (outcome.sent > 0) publish({ sentGeneration: snapshot.sentGeneration + 1 });
    if (outcome.kind === 'offline') {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void syncNow(), Math.max(500, Math.min(outcome.retryAt - Date.now(), RETRY_EVERY_MS)));
    }
  } finally {
    await refresh();
    publish({ syncing: false });
  }
}

/**
 * Sends what waits (one pass at a time in this tab; a call during a pass asks for one more). `urgent` (the network is
 * back, the user pressed "send now") tries at once whatever the backoff says.
 */
export function syncNow(urgent = false): Promise<void> {
  if (urgent) urgentAgain = true;
  if (running) { again = true; return running; }
  const run = async () => {
    do {
      again = false;
      const now = urgentAgain;
      urgentAgain = false;
      // one tab at a time where the browser can say so; two at once would still be safe (the keys)
      if (navigator.locks) await navigator.locks.request('zhizhi-outbox', () => pass(now));
      else await pass(now);
    } while (again);
  };
  running = run().catch((e: unknown) => console.warn('outbox pass failed', e)).finally(() => { running = null; });
  return running;
}

/** The service worker's copies of the API's answers (see vite.config.ts): personal data, dropped once nobody is signed in. */
const API_CACHES = ['zz-api-tasks', 'zz-api-me', 'zz-api-households', 'zz-thumbs'];
function forgetCopiesWhenSignedOut(): void {
  if (tokenStore.get() || typeof caches === 'undefined') return;
  for (const name of API_CACHES) void caches.delete(name);
}

let started = false;
/** Starts the outbox for the signed-in account (again with another account after a sign-in as someone else). */
export function startOutbox(account: string): void {
  if (accountId !== account) { accountId = account; void refresh(); }
  if (!started) {
    started = true;
    window.addEventListener('online', () => void syncNow(true));
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') void syncNow(); });
    setInterval(() => { forgetCopiesWhenSignedOut(); if (snapshot.waiting > 0) void syncNow(); }, RETRY_EVERY_MS);
    // signing out in this tab or another: the copies go at once (the writes waiting stay, for the same account's next sign-in)
    window.addEventListener('storage', forgetCopiesWhenSignedOut);
  }
  void syncNow();
}

/** Queues a write made on this phone (the key is made now and kept for every retry) and tries to send it at once. */
export async function enqueue(item: Omit<NewOutboxItem, 'accountId' | 'key'> & { key?: string }): Promise<OutboxItem> {
  if (!accountId) throw new Error('outbox not started');
  const added = await addItem(await db(), { ...item, key: item.key ?? crypto.randomUUID(), accountId }, new Date());
  await refresh();
  void syncNow();
  return added;
}

/** The server's answer to a queued write that produced a name (a visit), once it was sent. */
export async function answerOf(name: string): Promise<OutboxRef | undefined> {
  return getRef(await db(), name);
}

export async function dismiss(item: OutboxItem): Promise<void> {
  await dismissItem(await db(), item);
  await refresh();
}

const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(subscribe, () => snapshot, () => EMPTY);
}

/** A photo picked without a network: its bytes wait here (and in the outbox once the write is queued). */
const localPhotos = new Map<string, Blob>();
export const LOCAL_PHOTO = 'local:';

export function keepLocalPhoto(blob: Blob): string {
  const id = `${LOCAL_PHOTO}${crypto.randomUUID()}`;
  localPhotos.set(id, blob);
  return id;
}

/** Splits photo hashes into the ones the server has and the local ones, with their bytes. */
export function splitPhotos(hashes: readonly string[]): { uploaded: string[]; local: { localId: string; blob: Blob }[] } {
  const uploaded: string[] = [];
  const local: { localId: string; blob: Blob }[] = [];
  for (const h of hashes) {
    const blob = h.startsWith(LOCAL_PHOTO) ? localPhotos.get(h) : undefined;
    if (blob) local.push({ localId: h, blob });
    else if (!h.startsWith(LOCAL_PHOTO)) uploaded.push(h);
  }
  return { uploaded, local };
}
