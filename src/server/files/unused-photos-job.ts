import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { deleteUnusedPublicFiles } from './store.ts';
import type { BlobStore } from './blob-store.ts';
import { photoKey } from './upload-file.ts';

/** An anonymous photo has a day to be attached to a report. */
export const PUBLIC_PHOTO_GRACE_MS = 24 * 3_600_000;

/** Removes anonymous uploads that no report took, rows first (a case attaching one meanwhile keeps it), then files. */
export async function removeUnusedPublicPhotos(db: Db, blobs: BlobStore, now: Date): Promise<number> {
  const hashes = await db.transaction((tx) => deleteUnusedPublicFiles(tx, now, PUBLIC_PHOTO_GRACE_MS));
  for (const hash of hashes) {
    await Promise.all((['full', 'thumb'] as const).map((v) => blobs.delete(photoKey(hash, v))));
  }
  return hashes.length;
}

export function unusedPhotosJob(db: Db, blobs: BlobStore, clock: () => Date = () => new Date()): JobDefinition {
  return { name: 'unused-public-photos', cron: '43 * * * *', handler: async () => { await removeUnusedPublicPhotos(db, blobs, clock()); } };
}
