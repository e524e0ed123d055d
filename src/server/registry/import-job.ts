// The registry-import job: works every unfinished import, one at a time per process. It runs in the server and in
// `npm run worker` (pg-boss, every minute and once at start), and the node that takes an upload starts it at once
// (unless JOBS=off). Each import is held by a lease while it runs: on PostgreSQL a session advisory lock on a
// connection of its own — it ends with the process, so an import whose worker died is taken up by the next tick and
// resumed, never run twice at once; on PGlite (one process) a set in memory. An import's file goes when it ends without
// refused rows (or fails); one with refused rows keeps it a week for its report, then this job removes it.
import pg from 'pg';
import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import type { CapabilityContext } from '../platform/capability.ts';
import { loadPiiKey, PiiCipher } from '../platform/pii-cipher.ts';
import { GridLocatorCache } from '../org/locator-cache.ts';
import { ImportFiles } from './import-file.ts';
import { installAuditKeys, loadAuditKeys } from '../audit/audit-keys.ts';
import { runImport, type ImportServices } from './run-import.ts';
import { listFinishedBetween, listUnfinishedImports } from './import-store.ts';

/** How long a finished import's file (and so its report) is kept. */
export const REPORT_KEPT_DAYS = 7;

const running = new Set<string>();

/** Takes the import's lease; null when another worker holds it. */
async function lease(db: Db, id: string): Promise<(() => Promise<void>) | null> {
  if (running.has(id)) return null;
  if ('pglite' in db.raw) {
    running.add(id);
    return async () => { running.delete(id); };
  }
  const client = new pg.Client({ connectionString: db.raw.connectionString });
  client.on('error', () => undefined);
  await client.connect();
  const r = await client.query<{ ok: boolean }>(`select pg_try_advisory_lock(hashtextextended('registry-import:' || $1, 0)) as ok`, [id]);
  if (!r.rows[0]?.ok) {
    await client.end().catch(() => undefined);
    return null;
  }
  running.add(id);
  return async () => {
    running.delete(id);
    await client.end().catch(() => undefined); // the session's lock goes with it
  };
}

let draining: Promise<void> | null = null;

/** Works the unfinished imports until none is left that this process may take; concurrent calls share one run. */
export function drainImports(svc: ImportServices): Promise<void> {
  draining ??= (async () => {
    try {
      for (;;) {
        let ran = false;
        for (const id of await listUnfinishedImports(svc.db, 20)) {
          const release = await lease(svc.db, id);
          if (!release) continue;
          try {
            await runImport(svc, id);
            ran = true;
          } finally {
            await release();
          }
        }
        if (!ran) break;
      }
    } finally {
      draining = null;
    }
  })();
  return draining;
}

/** Removes the files of imports finished more than a week ago (looking back a month: a node down that long is restored anyway). */
export async function removeOldFiles(svc: ImportServices): Promise<number> {
  const before = new Date(svc.clock().getTime() - REPORT_KEPT_DAYS * 86_400_000);
  const ids = await listFinishedBetween(svc.db, new Date(before.getTime() - 30 * 86_400_000), before, 5000);
  for (const id of ids) await svc.files.remove(id);
  return ids.length;
}

export function registryImportJob(svc: ImportServices): JobDefinition {
  return {
    name: 'registry-import',
    cron: '* * * * *',
    runAtStart: true,
    handler: async () => {
      await drainImports(svc);
      await removeOldFiles(svc);
    },
  };
}

/** The capability's jobs, with services of their own (a worker process has no app). */
export function registryImportJobs({ db, config }: CapabilityContext): JobDefinition[] {
  const key = loadPiiKey(config.dataDir);
  // an import ends with an audit entry: `npm run worker` builds no app, whose audit capability would install the keys
  installAuditKeys(loadAuditKeys(config.dataDir));
  return [registryImportJob({ db, pii: new PiiCipher(key), locator: new GridLocatorCache(db), files: new ImportFiles(config.dataDir, key), clock: () => new Date() })];
}
