import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../platform/db/db.ts';
import type { ImportMode, RegistryKind } from '../../shared/registry.ts';
import { REGISTRY_LIMITS } from '../../shared/registry.ts';
import type { Reach } from './reach.ts';
import type { ImportFiles } from './import-file.ts';
import { findImportByKey, insertImport, type ImportRow } from './import-store.ts';

export interface StartImport {
  kind: RegistryKind;
  mode: ImportMode;
  fileName: string | null;
  idempotencyKey: string | null;
  body: Readable;
  now: Date;
}

/**
 * Takes an uploaded file for import: stored as it arrives (sealed, at most REGISTRY_LIMITS.importBytes), then queued for
 * the registry-import job. A repeated Idempotency-Key answers the first import and stores nothing (also when two
 * retries race: the unique key keeps one, the other's file goes).
 */
export async function startImport(db: Db, files: ImportFiles, reach: Reach & { scopeOrgUnitId: string }, s: StartImport): Promise<{ id: string; first: ImportRow | null }> {
  if (s.idempotencyKey) {
    const first = await findImportByKey(db, reach.accountId, s.idempotencyKey);
    if (first) {
      s.body.resume();
      return { id: first.id, first };
    }
  }
  const id = randomUUID();
  const { format } = await files.save(id, s.body, REGISTRY_LIMITS.importBytes);
  const inserted = await db.transaction((tx) => insertImport(tx, {
    id, kind: s.kind, mode: s.mode, format, scopeOrgUnitId: reach.scopeOrgUnitId, scopePath: reach.scopePath,
    fileName: s.fileName, createdBy: reach.accountId, idempotencyKey: s.idempotencyKey, now: s.now,
  }));
  if (!inserted && s.idempotencyKey) {
    await files.remove(id);
    const first = await findImportByKey(db, reach.accountId, s.idempotencyKey);
    if (first) return { id: first.id, first };
  }
  return { id, first: null };
}
