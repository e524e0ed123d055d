import { rm } from 'node:fs/promises';
import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { deleteUnusedPublicFiles } from './store.ts';
import { filePath } from './upload-file.ts';

/** An anonymous photo has a day to be attached to a report. */
export const PUBLIC_PHOTO_GRACE_MS = 24 * 3_600_000;

/** Removes anonymous uploads that no report took, rows first (a case attaching one meanwhile keeps it), then files. */
export async function removeUnusedPublicPhotos(db: Db, filesDir: string, now: Date): Promise<number> {
  const hashes = await db.transaction((tx) => deleteUnusedPublicFiles(tx, now, PUBLIC_PHOTO_GRACE_MS));
  for (const hash of hashes) {
    await Promise.all((['full', 'thumb'] as const).map((v) => rm(filePath(filesDir, hash, v), { force: true })));
  }
  return hashes.length;
}

export function unusedPhotosJob(db: Db, filesDir: string, clock: () => Date = () => new Date()): JobDefinition {
  return { name: 'unused-public-photos', cron: '43 * * * *', handler: async () => { await removeUnusedPublicPhotos(db, filesDir, clock()); } };
}
