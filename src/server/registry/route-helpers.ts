import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import type { Tx } from '../platform/db/db.ts';
import { REGISTRY_LIMITS } from '../../shared/registry.ts';
import { findTownHoldingPath, findTownInScope } from '../org/town-store.ts';
import { reachOf, type LocatorSource, type Reach } from './reach.ts';
import * as store from './store.ts';
import { listTagCatalog, type TagRow } from './tags-store.ts';
import type { RegistryActor } from './change-log.ts';

/* What the registry's routes share: the caller's reach, the tag catalog, paging, Idempotency-Key. */

/** The caller's reach, the clock and the address: what every command and read is given. */
export function actorFor(app: FastifyInstance, req: FastifyRequest): RegistryActor {
  return { reach: reachOf(requirePrincipal(req)), ip: req.ip, now: app.clock() };
}

/** The tag catalog of the caller's town (the platform's where its scope spans several towns). */
export async function catalogFor(tx: Tx, reach: Reach, townId?: string): Promise<TagRow[]> {
  const town = townId ? await findTownInScope(tx, townId, reach.scopePath) : await findTownHoldingPath(tx, reach.scopePath);
  if (townId && !town) throw notFound('town');
  return listTagCatalog(tx, town?.id ?? null);
}

/** Paging of a list query: keyset when a cursor is given, else page and pageSize. */
export function pagingOf(q: { page?: number | undefined; pageSize?: number | undefined; cursor?: string | undefined }): store.Paging & { page: number; pageSize: number } {
  const pageSize = q.pageSize ?? REGISTRY_LIMITS.pageSize;
  const page = q.page ?? 1;
  let after: [string, string] | null = null;
  if (q.cursor) {
    try {
      const v = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as unknown;
      if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'string')) throw new Error('bad');
      after = [String(v[0]), String(v[1])];
    } catch {
      throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list handed out.', '分页游标无效。');
    }
  }
  return { limit: pageSize + 1, offset: after ? 0 : (page - 1) * pageSize, after, page, pageSize };
}

export const cursorOf = (sortKey: string, id: string) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');

/** One page of a list: the rows past pageSize say there is a next page. */
export function pageOf<R, V>(rows: R[], paging: ReturnType<typeof pagingOf>, total: number | null, key: (r: R) => [string, string], view: (r: R) => V, create: boolean) {
  const items = rows.slice(0, paging.pageSize);
  const last = items[items.length - 1];
  return {
    items: items.map(view), total, page: paging.after ? 1 : paging.page, pageSize: paging.pageSize,
    nextCursor: rows.length > paging.pageSize && last !== undefined ? cursorOf(...key(last)) : null,
    policies: create ? ['create' as const] : [],
  };
}

/** A tag filter may name a sensitive tag only for a caller who sees it (else the list would tell who carries it). */
export function checkTagFilter(tags: readonly string[] | undefined, catalog: readonly TagRow[], reach: Reach): void {
  if (!tags || reach.carer) return;
  if (tags.some((c) => catalog.find((t) => t.code === c)?.sensitive !== false)) throw forbidden();
}

/**
 * The Idempotency-Key of a POST that creates: the record a first request with the same key (of the same account) made,
 * or the new one, recorded with the key in the creating transaction.
 */
export async function createOnce(app: FastifyInstance, req: FastifyRequest, kind: string, create: (tx: Tx) => Promise<string>): Promise<string> {
  const given = idempotencyKeyOf(req);
  const actorId = requirePrincipal(req).accountId;
  // a key names one request of one kind: the same key on another kind of record makes that record
  const key = given === null ? null : `${kind}:${given}`;
  if (key !== null) {
    const first = await store.findRequest(app.db, actorId, key);
    if (first) return first.entity_id;
  }
  try {
    return await app.db.transaction(async (tx) => {
      const id = await create(tx);
      if (key !== null && !(await store.saveRequest(tx, actorId, key, kind, id, app.clock()))) {
        throw new AppError('CONFLICT', 'The same request is being handled already: try again.', '相同的请求正在处理中，请稍后重试。');
      }
      return id;
    });
  } catch (e) {
    // the same request sent twice at once: the one that lost the race (its key taken, or its record refused as a
    // duplicate of the other's) answers the record the other made
    const first = key === null ? null : await store.findRequest(app.db, actorId, key);
    if (first) return first.entity_id;
    throw e;
  }
}


/** The grids' locator as it is now, asked before a transaction opens: commands locate inside theirs without a query. */
export async function frozenLocator(app: FastifyInstance): Promise<LocatorSource> {
  const located = await app.locator.current();
  return { current: async () => located };
}
