// Sends the outbox when the network is there: in the order the writes were made, photos first (POST /api/files, which
// answers the same hash for the same bytes), then the write with its own Idempotency-Key, so a request whose answer was
// lost is answered the first result when it is sent again. A network error, a 5xx, 408 or 429 stops the run and backs
// off (the writes behind it keep their order); a refusal (409 TASK_CONFLICT: reassigned meanwhile; 403; 404; 422) moves
// the write to "needs attention" with the server's reason, never dropped; 401 stops the run and keeps everything.
// Plain TypeScript: fetch, the database, the token and the clock are handed in.
import {
  deleteItem, getRef, itemsOf, putItem, settleItem,
  type OutboxDb, type OutboxItem, type OutboxProblem,
} from './outbox-db.ts';

export interface SyncDeps {
  db: OutboxDb;
  fetch: typeof fetch;
  /** the signed-in account and its bearer token, or null when signed out */
  session(): { accountId: string; token: string } | null;
  /** ms since the epoch */
  now(): number;
  /** send now whatever the backoff says: the network just came back, or the user pressed "send now" */
  ignoreBackoff?: boolean;
}

export type SyncOutcome =
  /** nothing is waiting that could be sent now */
  | { kind: 'done'; sent: number }
  /** the network or the server failed: the rest waits for the next try */
  | { kind: 'offline'; sent: number; retryAt: number }
  | { kind: 'signedOut'; sent: number };

const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
export const backoffMs = (attempts: number) => BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? 0;

class Transient extends Error {}
class SignedOut extends Error {}
class Refused extends Error {
  readonly problem: OutboxProblem;
  constructor(problem: OutboxProblem) { super(problem.message); this.problem = problem; }
}

const REF = /\{ref:([^}]+)\}/g;

async function send(deps: SyncDeps, token: string, path: string, init: { body: BodyInit; type: string; key?: string }): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await deps.fetch(path, {
      method: 'POST',
      headers: {
        accept: 'application/json', 'content-type': init.type, authorization: `Bearer ${token}`,
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      body: init.body,
    });
  } catch {
    throw new Transient('network');
  }
  const text = await res.text().catch(() => { throw new Transient('network'); });
  let data: unknown;
  try { data = text ? JSON.parse(text) : {}; } catch { data = {}; }
  if (res.ok) return (data ?? {}) as Record<string, unknown>;
  if (res.status >= 500 || res.status === 408 || res.status === 429) throw new Transient(`HTTP ${res.status}`);
  if (res.status === 401) throw new SignedOut();
  const err = (data as { error?: { code?: string; message?: string; messageZh?: string; details?: unknown } }).error;
  throw new Refused({
    status: res.status, code: err?.code ?? `HTTP_${res.status}`, message: err?.message ?? `HTTP ${res.status}`,
    ...(err?.messageZh ? { messageZh: err.messageZh } : {}), ...(err?.details !== undefined ? { details: err.details } : {}),
  });
}

/** Uploads the photos not yet taken, keeping each hash as soon as it is known. */
async function uploadPhotos(deps: SyncDeps, token: string, item: OutboxItem): Promise<string[]> {
  for (const photo of item.photos) {
    if (photo.hash) continue;
    const blob = photo.blob.type ? photo.blob : new Blob([photo.blob], { type: 'image/jpeg' });
    const answer = await send(deps, token, '/api/files', { body: blob, type: blob.type });
    photo.hash = String(answer.hash);
    await putItem(deps.db, item);
  }
  return item.photos.map((p) => p.hash!);
}

/** The path and the body with every `{ref:name}` replaced by the server id, or the first name not yet answered. */
async function resolveRefs(db: OutboxDb, item: OutboxItem): Promise<{ path: string; body: Record<string, unknown> } | { missing: string }> {
  const names = new Set([...item.needs ?? [], ...[...`${item.path}${JSON.stringify(item.body)}`.matchAll(REF)].map((m) => m[1]!)]);
  const ids = new Map<string, string>();
  for (const name of names) {
    const ref = await getRef(db, name);
    if (!ref) return { missing: name };
    ids.set(name, ref.id);
  }
  const swap = (s: string) => s.replace(REF, (_, name: string) => ids.get(name)!);
  return { path: swap(item.path), body: JSON.parse(swap(JSON.stringify(item.body))) as Record<string, unknown> };
}

async function sendItem(deps: SyncDeps, token: string, item: OutboxItem, waiting: readonly OutboxItem[]): Promise<'sent' | 'blocked'> {
  const resolved = await resolveRefs(deps.db, item);
  if ('missing' in resolved) {
    const producer = waiting.find((w) => w.produces === resolved.missing);
    if (producer && producer.state === 'waiting') return 'blocked'; // it is ahead in the order: wait for it
    throw new Refused({
      status: 0, code: 'OUTBOX_DEPENDS_ON_REFUSED',
      message: 'The record this depends on was not accepted by the server.', messageZh: '所依附的记录未被服务器接受。',
    });
  }
  const hashes = await uploadPhotos(deps, token, item);
  const body = hashes.length ? { ...resolved.body, photos: [...(resolved.body.photos as string[] | undefined ?? []), ...hashes] } : resolved.body;
  const answer = await send(deps, token, resolved.path, { body: JSON.stringify(body), type: 'application/json', key: item.key });
  // a visit answers its id; a visit's case answers caseId
  const id = typeof answer.id === 'string' ? answer.id : typeof answer.caseId === 'string' ? answer.caseId : null;
  await settleItem(deps.db, item.seq!, item.produces && id ? { name: item.produces, id, answer } : null);
  return 'sent';
}

/**
 * One pass over the signed-in account's outbox. Callers run it on start, on the `online` event and on a timer; two
 * passes at once (two tabs) are harmless: the server answers a repeated key with its first result.
 */
export async function syncOutbox(deps: SyncDeps): Promise<SyncOutcome> {
  let sent = 0;
  const session = deps.session();
  if (!session) return { kind: 'signedOut', sent };
  const items = await itemsOf(deps.db, session.accountId);
  for (const item of items) {
    if (item.state !== 'waiting') continue;
    if (item.nextTryAt > deps.now() && !deps.ignoreBackoff) return { kind: 'offline', sent, retryAt: item.nextTryAt };
    try {
      if (await sendItem(deps, session.token, item, items) === 'blocked') continue;
      sent += 1;
    } catch (e) {
      if (e instanceof SignedOut) return { kind: 'signedOut', sent };
      if (e instanceof Refused) {
        item.state = 'attention';
        item.problem = e.problem;
        await putItem(deps.db, item);
        continue;
      }
      if (!(e instanceof Transient)) throw e;
      item.attempts += 1;
      item.nextTryAt = deps.now() + backoffMs(item.attempts);
      await putItem(deps.db, item);
      return { kind: 'offline', sent, retryAt: item.nextTryAt };
    }
  }
  return { kind: 'done', sent };
}

/** The user has read why the server refused a write and lets it go. Only entries that need attention go this way. */
export async function dismissItem(db: OutboxDb, item: OutboxItem): Promise<void> {
  if (item.state === 'attention' && item.seq !== undefined) await deleteItem(db, item.seq);
}
