// Runs one import to its end, as the registry-import job does (in the server or in `npm run worker`):
//  - allValid: one pass; each batch of rows is checked and its valid rows written, in ONE transaction with the batch's
//    rejections and the progress (processed, accepted, rejected_count). A restart resumes after `processed`: what was
//    written is never written twice, and the rows before are read again only to remember their keys (duplicates).
//  - allOrNothing: a first pass checks every row and lists every rejection (written batch by batch with the progress);
//    with none, a second pass writes every row in ONE transaction, which any row lost to a race rolls back whole. A
//    restart starts over (nothing was written).
// Either way one audit entry per import (kind, mode, file, counts) is written with its last change.
import type { Db, Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import type { GridLocatorCache } from '../org/locator-cache.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { territorialScope } from '../../domain/identity/scope.ts';
import { matchHeaders } from '../../domain/registry/columns.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { REGISTRY_LIMITS } from '../../shared/registry.ts';
import { reachOf, type Reach } from './reach.ts';
import { listTagCatalog } from './tags-store.ts';
import type { Principal } from '../platform/auth.ts';
import type { ImportFiles } from './import-file.ts';
import { readRows, readSharedStrings, UnreadableFile, type SheetRow, type StringTable } from './import-reader.ts';
import { checkBatch, prepareRows, rememberKeys, writeBatch, type BatchContext } from './import-batch.ts';
import { failureMessage, type ImportFailure } from './import-problems.ts';
import {
  finishImport, findImporter, getImport, gridsById, insertRejections, markRunning, rejectedRowNumbers, setProgress,
  type ImportRow, type ImporterRow, type RejectionRow,
} from './import-store.ts';

export interface ImportServices {
  db: Db;
  pii: PiiCipher;
  locator: GridLocatorCache;
  files: ImportFiles;
  clock: () => Date;
}

export const IMPORT_BATCH = 1000;

/**
 * Runs an import may start before it ends 'failed'. A run that throws ends the import itself (failed, INTERNAL); this
 * bounds the runs that never reach that point — the process dies (out of memory on a pathological file, killed, a
 * crash in a native module) — which would otherwise be taken up again by every tick of the job, forever. Three allows
 * an honest resume after a deploy or two in the middle of a large import.
 */
export const MAX_IMPORT_ATTEMPTS = 3;

class Failed extends Error {
  readonly failure: ImportFailure;
  constructor(failure: ImportFailure) {
    super(failure.code);
    this.failure = failure;
  }
}

/** The importer's reach now (its account may have changed since the upload); null when it may no longer import. */
export function importerReach(a: ImporterRow): Reach | null {
  const principal = {
    accountId: a.id, username: a.username, name: a.name, kind: 'staff', roles: a.roles, scopeOrgUnitId: a.scope_org_unit_id,
    scopePath: territorialScope(a.roles, a.scope_path), homeOrgUnitId: null, posts: [], grids: a.grids, departmentIds: [],
    mustChangePassword: false, tokenHash: '',
  } satisfies Principal;
  try {
    const reach = reachOf(principal);
    return reach.editor ? reach : null;
  } catch {
    return null;
  }
}

/** Runs (or resumes) the import to done or failed. The caller holds the import's lease. */
export async function runImport(svc: ImportServices, id: string): Promise<void> {
  const imp = await getImport(svc.db, id);
  if (!imp || imp.status === 'done' || imp.status === 'failed') return;
  const importer = await findImporter(svc.db, imp.created_by);
  const reach = importer ? importerReach(importer) : null;
  try {
    if (!reach) throw new Failed({ code: 'IMPORTER_GONE' });
    if (!(await svc.files.exists(id))) throw new Failed({ code: 'FILE_MISSING' });
    if (imp.attempts >= MAX_IMPORT_ATTEMPTS) throw new Failed({ code: 'TOO_MANY_ATTEMPTS', attempts: imp.attempts });
    const restart = imp.mode === 'allOrNothing' && imp.status === 'running';
    await svc.db.transaction((tx) => markRunning(tx, id, svc.clock(), restart));
    const fresh = (await getImport(svc.db, id))!;
    const strings = fresh.format === 'xlsx' ? await readSharedStrings(await svc.files.open(id)) : null;
    const ctx = await batchContext(svc, fresh, reach);
    if (fresh.mode === 'allValid') await allValid(svc, fresh, ctx, strings);
    else await allOrNothing(svc, fresh, ctx, strings);
    // the file stays only for the report of refused rows: without any, it goes at once
    if ((await getImport(svc.db, id))?.rejected_count === 0) await svc.files.remove(id);
  } catch (err) {
    const failure: ImportFailure = err instanceof Failed ? err.failure
      : err instanceof UnreadableFile ? (err.reason === 'tooLarge' ? { code: 'TOO_MANY_ROWS', max: REGISTRY_LIMITS.importRows } : { code: 'FILE_UNREADABLE' })
        : { code: 'INTERNAL' };
    if (failure.code === 'INTERNAL') console.error(`registry import ${id} failed:`, err);
    await svc.db.transaction(async (tx) => {
      await finishImport(tx, id, { status: 'failed', failure: JSON.stringify(failureMessage(failure)), total: null, now: svc.clock() });
      await auditImport(tx, imp, reach, svc.clock(), false, { failure: failure.code });
    });
    await svc.files.remove(id); // a failed import has no report
  }
}

async function batchContext(svc: ImportServices, imp: ImportRow, reach: Reach): Promise<BatchContext> {
  const catalog = await listTagCatalog(svc.db, null);
  // an importer working in one grid (a grid worker's team grid, or a scope that is a grid) places address-only rows there
  const ownIds = reach.gridIds ?? [];
  const own = ownIds.length === 1 ? await gridsById(svc.db, ownIds) : (await gridsById(svc.db, [imp.scope_org_unit_id]));
  return {
    kind: imp.kind, reach, pii: svc.pii, locator: await svc.locator.current(), keys: [], today: shanghaiDate(svc.clock()), catalog,
    ownGrid: own.length === 1 ? own[0]! : null, seen: new Map(),
  };
}

/** The file's data rows, in batches, after the header (checked against the template's columns). */
async function* batches(svc: ImportServices, imp: ImportRow, ctx: BatchContext, strings: StringTable | null): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  let first = true;
  let count = 0;
  for await (const r of readRows(await svc.files.open(imp.id), imp.format, strings)) {
    if (first) {
      first = false;
      const match = matchHeaders(imp.kind, r.cells.map((c) => (c === null || c === undefined ? null : String(c))));
      if (!match.ok) throw new Failed({ code: 'HEADER_MISMATCH', missing: match.missing, repeated: match.repeated });
      ctx.keys = match.keys;
      continue;
    }
    if (++count > REGISTRY_LIMITS.importRows) throw new Failed({ code: 'TOO_MANY_ROWS', max: REGISTRY_LIMITS.importRows });
    batch.push(r);
    if (batch.length >= IMPORT_BATCH) { yield batch; batch = []; }
  }
  if (first) throw new Failed({ code: 'NO_ROWS' });
  if (batch.length) yield batch;
}

/**
 * The batches with the next one read while the current one is written: on PostgreSQL the database works in its own
 * process meanwhile, so parsing the file and writing the rows use two cores.
 */
async function* ahead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = source.next();
      next.catch(() => undefined); // awaited on the next turn; a failure then is thrown there
      yield r.value;
    }
  } finally {
    await source.return(undefined);
  }
}

/** The batches with their rows' checks and sealed values worked out (not those a resumed import passed already). */
async function* prepared(ctx: BatchContext, source: AsyncGenerator<SheetRow[]>, skip: number): AsyncGenerator<SheetRow[]> {
  let seen = 0;
  for await (const rows of source) {
    await prepareRows(ctx, rows.slice(Math.max(0, skip - seen)));
    seen += rows.length;
    yield rows;
  }
}

const distinctRows = (rs: readonly RejectionRow[]) => new Set(rs.map((r) => r.row_number)).size;

async function allValid(svc: ImportServices, imp: ImportRow, ctx: BatchContext, strings: StringTable | null): Promise<void> {
  let { processed, accepted, rejected_count: rejected } = imp;
  // a resumed import: the rows already done are read again only to remember the keys of those accepted
  const rejectedBefore = processed > 0 ? await rejectedRowNumbers(svc.db, imp.id, 2_147_483_647) : new Set<number>();
  let index = 0;
  for await (const rows of ahead(prepared(ctx, batches(svc, imp, ctx, strings), imp.processed))) {
    const todo = rows.slice(Math.max(0, processed - index));
    const done = rows.slice(0, rows.length - todo.length);
    index += rows.length;
    rememberKeys(ctx, done.filter((r) => !rejectedBefore.has(r.row)));
    if (todo.length === 0) continue;
    ctx.locator = await svc.locator.current();
    await svc.db.transaction(async (tx) => {
      const checked = await checkBatch(tx, ctx, todo);
      const { written, lost } = await writeBatch(tx, ctx, checked.rows, { at: svc.clock(), reason: imp.file_name });
      const rejections = [...checked.rejections, ...lost];
      await insertRejections(tx, imp.id, rejections);
      processed += todo.length;
      accepted += written;
      rejected += distinctRows(rejections);
      await setProgress(tx, imp.id, { processed, accepted, rejected });
    });
  }
  await svc.db.transaction(async (tx) => {
    await finishImport(tx, imp.id, { status: 'done', failure: null, total: processed, now: svc.clock() });
    await auditImport(tx, imp, ctx.reach, svc.clock(), true, { total: processed, accepted, rejected });
  });
}

async function allOrNothing(svc: ImportServices, imp: ImportRow, ctx: BatchContext, strings: StringTable | null): Promise<void> {
  let processed = 0;
  let rejected = 0;
  for await (const rows of ahead(prepared(ctx, batches(svc, imp, ctx, strings), 0))) {
    ctx.locator = await svc.locator.current();
    await svc.db.transaction(async (tx) => {
      const checked = await checkBatch(tx, ctx, rows);
      await insertRejections(tx, imp.id, checked.rejections);
      processed += rows.length;
      rejected += distinctRows(checked.rejections);
      await setProgress(tx, imp.id, { total: null, processed, accepted: 0, rejected });
    });
  }
  if (rejected > 0) {
    await svc.db.transaction(async (tx) => {
      await finishImport(tx, imp.id, { status: 'done', failure: null, total: processed, now: svc.clock() });
      await auditImport(tx, imp, ctx.reach, svc.clock(), true, { total: processed, accepted: 0, rejected });
    });
    return;
  }
  // every row is valid: the second pass writes them all in one transaction, or nothing
  ctx.seen = new Map();
  ctx.locator = await svc.locator.current();
  const lost: RejectionRow[] = [];
  let accepted = 0;
  try {
    await svc.db.transaction(async (tx) => {
      for await (const rows of batches(svc, imp, ctx, strings)) {
        const checked = await checkBatch(tx, ctx, rows);
        const w = await writeBatch(tx, ctx, checked.rows, { at: svc.clock(), reason: imp.file_name });
        lost.push(...checked.rejections, ...w.lost);
        accepted += w.written;
      }
      if (lost.length) throw new RolledBack();
      await setProgress(tx, imp.id, { total: processed, processed, accepted, rejected: 0 });
      await finishImport(tx, imp.id, { status: 'done', failure: null, total: processed, now: svc.clock() });
      await auditImport(tx, imp, ctx.reach, svc.clock(), true, { total: processed, accepted, rejected: 0 });
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
    // a row became invalid between the passes (someone registered the same ID number meanwhile): nothing is written
    await svc.db.transaction(async (tx) => {
      await insertRejections(tx, imp.id, lost);
      await setProgress(tx, imp.id, { total: processed, processed, accepted: 0, rejected: distinctRows(lost) });
      await finishImport(tx, imp.id, { status: 'done', failure: null, total: processed, now: svc.clock() });
      await auditImport(tx, imp, ctx.reach, svc.clock(), true, { total: processed, accepted: 0, rejected: distinctRows(lost) });
    });
  }
}

class RolledBack extends Error {}

async function auditImport(tx: Tx, imp: ImportRow, reach: Reach | null, now: Date, success: boolean, detail: Record<string, unknown>): Promise<void> {
  await appendAudit(tx, {
    at: now, actorId: imp.created_by, actorName: reach?.username ?? null, ip: null, action: 'registry.import',
    targetType: 'registry_import', targetId: imp.id, success,
    detail: { kind: imp.kind, mode: imp.mode, format: imp.format, fileName: imp.file_name, ...detail },
  });
}
